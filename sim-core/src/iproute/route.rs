//! `ip route`: add, del, replace, show, flush (and get, with the packet engine).

use std::net::Ipv4Addr;

use super::addr::{parse_inet, parse_prefix};
use super::args::{matches, parse_u32, Args, Fail, IpResult};
use super::print::{Color, Printer, To};
use super::Opts;
use crate::kernel::addr::Scope;
use crate::kernel::ops::RouteMatch;
use crate::kernel::route::{
    metric_name, Metrics, Proto, Route, RouteType, RTAX_ADVMSS, RTAX_CWND, RTAX_HOPLIMIT, RTAX_INITCWND, RTAX_INITRWND,
    RTAX_MTU, RTAX_QUICKACK, RTAX_REORDERING, RTAX_SSTHRESH, RTAX_WINDOW, RT_TABLE_LOCAL, RT_TABLE_MAIN,
};
use crate::netlink::{Netlink, Route6Msg, RouteGetMsg, RouteMsg};
use crate::output::Output;

/// Which routes a show or flush selects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteFilter {
    /// `None` for `table all`.
    pub table: Option<u32>,
    pub dev: Option<String>,
    pub root: Option<(Ipv4Addr, u8)>,
    pub within: Option<(Ipv4Addr, u8)>,
    pub exact: Option<(Ipv4Addr, u8)>,
    /// `cache`/`cloned`: the kernel's route exceptions (learnt path MTUs).
    pub cache: bool,
}

/// A route as typed on the command line, device by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteSpec {
    pub route: Route,
    pub dev: Option<String>,
    pub scope_given: bool,
    pub type_given: bool,
    pub proto_given: bool,
    pub metric_given: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RouteCmd {
    Add { spec: RouteSpec, replace: bool },
    Del(RouteSpec),
    Show(RouteFilter),
    Flush(RouteFilter),
    Get(Ipv4Addr),
}

fn table_id(s: &str) -> Option<u32> {
    match s {
        "main" => Some(RT_TABLE_MAIN),
        "local" => Some(RT_TABLE_LOCAL),
        "default" => Some(253),
        _ => parse_u32(s),
    }
}

fn table_name(id: u32) -> String {
    match id {
        RT_TABLE_MAIN => "main".into(),
        RT_TABLE_LOCAL => "local".into(),
        253 => "default".into(),
        n => n.to_string(),
    }
}

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

pub fn parse(argv: &[String]) -> IpResult<RouteCmd> {
    let mut a = Args::new(argv);
    let Some(verb) = a.next() else {
        return Ok(RouteCmd::Show(RouteFilter {
            table: Some(RT_TABLE_MAIN),
            dev: None,
            root: None,
            within: None,
            exact: None,
            cache: false,
        }));
    };
    if matches(verb, "add") || matches(verb, "append") || matches(verb, "prepend") {
        Ok(RouteCmd::Add { spec: parse_spec(&mut a, false)?, replace: false })
    } else if matches(verb, "change") || verb == "chg" || matches(verb, "replace") {
        Ok(RouteCmd::Add { spec: parse_spec(&mut a, false)?, replace: true })
    } else if matches(verb, "delete") {
        Ok(RouteCmd::Del(parse_spec(&mut a, true)?))
    } else if matches(verb, "list") || matches(verb, "show") || matches(verb, "lst") {
        Ok(RouteCmd::Show(parse_filter(&mut a)?))
    } else if matches(verb, "get") {
        let mut dst = None;
        while let Some(arg) = a.next() {
            let v = if arg == "to" { a.value()? } else { arg };
            if matches(v, "from") || matches(v, "iif") || matches(v, "oif") || v == "mark" || v == "uid" {
                a.value()?;
                continue;
            }
            dst = Some(parse_prefix(v)?.addr);
        }
        dst.map(RouteCmd::Get).ok_or_else(|| Fail::new("need at least a destination address\n", 1))
    } else if matches(verb, "flush") {
        let f = parse_filter(&mut a)?;
        Ok(RouteCmd::Flush(f))
    } else if matches(verb, "help") {
        Err(Fail::new(super::usage::ROUTE, 255))
    } else {
        Err(Fail::new(format!("Command \"{verb}\" is unknown, try \"ip route help\".\n"), 255))
    }
}

fn parse_filter(a: &mut Args<'_>) -> IpResult<RouteFilter> {
    let mut f =
        RouteFilter { table: Some(RT_TABLE_MAIN), dev: None, root: None, within: None, exact: None, cache: false };
    while let Some(arg) = a.next() {
        if matches(arg, "table") {
            let v = a.value()?;
            if v == "cache" {
                f.cache = true;
                continue;
            }
            f.table = if v == "all" {
                None
            } else {
                Some(table_id(v).ok_or_else(|| Fail::invarg("table id value is invalid\n", v))?)
            };
        } else if matches(arg, "cached") || matches(arg, "cloned") {
            f.cache = true;
        } else if arg == "dev" || arg == "oif" {
            f.dev = Some(a.value()?.to_string());
        } else if matches(arg, "proto") || matches(arg, "scope") || matches(arg, "type") {
            a.value()?;
        } else if matches(arg, "root") {
            f.root = Some(selector(a.value()?)?);
        } else if matches(arg, "match") {
            f.within = Some(selector(a.value()?)?);
        } else if matches(arg, "exact") {
            f.exact = Some(selector(a.value()?)?);
        } else {
            // `to PREFIX` (the keyword is optional): both root and match.
            let v = if arg == "to" { a.value()? } else { arg };
            let p = selector(v)?;
            f.root = Some(p);
            f.within = Some(p);
        }
    }
    Ok(f)
}

/// The metric keywords of `iproute_modify()`, in its order: the RTAX
/// number and the name its error message uses. Some must be spelled out
/// (`strcmp`), the others may be a prefix (`matches`).
fn metric_keyword(arg: &str) -> Option<(u8, &'static str)> {
    const KEYWORDS: [(&str, u8, &str, bool); 10] = [
        ("mtu", RTAX_MTU, "mtu", true),
        ("hoplimit", RTAX_HOPLIMIT, "hoplimit", true),
        ("advmss", RTAX_ADVMSS, "mss", true),
        ("reordering", RTAX_REORDERING, "reordering", false),
        ("window", RTAX_WINDOW, "window", false),
        ("cwnd", RTAX_CWND, "cwnd", false),
        ("initcwnd", RTAX_INITCWND, "initcwnd", false),
        ("initrwnd", RTAX_INITRWND, "initrwnd", false),
        ("quickack", RTAX_QUICKACK, "quickack", false),
        ("ssthresh", RTAX_SSTHRESH, "ssthresh", false),
    ];
    KEYWORDS
        .iter()
        .find(|(k, _, _, exact)| if *exact { arg == *k } else { matches(arg, k) })
        .map(|(_, id, what, _)| (*id, *what))
}

/// A route selector's prefix (`default`/`all` is 0/0; no length means /32).
fn selector(v: &str) -> IpResult<(Ipv4Addr, u8)> {
    if v == "default" || v == "all" || v == "any" {
        return Ok((Ipv4Addr::UNSPECIFIED, 0));
    }
    let p = parse_prefix(v)?;
    Ok((p.addr, p.len.unwrap_or(32)))
}

impl RouteFilter {
    /// iproute2's filter_nlmsg(): `root` wants the route inside the prefix,
    /// `match` the prefix inside the route, `exact` the very same prefix.
    fn selects(&self, r: &Route) -> bool {
        use crate::kernel::addr::in_prefix;
        self.root.is_none_or(|(a, l)| r.prefix >= l && in_prefix(r.dst, a, l))
            && self.within.is_none_or(|(a, _)| in_prefix(a, r.dst, r.prefix))
            && self.exact.is_none_or(|(a, l)| r.prefix == l && in_prefix(r.dst, a, l))
    }
}

fn parse_spec(a: &mut Args<'_>, delete: bool) -> IpResult<RouteSpec> {
    let mut r = Route {
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
    let mut spec = RouteSpec {
        route: r.clone(),
        dev: None,
        scope_given: false,
        type_given: false,
        proto_given: false,
        metric_given: false,
    };
    let mut dst_ok = false;
    let mut inet = false;
    let mut table_given = false;
    while let Some(arg) = a.next() {
        if arg == "src" {
            let v = a.value()?;
            r.src = Some(parse_inet(v).ok_or_else(|| super::args::bad_addr("address", inet, v))?);
        } else if arg == "via" {
            let v = a.value()?;
            if r.gateway.is_some() {
                return Err(Fail::duparg("via", v));
            }
            r.gateway = Some(parse_inet(v).ok_or_else(|| super::args::bad_addr("address", inet, v))?);
        } else if matches(arg, "metric") || matches(arg, "priority") || arg == "preference" {
            let v = a.value()?;
            r.metric = parse_u32(v).ok_or_else(|| Fail::invarg("\"metric\" value is invalid\n", v))?;
            spec.metric_given = true;
        } else if matches(arg, "scope") {
            let v = a.value()?;
            r.scope = Scope::parse(v).ok_or_else(|| Fail::invarg("invalid \"scope\" value\n", v))?;
            spec.scope_given = true;
        } else if let Some((id, what)) = metric_keyword(arg) {
            let mut v = a.value()?;
            if v == "lock" && id != RTAX_QUICKACK {
                r.metrics.lock |= 1 << id;
                v = a.value()?;
            }
            let n = parse_u32(v)
                .filter(|n| id != RTAX_HOPLIMIT || *n <= 255)
                .ok_or_else(|| Fail::invarg(&format!("\"{what}\" value is invalid\n"), v))?;
            if id == RTAX_QUICKACK && n > 1 {
                return Err(Fail::invarg("\"quickack\" value should be 0 or 1\n", v));
            }
            r.metrics.set(id, n);
        } else if arg == "dev" || arg == "oif" {
            spec.dev = Some(a.value()?.to_string());
        } else if matches(arg, "table") {
            let v = a.value()?;
            r.table = table_id(v).ok_or_else(|| Fail::invarg("\"table\" value is invalid\n", v))?;
            table_given = true;
        } else if matches(arg, "protocol") {
            let v = a.value()?;
            r.proto = match v {
                "kernel" => Proto::Kernel,
                "boot" => Proto::Boot,
                "static" => Proto::Static,
                n => Proto::Other(n.parse().map_err(|_| Fail::invarg("\"protocol\" value is invalid\n", v))?),
            };
            spec.proto_given = true;
        } else if arg == "onlink" {
            r.onlink = true;
        } else {
            let mut v = arg;
            if v == "to" {
                v = a.value()?;
            }
            if let Some(t) = route_type(v) {
                r.kind = t;
                spec.type_given = true;
                v = a.value()?;
            }
            if matches(v, "help") {
                return Err(Fail::new(super::usage::ROUTE, 255));
            }
            if dst_ok {
                return Err(Fail::duparg2("to", v));
            }
            if v == "default" || v == "all" || v == "any" {
                r.dst = Ipv4Addr::UNSPECIFIED;
                r.prefix = 0;
            } else {
                let p = parse_prefix(v)?;
                r.prefix = p.len.unwrap_or(32);
                r.dst = p.addr;
                // An IPv4 destination fixes the family later words are read in.
                inet = true;
            }
            dst_ok = true;
        }
    }
    if !dst_ok {
        return Err(Fail::new(super::usage::ROUTE, 255));
    }
    if !table_given && matches!(r.kind, RouteType::Local | RouteType::Broadcast) {
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
    spec.route = r;
    Ok(spec)
}

pub fn run(nl: &mut dyn Netlink, opts: &Opts, cmd: &RouteCmd) -> IpResult<Output> {
    match cmd {
        RouteCmd::Add { spec, replace } => {
            let mut r = spec.route.clone();
            if let Some(d) = &spec.dev {
                r.dev = Some(ifindex(nl, d)?);
            }
            nl.route_add(&r, *replace)?;
            Ok(Output::new())
        }
        RouteCmd::Del(spec) => {
            let dev = match &spec.dev {
                Some(d) => Some(ifindex(nl, d)?),
                None => None,
            };
            let r = &spec.route;
            let m = RouteMatch {
                table: r.table,
                dst: r.dst,
                prefix: r.prefix,
                gateway: r.gateway,
                dev,
                metric: spec.metric_given.then_some(r.metric),
                kind: spec.type_given.then_some(r.kind),
                proto: spec.proto_given.then_some(r.proto),
                scope: if spec.scope_given { Some(r.scope) } else { None },
            };
            nl.route_del(&m)?;
            Ok(Output::new())
        }
        RouteCmd::Show(f) => show(nl, opts, f),
        RouteCmd::Flush(f) if f.cache => {
            // iproute_flush_cache(): the kernel forgets its exceptions.
            let _ = nl.sysctl_write("net/ipv4/route/flush", "-1");
            Ok(Output::new())
        }
        RouteCmd::Flush(f) => {
            let dev = match &f.dev {
                Some(d) => Some(ifindex(nl, d)?),
                None => None,
            };
            for m in nl.route_dump() {
                let r = m.route;
                if f.table.is_some_and(|t| t != r.table) || dev.is_some_and(|d| r.dev != Some(d)) {
                    continue;
                }
                let _ = nl.route_del(&RouteMatch {
                    table: r.table,
                    dst: r.dst,
                    prefix: r.prefix,
                    gateway: r.gateway,
                    dev: r.dev,
                    metric: Some(r.metric),
                    kind: Some(r.kind),
                    proto: None,
                    scope: None,
                });
            }
            Ok(Output::new())
        }
        RouteCmd::Get(dst) => {
            let r = nl.route_get(*dst)?;
            let mut p = Printer::new(opts.json, opts.pretty, opts.color);
            print_route_get(&mut p, &r, opts.oneline);
            let mut out = Output::new();
            out.out(p.finish());
            Ok(out)
        }
    }
}

fn ifindex(nl: &mut dyn Netlink, dev: &str) -> IpResult<u32> {
    nl.link_get(dev).map(|l| l.ifindex).ok_or_else(|| Fail::nodev(dev))
}

fn show(nl: &mut dyn Netlink, opts: &Opts, f: &RouteFilter) -> IpResult<Output> {
    if f.cache {
        let mut p = Printer::new(opts.json, opts.pretty, opts.color);
        for r in nl.route_cache_dump() {
            print_route_get(&mut p, &r, opts.oneline);
        }
        let mut out = Output::new();
        out.out(p.finish());
        return Ok(out);
    }
    let links = nl.link_dump();
    let dev = match &f.dev {
        Some(d) => Some(links.iter().find(|l| &l.name == d).map(|l| l.ifindex).ok_or_else(|| Fail::nodev(d))?),
        None => None,
    };
    let mut p = Printer::new(opts.json, opts.pretty, opts.color);
    let name_of = |i: u32| links.iter().find(|l| l.ifindex == i).map_or_else(|| format!("if{i}"), |l| l.name.clone());
    // Without -4/-6, one table means IPv4 only; `table all` shows both.
    let (v4, v6) = match opts.family {
        super::Family::Inet6 => (false, true),
        super::Family::Inet => (true, false),
        _ => (true, f.table.is_none()),
    };
    if v4 && f.table.is_some_and(|t| t != RT_TABLE_MAIN && !nl.route_table_exists(t)) {
        return Err(Fail::new("Error: ipv4: FIB table does not exist.\nDump terminated\n", 2));
    }
    if v4 {
        for m in nl.route_dump() {
            if f.table.is_some_and(|t| t != m.route.table)
                || dev.is_some_and(|d| m.route.dev != Some(d))
                || !f.selects(&m.route)
            {
                continue;
            }
            print_route(&mut p, &m, f.table.is_none(), dev.is_none(), &name_of, None);
        }
    }
    if v6 {
        for m in nl.route6_dump() {
            if f.table.is_some_and(|t| t != m.table) || dev.is_some_and(|d| m.dev != d) {
                continue;
            }
            print_route6(&mut p, &m, f.table.is_none(), dev.is_none(), &name_of);
        }
    }
    let mut out = Output::new();
    out.out(p.finish());
    Ok(out)
}

/// `print_route()` for an IPv4 route.
pub fn print_route(
    p: &mut Printer,
    m: &RouteMsg,
    show_table: bool,
    show_dev: bool,
    name_of: &dyn Fn(u32) -> String,
    cloned: Option<&Cloned>,
) {
    let r = &m.route;
    p.open_object(None);
    if r.kind != RouteType::Unicast {
        p.string(To::Any, "type", &format!("{} ", r.kind.name()), r.kind.name());
    }
    let dst = if r.prefix == 0 && r.dst.is_unspecified() {
        "default".to_string()
    } else if r.prefix == 32 {
        r.dst.to_string()
    } else {
        format!("{}/{}", r.dst, r.prefix)
    };
    let dst_color = if dst == "default" { Color::None } else { Color::Inet };
    p.color_string(To::Any, dst_color, "dst", &format!("{dst} "), &dst);
    if let Some(g) = r.gateway {
        let g = g.to_string();
        p.fp("via ");
        p.color_string(To::Any, Color::Inet, "gateway", &format!("{g} "), &g);
    }
    if let (Some(d), true) = (r.dev, show_dev) {
        let n = name_of(d);
        p.fp("dev ");
        p.color_string(To::Any, Color::Ifname, "dev", &format!("{n} "), &n);
    }
    if show_table && r.table != RT_TABLE_MAIN {
        let t = table_name(r.table);
        p.string(To::Any, "table", &format!("table {t} "), &t);
    }
    if r.proto != Proto::Boot && cloned.is_none() {
        let pr = r.proto.name();
        p.string(To::Any, "protocol", &format!("proto {pr} "), &pr);
    }
    if r.scope != Scope::Global && cloned.is_none() {
        let s = r.scope.name();
        p.string(To::Any, "scope", &format!("scope {s} "), s);
    }
    if let Some(s) = r.src {
        let s = s.to_string();
        p.fp("src ");
        p.color_string(To::Any, Color::Inet, "prefsrc", &format!("{s} "), &s);
    }
    if r.metric != 0 {
        p.uint(To::Any, "metric", &format!("metric {} ", r.metric), u64::from(r.metric));
    }
    p.open_array(To::Json, "flags", "");
    if r.onlink {
        p.string(To::Any, "", "onlink ", "onlink");
    }
    if m.linkdown {
        p.string(To::Any, "", "linkdown ", "linkdown");
    }
    p.close_array(To::Json, "");
    if let Some(c) = cloned {
        if let Some(uid) = c.uid {
            p.uint(To::Any, "uid", &format!("uid {uid} "), u64::from(uid));
        }
        // print_cache_flags(): `cache <local,brd> `.
        p.nl(c.oneline);
        p.open_array(To::Any, "cache", "    cache ");
        for (i, f) in c.flags.iter().enumerate() {
            let text =
                format!("{}{f}{}", if i == 0 { "<" } else { "" }, if i + 1 == c.flags.len() { "> " } else { "," });
            p.string(To::Any, "", &text, f);
        }
        p.close_array(To::Any, "");
        if let Some(e) = c.expires {
            p.int(To::Any, "expires", &format!("expires {e}sec "), i64::from(e));
        }
    }
    if !r.metrics.is_empty() {
        print_metrics(p, &r.metrics);
    }
    p.fp("\n");
    p.close_object();
}

/// `print_rta_metrics()`: `mtu lock 1300 advmss 1200 `, or a JSON array
/// holding one object.
pub fn print_metrics(p: &mut Printer, m: &Metrics) {
    p.open_array(To::Json, "metrics", "");
    p.open_object(None);
    for &(id, v) in m.values() {
        let name = metric_name(id).unwrap_or("metric");
        let lock = if m.is_locked(id) { "lock " } else { "" };
        p.uint(To::Any, name, &format!("{name} {lock}{v} "), u64::from(v));
    }
    p.close_object();
    p.close_array(To::Json, "");
}

/// `print_route()` for the kernel's IPv6 routes.
fn print_route6(p: &mut Printer, m: &Route6Msg, show_table: bool, show_dev: bool, name_of: &dyn Fn(u32) -> String) {
    p.open_object(None);
    if m.kind != "unicast" {
        p.string(To::Any, "type", &format!("{} ", m.kind), m.kind);
    }
    let dst = if m.prefix == 128 { m.dst.to_string() } else { format!("{}/{}", m.dst, m.prefix) };
    p.string(To::Any, "dst", &format!("{dst} "), &dst);
    if show_dev {
        let n = name_of(m.dev);
        p.string(To::Any, "dev", &format!("dev {n} "), &n);
    }
    if show_table && m.table != RT_TABLE_MAIN {
        let t = table_name(m.table);
        p.string(To::Any, "table", &format!("table {t} "), &t);
    }
    p.string(To::Any, "protocol", "proto kernel ", "kernel");
    p.uint(To::Any, "metric", &format!("metric {} ", m.metric), u64::from(m.metric));
    p.open_array(To::Json, "flags", "");
    p.close_array(To::Json, "");
    p.string(To::Any, "pref", "pref medium", "medium");
    p.fp("\n");
    p.close_object();
}

/// What `print_route()` adds for a cloned route (RTM_F_CLONED: what
/// `ip route get` answers, and `ip route show cache` lists).
pub struct Cloned {
    pub uid: Option<u32>,
    /// `<local,brd>`.
    pub flags: &'static [&'static str],
    pub expires: Option<u32>,
    pub oneline: bool,
}

/// `ip route get`'s answer (or a cache entry) through [`print_route`].
fn print_route_get(p: &mut Printer, r: &RouteGetMsg, oneline: bool) {
    let flags: &[&str] = match r.kind {
        RouteType::Local => &["local"],
        RouteType::Broadcast => &["local", "brd"],
        _ => &[],
    };
    let route = Route {
        table: RT_TABLE_MAIN,
        kind: r.kind,
        dst: r.dst,
        prefix: 32,
        gateway: r.gateway,
        dev: Some(0),
        proto: Proto::Boot,
        scope: Scope::Global,
        src: r.src,
        metric: 0,
        onlink: false,
        metrics: r.metrics.clone(),
    };
    let cloned = Cloned { uid: r.uid, flags, expires: r.expires, oneline };
    print_route(p, &RouteMsg { route, linkdown: false }, false, true, &|_| r.dev.clone(), Some(&cloned));
}
