//! Chain traversal, as `ipt_do_table()` does it: rules in order, the first
//! with a verdict decides; a rule with no target (or LOG) counts and the
//! walk carries on; a jump counts on the jumping rule and continues in the
//! user chain, RETURN (or a user chain's end) goes back after the jump,
//! and a packet that falls off a built-in chain takes its policy and
//! counts on the policy's counters, if the chain has any (`Chain::stats`).
//! Counters add the packet's IP length.

use super::rule::{NatRange, PacketMeta, RejectWith, Target};
use super::table::{Family, Hook, Policy, TableId};
use super::NetfilterState;

/// A chain walk's outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Accept,
    Drop,
    Reject(RejectWith),
    Snat(NatRange),
    Dnat(NatRange),
    Masquerade,
}

/// Which rule (or policy) decided: for the Packet path trace.
#[derive(Clone)]
pub struct Hit {
    pub family: Family,
    pub table: TableId,
    pub chain: String,
    /// 1-based rule number in `chain`; `None`: the built-in chain's policy.
    pub rule: Option<usize>,
}

/// How deep jumps may nest (the kernel refuses loops when rules are added;
/// this only bounds a walk).
const MAX_DEPTH: usize = 64;
/// How many matching rules one walk may pass (gotos do not nest, so a
/// loop of them would not meet `MAX_DEPTH`); past it jumps are ignored.
const MAX_VISITS: usize = 100_000;

/// Whether conntrack must run in the namespace: some rule has a state
/// match or a NAT target (`nf_ct_netns_get()` is called for those only).
pub fn needs_conntrack(nf: &NetfilterState) -> bool {
    [TableId::Filter, TableId::Nat].into_iter().filter_map(|t| nf.table(t)).any(|t| {
        t.chains.iter().flat_map(|c| &c.rules).any(|r| {
            matches!(r.target, Target::Snat(_) | Target::Dnat(_) | Target::Masquerade(_))
                || r.matches.iter().any(|m| matches!(m, super::Match::State(_) | super::Match::Conntrack(_)))
        })
    })
}

enum Step {
    Next,
    Done(Verdict),
    Return,
    /// To a user chain; `true` for a goto (`-g`): no return point.
    Jump(usize, bool),
}

/// Walks IPv4 `table`'s built-in chain for `hook` with the packet,
/// counting as the kernel counts. A table that does not exist accepts and
/// counts nothing.
pub fn run(nf: &mut NetfilterState, table: TableId, hook: Hook, p: &PacketMeta) -> (Verdict, Option<Hit>) {
    run_in(nf, Family::Ipv4, table, hook, p)
}

/// The same in `family`'s tables (`ipt_do_table()`, `ip6t_do_table()`).
pub fn run_in(
    nf: &mut NetfilterState,
    family: Family,
    table: TableId,
    hook: Hook,
    p: &PacketMeta,
) -> (Verdict, Option<Hit>) {
    let Some(t) = nf.table_in_mut(family, table) else { return (Verdict::Accept, None) };
    let Some(start) = t.chains.iter().position(|c| c.hook == Some(hook)) else { return (Verdict::Accept, None) };
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut visits = 0;
    let (mut ci, mut ri) = (start, 0);
    loop {
        let Some(hit) = t.chains[ci].rules.get(ri).map(|r| r.matches(p)) else {
            // The end of a chain: a user chain returns, a built-in one
            // applies its policy.
            if let (Some((c, r)), false) = (stack.last().copied(), ci == start) {
                stack.pop();
                (ci, ri) = (c, r);
                continue;
            }
            let chain = &mut t.chains[start];
            // Only a chain iptables gave counters (-P, -Z, restore) counts.
            if chain.stats {
                chain.policy_counters.add(p.len);
            }
            let v = match chain.policy {
                Policy::Accept => Verdict::Accept,
                Policy::Drop => Verdict::Drop,
            };
            return (v, Some(Hit { family, table, chain: chain.name.clone(), rule: None }));
        };
        if !hit {
            ri += 1;
            continue;
        }
        t.chains[ci].rules[ri].counters.add(p.len);
        visits += 1;
        let rule = &t.chains[ci].rules[ri];
        let step = match &rule.target {
            Target::None | Target::Log(_) => Step::Next,
            Target::Accept => Step::Done(Verdict::Accept),
            Target::Drop => Step::Done(Verdict::Drop),
            Target::Reject(w) => Step::Done(Verdict::Reject(*w)),
            Target::Snat(r) => Step::Done(Verdict::Snat(*r)),
            Target::Dnat(r) => Step::Done(Verdict::Dnat(*r)),
            Target::Masquerade(_) => Step::Done(Verdict::Masquerade),
            Target::Return => Step::Return,
            Target::Jump(name) => match t.chains.iter().position(|c| c.name == *name) {
                Some(j) if stack.len() < MAX_DEPTH && visits < MAX_VISITS => Step::Jump(j, rule.goto),
                _ => Step::Next,
            },
        };
        match step {
            Step::Next => ri += 1,
            Step::Done(v) => {
                return (v, Some(Hit { family, table, chain: t.chains[ci].name.clone(), rule: Some(ri + 1) }));
            }
            Step::Return => match stack.pop() {
                Some((c, r)) => (ci, ri) = (c, r),
                // RETURN in a built-in chain: its policy.
                None => ri = usize::MAX,
            },
            Step::Jump(j, goto) => {
                // A goto's chain returns to where the rule's own chain was
                // called from (or ends in the policy).
                if !goto {
                    stack.push((ci, ri + 1));
                }
                (ci, ri) = (j, 0);
            }
        }
    }
}
