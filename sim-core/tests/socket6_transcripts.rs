//! Replays the IPv6 socket recordings (`tests/data/sockets6/*.txt`: nc,
//! ss, netstat and curl over IPv6, and IPv4 clients of dual-stack
//! listeners) through the simulator, as `socket_transcripts.rs` does the
//! IPv4 ones. TCP and UDP over IPv6 are being built (issue 14): every
//! command that does not match yet is listed with its reason in the
//! folder's `known-gaps.txt`, and a listed command that matches fails the
//! test, so the count of gaps is the work left.
#![cfg(all(feature = "sockets", feature = "ipv6"))]

mod replay_support;

#[test]
fn socket6_recordings_match_except_known_gaps() {
    replay_support::check_folder("socket6", &replay_support::data("sockets6"));
}

/// The model's invariants hold after every command of every IPv6 socket
/// recording, matched or not.
#[test]
fn socket6_recordings_keep_the_models_invariants() {
    replay_support::keeps_invariants(&replay_support::data("sockets6"));
}
