//! Replays the curl recordings (`tests/data/capture/curl*.txt`: curl
//! 7.88.1 against nc servers; `curl-more` is the simulator's own) through
//! the simulator and compares them command by command, masked as the
//! recorder masks (`transcript::normalize`). Lines are split at `\n`
//! only: curl's `\r`s (header lines end in `\r\n`) stay on both sides and
//! are compared too. Every command that does not match yet is listed
//! with its reason in `known-gaps-curl.txt`; a listed command that
//! matches fails the test too, so the list stays true.
#![cfg(feature = "sockets")]

use std::path::{Path, PathBuf};

use sim_core::transcript::{compare, replay};

#[test]
fn curl_recordings_match_except_known_gaps() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/capture");
    let gaps = std::fs::read_to_string(dir.join("known-gaps-curl.txt")).expect("known-gaps-curl.txt");
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
        .expect("capture folder")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "sh"))
        .filter(|p| p.file_stem().and_then(|s| s.to_str()).is_some_and(|s| s.starts_with("curl")))
        .collect();
    names.sort();
    let mut failures = Vec::new();
    let mut seen = Vec::new();
    for sh in names {
        let stem = sh.file_stem().and_then(|s| s.to_str()).expect("file name").to_string();
        let expected = std::fs::read_to_string(dir.join(format!("{stem}.txt"))).expect("recording exists");
        let actual = replay(&std::fs::read_to_string(&sh).expect("scenario readable"), 0);
        let (same, bad) = compare(&expected, &actual);
        println!("{stem}: {same}/{} commands match", same + bad.len());
        for m in bad {
            if gaps.iter().any(|(s, c)| *s == stem && *c == m.command) {
                seen.push(format!("{stem}: {}", m.command));
            } else {
                failures.push(format!(
                    "{stem}: $ {}\n--- expected\n{}\n--- actual\n{}\n",
                    m.command,
                    m.expected.escape_debug(),
                    m.actual.map_or_else(|| "<missing>".into(), |a| a.escape_debug().to_string())
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{} commands differ:\n{}", failures.len(), failures.join("\n"));
    let fixed: Vec<String> = gaps.iter().map(|(s, c)| format!("{s}: {c}")).filter(|g| !seen.contains(g)).collect();
    assert!(
        fixed.is_empty(),
        "listed as known gaps but now matching (remove them from known-gaps-curl.txt): {fixed:?}"
    );
}
