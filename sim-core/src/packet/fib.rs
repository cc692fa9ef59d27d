//! Route lookup as `fib_lookup()` does it: the local table first, then the
//! main table by longest prefix and lowest metric; and the source address
//! the kernel picks for a route (`inet_select_addr()`).

use std::net::Ipv4Addr;

use crate::kernel::addr::{IfAddr, Scope};
use crate::kernel::netns::Namespace;
use crate::kernel::route::{Route, RouteType, RTAX_MTU, RT_TABLE_LOCAL, RT_TABLE_MAIN};
use crate::kernel::{Errno, KernelError};

/// What a lookup found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One of this namespace's own addresses: delivered through `lo`.
    Local,
    /// A broadcast address of a local subnet.
    Broadcast,
    Unicast,
}

/// A route lookup's result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lookup {
    pub kind: Kind,
    /// The output device (for local routes: the device holding the address).
    pub dev: u32,
    /// The next hop when it is not the destination itself.
    pub gateway: Option<Ipv4Addr>,
    /// The preferred source address.
    pub src: Option<Ipv4Addr>,
    /// The route's `mtu` metric (0: none, the device's MTU applies).
    pub mtu: u32,
    /// `mtu lock`: path MTU discovery may not lower it, and DF is not set.
    pub mtu_locked: bool,
}

impl Lookup {
    /// Whom to ARP for.
    pub fn next_hop(&self, dst: Ipv4Addr) -> Ipv4Addr {
        self.gateway.unwrap_or(dst)
    }
}

fn best<'a>(routes: impl Iterator<Item = &'a Route>) -> Option<&'a Route> {
    routes.fold(None, |acc: Option<&Route>, r| match acc {
        None => Some(r),
        Some(a) if r.prefix > a.prefix || (r.prefix == a.prefix && r.metric < a.metric) => Some(r),
        keep => keep,
    })
}

/// Looks `dst` up. `oif` restricts the main-table lookup to one device
/// (a socket bound with `SO_BINDTODEVICE`).
pub fn lookup(ns: &Namespace, dst: Ipv4Addr, oif: Option<u32>) -> Result<Lookup, KernelError> {
    let local = best(ns.routes.iter().filter(|r| {
        r.table == RT_TABLE_LOCAL && matches!(r.kind, RouteType::Local | RouteType::Broadcast) && r.covers(dst)
    }));
    if let Some(r) = local {
        let kind = if r.kind == RouteType::Local { Kind::Local } else { Kind::Broadcast };
        let dev = r.dev.unwrap_or(0);
        if oif.is_none_or(|o| o == dev || kind == Kind::Local) {
            return Ok(Lookup { kind, dev, gateway: None, src: r.src, mtu: 0, mtu_locked: false });
        }
    }
    if dst == Ipv4Addr::BROADCAST {
        return Err(KernelError::new(Errno::ENETUNREACH));
    }
    let main = main_route(ns, dst, oif).ok_or(KernelError::new(Errno::ENETUNREACH))?;
    match main.kind {
        RouteType::Unicast | RouteType::Local | RouteType::Broadcast | RouteType::Multicast => {}
        RouteType::Unreachable => return Err(KernelError::new(Errno::EHOSTUNREACH)),
        RouteType::Blackhole => return Err(KernelError::new(Errno::EINVAL)),
        RouteType::Prohibit => return Err(KernelError::new(Errno::EACCES)),
    }
    let dev = main.dev.ok_or(KernelError::new(Errno::ENETUNREACH))?;
    let src = main.src.or_else(|| select_addr(ns, dev, main.gateway.unwrap_or(dst), main.scope));
    let mtu = main.metrics.get(RTAX_MTU).unwrap_or(0);
    let mtu_locked = main.metrics.is_locked(RTAX_MTU);
    Ok(Lookup { kind: Kind::Unicast, dev, gateway: main.gateway, src, mtu, mtu_locked })
}

/// The main-table route `dst` takes: longest prefix, then lowest metric.
pub fn main_route(ns: &Namespace, dst: Ipv4Addr, oif: Option<u32>) -> Option<&Route> {
    best(ns.routes.iter().filter(|r| {
        r.table == RT_TABLE_MAIN && r.covers(dst) && oif.is_none_or(|o| r.dev == Some(o) || r.dev.is_none())
    }))
}

/// `inet_select_addr()`: a primary address of `dev` within `scope`,
/// preferring one whose subnet holds `dst`; else the first suitable one on
/// any device (lo first), skipping link-scope addresses.
pub fn select_addr(ns: &Namespace, dev: u32, dst: Ipv4Addr, scope: Scope) -> Option<Ipv4Addr> {
    let v4 = |ifindex: u32| -> Vec<(Ipv4Addr, u8, Scope)> {
        ns.links
            .get(&ifindex)
            .map(|l| l.addrs.iter().filter_map(IfAddr::v4).map(|a| (a.local, a.prefix, a.scope)).collect())
            .unwrap_or_default()
    };
    let within = |s: Scope| s.value() <= scope.value() || scope == Scope::Global && s == Scope::Global;
    let on_dev = v4(dev);
    if let Some(a) = on_dev.iter().find(|(a, p, s)| within(*s) && crate::kernel::addr::in_prefix(dst, *a, *p)) {
        return Some(a.0);
    }
    if let Some(a) = on_dev.iter().find(|(_, _, s)| within(*s)) {
        return Some(a.0);
    }
    ns.links.keys().flat_map(|i| v4(*i)).find(|(_, _, s)| *s != Scope::Link && within(*s)).map(|a| a.0)
}

/// Whether `a` is one of the namespace's own addresses (a local route).
pub fn is_local(ns: &Namespace, a: Ipv4Addr) -> bool {
    ns.routes.iter().any(|r| r.table == RT_TABLE_LOCAL && r.kind == RouteType::Local && r.covers(a))
}
