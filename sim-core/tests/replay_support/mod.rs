//! What every recording replay test shares (`transcripts.rs`,
//! `socket_transcripts.rs`, and one per folder of recordings after them):
//! a folder's `known-gaps.txt`, the replay of every `NAME.sh` beside its
//! `NAME.txt` through a fresh lab, and the comparison of each command after
//! the recorder's masks (`transcript::compare`).
//!
//! Outputs are compared exactly, carriage returns included: transcripts
//! are read as bytes (`fs::read_to_string` translates no newline) and
//! split on `\n` alone, so curl's header lines, which end in `\r\n`, must
//! end in `\r` on both sides. A failure shows a `\r` as `\r` (the
//! terminal would hide it).
//!
//! A folder's test in a few lines (its `#![cfg(feature = …)]` is the
//! feature set it runs under; a scenario that needs something the lab as
//! built lacks, `lab::basic::lacks`, is skipped):
//!
//! ```ignore
//! mod replay_support;
//! #[test]
//! fn capture_recordings_match_except_known_gaps() {
//!     replay_support::check_folder("capture", &replay_support::data("capture"));
//! }
//! ```

#![allow(dead_code)] // each test file uses its own part

use std::path::{Path, PathBuf};

use sim_core::lab::basic::lacks;
use sim_core::transcript::{commands, compare, replay};

/// `sim-core/tests/data/NAME`.
pub fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

/// The shared referee's folder (`../shared`, beside the repository).
pub fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared")
}

/// One listed known gap: a command of a scenario that may differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    pub scenario: String,
    pub command: String,
}

/// A folder's `known-gaps.txt`: `SCENARIO: COMMAND  # why` lines, `#`
/// comments and blank lines skipped.
pub fn known_gaps(path: &Path) -> Vec<Gap> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let l = l.split("  #").next()?;
            let (s, c) = l.split_once(": ")?;
            Some(Gap { scenario: s.trim().to_string(), command: c.trim().to_string() })
        })
        .collect()
}

/// What replaying a folder found.
#[derive(Debug, Default)]
pub struct Replayed {
    /// Matching commands, and all commands, of the scenarios replayed.
    pub same: usize,
    pub total: usize,
    /// Per scenario replayed, in name order: (name, matching, total).
    pub files: Vec<(String, usize, usize)>,
    /// Mismatches not allowed, each as a readable report.
    pub failures: Vec<String>,
    /// Allowed mismatches, as "SCENARIO: COMMAND".
    pub allowed: Vec<String>,
    /// Scenarios not replayed: the lab as built lacks something they use.
    pub skipped: Vec<String>,
}

/// The `NAME.sh` of a folder, in name order.
pub fn scenarios(dir: &Path) -> Vec<PathBuf> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "sh"))
        .collect();
    names.sort();
    names
}

/// Replays every scenario of `scenarios` (but those the lab as built
/// lacks something for) on a fresh lab (seed 0) and compares it with
/// `transcripts/NAME.txt`; `allowed(scenario, command)` says which
/// mismatches are known.
pub fn replay_dir(scenarios_dir: &Path, transcripts: &Path, allowed: &dyn Fn(&str, &str) -> bool) -> Replayed {
    let mut r = Replayed::default();
    for sh in scenarios(scenarios_dir) {
        let stem = sh.file_stem().and_then(|s| s.to_str()).expect("file name").to_string();
        let expected = std::fs::read_to_string(transcripts.join(format!("{stem}.txt"))).expect("recording exists");
        let script = std::fs::read_to_string(&sh).expect("scenario readable");
        if commands(&script).iter().any(|c| lacks(c).is_some()) {
            r.skipped.push(stem);
            continue;
        }
        let actual = replay(&script, 0);
        let (same, bad) = compare(&expected, &actual);
        r.files.push((stem.clone(), same, same + bad.len()));
        r.total += same + bad.len();
        r.same += same;
        for m in bad {
            if allowed(&stem, &m.command) {
                r.allowed.push(format!("{stem}: {}", m.command));
            } else {
                r.failures.push(format!(
                    "{stem}: $ {}\n--- expected\n{}\n--- actual\n{}\n",
                    m.command,
                    visible(&m.expected),
                    m.actual.as_deref().map_or_else(|| "<missing>".into(), visible)
                ));
            }
        }
    }
    r
}

/// A carriage return shown as `\r`, so a failure that is only a `\r`
/// can be seen.
fn visible(text: &str) -> String {
    text.replace('\r', "\\r")
}

/// Replays a folder of recordings against its own `known-gaps.txt`.
pub fn replay_with_gaps(dir: &Path) -> (Replayed, Vec<Gap>) {
    replay_with_gaps_in(dir, &dir.join("known-gaps.txt"))
}

/// Replays a folder of recordings against the known gaps of `gaps_file`.
pub fn replay_with_gaps_in(dir: &Path, gaps_file: &Path) -> (Replayed, Vec<Gap>) {
    let gaps = known_gaps(gaps_file);
    let r = replay_dir(dir, dir, &|s, c| gaps.iter().any(|g| g.scenario == s && g.command == c));
    (r, gaps)
}

/// Fails on any mismatch not allowed, then on any listed gap of a
/// scenario replayed that matches now (the list must stay true).
pub fn assert_clean(r: &Replayed, gaps: &[Gap]) {
    assert!(r.failures.is_empty(), "{} commands differ:\n{}", r.failures.len(), r.failures.join("\n"));
    let fixed: Vec<String> = gaps
        .iter()
        .filter(|g| !r.skipped.contains(&g.scenario))
        .map(|g| format!("{}: {}", g.scenario, g.command))
        .filter(|g| !r.allowed.contains(g))
        .collect();
    assert!(fixed.is_empty(), "listed as known gaps but now matching (remove them from known-gaps.txt): {fixed:?}");
}

/// A folder's whole test: replay `dir` against its `known-gaps.txt`,
/// print each file's count (`NAME: M/N commands match`) and a summary
/// (`LABEL recordings: M/N commands match (G known gaps)`), and fail on
/// an unlisted mismatch or a listed gap that matches now.
pub fn check_folder(label: &str, dir: &Path) {
    check_folder_with(label, dir, &dir.join("known-gaps.txt"));
}

/// [`check_folder`] with the known gaps kept elsewhere.
pub fn check_folder_with(label: &str, dir: &Path, gaps_file: &Path) {
    let (r, gaps) = replay_with_gaps_in(dir, gaps_file);
    for (stem, same, total) in &r.files {
        println!("{stem}: {same}/{total} commands match");
    }
    let skipped =
        if r.skipped.is_empty() { String::new() } else { format!("; skipped, lacking features: {:?}", r.skipped) };
    println!("{label} recordings: {}/{} commands match ({} known gaps{skipped})", r.same, r.total, gaps.len());
    assert_clean(&r, &gaps);
}

/// The model's invariants (`Kernel::check_invariants`) hold after every
/// command of every scenario in `dir`, each run as the recorder ran it
/// (`bash -c`) on a fresh lab, whatever its outcome; scenarios the lab as
/// built lacks something for are skipped. Panics at the first break, and
/// answers how many commands ran.
pub fn keeps_invariants(dir: &Path) -> usize {
    let mut n = 0;
    for sh in scenarios(dir) {
        let commands = commands(&std::fs::read_to_string(&sh).expect("readable"));
        if commands.iter().any(|c| lacks(c).is_some()) {
            continue;
        }
        let mut lab = sim_core::Lab::with_seed(0);
        for cmd in commands {
            lab.run_command(&cmd);
            n += 1;
            if let Err(e) = lab.kernel().check_invariants() {
                panic!("{}: after `{cmd}`: {e}", sh.display());
            }
        }
    }
    n
}
