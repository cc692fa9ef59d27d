//! The netfilter hooks of the packet path: connection tracking for ICMP
//! echo, DNAT in PREROUTING/OUTPUT, SNAT and MASQUERADE in POSTROUTING,
//! and the reverse translation of replies and of ICMP errors.

use std::net::Ipv4Addr;

use crate::kernel::addr::Scope;
use crate::kernel::nat::{Chain, Conn, Target};
use crate::kernel::NsId;

use super::engine::Engine;
use super::fib;
use super::trace::What;
use super::wire::{Icmp, Ipv4Packet};

impl Engine<'_> {
    pub(crate) fn nat_active(&self, ns: NsId) -> bool {
        self.k.ns(ns).is_some_and(|n| n.nat.has_nat_rules() || !n.nat.conntrack.is_empty())
    }

    fn note_nat(&mut self, ns: NsId, chain: &'static str, before: &Ipv4Packet, after: &Ipv4Packet) {
        if (before.src, before.dst) != (after.src, after.dst) {
            self.note(ns, None, What::Nat { chain, before: (before.src, before.dst), after: (after.src, after.dst) });
        }
    }

    /// PREROUTING (from a device) or OUTPUT (made here): replies and errors
    /// of tracked connections are translated back; new connections get
    /// their destination NAT.
    pub(crate) fn nat_in(&mut self, ns: NsId, chain: Chain, iif: Option<&str>, pkt: Ipv4Packet) -> Option<Ipv4Packet> {
        if !self.nat_active(ns) {
            return Some(pkt);
        }
        let before = pkt.clone();
        let mut pkt = pkt;
        let id = pkt.payload.echo_id();
        let len = pkt.len();
        let n = self.k.ns_mut(ns)?;
        let ct = &mut n.nat;
        match &mut pkt.payload {
            Icmp::DestUnreachable { quoted, .. } | Icmp::TimeExceeded { quoted } => {
                if let Some(c) = ct
                    .conntrack
                    .iter()
                    .find(|c| c.ident == id && quoted.src == c.reply_dst && quoted.dst == c.reply_src)
                {
                    pkt.dst = c.orig_src;
                    quoted.src = c.orig_src;
                    quoted.dst = c.orig_dst;
                }
            }
            _ => {
                let (src, dst) = (pkt.src, pkt.dst);
                if let Some(c) = ct
                    .conntrack
                    .iter()
                    .find(|c| c.ident == id && c.reply_src == src && c.reply_dst == dst && c.confirmed)
                {
                    pkt.src = c.orig_dst;
                    pkt.dst = c.orig_src;
                } else if let Some(c) =
                    ct.conntrack.iter().find(|c| c.ident == id && c.orig_src == src && c.orig_dst == dst)
                {
                    pkt.dst = c.reply_src;
                } else if matches!(pkt.payload, Icmp::EchoRequest { .. }) {
                    let new_dst = match ct.eval(chain, src, dst, iif, None, len) {
                        Some(Target::Dnat(a)) => a,
                        _ => dst,
                    };
                    ct.track(Conn {
                        ident: id,
                        orig_src: src,
                        orig_dst: dst,
                        reply_src: new_dst,
                        reply_dst: src,
                        confirmed: false,
                    });
                    pkt.dst = new_dst;
                }
            }
        }
        self.note_nat(ns, chain.name(), &before, &pkt);
        Some(pkt)
    }

    /// POSTROUTING: a new connection's source NAT is decided (SNAT,
    /// MASQUERADE to `oif`'s address) and applied to the rest of it.
    pub(crate) fn nat_out(
        &mut self,
        ns: NsId,
        iif: Option<&str>,
        oif: u32,
        oif_name: &str,
        nh: Ipv4Addr,
        pkt: Ipv4Packet,
    ) -> Option<Ipv4Packet> {
        if !self.nat_active(ns) {
            return Some(pkt);
        }
        let id = pkt.payload.echo_id();
        if pkt.payload.is_error() {
            return Some(pkt);
        }
        let masq_src = self.k.ns(ns).and_then(|n| fib::select_addr(n, oif, nh, Scope::Global));
        let len = pkt.len();
        let before = pkt.clone();
        let mut pkt = pkt;
        let n = self.k.ns_mut(ns)?;
        let ct = &mut n.nat;
        let Some(i) =
            ct.conntrack.iter().position(|c| c.ident == id && c.orig_src == pkt.src && c.reply_src == pkt.dst)
        else {
            return Some(pkt);
        };
        if !ct.conntrack[i].confirmed {
            let new_src = match ct.eval(Chain::Postrouting, pkt.src, pkt.dst, iif, Some(oif_name), len) {
                Some(Target::Masquerade) => masq_src.unwrap_or(pkt.src),
                Some(Target::Snat(a)) => a,
                _ => pkt.src,
            };
            let c = &mut ct.conntrack[i];
            c.reply_dst = new_src;
            c.confirmed = true;
        }
        pkt.src = ct.conntrack[i].reply_dst;
        self.note_nat(ns, "POSTROUTING", &before, &pkt);
        Some(pkt)
    }

    /// A packet delivered here confirms its connection (no source NAT).
    pub(crate) fn nat_confirm_local(&mut self, ns: NsId, pkt: &Ipv4Packet) {
        if !self.nat_active(ns) {
            return;
        }
        let id = pkt.payload.echo_id();
        if let Some(n) = self.k.ns_mut(ns) {
            if let Some(c) = n
                .nat
                .conntrack
                .iter_mut()
                .find(|c| !c.confirmed && c.ident == id && c.orig_src == pkt.src && c.reply_src == pkt.dst)
            {
                c.confirmed = true;
            }
        }
    }
}
