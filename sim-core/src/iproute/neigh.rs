//! `ip neigh`: add, del, replace, show, flush.

use std::net::Ipv4Addr;

use super::addr::parse_inet;
use super::args::{matches, Args, Fail, IpResult};
use super::print::{Color, Printer, To};
use super::Opts;
use crate::kernel::mac::Mac;
use crate::kernel::neigh::NudState;
use crate::netlink::{NeighMsg, Netlink};
use crate::output::Output;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeighSpec {
    pub dst: Ipv4Addr,
    pub dev: String,
    pub lladdr: Option<Mac>,
    pub state: NudState,
    pub proxy: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NeighCmd {
    Add {
        spec: NeighSpec,
        replace: bool,
    },
    Del(NeighSpec),
    /// `nud` filter: `None` is iproute2's default, every state but NOARP.
    Show {
        dev: Option<String>,
        nud: Option<Vec<NudState>>,
    },
    Flush {
        dev: Option<String>,
    },
}

const ALL_STATES: [NudState; 8] = [
    NudState::Incomplete,
    NudState::Reachable,
    NudState::Stale,
    NudState::Delay,
    NudState::Probe,
    NudState::Failed,
    NudState::Noarp,
    NudState::Permanent,
];

fn nud(s: &str) -> Option<NudState> {
    Some(match s {
        "permanent" => NudState::Permanent,
        "reachable" => NudState::Reachable,
        "stale" => NudState::Stale,
        "delay" => NudState::Delay,
        "probe" => NudState::Probe,
        "failed" => NudState::Failed,
        "incomplete" => NudState::Incomplete,
        "noarp" => NudState::Noarp,
        _ => return None,
    })
}

pub fn parse(argv: &[String]) -> IpResult<NeighCmd> {
    let mut a = Args::new(argv);
    let Some(verb) = a.next() else {
        return Ok(NeighCmd::Show { dev: None, nud: None });
    };
    if matches(verb, "add") {
        Ok(NeighCmd::Add { spec: parse_spec(&mut a)?, replace: false })
    } else if matches(verb, "change") || verb == "chg" || matches(verb, "replace") {
        Ok(NeighCmd::Add { spec: parse_spec(&mut a)?, replace: true })
    } else if matches(verb, "delete") {
        Ok(NeighCmd::Del(parse_spec(&mut a)?))
    } else if matches(verb, "list") || matches(verb, "show") || matches(verb, "lst") || matches(verb, "flush") {
        let mut dev = None;
        let mut states: Option<Vec<NudState>> = None;
        while let Some(arg) = a.next() {
            if arg == "dev" {
                dev = Some(a.value()?.to_string());
            } else if arg == "nud" {
                let v = a.value()?;
                let set = states.get_or_insert_with(Vec::new);
                if v == "all" {
                    set.extend(ALL_STATES);
                } else {
                    set.push(nud(v).ok_or_else(|| Fail::invarg("nud state is bad", v))?);
                }
            } else if arg == "to" || arg == "vrf" {
                a.value()?;
            }
        }
        if matches(verb, "flush") {
            if dev.is_none() {
                return Err(Fail::new("Flush requires arguments.\n", 1));
            }
            return Ok(NeighCmd::Flush { dev });
        }
        Ok(NeighCmd::Show { dev, nud: states })
    } else {
        Err(Fail::new(format!("Command \"{verb}\" is unknown, try \"ip neigh help\".\n"), 255))
    }
}

fn parse_spec(a: &mut Args<'_>) -> IpResult<NeighSpec> {
    let mut dst = None;
    let mut dev = None;
    let mut lladdr = None;
    let mut state = NudState::Permanent;
    let mut proxy = false;
    while let Some(arg) = a.next() {
        if arg == "lladdr" {
            let v = a.value()?;
            lladdr = Some(Mac::parse(v).ok_or_else(|| Fail::new(format!("\"{v}\" is invalid lladdr.\n"), 1))?);
        } else if arg == "nud" {
            let v = a.value()?;
            state = nud(v).ok_or_else(|| Fail::invarg("nud state is bad", v))?;
        } else if arg == "proxy" {
            proxy = true;
        } else if arg == "dev" {
            dev = Some(a.value()?.to_string());
        } else if arg == "router" || arg == "extern_learn" {
        } else {
            let v = if arg == "to" { a.value()? } else { arg };
            if dst.is_some() {
                return Err(Fail::duparg2("to", v));
            }
            dst = Some(
                parse_inet(v)
                    .ok_or_else(|| Fail::new(format!("Error: inet address is expected rather than \"{v}\".\n"), 1))?,
            );
        }
    }
    match (dst, dev) {
        (Some(dst), Some(dev)) => Ok(NeighSpec { dst, dev, lladdr, state, proxy }),
        _ => Err(Fail::new("Device and destination are required arguments.\n", 255)),
    }
}

pub fn run(nl: &mut dyn Netlink, opts: &Opts, cmd: &NeighCmd) -> IpResult<Output> {
    let index = |nl: &mut dyn Netlink, d: &str| nl.link_get(d).map(|l| l.ifindex).ok_or_else(|| Fail::nodev(d));
    match cmd {
        NeighCmd::Add { spec, replace } => {
            let i = index(nl, &spec.dev)?;
            let m = NeighMsg {
                ifindex: i,
                dst: spec.dst,
                lladdr: spec.lladdr,
                state: spec.state,
                router: false,
                proxy: spec.proxy,
            };
            nl.neigh_add(&m, *replace)?;
            Ok(Output::new())
        }
        NeighCmd::Del(spec) => {
            let i = index(nl, &spec.dev)?;
            nl.neigh_del(i, spec.dst)?;
            Ok(Output::new())
        }
        NeighCmd::Flush { dev } => {
            let i = match dev {
                Some(d) => Some(index(nl, d)?),
                None => None,
            };
            for n in nl.neigh_dump() {
                if i.is_some_and(|i| i != n.ifindex) || matches!(n.state, NudState::Permanent | NudState::Noarp) {
                    continue;
                }
                let _ = nl.neigh_del(n.ifindex, n.dst);
            }
            Ok(Output::new())
        }
        NeighCmd::Show { dev, nud } => {
            let i = match dev {
                Some(d) => Some(index(nl, d)?),
                None => None,
            };
            let links = nl.link_dump();
            let mut p = Printer::new(opts.json, opts.pretty, opts.color);
            for n in nl.neigh_dump() {
                let shown = match nud {
                    Some(set) => set.contains(&n.state),
                    // iproute2: `filter.state = 0xFF & ~NUD_NOARP`.
                    None => n.state != NudState::Noarp,
                };
                if i.is_some_and(|i| i != n.ifindex) || !(shown || n.proxy) {
                    continue;
                }
                p.open_object(None);
                let dst = n.dst.to_string();
                p.color_string(To::Any, Color::Inet, "dst", &format!("{dst} "), &dst);
                if i.is_none() {
                    let name =
                        links.iter().find(|l| l.ifindex == n.ifindex).map_or_else(String::new, |l| l.name.clone());
                    p.fp("dev ");
                    p.color_string(To::Any, Color::Ifname, "dev", &format!("{name} "), &name);
                }
                if let Some(ll) = n.lladdr {
                    let ll = ll.to_string();
                    p.fp("lladdr ");
                    p.color_string(To::Any, Color::Mac, "lladdr", &format!("{ll} "), &ll);
                }
                if n.router {
                    p.boolean(To::Any, "router", "router ", true);
                }
                if n.proxy {
                    p.boolean(To::Any, "proxy", "proxy ", true);
                }
                p.open_array(To::Json, "state", "");
                p.string(To::Any, "", &format!("{} ", n.state.name()), n.state.name());
                p.close_array(To::Json, "");
                p.fp("\n");
                p.close_object();
            }
            let mut out = Output::new();
            out.out(p.finish());
            Ok(out)
        }
    }
}
