//! `br_netfilter`: bridged IPv4 through the iptables hooks, when the
//! bridge's namespace has `net.bridge.bridge-nf-call-iptables` at 1 (the
//! reference kernel's default). A frame entering a port meets PREROUTING
//! (conntrack, nat) with `-i` the bridge; a frame bridged on to another
//! port meets FORWARD with `-i` and `-o` both the bridge and the ports in
//! `--physdev-in`/`--physdev-out`, then POSTROUTING; a frame for the bridge
//! itself goes up its IP stack without a second PREROUTING. What the
//! bridge-chains and bridge-netfilter recordings show.
//!
//! One simplification: a frame addressed to the bridge whose destination
//! PREROUTING's DNAT moved to a host on the same bridge is routed (through
//! `ip_forward`, so it needs `ip_forward=1`, as on Linux) instead of being
//! bridged with its MAC address rewritten; what differs is only the
//! request's TTL, which no one sees.

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
            return (frame, Bridged { ct: None, physin: port });
        };
        let ns = br.ns;
        let mut ct = self.ct_in(ns, &pkt);
        let (br_name, physin) = (self.dev_name(ns, br.ifindex), self.dev_name(ns, port));
        let pkt = self.nat_dst(ns, Hook::Prerouting, &mut ct, (Some(&br_name), Some(&physin)), pkt);
        (EthFrame { payload: EthPayload::Ipv4(pkt), ..frame }, Bridged { ct, physin: port })
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
