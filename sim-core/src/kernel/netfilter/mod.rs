//! Netfilter state of one namespace: the iptables and ip6tables tables
//! (made lazily, as iptables-nft makes them on the first write; each
//! family has its own), their chains, rules and counters. The packet path reads rules through [`Rule::matches`] over a
//! [`PacketMeta`]; the iptables tools change whole tables through
//! `netlink::netfilter`.

pub mod eval;
pub mod ip6;
mod matching;
pub mod rule;
pub mod spec;
pub mod table;
mod target;

pub use ip6::Packet6;
pub use rule::{
    AddrMatch, AddrRange, Counters, CtState, CtStates, IcmpMatch, IcmpType, IfMatch, IpRangeMatch, LimitMatch, LogOpts,
    MasqOpts, Match, MultiportDir, MultiportMatch, NatRange, PacketMeta, PhysdevMatch, PortMatch, PortRange,
    PortsMatch, ProtoMatch, RejectWith, Rule, StateMatch, Target, TcpFlags,
};
pub use table::{Chain, Family, Hook, Policy, Table, TableId};

/// A namespace's netfilter: the tables that exist, in family then
/// [`TableId`] order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NetfilterState {
    tables: Vec<Table>,
}

impl NetfilterState {
    /// An IPv4 table (iptables'), if something has created it.
    pub fn table(&self, id: TableId) -> Option<&Table> {
        self.table_in(Family::Ipv4, id)
    }

    pub fn table_mut(&mut self, id: TableId) -> Option<&mut Table> {
        self.table_in_mut(Family::Ipv4, id)
    }

    /// A table of `family`, if something has created it.
    pub fn table_in(&self, family: Family, id: TableId) -> Option<&Table> {
        self.tables.iter().find(|t| t.family == family && t.id == id)
    }

    pub fn table_in_mut(&mut self, family: Family, id: TableId) -> Option<&mut Table> {
        self.tables.iter_mut().find(|t| t.family == family && t.id == id)
    }

    /// Replaces (or creates) a table of the table's family, as an nft
    /// batch commit does.
    pub fn set_table(&mut self, table: Table) {
        match self.tables.iter_mut().find(|t| t.family == table.family && t.id == table.id) {
            Some(t) => *t = table,
            None => {
                self.tables.push(table);
                crate::sort::sort_by_key(&mut self.tables, |t| (t.family, t.id));
            }
        }
    }

    /// Deletes an IPv4 table (iptables-restore flushes a table by deleting it).
    pub fn remove_table(&mut self, id: TableId) {
        self.remove_table_in(Family::Ipv4, id);
    }

    /// Deletes a table of `family`.
    pub fn remove_table_in(&mut self, family: Family, id: TableId) {
        self.tables.retain(|t| t.family != family || t.id != id);
    }

    /// A built-in chain of a table, if the table exists.
    pub fn builtin(&self, id: TableId, hook: Hook) -> Option<&Chain> {
        self.table(id)?.builtin(hook)
    }
}
