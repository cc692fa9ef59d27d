//! IPv6 route lookup as fib6 does it (the local table, then main; in each
//! the longest prefix, then the first route of its leaf: lowest metric,
//! then the first added), the source address Linux picks
//! (`ipv6_dev_get_saddr()`, RFC 6724), and `ip -6 route get`'s answer.

use std::net::Ipv6Addr;

use crate::kernel::addr::IfAddr;
use crate::kernel::netns::Namespace;
use crate::kernel::route::{RouteType, RT_TABLE_LOCAL, RT_TABLE_MAIN};
use crate::kernel::route6::Route6;
use crate::kernel::{Errno, KResult, KernelError};

/// The route one table gives `dst`; with `oif`, only routes through that
/// device count (RT6_LOOKUP_F_IFACE), and reject routes.
pub fn table_lookup(ns: &Namespace, table: u32, dst: Ipv6Addr, oif: Option<u32>) -> Option<&Route6> {
    ns.fib6
        .routes
        .iter()
        .enumerate()
        .filter(|(_, r)| r.table == table && r.covers(dst) && oif.is_none_or(|o| r.dev == o || r.is_reject()))
        .min_by_key(|(i, r)| (std::cmp::Reverse(r.prefix), r.metric, *i))
        .map(|(_, r)| r)
}

/// `fib6_lookup()` through the default rules: local, then main.
pub fn lookup(ns: &Namespace, dst: Ipv6Addr, oif: Option<u32>) -> Option<&Route6> {
    table_lookup(ns, RT_TABLE_LOCAL, dst, oif).or_else(|| table_lookup(ns, RT_TABLE_MAIN, dst, oif))
}

/// The errno a route of a reject type answers with (`ip6_rt_type_to_error()`).
pub fn reject_errno(kind: RouteType) -> Option<Errno> {
    match kind {
        RouteType::Unreachable => Some(Errno::EHOSTUNREACH),
        RouteType::Prohibit => Some(Errno::EACCES),
        RouteType::Blackhole => Some(Errno::EINVAL),
        _ => None,
    }
}

/// RFC 4291's scope of an address as a source (`__ipv6_addr_src_scope()`):
/// loopback 1 (host), link-local 2, site-local 5, global 14; a multicast
/// address's own scope field.
pub fn addr_scope(a: Ipv6Addr) -> u8 {
    let s = a.segments();
    if a.is_multicast() {
        (s[0] & 0xf) as u8
    } else if a.is_loopback() {
        1
    } else if s[0] & 0xffc0 == 0xfe80 {
        2
    } else if s[0] & 0xffc0 == 0xfec0 {
        5
    } else {
        14
    }
}

/// RFC 6724's default policy table's label of an address (rule 6).
fn label(a: Ipv6Addr) -> u8 {
    use crate::kernel::route6::in_prefix6;
    // Prefixes as constants: parsing text here would link std's IPv6
    // parser into the first load beside the grammar's own.
    let p = |s0: u16, s1: u16, s5: u16, l: u8| in_prefix6(a, Ipv6Addr::new(s0, s1, 0, 0, 0, s5, 0, 0), l);
    // Longest prefix first.
    if a.is_loopback() {
        0
    } else if p(0, 0, 0xffff, 96) {
        4
    } else if p(0, 0, 0, 96) {
        3
    } else if p(0x2001, 0, 0, 32) {
        6
    } else if p(0x2001, 0x10, 0, 28) {
        7
    } else if p(0x2002, 0, 0, 16) {
        2
    } else if p(0x3ffe, 0, 0, 16) {
        12
    } else if p(0xfec0, 0, 0, 10) {
        11
    } else if p(0xfc00, 0, 0, 7) {
        5
    } else {
        1
    }
}

/// Bits two addresses share from the start.
fn common_bits(a: Ipv6Addr, b: Ipv6Addr) -> u32 {
    (u128::from(a) ^ u128::from(b)).leading_zeros()
}

/// `ipv6_dev_get_saddr()`: the source address for `dst` leaving through
/// `dev` (0: none known). Candidates are usable addresses (neither
/// tentative nor dadfailed): only `dev`'s own for a multicast or
/// link-local destination, else every device's in ifindex order, each
/// device's newest first within a scope, global before link. The best by
/// RFC 6724's rules as Linux applies them: the same address, the
/// appropriate scope, not deprecated, the outgoing device, the same label,
/// the longest matching prefix (up to the address's own prefix length);
/// the first of equals.
pub fn select_saddr(ns: &Namespace, dev: u32, dst: Ipv6Addr, now_ms: u64) -> Option<Ipv6Addr> {
    let dst_scope = addr_scope(dst);
    let only_dev = dst.is_multicast() || dst_scope <= 2;
    let mut best: Option<(Ipv6Addr, [i64; 6])> = None;
    for l in ns.links.values() {
        if only_dev && l.ifindex != dev {
            continue;
        }
        let mut addrs: Vec<_> =
            l.addrs.iter().filter_map(IfAddr::v6).filter(|a| !a.tentative && !a.dadfailed).collect();
        crate::sort::sort_by_key(&mut addrs, |a| (std::cmp::Reverse(addr_scope(a.local)), std::cmp::Reverse(a.serial)));
        for a in addrs {
            let sc = i64::from(addr_scope(a.local));
            let scope = if sc >= i64::from(dst_scope) { -sc } else { sc - 128 };
            let deprecated = a.preferred_until_ms.is_some_and(|t| t <= now_ms);
            let score = [
                i64::from(a.local == dst),
                scope,
                i64::from(!deprecated),
                i64::from(dev == 0 || l.ifindex == dev),
                i64::from(label(a.local) == label(dst)),
                i64::from(common_bits(a.local, dst).min(u32::from(a.prefix))),
            ];
            if best.as_ref().is_none_or(|(_, b)| score > *b) {
                best = Some((a.local, score));
            }
        }
    }
    best.map(|(a, _)| a)
}

/// What `ip -6 route get` asks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Get6 {
    pub dst: Ipv6Addr,
    pub from: Option<Ipv6Addr>,
    pub iif: Option<u32>,
    pub oif: Option<u32>,
}

/// RTM_GETROUTE's answer for IPv6 (`rt6_fill_node()` of the route found).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Got6 {
    /// The route, its destination the address asked about (/128) and its
    /// device the one packets leave by (`lo` for a local one).
    pub route: Route6,
    /// RTA_SRC: the `from` asked (`::` without).
    pub from: Ipv6Addr,
    /// RTA_PREFSRC: the source the kernel would pick (not with `iif`).
    pub src: Option<Ipv6Addr>,
    pub iif: Option<u32>,
}

/// Answers `ip -6 route get` in namespace `ns` at `now_ms`.
pub fn route_get6(ns: &Namespace, q: &Get6, now_ms: u64) -> KResult<Got6> {
    let r = lookup(ns, q.dst, q.oif).ok_or(KernelError::new(Errno::ENETUNREACH))?;
    if let Some(e) = reject_errno(r.kind) {
        return Err(e.into());
    }
    let mut route = r.clone();
    if r.kind == RouteType::Local {
        route.dev = ns.links.values().find(|l| l.is_loopback()).map_or(r.dev, |l| l.ifindex);
    }
    let src = match q.iif {
        Some(_) => None,
        None => select_saddr(ns, route.dev, q.dst, now_ms),
    };
    // An exception Packet Too Big left (`rt6_insert_exception()`): its MTU
    // and when it ends, shown on the route as `expires Nsec mtu N`.
    if let Some(&(_, mtu, until)) = ns.pmtu6.iter().find(|p| p.0 == q.dst && p.2 > now_ms) {
        route.metrics.set(crate::kernel::route::RTAX_MTU, mtu);
        route.expires_ms = Some(until);
    }
    route.dst = q.dst;
    route.prefix = 128;
    Ok(Got6 { route, from: q.from.unwrap_or(Ipv6Addr::UNSPECIFIED), src, iif: q.iif })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes() {
        assert_eq!(addr_scope("ff02::1".parse().unwrap()), 2);
        assert_eq!(addr_scope("fe80::1".parse().unwrap()), 2);
        assert_eq!(addr_scope("::1".parse().unwrap()), 1);
        assert_eq!(addr_scope("2001:db8::1".parse().unwrap()), 14);
    }
}
