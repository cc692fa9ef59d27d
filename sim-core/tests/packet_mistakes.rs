//! Seed 004's "Common Mistakes" table: each mistake makes the ping fail as
//! Linux shows it, the trace names the cause, and fixing it makes the ping
//! pass.

mod packet_support;

use packet_support::Host;
use sim_core::packet::DropReason;

fn host(lines: &[&str]) -> Host {
    let mut h = Host::new(7);
    for l in lines {
        let o = h.run(l);
        assert!(o.status == 0 || l.contains("sysctl"), "setup `{l}` failed: {}", o.text());
    }
    h
}

const TWO_NS: &[&str] = &[
    "ip netns add red",
    "ip netns add blue",
    "ip link add veth-red type veth peer name veth-blue",
    "ip link set veth-red netns red",
    "ip link set veth-blue netns blue",
    "ip netns exec red ip addr add 10.0.0.1/24 dev veth-red",
    "ip netns exec blue ip addr add 10.0.0.2/24 dev veth-blue",
    "ip netns exec red ip link set lo up",
    "ip netns exec blue ip link set lo up",
];

fn passes(h: &mut Host, cmd: &str) {
    let o = h.run(cmd);
    assert_eq!(o.status, 0, "{cmd} should pass:\n{}\ntrace:\n{}", o.text(), h.trace);
    assert!(o.text().contains(" 0% packet loss"), "{}", o.text());
}

#[test]
fn interface_not_up_on_our_side() {
    let mut h = host(TWO_NS);
    h.run("ip netns exec blue ip link set veth-blue up");
    let o = h.run("ip netns exec red ping -c 2 10.0.0.2");
    assert_eq!(o.text(), "ping: connect: Network is unreachable\n");
    assert_eq!(o.status, 2);
    assert!(h.trace.dropped_for(DropReason::LinkDown), "{}", h.trace);
    h.run("ip netns exec red ip link set veth-red up");
    passes(&mut h, "ip netns exec red ping -c 2 10.0.0.2");
}

#[test]
fn interface_not_up_on_the_other_side() {
    let mut h = host(TWO_NS);
    h.run("ip netns exec red ip link set veth-red up");
    let o = h.run("ip netns exec red ping -c 2 10.0.0.2");
    let t = o.text();
    assert!(t.contains("From 10.0.0.1 icmp_seq=1 Destination Host Unreachable\n"), "{t}");
    assert!(t.contains("2 packets transmitted, 0 received, +2 errors, 100% packet loss"), "{t}");
    assert_eq!(o.status, 1);
    assert!(h.trace.dropped_for(DropReason::NoCarrier), "{}", h.trace);
    assert!(h.trace.dropped_for(DropReason::ArpFailed), "{}", h.trace);
    h.run("ip netns exec blue ip link set veth-blue up");
    passes(&mut h, "ip netns exec red ping -c 2 10.0.0.2");
}

#[test]
fn missing_ip_address() {
    let mut h = host(&TWO_NS[..6]);
    // lo up: the "Destination Host Unreachable" of our own packet comes back through it.
    for l in [
        "ip netns exec red ip link set lo up",
        "ip netns exec red ip link set veth-red up",
        "ip netns exec blue ip link set veth-blue up",
    ] {
        h.run(l);
    }
    let o = h.run("ip netns exec red ping -c 1 10.0.0.2");
    assert!(o.text().contains("From 10.0.0.1 icmp_seq=1 Destination Host Unreachable"), "{}", o.text());
    assert!(h.trace.dropped_for(DropReason::ArpFailed), "{}", h.trace);
    assert!(h.trace.to_string().contains("not answered: not a local address"), "{}", h.trace);
    h.run("ip netns exec blue ip addr add 10.0.0.2/24 dev veth-blue");
    passes(&mut h, "ip netns exec red ping -c 2 10.0.0.2");
    // And with no address on our side there is no route at all.
    let mut h = host(&TWO_NS[..5]);
    h.run("ip netns exec red ip link set veth-red up");
    let o = h.run("ip netns exec red ping -c 1 10.0.0.2");
    assert_eq!(o.text(), "ping: connect: Network is unreachable\n");
    assert!(h.trace.dropped_for(DropReason::NoRoute));
}

const CONTAINER: &[&str] = &[
    "ip link add cni0 type bridge",
    "ip link set cni0 up",
    "ip addr add 10.244.0.1/24 dev cni0",
    "ip netns add container1",
    "ip link add veth0 type veth peer name eth0",
    "ip link set eth0 netns container1",
    "ip link set veth0 master cni0",
    "ip link set veth0 up",
    "ip netns exec container1 ip addr add 10.244.0.2/24 dev eth0",
    "ip netns exec container1 ip link set eth0 up",
    "ip netns exec container1 ip link set lo up",
    "ip netns add upstream",
    "ip link add uplink type veth peer name wan0 netns upstream",
    "ip addr add 192.0.2.1/24 dev uplink",
    "ip link set uplink up",
    "ip -n upstream addr add 192.0.2.2/24 dev wan0",
    "ip -n upstream link set wan0 up",
    "sysctl -w net.ipv4.ip_forward=1",
];

#[test]
fn no_route_to_gateway() {
    let mut h = host(CONTAINER);
    h.run("iptables -t nat -A POSTROUTING -s 10.244.0.0/24 ! -o cni0 -j MASQUERADE");
    let o = h.run("ip netns exec container1 ping -c 1 192.0.2.2");
    assert_eq!(o.text(), "ping: connect: Network is unreachable\n");
    assert!(h.trace.dropped_for(DropReason::NoRoute));
    h.run("ip netns exec container1 ip route add default via 10.244.0.1");
    passes(&mut h, "ip netns exec container1 ping -c 2 192.0.2.2");
}

#[test]
fn missing_nat() {
    let mut h = host(CONTAINER);
    h.run("ip netns exec container1 ip route add default via 10.244.0.1");
    let o = h.run("ip netns exec container1 ping -c 1 -W 1 192.0.2.2");
    assert_eq!(
        o.text(),
        "PING 192.0.2.2 (192.0.2.2) 56(84) bytes of data.\n\n--- 192.0.2.2 ping statistics ---\n1 packets transmitted, 0 received, 100% packet loss, time 0ms\n\n"
    );
    assert!(h.trace.dropped_for(DropReason::ReplyUnroutable), "{}", h.trace);
    h.run("iptables -t nat -A POSTROUTING -s 10.244.0.0/24 ! -o cni0 -j MASQUERADE");
    passes(&mut h, "ip netns exec container1 ping -c 2 192.0.2.2");
    assert!(
        h.trace.to_string().contains("NAT POSTROUTING 10.244.0.2 > 192.0.2.2 became 192.0.2.1 > 192.0.2.2"),
        "{}",
        h.trace
    );
}

#[test]
fn forwarding_disabled() {
    let mut h = host(&CONTAINER[..17]);
    h.run("ip netns exec container1 ip route add default via 10.244.0.1");
    let o = h.run("ip netns exec container1 ping -c 1 -W 1 192.0.2.2");
    assert_eq!(o.status, 1);
    assert!(h.trace.dropped_for(DropReason::ForwardingDisabled), "{}", h.trace);
}

#[test]
fn bridge_not_up() {
    let mut h = host(&[
        "ip link add br0 type bridge",
        "ip netns add ns3",
        "ip netns add ns4",
        "ip link add veth-ns3 type veth peer name veth-br",
        "ip link add veth-ns4 type veth peer name veth-br4",
        "ip link set veth-ns3 netns ns3",
        "ip link set veth-ns4 netns ns4",
        "ip link set veth-br master br0",
        "ip link set veth-br4 master br0",
        "ip link set veth-br up",
        "ip link set veth-br4 up",
        "ip netns exec ns3 ip addr add 10.0.0.3/24 dev veth-ns3",
        "ip netns exec ns4 ip addr add 10.0.0.4/24 dev veth-ns4",
        "ip netns exec ns3 ip link set veth-ns3 up",
        "ip netns exec ns4 ip link set veth-ns4 up",
        "ip netns exec ns4 ip link set lo up",
    ]);
    let o = h.run("ip netns exec ns4 ping -c 1 10.0.0.3");
    assert!(o.text().contains("From 10.0.0.4 icmp_seq=1 Destination Host Unreachable"), "{}", o.text());
    assert!(h.trace.dropped_for(DropReason::BridgeDown), "{}", h.trace);
    h.run("ip link set br0 up");
    passes(&mut h, "ip netns exec ns4 ping -c 2 10.0.0.3");
    assert!(h.trace.to_string().contains("bridge br0 learned"), "{}", h.trace);
}

#[test]
fn forgot_loopback() {
    let mut h = host(&TWO_NS[..6]);
    h.run("ip netns exec red ip link set veth-red up");
    let o = h.run("ip netns exec red ping -c 1 127.0.0.1");
    assert_eq!(o.text(), "ping: connect: Network is unreachable\n");
    assert!(h.trace.dropped_for(DropReason::LoopbackDown));
    // Our own address routes, but local delivery needs lo.
    let o = h.run("ip netns exec red ping -c 1 10.0.0.1");
    assert!(o.text().contains("1 packets transmitted, 0 received, 100% packet loss"), "{}", o.text());
    assert!(h.trace.dropped_for(DropReason::LoopbackDown));
    h.run("ip netns exec red ip link set lo up");
    passes(&mut h, "ip netns exec red ping -c 1 127.0.0.1");
    passes(&mut h, "ip netns exec red ping -c 1 10.0.0.1");
}
