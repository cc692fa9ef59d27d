//! Transport through the rest of the kernel: connect errors as the
//! sockets README lists them, SYN retransmission timing, UDP's port
//! unreachable, loopback, address in use, NAT with ports through a router.

mod tcp_support;

use sim_core::netlink::sockets::{Errno, SockId, SockOpt, SockType};
use tcp_support::{sa, World, PAIR};

fn with(extra: &[&str]) -> World {
    let mut lines: Vec<&str> = PAIR.to_vec();
    lines.extend_from_slice(extra);
    World::new(&lines)
}

fn connect(w: &mut World, ns: &str, dst: &str) -> (SockId, Result<(), Errno>) {
    let dst = sa(dst);
    w.on(ns, |s| {
        let c = s.socket(SockType::Stream).unwrap();
        (c, s.connect_inet(c, dst))
    })
}

/// The error a connect ends with, waiting up to `limit_us`.
fn outcome(w: &mut World, ns: &str, dst: &str, limit_us: u64) -> Result<(), Errno> {
    let (c, r) = connect(w, ns, dst);
    r?;
    let end = w.now_us() + limit_us;
    loop {
        let p = w.on(ns, |s| s.poll(c).unwrap());
        if p.error {
            return Err(w.on(ns, |s| s.take_error(c)).unwrap());
        }
        if p.writable {
            return Ok(());
        }
        let next = sim_core::packet::next_timer(&w.k, w.now_us()).filter(|t| *t < end);
        match next {
            Some(t) => {
                let step = t.saturating_sub(w.now_us()).max(1000);
                w.wait(step)
            }
            None => return Err(Errno::EINPROGRESS),
        }
    }
}

#[test]
fn connect_errors_map_to_errno_as_recorded() {
    let cases: &[(&str, &str, Errno)] = &[
        ("", "10.0.0.2:9", Errno::ECONNREFUSED),
        (
            "ip netns exec b iptables -A INPUT -p tcp -j REJECT --reject-with tcp-reset",
            "10.0.0.2:80",
            Errno::ECONNREFUSED,
        ),
        ("ip netns exec b iptables -A INPUT -p tcp -j REJECT", "10.0.0.2:80", Errno::ECONNREFUSED),
        (
            "ip netns exec b iptables -A INPUT -p tcp -j REJECT --reject-with icmp-host-unreachable",
            "10.0.0.2:80",
            Errno::EHOSTUNREACH,
        ),
        (
            "ip netns exec b iptables -A INPUT -p tcp -j REJECT --reject-with icmp-admin-prohibited",
            "10.0.0.2:80",
            Errno::EHOSTUNREACH,
        ),
        (
            "ip netns exec b iptables -A INPUT -p tcp -j REJECT --reject-with icmp-net-unreachable",
            "10.0.0.2:80",
            Errno::ENETUNREACH,
        ),
        ("", "10.9.0.1:80", Errno::ENETUNREACH),
        ("ip -n a route add blackhole 10.8.0.0/16", "10.8.0.1:80", Errno::EINVAL),
        ("ip -n a link set a0 down", "10.0.0.2:80", Errno::ENETUNREACH),
        ("", "10.0.0.3:80", Errno::EHOSTUNREACH),
    ];
    for (setup, dst, want) in cases {
        let extra: Vec<&str> = [*setup].into_iter().filter(|l| !l.is_empty()).collect();
        let mut w = with(&extra);
        let got = outcome(&mut w, "a", dst, 10_000_000);
        assert_eq!(got, Err(*want), "{setup} → {dst}");
    }
    // A namespace whose lo never came up has no 127.0.0.1 (listeners.txt).
    let mut w = with(&["ip netns add c"]);
    assert_eq!(outcome(&mut w, "c", "127.0.0.1:8080", 1_000_000), Err(Errno::ENETUNREACH));
}

#[test]
fn no_arp_answer_is_no_route_to_host_after_three_seconds() {
    let mut w = with(&[]);
    let start = w.now_us();
    assert_eq!(outcome(&mut w, "a", "10.0.0.3:80", 10_000_000), Err(Errno::EHOSTUNREACH));
    let took = w.now_us() - start;
    assert!((3_000_000..3_200_000).contains(&took), "{took}");
}

#[test]
fn syn_retransmissions_follow_linear_then_doubling_timeouts() {
    let mut w = with(&["ip netns exec b iptables -A INPUT -p tcp --dport 9 -j DROP"]);
    let start = w.now_us();
    assert_eq!(outcome(&mut w, "a", "10.0.0.2:9", 200_000_000), Err(Errno::ETIMEDOUT));
    let syns: Vec<u64> = w
        .log
        .lines()
        .filter(|l| l.contains(" a: send TCP") && l.contains("[S]"))
        .map(|l| l.split("ms").next().unwrap().trim().parse::<f64>().unwrap() as u64)
        .map(|ms| (ms * 1000 - start) / 1_000_000)
        .collect();
    assert_eq!(syns, [0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67]);
    assert_eq!((w.now_us() - start) / 1_000_000, 131);
}

#[test]
fn a_deadline_closes_a_connect_in_syn_sent() {
    // nc -w 2 against a DROP: SYN-SENT in ss with Send-Q 1, then gone.
    let mut w = with(&["ip netns exec b iptables -A INPUT -p tcp --dport 9 -j DROP"]);
    let (c, r) = connect(&mut w, "a", "10.0.0.2:9");
    assert_eq!(r, Ok(()));
    w.wait(1_500_000);
    let ss = w.ss("a");
    assert!(ss.starts_with("Tcp SYN-SENT 0 1 10.0.0.1:"), "{ss}");
    assert!(ss.contains("timer:(Retransmit,500ms,1)"), "{ss}");
    w.wait(500_000);
    w.on("a", |s| s.close(c).unwrap());
    assert_eq!(w.ss("a"), "");
    let syns = w.log.lines().filter(|l| l.contains("a: send TCP") && l.contains("[S]")).count();
    assert_eq!(syns, 3);
    w.check("syn-deadline");
}

#[test]
fn udp_to_a_closed_port_and_a_connected_socket_error() {
    let mut w = with(&[]);
    let u = w.on("a", |s| {
        let u = s.socket(SockType::Dgram).unwrap();
        s.bind_inet(u, sa("0.0.0.0:4000")).unwrap();
        s.connect_inet(u, sa("10.0.0.2:5353")).unwrap();
        assert_eq!(s.send(u, b"X"), Ok(1));
        u
    });
    w.wait(1000);
    w.on("a", |s| {
        assert!(s.poll(u).unwrap().error);
        assert_eq!(s.send(u, b"X"), Err(Errno::ECONNREFUSED));
        assert_eq!(s.send(u, b"X"), Ok(1));
    });
    w.wait(1000);
    w.say("b listens on 5353; a sends again");
    let l = w.on("b", |s| {
        let l = s.socket(SockType::Dgram).unwrap();
        s.bind_inet(l, sa("0.0.0.0:5353")).unwrap();
        l
    });
    w.on("a", |s| {
        assert_eq!(s.take_error(u), Some(Errno::ECONNREFUSED));
        assert_eq!(s.send(u, b"hello\n"), Ok(6));
    });
    w.wait(1000);
    w.on("b", |s| {
        let (d, from) = s.recv_from(l, 100).unwrap();
        assert_eq!((d.as_slice(), from), (&b"hello\n"[..], Some(sa("10.0.0.1:4000"))));
        assert_eq!(s.send_to(l, b"back\n", sa("10.0.0.1:4000")), Ok(5));
    });
    w.wait(1000);
    assert_eq!(w.on("a", |s| s.recv_from(u, 100)), Ok((b"back\n".to_vec(), Some(sa("10.0.0.2:5353")))));
    let ss = w.ss("b");
    assert_eq!(ss, "Udp UNCONN 0 0 0.0.0.0:5353 *\n");
    w.check("udp");
}

#[test]
fn loopback_listener_is_reachable_only_from_its_namespace() {
    let mut w = with(&[]);
    w.on("a", |s| {
        let l = s.socket(SockType::Stream).unwrap();
        s.bind_inet(l, sa("127.0.0.1:8080")).unwrap();
        s.listen(l, 1).unwrap();
    });
    assert_eq!(outcome(&mut w, "a", "127.0.0.1:8080", 1_000_000), Ok(()));
    assert_eq!(outcome(&mut w, "a", "10.0.0.1:8080", 1_000_000), Err(Errno::ECONNREFUSED));
    assert_eq!(outcome(&mut w, "b", "10.0.0.1:8080", 1_000_000), Err(Errno::ECONNREFUSED));
    let ss = w.ss("a");
    assert!(ss.contains("Tcp LISTEN 1 1 127.0.0.1:8080 *"), "{ss}");
    assert!(ss.contains("Tcp ESTAB 0 0 127.0.0.1:8080 127.0.0.1:"), "{ss}");
    w.check("loopback");
}

#[test]
fn address_in_use_as_nc_meets_it() {
    let mut w = with(&[]);
    let ids = w.on("b", |s| {
        let l = s.socket(SockType::Stream).unwrap();
        s.set_option(l, SockOpt::ReusePort(true)).unwrap();
        s.bind_inet(l, sa("0.0.0.0:8080")).unwrap();
        s.listen(l, 1).unwrap();
        // A second nc -l on the port: both listen.
        let l2 = s.socket(SockType::Stream).unwrap();
        s.set_option(l2, SockOpt::ReusePort(true)).unwrap();
        assert_eq!(s.bind_inet(l2, sa("0.0.0.0:8080")), Ok(()));
        // nc -p 8080 as a client: bind failed.
        let c = s.socket(SockType::Stream).unwrap();
        assert_eq!(s.bind_inet(c, sa("0.0.0.0:8080")), Err(Errno::EADDRINUSE));
        // Not a local address.
        assert_eq!(s.bind_inet(c, sa("10.0.0.9:8080")), Err(Errno::EADDRNOTAVAIL));
        // Port 0: an ephemeral (odd) port.
        assert_eq!(s.bind_inet(c, sa("0.0.0.0:0")), Ok(()));
        let p = s.local_addr(c).unwrap().port();
        assert!((32768..=60999).contains(&p) && p % 2 == 1, "{p}");
        (l, l2)
    });
    let _ = ids;
}

#[test]
fn a_veth_deleted_under_a_connection_leaves_fin_wait_1() {
    let mut w = with(&[]);
    w.on("b", |s| {
        let l = s.socket(SockType::Stream).unwrap();
        s.bind_inet(l, sa("0.0.0.0:8080")).unwrap();
        s.listen(l, 1).unwrap();
    });
    let (c, _) = connect(&mut w, "a", "10.0.0.2:8080");
    w.wait(1000);
    let a = w.ns("a");
    let mut nl = sim_core::netlink::SimNetlink::new(&mut w.k, a);
    let argv: Vec<String> = ["link", "del", "a0"].iter().map(|s| s.to_string()).collect();
    let _ = sim_core::iproute::ip(&mut nl, &argv);
    assert!(w.ss("a").starts_with("Tcp ESTAB"), "{}", w.ss("a"));
    w.on("a", |s| s.close(c).unwrap());
    w.wait(300_000);
    let ss = w.ss("a");
    assert!(ss.starts_with("Tcp FIN-WAIT-1 0 1 10.0.0.1:"), "{ss}");
}
