//! The printer against the recorded packet lines of
//! `tests/data/capture/` (each expected text is a recorded line after its
//! time stamp, and its continuation lines). Masked fields (ICMP id, SYN
//! and RST sequence numbers, TS values, `-v`'s IP id) are built with the
//! recorded values, or any value where the recording masks them.

mod icmp;
mod link;
mod tcp;
mod udp;

use std::net::Ipv4Addr;

use super::{Dump, PrintOpts, Printer};
use crate::kernel::mac::Mac;
use crate::netlink::sockets::{
    syn_options, ArpOp, ArpPacket, Captured, EthFrame, EthPayload, Icmp, Ipv4Packet, Payload, PktType, TcpFlags,
    TcpOption, TcpSegment, UdpDatagram,
};

fn ip(s: &str) -> Ipv4Addr {
    s.parse().unwrap()
}

fn mac(s: &str) -> Mac {
    let mut m = [0u8; 6];
    for (i, p) in s.split(':').enumerate() {
        m[i] = u8::from_str_radix(p, 16).unwrap();
    }
    Mac(m)
}

/// Options from tcpdump's flags as the recordings spell them.
fn opts(flags: &str) -> PrintOpts {
    let mut o = PrintOpts::default();
    for f in flags.split_whitespace() {
        match f {
            "-n" => o.numeric = 1,
            "-nn" => o.numeric = 2,
            "-e" => o.link = true,
            "-v" => o.verbose += 1,
            "-q" => o.quiet = true,
            "-x" => o.dump = Dump::Hex,
            "-xx" => o.dump = Dump::HexLink,
            "-X" => o.dump = Dump::HexAscii,
            "-XX" => o.dump = Dump::HexAsciiLink,
            "-A" => o.dump = Dump::Ascii,
            "any" => o.any = true,
            _ => panic!("{f}"),
        }
    }
    o
}

fn pkt(src: &str, dst: &str, ttl: u8, df: bool, payload: impl Into<Payload>) -> Ipv4Packet {
    let mut p = Ipv4Packet::new(ip(src), ip(dst), ttl, payload);
    p.df = df;
    p
}

fn echo(src: &str, dst: &str, request: bool, ident: u16, data_len: usize) -> Ipv4Packet {
    let i = if request {
        Icmp::EchoRequest { ident, seq: 1, data_len }
    } else {
        Icmp::EchoReply { ident, seq: 1, data_len }
    };
    pkt(src, dst, 64, request, i)
}

fn udp(src: &str, sport: u16, dst: &str, dport: u16, data: &[u8]) -> Ipv4Packet {
    pkt(src, dst, 64, true, UdpDatagram { sport, dport, data: data.to_vec() })
}

/// A TCP segment: `flags` as tcpdump prints them (`S`, `S.`, `P.`, …);
/// SYNs carry Linux's SYN options, others `nop,nop,TS` when `ts` is set.
#[allow(clippy::too_many_arguments)]
fn tcp(
    src: &str,
    sport: u16,
    dst: &str,
    dport: u16,
    flags: &str,
    seq: u32,
    ack: u32,
    win: u16,
    ts: Option<(u32, u32)>,
    data: &[u8],
) -> Ipv4Packet {
    let mut bits = 0;
    for c in flags.chars() {
        bits |= match c {
            'S' => TcpFlags::SYN,
            'F' => TcpFlags::FIN,
            'R' => TcpFlags::RST,
            'P' => TcpFlags::PSH,
            '.' => TcpFlags::ACK,
            _ => panic!("{c}"),
        };
    }
    let options = match ts {
        None => vec![],
        Some((val, ecr)) if bits & TcpFlags::SYN != 0 => syn_options(1460, val, ecr, 10),
        Some((val, ecr)) => vec![TcpOption::Nop, TcpOption::Nop, TcpOption::Timestamps { val, ecr }],
    };
    let seg = TcpSegment { sport, dport, seq, ack, flags: TcpFlags(bits), window: win, options, data: data.to_vec() };
    pkt(src, dst, 64, true, seg)
}

fn arp(op: ArpOp, smac: &str, sip: &str, tmac: &str, tip: &str) -> EthPayload {
    EthPayload::Arp(ArpPacket {
        op,
        sender_mac: mac(smac),
        sender_ip: ip(sip),
        target_mac: mac(tmac),
        target_ip: ip(tip),
    })
}

fn frame(src: &str, dst: &str, payload: impl Into<EthPayloadArg>) -> EthFrame {
    EthFrame { src: mac(src), dst: mac(dst), payload: payload.into().0 }
}

struct EthPayloadArg(EthPayload);
impl From<Ipv4Packet> for EthPayloadArg {
    fn from(p: Ipv4Packet) -> Self {
        EthPayloadArg(EthPayload::Ipv4(p))
    }
}
impl From<EthPayload> for EthPayloadArg {
    fn from(p: EthPayload) -> Self {
        EthPayloadArg(p)
    }
}

/// A frame seen on device `ifindex` with a direction (for `any`).
fn seen(ifindex: u32, pkt_type: PktType, frame: EthFrame) -> Captured {
    Captured { at_us: 0, ifindex, pkt_type, frame }
}

fn on(frame: EthFrame) -> Captured {
    seen(2, PktType::Host, frame)
}

/// Prints each packet in turn with one printer (TCP's state carries over)
/// and compares with the recorded text, lines joined by `\n`.
fn check(flags: &str, cases: Vec<(Captured, &str, &str)>) {
    let mut p = Printer::new(opts(flags));
    for (i, (c, ifname, want)) in cases.into_iter().enumerate() {
        assert_eq!(p.packet(&c, ifname), format!("{want}\n"), "case {i} with {flags}");
    }
}

#[test]
fn options_of_a_command_line() {
    let argv = |a: &[&str]| crate::tools::tcpdump::parse(a);
    let o = argv(&["-nn", "-e", "-v", "-q", "-XX", "-x", "-A"]).unwrap();
    let p = PrintOpts::of(&o, true);
    assert_eq!(p, PrintOpts { numeric: 2, link: true, verbose: 1, quiet: true, dump: Dump::HexAsciiLink, any: true });
    assert_eq!(PrintOpts::of(&argv(&["-xx", "-A"]).unwrap(), false).dump, Dump::HexLink);
    assert_eq!(PrintOpts::of(&argv(&["-AA"]).unwrap(), false).dump, Dump::AsciiLink);
}

#[test]
fn the_time_is_utc_time_of_day() {
    // EPOCH_BASE is 2026-12-06 14:00:00 UTC.
    assert_eq!(crate::tools::tcpdump::clock_text(0), "14:00:00.000000");
    assert_eq!(crate::tools::tcpdump::clock_text(3_723_000_042), "15:02:03.000042");
}
