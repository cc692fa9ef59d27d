//! tcpdump across two terminals of one lab: a capture waiting in one
//! prints the ping another terminal sends as it happens, the diagram marks
//! the captured interface, and Ctrl-C ends it with its counts.
#![cfg(feature = "sockets")]

use sim_core::lab::LineState;
use sim_core::Lab;

mod pair_support;

fn lab() -> Lab {
    pair_support::two_terminals(&[])
}

/// The packet lines of a capture's output, without their time of day.
fn packets(text: &str) -> Vec<String> {
    text.lines().filter(|l| l.as_bytes().get(2) == Some(&b':')).map(|l| l[16..].to_string()).collect()
}

fn capturing(lab: &Lab, ns: &str, dev: &str) -> bool {
    let snap = lab.snapshot();
    let n = snap.namespaces.iter().find(|n| n.name.as_deref() == Some(ns)).expect("namespace");
    n.links.iter().any(|l| l.name == dev && l.capturing)
}

#[test]
fn a_capture_in_one_terminal_shows_a_ping_from_the_other_and_ctrl_c_ends_it() {
    let mut lab = lab();
    let cap = lab.run_in(0, "ip netns exec b tcpdump -nn -i vb icmp");
    assert_eq!(cap.state, LineState::Running);
    assert!(cap.output.text().contains("listening on vb"), "{}", cap.output.text());
    assert!(capturing(&lab, "b", "vb") && !capturing(&lab, "a", "va"));
    let ping = lab.run_in(1, "ip netns exec a ping -c 2 10.0.0.2 >/dev/null; echo $?");
    assert_eq!(ping.output.text(), "0\n");
    let seen = lab.poll(0);
    assert_eq!(seen.state, LineState::Running);
    assert_eq!(packets(&seen.output.text()).len(), 4, "{}", seen.output.text());
    let end = lab.interrupt(0);
    assert_eq!(end.state, LineState::Done(0));
    assert_eq!(
        end.output.text(),
        "^C\n4 packets captured\n4 packets received by filter\n0 packets dropped by kernel\n"
    );
    assert!(!capturing(&lab, "b", "vb"), "the capture closed with tcpdump");
}

#[test]
fn a_count_ends_a_capture_by_itself() {
    let mut lab = lab();
    assert_eq!(lab.run_in(0, "ip netns exec b tcpdump -nn -i vb -c 1 icmp").state, LineState::Running);
    lab.run_in(1, "ip netns exec a ping -c 1 10.0.0.2 >/dev/null");
    let done = lab.poll(0);
    assert_eq!(done.state, LineState::Done(0));
    assert!(done
        .output
        .text()
        .ends_with("1 packet captured\n2 packets received by filter\n0 packets dropped by kernel\n"));
}

#[test]
fn a_background_capture_is_ended_by_kill_with_its_counts() {
    let mut lab = lab();
    let out = lab.run(
        "ip netns exec b tcpdump -nn -i vb icmp 2>&1 & ip netns exec a ping -c 1 10.0.0.2 >/dev/null; kill %1; wait",
    );
    assert_eq!(packets(&out.text()).len(), 2, "{}", out.text());
    assert!(out.text().contains("2 packets captured\n"), "{}", out.text());
}
