//! `ip neigh`: add, change, replace, del, show, flush, for ARP's table
//! (IPv4) and neighbour discovery's (IPv6) and their proxy entries. The
//! grammar is in `parse.rs`.

mod parse;

pub use parse::parse;

use std::net::IpAddr;

use super::args::{Fail, IpResult};
use super::print::{Color, Kind, Printer, To, Value};
use super::{Family, Opts};
use crate::kernel::mac::Mac;
use crate::kernel::neigh::NudState;
use crate::netlink::{LinkMsg, NeighMsg, Netlink};
use crate::output::Output;

/// The entry `ip neigh add|change|replace|del` names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeighSpec {
    pub dst: IpAddr,
    /// Required but for a proxy entry.
    pub dev: Option<String>,
    pub lladdr: Option<Mac>,
    pub state: NudState,
    pub proxy: bool,
}

/// How `ipneigh_modify()` asks the kernel (its netlink flags).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Write {
    /// `add`: NLM_F_CREATE | NLM_F_EXCL.
    Add,
    /// `replace`: NLM_F_CREATE | NLM_F_REPLACE.
    Replace,
    /// `change`, `chg`: NLM_F_REPLACE.
    Change,
}

/// What `ip neigh show|flush` selects (iproute2's `filter`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// `-4`/`-6`, or the family of `to PREFIX` when neither was given.
    pub family: Family,
    pub dev: Option<String>,
    /// `nud STATE…`; `None` is iproute2's default: every state but NOARP
    /// for `show`, but NOARP and PERMANENT for `flush`.
    pub nud: Option<Vec<NudState>>,
    /// `to PREFIX`: only destinations inside it.
    pub prefix: Option<(IpAddr, u8)>,
    /// `proxy`: the proxy entries instead of the neighbours.
    pub proxy: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NeighCmd {
    Add { spec: NeighSpec, how: Write },
    Del(NeighSpec),
    Show(Filter),
    Flush(Filter),
}

/// Runs a parsed `ip neigh` command.
pub fn run(nl: &mut dyn Netlink, opts: &Opts, cmd: &NeighCmd) -> IpResult<Output> {
    match cmd {
        NeighCmd::Add { spec, how } => add(nl, spec, *how),
        NeighCmd::Del(spec) => del(nl, spec),
        NeighCmd::Flush(f) => flush(nl, f),
        NeighCmd::Show(f) => {
            let (shown, links, show_dev) = show(nl, f)?;
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

/// The device of a request: its index, 0 for none (a proxy entry's).
fn spec_index(nl: &mut dyn Netlink, spec: &NeighSpec) -> IpResult<u32> {
    spec.dev.as_deref().map_or(Ok(0), |d| index(nl, d))
}

/// `ip neigh add|change|replace`.
fn add(nl: &mut dyn Netlink, spec: &NeighSpec, how: Write) -> IpResult<Output> {
    let m = NeighMsg {
        ifindex: spec_index(nl, spec)?,
        dst: spec.dst,
        lladdr: spec.lladdr,
        state: Some(spec.state),
        router: false,
        proxy: spec.proxy,
    };
    match how {
        Write::Add => nl.neigh_add(&m, false)?,
        Write::Replace => nl.neigh_add(&m, true)?,
        Write::Change => nl.neigh_change(&m)?,
    }
    Ok(Output::new())
}

/// `ip neigh del`.
fn del(nl: &mut dyn Netlink, spec: &NeighSpec) -> IpResult<Output> {
    let i = spec_index(nl, spec)?;
    nl.neigh_del(i, spec.dst, spec.proxy)?;
    Ok(Output::new())
}

/// `ip neigh flush`: deletes what the filter selects (by default every
/// entry but the permanent and NOARP ones); a failed delete is not reported.
fn flush(nl: &mut dyn Netlink, f: &Filter) -> IpResult<Output> {
    let default = [NudState::Permanent, NudState::Noarp];
    let (selected, _, _) = select(nl, f, &|s| !default.contains(&s))?;
    for n in selected {
        let _ = nl.neigh_del(n.ifindex, n.dst, n.proxy);
    }
    Ok(Output::new())
}

/// `ip neigh show`: the entries the filter selects (by default every state
/// but NOARP), the links to name their devices by, and whether the device
/// is printed (not when it was chosen).
fn show(nl: &mut dyn Netlink, f: &Filter) -> IpResult<(Vec<NeighMsg>, Vec<LinkMsg>, bool)> {
    select(nl, f, &|s| s != NudState::Noarp)
}

/// The dump (of proxy entries with `proxy`) through `print_neigh()`'s
/// filter: family, device, state (`default` when no `nud` was given; a
/// proxy entry has none and always passes), prefix.
fn select(
    nl: &mut dyn Netlink,
    f: &Filter,
    default: &dyn Fn(NudState) -> bool,
) -> IpResult<(Vec<NeighMsg>, Vec<LinkMsg>, bool)> {
    let i = match &f.dev {
        Some(d) => Some(index(nl, d)?),
        None => None,
    };
    let links = nl.link_dump();
    let dump = if f.proxy { nl.neigh_proxy_dump()? } else { nl.neigh_dump() };
    let shown = dump
        .into_iter()
        .filter(|n| {
            let state_ok = match (n.state, &f.nud) {
                (None, _) => n.proxy,
                (Some(s), Some(set)) => set.contains(&s),
                (Some(s), None) => default(s),
            };
            let inside = f.prefix.is_none_or(|(a, l)| in_prefix(n.dst, a, l));
            f.family.accepts(&n.dst) && i.is_none_or(|i| i == n.ifindex) && (state_ok || n.proxy) && inside
        })
        .collect();
    Ok((shown, links, i.is_none()))
}

/// Whether `addr` is inside `net/len` (of its own family).
fn in_prefix(addr: IpAddr, net: IpAddr, len: u8) -> bool {
    match (addr, net) {
        (IpAddr::V4(a), IpAddr::V4(n)) => crate::kernel::addr::in_prefix(a, n, len),
        (IpAddr::V6(a), IpAddr::V6(n)) => {
            let mask = u128::MAX.checked_shl(128 - u32::from(len.min(128))).unwrap_or(0);
            u128::from(a) & mask == u128::from(n) & mask
        }
        _ => false,
    }
}

/// `print_neigh()`; `links` to name the device by, when it is printed (a
/// proxy entry made without a device has none to print).
fn print_neigh(p: &mut Printer, n: &NeighMsg, links: Option<&[LinkMsg]>) {
    p.open_object(None);
    let dst = n.dst.to_string();
    let color = if n.dst.is_ipv6() { Color::Inet6 } else { Color::Inet };
    p.color_string(To::Any, color, "dst", &format!("{dst} "), &dst);
    if let Some(links) = links.filter(|_| n.ifindex != 0) {
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
        p.value(To::Any, "router", "router ", Value::Null);
    }
    if n.proxy {
        p.value(To::Any, "proxy", "proxy ", Value::Null);
    }
    if let Some(state) = n.state {
        p.open_array(To::Json, "state", "");
        p.string(To::Any, "", &format!("{} ", state.name()), state.name());
        p.close_array(To::Json, "");
    }
    p.fp("\n");
    p.close_object();
}
