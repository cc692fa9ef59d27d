//! What a packet socket (`AF_PACKET`, tcpdump's) sees: each frame a device
//! sent or received, when, and how the kernel classed it. The engine hands
//! every frame to the open captures of its namespace at the moments Linux
//! does (`dev_queue_xmit_nit()` on the way out, `__netif_receive_skb()` on
//! the way in); a program takes them with `Sockets::capture_take`.

use std::collections::VecDeque;

use super::wire::EthFrame;

/// `sll_pkttype`: how the receiving device classed a frame (tcpdump on
/// `any` prints it as `In`, `B`, `M`, `P` or `Out`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PktType {
    /// `PACKET_HOST`: for this device's own MAC.
    Host,
    /// `PACKET_BROADCAST`.
    Broadcast,
    /// `PACKET_MULTICAST`.
    Multicast,
    /// `PACKET_OTHERHOST`: for another MAC (a bridge port sees these).
    OtherHost,
    /// `PACKET_OUTGOING`: sent by this device.
    Outgoing,
}

/// One captured frame. On `lo` the frame has all-zero MAC addresses, as
/// Linux's loopback writes them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Captured {
    /// Virtual time it was seen (µs).
    pub at_us: u64,
    /// The device, in the capture's namespace.
    pub ifindex: u32,
    pub pkt_type: PktType,
    pub frame: EthFrame,
}

/// A capture's handle in its namespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TapId(pub u32);

/// One namespace's open packet sockets, each on a device or on all of
/// them (`any`), with what they saw and nobody took yet. Empty in a lab
/// where nobody captures: the engine then only checks `is_empty`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Taps {
    next: u32,
    open: Vec<Tap>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Tap {
    id: TapId,
    /// `None`: every device (`any`).
    ifindex: Option<u32>,
    /// A ring: the oldest frame goes when a new one comes to a full one,
    /// in constant time (a storm in one engine run can hand it 500 000).
    seen: VecDeque<Captured>,
}

/// Frames a capture keeps before it drops the oldest (a capture nobody
/// reads must not grow without end; tcpdump's ring holds about this much).
pub const TAP_MAX: usize = 10_000;

impl Taps {
    /// Opens a capture on `ifindex` (`None`: `any`).
    pub fn open(&mut self, ifindex: Option<u32>) -> TapId {
        self.next += 1;
        let id = TapId(self.next);
        self.open.push(Tap { id, ifindex, seen: VecDeque::new() });
        id
    }

    /// What the capture saw since it was last asked, oldest first.
    pub fn take(&mut self, id: TapId) -> Vec<Captured> {
        self.open.iter_mut().find(|t| t.id == id).map(|t| std::mem::take(&mut t.seen).into()).unwrap_or_default()
    }

    /// How many frames wait to be taken.
    pub fn pending(&self, id: TapId) -> usize {
        self.open.iter().find(|t| t.id == id).map_or(0, |t| t.seen.len())
    }

    pub fn close(&mut self, id: TapId) {
        self.open.retain(|t| t.id != id);
    }

    pub fn is_empty(&self) -> bool {
        self.open.is_empty()
    }

    /// Whether a capture on this very device puts it in promiscuous mode
    /// (one on `any` does not).
    pub fn promisc(&self, ifindex: u32) -> bool {
        self.open.iter().any(|t| t.ifindex == Some(ifindex))
    }

    /// The devices some capture watches (`None` for `any`), for diagrams.
    pub fn devices(&self) -> impl Iterator<Item = Option<u32>> + '_ {
        self.open.iter().map(|t| t.ifindex)
    }

    /// Hands a frame to every capture on `ifindex` or on `any`.
    pub fn see(&mut self, at_us: u64, ifindex: u32, pkt_type: PktType, frame: &EthFrame) {
        for t in self.open.iter_mut().filter(|t| t.ifindex.is_none_or(|i| i == ifindex)) {
            if t.seen.len() >= TAP_MAX {
                t.seen.pop_front();
            }
            t.seen.push_back(Captured { at_us, ifindex, pkt_type, frame: frame.clone() });
        }
    }
}

impl super::engine::Engine<'_> {
    /// `dev_queue_xmit_nit()`: a device sends `frame`.
    pub(crate) fn tap_out(&mut self, dev: crate::kernel::link::LinkRef, frame: &EthFrame) {
        let now = self.now;
        if let Some(n) = self.k.ns_mut(dev.ns).filter(|n| !n.taps.is_empty()) {
            n.taps.see(now, dev.ifindex, PktType::Outgoing, frame);
        }
    }

    /// `__netif_receive_skb()`'s taps: `frame` arrives at a device whose
    /// address is `mac`, classed as `eth_type_trans()` classes it.
    pub(crate) fn tap_in(&mut self, dev: crate::kernel::link::LinkRef, mac: crate::kernel::mac::Mac, frame: &EthFrame) {
        let now = self.now;
        let Some(n) = self.k.ns_mut(dev.ns).filter(|n| !n.taps.is_empty()) else { return };
        let ty = if frame.dst == crate::kernel::mac::Mac::BROADCAST {
            PktType::Broadcast
        } else if frame.dst.is_multicast() {
            PktType::Multicast
        } else if frame.dst == mac {
            PktType::Host
        } else {
            PktType::OtherHost
        };
        n.taps.see(now, dev.ifindex, ty, frame);
    }

    /// A packet through `lo`: seen leaving and arriving, with zero MACs.
    pub(crate) fn tap_loopback(
        &mut self,
        ns: crate::kernel::NsId,
        lo: u32,
        pkt: &super::wire::Ipv4Packet,
        arriving: bool,
    ) {
        let now = self.now;
        let Some(n) = self.k.ns_mut(ns).filter(|n| !n.taps.is_empty()) else { return };
        let frame = EthFrame {
            src: crate::kernel::mac::Mac::ZERO,
            dst: crate::kernel::mac::Mac::ZERO,
            payload: super::wire::EthPayload::Ipv4(pkt.clone()),
        };
        let ty = if arriving { PktType::Host } else { PktType::Outgoing };
        n.taps.see(now, lo, ty, &frame);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::mac::Mac;
    use crate::packet::wire::{ArpOp, ArpPacket, EthPayload};

    #[test]
    fn a_full_capture_keeps_the_newest_frames() {
        let arp = ArpPacket {
            op: ArpOp::Request,
            sender_mac: Mac::ZERO,
            sender_ip: [10, 0, 0, 1].into(),
            target_mac: Mac::ZERO,
            target_ip: [10, 0, 0, 2].into(),
        };
        let frame = EthFrame { src: Mac::ZERO, dst: Mac::BROADCAST, payload: EthPayload::Arp(arp) };
        let mut taps = Taps::default();
        let on_2 = taps.open(Some(2));
        let any = taps.open(None);
        for at in 0..(TAP_MAX as u64 + 5) {
            taps.see(at, 3, PktType::Broadcast, &frame);
        }
        assert_eq!(taps.pending(on_2), 0, "another device's frames");
        let seen = taps.take(any);
        assert_eq!((seen.len(), seen[0].at_us), (TAP_MAX, 5));
        assert_eq!(taps.pending(any), 0);
        taps.close(any);
        assert!(taps.promisc(2) && !taps.is_empty());
    }
}
