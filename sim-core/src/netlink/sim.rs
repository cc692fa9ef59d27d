//! The simulator's side of the seam: `Netlink` over the in-memory kernel.

use crate::kernel::addr::{IfAddr, Inet4};
use crate::kernel::link::{LinkKind, LinkRef};
use crate::kernel::mac::Mac;
use crate::kernel::neigh::{Neigh, NudState};
use crate::kernel::ops::{NeighWrite, RouteMatch};
use crate::kernel::route::Route;
use crate::kernel::{Errno, KResult, Kernel, KernelError, MntId, NsId};
use std::net::{IpAddr, Ipv4Addr};

use super::*;

/// The simulator's kernel seen from one namespace, by a program whose
/// /run/netns is mount namespace `mnt`'s.
pub struct SimNetlink<'k> {
    pub kernel: &'k mut Kernel,
    pub ns: NsId,
    pub mnt: MntId,
}

impl<'k> SimNetlink<'k> {
    /// Tells explained output which namespace the objects printed next
    /// come from (a dump's).
    fn explain_here(&self) {
        #[cfg(feature = "explain")]
        crate::explain::record::set_ns(self.ns);
    }

    pub fn new(kernel: &'k mut Kernel, ns: NsId) -> SimNetlink<'k> {
        SimNetlink { kernel, ns, mnt: MntId::HOST }
    }

    /// The same view for a program in mount namespace `mnt` (a preset's container).
    pub fn in_mount(self, mnt: MntId) -> SimNetlink<'k> {
        SimNetlink { mnt, ..self }
    }

    fn lref(&self, ifindex: u32) -> LinkRef {
        LinkRef { ns: self.ns, ifindex }
    }

    fn ns_arg(&self, target: &Option<NetnsTarget>) -> KResult<NsId> {
        match target {
            None => Ok(self.ns),
            Some(NetnsTarget::Named(n)) => {
                self.kernel.ns_by_name_in(self.mnt, n).ok_or(KernelError::new(Errno::EINVAL))
            }
            Some(NetnsTarget::Init) => Ok(NsId::HOST),
        }
    }

    fn link_msg(&mut self, ifindex: u32) -> Option<LinkMsg> {
        let l = self.kernel.link(self.lref(ifindex))?.clone();
        let peer = l.veth_peer();
        let link_netnsid = match peer {
            Some(p) if p.ns != self.ns => self.kernel.nsid_alloc(self.ns, p.ns),
            _ => None,
        };
        let mut flags = if l.is_loopback() { IFF_LOOPBACK } else { IFF_BROADCAST };
        if l.multicast && !l.is_loopback() {
            flags |= IFF_MULTICAST;
        }
        if l.promisc {
            flags |= IFF_PROMISC;
        }
        if l.noarp {
            flags |= IFF_NOARP;
        }
        if l.admin_up {
            flags |= IFF_UP;
            if l.running() {
                flags |= IFF_RUNNING;
            }
            if l.lower_up() {
                flags |= IFF_LOWER_UP;
            }
        }
        let is_port = l.master.is_some();
        Some(LinkMsg {
            ifindex,
            name: l.name.clone(),
            addr_gen_mode: l.addr_gen_mode,
            flags,
            mtu: l.mtu,
            qdisc: l.qdisc().to_string(),
            operstate: l.operstate(),
            txqlen: l.txqlen,
            link_type: if l.is_loopback() { ARPHRD_LOOPBACK } else { ARPHRD_ETHER },
            address: l.mac,
            broadcast: if l.is_loopback() { Mac::ZERO } else { Mac::BROADCAST },
            link: match l.kind {
                LinkKind::Veth { peer } => Some(peer.map_or(0, |p| p.ifindex)),
                _ => None,
            },
            link_netnsid,
            master: l.master,
            alias: l.alias.clone(),
            kind: l.kind.kind_name().map(str::to_string),
            min_mtu: l.min_mtu(),
            max_mtu: l.max_mtu(),
            promiscuity: u32::from(is_port),
            allmulti: u32::from(is_port),
            brport: l.master.map(|m| BrPortMsg {
                state: l.port_state,
                priority: 32,
                cost: 2,
                port_no: l.port_no,
                bridge_mac: self.kernel.link(self.lref(m)).and_then(|b| b.bridge()).map_or(Mac::ZERO, |b| b.id),
            }),
            bridge_id: l.bridge().map_or(Mac::ZERO, |b| b.id),
            stats: l.stats,
            carrier_changes: l.carrier_changes,
            queues: l.queues(),
            tso_max_size: l.tso_max_size(),
            parent: l.nic().map(|n| (n.model.parent_bus.to_string(), n.model.parent_dev.to_string())),
        })
    }

    /// The entries of the neighbour tables (or with `proxy` the proxy
    /// entries) as a dump returns them: ARP's table first, then neighbour
    /// discovery's, as `neigh_dump_info()` walks the tables.
    fn neighs(&self, proxy: bool) -> Vec<NeighMsg> {
        let Some(n) = self.kernel.ns(self.ns) else { return Vec::new() };
        let msg = |e: &Neigh| NeighMsg {
            ifindex: e.dev,
            dst: e.dst,
            lladdr: e.lladdr,
            state: (!e.proxy).then_some(e.state),
            router: e.router,
            proxy: e.proxy,
        };
        let of = |v6: bool| n.neighs.iter().filter(move |e| e.proxy == proxy && e.dst.is_ipv6() == v6);
        of(false).chain(of(true)).map(msg).collect()
    }
}

/// The entry an RTM_NEWNEIGH asks for (a proxy entry has no state: it is
/// kept as PERMANENT, never shown).
fn neigh_req(m: &NeighMsg) -> Neigh {
    Neigh {
        dst: m.dst,
        dev: m.ifindex,
        lladdr: m.lladdr,
        state: m.state.unwrap_or(NudState::Permanent),
        updated_ms: 0,
        proxy: m.proxy,
        router: m.router,
    }
}

impl Netlink for SimNetlink<'_> {
    fn netns_list(&mut self) -> Vec<String> {
        self.kernel.named_in(self.mnt).iter().rev().map(|(n, _)| n.clone()).collect()
    }

    fn netns_exists(&mut self, name: &str) -> bool {
        self.kernel.ns_by_name_in(self.mnt, name).is_some()
    }

    fn netns_add(&mut self, name: &str) -> NsResult<()> {
        self.kernel.netns_add_in(self.mnt, name).map(|_| ())
    }

    fn netns_delete(&mut self, name: &str) -> NsResult<()> {
        self.kernel.netns_delete_in(self.mnt, name)
    }

    fn netns_id(&mut self, name: &str) -> NsResult<Option<i32>> {
        let id = self.kernel.ns_by_name_in(self.mnt, name).ok_or(Errno::ENOENT)?;
        Ok(self.kernel.nsid_peek(self.ns, id))
    }

    fn netns_enter(&mut self, name: &str) -> NsResult<()> {
        self.ns = self.kernel.ns_by_name_in(self.mnt, name).ok_or(Errno::ENOENT)?;
        Ok(())
    }

    fn netns_identify(&mut self) -> Vec<String> {
        let ns = self.ns;
        self.kernel.named_in(self.mnt).iter().filter(|(_, id)| *id == ns).map(|(n, _)| n.clone()).collect()
    }

    // Which process is in which namespace: the complete lab's (processes
    // are its jobs' domain; the trait's default answers EOPNOTSUPP).
    #[cfg(feature = "jobs")]
    fn pid_netns(&mut self, pid: u32) -> Result<Vec<String>, Errno> {
        // Pid 1, init, is in the host's namespace.
        let ns = match self.kernel.procs.get(pid) {
            _ if pid == 1 => NsId::HOST,
            Some(p) if p.state == sim_shell::ProcStatus::Running => p.ns,
            _ => return Err(Errno::ENOENT),
        };
        Ok(self.kernel.named_in(self.mnt).iter().filter(|(_, id)| *id == ns).map(|(n, _)| n.clone()).collect())
    }

    #[cfg(feature = "jobs")]
    fn netns_pids(&mut self, name: &str) -> Result<Vec<u32>, Errno> {
        let ns = self.kernel.ns_by_name_in(self.mnt, name).ok_or(Errno::ENOENT)?;
        Ok(self.kernel.procs.running().filter(|p| p.ns == ns).map(|p| p.pid).collect())
    }

    fn netns_set_id(&mut self, name: &str, id: Option<i32>) -> KResult<()> {
        let target = self.kernel.ns_by_name_in(self.mnt, name).ok_or(KernelError::new(Errno::ENOENT))?;
        self.kernel.nsid_set(self.ns, target, id)
    }

    fn link_dump(&mut self) -> Vec<LinkMsg> {
        self.explain_here();
        let idx: Vec<u32> = self.kernel.ns(self.ns).map(|n| n.links.keys().copied().collect()).unwrap_or_default();
        idx.into_iter().filter_map(|i| self.link_msg(i)).collect()
    }

    fn link_get(&mut self, name: &str) -> Option<LinkMsg> {
        let i = self.kernel.ns(self.ns)?.ifindex_of(name)?;
        self.link_msg(i)
    }

    fn link_index(&mut self, name: &str) -> Option<u32> {
        self.kernel.ns(self.ns)?.ifindex_of(name)
    }

    fn link_add(&mut self, req: &LinkAddReq) -> KResult<()> {
        match req {
            LinkAddReq::Veth { name, peer, peer_netns, netns, attrs, peer_attrs } => {
                let ns = self.ns_arg(netns)?;
                // veth_newlink(): a peer without `netns` is made where the
                // request came from, even when the first end goes elsewhere.
                let pns = match peer_netns {
                    Some(_) => self.ns_arg(peer_netns)?,
                    None => self.ns,
                };
                self.kernel.add_veth(ns, name.as_deref(), attrs, pns, peer.as_deref(), peer_attrs).map(|_| ())
            }
            LinkAddReq::Bridge { name, attrs } => self.kernel.add_bridge(self.ns, name.as_deref(), attrs).map(|_| ()),
        }
    }

    fn link_set(&mut self, ifindex: u32, req: &LinkSetReq) -> KResult<()> {
        let netns = match &req.netns {
            Some(_) => Some(self.ns_arg(&req.netns)?),
            None => None,
        };
        let ch = req.with_netns(netns);
        self.kernel.set_link(self.lref(ifindex), &ch)
    }

    fn link_del(&mut self, ifindex: u32) -> KResult<()> {
        self.kernel.del_link(self.lref(ifindex))
    }

    fn addr_dump(&mut self) -> Vec<AddrMsg> {
        self.explain_here();
        let now_ms = self.kernel.now_ms;
        let Some(n) = self.kernel.ns(self.ns) else { return Vec::new() };
        let mut v4 = Vec::new();
        let mut v6 = Vec::new();
        for l in n.links.values() {
            let r = LinkRef { ns: self.ns, ifindex: l.ifindex };
            for a in &l.addrs {
                match a {
                    IfAddr::V4(a) => v4.push(AddrMsg {
                        ifindex: l.ifindex,
                        local: IpAddr::V4(a.local),
                        prefix: a.prefix,
                        broadcast: a.broadcast,
                        scope: a.scope,
                        label: Some(a.label.clone()),
                        secondary: !self.kernel.is_primary(r, a),
                        tentative: false,
                        permanent: true,
                        ..AddrMsg::v6_flags_off()
                    }),
                    IfAddr::V6(a) => v6.push(AddrMsg {
                        ifindex: l.ifindex,
                        local: IpAddr::V6(a.local),
                        prefix: a.prefix,
                        broadcast: None,
                        scope: a.scope,
                        label: None,
                        secondary: false,
                        tentative: a.tentative,
                        permanent: a.valid_until_ms.is_none(),
                        dadfailed: a.dadfailed,
                        nodad: a.nodad,
                        noprefixroute: a.noprefixroute,
                        deprecated: a.preferred_until_ms.is_some_and(|t| t <= now_ms),
                        stable_privacy: a.stable_privacy,
                        valid_lft: a.lifetimes_left(now_ms).0,
                        preferred_lft: a.lifetimes_left(now_ms).1,
                    }),
                }
            }
        }
        // Secondaries follow the primaries of their device.
        crate::sort::sort_by_key(&mut v4, |a| (a.ifindex, a.secondary));
        v4.extend(v6);
        v4
    }

    fn addr_add(&mut self, ifindex: u32, addr: &Inet4) -> KResult<()> {
        self.kernel.addr_add(self.lref(ifindex), addr.clone())
    }

    #[cfg(feature = "ipv6")]
    fn addr6_add(&mut self, ifindex: u32, req: &crate::netlink::Addr6Req) -> KResult<()> {
        let now = self.kernel.now_ms;
        let until = |s: Option<u32>| s.map(|s| now + u64::from(s) * 1000);
        use crate::kernel::addr::Inet6;
        let a = Inet6 {
            nodad: req.nodad,
            noprefixroute: req.noprefixroute,
            valid_until_ms: until(req.valid_lft),
            preferred_until_ms: until(req.preferred_lft),
            tstamp_ms: now,
            ..Inet6::new(req.local, req.prefix, crate::kernel::addr::Scope::Global, 0)
        };
        self.kernel.addr6_add(self.lref(ifindex), a)
    }

    #[cfg(feature = "ipv6")]
    fn addr6_del(&mut self, ifindex: u32, local: std::net::Ipv6Addr, prefix: u8) -> KResult<()> {
        self.kernel.addr6_del(self.lref(ifindex), local, prefix)
    }

    fn addr_del(&mut self, ifindex: u32, local: Ipv4Addr, prefix: Option<u8>) -> KResult<()> {
        self.kernel.addr_del(self.lref(ifindex), local, prefix)
    }

    fn addr_flush(&mut self, ifindex: u32) -> KResult<()> {
        self.kernel.addr_flush(self.lref(ifindex))
    }

    fn route_dump(&mut self) -> Vec<RouteMsg> {
        self.explain_here();
        let Some(n) = self.kernel.ns(self.ns) else { return Vec::new() };
        let mut routes: Vec<Route> = n.routes.to_vec();
        // Main before local, each in trie order.
        crate::sort::sort_by(&mut routes, |a, b| {
            let ta = if a.table == crate::kernel::route::RT_TABLE_LOCAL { 1 } else { 0 };
            let tb = if b.table == crate::kernel::route::RT_TABLE_LOCAL { 1 } else { 0 };
            ta.cmp(&tb).then(crate::kernel::route::dump_order(a, b))
        });
        routes
            .into_iter()
            .map(|r| {
                // RTNH_F_LINKDOWN marks nexthops without carrier; local routes have none to mark.
                let linkdown = r.kind != crate::kernel::route::RouteType::Local
                    && r.dev.and_then(|d| n.links.get(&d)).is_some_and(|l| !l.carrier);
                RouteMsg { route: r, linkdown }
            })
            .collect()
    }

    fn route_table_exists(&mut self, table: u32) -> bool {
        self.kernel.ns(self.ns).is_some_and(|n| n.tables.contains_key(&table))
    }

    fn route6_dump(&mut self) -> Vec<Route6Msg> {
        self.explain_here();
        self.kernel.fib6_sync(self.ns);
        let now = self.kernel.now_ms;
        let Some(n) = self.kernel.ns(self.ns) else { return Vec::new() };
        n.fib6.dump().into_iter().map(|r| route6_msg(n, r, now)).collect()
    }

    #[cfg(feature = "ipv6")]
    fn route6_add(&mut self, route: &Route6, replace: bool) -> KResult<()> {
        self.kernel.route6_add(self.ns, route.clone(), replace)
    }

    #[cfg(feature = "ipv6")]
    fn route6_del(&mut self, m: &Route6Match) -> KResult<()> {
        self.kernel.route6_del(self.ns, m)
    }

    #[cfg(feature = "ipv6")]
    fn route6_get(&mut self, q: &Route6GetReq) -> KResult<Route6GetMsg> {
        self.explain_here();
        self.kernel.fib6_sync(self.ns);
        let now = self.kernel.now_ms;
        let n = self.kernel.ns(self.ns).ok_or(KernelError::new(Errno::EINVAL))?;
        let got = crate::packet::fib6::route_get6(n, q, now)?;
        // The answer is the route's clone: no nexthop flags (no `linkdown`).
        let msg = Route6Msg { linkdown: false, ..route6_msg(n, &got.route, now) };
        Ok(Route6GetMsg { msg, from: got.from, src: got.src, iif: got.iif })
    }

    fn route_get(&mut self, dst: Ipv4Addr) -> KResult<RouteGetMsg> {
        self.explain_here();
        use crate::packet::fib::Kind;
        if let Some(n) = self.kernel.ns_mut(self.ns) {
            n.pmtu_touch(dst);
        }
        let r = crate::packet::route_get(self.kernel, self.ns, dst)?;
        let kind = match r.kind {
            Kind::Local => crate::kernel::route::RouteType::Local,
            Kind::Broadcast => crate::kernel::route::RouteType::Broadcast,
            Kind::Unicast => crate::kernel::route::RouteType::Unicast,
        };
        Ok(RouteGetMsg {
            kind,
            dst: r.dst,
            gateway: r.gateway,
            dev: r.dev,
            src: r.src,
            uid: Some(r.uid),
            metrics: r.metrics,
            expires: r.expires,
        })
    }

    // `ip route show cache`: the complete lab's (the trait's default lists
    // none; the basic lab sends such a line on, `lab::basic::lacks`).
    #[cfg(feature = "jobs")]
    fn route_cache_dump(&mut self) -> Vec<RouteGetMsg> {
        let now = self.kernel.now_ms;
        let Some(n) = self.kernel.ns(self.ns) else { return Vec::new() };
        let mut out = Vec::new();
        for p in n.pmtu.iter().filter(|p| p.listed(now)) {
            let Ok(r) = crate::packet::fib::lookup(n, p.dst, None) else { continue };
            let mut metrics = crate::kernel::route::Metrics::default();
            let expires = p.fill(&mut metrics, now);
            out.push(RouteGetMsg {
                kind: crate::kernel::route::RouteType::Unicast,
                dst: p.dst,
                gateway: r.gateway,
                dev: n.links.get(&r.dev).map_or_else(|| format!("if{}", r.dev), |l| l.name.clone()),
                src: None,
                uid: None,
                metrics,
                expires,
            });
        }
        out
    }

    fn route_add(&mut self, route: &Route, replace: bool) -> KResult<()> {
        self.kernel.route_add(self.ns, route.clone(), replace)
    }

    fn route_del(&mut self, m: &RouteMatch) -> KResult<()> {
        self.kernel.route_del(self.ns, m)
    }

    fn neigh_dump(&mut self) -> Vec<NeighMsg> {
        self.explain_here();
        self.neighs(false)
    }

    fn neigh_proxy_dump(&mut self) -> KResult<Vec<NeighMsg>> {
        self.explain_here();
        Ok(self.neighs(true))
    }

    #[cfg(feature = "mcast")]
    fn maddr_dump(&mut self) -> Vec<crate::netlink::MaddrMsg> {
        use crate::netlink::{MaddrMsg, McGroup};
        let Some(n) = self.kernel.ns(self.ns) else { return Vec::new() };
        let msg = |l: &crate::kernel::link::Link, group, users, is_static| MaddrMsg {
            ifindex: l.ifindex,
            name: l.name.clone(),
            group,
            users,
            is_static,
        };
        let links = || n.links.values();
        let hw = links().flat_map(|l| l.mc.hw.iter().map(move |h| msg(l, McGroup::Link(h.mac), h.users, h.global)));
        let v4 = links().flat_map(|l| l.mc.v4.iter().map(move |g| msg(l, McGroup::Inet(g.addr), g.users, false)));
        let v6 = links().flat_map(|l| l.mc.v6.iter().map(move |g| msg(l, McGroup::Inet6(g.addr), g.users, false)));
        hw.chain(v4).chain(v6).collect()
    }

    #[cfg(feature = "mcast")]
    fn maddr_change(&mut self, ifindex: u32, mac: Mac, add: bool) -> KResult<()> {
        self.kernel.maddr_change(self.lref(ifindex), mac, add)
    }

    // Only the bridge program asks (the trait's default: none).
    #[cfg(feature = "bridge-tool")]
    fn fdb_dump(&mut self) -> Vec<FdbMsg> {
        self.explain_here();
        let Some(n) = self.kernel.ns(self.ns) else { return Vec::new() };
        let mut out = Vec::new();
        let entry = |mac: Mac, ifindex, master, own, permanent| FdbMsg { mac, ifindex, master, own, permanent };
        for l in n.links.values().filter(|l| !l.is_loopback()) {
            // ndo_dflt_fdb_dump(): the device's own filter list, as added.
            #[cfg(feature = "mcast")]
            let own: Vec<Mac> = l.mc.hw.iter().map(|h| h.mac).collect();
            #[cfg(not(feature = "mcast"))]
            let own: Vec<Mac> = Vec::new();
            let own = own.into_iter().map(|m| entry(m, l.ifindex, None, true, true));
            if let Some(b) = l.bridge() {
                out.extend(own);
                let ports: Vec<&crate::kernel::link::Link> =
                    n.links.values().filter(|p| p.master == Some(l.ifindex)).collect();
                if !ports.iter().any(|p| p.mac == l.mac) && !l.mac.is_zero() {
                    out.push(entry(l.mac, l.ifindex, Some(l.ifindex), false, true));
                }
                let _ = b;
            } else {
                if let Some(m) = l.master {
                    if let Some(b) = n.links.get(&m).and_then(|b| b.bridge()) {
                        for e in b.fdb.iter().filter(|e| e.port == l.ifindex).rev() {
                            out.push(entry(e.mac, l.ifindex, Some(m), false, false));
                        }
                    }
                    out.push(entry(l.mac, l.ifindex, Some(m), false, true));
                }
                out.extend(own);
            }
        }
        out
    }

    fn neigh_add(&mut self, m: &NeighMsg, replace: bool) -> KResult<()> {
        let how = if replace { NeighWrite::Replace } else { NeighWrite::Add };
        self.kernel.neigh_add(self.ns, &neigh_req(m), how)
    }

    fn neigh_change(&mut self, m: &NeighMsg) -> KResult<()> {
        self.kernel.neigh_add(self.ns, &neigh_req(m), NeighWrite::Change)
    }

    fn neigh_del(&mut self, ifindex: u32, dst: IpAddr, proxy: bool) -> KResult<()> {
        self.kernel.neigh_del(self.ns, ifindex, dst, proxy)
    }

    fn sysctl_read(&mut self, path: &str) -> Result<String, Errno> {
        self.explain_here();
        crate::kernel::sysctl::read(self.kernel, self.ns, path)
    }

    fn sysctl_write(&mut self, path: &str, value: &str) -> Result<(), Errno> {
        self.explain_here();
        crate::kernel::sysctl::write(self.kernel, self.ns, path, value)
    }
}

/// A dump's message for an IPv6 route: `linkdown` for a nexthop without
/// carrier (never on `local` or reject routes), the expiry left.
fn route6_msg(n: &crate::kernel::netns::Namespace, r: &Route6, now_ms: u64) -> Route6Msg {
    let linkdown = r.kind != crate::kernel::route::RouteType::Local
        && !r.is_reject()
        && n.links.get(&r.dev).is_some_and(|l| !l.carrier);
    Route6Msg { route: r.clone(), linkdown, expires: r.expires_s(now_ms) }
}
