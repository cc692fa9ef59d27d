//! What the kernel does when asked: the requests behind `ip` verbs.
//!
//! Each function checks first and changes state only once nothing can fail,
//! except where Linux itself applies a request step by step (`do_setlink`).

use std::net::Ipv4Addr;

use super::addr::{self, IfAddr, Inet4, Inet6, Scope};
use super::link::{Bridge, Link, LinkKind, LinkRef, PortState};
use super::route::{Proto, Route, RouteType, RT_TABLE_LOCAL, RT_TABLE_MAIN};
use super::{Errno, KResult, Kernel, KernelError, NsId};

/// What `ip link set` asks to change, applied in `do_setlink()`'s order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkChange {
    pub netns: Option<NsId>,
    pub address: Option<super::mac::Mac>,
    pub mtu: Option<u32>,
    pub name: Option<String>,
    /// `Some(Some(ifindex))` for `master X`, `Some(None)` for `nomaster`.
    pub master: Option<Option<u32>>,
    pub up: Option<bool>,
    pub txqlen: Option<u32>,
}

fn nodev() -> KernelError {
    KernelError::new(Errno::ENODEV)
}

impl Kernel {
    // ---- namespaces -------------------------------------------------------

    /// `ip netns add NAME`.
    pub fn netns_add(&mut self, name: &str) -> Result<NsId, Errno> {
        if self.ns_by_name(name).is_some() {
            return Err(Errno::EEXIST);
        }
        let id = self.create_ns();
        self.named.push((name.to_string(), id));
        Ok(id)
    }

    /// `ip netns delete NAME`: unmounting the last name destroys the namespace.
    pub fn netns_delete(&mut self, name: &str) -> Result<(), Errno> {
        let pos = self.named.iter().position(|(n, _)| n == name).ok_or(Errno::ENOENT)?;
        let (_, id) = self.named.remove(pos);
        if self.named.iter().any(|(_, i)| *i == id) {
            return Ok(());
        }
        let ifindexes: Vec<u32> = self.ns(id).map(|n| n.links.keys().copied().collect()).unwrap_or_default();
        for ifindex in ifindexes.into_iter().rev() {
            self.destroy_link(LinkRef { ns: id, ifindex });
        }
        self.namespaces[id.0 as usize] = None;
        for ns in self.namespaces.iter_mut().flatten() {
            ns.nsids.remove(&id);
        }
        Ok(())
    }

    /// The id `viewer` has for `target`, without allocating (RTM_GETNSID).
    pub fn nsid_peek(&self, viewer: NsId, target: NsId) -> Option<i32> {
        self.ns(viewer).and_then(|n| n.nsids.get(&target).copied())
    }

    /// The id `viewer` has for `target`, allocating one (`peernet2id_alloc`).
    pub fn nsid_alloc(&mut self, viewer: NsId, target: NsId) -> Option<i32> {
        if viewer == target || self.ns(target).is_none() {
            return None;
        }
        self.ns_mut(viewer).map(|n| n.nsid_alloc(target))
    }

    pub fn link(&self, r: LinkRef) -> Option<&Link> {
        self.ns(r.ns).and_then(|n| n.links.get(&r.ifindex))
    }

    pub fn link_mut(&mut self, r: LinkRef) -> Option<&mut Link> {
        self.ns_mut(r.ns).and_then(|n| n.links.get_mut(&r.ifindex))
    }

    // ---- links ------------------------------------------------------------

    /// The first free `veth%d`-style name in a namespace.
    fn alloc_name(&self, ns: NsId, template: &str) -> String {
        let n = self.ns(ns).expect("namespace exists");
        (0..).map(|i| format!("{template}{i}")).find(|c| n.link_by_name(c).is_none()).expect("unbounded")
    }

    fn new_link(&mut self, ns: NsId, name: &str, kind: LinkKind) -> u32 {
        let mac = self.random_mac();
        let serial = self.next_serial();
        let n = self.ns_mut(ns).expect("namespace exists");
        let ifindex = n.alloc_ifindex();
        n.links.insert(ifindex, Link::new(ifindex, name, kind, mac, serial));
        n.conf.add_dev(ifindex);
        ifindex
    }

    /// `ip link add NAME type veth peer name PEER [netns NS]`. Names `None`
    /// take the next `vethN`. The peer is registered first, as Linux does.
    pub fn add_veth(&mut self, ns: NsId, name: Option<&str>, peer_ns: NsId, peer: Option<&str>) -> KResult<(u32, u32)> {
        if self.ns(ns).is_none() || self.ns(peer_ns).is_none() {
            return Err(Errno::EINVAL.into());
        }
        if let Some(p) = peer {
            if self.ns(peer_ns).and_then(|n| n.link_by_name(p)).is_some() {
                return Err(Errno::EEXIST.into());
            }
        }
        if let Some(d) = name {
            if self.ns(ns).and_then(|n| n.link_by_name(d)).is_some() || (ns == peer_ns && peer == Some(d)) {
                return Err(Errno::EEXIST.into());
            }
        }
        let peer_name = peer.map_or_else(|| self.alloc_name(peer_ns, "veth"), str::to_string);
        let p = self.new_link(peer_ns, &peer_name, LinkKind::Veth { peer: None });
        let dev_name = name.map_or_else(|| self.alloc_name(ns, "veth"), str::to_string);
        let d = self.new_link(ns, &dev_name, LinkKind::Veth { peer: None });
        let (pr, dr) = (LinkRef { ns: peer_ns, ifindex: p }, LinkRef { ns, ifindex: d });
        for (me, other) in [(pr, dr), (dr, pr)] {
            let l = self.link_mut(me).expect("just made");
            l.kind = LinkKind::Veth { peer: Some(other) };
            l.linkwatch();
        }
        // The new device's notification carries the peer's namespace id.
        self.nsid_alloc(ns, peer_ns);
        Ok((d, p))
    }

    /// `ip link add NAME type bridge`.
    pub fn add_bridge(&mut self, ns: NsId, name: Option<&str>) -> KResult<u32> {
        if let Some(d) = name {
            if self.ns(ns).and_then(|n| n.link_by_name(d)).is_some() {
                return Err(Errno::EEXIST.into());
            }
        }
        let name = name.map_or_else(|| self.alloc_name(ns, "bridge"), str::to_string);
        Ok(self.new_link(ns, &name, LinkKind::Bridge(Bridge::default())))
    }

    /// `ip link delete DEV`.
    pub fn del_link(&mut self, r: LinkRef) -> KResult<()> {
        let l = self.link(r).ok_or_else(nodev)?;
        if l.is_loopback() {
            return Err(Errno::EOPNOTSUPP.into());
        }
        self.destroy_link(r);
        Ok(())
    }

    /// Unregisters a device and whatever goes with it (a veth's peer, a
    /// bridge's ports' membership, routes, neighbours, addresses).
    fn destroy_link(&mut self, r: LinkRef) {
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
    fn forget_link(&mut self, r: LinkRef) {
        if let Some(n) = self.ns_mut(r.ns) {
            n.links.remove(&r.ifindex);
            n.routes.retain(|rt| rt.dev != Some(r.ifindex));
            n.neighs.retain(|ne| ne.dev != r.ifindex);
            n.conf.remove_dev(r.ifindex);
        }
    }

    pub fn ports_of(&self, br: LinkRef) -> Vec<u32> {
        self.ns(br.ns)
            .map(|n| n.links.values().filter(|l| l.master == Some(br.ifindex)).map(|l| l.ifindex).collect())
            .unwrap_or_default()
    }

    /// `ip link set DEV ...`, step by step in `do_setlink()`'s order.
    pub fn set_link(&mut self, mut r: LinkRef, ch: &LinkChange) -> KResult<()> {
        self.link(r).ok_or_else(nodev)?;
        if let Some(target) = ch.netns {
            r = self.move_link(r, target)?;
        }
        if let Some(mac) = ch.address {
            if !mac.is_valid_ether() {
                return Err(Errno::EADDRNOTAVAIL.into());
            }
            let l = self.link_mut(r).ok_or_else(nodev)?;
            l.mac = mac;
            if let Some(b) = l.bridge_mut() {
                b.mac_set = true;
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
        }
        if let Some(name) = &ch.name {
            let n = self.ns(r.ns).ok_or_else(nodev)?;
            match n.link_by_name(name) {
                Some(other) if other.ifindex != r.ifindex => return Err(Errno::EEXIST.into()),
                _ => {}
            }
            let l = self.link_mut(r).ok_or_else(nodev)?;
            let old = std::mem::replace(&mut l.name, name.clone());
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
        if let Some(up) = ch.up {
            self.set_up(r, up);
        }
        if let Some(q) = ch.txqlen {
            self.link_mut(r).ok_or_else(nodev)?.txqlen = q;
        }
        Ok(())
    }

    /// Moves a device to another namespace, keeping its index where free.
    fn move_link(&mut self, r: LinkRef, target: NsId) -> KResult<LinkRef> {
        let l = self.link(r).cloned().ok_or_else(nodev)?;
        if l.is_loopback() || l.is_bridge() {
            return Err(Errno::EINVAL.into());
        }
        let tn = self.ns(target).ok_or(KernelError::new(Errno::EINVAL))?;
        if target == r.ns {
            return Ok(r);
        }
        if tn.link_by_name(&l.name).is_some() {
            return Err(Errno::EEXIST.into());
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
        moved.addrs.clear();
        moved.qdisc_attached = false;
        moved.master = None;
        moved.port_state = PortState::Disabled;
        tn.links.insert(ifindex, moved);
        tn.conf.add_dev(ifindex);
        let new = LinkRef { ns: target, ifindex };
        if let Some(peer) = self.link(new).and_then(|l| l.veth_peer()) {
            if let Some(pl) = self.link_mut(peer) {
                pl.kind = LinkKind::Veth { peer: Some(new) };
            }
            // The NEWLINK notification in the new namespace names the peer's.
            self.nsid_alloc(target, peer.ns);
        }
        Ok(new)
    }

    fn enslave(&mut self, port: LinkRef, br: LinkRef) -> KResult<()> {
        let b = self.link(br).ok_or_else(nodev)?;
        if !b.is_bridge() {
            return Err(Errno::EOPNOTSUPP.into());
        }
        let p = self.link(port).ok_or_else(nodev)?;
        if p.is_bridge() {
            return Err(KernelError::msg(Errno::ELOOP, "Can not enslave a bridge to a bridge"));
        }
        if p.is_loopback() {
            return Err(KernelError::msg(Errno::EINVAL, "Can not enslave loopback device"));
        }
        if p.master == Some(br.ifindex) {
            return Ok(());
        }
        if let Some(old) = p.master {
            self.release_port(LinkRef { ns: port.ns, ifindex: old }, port.ifindex);
        }
        self.link_mut(port).ok_or_else(nodev)?.master = Some(br.ifindex);
        self.bridge_recalc_ports(br, true);
        Ok(())
    }

    fn release_port(&mut self, br: LinkRef, port: u32) {
        if let Some(p) = self.link_mut(LinkRef { ns: br.ns, ifindex: port }) {
            p.master = None;
            p.port_state = PortState::Disabled;
        }
        if let Some(b) = self.link_mut(br).and_then(|l| l.bridge_mut()) {
            b.fdb.retain(|e| e.port != port);
        }
        self.bridge_recalc_ports(br, true);
    }

    /// Recomputes a bridge from its ports: port states, carrier, MAC (the
    /// lowest port MAC, zero with no ports) and MTU (the lowest port MTU).
    /// A bridge that never had a port keeps the carrier it was made with.
    pub fn bridge_recalc(&mut self, br: LinkRef) {
        self.bridge_recalc_ports(br, false);
    }

    fn bridge_recalc_ports(&mut self, br: LinkRef, ports_changed: bool) {
        let Some(bl) = self.link(br) else { return };
        let Some(b) = bl.bridge() else { return };
        let (mac_set, mtu_set, br_up) = (b.mac_set, b.mtu_set, bl.admin_up);
        let ports = self.ports_of(br);
        let mut any_forwarding = false;
        let mut min_mac = None;
        let mut min_mtu = None;
        for p in &ports {
            let Some(pl) = self.link_mut(LinkRef { ns: br.ns, ifindex: *p }) else { continue };
            pl.port_state = if br_up && pl.lower_up() { PortState::Forwarding } else { PortState::Disabled };
            any_forwarding |= pl.port_state == PortState::Forwarding;
            min_mac = Some(min_mac.map_or(pl.mac, |m: super::mac::Mac| m.min(pl.mac)));
            min_mtu = Some(min_mtu.map_or(pl.mtu, |m: u32| m.min(pl.mtu)));
        }
        let bl = self.link_mut(br).expect("checked above");
        if ports.is_empty() && !ports_changed {
            return;
        }
        if !mac_set {
            bl.mac = min_mac.unwrap_or(super::mac::Mac::ZERO);
        }
        if !mtu_set {
            if let Some(m) = min_mtu {
                bl.mtu = m;
            }
        }
        bl.set_carrier(any_forwarding);
        self.refresh_ipv6(br);
    }

    /// Brings a device up or down with everything that follows from it.
    pub fn set_up(&mut self, r: LinkRef, up: bool) {
        let Some(l) = self.link_mut(r) else { return };
        if l.admin_up == up {
            return;
        }
        l.admin_up = up;
        if up {
            l.qdisc_attached = true;
        }
        let peer = l.veth_peer();
        let is_bridge = l.is_bridge();
        let master = l.master;
        if let Some(p) = peer {
            let peer_up = self.link(p).is_some_and(|pl| pl.admin_up);
            let carrier = up && peer_up;
            if up && !peer_up {
                // veth_open() leaves the carrier off until the peer is up.
            } else {
                for x in [r, p] {
                    if let Some(xl) = self.link_mut(x) {
                        xl.set_carrier(carrier);
                    }
                }
                // Link-watch handles the events in order: this end, then the peer.
                self.refresh_ipv6(r);
                self.after_carrier_change(p);
            }
        }
        if up {
            self.fib_add_ifaddrs(r);
        } else {
            if self.link(r).is_some_and(|l| l.is_loopback()) {
                // Loopback keeps its `local` routes while down (127/8 stays
                // local); only its broadcast route goes, as on Linux.
                if let Some(n) = self.ns_mut(r.ns) {
                    n.routes.retain(|rt| rt.dev != Some(r.ifindex) || rt.kind == RouteType::Local);
                }
            } else {
                self.fib_flush_dev(r);
            }
            if let Some(l) = self.link_mut(r) {
                l.addrs.retain(|a| a.v4().is_some());
            }
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
    fn after_carrier_change(&mut self, r: LinkRef) {
        if let Some(b) = self.link(r).and_then(|l| l.master) {
            self.bridge_recalc(LinkRef { ns: r.ns, ifindex: b });
        }
        self.refresh_ipv6(r);
    }

    /// addrconf: a device that is up and operationally up gets its IPv6
    /// link-local (or ::1 on loopback) the first time it is ready.
    fn refresh_ipv6(&mut self, r: LinkRef) {
        let serial = self.serial + 1;
        let Some(l) = self.link_mut(r) else { return };
        let ready = l.admin_up
            && matches!(l.oper, super::link::OperState::Up | super::link::OperState::Unknown)
            && l.carrier;
        if !ready || l.addrs.iter().any(|a| a.v6().is_some()) {
            return;
        }
        let a = if l.is_loopback() {
            Inet6 { local: std::net::Ipv6Addr::LOCALHOST, prefix: 128, scope: Scope::Host, tentative: false, serial }
        } else {
            Inet6 { local: addr::link_local(l.mac), prefix: 64, scope: Scope::Link, tentative: true, serial }
        };
        if l.is_loopback() {
            let lo4 = Inet4 {
                local: Ipv4Addr::LOCALHOST,
                prefix: 8,
                broadcast: None,
                scope: Scope::Host,
                label: l.name.clone(),
            };
            if !l.addrs.iter().any(|x| x.v4().is_some_and(|v| v.local == lo4.local && v.prefix == 8)) {
                l.addrs.insert(0, IfAddr::V4(lo4));
            }
        }
        l.addrs.push(IfAddr::V6(a));
        self.serial = serial;
        self.fib_add_ifaddrs(r);
    }

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
    fn fib_del_ifaddrs(&mut self, r: LinkRef, removed: &[Ipv4Addr]) {
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

    // ---- routes -------------------------------------------------------------

    /// Removes every route through a device (the device went down or lost addresses).
    fn fib_flush_dev(&mut self, r: LinkRef) {
        if let Some(n) = self.ns_mut(r.ns) {
            n.routes.retain(|rt| rt.dev != Some(r.ifindex));
        }
    }

    /// `fib_add_ifaddr()` for every IPv4 address of an up device: the local,
    /// broadcast and prefix routes. Idempotent.
    fn fib_add_ifaddrs(&mut self, r: LinkRef) {
        let Some(l) = self.link(r) else { return };
        if !l.admin_up {
            return;
        }
        let is_lo = l.is_loopback();
        let addrs: Vec<Inet4> = l.addrs.iter().filter_map(IfAddr::v4).cloned().collect();
        let mut want = Vec::new();
        for a in &addrs {
            let primary = self.is_primary(r, a);
            let prim_src = if primary {
                a.local
            } else {
                addrs.iter().find(|p| p.prefix == a.prefix && addr::in_prefix(a.local, p.local, p.prefix)).map_or(a.local, |p| p.local)
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
            };
            want.push(kroute(RouteType::Local, RT_TABLE_LOCAL, a.local, 32, Scope::Host));
            let net = addr::network(a.local, a.prefix);
            if primary && (net != a.local || a.prefix < 32) {
                if is_lo {
                    want.push(kroute(RouteType::Local, RT_TABLE_LOCAL, net, a.prefix, Scope::Host));
                } else {
                    want.push(kroute(RouteType::Unicast, RT_TABLE_MAIN, net, a.prefix, Scope::Link));
                }
                if a.prefix < 31 {
                    want.push(kroute(RouteType::Broadcast, RT_TABLE_LOCAL, addr::broadcast(a.local, a.prefix), 32, Scope::Link));
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
            if !n.routes.iter().any(|x| x.same_key(&w) && x.kind == w.kind && x.dev == w.dev) {
                n.routes.push(w);
            }
        }
    }

    /// `ip route add|replace|append`, with Linux's nexthop checks.
    pub fn route_add(&mut self, ns: NsId, mut rt: Route, replace: bool) -> KResult<()> {
        let n = self.ns(ns).ok_or_else(nodev)?;
        let dev_up = match rt.dev {
            Some(d) => n.links.get(&d).ok_or_else(nodev)?.admin_up,
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
                let via = n
                    .routes
                    .iter()
                    .filter(|x| x.table == RT_TABLE_MAIN && x.kind == RouteType::Unicast && x.gateway.is_none())
                    .filter(|x| x.scope >= Scope::Link && x.covers(gw))
                    .filter(|x| rt.dev.is_none() || x.dev == rt.dev)
                    .max_by_key(|x| x.prefix);
                match via {
                    Some(v) => rt.dev = v.dev,
                    None => return Err(KernelError::msg(Errno::EINVAL, "Nexthop has invalid gateway")),
                }
            }
        } else if rt.dev.is_none() && rt.kind == RouteType::Unicast {
            return Err(KernelError::msg(Errno::EINVAL, "Device only routes require an outgoing interface"));
        } else if !dev_up {
            return Err(KernelError::msg(Errno::ENETDOWN, "Device for nexthop is not up"));
        }
        let n = self.ns_mut(ns).ok_or_else(nodev)?;
        match n.routes.iter().position(|x| x.same_key(&rt)) {
            Some(i) if replace => n.routes[i] = rt,
            Some(_) => return Err(Errno::EEXIST.into()),
            None => n.routes.push(rt),
        }
        Ok(())
    }

    /// `ip route del`: the first route matching every field given.
    pub fn route_del(&mut self, ns: NsId, m: &RouteMatch) -> KResult<()> {
        let n = self.ns_mut(ns).ok_or_else(nodev)?;
        let i = n.routes.iter().position(|x| m.matches(x)).ok_or(KernelError::new(Errno::ESRCH))?;
        n.routes.remove(i);
        Ok(())
    }
}

/// Which route `ip route del` means: unset fields match anything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteMatch {
    pub table: u32,
    pub dst: Ipv4Addr,
    pub prefix: u8,
    pub gateway: Option<Ipv4Addr>,
    pub dev: Option<u32>,
    pub metric: Option<u32>,
    pub kind: Option<RouteType>,
    pub proto: Option<Proto>,
    pub scope: Option<Scope>,
}

impl RouteMatch {
    pub fn matches(&self, r: &Route) -> bool {
        r.table == self.table
            && r.dst == self.dst
            && r.prefix == self.prefix
            && self.gateway.is_none_or(|g| r.gateway == Some(g))
            && self.dev.is_none_or(|d| r.dev == Some(d))
            && self.metric.is_none_or(|m| r.metric == m)
            && self.kind.is_none_or(|k| r.kind == k)
            && self.proto.is_none_or(|p| r.proto == p)
            && self.scope.is_none_or(|s| r.scope == s)
    }
}
