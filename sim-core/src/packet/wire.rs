//! Typed frames and packets: Ethernet, ARP, IPv4 and ICMP, in the smoltcp
//! style — a representation of what is on the wire, kept apart from how a
//! trace or a tool prints it. Nothing here is serialized to bytes; lengths
//! are computed so link counters and ping's byte counts come out right.

use std::net::Ipv4Addr;

use crate::kernel::mac::Mac;

pub use super::transport::{Payload, TcpFlags, TcpOption, TcpSegment, UdpDatagram, PROTO_TCP, PROTO_UDP};
#[cfg(feature = "ipv6")]
pub use super::wire6::Ipv6Packet;

/// IANA protocol number of ICMP.
pub const PROTO_ICMP: u8 = 1;
/// IGMP's protocol number.
pub const PROTO_IGMP: u8 = 2;
/// The router alert option every IGMP message carries (RFC 2113): 4 bytes
/// more of IPv4 header.
pub const IP_RA_LEN: usize = 4;

/// Length of an Ethernet header (no FCS: veths and bridges never add one).
pub const ETH_HLEN: usize = 14;
/// Length of an IPv4 header without options.
pub const IPV4_HLEN: usize = 20;
/// Length of an ICMP header.
pub const ICMP_HLEN: usize = 8;
/// Length of an ARP packet for IPv4 over Ethernet.
pub const ARP_LEN: usize = 28;

/// An IGMPv3 membership report (`igmpv3_send_cr()`): one "change to
/// exclude" record without sources per group, behind the router alert.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Igmp3Report {
    pub groups: Vec<Ipv4Addr>,
}

impl Igmp3Report {
    /// The report's header (8 bytes) and 8 bytes a record.
    pub fn len(&self) -> usize {
        8 + 8 * self.groups.len()
    }

    /// Never empty: a report has its header.
    pub fn is_empty(&self) -> bool {
        false
    }
}

/// An Ethernet frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EthFrame {
    pub src: Mac,
    pub dst: Mac,
    pub payload: EthPayload,
}

impl EthFrame {
    /// Whether it is the kernel's own traffic (`own.rs`): an IGMP or MLD
    /// report, a router solicitation, a DAD probe (from `::`).
    pub fn is_own_traffic(&self) -> bool {
        match &self.payload {
            #[cfg(feature = "mcast")]
            EthPayload::Ipv4(p) => matches!(p.payload, Payload::Igmp(_)),
            #[cfg(not(feature = "mcast"))]
            EthPayload::Ipv4(_) => false,
            #[cfg(feature = "ipv6")]
            EthPayload::Ipv6(p) => match p.payload {
                super::wire6::Icmp6::MldReport { .. } | super::wire6::Icmp6::RouterSolicit { .. } => true,
                super::wire6::Icmp6::NeighSolicit { .. } => p.src.is_unspecified(),
                _ => false,
            },
            EthPayload::Arp(_) => false,
        }
    }
}

/// What an Ethernet frame carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EthPayload {
    Arp(ArpPacket),
    Ipv4(Ipv4Packet),
    #[cfg(feature = "ipv6")]
    Ipv6(Ipv6Packet),
}

/// A packet of either family, as the neighbour layer queues it while it
/// resolves the next hop (ARP's and neighbour discovery's queues are one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IpPacket {
    V4(Ipv4Packet),
    #[cfg(feature = "ipv6")]
    V6(Ipv6Packet),
}

impl IpPacket {
    /// What a frame carrying it carries.
    pub fn into_payload(self) -> EthPayload {
        match self {
            IpPacket::V4(p) => EthPayload::Ipv4(p),
            #[cfg(feature = "ipv6")]
            IpPacket::V6(p) => EthPayload::Ipv6(p),
        }
    }

    /// A short description for traces.
    pub fn what(&self) -> String {
        match self {
            IpPacket::V4(p) => format!("{} {} > {}", p.payload.name(), p.src, p.dst),
            #[cfg(feature = "ipv6")]
            IpPacket::V6(p) => format!("{} {} > {}", p.payload.name(), p.src, p.dst),
        }
    }
}

impl EthFrame {
    /// Bytes on the wire, as link counters count them.
    pub fn len(&self) -> usize {
        ETH_HLEN
            + match &self.payload {
                EthPayload::Arp(_) => ARP_LEN,
                EthPayload::Ipv4(p) => p.len(),
                #[cfg(feature = "ipv6")]
                EthPayload::Ipv6(p) => p.len(),
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

/// An IPv4 packet (no options), or one fragment of one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ipv4Packet {
    pub src: Ipv4Addr,
    pub dst: Ipv4Addr,
    /// Type of service: 0, or 0xc0 (`IPTOS_PREC_INTERNETCONTROL`) on the
    /// ICMP errors `icmp_send()` makes.
    pub tos: u8,
    pub ttl: u8,
    /// Don't Fragment: a router must drop it rather than split it.
    pub df: bool,
    /// Set on a fragment: which bytes of the payload it carries.
    pub frag: Option<Frag>,
    /// The whole transport message, also in a fragment (a fragment's
    /// share of it is `frag.len` bytes).
    pub payload: Payload,
}

/// Where a fragment's data lies in the original payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frag {
    /// The IP identification shared by the fragments of one packet.
    pub id: u16,
    /// Offset of this fragment's data, in bytes (a multiple of 8).
    pub offset: usize,
    pub len: usize,
    /// More Fragments: not the last one.
    pub more: bool,
}

impl Ipv4Packet {
    /// A packet this host makes: not a fragment, DF clear, TOS 0 (0xc0
    /// for an ICMP error, as `icmp_send()` sends it).
    pub fn new(src: Ipv4Addr, dst: Ipv4Addr, ttl: u8, payload: impl Into<Payload>) -> Ipv4Packet {
        let payload = payload.into();
        let tos = if payload.is_error() { 0xc0 } else { 0 };
        Ipv4Packet { src, dst, tos, ttl, df: false, frag: None, payload }
    }

    /// Total length (header + payload, or this fragment's share of it).
    pub fn len(&self) -> usize {
        #[cfg(feature = "mcast")]
        let options = if matches!(self.payload, Payload::Igmp(_)) { IP_RA_LEN } else { 0 };
        #[cfg(not(feature = "mcast"))]
        let options = 0;
        IPV4_HLEN + options + self.frag.map_or_else(|| self.payload.len(), |f| f.len)
    }

    /// Whether this is the packet's start (a whole packet, or fragment 0):
    /// only that part is answered with ICMP errors.
    pub fn is_head(&self) -> bool {
        self.frag.is_none_or(|f| f.offset == 0)
    }

    /// `ip_fragment()`: pieces that fit `mtu`, each carrying at most
    /// (mtu - header) bytes rounded down to a multiple of 8. A fragment is
    /// split again the same way; `id` numbers a packet split for the first time.
    pub fn fragments(&self, mtu: usize, id: u16) -> Vec<Ipv4Packet> {
        let (id, start, len, more) = match self.frag {
            Some(f) => (f.id, f.offset, f.len, f.more),
            None => (id, 0, self.payload.len(), false),
        };
        let chunk = (mtu.saturating_sub(IPV4_HLEN) / 8 * 8).max(8);
        let mut out = Vec::new();
        let mut at = 0;
        while at < len {
            let n = chunk.min(len - at);
            let last = at + n == len;
            let frag = Frag { id, offset: start + at, len: n, more: !last || more };
            out.push(Ipv4Packet { frag: Some(frag), ..self.clone() });
            at += n;
        }
        out
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
    /// `ICMP_NET_ANO`, `ICMP_HOST_ANO`, `ICMP_PKT_FILTERED`: what REJECT's
    /// `icmp-net-prohibited`, `-host-prohibited`, `-admin-prohibited` send.
    NetProhibited,
    HostProhibited,
    AdminProhibited,
    /// `ICMP_FRAG_NEEDED`, with the MTU of the link that was too small.
    FragNeeded {
        mtu: u16,
    },
}

impl UnreachCode {
    /// The ICMP code.
    pub fn code(self) -> u8 {
        match self {
            UnreachCode::Net => 0,
            UnreachCode::Host => 1,
            UnreachCode::Protocol => 2,
            UnreachCode::Port => 3,
            UnreachCode::FragNeeded { .. } => 4,
            UnreachCode::NetProhibited => 9,
            UnreachCode::HostProhibited => 10,
            UnreachCode::AdminProhibited => 13,
        }
    }

    /// The code REJECT sends for `--reject-with` (`None`: a TCP reset, or
    /// an ICMPv6 type, which an IPv4 table never holds).
    pub fn of_reject(w: crate::kernel::netfilter::RejectWith) -> Option<UnreachCode> {
        use crate::kernel::netfilter::RejectWith as R;
        Some(match w {
            R::NetUnreachable => UnreachCode::Net,
            R::HostUnreachable => UnreachCode::Host,
            R::ProtoUnreachable => UnreachCode::Protocol,
            R::PortUnreachable => UnreachCode::Port,
            R::NetProhibited => UnreachCode::NetProhibited,
            R::HostProhibited => UnreachCode::HostProhibited,
            R::AdminProhibited => UnreachCode::AdminProhibited,
            R::TcpReset
            | R::Icmp6NoRoute
            | R::Icmp6AdmProhibited
            | R::Icmp6AddrUnreachable
            | R::Icmp6PortUnreachable
            | R::Icmp6PolicyFail
            | R::Icmp6RejectRoute => return None,
        })
    }

    /// The errno a socket gets for it (`icmp_err_convert[]`), and whether
    /// it is a hard error (`fatal`: what a connected UDP socket reports).
    pub fn errno(self) -> (crate::kernel::Errno, bool) {
        use crate::kernel::Errno as E;
        match self {
            UnreachCode::Net => (E::ENETUNREACH, false),
            UnreachCode::Host => (E::EHOSTUNREACH, false),
            UnreachCode::Protocol => (E::ENOPROTOOPT, true),
            UnreachCode::Port => (E::ECONNREFUSED, true),
            UnreachCode::FragNeeded { .. } => (E::EMSGSIZE, false),
            UnreachCode::NetProhibited => (E::ENETUNREACH, true),
            UnreachCode::HostProhibited | UnreachCode::AdminProhibited => (E::EHOSTUNREACH, true),
        }
    }

    /// How ping names it (`Destination Host Unreachable`).
    pub fn text(self) -> String {
        match self {
            UnreachCode::Net => "Destination Net Unreachable".into(),
            UnreachCode::Host => "Destination Host Unreachable".into(),
            UnreachCode::Protocol => "Destination Protocol Unreachable".into(),
            UnreachCode::Port => "Destination Port Unreachable".into(),
            UnreachCode::NetProhibited => "Destination Net Prohibited".into(),
            UnreachCode::HostProhibited => "Destination Host Prohibited".into(),
            UnreachCode::AdminProhibited => "Packet filtered".into(),
            UnreachCode::FragNeeded { mtu } => format!("Frag needed and DF set (mtu = {mtu})"),
        }
    }
}

/// The part of an offending packet an ICMP error quotes: its addresses,
/// protocol and ports (an echo's identifier for ICMP) and an echo's
/// sequence, enough to find the socket and undo NAT.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quoted {
    pub src: Ipv4Addr,
    pub dst: Ipv4Addr,
    pub proto: u8,
    pub sport: u16,
    pub dport: u16,
    pub ident: u16,
    pub seq: u16,
    /// The quoted IP header's TOS, TTL (as the packet arrived) and DF,
    /// which tcpdump -v prints of the quoted packet.
    pub tos: u8,
    pub ttl: u8,
    pub df: bool,
    /// The offending packet's total length, as its quoted header says
    /// (more than `len` when the quote is cut at 576 bytes).
    pub ip_len: usize,
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
                format!("ICMP {} ({})", code.text().to_ascii_lowercase(), quoted.about())
            }
            Icmp::TimeExceeded { quoted } => format!("ICMP time exceeded ({})", quoted.about()),
        }
    }
}

impl Quoted {
    /// What the quoted packet was, for traces: an echo's `seq=N`, else
    /// the protocol and ports.
    fn about(&self) -> String {
        match self.proto {
            PROTO_TCP => format!("TCP port {}", self.dport),
            PROTO_UDP => format!("UDP port {}", self.dport),
            _ => format!("seq={}", self.seq),
        }
    }
}

impl Ipv4Packet {
    /// What an ICMP error about this packet quotes.
    pub fn quote(&self) -> Quoted {
        let (ident, seq) = match &self.payload {
            Payload::Icmp(Icmp::EchoRequest { ident, seq, .. } | Icmp::EchoReply { ident, seq, .. }) => (*ident, *seq),
            Payload::Icmp(Icmp::DestUnreachable { quoted, .. } | Icmp::TimeExceeded { quoted }) => {
                (quoted.ident, quoted.seq)
            }
            _ => (0, 0),
        };
        let (sport, dport) = self.payload.ports();
        let proto = self.payload.proto();
        Quoted {
            src: self.src,
            dst: self.dst,
            proto,
            sport,
            dport,
            ident,
            seq,
            tos: self.tos,
            ttl: self.ttl,
            df: self.df,
            ip_len: self.len(),
            len: self.len().min(ICMP_QUOTE_MAX),
        }
    }
}
