//! `iptables-restore [-n] [-c]` (and `ip6tables-restore`): reads
//! iptables-save's format from stdin.
//! Each `*table` … `COMMIT` block is one batch: without `-n` the table is
//! deleted first (every chain, policies too) and made again from the block;
//! jump targets are checked when the block commits, as the nft batch does.

use super::afinfo::Afinfo;
use super::parse::{self, Cmd};
use super::verbs;
use super::Fail;
use crate::netlink::netfilter::{Counters, Hook, Netfilter, Policy, Table, TableId, Target};
use crate::output::Output;

/// How iptables-restore (ip6tables-restore, by `af`) reports a failure
/// at a line.
fn report(af: Afinfo, f: Fail, line: usize) -> Output {
    let name = format!("{}-restore", af.name);
    let prog = format!("{name} v1.8.9 (nf_tables)");
    let try_help = format!("Try `{name} -h' or '{name} --help' for more information.\n");
    let (prog, try_help) = (prog.as_str(), try_help.as_str());
    match f {
        Fail::Usage(m, blank) => Output::error(
            format!("{prog}: {m}\n{}Error occurred at line: {line}\n{try_help}", if blank { "\n" } else { "" }),
            2,
        ),
        Fail::BadArg(w) => Output::error(format!("Bad argument `{w}'\nError occurred at line: {line}\n{try_help}"), 2),
        Fail::TryHelp => Output::error(format!("Error occurred at line: {line}\n{try_help}"), 2),
        Fail::Refused(m) => {
            let m = m.strip_suffix(" Run `dmesg' for more information.").unwrap_or(m);
            Output::error(format!("{name}: line {line} failed: {m}\n"), 1)
        }
        Fail::Batch(m) => Output::error(format!("{prog}:  {m}\n"), 4),
        Fail::NoTable(_) | Fail::Incompatible(..) | Fail::AfterOutput(..) => {
            Output::error(format!("{name}: line {line} failed\n"), 1)
        }
    }
}

/// Splits a rule line into words, honouring double quotes (`--comment
/// "two words"`) as iptables-restore's tokenizer does.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let (mut quoted, mut escaped, mut any) = (false, false, false);
    for c in line.chars() {
        if escaped {
            cur.push(c);
            escaped = false;
        } else if c == '\\' && quoted {
            escaped = true;
        } else if c == '"' {
            quoted = !quoted;
            any = true;
        } else if c.is_ascii_whitespace() && !quoted {
            if any || !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            any = false;
        } else {
            cur.push(c);
        }
    }
    if any || !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// `[PKTS:BYTES]` at the start of a line.
fn counters(s: &str) -> Option<(Counters, &str)> {
    let rest = s.strip_prefix('[')?;
    let (c, rest) = rest.split_once(']')?;
    let (p, b) = c.split_once(':')?;
    Some((Counters { pkts: p.parse().ok()?, bytes: b.parse().ok()? }, rest.trim_start()))
}

/// The block being read: its table and its copy (`None`: no table).
struct Block {
    af: Afinfo,
    id: TableId,
    table: Option<Table>,
}

/// Runs `iptables-restore` (`ip6tables-restore`, by `af`) with `stdin` as
/// its input.
pub fn restore(af: Afinfo, nf: &mut dyn Netfilter, argv: &[String], stdin: &str) -> Output {
    let name = format!("{}-restore", af.name);
    let (mut noflush, mut with_counters) = (false, false);
    for a in &argv[1..] {
        match a.as_str() {
            "-n" | "--noflush" => noflush = true,
            "-c" | "--counters" => with_counters = true,
            "-v" | "--verbose" | "-w" | "--wait" => {}
            _ if a.starts_with("--") => {
                return Output::error(
                    format!("{name}: unrecognized option '{a}'\nTry `{name} -h' for more information.\n"),
                    1,
                )
            }
            _ if a.starts_with('-') && a.len() > 1 => {
                return Output::error(
                    format!(
                        "{name}: invalid option -- '{}'\nTry `{name} -h' for more information.\n",
                        a.chars().nth(1).unwrap_or('-')
                    ),
                    1,
                )
            }
            _ => return Output::error(format!("Can't open {a}: No such file or directory\n"), 1),
        }
    }
    let mut block: Option<Block> = None;
    let mut lines = 0;
    // What `-L`/`-S` lines printed (stdout, flushed at exit).
    let mut printed = String::new();
    let fail = |f: Fail, n: usize, printed: &str| {
        let mut o = report(af, f, n);
        o.out(printed.to_string());
        o
    };
    for (i, raw) in stdin.lines().enumerate() {
        let n = i + 1;
        lines = n;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let result = match (&mut block, line) {
            (None, l) if l.starts_with('*') => {
                let name = &l[1..];
                let Some(id) = TableId::parse(name) else {
                    let f = Fail::usage(format!("{}-restore: line {n} table name '{name}' invalid", af.name));
                    return fail(f, n, &printed);
                };
                // Without -n the block starts from nothing: iptables-nft
                // deletes the table (and its base chains, policies with them).
                let table = if noflush { nf.table(af.family, id).ok().flatten() } else { None };
                block = Some(Block { af, id, table });
                Ok(String::new())
            }
            (Some(b), "COMMIT") => {
                let Some(t) = b.table.take() else {
                    // An empty block leaves no table behind.
                    let _ = nf.delete(af.family, b.id);
                    block = None;
                    continue;
                };
                for c in &t.chains {
                    for r in &c.rules {
                        if let Target::Jump(j) = &r.target {
                            if let Err(f) = verbs::check_jump(b.id, Some(&t), Some(j)) {
                                return fail(f, n, &printed);
                            }
                        }
                    }
                }
                let _ = nf.commit(t);
                block = None;
                Ok(String::new())
            }
            (Some(b), l) if l.starts_with(':') => chain_line(b, &l[1..], with_counters).map(|()| String::new()),
            (Some(b), l) => rule_line(b, l, with_counters),
            (None, _) => Err(Fail::NoTable(String::new())),
        };
        match result {
            Ok(text) => printed += &text,
            Err(f) => return fail(f, n, &printed),
        }
    }
    let mut out = match block {
        Some(_) => Output::error(format!("{name}: COMMIT expected at line {}\n", lines + 1), 1),
        None => Output::new(),
    };
    out.out(printed);
    out
}

/// `:NAME POLICY [PKTS:BYTES]` (`-` for a user chain).
fn chain_line(b: &mut Block, rest: &str, with_counters: bool) -> Result<(), Fail> {
    let mut it = rest.split_whitespace();
    let name = it.next().unwrap_or("");
    let policy = it.next().unwrap_or("-");
    let counts = it.next().and_then(|c| counters(c)).map(|(c, _)| c);
    let t = b.table.get_or_insert_with(|| Table::new_in(b.af.family, b.id));
    match Hook::parse(name).filter(|h| b.id.hooks().contains(h)) {
        Some(h) => {
            let policy = match policy {
                "ACCEPT" => Policy::Accept,
                "DROP" => Policy::Drop,
                _ => return Err(Fail::Refused("Bad policy name.")),
            };
            let c = t.ensure_builtin(h);
            c.policy = policy;
            c.stats = true;
            if let (true, Some(k)) = (with_counters, counts) {
                c.policy_counters = k;
            }
        }
        None => {
            parse::check_chain_name(name)?;
            if t.chain(name).is_none() {
                t.add_user_chain(name);
            }
        }
    }
    Ok(())
}

/// A command line of the block (`-A …`, `-N …`, `-X` …).
fn rule_line(b: &mut Block, line: &str, with_counters: bool) -> Result<String, Fail> {
    let (count, line) = match counters(line) {
        Some((c, rest)) => (Some(c), rest),
        None => (None, line),
    };
    let mut argv = vec![b.af.name.to_string()];
    argv.extend(words(line));
    let mut p = parse::parse_line(b.af, &argv, b.id.name())?;
    if matches!(p.cmd, Cmd::Version(_) | Cmd::Help) {
        return Err(Fail::NoTable(String::new()));
    }
    if let (true, true, Some(k)) = (with_counters, b.af.rule_counters(), count) {
        p.rules.iter_mut().for_each(|r| r.counters = k);
    }
    // `-L`/`-S` in a block print the block's table as it stands.
    verbs::apply(&p, b.id, &mut b.table, false)
}
