//! IPv6 routes (`ip -6 route`): a namespace's fib6 tables, the user's
//! routes and the kernel's own (prefix, `local` and `multicast` routes,
//! which `ops/route6.rs` keeps in step with the addresses and links).

use std::cmp::Ordering;
use std::net::Ipv6Addr;

use super::route::{Metrics, Proto, RouteType};

/// The metric of the kernel's prefix and multicast routes (`IP6_RT_PRIO_ADDRCONF`).
pub const PRIO_ADDRCONF: u32 = 256;
/// The metric of a user's route given none (`IP6_RT_PRIO_USER`).
pub const PRIO_USER: u32 = 1024;

/// RTA_PREF: the router preference of RFC 4191 (`pref low|medium|high`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Pref {
    Low,
    #[default]
    Medium,
    High,
}

impl Pref {
    pub fn name(self) -> &'static str {
        match self {
            Pref::Low => "low",
            Pref::Medium => "medium",
            Pref::High => "high",
        }
    }
}

/// Which kernel event made a route (the kernel's own routes only): what
/// keeps it in step with the addresses and the link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Added by a user (or another program): only a request or the link
    /// going away removes it.
    User,
    /// The prefix route of the address with this serial.
    Prefix(u64),
    /// The `local` route of the address with this serial.
    Local(u64),
    /// The device's `multicast ff00::/8` (`addrconf_add_mroute()`).
    Multicast,
}

/// One IPv6 route (`struct fib6_info` with its one nexthop).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route6 {
    pub table: u32,
    /// `Unicast`, `Local`, `Multicast`, or a reject type (`Unreachable`,
    /// `Blackhole`, `Prohibit`, whose device is `lo`).
    pub kind: RouteType,
    /// The destination prefix, its host bits zero.
    pub dst: Ipv6Addr,
    pub prefix: u8,
    pub gateway: Option<Ipv6Addr>,
    /// The nexthop device's ifindex.
    pub dev: u32,
    pub proto: Proto,
    pub metric: u32,
    pub pref: Pref,
    /// RTA_METRICS (`mtu 1280`).
    pub metrics: Metrics,
    /// Virtual time (ms) the route expires (RTF_EXPIRES): a prefix route of
    /// an address with a finite valid lifetime.
    pub expires_ms: Option<u64>,
    pub origin: Origin,
}

impl Route6 {
    /// Whether `a` lies in the route's destination prefix.
    pub fn covers(&self, a: Ipv6Addr) -> bool {
        in_prefix6(a, self.dst, self.prefix)
    }

    /// Whether the route rejects what it matches (RTF_REJECT).
    pub fn is_reject(&self) -> bool {
        matches!(self.kind, RouteType::Unreachable | RouteType::Blackhole | RouteType::Prohibit)
    }

    /// Seconds of RTA_CACHEINFO's expiry at `now_ms`: what is left, the
    /// jiffy that passed since the add already gone (`expires 3599sec`
    /// for 3600 s).
    pub fn expires_s(&self, now_ms: u64) -> Option<u32> {
        self.expires_ms.map(|t| (t.saturating_sub(now_ms).saturating_sub(1) / 1000) as u32)
    }
}

/// The netmask of an IPv6 prefix length, as a number.
pub fn mask6(prefix: u8) -> u128 {
    match prefix {
        0 => 0,
        p => u128::MAX << (128 - u32::from(p.min(128))),
    }
}

/// The network address of `a/prefix`.
pub fn network6(a: Ipv6Addr, prefix: u8) -> Ipv6Addr {
    Ipv6Addr::from(u128::from(a) & mask6(prefix))
}

/// Whether `a` lies in `net/prefix`.
pub fn in_prefix6(a: Ipv6Addr, net: Ipv6Addr, prefix: u8) -> bool {
    (u128::from(a) ^ u128::from(net)) & mask6(prefix) == 0
}

/// The order fib6's tree walk visits two prefixes in: post-order over the
/// prefix bits, so a more specific prefix comes before one containing it
/// (`default` last) and disjoint ones by their first differing bit, 0 first.
pub fn tree_order(a: (Ipv6Addr, u8), b: (Ipv6Addr, u8)) -> Ordering {
    let m = mask6(a.1.min(b.1));
    match (u128::from(a.0) & m).cmp(&(u128::from(b.0) & m)) {
        Ordering::Equal => b.1.cmp(&a.1),
        o => o,
    }
}

/// The order `inet6_dump_fib()` walks the tables in: its hash buckets
/// (the id's low byte), so table 100 before main before local.
fn table_rank(t: u32) -> u32 {
    t & 0xff
}

/// A namespace's IPv6 routes, every table, in the order they were added
/// (a route's place among equals on one prefix); [`Fib6::dump`] sorts them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fib6 {
    pub routes: Vec<Route6>,
    /// The address serials the kernel's routes have been made for: the
    /// prefix route (made once, while the link is up) …
    pub prefixed: Vec<u64>,
    /// … and the `local` route (made once the address is usable).
    pub localed: Vec<u64>,
    /// Devices that were ready (up, carrier, IPv6 on) at the last sync: one
    /// becoming ready gets its multicast route.
    pub ready: Vec<u32>,
    /// The highest address serial the last sync saw: an address added since
    /// on a device that is up gets the device's multicast route too.
    pub seen_serial: u64,
    /// Tables made by adding a route to them (`fib6_new_table()`), besides
    /// main and local, which always exist; a table stays once made.
    pub tables: Vec<u32>,
}

impl Fib6 {
    /// Whether routing table `id` exists.
    pub fn has_table(&self, id: u32) -> bool {
        id == crate::kernel::route::RT_TABLE_MAIN
            || id == crate::kernel::route::RT_TABLE_LOCAL
            || self.tables.contains(&id)
    }

    /// The routes in dump order: table by table (main before local), each
    /// in tree order, routes on one prefix by metric, then as added.
    pub fn dump(&self) -> Vec<&Route6> {
        let mut v: Vec<&Route6> = self.routes.iter().collect();
        crate::sort::sort_by(&mut v, |a, b| {
            table_rank(a.table)
                .cmp(&table_rank(b.table))
                .then(tree_order((a.dst, a.prefix), (b.dst, b.prefix)))
                .then(a.metric.cmp(&b.metric))
        });
        v
    }

    /// The position of the route with this table, prefix and metric:
    /// what `add` collides with and `replace` replaces.
    pub fn find_key(&self, r: &Route6) -> Option<usize> {
        self.routes
            .iter()
            .position(|x| x.table == r.table && x.dst == r.dst && x.prefix == r.prefix && x.metric == r.metric)
    }

    /// Forgets every route through a device (it is gone, down, or lost IPv6).
    pub fn forget_dev(&mut self, ifindex: u32) {
        self.routes.retain(|r| r.dev != ifindex || r.is_reject());
        self.ready.retain(|i| *i != ifindex);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::route::RT_TABLE_MAIN;

    fn p(s: &str, l: u8) -> (Ipv6Addr, u8) {
        (s.parse().unwrap(), l)
    }

    #[test]
    fn tree_order_is_post_order() {
        let mut v = vec![
            p("::", 0),
            p("fe80::", 64),
            p("2001:db8:100::", 48),
            p("2001:db8:1::", 64),
            p("2001:db8::", 32),
            p("2001:db8:100::", 64),
        ];
        v.sort_by(|a, b| tree_order(*a, *b));
        assert_eq!(
            v,
            vec![
                p("2001:db8:1::", 64),
                p("2001:db8:100::", 64),
                p("2001:db8:100::", 48),
                p("2001:db8::", 32),
                p("fe80::", 64),
                p("::", 0),
            ]
        );
    }

    #[test]
    fn expiry_counts_the_jiffy_gone() {
        let r = Route6 {
            table: RT_TABLE_MAIN,
            kind: RouteType::Unicast,
            dst: Ipv6Addr::UNSPECIFIED,
            prefix: 0,
            gateway: None,
            dev: 1,
            proto: Proto::Kernel,
            metric: PRIO_ADDRCONF,
            pref: Pref::Medium,
            metrics: Metrics::default(),
            expires_ms: Some(3_600_000),
            origin: Origin::User,
        };
        assert_eq!(r.expires_s(0), Some(3599));
        assert_eq!(r.expires_s(3_000), Some(3596));
    }
}
