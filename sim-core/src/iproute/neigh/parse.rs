//! The grammar of `ip neigh` (`do_ipneigh()`, `ipneigh_modify()`,
//! `ipneigh_list_or_flush()`).

use std::net::Ipv4Addr;

use nom::branch::alt;
use nom::combinator::map;

use super::{NeighCmd, NeighSpec};
use crate::iproute::addr::parse_inet;
use crate::iproute::args::{bad_addr, Fail, IpResult, Resolve};
use crate::iproute::grammar::keyword::{
    alone, exact, is_prefix, table, table_or, valued, with_arg, Entry, Kw::E, Kw::P,
};
use crate::iproute::grammar::verb::{verb, Verb, MODIFY_LIST_FLUSH};
use crate::iproute::grammar::words::{next_arg, word, Words};
use crate::iproute::grammar::{self, check, fail, parse_argv, PResult};
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

pub fn parse(argv: &[String], r: &mut dyn Resolve) -> IpResult<NeighCmd> {
    parse_argv(argv, |i| neigh(i, r))
}

fn neigh<'a>(i: Words<'a>, r: &mut dyn Resolve) -> PResult<'a, NeighCmd> {
    if i.is_empty() {
        return Ok((i, NeighCmd::Show { dev: None, nud: None, prefix: None }));
    }
    let (i, verb) = verb(MODIFY_LIST_FLUSH, "ip neigh help")(i)?;
    match verb {
        Verb::Add => map(spec, |spec| NeighCmd::Add { spec, replace: false })(i),
        Verb::Replace => map(spec, |spec| NeighCmd::Add { spec, replace: true })(i),
        Verb::Delete => map(spec, NeighCmd::Del)(i),
        Verb::Show => list(i, r, false),
        Verb::Flush if i.is_empty() => fail(Fail::new("Flush requires arguments.\n", 1)),
        Verb::Flush => list(i, r, true),
        Verb::Help => fail(Fail::new(usage::Usage::Neigh, 255)),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ListKey {
    Dev,
    Master,
    Nud,
    /// `vrf`, `protocol`, `nomaster`, `unused`, `proxy`: not modelled.
    Ignored,
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
    alone(E("proxy"), ListKey::Ignored),
    valued(E("to"), ListKey::To),
    alone(P("help"), ListKey::Help),
];

fn list_arg(i: Words<'_>) -> PResult<'_, (ListKey, &str)> {
    table_or(LIST, ListKey::To)(i)
}

/// What `ipneigh_list_or_flush()` collects.
#[derive(Default)]
struct List {
    dev: Option<String>,
    prefix: Option<(Ipv4Addr, u8)>,
    states: Option<Vec<NudState>>,
}

impl List {
    fn apply(&mut self, key: ListKey, v: &str, r: &mut dyn Resolve) -> IpResult<()> {
        match key {
            ListKey::Dev => {
                if self.dev.is_some() {
                    return Err(Fail::duparg("dev", v));
                }
                self.dev = Some(v.to_string());
            }
            ListKey::Master => {
                if r.ifindex(v).is_none() {
                    return Err(Fail::invarg("Device does not exist\n", v));
                }
            }
            ListKey::Nud => {
                let set = self.states.get_or_insert_with(Vec::new);
                if v == "all" {
                    set.extend(ALL_STATES);
                } else {
                    set.push(nud(v).ok_or_else(|| Fail::invarg("nud state is bad", v))?);
                }
            }
            ListKey::Ignored => {}
            ListKey::Help => return Err(Fail::new(usage::Usage::Neigh, 255)),
            ListKey::To if is_prefix(v, "help") => return Err(Fail::new(usage::Usage::Neigh, 255)),
            // get_prefix() reads these as the zero-length prefix, which
            // every address matches (`ip neigh flush all`).
            ListKey::To if matches!(v, "default" | "any" | "all") => self.prefix = None,
            ListKey::To => self.prefix = Some(parse_prefix_any(v)?),
        }
        Ok(())
    }
}

fn list<'a>(mut i: Words<'a>, r: &mut dyn Resolve, flush: bool) -> PResult<'a, NeighCmd> {
    let mut l = List::default();
    while !i.is_empty() {
        let (rest, (key, v)) = list_arg(i)?;
        i = check(rest, l.apply(key, v, r))?.0;
    }
    if let Some(d) = &l.dev {
        if r.ifindex(d).is_none() {
            return fail(Fail::nodev(d));
        }
    }
    let List { dev, prefix, states } = l;
    Ok((i, if flush { NeighCmd::Flush { dev, prefix } } else { NeighCmd::Show { dev, nud: states, prefix } }))
}

/// `get_prefix()` with no family fixed: `A.B.C.D[/LEN]` (`default`,
/// `any` and `all`, every address, are read before it is called).
fn parse_prefix_any(v: &str) -> IpResult<(Ipv4Addr, u8)> {
    let p = crate::iproute::addr::parse_prefix(v).map_err(|_| bad_addr("prefix", false, v))?;
    Ok((p.addr, p.len.unwrap_or(32)))
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
    dst: Option<Ipv4Addr>,
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
            Key::Proxy => {
                if self.dst.is_some() {
                    return Err(Fail::duparg("address", v));
                }
                self.dst = Some(parse_inet(v).ok_or_else(|| bad_addr("address", false, v))?);
                self.proxy = true;
            }
            Key::Dev => self.dev = Some(v),
            Key::Ignored => {}
            Key::To => {
                if self.dst.is_some() {
                    return Err(Fail::duparg2("to", v));
                }
                self.dst = Some(parse_inet(v).ok_or_else(|| bad_addr("address", false, v))?);
            }
        }
        Ok(())
    }

    /// After the loop: both required, then the link-layer address is read.
    fn finish(self) -> IpResult<NeighSpec> {
        let (Some(dst), Some(dev)) = (self.dst, self.dev) else {
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
        Ok(NeighSpec { dst, dev: dev.to_string(), lladdr, state: self.state, proxy: self.proxy })
    }
}

fn spec(mut i: Words<'_>) -> PResult<'_, NeighSpec> {
    let mut s = Spec { dst: None, dev: None, lla: None, state: NudState::Permanent, proxy: false };
    while !i.is_empty() {
        let (rest, (key, v)) = spec_arg(i)?;
        i = check(rest, s.apply(key, v))?.0;
    }
    check(i, s.finish())
}
