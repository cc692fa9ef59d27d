//! The packet engine's commands (ping, ip neigh, iptables, ip route get)
//! replayed against real-kernel recordings: the shared referee transcripts
//! and our own under `tests/data/packet`.

mod packet_support;

use std::path::{Path, PathBuf};

use sim_core::transcript::compare;

fn check_dir(scenarios: &Path, transcripts: &Path, only: &[&str]) -> (usize, usize, Vec<String>) {
    let mut names: Vec<PathBuf> = std::fs::read_dir(scenarios)
        .expect("scenario folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "sh"))
        .collect();
    names.sort();
    let (mut same, mut total, mut bad) = (0, 0, Vec::new());
    for sh in names {
        let stem = sh.file_stem().and_then(|s| s.to_str()).expect("name").to_string();
        if !only.is_empty() && !only.contains(&stem.as_str()) {
            continue;
        }
        let expected = std::fs::read_to_string(transcripts.join(format!("{stem}.txt"))).expect("recording");
        let (actual, _) = packet_support::replay(&std::fs::read_to_string(&sh).expect("script"), 0);
        let (_, mism) = compare(&expected, &actual);
        for m in mism {
            if packet_support::is_packet_cmd(&m.command) {
                total += 1;
                bad.push(format!(
                    "{stem}: $ {}\n--- expected\n{}\n--- actual\n{}\n",
                    m.command,
                    m.expected,
                    m.actual.unwrap_or_default()
                ));
            }
        }
        let packet_cmds = sim_core::transcript::commands(&std::fs::read_to_string(&sh).expect("script"))
            .iter()
            .filter(|c| packet_support::is_packet_cmd(c))
            .count();
        total += packet_cmds - bad.iter().filter(|b| b.starts_with(&format!("{stem}:"))).count();
        same += packet_cmds - bad.iter().filter(|b| b.starts_with(&format!("{stem}:"))).count();
    }
    (same, total, bad)
}

#[test]
fn shared_scenarios_packet_commands_match() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared");
    let (same, total, bad) = check_dir(&root.join("scenarios"), &root.join("transcripts"), &[]);
    println!("shared: {same}/{total} packet commands match");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn own_packet_recordings_match() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/packet");
    let (same, total, bad) = check_dir(&dir, &dir, &[]);
    println!("own: {same}/{total} packet commands match");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
