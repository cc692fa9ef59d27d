//! The netfilter side of the seam: what iptables-nft asks of a kernel. Like
//! iptables-nft over nf_tables, a program reads a whole table, changes its
//! copy, and commits it in one batch, so a command that fails half-way has
//! changed nothing. The rule types are the kernel model's own
//! (`kernel::netfilter`), shared by both sides as the routing types are.

use crate::kernel::{Kernel, NsId};

pub use crate::kernel::netfilter::*;
pub use crate::kernel::Errno;

/// A kernel's packet filter, seen from one network namespace. Each family
/// (iptables', ip6tables') has its own tables.
pub trait Netfilter {
    /// Reads a table (rules and counters); `None` while nothing has
    /// created it (iptables-nft makes tables on the first write).
    fn table(&mut self, family: Family, id: TableId) -> Result<Option<Table>, Errno>;
    /// Replaces a table's chains, rules and counters with `table`'s (making
    /// the table of its family if need be), in one batch.
    fn commit(&mut self, table: Table) -> Result<(), Errno>;
    /// Deletes a table with its chains (`nft delete table`).
    fn delete(&mut self, family: Family, id: TableId) -> Result<(), Errno>;
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
    fn table(&mut self, family: Family, id: TableId) -> Result<Option<Table>, Errno> {
        Ok(self.kernel.ns(self.ns).ok_or(Errno::EINVAL)?.nat.table_in(family, id).cloned())
    }

    fn commit(&mut self, table: Table) -> Result<(), Errno> {
        self.kernel.ns_mut(self.ns).ok_or(Errno::EINVAL)?.nat.set_table(table);
        Ok(())
    }

    fn delete(&mut self, family: Family, id: TableId) -> Result<(), Errno> {
        self.kernel.ns_mut(self.ns).ok_or(Errno::EINVAL)?.nat.remove_table_in(family, id);
        Ok(())
    }
}
