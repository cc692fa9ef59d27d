//! ICMP: echo, the errors with their quoted packet, `-v`, fragments
//! (tcpdump-basics.txt, tcpdump-protocols.txt, lesson-service.txt).

use super::*;
use crate::netlink::sockets::{Quoted, UnreachCode};

const M: &str = "02:00:00:00:01:01";

fn error(src: &str, dst: &str, ttl: u8, icmp: Icmp) -> Captured {
    on(frame(M, M, pkt(src, dst, ttl, false, icmp)))
}

fn quote(p: &Ipv4Packet) -> Quoted {
    p.quote()
}

#[test]
fn echo_and_errors() {
    let big = echo("10.0.1.1", "10.0.2.1", true, 10935, 1472);
    let mut syn = tcp("10.244.0.2", 2000, "10.96.0.10", 80, "S", 7, 0, 64240, Some((1, 0)), b"");
    syn.df = true;
    let dgram = udp("10.0.1.1", 4000, "10.0.2.1", 5000, b"hi\n");
    let lines = vec![
        (
            on(frame(M, M, echo("10.0.0.1", "10.0.0.2", true, 13955, 56))),
            "vb",
            "IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 13955, seq 1, length 64",
        ),
        (
            on(frame(M, M, echo("10.0.0.2", "10.0.0.1", false, 13955, 56))),
            "vb",
            "IP 10.0.0.2 > 10.0.0.1: ICMP echo reply, id 13955, seq 1, length 64",
        ),
        (
            on(frame(M, M, echo("127.0.0.1", "127.0.0.1", true, 15257, 56))),
            "lo",
            "IP 127.0.0.1 > 127.0.0.1: ICMP echo request, id 15257, seq 1, length 64",
        ),
        (
            error(
                "10.0.1.254",
                "10.0.1.1",
                64,
                Icmp::TimeExceeded { quoted: quote(&echo("10.0.1.1", "10.0.2.1", true, 1, 56)) },
            ),
            "ra",
            "IP 10.0.1.254 > 10.0.1.1: ICMP time exceeded in-transit, length 92",
        ),
        (
            error(
                "10.0.1.254",
                "10.0.1.1",
                64,
                Icmp::DestUnreachable {
                    code: UnreachCode::Net,
                    quoted: quote(&echo("10.0.1.1", "10.9.9.9", true, 1, 56)),
                },
            ),
            "ra",
            "IP 10.0.1.254 > 10.0.1.1: ICMP net 10.9.9.9 unreachable, length 92",
        ),
        (
            error(
                "10.0.1.254",
                "10.0.1.1",
                64,
                Icmp::DestUnreachable {
                    code: UnreachCode::Host,
                    quoted: quote(&echo("10.0.1.1", "10.0.2.99", true, 1, 56)),
                },
            ),
            "ra",
            "IP 10.0.1.254 > 10.0.1.1: ICMP host 10.0.2.99 unreachable, length 92",
        ),
        (
            error("10.0.2.1", "10.0.1.1", 64, Icmp::DestUnreachable { code: UnreachCode::Port, quoted: quote(&dgram) }),
            "rb",
            "IP 10.0.2.1 > 10.0.1.1: ICMP 10.0.2.1 udp port 5000 unreachable, length 39",
        ),
        (on(frame(M, M, big.clone())), "ra", "IP 10.0.1.1 > 10.0.2.1: ICMP echo request, id 10935, seq 1, length 1480"),
        (
            error(
                "10.0.1.254",
                "10.0.1.1",
                64,
                Icmp::DestUnreachable { code: UnreachCode::FragNeeded { mtu: 1400 }, quoted: quote(&big) },
            ),
            "ra",
            "IP 10.0.1.254 > 10.0.1.1: ICMP 10.0.2.1 unreachable - need to frag (mtu 1400), length 556",
        ),
        (
            error(
                "10.0.1.254",
                "10.0.1.1",
                64,
                Icmp::DestUnreachable {
                    code: UnreachCode::AdminProhibited,
                    quoted: quote(&echo("10.0.1.1", "10.0.2.1", true, 1, 56)),
                },
            ),
            "ra",
            "IP 10.0.1.254 > 10.0.1.1: ICMP host 10.0.2.1 unreachable - admin prohibited filter, length 92",
        ),
        (
            error(
                "10.0.1.254",
                "10.0.1.1",
                64,
                Icmp::DestUnreachable {
                    code: UnreachCode::Host,
                    quoted: quote(&udp("10.0.1.1", 4069, "10.0.2.1", 69, b"hi\n")),
                },
            ),
            "ra",
            "IP 10.0.1.254 > 10.0.1.1: ICMP host 10.0.2.1 unreachable, length 39",
        ),
        (
            error(
                "10.0.1.254",
                "10.0.1.1",
                64,
                Icmp::DestUnreachable {
                    code: UnreachCode::NetProhibited,
                    quoted: quote(&udp("10.0.1.1", 4070, "10.0.2.1", 70, b"hi\n")),
                },
            ),
            "ra",
            "IP 10.0.1.254 > 10.0.1.1: ICMP net 10.0.2.1 unreachable - admin prohibited, length 39",
        ),
        (
            error(
                "10.244.0.1",
                "10.244.0.2",
                64,
                Icmp::DestUnreachable { code: UnreachCode::Net, quoted: quote(&syn) },
            ),
            "veth-a",
            "IP 10.244.0.1 > 10.244.0.2: ICMP net 10.96.0.10 unreachable, length 68",
        ),
    ];
    check("-nn", lines);
}

#[test]
fn fragments() {
    let mut whole = echo("10.0.1.1", "10.0.2.1", true, 10964, 2000);
    whole.df = false;
    let frags = whole.fragments(1500, 7);
    let lines = vec![
        (
            on(frame(M, M, frags[0].clone())),
            "ra",
            "IP 10.0.1.1 > 10.0.2.1: ICMP echo request, id 10964, seq 1, length 1480",
        ),
        (on(frame(M, M, frags[1].clone())), "ra", "IP 10.0.1.1 > 10.0.2.1: ip-proto-1"),
    ];
    check("-nn", lines);
    let reply = pkt("10.0.2.1", "10.0.1.1", 64, false, Icmp::EchoReply { ident: 10975, seq: 1, data_len: 2000 });
    let frags = reply.fragments(1400, 9);
    let lines = vec![
        (
            on(frame(M, M, frags[0].clone())),
            "rb",
            "IP 10.0.2.1 > 10.0.1.1: ICMP echo reply, id 10975, seq 1, length 1376",
        ),
        (on(frame(M, M, frags[1].clone())), "rb", "IP 10.0.2.1 > 10.0.1.1: ip-proto-1"),
    ];
    check("-nn", lines);
}

#[test]
fn verbose_header_and_quoted_packet() {
    let mut tos = echo("10.0.0.1", "10.0.0.2", true, 14872, 56);
    (tos.tos, tos.ttl) = (0x10, 7);
    let lines = vec![
        (on(frame(M, M, echo("10.0.0.1", "10.0.0.2", true, 14845, 56))), "vb", "IP (tos 0x0, ttl 64, id 0, offset 0, flags [DF], proto ICMP (1), length 84)\n    10.0.0.1 > 10.0.0.2: ICMP echo request, id 14845, seq 1, length 64"),
        (on(frame(M, M, echo("10.0.0.2", "10.0.0.1", false, 14845, 56))), "vb", "IP (tos 0x0, ttl 64, id 0, offset 0, flags [none], proto ICMP (1), length 84)\n    10.0.0.2 > 10.0.0.1: ICMP echo reply, id 14845, seq 1, length 64"),
        (on(frame(M, M, tos)), "vb", "IP (tos 0x10, ttl 7, id 0, offset 0, flags [DF], proto ICMP (1), length 84)\n    10.0.0.1 > 10.0.0.2: ICMP echo request, id 14872, seq 1, length 64"),
        (on(frame(M, M, udp("10.0.0.1", 4000, "10.0.0.2", 5000, b"hi\n"))), "vb", "IP (tos 0x0, ttl 64, id 0, offset 0, flags [DF], proto UDP (17), length 31)\n    10.0.0.1.4000 > 10.0.0.2.5000: UDP, length 3"),
    ];
    check("-nn -v", lines);
    let mut expired = echo("10.0.1.1", "10.0.2.1", true, 10801, 56);
    expired.ttl = 1;
    let mut dgram = udp("10.0.1.1", 4000, "10.0.2.1", 5000, b"hi\n");
    dgram.ttl = 63;
    let lines = vec![
        (on(frame(M, M, expired.clone())), "ra", "IP (tos 0x0, ttl 1, id 0, offset 0, flags [DF], proto ICMP (1), length 84)\n    10.0.1.1 > 10.0.2.1: ICMP echo request, id 10801, seq 1, length 64"),
        (error("10.0.1.254", "10.0.1.1", 64, Icmp::TimeExceeded { quoted: expired.quote() }), "ra", "IP (tos 0xc0, ttl 64, id 0, offset 0, flags [none], proto ICMP (1), length 112)\n    10.0.1.254 > 10.0.1.1: ICMP time exceeded in-transit, length 92\n\tIP (tos 0x0, ttl 1, id 0, offset 0, flags [DF], proto ICMP (1), length 84)\n    10.0.1.1 > 10.0.2.1: ICMP echo request, id 10801, seq 1, length 64"),
        (error("10.0.2.1", "10.0.1.1", 63, Icmp::DestUnreachable { code: UnreachCode::Port, quoted: dgram.quote() }), "ra", "IP (tos 0xc0, ttl 63, id 0, offset 0, flags [none], proto ICMP (1), length 59)\n    10.0.2.1 > 10.0.1.1: ICMP 10.0.2.1 udp port 5000 unreachable, length 39\n\tIP (tos 0x0, ttl 63, id 0, offset 0, flags [DF], proto UDP (17), length 31)\n    10.0.1.1.4000 > 10.0.2.1.5000: UDP, length 3"),
    ];
    check("-nn -v", lines);
    let fwd = |ttl, ifindex, t, ifname: &'static str, want: &'static str| {
        let mut p = echo("10.0.1.1", "10.0.2.1", true, 10679, 56);
        p.ttl = ttl;
        (seen(ifindex, t, frame(M, M, p)), ifname, want)
    };
    let lines = vec![
        fwd(64, 2, PktType::Host, "ra", "ra    In  IP (tos 0x0, ttl 64, id 0, offset 0, flags [DF], proto ICMP (1), length 84)\n    10.0.1.1 > 10.0.2.1: ICMP echo request, id 10679, seq 1, length 64"),
        fwd(63, 3, PktType::Outgoing, "rb", "rb    Out IP (tos 0x0, ttl 63, id 0, offset 0, flags [DF], proto ICMP (1), length 84)\n    10.0.1.1 > 10.0.2.1: ICMP echo request, id 10679, seq 1, length 64"),
    ];
    check("-nn -v any", lines);
}

#[test]
fn quiet_changes_nothing_for_icmp() {
    let lines = vec![(
        on(frame(M, M, echo("10.0.0.1", "10.0.0.2", true, 14792, 56))),
        "vb",
        "IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 14792, seq 1, length 64",
    )];
    check("-nn -q", lines);
}

#[test]
fn ethernet_head_of_an_error() {
    // tcpdump-filters.txt, `-e`: 20 + 8 + 31 quoted + 14.
    let dgram = udp("10.0.0.3", 4000, "10.0.0.2", 5000, b"hi\n");
    let err = pkt(
        "10.0.0.2",
        "10.0.0.3",
        64,
        false,
        Icmp::DestUnreachable { code: UnreachCode::Port, quoted: dgram.quote() },
    );
    let lines = vec![(on(frame("02:00:00:00:00:02", "02:00:00:00:00:03", err)), "vb", "02:00:00:00:00:02 > 02:00:00:00:00:03, ethertype IPv4 (0x0800), length 73: 10.0.0.2 > 10.0.0.3: ICMP 10.0.0.2 udp port 5000 unreachable, length 39")];
    check("-nn -e", lines);
}

#[test]
fn a_cut_quote_keeps_its_header_length() {
    // 576 bytes in all: the quoted header still says 1500 (print-icmp.c
    // hands ip_print the quoted ip_len).
    let big = echo("10.0.1.1", "10.0.2.1", true, 10935, 1472);
    let err = Icmp::DestUnreachable { code: UnreachCode::FragNeeded { mtu: 1400 }, quoted: big.quote() };
    let out = Printer::new(opts("-nn -v")).packet(&error("10.0.1.254", "10.0.1.1", 64, err), "ra");
    assert_eq!(out, "IP (tos 0xc0, ttl 64, id 0, offset 0, flags [none], proto ICMP (1), length 576)\n    10.0.1.254 > 10.0.1.1: ICMP 10.0.2.1 unreachable - need to frag (mtu 1400), length 556\n\tIP (tos 0x0, ttl 64, id 0, offset 0, flags [DF], proto ICMP (1), length 1500)\n    10.0.1.1 > 10.0.2.1: ICMP echo request, id 10935, seq 1, length 1480\n");
}
