//! The grammar of `ip neigh` (`do_ipneigh()`, `ipneigh_modify()`,
//! `ipneigh_list_or_flush()`). Addresses and prefixes are read in the
//! family `-4`/`-6` chose, or the one their text has (`get_addr()`,
//! `get_prefix()`).

use std::net::{IpAddr, Ipv6Addr};

use nom::branch::alt;
use nom::combinator::map;

use super::{Filter, NeighCmd, NeighSpec, Write};
use crate::iproute::addr::parse_inet;
use crate::iproute::args::{Fail, IpResult, Resolve};
use crate::iproute::grammar::keyword::{
    alone, exact, is_prefix, table, table_or, valued, with_arg, Entry, Kw::E, Kw::P,
};
use crate::iproute::grammar::verb::{verb, Verb, MODIFY_LIST_FLUSH};
use crate::iproute::grammar::words::{next_arg, word, Words};
use crate::iproute::grammar::{self, check, fail, parse_argv, PResult};
use crate::iproute::Family;
use crate::kernel::mac::Mac;
use crate::kernel::neigh::NudState;
use crate::usage;

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

/// `ip neigh ARGS`, `family` being `-4`/`-6` (`preferred_family`).
pub fn parse(argv: &[String], family: Family, r: &mut dyn Resolve) -> IpResult<NeighCmd> {
    parse_argv(argv, |i| neigh(i, family, r))
}

fn neigh<'a>(i: Words<'a>, family: Family, r: &mut dyn Resolve) -> PResult<'a, NeighCmd> {
    if i.is_empty() {
        return Ok((i, NeighCmd::Show(Filter { family, ..Filter::default() })));
    }
    let word = i.peek().unwrap_or_default();
    let (i, verb) = verb(MODIFY_LIST_FLUSH, "ip neigh help")(i)?;
    match verb {
        Verb::Add => map(|i| spec(i, family), |spec| NeighCmd::Add { spec, how: Write::Add })(i),
        // The shared table reads `change`/`chg` (tried first) as `replace`;
        // ip neigh sends them without NLM_F_CREATE.
        Verb::Replace if is_prefix(word, "change") || word == "chg" => {
            map(|i| spec(i, family), |spec| NeighCmd::Add { spec, how: Write::Change })(i)
        }
        Verb::Replace => map(|i| spec(i, family), |spec| NeighCmd::Add { spec, how: Write::Replace })(i),
        Verb::Delete => map(|i| spec(i, family), NeighCmd::Del)(i),
        Verb::Show => list(i, family, r, false),
        Verb::Flush if i.is_empty() => fail(Fail::new("Flush requires arguments.\n", 1)),
        Verb::Flush => list(i, family, r, true),
        Verb::Help => fail(Fail::new(usage::Usage::Neigh, 255)),
    }
}

/// `family_name_verbose()`, as get_addr()'s and get_prefix()'s errors name it.
fn family_name(family: Family) -> &'static str {
    match family {
        Family::Inet => "inet",
        Family::Inet6 => "inet6",
        Family::Any | Family::Link => "any valid",
    }
}

/// get_addr()'s and get_prefix()'s exit: `Error: inet6 address is expected…`.
fn bad(family: Family, kind: &str, v: &str) -> Fail {
    Fail::new(format!("Error: {} {kind} is expected rather than \"{v}\".\n", family_name(family)), 1)
}

/// Whether get_addr_1() reads `v` as IPv6: asked to, or not told and it has a colon.
fn reads_v6(family: Family, v: &str) -> bool {
    family == Family::Inet6 || (family != Family::Inet && v.contains(':'))
}

/// `get_addr()`: an IPv4 or IPv6 address as `family` allows.
fn get_addr(v: &str, family: Family) -> IpResult<IpAddr> {
    let a = if reads_v6(family, v) {
        grammar::value::whole(v, grammar::value::ipv6).map(IpAddr::V6)
    } else {
        parse_inet(v).map(IpAddr::V4)
    };
    a.ok_or_else(|| bad(family, "address", v))
}

/// `get_prefix()`: `ADDR[/LEN]` as `family` allows (LEN at most 32 or
/// 128; without it, the whole address).
fn get_prefix(v: &str, family: Family) -> IpResult<(IpAddr, u8)> {
    let p = if reads_v6(family, v) {
        prefix6(v).map(|(a, l)| (IpAddr::V6(a), l.unwrap_or(128)))
    } else {
        crate::iproute::addr::parse_prefix(v).ok().map(|p| (IpAddr::V4(p.addr), p.len.unwrap_or(32)))
    };
    p.ok_or_else(|| bad(family, "prefix", v))
}

/// An IPv6 address and an optional `/LEN` of at most 128.
fn prefix6(v: &str) -> Option<(Ipv6Addr, Option<u8>)> {
    let (a, len) = match v.split_once('/') {
        Some((a, l)) => {
            let len = grammar::value::whole(l, grammar::value::unsigned).filter(|n| *n <= 128)?;
            // get_unsigned() takes 0x and octal; inet_prefix lengths are decimal digits only.
            if !l.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            (a, Some(len as u8))
        }
        None => (v, None),
    };
    Some((grammar::value::whole(a, grammar::value::ipv6)?, len))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ListKey {
    Dev,
    Master,
    Nud,
    /// `vrf`, `protocol`, `nomaster`, `unused`: not modelled.
    Ignored,
    Proxy,
    Help,
    To,
}

/// The selectors of `ipneigh_list_or_flush()`, in its order.
const LIST: &[Entry<ListKey>] = &[
    valued(E("dev"), ListKey::Dev),
    valued(E("master"), ListKey::Master),
    valued(E("nud"), ListKey::Nud),
    valued(E("vrf"), ListKey::Ignored),
    valued(P("protocol"), ListKey::Ignored),
    alone(E("nomaster"), ListKey::Ignored),
    alone(E("unused"), ListKey::Ignored),
    alone(E("proxy"), ListKey::Proxy),
    valued(E("to"), ListKey::To),
    alone(P("help"), ListKey::Help),
];

fn list_arg(i: Words<'_>) -> PResult<'_, (ListKey, &str)> {
    table_or(LIST, ListKey::To)(i)
}

/// What `ipneigh_list_or_flush()` collects.
struct List {
    f: Filter,
    flush: bool,
}

impl List {
    fn apply(&mut self, key: ListKey, v: &str, r: &mut dyn Resolve) -> IpResult<()> {
        let f = &mut self.f;
        match key {
            ListKey::Dev => {
                if f.dev.is_some() {
                    return Err(Fail::duparg("dev", v));
                }
                f.dev = Some(v.to_string());
            }
            ListKey::Master => {
                if r.ifindex(v).is_none() {
                    return Err(Fail::invarg("Device does not exist\n", v));
                }
            }
            ListKey::Nud => {
                let set = f.nud.get_or_insert_with(Vec::new);
                if v == "all" {
                    // A flush's `all` leaves NOARP out.
                    set.extend(ALL_STATES.iter().filter(|s| !(self.flush && **s == NudState::Noarp)));
                } else {
                    set.push(nud(v).ok_or_else(|| Fail::invarg("nud state is bad", v))?);
                }
            }
            ListKey::Ignored => {}
            ListKey::Proxy => f.proxy = true,
            ListKey::Help => return Err(Fail::new(usage::Usage::Neigh, 255)),
            ListKey::To if is_prefix(v, "help") => return Err(Fail::new(usage::Usage::Neigh, 255)),
            // get_prefix() reads these as the zero-length prefix, which
            // every address matches (`ip neigh flush all`).
            ListKey::To if matches!(v, "default" | "any" | "all") => f.prefix = None,
            ListKey::To => {
                let p = get_prefix(v, f.family)?;
                // Not told a family, the listing takes the prefix's.
                if f.family == Family::Any {
                    f.family = if p.0.is_ipv6() { Family::Inet6 } else { Family::Inet };
                }
                f.prefix = Some(p);
            }
        }
        Ok(())
    }
}

fn list<'a>(mut i: Words<'a>, family: Family, r: &mut dyn Resolve, flush: bool) -> PResult<'a, NeighCmd> {
    let mut l = List { f: Filter { family, ..Filter::default() }, flush };
    while !i.is_empty() {
        let (rest, (key, v)) = list_arg(i)?;
        i = check(rest, l.apply(key, v, r))?.0;
    }
    if let Some(d) = &l.f.dev {
        if r.ifindex(d).is_none() {
            return fail(Fail::nodev(d));
        }
    }
    Ok((i, if flush { NeighCmd::Flush(l.f) } else { NeighCmd::Show(l.f) }))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Lladdr,
    Nud,
    Proxy,
    Dev,
    /// `router`, `use`, `managed`, `extern_learn`, `protocol`: not modelled.
    Ignored,
    To,
}

/// `[to] ADDR`; iproute2 6.1 reads `help` there as a word to skip.
fn to(i: Words<'_>) -> PResult<'_, (Key, &str)> {
    let (i, v) = alt((with_arg(exact("to")), word))(i)?;
    if is_prefix(v, "help") {
        return map(next_arg, |v| (Key::To, v))(i);
    }
    Ok((i, (Key::To, v)))
}

/// The words of `ipneigh_modify()`, in its order; anything else is the address.
const SPEC: &[Entry<Key>] = &[
    valued(P("lladdr"), Key::Lladdr),
    valued(E("nud"), Key::Nud),
    valued(P("proxy"), Key::Proxy),
    valued(E("dev"), Key::Dev),
    alone(E("router"), Key::Ignored),
    alone(E("use"), Key::Ignored),
    alone(E("managed"), Key::Ignored),
    alone(P("extern_learn"), Key::Ignored),
    valued(P("protocol"), Key::Ignored),
];

fn spec_arg(i: Words<'_>) -> PResult<'_, (Key, &str)> {
    alt((table(SPEC), to))(i)
}

/// What `ipneigh_modify()` collects.
struct Spec<'a> {
    family: Family,
    dst: Option<IpAddr>,
    dev: Option<&'a str>,
    lla: Option<&'a str>,
    state: NudState,
    proxy: bool,
}

impl<'a> Spec<'a> {
    fn apply(&mut self, key: Key, v: &'a str) -> IpResult<()> {
        match key {
            Key::Lladdr => {
                if self.lla.is_some() {
                    return Err(Fail::duparg("lladdr", v));
                }
                self.lla = Some(v);
            }
            Key::Nud => self.state = nud(v).ok_or_else(|| Fail::invarg("nud state is bad", v))?,
            Key::Proxy if is_prefix(v, "help") => return Err(Fail::new(usage::Usage::Neigh, 255)),
            Key::Proxy => {
                if self.dst.is_some() {
                    return Err(Fail::duparg("address", v));
                }
                self.dst = Some(get_addr(v, self.family)?);
                self.proxy = true;
            }
            Key::Dev => self.dev = Some(v),
            Key::Ignored => {}
            Key::To => {
                if self.dst.is_some() {
                    return Err(Fail::duparg2("to", v));
                }
                self.dst = Some(get_addr(v, self.family)?);
            }
        }
        Ok(())
    }

    /// After the loop: both required (a proxy entry may go without a
    /// device), then the link-layer address is read.
    fn finish(self) -> IpResult<NeighSpec> {
        let Some(dst) = self.dst.filter(|_| self.dev.is_some() || self.proxy) else {
            return Err(Fail::new("Device and destination are required arguments.\n", 255));
        };
        let lladdr = match self.lla {
            Some(l) if l != "null" => {
                let bytes = grammar::value::lladdr(l)?;
                Some(Mac(<[u8; 6]>::try_from(bytes.as_slice())
                    .map_err(|_| Fail::new("RTNETLINK answers: Invalid argument\n", 2))?))
            }
            _ => None,
        };
        let dev = self.dev.map(str::to_string);
        Ok(NeighSpec { dst, dev, lladdr, state: self.state, proxy: self.proxy })
    }
}

fn spec(mut i: Words<'_>, family: Family) -> PResult<'_, NeighSpec> {
    let mut s = Spec { family, dst: None, dev: None, lla: None, state: NudState::Permanent, proxy: false };
    while !i.is_empty() {
        let (rest, (key, v)) = spec_arg(i)?;
        i = check(rest, s.apply(key, v))?.0;
    }
    check(i, s.finish())
}
