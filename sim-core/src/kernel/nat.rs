//! Netfilter state of one namespace: iptables' nat table (and a filter
//! table that is only kept and listed), plus the connection tracking that
//! lets NAT translate replies back.

use std::net::Ipv4Addr;

use super::addr;

/// A built-in chain.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Chain {
    Prerouting,
    Input,
    Forward,
    Output,
    Postrouting,
}

impl Chain {
    pub fn name(self) -> &'static str {
        match self {
            Chain::Prerouting => "PREROUTING",
            Chain::Input => "INPUT",
            Chain::Forward => "FORWARD",
            Chain::Output => "OUTPUT",
            Chain::Postrouting => "POSTROUTING",
        }
    }

    pub fn parse(s: &str) -> Option<Chain> {
        [Chain::Prerouting, Chain::Input, Chain::Forward, Chain::Output, Chain::Postrouting]
            .into_iter()
            .find(|c| c.name() == s)
    }
}

/// `-s`/`-d`: an address prefix, possibly negated with `!`.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AddrMatch {
    /// Already masked to the prefix, as iptables stores it.
    pub net: Ipv4Addr,
    pub prefix: u8,
    pub invert: bool,
}

impl AddrMatch {
    pub fn matches(&self, a: Ipv4Addr) -> bool {
        addr::in_prefix(a, self.net, self.prefix) != self.invert
    }
}

/// `-i`/`-o`: an interface name (a trailing `+` is a wildcard), possibly negated.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IfMatch {
    pub name: String,
    pub invert: bool,
}

impl IfMatch {
    pub fn matches(&self, dev: &str) -> bool {
        let hit = match self.name.strip_suffix('+') {
            Some(prefix) => dev.starts_with(prefix),
            None => dev == self.name,
        };
        hit != self.invert
    }
}

/// What a rule does when it matches.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Accept,
    Drop,
    Return,
    /// Source NAT to the outgoing interface's address.
    Masquerade,
    Snat(Ipv4Addr),
    Dnat(Ipv4Addr),
}

impl Target {
    pub fn name(&self) -> &'static str {
        match self {
            Target::Accept => "ACCEPT",
            Target::Drop => "DROP",
            Target::Return => "RETURN",
            Target::Masquerade => "MASQUERADE",
            Target::Snat(_) => "SNAT",
            Target::Dnat(_) => "DNAT",
        }
    }
}

/// One rule with its counters.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rule {
    pub src: Option<AddrMatch>,
    pub dst: Option<AddrMatch>,
    pub iif: Option<IfMatch>,
    pub oif: Option<IfMatch>,
    /// `-p`: protocol number (0 = all) and whether negated.
    pub proto: Option<(u8, bool)>,
    /// `None`: a rule without `-j` (it only counts).
    pub target: Option<Target>,
    pub pkts: u64,
    pub bytes: u64,
}

impl Rule {
    /// Whether the rule matches a packet with these addresses and devices.
    pub fn matches(&self, src: Ipv4Addr, dst: Ipv4Addr, iif: Option<&str>, oif: Option<&str>) -> bool {
        self.src.as_ref().is_none_or(|m| m.matches(src))
            && self.dst.as_ref().is_none_or(|m| m.matches(dst))
            && self.iif.as_ref().is_none_or(|m| iif.is_some_and(|d| m.matches(d)))
            && self.oif.as_ref().is_none_or(|m| oif.is_some_and(|d| m.matches(d)))
            // Every packet the engine moves is ICMP (protocol 1).
            && self.proto.is_none_or(|(p, inv)| (p == 0 || p == 1) != inv)
    }

    /// Same rule, ignoring counters (what `-D` by specification compares).
    pub fn same_spec(&self, other: &Rule) -> bool {
        self.src == other.src
            && self.dst == other.dst
            && self.iif == other.iif
            && self.oif == other.oif
            && self.proto == other.proto
            && self.target == other.target
    }
}

/// A chain's rules and its policy counters.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChainRules {
    pub rules: Vec<Rule>,
    pub policy_pkts: u64,
    pub policy_bytes: u64,
}

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

/// The nat table (PREROUTING, INPUT, OUTPUT, POSTROUTING), the filter
/// table (INPUT, FORWARD, OUTPUT; kept and listed, not enforced), and
/// the connection tracking table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NatTable {
    pub prerouting: ChainRules,
    pub input: ChainRules,
    pub output: ChainRules,
    pub postrouting: ChainRules,
    pub filter_input: ChainRules,
    pub filter_forward: ChainRules,
    pub filter_output: ChainRules,
    pub conntrack: Vec<Conn>,
}

/// Which iptables table.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableId {
    Nat,
    Filter,
}

impl TableId {
    pub fn name(self) -> &'static str {
        match self {
            TableId::Nat => "nat",
            TableId::Filter => "filter",
        }
    }

    /// The built-in chains, in listing order.
    pub fn chains(self) -> &'static [Chain] {
        match self {
            TableId::Nat => &[Chain::Prerouting, Chain::Input, Chain::Output, Chain::Postrouting],
            TableId::Filter => &[Chain::Input, Chain::Forward, Chain::Output],
        }
    }
}

impl NatTable {
    /// A table's chain, if the table has it.
    pub fn chain(&self, t: TableId, c: Chain) -> Option<&ChainRules> {
        match (t, c) {
            (TableId::Nat, Chain::Prerouting) => Some(&self.prerouting),
            (TableId::Nat, Chain::Input) => Some(&self.input),
            (TableId::Nat, Chain::Output) => Some(&self.output),
            (TableId::Nat, Chain::Postrouting) => Some(&self.postrouting),
            (TableId::Filter, Chain::Input) => Some(&self.filter_input),
            (TableId::Filter, Chain::Forward) => Some(&self.filter_forward),
            (TableId::Filter, Chain::Output) => Some(&self.filter_output),
            _ => None,
        }
    }

    pub fn chain_mut(&mut self, t: TableId, c: Chain) -> Option<&mut ChainRules> {
        match (t, c) {
            (TableId::Nat, Chain::Prerouting) => Some(&mut self.prerouting),
            (TableId::Nat, Chain::Input) => Some(&mut self.input),
            (TableId::Nat, Chain::Output) => Some(&mut self.output),
            (TableId::Nat, Chain::Postrouting) => Some(&mut self.postrouting),
            (TableId::Filter, Chain::Input) => Some(&mut self.filter_input),
            (TableId::Filter, Chain::Forward) => Some(&mut self.filter_forward),
            (TableId::Filter, Chain::Output) => Some(&mut self.filter_output),
            _ => None,
        }
    }

    /// Whether the nat table has any rule (conntrack is only kept then).
    pub fn has_nat_rules(&self) -> bool {
        [&self.prerouting, &self.input, &self.output, &self.postrouting].iter().any(|c| !c.rules.is_empty())
    }

    /// The first matching rule's target in a nat chain, counting the packet.
    /// `None` when no rule decides (the ACCEPT policy: no translation).
    pub fn eval(
        &mut self,
        c: Chain,
        src: Ipv4Addr,
        dst: Ipv4Addr,
        iif: Option<&str>,
        oif: Option<&str>,
        len: usize,
    ) -> Option<Target> {
        let chain = self.chain_mut(TableId::Nat, c)?;
        for r in chain.rules.iter_mut() {
            if r.matches(src, dst, iif, oif) {
                r.pkts += 1;
                r.bytes += len as u64;
                match &r.target {
                    None => continue,
                    Some(Target::Return) | Some(Target::Accept) | Some(Target::Drop) => return None,
                    Some(t) => return Some(t.clone()),
                }
            }
        }
        chain.policy_pkts += 1;
        chain.policy_bytes += len as u64;
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
