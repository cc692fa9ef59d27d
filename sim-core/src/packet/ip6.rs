//! IPv6's layer 3: output through fib6 (`ip6_dst_lookup_tail()`,
//! `ip6_finish_output()`), receiving (`ipv6_rcv()`), local delivery
//! (`ip6_input()`: echo replies, neighbour discovery, what ping sockets
//! read), forwarding (`ip6_forward()`: hop limit, Packet Too Big, no route)
//! and ICMPv6 errors (`icmp6_send()`), with the path MTUs they teach
//! (`rt6_update_pmtu()`).

use std::net::Ipv6Addr;

use crate::kernel::link::LinkRef;
use crate::kernel::netfilter::eval::Verdict;
use crate::kernel::netfilter::Hook;
use crate::kernel::route::{RouteType, RTAX_MTU};
use crate::kernel::route6::Route6;
use crate::kernel::NsId;

use super::engine::{Engine, Ev, Received6, LOOP_US};
use super::fib6;
use super::ip::SendError;
use super::mtu::PmtuDisc;
use super::trace::{DropReason, Step6, What};
use super::wire::IpPacket;
use super::wire6::{Icmp6, Ipv6Packet, Unreach6, IPV6_MIN_MTU};
use crate::kernel::neigh::solicited_node;

/// `net.ipv6.conf.*.hop_limit`: the hop limit of packets a host makes.
pub const HOP_LIMIT: u8 = 64;
/// `ip6_rt_mtu_expires`: a learnt path MTU lasts ten minutes.
pub const PMTU6_EXPIRES_MS: u64 = 600_000;
/// The largest IPv6 payload without a jumbogram option.
pub const MAX_PAYLOAD: usize = 65_535;

/// Which ICMPv6 error to send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Err6 {
    Unreach(Unreach6),
    TooBig { mtu: u32 },
    HopLimit,
}

pub(crate) fn what(p: &Ipv6Packet) -> String {
    format!("{} {} > {}", p.payload.name(), p.src, p.dst)
}

impl Engine<'_> {
    /// Whether `a` is one of the namespace's addresses in use (a `local`
    /// route: DAD is over).
    pub(crate) fn is_local6(&self, ns: NsId, a: Ipv6Addr) -> bool {
        self.k
            .ns(ns)
            .and_then(|n| fib6::table_lookup(n, crate::kernel::route::RT_TABLE_LOCAL, a, None))
            .is_some_and(|r| r.kind == RouteType::Local && r.prefix == 128)
    }

    /// The route `dst` takes from here (reject routes are no route).
    fn route6(&self, ns: NsId, dst: Ipv6Addr, oif: Option<u32>) -> Option<Route6> {
        let n = self.k.ns(ns)?;
        fib6::lookup(n, dst, oif).filter(|r| !r.is_reject()).cloned()
    }

    /// The learnt path MTU to `dst`, while it lasts.
    pub(crate) fn learnt_pmtu6(&self, ns: NsId, dst: Ipv6Addr) -> Option<u32> {
        let now_ms = self.now / 1000;
        self.k.ns(ns)?.pmtu6.iter().find(|p| p.0 == dst && p.2 > now_ms).map(|p| p.1)
    }

    /// `ip6_mtu()`: the route's `mtu` metric, else the device's.
    fn route6_mtu(&self, ns: NsId, r: &Route6) -> u32 {
        r.metrics
            .get(RTAX_MTU)
            .unwrap_or_else(|| self.k.ns(ns).and_then(|n| n.links.get(&r.dev)).map_or(1500, |l| l.mtu))
    }

    /// The MTU a packet made here leaves with: a learnt path MTU, else the route's.
    pub(crate) fn output_mtu6(&self, ns: NsId, r: &Route6, dst: Ipv6Addr) -> u32 {
        self.learnt_pmtu6(ns, dst).unwrap_or_else(|| self.route6_mtu(ns, r))
    }

    /// `rt6_do_update_pmtu()`: a Packet Too Big narrows the path to `dst`
    /// (never below 1280), for ten minutes.
    pub(crate) fn learn_pmtu6(&mut self, ns: NsId, dst: Ipv6Addr, mtu: u32) {
        let Some(r) = self.route6(ns, dst, None) else { return };
        let mtu = mtu.max(IPV6_MIN_MTU);
        if mtu >= self.output_mtu6(ns, &r, dst) {
            return;
        }
        let until = self.now / 1000 + PMTU6_EXPIRES_MS;
        let Some(n) = self.k.ns_mut(ns) else { return };
        n.pmtu6.retain(|p| p.0 != dst);
        n.pmtu6.push((dst, mtu, until));
    }

    /// Sends an echo request a socket made with `IPV6_MTU_DISCOVER` at
    /// `mode`: larger than the path MTU it fails with EMSGSIZE under `do`,
    /// and is fragmented here otherwise (IPv6 routers never fragment).
    pub fn send_probe6(
        &mut self,
        ns: NsId,
        pkt: Ipv6Packet,
        oif: Option<u32>,
        mode: PmtuDisc,
    ) -> Result<(), SendError> {
        if let Some(r) = self.route6(ns, pkt.dst, oif).filter(|r| r.kind == RouteType::Unicast) {
            let mtu = self.output_mtu6(ns, &r, pkt.dst);
            let too_long = pkt.payload.len() > MAX_PAYLOAD;
            if too_long || (mode == PmtuDisc::Do && pkt.len() > mtu as usize) {
                return Err(SendError::MsgSize { mtu });
            }
        }
        self.ip6_send(ns, pkt, oif)
    }

    /// `ip6_local_out()` of a packet this namespace made: through `lo` to
    /// itself, or out of the route's device to its next hop (fragmented to
    /// the path MTU when larger).
    pub fn ip6_send(&mut self, ns: NsId, pkt: Ipv6Packet, oif: Option<u32>) -> Result<(), SendError> {
        let Some(r) = self.route6(ns, pkt.dst, oif) else {
            let reason = if pkt.payload.is_error() || matches!(pkt.payload, Icmp6::EchoReply { .. }) {
                DropReason::ReplyUnroutable
            } else {
                DropReason::NoRoute
            };
            self.drop_(ns, None, reason, what(&pkt));
            return Err(SendError::NoRoute);
        };
        if !pkt.payload.is_error() {
            self.note(ns, None, What::Ip6 { step: Step6::Sent, src: pkt.src, dst: pkt.dst, what: pkt.payload.name() });
        }
        let out = match r.kind {
            RouteType::Local => {
                self.k.ns(ns).and_then(|n| n.links.values().find(|l| l.is_loopback())).map(|l| l.ifindex)
            }
            _ => Some(r.dev),
        };
        match self.filter6_at(ns, Hook::Output, &pkt, None, out) {
            // As IPv4's: ping hears nothing of an OUTPUT DROP…
            Verdict::Drop => {
                self.drop_(ns, None, DropReason::Firewall, what(&pkt));
                return Ok(());
            }
            // …and a REJECT's error, with sendmsg() failing (EPERM).
            v @ Verdict::Reject(_) => {
                self.filter6_passes(ns, None, &pkt, v);
                return Err(SendError::NotPermitted);
            }
            _ => {}
        }
        if r.kind == RouteType::Local {
            self.loopback_out6(ns, pkt);
            return Ok(());
        }
        if pkt.dst.is_multicast() {
            self.mc_output6(LinkRef { ns, ifindex: r.dev }, &pkt);
        }
        let nh = r.gateway.unwrap_or(pkt.dst);
        let mtu = self.output_mtu6(ns, &r, pkt.dst);
        self.ip6_output(ns, r.dev, nh, pkt, mtu)
    }

    /// `ip6_finish_output()`: to the neighbour layer, in fragments when
    /// larger than `mtu`.
    fn ip6_output(&mut self, ns: NsId, dev: u32, nh: Ipv6Addr, pkt: Ipv6Packet, mtu: u32) -> Result<(), SendError> {
        if pkt.len() <= mtu as usize {
            return self.neigh_output(ns, dev, nh.into(), IpPacket::V6(pkt));
        }
        self.frag_id = self.frag_id.wrapping_add(1);
        let parts = pkt.fragments(mtu as usize, u32::from(self.frag_id));
        let out = self.dev_name(ns, dev);
        self.note(ns, Some(dev), What::Fragmented { count: parts.len(), mtu, out });
        for p in parts {
            self.neigh_output(ns, dev, nh.into(), IpPacket::V6(p))?;
        }
        Ok(())
    }

    /// `ip6_finish_output2()` for a multicast destination: the group's
    /// NOARP entry (so the neighbour layer maps it to 33:33:…), and a copy
    /// looped back to this host when it is in the group on `dev`
    /// (`IPV6_MULTICAST_LOOP`, on by default).
    fn mc_output6(&mut self, dev: LinkRef, pkt: &Ipv6Packet) {
        self.k.nd_mc_entry(dev, pkt.dst);
        if self.joined(dev, pkt.dst) {
            let ev = Ev::LocalIn6 { ns: dev.ns, dev: Some(dev.ifindex), pkt: pkt.clone() };
            self.push(self.now + LOOP_US, ev);
        }
    }

    /// A packet for this host goes through `lo` (`loopback_xmit()` counts it
    /// without an Ethernet header); with `lo` down it is lost.
    fn loopback_out6(&mut self, ns: NsId, pkt: Ipv6Packet) {
        let lo =
            self.k.ns(ns).and_then(|n| n.links.values().find(|l| l.is_loopback()).map(|l| (l.ifindex, l.admin_up)));
        match lo {
            Some((lo, true)) => {
                let len = pkt.len();
                if let Some(l) = self.k.link_mut(LinkRef { ns, ifindex: lo }) {
                    l.stats.sent(len);
                    l.stats.received(len);
                }
                // It arrives as on the device that has the address.
                let owner = self.k.ns(ns).and_then(|n| {
                    n.links.values().find(|l| l.addrs.iter().filter_map(|a| a.v6()).any(|a| a.local == pkt.dst))
                });
                let dev = Some(owner.map_or(lo, |l| l.ifindex));
                self.push(self.now + LOOP_US, Ev::LocalIn6 { ns, dev, pkt });
            }
            Some((lo, false)) => {
                if let Some(l) = self.k.link_mut(LinkRef { ns, ifindex: lo }) {
                    l.stats.dropped_sending();
                }
                self.drop_(ns, Some(lo), DropReason::LoopbackDown, what(&pkt));
            }
            None => self.drop_(ns, None, DropReason::LoopbackDown, what(&pkt)),
        }
    }

    /// Whether `dst` is a multicast group `dev` listens to: all-nodes, and
    /// the solicited-node group of each of its addresses (tentative ones
    /// too, for DAD) and of each address it proxies (`pndisc_constructor()`).
    fn joined(&self, dev: LinkRef, dst: Ipv6Addr) -> bool {
        if dst == crate::kernel::mcast::ALL_NODES {
            return true;
        }
        // A router listens to all-routers (`dev_forward_change()`).
        if dst == crate::kernel::mcast::ALL_ROUTERS {
            return self.k.forwards6(dev);
        }
        let own = self
            .k
            .link(dev)
            .is_some_and(|l| l.addrs.iter().filter_map(|a| a.v6()).any(|a| solicited_node(a.local) == dst));
        let proxied = self.k.ns(dev.ns).is_some_and(|n| {
            n.neighs.iter().any(|e| {
                e.proxy
                    && (e.dev == dev.ifindex || e.dev == 0)
                    && matches!(e.dst, std::net::IpAddr::V6(a) if solicited_node(a) == dst)
            })
        });
        own || proxied
    }

    /// `ipv6_rcv()` and `ip6_route_input()`: a packet arrives on `dev`.
    pub(crate) fn ip6_rcv(&mut self, dev: LinkRef, pkt: Ipv6Packet) {
        let ns = dev.ns;
        let Some(l) = self.k.link(dev) else { return };
        if !l.ipv6_ready && !l.is_loopback() {
            // No inet6_dev in use: a link without IPv6 drops it all.
            return;
        }
        if pkt.dst.is_multicast() {
            if self.joined(dev, pkt.dst) {
                self.local_deliver6(ns, Some(dev.ifindex), pkt);
            }
            return;
        }
        if self.is_local6(ns, pkt.dst) {
            self.local_deliver6(ns, Some(dev.ifindex), pkt);
            return;
        }
        self.ip6_forward(dev, pkt);
    }

    /// `ip6_route_input()` then `ip6_forward()`: no route is answered
    /// whether or not the host forwards (`ip6_pkt_drop()`); a route with
    /// `conf.all.forwarding` off is a silent drop; then the hop limit, the
    /// MTU of the way out (a router never fragments: Packet Too Big), and
    /// the next hop.
    fn ip6_forward(&mut self, in_dev: LinkRef, mut pkt: Ipv6Packet) {
        let ns = in_dev.ns;
        let Some(r) = self.route6(ns, pkt.dst, None) else {
            self.drop_(ns, Some(in_dev.ifindex), DropReason::NoRoute, what(&pkt));
            self.icmp6_error(ns, Some(in_dev.ifindex), &pkt, Err6::Unreach(Unreach6::NoRoute));
            return;
        };
        if self.k.ns(ns).is_none_or(|n| n.conf.all.forwarding6 == 0) {
            self.drop_(ns, Some(in_dev.ifindex), DropReason::ForwardingDisabled, what(&pkt));
            return;
        }
        let linklocal = |a: Ipv6Addr| fib6::addr_scope(a) <= 2;
        if linklocal(pkt.dst) || linklocal(pkt.src) {
            self.drop_(ns, Some(in_dev.ifindex), DropReason::Unroutable, what(&pkt));
            return;
        }
        if pkt.hop_limit <= 1 {
            self.drop_(ns, Some(in_dev.ifindex), DropReason::TtlExceeded, what(&pkt));
            self.icmp6_error(ns, Some(in_dev.ifindex), &pkt, Err6::HopLimit);
            return;
        }
        let mtu = self.route6_mtu(ns, &r);
        if pkt.len() > mtu as usize {
            self.drop_(ns, Some(in_dev.ifindex), DropReason::FragNeeded, what(&pkt));
            self.icmp6_error(ns, Some(in_dev.ifindex), &pkt, Err6::TooBig { mtu });
            return;
        }
        pkt.hop_limit -= 1;
        let v = self.filter6_at(ns, Hook::Forward, &pkt, Some(in_dev.ifindex), Some(r.dev));
        if !self.filter6_passes(ns, Some(in_dev.ifindex), &pkt, v) {
            return;
        }
        let step = Step6::Forwarded { hop_limit: pkt.hop_limit };
        self.note(ns, Some(in_dev.ifindex), What::Ip6 { step, src: pkt.src, dst: pkt.dst, what: pkt.payload.name() });
        let nh = r.gateway.unwrap_or(pkt.dst);
        let _ = self.neigh_output(ns, r.dev, nh.into(), IpPacket::V6(pkt));
    }

    /// `ip6_input()` and `icmpv6_rcv()`: answers echo requests, hands
    /// neighbour discovery to `ndisc_rcv()`, and echo replies and errors
    /// to the ping sockets (an error's Packet Too Big teaching the path MTU
    /// first). Fragments are put back together here first
    /// (`ipv6_frag_rcv()`).
    pub(crate) fn local_deliver6(&mut self, ns: NsId, in_dev: Option<u32>, pkt: Ipv6Packet) {
        if let Some(f) = pkt.frag {
            let key = (ns, pkt.src.into(), pkt.dst.into(), f.id);
            if !self.reassembled(key, (f.offset, f.len, f.more)) {
                return;
            }
        }
        let pkt = Ipv6Packet { frag: None, ..pkt };
        let v = self.filter6_at(ns, Hook::Input, &pkt, in_dev, None);
        if !self.filter6_passes(ns, in_dev, &pkt, v) {
            return;
        }
        if !pkt.payload.is_ndisc() {
            let step = Step6::Delivered;
            self.note(ns, None, What::Ip6 { step, src: pkt.src, dst: pkt.dst, what: pkt.payload.name() });
        }
        match pkt.payload {
            Icmp6::EchoRequest { ident, seq, data_len } => {
                // icmpv6_echo_reply(): from the address asked (a multicast
                // one's answer comes from the device's own).
                let src = if pkt.dst.is_multicast() {
                    let dev = in_dev.unwrap_or(0);
                    self.k.ns(ns).and_then(|n| fib6::select_saddr(n, dev, pkt.src, self.now / 1000))
                } else {
                    Some(pkt.dst)
                };
                let Some(src) = src else { return };
                let reply = Ipv6Packet::new(src, pkt.src, HOP_LIMIT, Icmp6::EchoReply { ident, seq, data_len });
                let oif = in_dev.filter(|_| fib6::addr_scope(pkt.src) <= 2);
                let _ = self.ip6_send(ns, reply, oif);
            }
            Icmp6::NeighSolicit { .. } | Icmp6::NeighAdvert { .. } | Icmp6::RouterSolicit { .. } => {
                if let Some(dev) = in_dev {
                    self.ndisc_rcv(LinkRef { ns, ifindex: dev }, pkt);
                }
            }
            // For multicast routers, which no host here is.
            Icmp6::MldReport { .. } => {}
            _ => {
                if let Icmp6::PacketTooBig { mtu, quoted } = pkt.payload {
                    self.learn_pmtu6(ns, quoted.dst, mtu);
                }
                self.inbox6.push(Received6 { at_us: self.now, ns, dev: in_dev, pkt });
            }
        }
    }

    /// `icmp6_send()`: reports a problem with `bad` to its sender. `in_dev`
    /// is where `bad` arrived (None for a packet of our own, whose error
    /// comes back through `lo`).
    pub(crate) fn icmp6_error(&mut self, ns: NsId, in_dev: Option<u32>, bad: &Ipv6Packet, kind: Err6) {
        // Never about an error, a fragment but the first, or (but Packet
        // Too Big) a multicast destination; never to an unspecified source.
        let mcast = bad.dst.is_multicast() && !matches!(kind, Err6::TooBig { .. });
        if bad.payload.is_error() || !bad.is_head() || mcast || bad.src.is_unspecified() {
            return;
        }
        let quoted = bad.quote();
        let payload = match kind {
            Err6::Unreach(code) => Icmp6::DestUnreachable { code, quoted },
            Err6::TooBig { mtu } => Icmp6::PacketTooBig { mtu, quoted },
            Err6::HopLimit => Icmp6::TimeExceeded { quoted },
        };
        // From the address the packet was for when it is ours, else the
        // source the route back to the sender picks.
        let src = if self.is_local6(ns, bad.dst) {
            Some(bad.dst)
        } else {
            let dev = self.route6(ns, bad.src, None).map_or(0, |r| r.dev);
            self.k.ns(ns).and_then(|n| fib6::select_saddr(n, dev, bad.src, self.now / 1000))
        };
        let Some(src) = src else { return };
        // icmpv6_xrlim_allow(): errors to another host, but Packet Too
        // Big, are rate limited per destination (`net.ipv6.icmp.ratelimit`);
        // one to this host goes through `lo`, which is spared.
        let limited = !matches!(kind, Err6::TooBig { .. }) && !self.is_local6(ns, bad.src);
        let ms = self.k.ns(ns).map_or(0, |n| n.conf.icmp6_ratelimit);
        let rate = if limited { u64::try_from(ms).unwrap_or(0) * 1000 } else { 0 };
        if !self.xrlim_allow(ns, bad.src.into(), rate) {
            return;
        }
        let pkt = Ipv6Packet::new(src, bad.src, HOP_LIMIT, payload);
        let step = Step6::Error;
        self.note(ns, in_dev, What::Ip6 { step, src, dst: bad.src, what: pkt.payload.name() });
        let _ = self.ip6_send(ns, pkt, None);
    }
}
