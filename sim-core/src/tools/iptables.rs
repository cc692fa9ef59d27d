//! `iptables` (iptables-nft 1.8.9, as Debian 12 ships it): the nat table
//! that the packet engine applies, and a filter table that is kept and
//! listed but not enforced. Listings and errors are byte-for-byte what the
//! recordings show.

use std::net::Ipv4Addr;

use crate::kernel::addr;
use crate::netlink::netfilter::{
    AddrMatch, Hook as Chain, IfMatch, NatRange, Netfilter, ProtoMatch, Rule, Table, TableId, Target,
};
use crate::output::Output;

mod list;

const PROG: &str = "iptables v1.8.9 (nf_tables)";
const TRY: &str = "Try `iptables -h' or 'iptables --help' for more information.\n";

/// What to do.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Cmd {
    Append(String),
    Insert(String, usize),
    Delete(String, Option<usize>),
    Flush(Option<String>),
    ListRules(Option<String>),
    List(Option<String>),
    Zero(Option<String>),
}

/// A parse failure: the message and exit status.
struct Fail(String, i32);

fn usage_err(msg: impl Into<String>) -> Fail {
    Fail(format!("{PROG}: {}\n{TRY}", msg.into()), 2)
}

/// A rule specification with the options parsed so far.
#[derive(Default)]
struct Spec {
    rule: Rule,
    target_name: Option<String>,
    to_source: Option<String>,
    to_destination: Option<String>,
}

/// Parsed command line.
struct Parsed {
    table: TableId,
    cmd: Cmd,
    spec: Spec,
    numeric: bool,
    verbose: bool,
    line_numbers: bool,
}

fn parse_addr(v: &str) -> Result<(Ipv4Addr, u8), Fail> {
    let (a, p) = v.split_once('/').unwrap_or((v, "32"));
    let bad = || usage_err(format!("host/network `{a}' not found"));
    let ip: Ipv4Addr = a.parse().map_err(|_| bad())?;
    let prefix: u8 = match p.parse::<u8>() {
        Ok(n) if n <= 32 => n,
        _ => {
            let m: Ipv4Addr = p.parse().map_err(|_| usage_err(format!("invalid mask `{p}' specified")))?;
            u32::from(m).count_ones() as u8
        }
    };
    Ok((addr::network(ip, prefix), prefix))
}

fn proto_num(p: &str) -> Result<u8, Fail> {
    match p {
        "all" | "0" => Ok(0),
        "icmp" | "1" => Ok(1),
        "tcp" | "6" => Ok(6),
        "udp" | "17" => Ok(17),
        _ => Err(usage_err(format!("unknown protocol \"{p}\" specified"))),
    }
}

fn parse(argv: &[String]) -> Result<Parsed, Fail> {
    let mut table = TableId::Filter;
    let mut cmd = None;
    let mut spec = Spec::default();
    let (mut numeric, mut verbose, mut line_numbers) = (false, false, false);
    let mut invert = false;
    let mut i = 1;
    let set_cmd = |c: Cmd, cmd: &mut Option<Cmd>| -> Result<(), Fail> {
        if cmd.is_some() {
            return Err(usage_err("Can't use -A with -A"));
        }
        *cmd = Some(c);
        Ok(())
    };
    while i < argv.len() {
        let a = argv[i].as_str();
        i += 1;
        let value = |i: &mut usize| -> Result<String, Fail> {
            match argv.get(*i) {
                Some(v) => {
                    *i += 1;
                    Ok(v.clone())
                }
                None => Err(usage_err(format!("option \"{a}\" requires an argument"))),
            }
        };
        // An optional following argument that is not an option.
        let optional = |i: &mut usize| -> Option<String> {
            match argv.get(*i) {
                Some(v) if !v.starts_with('-') && v != "!" => {
                    *i += 1;
                    Some(v.clone())
                }
                _ => None,
            }
        };
        match a {
            "!" => {
                invert = true;
                continue;
            }
            "-t" | "--table" => {
                let t = value(&mut i)?;
                table = match t.as_str() {
                    "nat" => TableId::Nat,
                    "filter" => TableId::Filter,
                    _ => return Err(Fail(format!("{PROG}: table '{t}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n"), 3)),
                };
            }
            "-A" | "--append" => set_cmd(Cmd::Append(value(&mut i)?), &mut cmd)?,
            "-I" | "--insert" => {
                let c = value(&mut i)?;
                let n = optional(&mut i)
                    .map(|n| n.parse::<usize>().map_err(|_| usage_err(format!("Invalid rule number `{n}'"))))
                    .transpose()?;
                set_cmd(Cmd::Insert(c, n.unwrap_or(1)), &mut cmd)?
            }
            "-D" | "--delete" => {
                let c = value(&mut i)?;
                let n = optional(&mut i)
                    .map(|n| n.parse::<usize>().map_err(|_| usage_err(format!("Invalid rule number `{n}'"))))
                    .transpose()?;
                set_cmd(Cmd::Delete(c, n), &mut cmd)?
            }
            "-F" | "--flush" => set_cmd(Cmd::Flush(optional(&mut i)), &mut cmd)?,
            "-S" | "--list-rules" => set_cmd(Cmd::ListRules(optional(&mut i)), &mut cmd)?,
            "-L" | "--list" => set_cmd(Cmd::List(optional(&mut i)), &mut cmd)?,
            "-Z" | "--zero" => set_cmd(Cmd::Zero(optional(&mut i)), &mut cmd)?,
            "-n" | "--numeric" => numeric = true,
            "-v" | "--verbose" => verbose = true,
            "--line-numbers" => line_numbers = true,
            "-nv" | "-vn" => {
                numeric = true;
                verbose = true;
            }
            "-s" | "--source" | "--src" | "-d" | "--destination" | "--dst" => {
                let (net, prefix) = parse_addr(&value(&mut i)?)?;
                let m = Some(AddrMatch { net, prefix, invert });
                if a.starts_with("-s") || a.starts_with("--s") {
                    spec.rule.src = m;
                } else {
                    spec.rule.dst = m;
                }
            }
            "-i" | "--in-interface" => spec.rule.iif = Some(IfMatch { name: value(&mut i)?, invert }),
            "-o" | "--out-interface" => spec.rule.oif = Some(IfMatch { name: value(&mut i)?, invert }),
            "-p" | "--protocol" => spec.rule.proto = Some(ProtoMatch { proto: proto_num(&value(&mut i)?)?, invert }),
            "-j" | "--jump" => spec.target_name = Some(value(&mut i)?),
            "--to-source" => spec.to_source = Some(value(&mut i)?),
            "--to-destination" => spec.to_destination = Some(value(&mut i)?),
            _ => return Err(usage_err(format!("unknown option \"{a}\""))),
        }
        invert = false;
    }
    let cmd = cmd.ok_or_else(|| usage_err("no command specified"))?;
    Ok(Parsed { table, cmd, spec, numeric, verbose, line_numbers })
}

/// Builds the rule's target from `-j` and its options.
fn target(spec: &Spec) -> Result<Target, Fail> {
    let Some(name) = spec.target_name.as_deref() else { return Ok(Target::None) };
    let to = |v: &Option<String>, opt: &str, t: &str| -> Result<Ipv4Addr, Fail> {
        let v =
            v.as_deref().ok_or_else(|| Fail(format!("{PROG}: {t}: option \"{opt}\" must be specified\n\n{TRY}"), 2))?;
        if v.contains(':') {
            return Err(usage_err("Need TCP, UDP, SCTP or DCCP with port specification"));
        }
        v.parse().map_err(|_| usage_err(format!("Bad IP address \"{v}\"")))
    };
    let range = |a: Ipv4Addr| NatRange { addrs: Some((a, a)), ports: None };
    Ok(match name {
        "ACCEPT" => Target::Accept,
        "DROP" => Target::Drop,
        "RETURN" => Target::Return,
        "MASQUERADE" => Target::Masquerade(None),
        "SNAT" => Target::Snat(range(to(&spec.to_source, "--to-source", "SNAT")?)),
        "DNAT" => Target::Dnat(range(to(&spec.to_destination, "--to-destination", "DNAT")?)),
        other => return Err(usage_err(format!("Chain '{other}' does not exist"))),
    })
}

/// Whether the kernel accepts a target in a chain (nat targets are hook-bound).
fn target_allowed(table: TableId, chain: Chain, t: &Target) -> bool {
    match (table, t) {
        (_, Target::None | Target::Accept | Target::Return | Target::Drop) => true,
        (TableId::Nat, Target::Masquerade(_)) => chain == Chain::Postrouting,
        (TableId::Nat, Target::Snat(_)) => matches!(chain, Chain::Postrouting | Chain::Input),
        (TableId::Nat, Target::Dnat(_)) => matches!(chain, Chain::Prerouting | Chain::Output),
        _ => false,
    }
}

fn chain_of(table: TableId, name: &str) -> Option<Chain> {
    Chain::parse(name).filter(|c| table.hooks().contains(c))
}

fn incompatible(table: TableId, name: &str) -> Output {
    Output::error(format!("{PROG}: chain `{name}' in table `{}' is incompatible, use 'nft' tool.\n", table.name()), 1)
}

/// Runs `iptables` over a kernel's netfilter. `argv[0]` is `iptables`.
///
/// As iptables-nft does, it reads the table, changes its copy and commits
/// it in one batch: a command that fails changes nothing.
pub fn run(nf: &mut dyn Netfilter, argv: &[String]) -> Output {
    let p = match parse(argv) {
        Ok(p) => p,
        Err(Fail(msg, status)) => return Output::error(msg, status),
    };
    let gone = || Output::error(format!("{PROG}: namespace gone\n"), 1);
    let Ok(table) = nf.table(p.table) else { return gone() };
    let mut table = table.unwrap_or_else(|| Table::new(p.table));
    if let Cmd::ListRules(c) | Cmd::List(c) = &p.cmd {
        return list(&p, &table, c);
    }
    if let Err(out) = change(&p, &mut table) {
        return out;
    }
    match nf.commit(table) {
        Ok(()) => Output::new(),
        Err(_) => gone(),
    }
}

/// Applies a command that changes the table to its copy.
fn change(p: &Parsed, nat: &mut Table) -> Result<(), Output> {
    let no_chain = || Err(Output::error("iptables: No chain/target/match by that name.\n", 1));
    match p.cmd {
        Cmd::Append(ref c) | Cmd::Insert(ref c, _) | Cmd::Delete(ref c, None) => {
            let t = match target(&p.spec) {
                Ok(t) => t,
                Err(Fail(m, s)) => return Err(Output::error(m, s)),
            };
            let Some(chain) = chain_of(p.table, c) else { return no_chain() };
            if p.spec.rule.oif.is_some() && matches!(chain, Chain::Prerouting | Chain::Input) {
                return Err(Output::error(format!("{PROG}: Can't use -o with {}\n\n{TRY}", chain.name()), 2));
            }
            if p.spec.rule.iif.is_some() && matches!(chain, Chain::Postrouting | Chain::Output) {
                return Err(Output::error(format!("{PROG}: Can't use -i with {}\n\n{TRY}", chain.name()), 2));
            }
            let mut rule = p.spec.rule.clone();
            rule.target = t;
            let op = match p.cmd {
                Cmd::Append(_) => "RULE_APPEND",
                Cmd::Insert(..) => "RULE_INSERT",
                _ => "RULE_DELETE",
            };
            if !target_allowed(p.table, chain, &rule.target) && op != "RULE_DELETE" {
                return Err(Output::error(
                    format!("{PROG}:  {op} failed (Invalid argument): rule in chain {}\n", chain.name()),
                    4,
                ));
            }
            let Some(rules) = nat.builtin_mut(chain).map(|c| &mut c.rules) else { return no_chain() };
            match p.cmd {
                Cmd::Append(_) => rules.push(rule),
                Cmd::Insert(_, at) => {
                    if at == 0 || at > rules.len() + 1 {
                        return Err(Output::error("iptables: Index of insertion too big.\n", 1));
                    }
                    rules.insert(at - 1, rule);
                }
                _ => match rules.iter().position(|r| r.same_spec(&rule)) {
                    Some(i) => {
                        rules.remove(i);
                    }
                    None => {
                        return Err(Output::error(
                            "iptables: Bad rule (does a matching rule exist in that chain?).\n",
                            1,
                        ))
                    }
                },
            }
        }
        Cmd::Delete(ref c, Some(num)) => {
            let Some(chain) = chain_of(p.table, c) else { return no_chain() };
            let Some(rules) = nat.builtin_mut(chain).map(|c| &mut c.rules) else { return no_chain() };
            if num == 0 || num > rules.len() {
                return Err(Output::error("iptables: Index of deletion too big.\n", 1));
            }
            rules.remove(num - 1);
        }
        Cmd::Flush(ref c) | Cmd::Zero(ref c) => {
            let chains: Vec<Chain> = match c {
                Some(name) => match chain_of(p.table, name) {
                    Some(ch) => vec![ch],
                    None => return no_chain(),
                },
                None => p.table.hooks().to_vec(),
            };
            let flush = matches!(p.cmd, Cmd::Flush(_));
            for ch in chains {
                if let Some(cr) = nat.builtin_mut(ch) {
                    if flush {
                        cr.rules.clear();
                    } else {
                        cr.policy_counters = Default::default();
                        for r in cr.rules.iter_mut() {
                            r.counters = Default::default();
                        }
                    }
                }
            }
        }
        Cmd::ListRules(_) | Cmd::List(_) => {}
    }
    Ok(())
}

/// `-S` and `-L`: nothing to commit.
fn list(p: &Parsed, nat: &Table, c: &Option<String>) -> Output {
    let chains: Vec<Chain> = match c {
        Some(name) => match chain_of(p.table, name) {
            Some(ch) => vec![ch],
            None => return incompatible(p.table, name),
        },
        None => p.table.hooks().to_vec(),
    };
    let mut out = Output::new();
    if matches!(p.cmd, Cmd::ListRules(_)) {
        out.out(list::rules(nat, &chains));
    } else {
        let f = list::Format { numeric: p.numeric, verbose: p.verbose, line_numbers: p.line_numbers };
        out.out(list::table(nat, &chains, f));
    }
    out
}
