//! The ICMP echo NAT the packet path used before chain traversal existed:
//! first-match over one nat chain, without jumps. It stays until the packet
//! path moves to `eval` and `kernel::conntrack` (nf-path's work), so that the
//! tree builds meanwhile.

use std::net::Ipv4Addr;

use super::rule::{CtState, PacketMeta, Target as RuleTarget, IPPROTO_ICMP};
use super::table::{Hook, TableId};
use super::NetfilterState;

/// One tracked ICMP echo "connection": the tuple as sent and the tuple its
/// replies will carry after NAT.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conn {
    pub ident: u16,
    pub orig_src: Ipv4Addr,
    pub orig_dst: Ipv4Addr,
    /// Replies come from here…
    pub reply_src: Ipv4Addr,
    /// …and are addressed here.
    pub reply_dst: Ipv4Addr,
    /// The first packet finished its way through this namespace (the
    /// source NAT decision is made).
    pub confirmed: bool,
}

/// At most this many tracked connections; the oldest go first.
pub const CONNTRACK_MAX: usize = 4096;

/// A NAT decision, addresses only (what the echo NAT applies).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NatDecision {
    Masquerade,
    Snat(Ipv4Addr),
    Dnat(Ipv4Addr),
}

impl NetfilterState {
    /// Whether the nat table has any rule (conntrack is only kept then).
    pub fn has_nat_rules(&self) -> bool {
        self.table(TableId::Nat).is_some_and(|t| t.chains.iter().any(|c| !c.rules.is_empty()))
    }

    /// The first matching rule's NAT target in a nat chain, counting the
    /// packet. `None` when no rule translates.
    pub fn eval(
        &mut self,
        hook: Hook,
        src: Ipv4Addr,
        dst: Ipv4Addr,
        iif: Option<&str>,
        oif: Option<&str>,
        len: usize,
    ) -> Option<NatDecision> {
        let meta = PacketMeta {
            src,
            dst,
            proto: IPPROTO_ICMP,
            sport: None,
            dport: None,
            tcp_flags: None,
            icmp: Some((8, 0)),
            iif,
            oif,
            physin: None,
            physout: None,
            bridged: false,
            ct: Some(CtState::New),
            ct_snat: false,
            ct_dnat: false,
            len,
        };
        let chain = self.table_mut(TableId::Nat)?.builtin_mut(hook)?;
        for r in chain.rules.iter_mut() {
            if r.matches(&meta) {
                r.counters.add(len);
                let addr = |n: &super::NatRange| n.addrs.map(|(a, _)| a);
                match &r.target {
                    RuleTarget::None => continue,
                    RuleTarget::Masquerade(_) => return Some(NatDecision::Masquerade),
                    RuleTarget::Snat(n) => return addr(n).map(NatDecision::Snat),
                    RuleTarget::Dnat(n) => return addr(n).map(NatDecision::Dnat),
                    _ => return None,
                }
            }
        }
        chain.policy_counters.add(len);
        None
    }

    /// Remembers a connection, forgetting the oldest past [`CONNTRACK_MAX`].
    pub fn track(&mut self, c: Conn) {
        if self.conntrack.len() >= CONNTRACK_MAX {
            self.conntrack.remove(0);
        }
        self.conntrack.push(c);
    }
}
