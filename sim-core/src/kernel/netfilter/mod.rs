//! Netfilter state of one namespace: the iptables tables (made lazily, as
//! iptables-nft makes them on the first write), their chains, rules and
//! counters. The packet path reads rules through [`Rule::matches`] over a
//! [`PacketMeta`]; the iptables tools change whole tables through
//! `netlink::netfilter`.

pub mod eval;
mod matching;
pub mod rule;
pub mod spec;
pub mod table;
mod target;

pub use rule::{
    AddrMatch, AddrRange, Counters, CtState, CtStates, IcmpMatch, IcmpType, IfMatch, IpRangeMatch, LimitMatch, LogOpts,
    MasqOpts, Match, MultiportDir, MultiportMatch, NatRange, PacketMeta, PhysdevMatch, PortMatch, PortRange,
    PortsMatch, ProtoMatch, RejectWith, Rule, StateMatch, Target, TcpFlags,
};
pub use table::{Chain, Hook, Policy, Table, TableId};

/// A namespace's netfilter: the tables that exist, in [`TableId`] order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NetfilterState {
    tables: Vec<Table>,
}

impl NetfilterState {
    /// A table, if something has created it.
    pub fn table(&self, id: TableId) -> Option<&Table> {
        self.tables.iter().find(|t| t.id == id)
    }

    pub fn table_mut(&mut self, id: TableId) -> Option<&mut Table> {
        self.tables.iter_mut().find(|t| t.id == id)
    }

    /// Replaces (or creates) a table, as an nft batch commit does.
    pub fn set_table(&mut self, table: Table) {
        match self.tables.iter_mut().find(|t| t.id == table.id) {
            Some(t) => *t = table,
            None => {
                self.tables.push(table);
                crate::sort::sort_by_key(&mut self.tables, |t| t.id);
            }
        }
    }

    /// Deletes a table (iptables-restore flushes a table by deleting it).
    pub fn remove_table(&mut self, id: TableId) {
        self.tables.retain(|t| t.id != id);
    }

    /// A built-in chain of a table, if the table exists.
    pub fn builtin(&self, id: TableId, hook: Hook) -> Option<&Chain> {
        self.table(id)?.builtin(hook)
    }
}
