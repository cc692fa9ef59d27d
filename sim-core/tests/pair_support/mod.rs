//! The lab the terminal tests share: namespaces a (10.0.0.1 on va) and b
//! (10.0.0.2 on vb) joined by one veth pair, both ends up.

use sim_core::Lab;

/// The pair's commands, as typed.
pub const PAIR: &[&str] = &[
    "ip netns add a",
    "ip netns add b",
    "ip link add va netns a type veth peer name vb netns b",
    "ip -n a addr add 10.0.0.1/24 dev va",
    "ip -n b addr add 10.0.0.2/24 dev vb",
    "ip -n a link set va up",
    "ip -n b link set vb up",
];

/// The pair, then `more`, each of which must succeed, and a second
/// terminal open.
#[allow(dead_code)] // terminals.rs uses PAIR alone
pub fn two_terminals(more: &[&str]) -> Lab {
    let mut lab = Lab::new();
    for l in PAIR.iter().chain(more) {
        assert_eq!(lab.run(l).status, 0, "{l}");
    }
    lab.open_terminal();
    lab
}
