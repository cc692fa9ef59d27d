//! Replays the socket recordings (`tests/data/sockets/*.txt`: nc, ss,
//! netstat, jobs, `ip netns pids`, a Service's DNAT) through the simulator
//! and compares them command by command, masked as the recorder masks
//! (`transcript::normalize`, with its pid masks). Every command that does
//! not match yet is listed with its reason in the folder's
//! `known-gaps.txt`; a listed command that matches fails the test too, so
//! the list stays true.
#![cfg(feature = "sockets")]

mod replay_support;

#[test]
fn socket_recordings_match_except_known_gaps() {
    replay_support::check_folder("socket", &replay_support::data("sockets"));
}

/// The model's invariants (socket tables included) hold after every
/// command of every socket recording.
#[test]
fn socket_recordings_keep_the_models_invariants() {
    replay_support::keeps_invariants(&replay_support::data("sockets"));
}
