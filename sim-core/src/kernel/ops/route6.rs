//! IPv6 routes: the kernel's own kept in step with addresses and links
//! ([`Kernel::fib6_sync`]), and `ip -6 route add|del` with fib6's checks.
//!
//! The kernel's routes depend only on the address fields
//! (`tentative`, `dadfailed`, `noprefixroute`, `valid_until_ms`, `serial`)
//! and the link's state, not on how an address got there:
//! - a **prefix route** (`PREFIX dev X proto kernel metric 256`, main) is
//!   made once per address while its link is up (with or without carrier:
//!   then `linkdown`), unless `noprefixroute`; an address with a finite
//!   valid lifetime gives it `expires`. It goes with its address, unless
//!   another address of the device has the same prefix, or it expires
//!   (then it outlives the address: `ip -6 addr flush` leaves it);
//! - a **`local` route** (table local, metric 0) is made once per address
//!   when it is neither `tentative` nor `dadfailed` (the link may be down)
//!   and goes with the address;
//! - **`multicast ff00::/8`** (table local, metric 256) comes when a device
//!   becomes ready (up, carrier, IPv6 on) or gets an address while up;
//! - a device going down, losing IPv6 or going away loses every route
//!   through it (its addresses, and so their `local` routes, go too).

use std::net::Ipv6Addr;

use crate::kernel::addr::{IfAddr, Inet6};
use crate::kernel::link::{OperState, IPV6_MIN_MTU};
use crate::kernel::route::{Proto, RouteType, RT_TABLE_LOCAL, RT_TABLE_MAIN};
use crate::kernel::route6::{network6, Origin, Pref, Route6, PRIO_ADDRCONF, PRIO_USER};
use crate::kernel::{Errno, KResult, Kernel, KernelError, NsId};

/// What `ip -6 route del` names: the table, the prefix, and whichever of
/// gateway, device, metric and protocol were given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route6Match {
    pub table: u32,
    pub dst: Ipv6Addr,
    pub prefix: u8,
    pub gateway: Option<Ipv6Addr>,
    pub dev: Option<u32>,
    pub metric: Option<u32>,
    pub proto: Option<Proto>,
}

impl Route6Match {
    pub fn matches(&self, r: &Route6) -> bool {
        r.table == self.table
            && r.dst == self.dst
            && r.prefix == self.prefix
            && self.gateway.is_none_or(|g| r.gateway == Some(g))
            && self.dev.is_none_or(|d| r.dev == d)
            && self.metric.is_none_or(|m| r.metric == m)
            && self.proto.is_none_or(|p| r.proto == p)
    }
}

/// One device as the kernel's routes see it.
struct Dev {
    ifindex: u32,
    is_lo: bool,
    /// Up with an inet6_dev that is on: routes through it may exist.
    up: bool,
    /// `addrconf_link_ready()` too: carrier and an operstate that is up.
    ready: bool,
    /// It has an inet6_dev with IPv6 on (its addresses' `local` routes may exist).
    v6: bool,
    addrs: Vec<Inet6>,
}

fn kernel_route(table: u32, kind: RouteType, dst: Ipv6Addr, prefix: u8, dev: u32, metric: u32, o: Origin) -> Route6 {
    Route6 {
        table,
        kind,
        dst,
        prefix,
        gateway: None,
        dev,
        proto: Proto::Kernel,
        metric,
        pref: Pref::Medium,
        metrics: Default::default(),
        expires_ms: None,
        origin: o,
    }
}

fn ff00() -> Ipv6Addr {
    Ipv6Addr::new(0xff00, 0, 0, 0, 0, 0, 0, 0)
}

/// Whether a gateway is a link-local unicast address (fe80::/10).
pub fn is_link_local(a: Ipv6Addr) -> bool {
    a.segments()[0] & 0xffc0 == 0xfe80
}

impl Kernel {
    fn devs6(&self, ns: NsId) -> Vec<Dev> {
        let Some(n) = self.ns(ns) else { return Vec::new() };
        n.links
            .values()
            .map(|l| {
                let v6 = n.conf.dev_conf(l.ifindex).disable_ipv6 == 0 && l.mtu >= IPV6_MIN_MTU;
                let up = v6 && l.admin_up;
                Dev {
                    ifindex: l.ifindex,
                    is_lo: l.is_loopback(),
                    up,
                    ready: up && l.carrier && matches!(l.oper, OperState::Up | OperState::Unknown),
                    v6,
                    addrs: l.addrs.iter().filter_map(IfAddr::v6).cloned().collect(),
                }
            })
            .collect()
    }

    /// Brings the kernel's own IPv6 routes in step with the addresses and
    /// links (see the module's rules). Idempotent; called after link
    /// changes and before every IPv6 route request or dump.
    pub(crate) fn fib6_sync(&mut self, ns: NsId) {
        let now = self.now_ms;
        let devs = self.devs6(ns);
        // The newest address seen, not the kernel's serial counter (links
        // draw from it too): a sync with no new address changes nothing,
        // so a request that fails after one leaves the state as it was.
        let serial_now = devs.iter().flat_map(|d| d.addrs.iter().map(|a| a.serial)).max().unwrap_or(0);
        let Some(n) = self.ns_mut(ns) else { return };
        let f = &mut n.fib6;
        f.routes.retain(|r| r.expires_ms.is_none_or(|t| t > now));
        // A device that is gone, down or without IPv6 keeps no route; its
        // `local` ones go with their addresses (below).
        f.routes.retain(|r| match devs.iter().find(|d| d.ifindex == r.dev) {
            None => false,
            Some(d) => d.up || r.is_reject() || (r.kind == RouteType::Local && d.v6),
        });
        let mut ready = Vec::new();
        for d in &devs {
            let mut addrs: Vec<&Inet6> = d.addrs.iter().collect();
            crate::sort::sort_by_key(&mut addrs, |a| a.serial);
            let fresh = addrs.iter().any(|a| a.serial > f.seen_serial);
            let became_ready = d.ready && !f.ready.contains(&d.ifindex);
            if d.ready {
                ready.push(d.ifindex);
            }
            if !d.is_lo && d.up && (became_ready || fresh) {
                let has = f.routes.iter().any(|r| r.kind == RouteType::Multicast && r.dev == d.ifindex);
                if !has {
                    let m = kernel_route(
                        RT_TABLE_LOCAL,
                        RouteType::Multicast,
                        ff00(),
                        8,
                        d.ifindex,
                        256,
                        Origin::Multicast,
                    );
                    f.routes.push(m);
                }
            }
            for a in addrs {
                if d.up && !a.noprefixroute && !a.local.is_loopback() && !f.prefixed.contains(&a.serial) {
                    f.prefixed.push(a.serial);
                    let net = network6(a.local, a.prefix);
                    let has = f.routes.iter().any(|r| {
                        r.table == RT_TABLE_MAIN
                            && r.dst == net
                            && r.prefix == a.prefix
                            && r.dev == d.ifindex
                            && r.metric == PRIO_ADDRCONF
                    });
                    if !has {
                        let mut r = kernel_route(
                            RT_TABLE_MAIN,
                            RouteType::Unicast,
                            net,
                            a.prefix,
                            d.ifindex,
                            PRIO_ADDRCONF,
                            Origin::Prefix(a.serial),
                        );
                        r.expires_ms = a.valid_until_ms;
                        f.routes.push(r);
                    }
                }
                if d.v6 && !a.tentative && !a.dadfailed && !f.localed.contains(&a.serial) {
                    f.localed.push(a.serial);
                    f.routes.push(kernel_route(
                        RT_TABLE_LOCAL,
                        RouteType::Local,
                        a.local,
                        128,
                        d.ifindex,
                        0,
                        Origin::Local(a.serial),
                    ));
                }
            }
        }
        // Routes whose address is gone.
        let addr_of = |dev: u32, s: u64| devs.iter().find(|d| d.ifindex == dev)?.addrs.iter().find(|a| a.serial == s);
        let mut keep = Vec::with_capacity(f.routes.len());
        for mut r in std::mem::take(&mut f.routes) {
            match r.origin {
                Origin::Local(s) if addr_of(r.dev, s).is_none() => continue,
                Origin::Prefix(s) if addr_of(r.dev, s).is_none() => {
                    let heir = devs.iter().find(|d| d.ifindex == r.dev).and_then(|d| {
                        d.addrs
                            .iter()
                            .find(|a| !a.noprefixroute && a.prefix == r.prefix && network6(a.local, a.prefix) == r.dst)
                    });
                    match heir {
                        Some(a) => r.origin = Origin::Prefix(a.serial),
                        None if r.expires_ms.is_some() => {}
                        None => continue,
                    }
                }
                _ => {}
            }
            keep.push(r);
        }
        f.routes = keep;
        let alive = |s: &u64| devs.iter().any(|d| d.addrs.iter().any(|a| a.serial == *s));
        f.prefixed.retain(alive);
        f.localed.retain(alive);
        f.ready = ready;
        f.seen_serial = serial_now;
    }

    /// `ip -6 route add|replace` (`ip6_route_add()`): fib6_nh_init()'s
    /// checks in their order, then the insert (EEXIST for a route on the
    /// same prefix with the same metric, unless replacing it).
    pub fn route6_add(&mut self, ns: NsId, mut rt: Route6, replace: bool) -> KResult<()> {
        self.fib6_sync(ns);
        let devs = self.devs6(ns);
        let n = self.ns(ns).ok_or(KernelError::new(Errno::ENODEV))?;
        if rt.metric == 0 {
            rt.metric = PRIO_USER;
        }
        rt.origin = Origin::User;
        rt.dst = network6(rt.dst, rt.prefix);
        if rt.is_reject() {
            rt.dev = devs.iter().find(|d| d.is_lo).map_or(1, |d| d.ifindex);
        } else {
            let mut dev = (rt.dev != 0).then_some(rt.dev);
            if let Some(d) = dev {
                n.links.get(&d).ok_or(KernelError::new(Errno::ENODEV))?;
            }
            if let Some(gw) = rt.gateway {
                if !is_link_local(gw) {
                    if gw.is_multicast() || gw.is_unspecified() {
                        return Err(KernelError::msg(Errno::EINVAL, "Invalid gateway address"));
                    }
                    // ip6_route_check_nh(): a route without a gateway must
                    // reach it (through `dev`, when given).
                    let via = crate::packet::fib6::table_lookup(n, rt.table, gw, dev)
                        .filter(|r| !r.is_reject() && r.gateway.is_none())
                        .or_else(|| crate::packet::fib6::lookup(n, gw, dev))
                        .filter(|r| !r.is_reject() && r.gateway.is_none())
                        .ok_or(KernelError::new(Errno::EHOSTUNREACH))?;
                    match dev {
                        Some(d) if d != via.dev => return Err(Errno::EHOSTUNREACH.into()),
                        _ => dev = Some(via.dev),
                    }
                }
                let d = dev.ok_or(KernelError::msg(Errno::EINVAL, "Egress device not specified"))?;
                if n.links.get(&d).is_some_and(|l| l.is_loopback()) {
                    return Err(KernelError::msg(
                        Errno::EINVAL,
                        "Egress device can not be loopback device for this route",
                    ));
                }
            }
            let d = dev.ok_or(KernelError::new(Errno::ENODEV))?;
            let l = n.links.get(&d).ok_or(KernelError::new(Errno::ENODEV))?;
            if l.mtu < IPV6_MIN_MTU {
                // No inet6_dev below IPv6's minimum MTU.
                return Err(Errno::ENODEV.into());
            }
            if n.conf.dev_conf(d).disable_ipv6 != 0 {
                return Err(KernelError::msg(Errno::EACCES, "IPv6 is disabled on nexthop device"));
            }
            if !l.admin_up {
                return Err(KernelError::msg(Errno::ENETDOWN, "Nexthop device is not up"));
            }
            rt.dev = d;
        }
        let n = self.ns_mut(ns).ok_or(KernelError::new(Errno::ENODEV))?;
        let table = rt.table;
        match n.fib6.find_key(&rt) {
            Some(i) if replace => n.fib6.routes[i] = rt,
            Some(_) => return Err(Errno::EEXIST.into()),
            None => n.fib6.routes.push(rt),
        }
        if !n.fib6.has_table(table) {
            n.fib6.tables.push(table);
        }
        Ok(())
    }

    /// `ip -6 route del` (`ip6_route_del()`): the first route on exactly
    /// that prefix, in the leaf's order, that matches what was given.
    pub fn route6_del(&mut self, ns: NsId, m: &Route6Match) -> KResult<()> {
        self.fib6_sync(ns);
        let n = self.ns_mut(ns).ok_or(KernelError::new(Errno::ENODEV))?;
        if !n.fib6.has_table(m.table) {
            return Err(KernelError::msg(Errno::ESRCH, "FIB table does not exist"));
        }
        let i = n
            .fib6
            .routes
            .iter()
            .enumerate()
            .filter(|(_, r)| m.matches(r))
            .min_by_key(|(i, r)| (r.metric, *i))
            .map(|(i, _)| i)
            .ok_or_else(|| {
                let table =
                    m.table == crate::kernel::route::RT_TABLE_MAIN || n.fib6.routes.iter().any(|r| r.table == m.table);
                KernelError::new(if table && null_entry_matches(m) { Errno::ENOENT } else { Errno::ESRCH })
            })?;
        n.fib6.routes.remove(i);
        Ok(())
    }
}

/// Whether a delete that found no route of ::/0 meets a table's root's
/// `fib6_null_entry` (device `lo`, metric 0xffffffff, no gateway) instead:
/// `fib6_del()` refuses it with ENOENT where any other miss is ESRCH.
fn null_entry_matches(m: &Route6Match) -> bool {
    m.prefix == 0
        && m.gateway.is_none()
        && m.dev.is_none()
        && m.metric.is_none_or(|x| x == u32::MAX)
        && m.proto.is_none()
}
