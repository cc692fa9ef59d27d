//! `ip neigh`: add, del, replace, show, flush.

use std::net::Ipv4Addr;

use super::addr::parse_inet;
use super::args::{bad_addr, matches, parse_lladdr, Args, Fail, IpResult, Resolve};
use super::print::{Color, Printer, To};
use super::usage;
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
        /// `to PREFIX`: only destinations inside it.
        prefix: Option<(Ipv4Addr, u8)>,
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

pub fn parse(argv: &[String], r: &mut dyn Resolve) -> IpResult<NeighCmd> {
    let mut a = Args::new(argv);
    let Some(verb) = a.next() else {
        return Ok(NeighCmd::Show { dev: None, nud: None, prefix: None });
    };
    if matches(verb, "add") {
        Ok(NeighCmd::Add { spec: parse_spec(&mut a)?, replace: false })
    } else if matches(verb, "change") || verb == "chg" || matches(verb, "replace") {
        Ok(NeighCmd::Add { spec: parse_spec(&mut a)?, replace: true })
    } else if matches(verb, "delete") {
        Ok(NeighCmd::Del(parse_spec(&mut a)?))
    } else if matches(verb, "list") || matches(verb, "show") || matches(verb, "lst") || matches(verb, "flush") {
        let flush = matches(verb, "flush");
        if flush && a.is_empty() {
            return Err(Fail::new("Flush requires arguments.\n", 1));
        }
        let mut dev: Option<String> = None;
        let mut prefix = None;
        let mut states: Option<Vec<NudState>> = None;
        while let Some(arg) = a.next() {
            if arg == "dev" {
                let v = a.value()?;
                if dev.is_some() {
                    return Err(Fail::duparg("dev", v));
                }
                dev = Some(v.to_string());
            } else if arg == "master" {
                let v = a.value()?;
                if r.ifindex(v).is_none() {
                    return Err(Fail::invarg("Device does not exist\n", v));
                }
            } else if arg == "nud" {
                let v = a.value()?;
                let set = states.get_or_insert_with(Vec::new);
                if v == "all" {
                    set.extend(ALL_STATES);
                } else {
                    set.push(nud(v).ok_or_else(|| Fail::invarg("nud state is bad", v))?);
                }
            } else if arg == "vrf" || matches(arg, "protocol") {
                a.value()?;
            } else if arg == "nomaster" || arg == "unused" || arg == "proxy" {
            } else {
                let v = if arg == "to" { a.value()? } else { arg };
                if matches(v, "help") {
                    return Err(Fail::new(usage::NEIGH, 255));
                }
                prefix = Some(parse_prefix_any(v)?);
            }
        }
        if let Some(d) = &dev {
            if r.ifindex(d).is_none() {
                return Err(Fail::nodev(d));
            }
        }
        Ok(if flush { NeighCmd::Flush { dev } } else { NeighCmd::Show { dev, nud: states, prefix } })
    } else if matches(verb, "help") {
        Err(Fail::new(usage::NEIGH, 255))
    } else {
        Err(Fail::new(format!("Command \"{verb}\" is unknown, try \"ip neigh help\".\n"), 255))
    }
}

/// `get_prefix()` with no family fixed: `A.B.C.D[/LEN]`.
fn parse_prefix_any(v: &str) -> IpResult<(Ipv4Addr, u8)> {
    let p = super::addr::parse_prefix(v).map_err(|_| bad_addr("prefix", false, v))?;
    Ok((p.addr, p.len.unwrap_or(32)))
}

/// `ipneigh_modify()`'s loop; the link-layer address is read after it.
fn parse_spec(a: &mut Args<'_>) -> IpResult<NeighSpec> {
    let mut dst = None;
    let mut dev = None;
    let mut lla: Option<&str> = None;
    let mut state = NudState::Permanent;
    let mut proxy = false;
    while let Some(arg) = a.next() {
        if matches(arg, "lladdr") {
            let v = a.value()?;
            if lla.is_some() {
                return Err(Fail::duparg("lladdr", v));
            }
            lla = Some(v);
        } else if arg == "nud" {
            let v = a.value()?;
            state = nud(v).ok_or_else(|| Fail::invarg("nud state is bad", v))?;
        } else if matches(arg, "proxy") {
            let v = a.value()?;
            if dst.is_some() {
                return Err(Fail::duparg("address", v));
            }
            dst = Some(parse_inet(v).ok_or_else(|| bad_addr("address", false, v))?);
            proxy = true;
        } else if arg == "dev" {
            dev = Some(a.value()?.to_string());
        } else if arg == "router" || arg == "use" || arg == "managed" || matches(arg, "extern_learn") {
        } else if matches(arg, "protocol") {
            a.value()?;
        } else {
            let mut v = if arg == "to" { a.value()? } else { arg };
            if matches(v, "help") {
                v = a.value()?;
            }
            if dst.is_some() {
                return Err(Fail::duparg2("to", v));
            }
            dst = Some(parse_inet(v).ok_or_else(|| bad_addr("address", false, v))?);
        }
    }
    let (Some(dst), Some(dev)) = (dst, dev) else {
        return Err(Fail::new("Device and destination are required arguments.\n", 255));
    };
    let lladdr = match lla {
        Some(l) if l != "null" => {
            let bytes = parse_lladdr(l)?;
            Some(Mac(<[u8; 6]>::try_from(bytes.as_slice())
                .map_err(|_| Fail::new("RTNETLINK answers: Invalid argument\n", 2))?))
        }
        _ => None,
    };
    Ok(NeighSpec { dst, dev, lladdr, state, proxy })
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
        NeighCmd::Show { dev, nud, prefix } => {
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
                let outside = prefix.is_some_and(|(a, l)| !crate::kernel::addr::in_prefix(n.dst, a, l));
                if i.is_some_and(|i| i != n.ifindex) || !(shown || n.proxy) || outside {
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
