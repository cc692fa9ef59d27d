//! TCP and UDP through a NATing router, as `service-dnat.txt` and
//! `routed.txt` recorded them: a Service's DNAT to a pod's port, replies
//! un-NATed by conntrack, MASQUERADE keeping the client's port.

mod tcp_support;

use sim_core::kernel::netfilter::TableId;
use sim_core::netlink::sockets::{Errno, SockType};
use tcp_support::{sa, World};

const NODE: &[&str] = &[
    "ip netns add node",
    "ip netns add pod-a",
    "ip netns add pod-b",
    "ip link add eth0 netns pod-a type veth peer name veth-a netns node",
    "ip link add eth0 netns pod-b type veth peer name veth-b netns node",
    "ip -n pod-a addr add 10.244.0.2/24 dev eth0",
    "ip -n pod-b addr add 10.244.1.2/24 dev eth0",
    "ip -n node addr add 10.244.0.1/24 dev veth-a",
    "ip -n node addr add 10.244.1.1/24 dev veth-b",
    "ip -n pod-a link set eth0 up",
    "ip -n pod-b link set eth0 up",
    "ip -n pod-a link set lo up",
    "ip -n pod-b link set lo up",
    "ip -n node link set veth-a up",
    "ip -n node link set veth-b up",
    "ip -n node link set lo up",
    "ip -n pod-a route add default via 10.244.0.1",
    "ip -n pod-b route add default via 10.244.1.1",
    "ip netns exec node sysctl -w net.ipv4.ip_forward=1",
    "ip netns exec node iptables -t nat -N KUBE-SERVICES",
    "ip netns exec node iptables -t nat -N KUBE-SVC-WEB",
    "ip netns exec node iptables -t nat -N KUBE-SEP-WEB",
    "ip netns exec node iptables -t nat -A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES",
    "ip netns exec node iptables -t nat -A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m comment --comment \"default/web cluster IP\" -m tcp --dport 80 -j KUBE-SVC-WEB",
    "ip netns exec node iptables -t nat -A KUBE-SVC-WEB -m comment --comment \"default/web -> 10.244.1.2:8080\" -j KUBE-SEP-WEB",
    "ip netns exec node iptables -t nat -A KUBE-SEP-WEB -p tcp -m comment --comment default/web -m tcp -j DNAT --to-destination 10.244.1.2:8080",
    "ip netns exec node iptables -t nat -A KUBE-SERVICES -d 10.96.0.10/32 -p udp -m udp --dport 53 -j DNAT --to-destination 10.244.1.2:5353",
];

#[test]
fn service_dnat_to_a_pod_port_and_back() {
    let mut w = World::new(NODE);
    let l = w.on("pod-b", |s| {
        let l = s.socket(SockType::Stream).unwrap();
        s.bind_inet(l, sa("0.0.0.0:8080")).unwrap();
        s.listen(l, 1).unwrap();
        l
    });
    w.say("pod-a: nc -p 2000 10.96.0.10 80");
    let c = w.on("pod-a", |s| {
        let c = s.socket(SockType::Stream).unwrap();
        s.bind_inet(c, sa("0.0.0.0:2000")).unwrap();
        s.connect_inet(c, sa("10.96.0.10:80")).unwrap();
        c
    });
    w.wait(2000);
    w.on("pod-a", |s| {
        assert!(s.poll(c).unwrap().writable);
        s.send(c, b"hello-service\n").unwrap();
    });
    w.wait(1000);
    let (ch, got) = w.on("pod-b", |s| {
        let (ch, peer) = s.accept(l).unwrap();
        assert_eq!(peer, sa("10.244.0.2:2000"));
        s.send(ch, b"ok\n").unwrap();
        (ch, s.recv_from(ch, 100).unwrap().0)
    });
    assert_eq!(got, b"hello-service\n");
    w.wait(1000);
    assert_eq!(w.on("pod-a", |s| s.recv_from(c, 100)).unwrap().0, b"ok\n");
    assert_eq!(w.ss("pod-a"), "Tcp ESTAB 0 0 10.244.0.2:2000 10.96.0.10:80\n");
    assert!(w.ss("pod-b").contains("Tcp ESTAB 0 0 10.244.1.2:8080 10.244.0.2:2000\n"));
    // The nat counters count the connection's first packet: the 60-byte SYN.
    let node = w.ns("node");
    let n = w.k.ns(node).unwrap();
    let rule = &n.nat.table(TableId::Nat).unwrap().chain("KUBE-SEP-WEB").unwrap().rules[0];
    assert_eq!((rule.counters.pkts, rule.counters.bytes), (1, 60));
    assert_eq!(n.conntrack.count(w.k.now_ms), 1);
    w.on("pod-a", |s| s.close(c).unwrap());
    w.wait(1000);
    w.on("pod-b", |s| {
        assert_eq!(s.recv_from(ch, 100).unwrap().0, b"");
        s.close(ch).unwrap();
    });
    w.wait(300_000);
    // The recorded lines (service-dnat.txt), printed by ss from the engine's rows.
    assert_eq!(
        ss(&mut w, "pod-a", "ss -tan sport = :2000"),
        "State     Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n\
         TIME-WAIT 0      0         10.244.0.2:2000   10.96.0.10:80         \n"
    );
    assert_eq!(
        ss(&mut w, "pod-b", "ss -tan dport = :2000"),
        "State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n"
    );
    w.check("service-dnat");
}

#[test]
fn service_with_its_pod_gone_is_refused_through_conntrack() {
    let mut w = World::new(NODE);
    let c = w.on("pod-a", |s| {
        let c = s.socket(SockType::Stream).unwrap();
        s.connect_inet(c, sa("10.96.0.10:80")).unwrap();
        c
    });
    w.wait(2000);
    assert_eq!(w.on("pod-a", |s| s.take_error(c)), Some(Errno::ECONNREFUSED));
}

#[test]
fn udp_service_dnat() {
    let mut w = World::new(NODE);
    let l = w.on("pod-b", |s| {
        let l = s.socket(SockType::Dgram).unwrap();
        s.bind_inet(l, sa("0.0.0.0:5353")).unwrap();
        l
    });
    let u = w.on("pod-a", |s| {
        let u = s.socket(SockType::Dgram).unwrap();
        s.bind_inet(u, sa("0.0.0.0:4000")).unwrap();
        s.send_to(u, b"hello\n", sa("10.96.0.10:53")).unwrap();
        u
    });
    w.wait(2000);
    let from = w.on("pod-b", |s| {
        let (d, from) = s.recv_from(l, 100).unwrap();
        assert_eq!(d, b"hello\n");
        s.send_to(l, b"answer\n", from.unwrap()).unwrap();
        from
    });
    assert_eq!(from, Some(sa("10.244.0.2:4000")));
    w.wait(1000);
    assert_eq!(w.on("pod-a", |s| s.recv_from(u, 100)), Ok((b"answer\n".to_vec(), Some(sa("10.96.0.10:53")))));
    let node = w.ns("node");
    let n = w.k.ns(node).unwrap();
    let rule = &n.nat.table(TableId::Nat).unwrap().chain("KUBE-SERVICES").unwrap().rules[1];
    // 34 bytes: a 6-byte datagram.
    assert_eq!((rule.counters.pkts, rule.counters.bytes), (1, 34));
}

const ROUTED: &[&str] = &[
    "ip netns add a",
    "ip netns add r",
    "ip netns add b",
    "ip link add a0 netns a type veth peer name ra netns r",
    "ip link add b0 netns b type veth peer name rb netns r",
    "ip -n a addr add 10.1.0.2/24 dev a0",
    "ip -n b addr add 10.2.0.2/24 dev b0",
    "ip -n r addr add 10.1.0.1/24 dev ra",
    "ip -n r addr add 10.2.0.1/24 dev rb",
    "ip -n a link set a0 up",
    "ip -n b link set b0 up",
    "ip -n r link set ra up",
    "ip -n r link set rb up",
    "ip -n a route add default via 10.1.0.1",
    "ip netns exec r sysctl -w net.ipv4.ip_forward=1",
];

/// `ss ARGS` in a namespace, through the printer.
fn ss(w: &mut World, ns: &str, line: &str) -> String {
    let argv: Vec<String> = line.split_whitespace().map(String::from).collect();
    let views = w.on(ns, |s| s.socket_views());
    sim_core::tools::ss::ss(&views, &argv).text()
}

fn masquerade(rule: &str) -> (String, String) {
    let mut lines = ROUTED.to_vec();
    lines.push(rule);
    let mut w = World::new(&lines);
    w.on("b", |s| {
        let l = s.socket(SockType::Stream).unwrap();
        s.bind_inet(l, sa("0.0.0.0:8080")).unwrap();
        s.listen(l, 1).unwrap();
    });
    w.on("a", |s| {
        let c = s.socket(SockType::Stream).unwrap();
        s.bind_inet(c, sa("0.0.0.0:2000")).unwrap();
        s.connect_inet(c, sa("10.2.0.2:8080")).unwrap();
    });
    w.wait(2000);
    let (a, b) = (w.ss("a"), w.ss("b"));
    if rule.contains("MASQUERADE") {
        // routed.txt's lines.
        assert_eq!(
            ss(&mut w, "a", "ss -tn"),
            "State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n\
             ESTAB 0      0           10.1.0.2:2000     10.2.0.2:8080       \n"
        );
        assert_eq!(
            ss(&mut w, "b", "ss -tn"),
            "State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n\
             ESTAB 0      0           10.2.0.2:8080     10.2.0.1:2000       \n"
        );
    }
    (a, b)
}

#[test]
fn masquerade_keeps_the_source_port_and_snat_takes_its_range() {
    let (a, b) = masquerade("ip netns exec r iptables -t nat -A POSTROUTING -o rb -j MASQUERADE");
    assert_eq!(a, "Tcp ESTAB 0 0 10.1.0.2:2000 10.2.0.2:8080\n");
    assert!(b.contains("Tcp ESTAB 0 0 10.2.0.2:8080 10.2.0.1:2000\n"), "{b}");
    let (_, b) = masquerade(
        "ip netns exec r iptables -t nat -A POSTROUTING -o rb -p tcp -j SNAT --to-source 10.2.0.1:5000-5010",
    );
    assert!(b.contains("Tcp ESTAB 0 0 10.2.0.2:8080 10.2.0.1:5000\n"), "{b}");
}

/// How a connect from a through the router ends (routed.txt's cases).
fn through_router(extra: &[&str], dst: &str) -> Result<(), Errno> {
    let mut lines = ROUTED.to_vec();
    lines.push("ip -n b route add default via 10.2.0.1");
    lines.extend_from_slice(extra);
    let mut w = World::new(&lines);
    w.on("b", |s| {
        let l = s.socket(SockType::Stream).unwrap();
        s.bind_inet(l, sa("0.0.0.0:8080")).unwrap();
        s.listen(l, 1).unwrap();
    });
    let c = w.on("a", |s| {
        let c = s.socket(SockType::Stream).unwrap();
        s.connect_inet(c, sa(dst)).map(|()| c)
    })?;
    // nc -w 2.
    w.wait(2_000_000);
    let p = w.on("a", |s| s.poll(c).unwrap());
    match w.on("a", |s| s.take_error(c)) {
        Some(e) => Err(e),
        None if p.writable => Ok(()),
        None => Err(Errno::ETIMEDOUT),
    }
}

#[test]
fn through_a_router_as_routed_records() {
    assert_eq!(through_router(&[], "10.2.0.2:8080"), Ok(()));
    let off = "ip netns exec r sysctl -w net.ipv4.ip_forward=0";
    assert_eq!(through_router(&[off], "10.2.0.2:8080"), Err(Errno::ETIMEDOUT));
    // The router's own addresses answer with forwarding off.
    assert_eq!(through_router(&[off], "10.2.0.1:8080"), Err(Errno::ECONNREFUSED));
    assert_eq!(
        through_router(&["ip netns exec r iptables -A FORWARD -j DROP"], "10.2.0.2:8080"),
        Err(Errno::ETIMEDOUT)
    );
    assert_eq!(
        through_router(&["ip netns exec r iptables -A FORWARD -j REJECT"], "10.2.0.2:8080"),
        Err(Errno::ECONNREFUSED)
    );
    let reset = "ip netns exec r iptables -A FORWARD -p tcp -j REJECT --reject-with tcp-reset";
    assert_eq!(through_router(&[reset], "10.2.0.2:8080"), Err(Errno::ECONNREFUSED));
    // No route on the router: its ICMP net unreachable.
    assert_eq!(through_router(&[], "10.3.0.2:8080"), Err(Errno::ENETUNREACH));
}

/// A pod calling its own Service: the reply goes straight back inside the
/// pod from the wrong address without MASQUERADE (timed out), and works
/// with it (service-dnat.txt).
fn hairpin(masquerade: bool) -> Result<(), Errno> {
    let mut lines = NODE.to_vec();
    let rule = "ip netns exec node iptables -t nat -A POSTROUTING -s 10.244.1.2/32 -d 10.244.1.2/32 -p tcp --dport 8080 -j MASQUERADE";
    if masquerade {
        lines.push(rule);
    }
    let mut w = World::new(&lines);
    let c = w.on("pod-b", |s| {
        let l = s.socket(SockType::Stream).unwrap();
        s.bind_inet(l, sa("0.0.0.0:8080")).unwrap();
        s.listen(l, 1).unwrap();
        let c = s.socket(SockType::Stream).unwrap();
        s.connect_inet(c, sa("10.96.0.10:80")).unwrap();
        c
    });
    w.wait(2_000_000);
    let p = w.on("pod-b", |s| s.poll(c).unwrap());
    match w.on("pod-b", |s| s.take_error(c)) {
        Some(e) => Err(e),
        None if p.writable => Ok(()),
        None => Err(Errno::ETIMEDOUT),
    }
}

#[test]
fn hairpin_needs_masquerade() {
    assert_eq!(hairpin(false), Err(Errno::ETIMEDOUT));
    assert_eq!(hairpin(true), Ok(()));
}
