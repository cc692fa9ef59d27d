//! The lab presets on a real kernel. The simulator builds a preset from its
//! model (`sim_core::Lab::with_preset`); a real host runs the preset's
//! script, `sim-core/src/lab/presets/NAME.sh`, embedded at build time
//! (`build.rs`). A script is read as a lesson's ```` ```setup ```` block
//! is: one command a line, blank lines and `#` comments (a `#!` line
//! too) skipped, a line ending in `\` continued on the next.

include!(concat!(env!("OUT_DIR"), "/preset_scripts.rs"));

/// Why a preset cannot be built on a real host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoScript {
    /// No preset has that name.
    Unknown(String),
    /// The preset exists on the simulator, but it has no real-host script yet.
    Missing(String),
    /// A line of its script failed on this kernel: the preset, its line,
    /// its status and what it printed.
    Failed(String, String, i32, String),
}

impl std::fmt::Display for NoScript {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NoScript::Unknown(name) => write!(f, "there is no lab preset named `{name}`"),
            NoScript::Missing(name) => write!(f, "preset {name}: no real-host script"),
            NoScript::Failed(name, line, status, out) => {
                write!(f, "preset {name}: `{line}` failed on this kernel (status {status}): {}", out.trim_end())
            }
        }
    }
}

/// The commands that build preset `name` on a real host.
pub fn script(name: &str) -> Result<Vec<String>, NoScript> {
    if !sim_core::lab::presets::exists(name) {
        return Err(NoScript::Unknown(name.to_string()));
    }
    let (_, text) = SCRIPTS.iter().find(|(n, _)| *n == name).ok_or_else(|| NoScript::Missing(name.to_string()))?;
    Ok(lines(text))
}

/// A script's commands (see the module's documentation).
pub fn lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut pending = String::new();
    for line in text.lines() {
        let line = line.trim();
        if pending.is_empty() && (line.is_empty() || line.starts_with('#')) {
            continue;
        }
        match line.strip_suffix('\\') {
            Some(head) => {
                pending.push_str(head.trim_end());
                pending.push(' ');
            }
            None => {
                pending.push_str(line);
                out.push(std::mem::take(&mut pending).trim().to_string());
            }
        }
    }
    if !pending.trim().is_empty() {
        out.push(pending.trim().to_string());
    }
    out
}

/// The containers a preset's script started, from the pid files it wrote
/// (`DIR/nslab-NAME.pid`: the sandbox's own /tmp), sorted by name.
pub fn containers(dir: &std::path::Path) -> Vec<(String, u32)> {
    let mut found: Vec<(String, u32)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let file = e.file_name().into_string().ok()?;
            let name = file.strip_prefix("nslab-")?.strip_suffix(".pid")?.to_string();
            let pid = std::fs::read_to_string(e.path()).ok()?.trim().parse().ok()?;
            Some((name, pid))
        })
        .collect();
    found.sort();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_is_its_commands() {
        let text = "#!/bin/sh\n# docker0 and a container\n\nip link add docker0 type bridge\nip addr add \\\n  172.17.0.1/16 dev docker0\n  ip link set docker0 up  \n";
        assert_eq!(
            lines(text),
            ["ip link add docker0 type bridge", "ip addr add 172.17.0.1/16 dev docker0", "ip link set docker0 up"]
        );
    }

    #[test]
    fn every_script_is_a_presets_and_a_missing_one_says_so() {
        for (name, _) in SCRIPTS {
            assert!(sim_core::lab::presets::exists(name), "sim-core/src/lab/presets/{name}.sh names no preset");
        }
        assert_eq!(script("nope"), Err(NoScript::Unknown("nope".into())));
        for name in sim_core::lab::presets::NAMES {
            match script(name) {
                Ok(lines) => assert!(!lines.is_empty(), "{name}.sh has no commands"),
                Err(e) => assert_eq!(e.to_string(), format!("preset {name}: no real-host script")),
            }
        }
    }
}
