//! print-ip.c: `IP SRC > DST: ` (no `IP ` under `-e`), `-v`'s header
//! line `(tos 0x0, ttl 64, id N, offset 0, flags [DF], proto ICMP (1),
//! length 84)` and the four spaces before the rest, then the transport's
//! printer; a fragment after the first prints `ip-proto-N` (its
//! /etc/protocols name without `-n`).

use super::tcp::Conversations;
use super::{icmp, names, tcp, udp, PrintOpts};
use crate::netlink::sockets::{Ipv4Packet, Payload};

/// `ip_print()` for a packet or fragment.
pub(super) fn print(out: &mut String, p: &Ipv4Packet, o: &PrintOpts, conns: &mut Conversations) {
    if !o.link {
        out.push_str("IP ");
    }
    let (id, offset, more) = p.frag.map_or((0, 0, false), |f| (f.id, f.offset, f.more));
    if o.verbose > 0 {
        header(out, p.tos, p.ttl, id, offset, p.df, more, p.payload.proto(), p.len());
    }
    if offset != 0 {
        out.push_str(&format!("{} > {}:", p.src, p.dst));
        match names::ip_proto(p.payload.proto()).filter(|_| o.names()) {
            Some(name) => out.push_str(&format!(" {name}")),
            None => out.push_str(&format!(" ip-proto-{}", p.payload.proto())),
        }
        return;
    }
    // What this packet carries of its transport message.
    let length = p.len() - crate::netlink::sockets::IPV4_HLEN;
    match &p.payload {
        Payload::Icmp(i) => {
            out.push_str(&format!("{} > {}: ", p.src, p.dst));
            icmp::print(out, i, length, o, conns);
        }
        Payload::Udp(u) => udp::print(out, p, u, length, o),
        Payload::Tcp(t) => tcp::print(out, p, t, length, more, o, conns),
        // print-igmp.c without -v.
        Payload::Igmp(r) => {
            out.push_str(&format!("{} > {}: igmp v3 report, {} group record(s)", p.src, p.dst, r.groups.len()))
        }
    }
}

/// `-v`'s `(tos 0x0, ttl 64, id N, offset 0, flags [DF], proto ICMP (1),
/// length 84)` and the line break after it.
#[allow(clippy::too_many_arguments)]
pub(super) fn header(
    out: &mut String,
    tos: u8,
    ttl: u8,
    id: u16,
    offset: usize,
    df: bool,
    more: bool,
    proto: u8,
    len: usize,
) {
    out.push_str(&format!("(tos 0x{:x}", tos));
    match tos & 3 {
        1 => out.push_str(",ECT(1)"),
        2 => out.push_str(",ECT(0)"),
        3 => out.push_str(",CE"),
        _ => {}
    }
    if ttl >= 1 {
        out.push_str(&format!(", ttl {ttl}"));
    }
    let flags = match (more, df) {
        (true, true) => "+, DF",
        (true, false) => "+",
        (false, true) => "DF",
        (false, false) => "none",
    };
    out.push_str(&format!(
        ", id {id}, offset {offset}, flags [{flags}], proto {} ({proto}), length {len})\n    ",
        names::ip_proto_caps(proto)
    ));
}
