//! IPv4 addresses: add, delete (with secondaries), flush, primary or secondary.

use std::net::Ipv4Addr;

use crate::kernel::addr::{self, IfAddr, Inet4};
use crate::kernel::link::LinkRef;
use crate::kernel::route::Proto;
use crate::kernel::{Errno, KResult, Kernel, KernelError};

use super::nodev;

impl Kernel {
    // ---- addresses ----------------------------------------------------------

    /// `ip addr add`, placed as `inet_insert_ifa()` places it: an address in
    /// the subnet of one already there (same prefix length) is a secondary
    /// and goes last; a primary goes after the last primary whose scope is
    /// at least as narrow (so `127.0.0.1`, scope host, goes before global ones).
    pub fn addr_add(&mut self, r: LinkRef, a: Inet4) -> KResult<()> {
        let l = self.link(r).ok_or_else(nodev)?;
        if !l.inet_enabled() {
            return Err(nodev());
        }
        let v4: Vec<&Inet4> = l.addrs.iter().filter_map(IfAddr::v4).collect();
        let mut insert_at = 0;
        let mut secondary = false;
        for (i, x) in v4.iter().enumerate() {
            if self.is_primary(r, x) && a.scope.value() <= x.scope.value() {
                insert_at = i + 1;
            }
            if x.prefix == a.prefix && addr::in_prefix(x.local, a.local, a.prefix) {
                if x.local == a.local {
                    return Err(KernelError::msg(Errno::EEXIST, "ipv4: Address already assigned"));
                }
                if x.scope != a.scope {
                    return Err(Errno::EINVAL.into());
                }
                secondary = true;
            }
        }
        if secondary {
            insert_at = v4.len();
        }
        let l = self.link_mut(r).ok_or_else(nodev)?;
        l.addrs.insert(insert_at, IfAddr::V4(a));
        self.fib_add_ifaddrs(r);
        Ok(())
    }

    /// `ip addr del`: `prefix` `None` matches any prefix length.
    pub fn addr_del(&mut self, r: LinkRef, local: Ipv4Addr, prefix: Option<u8>) -> KResult<()> {
        let l = self.link(r).ok_or_else(nodev)?;
        let pos = l
            .addrs
            .iter()
            .position(|x| x.v4().is_some_and(|v| v.local == local && prefix.is_none_or(|p| p == v.prefix)))
            .ok_or(KernelError::msg(Errno::EADDRNOTAVAIL, "ipv4: Address not found"))?;
        let gone = match &l.addrs[pos] {
            IfAddr::V4(v) => v.clone(),
            IfAddr::V6(_) => return Err(KernelError::msg(Errno::EADDRNOTAVAIL, "ipv4: Address not found")),
        };
        let primary = self.is_primary(r, &gone);
        let l = self.link_mut(r).ok_or_else(nodev)?;
        l.addrs.remove(pos);
        let mut removed = vec![gone.local];
        if primary {
            // promote_secondaries is off: the subnet's secondaries go too.
            l.addrs.retain(|x| match x.v4() {
                Some(o) if o.prefix == gone.prefix && addr::in_prefix(o.local, gone.local, gone.prefix) => {
                    removed.push(o.local);
                    false
                }
                _ => true,
            });
        }
        self.fib_del_ifaddrs(r, &removed);
        Ok(())
    }

    /// `ip addr flush dev X`: every address, both families.
    pub fn addr_flush(&mut self, r: LinkRef) -> KResult<()> {
        let l = self.link_mut(r).ok_or_else(nodev)?;
        let removed: Vec<Ipv4Addr> = l.addrs.iter().filter_map(IfAddr::v4).map(|a| a.local).collect();
        l.addrs.clear();
        self.fib_del_ifaddrs(r, &removed);
        Ok(())
    }

    /// After addresses went away: drop the kernel routes they made and every
    /// route that used one of them as source (`fib_del_ifaddr`,
    /// `fib_sync_down_addr`); the remaining addresses' routes stay.
    pub(crate) fn fib_del_ifaddrs(&mut self, r: LinkRef, removed: &[Ipv4Addr]) {
        // The last IPv4 address gone disables IP on the device: every route
        // through it goes (fib_disable_ip with force).
        let last = self.link(r).is_some_and(|l| !l.addrs.iter().any(|a| a.v4().is_some()));
        // fib_sync_down_addr(): routes that use an address as their source
        // go only once no device of the namespace has it any more.
        let still_here = |n: &crate::kernel::netns::Namespace, a: &Ipv4Addr| {
            n.links.values().any(|l| l.addrs.iter().filter_map(IfAddr::v4).any(|x| x.local == *a))
        };
        let gone: Vec<Ipv4Addr> =
            self.ns(r.ns).map(|n| removed.iter().filter(|a| !still_here(n, a)).copied().collect()).unwrap_or_default();
        if let Some(n) = self.ns_mut(r.ns) {
            if last {
                n.routes.retain(|rt| rt.dev != Some(r.ifindex));
                n.neighs.retain(|ne| ne.dev != r.ifindex);
            }
            n.routes.retain(|rt| {
                let uses_removed = rt.src.is_some_and(|s| gone.contains(&s));
                let kernel_on_dev = rt.proto == Proto::Kernel && rt.dev == Some(r.ifindex);
                !(uses_removed || kernel_on_dev)
            });
        }
        self.fib_add_ifaddrs(r);
    }

    /// Whether `a` is primary: no earlier address on the device covers its subnet.
    pub fn is_primary(&self, r: LinkRef, a: &Inet4) -> bool {
        let Some(l) = self.link(r) else { return true };
        for x in l.addrs.iter().filter_map(IfAddr::v4) {
            if x.local == a.local && x.prefix == a.prefix {
                return true;
            }
            if x.prefix == a.prefix && addr::in_prefix(a.local, x.local, x.prefix) {
                return false;
            }
        }
        true
    }
}
