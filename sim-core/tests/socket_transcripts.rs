//! Replays the socket recordings (`tests/data/sockets/*.txt`: nc, ss,
//! netstat, jobs, `ip netns pids`, a Service's DNAT) through the simulator
//! and compares them command by command, masked as the recorder masks
//! (`transcript::normalize`, with its pid masks). Every command that does
//! not match yet is listed with its reason in the folder's
//! `known-gaps.txt`; a listed command that matches fails the test too, so
//! the list stays true.
#![cfg(feature = "sockets")]

use std::path::{Path, PathBuf};

use sim_core::transcript::{compare, replay};

#[test]
fn socket_recordings_match_except_known_gaps() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sockets");
    let gaps = std::fs::read_to_string(dir.join("known-gaps.txt")).expect("known-gaps.txt");
    let gaps: Vec<(String, String)> = gaps
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let l = l.split("  #").next()?;
            let (s, c) = l.split_once(": ")?;
            Some((s.trim().to_string(), c.trim().to_string()))
        })
        .collect();
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("sockets folder")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "sh"))
        .collect();
    names.sort();
    let (mut same_all, mut total_all) = (0, 0);
    let mut failures = Vec::new();
    let mut seen = Vec::new();
    for sh in names {
        let stem = sh.file_stem().and_then(|s| s.to_str()).expect("file name").to_string();
        let expected = std::fs::read_to_string(dir.join(format!("{stem}.txt"))).expect("recording exists");
        let actual = replay(&std::fs::read_to_string(&sh).expect("scenario readable"), 0);
        let (same, bad) = compare(&expected, &actual);
        println!("{stem}: {same}/{} commands match", same + bad.len());
        same_all += same;
        total_all += same + bad.len();
        for m in bad {
            if gaps.iter().any(|(s, c)| *s == stem && *c == m.command) {
                seen.push(format!("{stem}: {}", m.command));
            } else {
                failures.push(format!(
                    "{stem}: $ {}\n--- expected\n{}\n--- actual\n{}\n",
                    m.command,
                    m.expected,
                    m.actual.unwrap_or_else(|| "<missing>".into())
                ));
            }
        }
    }
    println!("socket recordings: {same_all}/{total_all} commands match ({} known gaps)", gaps.len());
    assert!(failures.is_empty(), "{} commands differ:\n{}", failures.len(), failures.join("\n"));
    let fixed: Vec<String> = gaps.iter().map(|(s, c)| format!("{s}: {c}")).filter(|g| !seen.contains(g)).collect();
    assert!(fixed.is_empty(), "listed as known gaps but now matching (remove them from known-gaps.txt): {fixed:?}");
}

/// The model's invariants (socket tables included) hold after every
/// command of every socket recording.
#[test]
fn socket_recordings_keep_the_models_invariants() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sockets");
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("sockets folder")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "sh"))
        .collect();
    scripts.sort();
    for sh in scripts {
        let mut lab = sim_core::Lab::with_seed(0);
        for cmd in sim_core::transcript::commands(&std::fs::read_to_string(&sh).expect("readable")) {
            lab.run_command(&cmd);
            if let Err(e) = lab.kernel().check_invariants() {
                panic!("{}: after `{cmd}`: {e}", sh.display());
            }
        }
    }
}
