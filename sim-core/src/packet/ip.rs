//! Layer 3: receiving, local delivery, forwarding with TTL, local output
//! through the FIB, and ICMP errors.

use std::net::Ipv4Addr;

use crate::kernel::addr::Scope;
use crate::kernel::link::LinkRef;
use crate::kernel::nat::Chain;
use crate::kernel::NsId;

use super::engine::{Engine, Ev, Received, LOOP_US};
use super::fib::{self, Kind};
use super::trace::{DropReason, What};
use super::wire::{Icmp, Ipv4Packet, UnreachCode};

/// `net.ipv4.ip_default_ttl` of a fresh namespace; the TTL of packets a
/// namespace makes is its own sysctl ([`Engine::default_ttl`]).
pub const DEFAULT_TTL: u8 = 64;

/// Which ICMP error to send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrKind {
    Unreach(UnreachCode),
    TimeExceeded,
}

fn what(p: &Ipv4Packet) -> String {
    format!("{} {} > {}", p.payload.name(), p.src, p.dst)
}

/// How a locally sent packet failed before leaving (what `sendmsg` or
/// `connect` would report).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SendError {
    NoRoute,
    Broadcast,
    /// ENOBUFS: the device dropped the packet as it was handed over (a
    /// veth whose peer cannot take it).
    NoBufs,
    /// EMSGSIZE: larger than the path MTU with DF required.
    MsgSize {
        mtu: u32,
    },
}

impl Engine<'_> {
    /// The TTL of packets `ns` makes itself (`ip4_dst_hoplimit()` without a
    /// route hoplimit): its `net.ipv4.ip_default_ttl`.
    pub(crate) fn default_ttl(&self, ns: NsId) -> u8 {
        self.k.ns(ns).and_then(|n| u8::try_from(n.conf.ip_default_ttl).ok()).unwrap_or(DEFAULT_TTL)
    }

    /// `ip_rcv()`: a packet arrives on `dev`.
    pub(crate) fn ip_rcv(&mut self, dev: LinkRef, pkt: Ipv4Packet) {
        let ns = dev.ns;
        // Connection tracking (here: NAT rules) reassembles before anything else.
        let pkt = if self.nat_active(ns) {
            match self.defrag(ns, pkt) {
                Some(p) => p,
                None => return,
            }
        } else {
            pkt
        };
        let in_name = self.dev_name(ns, dev.ifindex);
        let Some(pkt) = self.nat_in(ns, Chain::Prerouting, Some(&in_name), pkt) else { return };
        let Some(n) = self.k.ns(ns) else { return };
        if fib::is_local(n, pkt.dst) {
            if let Some(pkt) = self.defrag(ns, pkt) {
                self.local_deliver(ns, pkt);
            }
            return;
        }
        if pkt.dst.is_broadcast() || pkt.dst.is_multicast() {
            return;
        }
        if !n.conf.dev_conf(dev.ifindex).forwards() {
            self.drop_(ns, Some(dev.ifindex), DropReason::ForwardingDisabled, what(&pkt));
            return;
        }
        self.ip_forward(dev, pkt);
    }

    /// `ip_forward()`.
    fn ip_forward(&mut self, in_dev: LinkRef, mut pkt: Ipv4Packet) {
        let ns = in_dev.ns;
        if pkt.ttl <= 1 {
            self.drop_(ns, Some(in_dev.ifindex), DropReason::TtlExceeded, what(&pkt));
            self.icmp_error(ns, Some(in_dev.ifindex), &pkt, ErrKind::TimeExceeded);
            return;
        }
        let Some(n) = self.k.ns(ns) else { return };
        let r = match fib::lookup(n, pkt.dst, None) {
            Ok(r) if r.kind == Kind::Unicast => r,
            _ => {
                self.drop_(ns, Some(in_dev.ifindex), DropReason::NoRoute, what(&pkt));
                self.icmp_error(ns, Some(in_dev.ifindex), &pkt, ErrKind::Unreach(UnreachCode::Net));
                return;
            }
        };
        let mtu = self.route_mtu(ns, &r);
        if pkt.df && pkt.len() > mtu as usize {
            self.drop_(ns, Some(in_dev.ifindex), DropReason::FragNeeded, what(&pkt));
            let mtu = mtu.min(u32::from(u16::MAX)) as u16;
            self.icmp_error(ns, Some(in_dev.ifindex), &pkt, ErrKind::Unreach(UnreachCode::FragNeeded { mtu }));
            return;
        }
        pkt.ttl -= 1;
        let out = self.dev_name(ns, r.dev);
        self.note(
            ns,
            Some(in_dev.ifindex),
            What::Routed { dst: pkt.dst, via: r.gateway, out: out.clone(), ttl: pkt.ttl },
        );
        let in_name = self.dev_name(ns, in_dev.ifindex);
        let Some(pkt) = self.nat_out(ns, Some(&in_name), r.dev, &out, r.next_hop(pkt.dst), pkt) else { return };
        let _ = self.ip_output(ns, r.dev, r.next_hop(pkt.dst), pkt, mtu);
    }

    /// Sends a packet this namespace made. `oif` binds it to a device.
    pub fn ip_send(&mut self, ns: NsId, pkt: Ipv4Packet, oif: Option<u32>) -> Result<(), SendError> {
        let Some(pkt) = self.nat_in(ns, Chain::Output, None, pkt) else { return Ok(()) };
        let Some(n) = self.k.ns(ns) else { return Err(SendError::NoRoute) };
        let r = match fib::lookup(n, pkt.dst, oif) {
            Ok(r) => r,
            Err(_) => {
                let reason = if pkt.payload.is_error() || matches!(pkt.payload, Icmp::EchoReply { .. }) {
                    DropReason::ReplyUnroutable
                } else {
                    DropReason::NoRoute
                };
                self.drop_(ns, None, reason, what(&pkt));
                return Err(SendError::NoRoute);
            }
        };
        let lo = n.links.values().find(|l| l.is_loopback()).map(|l| (l.ifindex, l.admin_up));
        if !matches!(pkt.payload, Icmp::EchoReply { .. }) && !pkt.payload.is_error() {
            self.note(ns, None, What::Sent { src: pkt.src, dst: pkt.dst, what: pkt.payload.name() });
        }
        match r.kind {
            Kind::Local => {
                match lo {
                    Some((lo, true)) => {
                        // loopback_xmit() counts after eth_type_trans(): no Ethernet header.
                        let len = pkt.len() as u64;
                        if let Some(l) = self.k.link_mut(LinkRef { ns, ifindex: lo }) {
                            l.stats.tx_packets += 1;
                            l.stats.tx_bytes += len;
                            l.stats.rx_packets += 1;
                            l.stats.rx_bytes += len;
                        }
                        self.push(self.now + LOOP_US, Ev::LocalIn { ns, pkt });
                    }
                    Some((lo, false)) => {
                        // __dev_queue_xmit() to a device that is down counts a tx drop.
                        if let Some(l) = self.k.link_mut(LinkRef { ns, ifindex: lo }) {
                            l.stats.tx_dropped += 1;
                        }
                        self.drop_(ns, Some(lo), DropReason::LoopbackDown, what(&pkt))
                    }
                    None => self.drop_(ns, None, DropReason::LoopbackDown, what(&pkt)),
                }
                Ok(())
            }
            Kind::Broadcast => {
                self.drop_(ns, Some(r.dev), DropReason::Unroutable, what(&pkt));
                Err(SendError::Broadcast)
            }
            Kind::Unicast => {
                let out = self.dev_name(ns, r.dev);
                let nh = r.next_hop(pkt.dst);
                if let Some(n) = self.k.ns_mut(ns) {
                    n.pmtu_touch(pkt.dst);
                }
                let mtu = self.output_mtu(ns, &r, pkt.dst);
                if pkt.df && pkt.len() > mtu as usize {
                    return Err(SendError::MsgSize { mtu });
                }
                let Some(pkt) = self.nat_out(ns, None, r.dev, &out, nh, pkt) else { return Ok(()) };
                self.ip_output(ns, r.dev, nh, pkt, mtu)
            }
        }
    }

    /// `ip_local_deliver()`: answer echo requests, hand the rest to sockets.
    pub(crate) fn local_deliver(&mut self, ns: NsId, pkt: Ipv4Packet) {
        self.nat_confirm_local(ns, &pkt);
        self.note(ns, None, What::Delivered { src: pkt.src, dst: pkt.dst, what: pkt.payload.name() });
        match pkt.payload {
            Icmp::EchoRequest { ident, seq, data_len } => {
                let ttl = self.default_ttl(ns);
                let reply = Ipv4Packet::new(pkt.dst, pkt.src, ttl, Icmp::EchoReply { ident, seq, data_len });
                let _ = self.ip_send(ns, reply, None);
            }
            Icmp::DestUnreachable { code: UnreachCode::FragNeeded { mtu }, quoted } => {
                // icmp_err(): the path to the quoted destination is narrower.
                self.learn_pmtu(ns, quoted.dst, u32::from(mtu));
                self.inbox.push(Received { at_us: self.now, ns, pkt });
            }
            _ => self.inbox.push(Received { at_us: self.now, ns, pkt }),
        }
    }

    /// `icmp_send()`: reports a problem with `bad` to its sender. `in_dev`
    /// is where `bad` arrived (None for locally made packets).
    pub(crate) fn icmp_error(&mut self, ns: NsId, in_dev: Option<u32>, bad: &Ipv4Packet, kind: ErrKind) {
        // Never about an error, nor about a fragment but the first.
        if bad.payload.is_error() || !bad.is_head() {
            return;
        }
        let quoted = bad.quote();
        let payload = match kind {
            ErrKind::Unreach(code) => Icmp::DestUnreachable { code, quoted },
            ErrKind::TimeExceeded => Icmp::TimeExceeded { quoted },
        };
        let Some(n) = self.k.ns(ns) else { return };
        if fib::is_local(n, bad.src) && in_dev.is_none() {
            // A packet of our own: the error comes back through lo (which
            // icmp_ratelimit spares), so with lo down the sender never
            // hears of it and ping prints no "Destination Host Unreachable".
            let pkt = Ipv4Packet::new(bad.src, bad.src, self.default_ttl(ns), payload);
            self.note(ns, None, What::IcmpError { to: bad.src, what: pkt.payload.name() });
            let _ = self.ip_send(ns, pkt, None);
            return;
        }
        let src = in_dev
            .and_then(|d| fib::select_addr(n, d, bad.src, Scope::Link))
            .or_else(|| fib::lookup(n, bad.src, None).ok().and_then(|r| r.src));
        let Some(src) = src else { return };
        // inet_peer_xrlim_allow(): a token bucket, one error per
        // icmp_ratelimit, bursts of up to six. Path MTU discovery is exempt.
        let pmtud = matches!(kind, ErrKind::Unreach(UnreachCode::FragNeeded { .. }));
        let rate = if pmtud { 0 } else { super::engine::ICMP_RATELIMIT_US };
        let (tokens, last) = self.icmp_last.get(&(ns, bad.src)).copied().unwrap_or((6 * rate, self.now));
        let tokens = (tokens + (self.now - last)).min(6 * rate);
        if tokens < rate {
            self.icmp_last.insert((ns, bad.src), (tokens, self.now));
            return;
        }
        self.icmp_last.insert((ns, bad.src), (tokens - rate, self.now));
        let pkt = Ipv4Packet::new(src, bad.src, self.default_ttl(ns), payload);
        self.note(ns, in_dev, What::IcmpError { to: bad.src, what: pkt.payload.name() });
        let _ = self.ip_send(ns, pkt, None);
    }

    /// Whether `a` is one of this namespace's addresses.
    pub fn is_local_addr(&self, ns: NsId, a: Ipv4Addr) -> bool {
        self.k.ns(ns).is_some_and(|n| fib::is_local(n, a))
    }
}
