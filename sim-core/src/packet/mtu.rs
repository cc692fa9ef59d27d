//! MTUs on the packet path: the MTU a packet leaves with (`ipv4_mtu()`),
//! splitting it into fragments (`ip_fragment()`), putting them back
//! together where they arrive (`ip_defrag()`), and learning a smaller path
//! MTU from an ICMP "fragmentation needed" (`__ip_rt_update_pmtu()`).

use std::net::Ipv4Addr;

use crate::kernel::route::PathMtu;
use crate::kernel::NsId;

use super::engine::{Engine, FragKey, FragPart};
use super::fib::Lookup;
use super::ip::SendError;
use super::trace::What;
use super::wire::{IpPacket, Ipv4Packet, ETH_HLEN};

/// `ip_rt_min_pmtu`: a path MTU is never learnt below this.
pub const MIN_PMTU: u32 = 552;
/// `ip_rt_mtu_expires`: a learnt path MTU is forgotten after ten minutes.
pub const PMTU_EXPIRES_MS: u64 = 600_000;
/// `is_skb_forwardable()` lets a frame through a veth or bridge port if it
/// fits the device's MTU plus an Ethernet header and a VLAN tag.
pub const VLAN_HLEN: usize = 4;

/// How ping asks the kernel to treat DF (`-M`, `IP_MTU_DISCOVER`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PmtuDisc {
    /// Never set DF: routers may fragment.
    Dont,
    /// Set DF when the packet fits the path MTU (the default), else fragment here.
    Want,
    /// Always set DF; a packet over the path MTU fails with EMSGSIZE.
    Do,
}

/// Whether a frame of `len` bytes may enter a device of MTU `mtu`.
pub fn fits(len: usize, mtu: u32) -> bool {
    len <= mtu as usize + ETH_HLEN + VLAN_HLEN
}

impl Engine<'_> {
    /// The learnt path MTU to `dst`, while it lasts.
    pub(crate) fn learnt_pmtu(&self, ns: NsId, dst: Ipv4Addr) -> Option<PathMtu> {
        let now_ms = self.now / 1000;
        let n = self.k.ns(ns)?;
        n.pmtu.iter().find(|p| p.dst == dst && p.valid(now_ms)).copied()
    }

    /// `ipv4_mtu()` for a locally sent packet: a learnt path MTU, else the
    /// route's `mtu`, else the device's.
    /// Whether `pkt`, sent from namespace `ns`, fits the path MTU of the
    /// route it would take (false without a route).
    pub(crate) fn fits_path(&self, ns: NsId, pkt: &super::wire::Ipv4Packet, oif: Option<u32>) -> bool {
        let Some(n) = self.k.ns(ns) else { return false };
        match super::fib::lookup(n, pkt.dst, oif) {
            Ok(r) => pkt.len() <= self.output_mtu(ns, &r, pkt.dst) as usize,
            Err(_) => false,
        }
    }

    pub(crate) fn output_mtu(&self, ns: NsId, r: &Lookup, dst: Ipv4Addr) -> u32 {
        if let Some(p) = self.learnt_pmtu(ns, dst) {
            return p.mtu;
        }
        self.route_mtu(ns, r)
    }

    /// The route's `mtu` metric, else the device's MTU (what forwarding uses).
    pub(crate) fn route_mtu(&self, ns: NsId, r: &Lookup) -> u32 {
        if r.mtu != 0 {
            return r.mtu;
        }
        self.k.ns(ns).and_then(|n| n.links.get(&r.dev)).map_or(1500, |l| l.mtu)
    }

    /// `ip_append_data()` and `__ip_make_skb()` for a probe sent with `mode`:
    /// the DF bit, or EMSGSIZE with the MTU it would not fit.
    pub(crate) fn apply_pmtudisc(
        &self,
        ns: NsId,
        pkt: &mut Ipv4Packet,
        r: &Lookup,
        mode: PmtuDisc,
    ) -> Result<(), SendError> {
        let mtu = self.output_mtu(ns, r, pkt.dst);
        let fits = pkt.len() <= mtu as usize;
        pkt.df = match mode {
            PmtuDisc::Dont => false,
            PmtuDisc::Want => fits && !r.mtu_locked,
            PmtuDisc::Do if fits => true,
            PmtuDisc::Do => return Err(SendError::MsgSize { mtu }),
        };
        Ok(())
    }

    /// Sends a packet a socket made with `IP_MTU_DISCOVER` set to `mode`.
    pub fn send_probe(
        &mut self,
        ns: NsId,
        mut pkt: Ipv4Packet,
        oif: Option<u32>,
        mode: PmtuDisc,
    ) -> Result<(), SendError> {
        let r = self.k.ns(ns).and_then(|n| super::fib::lookup(n, pkt.dst, oif).ok());
        if let Some(r) = r.filter(|r| r.kind == super::fib::Kind::Unicast) {
            self.apply_pmtudisc(ns, &mut pkt, &r, mode)?;
        }
        self.ip_send(ns, pkt, oif)
    }

    /// `ip_finish_output()`: sends `pkt` to next hop `nh` on `dev`, split into
    /// fragments when it is larger than `mtu` (callers have dealt with DF).
    /// The first fragment a device refuses ends the send with its error.
    pub(crate) fn ip_output(
        &mut self,
        ns: NsId,
        dev: u32,
        nh: Ipv4Addr,
        pkt: Ipv4Packet,
        mtu: u32,
    ) -> Result<(), SendError> {
        if pkt.len() <= mtu as usize {
            return self.neigh_output(ns, dev, nh.into(), IpPacket::V4(pkt));
        }
        self.frag_id = self.frag_id.wrapping_add(1);
        let parts = pkt.fragments(mtu as usize, self.frag_id);
        let out = self.dev_name(ns, dev);
        self.note(ns, Some(dev), What::Fragmented { count: parts.len(), mtu, out });
        for p in parts {
            self.neigh_output(ns, dev, nh.into(), IpPacket::V4(p))?;
        }
        Ok(())
    }

    /// `ip_defrag()`: keeps fragments until the packet is whole, then
    /// returns it. A whole packet passes straight through.
    pub(crate) fn defrag(&mut self, ns: NsId, pkt: Ipv4Packet) -> Option<Ipv4Packet> {
        let Some(f) = pkt.frag else { return Some(pkt) };
        let key = (ns, pkt.src.into(), pkt.dst.into(), u32::from(f.id));
        self.reassembled(key, (f.offset, f.len, f.more)).then_some(Ipv4Packet { frag: None, ..pkt })
    }

    /// Keeps one fragment of the packet `key`; true when that made the
    /// packet whole (every byte up to the last fragment's end), which is
    /// then forgotten. For both families (`ip_defrag()`, `ipv6_frag_rcv()`).
    pub(crate) fn reassembled(&mut self, key: FragKey, part: FragPart) -> bool {
        let parts = self.reasm.entry(key).or_default();
        // Kept in offset order (a packet has few fragments).
        let at = parts.iter().position(|p| p.0 > part.0).unwrap_or(parts.len());
        parts.insert(at, part);
        let mut end = 0;
        for &(off, len, more) in parts.iter() {
            if off > end {
                return false;
            }
            end = end.max(off + len);
            if !more {
                self.reasm.remove(&key);
                return true;
            }
        }
        false
    }

    /// `__ip_rt_update_pmtu()`: an ICMP "fragmentation needed" for a packet
    /// this namespace sent to `dst` lowers its path MTU, for ten minutes.
    /// Below the minimum, the minimum is used and locked (DF is no longer set).
    pub(crate) fn learn_pmtu(&mut self, ns: NsId, dst: Ipv4Addr, mtu: u32) {
        let Some(n) = self.k.ns(ns) else { return };
        let Ok(r) = super::fib::lookup(n, dst, None) else { return };
        if r.mtu_locked || self.learnt_pmtu(ns, dst).is_some_and(|p| p.locked) {
            return;
        }
        let old = self.output_mtu(ns, &r, dst);
        if old < mtu {
            return;
        }
        let (mtu, locked) = if mtu < MIN_PMTU { (old.min(MIN_PMTU), true) } else { (mtu, false) };
        let expires_ms = self.now / 1000 + PMTU_EXPIRES_MS;
        let Some(n) = self.k.ns_mut(ns) else { return };
        n.pmtu.retain(|p| p.dst != dst);
        n.pmtu.push(PathMtu { dst, mtu, locked, expires_ms, stale: false });
    }
}
