//! A typed frame as the bytes on the wire, for what reads bytes: the
//! filter's `proto[offset]` loads and the printer's `-x`/`-X`/`-A` dumps.
//! Checksums are as a capture on a veth shows them: the IP header's and
//! ICMP's real (RFC 1071), UDP's and TCP's the partial pseudo-header sum
//! that checksum offload leaves.
//! What the typed frames do not carry is written deterministically: the
//! IP id is a fragment's id, else 0 (the recordings mask it: Linux's is
//! random); echo data is iputils' pattern (byte i is i, where ping
//! would put its timestamp first); a quoted packet's bytes after its
//! ports (or echo id and sequence) are zeros.

use std::net::Ipv4Addr;

use crate::netlink::sockets::{
    ArpOp, EthFrame, EthPayload, Icmp, Ipv4Packet, Payload, Quoted, TcpOption, UnreachCode, PROTO_ICMP, PROTO_TCP,
    PROTO_UDP,
};

/// The frame's ethertype.
pub fn ethertype(frame: &EthFrame) -> u16 {
    match frame.payload {
        EthPayload::Arp(_) => 0x0806,
        EthPayload::Ipv4(_) => 0x0800,
        #[cfg(feature = "ipv6")]
        EthPayload::Ipv6(_) => 0x86dd,
    }
}

/// The whole frame: Ethernet header, then [`payload_bytes`].
pub fn frame_bytes(frame: &EthFrame) -> Vec<u8> {
    let mut b = Vec::with_capacity(frame.len());
    b.extend_from_slice(&frame.dst.0);
    b.extend_from_slice(&frame.src.0);
    b.extend_from_slice(&ethertype(frame).to_be_bytes());
    b.extend(payload_bytes(frame));
    b
}

/// What the Ethernet header carries (ARP, or the IP packet).
pub fn payload_bytes(frame: &EthFrame) -> Vec<u8> {
    let mut b = Vec::with_capacity(frame.len());
    match &frame.payload {
        EthPayload::Arp(a) => {
            b.extend_from_slice(&[0, 1, 8, 0, 6, 4, 0, if a.op == ArpOp::Request { 1 } else { 2 }]);
            b.extend_from_slice(&a.sender_mac.0);
            b.extend_from_slice(&a.sender_ip.octets());
            b.extend_from_slice(&a.target_mac.0);
            b.extend_from_slice(&a.target_ip.octets());
        }
        EthPayload::Ipv4(p) => b = ip_bytes(p),
        #[cfg(feature = "ipv6")]
        EthPayload::Ipv6(p) => b = ip6_bytes(p),
    }
    b
}

/// An IPv6 packet: its header (flow label 0, no checksum computed in the
/// ICMPv6 header), an MLD report's hop-by-hop header, then the ICMPv6
/// type and code and zeros to its length.
#[cfg(feature = "ipv6")]
pub fn ip6_bytes(p: &crate::netlink::sockets::Ipv6Packet) -> Vec<u8> {
    use crate::netlink::sockets::IPV6_HLEN;
    let mut b = Vec::with_capacity(p.len());
    b.extend_from_slice(&[0x60, 0, 0, 0]);
    b.extend_from_slice(&((p.len() - IPV6_HLEN) as u16).to_be_bytes());
    let mld = matches!(p.payload, crate::netlink::sockets::Icmp6::MldReport { .. });
    let next = match (p.frag.is_some(), mld) {
        (true, _) => 44,
        (false, true) => 0,
        (false, false) => 58,
    };
    b.extend_from_slice(&[next, p.hop_limit]);
    b.extend_from_slice(&p.src.octets());
    b.extend_from_slice(&p.dst.octets());
    if mld {
        // Hop-by-hop: ICMPv6 next, router alert (MLD), two bytes of padding.
        b.extend_from_slice(&[58, 0, 5, 2, 0, 0, 1, 0]);
    }
    let (ty, code) = p.payload.type_code();
    b.extend_from_slice(&[ty, code]);
    b.resize(p.len(), 0);
    b
}

/// An IP packet (or fragment): header and its share of the payload.
pub fn ip_bytes(p: &Ipv4Packet) -> Vec<u8> {
    let mut b = Vec::with_capacity(p.len());
    let (id, off, more) = p.frag.map_or((0, 0, false), |f| (f.id, f.offset, f.more));
    let h = IpHeader { len: p.len(), tos: p.tos, id, df: p.df, more, offset: off, ttl: p.ttl, src: p.src, dst: p.dst };
    h.write(&mut b, p.payload.proto());
    let data = transport_bytes(&p.payload, p.src, p.dst);
    let (from, len) = p.frag.map_or((0, data.len()), |f| (f.offset, f.len));
    b.extend(data.iter().skip(from).take(len));
    b
}

struct IpHeader {
    len: usize,
    tos: u8,
    id: u16,
    df: bool,
    more: bool,
    offset: usize,
    ttl: u8,
    src: Ipv4Addr,
    dst: Ipv4Addr,
}

impl IpHeader {
    fn write(&self, b: &mut Vec<u8>, proto: u8) {
        let start = b.len();
        let flags = (u16::from(self.df) << 14) | (u16::from(self.more) << 13) | ((self.offset / 8) as u16 & 0x1fff);
        b.extend_from_slice(&[0x45, self.tos]);
        b.extend_from_slice(&(self.len as u16).to_be_bytes());
        b.extend_from_slice(&self.id.to_be_bytes());
        b.extend_from_slice(&flags.to_be_bytes());
        b.extend_from_slice(&[self.ttl, proto, 0, 0]);
        b.extend_from_slice(&self.src.octets());
        b.extend_from_slice(&self.dst.octets());
        let sum = checksum(&b[start..], 0);
        b[start + 10..start + 12].copy_from_slice(&sum.to_be_bytes());
    }
}

/// RFC 1071's Internet checksum of `data`, starting from the partial
/// sum `init` (a pseudo-header's).
pub fn checksum(data: &[u8], init: u32) -> u16 {
    let mut sum = init;
    for pair in data.chunks(2) {
        sum += u32::from(pair[0]) << 8 | u32::from(pair.get(1).copied().unwrap_or(0));
    }
    while sum > 0xffff {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}

/// What a capture on a veth shows in a UDP or TCP checksum: Linux
/// leaves it to the device (`CHECKSUM_PARTIAL`), having written only the
/// folded pseudo-header sum (`~tcp_v4_check(len, saddr, daddr, 0)`),
/// and a veth never completes it. tcpdump-basics.txt's `-X` shows it.
fn partial(pseudo: u32) -> u16 {
    !checksum(&[], pseudo)
}

/// The checksum a UDP or TCP header of an IP packet should carry (what
/// `tcpdump -v` says the partial one should be).
pub fn full_transport_checksum(ip: &[u8]) -> u16 {
    let src = Ipv4Addr::new(ip[12], ip[13], ip[14], ip[15]);
    let dst = Ipv4Addr::new(ip[16], ip[17], ip[18], ip[19]);
    let seg = &ip[20..];
    let at = if ip[9] == PROTO_TCP { 16 } else { 6 };
    let mut zeroed = seg.to_vec();
    zeroed[at..at + 2].copy_from_slice(&[0, 0]);
    checksum(&zeroed, pseudo(src, dst, ip[9], seg.len()))
}

fn pseudo(src: Ipv4Addr, dst: Ipv4Addr, proto: u8, len: usize) -> u32 {
    let word = |o: [u8; 4]| (u32::from(o[0]) << 8 | u32::from(o[1])) + (u32::from(o[2]) << 8 | u32::from(o[3]));
    word(src.octets()) + word(dst.octets()) + u32::from(proto) + len as u32
}

/// The transport message (whole, also for a fragment).
fn transport_bytes(p: &Payload, src: Ipv4Addr, dst: Ipv4Addr) -> Vec<u8> {
    let mut b = Vec::with_capacity(p.len());
    match p {
        // Type 0x22, then per group a CHANGE_TO_EXCLUDE record without sources.
        Payload::Igmp(r) => {
            b.extend_from_slice(&[0x22, 0, 0, 0, 0, 0]);
            b.extend_from_slice(&(r.groups.len() as u16).to_be_bytes());
            for g in &r.groups {
                b.extend_from_slice(&[4, 0, 0, 0]);
                b.extend_from_slice(&g.octets());
            }
            let sum = checksum(&b, 0);
            b[2..4].copy_from_slice(&sum.to_be_bytes());
        }
        Payload::Udp(u) => {
            b.extend_from_slice(&u.sport.to_be_bytes());
            b.extend_from_slice(&u.dport.to_be_bytes());
            b.extend_from_slice(&(u.len() as u16).to_be_bytes());
            b.extend_from_slice(&[0, 0]);
            b.extend_from_slice(&u.data);
            let sum = partial(pseudo(src, dst, PROTO_UDP, b.len()));
            b[6..8].copy_from_slice(&sum.to_be_bytes());
        }
        Payload::Tcp(t) => {
            b.extend_from_slice(&t.sport.to_be_bytes());
            b.extend_from_slice(&t.dport.to_be_bytes());
            b.extend_from_slice(&t.seq.to_be_bytes());
            b.extend_from_slice(&t.ack.to_be_bytes());
            b.extend_from_slice(&[((t.header_len() / 4) as u8) << 4, t.flags.0]);
            b.extend_from_slice(&t.window.to_be_bytes());
            b.extend_from_slice(&[0, 0, 0, 0]);
            for o in &t.options {
                match *o {
                    TcpOption::Nop => b.push(1),
                    TcpOption::Mss(m) => b.extend_from_slice(&[2, 4, (m >> 8) as u8, m as u8]),
                    TcpOption::WindowScale(w) => b.extend_from_slice(&[3, 3, w]),
                    TcpOption::SackPermitted => b.extend_from_slice(&[4, 2]),
                    TcpOption::Timestamps { val, ecr } => {
                        b.extend_from_slice(&[8, 10]);
                        b.extend_from_slice(&val.to_be_bytes());
                        b.extend_from_slice(&ecr.to_be_bytes());
                    }
                }
            }
            b.resize(t.header_len(), 0);
            b.extend_from_slice(&t.data);
            let sum = partial(pseudo(src, dst, PROTO_TCP, b.len()));
            b[16..18].copy_from_slice(&sum.to_be_bytes());
        }
        Payload::Icmp(i) => {
            let (ty, code) = match i {
                Icmp::EchoRequest { .. } => (8, 0),
                Icmp::EchoReply { .. } => (0, 0),
                Icmp::DestUnreachable { code, .. } => (3, code.code()),
                Icmp::TimeExceeded { .. } => (11, 0),
            };
            b.extend_from_slice(&[ty, code, 0, 0]);
            match i {
                Icmp::EchoRequest { ident, seq, data_len } | Icmp::EchoReply { ident, seq, data_len } => {
                    b.extend_from_slice(&ident.to_be_bytes());
                    b.extend_from_slice(&seq.to_be_bytes());
                    b.extend((0..*data_len).map(|i| i as u8));
                }
                Icmp::DestUnreachable { quoted, .. } | Icmp::TimeExceeded { quoted } => {
                    let mtu = match i {
                        Icmp::DestUnreachable { code: UnreachCode::FragNeeded { mtu }, .. } => *mtu,
                        _ => 0,
                    };
                    b.extend_from_slice(&[0, 0]);
                    b.extend_from_slice(&mtu.to_be_bytes());
                    quoted_bytes(&mut b, quoted);
                }
            }
            b.resize(i.len(), 0);
            let sum = checksum(&b, 0);
            b[2..4].copy_from_slice(&sum.to_be_bytes());
        }
    }
    b
}

/// The start of an offending packet as an ICMP error quotes it.
fn quoted_bytes(b: &mut Vec<u8>, q: &Quoted) {
    let h = IpHeader {
        len: q.ip_len,
        tos: q.tos,
        id: 0,
        df: q.df,
        more: false,
        offset: 0,
        ttl: q.ttl,
        src: q.src,
        dst: q.dst,
    };
    h.write(b, q.proto);
    if q.proto == PROTO_ICMP {
        b.extend_from_slice(&[8, 0, 0, 0]);
        b.extend_from_slice(&q.ident.to_be_bytes());
        b.extend_from_slice(&q.seq.to_be_bytes());
    } else {
        b.extend_from_slice(&q.sport.to_be_bytes());
        b.extend_from_slice(&q.dport.to_be_bytes());
        if q.proto == PROTO_UDP {
            b.extend_from_slice(&(q.ip_len.saturating_sub(20) as u16).to_be_bytes());
        }
    }
}
