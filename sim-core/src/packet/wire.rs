//! Typed frames and packets: Ethernet, ARP, IPv4 and ICMP, in the smoltcp
//! style — a representation of what is on the wire, kept apart from how a
//! trace or a tool prints it. Nothing here is serialized to bytes; lengths
//! are computed so link counters and ping's byte counts come out right.

use std::net::Ipv4Addr;

use crate::kernel::mac::Mac;

/// Length of an Ethernet header (no FCS: veths and bridges never add one).
pub const ETH_HLEN: usize = 14;
/// Length of an IPv4 header without options.
pub const IPV4_HLEN: usize = 20;
/// Length of an ICMP header.
pub const ICMP_HLEN: usize = 8;
/// Length of an ARP packet for IPv4 over Ethernet.
pub const ARP_LEN: usize = 28;

/// An Ethernet frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EthFrame {
    pub src: Mac,
    pub dst: Mac,
    pub payload: EthPayload,
}

/// What an Ethernet frame carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EthPayload {
    Arp(ArpPacket),
    Ipv4(Ipv4Packet),
}

impl EthFrame {
    /// Bytes on the wire, as link counters count them.
    pub fn len(&self) -> usize {
        ETH_HLEN
            + match &self.payload {
                EthPayload::Arp(_) => ARP_LEN,
                EthPayload::Ipv4(p) => p.len(),
            }
    }

    /// Never empty: a frame has at least its header.
    pub fn is_empty(&self) -> bool {
        false
    }
}

/// ARP operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArpOp {
    Request,
    Reply,
}

/// An ARP packet (IPv4 over Ethernet).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArpPacket {
    pub op: ArpOp,
    pub sender_mac: Mac,
    pub sender_ip: Ipv4Addr,
    pub target_mac: Mac,
    pub target_ip: Ipv4Addr,
}

impl ArpPacket {
    /// The reply to this request: `mac` has `target_ip`.
    pub fn reply(&self, mac: Mac) -> ArpPacket {
        ArpPacket {
            op: ArpOp::Reply,
            sender_mac: mac,
            sender_ip: self.target_ip,
            target_mac: self.sender_mac,
            target_ip: self.sender_ip,
        }
    }
}

/// An IPv4 packet (no options, never fragmented).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ipv4Packet {
    pub src: Ipv4Addr,
    pub dst: Ipv4Addr,
    pub ttl: u8,
    pub payload: Icmp,
}

impl Ipv4Packet {
    /// Total length (header + payload).
    pub fn len(&self) -> usize {
        IPV4_HLEN + self.payload.len()
    }

    /// Never empty: a packet has at least its header.
    pub fn is_empty(&self) -> bool {
        false
    }
}

/// Why a destination was unreachable (`ICMP_DEST_UNREACH` codes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnreachCode {
    Net,
    Host,
    Protocol,
    Port,
}

impl UnreachCode {
    /// How ping names it (`Destination Host Unreachable`).
    pub fn text(self) -> &'static str {
        match self {
            UnreachCode::Net => "Destination Net Unreachable",
            UnreachCode::Host => "Destination Host Unreachable",
            UnreachCode::Protocol => "Destination Protocol Unreachable",
            UnreachCode::Port => "Destination Port Unreachable",
        }
    }
}

/// The part of an offending packet an ICMP error quotes: its addresses and
/// the echo's identity, enough to find the socket and undo NAT.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quoted {
    pub src: Ipv4Addr,
    pub dst: Ipv4Addr,
    pub ident: u16,
    pub seq: u16,
    /// How many bytes of the offending packet the error carries.
    pub len: usize,
}

/// `icmp_send()` quotes as much of the offending packet as keeps the error
/// within 576 bytes (RFC 1812): 576 - IP header - ICMP header.
pub const ICMP_QUOTE_MAX: usize = 576 - IPV4_HLEN - ICMP_HLEN;

/// An ICMP message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Icmp {
    EchoRequest { ident: u16, seq: u16, data_len: usize },
    EchoReply { ident: u16, seq: u16, data_len: usize },
    DestUnreachable { code: UnreachCode, quoted: Quoted },
    TimeExceeded { quoted: Quoted },
}

impl Icmp {
    /// Length of the ICMP message (header + data; an error quotes the
    /// offending IP header and 8 bytes).
    pub fn len(&self) -> usize {
        match self {
            Icmp::EchoRequest { data_len, .. } | Icmp::EchoReply { data_len, .. } => ICMP_HLEN + data_len,
            Icmp::DestUnreachable { quoted, .. } | Icmp::TimeExceeded { quoted } => ICMP_HLEN + quoted.len,
        }
    }

    /// Never empty: a message has at least its header.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Whether this is an error (never answered with another error).
    pub fn is_error(&self) -> bool {
        matches!(self, Icmp::DestUnreachable { .. } | Icmp::TimeExceeded { .. })
    }

    /// The echo identity a message belongs to: its own, or the quoted one.
    pub fn echo_id(&self) -> u16 {
        match self {
            Icmp::EchoRequest { ident, .. } | Icmp::EchoReply { ident, .. } => *ident,
            Icmp::DestUnreachable { quoted, .. } | Icmp::TimeExceeded { quoted } => quoted.ident,
        }
    }

    /// A short name for traces.
    pub fn name(&self) -> String {
        match self {
            Icmp::EchoRequest { seq, .. } => format!("ICMP echo request seq={seq}"),
            Icmp::EchoReply { seq, .. } => format!("ICMP echo reply seq={seq}"),
            Icmp::DestUnreachable { code, quoted } => {
                format!("ICMP {} (seq={})", code.text().to_ascii_lowercase(), quoted.seq)
            }
            Icmp::TimeExceeded { quoted } => format!("ICMP time exceeded (seq={})", quoted.seq),
        }
    }
}

impl Ipv4Packet {
    /// What an ICMP error about this packet quotes.
    pub fn quote(&self) -> Quoted {
        let (ident, seq) = match self.payload {
            Icmp::EchoRequest { ident, seq, .. } | Icmp::EchoReply { ident, seq, .. } => (ident, seq),
            Icmp::DestUnreachable { quoted, .. } | Icmp::TimeExceeded { quoted } => (quoted.ident, quoted.seq),
        };
        Quoted { src: self.src, dst: self.dst, ident, seq, len: self.len().min(ICMP_QUOTE_MAX) }
    }
}
