//! Behaviours found by running the same commands on a real kernel through
//! lab-agent's kernel engine; each is also in a recording under
//! tests/data/kernel.

use sim_core::Lab;

fn run(lab: &mut Lab, line: &str) -> (String, i32) {
    let o = lab.run(line);
    (o.text(), o.status)
}

#[test]
fn names_longer_than_15_bytes_fail_the_kernels_policy() {
    let mut lab = Lab::with_seed(1);
    let failed = ("Error: Attribute failed policy validation.\n".to_string(), 2);
    assert_eq!(run(&mut lab, "ip link add aaaaaaaaaaaaaaaa type bridge"), failed);
    assert_eq!(run(&mut lab, "ip link add v1 type veth peer aaaaaaaaaaaaaaaaaaaa"), failed);
    // Nothing was made: neither the long name nor v1.
    assert_eq!(run(&mut lab, "ip -br link").0, "lo               DOWN           00:00:00:00:00:00 <LOOPBACK> \n");
    // With the `name` keyword iproute2 refuses it before sending.
    assert_eq!(
        run(&mut lab, "ip link add name aaaaaaaaaaaaaaaa type bridge"),
        ("Error: argument \"aaaaaaaaaaaaaaaa\" is wrong: \"name\" not a valid ifname\n".to_string(), 255)
    );
    assert_eq!(run(&mut lab, "ip link add aaaaaaaaaaaaaaa type bridge"), (String::new(), 0));
}
