//! The grammar of `bridge` (bridge.c's options, `do_link()`, `do_fdb()`,
//! `brlink_show()`, `fdb_show()`).

use nom::branch::alt;

use super::{BridgeCmd, BridgeOpts, FdbFilter, NUD_NOARP, NUD_PERMANENT, NUD_REACHABLE, NUD_STALE};
use crate::iproute::args::{Fail, IpResult, Resolve};
use crate::iproute::grammar::keyword::{
    alone, exact, flag, is_prefix, keyed, one_of, table, table_or, valued, Entry, Kw::E, Kw::P,
};
use crate::iproute::grammar::option::next_option;
use crate::iproute::grammar::words::{next_arg, word, Words};
use crate::iproute::grammar::{check, fail, parse_argv, PResult};
use crate::iproute::netns_fail;
use crate::usage;

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

/// The options of bridge.c's `main()`, in its order (`-color`, tried
/// between `-netns` and `-json`, is not in the table).
const OPTIONS: &[Entry<Opt>] = &[
    alone(P("-help"), Opt::Help),
    alone(P("-Version"), Opt::Version),
    alone(P("-stats"), Opt::Stats),
    alone(P("-statistics"), Opt::Stats),
    alone(P("-details"), Opt::Details),
    alone(P("-oneline"), Opt::Oneline),
    alone(P("-netns"), Opt::Netns),
];

const OPTIONS_AFTER_COLOR: &[Entry<Opt>] = &[alone(P("-json"), Opt::Json), alone(P("-pretty"), Opt::Pretty)];

fn options<'a>(mut i: Words<'a>, r: &mut dyn Resolve) -> PResult<'a, BridgeOpts> {
    let mut o = BridgeOpts::default();
    loop {
        let (rest, key) = next_option(i, OPTIONS, Opt::Color, OPTIONS_AFTER_COLOR, "bridge help")?;
        i = rest;
        let Some(key) = key else { break };
        match key {
            Opt::Help => return fail(Fail::new(usage::Usage::Bridge, 255)),
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
        return fail(Fail::new(usage::Usage::Bridge, 255));
    };
    const OBJECTS: &[Entry<Object>] =
        &[alone(P("link"), Object::Link), alone(P("fdb"), Object::Fdb), alone(P("help"), Object::Help)];
    let Ok((i, obj)) = one_of(OBJECTS)(i) else {
        return fail(Fail::new(format!("Object \"{w}\" is unknown, try \"bridge help\".\n"), 255));
    };
    match obj {
        Object::Link => link(i),
        Object::Fdb => fdb(i),
        Object::Help => fail(Fail::new(usage::Usage::Bridge, 255)),
    }
}

/// A verb `bridge` has and the simulator does not.
fn not_simulated<'a, T>(obj: &str, verb: &str) -> PResult<'a, T> {
    fail(Fail::new(format!("bridge: \"{obj} {verb}\" is not simulated here (yet)\n"), 1))
}

/// What a verb of `bridge link` or `bridge fdb` leads to.
#[derive(Clone, Copy)]
enum Verb {
    Show,
    /// A verb `bridge` has and the simulator does not.
    Unsimulated,
    Help,
}

/// `do_link()`'s verbs: `set` is tried first, so `s` is `set`.
const LINK_VERBS: &[Entry<Verb>] = &[
    alone(P("set"), Verb::Unsimulated),
    alone(P("change"), Verb::Unsimulated),
    alone(P("show"), Verb::Show),
    alone(P("lst"), Verb::Show),
    alone(P("list"), Verb::Show),
    alone(P("help"), Verb::Help),
];

/// `do_fdb()`'s verbs, in its order.
const FDB_VERBS: &[Entry<Verb>] = &[
    alone(P("add"), Verb::Unsimulated),
    alone(P("append"), Verb::Unsimulated),
    alone(P("replace"), Verb::Unsimulated),
    alone(P("delete"), Verb::Unsimulated),
    alone(P("get"), Verb::Unsimulated),
    alone(P("show"), Verb::Show),
    alone(P("lst"), Verb::Show),
    alone(P("list"), Verb::Show),
    alone(P("flush"), Verb::Unsimulated),
    alone(P("help"), Verb::Help),
];

/// An object's verb; with none it shows.
fn verb<'a>(
    i: Words<'a>,
    obj: &str,
    verbs: &'static [Entry<Verb>],
    help: usage::Usage,
    show: fn(Words<'a>) -> PResult<'a, BridgeCmd>,
) -> PResult<'a, BridgeCmd> {
    let Some(w) = i.peek() else {
        return show(i);
    };
    match table(verbs)(i) {
        Ok((i, (Verb::Show, _))) => show(i),
        Ok((_, (Verb::Unsimulated, v))) => not_simulated(obj, v),
        Ok((_, (Verb::Help, _))) => fail(Fail::new(help, 255)),
        Err(_) => fail(Fail::new(format!("Command \"{w}\" is unknown, try \"bridge {obj} help\".\n"), 255)),
    }
}

fn link(i: Words<'_>) -> PResult<'_, BridgeCmd> {
    verb(i, "link", LINK_VERBS, usage::Usage::BridgeLink, link_show)
}

fn fdb(i: Words<'_>) -> PResult<'_, BridgeCmd> {
    verb(i, "fdb", FDB_VERBS, usage::Usage::BridgeFdb, fdb_show)
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

/// The words of `fdb_show()`, in its order; words it does not know are passed over.
const FDB: &[Entry<FdbKey>] = &[
    valued(E("brport"), FdbKey::Dev),
    valued(E("dev"), FdbKey::Dev),
    valued(E("br"), FdbKey::Br),
    valued(E("vlan"), FdbKey::Vlan),
    valued(E("state"), FdbKey::State),
    alone(E("dynamic"), FdbKey::Dynamic),
    alone(P("help"), FdbKey::Help),
];

fn fdb_arg(i: Words<'_>) -> PResult<'_, (FdbKey, &str)> {
    table_or(FDB, FdbKey::Other)(i)
}

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
        crate::iproute::grammar::value::whole(s, crate::iproute::grammar::value::unsigned)
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
            FdbKey::Help => return Err(Fail::new(usage::Usage::BridgeFdb, 255)),
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
