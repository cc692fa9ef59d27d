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

mod replay_support;

use replay_support::{assert_clean, replay_dir, replay_with_gaps, shared};
use sim_core::lab::basic::lacks;

#[test]
fn shared_transcripts_match_every_command() {
    let root = shared();
    let r = replay_dir(&root.join("scenarios"), &root.join("transcripts"), &|_, _| false);
    println!(
        "shared transcripts: {}/{} commands match (skipped, needing the complete lab: {:?})",
        r.same, r.total, r.skipped
    );
    assert_clean(&r, &[]);
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
    let (r, gaps) = replay_with_gaps(&replay_support::data(set));
    println!(
        "own {set} recordings: {}/{} commands match ({} known gaps; skipped, needing the complete lab: {:?})",
        r.same,
        r.total,
        gaps.len(),
        r.skipped
    );
    assert_clean(&r, &gaps);
}

/// The model's invariants (`Kernel::check_invariants`: unique names and
/// ifindexes per namespace, veth peers that point back, …) hold after every
/// command of every recording, whatever the recording's outcome.
#[test]
fn every_recording_keeps_the_models_invariants() {
    let dirs = [shared().join("scenarios"), replay_support::data("kernel"), replay_support::data("packet")];
    let mut n = 0;
    for dir in dirs {
        for sh in replay_support::scenarios(&dir) {
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
