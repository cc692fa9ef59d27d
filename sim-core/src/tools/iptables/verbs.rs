//! One function per iptables command, each on a copy of one table (`None`
//! while the table does not exist; iptables-nft makes tables and base
//! chains on first write). What the kernel refuses (nft batch errors) is
//! checked here too, before anything changes.

use super::list::{self, Format};
use super::parse::{Cmd, Parsed};
use super::save;
use super::Fail;
use crate::netlink::netfilter::{Chain, Family, Hook, Match, Policy, RejectWith, Rule, Table, TableId, Target};

const NO_CHAIN: &str = "No chain/target/match by that name.";
const BAD_RULE: &str = "Bad rule (does a matching rule exist in that chain?).";

/// The built-in chain `name` names in this table.
fn hook_of(id: TableId, name: &str) -> Option<Hook> {
    Hook::parse(name).filter(|h| id.hooks().contains(h))
}

/// Runs a parsed command on `table`; returns what it prints.
/// `check_jumps` off: iptables-restore checks jump targets at COMMIT.
pub fn apply(p: &Parsed, id: TableId, table: &mut Option<Table>, check_jumps: bool) -> Result<String, Fail> {
    let chain = p.chain.as_deref().unwrap_or("");
    if check_jumps {
        check_jump(id, table.as_ref(), p.jump.as_deref())?;
    }
    // `-v` names what it is about to do, before the kernel answers.
    let said = if p.verbose { say(p, id, table.as_ref()) } else { String::new() };
    let done = run_verb(p, id, table, chain);
    match done {
        Ok(text) => Ok(said + &text),
        Err(f) if said.is_empty() => Err(f),
        Err(f) => Err(Fail::AfterOutput(said, Box::new(f))),
    }
}

/// What `-v` prints before a command runs: the rules it adds, checks or
/// deletes, and the chains it flushes or deletes.
fn say(p: &Parsed, id: TableId, t: Option<&Table>) -> String {
    match &p.cmd {
        Cmd::Append | Cmd::Insert(_) | Cmd::Replace(_) | Cmd::Delete(None) | Cmd::Check => {
            p.rules.iter().map(|r| list::rule_print(r, p.af)).collect()
        }
        Cmd::Flush | Cmd::DeleteChain => {
            let verb = if p.cmd == Cmd::Flush { "Flushing" } else { "Deleting" };
            let names: Vec<String> = match (&p.chain, &p.cmd) {
                (Some(c), _) => vec![c.clone()],
                (None, Cmd::Flush) => save::shown_chains(id, t).into_iter().map(|c| c.name).collect(),
                (None, _) => t.map_or(Vec::new(), |t| {
                    t.chains.iter().filter(|c| !c.is_builtin()).map(|c| c.name.clone()).collect()
                }),
            };
            names.iter().map(|n| format!("{verb} chain `{n}'\n")).collect()
        }
        _ => String::new(),
    }
}

fn run_verb(p: &Parsed, id: TableId, table: &mut Option<Table>, chain: &str) -> Result<String, Fail> {
    let fam = p.af.family;
    match &p.cmd {
        Cmd::Append => add(fam, id, table, chain, &p.rules, None),
        Cmd::Insert(n) => add(fam, id, table, chain, &p.rules, Some(*n as usize)),
        Cmd::Replace(n) => replace(fam, id, table, chain, &p.rules, *n as usize),
        Cmd::Delete(Some(n)) => delete_num(table, chain, *n as usize),
        Cmd::Delete(None) => delete_spec(table, chain, &p.rules, true),
        Cmd::Check => delete_spec(table, chain, &p.rules, false),
        Cmd::Flush => flush(fam, id, table, p.chain.as_deref()),
        Cmd::Zero(n) => zero(id, table, p.chain.as_deref(), *n, p.verbose),
        Cmd::NewChain => new_chain(fam, id, table, chain),
        Cmd::DeleteChain => delete_chain(table, p.chain.as_deref()),
        Cmd::Rename(new) => rename(id, table, chain, new),
        Cmd::Policy(policy) => set_policy(fam, id, table, chain, policy),
        Cmd::List { num, zero: z } => {
            let text = list_cmd(p, id, table.as_ref(), *num)?;
            if *z {
                return list_zero(id, table, p.chain.as_deref(), p.verbose, text);
            }
            Ok(text)
        }
        Cmd::ListRules(num) => list_rules(p, id, table.as_ref(), *num),
        Cmd::Version(_) | Cmd::Help | Cmd::Ignored => Ok(String::new()),
    }
}

/// `-j NAME` for a chain that is not there.
pub fn check_jump(id: TableId, t: Option<&Table>, jump: Option<&str>) -> Result<(), Fail> {
    let Some(j) = jump else { return Ok(()) };
    if hook_of(id, j).is_some() || t.is_some_and(|t| t.chain(j).is_some_and(|c| !c.is_builtin())) {
        return Ok(());
    }
    Err(Fail::usage(format!("Chain '{j}' does not exist")))
}

/// Whether chain `from` reaches chain `to` through jumps.
fn reaches(t: &Table, from: &str, to: &str, depth: usize) -> bool {
    if from == to {
        return true;
    }
    let Some(c) = t.chain(from) else { return false };
    depth < 64 && c.rules.iter().any(|r| matches!(&r.target, Target::Jump(j) if reaches(t, j, to, depth + 1)))
}

/// What the kernel refuses in a rule (nft batch errors, exit 4).
fn kernel_check(id: TableId, t: &Table, chain: &str, r: &Rule, op: &str) -> Result<(), Fail> {
    let hook = hook_of(id, chain);
    let fail = |err: &str| Err(Fail::Batch(format!("{op} failed ({err}): rule in chain {chain}")));
    let zero_inverted = |a: &Option<crate::netlink::netfilter::AddrMatch>| a.is_some_and(|a| a.is_any());
    if zero_inverted(&r.src) || zero_inverted(&r.dst) {
        return fail("Invalid argument");
    }
    let user = hook.is_none();
    let nat = id == TableId::Nat;
    let ok = match &r.target {
        Target::Snat(_) => nat && (user || matches!(hook, Some(Hook::Postrouting | Hook::Input))),
        Target::Dnat(_) => nat && (user || matches!(hook, Some(Hook::Prerouting | Hook::Output))),
        Target::Masquerade(_) => nat && (user || hook == Some(Hook::Postrouting)),
        Target::Reject(w) => !nat && (*w != RejectWith::TcpReset || r.proto.is_some_and(|p| p.proto == 6 && !p.invert)),
        _ => true,
    };
    // xt_icmp6's checkentry: only with `-p ipv6-icmp`, not negated.
    let icmp6_alone =
        r.matches.iter().any(|m| matches!(m, Match::Icmp6(_))) && !r.proto.is_some_and(|p| p.proto == 58 && !p.invert);
    if !ok || icmp6_alone {
        return fail("Invalid argument");
    }
    if let Target::Jump(j) = &r.target {
        if let Some(h) = hook_of(id, j) {
            // A base chain can't be jumped to; one not made yet isn't there.
            return fail(if t.builtin(h).is_some() { "Operation not supported" } else { "No such file or directory" });
        }
        if reaches(t, j, chain, 0) {
            return fail("Too many links");
        }
    }
    Ok(())
}

/// `-A` and `-I`: the chain must exist (a built-in one is made).
fn add(
    fam: Family,
    id: TableId,
    table: &mut Option<Table>,
    chain: &str,
    rules: &[Rule],
    at: Option<usize>,
) -> Result<String, Fail> {
    let mut t = table.clone().unwrap_or_else(|| Table::new_in(fam, id));
    let hook = hook_of(id, chain);
    let len = match (hook, t.chain(chain)) {
        (_, Some(c)) => c.rules.len(),
        (Some(_), None) => 0,
        (None, None) => return Err(Fail::Refused(NO_CHAIN)),
    };
    let op = if at.is_some() { "RULE_INSERT" } else { "RULE_APPEND" };
    if at.is_some_and(|n| n > len + 1) {
        return Err(Fail::Refused("Index of insertion too big."));
    }
    for r in rules {
        kernel_check(id, &t, chain, r, op)?;
    }
    let c = match hook {
        Some(h) => t.ensure_builtin(h),
        None => t.chain_mut(chain).ok_or(Fail::Refused(NO_CHAIN))?,
    };
    let mut at = at.map(|n| n - 1);
    for r in rules {
        match at.as_mut() {
            Some(i) => {
                c.rules.insert(*i, r.clone());
                *i += 1;
            }
            None => c.rules.push(r.clone()),
        }
    }
    *table = Some(t);
    Ok(String::new())
}

/// `-R CHAIN N`.
fn replace(
    fam: Family,
    id: TableId,
    table: &mut Option<Table>,
    chain: &str,
    rules: &[Rule],
    n: usize,
) -> Result<String, Fail> {
    let mut t = table.clone().unwrap_or_else(|| Table::new_in(fam, id));
    let len = t.chain(chain).ok_or(Fail::Refused(NO_CHAIN))?.rules.len();
    if n > len {
        return Err(Fail::Refused("Index of replacement too big."));
    }
    let Some(r) = rules.first() else { return Ok(String::new()) };
    kernel_check(id, &t, chain, r, "RULE_REPLACE")?;
    if let Some(c) = t.chain_mut(chain) {
        c.rules[n - 1] = r.clone();
    }
    *table = Some(t);
    Ok(String::new())
}

/// `-D CHAIN N`.
fn delete_num(table: &mut Option<Table>, chain: &str, n: usize) -> Result<String, Fail> {
    let c = table.as_mut().and_then(|t| t.chain_mut(chain)).ok_or(Fail::Refused(NO_CHAIN))?;
    if n > c.rules.len() {
        return Err(Fail::Refused("Index of deletion too big."));
    }
    c.rules.remove(n - 1);
    Ok(String::new())
}

/// `-D CHAIN RULE` (first equal rule) and `-C CHAIN RULE` (`remove` off).
fn delete_spec(table: &mut Option<Table>, chain: &str, rules: &[Rule], remove: bool) -> Result<String, Fail> {
    let Some(mut t) = table.clone() else { return Err(Fail::Refused(BAD_RULE)) };
    let c = t.chain_mut(chain).ok_or(Fail::Refused(BAD_RULE))?;
    for r in rules {
        let i = c.rules.iter().position(|x| x.same_spec(r)).ok_or(Fail::Refused(BAD_RULE))?;
        if remove {
            c.rules.remove(i);
        }
    }
    if remove {
        *table = Some(t);
    }
    Ok(String::new())
}

/// `-F [CHAIN]`: rules go, policies and their counters stay.
fn flush(fam: Family, id: TableId, table: &mut Option<Table>, chain: Option<&str>) -> Result<String, Fail> {
    match chain {
        Some(name) => {
            let mut t = table.clone().unwrap_or_else(|| Table::new_in(fam, id));
            let c = match hook_of(id, name) {
                Some(h) => t.ensure_builtin(h),
                None => t.chain_mut(name).ok_or(Fail::Refused(NO_CHAIN))?,
            };
            c.rules.clear();
            *table = Some(t);
        }
        None => {
            if let Some(t) = table {
                for c in &mut t.chains {
                    c.rules.clear();
                }
            }
        }
    }
    Ok(String::new())
}

/// `-Z [CHAIN [N]]`; `-v` names each chain zeroed.
fn zero(
    id: TableId,
    table: &mut Option<Table>,
    chain: Option<&str>,
    n: Option<u32>,
    verbose: bool,
) -> Result<String, Fail> {
    let mut said = String::new();
    match chain {
        Some(name) => {
            // With a rule number the lookup is a rule's: "Bad rule".
            let missing = Fail::Refused(if n.is_some() { BAD_RULE } else { NO_CHAIN });
            let c = table.as_mut().and_then(|t| t.chain_mut(name)).ok_or(missing)?;
            match n {
                Some(n) => {
                    if let Some(r) = c.rules.get_mut(n as usize - 1) {
                        r.counters = Default::default();
                    }
                }
                None => zero_chain(c),
            }
            if verbose {
                said += &format!("Zeroing chain `{name}'\n");
            }
        }
        None => {
            if let Some(t) = table {
                t.chains.iter_mut().for_each(zero_chain);
            }
            if verbose {
                for c in save::shown_chains(id, table.as_ref()) {
                    said += &format!("Zeroing chain `{}'\n", c.name);
                }
            }
        }
    }
    Ok(said)
}

/// `-L -Z`: the listing, then the zeroing. Without a chain it zeroes every
/// base chain of the table, making the missing ones (and fails after the
/// listing when there is no table).
fn list_zero(
    id: TableId,
    table: &mut Option<Table>,
    chain: Option<&str>,
    verbose: bool,
    listing: String,
) -> Result<String, Fail> {
    if chain.is_none() {
        let Some(t) = table else {
            let first = id.hooks()[0].name();
            return Err(Fail::AfterOutput(
                listing,
                Box::new(Fail::Batch(format!("CHAIN_ZERO failed (No such file or directory): chain {first}"))),
            ));
        };
        for h in id.hooks() {
            t.ensure_builtin(*h);
        }
    }
    Ok(listing + &zero(id, table, chain, None, verbose)?)
}

fn zero_chain(c: &mut Chain) {
    c.policy_counters = Default::default();
    c.stats = c.is_builtin();
    for r in &mut c.rules {
        r.counters = Default::default();
    }
}

/// `-N NAME` (the name was checked while parsing).
fn new_chain(fam: Family, id: TableId, table: &mut Option<Table>, name: &str) -> Result<String, Fail> {
    let mut t = table.clone().unwrap_or_else(|| Table::new_in(fam, id));
    if t.chain(name).is_some() || hook_of(id, name).is_some() {
        return Err(Fail::Refused("Chain already exists."));
    }
    t.add_user_chain(name);
    *table = Some(t);
    Ok(String::new())
}

/// `-X [NAME]`. Without a name every user chain goes, with empty ACCEPT
/// built-in chains, or nothing at all if one of them is busy.
fn delete_chain(table: &mut Option<Table>, name: Option<&str>) -> Result<String, Fail> {
    let busy = |c: &str| Err(Fail::Batch(format!("CHAIN_DEL failed (Device or resource busy): chain {c}")));
    let Some(mut t) = table.clone() else {
        return match name {
            Some(_) => Err(Fail::Refused(NO_CHAIN)),
            None => Ok(String::new()),
        };
    };
    match name {
        Some(name) => {
            let c = t.chain(name).ok_or(Fail::Refused(NO_CHAIN))?;
            if !c.rules.is_empty() || (!c.is_builtin() && t.references(name) > 0) {
                return busy(name);
            }
            t.chains.retain(|c| c.name != name);
        }
        None => {
            if let Some(c) =
                t.chains.iter().find(|c| !c.is_builtin() && (!c.rules.is_empty() || t.references(&c.name) > 0))
            {
                return busy(&c.name.clone());
            }
            t.chains.retain(|c| c.is_builtin() && (!c.rules.is_empty() || c.policy != Policy::Accept));
        }
    }
    *table = Some(t);
    Ok(String::new())
}

/// `-E OLD NEW`: jumps follow the new name.
fn rename(id: TableId, table: &mut Option<Table>, old: &str, new: &str) -> Result<String, Fail> {
    let mut t = table.clone().ok_or(Fail::Refused(NO_CHAIN))?;
    // A base chain renamed stays hooked, but iptables lists it no more.
    // nft takes any name but one with spaces (refused as not found).
    if t.chain(old).is_none() || new.chars().any(|c| c.is_ascii_whitespace()) {
        return Err(Fail::Refused(NO_CHAIN));
    }
    if t.chain(new).is_some() || hook_of(id, new).is_some() {
        return Err(Fail::Refused("File exists."));
    }
    for c in &mut t.chains {
        if c.name == old {
            c.name = new.to_string();
        }
        for r in &mut c.rules {
            if matches!(&r.target, Target::Jump(j) if j == old) {
                r.target = Target::Jump(new.to_string());
            }
        }
    }
    t.sort_user_chains();
    *table = Some(t);
    Ok(String::new())
}

/// `-P CHAIN ACCEPT|DROP`.
fn set_policy(fam: Family, id: TableId, table: &mut Option<Table>, chain: &str, policy: &str) -> Result<String, Fail> {
    let policy = match policy {
        "ACCEPT" => Policy::Accept,
        "DROP" => Policy::Drop,
        _ => return Err(Fail::Refused("Bad policy name. Run `dmesg' for more information.")),
    };
    let hook = hook_of(id, chain).ok_or(Fail::Refused("Bad built-in chain name."))?;
    let mut t = table.clone().unwrap_or_else(|| Table::new_in(fam, id));
    // iptables-nft sends the chain with fresh counters along with the
    // policy (policy-counters, bridge-chains recordings).
    let c = t.ensure_builtin(hook);
    c.policy = policy;
    c.stats = true;
    c.policy_counters = Default::default();
    *table = Some(t);
    Ok(String::new())
}

/// The chains `-L`/`-S` show: all, or the one named.
fn shown(id: TableId, t: Option<&Table>, chain: Option<&str>) -> Result<Vec<Chain>, Fail> {
    let all = save::shown_chains(id, t);
    match chain {
        None => Ok(all),
        Some(name) => match all.into_iter().find(|c| c.name == name) {
            Some(c) => Ok(vec![c]),
            None => Err(Fail::Incompatible(name.to_string(), id.name())),
        },
    }
}

fn list_cmd(p: &Parsed, id: TableId, t: Option<&Table>, num: Option<u32>) -> Result<String, Fail> {
    let chains = shown(id, t, p.chain.as_deref())?;
    let f = Format { af: p.af, numeric: p.numeric, verbose: p.verbose, exact: p.exact, line_numbers: p.line_numbers };
    if let Some(n) = num {
        let n = n as usize;
        return Ok(chains.first().and_then(|c| c.rules.get(n - 1)).map_or(String::new(), |r| list::rule_line(r, n, f)));
    }
    let refs = |name: &str| t.map_or(0, |t| t.references(name));
    Ok(list::chains(&chains, &refs, f))
}

fn list_rules(p: &Parsed, id: TableId, t: Option<&Table>, num: Option<u32>) -> Result<String, Fail> {
    let chains = shown(id, t, p.chain.as_deref())?;
    if let Some(n) = num {
        let Some(c) = chains.first() else { return Ok(String::new()) };
        return Ok(c
            .rules
            .get(n as usize - 1)
            .map_or(String::new(), |r| save::rule_text(&c.name, r, p.verbose) + "\n"));
    }
    // Only a whole-table listing warns of renamed base chains.
    let warning = if p.chain.is_none() { save::incompatible(id, t) } else { String::new() };
    Ok(warning + &save::list_rules(&chains, p.verbose))
}
