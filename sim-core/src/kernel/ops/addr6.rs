//! IPv6 addresses (addrconf): add, delete, duplicate address detection
//! and lifetimes.
//!
//! DAD runs in virtual time: an address becomes usable `rtr_solicit_delay`
//! (a delay below 1 s, drawn from a hash of the address and the time, so
//! the lab's MAC sequence is untouched) plus `dad_transmits` seconds after
//! its link is ready, which is when the real kernel's single probe goes
//! unanswered (the recordings settle 1.1 to 2.1 s after `up`). It fails
//! (`dadfailed`, `tentative` stays) when a device reachable on the same
//! link already has the address, as the other host's answer to the first
//! probe would tell.

use std::net::Ipv6Addr;

use crate::kernel::addr::{IfAddr, Inet6, Scope};
use crate::kernel::link::{LinkRef, IPV6_MIN_MTU};
use crate::kernel::{Errno, KResult, Kernel, KernelError};
use crate::packet::fib6::addr_scope;

use super::nodev;

/// One DAD probe interval (`retrans_time`, 1 s).
pub(crate) const RETRANS_MS: u64 = 1000;
/// `rtr_solicit_delay`: the first probe waits a random part of it.
const SOLICIT_DELAY_MS: u64 = 1000;

/// `ipv6_addr_scope()` as an address's scope: link-local, loopback,
/// site-local, the rest global (ULAs too).
pub fn scope_of(a: Ipv6Addr) -> Scope {
    match addr_scope(a) {
        1 => Scope::Host,
        2 => Scope::Link,
        5 => Scope::Site,
        _ => Scope::Global,
    }
}

/// When a tentative address's next DAD probe goes (ms), if one is to
/// (sent by `packet/own.rs`).
#[cfg(all(feature = "mcast", feature = "ipv6"))]
pub(crate) fn dad_probe_due(a: &Inet6) -> Option<u64> {
    let at = a.dad_at_ms.filter(|_| a.dad_probes > 0 && !a.dadfailed)?;
    Some(at.saturating_sub(u64::from(a.dad_probes) * RETRANS_MS))
}

impl Kernel {
    /// `inet6_rtm_newaddr()` / `inet6_addr_add()`: `a` carries the
    /// request's flags and lifetimes; scope, tentative state and serial
    /// are the kernel's.
    pub fn addr6_add(&mut self, r: LinkRef, mut a: Inet6) -> KResult<()> {
        let l = self.link(r).ok_or_else(nodev)?;
        if l.addrs.iter().filter_map(IfAddr::v6).any(|x| x.local == a.local) {
            return Err(KernelError::msg(Errno::EEXIST, "ipv6: address already assigned"));
        }
        let conf = self.ns(r.ns).map(|n| n.conf.dev_conf(r.ifindex)).unwrap_or_default();
        if conf.disable_ipv6 != 0 {
            return Err(KernelError::msg(Errno::EACCES, "ipv6: IPv6 is disabled on this device"));
        }
        if l.mtu < IPV6_MIN_MTU {
            return Err(Errno::EINVAL.into());
        }
        if a.local.is_unspecified() || a.local.is_multicast() || (a.local.is_loopback() && !l.is_loopback()) {
            return Err(Errno::EADDRNOTAVAIL.into());
        }
        a.scope = scope_of(a.local);
        a.tentative = true;
        a.dadfailed = false;
        a.dad_at_ms = None;
        a.serial = self.next_serial();
        self.insert_addr6(r, a.clone());
        self.dad_start(r, a.local);
        // Joining its solicited-node group on a ready device (MLD, the DAD probe).
        self.nd_addr_joined(r, a.local);
        // The address's prefix (and, with nodad, local) route comes now:
        // it must exist even if the address goes before the next dump.
        self.fib6_sync(r.ns);
        Ok(())
    }

    /// `ipv6_link_dev_addr()`: before the first address of the same or a
    /// narrower scope, after every IPv4 address.
    pub(crate) fn insert_addr6(&mut self, r: LinkRef, a: Inet6) {
        let Some(l) = self.link_mut(r) else { return };
        // `ipv6_addr_src_scope()`: a wider scope lists first.
        let rank = addr_scope(a.local);
        let at =
            l.addrs.iter().position(|x| x.v6().is_some_and(|x| rank >= addr_scope(x.local))).unwrap_or(l.addrs.len());
        let local = a.local;
        l.addrs.insert(at, IfAddr::V6(a));
        self.mc_addr6_added(r, local);
    }

    /// `inet6_addr_del()`: the address with exactly this prefix length.
    pub fn addr6_del(&mut self, r: LinkRef, local: Ipv6Addr, prefix: u8) -> KResult<()> {
        let l = self.link_mut(r).ok_or_else(nodev)?;
        let pos = l
            .addrs
            .iter()
            .position(|x| x.v6().is_some_and(|v| v.local == local && v.prefix == prefix))
            .ok_or(KernelError::msg(Errno::EADDRNOTAVAIL, "ipv6: address not found"))?;
        let gone = l.addrs.remove(pos);
        if let Some(a) = gone.v6() {
            self.mc_addr6_removed(r, a.local, a.prefix, !a.tentative);
        }
        self.fib6_sync(r.ns);
        Ok(())
    }

    /// `addrconf_dad_start()` → `addrconf_dad_begin()`: done at once for
    /// `nodad`, loopback or NOARP devices and with `accept_dad` off;
    /// otherwise the probe is scheduled once the link is ready, and the
    /// address waits tentative until then.
    pub(crate) fn dad_start(&mut self, r: LinkRef, local: Ipv6Addr) {
        let Some(n) = self.ns(r.ns) else { return };
        let accept = n.conf.accept_dad(r.ifindex);
        let transmits = n.conf.dev_conf(r.ifindex).dad_transmits.max(0) as u64;
        let now = self.now_ms;
        let Some(l) = self.link_mut(r) else { return };
        let skip = l.is_loopback() || l.noarp || !accept;
        let ready = l.ipv6_ready;
        let Some(a) = l.addrs.iter_mut().filter_map(addr6_mut).find(|a| a.local == local) else { return };
        if !a.tentative || a.dadfailed {
            return;
        }
        if skip || a.nodad {
            a.tentative = false;
            a.dad_at_ms = None;
            let prefix = a.prefix;
            self.mc_addr6_settled(r, local, prefix);
            return;
        }
        if ready && a.dad_at_ms.is_none() {
            let jitter = crate::rng::mix(&[
                u128::from(local) as u64,
                (u128::from(local) >> 64) as u64,
                now,
                u64::from(r.ifindex),
            ]) % SOLICIT_DELAY_MS;
            a.dad_at_ms = Some(now + jitter + transmits * RETRANS_MS);
            a.dad_probes = transmits.min(u64::from(u8::MAX)) as u8;
            self.own_started = true;
        }
    }

    /// `addrconf_dad_run()`: the link became ready; every tentative
    /// address starts (or, with `nodad`, ends) DAD.
    pub(crate) fn dad_run(&mut self, r: LinkRef) {
        let pending: Vec<Ipv6Addr> = self
            .link(r)
            .map(|l| {
                l.addrs.iter().filter_map(IfAddr::v6).filter(|a| a.tentative && !a.dadfailed).map(|a| a.local).collect()
            })
            .unwrap_or_default();
        for a in pending {
            self.dad_start(r, a);
        }
    }

    /// The earliest time (ms) one of the device's addresses settles or
    /// expires, for the packet engine's timers.
    /// With feature `mcast`, also when it next sends something of its own
    /// (a DAD probe, a report, a solicitation: `packet/own.rs`).
    pub fn addrconf_next(&self, r: LinkRef) -> Option<u64> {
        let l = self.link(r)?;
        let addrs = l.addrs.iter().filter_map(IfAddr::v6);
        let ends = addrs.clone().flat_map(|a| [a.dad_at_ms, a.valid_until_ms]).flatten();
        #[cfg(all(feature = "mcast", feature = "ipv6"))]
        let ends = ends.chain(addrs.filter_map(dad_probe_due)).chain(l.own.next_ms());
        ends.min()
    }

    /// Whether some device may have addrconf's or its own traffic's timer
    /// due by `now_ms` (the lab lets it run before the next command looks):
    /// only if one was started since the last look ([`Kernel::own_started`]).
    #[cfg(all(feature = "mcast", feature = "ipv6"))]
    pub fn own_traffic_due(&self, now_ms: u64) -> bool {
        self.own_started && self.own_traffic_due_anywhere(now_ms)
    }

    /// Whether a timer of the kernel's own traffic was started since the
    /// lab last looked (what a line then sends is not the line's doing).
    #[cfg(all(feature = "mcast", feature = "ipv6"))]
    pub fn own_traffic_started(&self) -> bool {
        self.own_started
    }

    /// The walk through every device that [`Kernel::own_traffic_due`] saves.
    #[cfg(all(feature = "mcast", feature = "ipv6"))]
    fn own_traffic_due_anywhere(&self, now_ms: u64) -> bool {
        self.ns_ids().into_iter().filter_map(|id| self.ns(id).map(|n| (id, n))).any(|(ns, n)| {
            n.links.keys().any(|&ifindex| self.addrconf_next(LinkRef { ns, ifindex }).is_some_and(|t| t <= now_ms))
        })
    }

    /// What addrconf's timers do by `now_ms` on a device: DAD ends
    /// (succeeds, or fails on a duplicate), and addresses whose valid
    /// lifetime ran out go (`addrconf_verify()`).
    pub fn addrconf_timers(&mut self, r: LinkRef, now_ms: u64) {
        let due: Vec<Ipv6Addr> = self
            .link(r)
            .map(|l| {
                l.addrs
                    .iter()
                    .filter_map(IfAddr::v6)
                    .filter(|a| a.dad_at_ms.is_some_and(|t| t <= now_ms))
                    .map(|a| a.local)
                    .collect()
            })
            .unwrap_or_default();
        for local in due {
            let dup = self.on_link(r).into_iter().any(|o| {
                self.link(o)
                    .is_some_and(|l| l.addrs.iter().filter_map(IfAddr::v6).any(|x| x.local == local && !x.dadfailed))
            });
            let Some(l) = self.link_mut(r) else { return };
            if let Some(a) = l.addrs.iter_mut().filter_map(addr6_mut).find(|a| a.local == local) {
                a.dad_at_ms = None;
                if dup {
                    a.dadfailed = true;
                } else {
                    a.tentative = false;
                    let prefix = a.prefix;
                    self.mc_addr6_settled(r, local, prefix);
                }
            }
        }
        let expired: Vec<(Ipv6Addr, u8, bool)> = self
            .link(r)
            .map(|l| {
                l.addrs
                    .iter()
                    .filter_map(IfAddr::v6)
                    .filter(|a| a.valid_until_ms.is_some_and(|t| t <= now_ms))
                    .map(|a| (a.local, a.prefix, !a.tentative))
                    .collect()
            })
            .unwrap_or_default();
        for (local, prefix, settled) in expired {
            self.mc_addr6_removed(r, local, prefix, settled);
        }
        if let Some(l) = self.link_mut(r) {
            l.addrs.retain(|x| x.v6().is_none_or(|a| a.valid_until_ms.is_none_or(|t| t > now_ms)));
        }
        self.fib6_sync(r.ns);
    }

    /// The other devices a frame from `r` reaches on its link: a veth's
    /// peer, a bridge's ports and the bridge itself, through any number
    /// of them, each with carrier.
    pub fn on_link(&self, r: LinkRef) -> Vec<LinkRef> {
        let mut seen = vec![r];
        let mut i = 0;
        while i < seen.len() {
            let cur = seen[i];
            i += 1;
            let Some(l) = self.link(cur).filter(|l| l.carrier) else { continue };
            let mut next: Vec<LinkRef> = Vec::new();
            next.extend(l.veth_peer());
            if let Some(m) = l.master {
                next.push(LinkRef { ns: cur.ns, ifindex: m });
            }
            if l.is_bridge() {
                if let Some(n) = self.ns(cur.ns) {
                    next.extend(
                        n.links
                            .values()
                            .filter(|p| p.master == Some(cur.ifindex))
                            .map(|p| LinkRef { ns: cur.ns, ifindex: p.ifindex }),
                    );
                }
            }
            for x in next {
                if !seen.contains(&x) && self.link(x).is_some_and(|l| l.carrier) {
                    seen.push(x);
                }
            }
        }
        seen.remove(0);
        seen
    }
}

fn addr6_mut(a: &mut IfAddr) -> Option<&mut Inet6> {
    match a {
        IfAddr::V6(a) => Some(a),
        IfAddr::V4(_) => None,
    }
}
