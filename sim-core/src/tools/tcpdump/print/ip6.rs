//! print-ip6.c and print-icmp6.c without `-v`: `IP6 SRC > DST: ICMP6,
//! echo request, id N, seq N, length N`, neighbour discovery's `who has`
//! and `tgt is`, router solicitations, MLDv2 reports behind their `HBH`
//! header, and the errors by name (as tcpdump 4.99.3 prints them).

use crate::netlink::sockets::{Icmp6, Ipv6Packet};

pub(super) fn print(out: &mut String, p: &Ipv6Packet, link: bool) {
    if !link {
        out.push_str("IP6 ");
    }
    out.push_str(&format!("{} > {}: ", p.src, p.dst));
    if p.frag.is_some_and(|f| f.offset > 0) {
        out.push_str(&format!("frag (0|{})", p.frag.map_or(0, |f| f.len)));
        return;
    }
    let len = p.payload.len();
    // The hop-by-hop header before an MLD report's ICMPv6.
    if matches!(p.payload, Icmp6::MldReport { .. }) {
        out.push_str("HBH ");
    }
    let body = match &p.payload {
        Icmp6::EchoRequest { ident, seq, .. } => format!("echo request, id {ident}, seq {seq}"),
        Icmp6::EchoReply { ident, seq, .. } => format!("echo reply, id {ident}, seq {seq}"),
        Icmp6::NeighSolicit { target, .. } => format!("neighbor solicitation, who has {target}"),
        Icmp6::NeighAdvert { target, .. } => format!("neighbor advertisement, tgt is {target}"),
        Icmp6::RouterSolicit { .. } => "router solicitation".to_string(),
        Icmp6::MldReport { groups } => format!("multicast listener report v2, {} group record(s)", groups.len()),
        Icmp6::DestUnreachable { quoted, .. } => format!("destination unreachable, unreachable address {}", quoted.dst),
        Icmp6::PacketTooBig { mtu, .. } => format!("packet too big, mtu {mtu}"),
        Icmp6::TimeExceeded { .. } => "time exceeded in-transit".to_string(),
    };
    out.push_str(&format!("ICMP6, {body}, length {len}"));
}
