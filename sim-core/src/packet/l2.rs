//! Layer 2: veth crossings, bridges (learning, forwarding, flooding, the
//! bridge's own L3 interface) and the device counters.

use crate::kernel::link::{FdbEntry, LinkKind, LinkRef, PortState};
use crate::kernel::mac::Mac;

use super::br_netfilter::Bridged;
use super::engine::{Engine, Ev, WIRE_US};
use super::trace::{BridgeAction, DropReason, What};
use super::wire::{EthFrame, EthPayload, ETH_HLEN};

/// FDB entries older than this are forgotten (`ageing_time`, 300 s).
pub const FDB_AGEING_MS: u64 = 300_000;

/// A short description of a frame for traces.
pub fn frame_what(f: &EthFrame) -> String {
    match &f.payload {
        EthPayload::Arp(a) => match a.op {
            super::wire::ArpOp::Request => format!("ARP who-has {}", a.target_ip),
            super::wire::ArpOp::Reply => format!("ARP reply {}", a.sender_ip),
        },
        EthPayload::Ipv4(p) => format!("{} {} > {}", p.payload.name(), p.src, p.dst),
        #[cfg(feature = "ipv6")]
        EthPayload::Ipv6(p) => format!("{} {} > {}", p.payload.name(), p.src, p.dst),
    }
}

impl Engine<'_> {
    /// A device sends a frame. False when the driver dropped it as it was
    /// handed over (`NET_XMIT_DROP`, which a local sender sees as ENOBUFS).
    pub(crate) fn xmit(&mut self, dev: LinkRef, frame: EthFrame) -> bool {
        let Some(l) = self.k.link(dev) else { return true };
        if !l.admin_up {
            self.drop_(dev.ns, Some(dev.ifindex), DropReason::LinkDown, frame_what(&frame));
            return true;
        }
        match &l.kind {
            LinkKind::Loopback => true,
            // Opened without carrier (no port forwarding), its queue is
            // still `noop_qdisc`, whose enqueue drops and counts.
            LinkKind::Bridge(_) if !l.carrier => self.drop_no_carrier(dev, &frame),
            LinkKind::Bridge(_) => {
                self.count_tx(dev, frame.len());
                self.tap_out(dev, &frame);
                self.bridge_forward(dev, None, frame, None);
                true
            }
            // A veth's peer, or the device at a NIC's cable's other end.
            _ => {
                let peer = l.cable();
                let peer_mtu = peer.and_then(|p| self.k.link(p)).filter(|p| p.admin_up).map(|p| p.mtu);
                let (Some(p), true, Some(peer_mtu)) = (peer, l.carrier, peer_mtu) else {
                    return self.drop_no_carrier(dev, &frame);
                };
                self.tap_out(dev, &frame);
                if !super::mtu::fits(frame.len(), peer_mtu) {
                    // veth_xmit(): __dev_forward_skb() refuses it; both ends count the drop.
                    if let Some(l) = self.k.link_mut(dev) {
                        l.stats.dropped_sending();
                    }
                    if let Some(l) = self.k.link_mut(p) {
                        l.stats.dropped_receiving();
                    }
                    self.drop_(p.ns, Some(p.ifindex), DropReason::TooBig, frame_what(&frame));
                    return false;
                }
                self.count_tx(dev, frame.len());
                let (to_ns, to_dev) = (self.label(p.ns), self.dev_name(p.ns, p.ifindex));
                self.note(dev.ns, Some(dev.ifindex), What::Wire { to_ns, to_dev });
                self.push(self.now + WIRE_US, Ev::Rx { dev: p, frame });
                true
            }
        }
    }

    /// `br_dev_queue_push_xmit()`: a frame too big for the port it leaves by
    /// is dropped without a count.
    fn port_xmit(&mut self, br: LinkRef, port: u32, frame: EthFrame) {
        let r = LinkRef { ns: br.ns, ifindex: port };
        if self.k.link(r).is_some_and(|l| !super::mtu::fits(frame.len(), l.mtu)) {
            self.drop_(br.ns, Some(port), DropReason::TooBig, frame_what(&frame));
            return;
        }
        let _ = self.xmit(r, frame);
    }

    fn count_tx(&mut self, dev: LinkRef, len: usize) {
        if let Some(l) = self.k.link_mut(dev) {
            l.stats.sent(len);
        }
    }

    fn count_rx(&mut self, dev: LinkRef, len: usize) {
        if let Some(l) = self.k.link_mut(dev) {
            l.stats.received(len);
        }
    }

    /// A device without carrier drops what it sends and counts it
    /// (`tx_dropped`); false: nothing left.
    fn drop_no_carrier(&mut self, dev: LinkRef, frame: &EthFrame) -> bool {
        if let Some(l) = self.k.link_mut(dev) {
            l.stats.dropped_sending();
        }
        self.drop_(dev.ns, Some(dev.ifindex), DropReason::NoCarrier, frame_what(frame));
        false
    }

    /// `br_pass_frame_up()`: a bridge counts what it passes up to itself
    /// after `eth_type_trans()` pulled the Ethernet header, and multicast
    /// (not broadcast) frames apart (recorded: `ipv6/housekeeping`).
    fn count_bridge_rx(&mut self, br: LinkRef, frame: &EthFrame) {
        self.count_rx(br, frame.len() - ETH_HLEN);
        if frame.dst.is_multicast() && frame.dst != Mac::BROADCAST {
            if let Some(l) = self.k.link_mut(br) {
                l.stats.received_multicast();
            }
        }
    }

    /// A frame arrives at a device from its wire.
    pub(crate) fn rx(&mut self, dev: LinkRef, frame: EthFrame) {
        let Some(l) = self.k.link(dev) else { return };
        if !l.admin_up {
            self.drop_(dev.ns, Some(dev.ifindex), DropReason::LinkDown, frame_what(&frame));
            return;
        }
        let (mac, master) = (l.mac, l.master);
        self.count_rx(dev, frame.len());
        self.tap_in(dev, mac, &frame);
        if let Some(b) = master {
            self.port_rx(LinkRef { ns: dev.ns, ifindex: b }, dev.ifindex, frame);
            return;
        }
        if frame.dst != mac && !frame.dst.is_multicast() {
            self.drop_(dev.ns, Some(dev.ifindex), DropReason::OtherHost, frame_what(&frame));
            return;
        }
        self.l3_rx(dev, frame);
    }

    /// A frame arrives at bridge `br` through port `port`.
    fn port_rx(&mut self, br: LinkRef, port: u32, frame: EthFrame) {
        let Some(b) = self.k.link(br) else { return };
        let br_up = b.admin_up;
        let br_mac = b.mac;
        let state = self.k.link(LinkRef { ns: br.ns, ifindex: port }).map(|p| p.port_state);
        if !br_up {
            self.drop_(br.ns, Some(br.ifindex), DropReason::BridgeDown, frame_what(&frame));
            return;
        }
        if state != Some(PortState::Forwarding) {
            self.drop_(br.ns, Some(port), DropReason::NotPortForwarding, frame_what(&frame));
            return;
        }
        if !frame.src.is_multicast() && !frame.src.is_zero() {
            self.learn(br, port, frame.src);
        }
        if frame.dst.is_multicast() {
            self.deliver_to_bridge(br, frame.clone(), None);
            self.bridge_forward(br, Some(port), frame, None);
            return;
        }
        let (frame, hooked) = if matches!(frame.payload, EthPayload::Ipv4(_)) && self.br_nf_on(br) {
            let (f, b) = self.br_nf_pre_routing(br, port, frame);
            (f, Some(b))
        } else {
            (frame, None)
        };
        if frame.dst == br_mac || self.is_port_mac(br, frame.dst) {
            let bridged = hooked.as_ref().filter(|b| b.dnat).and_then(|_| self.br_nf_bridged_dnat(br, &frame));
            match bridged {
                Some(f) => self.bridge_forward(br, Some(port), f, hooked.as_ref()),
                None => self.deliver_to_bridge(br, frame, hooked),
            }
        } else {
            self.promisc_pass_up(br, br_mac, &frame);
            self.bridge_forward(br, Some(port), frame, hooked.as_ref());
        }
    }

    /// `br_handle_frame_finish()`: a bridge in promiscuous mode (a capture
    /// on it, as tcpdump opens one) passes every frame it forwards up to
    /// itself too, where it is counted, seen, and dropped as for another host.
    fn promisc_pass_up(&mut self, br: LinkRef, br_mac: Mac, frame: &EthFrame) {
        if self.k.ns(br.ns).is_some_and(|n| n.taps.promisc(br.ifindex)) {
            self.count_bridge_rx(br, frame);
            self.tap_in(br, br_mac, frame);
        }
    }

    fn is_port_mac(&self, br: LinkRef, mac: Mac) -> bool {
        self.k.ns(br.ns).is_some_and(|n| n.links.values().any(|l| l.master == Some(br.ifindex) && l.mac == mac))
    }

    /// The frame goes up the bridge's own stack; `hooked` when
    /// br_netfilter already ran PREROUTING on it.
    fn deliver_to_bridge(&mut self, br: LinkRef, frame: EthFrame, hooked: Option<Bridged>) {
        let bridge = self.dev_name(br.ns, br.ifindex);
        self.note(br.ns, Some(br.ifindex), What::Bridged { bridge, action: BridgeAction::Local });
        self.count_bridge_rx(br, &frame);
        if let Some(mac) = self.k.link(br).map(|l| l.mac) {
            self.tap_in(br, mac, &frame);
        }
        match (hooked, frame.payload) {
            (Some(b), EthPayload::Ipv4(p)) => self.ip_rcv_finish(br, p, b.ct),
            (_, payload) => self.l3_rx(br, EthFrame { payload, ..frame }),
        }
    }

    /// Learns `mac` on `port` with the current virtual time.
    fn learn(&mut self, br: LinkRef, port: u32, mac: Mac) {
        let now_ms = self.now / 1000;
        let Some(b) = self.k.link_mut(br).and_then(|l| l.bridge_mut()) else { return };
        let moved = match b.fdb.iter_mut().find(|e| e.mac == mac) {
            Some(e) => {
                let moved = e.port != port;
                e.port = port;
                e.updated_ms = now_ms;
                moved
            }
            None => {
                b.fdb.push(FdbEntry { mac, port, updated_ms: now_ms });
                true
            }
        };
        if moved {
            let (bridge, port) = (self.dev_name(br.ns, br.ifindex), self.dev_name(br.ns, port));
            self.note(br.ns, Some(br.ifindex), What::Bridged { bridge, action: BridgeAction::Learned { mac, port } });
        }
    }

    /// Sends a frame on from a bridge: to the known port, else to every
    /// forwarding port but the one it came in on.
    fn bridge_forward(&mut self, br: LinkRef, ingress: Option<u32>, frame: EthFrame, hooked: Option<&Bridged>) {
        let now_ms = self.now / 1000;
        let bridge = self.dev_name(br.ns, br.ifindex);
        let known = if frame.dst.is_multicast() {
            None
        } else {
            self.k.link(br).and_then(|l| l.bridge()).and_then(|b| {
                b.fdb
                    .iter()
                    .find(|e| e.mac == frame.dst && now_ms.saturating_sub(e.updated_ms) < FDB_AGEING_MS)
                    .map(|e| e.port)
            })
        };
        let forwarding = |e: &Engine<'_>, p: u32| {
            e.k.link(LinkRef { ns: br.ns, ifindex: p })
                .is_some_and(|l| l.master == Some(br.ifindex) && l.port_state == PortState::Forwarding)
        };
        if let Some(p) = known {
            if Some(p) == ingress {
                return;
            }
            if !forwarding(self, p) {
                self.drop_(br.ns, Some(p), DropReason::NotPortForwarding, frame_what(&frame));
                return;
            }
            let port = self.dev_name(br.ns, p);
            self.note(br.ns, Some(br.ifindex), What::Bridged { bridge, action: BridgeAction::Forwarded { port } });
            self.port_forward(br, p, frame, hooked);
            return;
        }
        let ports: Vec<u32> =
            self.k.ports_of(br).into_iter().filter(|p| Some(*p) != ingress && forwarding(self, *p)).collect();
        let names = ports.iter().map(|p| self.dev_name(br.ns, *p)).collect();
        self.note(br.ns, Some(br.ifindex), What::Bridged { bridge, action: BridgeAction::Flooded { ports: names } });
        for p in ports {
            self.port_forward(br, p, frame.clone(), hooked);
        }
    }

    /// A frame bridged out of `port`, through br_netfilter's FORWARD and
    /// POSTROUTING when PREROUTING saw it.
    fn port_forward(&mut self, br: LinkRef, port: u32, frame: EthFrame, hooked: Option<&Bridged>) {
        let frame = match hooked {
            Some(b) => match self.br_nf_forward(br, port, b, frame) {
                Some(f) => f,
                None => return,
            },
            None => frame,
        };
        self.port_xmit(br, port, frame);
    }

    /// A frame accepted by a device's L2 goes up its stack.
    fn l3_rx(&mut self, dev: LinkRef, frame: EthFrame) {
        let to_us = !frame.dst.is_multicast();
        match frame.payload {
            EthPayload::Arp(a) => self.arp_rx(dev, a, to_us),
            EthPayload::Ipv4(p) => self.ip_rcv(dev, p),
            #[cfg(feature = "ipv6")]
            EthPayload::Ipv6(p) => self.ip6_rcv(dev, p),
        }
    }
}
