//! Layer 3: receiving, local delivery, forwarding with TTL, local output
//! through the FIB, and ICMP errors.

use std::net::Ipv4Addr;

use crate::kernel::addr::Scope;
use crate::kernel::link::LinkRef;
use crate::kernel::netfilter::eval::Verdict;
use crate::kernel::netfilter::Hook;
use crate::kernel::NsId;

use super::engine::{Engine, Ev, Received, LOOP_US};
use super::fib::{self, Kind};
use super::netfilter::Ct;
use super::trace::{DropReason, What};
use super::wire::{Icmp, Ipv4Packet, Payload, UnreachCode};

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
    /// EPERM: a netfilter OUTPUT rule rejected the packet.
    NotPermitted,
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
        // Connection tracking reassembles before anything else.
        let ct_on = self.ct_enabled(ns);
        let pkt = if ct_on {
            match self.defrag(ns, pkt) {
                Some(p) => p,
                None => return,
            }
        } else {
            pkt
        };
        let in_name = self.dev_name(ns, dev.ifindex);
        let mut ct = if ct_on { self.ct_in(ns, &pkt) } else { None };
        let pkt = self.nat_dst(ns, Hook::Prerouting, &mut ct, (Some(&in_name), None), pkt);
        self.ip_rcv_finish(dev, pkt, ct);
    }

    /// `ip_rcv_finish()`: after PREROUTING, local delivery or forwarding.
    pub(crate) fn ip_rcv_finish(&mut self, dev: LinkRef, pkt: Ipv4Packet, ct: Option<Ct>) {
        let ns = dev.ns;
        let Some(n) = self.k.ns(ns) else { return };
        // ip_route_input_slow(): a loopback or zero destination, or a
        // loopback source, never comes from a wire (route_localnet is 0):
        // dropped before any route is looked up, and no ICMP error is sent.
        let martian = pkt.dst.is_loopback() || pkt.dst.is_unspecified() || pkt.src.is_loopback();
        let from_lo = n.links.get(&dev.ifindex).is_some_and(|l| l.is_loopback());
        if martian && !from_lo {
            self.drop_(ns, Some(dev.ifindex), DropReason::Martian, what(&pkt));
            return;
        }
        if fib::is_local(n, pkt.dst) {
            if let Some(pkt) = self.defrag(ns, pkt) {
                self.local_in(ns, Some(dev.ifindex), pkt, ct);
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
        self.ip_forward(dev, pkt, ct);
    }

    /// Acts on a filter verdict: false when the packet stops here (dropped,
    /// or rejected with an ICMP error to its sender).
    fn filter_passes(&mut self, ns: NsId, in_dev: Option<u32>, pkt: &Ipv4Packet, v: Verdict) -> bool {
        match v {
            Verdict::Accept | Verdict::Snat(_) | Verdict::Dnat(_) | Verdict::Masquerade => true,
            Verdict::Drop => {
                self.drop_(ns, in_dev, DropReason::Firewall, what(pkt));
                false
            }
            Verdict::Reject(w) => {
                self.drop_(ns, in_dev, DropReason::Firewall, what(pkt));
                match UnreachCode::of_reject(w) {
                    Some(code) => self.icmp_error(ns, in_dev, pkt, ErrKind::Unreach(code)),
                    // nf_send_reset(): a RST as from the address it was for.
                    #[cfg(feature = "sockets")]
                    None => self.tcp_reset_reply(ns, pkt),
                    // Only TCP is reset, and without sockets there is none.
                    #[cfg(not(feature = "sockets"))]
                    None => {}
                }
                false
            }
        }
    }

    /// `ip_local_deliver()`'s hooks: filter INPUT, nat INPUT, confirmation.
    fn local_in(&mut self, ns: NsId, in_dev: Option<u32>, pkt: Ipv4Packet, mut ct: Option<Ct>) {
        let in_name = in_dev.map(|d| self.dev_name(ns, d));
        let meta = self.meta(ns, &pkt, ct.as_ref(), in_name.as_deref(), None);
        let v = self.filter(ns, Hook::Input, &meta);
        if !self.filter_passes(ns, in_dev, &pkt, v) {
            return;
        }
        let pkt = self.nat_src(ns, Hook::Input, &mut ct, (in_name.as_deref(), None), None, pkt);
        self.ct_confirm(ns, ct);
        self.local_deliver(ns, in_dev, pkt);
    }

    /// `ip_forward()`.
    fn ip_forward(&mut self, in_dev: LinkRef, mut pkt: Ipv4Packet, mut ct: Option<Ct>) {
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
        let in_name = self.dev_name(ns, in_dev.ifindex);
        let out = self.dev_name(ns, r.dev);
        let meta = self.meta(ns, &pkt, ct.as_ref(), Some(&in_name), Some(&out));
        let v = self.filter(ns, Hook::Forward, &meta);
        if !self.filter_passes(ns, Some(in_dev.ifindex), &pkt, v) {
            return;
        }
        self.note(
            ns,
            Some(in_dev.ifindex),
            What::Routed { dst: pkt.dst, via: r.gateway, out: out.clone(), ttl: pkt.ttl },
        );
        let nh = r.next_hop(pkt.dst);
        let masq = self.k.ns(ns).and_then(|n| fib::select_addr(n, r.dev, nh, Scope::Global));
        let pkt = self.nat_src(ns, Hook::Postrouting, &mut ct, (Some(&in_name), Some(&out)), masq, pkt);
        self.ct_confirm(ns, ct);
        let _ = self.ip_output(ns, r.dev, nh, pkt, mtu);
    }

    /// Sends a packet this namespace made. `oif` binds it to a device.
    pub fn ip_send(&mut self, ns: NsId, pkt: Ipv4Packet, oif: Option<u32>) -> Result<(), SendError> {
        let mut r = self.route_out(ns, &pkt, oif)?;
        // The OUTPUT hook: conntrack, nat (a new destination is routed again).
        let mut ct = self.ct_in(ns, &pkt);
        let dst = pkt.dst;
        let pkt = self.nat_dst(ns, Hook::Output, &mut ct, (None, None), pkt);
        if pkt.dst != dst {
            r = self.route_out(ns, &pkt, oif)?;
        }
        let Some(n) = self.k.ns(ns) else { return Err(SendError::NoRoute) };
        let lo = n.links.values().find(|l| l.is_loopback()).map(|l| (l.ifindex, l.admin_up));
        if !pkt.payload.is_echo_reply() && !pkt.payload.is_error() {
            self.note(ns, None, What::Sent { src: pkt.src, dst: pkt.dst, what: pkt.payload.name() });
        }
        if r.kind == Kind::Broadcast {
            self.drop_(ns, Some(r.dev), DropReason::Unroutable, what(&pkt));
            return Err(SendError::Broadcast);
        }
        let out = match r.kind {
            Kind::Local => lo.map_or_else(|| "lo".to_string(), |(i, _)| self.dev_name(ns, i)),
            _ => self.dev_name(ns, r.dev),
        };
        let meta = self.meta(ns, &pkt, ct.as_ref(), None, Some(&out));
        match self.filter(ns, Hook::Output, &meta) {
            Verdict::Drop => {
                // Recorded: ping hears nothing of an OUTPUT DROP.
                self.drop_(ns, None, DropReason::Firewall, what(&pkt));
                return Ok(());
            }
            Verdict::Reject(w) => {
                self.drop_(ns, None, DropReason::Firewall, what(&pkt));
                if let Some(code) = UnreachCode::of_reject(w) {
                    self.icmp_error(ns, None, &pkt, ErrKind::Unreach(code));
                }
                // …and sendmsg() fails with EPERM.
                return Err(SendError::NotPermitted);
            }
            _ => {}
        }
        match r.kind {
            Kind::Local => {
                let pkt = self.nat_src(ns, Hook::Postrouting, &mut ct, (None, Some(&out)), None, pkt);
                self.ct_confirm(ns, ct);
                match lo {
                    Some((lo, true)) => {
                        // loopback_xmit() counts after eth_type_trans(): no Ethernet header.
                        let len = pkt.len();
                        if let Some(l) = self.k.link_mut(LinkRef { ns, ifindex: lo }) {
                            l.stats.sent(len);
                            l.stats.received(len);
                        }
                        self.tap_loopback(ns, lo, &pkt, false);
                        self.push(self.now + LOOP_US, Ev::LocalIn { ns, pkt });
                    }
                    Some((lo, false)) => {
                        // __dev_queue_xmit() to a device that is down counts a tx drop.
                        if let Some(l) = self.k.link_mut(LinkRef { ns, ifindex: lo }) {
                            l.stats.dropped_sending();
                        }
                        self.drop_(ns, Some(lo), DropReason::LoopbackDown, what(&pkt))
                    }
                    None => self.drop_(ns, None, DropReason::LoopbackDown, what(&pkt)),
                }
                Ok(())
            }
            _ => {
                let nh = r.next_hop(pkt.dst);
                if let Some(n) = self.k.ns_mut(ns) {
                    n.pmtu_touch(pkt.dst);
                }
                let mtu = self.output_mtu(ns, &r, pkt.dst);
                if pkt.df && pkt.len() > mtu as usize {
                    return Err(SendError::MsgSize { mtu });
                }
                let masq = self.k.ns(ns).and_then(|n| fib::select_addr(n, r.dev, nh, Scope::Global));
                let pkt = self.nat_src(ns, Hook::Postrouting, &mut ct, (None, Some(&out)), masq, pkt);
                self.ct_confirm(ns, ct);
                self.ip_output(ns, r.dev, nh, pkt, mtu)
            }
        }
    }

    /// The route a packet made here leaves by (`ip_route_output()`).
    fn route_out(&mut self, ns: NsId, pkt: &Ipv4Packet, oif: Option<u32>) -> Result<fib::Lookup, SendError> {
        let Some(n) = self.k.ns(ns) else { return Err(SendError::NoRoute) };
        match fib::lookup(n, pkt.dst, oif) {
            Ok(r) => Ok(r),
            Err(_) => {
                let reason = if pkt.payload.is_error() || pkt.payload.is_echo_reply() {
                    DropReason::ReplyUnroutable
                } else {
                    DropReason::NoRoute
                };
                self.drop_(ns, None, reason, what(pkt));
                Err(SendError::NoRoute)
            }
        }
    }

    /// A packet that came back through `lo`: conntrack knows it already
    /// (it left through OUTPUT and POSTROUTING), then the INPUT hooks.
    pub(crate) fn loopback_in(&mut self, ns: NsId, pkt: Ipv4Packet) {
        let ct = self.ct_in(ns, &pkt);
        let lo = self.k.ns(ns).and_then(|n| n.links.values().find(|l| l.is_loopback()).map(|l| l.ifindex));
        if let Some(lo) = lo {
            self.tap_loopback(ns, lo, &pkt, true);
        }
        self.local_in(ns, lo, pkt, ct);
    }

    /// `ip_local_deliver()`: answer echo requests, hand the rest to
    /// sockets: TCP and UDP to the namespace's socket table, ICMP errors
    /// about them to the socket that sent what they quote, echo traffic to
    /// the ping sockets' inbox. `in_dev` is where the packet came in.
    pub(crate) fn local_deliver(&mut self, ns: NsId, in_dev: Option<u32>, pkt: Ipv4Packet) {
        self.note(ns, None, What::Delivered { src: pkt.src, dst: pkt.dst, what: pkt.payload.name() });
        let err = match &pkt.payload {
            Payload::Icmp(Icmp::EchoRequest { ident, seq, data_len }) => {
                let ttl = self.default_ttl(ns);
                let echo = Icmp::EchoReply { ident: *ident, seq: *seq, data_len: *data_len };
                let mut reply = Ipv4Packet::new(pkt.dst, pkt.src, ttl, echo);
                // icmp_reply() answers with the request's TOS.
                reply.tos = pkt.tos;
                let _ = self.ip_send(ns, reply, None);
                return;
            }
            #[cfg(feature = "sockets")]
            Payload::Tcp(_) => return self.tcp_rcv(ns, pkt),
            #[cfg(feature = "sockets")]
            Payload::Udp(_) => return self.udp_rcv(ns, in_dev, pkt),
            // Without sockets (the basic lab) no program sends either.
            #[cfg(not(feature = "sockets"))]
            Payload::Tcp(_) | Payload::Udp(_) => {
                let _ = in_dev;
                return;
            }
            Payload::Icmp(Icmp::DestUnreachable { code, quoted }) => Some((Some(*code), *quoted)),
            Payload::Icmp(Icmp::TimeExceeded { quoted }) => Some((None, *quoted)),
            Payload::Icmp(Icmp::EchoReply { .. }) => None,
            // A report for the multicast routers, which no host is.
            #[cfg(feature = "mcast")]
            Payload::Igmp(_) => return,
        };
        if let Some((code, quoted)) = err {
            if let Some(UnreachCode::FragNeeded { mtu }) = code {
                // icmp_err(): the path to the quoted destination is narrower.
                self.learn_pmtu(ns, quoted.dst, u32::from(mtu));
            }
            match quoted.proto {
                #[cfg(feature = "sockets")]
                super::wire::PROTO_TCP => return self.tcp_err(ns, &quoted, code),
                #[cfg(feature = "sockets")]
                super::wire::PROTO_UDP => return self.udp_err(ns, &quoted, code),
                _ => {}
            }
        }
        self.inbox.push(Received { at_us: self.now, ns, pkt });
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
        // __icmp_send(): about a packet for this host, the error comes from
        // the address it was sent to (a REJECT in INPUT answers as the
        // address pinged); otherwise from the route back to the sender.
        let to_us = in_dev.is_some() && fib::is_local(n, bad.dst) && !bad.dst.is_broadcast();
        let src = to_us
            .then_some(bad.dst)
            .or_else(|| in_dev.and_then(|d| fib::select_addr(n, d, bad.src, Scope::Link)))
            .or_else(|| fib::lookup(n, bad.src, None).ok().and_then(|r| r.src));
        let Some(src) = src else { return };
        // inet_peer_xrlim_allow(): a token bucket, one error per
        // icmp_ratelimit, bursts of up to six. Path MTU discovery is exempt.
        // net.ipv4.icmp_ratelimit (ms) for the types icmp_ratemask names
        // (destination unreachable is bit 3, time exceeded bit 11).
        let pmtud = matches!(kind, ErrKind::Unreach(UnreachCode::FragNeeded { .. }));
        let typ = if matches!(kind, ErrKind::TimeExceeded) { 11 } else { 3 };
        let limited = !pmtud && n.conf.icmp_ratemask & (1 << typ) != 0;
        let rate = if limited { u64::try_from(n.conf.icmp_ratelimit).unwrap_or(0) * 1000 } else { 0 };
        if !self.xrlim_allow(ns, bad.src.into(), rate) {
            return;
        }
        let pkt = Ipv4Packet::new(src, bad.src, self.default_ttl(ns), payload);
        self.note(ns, in_dev, What::IcmpError { to: bad.src, what: pkt.payload.name() });
        let _ = self.ip_send(ns, pkt, None);
    }

    /// `inet_peer_xrlim_allow()`: a token bucket per namespace and peer,
    /// one message per `rate_us`, bursts of up to six (0: no limit).
    pub(crate) fn xrlim_allow(&mut self, ns: NsId, peer: std::net::IpAddr, rate_us: u64) -> bool {
        let (tokens, last) = self.icmp_last.get(&(ns, peer)).copied().unwrap_or((6 * rate_us, self.now));
        let tokens = (tokens + (self.now - last)).min(6 * rate_us);
        let allowed = tokens >= rate_us;
        let left = if allowed { tokens - rate_us } else { tokens };
        self.icmp_last.insert((ns, peer), (left, self.now));
        allowed
    }

    /// Whether `a` is one of this namespace's addresses.
    pub fn is_local_addr(&self, ns: NsId, a: Ipv4Addr) -> bool {
        self.k.ns(ns).is_some_and(|n| fib::is_local(n, a))
    }
}
