//! Checks suggested from steps played on the simulator.

use crate::author::suggest::ping_of;
use crate::author::{suggest, MAX_SUGGESTIONS};
use crate::checks;
use crate::verify::{eval, LabWorld};
use sim_core::{Lab, Snapshot};

/// A lab played step by step, as the builder records it.
#[derive(Default)]
pub(super) struct Recording {
    lab: Lab,
    history: Vec<String>,
}

impl Recording {
    /// Runs a step's lines and gives its suggestions, each checked to hold
    /// on the lab afterwards.
    pub(super) fn step(&mut self, lines: &[&str]) -> Vec<String> {
        let before = self.lab.snapshot();
        let mut ran = Vec::new();
        for line in lines {
            let out = self.lab.run(line);
            self.history.push(line.to_string());
            ran.push((line.to_string(), out.status));
        }
        let after = self.lab.snapshot();
        let got = suggest(&before, &after, &ran);
        let world = LabWorld { lab: &self.lab, snap: after, history: &self.history };
        for c in &got {
            let v = eval(c, &world);
            assert!(v.ok, "`{c}` does not hold: {}\nafter {lines:?}", v.why);
        }
        assert!(got.len() <= MAX_SUGGESTIONS, "{got:?}");
        let texts: Vec<String> = got.iter().map(ToString::to_string).collect();
        for (i, t) in texts.iter().enumerate() {
            assert!(!texts[..i].contains(t), "{t} twice");
            assert_eq!(checks::parse(t).as_ref(), Ok(&got[i]), "prints as it parses");
        }
        texts
    }
}

/// Plays steps in one lab, and holds each step's suggestions to `want`.
fn lesson(steps: &[(&[&str], &[&str])]) {
    let mut r = Recording::default();
    for (lines, want) in steps {
        assert_eq!(r.step(lines), *want, "after {lines:?}");
    }
}

#[test]
fn a_veth_pair_into_namespaces() {
    lesson(&[
        (&["ip link add tap1 type veth peer name tap2"], &["link tap1 is peered with tap2"]),
        (
            &[
                "ip netns add orange",
                "ip netns add green",
                "ip link set tap1 netns orange",
                "ip link set tap2 netns green",
            ],
            &["netns orange exists", "netns green exists", "link tap1 in orange is peered with tap2 in green"],
        ),
        (
            &[
                "ip -n orange addr add 192.168.1.2/24 dev tap1",
                "ip -n green addr add 192.168.1.3/24 dev tap2",
                "ip -n orange link set tap1 up",
            ],
            &[
                "link tap1 in orange has 192.168.1.2/24",
                "link tap1 in orange is admin-up",
                "link tap2 in green has 192.168.1.3/24",
            ],
        ),
        (
            &["sudo ip -n green link set tap2 up", "ip -n green link set lo up"],
            &["link lo in green is up", "link tap2 in green is up"],
        ),
        (&["ip netns del orange"], &["netns orange is gone", "link tap2 in green is gone"]),
    ]);
}

#[test]
fn one_step_that_builds_a_namespace_and_its_cable() {
    lesson(&[(
        &[
            "ip netns add orange",
            "ip link add tap1 type veth peer name tap2",
            "ip link set tap1 netns orange",
            "ip -n orange addr add 192.168.1.2/24 dev tap1",
            "ip -n orange link set tap1 up",
        ],
        &[
            "netns orange exists",
            "link tap1 in orange is peered with tap2",
            "link tap1 in orange has 192.168.1.2/24",
            "link tap1 in orange is admin-up",
        ],
    )]);
}

#[test]
fn a_bridge_with_attached_veths_a_default_route_and_pings() {
    lesson(&[
        (
            &["ip link add br0 type bridge", "ip link set br0 up", "ip addr add 10.0.0.1/24 dev br0"],
            // No port yet, so no carrier: switched on, not up.
            &["link br0 is a bridge", "link br0 has 10.0.0.1/24", "link br0 is admin-up"],
        ),
        (
            &[
                "ip netns add a",
                "ip link add veth-a type veth peer name eth0 netns a",
                "ip link set veth-a master br0",
                "ip link set veth-a up",
                "ip -n a addr add 10.0.0.2/24 dev eth0",
                "ip -n a link set eth0 up",
            ],
            &[
                "netns a exists",
                "link veth-a is attached to br0",
                "link veth-a is up",
                "link eth0 in a is peered with veth-a",
                "link eth0 in a has 10.0.0.2/24",
                "link eth0 in a is up",
            ],
        ),
        (
            &["ip -n a route add default via 10.0.0.1", "ip route add 10.9.0.0/16 via 10.0.0.2"],
            &["route has \"10.9.0.0/16 via 10.0.0.2 dev br0\"", "route in a has \"default via 10.0.0.1 dev eth0\""],
        ),
        (
            &[
                "ping -c 1 10.0.0.2",
                "ip netns exec a ping -c 1 -W 1 10.0.0.99",
                "ip netns exec a ping -c 1 10.0.0.1 | tail -1",
                "sudo  ip netns exec a ping -c1 10.0.0.1",
            ],
            &["ping host -> 10.0.0.2 succeeds", "ping a -> 10.0.0.99 fails", "ping a -> 10.0.0.1 succeeds"],
        ),
        (&["ip netns del a", "ip link del br0"], &["netns a is gone", "link br0 is gone", "link veth-a is gone"]),
    ]);
}

#[test]
fn the_last_ping_to_an_address_counts() {
    lesson(&[
        (&["ip netns add a", "ip -n a link set lo up"], &["netns a exists", "link lo in a is up"]),
        (
            &[
                "ip netns exec a ping -c 1 -W 1 127.0.0.1",
                "ip -n a link set lo down",
                "ip netns exec a ping -c 1 -W 1 127.0.0.1",
            ],
            &["link lo in a is down", "ping a -> 127.0.0.1 fails"],
        ),
    ]);
}

#[test]
fn a_step_that_only_looks_suggests_its_last_good_line() {
    lesson(&[
        (&["ip link show", "sudo ip  netns list", "ip link show nosuch"], &["ran \"ip netns list\""]),
        (&["ip link show nosuch"], &[]),
    ]);
}

#[test]
fn a_busy_step_keeps_the_most_specific() {
    lesson(&[(
        &[
            "ip netns add a",
            "ip netns add b",
            "ip link add br0 type bridge",
            "ip link add va type veth peer name eth0 netns a",
            "ip link add vb type veth peer name eth0 netns b",
            "ip link set va master br0",
            "ip link set vb master br0",
            "ip link set br0 up",
            "ip link set va up",
            "ip link set vb up",
            "ip -n a addr add 10.0.0.2/24 dev eth0",
            "ip -n b addr add 10.0.0.3/24 dev eth0",
        ],
        &[
            "link br0 is a bridge",
            "link br0 is admin-up",
            "link va is attached to br0",
            "link vb is attached to br0",
            "link eth0 in a is peered with va",
            "link eth0 in a has 10.0.0.2/24",
            "link eth0 in b is peered with vb",
            "link eth0 in b has 10.0.0.3/24",
        ],
    )]);
}

#[test]
fn ping_lines_are_read_as_the_check_runs_them() {
    let host = |to: &str| Some((None, to.to_string()));
    let from = |ns: &str, to: &str| Some((Some(ns.to_string()), to.to_string()));
    for (line, want) in [
        ("ping 10.0.0.1", host("10.0.0.1")),
        ("sudo ping -c 3 -W 1 10.0.0.1", host("10.0.0.1")),
        ("ping -c1 -nq 10.0.0.1", host("10.0.0.1")),
        ("ping -nc 2 10.0.0.1", host("10.0.0.1")),
        ("ip netns exec orange ping -c 1 192.168.1.3", from("orange", "192.168.1.3")),
        ("sudo ip netns exec orange ping 192.168.1.3", from("orange", "192.168.1.3")),
        ("ping -I tap1 10.0.0.1", None),
        ("ping -c 1 -t 2 10.0.0.1", None),
        ("ping -c 1", None),
        ("ping -c", None),
        ("ping a b", None),
        ("ping --help", None),
        ("ping -c 1 10.0.0.1 | tail -1", None),
        ("ping -c 1 $IP", None),
        ("ip netns exec orange bash", None),
        ("ip -n orange ping 10.0.0.1", None),
        ("", None),
    ] {
        assert_eq!(ping_of(line), want, "{line:?}");
    }
}

#[test]
fn no_snapshots_make_suggest_panic() {
    let mut r = Recording::default();
    r.step(&["ip netns add a", "ip link add v1 type veth peer name v2 netns a"]);
    let full = r.lab.snapshot();
    let empty = Snapshot::default();
    for (b, a) in [(&empty, &full), (&full, &empty), (&empty, &empty)] {
        let _ = suggest(b, a, &[("ping".into(), 0), ("".into(), 0), ("ip netns exec".into(), 1)]);
    }
}
