//! IPv4 addresses: add, delete (with secondaries), flush, primary or secondary.

use std::net::Ipv4Addr;

use crate::kernel::addr::{self, IfAddr, Inet4};
use crate::kernel::link::LinkRef;
use crate::kernel::route::Proto;
use crate::kernel::{Errno, KResult, Kernel, KernelError};

use super::nodev;

impl Kernel {
    // ---- addresses ----------------------------------------------------------

    /// `ip addr add`: EEXIST for the same address and prefix.
    pub fn addr_add(&mut self, r: LinkRef, a: Inet4) -> KResult<()> {
        let l = self.link(r).ok_or_else(nodev)?;
        if l.addrs.iter().filter_map(IfAddr::v4).any(|x| x.local == a.local && x.prefix == a.prefix) {
            return Err(KernelError::msg(Errno::EEXIST, "ipv4: Address already assigned"));
        }
        let l = self.link_mut(r).ok_or_else(nodev)?;
        let v4_end = l.addrs.iter().take_while(|x| x.v4().is_some()).count();
        l.addrs.insert(v4_end, IfAddr::V4(a));
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
        if let Some(n) = self.ns_mut(r.ns) {
            n.routes.retain(|rt| {
                let uses_removed = rt.src.is_some_and(|s| removed.contains(&s));
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
