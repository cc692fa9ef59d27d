//! Suggestions for random steps on the simulator: a lab built line by
//! line, with lines that undo, redo or look at parts of it in between.

use super::suggestions::Recording;
use super::Rng;
use crate::checks;

/// A lab that pings across a bridge, built line by line.
const BUILD: &[&str] = &[
    "ip netns add a",
    "ip netns add b",
    "ip link add br0 type bridge",
    "ip link set br0 up",
    "ip addr add 10.0.0.1/24 dev br0",
    "ip link add v1 type veth peer name v2",
    "ip link set v1 netns a",
    "ip link set v2 master br0",
    "ip link set v2 up",
    "ip -n a addr add 10.0.0.2/24 dev v1",
    "ip -n a link set v1 up",
    "ip -n a link set lo up",
    "ip -n a route add default via 10.0.0.1",
    "ip link add v3 type veth peer name v4 netns b",
    "ip link set v3 master br0",
    "ip link set v3 up",
    "ip -n b addr add 10.0.0.4/24 dev v4",
    "ip -n b link set v4 up",
    "ip route add 10.9.0.0/16 via 10.0.0.2",
];

/// Lines that undo, redo or look at parts of it.
const MESS: &[&str] = &[
    "ip netns del a",
    "ip netns del b",
    "ip link del v1",
    "ip -n a link del v1",
    "ip link del br0",
    "ip link add v1 type veth peer name v2",
    "ip link set v2 nomaster",
    "ip link set br0 down",
    "ip -n a link set v1 down",
    "ip -n a link set v1 netns b",
    "ip -n b link set v1 up",
    "ip -n a addr flush dev v1",
    "ip addr add 10.0.0.3/24 dev v2",
    "ip route del 10.9.0.0/16",
    "ip -n b route add default via 10.0.0.1",
    "ip link show",
    "ip netns list",
    "ip link show nosuch",
];

const PINGS: &[&str] = &[
    "ip netns exec a ping -c 1 -W 1 10.0.0.1",
    "ip netns exec a ping -c 1 -W 1 10.0.0.4",
    "ip netns exec b ping -c 1 -W 1 10.0.0.2",
    "ping -c 1 -W 1 10.0.0.4",
    "sudo ip netns exec b ping -c 2 10.0.0.1",
];

/// Steps that build a lab, with random lines that mess with it between:
/// every suggestion holds, none twice, never too many (pings end their
/// step, so nothing after them changes what they saw).
#[test]
fn random_steps_get_suggestions_that_hold() {
    let mut rng = Rng::new(0x5eed_1e55_0fca_7500);
    let mut kinds = std::collections::BTreeSet::new();
    for _ in 0..12 {
        let mut r = Recording::default();
        let mut next = 0;
        for _ in 0..16 {
            let mut lines: Vec<&str> = Vec::new();
            for _ in 0..1 + rng.below(4) {
                match BUILD.get(next) {
                    Some(line) if rng.below(4) > 0 => {
                        lines.push(line);
                        next += 1;
                    }
                    _ => lines.push(rng.pick(MESS)),
                }
            }
            lines.extend((0..rng.below(3)).map(|_| rng.pick(PINGS)));
            for got in r.step(&lines) {
                kinds.insert(kind(&got));
            }
        }
    }
    let want = [
        "NetnsExists",
        "NetnsGone",
        "LinkGone",
        "LinkKind",
        "LinkAddr",
        "LinkMaster",
        "LinkPeer",
        "Up",
        "AdminUp",
        "Down",
        "Route",
        "Ping true",
        "Ping false",
        "Ran",
    ];
    assert_eq!(kinds, want.iter().map(|k| k.to_string()).collect(), "the runs saw every kind of suggestion");
}

/// The kind of a suggested check, for telling which kinds a run saw.
fn kind(src: &str) -> String {
    use checks::Check;
    match checks::parse(src) {
        Ok(Check::LinkState { state, .. }) => format!("{state:?}"),
        Ok(Check::Ping { succeeds, .. }) => format!("Ping {succeeds}"),
        Ok(c) => format!("{c:?}").split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_string(),
        Err(e) => e.0,
    }
}
