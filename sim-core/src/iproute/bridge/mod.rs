//! iproute2's `bridge` tool: `bridge link show` and `bridge fdb show`,
//! as text, `-j` or `-j -p` through the one printer.
//!
//! Parse (a nom grammar, as `ip`'s) → [`BridgeCmd`] → run → print.
//! The grammar is in `parse.rs`.

mod parse;

pub use parse::parse;

use super::args::Fail;
use super::args::{IpResult, Lookup};
use super::netns_fail;
use super::print::{Kind, Printer, To, Value};
use crate::netlink::{FdbMsg, LinkMsg, Netlink};
use crate::output::Output;

/// Global options (`bridge [OPTIONS] OBJECT`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BridgeOpts {
    pub json: bool,
    pub pretty: bool,
    pub details: bool,
    pub color: bool,
    pub netns: Option<String>,
}

/// Which forwarding entries `bridge fdb show` prints.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FdbFilter {
    pub br: Option<String>,
    /// `dev` or `brport`.
    pub dev: Option<String>,
    /// `vlan VID` (read with `atoi`): entries without a VLAN never match a non-zero one.
    pub vlan: i32,
    /// `state STATE`: NUD bits, 0 for any.
    pub state: u32,
    pub dynamic: bool,
}

/// A parsed `bridge` command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BridgeCmd {
    Link { dev: Option<String> },
    Fdb(FdbFilter),
}

/// Runs `bridge ARGS` (argv without the leading `bridge`).
pub fn bridge(nl: &mut dyn Netlink, argv: &[String]) -> Output {
    match bridge_inner(nl, argv) {
        Ok(o) => o,
        Err(f) => f.into_output(),
    }
}

fn bridge_inner(nl: &mut dyn Netlink, argv: &[String]) -> IpResult<Output> {
    let (opts, cmd) = parse(argv, &mut Lookup(nl))?;
    if let Some(ns) = &opts.netns {
        if nl.netns_enter(ns).is_err() {
            return Err(netns_fail(ns));
        }
    }
    run(nl, &opts, &cmd)
}

/// NUD bits as the kernel numbers them.
pub(super) const NUD_REACHABLE: u32 = 0x02;
pub(super) const NUD_STALE: u32 = 0x04;
pub(super) const NUD_NOARP: u32 = 0x40;
pub(super) const NUD_PERMANENT: u32 = 0x80;

/// Runs a parsed `bridge` command (in the namespace `-n` chose).
pub fn run(nl: &mut dyn Netlink, opts: &BridgeOpts, cmd: &BridgeCmd) -> IpResult<Output> {
    let links = nl.link_dump();
    let index = |name: &str| links.iter().find(|l| l.name == name).map(|l| l.ifindex);
    let kind = if matches!(cmd, BridgeCmd::Fdb(_)) { Kind::Fdb } else { Kind::BridgeLink };
    let mut p = Printer::new(opts.json, opts.pretty, opts.color).about(kind);
    match cmd {
        BridgeCmd::Link { dev } => {
            let dev = match dev {
                Some(d) => Some(index(d).ok_or_else(|| Fail::new(format!("Cannot find device \"{d}\"\n"), 255))?),
                None => None,
            };
            let names = super::show::link_names(&links);
            for l in links.iter().filter(|l| l.brport.is_some() && dev.is_none_or(|d| d == l.ifindex)) {
                print_port(&mut p, l, &names, opts.details);
            }
        }
        BridgeCmd::Fdb(f) => {
            let br = match &f.br {
                Some(b) => {
                    Some(index(b).ok_or_else(|| Fail::new(format!("Cannot find bridge device \"{b}\"\n"), 255))?)
                }
                None => None,
            };
            let dev = match &f.dev {
                Some(d) => Some(index(d).ok_or_else(|| Fail::new(format!("Cannot find device \"{d}\"\n"), 255))?),
                None => None,
            };
            let master_of = |i: u32| links.iter().find(|l| l.ifindex == i).and_then(|l| l.master);
            let name_of = |i: u32| links.iter().find(|l| l.ifindex == i).map_or_else(String::new, |l| l.name.clone());
            for e in nl.fdb_dump() {
                let state = if e.permanent { NUD_PERMANENT } else { NUD_REACHABLE };
                if dev.is_some_and(|d| d != e.ifindex)
                    || br.is_some_and(|b| e.ifindex != b && master_of(e.ifindex) != Some(b))
                    || f.vlan != 0
                    || (f.state != 0 && state & f.state == 0)
                    || (f.dynamic && e.permanent)
                {
                    continue;
                }
                print_fdb(&mut p, &e, dev.is_none(), &name_of);
            }
        }
    }
    let mut out = Output::new();
    out.out(p.finish());
    Ok(out)
}

/// `print_fdb()`.
fn print_fdb(p: &mut Printer, e: &FdbMsg, show_dev: bool, name_of: &dyn Fn(u32) -> String) {
    p.open_object(None);
    let mac = e.mac.to_string();
    p.labeled("mac", "", Value::Str(&mac));
    if show_dev {
        let n = name_of(e.ifindex);
        p.labeled("ifname", "dev", Value::Str(&n));
    }
    p.open_array(To::Json, "flags", "");
    if e.own {
        p.string(To::Any, "", "self ", "self");
    }
    p.close_array(To::Json, "");
    if let Some(m) = e.master {
        let m = name_of(m);
        p.labeled("master", "master", Value::Str(&m));
    }
    let state = if e.permanent { "permanent" } else { "" };
    p.string(To::Any, "state", &format!("{state}\n"), state);
    p.close_object();
}

/// One port of `bridge link` (`print_linkinfo()`); `names` are the
/// namespace's (ifindex, name, flags).
fn print_port(p: &mut Printer, l: &LinkMsg, names: &[(u32, String, u32)], details: bool) {
    let Some(port) = l.brport else { return };
    p.open_object(None);
    p.uint(To::Any, "ifindex", &format!("{}: ", l.ifindex), u64::from(l.ifindex));
    // The kernel's AF_BRIDGE dump carries IFLA_LINK without
    // IFLA_LINK_NETNSID, so a peer in another namespace is looked up by its
    // index here: `veth-a@cni0` when cni0 has that index, else `veth-a@if2`.
    let mdown = super::show::name_and_link(p, None, &l.name, l.link, false, names);
    super::show::link_flags(p, l.flags, mdown);
    p.labeled("mtu", "mtu", Value::Uint(u64::from(l.mtu)));
    let master = l.master.and_then(|m| names.iter().find(|(i, _, _)| *i == m)).map_or("", |(_, n, _)| n.as_str());
    p.labeled("master", "master", Value::Str(master));
    let state = port.state.name();
    p.labeled("state", "state", Value::Str(state));
    p.labeled("priority", "priority", Value::Uint(u64::from(port.priority)));
    p.labeled("cost", "cost", Value::Uint(u64::from(port.cost)));
    if details {
        print_protinfo_details(p);
    }
    p.fp("\n");
    p.close_object();
}

/// `-d`: the port flags, at the kernel's defaults (the model has no others).
fn print_protinfo_details(p: &mut Printer) {
    p.fp("\n    ");
    let flags: [(&str, bool); 8] = [
        ("hairpin", false),
        ("guard", false),
        ("root_block", false),
        ("fastleave", false),
        ("learning", true),
        ("flood", true),
        ("mcast_flood", true),
        ("bcast_flood", true),
    ];
    for (k, v) in flags {
        p.labeled(k, k, Value::Bool(v));
    }
    p.labeled("mcast_router", "mcast_router", Value::Uint(1));
    for k in ["mcast_to_unicast", "neigh_suppress", "vlan_tunnel", "isolated", "locked"] {
        p.labeled(k, k, Value::Bool(false));
    }
}
