//! ARP, `-e`, `any`'s columns and the dumps (tcpdump-basics.txt,
//! tcpdump-protocols.txt, lesson-pods.txt).

use super::*;

const A: &str = "02:00:00:00:00:01";
const B: &str = "02:00:00:00:00:02";
const BCAST: &str = "ff:ff:ff:ff:ff:ff";
const ZERO: &str = "00:00:00:00:00:00";

fn request() -> EthFrame {
    frame(A, BCAST, arp(ArpOp::Request, A, "10.0.0.1", ZERO, "10.0.0.2"))
}

fn reply() -> EthFrame {
    frame(B, A, arp(ArpOp::Reply, B, "10.0.0.2", A, "10.0.0.1"))
}

#[test]
fn arp_lines() {
    let lines = vec![
        (on(request()), "vb", "ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28"),
        (on(reply()), "vb", "ARP, Reply 10.0.0.2 is-at 02:00:00:00:00:02, length 28"),
    ];
    check("-nn", lines);
    let e = vec![
        (on(request()), "vb", "02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 10.0.0.2 tell 10.0.0.1, length 28"),
        (on(reply()), "vb", "02:00:00:00:00:02 > 02:00:00:00:00:01, ethertype ARP (0x0806), length 42: Reply 10.0.0.2 is-at 02:00:00:00:00:02, length 28"),
    ];
    check("-nn -e", e);
    let names = vec![
        (on(request()), "vb", "02:00:00:00:00:01 (oui Unknown) > Broadcast, ethertype ARP (0x0806), length 42: Request who-has 10.0.0.2 tell 10.0.0.1, length 28"),
        (on(reply()), "vb", "02:00:00:00:00:02 (oui Unknown) > 02:00:00:00:00:01 (oui Unknown), ethertype ARP (0x0806), length 42: Reply 10.0.0.2 is-at 02:00:00:00:00:02 (oui Unknown), length 28"),
    ];
    check("-e", names);
    let q = vec![
        (
            on(request()),
            "vb",
            "02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ARP, length 42: Request who-has 10.0.0.2 tell 10.0.0.1, length 28",
        ),
        (
            on(reply()),
            "vb",
            "02:00:00:00:00:02 > 02:00:00:00:00:01, ARP, length 42: Reply 10.0.0.2 is-at 02:00:00:00:00:02, length 28",
        ),
    ];
    check("-nn -q -e", q);
    let v = vec![
        (on(request()), "vb", "ARP, Ethernet (len 6), IPv4 (len 4), Request who-has 10.0.0.2 tell 10.0.0.1, length 28"),
        (on(reply()), "vb", "ARP, Ethernet (len 6), IPv4 (len 4), Reply 10.0.0.2 is-at 02:00:00:00:00:02, length 28"),
    ];
    check("-nn -v", v);
}

#[test]
fn arp_on_any() {
    let ra = "02:00:00:00:01:fe";
    let a = "02:00:00:00:01:01";
    let req = frame(a, BCAST, arp(ArpOp::Request, a, "10.0.1.1", ZERO, "10.0.1.254"));
    let rep = frame(ra, a, arp(ArpOp::Reply, ra, "10.0.1.254", a, "10.0.1.1"));
    let lines = vec![
        (seen(2, PktType::Broadcast, req), "ra", "ra    B   ARP, Request who-has 10.0.1.254 tell 10.0.1.1, length 28"),
        (seen(2, PktType::Outgoing, rep), "ra", "ra    Out ARP, Reply 10.0.1.254 is-at 02:00:00:00:01:fe, length 28"),
    ];
    check("-nn any", lines);
    let e = vec![
        (seen(2, PktType::Outgoing, request()), "eth0", "eth0  Out ifindex 2 02:00:00:00:00:01 ethertype ARP (0x0806), length 48: Request who-has 10.0.0.2 tell 10.0.0.1, length 28"),
        (seen(2, PktType::Host, reply()), "eth0", "eth0  In  ifindex 2 02:00:00:00:00:02 ethertype ARP (0x0806), length 48: Reply 10.0.0.2 is-at 02:00:00:00:00:02, length 28"),
    ];
    check("-nn -e any", e);
}

#[test]
fn dumps_of_arp() {
    let x = vec![
        (on(request()), "vb", "ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28\n\t0x0000:  0001 0800 0604 0001 0200 0000 0001 0a00  ................\n\t0x0010:  0001 0000 0000 0000 0a00 0002            ............"),
        (on(reply()), "vb", "ARP, Reply 10.0.0.2 is-at 02:00:00:00:00:02, length 28\n\t0x0000:  0001 0800 0604 0002 0200 0000 0002 0a00  ................\n\t0x0010:  0002 0200 0000 0001 0a00 0001            ............"),
    ];
    check("-nn -X", x);
    let a = vec![
        (on(request()), "vb", "ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28\n..............\n.........\n..."),
        (on(reply()), "vb", "ARP, Reply 10.0.0.2 is-at 02:00:00:00:00:02, length 28\n..............\n.........\n..."),
    ];
    check("-nn -A", a);
    let xx = vec![
        (on(request()), "vb", "ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28\n\t0x0000:  ffff ffff ffff 0200 0000 0001 0806 0001  ................\n\t0x0010:  0800 0604 0001 0200 0000 0001 0a00 0001  ................\n\t0x0020:  0000 0000 0000 0a00 0002                 .........."),
        (on(reply()), "vb", "ARP, Reply 10.0.0.2 is-at 02:00:00:00:00:02, length 28\n\t0x0000:  0200 0000 0001 0200 0000 0002 0806 0001  ................\n\t0x0010:  0800 0604 0002 0200 0000 0002 0a00 0002  ................\n\t0x0020:  0200 0000 0001 0a00 0001                 .........."),
    ];
    check("-nn -XX", xx);
}

/// The recorded dumps of a UDP datagram keep all but the first line (it
/// holds the random IP id and the header checksum).
#[test]
fn dumps_of_udp() {
    let d = || on(frame(A, B, udp("10.0.0.1", 4000, "10.0.0.2", 5000, b"hello\n")));
    let line = "IP 10.0.0.1.4000 > 10.0.0.2.5000: UDP, length 6";
    let mut p = Printer::new(opts("-nn -X"));
    let out = p.packet(&d(), "vb");
    let rest: Vec<&str> = out.lines().filter(|l| !l.contains("0x0000:")).collect();
    assert_eq!(
        rest,
        [
            line,
            "\t0x0010:  0a00 0002 0fa0 1388 000e 1422 6865 6c6c  ...........\"hell",
            "\t0x0020:  6f0a                                     o."
        ]
    );
    let mut p = Printer::new(opts("-nn -x"));
    let out = p.packet(&d(), "vb");
    let rest: Vec<&str> = out.lines().filter(|l| !l.contains("0x0000:")).collect();
    assert_eq!(rest, [line, "\t0x0010:  0a00 0002 0fa0 1388 000e 1422 6865 6c6c", "\t0x0020:  6f0a"]);
    let mut p = Printer::new(opts("-nn -A"));
    let out = p.packet(&d(), "vb");
    assert!(out.lines().any(|l| l == "..........\"hello"), "{out:?}");
}

#[test]
fn ethernet_head_of_ip() {
    let lines = vec![
        (on(frame(A, B, echo("10.0.0.1", "10.0.0.2", true, 14763, 56))), "vb", "02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype IPv4 (0x0800), length 98: 10.0.0.1 > 10.0.0.2: ICMP echo request, id 14763, seq 1, length 64"),
        (on(frame(B, A, echo("10.0.0.2", "10.0.0.1", false, 14763, 56))), "vb", "02:00:00:00:00:02 > 02:00:00:00:00:01, ethertype IPv4 (0x0800), length 98: 10.0.0.2 > 10.0.0.1: ICMP echo reply, id 14763, seq 1, length 64"),
        (on(frame(B, A, tcp("10.0.0.2", 80, "10.0.0.1", 2001, "R.", 0, 701, 0, None, b""))), "vb", "02:00:00:00:00:02 > 02:00:00:00:00:01, ethertype IPv4 (0x0800), length 54: 10.0.0.2.80 > 10.0.0.1.2001: Flags [R.], seq 0, ack 701, win 0, length 0"),
    ];
    check("-nn -e", lines);
}

#[test]
fn any_columns() {
    let req = || frame(A, B, echo("10.0.0.1", "10.0.0.2", true, 15061, 56));
    let rep = || frame(B, A, echo("10.0.0.2", "10.0.0.1", false, 15061, 56));
    let lines = vec![
        (
            seen(3, PktType::OtherHost, req()),
            "va",
            "va    P   IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 15061, seq 1, length 64",
        ),
        (
            seen(4, PktType::Outgoing, req()),
            "vb",
            "vb    Out IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 15061, seq 1, length 64",
        ),
        (
            seen(4, PktType::OtherHost, rep()),
            "vb",
            "vb    P   IP 10.0.0.2 > 10.0.0.1: ICMP echo reply, id 15061, seq 1, length 64",
        ),
        (
            seen(3, PktType::Outgoing, rep()),
            "va",
            "va    Out IP 10.0.0.2 > 10.0.0.1: ICMP echo reply, id 15061, seq 1, length 64",
        ),
        (
            seen(2, PktType::Host, rep()),
            "eth0",
            "eth0  In  IP 10.0.0.2 > 10.0.0.1: ICMP echo reply, id 15061, seq 1, length 64",
        ),
        (
            seen(5, PktType::Host, req()),
            "br0",
            "br0   In  IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 15061, seq 1, length 64",
        ),
    ];
    check("-nn any", lines);
    let e = vec![
        (seen(3, PktType::OtherHost, req()), "va", "va    P   ifindex 3 02:00:00:00:00:01 ethertype IPv4 (0x0800), length 104: 10.0.0.1 > 10.0.0.2: ICMP echo request, id 15061, seq 1, length 64"),
        (seen(4, PktType::OtherHost, rep()), "vb", "vb    P   ifindex 4 02:00:00:00:00:02 ethertype IPv4 (0x0800), length 104: 10.0.0.2 > 10.0.0.1: ICMP echo reply, id 15061, seq 1, length 64"),
    ];
    check("-nn -e any", e);
    let lo = || frame(ZERO, ZERO, echo("10.0.0.1", "10.0.0.1", true, 15285, 56));
    let long = vec![
        (
            seen(1, PktType::Host, lo()),
            "lo",
            "lo    In  IP 10.0.0.1 > 10.0.0.1: ICMP echo request, id 15285, seq 1, length 64",
        ),
        (
            seen(7, PktType::OtherHost, req()),
            "veth-client",
            "veth-client P   IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 15061, seq 1, length 64",
        ),
    ];
    check("-nn any", long);
}

/// `any`'s columns with each kind of line the recordings show there.
#[test]
fn any_columns_of_each_form() {
    let (ra, a, rb, b) = ("02:00:00:00:01:fe", "02:00:00:00:01:01", "02:00:00:00:02:fe", "02:00:00:00:02:01");
    let req = frame(rb, BCAST, arp(ArpOp::Request, rb, "10.0.2.254", ZERO, "10.0.2.1"));
    let rep = frame(b, rb, arp(ArpOp::Reply, b, "10.0.2.1", rb, "10.0.2.254"));
    let quoted = echo("10.0.1.1", "10.0.2.99", true, 10831, 56).quote();
    let unreach = pkt(
        "10.0.1.254",
        "10.0.1.1",
        64,
        false,
        Icmp::DestUnreachable { code: crate::netlink::sockets::UnreachCode::Host, quoted },
    );
    let dgram = udp("10.0.0.3", 4000, "10.0.0.2", 5000, b"hi\n").quote();
    let port = || {
        frame(
            B,
            A,
            pkt(
                "10.0.0.2",
                "10.0.0.3",
                64,
                false,
                Icmp::DestUnreachable { code: crate::netlink::sockets::UnreachCode::Port, quoted: dgram },
            ),
        )
    };
    let lines = vec![
        (seen(3, PktType::Outgoing, req), "rb", "rb    Out ARP, Request who-has 10.0.2.1 tell 10.0.2.254, length 28"),
        (seen(3, PktType::Host, rep), "rb", "rb    In  ARP, Reply 10.0.2.1 is-at 02:00:00:00:02:01, length 28"),
        (
            seen(2, PktType::Outgoing, frame(ra, a, unreach)),
            "ra",
            "ra    Out IP 10.0.1.254 > 10.0.1.1: ICMP host 10.0.2.99 unreachable, length 92",
        ),
        (
            seen(3, PktType::Outgoing, frame(a, b, udp("10.0.1.1", 4003, "10.0.2.1", 5002, b"hi\n"))),
            "rb",
            "rb    Out IP 10.0.1.1.4003 > 10.0.2.1.5002: UDP, length 3",
        ),
        (
            seen(4, PktType::OtherHost, port()),
            "vb",
            "vb    P   IP 10.0.0.2 > 10.0.0.3: ICMP 10.0.0.2 udp port 5000 unreachable, length 39",
        ),
        (
            seen(5, PktType::Outgoing, port()),
            "vc",
            "vc    Out IP 10.0.0.2 > 10.0.0.3: ICMP 10.0.0.2 udp port 5000 unreachable, length 39",
        ),
        (
            seen(2, PktType::Outgoing, frame(A, B, echo("10.0.0.1", "10.0.0.2", true, 15123, 56))),
            "eth0",
            "eth0  Out IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 15123, seq 1, length 64",
        ),
        (
            seen(5, PktType::Outgoing, frame(A, B, echo("10.0.0.254", "10.0.0.2", true, 15486, 56))),
            "br0",
            "br0   Out IP 10.0.0.254 > 10.0.0.2: ICMP echo request, id 15486, seq 1, length 64",
        ),
        (
            seen(5, PktType::Host, frame(B, A, echo("10.0.0.2", "10.0.0.254", false, 15486, 56))),
            "br0",
            "br0   In  IP 10.0.0.2 > 10.0.0.254: ICMP echo reply, id 15486, seq 1, length 64",
        ),
        (
            seen(5, PktType::Outgoing, frame(B, A, echo("10.0.0.254", "10.0.0.1", false, 15386, 56))),
            "br0",
            "br0   Out IP 10.0.0.254 > 10.0.0.1: ICMP echo reply, id 15386, seq 1, length 64",
        ),
    ];
    check("-nn any", lines);
    let e = vec![
        (seen(4, PktType::Outgoing, frame(A, B, echo("10.0.0.1", "10.0.0.2", true, 15086, 56))), "vb", "vb    Out ifindex 4 02:00:00:00:00:01 ethertype IPv4 (0x0800), length 104: 10.0.0.1 > 10.0.0.2: ICMP echo request, id 15086, seq 1, length 64"),
        (seen(3, PktType::Outgoing, frame(B, A, echo("10.0.0.2", "10.0.0.1", false, 15086, 56))), "va", "va    Out ifindex 3 02:00:00:00:00:02 ethertype IPv4 (0x0800), length 104: 10.0.0.2 > 10.0.0.1: ICMP echo reply, id 15086, seq 1, length 64"),
    ];
    check("-nn -e any", e);
    let mut back = echo("10.0.2.1", "10.0.1.1", false, 10679, 56);
    let v = vec![
        (seen(3, PktType::Host, frame(b, rb, back.clone())), "rb", "rb    In  IP (tos 0x0, ttl 64, id 0, offset 0, flags [none], proto ICMP (1), length 84)\n    10.0.2.1 > 10.0.1.1: ICMP echo reply, id 10679, seq 1, length 64"),
        (seen(2, PktType::Outgoing, frame(ra, a, { back.ttl = 63; back })), "ra", "ra    Out IP (tos 0x0, ttl 63, id 0, offset 0, flags [none], proto ICMP (1), length 84)\n    10.0.2.1 > 10.0.1.1: ICMP echo reply, id 10679, seq 1, length 64"),
    ];
    check("-nn -v any", v);
}
