//! A ping never keeps the page waiting: whatever its count, deadline and
//! interval, it ends as a learner's Ctrl-C would after five minutes of
//! virtual time or 10 000 probes (tools/ping.rs).

use sim_core::Lab;

/// The host and namespace `a`, joined by a veth on 10.0.0.0/24.
fn lab() -> Lab {
    let mut lab = Lab::new();
    for l in [
        "ip netns add a",
        "ip link add v0 type veth peer name v1 netns a",
        "ip addr add 10.0.0.1/24 dev v0",
        "ip link set v0 up",
        "ip -n a addr add 10.0.0.2/24 dev v1",
        "ip -n a link set v1 up",
    ] {
        assert_eq!(lab.run(l).status, 0, "{l}");
    }
    lab
}

/// Runs a ping; returns its "N packets transmitted" and the virtual
/// seconds it took, after checking that it ended with `^C` and statistics.
fn interrupted(lab: &mut Lab, line: &str) -> (u64, u64) {
    let start = lab.kernel().now_ms;
    let out = lab.run(line);
    let text = out.stdout();
    assert!(text.contains("^C\n--- "), "{line}: no ^C before the statistics:\n{}", tail(&text));
    let sent = text
        .lines()
        .find_map(|l| l.split_once(" packets transmitted"))
        .and_then(|(n, _)| n.parse().ok())
        .unwrap_or_else(|| panic!("{line}: no statistics:\n{}", tail(&text)));
    (sent, (lab.kernel().now_ms - start) / 1000)
}

fn tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(5)..].join("\n")
}

#[test]
fn huge_counts_and_deadlines_stop_after_five_minutes() {
    let mut lab = lab();
    for line in [
        "ping -c 4294967296 10.0.0.2",
        "ping -c 9223372036854775807 -i 0.2 10.0.0.2",
        "ping -w 2147483647 10.0.0.2",
        "ping -c 1000000 -W 1000000 10.0.0.9",
    ] {
        let (sent, secs) = interrupted(&mut lab, line);
        assert!((1..=1500).contains(&sent), "{line}: {sent} probes");
        assert!((299..=301).contains(&secs), "{line}: {secs} s");
    }
}

#[test]
fn tiny_intervals_stop_after_ten_thousand_probes() {
    let mut lab = lab();
    for line in ["ping -i 0 -c 4294967296 10.0.0.2", "ping -i 0.001 -w 100000 10.0.0.2"] {
        assert_eq!(interrupted(&mut lab, line).0, 10_000, "{line}");
    }
    // A probe that dropped before it left moves no packet at all.
    assert_eq!(lab.run("iptables -A OUTPUT -j DROP").status, 0);
    assert_eq!(interrupted(&mut lab, "ping -i 0 -c 4294967296 10.0.0.2").0, 10_000);
}

#[test]
fn pings_within_the_bounds_are_not_interrupted() {
    let mut lab = lab();
    let out = lab.run("ping -c 3 -i 0.2 10.0.0.2");
    assert_eq!(out.status, 0);
    assert!(!out.stdout().contains("^C"), "{}", out.stdout());
}
