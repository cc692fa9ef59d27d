//! ip6tables on the IPv6 path: the view its chains get of a packet
//! ([`Packet6`]) and what a verdict does there — a drop, or REJECT's
//! ICMPv6 destination unreachable to the sender (`nf_send_unreach6()`).
//! The path asks at INPUT (`ip6_input()`), FORWARD (`ip6_forward()`) and
//! OUTPUT (`ip6_local_out()`).

use crate::kernel::netfilter::eval::Verdict;
use crate::kernel::netfilter::ip6::Packet6;
use crate::kernel::netfilter::Hook;
use crate::kernel::NsId;

use super::engine::Engine;
use super::ip6::{what, Err6};
use super::trace::DropReason;
use super::wire6::{Ipv6Packet, Unreach6};

/// ICMPv6's next-header number.
const NEXTHDR_ICMP: u8 = 58;

/// The destination unreachable a REJECT's ICMPv6 code stands for; `None`
/// for one the simulator has no message of (5, policy failure).
fn unreach_of(code: u8) -> Option<Unreach6> {
    Some(match code {
        0 => Unreach6::NoRoute,
        1 => Unreach6::AdminProhibited,
        3 => Unreach6::Address,
        4 => Unreach6::Port,
        6 => Unreach6::RejectRoute,
        _ => return None,
    })
}

impl Engine<'_> {
    /// ip6tables' filter verdict on `pkt` at `hook`, with the devices the
    /// hook knows (`in`, `out`), counted and traced.
    pub(crate) fn filter6_at(
        &mut self,
        ns: NsId,
        hook: Hook,
        pkt: &Ipv6Packet,
        iif: Option<u32>,
        oif: Option<u32>,
    ) -> Verdict {
        if !crate::lab::basic::IPTABLES_BUILT {
            return Verdict::Accept;
        }
        let iif = iif.map(|d| self.dev_name(ns, d));
        let oif = oif.map(|d| self.dev_name(ns, d));
        let view = Packet6 {
            src: pkt.src,
            dst: pkt.dst,
            next_header: NEXTHDR_ICMP,
            icmp6: pkt.is_head().then(|| pkt.payload.type_code()),
            sport: None,
            dport: None,
            tcp_flags: None,
            iif: iif.as_deref(),
            oif: oif.as_deref(),
            ct: None,
            len: pkt.len(),
        };
        self.filter6(ns, hook, &view)
    }

    /// Acts on a verdict: false when the packet stops here (dropped, or
    /// rejected with a destination unreachable to its sender).
    pub(crate) fn filter6_passes(&mut self, ns: NsId, in_dev: Option<u32>, pkt: &Ipv6Packet, v: Verdict) -> bool {
        match v {
            Verdict::Drop => {
                self.drop_(ns, in_dev, DropReason::Firewall, what(pkt));
                false
            }
            Verdict::Reject(w) => {
                self.drop_(ns, in_dev, DropReason::Firewall, what(pkt));
                if let Some(code) = w.icmp6_code().and_then(unreach_of) {
                    self.icmp6_error(ns, in_dev, pkt, Err6::Unreach(code));
                }
                false
            }
            _ => true,
        }
    }
}
