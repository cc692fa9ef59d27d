//! Replays the curl recording (`tests/data/capture/curl.txt`, curl
//! 7.88.1 against nc servers) through the simulator and compares it
//! command by command, masked as the recorder masks
//! (`transcript::normalize`). Lines are split at `\n` only: curl's `\r`s
//! (header lines end in `\r\n`) stay in both sides and are compared too.
//! Every command that does not match yet is listed with its reason in
//! `known-gaps-curl.txt`; a listed command that matches fails the test
//! too, so the list stays true.
#![cfg(feature = "sockets")]

use std::path::Path;

use sim_core::transcript::{compare, replay};

#[test]
fn curl_recording_matches_except_known_gaps() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/capture");
    let gaps = std::fs::read_to_string(dir.join("known-gaps-curl.txt")).expect("known-gaps-curl.txt");
    let gaps: Vec<String> = gaps
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split("  #").next().map(|c| c.trim().to_string()))
        .collect();
    let expected = std::fs::read_to_string(dir.join("curl.txt")).expect("recording exists");
    let actual = replay(&std::fs::read_to_string(dir.join("curl.sh")).expect("scenario readable"), 0);
    let (same, bad) = compare(&expected, &actual);
    println!("curl: {same}/{} commands match ({} known gaps)", same + bad.len(), gaps.len());
    let mut failures = Vec::new();
    let mut seen = Vec::new();
    for m in bad {
        if gaps.contains(&m.command) {
            seen.push(m.command);
        } else {
            failures.push(format!(
                "$ {}\n--- expected\n{}\n--- actual\n{}\n",
                m.command,
                m.expected.escape_debug(),
                m.actual.map_or_else(|| "<missing>".into(), |a| a.escape_debug().to_string())
            ));
        }
    }
    assert!(failures.is_empty(), "{} commands differ:\n{}", failures.len(), failures.join("\n"));
    let fixed: Vec<&String> = gaps.iter().filter(|g| !seen.contains(g)).collect();
    assert!(
        fixed.is_empty(),
        "listed as known gaps but now matching (remove them from known-gaps-curl.txt): {fixed:?}"
    );
}
