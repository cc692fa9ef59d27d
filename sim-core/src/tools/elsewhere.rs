//! iptables run in another wasm module: the site's first load leaves out
//! the programs it can fetch when first used (sim-shell's
//! `coreutils::wire`). The text tools need nothing of the machine;
//! iptables reads and changes a namespace's tables, so the call carries
//! them (with the virtual clock, which `iptables-save` prints) and the
//! reply carries the tables the command committed, which the caller then
//! commits in this module's kernel. The tables travel as postcard bytes of
//! the model's own serde form: both ends link this file.
//!
//! The two ends: [`iptables`] (the site's lab, built without the
//! `text-tools` feature) and [`serve`] (the on-demand module, built with it).

#[cfg(feature = "text-tools")]
use crate::netlink::netfilter::Errno;
use crate::netlink::netfilter::{Netfilter, Table, TableId};
use crate::output::Output;
use serde::{Deserialize, Serialize};
use sim_shell::coreutils::wire::Call;
#[cfg(feature = "text-tools")]
use sim_shell::coreutils::wire::Reply;

/// What iptables reads of a namespace: every table, and the clock.
#[derive(Serialize, Deserialize)]
struct Held {
    now_ms: u64,
    tables: Vec<Table>,
}

/// Whether `name` is one of the programs [`serve`] runs.
pub fn serves(name: &str) -> bool {
    name == "iptables"
}

/// Runs iptables (`argv[0]`) elsewhere over `nf`, and commits what it
/// committed there.
pub fn iptables(nf: &mut dyn Netfilter, argv: &[String], stdin: &str, now_ms: u64) -> Output {
    let tables = [TableId::Nat, TableId::Filter].into_iter().filter_map(|id| nf.table(id).ok()).collect();
    let state = postcard::to_allocvec(&Held { now_ms, tables }).unwrap_or_default();
    let call = Call { argv: argv.to_vec(), stdin: stdin.to_string(), state };
    let reply = sim_shell::coreutils::run_elsewhere(&call);
    if !reply.state.is_empty() {
        let Ok(committed) = postcard::from_bytes::<Vec<Table>>(&reply.state) else {
            return Output::error("nslab: iptables: a reply this lab cannot read\n", 4);
        };
        for table in committed {
            if nf.commit(table).is_err() {
                return Output::error("nslab: iptables: the lab refused the tables\n", 4);
            }
        }
    }
    reply.output
}

/// Runs the call's iptables over the tables it carries; the reply carries
/// the tables it committed (none when it changed nothing).
#[cfg(feature = "text-tools")]
pub fn serve(call: &Call) -> Reply {
    let Ok(held) = postcard::from_bytes::<Held>(&call.state) else {
        return Reply {
            output: Output::error("nslab: iptables: a call this module cannot read\n", 4),
            state: Vec::new(),
        };
    };
    let mut nf = Copy { tables: held.tables, committed: Vec::new() };
    let output = crate::tools::iptables::run(&mut nf, &call.argv);
    let state =
        if nf.committed.is_empty() { Vec::new() } else { postcard::to_allocvec(&nf.committed).unwrap_or_default() };
    Reply { output, state }
}

/// The tables a call carried, and what the command committed.
#[cfg(feature = "text-tools")]
struct Copy {
    tables: Vec<Table>,
    committed: Vec<Table>,
}

#[cfg(feature = "text-tools")]
impl Netfilter for Copy {
    fn table(&mut self, id: TableId) -> Result<Table, Errno> {
        self.tables.iter().find(|t| t.id == id).cloned().ok_or(Errno::EINVAL)
    }

    fn commit(&mut self, table: Table) -> Result<(), Errno> {
        match self.tables.iter_mut().find(|t| t.id == table.id) {
            Some(t) => *t = table.clone(),
            None => self.tables.push(table.clone()),
        }
        self.committed.retain(|t| t.id != table.id);
        self.committed.push(table);
        Ok(())
    }
}
