//! `ip netns`: add, delete, list, exec, pids, identify.

use nom::combinator::map;

use super::args::{Fail, IpResult};
use super::grammar::keyword::{alone, one_of, Entry, Kw::P};
use super::grammar::words::{rest, word, Words};
use super::grammar::{check, fail, parse_argv, PResult};
use super::print::{Kind, Printer, To};
use super::{Opts, Outcome};
use crate::kernel::Errno;
use crate::netlink::Netlink;
use crate::output::Output;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NetnsCmd {
    Add(String),
    Delete(String),
    List,
    Exec {
        name: String,
        argv: Vec<String>,
    },
    /// `identify [PID]` (`None`: the caller itself).
    Identify(Option<u32>),
    /// `pids NAME`.
    Pids(String),
    /// `set NAME ID`: `None` for `auto`.
    Set {
        name: String,
        id: Option<i32>,
    },
}

/// `do_netns()` refuses a second word (the name, for every verb, even one
/// that takes none) that is not a single path component.
fn valid_name(n: &str) -> bool {
    !n.is_empty() && n != "." && n != ".." && !n.contains('/')
}

#[derive(Clone, Copy)]
enum Verb {
    List,
    Add,
    Delete,
    Set,
    Pids,
    Identify,
    Exec,
    Help,
}

/// `do_netns()`'s verbs.
const VERBS: &[Entry<Verb>] = &[
    alone(P("list"), Verb::List),
    alone(P("show"), Verb::List),
    alone(P("lst"), Verb::List),
    alone(P("add"), Verb::Add),
    alone(P("delete"), Verb::Delete),
    alone(P("set"), Verb::Set),
    alone(P("pids"), Verb::Pids),
    alone(P("identify"), Verb::Identify),
    alone(P("exec"), Verb::Exec),
    alone(P("help"), Verb::Help),
];

pub fn parse(argv: &[String]) -> IpResult<NetnsCmd> {
    if let Some(n) = argv.get(1).filter(|n| !valid_name(n)) {
        return Err(Fail::new(format!("Invalid netns name \"{n}\"\n"), 255));
    }
    parse_argv(argv, netns)
}

/// The namespace name every verb but `list` needs first.
fn name(i: Words<'_>) -> PResult<'_, String> {
    match word(i) {
        Ok((i, n)) => Ok((i, n.to_string())),
        Err(_) => fail(Fail::new("No netns name specified\n", 1)),
    }
}

fn netns(i: Words<'_>) -> PResult<'_, NetnsCmd> {
    let Some(w) = i.peek() else {
        return Ok((i, NetnsCmd::List));
    };
    let Ok((i, verb)) = one_of(VERBS)(i) else {
        return fail(Fail::new(format!("Command \"{w}\" is unknown, try \"ip netns help\".\n"), 255));
    };
    match verb {
        Verb::List => Ok((i, NetnsCmd::List)),
        Verb::Add => {
            let (i, n) = name(i)?;
            Ok((i, NetnsCmd::Add(n)))
        }
        Verb::Delete => map(name, NetnsCmd::Delete)(i),
        Verb::Set => {
            let (i, name) = name(i)?;
            let Ok((i, v)) = word(i) else {
                return fail(Fail::new("No nsid specified\n", 1));
            };
            let id = match v {
                "auto" => None,
                _ => {
                    let n: i32 = check(i, v.parse().map_err(|_| Fail::invarg("Invalid \"netnsid\" value", v)))?.1;
                    if n < 0 {
                        return fail(Fail::invarg("\"netnsid\" value should be >= 0", v));
                    }
                    Some(n)
                }
            };
            Ok((i, NetnsCmd::Set { name, id }))
        }
        Verb::Pids => {
            let (i, name) = name(i)?;
            if !i.is_empty() {
                return fail(Fail::new("extra arguments specified\n", 1));
            }
            Ok((i, NetnsCmd::Pids(name)))
        }
        Verb::Identify => match i.rest() {
            [] => Ok((i, NetnsCmd::Identify(None))),
            // is_pid(): digits only.
            [p] => match p.parse::<u32>() {
                Ok(pid) if p.bytes().all(|b| b.is_ascii_digit()) => {
                    let (i, _) = word(i)?;
                    Ok((i, NetnsCmd::Identify(Some(pid))))
                }
                _ => fail(Fail::new(format!("Specified string '{p}' is not a pid\n"), 1)),
            },
            _ => fail(Fail::new("extra arguments specified\n", 1)),
        },
        Verb::Exec => {
            let (i, name) = name(i)?;
            let (i, argv) = rest(i)?;
            if argv.is_empty() {
                return fail(Fail::new("No command specified\n", 1));
            }
            Ok((i, NetnsCmd::Exec { name, argv: argv.to_vec() }))
        }
        Verb::Help => fail(Fail::new(crate::usage::Usage::Netns, 255)),
    }
}

/// `netns_get_fd()` or `open("/proc/PID/ns/net")` failed.
fn cannot_open(e: Errno) -> Fail {
    Fail::new(format!("Cannot open network namespace: {}\n", e.text()), 1)
}

pub fn run(nl: &mut dyn Netlink, opts: &Opts, cmd: &NetnsCmd) -> IpResult<Outcome> {
    let done = |o: Output| Ok(Outcome::Done(o));
    match cmd {
        NetnsCmd::Add(n) => match nl.netns_add(n) {
            Ok(()) => done(Output::new()),
            Err(e) => Err(Fail::new(format!("Cannot create namespace file \"/run/netns/{n}\": {}\n", e.text()), 1)),
        },
        NetnsCmd::Delete(n) => match nl.netns_delete(n) {
            Ok(()) => done(Output::new()),
            Err(e) => Err(Fail::new(format!("Cannot remove namespace file \"/run/netns/{n}\": {}\n", e.text()), 1)),
        },
        NetnsCmd::List => {
            let mut p = Printer::new(opts.json, opts.pretty, false).about(Kind::Netns);
            for n in nl.netns_list() {
                p.open_object(None);
                p.string(To::Any, "name", &n, &n);
                if let Ok(Some(id)) = nl.netns_id(&n) {
                    p.int(To::Any, "id", &format!(" (id: {id})"), i64::from(id));
                }
                p.fp("\n");
                p.close_object();
            }
            let mut out = Output::new();
            out.out(p.finish());
            done(out)
        }
        NetnsCmd::Set { name, id } => {
            if !nl.netns_list().iter().any(|n| n == name) {
                return Err(Fail::new(
                    format!("Cannot open network namespace \"{name}\": No such file or directory\n"),
                    1,
                ));
            }
            nl.netns_set_id(name, *id)?;
            done(Output::new())
        }
        NetnsCmd::Pids(name) => {
            let pids = nl.netns_pids(name).map_err(cannot_open)?;
            let mut out = Output::new();
            for pid in pids {
                out.out(format!("{pid}\n"));
            }
            done(out)
        }
        NetnsCmd::Identify(pid) => {
            let names = match pid {
                None => nl.netns_identify(),
                Some(pid) => nl.pid_netns(*pid).map_err(cannot_open)?,
            };
            let mut out = Output::new();
            if names.is_empty() {
                out.out("\n");
            }
            for n in names {
                out.out(format!("{n}\n"));
            }
            done(out)
        }
        NetnsCmd::Exec { name, argv } => {
            if !nl.netns_list().iter().any(|n| n == name) {
                return Err(Fail::new(
                    format!("Cannot open network namespace \"{name}\": {}\n", Errno::ENOENT.text()),
                    255,
                ));
            }
            Ok(Outcome::Exec { netns: name.clone(), argv: argv.clone() })
        }
    }
}
