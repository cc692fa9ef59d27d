//! What the kernel does when asked to add, change or delete a neighbour
//! entry (`neigh_add()`, `neigh_delete()` in net/core/neighbour.c), for
//! ARP's table and neighbour discovery's alike, and the IPv6 entries it
//! makes and forgets by itself: a multicast group's NOARP entry
//! (`ndisc_constructor()`), left behind when the kernel sends its own
//! packets to a group (MLD reports, DAD probes, router solicitations),
//! and every IPv6 entry of a device whose IPv6 goes (`addrconf_ifdown()`).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::super::link::{LinkRef, IPV6_MIN_MTU};
use super::super::neigh::{ipv6_mc_mac, solicited_node, Neigh, NudState, ALL_MLDV2_ROUTERS, ALL_ROUTERS};
use super::super::{Errno, KResult, Kernel, KernelError, NsId};
use super::nodev;

/// How an RTM_NEWNEIGH's flags ask for the entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NeighWrite {
    /// NLM_F_CREATE | NLM_F_EXCL (`ip neigh add`): EEXIST if it is there.
    Add,
    /// NLM_F_CREATE | NLM_F_REPLACE (`ip neigh replace`).
    Replace,
    /// NLM_F_REPLACE alone (`ip neigh change`): ENOENT if it is not there.
    Change,
}

impl Kernel {
    /// `neigh_add()`: `req` is the entry asked for (its `updated_ms` is
    /// the kernel's to set). A proxy entry is made if missing and never
    /// refused for being there; any other entry is checked, then written.
    pub fn neigh_add(&mut self, ns: NsId, req: &Neigh, how: NeighWrite) -> KResult<()> {
        let now = self.now_ms;
        let n = self.ns_mut(ns).ok_or_else(nodev)?;
        // Device 0 is none; any other must exist.
        if req.dev != 0 && !n.links.contains_key(&req.dev) {
            return Err(nodev());
        }
        if req.proxy {
            // pneigh_lookup(create): neighbour discovery's constructor
            // (`pndisc_constructor()`) wants a device; ARP's takes none.
            if req.dst.is_ipv6() && req.dev == 0 {
                return Err(Errno::ENOBUFS.into());
            }
            let there = n.neighs.iter().any(|e| e.proxy && e.dev == req.dev && e.dst == req.dst);
            if !there {
                n.neighs.push(Neigh { updated_ms: now, ..req.clone() });
            }
            return Ok(());
        }
        let Some(dev) = n.links.get(&req.dev) else {
            return Err(KernelError::msg(Errno::EINVAL, "Device not specified"));
        };
        if req.dst.is_ipv4() && dev.is_loopback() {
            return Self::neigh_add_loopback4(n, req, now);
        }
        // `ndisc_allow_add()`: no inet6_dev, or IPv6 switched off on it.
        if req.dst.is_ipv6() && (n.conf.dev_conf(req.dev).disable_ipv6 != 0 || dev.mtu < IPV6_MIN_MTU) {
            return Err(KernelError::msg(Errno::EINVAL, "IPv6 is disabled on this device"));
        }
        let pos = n.neighs.iter().position(|e| e.is(req.dev, req.dst));
        match (pos, how) {
            (None, NeighWrite::Change) => return Err(Errno::ENOENT.into()),
            (Some(_), NeighWrite::Add) => return Err(Errno::EEXIST.into()),
            _ => {}
        }
        // `__neigh_update()`: without a new address a valid entry keeps its
        // own; a valid state needs one.
        let old = pos.map(|i| &n.neighs[i]).filter(|e| e.state.valid()).and_then(|e| e.lladdr);
        let lladdr = req.lladdr.or(old);
        if lladdr.is_none() && req.state.valid() {
            return Err(KernelError::msg(Errno::EINVAL, "No link layer address given"));
        }
        let entry = Neigh { lladdr, updated_ms: now, ..req.clone() };
        match pos {
            Some(i) => n.neighs[i] = entry,
            None => n.neighs.push(entry),
        }
        Ok(())
    }

    /// Linux keys every IPv4 neighbour of a loopback device as 0.0.0.0
    /// (`__ipv4_neigh_lookup_noref`) and needs no link-layer address
    /// there: an add creates or updates that one entry, with the device's
    /// own (zero) address unless one is given.
    fn neigh_add_loopback4(n: &mut super::super::netns::Namespace, req: &Neigh, now: u64) -> KResult<()> {
        let dst = IpAddr::V4(Ipv4Addr::UNSPECIFIED);
        let mac = n.links.get(&req.dev).map(|l| l.mac);
        match n.neighs.iter_mut().find(|e| e.is(req.dev, dst)) {
            Some(e) => {
                e.state = req.state;
                e.updated_ms = now;
                if req.lladdr.is_some() {
                    e.lladdr = req.lladdr;
                }
            }
            None => n.neighs.push(Neigh { dst, lladdr: req.lladdr.or(mac), updated_ms: now, ..req.clone() }),
        }
        Ok(())
    }

    /// `neigh_delete()`: the entry (or with `proxy` the proxy entry) for
    /// `dst` on `dev`; ENOENT if there is none, ENODEV if `dev` (not 0) is gone.
    pub fn neigh_del(&mut self, ns: NsId, dev: u32, dst: IpAddr, proxy: bool) -> KResult<()> {
        let n = self.ns_mut(ns).ok_or_else(nodev)?;
        if dev != 0 && !n.links.contains_key(&dev) {
            return Err(nodev());
        }
        let i = n
            .neighs
            .iter()
            .position(|e| e.dev == dev && e.dst == dst && e.proxy == proxy)
            .ok_or(KernelError::new(Errno::ENOENT))?;
        n.neighs.remove(i);
        Ok(())
    }

    /// `ndisc_constructor()` for a multicast destination: the NOARP entry
    /// with the group's mapped Ethernet address that sending to `group` on
    /// a device leaves (kept until the device or its IPv6 goes).
    pub(crate) fn nd_mc_entry(&mut self, r: LinkRef, group: Ipv6Addr) {
        let now = self.now_ms;
        let Some(n) = self.ns_mut(r.ns) else { return };
        let dst = IpAddr::V6(group);
        if n.neighs.iter().any(|e| e.is(r.ifindex, dst)) {
            return;
        }
        let lladdr = Some(ipv6_mc_mac(group));
        n.neighs.push(Neigh {
            dst,
            dev: r.ifindex,
            lladdr,
            state: NudState::Noarp,
            updated_ms: now,
            proxy: false,
            router: false,
        });
    }

    /// What IPv6 sends when a device becomes ready (up, with carrier) and
    /// gets its addresses going, as entries it leaves: for each address
    /// what [`Kernel::nd_addr_joined`] leaves, and from a host (IPv6
    /// forwarding off) with a link-local address a router solicitation
    /// (`ff02::2`). A device with no address joins no group and sends
    /// nothing.
    ///
    /// The kernel spreads these over the first two seconds (the probe after
    /// a random delay below 1 s, the solicitation once the link-local
    /// address settled); the recordings look after `sleep 3`, so they are
    /// made at once, and the solicitation's even if DAD is to fail.
    pub(crate) fn ipv6_announce(&mut self, r: LinkRef) {
        let Some(l) = self.link(r).filter(|l| !l.is_loopback()) else { return };
        let addrs: Vec<(Ipv6Addr, bool)> = l
            .addrs
            .iter()
            .filter_map(|a| a.v6())
            .map(|a| (a.local, a.local.is_unicast_link_local() && !a.dadfailed))
            .collect();
        for (a, _) in &addrs {
            self.nd_addr_joined(r, *a);
        }
        if addrs.iter().any(|(_, ll)| *ll) && self.is_ipv6_host(r) {
            self.nd_mc_entry(r, ALL_ROUTERS);
        }
    }

    /// An address of a ready device joined its solicited-node group: the
    /// MLD report (`ff02::16`) and, while DAD is scheduled for it, DAD's
    /// probe to that group leave their entries. (`addr6_add` on a ready
    /// device is to call this too.)
    pub(crate) fn nd_addr_joined(&mut self, r: LinkRef, local: Ipv6Addr) {
        let Some(l) = self.link(r).filter(|l| !l.is_loopback() && l.ipv6_ready) else { return };
        let probing = l.addrs.iter().filter_map(|a| a.v6()).any(|a| a.local == local && a.dad_at_ms.is_some());
        self.nd_mc_entry(r, ALL_MLDV2_ROUTERS);
        if probing {
            self.nd_mc_entry(r, solicited_node(local));
        }
    }

    /// Whether the device solicits routers: `ipv6_accept_ra()` with
    /// `accept_ra` 1 (not modelled), that is IPv6 forwarding off.
    fn is_ipv6_host(&self, r: LinkRef) -> bool {
        self.ns(r.ns).is_some() && !self.forwards6(r)
    }

    /// Whether the device is an IPv6 router (its `forwarding`).
    pub(crate) fn forwards6(&self, r: LinkRef) -> bool {
        self.ns(r.ns).is_some_and(|n| n.conf.dev_conf(r.ifindex).forwarding6 != 0)
    }

    /// A configured device got its carrier back (addrconf's NETDEV_CHANGE
    /// on a device already ready): MLD reports again (`ipv6_mc_up()`), and
    /// the router solicitations, which go on every few seconds
    /// (`router_solicitations` -1), remake their entry; no DAD runs.
    pub(crate) fn ipv6_carrier_back(&mut self, r: LinkRef) {
        let Some(l) = self.link(r).filter(|l| !l.is_loopback() && l.admin_up) else { return };
        let has_ll = l.addrs.iter().filter_map(|a| a.v6()).any(|a| a.local.is_unicast_link_local() && !a.dadfailed);
        if !l.addrs.iter().any(|a| a.v6().is_some()) {
            return;
        }
        self.nd_mc_entry(r, ALL_MLDV2_ROUTERS);
        if has_ll && self.is_ipv6_host(r) {
            self.nd_mc_entry(r, ALL_ROUTERS);
        }
    }

    /// `addrconf_ifdown()`'s `neigh_ifdown(&nd_tbl, dev)`: IPv6 going away
    /// on a device (`disable_ipv6`, an MTU below 1280) takes every IPv6
    /// entry of it, permanent and proxy ones too.
    pub(crate) fn nd_ifdown(&mut self, r: LinkRef) {
        if let Some(n) = self.ns_mut(r.ns) {
            n.neighs.retain(|e| e.dev != r.ifindex || e.dst.is_ipv4());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::mac::Mac;

    fn req(dst: &str, dev: u32, proxy: bool) -> Neigh {
        let lladdr = Some(Mac([2, 0, 0, 0, 0, 9]));
        let state = NudState::Permanent;
        Neigh { dst: dst.parse().unwrap(), dev, lladdr, state, updated_ms: 0, proxy, router: false }
    }

    #[test]
    fn devices_and_proxy_entries_as_neigh_add_takes_them() {
        let mut k = Kernel::new(1);
        let br = k.add_bridge(NsId::HOST, Some("br0"), &Default::default()).unwrap();
        let h = NsId::HOST;
        let errno = |r: KResult<()>| r.unwrap_err().errno;
        assert_eq!(errno(k.neigh_add(h, &req("2001:db8::1", 99, false), NeighWrite::Add)), Errno::ENODEV);
        assert_eq!(errno(k.neigh_add(h, &req("2001:db8::1", 0, true), NeighWrite::Add)), Errno::ENOBUFS);
        // ARP's proxy entries may go without a device; a second add is no error.
        for _ in 0..2 {
            k.neigh_add(h, &req("10.0.0.5", 0, true), NeighWrite::Add).unwrap();
        }
        // A neighbour and a proxy entry of the same address are two entries.
        k.neigh_add(h, &req("2001:db8::1", br, true), NeighWrite::Add).unwrap();
        k.neigh_add(h, &req("2001:db8::1", br, false), NeighWrite::Add).unwrap();
        assert_eq!(errno(k.neigh_add(h, &req("2001:db8::1", br, false), NeighWrite::Add)), Errno::EEXIST);
        assert_eq!(k.ns(h).unwrap().neighs.len(), 3);
        assert_eq!(k.check_invariants(), Ok(()));
        k.neigh_del(h, br, "2001:db8::1".parse().unwrap(), false).unwrap();
        assert!(k.ns(h).unwrap().neighs.iter().any(|e| e.proxy && e.dev == br));
        // `change` makes nothing: the proxy entry is not the neighbour.
        assert_eq!(errno(k.neigh_add(h, &req("2001:db8::1", br, false), NeighWrite::Change)), Errno::ENOENT);
    }
}
