//! Embeds the lab presets' real-host scripts: `sim-core/src/lab/presets/NAME.sh`,
//! each the commands that build preset NAME on a real Linux host (what the
//! simulator's model of it stands for). The agent runs them before a
//! session or a lesson that starts from a preset (`src/presets.rs`); a
//! preset without a script has none here, and the agent says so.
//!
//! Read at build time, so that an agent copied to a VM (`scripts/build-agent`)
//! carries them without the source tree.

use std::{env, fs, path::Path};

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("../sim-core/src/lab/presets");
    // A directory: cargo looks at every file in it, so a script added or changed rebuilds.
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut scripts: Vec<(String, String)> = Vec::new();
    for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap_or_else(|e| panic!("{}: {e}", dir.display())).path();
        if path.extension().is_some_and(|x| x == "sh") {
            let name = path.file_stem().unwrap_or_default().to_string_lossy().to_string();
            let path = fs::canonicalize(&path).unwrap_or(path);
            scripts.push((name, path.display().to_string()));
        }
    }
    scripts.sort();
    let mut out =
        String::from("/// Each preset's script, by name (`build.rs`).\npub static SCRIPTS: &[(&str, &str)] = &[\n");
    for (name, path) in scripts {
        out += &format!("    ({name:?}, include_str!({path:?})),\n");
    }
    out += "];\n";
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("preset_scripts.rs"), out).unwrap();
}
