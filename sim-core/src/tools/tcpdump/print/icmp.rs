//! print-icmp.c: echo (`ICMP echo request, id N, seq N, length 64`) and
//! the errors, which name the quoted packet's destination (`ICMP net
//! 10.9.9.9 unreachable, length 92`, `ICMP 10.0.2.1 udp port 5000
//! unreachable, length 39`); with `-v`, the quoted packet follows on its
//! own lines (`\n\tIP (…)\n    …`).

use super::tcp::Conversations;
use super::{ip, names, PrintOpts};
use crate::netlink::sockets::{Icmp, Quoted, UnreachCode, PROTO_ICMP, PROTO_TCP, PROTO_UDP};

pub(super) fn print(out: &mut String, i: &Icmp, length: usize, o: &PrintOpts, conns: &mut Conversations) {
    let what = match i {
        Icmp::EchoRequest { ident, seq, .. } => format!("echo request, id {ident}, seq {seq}"),
        Icmp::EchoReply { ident, seq, .. } => format!("echo reply, id {ident}, seq {seq}"),
        Icmp::TimeExceeded { .. } => "time exceeded in-transit".into(),
        Icmp::DestUnreachable { code, quoted } => unreachable(*code, quoted, o),
    };
    out.push_str(&format!("ICMP {what}, length {length}"));
    if o.verbose > 0 {
        if let Icmp::DestUnreachable { quoted, .. } | Icmp::TimeExceeded { quoted } = i {
            out.push_str("\n\t");
            quoted_packet(out, quoted, o, conns);
        }
    }
}

fn unreachable(code: UnreachCode, q: &Quoted, o: &PrintOpts) -> String {
    let dst = q.dst;
    match code {
        UnreachCode::Net => format!("net {dst} unreachable"),
        UnreachCode::Host => format!("host {dst} unreachable"),
        UnreachCode::Protocol => format!("{dst} protocol {} unreachable", q.proto),
        UnreachCode::Port => match q.proto {
            PROTO_TCP => format!("{dst} tcp port {} unreachable", names::port(q.dport, false, o.names())),
            PROTO_UDP => format!("{dst} udp port {} unreachable", names::port(q.dport, true, o.names())),
            p => format!("{dst} protocol {p} port {} unreachable", q.dport),
        },
        UnreachCode::FragNeeded { mtu: 0 } => format!("{dst} unreachable - need to frag"),
        UnreachCode::FragNeeded { mtu } => format!("{dst} unreachable - need to frag (mtu {mtu})"),
        UnreachCode::NetProhibited => format!("net {dst} unreachable - admin prohibited"),
        UnreachCode::HostProhibited => format!("host {dst} unreachable - admin prohibited"),
        UnreachCode::AdminProhibited => format!("host {dst} unreachable - admin prohibited filter"),
    }
}

/// The quoted packet as `ip_print()` reads it: its header, then what its
/// first 8 bytes say. `Quoted` keeps no more than that: a quoted echo
/// prints as a request (replies are rarely quoted), a quoted datagram
/// without its payload printer, a quoted segment as tcpdump prints a
/// header cut after its ports.
fn quoted_packet(out: &mut String, q: &Quoted, o: &PrintOpts, conns: &mut Conversations) {
    if !o.link {
        out.push_str("IP ");
    }
    ip::header(out, q.tos, q.ttl, 0, 0, q.df, false, q.proto, q.ip_len);
    let length = q.ip_len.saturating_sub(crate::netlink::sockets::IPV4_HLEN);
    match q.proto {
        PROTO_ICMP => {
            out.push_str(&format!("{} > {}: ", q.src, q.dst));
            let echo = Icmp::EchoRequest { ident: q.ident, seq: q.seq, data_len: length.saturating_sub(8) };
            print(out, &echo, length, o, conns);
        }
        PROTO_UDP => {
            let (s, d) = (names::port(q.sport, true, o.names()), names::port(q.dport, true, o.names()));
            out.push_str(&format!("{}.{s} > {}.{d}: UDP, length {}", q.src, q.dst, length.saturating_sub(8)));
        }
        _ => {
            let (s, d) = (names::port(q.sport, false, o.names()), names::port(q.dport, false, o.names()));
            out.push_str(&format!("{}.{s} > {}.{d}: ", q.src, q.dst));
            out.push_str(" [|tcp]");
        }
    }
}
