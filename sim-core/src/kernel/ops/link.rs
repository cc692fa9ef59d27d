//! Devices: creating veths and bridges, `ip link set` in do_setlink's order,
//! moves between namespaces, up/down with carrier and IPv6 that follow.

use std::net::Ipv4Addr;

use crate::kernel::addr::{self, IfAddr, Inet4, Inet6, Scope};
use crate::kernel::link::AddrGenMode;
use crate::kernel::link::{Bridge, Link, LinkAttrs, LinkKind, LinkRef, PortState};
use crate::kernel::route::RouteType;
use crate::kernel::{Errno, KResult, Kernel, KernelError, NsId};

use super::names::check_policy;
use super::{nodev, LinkChange};

/// 127.0.0.1/8 (labelled with the device's name where it is given).
fn loopback4() -> Inet4 {
    Inet4 { local: Ipv4Addr::LOCALHOST, prefix: 8, broadcast: None, scope: Scope::Host, label: "lo".into() }
}

impl Kernel {
    // ---- links ------------------------------------------------------------

    pub(crate) fn new_link(&mut self, ns: NsId, name: &str, kind: LinkKind) -> u32 {
        let mac = self.random_mac();
        let serial = self.next_serial();
        let n = self.ns_mut(ns).expect("namespace exists");
        let ifindex = n.alloc_ifindex();
        n.attach(Link::new(ifindex, name, kind, mac, serial));
        n.conf.add_dev(ifindex);
        self.mc_register(LinkRef { ns, ifindex });
        ifindex
    }

    /// Two physical cards joined by a cable (a lab preset's `eth0` and the
    /// port of the router beyond it), each registered in its namespace
    /// with the first free index: their (a, b) indexes. Names must be free.
    #[cfg(feature = "presets")]
    pub fn add_cable(
        &mut self,
        a: (NsId, &str),
        b: (NsId, &str),
        model: &'static crate::kernel::link::NicModel,
    ) -> KResult<(u32, u32)> {
        for (ns, name) in [a, b] {
            if self.ns(ns).is_none() {
                return Err(Errno::EINVAL.into());
            }
            if self.name_in_use(ns, name) {
                return Err(Errno::EEXIST.into());
            }
        }
        let nic = || LinkKind::Nic(crate::kernel::link::Nic { wire: None, model });
        let ai = self.new_link(a.0, a.1, nic());
        let bi = self.new_link(b.0, b.1, nic());
        let (ar, br) = (LinkRef { ns: a.0, ifindex: ai }, LinkRef { ns: b.0, ifindex: bi });
        for (me, other) in [(ar, br), (br, ar)] {
            if let Some(LinkKind::Nic(n)) = self.link_mut(me).map(|l| &mut l.kind) {
                n.wire = Some(other);
            }
        }
        Ok((ai, bi))
    }

    /// Checks creation attributes as `rtnl_create_link()` and `dev_set_mtu()`
    /// would, before anything is made.
    fn check_attrs(kind: &LinkKind, a: &LinkAttrs) -> KResult<()> {
        let probe = Link::new(0, "", kind.clone(), crate::kernel::mac::Mac::ZERO, 0);
        if let Some(m) = a.mtu {
            if m < probe.min_mtu() || (probe.max_mtu() != 0 && m > probe.max_mtu()) {
                return Err(Errno::EINVAL.into());
            }
        }
        if a.address.is_some_and(|m| !m.is_valid_ether()) {
            return Err(Errno::EADDRNOTAVAIL.into());
        }
        Ok(())
    }

    /// Gives a new device its creation attributes (the up flag aside).
    fn apply_attrs(&mut self, r: LinkRef, a: &LinkAttrs) {
        let Some(l) = self.link_mut(r) else { return };
        if let Some(m) = a.mtu {
            l.mtu = m;
            if let Some(b) = l.bridge_mut() {
                b.mtu_set = true;
            }
        }
        if let Some(mac) = a.address {
            l.mac = mac;
            if let Some(b) = l.bridge_mut() {
                b.mac_set = true;
                b.id = mac;
            }
        }
        if let Some(q) = a.txqlen {
            l.txqlen = q;
        }
    }

    /// `ip link add NAME type veth peer name PEER [netns NS]`, as
    /// `rtnl_newlink()` and `veth_newlink()` do it: a NAME already in use is
    /// refused first; then the peer is registered (its name checked, or the
    /// first free `veth%d`), then the device (likewise). A device that cannot
    /// be registered takes its peer away again, but the peer's ifindex was
    /// used.
    pub fn add_veth(
        &mut self,
        ns: NsId,
        name: Option<&str>,
        attrs: &LinkAttrs,
        peer_ns: NsId,
        peer: Option<&str>,
        peer_attrs: &LinkAttrs,
    ) -> KResult<(u32, u32)> {
        if self.ns(ns).is_none() || self.ns(peer_ns).is_none() {
            return Err(Errno::EINVAL.into());
        }
        check_policy(name)?;
        check_policy(peer)?;
        if name.is_some_and(|d| self.name_in_use(ns, d)) {
            return Err(Errno::EEXIST.into());
        }
        let veth = LinkKind::Veth { peer: None };
        Self::check_attrs(&veth, attrs)?;
        Self::check_attrs(&veth, peer_attrs)?;
        let peer_name = self.valid_name(peer_ns, peer.unwrap_or("veth%d"), None)?;
        let taken_too = (ns == peer_ns).then_some(peer_name.as_str());
        let dev_name = match (peer_attrs.up, self.valid_name(ns, name.unwrap_or("veth%d"), taken_too)) {
            // The peer cannot be opened before the pair is tied.
            (true, _) => Err(KernelError::new(Errno::ENOTCONN)),
            (false, r) => r,
        };
        let dev_name = match dev_name {
            Ok(n) => n,
            Err(e) => {
                // The peer was registered and unregistered again.
                if let Some(n) = self.ns_mut(peer_ns) {
                    n.alloc_ifindex();
                }
                return Err(e);
            }
        };
        let p = self.new_link(peer_ns, &peer_name, LinkKind::Veth { peer: None });
        let d = self.new_link(ns, &dev_name, LinkKind::Veth { peer: None });
        let (pr, dr) = (LinkRef { ns: peer_ns, ifindex: p }, LinkRef { ns, ifindex: d });
        for (me, other) in [(pr, dr), (dr, pr)] {
            let l = self.link_mut(me).expect("just made");
            l.kind = LinkKind::Veth { peer: Some(other) };
        }
        for me in [pr, dr] {
            self.linkwatch(me);
        }
        self.apply_attrs(pr, peer_attrs);
        self.apply_attrs(dr, attrs);
        // The new device's notification carries the peer's namespace id.
        self.nsid_alloc(ns, peer_ns);
        if attrs.up {
            self.set_up(dr, true);
        }
        Ok((d, p))
    }

    /// `ip link add NAME type bridge`: NAME in use is refused first, then
    /// the name is checked (or the first free `bridge%d` taken).
    pub fn add_bridge(&mut self, ns: NsId, name: Option<&str>, attrs: &LinkAttrs) -> KResult<u32> {
        check_policy(name)?;
        if name.is_some_and(|d| self.name_in_use(ns, d)) {
            return Err(Errno::EEXIST.into());
        }
        Self::check_attrs(&LinkKind::Bridge(Bridge::default()), attrs)?;
        let name = self.valid_name(ns, name.unwrap_or("bridge%d"), None)?;
        let i = self.new_link(ns, &name, LinkKind::Bridge(Bridge::default()));
        let r = LinkRef { ns, ifindex: i };
        self.apply_attrs(r, attrs);
        if attrs.up {
            self.set_up(r, true);
        }
        Ok(i)
    }

    /// `ip link delete DEV`.
    pub fn del_link(&mut self, r: LinkRef) -> KResult<()> {
        let l = self.link(r).ok_or_else(nodev)?;
        // A physical card is not the kernel's to delete (no rtnl_link_ops).
        if l.is_loopback() || l.nic().is_some() {
            return Err(Errno::EOPNOTSUPP.into());
        }
        self.destroy_link(r);
        Ok(())
    }

    /// Unregisters a device and whatever goes with it (a veth's peer, a
    /// bridge's ports' membership, routes, neighbours, addresses).
    pub(crate) fn destroy_link(&mut self, r: LinkRef) {
        let Some(l) = self.link(r).cloned() else { return };
        if l.admin_up {
            self.set_up(r, false);
        }
        if let Some(b) = l.master {
            self.release_port(LinkRef { ns: r.ns, ifindex: b }, r.ifindex);
        }
        if l.is_bridge() {
            let ports: Vec<u32> = self.ports_of(r);
            for p in ports {
                self.release_port(r, p);
            }
        }
        self.forget_link(r);
        if let Some(peer) = l.veth_peer() {
            if self.link(peer).is_some() {
                if let Some(pl) = self.link_mut(peer) {
                    pl.kind = LinkKind::Veth { peer: None };
                }
                self.destroy_link(peer);
            }
        }
    }

    /// Removes a device from its namespace and everything that names it.
    pub(crate) fn forget_link(&mut self, r: LinkRef) {
        if let Some(n) = self.ns_mut(r.ns) {
            n.detach(r.ifindex);
            n.routes.retain(|rt| rt.dev != Some(r.ifindex));
            n.fib6.forget_dev(r.ifindex);
            n.neighs.retain(|ne| ne.dev != r.ifindex);
            n.conf.remove_dev(r.ifindex);
        }
    }

    pub fn set_link(&mut self, mut r: LinkRef, ch: &LinkChange) -> KResult<()> {
        self.link(r).ok_or_else(nodev)?;
        if let Some(target) = ch.netns {
            r = self.move_link(r, target, ch.name.as_deref())?;
        }
        if let Some(mac) = ch.address {
            if !mac.is_valid_ether() {
                return Err(Errno::EADDRNOTAVAIL.into());
            }
            let l = self.link_mut(r).ok_or_else(nodev)?;
            l.mac = mac;
            // NETDEV_CHANGEADDR: ARP forgets every neighbour of the device.
            if let Some(n) = self.ns_mut(r.ns) {
                n.neighs.retain(|ne| ne.dev != r.ifindex);
            }
            let l = self.link_mut(r).ok_or_else(nodev)?;
            if let Some(b) = l.bridge_mut() {
                b.mac_set = true;
                b.id = mac;
            }
            let master = l.master;
            if let Some(b) = master {
                self.bridge_recalc(LinkRef { ns: r.ns, ifindex: b });
            }
        }
        if let Some(mtu) = ch.mtu {
            let l = self.link(r).ok_or_else(nodev)?;
            if l.max_mtu() != 0 && mtu > l.max_mtu() {
                return Err(KernelError::msg(Errno::EINVAL, "mtu greater than device maximum"));
            }
            if mtu < l.min_mtu() {
                return Err(KernelError::msg(Errno::EINVAL, "mtu less than device minimum"));
            }
            let l = self.link_mut(r).ok_or_else(nodev)?;
            l.mtu = mtu;
            if let Some(b) = l.bridge_mut() {
                b.mtu_set = true;
            }
            if let Some(b) = self.link(r).and_then(|l| l.master) {
                self.bridge_recalc(LinkRef { ns: r.ns, ifindex: b });
            }
            self.mtu_changed(r);
        }
        if let Some(want) = &ch.name {
            // dev_change_name(): the same name is no change; anything else
            // is checked (or allocated) against the namespace's names.
            let l = self.link(r).ok_or_else(nodev)?;
            let name = if l.name == *want { want.clone() } else { self.valid_name(r.ns, want, None)? };
            let n = self.ns_mut(r.ns).ok_or_else(nodev)?;
            let old = n.rename(r.ifindex, name.clone()).ok_or_else(nodev)?;
            let l = self.link_mut(r).ok_or_else(nodev)?;
            for a in l.addrs.iter_mut() {
                if let IfAddr::V4(v) = a {
                    if v.label == old {
                        v.label = name.clone();
                    } else if let Some(rest) = v.label.strip_prefix(&format!("{old}:")) {
                        v.label = format!("{name}:{rest}");
                    }
                }
            }
        }
        if let Some(alias) = &ch.alias {
            self.link_mut(r).ok_or_else(nodev)?.alias = (!alias.is_empty()).then(|| alias.clone());
        }
        if let Some(master) = ch.master {
            match master {
                Some(b) => self.enslave(r, LinkRef { ns: r.ns, ifindex: b })?,
                None => {
                    if let Some(b) = self.link(r).and_then(|l| l.master) {
                        self.release_port(LinkRef { ns: r.ns, ifindex: b }, r.ifindex);
                    }
                }
            }
        }
        if let Some(m) = ch.addrgenmode {
            // inet6_set_link_af(): kept for the next time addrconf runs.
            if let Some(l) = self.link_mut(r) {
                l.addr_gen_mode = m;
            }
        }
        if ch.promisc.is_some() || ch.arp.is_some() || ch.multicast.is_some() {
            let l = self.link_mut(r).ok_or_else(nodev)?;
            l.promisc = ch.promisc.unwrap_or(l.promisc);
            l.noarp = ch.arp.map_or(l.noarp, |on| !on);
            l.multicast = ch.multicast.unwrap_or(l.multicast);
        }
        if let Some(up) = ch.up {
            self.set_up(r, up);
        }
        if let Some(q) = ch.txqlen {
            self.link_mut(r).ok_or_else(nodev)?.txqlen = q;
        }
        Ok(())
    }

    /// Moves a device to another namespace, keeping its index where free.
    /// A name in use there is replaced by `pat`, the name the same request
    /// asks for, if that one can be used (`__dev_change_net_namespace()`).
    pub(crate) fn move_link(&mut self, r: LinkRef, target: NsId, pat: Option<&str>) -> KResult<LinkRef> {
        let l = self.link(r).cloned().ok_or_else(nodev)?;
        let tn = self.ns(target).ok_or(KernelError::new(Errno::EINVAL))?;
        // do_setlink() moves only into another namespace: asking for the
        // device's own is no change, even for a device that cannot move.
        if target == r.ns {
            return Ok(r);
        }
        if l.is_loopback() || l.is_bridge() {
            return Err(KernelError::msg(Errno::EINVAL, "The interface netns is immutable"));
        }
        let mut new_name = None;
        if tn.link_by_name(&l.name).is_some() {
            let Some(pat) = pat else {
                return Err(KernelError::msg(
                    Errno::EEXIST,
                    "An interface with the same name exists in the target netns",
                ));
            };
            match self.valid_name(target, pat, None) {
                Ok(n) => new_name = Some(n),
                Err(e) => {
                    let msg = format!("Unable to use '{pat}' for the new interface name in the target netns");
                    return Err(KernelError::msg(e.errno, msg));
                }
            }
        }
        if l.admin_up {
            self.set_up(r, false);
        }
        if let Some(b) = l.master {
            self.release_port(LinkRef { ns: r.ns, ifindex: b }, r.ifindex);
        }
        // The DELLINK notification in the old namespace names the new one.
        self.nsid_alloc(r.ns, target);
        let mut moved = self.link(r).cloned().ok_or_else(nodev)?;
        self.forget_link(r);
        let tn = self.ns_mut(target).ok_or(KernelError::new(Errno::EINVAL))?;
        let ifindex = if tn.links.contains_key(&moved.ifindex) { tn.alloc_ifindex() } else { moved.ifindex };
        moved.ifindex = ifindex;
        if let Some(n) = new_name {
            moved.name = n;
        }
        moved.addrs.clear();
        moved.qdisc_attached = false;
        moved.master = None;
        moved.port_state = PortState::Disabled;
        tn.attach(moved);
        tn.conf.add_dev(ifindex);
        let new = LinkRef { ns: target, ifindex };
        self.mc_register(new);
        #[cfg(feature = "presets")]
        if let Some(wire) = self.link(new).and_then(|l| l.nic()).and_then(|n| n.wire) {
            if let Some(LinkKind::Nic(n)) = self.link_mut(wire).map(|l| &mut l.kind) {
                n.wire = Some(new);
            }
        }
        if let Some(peer) = self.link(new).and_then(|l| l.veth_peer()) {
            if let Some(pl) = self.link_mut(peer) {
                pl.kind = LinkKind::Veth { peer: Some(new) };
            }
            // The NEWLINK notification in the new namespace names the peer's.
            self.nsid_alloc(target, peer.ns);
        }
        Ok(new)
    }

    /// Brings a device up or down with everything that follows from it.
    pub fn set_up(&mut self, r: LinkRef, up: bool) {
        let Some(l) = self.link_mut(r) else { return };
        if l.admin_up == up {
            return;
        }
        l.admin_up = up;
        // An up below IPv6's minimum MTU does not bring ::1 back, and a
        // later larger MTU does not either: only an up at 1280 or more.
        if up && l.mtu >= crate::kernel::link::IPV6_MIN_MTU {
            l.lo_awaits_up = false;
        }
        if up {
            l.qdisc_attached = true;
        }
        let peer = l.veth_peer();
        let is_nic = l.nic().is_some();
        let is_bridge = l.is_bridge();
        let master = l.master;
        if is_nic {
            // The driver switches the carrier off when closed and on again
            // once open (the link to the switch is always there).
            self.set_carrier(r, up);
        }
        if let Some(p) = peer {
            let peer_up = self.link(p).is_some_and(|pl| pl.admin_up);
            let carrier = up && peer_up;
            if up && !peer_up {
                // veth_open() leaves the carrier off until the peer is up.
            } else {
                for x in [r, p] {
                    self.set_carrier(x, carrier);
                }
                // Link-watch handles the events in order: this end, then the peer.
                self.refresh_ipv6(r);
                self.after_carrier_change(p);
            }
        }
        if up {
            self.mc_up(r);
            // inetdev's NETDEV_UP: loopback gets 127.0.0.1/8 whenever IPv4
            // is on, whatever IPv6 can do at this MTU (EEXIST is no error).
            if let Some(name) = self.link(r).filter(|l| l.is_loopback() && l.inet_enabled()).map(|l| l.name.clone()) {
                let _ = self.addr_add(r, Inet4 { label: name, ..loopback4() });
            }
            self.fib_add_ifaddrs(r);
        } else {
            // A device going down loses its routes but its `local` ones:
            // its addresses stay local to the host while it is down.
            if let Some(n) = self.ns_mut(r.ns) {
                n.routes.retain(|rt| rt.dev != Some(r.ifindex) || rt.kind == RouteType::Local);
            }
            self.mc_down(r);
            self.ipv6_down(r);
            if let Some(n) = self.ns_mut(r.ns) {
                n.neighs.retain(|ne| ne.dev != r.ifindex);
            }
        }
        if is_bridge {
            self.bridge_recalc(r);
        }
        if let Some(b) = master {
            self.bridge_recalc(LinkRef { ns: r.ns, ifindex: b });
        }
        self.refresh_ipv6(r);
    }

    /// A peer or port's carrier changed: its bridge and IPv6 follow.
    pub(crate) fn after_carrier_change(&mut self, r: LinkRef) {
        if let Some(b) = self.link(r).and_then(|l| l.master) {
            self.bridge_recalc(LinkRef { ns: r.ns, ifindex: b });
        }
        self.refresh_ipv6(r);
    }

    /// addrconf's NETDEV_UP/NETDEV_CHANGE: the first time a device is up
    /// and operationally up since it came up (IF_READY), it gets its IPv6
    /// link-local address (or ::1 on loopback) and every tentative address
    /// starts DAD. A carrier lost later changes no address.
    pub(crate) fn refresh_ipv6(&mut self, r: LinkRef) {
        self.refresh_ipv6_addrs(r);
        self.fib6_sync(r.ns);
    }

    /// The link-local (or ::1) part of [`Kernel::refresh_ipv6`].
    fn refresh_ipv6_addrs(&mut self, r: LinkRef) {
        if self.ns(r.ns).is_some_and(|n| n.conf.dev_conf(r.ifindex).disable_ipv6 != 0) {
            return;
        }
        let serial = self.serial + 1;
        let now_ms = self.now_ms;
        let Some(l) = self.link_mut(r) else { return };
        let ready = l.admin_up
            && matches!(l.oper, crate::kernel::link::OperState::Up | crate::kernel::link::OperState::Unknown)
            && l.carrier
            && l.mtu >= crate::kernel::link::IPV6_MIN_MTU
            && !l.lo_awaits_up;
        if !ready || l.ipv6_ready {
            return;
        }
        l.ipv6_ready = true;
        let a = if l.is_loopback() {
            Some(Inet6::new(std::net::Ipv6Addr::LOCALHOST, 128, Scope::Host, serial))
        } else {
            if l.addr_gen_mode == AddrGenMode::Random && l.stable_secret.is_none() {
                // ipv6_gen_mode_random_init().
                l.stable_secret = Some(crate::rng::mix(&[u64::from(r.ifindex), serial, now_ms]));
            }
            let local = match l.addr_gen_mode {
                AddrGenMode::Eui64 => Some(addr::link_local(l.mac)),
                AddrGenMode::None => None,
                AddrGenMode::StablePrivacy | AddrGenMode::Random => l.stable_secret.map(addr::random_link_local),
            };
            let stable = matches!(l.addr_gen_mode, AddrGenMode::StablePrivacy | AddrGenMode::Random);
            local.map(|local| Inet6 {
                tentative: true,
                stable_privacy: stable,
                ..Inet6::new(local, 64, Scope::Link, serial)
            })
        };
        // ipv6_mc_up(): the groups' hardware addresses, unloaded by a down.
        self.mc6_load(r, true);
        let Some(l) = self.link(r) else { return };
        let lo4 = l.is_loopback().then(|| Inet4 { label: l.name.clone(), ..loopback4() });
        if let Some(a) = a.filter(|a| !l.addrs.iter().filter_map(IfAddr::v6).any(|x| x.local == a.local)) {
            self.insert_addr6(r, a);
            self.serial = serial;
        }
        self.dad_run(r);
        self.own_after_linkwatch(r);
        // inetdev's NETDEV_UP gives loopback 127.0.0.1/8, placed like any
        // other address (EEXIST when it is still there is no error).
        if let Some(lo4) = lo4.filter(|_| self.link(r).is_some_and(|l| l.inet_enabled())) {
            let _ = self.addr_add(r, lo4);
        }
        self.fib_add_ifaddrs(r);
        self.ipv6_announce(r);
    }

    /// addrconf_ifdown(): the device's IPv6 addresses and neighbours go
    /// and it is no longer IF_READY (a down, `disable_ipv6`, an MTU below
    /// 1280).
    pub(crate) fn ipv6_down(&mut self, r: LinkRef) {
        #[cfg(feature = "mcast")]
        {
            let Some(l) = self.link(r) else { return };
            let was_ready = l.ipv6_ready;
            let gone: Vec<(std::net::Ipv6Addr, u8, bool)> =
                l.addrs.iter().filter_map(IfAddr::v6).map(|a| (a.local, a.prefix, !a.tentative)).collect();
            for (local, prefix, settled) in gone {
                self.mc_addr6_removed(r, local, prefix, settled);
            }
            if was_ready {
                self.mc6_load(r, false);
            }
            if let Some(l) = self.link_mut(r) {
                l.own.stop_ipv6();
            }
        }
        if let Some(l) = self.link_mut(r) {
            l.addrs.retain(|a| a.v4().is_some());
            l.ipv6_ready = false;
        }
        self.nd_ifdown(r);
    }

    /// NETDEV_CHANGEMTU: below 68 bytes IPv4 is switched off on the device
    /// (its addresses, routes and neighbours go), below 1280 IPv6 is; both
    /// come back, without addresses, when the MTU is large enough again.
    fn mtu_changed(&mut self, r: LinkRef) {
        let Some(l) = self.link_mut(r) else { return };
        if l.mtu < crate::kernel::link::IPV6_MIN_MTU {
            l.addrs.retain(|a| a.v4().is_some());
            l.ipv6_ready = false;
            l.lo_awaits_up |= l.is_loopback();
            self.nd_ifdown(r);
            self.mc6_destroy(r);
        }
        let Some(l) = self.link_mut(r) else { return };
        if l.mtu < crate::kernel::link::ETH_MIN_MTU {
            let removed: Vec<Ipv4Addr> = l.addrs.iter().filter_map(IfAddr::v4).map(|a| a.local).collect();
            l.addrs.retain(|a| a.v4().is_none());
            self.fib_del_ifaddrs(r, &removed);
            self.mc4_destroy(r);
        }
        self.mc_revive(r);
        self.refresh_ipv6(r);
    }

    /// Link-watch on device `r`: its operstate from its carrier and that of
    /// the device its `iflink` names in its own namespace.
    pub(crate) fn linkwatch(&mut self, r: LinkRef) {
        let Some(n) = self.ns(r.ns) else { return };
        let Some(iflink) = n.links.get(&r.ifindex).map(|l| l.iflink()) else { return };
        let lower = n.links.get(&iflink).map(|l| l.carrier);
        if let Some(l) = self.link_mut(r) {
            l.linkwatch(lower);
        }
    }

    /// netif_carrier_on/off(): link-watch runs, a lost carrier makes ARP and
    /// neighbour discovery forget every neighbour of the device but the
    /// permanent ones (neigh_carrier_down), and one back makes IPv6 report
    /// its groups again.
    pub(crate) fn set_carrier(&mut self, r: LinkRef, on: bool) {
        let Some(l) = self.link_mut(r) else { return };
        let lost = l.carrier && !on;
        let back = !l.carrier && on;
        if l.set_carrier(on) {
            self.linkwatch(r);
        }
        if back {
            self.ipv6_carrier_back(r);
        }
        if lost {
            if let Some(n) = self.ns_mut(r.ns) {
                n.neighs.retain(|e| e.dev != r.ifindex || e.state == crate::kernel::neigh::NudState::Permanent);
            }
        }
    }
}
