//! The neighbour state machine (INCOMPLETE, REACHABLE, STALE, DELAY,
//! PROBE, FAILED) that ARP and neighbour discovery share, as both of
//! Linux's tables run on `net/core/neighbour.c`; ARP itself, and proxy ARP
//! as `arp_process()` does it. Neighbour discovery's messages are
//! `ndisc.rs`'s; everything here is keyed by an `IpAddr` of either family.

use std::net::{IpAddr, Ipv4Addr};

use crate::kernel::link::LinkRef;
use crate::kernel::mac::Mac;
use crate::kernel::neigh::{Neigh, NudState};
use crate::kernel::NsId;

use super::engine::*;
use super::fib;
use super::ip::SendError;
use super::trace::{DropReason, What};
use super::wire::{ArpOp, ArpPacket, EthFrame, EthPayload, IpPacket, UnreachCode};

/// Whether a state has a usable link-layer address (`NUD_VALID`).
fn valid(s: NudState) -> bool {
    s.valid()
}

impl Engine<'_> {
    pub(crate) fn neigh_find(&self, ns: NsId, dev: u32, ip: IpAddr) -> Option<&Neigh> {
        self.k.ns(ns)?.neighs.iter().find(|n| n.dev == dev && n.dst == ip && !n.proxy)
    }

    fn neigh_find_mut(&mut self, ns: NsId, dev: u32, ip: IpAddr) -> Option<&mut Neigh> {
        self.k.ns_mut(ns)?.neighs.iter_mut().find(|n| n.dev == dev && n.dst == ip && !n.proxy)
    }

    pub(crate) fn set_state(&mut self, ns: NsId, dev: u32, ip: IpAddr, state: NudState, lladdr: Option<Mac>) {
        let now_ms = self.now / 1000;
        match self.neigh_find_mut(ns, dev, ip) {
            Some(n) => {
                n.state = state;
                n.updated_ms = now_ms;
                if lladdr.is_some() {
                    n.lladdr = lladdr;
                }
            }
            None => {
                // Newest first, as the kernel's hash chains dump small tables.
                if let Some(n) = self.k.ns_mut(ns) {
                    n.neighs.insert(
                        0,
                        Neigh { dst: ip, dev, lladdr, state, updated_ms: now_ms, proxy: false, router: false },
                    );
                }
            }
        }
        self.note(ns, Some(dev), What::Neigh { ip, state: state.name() });
    }

    /// Re-arms the timers the neighbour tables imply at the start of a run.
    pub(crate) fn rearm_neigh_timers(&mut self) {
        // (resolve_timer below computes the same time for a scheduler.)
        let mut timers = Vec::new();
        for id in self.k.ns_ids() {
            let Some(n) = self.k.ns(id) else { continue };
            for e in n.neighs.iter().filter(|e| !e.proxy) {
                let dst = e.dst;
                let since = e.updated_ms * 1000;
                let at = match e.state {
                    NudState::Incomplete | NudState::Probe => {
                        let sent = (1 + self.now.saturating_sub(since) / RETRANS_US).min(u64::from(MAX_PROBES)) as u32;
                        self.probes.insert((id, e.dev, dst), sent);
                        let slack = if sent >= MAX_PROBES { FAIL_SLACK_US } else { 0 };
                        since + u64::from(sent) * RETRANS_US + slack
                    }
                    NudState::Delay => since + DELAY_PROBE_US,
                    NudState::Reachable => since + REACHABLE_US,
                    _ => continue,
                };
                timers.push((at, id, e.dev, dst));
            }
        }
        for (at, ns, dev, ip) in timers {
            self.push(at, Ev::NeighTimer { ns, dev, ip });
        }
    }

    /// A neighbour timer fired: retransmit, fail, or age the entry.
    pub(crate) fn neigh_timer(&mut self, ns: NsId, dev: u32, ip: IpAddr) {
        let Some(e) = self.neigh_find(ns, dev, ip) else { return };
        let (state, since, lladdr) = (e.state, e.updated_ms * 1000, e.lladdr);
        let key = (ns, dev, ip);
        match state {
            NudState::Incomplete | NudState::Probe => {
                let sent = self.probes.get(&key).copied().unwrap_or(MAX_PROBES);
                if sent >= MAX_PROBES {
                    if self.now < since + u64::from(MAX_PROBES) * RETRANS_US {
                        return;
                    }
                    self.probes.remove(&key);
                    self.failed_in_run.insert(key, self.now);
                    self.set_state(ns, dev, ip, NudState::Failed, None);
                    let queued = self.pending.remove(&key).unwrap_or_default();
                    for p in queued {
                        self.neigh_failed(ns, dev, p);
                    }
                } else {
                    self.probes.insert(key, sent + 1);
                    let to = if state == NudState::Probe { lladdr } else { None };
                    self.solicit(ns, dev, ip, to);
                    let slack = if sent + 1 >= MAX_PROBES { FAIL_SLACK_US } else { 0 };
                    self.push(self.now + RETRANS_US + slack, Ev::NeighTimer { ns, dev, ip });
                }
            }
            NudState::Delay if self.now >= since + DELAY_PROBE_US => {
                self.set_state(ns, dev, ip, NudState::Probe, None);
                self.probes.insert(key, 1);
                self.solicit(ns, dev, ip, lladdr);
                self.push(self.now + RETRANS_US, Ev::NeighTimer { ns, dev, ip });
            }
            NudState::Reachable if self.now >= since + REACHABLE_US => {
                self.set_state(ns, dev, ip, NudState::Stale, None);
            }
            _ => {}
        }
    }

    /// A packet whose next hop could not be resolved: the sender hears of
    /// it (`arp_error_report()`, `ndisc_error_report()`).
    fn neigh_failed(&mut self, ns: NsId, dev: u32, p: IpPacket) {
        self.drop_(ns, Some(dev), DropReason::ArpFailed, p.what());
        match p {
            IpPacket::V4(p) => self.icmp_error(ns, None, &p, super::ip::ErrKind::Unreach(UnreachCode::Host)),
            #[cfg(feature = "ipv6")]
            IpPacket::V6(p) => {
                self.icmp6_error(ns, None, &p, super::ip6::Err6::Unreach(super::wire6::Unreach6::Address))
            }
        }
    }

    /// Asks for `ip`'s link-layer address out of `dev` (`neigh->ops->solicit`):
    /// broadcast or multicast, or unicast to `to` when re-probing a known
    /// neighbour.
    fn solicit(&mut self, ns: NsId, dev: u32, ip: IpAddr, to: Option<Mac>) {
        match ip {
            IpAddr::V4(ip) => self.arp_solicit(ns, dev, ip, to),
            #[cfg(feature = "ipv6")]
            IpAddr::V6(ip) => {
                let hint = self.pending.get(&(ns, dev, IpAddr::V6(ip))).and_then(|q| match q.first() {
                    Some(IpPacket::V6(p)) => Some(p.src),
                    _ => None,
                });
                self.ndisc_solicit(ns, dev, ip, to, hint)
            }
            #[cfg(not(feature = "ipv6"))]
            IpAddr::V6(_) => {}
        }
    }

    /// `arp_solicit()`: an ARP request for `ip` out of `dev`.
    fn arp_solicit(&mut self, ns: NsId, dev: u32, ip: Ipv4Addr, to: Option<Mac>) {
        let Some(n) = self.k.ns(ns) else { return };
        let Some(l) = n.links.get(&dev) else { return };
        let mac = l.mac;
        let tell = fib::select_addr(n, dev, ip, crate::kernel::addr::Scope::Link).unwrap_or(Ipv4Addr::UNSPECIFIED);
        self.note(ns, Some(dev), What::ArpWhoHas { target: ip, tell });
        let arp =
            ArpPacket { op: ArpOp::Request, sender_mac: mac, sender_ip: tell, target_mac: Mac::ZERO, target_ip: ip };
        let frame = EthFrame { src: mac, dst: to.unwrap_or(Mac::BROADCAST), payload: EthPayload::Arp(arp) };
        let _ = self.xmit(LinkRef { ns, ifindex: dev }, frame);
    }

    /// Sends an ARP packet out of a device to `to`.
    pub(crate) fn send_arp(&mut self, dev: LinkRef, arp: ArpPacket, to: Mac) {
        let Some(l) = self.k.link(dev) else { return };
        let frame = EthFrame { src: l.mac, dst: to, payload: EthPayload::Arp(arp) };
        let _ = self.xmit(dev, frame);
    }

    /// `neigh_output()`: sends `pkt` to next hop `nh` on `dev`, resolving it
    /// first. Only a packet handed straight to the device can fail here
    /// (ENOBUFS); one queued for ARP cannot tell its sender.
    pub(crate) fn neigh_output(&mut self, ns: NsId, dev: u32, nh: IpAddr, pkt: IpPacket) -> Result<(), SendError> {
        let r = LinkRef { ns, ifindex: dev };
        let Some(l) = self.k.link(r) else { return Ok(()) };
        if !l.admin_up {
            self.drop_(ns, Some(dev), DropReason::LinkDown, pkt.what());
            return Ok(());
        }
        let src_mac = l.mac;
        if !l.carrier {
            // neigh_carrier_down(): losing carrier flushes learnt entries.
            if let Some(n) = self.k.ns_mut(ns) {
                n.neighs.retain(|e| {
                    !(e.dev == dev
                        && e.dst == nh
                        && !e.proxy
                        && e.state != NudState::Permanent
                        && e.state != NudState::Incomplete
                        && e.state != NudState::Failed)
                });
            }
        }
        let entry = self.neigh_find(ns, dev, nh).map(|e| (e.state, e.lladdr, e.updated_ms));
        let key = (ns, dev, nh);
        match entry {
            Some((state, Some(mac), _)) if valid(state) => {
                if state == NudState::Stale {
                    self.set_state(ns, dev, nh, NudState::Delay, None);
                    self.push(self.now + DELAY_PROBE_US, Ev::NeighTimer { ns, dev, ip: nh });
                }
                let frame = EthFrame { src: src_mac, dst: mac, payload: pkt.into_payload() };
                if !self.xmit(r, frame) {
                    return Err(SendError::NoBufs);
                }
            }
            Some((NudState::Incomplete, _, _)) => {
                let q = self.pending.entry(key).or_default();
                if q.len() >= NEIGH_QUEUE_MAX {
                    let old = q.remove(0);
                    self.drop_(ns, Some(dev), DropReason::QueueFull, old.what());
                }
                self.pending.entry(key).or_default().push(pkt);
            }
            Some((NudState::Failed, _, _))
                if self.failed_in_run.get(&key).is_some_and(|t| self.now < t + RETRANS_US) =>
            {
                // Failed moments ago in this run: the error comes back at
                // once (as recorded: the probe after a failure is reported
                // without new ARP requests; a later command resolves anew).
                self.neigh_failed(ns, dev, pkt);
            }
            _ => {
                self.set_state(ns, dev, nh, NudState::Incomplete, None);
                self.pending.insert(key, vec![pkt]);
                self.probes.insert(key, 1);
                self.solicit(ns, dev, nh, None);
                self.push(self.now + RETRANS_US, Ev::NeighTimer { ns, dev, ip: nh });
            }
        }
        Ok(())
    }

    /// A neighbour became valid: the packets waiting for it go out.
    fn flush_pending(&mut self, ns: NsId, dev: u32, ip: IpAddr) {
        self.probes.remove(&(ns, dev, ip));
        let queued = self.pending.remove(&(ns, dev, ip)).unwrap_or_default();
        let Some(e) = self.neigh_find(ns, dev, ip) else { return };
        let Some(mac) = e.lladdr else { return };
        let state = e.state;
        let Some(src) = self.k.link(LinkRef { ns, ifindex: dev }).map(|l| l.mac) else { return };
        if !queued.is_empty() && state == NudState::Stale {
            self.set_state(ns, dev, ip, NudState::Delay, None);
            self.push(self.now + DELAY_PROBE_US, Ev::NeighTimer { ns, dev, ip });
        }
        for (i, pkt) in queued.into_iter().enumerate() {
            let frame = EthFrame { src, dst: mac, payload: pkt.into_payload() };
            self.push(self.now + RESOLVE_US + i as u64, Ev::Tx { dev: LinkRef { ns, ifindex: dev }, frame });
        }
    }

    /// `neigh_update()` from an ARP packet: `create` for requests aimed at us.
    pub(crate) fn neigh_learn(&mut self, ns: NsId, dev: u32, ip: IpAddr, mac: Mac, reachable: bool, create: bool) {
        let old = self.neigh_find(ns, dev, ip).map(|e| (e.state, e.lladdr));
        let new = if reachable { NudState::Reachable } else { NudState::Stale };
        match old {
            None if !create => return,
            Some((NudState::Permanent | NudState::Noarp, _)) => return,
            Some((s, Some(m))) if valid(s) && m == mac && new == NudState::Stale => return,
            Some((s, Some(m))) if valid(s) && m == mac && s == new => {
                let now_ms = self.now / 1000;
                if let Some(e) = self.neigh_find_mut(ns, dev, ip) {
                    e.updated_ms = now_ms;
                }
                return;
            }
            _ => {}
        }
        self.set_state(ns, dev, ip, new, Some(mac));
        if reachable {
            self.push(self.now + REACHABLE_US, Ev::NeighTimer { ns, dev, ip });
        }
        if matches!(old, Some((NudState::Incomplete | NudState::Probe, _)) | None) {
            self.flush_pending(ns, dev, ip);
        }
    }

    /// `arp_process()`.
    pub(crate) fn arp_rx(&mut self, dev: LinkRef, a: ArpPacket, to_us: bool) {
        let ns = dev.ns;
        let Some(n) = self.k.ns(ns) else { return };
        if a.op == ArpOp::Request {
            let tip = a.target_ip;
            if fib::is_local(n, tip) {
                // arp_ignore=0: answer for any local address.
                self.neigh_learn(ns, dev.ifindex, a.sender_ip.into(), a.sender_mac, false, true);
                let Some(mac) = self.k.link(dev).map(|l| l.mac) else { return };
                self.note(ns, Some(dev.ifindex), What::ArpIsAt { ip: tip, mac, proxy: false });
                let reply = a.reply(mac);
                self.send_arp(dev, reply, a.sender_mac);
                return;
            }
            match self.proxy_decision(dev, tip) {
                Ok(delay_us) => {
                    self.neigh_learn(ns, dev.ifindex, a.sender_ip.into(), a.sender_mac, false, true);
                    let Some(mac) = self.k.link(dev).map(|l| l.mac) else { return };
                    self.note(ns, Some(dev.ifindex), What::ArpIsAt { ip: tip, mac, proxy: true });
                    let reply = a.reply(mac);
                    if delay_us == 0 {
                        self.send_arp(dev, reply, a.sender_mac);
                    } else {
                        self.push(self.now + delay_us, Ev::ProxyReply { dev, arp: reply, to: a.sender_mac });
                    }
                    return;
                }
                Err(why) => self.note(ns, Some(dev.ifindex), What::ArpIgnored { target: tip, why }),
            }
        }
        let reachable = a.op == ArpOp::Reply && to_us;
        self.neigh_learn(ns, dev.ifindex, a.sender_ip.into(), a.sender_mac, reachable, false);
    }

    /// Whether the kernel answers an ARP request for `tip` arriving on
    /// `dev` on another host's behalf, and after how long.
    fn proxy_decision(&self, dev: LinkRef, tip: Ipv4Addr) -> Result<u64, &'static str> {
        let n = self.k.ns(dev.ns).ok_or("no namespace")?;
        let explicit = n.neighs.iter().any(|e| e.proxy && e.dst == tip && (e.dev == dev.ifindex || e.dev == 0));
        let proxy_arp = n.conf.proxy_arp(dev.ifindex);
        if !proxy_arp && !explicit {
            return Err("not a local address");
        }
        if !n.conf.dev_conf(dev.ifindex).forwards() {
            return Err("proxy ARP needs forwarding on the interface");
        }
        let r = fib::lookup(n, tip, None).map_err(|_| "proxy ARP: no route to the target")?;
        if r.kind != fib::Kind::Unicast || r.dev == dev.ifindex {
            return Err("proxy ARP: the target is routed out of the same interface");
        }
        let delay_cs =
            n.conf.neigh.get(&dev.ifindex).map_or(n.conf.neigh_default.proxy_delay_cs(), |c| c.proxy_delay_cs());
        // Linux waits a random time below proxy_delay; we wait half of it.
        Ok(u64::from(delay_cs) * 10_000 / 2)
    }
}

/// When an INCOMPLETE or PROBE neighbour's timer next fires (a probe, or
/// the failure that returns its queued packets as errors), as
/// `rearm_neigh_timers` arms it: for a scheduler waiting on a packet that
/// awaits ARP.
pub fn resolve_timer(k: &crate::kernel::Kernel, (ns, dev, ip): NeighKey, now_us: u64) -> Option<u64> {
    let e = k.ns(ns)?.neighs.iter().find(|e| !e.proxy && e.dev == dev && e.dst == ip)?;
    if !matches!(e.state, NudState::Incomplete | NudState::Probe) {
        return None;
    }
    let since = e.updated_ms * 1000;
    let sent = (1 + now_us.saturating_sub(since) / RETRANS_US).min(u64::from(MAX_PROBES));
    let slack = if sent >= u64::from(MAX_PROBES) { FAIL_SLACK_US } else { 0 };
    Some(since + sent * RETRANS_US + slack)
}
