//! The invariant "tools reach the kernel only through the seam" as a test:
//! no file under `src/tools/` or `src/iproute/` names the kernel model's
//! state (`Kernel`, a namespace's `NsId`/`Namespace`), the packet engine, or
//! the simulator's implementations of the seam. They may use the value types
//! the seam shares (routes, addresses, errnos, rules) — the seam's traits
//! (`Netlink`, `Sockets`, `Netfilter`) are the only way to the state.

use std::path::Path;

const FORBIDDEN: &[&str] = &["Kernel", "NsId", "Namespace", "Engine", "SimNetlink", "SimSockets", "SimNetfilter"];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Identifiers in a line of code, each with the text before it.
fn idents(line: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices().chain([(line.len(), ' ')]) {
        let word = c.is_ascii_alphanumeric() || c == '_';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((&line[..s], &line[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    out
}

#[test]
fn tools_reach_the_kernel_only_through_the_seam() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root.join("tools"), &mut files);
    rust_files(&root.join("iproute"), &mut files);
    let mut bad = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for (before, id) in idents(code) {
                // `Proto::Kernel` is a route's protocol, not the model.
                let named = FORBIDDEN.contains(&id) && !before.ends_with("Proto::");
                // String literals may say anything.
                let in_string = before.matches('"').count() % 2 == 1;
                // The packet engine's modules, by path.
                let engine = id == "packet" && before.ends_with("crate::");
                if (named || engine) && !in_string {
                    bad.push(format!("{}:{}: {id}: {}", f.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(bad.is_empty(), "tools reaching past the seam:\n{}", bad.join("\n"));
}
