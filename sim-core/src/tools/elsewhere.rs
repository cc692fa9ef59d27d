//! iptables run in another wasm module: the site's first load leaves out
//! the programs it can fetch when first used (sim-shell's
//! `coreutils::wire`). The text tools need nothing of the machine;
//! `iptables`, `iptables-save` and `iptables-restore` (and their
//! `ip6tables` twins) read and change a namespace's tables, so the call carries them (with the Unix time that
//! iptables-save prints) and the reply carries what the command did to
//! them, commits and deletions in order, which the caller then does to this
//! module's kernel. Both travel as postcard bytes of the model's own serde
//! form: both ends link this file.
//!
//! The two ends: [`iptables`] (the site's lab, built without the
//! `text-tools` feature) and [`serve`] (the on-demand module, built with it).

#[cfg(feature = "text-tools")]
use crate::netlink::netfilter::Errno;
use crate::netlink::netfilter::{Family, Netfilter, Table, TableId};
use crate::output::Output;
use serde::{Deserialize, Serialize};
use sim_shell::coreutils::wire::Call;
#[cfg(feature = "text-tools")]
use sim_shell::coreutils::wire::Reply;

/// What iptables reads of a namespace: the tables there are, and the time.
#[derive(Serialize, Deserialize)]
struct Held {
    now: u64,
    tables: Vec<Table>,
}

/// What a command did to the tables, in order.
#[derive(Serialize, Deserialize)]
enum Change {
    Commit(Table),
    Delete(Family, TableId),
}

/// Whether `name` is one of the programs [`serve`] runs.
pub fn serves(name: &str) -> bool {
    matches!(
        name,
        "iptables" | "iptables-save" | "iptables-restore" | "ip6tables" | "ip6tables-save" | "ip6tables-restore"
    )
}

/// Runs `argv` (one of [`serves`]'s programs) elsewhere over `nf`, and
/// does to `nf` what it did there.
pub fn iptables(nf: &mut dyn Netfilter, argv: &[String], stdin: &str, now: u64) -> Output {
    let tables = Family::ALL
        .into_iter()
        .flat_map(|f| TableId::ALL.into_iter().map(move |id| (f, id)))
        .filter_map(|(f, id)| nf.table(f, id).ok().flatten())
        .collect();
    let state = postcard::to_allocvec(&Held { now, tables }).unwrap_or_default();
    let call = Call { argv: argv.to_vec(), stdin: stdin.to_string(), state };
    let reply = sim_shell::coreutils::run_elsewhere(&call);
    if !reply.state.is_empty() {
        let Ok(changes) = postcard::from_bytes::<Vec<Change>>(&reply.state) else {
            return Output::error("nslab: iptables: a reply this lab cannot read\n", 4);
        };
        for change in changes {
            let done = match change {
                Change::Commit(table) => nf.commit(table),
                Change::Delete(family, id) => nf.delete(family, id),
            };
            if done.is_err() {
                return Output::error("nslab: iptables: the lab refused the tables\n", 4);
            }
        }
    }
    reply.output
}

/// Runs the call's program over the tables it carries; the reply carries
/// what it did to them (nothing when it changed nothing).
#[cfg(feature = "text-tools")]
pub fn serve(call: &Call) -> Reply {
    let Ok(held) = postcard::from_bytes::<Held>(&call.state) else {
        return Reply {
            output: Output::error("nslab: iptables: a call this module cannot read\n", 4),
            state: Vec::new(),
        };
    };
    let mut nf = Copy { tables: held.tables, changes: Vec::new() };
    let output = crate::tools::iptables::program(&mut nf, &call.argv, &call.stdin, held.now);
    let state = if nf.changes.is_empty() { Vec::new() } else { postcard::to_allocvec(&nf.changes).unwrap_or_default() };
    Reply { output, state }
}

/// The tables a call carried, and what the command did to them.
#[cfg(feature = "text-tools")]
struct Copy {
    tables: Vec<Table>,
    changes: Vec<Change>,
}

#[cfg(feature = "text-tools")]
impl Netfilter for Copy {
    fn table(&mut self, family: Family, id: TableId) -> Result<Option<Table>, Errno> {
        Ok(self.tables.iter().find(|t| t.family == family && t.id == id).cloned())
    }

    fn commit(&mut self, table: Table) -> Result<(), Errno> {
        self.tables.retain(|t| t.family != table.family || t.id != table.id);
        self.tables.push(table.clone());
        self.changes.push(Change::Commit(table));
        Ok(())
    }

    fn delete(&mut self, family: Family, id: TableId) -> Result<(), Errno> {
        self.tables.retain(|t| t.family != family || t.id != id);
        self.changes.push(Change::Delete(family, id));
        Ok(())
    }
}
