//! Replays the capture and HTTP recordings (`tests/data/capture/*.txt`:
//! tcpdump, curl, the two lessons' paths, and the simulator's own
//! `curl-more`) through the simulator and compares them command by
//! command, masked as the recorder masks (tcpdump's clock, ICMP ids, ISNs,
//! timestamps, ephemeral ports) and with curl's `\r` kept. Every command
//! that does not match yet is listed with its reason in the folder's
//! `known-gaps.txt`; a listed command that matches fails the test too.
#![cfg(feature = "sockets")]

mod replay_support;

#[test]
fn capture_recordings_match_except_known_gaps() {
    replay_support::check_folder("capture", &replay_support::data("capture"));
}
