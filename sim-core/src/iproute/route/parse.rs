//! The grammar of `ip route` (`do_iproute()`, `iproute_modify()`,
//! `iproute_list_flush_or_save()`, `iproute_get()`).

use std::net::Ipv4Addr;

use nom::branch::alt;
use nom::combinator::map;

use super::{RouteCmd, RouteFilter, RouteSpec};
use crate::iproute::addr::{parse_inet, parse_prefix};
use crate::iproute::args::{bad_addr, Fail, IpResult};
use crate::iproute::grammar::keyword::{
    alone, exact, is_prefix, table, table_or, valued, with_arg, Entry, Kw::E, Kw::P,
};
use crate::iproute::grammar::verb::verb;
use crate::iproute::grammar::words::{next_arg, word, Words};
use crate::iproute::grammar::{check, fail, parse_argv, value, PResult};
use crate::kernel::addr::Scope;
use crate::kernel::route::{
    Proto, Route, RouteType, RTAX_ADVMSS, RTAX_CWND, RTAX_HOPLIMIT, RTAX_INITCWND, RTAX_INITRWND, RTAX_MTU,
    RTAX_QUICKACK, RTAX_REORDERING, RTAX_SSTHRESH, RTAX_WINDOW, RT_TABLE_LOCAL, RT_TABLE_MAIN,
};
use crate::usage;

/// `rtnl_rttable_a2n()`: a table's name or number.
fn table_id(s: &str) -> Option<u32> {
    match s {
        "main" => Some(RT_TABLE_MAIN),
        "local" => Some(RT_TABLE_LOCAL),
        "default" => Some(253),
        _ => value::whole(s, value::unsigned),
    }
}

/// `rtnl_rtntype_a2n()`.
fn route_type(s: &str) -> Option<RouteType> {
    Some(match s {
        "unicast" => RouteType::Unicast,
        "local" => RouteType::Local,
        "broadcast" => RouteType::Broadcast,
        "blackhole" => RouteType::Blackhole,
        "unreachable" => RouteType::Unreachable,
        "prohibit" => RouteType::Prohibit,
        _ => return None,
    })
}

#[derive(Clone, Copy)]
enum Verb {
    Add,
    Replace,
    Delete,
    Show,
    Get,
    Flush,
    Help,
}

/// `do_iproute()`'s verbs, in its order.
const VERBS: &[Entry<Verb>] = &[
    alone(P("add"), Verb::Add),
    alone(P("append"), Verb::Add),
    alone(P("prepend"), Verb::Add),
    alone(P("change"), Verb::Replace),
    alone(E("chg"), Verb::Replace),
    alone(P("replace"), Verb::Replace),
    alone(P("delete"), Verb::Delete),
    alone(P("list"), Verb::Show),
    alone(P("show"), Verb::Show),
    alone(P("lst"), Verb::Show),
    alone(P("get"), Verb::Get),
    alone(P("flush"), Verb::Flush),
    alone(P("help"), Verb::Help),
];

pub fn parse(argv: &[String]) -> IpResult<RouteCmd> {
    parse_argv(argv, route)
}

fn route(i: Words<'_>) -> PResult<'_, RouteCmd> {
    if i.is_empty() {
        return Ok((i, RouteCmd::Show(RouteFilter::main())));
    }
    let (i, verb) = verb(VERBS, "ip route help")(i)?;
    match verb {
        Verb::Add => map(|i| spec(i, false), |spec| RouteCmd::Add { spec, replace: false })(i),
        Verb::Replace => map(|i| spec(i, false), |spec| RouteCmd::Add { spec, replace: true })(i),
        Verb::Delete => map(|i| spec(i, true), RouteCmd::Del)(i),
        Verb::Show => map(filter, RouteCmd::Show)(i),
        Verb::Get => get(i),
        Verb::Flush => map(filter, RouteCmd::Flush)(i),
        Verb::Help => fail(Fail::new(usage::Usage::Route, 255)),
    }
}

/// `iproute_get()`: the destination; `from`, `iif`, `oif`, `mark`, `uid`
/// take a value that is not used.
fn get(mut i: Words<'_>) -> PResult<'_, RouteCmd> {
    let mut dst = None;
    while !i.is_empty() {
        let (rest, v) = alt((with_arg(exact("to")), word))(i)?;
        i = rest;
        if is_prefix(v, "from") || is_prefix(v, "iif") || is_prefix(v, "oif") || v == "mark" || v == "uid" {
            i = next_arg(i)?.0;
            continue;
        }
        dst = Some(check(i, parse_prefix(v))?.1.addr);
    }
    match dst {
        Some(d) => Ok((i, RouteCmd::Get(d))),
        None => fail(Fail::new("need at least a destination address\n", 1)),
    }
}

impl RouteFilter {
    /// What `ip route show` selects with no words: the main table.
    pub fn main() -> RouteFilter {
        RouteFilter { table: Some(RT_TABLE_MAIN), dev: None, root: None, within: None, exact: None, cache: false }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FilterKey {
    Table,
    Cache,
    Dev,
    /// `proto`, `scope`, `type`: read, not used.
    Ignored,
    Root,
    Match,
    Exact,
    To,
}

/// The selectors of `iproute_list_flush_or_save()`, in its order.
const FILTER: &[Entry<FilterKey>] = &[
    valued(P("table"), FilterKey::Table),
    alone(P("cached"), FilterKey::Cache),
    alone(P("cloned"), FilterKey::Cache),
    valued(E("dev"), FilterKey::Dev),
    valued(E("oif"), FilterKey::Dev),
    valued(P("proto"), FilterKey::Ignored),
    valued(P("scope"), FilterKey::Ignored),
    valued(P("type"), FilterKey::Ignored),
    valued(P("root"), FilterKey::Root),
    valued(P("match"), FilterKey::Match),
    valued(P("exact"), FilterKey::Exact),
    // `to PREFIX` (the keyword is optional): both root and match.
    valued(E("to"), FilterKey::To),
];

fn filter_arg(i: Words<'_>) -> PResult<'_, (FilterKey, &str)> {
    table_or(FILTER, FilterKey::To)(i)
}

impl RouteFilter {
    fn apply(&mut self, key: FilterKey, v: &str) -> IpResult<()> {
        match key {
            FilterKey::Table if v == "cache" => self.cache = true,
            FilterKey::Table if v == "all" => self.table = None,
            FilterKey::Table => {
                self.table = Some(table_id(v).ok_or_else(|| Fail::invarg("table id value is invalid\n", v))?)
            }
            FilterKey::Cache => self.cache = true,
            FilterKey::Dev => self.dev = Some(v.to_string()),
            FilterKey::Ignored => {}
            FilterKey::Root => self.root = Some(selector(v)?),
            FilterKey::Match => self.within = Some(selector(v)?),
            FilterKey::Exact => self.exact = Some(selector(v)?),
            FilterKey::To => {
                let p = selector(v)?;
                self.root = Some(p);
                self.within = Some(p);
            }
        }
        Ok(())
    }
}

fn filter(mut i: Words<'_>) -> PResult<'_, RouteFilter> {
    let mut f = RouteFilter::main();
    while !i.is_empty() {
        let (rest, (key, v)) = filter_arg(i)?;
        i = check(rest, f.apply(key, v))?.0;
    }
    Ok((i, f))
}

/// A route selector's prefix (`default`/`all` is 0/0; no length means /32).
fn selector(v: &str) -> IpResult<(Ipv4Addr, u8)> {
    if v == "default" || v == "all" || v == "any" {
        return Ok((Ipv4Addr::UNSPECIFIED, 0));
    }
    let p = parse_prefix(v)?;
    Ok((p.addr, p.len.unwrap_or(32)))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Src,
    Via,
    Metric,
    Scope,
    /// A route metric (RTAX id, its name in errors), `lock` before the value.
    Rtax(u8, &'static str, bool),
    Dev,
    Table,
    Protocol,
    Onlink,
    /// The destination, with the type that may come before it.
    Dst(Option<RouteType>),
}

/// The last branch: `[to] [TYPE] PREFIX`.
fn dst(i: Words<'_>) -> PResult<'_, (Key, &str)> {
    let (i, v) = alt((with_arg(exact("to")), word))(i)?;
    match route_type(v) {
        Some(t) => map(next_arg, |v| (Key::Dst(Some(t)), v))(i),
        None => Ok((i, (Key::Dst(None), v))),
    }
}

/// The words of `iproute_modify()`, in its order. Of the route metrics,
/// some must be spelled out (`strcmp`), the others may be a prefix; each
/// with its RTAX number and the name its error message uses.
const SPEC: &[Entry<Key>] = &[
    valued(E("src"), Key::Src),
    valued(E("via"), Key::Via),
    valued(P("metric"), Key::Metric),
    valued(P("priority"), Key::Metric),
    valued(E("preference"), Key::Metric),
    valued(P("scope"), Key::Scope),
    valued(E("mtu"), Key::Rtax(RTAX_MTU, "mtu", false)),
    valued(E("hoplimit"), Key::Rtax(RTAX_HOPLIMIT, "hoplimit", false)),
    valued(E("advmss"), Key::Rtax(RTAX_ADVMSS, "mss", false)),
    valued(P("reordering"), Key::Rtax(RTAX_REORDERING, "reordering", false)),
    valued(P("window"), Key::Rtax(RTAX_WINDOW, "window", false)),
    valued(P("cwnd"), Key::Rtax(RTAX_CWND, "cwnd", false)),
    valued(P("initcwnd"), Key::Rtax(RTAX_INITCWND, "initcwnd", false)),
    valued(P("initrwnd"), Key::Rtax(RTAX_INITRWND, "initrwnd", false)),
    valued(P("quickack"), Key::Rtax(RTAX_QUICKACK, "quickack", false)),
    valued(P("ssthresh"), Key::Rtax(RTAX_SSTHRESH, "ssthresh", false)),
    valued(E("dev"), Key::Dev),
    valued(E("oif"), Key::Dev),
    valued(P("table"), Key::Table),
    valued(P("protocol"), Key::Protocol),
    alone(E("onlink"), Key::Onlink),
];

/// One word of `iproute_modify()`: a metric's value may follow `lock`.
fn spec_arg(i: Words<'_>) -> PResult<'_, (Key, &str)> {
    match alt((table(SPEC), dst))(i)? {
        (i, (Key::Rtax(id, what, _), "lock")) if id != RTAX_QUICKACK => {
            map(next_arg, |v| (Key::Rtax(id, what, true), v))(i)
        }
        r => Ok(r),
    }
}

/// What `iproute_modify()` collects.
struct Spec {
    spec: RouteSpec,
    dst_ok: bool,
    /// An IPv4 destination fixes the family later words are read in.
    inet: bool,
    table_given: bool,
}

impl Spec {
    fn apply(&mut self, key: Key, v: &str) -> IpResult<()> {
        let inet = self.inet;
        let s = &mut self.spec;
        let r = &mut s.route;
        match key {
            Key::Src => r.src = Some(parse_inet(v).ok_or_else(|| bad_addr("address", inet, v))?),
            Key::Via => {
                if r.gateway.is_some() {
                    return Err(Fail::duparg("via", v));
                }
                r.gateway = Some(parse_inet(v).ok_or_else(|| bad_addr("address", inet, v))?);
            }
            Key::Metric => {
                r.metric =
                    value::whole(v, value::unsigned).ok_or_else(|| Fail::invarg("\"metric\" value is invalid\n", v))?;
                s.metric_given = true;
            }
            Key::Scope => {
                r.scope = Scope::parse(v).ok_or_else(|| Fail::invarg("invalid \"scope\" value\n", v))?;
                s.scope_given = true;
            }
            Key::Rtax(id, what, lock) => {
                if lock {
                    r.metrics.lock |= 1 << id;
                }
                let n = value::whole(v, value::unsigned)
                    .filter(|n| id != RTAX_HOPLIMIT || *n <= 255)
                    .ok_or_else(|| Fail::invarg(&format!("\"{what}\" value is invalid\n"), v))?;
                if id == RTAX_QUICKACK && n > 1 {
                    return Err(Fail::invarg("\"quickack\" value should be 0 or 1\n", v));
                }
                r.metrics.set(id, n);
            }
            Key::Dev => s.dev = Some(v.to_string()),
            Key::Table => {
                r.table = table_id(v).ok_or_else(|| Fail::invarg("\"table\" value is invalid\n", v))?;
                self.table_given = true;
            }
            Key::Protocol => {
                r.proto = match v {
                    "kernel" => Proto::Kernel,
                    "boot" => Proto::Boot,
                    "static" => Proto::Static,
                    n => Proto::Other(n.parse().map_err(|_| Fail::invarg("\"protocol\" value is invalid\n", v))?),
                };
                s.proto_given = true;
            }
            Key::Onlink => r.onlink = true,
            Key::Dst(kind) => {
                if let Some(t) = kind {
                    r.kind = t;
                    s.type_given = true;
                }
                if is_prefix(v, "help") {
                    return Err(Fail::new(usage::Usage::Route, 255));
                }
                if self.dst_ok {
                    return Err(Fail::duparg2("to", v));
                }
                if v == "default" || v == "all" || v == "any" {
                    r.dst = Ipv4Addr::UNSPECIFIED;
                    r.prefix = 0;
                } else {
                    let p = parse_prefix(v)?;
                    r.prefix = p.len.unwrap_or(32);
                    r.dst = p.addr;
                    self.inet = true;
                }
                self.dst_ok = true;
            }
        }
        Ok(())
    }

    /// The defaults iproute2 fills in after the loop.
    fn finish(self, delete: bool) -> IpResult<RouteSpec> {
        if !self.dst_ok {
            return Err(Fail::new(usage::Usage::Route, 255));
        }
        let mut spec = self.spec;
        let r = &mut spec.route;
        if !self.table_given && matches!(r.kind, RouteType::Local | RouteType::Broadcast) {
            r.table = RT_TABLE_LOCAL;
        }
        if !spec.scope_given {
            r.scope = match r.kind {
                RouteType::Local => Scope::Host,
                RouteType::Broadcast => Scope::Link,
                RouteType::Unicast if delete => Scope::Nowhere,
                RouteType::Unicast if r.gateway.is_none() => Scope::Link,
                _ => Scope::Global,
            };
        }
        Ok(spec)
    }
}

fn spec(mut i: Words<'_>, delete: bool) -> PResult<'_, RouteSpec> {
    let route = Route {
        table: RT_TABLE_MAIN,
        kind: RouteType::Unicast,
        dst: Ipv4Addr::UNSPECIFIED,
        prefix: 0,
        gateway: None,
        dev: None,
        proto: Proto::Boot,
        scope: Scope::Global,
        src: None,
        metric: 0,
        onlink: false,
        metrics: Default::default(),
    };
    let spec =
        RouteSpec { route, dev: None, scope_given: false, type_given: false, proto_given: false, metric_given: false };
    let mut s = Spec { spec, dst_ok: false, inet: false, table_given: false };
    while !i.is_empty() {
        let (rest, (key, v)) = spec_arg(i)?;
        i = check(rest, s.apply(key, v))?.0;
    }
    check(i, s.finish(delete))
}
