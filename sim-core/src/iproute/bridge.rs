//! iproute2's `bridge` tool: `bridge link show` and `bridge fdb show`,
//! as text, `-j` or `-j -p` through the one printer.
//!
//! Parse (a nom grammar, as `ip`'s) → [`BridgeCmd`] → run → print.

use nom::branch::alt;
use nom::combinator::value;

use super::args::{Fail, IpResult, Lookup, Resolve};
use super::grammar::keyword::{exact, flag, is_prefix, keyed, kw};
use super::grammar::words::{next_arg, word, Words};
use super::grammar::{check, fail, parse_argv, PResult};
use super::print::{Printer, To};
use super::{netns_fail, usage};
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

/// Parses a `bridge` command line; `-n NS` is checked where it stands, as
/// `netns_switch()` is called there.
pub fn parse(argv: &[String], r: &mut dyn Resolve) -> IpResult<(BridgeOpts, BridgeCmd)> {
    parse_argv(argv, |i| {
        let (i, opts) = options(i, r)?;
        let (i, cmd) = object(i)?;
        Ok((i, (opts, cmd)))
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Opt {
    Help,
    Version,
    Stats,
    Details,
    Oneline,
    Netns,
    Color(bool),
    Json,
    Pretty,
}

/// One option of bridge.c's `main()`, in its order (`-c` is `-color`).
fn option(i: Words<'_>) -> PResult<'_, (Opt, &str)> {
    alt((
        flag(kw("-help"), Opt::Help),
        flag(kw("-Version"), Opt::Version),
        flag(alt((kw("-stats"), kw("-statistics"))), Opt::Stats),
        flag(kw("-details"), Opt::Details),
        flag(kw("-oneline"), Opt::Oneline),
        flag(kw("-netns"), Opt::Netns),
        color,
        flag(kw("-json"), Opt::Json),
        flag(kw("-pretty"), Opt::Pretty),
    ))(i)
}

/// `matches_color()`: `-color[=always|auto|never]`.
fn color(i: Words<'_>) -> PResult<'_, (Opt, &str)> {
    let (rest, w) = word(i)?;
    match super::color_option(w) {
        Some(on) => Ok((rest, (Opt::Color(on), w))),
        None => Err(nom::Err::Error(super::grammar::IpError::NoMatch)),
    }
}

fn options<'a>(mut i: Words<'a>, r: &mut dyn Resolve) -> PResult<'a, BridgeOpts> {
    let mut o = BridgeOpts::default();
    while let Some(raw) = i.peek() {
        if raw == "--" {
            i = word(i)?.0;
            break;
        }
        if !raw.starts_with('-') {
            break;
        }
        // `--json` is `-json`.
        let opt = if raw.starts_with("--") { &raw[1..] } else { raw };
        let one = [opt.to_string()];
        let Ok((_, (key, _))) = option(Words::new(&one)) else {
            return fail(Fail::new(format!("Option \"{opt}\" is unknown, try \"bridge help\".\n"), 255));
        };
        i = word(i)?.0;
        match key {
            Opt::Help => return fail(Fail::new(usage::BRIDGE, 255)),
            Opt::Version => return fail(Fail::new("bridge utility, 6.1.0\n", 0)),
            Opt::Stats | Opt::Oneline => {}
            Opt::Details => o.details = true,
            Opt::Netns => {
                let (rest, ns) = next_arg(i)?;
                i = rest;
                if !r.netns_exists(ns) {
                    return fail(netns_fail(ns));
                }
                o.netns = Some(ns.to_string());
            }
            Opt::Color(on) => o.color = on,
            Opt::Json => o.json = true,
            Opt::Pretty => o.pretty = true,
        }
    }
    Ok((i, o))
}

#[derive(Clone, Copy)]
enum Object {
    Link,
    Fdb,
    Help,
}

fn object(i: Words<'_>) -> PResult<'_, BridgeCmd> {
    let Some(w) = i.peek() else {
        return fail(Fail::new(usage::BRIDGE, 255));
    };
    let mut objects =
        alt((value(Object::Link, kw("link")), value(Object::Fdb, kw("fdb")), value(Object::Help, kw("help"))));
    let Ok((i, obj)) = objects(i) else {
        return fail(Fail::new(format!("Object \"{w}\" is unknown, try \"bridge help\".\n"), 255));
    };
    match obj {
        Object::Link => link(i),
        Object::Fdb => fdb(i),
        Object::Help => fail(Fail::new(usage::BRIDGE, 255)),
    }
}

/// A verb `bridge` has and the simulator does not.
fn not_simulated<'a, T>(obj: &str, verb: &str) -> PResult<'a, T> {
    fail(Fail::new(format!("bridge: \"{obj} {verb}\" is not simulated here (yet)\n"), 1))
}

/// `do_link()`: `set` is tried first, so `s` is `set`.
fn link(i: Words<'_>) -> PResult<'_, BridgeCmd> {
    let Some(w) = i.peek() else {
        return link_show(i);
    };
    if let Ok((_, v)) = alt((kw("set"), kw("change")))(i) {
        return not_simulated("link", v);
    }
    if let Ok((i, _)) = alt((kw("show"), kw("lst"), kw("list")))(i) {
        return link_show(i);
    }
    if is_prefix(w, "help") {
        return fail(Fail::new(usage::BRIDGE_LINK, 255));
    }
    fail(Fail::new(format!("Command \"{w}\" is unknown, try \"bridge link help\".\n"), 255))
}

/// `brlink_show()`: only `dev NAME` counts; other words are passed over.
fn link_show(mut i: Words<'_>) -> PResult<'_, BridgeCmd> {
    let mut dev: Option<&str> = None;
    while !i.is_empty() {
        let (rest, (is_dev, v)) = alt((keyed(exact("dev"), true), flag(word, false)))(i)?;
        i = rest;
        if is_dev {
            if dev.is_some() {
                return fail(Fail::duparg("dev", v));
            }
            dev = Some(v);
        }
    }
    Ok((i, BridgeCmd::Link { dev: dev.map(str::to_string) }))
}

/// `do_fdb()`'s verbs, in its order; with none it shows.
fn fdb(i: Words<'_>) -> PResult<'_, BridgeCmd> {
    let Some(w) = i.peek() else {
        return fdb_show(i);
    };
    let mut modify = alt((kw("add"), kw("append"), kw("replace"), kw("delete"), kw("get")));
    if let Ok((_, v)) = modify(i) {
        return not_simulated("fdb", v);
    }
    if let Ok((i, _)) = alt((kw("show"), kw("lst"), kw("list")))(i) {
        return fdb_show(i);
    }
    if let Ok((_, v)) = kw("flush")(i) {
        return not_simulated("fdb", v);
    }
    if is_prefix(w, "help") {
        return fail(Fail::new(usage::BRIDGE_FDB, 255));
    }
    fail(Fail::new(format!("Command \"{w}\" is unknown, try \"bridge fdb help\".\n"), 255))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FdbKey {
    Dev,
    Br,
    Vlan,
    State,
    Dynamic,
    Help,
    Other,
}

/// One word of `fdb_show()`, in its order; words it does not know are passed over.
fn fdb_arg(i: Words<'_>) -> PResult<'_, (FdbKey, &str)> {
    alt((
        keyed(alt((exact("brport"), exact("dev"))), FdbKey::Dev),
        keyed(exact("br"), FdbKey::Br),
        keyed(exact("vlan"), FdbKey::Vlan),
        keyed(exact("state"), FdbKey::State),
        flag(exact("dynamic"), FdbKey::Dynamic),
        flag(kw("help"), FdbKey::Help),
        flag(word, FdbKey::Other),
    ))(i)
}

/// NUD bits as the kernel numbers them.
const NUD_REACHABLE: u32 = 0x02;
const NUD_STALE: u32 = 0x04;
const NUD_NOARP: u32 = 0x40;
const NUD_PERMANENT: u32 = 0x80;

/// bridge/fdb.c's `state_a2n()`.
fn state_a2n(s: &str) -> Option<u32> {
    if is_prefix(s, "permanent") {
        Some(NUD_PERMANENT)
    } else if is_prefix(s, "static") || is_prefix(s, "temp") {
        Some(NUD_NOARP)
    } else if is_prefix(s, "stale") {
        Some(NUD_STALE)
    } else if is_prefix(s, "reachable") || is_prefix(s, "dynamic") {
        Some(NUD_REACHABLE)
    } else if s == "all" {
        Some(!0)
    } else {
        super::grammar::value::whole(s, super::grammar::value::unsigned)
    }
}

/// C's `atoi()`: leading blanks, a sign, digits; 0 when there are none.
fn atoi(s: &str) -> i32 {
    let t = s.trim_start();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let n = t.bytes().take_while(u8::is_ascii_digit).fold(0i64, |n, d| (n * 10 + i64::from(d - b'0')).min(1 << 32));
    (if neg { -n } else { n }) as i32
}

impl FdbFilter {
    fn apply(&mut self, key: FdbKey, v: &str) -> IpResult<()> {
        match key {
            FdbKey::Dev => self.dev = Some(v.to_string()),
            FdbKey::Br => self.br = Some(v.to_string()),
            FdbKey::Vlan => self.vlan = atoi(v),
            FdbKey::State => self.state |= state_a2n(v).ok_or_else(|| Fail::invarg("invalid state", v))?,
            FdbKey::Dynamic => self.dynamic = true,
            FdbKey::Help => return Err(Fail::new(usage::BRIDGE_FDB, 255)),
            FdbKey::Other => {}
        }
        Ok(())
    }
}

fn fdb_show(mut i: Words<'_>) -> PResult<'_, BridgeCmd> {
    let mut f = FdbFilter::default();
    while !i.is_empty() {
        let (rest, (key, v)) = fdb_arg(i)?;
        i = check(rest, f.apply(key, v))?.0;
    }
    Ok((i, BridgeCmd::Fdb(f)))
}

/// Runs a parsed `bridge` command (in the namespace `-n` chose).
pub fn run(nl: &mut dyn Netlink, opts: &BridgeOpts, cmd: &BridgeCmd) -> IpResult<Output> {
    let links = nl.link_dump();
    let index = |name: &str| links.iter().find(|l| l.name == name).map(|l| l.ifindex);
    let mut p = Printer::new(opts.json, opts.pretty, opts.color);
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
    p.string(To::Any, "mac", &format!("{mac} "), &mac);
    if show_dev {
        let n = name_of(e.ifindex);
        p.string(To::Any, "ifname", &format!("dev {n} "), &n);
    }
    p.open_array(To::Json, "flags", "");
    if e.own {
        p.string(To::Any, "", "self ", "self");
    }
    p.close_array(To::Json, "");
    if let Some(m) = e.master {
        let m = name_of(m);
        p.string(To::Any, "master", &format!("master {m} "), &m);
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
    p.uint(To::Any, "mtu", &format!("mtu {} ", l.mtu), u64::from(l.mtu));
    let master = l.master.and_then(|m| names.iter().find(|(i, _, _)| *i == m)).map_or("", |(_, n, _)| n.as_str());
    p.string(To::Any, "master", &format!("master {master} "), master);
    let state = port.state.name();
    p.string(To::Any, "state", &format!("state {state} "), state);
    p.uint(To::Any, "priority", &format!("priority {} ", port.priority), u64::from(port.priority));
    p.uint(To::Any, "cost", &format!("cost {} ", port.cost), u64::from(port.cost));
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
        p.boolean(To::Any, k, &format!("{k} {} ", if v { "on" } else { "off" }), v);
    }
    p.uint(To::Any, "mcast_router", "mcast_router 1 ", 1);
    for k in ["mcast_to_unicast", "neigh_suppress", "vlan_tunnel", "isolated", "locked"] {
        p.boolean(To::Any, k, &format!("{k} off "), false);
    }
}
