//! Replays real-kernel recordings through the simulator and compares them
//! command by command, masked as `record-transcript --compare` masks.
//!
//! Two sets: the shared referee transcripts (`../shared/transcripts`, made
//! by the project's CEO on a real kernel) and our own recordings under
//! `tests/data/kernel`, made with `record-transcript` while building.
//!
//! Built without the complete lab's features (`cargo test -p sim-core
//! --no-default-features --features text-tools --test transcripts`, as
//! scripts/test runs it) it checks the site's basic lab: every recording
//! none of whose lines needs the complete lab (`lab::basic::lacks`) must
//! match the same way, so the two labs print the same for what both run.

use std::path::{Path, PathBuf};

use sim_core::lab::basic::lacks;
use sim_core::transcript::{compare, replay};

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared")
}

/// Replays every scenario of a folder (but those the lab as built lacks
/// something for); returns (matching, total, unexpected mismatches,
/// allowed mismatches as "scenario: command", scenarios skipped).
fn replay_dir(
    scenarios: &Path,
    transcripts: &Path,
    allowed: &dyn Fn(&str, &str) -> bool,
) -> (usize, usize, Vec<String>, Vec<String>, Vec<String>) {
    let mut skipped = Vec::new();
    let mut allowed_seen = Vec::new();
    let mut total = 0;
    let mut same_total = 0;
    let mut failures = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(scenarios)
        .expect("scenario folder")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "sh"))
        .collect();
    names.sort();
    for sh in names {
        let stem = sh.file_stem().and_then(|s| s.to_str()).expect("file name").to_string();
        let expected = std::fs::read_to_string(transcripts.join(format!("{stem}.txt"))).expect("recording exists");
        let script = std::fs::read_to_string(&sh).expect("scenario readable");
        if sim_core::transcript::commands(&script).iter().any(|c| lacks(c).is_some()) {
            skipped.push(stem);
            continue;
        }
        let actual = replay(&script, 0);
        let (same, bad) = compare(&expected, &actual);
        total += same + bad.len();
        same_total += same;
        for m in bad {
            if allowed(&stem, &m.command) {
                allowed_seen.push(format!("{stem}: {}", m.command));
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
    (same_total, total, failures, allowed_seen, skipped)
}

#[test]
fn shared_transcripts_match_every_command() {
    let root = shared();
    let (same, total, failures, _, skipped) =
        replay_dir(&root.join("scenarios"), &root.join("transcripts"), &|_, _| false);
    println!("shared transcripts: {same}/{total} commands match (skipped, needing the complete lab: {skipped:?})");
    assert!(failures.is_empty(), "{} commands differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn own_recordings_match_except_known_gaps() {
    own_recordings("kernel");
}

/// Every command of the packet recordings, not only the packet engine's
/// (`packet_transcripts` checks those): link counters, route caches, sysctl.
#[test]
fn own_packet_recordings_match_except_known_gaps() {
    own_recordings("packet");
}

fn own_recordings(set: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(set);
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
    let (same, total, failures, seen, skipped) =
        replay_dir(&dir, &dir, &|s, c| gaps.iter().any(|(gs, gc)| gs == s && gc == c));
    println!("own {set} recordings: {same}/{total} commands match ({} known gaps; skipped, needing the complete lab: {skipped:?})", gaps.len());
    assert!(failures.is_empty(), "{} commands differ:\n{}", failures.len(), failures.join("\n"));
    let fixed: Vec<String> = gaps
        .iter()
        .filter(|(s, _)| !skipped.contains(s))
        .map(|(s, c)| format!("{s}: {c}"))
        .filter(|g| !seen.contains(g))
        .collect();
    assert!(fixed.is_empty(), "listed as known gaps but now matching (remove them from known-gaps.txt): {fixed:?}");
}

/// The model's invariants (`Kernel::check_invariants`: unique names and
/// ifindexes per namespace, veth peers that point back, …) hold after every
/// command of every recording, whatever the recording's outcome.
#[test]
fn every_recording_keeps_the_models_invariants() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let dirs = [shared().join("scenarios"), here.join("kernel"), here.join("packet")];
    let mut n = 0;
    for dir in dirs {
        let mut scripts: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("scenario folder")
            .map(|e| e.expect("dir entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "sh"))
            .collect();
        scripts.sort();
        for sh in scripts {
            let mut lab = sim_core::Lab::with_seed(0);
            let commands = sim_core::transcript::commands(&std::fs::read_to_string(&sh).expect("readable"));
            if commands.iter().any(|c| lacks(c).is_some()) {
                continue;
            }
            for cmd in commands {
                lab.run(&cmd);
                n += 1;
                if let Err(e) = lab.kernel().check_invariants() {
                    panic!("{}: after `{cmd}`: {e}", sh.display());
                }
            }
        }
    }
    println!("invariants held after each of {n} recorded commands");
}
