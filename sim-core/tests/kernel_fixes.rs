//! Behaviours found by running the same commands on a real kernel through
//! lab-agent's kernel engine; each is also in a recording under
//! tests/data/kernel (ifname-length, neigh-lo).

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

#[test]
fn loopback_neighbours_need_no_lladdr_and_are_all_0_0_0_0() {
    let mut lab = Lab::with_seed(1);
    assert_eq!(run(&mut lab, "ip neigh add 10.0.0.9 dev lo"), (String::new(), 0));
    assert_eq!(run(&mut lab, "ip neigh add 10.0.0.10 lladdr 02:00:00:00:00:01 dev lo"), (String::new(), 0));
    assert_eq!(run(&mut lab, "ip neigh").0, "0.0.0.0 dev lo lladdr 02:00:00:00:00:01 PERMANENT \n");
    assert_eq!(run(&mut lab, "ip neigh del 10.0.0.9 dev lo").1, 2);
    assert_eq!(run(&mut lab, "ip neigh del 0.0.0.0 dev lo"), (String::new(), 0));
    // Other devices still need one.
    lab.run("ip link add br0 type bridge");
    assert_eq!(run(&mut lab, "ip neigh add 10.0.0.9 dev br0").0, "Error: No link layer address given.\n");
}

#[test]
fn ip_neigh_hides_noarp_entries_unless_asked() {
    let mut lab = Lab::with_seed(1);
    lab.run("ip link add br0 type bridge");
    lab.run("ip neigh add 10.0.0.8 lladdr 02:00:00:00:00:08 dev br0 nud noarp");
    assert_eq!(run(&mut lab, "ip neigh").0, "");
    let noarp = "10.0.0.8 dev br0 lladdr 02:00:00:00:00:08 NOARP \n";
    assert_eq!(run(&mut lab, "ip neigh show nud noarp").0, noarp);
    assert_eq!(run(&mut lab, "ip neigh show nud all").0, noarp);
    assert_eq!(run(&mut lab, "ip neigh show nud bogus").1, 255);
}

#[test]
fn a_process_id_names_the_namespace_the_labs_processes_live_in() {
    let mut lab = Lab::with_seed(1);
    for line in ["ip netns add red", "ip netns exec red ip link add v1 type veth peer name v2"] {
        assert_eq!(run(&mut lab, line), (String::new(), 0), "{line}");
    }
    // From inside red, pid 1 (init) and the shell's $$ are in the host namespace.
    assert_eq!(run(&mut lab, "ip netns exec red ip link set v1 netns 1"), (String::new(), 0));
    assert_eq!(run(&mut lab, "ip netns exec red ip link set v2 netns $$"), (String::new(), 0));
    assert_eq!(run(&mut lab, "ip -br link show type veth").0.lines().count(), 2);
    assert_eq!(
        run(&mut lab, "ip -n red -br link").0,
        "lo               DOWN           00:00:00:00:00:00 <LOOPBACK> \n"
    );
    // Any other number names no process, and nothing moves.
    assert_eq!(run(&mut lab, "ip link set v1 netns 4242"), ("RTNETLINK answers: No such process\n".to_string(), 2));
    assert_eq!(run(&mut lab, "ip -br link show type veth").0.lines().count(), 2);
}
