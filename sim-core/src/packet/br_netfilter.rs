//! `br_netfilter`: bridged IPv4 through the iptables hooks, when the
//! bridge's namespace has `net.bridge.bridge-nf-call-iptables` at 1 (the
//! reference kernel's default). A frame entering a port meets PREROUTING
//! (conntrack, nat) with `-i` the bridge; a frame bridged on to another
//! port meets FORWARD with `-i` and `-o` both the bridge and the ports in
//! `--physdev-in`/`--physdev-out`, then POSTROUTING; a frame for the bridge
//! itself goes up its IP stack without a second PREROUTING. What the
//! bridge-chains and bridge-netfilter recordings show.
//!
//! A frame addressed to the bridge whose destination PREROUTING's DNAT
//! moved to a host behind the same bridge is bridged on to that host's MAC
//! address (`br_nf_pre_routing_finish()`'s "bridged_dnat", TTL untouched),
//! which needs forwarding on the bridge, as on Linux; back out of the port
//! it came in by it goes nowhere (hairpin mode, which the model does not
//! have, is off). With the neighbour not yet resolved, it is routed instead.

use crate::kernel::link::LinkRef;
use crate::kernel::netfilter::eval::Verdict;
use crate::kernel::netfilter::{Hook, PacketMeta};

use super::engine::Engine;
use super::ip::ErrKind;
use super::netfilter::Ct;
use super::trace::DropReason;
use super::wire::{EthFrame, EthPayload, Ipv4Packet, UnreachCode};

/// What PREROUTING left on a bridged packet for the hooks after it.
#[derive(Clone)]
pub(crate) struct Bridged {
    pub(crate) ct: Option<Ct>,
    /// The port it came in by.
    pub(crate) physin: u32,
    /// PREROUTING's DNAT changed the destination.
    pub(crate) dnat: bool,
}

impl Engine<'_> {
    /// Whether IPv4 frames on bridge `br` go through iptables.
    pub(crate) fn br_nf_on(&self, br: LinkRef) -> bool {
        self.k.ns(br.ns).is_some_and(|n| n.conf.bridge_nf_call_iptables())
    }

    /// `br_nf_pre_routing()`: conntrack and nat PREROUTING for an IPv4
    /// frame entering `br` by `port`.
    pub(crate) fn br_nf_pre_routing(&mut self, br: LinkRef, port: u32, frame: EthFrame) -> (EthFrame, Bridged) {
        let EthPayload::Ipv4(pkt) = frame.payload else {
            return (frame, Bridged { ct: None, physin: port, dnat: false });
        };
        let ns = br.ns;
        let mut ct = self.ct_in(ns, &pkt);
        let (br_name, physin) = (self.dev_name(ns, br.ifindex), self.dev_name(ns, port));
        let dst = pkt.dst;
        let pkt = self.nat_dst(ns, Hook::Prerouting, &mut ct, (Some(&br_name), Some(&physin)), pkt);
        let dnat = pkt.dst != dst;
        (EthFrame { payload: EthPayload::Ipv4(pkt), ..frame }, Bridged { ct, physin: port, dnat })
    }

    /// "bridged_dnat": a frame for the bridge whose new destination is
    /// routed back out of the bridge gets that host's MAC address and is
    /// bridged. `None`: it goes up the bridge's IP stack after all.
    pub(crate) fn br_nf_bridged_dnat(&self, br: LinkRef, frame: &EthFrame) -> Option<EthFrame> {
        let EthPayload::Ipv4(pkt) = &frame.payload else { return None };
        let n = self.k.ns(br.ns)?;
        if !n.conf.dev_conf(br.ifindex).forwards() {
            return None;
        }
        let r = super::fib::lookup(n, pkt.dst, None).ok().filter(|r| r.kind == super::fib::Kind::Unicast)?;
        if r.dev != br.ifindex {
            return None;
        }
        let nh = r.next_hop(pkt.dst);
        let mac = n.neighs.iter().find(|e| e.dev == br.ifindex && e.dst == nh).and_then(|e| e.lladdr)?;
        Some(EthFrame { dst: mac, ..frame.clone() })
    }

    /// `br_nf_forward_ip()` and `br_nf_post_routing()` for a frame bridged
    /// out of `port`: filter FORWARD, nat POSTROUTING, confirmation. `None`
    /// when a rule dropped or rejected it.
    pub(crate) fn br_nf_forward(&mut self, br: LinkRef, port: u32, b: &Bridged, frame: EthFrame) -> Option<EthFrame> {
        let EthPayload::Ipv4(pkt) = frame.payload else { return Some(frame) };
        let ns = br.ns;
        let br_name = self.dev_name(ns, br.ifindex);
        let (physin, physout) = (self.dev_name(ns, b.physin), self.dev_name(ns, port));
        let meta = PacketMeta {
            physin: Some(&physin),
            physout: Some(&physout),
            bridged: true,
            ..self.meta(ns, &pkt, b.ct.as_ref(), Some(&br_name), Some(&br_name))
        };
        match self.filter(ns, Hook::Forward, &meta) {
            Verdict::Drop => {
                self.drop_(ns, Some(port), DropReason::Firewall, what(&pkt));
                return None;
            }
            Verdict::Reject(w) => {
                self.drop_(ns, Some(port), DropReason::Firewall, what(&pkt));
                // From the bridge's own address; with none, nothing is sent.
                if let Some(code) = UnreachCode::of_reject(w) {
                    self.icmp_error(ns, Some(br.ifindex), &pkt, ErrKind::Unreach(code));
                }
                return None;
            }
            _ => {}
        }
        let mut ct = b.ct.clone();
        let pkt = self.nat_src(ns, Hook::Postrouting, &mut ct, (Some(&br_name), Some(&br_name)), None, pkt);
        self.ct_confirm(ns, ct);
        Some(EthFrame { payload: EthPayload::Ipv4(pkt), ..frame })
    }
}

fn what(p: &Ipv4Packet) -> String {
    format!("{} {} > {}", p.payload.name(), p.src, p.dst)
}
