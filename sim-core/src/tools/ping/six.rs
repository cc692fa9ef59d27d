//! ping's IPv6 side (iputils 20221126's ping6_common.c): the destination
//! as `getaddrinfo()` reads an IPv6 literal and its `%scope`, `-I` as
//! ping6 takes it (an address to bind, else a device), the header line
//! (`PING NAME(ADDR) [from SRC DEV: ]N data bytes`), and each reply's
//! sender, a link-local one with the device it came in by.

use std::net::{IpAddr, Ipv6Addr};

use crate::iproute::grammar::value::ipv6;
use crate::netlink::sockets::{Datagram, SockId, SockType, Sockets};
use crate::output::Output;

use super::{stats, Family, Opts};

/// Whether `dest` is meant as an IPv6 literal (it has a colon).
pub(super) fn is_literal(dest: &str) -> bool {
    dest.contains(':')
}

/// `inet_pton(AF_INET6)` of a whole word.
fn parse(s: &str) -> Option<Ipv6Addr> {
    match ipv6(s) {
        Ok(("", a)) => Some(a),
        _ => None,
    }
}

/// Whether `a` needs a scope: link-local unicast (fe80::/10) or
/// multicast of link or interface scope.
fn link_scoped(a: Ipv6Addr) -> bool {
    let s0 = a.segments()[0];
    s0 & 0xffc0 == 0xfe80 || (a.is_multicast() && s0 & 0xf <= 2)
}

/// What a reply is from, as `pr_addr()` prints a `sockaddr_in6`: a
/// link-local sender with `%` and its device.
pub(super) fn sender(socks: &dyn Sockets, m: &Datagram) -> String {
    match m.from {
        IpAddr::V6(a) if link_scoped(a) && m.scope != 0 => match socks.if_name(m.scope) {
            Some(dev) => format!("{a}%{dev}"),
            None => a.to_string(),
        },
        a => a.to_string(),
    }
}

/// Opens, binds and connects the ICMPv6 socket and prints the header; the
/// run to hand to the probe loop, or the exit status after an error.
pub(super) fn start(socks: &mut dyn Sockets, o: &Opts, out: &mut Output) -> Result<(SockId, u16, stats::Run), i32> {
    let mut fail = |text: String| {
        out.err(text);
        Err(2)
    };
    if o.family == Family::V4 {
        return fail(format!("{}: {}: Address family for hostname not supported\n", o.prog, o.dest));
    }
    // A name: the lab's hosts file has IPv4 names only (as the recording
    // host's had), so it resolves to no IPv6 address.
    if !is_literal(&o.dest) {
        let why = match socks.resolve(&o.dest) {
            Some(_) => "Address family for hostname not supported",
            None => "Temporary failure in name resolution",
        };
        return fail(format!("{}: {}: {why}\n", o.prog, o.dest));
    }
    // getaddrinfo(): the address, and a scope naming a device.
    let (text, scope) = match o.dest.split_once('%') {
        Some((a, s)) => (a, Some(s)),
        None => (o.dest.as_str(), None),
    };
    let unknown = || format!("{}: {}: Name or service not known\n", o.prog, o.dest);
    let Some(dst) = parse(text) else { return fail(unknown()) };
    // A scope is only for a link-scoped address (getaddrinfo() refuses
    // `2001:db8::1%eth0`).
    let scope_id = match scope {
        Some(dev) if link_scoped(dst) => match socks.if_index(dev) {
            0 => return fail(unknown()),
            i => Some((dev, i)),
        },
        Some(_) => return fail(unknown()),
        None => None,
    };
    let Ok(sock) = socks.socket(SockType::Icmp6Echo) else {
        return fail(format!("{}: socket: Invalid argument\n", o.prog));
    };
    // -e: iputils opens a raw socket and writes the identifier itself.
    if let Some(id) = o.ident {
        let _ = socks.bind_ident(sock, id);
    }
    // -I: an address (with a colon; `%dev` names its device too), else a
    // device (SO_BINDTODEVICE); the device first, then bind().
    let (source, device) = match o.iface.as_deref() {
        Some(i) if i.contains(':') => {
            let (a, dev) = match i.split_once('%') {
                Some((a, d)) => (a, Some(d.to_string())),
                None => (i, None),
            };
            match parse(a) {
                Some(a) => (Some(a), dev),
                None => return fail(format!("{}: invalid source address: {i}\n", o.prog)),
            }
        }
        Some(i) => (None, Some(i.to_string())),
        None => (None, None),
    };
    if let Some(dev) = &device {
        if socks.if_index(dev) == 0 {
            return fail(format!("{}: unknown iface: {dev}\n", o.prog));
        }
        let _ = socks.bind_device(sock, dev);
    }
    if let Some(a) = source {
        if let Err(e) = socks.bind(sock, a.into()) {
            return fail(format!("{}: bind icmp socket: {}\n", o.prog, e.text()));
        }
    }
    // A scope binds the socket to its device (sin6_scope_id).
    if let (Some((dev, _)), None) = (scope_id, &device) {
        let _ = socks.bind_device(sock, dev);
    }
    let conn = match socks.connect(sock, dst.into()) {
        Ok(c) => c,
        Err(e) => return fail(format!("{}: connect: {}\n", o.prog, e.text())),
    };
    // With a device and a link-local destination, ping's own probe leaves
    // its source unset (`::`), which is no address of the device: it warns.
    let from = match (source, &device) {
        (Some(a), Some(dev)) if link_scoped(a) => format!("from {a}%{dev} {dev}: "),
        (Some(a), Some(dev)) => format!("from {a} {dev}: "),
        (None, Some(dev)) if link_scoped(dst) && scope_id.is_none() => {
            out.err(format!("{}: Warning: source address might be selected on device other than: {dev}\n", o.prog));
            format!("from :: {dev}: ")
        }
        (None, Some(dev)) => format!("from {} {dev}: ", conn.src),
        (Some(a), None) => format!("from {a} : "),
        (None, None) => String::new(),
    };
    let shown = match scope_id {
        Some((dev, _)) => format!("{dst}%{dev}"),
        None => dst.to_string(),
    };
    let head = format!("PING {}({shown}) {from}{} data bytes\n", o.dest, o.size);
    #[cfg(feature = "explain")]
    crate::explain::record::printed(crate::explain::ping::tag(&head));
    out.out(head);
    let mut run = stats::Run::new(socks.now_us(), o, shown);
    run.v6 = true;
    run.multicast = dst.is_multicast();
    Ok((sock, conn.ident, run))
}
