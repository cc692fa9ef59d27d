//! The kernel's own traffic on the wire, as each device's timers
//! (`kernel/own_traffic.rs`, DAD's `Inet6::dad_probes`) fall due: DAD
//! probes, MLDv2 reports, router solicitations and IGMPv3 reports. Each
//! goes straight out of its device to its group's MAC, as `ndisc_send_skb()`,
//! `mld_sendpack()` and `igmpv3_sendpack()` send them (no route to look
//! up, no neighbour to resolve, and no netfilter hook here).

use std::net::{Ipv4Addr, Ipv6Addr};

use crate::kernel::addr::IfAddr;
use crate::kernel::link::LinkRef;
use crate::kernel::mcast::{self, ALL_ROUTERS};
use crate::kernel::neigh::{ipv6_mc_mac, solicited_node, ALL_MLDV2_ROUTERS};
use crate::kernel::ops::dad_probe_due;

use super::engine::Engine;
use super::ndisc::ND_HOP_LIMIT;
use super::trace::{Step6, What};
use super::wire::{EthFrame, EthPayload, Igmp3Report, Ipv4Packet, Payload};
use super::wire6::{Icmp6, Ipv6Packet};

/// IGMPv3 reports go to 224.0.0.22 (`IGMPV3_ALL_MCR`).
pub const ALL_IGMPV3_ROUTERS: Ipv4Addr = Ipv4Addr::new(224, 0, 0, 22);
/// `igmpv3_unsolicited_report_interval`: 1000 ms.
const IGMP_REPORT_INTERVAL_MS: u64 = 1000;

impl Engine<'_> {
    /// Sends what `dev` has due by now, and moves its timers on.
    pub(crate) fn own_traffic(&mut self, dev: LinkRef) {
        let now_ms = self.now / 1000;
        self.dad_probes(dev, now_ms);
        self.mld_reports(dev, now_ms);
        self.router_solicitation(dev, now_ms);
        self.igmp_reports(dev, now_ms);
    }

    /// `addrconf_dad_work()`: a probe from `::` to the tentative address's
    /// solicited-node group, with a nonce (`enhanced_dad`).
    fn dad_probes(&mut self, dev: LinkRef, now_ms: u64) {
        let Some(l) = self.k.link_mut(dev) else { return };
        let mut due = Vec::new();
        for a in l.addrs.iter_mut().filter_map(|a| match a {
            IfAddr::V6(a) => Some(a),
            IfAddr::V4(_) => None,
        }) {
            if dad_probe_due(a).is_some_and(|t| t <= now_ms) {
                a.dad_probes -= 1;
                due.push(a.local);
            }
        }
        for target in due {
            let group = solicited_node(target);
            let probe = Icmp6::NeighSolicit { target, src_lladdr: None, nonce: true };
            self.send_own6(dev, Ipv6Packet::new(Ipv6Addr::UNSPECIFIED, group, ND_HOP_LIMIT, probe));
        }
    }

    /// `mld_ifc_work()` and `mld_dad_work()`: a report of every group the
    /// device reports, from its link-local address once it has one.
    fn mld_reports(&mut self, dev: LinkRef, now_ms: u64) {
        let Some(n) = self.k.ns(dev.ns) else { return };
        let interval = u64::try_from(n.conf.dev_conf(dev.ifindex).mldv2_unsolicited_report_interval.max(0));
        let interval = interval.unwrap_or(0);
        let Some(l) = self.k.link(dev) else { return };
        let groups: Vec<Ipv6Addr> = l.mc.v6.iter().map(|g| g.addr).filter(|g| mcast::reported6(*g)).collect();
        let src = l.ipv6_lladdr().unwrap_or(Ipv6Addr::UNSPECIFIED);
        let seed = u64::from(dev.ifindex) << 8;
        let mut reports = Vec::new();
        let Some(l) = self.k.link_mut(dev) else { return };
        let only = l.own.mld_change_only;
        for (timer, kind) in [(&mut l.own.mld_change, 1), (&mut l.own.mld_dad, 2)] {
            if timer.due().is_some_and(|t| t <= now_ms) {
                timer.sent(now_ms, interval, seed | kind);
                let named = only.filter(|_| kind == 1).map_or_else(|| groups.clone(), |g| vec![g]);
                reports.push(named);
            }
        }
        for groups in reports.into_iter().filter(|g| !g.is_empty()) {
            let report = Icmp6::MldReport { groups };
            self.send_own6(dev, Ipv6Packet::new(src, ALL_MLDV2_ROUTERS, 1, report));
        }
    }

    /// `addrconf_rs_timer()`: a host's solicitation to all-routers, while
    /// the device is ready, does not forward, and `router_solicitations`
    /// (-1: no end) allows another.
    fn router_solicitation(&mut self, dev: LinkRef, now_ms: u64) {
        let Some(n) = self.k.ns(dev.ns) else { return };
        let conf = n.conf.dev_conf(dev.ifindex);
        let Some(l) = self.k.link(dev) else { return };
        let Some(rs) = l.own.rs.filter(|s| s.at_ms <= now_ms) else { return };
        let (src, mac) = (l.ipv6_lladdr(), l.mac);
        let more = conf.router_solicitations < 0 || i64::from(rs.sent) < i64::from(conf.router_solicitations);
        let go = l.ipv6_ready && conf.forwarding6 == 0 && more;
        let Some(l) = self.k.link_mut(dev) else { return };
        if !go {
            l.own.rs = None;
            return;
        }
        if let Some(s) = l.own.rs.as_mut() {
            s.sent(now_ms, u64::from(dev.ifindex) << 8 | 3);
        }
        if let Some(src) = src {
            let rs = Icmp6::RouterSolicit { src_lladdr: Some(mac) };
            self.send_own6(dev, Ipv6Packet::new(src, ALL_ROUTERS, ND_HOP_LIMIT, rs));
        }
    }

    /// `igmp_ifc_timer_expire()`: a report of every IPv4 group but
    /// all-hosts, from the device's first address (0.0.0.0 without one).
    fn igmp_reports(&mut self, dev: LinkRef, now_ms: u64) {
        let Some(l) = self.k.link_mut(dev) else { return };
        if l.own.igmp_change.due().is_none_or(|t| t > now_ms) {
            return;
        }
        l.own.igmp_change.sent(now_ms, IGMP_REPORT_INTERVAL_MS, u64::from(dev.ifindex) << 8 | 4);
        let groups: Vec<Ipv4Addr> = l.mc.v4.iter().map(|g| g.addr).filter(|g| *g != mcast::ALL_HOSTS).collect();
        if groups.is_empty() {
            return;
        }
        let src = l.addrs.iter().filter_map(IfAddr::v4).map(|a| a.local).next().unwrap_or(Ipv4Addr::UNSPECIFIED);
        let (mac, ns) = (l.mac, dev.ns);
        let pkt = Ipv4Packet {
            src,
            dst: ALL_IGMPV3_ROUTERS,
            tos: 0xc0,
            ttl: 1,
            df: true,
            frag: None,
            payload: Payload::Igmp(Igmp3Report { groups }),
        };
        self.note(ns, Some(dev.ifindex), What::Sent { src, dst: ALL_IGMPV3_ROUTERS, what: "IGMPv3 report".into() });
        let frame = EthFrame { src: mac, dst: mcast::map4(ALL_IGMPV3_ROUTERS), payload: EthPayload::Ipv4(pkt) };
        let _ = self.xmit(dev, frame);
    }

    /// Out of `dev` to the group's MAC.
    fn send_own6(&mut self, dev: LinkRef, pkt: Ipv6Packet) {
        let Some(mac) = self.k.link(dev).map(|l| l.mac) else { return };
        let (src, dst) = (pkt.src, pkt.dst);
        self.note(dev.ns, Some(dev.ifindex), What::Ip6 { step: Step6::Sent, src, dst, what: pkt.payload.name() });
        let frame = EthFrame { src: mac, dst: ipv6_mc_mac(dst), payload: EthPayload::Ipv6(pkt) };
        let _ = self.xmit(dev, frame);
    }
}
