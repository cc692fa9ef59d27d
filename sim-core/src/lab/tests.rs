//! The lab's own tests: loops, jobs, terminals.

use super::Lab;

#[test]
fn endless_loops_end_as_ctrl_c_would() {
    let mut lab = Lab::new();
    for line in [
        "while true; do :; done",
        "ip netns add red; ip netns exec red bash -c 'while :; do ip -br link >/dev/null; done'",
        "while true; do sleep 1; done",
    ] {
        let out = lab.run(line);
        assert_eq!((out.status, out.stdout().ends_with("^C\n")), (130, true), "{line}");
    }
    // A minute of virtual time spent in a loop is allowed.
    let out = lab.run("for i in $(seq 60); do sleep 1; done; echo done");
    assert_eq!(out.stdout(), "done\n");
}
