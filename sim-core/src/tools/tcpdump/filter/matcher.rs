//! The filter over typed frames, with the meaning libpcap's gencode gives
//! each primitive on Ethernet: `host` and `net` look at IPv4 and ARP
//! addresses, `port` at TCP and UDP and only in a packet's first fragment,
//! `tcp[...]`-style loads likewise; a load past the end rejects the packet
//! (BPF's out-of-bounds abort). Loads read the frame serialized by
//! [`crate::tools::tcpdump::bytes::frame_bytes`]; everything else reads
//! the typed fields.

use std::net::Ipv4Addr;

use super::{ArOp, Dir, Expr, Filter, Primitive, Proto, RelOp};
#[cfg(feature = "ipv6")]
use crate::netlink::sockets::IPV6_HLEN;
use crate::netlink::sockets::{
    EthFrame, EthPayload, Ipv4Packet, Payload, ETH_HLEN, IPV4_HLEN, PROTO_ICMP, PROTO_TCP, PROTO_UDP,
};
use crate::tools::tcpdump::bytes::{ethertype, frame_bytes};

pub(super) fn matches(f: &Filter, frame: &EthFrame) -> bool {
    match f {
        Filter::And(a, b) => matches(a, frame) && matches(b, frame),
        Filter::Or(a, b) => matches(a, frame) || matches(b, frame),
        Filter::Not(a) => !matches(a, frame),
        Filter::Prim(p) => primitive(p, frame),
        Filter::Rel { op, lhs, rhs } => {
            let bytes = frame_bytes(frame);
            let (Some(l), Some(r)) = (eval(lhs, frame, &bytes), eval(rhs, frame, &bytes)) else { return false };
            match op {
                RelOp::Eq => l == r,
                RelOp::Ne => l != r,
                RelOp::Lt => l < r,
                RelOp::Le => l <= r,
                RelOp::Gt => l > r,
                RelOp::Ge => l >= r,
            }
        }
    }
}

fn ip(frame: &EthFrame) -> Option<&Ipv4Packet> {
    match &frame.payload {
        EthPayload::Ipv4(p) => Some(p),
        EthPayload::Arp(_) => None,
        #[cfg(feature = "ipv6")]
        EthPayload::Ipv6(_) => None,
    }
}

/// The IP packet if it is the first part of its transport message.
fn head(frame: &EthFrame) -> Option<&Ipv4Packet> {
    ip(frame).filter(|p| p.frag.is_none_or(|f| f.offset == 0))
}

fn dir_test<T: PartialEq>(dir: Dir, src: T, dst: T, test: impl Fn(&T) -> bool) -> bool {
    match dir {
        Dir::Src => test(&src),
        Dir::Dst => test(&dst),
        Dir::SrcOrDst => test(&src) || test(&dst),
        Dir::SrcAndDst => test(&src) && test(&dst),
    }
}

/// The (source, destination) IPv4 addresses of an IP or ARP packet.
fn addrs(frame: &EthFrame, proto: Option<Proto>) -> Option<(Ipv4Addr, Ipv4Addr)> {
    match (&frame.payload, proto) {
        (EthPayload::Ipv4(p), None | Some(Proto::Ip)) => Some((p.src, p.dst)),
        (EthPayload::Arp(a), None | Some(Proto::Arp)) => Some((a.sender_ip, a.target_ip)),
        _ => None,
    }
}

fn primitive(p: &Primitive, frame: &EthFrame) -> bool {
    match p {
        Primitive::Proto(Proto::Ether) => true,
        Primitive::Proto(Proto::Arp) => matches!(frame.payload, EthPayload::Arp(_)),
        Primitive::Proto(Proto::Ip) => ip(frame).is_some(),
        Primitive::Proto(Proto::Icmp) => ip(frame).is_some_and(|p| p.payload.proto() == PROTO_ICMP),
        Primitive::Proto(Proto::Tcp) => ip(frame).is_some_and(|p| p.payload.proto() == PROTO_TCP),
        Primitive::Proto(Proto::Udp) => ip(frame).is_some_and(|p| p.payload.proto() == PROTO_UDP),
        Primitive::Proto(Proto::Ip6) => ethertype(frame) == ETHERTYPE_IPV6,
        Primitive::Proto(Proto::Icmp6) => is_icmp6(frame),
        Primitive::Host { proto, dir, addr } => {
            addrs(frame, *proto).is_some_and(|(s, d)| dir_test(*dir, s, d, |a| a == addr))
        }
        Primitive::Net { proto, dir, net, mask } => {
            let (net, mask) = (u32::from(*net), u32::from(*mask));
            addrs(frame, *proto).is_some_and(|(s, d)| dir_test(*dir, s, d, |a| u32::from(*a) & mask == net))
        }
        Primitive::Port { proto, dir, lo, hi } => head(frame).is_some_and(|p| {
            let wanted = matches!(
                (proto, &p.payload),
                (None | Some(Proto::Tcp), Payload::Tcp(_)) | (None | Some(Proto::Udp), Payload::Udp(_))
            );
            let (s, d) = p.payload.ports();
            wanted && dir_test(*dir, s, d, |port| (*lo..=*hi).contains(port))
        }),
        Primitive::EtherHost { dir, mac } => dir_test(*dir, frame.src, frame.dst, |m| m == mac),
        Primitive::EtherBroadcast => frame.dst == crate::kernel::mac::Mac::BROADCAST,
        Primitive::EtherMulticast => frame.dst.0[0] & 1 == 1,
        Primitive::EtherProto(t) => ethertype(frame) == *t,
        Primitive::IpProto(n) => ip(frame).is_some_and(|p| u32::from(p.payload.proto()) == *n),
        Primitive::Greater(n) => frame.len() as u64 >= u64::from(*n),
        Primitive::Less(n) => frame.len() as u64 <= u64::from(*n),
    }
}

fn eval(e: &Expr, frame: &EthFrame, bytes: &[u8]) -> Option<u32> {
    Some(match e {
        Expr::Num(n) => *n,
        Expr::Len => frame.len() as u32,
        Expr::Neg(a) => eval(a, frame, bytes)?.wrapping_neg(),
        Expr::Bin(op, a, b) => {
            let (a, b) = (eval(a, frame, bytes)?, eval(b, frame, bytes)?);
            match op {
                ArOp::Add => a.wrapping_add(b),
                ArOp::Sub => a.wrapping_sub(b),
                ArOp::Mul => a.wrapping_mul(b),
                ArOp::Div => a.checked_div(b)?,
                ArOp::Mod => a.checked_rem(b)?,
                ArOp::And => a & b,
                ArOp::Or => a | b,
                ArOp::Xor => a ^ b,
                ArOp::Shl => a.checked_shl(b).unwrap_or(0),
                ArOp::Shr => a.checked_shr(b).unwrap_or(0),
            }
        }
        Expr::Load { proto, offset, size } => {
            let base = match proto {
                Proto::Ether => 0,
                Proto::Ip => {
                    ip(frame)?;
                    ETH_HLEN
                }
                Proto::Arp => {
                    if !matches!(frame.payload, EthPayload::Arp(_)) {
                        return None;
                    }
                    ETH_HLEN
                }
                Proto::Ip6 if ethertype(frame) == ETHERTYPE_IPV6 => ETH_HLEN,
                #[cfg(feature = "ipv6")]
                Proto::Icmp6 if is_icmp6(frame) => ETH_HLEN + IPV6_HLEN,
                Proto::Ip6 | Proto::Icmp6 => return None,
                Proto::Icmp | Proto::Tcp | Proto::Udp => {
                    let want = match proto {
                        Proto::Icmp => PROTO_ICMP,
                        Proto::Tcp => PROTO_TCP,
                        _ => PROTO_UDP,
                    };
                    if head(frame)?.payload.proto() != want {
                        return None;
                    }
                    ETH_HLEN + IPV4_HLEN
                }
            };
            let at = base.checked_add(eval(offset, frame, bytes)? as usize)?;
            let field = bytes.get(at..at.checked_add(usize::from(*size))?)?;
            field.iter().fold(0u32, |v, b| (v << 8) | u32::from(*b))
        }
    })
}

/// Which kinds of frame a filter may match, as a bit set over
/// eight classes (the constants below): 0 means pcap_compile's optimizer proved it matches
/// nothing ("expression rejects all packets"). `not` is exact only over a
/// protocol alone; otherwise it may match any class.
pub(super) fn classes(f: &Filter) -> u8 {
    match f {
        Filter::And(a, b) => classes(a) & classes(b),
        Filter::Or(a, b) => classes(a) | classes(b),
        Filter::Not(a) => match **a {
            Filter::Prim(Primitive::Proto(_)) => ALL & !classes(a),
            _ => ALL,
        },
        Filter::Rel { lhs, rhs, .. } => expr_classes(lhs) & expr_classes(rhs),
        Filter::Prim(p) => match p {
            Primitive::Proto(Proto::Ether) => ALL,
            Primitive::Proto(Proto::Arp) => ARP,
            Primitive::Proto(Proto::Ip) => IP,
            Primitive::Proto(Proto::Icmp) => ICMP,
            Primitive::Proto(Proto::Tcp) => TCP,
            Primitive::Proto(Proto::Udp) => UDP,
            Primitive::Proto(Proto::Ip6) => IP6,
            Primitive::Proto(Proto::Icmp6) => ICMP6,
            Primitive::Host { proto, .. } | Primitive::Net { proto, .. } => match proto {
                Some(Proto::Ip) => IP,
                Some(Proto::Arp) => ARP,
                _ => IP | ARP,
            },
            Primitive::Port { proto, .. } => match proto {
                Some(Proto::Tcp) => TCP,
                Some(Proto::Udp) => UDP,
                _ => TCP | UDP,
            },
            Primitive::EtherProto(0x0800) => IP,
            Primitive::EtherProto(0x0806) => ARP,
            Primitive::EtherProto(ETHERTYPE_IPV6) => IP6,
            Primitive::EtherProto(_) => OTHER,
            Primitive::IpProto(1) => ICMP,
            Primitive::IpProto(6) => TCP,
            Primitive::IpProto(17) => UDP,
            Primitive::IpProto(_) => IP_OTHER,
            _ => ALL,
        },
    }
}

fn expr_classes(e: &Expr) -> u8 {
    match e {
        Expr::Num(_) | Expr::Len => ALL,
        Expr::Neg(a) => expr_classes(a),
        Expr::Bin(_, a, b) => expr_classes(a) & expr_classes(b),
        Expr::Load { proto, offset, .. } => {
            expr_classes(offset)
                & match proto {
                    Proto::Ether => ALL,
                    Proto::Ip => IP,
                    Proto::Arp => ARP,
                    Proto::Icmp => ICMP,
                    Proto::Tcp => TCP,
                    Proto::Udp => UDP,
                    Proto::Ip6 => IP6,
                    Proto::Icmp6 => ICMP6,
                }
        }
    }
}

const ICMP: u8 = 1;
const TCP: u8 = 2;
const UDP: u8 = 4;
const IP_OTHER: u8 = 8;
const ARP: u8 = 16;
const OTHER: u8 = 32;
const ICMP6: u8 = 64;
const IP6_OTHER: u8 = 128;
const IP: u8 = ICMP | TCP | UDP | IP_OTHER;
const IP6: u8 = ICMP6 | IP6_OTHER;
/// The classes of frame: ICMP, TCP, UDP, other IP, ARP, other ethertypes,
/// ICMPv6, other IPv6.
const ALL: u8 = u8::MAX;
const ETHERTYPE_IPV6: u16 = 0x86dd;

/// libpcap's `icmp6`: an IPv6 next header of 58, or a fragment header's.
/// MLD's hop-by-hop header hides it (the simulator's other IPv6 is all
/// ICMPv6).
fn is_icmp6(frame: &EthFrame) -> bool {
    match &frame.payload {
        #[cfg(feature = "ipv6")]
        EthPayload::Ipv6(p) => !matches!(p.payload, crate::netlink::sockets::Icmp6::MldReport { .. }),
        _ => false,
    }
}
