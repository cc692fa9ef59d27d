//! The grammar of `ip route` (`do_iproute()`, `iproute_modify()`,
//! `iproute_list_flush_or_save()`, `iproute_get()`).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use nom::branch::alt;
use nom::combinator::map;

use super::{Route6Spec, RouteCmd, RouteFilter, RouteSpec};
use crate::iproute::addr::{parse_inet, parse_prefix};
use crate::iproute::args::{bad_addr, Fail, IpResult};
use crate::iproute::grammar::keyword::{
    alone, exact, is_prefix, table, table_or, valued, with_arg, Entry, Kw::E, Kw::P,
};
use crate::iproute::grammar::verb::verb;
use crate::iproute::grammar::words::{next_arg, word, Words};
use crate::iproute::grammar::{check, fail, parse_argv, value, PResult};
use crate::iproute::Family;
use crate::kernel::addr::Scope;
use crate::kernel::route::{
    Proto, Route, RouteType, RTAX_ADVMSS, RTAX_CWND, RTAX_HOPLIMIT, RTAX_INITCWND, RTAX_INITRWND, RTAX_MTU,
    RTAX_QUICKACK, RTAX_REORDERING, RTAX_SSTHRESH, RTAX_WINDOW, RT_TABLE_LOCAL, RT_TABLE_MAIN,
};
use crate::kernel::route6::{Origin, Pref, Route6};
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

/// `rtnl_rtntype_a2n()`, in its order: some names spelled out, most a
/// prefix (`x` is `xresolve`). `Err` names a type the simulator has no
/// route of (nat, anycast, multicast, xresolve, throw). Its numeric form
/// (`show type 7`) is not read: `ip route add` never reaches it (a word
/// starting with a digit is no type there), and a listing's `type N` is
/// refused as invalid.
fn route_type(s: &str) -> Option<Result<RouteType, &'static str>> {
    let p = |name: &str| is_prefix(s, name);
    Some(match s {
        "local" => Ok(RouteType::Local),
        "nat" => Err("nat"),
        _ if p("broadcast") || s == "brd" => Ok(RouteType::Broadcast),
        _ if p("anycast") => Err("anycast"),
        _ if p("multicast") => Err("multicast"),
        _ if p("prohibit") => Ok(RouteType::Prohibit),
        _ if p("unreachable") => Ok(RouteType::Unreachable),
        _ if p("blackhole") => Ok(RouteType::Blackhole),
        _ if p("xresolve") => Err("xresolve"),
        _ if p("unicast") => Ok(RouteType::Unicast),
        "throw" => Err("throw"),
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

/// The address family a command line's addresses are read in
/// (`req.r.rtm_family`): `-4`/`-6`, else the first address that fixes it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fam {
    Unspec,
    Inet,
    Inet6,
}

impl Fam {
    fn of(f: Family) -> Fam {
        match f {
            Family::Inet => Fam::Inet,
            Family::Inet6 => Fam::Inet6,
            _ => Fam::Unspec,
        }
    }

    /// `get_prefix()`/`get_addr()` in this family: an IPv6 one with `-6`
    /// or, before anything fixed the family, a word with a colon.
    fn six(self, word: &str) -> bool {
        self == Fam::Inet6 || (self == Fam::Unspec && word.contains(':'))
    }
}

/// `get_prefix(…, AF_INET6)`: `ADDR[/LEN]`, LEN at most 128.
pub(super) fn prefix6(s: &str) -> IpResult<(Ipv6Addr, Option<u8>)> {
    let bad = || Fail::new(format!("Error: inet6 prefix is expected rather than \"{s}\".\n"), 1);
    let (a, len) = match s.split_once('/') {
        Some((a, l)) => (a, Some(l)),
        None => (s, None),
    };
    let addr = value::whole(a, value::ipv6).ok_or_else(bad)?;
    let len = match len {
        Some(l) => Some(
            value::whole(l, value::unsigned)
                .filter(|n| *n <= 128)
                .and_then(|n| u8::try_from(n).ok())
                .ok_or_else(bad)?,
        ),
        None => None,
    };
    Ok((addr, len))
}

/// `get_addr(…, AF_INET6)`.
fn addr6(s: &str) -> IpResult<Ipv6Addr> {
    value::whole(s, value::ipv6)
        .ok_or_else(|| Fail::new(format!("Error: inet6 address is expected rather than \"{s}\".\n"), 1))
}

/// Parses `ip route …` (argv after `route`) with the `-4`/`-6` given.
pub fn parse(argv: &[String], family: Family) -> IpResult<RouteCmd> {
    let fam = Fam::of(family);
    parse_argv(argv, |i| route(i, fam))
}

fn route(i: Words<'_>, fam: Fam) -> PResult<'_, RouteCmd> {
    if i.is_empty() {
        return Ok((i, RouteCmd::Show(RouteFilter::main())));
    }
    let (i, verb) = verb(VERBS, "ip route help")(i)?;
    let modify = |spec: AnySpec, replace: bool| match spec {
        AnySpec::V4(spec) => RouteCmd::Add { spec, replace },
        AnySpec::V6(spec) => RouteCmd::Add6 { spec, replace },
    };
    match verb {
        Verb::Add => map(|i| spec(i, false, fam), |s| modify(s, false))(i),
        Verb::Replace => map(|i| spec(i, false, fam), |s| modify(s, true))(i),
        Verb::Delete => map(
            |i| spec(i, true, fam),
            |s| match s {
                AnySpec::V4(s) => RouteCmd::Del(s),
                AnySpec::V6(s) => RouteCmd::Del6(s),
            },
        )(i),
        Verb::Show => map(|i| filter(i, fam), RouteCmd::Show)(i),
        Verb::Get => get(i, fam),
        Verb::Flush => map(|i| filter(i, fam), RouteCmd::Flush)(i),
        Verb::Help => fail(Fail::new(usage::Usage::Route, 255)),
    }
}

/// `iproute_get()`: the destination; for IPv6 `from`, `iif` and `oif`
/// too; `mark` and `uid` take a value that is not used (nor are IPv4's
/// `from`, `iif`, `oif`).
fn get(mut i: Words<'_>, mut fam: Fam) -> PResult<'_, RouteCmd> {
    let mut dst: Option<IpAddr> = None;
    let mut q = super::Get6Spec { dst: Ipv6Addr::UNSPECIFIED, from: None, iif: None, oif: None };
    while !i.is_empty() {
        let (rest, v) = alt((with_arg(exact("to")), word))(i)?;
        i = rest;
        if is_prefix(v, "from") {
            let (rest, a) = next_arg(i)?;
            i = rest;
            if fam.six(a) {
                q.from = Some(check(i, prefix6(a))?.1 .0);
                fam = Fam::Inet6;
            }
            continue;
        }
        if is_prefix(v, "iif") || is_prefix(v, "oif") {
            let (rest, d) = next_arg(i)?;
            i = rest;
            if is_prefix(v, "iif") {
                q.iif = Some(d.to_string());
            } else {
                q.oif = Some(d.to_string());
            }
            continue;
        }
        if v == "mark" || v == "uid" {
            i = next_arg(i)?.0;
            continue;
        }
        dst = Some(if fam.six(v) {
            fam = Fam::Inet6;
            IpAddr::V6(check(i, prefix6(v))?.1 .0)
        } else {
            IpAddr::V4(check(i, parse_prefix(v))?.1.addr)
        });
    }
    match dst {
        Some(IpAddr::V4(d)) => Ok((i, RouteCmd::Get(d))),
        Some(IpAddr::V6(d)) => Ok((i, RouteCmd::Get6(super::Get6Spec { dst: d, ..q }))),
        None => fail(Fail::new("need at least a destination address\n", 1)),
    }
}

impl RouteFilter {
    /// What `ip route show` selects with no words: the main table.
    pub fn main() -> RouteFilter {
        RouteFilter {
            table: Some(RT_TABLE_MAIN),
            dev: None,
            root: None,
            within: None,
            exact: None,
            cache: false,
            kind: None,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FilterKey {
    Table,
    Cache,
    Dev,
    /// `proto`, `scope`: read, not used.
    Ignored,
    Type,
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
    valued(P("type"), FilterKey::Type),
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
    fn apply(&mut self, key: FilterKey, v: &str, fam: Fam) -> IpResult<()> {
        match key {
            FilterKey::Table if v == "cache" => self.cache = true,
            FilterKey::Table if v == "all" => self.table = None,
            FilterKey::Table => {
                self.table = Some(table_id(v).ok_or_else(|| Fail::invarg("table id value is invalid\n", v))?)
            }
            FilterKey::Cache => self.cache = true,
            FilterKey::Dev => self.dev = Some(v.to_string()),
            FilterKey::Ignored => {}
            FilterKey::Type => {
                let kind = route_type(v);
                self.kind = Some(kind.ok_or_else(|| Fail::invarg("node type value is invalid\n", v))?);
            }
            FilterKey::Root => self.root = Some(selector(v, fam)?),
            FilterKey::Match => self.within = Some(selector(v, fam)?),
            FilterKey::Exact => self.exact = Some(selector(v, fam)?),
            FilterKey::To => {
                let p = selector(v, fam)?;
                self.root = Some(p);
                self.within = Some(p);
            }
        }
        Ok(())
    }
}

fn filter(mut i: Words<'_>, fam: Fam) -> PResult<'_, RouteFilter> {
    let mut f = RouteFilter::main();
    while !i.is_empty() {
        let (rest, (key, v)) = filter_arg(i)?;
        i = check(rest, f.apply(key, v, fam))?.0;
    }
    Ok((i, f))
}

/// A route selector's prefix (`default`/`all` is 0/0; no length means
/// the whole address).
fn selector(v: &str, fam: Fam) -> IpResult<(IpAddr, u8)> {
    if v == "default" || v == "all" || v == "any" {
        let any = if fam == Fam::Inet6 { IpAddr::V6(Ipv6Addr::UNSPECIFIED) } else { IpAddr::V4(Ipv4Addr::UNSPECIFIED) };
        return Ok((any, 0));
    }
    if fam.six(v) {
        let (a, l) = prefix6(v)?;
        return Ok((IpAddr::V6(a), l.unwrap_or(128)));
    }
    let p = parse_prefix(v)?;
    Ok((IpAddr::V4(p.addr), p.len.unwrap_or(32)))
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
    /// IPv6's router preference.
    Pref,
    /// The destination, with the type that may come before it (`Err`: one
    /// the simulator has no route of).
    Dst(Option<Result<RouteType, &'static str>>),
}

/// The last branch: `[to] [TYPE] PREFIX`.
fn dst(i: Words<'_>) -> PResult<'_, (Key, &str)> {
    let (i, v) = alt((with_arg(exact("to")), word))(i)?;
    match route_type(v).filter(|_| !v.starts_with(|c: char| c.is_ascii_digit())) {
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
    valued(E("pref"), Key::Pref),
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

/// What `iproute_modify()` collects: an IPv4 route, or (once the family
/// is IPv6) the IPv6 parts beside it.
struct Spec {
    spec: RouteSpec,
    dst_ok: bool,
    /// The family later words are read in (fixed by `-4`/`-6` or the
    /// first address).
    fam: Fam,
    table_given: bool,
    /// `-4`: no word is read as IPv6.
    v4_only: bool,
    dst6: Option<(Ipv6Addr, u8)>,
    gateway6: Option<Ipv6Addr>,
    pref: Pref,
    /// A route type read that the simulator has no route of.
    unmodelled: Option<&'static str>,
}

/// A route to add or delete, of either family.
enum AnySpec {
    V4(RouteSpec),
    V6(Route6Spec),
}

impl Spec {
    fn apply(&mut self, key: Key, v: &str) -> IpResult<()> {
        let inet = self.fam == Fam::Inet;
        let six = !self.v4_only && self.fam.six(v);
        let s = &mut self.spec;
        let r = &mut s.route;
        match key {
            Key::Src if six => {
                addr6(v)?;
                self.fam = Fam::Inet6;
            }
            Key::Src => r.src = Some(parse_inet(v).ok_or_else(|| bad_addr("address", inet, v))?),
            Key::Via => {
                if r.gateway.is_some() || self.gateway6.is_some() {
                    return Err(Fail::duparg("via", v));
                }
                if six {
                    self.gateway6 = Some(addr6(v)?);
                    self.fam = Fam::Inet6;
                } else {
                    r.gateway = Some(parse_inet(v).ok_or_else(|| bad_addr("address", inet, v))?);
                }
            }
            Key::Pref => {
                self.pref = match v {
                    "low" => Pref::Low,
                    "medium" => Pref::Medium,
                    "high" => Pref::High,
                    _ => match value::whole(v, value::unsigned).filter(|n| *n <= 255) {
                        // ICMPV6_ROUTER_PREF_*: 3 low, 0 medium, 1 high.
                        Some(3) => Pref::Low,
                        Some(1) => Pref::High,
                        Some(_) => Pref::Medium,
                        None => return Err(Fail::invarg("\"pref\" value is invalid\n", v)),
                    },
                }
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
                match kind {
                    Some(Ok(t)) => {
                        r.kind = t;
                        s.type_given = true;
                    }
                    Some(Err(name)) => self.unmodelled = Some(name),
                    None => {}
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
                    if self.fam == Fam::Inet6 {
                        self.dst6 = Some((Ipv6Addr::UNSPECIFIED, 0));
                    }
                } else if six {
                    let (a, l) = prefix6(v)?;
                    self.dst6 = Some((a, l.unwrap_or(128)));
                    self.fam = Fam::Inet6;
                } else {
                    let p = parse_prefix(v)?;
                    r.prefix = p.len.unwrap_or(32);
                    r.dst = p.addr;
                    self.fam = Fam::Inet;
                }
                self.dst_ok = true;
            }
        }
        Ok(())
    }

    /// The defaults iproute2 fills in after the loop.
    fn finish(self, delete: bool) -> IpResult<AnySpec> {
        if !self.dst_ok {
            return Err(Fail::new(usage::Usage::Route, 255));
        }
        match self.unmodelled {
            // fib_table_insert() refuses an xresolve route's scope first.
            Some("xresolve") if self.fam != Fam::Inet6 => return Err(Fail::new("Error: Invalid scope.\n", 2)),
            Some(name) => return Err(Fail::new(format!("ip: route type \"{name}\" is not simulated here (yet)\n"), 1)),
            None => {}
        }
        if self.fam == Fam::Inet6 {
            let mut s = self.spec;
            if !self.table_given && s.route.kind == RouteType::Local {
                s.route.table = RT_TABLE_LOCAL;
            }
            let (dst, prefix) = self.dst6.unwrap_or((Ipv6Addr::UNSPECIFIED, 0));
            let route = Route6 {
                table: s.route.table,
                kind: s.route.kind,
                dst,
                prefix,
                gateway: self.gateway6,
                dev: 0,
                proto: s.route.proto,
                metric: s.route.metric,
                pref: self.pref,
                metrics: s.route.metrics,
                expires_ms: None,
                origin: Origin::User,
            };
            return Ok(AnySpec::V6(Route6Spec {
                route,
                dev: s.dev,
                metric_given: s.metric_given,
                proto_given: s.proto_given,
            }));
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
        Ok(AnySpec::V4(spec))
    }
}

fn spec(mut i: Words<'_>, delete: bool, fam: Fam) -> PResult<'_, AnySpec> {
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
    let mut s = Spec {
        spec,
        dst_ok: false,
        fam: if fam == Fam::Inet6 { Fam::Inet6 } else { Fam::Unspec },
        table_given: false,
        v4_only: fam == Fam::Inet,
        dst6: None,
        gateway6: None,
        pref: Pref::Medium,
        unmodelled: None,
    };
    while !i.is_empty() {
        let (rest, (key, v)) = spec_arg(i)?;
        i = check(rest, s.apply(key, v))?.0;
    }
    check(i, s.finish(delete))
}
