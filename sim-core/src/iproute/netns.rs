//! `ip netns`: add, delete, list, exec, identify.

use super::args::{matches, Args, Fail, IpResult};
use super::print::{Printer, To};
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
    Identify,
    /// `set NAME ID`: `None` for `auto`.
    Set {
        name: String,
        id: Option<i32>,
    },
}

/// `ip netns add` refuses names that are not a single path component.
fn valid_name(n: &str) -> bool {
    !n.is_empty() && n != "." && n != ".." && !n.contains('/')
}

pub fn parse(argv: &[String]) -> IpResult<NetnsCmd> {
    let mut a = Args::new(argv);
    let Some(verb) = a.next() else {
        return Ok(NetnsCmd::List);
    };
    let need_name =
        |a: &mut Args<'_>| a.next().map(str::to_string).ok_or_else(|| Fail::new("No netns name specified\n", 1));
    if matches(verb, "list") || matches(verb, "show") || matches(verb, "lst") {
        Ok(NetnsCmd::List)
    } else if matches(verb, "add") {
        let n = need_name(&mut a)?;
        if !valid_name(&n) {
            return Err(Fail::new(format!("Invalid netns name \"{n}\"\n"), 255));
        }
        Ok(NetnsCmd::Add(n))
    } else if matches(verb, "delete") {
        Ok(NetnsCmd::Delete(need_name(&mut a)?))
    } else if matches(verb, "set") {
        let name = need_name(&mut a)?;
        let Some(v) = a.next() else {
            return Err(Fail::new("No nsid specified\n", 1));
        };
        let id = if v == "auto" {
            None
        } else {
            let n: i32 = v.parse().map_err(|_| Fail::invarg("Invalid \"netnsid\" value", v))?;
            if n < 0 {
                return Err(Fail::invarg("\"netnsid\" value should be >= 0", v));
            }
            Some(n)
        };
        Ok(NetnsCmd::Set { name, id })
    } else if matches(verb, "identify") {
        Ok(NetnsCmd::Identify)
    } else if matches(verb, "exec") {
        let name = need_name(&mut a)?;
        let argv: Vec<String> = a.rest().to_vec();
        if argv.is_empty() {
            return Err(Fail::new("No command specified\n", 1));
        }
        Ok(NetnsCmd::Exec { name, argv })
    } else if matches(verb, "help") {
        Err(Fail::new(super::usage::NETNS, 255))
    } else {
        Err(Fail::new(format!("Command \"{verb}\" is unknown, try \"ip netns help\".\n"), 255))
    }
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
            let mut p = Printer::new(opts.json, opts.pretty, false);
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
        NetnsCmd::Identify => {
            let names = nl.netns_identify();
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
