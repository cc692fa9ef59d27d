//! Must-show 1: `lab-agent replay --engine kernel` on every scenario of
//! ../shared/scenarios, on this machine's real kernel, compared (masked as
//! `record-transcript --compare` masks) with the referee recordings and
//! with recordings made by record-transcript on this kernel
//! (tests/data/kernel-6.18). Differences must be listed, with a reason, in
//! tests/data/known-differences.txt. Needs root (CI is root).

use std::path::{Path, PathBuf};
use std::process::Command;

use sim_core::transcript::compare;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

fn have(tool: &str) -> bool {
    ["/usr/sbin", "/usr/bin", "/sbin", "/bin"].iter().any(|d| Path::new(d).join(tool).is_file())
}

struct Known {
    scenario: String,
    command: String,
    tag: String,
}

fn known() -> Vec<Known> {
    let text = std::fs::read_to_string(root().join("tests/data/known-differences.txt")).expect("known-differences.txt");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (entry, why) = l.split_once("  #")?;
            let (s, c) = entry.split_once(": ")?;
            let tag = why.trim().strip_prefix('[')?.split(']').next()?.to_string();
            Some(Known { scenario: s.trim().into(), command: c.trim().into(), tag })
        })
        .collect()
}

fn kernel_replay(script: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_lab-agent"))
        .args(["replay", "--engine", "kernel"])
        .arg(script)
        .output()
        .expect("lab-agent runs");
    assert!(out.status.success(), "lab-agent failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8 transcript")
}

#[test]
fn kernel_engine_matches_the_recordings() {
    if !is_root() {
        eprintln!("skipped: the kernel engine needs root");
        return;
    }
    let shared = root().join("../../shared");
    let mut scenarios: Vec<PathBuf> = std::fs::read_dir(shared.join("scenarios"))
        .expect("../shared/scenarios")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "sh"))
        .collect();
    scenarios.sort();
    assert!(!scenarios.is_empty());
    let known = known();
    // Without the system tools their commands cannot match: pending then.
    let missing: Vec<&str> = ["ping", "iptables"].into_iter().filter(|t| !have(t)).collect();
    // Scenarios run in parallel: each is its own process and sandbox.
    let runs: Vec<(String, String)> = std::thread::scope(|s| {
        let handles: Vec<_> = scenarios
            .iter()
            .map(|sh| {
                s.spawn(move || {
                    let stem = sh.file_stem().and_then(|x| x.to_str()).expect("name").to_string();
                    (stem, kernel_replay(sh))
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("replay thread")).collect()
    });
    let mut failures = Vec::new();
    let mut stale = Vec::new();
    let mut totals = Vec::new();
    for (stem, actual) in &runs {
        for (label, dir) in
            [("referee", shared.join("transcripts")), ("kernel-6.18", root().join("tests/data/kernel-6.18"))]
        {
            let expected = std::fs::read_to_string(dir.join(format!("{stem}.txt"))).expect("recording exists");
            let (same, bad) = compare(&expected, actual);
            totals.push(format!("{label} {stem}: {same}/{}", same + bad.len()));
            for m in &bad {
                let listed = known.iter().any(|k| {
                    k.scenario == *stem && k.command == m.command && (k.tag != "kernel" || label == "referee")
                });
                let tool_missing = missing.iter().any(|t| m.command.contains(&format!("{t} ")));
                if !listed && !tool_missing {
                    failures.push(format!(
                        "[{label}] {stem}: $ {}\n--- expected\n{}\n--- actual\n{}\n",
                        m.command,
                        m.expected,
                        m.actual.clone().unwrap_or_else(|| "<missing>".into())
                    ));
                }
            }
            for k in known.iter().filter(|k| k.scenario == *stem && (k.tag != "kernel" || label == "referee")) {
                let present = sim_core::transcript::split(&expected).iter().any(|(c, _)| *c == k.command);
                if present && !bad.iter().any(|m| m.command == k.command) {
                    stale.push(format!("[{label}] {stem}: {}", k.command));
                }
            }
        }
    }
    println!("{}", totals.join("\n"));
    if !missing.is_empty() {
        println!("pending (not installed): {}", missing.join(", "));
    }
    if !stale.is_empty() {
        println!("listed in known-differences.txt but matching now:\n{}", stale.join("\n"));
    }
    assert!(failures.is_empty(), "{} commands differ:\n{}", failures.len(), failures.join("\n"));
}
