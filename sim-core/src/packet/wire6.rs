//! Typed IPv6 packets and ICMPv6 messages, in the style of [`super::wire`]:
//! what is on the wire, never serialized; lengths are computed so link
//! counters and ping's byte counts come out as Linux's.
//!
//! Only what the packet path sends is modelled: ICMPv6 (echo, neighbour
//! discovery, errors, and the kernel's own router solicitations and MLD
//! reports), no extension headers but the fragment header and the
//! hop-by-hop router alert every MLD report carries.

use std::net::Ipv6Addr;

use crate::kernel::mac::Mac;

/// Length of the IPv6 header.
pub const IPV6_HLEN: usize = 40;
/// Length of the fragment extension header.
pub const FRAG_HLEN: usize = 8;
/// Length of an ICMPv6 header (type, code, checksum, 4 bytes of body).
pub const ICMP6_HLEN: usize = 8;
/// A neighbour solicitation or advertisement without options: the ICMPv6
/// header and the 16-byte target address.
pub const ND_LEN: usize = 24;
/// One link-layer address option for Ethernet (type, length, 6 bytes).
pub const ND_OPT_LL_LEN: usize = 8;
/// IPv6's minimum link MTU (RFC 8200): `IPV6_MIN_MTU`.
pub const IPV6_MIN_MTU: u32 = 1280;
/// `icmp6_send()` quotes as much of the offending packet as keeps the
/// error within the minimum MTU.
pub const ICMP6_QUOTE_MAX: usize = IPV6_MIN_MTU as usize - IPV6_HLEN - ICMP6_HLEN;
/// The next-header value of ICMPv6.
pub const PROTO_ICMPV6: u8 = 58;
/// The hop-by-hop options header of an MLD message: the router alert
/// option and padding (RFC 2711).
pub const HBH_RA_LEN: usize = 8;
/// An MLDv2 report's header (type, code, checksum, reserved, count) and
/// one record of it without sources (type, aux length, count, group).
pub const MLD2_HLEN: usize = 8;
pub const MLD2_GREC_LEN: usize = 20;
/// A DAD probe's nonce option (RFC 7527, `enhanced_dad`).
pub const ND_OPT_NONCE_LEN: usize = 8;

/// An IPv6 packet, or one fragment of one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ipv6Packet {
    pub src: Ipv6Addr,
    pub dst: Ipv6Addr,
    pub hop_limit: u8,
    /// Set on a fragment (`ip6_fragment()`): which bytes of the payload it
    /// carries, behind a fragment header.
    pub frag: Option<Frag6>,
    /// The whole message, also in a fragment.
    pub payload: Icmp6,
}

/// Where a fragment's data lies in the original payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frag6 {
    /// The identification shared by a packet's fragments (32 bits in IPv6).
    pub id: u32,
    /// Offset of this fragment's data, in bytes (a multiple of 8).
    pub offset: usize,
    pub len: usize,
    /// More fragments follow.
    pub more: bool,
}

impl Ipv6Packet {
    pub fn new(src: Ipv6Addr, dst: Ipv6Addr, hop_limit: u8, payload: Icmp6) -> Ipv6Packet {
        Ipv6Packet { src, dst, hop_limit, frag: None, payload }
    }

    /// Bytes on the wire after the link header: IPv6 header, an MLD
    /// report's hop-by-hop header, a fragment's header and share, or the
    /// whole payload.
    pub fn len(&self) -> usize {
        let hbh = if matches!(self.payload, Icmp6::MldReport { .. }) { HBH_RA_LEN } else { 0 };
        IPV6_HLEN + hbh + self.frag.map_or_else(|| self.payload.len(), |f| FRAG_HLEN + f.len)
    }

    /// Never empty: a packet has at least its header.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Whether this is the packet's start (a whole packet, or fragment 0).
    pub fn is_head(&self) -> bool {
        self.frag.is_none_or(|f| f.offset == 0)
    }

    /// `ip6_fragment()`: pieces that fit `mtu`, each carrying at most
    /// (mtu - 40 - 8) bytes rounded down to a multiple of 8.
    pub fn fragments(&self, mtu: usize, id: u32) -> Vec<Ipv6Packet> {
        let len = self.payload.len();
        let chunk = (mtu.saturating_sub(IPV6_HLEN + FRAG_HLEN) / 8 * 8).max(8);
        let mut out = Vec::new();
        let mut at = 0;
        while at < len {
            let n = chunk.min(len - at);
            let frag = Frag6 { id, offset: at, len: n, more: at + n < len };
            out.push(Ipv6Packet { frag: Some(frag), ..self.clone() });
            at += n;
        }
        out
    }

    /// What an ICMPv6 error about this packet quotes.
    pub fn quote(&self) -> Quoted6 {
        let (ident, seq) = match self.payload {
            Icmp6::EchoRequest { ident, seq, .. } | Icmp6::EchoReply { ident, seq, .. } => (ident, seq),
            _ => (0, 0),
        };
        let echo = matches!(self.payload, Icmp6::EchoRequest { .. } | Icmp6::EchoReply { .. });
        Quoted6 { src: self.src, dst: self.dst, echo, ident, seq, len: self.len().min(ICMP6_QUOTE_MAX) }
    }
}

/// ICMPv6 destination unreachable codes (RFC 4443).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unreach6 {
    /// 0: no route to destination.
    NoRoute,
    /// 1: communication administratively prohibited.
    AdminProhibited,
    /// 3: address unreachable (neighbour discovery failed).
    Address,
    /// 4: port unreachable.
    Port,
    /// 6: reject route to destination.
    RejectRoute,
}

impl Unreach6 {
    pub fn code(self) -> u8 {
        match self {
            Unreach6::NoRoute => 0,
            Unreach6::AdminProhibited => 1,
            Unreach6::Address => 3,
            Unreach6::Port => 4,
            Unreach6::RejectRoute => 6,
        }
    }

    /// How iputils names it (`pr_icmph()` of ping6_common.c).
    pub fn text(self) -> &'static str {
        match self {
            Unreach6::NoRoute => "No route",
            Unreach6::AdminProhibited => "Administratively prohibited",
            Unreach6::Address => "Address unreachable",
            Unreach6::Port => "Port unreachable",
            Unreach6::RejectRoute => "Reject route to destination",
        }
    }
}

/// The part of an offending packet an ICMPv6 error quotes: enough to find
/// the echo socket it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quoted6 {
    pub src: Ipv6Addr,
    pub dst: Ipv6Addr,
    /// Whether the quoted message is an echo (its identifier and sequence).
    pub echo: bool,
    pub ident: u16,
    pub seq: u16,
    /// How many bytes of the offending packet the error carries.
    pub len: usize,
}

/// An ICMPv6 message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Icmp6 {
    EchoRequest {
        ident: u16,
        seq: u16,
        data_len: usize,
    },
    EchoReply {
        ident: u16,
        seq: u16,
        data_len: usize,
    },
    /// Neighbour solicitation (type 135), with the source link-layer
    /// address option unless sent from `::` (DAD), whose probe carries a
    /// nonce instead.
    NeighSolicit {
        target: Ipv6Addr,
        src_lladdr: Option<Mac>,
        nonce: bool,
    },
    /// Router solicitation (type 133), with the source link-layer address
    /// option when sent from an address.
    RouterSolicit {
        src_lladdr: Option<Mac>,
    },
    /// MLDv2 listener report (type 143): one "change to exclude" record
    /// without sources per group.
    MldReport {
        groups: Vec<Ipv6Addr>,
    },
    /// Neighbour advertisement (type 136), with the target link-layer
    /// address option.
    NeighAdvert {
        target: Ipv6Addr,
        router: bool,
        solicited: bool,
        override_: bool,
        target_lladdr: Option<Mac>,
    },
    DestUnreachable {
        code: Unreach6,
        quoted: Quoted6,
    },
    PacketTooBig {
        mtu: u32,
        quoted: Quoted6,
    },
    /// Hop limit exceeded in transit (code 0).
    TimeExceeded {
        quoted: Quoted6,
    },
}

impl Icmp6 {
    /// The message's ICMPv6 type and code (RFC 4443, RFC 4861).
    pub fn type_code(&self) -> (u8, u8) {
        match self {
            Icmp6::DestUnreachable { code, .. } => (1, code.code()),
            Icmp6::PacketTooBig { .. } => (2, 0),
            Icmp6::TimeExceeded { .. } => (3, 0),
            Icmp6::EchoRequest { .. } => (128, 0),
            Icmp6::EchoReply { .. } => (129, 0),
            Icmp6::RouterSolicit { .. } => (133, 0),
            Icmp6::NeighSolicit { .. } => (135, 0),
            Icmp6::MldReport { .. } => (143, 0),
            Icmp6::NeighAdvert { .. } => (136, 0),
        }
    }

    /// Length of the message: header and data, NS/NA with their options,
    /// an error with its quote.
    pub fn len(&self) -> usize {
        match self {
            Icmp6::EchoRequest { data_len, .. } | Icmp6::EchoReply { data_len, .. } => ICMP6_HLEN + data_len,
            Icmp6::NeighSolicit { src_lladdr: ll, nonce, .. } => {
                ND_LEN + if ll.is_some() { ND_OPT_LL_LEN } else { 0 } + if *nonce { ND_OPT_NONCE_LEN } else { 0 }
            }
            Icmp6::NeighAdvert { target_lladdr: ll, .. } => ND_LEN + if ll.is_some() { ND_OPT_LL_LEN } else { 0 },
            Icmp6::RouterSolicit { src_lladdr } => ICMP6_HLEN + if src_lladdr.is_some() { ND_OPT_LL_LEN } else { 0 },
            Icmp6::MldReport { groups } => MLD2_HLEN + MLD2_GREC_LEN * groups.len(),
            Icmp6::DestUnreachable { quoted, .. }
            | Icmp6::PacketTooBig { quoted, .. }
            | Icmp6::TimeExceeded { quoted } => ICMP6_HLEN + quoted.len,
        }
    }

    /// Never empty: a message has at least its header.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Whether this is neighbour discovery's (a neighbour solicitation or
    /// advertisement, a router solicitation).
    pub fn is_ndisc(&self) -> bool {
        matches!(self, Icmp6::NeighSolicit { .. } | Icmp6::NeighAdvert { .. } | Icmp6::RouterSolicit { .. })
    }

    /// Whether this is a control message the kernel sends by itself:
    /// neighbour discovery or an MLD report.
    pub fn is_control(&self) -> bool {
        self.is_ndisc() || matches!(self, Icmp6::MldReport { .. })
    }

    /// Whether this is an error message (types below 128), never answered
    /// with another error.
    pub fn is_error(&self) -> bool {
        matches!(self, Icmp6::DestUnreachable { .. } | Icmp6::PacketTooBig { .. } | Icmp6::TimeExceeded { .. })
    }

    /// The quoted packet of an error.
    pub fn quoted(&self) -> Option<&Quoted6> {
        match self {
            Icmp6::DestUnreachable { quoted, .. }
            | Icmp6::PacketTooBig { quoted, .. }
            | Icmp6::TimeExceeded { quoted } => Some(quoted),
            _ => None,
        }
    }

    /// A short name for traces.
    pub fn name(&self) -> String {
        match self {
            Icmp6::EchoRequest { seq, .. } => format!("ICMPv6 echo request seq={seq}"),
            Icmp6::EchoReply { seq, .. } => format!("ICMPv6 echo reply seq={seq}"),
            Icmp6::NeighSolicit { target, .. } => format!("neighbour solicitation who-has {target}"),
            Icmp6::RouterSolicit { .. } => "router solicitation".to_string(),
            Icmp6::MldReport { groups } => format!("MLDv2 report ({} groups)", groups.len()),
            Icmp6::NeighAdvert { target, .. } => format!("neighbour advertisement {target}"),
            Icmp6::DestUnreachable { code, quoted } => {
                format!("ICMPv6 destination unreachable: {} (seq={})", code.text().to_ascii_lowercase(), quoted.seq)
            }
            Icmp6::PacketTooBig { mtu, quoted } => format!("ICMPv6 packet too big mtu={mtu} (seq={})", quoted.seq),
            Icmp6::TimeExceeded { quoted } => format!("ICMPv6 time exceeded (seq={})", quoted.seq),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_match_the_counters() {
        let a: Ipv6Addr = "2001:db8:1::2".parse().unwrap();
        let ns = Icmp6::NeighSolicit { target: a, src_lladdr: Some(Mac::ZERO), nonce: false };
        assert_eq!(Ipv6Packet::new(a, a, 255, ns).len(), 72);
        // The recorded frame lengths less Ethernet's 14 bytes.
        let dad = Icmp6::NeighSolicit { target: a, src_lladdr: None, nonce: true };
        assert_eq!(Ipv6Packet::new(a, a, 255, dad).len(), 72);
        let rs = Icmp6::RouterSolicit { src_lladdr: Some(Mac::ZERO) };
        assert_eq!(Ipv6Packet::new(a, a, 255, rs).len(), 56);
        let mld = Icmp6::MldReport { groups: vec![a, a] };
        assert_eq!(Ipv6Packet::new(a, a, 1, mld).len(), 96);
        let echo = Icmp6::EchoRequest { ident: 1, seq: 1, data_len: 56 };
        assert_eq!(Ipv6Packet::new(a, a, 64, echo).len(), 104);
    }

    #[test]
    fn fragments_cover_the_payload_in_eights() {
        let a: Ipv6Addr = "2001:db8:1::2".parse().unwrap();
        let p = Ipv6Packet::new(a, a, 64, Icmp6::EchoRequest { ident: 1, seq: 1, data_len: 1400 });
        let f = p.fragments(1280, 7);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].len(), 1280);
        assert_eq!(f.iter().map(|p| p.frag.unwrap().len).sum::<usize>(), 1408);
        assert!(f[0].frag.unwrap().more && !f[1].frag.unwrap().more);
    }
}
