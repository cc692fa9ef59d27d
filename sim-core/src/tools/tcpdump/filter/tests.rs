//! Data-driven from the recordings: tcpdump-filters.txt (which of the
//! same packets each filter printed) and tcpdump-errors.txt (each filter
//! error's text).

use std::net::Ipv4Addr;

use super::{Filter, FilterError, LinkType};
use crate::kernel::mac::Mac;
use crate::netlink::sockets::{
    syn_options, ArpOp, ArpPacket, EthFrame, EthPayload, Icmp, Ipv4Packet, Payload, Quoted, TcpFlags, TcpSegment,
    UdpDatagram, UnreachCode,
};

const FILTERS: &str = include_str!("../../../../tests/data/capture/tcpdump-filters.txt");
const ERRORS: &str = include_str!("../../../../tests/data/capture/tcpdump-errors.txt");

fn mac(n: u8) -> Mac {
    Mac([2, 0, 0, 0, 0, n])
}

fn addr(n: u8) -> Ipv4Addr {
    Ipv4Addr::new(10, 0, 0, n)
}

fn ipv4(from: u8, to: u8, df: bool, payload: impl Into<Payload>) -> EthFrame {
    let mut p = Ipv4Packet::new(addr(from), addr(to), 64, payload);
    p.df = df;
    EthFrame { src: mac(from), dst: mac(to), payload: EthPayload::Ipv4(p) }
}

fn echo(from: u8, to: u8, reply: bool) -> EthFrame {
    let (ident, seq, data_len) = (7, 1, 56);
    let icmp =
        if reply { Icmp::EchoReply { ident, seq, data_len } } else { Icmp::EchoRequest { ident, seq, data_len } };
    ipv4(from, to, !reply, icmp)
}

/// The 8 packets each line of tcpdump-filters.sh sends, in order, with the
/// printed line that tells each apart.
fn traffic() -> Vec<(&'static str, EthFrame)> {
    let syn = TcpSegment {
        sport: 2001,
        dport: 80,
        seq: 1000,
        ack: 0,
        flags: TcpFlags(TcpFlags::SYN),
        window: 64240,
        options: syn_options(1460, 1, 0, 10),
        data: vec![],
    };
    let rst = TcpSegment {
        sport: 80,
        dport: 2001,
        seq: 0,
        ack: 1001,
        flags: TcpFlags(TcpFlags::RST | TcpFlags::ACK),
        window: 0,
        options: vec![],
        data: vec![],
    };
    let udp = UdpDatagram { sport: 4000, dport: 5000, data: b"hi\n".to_vec() };
    let quoted = Quoted {
        src: addr(3),
        dst: addr(2),
        proto: 17,
        sport: 4000,
        dport: 5000,
        ident: 0,
        seq: 0,
        tos: 0,
        ttl: 64,
        df: true,
        ip_len: 31,
        len: 31,
    };
    vec![
        ("10.0.0.1 > 10.0.0.2: ICMP echo request", echo(1, 2, false)),
        ("10.0.0.2 > 10.0.0.1: ICMP echo reply", echo(2, 1, true)),
        ("10.0.0.3 > 10.0.0.2: ICMP echo request", echo(3, 2, false)),
        ("10.0.0.2 > 10.0.0.3: ICMP echo reply", echo(2, 3, true)),
        ("10.0.0.1.2001 > 10.0.0.2.80: Flags [S]", ipv4(1, 2, true, syn)),
        ("10.0.0.2.80 > 10.0.0.1.2001: Flags [R.]", ipv4(2, 1, true, rst)),
        ("10.0.0.3.4000 > 10.0.0.2.5000: UDP", ipv4(3, 2, true, udp)),
        (
            "10.0.0.2 > 10.0.0.3: ICMP 10.0.0.2 udp port 5000 unreachable",
            ipv4(2, 3, false, Icmp::DestUnreachable { code: UnreachCode::Port, quoted }),
        ),
    ]
}

/// The lines that delete the neighbours: a asks for b, b answers, a pings.
fn arp_traffic() -> Vec<(&'static str, EthFrame)> {
    let request = ArpPacket {
        op: ArpOp::Request,
        sender_mac: mac(1),
        sender_ip: addr(1),
        target_mac: Mac::ZERO,
        target_ip: addr(2),
    };
    let reply = request.reply(mac(2));
    vec![
        (
            "ARP, Request who-has 10.0.0.2 tell 10.0.0.1",
            EthFrame { src: mac(1), dst: Mac::BROADCAST, payload: EthPayload::Arp(request) },
        ),
        ("ARP, Reply 10.0.0.2 is-at", EthFrame { src: mac(2), dst: mac(1), payload: EthPayload::Arp(reply) }),
        ("10.0.0.1 > 10.0.0.2: ICMP echo request", echo(1, 2, false)),
        ("10.0.0.2 > 10.0.0.1: ICMP echo reply", echo(2, 1, true)),
    ]
}

/// A recorded tcpdump command line: its link, `-c` and filter text.
struct Capture {
    link: LinkType,
    count: Option<usize>,
    filter: String,
}

/// The words after `tcpdump` up to the first shell operator, options
/// dropped as tcpdump's getopt takes them.
fn capture(command: &str) -> Option<Capture> {
    let rest = &command[command.find("tcpdump ")? + "tcpdump ".len()..];
    let mut words = Vec::new();
    let mut word = String::new();
    let (mut quoted, mut any) = (false, false);
    for c in rest.chars() {
        match c {
            ';' | '&' | '|' | '>' if !quoted => break,
            '\'' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    words.push(std::mem::take(&mut word));
                }
                any = false;
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        words.push(word);
    }
    let (mut link, mut count, mut filter) = (LinkType::Ethernet, None, Vec::new());
    let mut it = words.into_iter();
    while let Some(w) = it.next() {
        match w.as_str() {
            "-i" => {
                if it.next()? == "any" {
                    link = LinkType::LinuxSll2;
                }
            }
            "-c" => count = it.next()?.parse().ok(),
            "-s" | "-y" | "-Q" | "-r" | "-w" => {
                it.next();
            }
            w if w.starts_with('-') => {}
            _ => filter.push(w),
        }
    }
    Some(Capture { link, count, filter: filter.join(" ") })
}

/// Commands of a transcript with their output lines.
fn commands(text: &str) -> Vec<(&str, Vec<&str>)> {
    let mut out: Vec<(&str, Vec<&str>)> = Vec::new();
    for line in text.lines() {
        match line.strip_prefix("$ ") {
            Some(c) => out.push((c, Vec::new())),
            None => {
                if let Some(last) = out.last_mut() {
                    last.1.push(line);
                }
            }
        }
    }
    out
}

#[test]
fn every_recorded_filter_selects_the_recorded_packets() {
    let (plain, arp) = (traffic(), arp_traffic());
    let mut checked = 0;
    for (command, output) in commands(FILTERS) {
        if !command.contains("tcpdump") {
            continue;
        }
        let cap = capture(command).expect(command);
        let packets = if command.contains("neigh del") { &arp } else { &plain };
        let mut printed: Vec<usize> = Vec::new();
        for line in &output {
            if let Some(i) = packets.iter().position(|(text, _)| line.contains(text)) {
                if !printed.contains(&i) {
                    printed.push(i);
                }
            }
        }
        let filter = Filter::compile(&cap.filter, cap.link).unwrap_or_else(|e| panic!("{command}: {e}"));
        let mut selected: Vec<usize> =
            (0..packets.len()).filter(|&i| filter.as_ref().is_none_or(|f| f.matches(&packets[i].1))).collect();
        selected.truncate(cap.count.unwrap_or(usize::MAX));
        assert_eq!(selected, printed, "{}", cap.filter);
        checked += 1;
    }
    assert_eq!(checked, 72);
}

#[test]
fn every_recorded_filter_error_has_its_text() {
    let mut checked = 0;
    for (command, output) in commands(ERRORS) {
        if !command.contains("tcpdump -i vb") && !command.contains("tcpdump -n -i vb") && !command.contains("-i any '")
        {
            continue;
        }
        let Some(cap) = capture(command).filter(|c| !c.filter.is_empty()) else { continue };
        let result = Filter::compile(&cap.filter, cap.link);
        if output.iter().any(|l| l.contains("listening on")) {
            assert!(result.is_ok(), "{command}: {result:?}");
        } else if let Some(err) =
            output.iter().filter_map(|l| l.strip_prefix("tcpdump: ")).rfind(|l| !l.starts_with("data link type"))
        {
            assert_eq!(result.map(|_| ()).map_err(|e| e.to_string()), Err(err.to_string()), "{command}");
        } else {
            continue;
        }
        checked += 1;
    }
    assert_eq!(checked, 25);
}

#[test]
fn bare_ids_take_the_last_qualifiers() {
    let carried = Filter::parse("tcp src port 80 or 443").unwrap();
    let spelled = Filter::parse("tcp src port 80 or tcp src port 443").unwrap();
    assert_eq!(carried, spelled);
    let carried = Filter::parse("host 10.0.0.1 and not 10.0.0.2").unwrap();
    let spelled = Filter::parse("host 10.0.0.1 and not host 10.0.0.2").unwrap();
    assert_eq!(carried, spelled);
}

/// `ip6`, `icmp6` and their loads, as libpcap compiles them: `icmp6`
/// looks at the IPv6 next header, which MLD's hop-by-hop header hides
/// (recorded: `ipv6/tcpdump-ip6tables`, whose captures show no MLD).
#[cfg(feature = "ipv6")]
#[test]
fn ipv6_filters_see_the_next_header() {
    use crate::netlink::sockets::{Icmp6, Ipv6Packet};
    let a: std::net::Ipv6Addr = "2001:db8::1".parse().unwrap();
    let frame =
        |payload| EthFrame { src: mac(1), dst: mac(2), payload: EthPayload::Ipv6(Ipv6Packet::new(a, a, 64, payload)) };
    let echo = frame(Icmp6::EchoRequest { ident: 1, seq: 1, data_len: 56 });
    let rs = frame(Icmp6::RouterSolicit { src_lladdr: Some(mac(1)) });
    let mld = frame(Icmp6::MldReport { groups: vec![a] });
    let takes = |f: &str, fr: &EthFrame| Filter::compile(f, LinkType::Ethernet).unwrap().unwrap().matches(fr);
    for (f, want) in [
        ("ip6", [true, true, true]),
        ("icmp6", [true, true, false]),
        ("ip6[40] == 128", [true, false, false]),
        ("ip6[6] == 0", [false, false, true]),
        ("icmp6[0] == 133", [false, true, false]),
        ("ip or arp", [false, false, false]),
    ] {
        let got = [takes(f, &echo), takes(f, &rs), takes(f, &mld)];
        assert_eq!(got, want, "{f}");
    }
    assert_eq!(Filter::compile("icmp6 and icmp", LinkType::Ethernet), Err(FilterError::RejectsAll));
}

#[test]
fn the_empty_expression_takes_everything() {
    assert_eq!(Filter::parse("  "), Ok(None));
    assert_eq!(Filter::parse("10.0.0.1"), Err(FilterError::Syntax));
}

/// Token soup from a seeded generator: the parser never panics, and a
/// filter it accepts never panics on any of the recorded packets.
#[test]
fn token_soup_never_panics() {
    const WORDS: &[&str] = &[
        "host",
        "net",
        "port",
        "portrange",
        "src",
        "dst",
        "and",
        "or",
        "not",
        "!",
        "&&",
        "||",
        "(",
        ")",
        "[",
        "]",
        ":",
        "tcp",
        "udp",
        "icmp",
        "ip",
        "arp",
        "ether",
        "proto",
        "mask",
        "len",
        "greater",
        "less",
        "broadcast",
        "10.0.0.1",
        "10.0.0.0/24",
        "10.0.0.300",
        "/",
        "33",
        "0",
        "4",
        "65536",
        "99999999999999999999",
        "0x6869",
        "02:00:00:00:00:01",
        "02:00:00:",
        "1-2",
        "http",
        "abc",
        "\\ip",
        "==",
        "!=",
        "<",
        ">=",
        "&",
        "|",
        "+",
        "-",
        "*",
        "%",
        "<<",
        ">>",
        "^",
        "tcpflags",
        "tcp-syn",
        "icmptype",
        "icmp-echo",
        "255.255.255.0",
        "#",
        "é",
    ];
    let packets: Vec<EthFrame> = traffic().into_iter().chain(arp_traffic()).map(|(_, f)| f).collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..20_000 {
        let n = (next() % 8) as usize;
        let text: Vec<&str> = (0..n).map(|_| WORDS[(next() % WORDS.len() as u64) as usize]).collect();
        let sep = if next() % 4 == 0 { "" } else { " " };
        if let Ok(Some(f)) = Filter::compile(&text.join(sep), LinkType::Ethernet) {
            for p in &packets {
                let _ = f.matches(p);
            }
        }
    }
}

/// gencode.c's texts where the recordings have no case (its source, not a
/// recording, is the referee here), and the protocol a port's name implies.
#[test]
fn gencode_texts_and_named_ports() {
    let err = |t: &str| Filter::parse(t).map(|_| ()).map_err(|e| e.to_string());
    assert_eq!(err("tcp host 10.0.0.1"), Err("'tcp' modifier applied to host".into()));
    assert_eq!(err("ip port 80"), Err("illegal qualifier of 'port'".into()));
    assert_eq!(err("udp port http"), Err("port 'http' is tcp".into()));
    assert_eq!(err("net nonet"), Err("unknown network 'nonet'".into()));
    assert_eq!(err("ip host nohost"), Err("unknown host 'nohost' for specified address family".into()));
    let http = Filter::parse("port http").unwrap().unwrap();
    let udp80 = ipv4(3, 2, true, UdpDatagram { sport: 4000, dport: 80, data: vec![] });
    assert!(!http.matches(&udp80));
    assert!(Filter::parse("port 80").unwrap().unwrap().matches(&udp80));
}

/// Character soup (multi-byte characters too): the scanner never panics.
#[test]
fn character_soup_never_panics() {
    let chars: Vec<char> = "ab09fx:./-_\\ ()[]!&|=<>+*%^'\"\té#".chars().collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..20_000 {
        let mut text = String::new();
        for _ in 0..(seed % 24) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push(chars[(seed % chars.len() as u64) as usize]);
        }
        let _ = Filter::compile(&text, LinkType::LinuxSll2);
        seed = seed.wrapping_add(1);
    }
}
