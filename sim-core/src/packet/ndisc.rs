//! Neighbour discovery's messages (RFC 4861) as `net/ipv6/ndisc.c` sends
//! and takes them: solicitations to a target's solicited-node group (or
//! unicast when re-probing), advertisements back, and what each teaches
//! the neighbour table. The table and its timers are the ones ARP uses
//! (`arp.rs`): IPv6 entries go INCOMPLETE, REACHABLE, STALE, DELAY, PROBE
//! and FAILED by the same code.

use std::net::{IpAddr, Ipv6Addr};

use crate::kernel::link::LinkRef;
use crate::kernel::mac::Mac;
use crate::kernel::NsId;

use super::engine::{Engine, Ev};
use super::trace::What;
use super::wire::{EthFrame, EthPayload, IpPacket};
use super::wire6::{Icmp6, Ipv6Packet};
use crate::kernel::neigh::{ipv6_mc_mac, solicited_node};

/// The hop limit of every neighbour discovery message (a receiver drops
/// anything less: it was routed).
pub const ND_HOP_LIMIT: u8 = 255;

impl Engine<'_> {
    /// Whether `a` is an address of `dev` past DAD.
    fn owns6(&self, dev: LinkRef, a: Ipv6Addr) -> bool {
        self.k.link(dev).is_some_and(|l| l.addrs.iter().filter_map(|x| x.v6()).any(|x| x.local == a && !x.tentative))
    }

    /// `ndisc_solicit()`: a solicitation for `target` out of `dev`, to its
    /// solicited-node group, or unicast to `to` when re-probing. Its source
    /// is the queued packet's (`hint`) when that is `dev`'s own address,
    /// else `dev`'s link-local address (`ndisc_send_ns()`; without one,
    /// nothing is sent).
    pub(crate) fn ndisc_solicit(
        &mut self,
        ns: NsId,
        dev: u32,
        target: Ipv6Addr,
        to: Option<Mac>,
        hint: Option<Ipv6Addr>,
    ) {
        let r = LinkRef { ns, ifindex: dev };
        let Some(l) = self.k.link(r) else { return };
        let mac = l.mac;
        let lladdr = l.ipv6_lladdr();
        let Some(src) = hint.filter(|h| self.owns6(r, *h)).or(lladdr) else { return };
        let (dst, dmac) = match to {
            Some(m) => (target, m),
            None => {
                // Sending to the group leaves its NOARP entry (`ndisc_constructor()`).
                let group = solicited_node(target);
                self.k.nd_mc_entry(r, group);
                (group, ipv6_mc_mac(group))
            }
        };
        let ns_msg = Icmp6::NeighSolicit { target, src_lladdr: Some(mac), nonce: false };
        let pkt = Ipv6Packet::new(src, dst, ND_HOP_LIMIT, ns_msg);
        self.note(ns, Some(dev), What::NdWhoHas { target, src, dst });
        let _ = self.xmit(r, EthFrame { src: mac, dst: dmac, payload: EthPayload::Ipv6(pkt) });
    }

    /// `ndisc_rcv()`: a solicitation or an advertisement arrived on `dev`.
    pub(crate) fn ndisc_rcv(&mut self, dev: LinkRef, pkt: Ipv6Packet) {
        if pkt.hop_limit != ND_HOP_LIMIT {
            return;
        }
        match pkt.payload {
            Icmp6::NeighSolicit { target, src_lladdr, .. } => self.ndisc_recv_ns(dev, pkt.src, target, src_lladdr),
            Icmp6::RouterSolicit { src_lladdr: Some(mac) } => self.ndisc_recv_rs(dev, pkt.src, mac),
            Icmp6::NeighAdvert { target, solicited, router, target_lladdr: Some(mac), .. } => {
                // accept_untracked_na 0: an advertisement only updates an
                // entry that exists; solicited and unicast, it confirms it.
                let ns = dev.ns;
                if self.neigh_find(ns, dev.ifindex, target.into()).is_none() || self.owns6(dev, target) {
                    return;
                }
                let reachable = solicited && !pkt.dst.is_multicast();
                self.neigh_learn(ns, dev.ifindex, target.into(), mac, reachable, false);
                // NEIGH_UPDATE_F_ISROUTER: the R flag sets or clears NTF_ROUTER.
                self.set_router_flag(dev, target, router);
            }
            _ => {}
        }
    }

    /// `ndisc_recv_rs()`: a router (forwarding on) learns a soliciting
    /// host's address, STALE and not a router (no advertisement answers:
    /// `radvd` would send those).
    fn ndisc_recv_rs(&mut self, dev: LinkRef, src: Ipv6Addr, mac: Mac) {
        if !self.k.forwards6(dev) || src.is_unspecified() {
            return;
        }
        self.neigh_learn(dev.ns, dev.ifindex, src.into(), mac, false, true);
        self.set_router_flag(dev, src, false);
    }

    /// An entry's NTF_ROUTER, as a message's R flag (or its absence) says.
    fn set_router_flag(&mut self, dev: LinkRef, ip: Ipv6Addr, router: bool) {
        let ip = IpAddr::V6(ip);
        if let Some(e) = self.k.ns_mut(dev.ns).and_then(|n| n.neighs.iter_mut().find(|e| e.is(dev.ifindex, ip))) {
            e.router = router;
        }
    }

    /// `ndisc_recv_ns()`: answers for an address of `dev`, or as a proxy
    /// (`proxy_ndp` with forwarding, for an `ip -6 neigh add proxy`
    /// entry, after `proxy_delay` as `pneigh_enqueue()` waits); the asker
    /// becomes a STALE neighbour (`neigh_event_ns()`).
    fn ndisc_recv_ns(&mut self, dev: LinkRef, src: Ipv6Addr, target: Ipv6Addr, lladdr: Option<Mac>) {
        let ns = dev.ns;
        let Some(n) = self.k.ns(ns) else { return };
        let conf = n.conf.dev_conf(dev.ifindex);
        let forwarding = conf.forwarding6 != 0;
        let ours = self.owns6(dev, target);
        // A proxy entry answers as a router only if added with `router`
        // (`pndisc_is_router()`); an own address as the device forwards.
        let pneigh =
            n.neighs.iter().find(|e| e.proxy && e.dst == IpAddr::V6(target) && (e.dev == dev.ifindex || e.dev == 0));
        let proxy = !ours && forwarding && (conf.proxy_ndp != 0 || n.conf.all.proxy_ndp != 0) && pneigh.is_some();
        if !ours && !proxy {
            return;
        }
        let router = if proxy { pneigh.is_some_and(|e| e.router) } else { forwarding };
        let delay_us = if proxy {
            let cs =
                n.conf.neigh.get(&dev.ifindex).map_or(n.conf.neigh_default.proxy_delay_cs(), |c| c.proxy_delay_cs());
            // A random time below proxy_delay; half of it here.
            u64::from(cs) * 10_000 / 2
        } else {
            0
        };
        let Some(mac) = self.k.link(dev).map(|l| l.mac) else { return };
        if src.is_unspecified() {
            // Another host's DAD: its address is ours (`dadfailed` is
            // addrconf's); answered to all nodes.
            return;
        }
        let Some(asker) = lladdr else { return };
        self.neigh_learn(ns, dev.ifindex, src.into(), asker, false, true);
        let na = Icmp6::NeighAdvert { target, router, solicited: true, override_: !proxy, target_lladdr: Some(mac) };
        let reply = Ipv6Packet::new(target, src, ND_HOP_LIMIT, na);
        if delay_us == 0 {
            self.ndisc_send_na(dev, reply);
        } else {
            let frame = EthFrame { src: mac, dst: asker, payload: EthPayload::Ipv6(reply) };
            self.push(self.now + delay_us, Ev::Tx { dev, frame });
        }
    }

    /// `ndisc_send_na()`: through the neighbour layer, which the
    /// solicitation just taught the asker's address (so its entry goes
    /// from STALE to DELAY, as recorded).
    fn ndisc_send_na(&mut self, dev: LinkRef, na: Ipv6Packet) {
        if let Icmp6::NeighAdvert { target, router, target_lladdr: Some(mac), .. } = na.payload {
            self.note(dev.ns, Some(dev.ifindex), What::NdIsAt { target, mac, router });
        }
        let dst = na.dst;
        let _ = self.neigh_output(dev.ns, dev.ifindex, dst.into(), IpPacket::V6(na));
    }
}
