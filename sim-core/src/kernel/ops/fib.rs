//! Routes: the kernel's own for each address, and `ip route add|del` with
//! Linux's nexthop checks.

use std::net::Ipv4Addr;

use crate::kernel::addr::{self, IfAddr, Inet4, Scope};
use crate::kernel::link::LinkRef;
use crate::kernel::route::{Proto, Route, RouteType, RT_TABLE_LOCAL, RT_TABLE_MAIN};
use crate::kernel::{Errno, KResult, Kernel, KernelError, NsId};

use super::{nodev, RouteMatch};

impl Kernel {
    // ---- routes -------------------------------------------------------------

    /// `fib_add_ifaddr()` for every IPv4 address of a device: the local
    /// route always, the broadcast and prefix routes while it is up. Idempotent.
    pub(crate) fn fib_add_ifaddrs(&mut self, r: LinkRef) {
        let Some(l) = self.link(r) else { return };
        // fib_add_ifaddr(): the local route always; the rest only while up.
        let up = l.admin_up;
        let is_lo = l.is_loopback();
        let addrs: Vec<Inet4> = l.addrs.iter().filter_map(IfAddr::v4).cloned().collect();
        let mut want = Vec::new();
        for a in &addrs {
            let primary = self.is_primary(r, a);
            let prim_src = if primary {
                a.local
            } else {
                addrs
                    .iter()
                    .find(|p| p.prefix == a.prefix && addr::in_prefix(a.local, p.local, p.prefix))
                    .map_or(a.local, |p| p.local)
            };
            let kroute = |kind, table, dst, prefix, scope| Route {
                table,
                kind,
                dst,
                prefix,
                gateway: None,
                dev: Some(r.ifindex),
                proto: Proto::Kernel,
                scope,
                src: Some(prim_src),
                metric: 0,
                onlink: false,
                metrics: Default::default(),
            };
            want.push(kroute(RouteType::Local, RT_TABLE_LOCAL, a.local, 32, Scope::Host));
            if !up {
                continue;
            }
            let net = addr::network(a.local, a.prefix);
            if primary && (net != a.local || a.prefix < 32) {
                if is_lo {
                    want.push(kroute(RouteType::Local, RT_TABLE_LOCAL, net, a.prefix, Scope::Host));
                } else {
                    want.push(kroute(RouteType::Unicast, RT_TABLE_MAIN, net, a.prefix, Scope::Link));
                }
                if a.prefix < 31 {
                    want.push(kroute(
                        RouteType::Broadcast,
                        RT_TABLE_LOCAL,
                        addr::broadcast(a.local, a.prefix),
                        32,
                        Scope::Link,
                    ));
                }
            }
            if let Some(b) = a.broadcast {
                if b != Ipv4Addr::BROADCAST {
                    want.push(kroute(RouteType::Broadcast, RT_TABLE_LOCAL, b, 32, Scope::Link));
                }
            }
        }
        let Some(n) = self.ns_mut(r.ns) else { return };
        for w in want {
            n.fib_new_table(w.table);
            let known = n.routes.contains(&w);
            if !known {
                n.routes.push(w);
            }
        }
    }

    /// `ip route add|replace|append`, with Linux's nexthop checks.
    pub fn route_add(&mut self, ns: NsId, mut rt: Route, replace: bool) -> KResult<()> {
        // inet_rtm_newroute() makes the table before it checks the route, so
        // even a refused route leaves its table behind.
        self.ns_mut(ns).ok_or_else(nodev)?.fib_new_table(rt.table);
        let n = self.ns(ns).ok_or_else(nodev)?;
        let dev_up = match rt.dev {
            Some(d) => {
                let l = n.links.get(&d).ok_or_else(nodev)?;
                if !l.inet_enabled() {
                    return Err(nodev());
                }
                l.admin_up
            }
            None => true,
        };
        if let Some(gw) = rt.gateway {
            if rt.onlink {
                if rt.dev.is_none() {
                    return Err(KernelError::msg(Errno::EINVAL, "Nexthop device required for onlink"));
                }
                if !dev_up {
                    return Err(KernelError::msg(Errno::ENETDOWN, "Nexthop device is not up"));
                }
            } else {
                // fib_check_nh_v4_gw(): the gateway must be reached by a
                // connected (scope link) or local route; local wins a tie.
                let via = n
                    .routes
                    .iter()
                    .filter(|x| {
                        let connected = x.table == RT_TABLE_MAIN && x.kind == RouteType::Unicast && x.gateway.is_none();
                        let local = x.table == RT_TABLE_LOCAL && x.kind == RouteType::Local;
                        connected || local
                    })
                    .filter(|x| x.scope >= Scope::Link && x.covers(gw))
                    .filter(|x| rt.dev.is_none() || x.dev == rt.dev)
                    // The first of equally good routes, as the FIB's alias list has them.
                    .fold(None, |best: Option<&Route>, x| match best {
                        Some(b) if (b.prefix, b.kind == RouteType::Local) >= (x.prefix, x.kind == RouteType::Local) => {
                            Some(b)
                        }
                        _ => Some(x),
                    });
                match via {
                    // A local gateway on a device that is down: ENETDOWN, no message.
                    Some(v) if v.dev.and_then(|d| n.links.get(&d)).is_some_and(|l| !l.admin_up) => {
                        return Err(Errno::ENETDOWN.into())
                    }
                    Some(v) => rt.dev = v.dev,
                    None => return Err(KernelError::msg(Errno::EINVAL, "Nexthop has invalid gateway")),
                }
            }
        } else if rt.dev.is_none() && rt.kind == RouteType::Unicast {
            // No gateway and no device: fib_check_nh() finds no device.
            return Err(Errno::ENODEV.into());
        } else if !dev_up {
            return Err(KernelError::msg(Errno::ENETDOWN, "Device for nexthop is not up"));
        }
        let n = self.ns_mut(ns).ok_or_else(nodev)?;
        match n.routes.iter().position(|x| x.same_key(&rt)) {
            Some(i) if replace => n.routes.set(i, rt),
            Some(_) => return Err(Errno::EEXIST.into()),
            None => n.routes.push(rt),
        }
        Ok(())
    }

    /// `ip route del`: the first route matching every field given.
    pub fn route_del(&mut self, ns: NsId, m: &RouteMatch) -> KResult<()> {
        let n = self.ns_mut(ns).ok_or_else(nodev)?;
        if !n.tables.contains_key(&m.table) {
            return Err(KernelError::msg(Errno::ESRCH, "FIB table does not exist"));
        }
        let i = n.routes.iter().position(|x| m.matches(x)).ok_or(KernelError::new(Errno::ESRCH))?;
        n.routes.remove(i);
        Ok(())
    }
}
