//! `ip neigh`: add, del, replace, show, flush. The grammar is in `parse.rs`.

mod parse;

pub use parse::parse;

use std::net::Ipv4Addr;

use super::args::{Fail, IpResult};
use super::print::{Color, Kind, Printer, To};
use super::Opts;
use crate::kernel::mac::Mac;
use crate::kernel::neigh::NudState;
use crate::netlink::{LinkMsg, NeighMsg, Netlink};
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
        /// `to PREFIX`: only destinations inside it.
        prefix: Option<(Ipv4Addr, u8)>,
    },
}

/// Runs a parsed `ip neigh` command.
pub fn run(nl: &mut dyn Netlink, opts: &Opts, cmd: &NeighCmd) -> IpResult<Output> {
    match cmd {
        NeighCmd::Add { spec, replace } => add(nl, spec, *replace),
        NeighCmd::Del(spec) => del(nl, spec),
        NeighCmd::Flush { dev, prefix } => flush(nl, dev.as_deref(), *prefix),
        NeighCmd::Show { dev, nud, prefix } => {
            let (shown, links, show_dev) = show(nl, dev.as_deref(), nud.as_deref(), *prefix)?;
            let mut p = Printer::new(opts.json, opts.pretty, opts.color).about(Kind::Neigh);
            for n in &shown {
                print_neigh(&mut p, n, show_dev.then_some(&links[..]));
            }
            let mut out = Output::new();
            out.out(p.finish());
            Ok(out)
        }
    }
}

fn index(nl: &mut dyn Netlink, dev: &str) -> IpResult<u32> {
    nl.link_index(dev).ok_or_else(|| Fail::nodev(dev))
}

/// `ip neigh add|replace`.
fn add(nl: &mut dyn Netlink, spec: &NeighSpec, replace: bool) -> IpResult<Output> {
    let i = index(nl, &spec.dev)?;
    let m = NeighMsg {
        ifindex: i,
        dst: spec.dst,
        lladdr: spec.lladdr,
        state: spec.state,
        router: false,
        proxy: spec.proxy,
    };
    nl.neigh_add(&m, replace)?;
    Ok(Output::new())
}

/// `ip neigh del`.
fn del(nl: &mut dyn Netlink, spec: &NeighSpec) -> IpResult<Output> {
    let i = index(nl, &spec.dev)?;
    nl.neigh_del(i, spec.dst)?;
    Ok(Output::new())
}

/// `ip neigh flush`: every entry but the permanent and NOARP ones.
fn flush(nl: &mut dyn Netlink, dev: Option<&str>, prefix: Option<(Ipv4Addr, u8)>) -> IpResult<Output> {
    let i = match dev {
        Some(d) => Some(index(nl, d)?),
        None => None,
    };
    for n in nl.neigh_dump() {
        let outside = prefix.is_some_and(|(a, l)| !crate::kernel::addr::in_prefix(n.dst, a, l));
        if i.is_some_and(|i| i != n.ifindex) || outside || matches!(n.state, NudState::Permanent | NudState::Noarp) {
            continue;
        }
        let _ = nl.neigh_del(n.ifindex, n.dst);
    }
    Ok(Output::new())
}

/// `ip neigh show`: the entries the filter selects, the links to name their
/// devices by, and whether the device is printed (not when it was chosen).
fn show(
    nl: &mut dyn Netlink,
    dev: Option<&str>,
    nud: Option<&[NudState]>,
    prefix: Option<(Ipv4Addr, u8)>,
) -> IpResult<(Vec<NeighMsg>, Vec<LinkMsg>, bool)> {
    let i = match dev {
        Some(d) => Some(index(nl, d)?),
        None => None,
    };
    let links = nl.link_dump();
    let shown = nl
        .neigh_dump()
        .into_iter()
        .filter(|n| {
            let state_ok = match nud {
                Some(set) => set.contains(&n.state),
                // iproute2: `filter.state = 0xFF & ~NUD_NOARP`.
                None => n.state != NudState::Noarp,
            };
            let outside = prefix.is_some_and(|(a, l)| !crate::kernel::addr::in_prefix(n.dst, a, l));
            !(i.is_some_and(|i| i != n.ifindex) || !(state_ok || n.proxy) || outside)
        })
        .collect();
    Ok((shown, links, i.is_none()))
}

/// `print_neigh()`; `links` to name the device by, when it is printed.
fn print_neigh(p: &mut Printer, n: &NeighMsg, links: Option<&[LinkMsg]>) {
    p.open_object(None);
    let dst = n.dst.to_string();
    p.color_string(To::Any, Color::Inet, "dst", &format!("{dst} "), &dst);
    if let Some(links) = links {
        let name = links.iter().find(|l| l.ifindex == n.ifindex).map_or_else(String::new, |l| l.name.clone());
        p.field("dev", "dev ");
        p.color_string(To::Any, Color::Ifname, "dev", &format!("{name} "), &name);
    }
    if let Some(ll) = n.lladdr {
        let ll = ll.to_string();
        p.field("lladdr", "lladdr ");
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
