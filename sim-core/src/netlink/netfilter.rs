//! The netfilter side of the seam: what iptables-nft asks of a kernel. Like
//! iptables-nft over nf_tables, a program reads a whole table, changes its
//! copy, and commits it in one batch, so a command that fails half-way has
//! changed nothing. The rule types are the kernel model's own
//! (`kernel::nat`), shared by both sides as the routing types are.

use crate::kernel::{Kernel, NsId};

pub use crate::kernel::nat::{AddrMatch, Chain, ChainRules, IfMatch, Rule, TableId, Target};
pub use crate::kernel::Errno;

/// One table as read or committed: its built-in chains in listing order,
/// with their rules and counters.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Table {
    pub id: TableId,
    pub chains: Vec<(Chain, ChainRules)>,
}

impl Table {
    pub fn chain(&self, c: Chain) -> Option<&ChainRules> {
        self.chains.iter().find(|(x, _)| *x == c).map(|(_, r)| r)
    }

    pub fn chain_mut(&mut self, c: Chain) -> Option<&mut ChainRules> {
        self.chains.iter_mut().find(|(x, _)| *x == c).map(|(_, r)| r)
    }
}

/// A kernel's packet filter, seen from one network namespace.
pub trait Netfilter {
    /// Reads a table (rules and counters).
    fn table(&mut self, id: TableId) -> Result<Table, Errno>;
    /// Replaces a table's rules and counters with `table`'s, in one batch.
    fn commit(&mut self, table: Table) -> Result<(), Errno>;
}

/// The simulator's netfilter in one namespace.
pub struct SimNetfilter<'k> {
    kernel: &'k mut Kernel,
    ns: NsId,
}

impl<'k> SimNetfilter<'k> {
    pub fn new(kernel: &'k mut Kernel, ns: NsId) -> SimNetfilter<'k> {
        SimNetfilter { kernel, ns }
    }
}

impl Netfilter for SimNetfilter<'_> {
    fn table(&mut self, id: TableId) -> Result<Table, Errno> {
        let nat = &self.kernel.ns(self.ns).ok_or(Errno::EINVAL)?.nat;
        let chains = id.chains().iter().filter_map(|c| nat.chain(id, *c).map(|r| (*c, r.clone()))).collect();
        Ok(Table { id, chains })
    }

    fn commit(&mut self, table: Table) -> Result<(), Errno> {
        let nat = &mut self.kernel.ns_mut(self.ns).ok_or(Errno::EINVAL)?.nat;
        for (c, rules) in table.chains {
            *nat.chain_mut(table.id, c).ok_or(Errno::EINVAL)? = rules;
        }
        Ok(())
    }
}
