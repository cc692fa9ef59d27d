//! Joining and leaving multicast groups on a device, as IPv4
//! (`ip_mc_inc_group()`, `ip_mc_up()`/`ip_mc_down()`), IPv6
//! (`ipv6_dev_mc_inc()`, `ipv6_mc_up()`/`ipv6_mc_down()`, the solicited-node
//! groups of `addrconf_join_solict()`, `dev_forward_change()`'s all-routers
//! groups and subnet-router anycast), a bridge (its snoopers' groups) and
//! `ip maddr add|del` (SIOCADDMULTI) do it. The state is `Link::mc`
//! (`kernel/mcast.rs`).
//!
//! Only with feature `mcast` (the complete lab): the basic lab shows no
//! membership, so there every hook below is a no-op (`off.rs`).

use std::net::{Ipv4Addr, Ipv6Addr};

use crate::kernel::addr::IfAddr;
use crate::kernel::link::{LinkRef, ETH_MIN_MTU, IPV6_MIN_MTU};
use crate::kernel::mac::Mac;
use crate::kernel::mcast::{self, Group};
use crate::kernel::neigh::solicited_node;
use crate::kernel::own_traffic::{Repeats, Solicit};
use crate::kernel::{Errno, KResult, Kernel};

use super::super::nodev;

/// How long after a command linkwatch's work runs, at the least (ms).
const LINKWATCH_MS: u64 = 1;

impl Kernel {
    /// Whether IPv6 runs on the device (it has an `inet6_dev`).
    fn mc6_on(&self, r: LinkRef) -> bool {
        let off = self.ns(r.ns).is_some_and(|n| n.conf.dev_conf(r.ifindex).disable_ipv6 != 0);
        self.link(r).is_some_and(|l| l.mtu >= IPV6_MIN_MTU) && !off
    }

    /// Whether the device is IFF_MULTICAST (loopback is not).
    fn mc_capable(&self, r: LinkRef) -> bool {
        self.link(r).is_some_and(|l| l.multicast && !l.is_loopback())
    }

    /// `ipv6_dev_mc_inc()`: a user more, a new group first in the list and
    /// loaded at once.
    pub(crate) fn mc6_inc(&mut self, r: LinkRef, g: Ipv6Addr) {
        let Some(l) = self.link_mut(r) else { return };
        let lo = l.is_loopback();
        let mc = &mut l.mc;
        if let Some(x) = mc.v6.iter_mut().find(|x| x.addr == g) {
            x.users += 1;
            return;
        }
        mc.v6.insert(0, Group { addr: g, users: 1, loaded: true });
        if let Some(m) = mcast::map6(g).filter(|_| !lo) {
            mc.hw_inc(m);
        }
        if mcast::reported6(g) {
            self.mld_change(r);
        }
    }

    /// `mld_ifc_event()`: a device IPv6 configured sends its state-change
    /// reports (`kernel/own_traffic.rs`), the first at once.
    fn mld_change(&mut self, r: LinkRef) {
        let now = self.now_ms;
        if let Some(l) = self.link_mut(r).filter(|l| l.admin_up && l.ipv6_ready && !l.is_loopback()) {
            l.own.mld_change = Repeats::start(now);
            l.own.mld_change_only = None;
            self.own_started = true;
        }
    }

    /// A device became ready: addrconf learns it from linkwatch, after the
    /// command that brought the link up has returned (`ADDRCONF(NETDEV_CHANGE):
    /// link becomes ready`), so the reports that readiness starts leave no
    /// sooner than a millisecond later, not within the command's own instant.
    pub(crate) fn own_after_linkwatch(&mut self, r: LinkRef) {
        let now = self.now_ms;
        if let Some(l) = self.link_mut(r).filter(|l| l.own.mld_change.left > 0) {
            l.own.mld_change.at_ms = l.own.mld_change.at_ms.max(now + LINKWATCH_MS);
        }
    }

    /// `igmp_ifc_event()`: a device that is up reports its IPv4 groups.
    fn igmp_change(&mut self, r: LinkRef) {
        let now = self.now_ms;
        if let Some(l) = self.link_mut(r).filter(|l| l.admin_up && !l.is_loopback()) {
            l.own.igmp_change = Repeats::start(now);
            self.own_started = true;
        }
    }

    /// `ipv6_dev_mc_dec()`.
    pub(crate) fn mc6_dec(&mut self, r: LinkRef, g: Ipv6Addr) {
        let Some(l) = self.link_mut(r) else { return };
        let lo = l.is_loopback();
        let mc = &mut l.mc;
        let Some(i) = mc.v6.iter().position(|x| x.addr == g) else { return };
        mc.v6[i].users -= 1;
        if mc.v6[i].users == 0 {
            let x = mc.v6.remove(i);
            if let Some(m) = mcast::map6(g).filter(|_| x.loaded && !lo) {
                mc.hw_dec(m);
            }
        }
    }

    /// `ip_mc_inc_group()`.
    fn mc4_inc(&mut self, r: LinkRef, g: Ipv4Addr) {
        let Some(l) = self.link_mut(r) else { return };
        let lo = l.is_loopback();
        let mc = &mut l.mc;
        if let Some(x) = mc.v4.iter_mut().find(|x| x.addr == g) {
            x.users += 1;
            return;
        }
        mc.v4.insert(0, Group { addr: g, users: 1, loaded: true });
        if !lo {
            mc.hw_inc(mcast::map4(g));
        }
        if g != mcast::ALL_HOSTS {
            self.igmp_change(r);
        }
    }

    /// `ip_mc_dec_group()`.
    fn mc4_dec(&mut self, r: LinkRef, g: Ipv4Addr) {
        let Some(l) = self.link_mut(r) else { return };
        let lo = l.is_loopback();
        let mc = &mut l.mc;
        let Some(i) = mc.v4.iter().position(|x| x.addr == g) else { return };
        mc.v4[i].users -= 1;
        if mc.v4[i].users == 0 {
            let x = mc.v4.remove(i);
            if x.loaded && !lo {
                mc.hw_dec(mcast::map4(g));
            }
        }
    }

    /// A device registered in a namespace (made, or moved there: a move
    /// flushes its lists): `ipv6_add_dev()` joins the all-nodes groups, and
    /// link-local all-routers on a router.
    pub(crate) fn mc_register(&mut self, r: LinkRef) {
        let Some(l) = self.link_mut(r) else { return };
        l.mc = Default::default();
        if self.mc6_on(r) {
            self.mc6_inc(r, mcast::ALL_NODES_IF);
            self.mc6_inc(r, mcast::ALL_NODES);
            if self.forwards6(r) && self.mc_capable(r) {
                self.mc6_inc(r, mcast::ALL_ROUTERS);
            }
        }
    }

    /// NETDEV_UP: a bridge opens (its snoopers' groups), then IPv4's
    /// `ip_mc_up()` loads its groups and joins all-hosts.
    pub(crate) fn mc_up(&mut self, r: LinkRef) {
        let Some(l) = self.link(r) else { return };
        let (bridge, v4) = (l.is_bridge(), l.mtu >= ETH_MIN_MTU);
        if bridge {
            if v4 {
                self.mc4_inc(r, mcast::ALL_SNOOPERS4);
            }
            if self.mc6_on(r) {
                self.mc6_inc(r, mcast::ALL_SNOOPERS);
            }
        }
        if v4 {
            self.mc4_load(r, true);
            self.mc4_inc(r, mcast::ALL_HOSTS);
        }
        // ip_mc_up(): groups joined while it was down are reported now.
        if self.link(r).is_some_and(|l| l.mc.v4.iter().any(|g| g.addr != mcast::ALL_HOSTS)) {
            self.igmp_change(r);
        }
    }

    /// NETDEV_DOWN: `ip_mc_down()` unloads IPv4's groups and leaves
    /// all-hosts, and a bridge stops snooping. (IPv6's part, its addresses
    /// and their groups, is `Kernel::ipv6_down`'s.)
    pub(crate) fn mc_down(&mut self, r: LinkRef) {
        let Some(l) = self.link(r) else { return };
        let bridge = l.is_bridge();
        // Its timers stop (`ip_mc_down()`, `ipv6_mc_down()`, addrconf's).
        if let Some(l) = self.link_mut(r) {
            l.own = Default::default();
        }
        self.mc4_load(r, false);
        self.mc4_dec(r, mcast::ALL_HOSTS);
        if bridge {
            self.mc4_dec(r, mcast::ALL_SNOOPERS4);
            self.mc6_dec(r, mcast::ALL_SNOOPERS);
        }
    }

    fn mc4_load(&mut self, r: LinkRef, on: bool) {
        let Some(l) = self.link_mut(r) else { return };
        let lo = l.is_loopback();
        let mc = &mut l.mc;
        for i in 0..mc.v4.len() {
            if mc.v4[i].loaded != on {
                mc.v4[i].loaded = on;
                let m = mcast::map4(mc.v4[i].addr);
                match (on, lo) {
                    (_, true) => {}
                    (true, false) => mc.hw_inc(m),
                    (false, false) => mc.hw_dec(m),
                }
            }
        }
    }

    /// `ipv6_mc_up()` (a device became ready) or `ipv6_mc_down()`: every
    /// group's hardware address loaded, in list order, or unloaded.
    pub(crate) fn mc6_load(&mut self, r: LinkRef, on: bool) {
        let Some(l) = self.link_mut(r) else { return };
        let lo = l.is_loopback();
        let mc = &mut l.mc;
        for i in 0..mc.v6.len() {
            if mc.v6[i].loaded != on {
                mc.v6[i].loaded = on;
                match mcast::map6(mc.v6[i].addr).filter(|_| !lo) {
                    Some(m) if on => mc.hw_inc(m),
                    Some(m) => mc.hw_dec(m),
                    None => {}
                }
            }
        }
    }

    /// IPv6 went from the device (`disable_ipv6`, an MTU below 1280): its
    /// `inet6_dev`'s lists go with it (`ipv6_mc_destroy_dev()`).
    pub(crate) fn mc6_destroy(&mut self, r: LinkRef) {
        let groups: Vec<(Ipv6Addr, u32)> =
            self.link(r).map(|l| l.mc.v6.iter().map(|g| (g.addr, g.users)).collect()).unwrap_or_default();
        for (g, users) in groups {
            for _ in 0..users {
                self.mc6_dec(r, g);
            }
        }
        if let Some(l) = self.link_mut(r) {
            l.mc.anycast.clear();
            l.own.stop_ipv6();
        }
    }

    /// IPv4 went from the device (an MTU below 68): its `in_device`'s
    /// groups with it.
    pub(crate) fn mc4_destroy(&mut self, r: LinkRef) {
        let groups: Vec<(Ipv4Addr, u32)> =
            self.link(r).map(|l| l.mc.v4.iter().map(|g| (g.addr, g.users)).collect()).unwrap_or_default();
        for (g, users) in groups {
            for _ in 0..users {
                self.mc4_dec(r, g);
            }
        }
    }

    /// An MTU large enough again brings a family back with its first
    /// groups (`ipv6_add_dev()`; `inetdev_init()` and, on a device that is
    /// up, `ip_mc_up()`). A family that is on always has a group.
    pub(crate) fn mc_revive(&mut self, r: LinkRef) {
        let Some(l) = self.link(r) else { return };
        let (up, v4_back) = (l.admin_up, l.mtu >= ETH_MIN_MTU && l.mc.v4.is_empty());
        if self.mc6_on(r) && l.mc.v6.is_empty() {
            self.mc6_inc(r, mcast::ALL_NODES_IF);
            self.mc6_inc(r, mcast::ALL_NODES);
            if self.forwards6(r) && self.mc_capable(r) {
                self.mc6_inc(r, mcast::ALL_ROUTERS);
            }
        }
        if v4_back && up {
            self.mc4_inc(r, mcast::ALL_HOSTS);
        }
    }

    /// An IPv6 address came (`addrconf_join_solict()`: not on loopback or
    /// NOARP devices).
    pub(crate) fn mc_addr6_added(&mut self, r: LinkRef, local: Ipv6Addr) {
        if self.link(r).is_some_and(|l| !l.is_loopback() && !l.noarp) {
            self.mc6_inc(r, solicited_node(local));
        }
    }

    /// An IPv6 address went: its solicited-node group, and on a router
    /// its subnet-router anycast if it had joined it (settled).
    pub(crate) fn mc_addr6_removed(&mut self, r: LinkRef, local: Ipv6Addr, prefix: u8, settled: bool) {
        if settled && self.forwards6(r) {
            self.anycast_leave(r, local, prefix);
        }
        if self.link(r).is_some_and(|l| !l.is_loopback() && !l.noarp) {
            self.mc6_dec(r, solicited_node(local));
        }
    }

    /// An address became usable (DAD done, or none): a router joins its
    /// subnet-router anycast (`__ipv6_ifa_notify()`).
    pub(crate) fn mc_addr6_settled(&mut self, r: LinkRef, local: Ipv6Addr, prefix: u8) {
        if self.forwards6(r) {
            self.anycast_join(r, local, prefix);
        }
        if local.is_unicast_link_local() {
            self.lladdr_settled(r, local);
        }
    }

    /// `addrconf_dad_completed()` for a device's first usable link-local
    /// address (`ipv6_lonely_lladdr()`): MLD's reports again, from it now
    /// (`ipv6_mc_dad_complete()`), and a host (`ipv6_accept_ra()`:
    /// forwarding off) starts soliciting routers, the first at once.
    fn lladdr_settled(&mut self, r: LinkRef, local: Ipv6Addr) {
        let now = self.now_ms;
        let conf = self.ns(r.ns).map(|n| n.conf.dev_conf(r.ifindex)).unwrap_or_default();
        let Some(l) = self.link_mut(r).filter(|l| l.admin_up && l.ipv6_ready && l.multicast && !l.is_loopback()) else {
            return;
        };
        let lonely = !l
            .addrs
            .iter()
            .filter_map(IfAddr::v6)
            .any(|a| a.local != local && a.local.is_unicast_link_local() && !a.tentative && !a.dadfailed);
        if !lonely {
            return;
        }
        l.own.mld_dad = Repeats::start(now);
        if conf.forwarding6 == 0 && conf.router_solicitations != 0 {
            let interval = u64::try_from(conf.router_solicitation_interval.max(0)).unwrap_or(0) * 1000;
            l.own.rs = Some(Solicit::first(now, interval, u64::from(r.ifindex)));
        }
        self.own_started = true;
    }

    /// `addrconf_join_anycast()`: the address's prefix with the host part
    /// zero, not for /127 and /128, nor for the unspecified address.
    fn anycast_of(local: Ipv6Addr, prefix: u8) -> Option<Ipv6Addr> {
        let a = Ipv6Addr::from(u128::from(local) & crate::kernel::route6::mask6(prefix));
        (prefix < 127 && !a.is_unspecified()).then_some(a)
    }

    fn anycast_join(&mut self, r: LinkRef, local: Ipv6Addr, prefix: u8) {
        let Some(a) = Self::anycast_of(local, prefix) else { return };
        let Some(l) = self.link_mut(r) else { return };
        if let Some(x) = l.mc.anycast.iter_mut().find(|x| x.0 == a) {
            x.1 += 1;
            return;
        }
        l.mc.anycast.push((a, 1));
        let group = solicited_node(a);
        let new = !l.mc.v6.iter().any(|x| x.addr == group);
        self.mc6_inc(r, group);
        // Recorded (`ipv6/own-traffic`): the reports this join starts name
        // its group alone, where an address's join reports every group.
        if let Some(l) = self.link_mut(r).filter(|l| new && l.own.mld_change.left > 0) {
            l.own.mld_change_only = Some(group);
        }
    }

    fn anycast_leave(&mut self, r: LinkRef, local: Ipv6Addr, prefix: u8) {
        let Some(a) = Self::anycast_of(local, prefix) else { return };
        let Some(l) = self.link_mut(r) else { return };
        let Some(i) = l.mc.anycast.iter().position(|x| x.0 == a) else { return };
        l.mc.anycast[i].1 -= 1;
        if l.mc.anycast[i].1 == 0 {
            l.mc.anycast.remove(i);
            self.mc6_dec(r, solicited_node(a));
        }
    }

    /// `dev_forward_change()`: the device became a router (or stopped
    /// being one): the all-routers groups, then each usable address's
    /// subnet-router anycast.
    pub(crate) fn mc_forward_change(&mut self, r: LinkRef, on: bool) {
        if !self.mc6_on(r) {
            return;
        }
        if self.mc_capable(r) {
            for g in [mcast::ALL_ROUTERS, mcast::ALL_ROUTERS_IF, mcast::ALL_ROUTERS_SITE] {
                if on {
                    self.mc6_inc(r, g);
                } else {
                    self.mc6_dec(r, g);
                }
            }
        }
        let settled: Vec<(Ipv6Addr, u8)> = self
            .link(r)
            .map(|l| {
                l.addrs.iter().filter_map(IfAddr::v6).filter(|a| !a.tentative).map(|a| (a.local, a.prefix)).collect()
            })
            .unwrap_or_default();
        for (local, prefix) in settled {
            if on {
                self.anycast_join(r, local, prefix);
            } else {
                self.anycast_leave(r, local, prefix);
            }
        }
    }

    /// `ip maddr add|del LLADDR dev X` (SIOCADDMULTI/SIOCDELMULTI):
    /// `dev_mc_add_global()` holds the entry once however often it is
    /// asked; deleting what it does not hold is ENOENT. Loopback has no
    /// filter list to change (EINVAL).
    pub fn maddr_change(&mut self, r: LinkRef, mac: Mac, add: bool) -> KResult<()> {
        let l = self.link_mut(r).ok_or_else(nodev)?;
        if l.is_loopback() {
            return Err(Errno::EINVAL.into());
        }
        let hw = &mut l.mc.hw;
        let at = hw.iter().position(|h| h.mac == mac);
        match (add, at) {
            (true, Some(i)) if !hw[i].global => {
                hw[i].global = true;
                hw[i].users += 1;
            }
            (true, Some(_)) => {}
            (true, None) => hw.push(mcast::HwAddr { mac, users: 1, global: true }),
            (false, Some(i)) if hw[i].global => {
                hw[i].global = false;
                hw[i].users -= 1;
                if hw[i].users == 0 {
                    hw.remove(i);
                }
            }
            (false, _) => return Err(Errno::ENOENT.into()),
        }
        Ok(())
    }
}
