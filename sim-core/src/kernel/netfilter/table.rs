//! Tables and chains: built-in chains (one per hook, with a policy and its
//! counters) and user chains (no policy), as iptables-nft lays them out.

use super::rule::{Counters, Rule, Target};

/// A netfilter hook, i.e. a built-in chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Hook {
    Prerouting,
    Input,
    Forward,
    Output,
    Postrouting,
}

impl Hook {
    pub const ALL: [Hook; 5] = [Hook::Prerouting, Hook::Input, Hook::Forward, Hook::Output, Hook::Postrouting];

    pub fn name(self) -> &'static str {
        match self {
            Hook::Prerouting => "PREROUTING",
            Hook::Input => "INPUT",
            Hook::Forward => "FORWARD",
            Hook::Output => "OUTPUT",
            Hook::Postrouting => "POSTROUTING",
        }
    }

    pub fn parse(s: &str) -> Option<Hook> {
        Hook::ALL.into_iter().find(|c| c.name() == s)
    }
}

/// Which iptables table, in the order iptables-save prints them. Only
/// filter and nat take part in the packet path; mangle and raw are known so
/// that listing them works.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum TableId {
    Mangle,
    Raw,
    Filter,
    Nat,
}

impl TableId {
    pub const ALL: [TableId; 4] = [TableId::Mangle, TableId::Raw, TableId::Filter, TableId::Nat];

    pub fn name(self) -> &'static str {
        match self {
            TableId::Filter => "filter",
            TableId::Nat => "nat",
            TableId::Mangle => "mangle",
            TableId::Raw => "raw",
        }
    }

    pub fn parse(s: &str) -> Option<TableId> {
        TableId::ALL.into_iter().find(|t| t.name() == s)
    }

    /// The built-in chains, in listing order.
    pub fn hooks(self) -> &'static [Hook] {
        match self {
            TableId::Filter => &[Hook::Input, Hook::Forward, Hook::Output],
            TableId::Nat => &[Hook::Prerouting, Hook::Input, Hook::Output, Hook::Postrouting],
            TableId::Mangle => &Hook::ALL,
            TableId::Raw => &[Hook::Prerouting, Hook::Output],
        }
    }
}

/// Which family's tables (xtables' `afinfo->family`, nf_tables' `ip` and
/// `ip6` table families): iptables and ip6tables keep separate tables,
/// even of the same name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Family {
    /// `NFPROTO_IPV4`: iptables.
    #[default]
    Ipv4,
    /// `NFPROTO_IPV6`: ip6tables.
    Ipv6,
}

impl Family {
    pub const ALL: [Family; 2] = [Family::Ipv4, Family::Ipv6];
}

/// A built-in chain's policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Policy {
    Accept,
    Drop,
}

impl Policy {
    pub fn name(self) -> &'static str {
        match self {
            Policy::Accept => "ACCEPT",
            Policy::Drop => "DROP",
        }
    }
}

/// A chain: built-in (`hook` set; it has a policy) or a user chain.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Chain {
    pub name: String,
    pub hook: Option<Hook>,
    /// Meaningless for user chains (always `Accept` there).
    pub policy: Policy,
    /// Packets that fell off the end of a built-in chain.
    pub policy_counters: Counters,
    /// The base chain has kernel counters for its policy. iptables-nft
    /// gives them with `-P`, `-Z` and iptables-restore, not when `-A`
    /// makes the chain: until then what falls off its end is not counted
    /// (policy-counters, log-target recordings).
    pub stats: bool,
    pub rules: Vec<Rule>,
}

impl Chain {
    pub fn builtin(hook: Hook) -> Chain {
        Chain {
            name: hook.name().to_string(),
            hook: Some(hook),
            policy: Policy::Accept,
            policy_counters: Counters::default(),
            stats: false,
            rules: Vec::new(),
        }
    }

    pub fn user(name: &str) -> Chain {
        Chain {
            name: name.to_string(),
            hook: None,
            policy: Policy::Accept,
            policy_counters: Counters::default(),
            stats: false,
            rules: Vec::new(),
        }
    }

    /// A base chain (it has a hook), under its own name or renamed.
    pub fn is_builtin(&self) -> bool {
        self.hook.is_some()
    }

    /// A base chain renamed with `iptables -E INPUT X`: nft keeps it hooked,
    /// iptables no longer shows it ("incompatible base-chains").
    pub fn is_renamed_base(&self) -> bool {
        self.hook.is_some_and(|h| h.name() != self.name)
    }
}

/// One table: the built-in chains that exist, in hook order, then its user
/// chains in ASCII order (the order iptables lists them in).
///
/// iptables-nft makes base chains lazily too: `-A INPUT` makes INPUT only,
/// `iptables -X` deletes empty ACCEPT ones. A missing base chain is not
/// hooked: packets pass it uncounted (its policy counters stay 0).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Table {
    pub family: Family,
    pub id: TableId,
    pub chains: Vec<Chain>,
}

impl Table {
    /// A fresh IPv4 table (iptables') with no chains.
    pub fn new(id: TableId) -> Table {
        Table::new_in(Family::Ipv4, id)
    }

    /// A fresh table of `family` with no chains.
    pub fn new_in(family: Family, id: TableId) -> Table {
        Table { family, id, chains: Vec::new() }
    }

    /// A built-in chain, made (empty, ACCEPT) if missing.
    pub fn ensure_builtin(&mut self, hook: Hook) -> &mut Chain {
        let at = match self.chains.iter().position(|c| c.hook == Some(hook) && c.name == hook.name()) {
            Some(i) => i,
            None => {
                let at = self.chains.iter().take_while(|c| c.hook.is_some_and(|h| h <= hook)).count();
                self.chains.insert(at, Chain::builtin(hook));
                at
            }
        };
        &mut self.chains[at]
    }

    pub fn chain(&self, name: &str) -> Option<&Chain> {
        self.chains.iter().find(|c| c.name == name)
    }

    pub fn chain_mut(&mut self, name: &str) -> Option<&mut Chain> {
        self.chains.iter_mut().find(|c| c.name == name)
    }

    /// The base chain of a hook as iptables sees it (not a renamed one).
    pub fn builtin(&self, hook: Hook) -> Option<&Chain> {
        self.chains.iter().find(|c| c.hook == Some(hook) && c.name == hook.name())
    }

    pub fn builtin_mut(&mut self, hook: Hook) -> Option<&mut Chain> {
        self.chains.iter_mut().find(|c| c.hook == Some(hook) && c.name == hook.name())
    }

    /// Adds a user chain at its sorted place (the caller checked the name).
    pub fn add_user_chain(&mut self, name: &str) {
        self.chains.push(Chain::user(name));
        self.sort_user_chains();
    }

    /// Keeps user chains after the built-in ones, in byte order.
    pub fn sort_user_chains(&mut self) {
        crate::sort::sort_by(&mut self.chains, |a, b| match (a.hook, b.hook) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.name.as_bytes().cmp(b.name.as_bytes()),
        });
    }

    /// How many rules jump to `name` (the `references` `-L` prints).
    pub fn references(&self, name: &str) -> usize {
        self.chains.iter().flat_map(|c| &c.rules).filter(|r| matches!(&r.target, Target::Jump(t) if t == name)).count()
    }
}
