//! `ip route`: add, del, replace, show, flush (and get, with the packet engine).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

mod parse;

pub use parse::parse;

use super::args::{Fail, IpResult};
use super::print::{Color, Kind, Printer, To};
use super::Opts;
use crate::kernel::addr::Scope;
use crate::kernel::ops::RouteMatch;
use crate::kernel::route::{metric_name, Metrics, Proto, Route, RouteType, RT_TABLE_LOCAL, RT_TABLE_MAIN};
use crate::kernel::route6::{in_prefix6, Route6};
use crate::netlink::{Netlink, Route6GetMsg, Route6GetReq, Route6Match, Route6Msg, RouteGetMsg, RouteMsg};
use crate::output::Output;

/// Which routes a show or flush selects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteFilter {
    /// `None` for `table all`.
    pub table: Option<u32>,
    pub dev: Option<String>,
    pub root: Option<(IpAddr, u8)>,
    pub within: Option<(IpAddr, u8)>,
    pub exact: Option<(IpAddr, u8)>,
    /// `cache`/`cloned`: the kernel's route exceptions (learnt path MTUs).
    pub cache: bool,
    /// `type TYPE` (`Err`: a type the simulator has no route of, which
    /// selects none).
    pub kind: Option<Result<RouteType, &'static str>>,
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

/// An IPv6 route as typed on the command line, device by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route6Spec {
    /// The route (its device 0 until the name is looked up).
    pub route: Route6,
    pub dev: Option<String>,
    pub metric_given: bool,
    pub proto_given: bool,
}

/// `ip -6 route get ADDR [from ADDR] [iif DEV] [oif DEV]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Get6Spec {
    pub dst: Ipv6Addr,
    pub from: Option<Ipv6Addr>,
    pub iif: Option<String>,
    pub oif: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RouteCmd {
    Add { spec: RouteSpec, replace: bool },
    Del(RouteSpec),
    Add6 { spec: Route6Spec, replace: bool },
    Del6(Route6Spec),
    Show(RouteFilter),
    Flush(RouteFilter),
    Get(Ipv4Addr),
    Get6(Get6Spec),
}

fn table_name(id: u32) -> String {
    match id {
        RT_TABLE_MAIN => "main".into(),
        RT_TABLE_LOCAL => "local".into(),
        253 => "default".into(),
        n => n.to_string(),
    }
}

impl RouteFilter {
    /// iproute2's filter_nlmsg(): `root` wants the route inside the prefix,
    /// `match` the prefix inside the route, `exact` the very same prefix.
    fn selects(&self, r: &Route) -> bool {
        self.selects_kind(r.kind) && self.selects_prefix(IpAddr::V4(r.dst), r.prefix)
    }

    fn selects6(&self, r: &Route6) -> bool {
        self.selects_kind(r.kind) && self.selects_prefix(IpAddr::V6(r.dst), r.prefix)
    }

    /// `filter.typemask`.
    fn selects_kind(&self, kind: RouteType) -> bool {
        self.kind.is_none_or(|k| k == Ok(kind))
    }

    /// A selector of the other family selects nothing.
    fn selects_prefix(&self, dst: IpAddr, len: u8) -> bool {
        let inside = |a: IpAddr, net: IpAddr, l: u8| match (a, net) {
            (IpAddr::V4(a), IpAddr::V4(n)) => crate::kernel::addr::in_prefix(a, n, l),
            (IpAddr::V6(a), IpAddr::V6(n)) => in_prefix6(a, n, l),
            _ => false,
        };
        self.root.is_none_or(|(a, l)| len >= l && inside(dst, a, l))
            && self.within.is_none_or(|(a, _)| inside(a, dst, len))
            && self.exact.is_none_or(|(a, l)| len == l && inside(dst, a, l))
    }
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
        RouteCmd::Add6 { spec, replace } => {
            let mut r = spec.route.clone();
            if let Some(d) = &spec.dev {
                r.dev = ifindex(nl, d)?;
            }
            nl.route6_add(&r, *replace)?;
            Ok(Output::new())
        }
        RouteCmd::Del6(spec) => {
            let dev = match &spec.dev {
                Some(d) => Some(ifindex(nl, d)?),
                None => None,
            };
            let r = &spec.route;
            let m = Route6Match {
                table: r.table,
                dst: crate::kernel::route6::network6(r.dst, r.prefix),
                prefix: r.prefix,
                gateway: r.gateway,
                dev,
                metric: spec.metric_given.then_some(r.metric).filter(|m| *m != 0),
                proto: spec.proto_given.then_some(r.proto),
            };
            nl.route6_del(&m)?;
            Ok(Output::new())
        }
        RouteCmd::Get6(g) => {
            let mut q = Route6GetReq { dst: g.dst, from: g.from, iif: None, oif: None };
            if let Some(d) = &g.iif {
                q.iif = Some(ifindex(nl, d)?);
            }
            if let Some(d) = &g.oif {
                q.oif = Some(ifindex(nl, d)?);
            }
            let r = nl.route6_get(&q)?;
            let links = nl.link_dump();
            let name_of =
                |i: u32| links.iter().find(|l| l.ifindex == i).map_or_else(|| format!("if{i}"), |l| l.name.clone());
            let mut p = Printer::new(opts.json, opts.pretty, opts.color).about(Kind::Route);
            print_route6(&mut p, &r.msg, true, true, &name_of, Some(&r));
            let mut out = Output::new();
            out.out(p.finish());
            Ok(out)
        }
        RouteCmd::Show(f) => show(nl, opts, f),
        RouteCmd::Flush(f) if f.cache => {
            // iproute_flush_cache(): the kernel forgets its exceptions.
            let _ = nl.sysctl_write("net/ipv4/route/flush", "-1");
            Ok(Output::new())
        }
        RouteCmd::Flush(f) if opts.family == super::Family::Inet6 => {
            let dev = match &f.dev {
                Some(d) => Some(ifindex(nl, d)?),
                None => None,
            };
            for m in nl.route6_dump() {
                let r = m.route;
                if f.table.is_some_and(|t| t != r.table) || dev.is_some_and(|d| r.dev != d) || !f.selects6(&r) {
                    continue;
                }
                let _ = nl.route6_del(&Route6Match {
                    table: r.table,
                    dst: r.dst,
                    prefix: r.prefix,
                    gateway: r.gateway,
                    dev: Some(r.dev),
                    metric: Some(r.metric),
                    proto: None,
                });
            }
            Ok(Output::new())
        }
        RouteCmd::Flush(f) => {
            let dev = match &f.dev {
                Some(d) => Some(ifindex(nl, d)?),
                None => None,
            };
            // A flush's dump names its table (RTA_TABLE, main by default),
            // which the kernel looks up; a show of main does not.
            let v4 = opts.family != super::Family::Inet6;
            if v4 && f.table.is_some_and(|t| !nl.route_table_exists(t)) {
                return Err(Fail::new("Error: ipv4: FIB table does not exist.\nFlush terminated\n", 2));
            }
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
            let mut p = Printer::new(opts.json, opts.pretty, opts.color).about(Kind::Route);
            print_route_get(&mut p, &r, opts.oneline);
            let mut out = Output::new();
            out.out(p.finish());
            Ok(out)
        }
    }
}

fn ifindex(nl: &mut dyn Netlink, dev: &str) -> IpResult<u32> {
    nl.link_index(dev).ok_or_else(|| Fail::nodev(dev))
}

fn show(nl: &mut dyn Netlink, opts: &Opts, f: &RouteFilter) -> IpResult<Output> {
    if f.cache {
        let mut p = Printer::new(opts.json, opts.pretty, opts.color).about(Kind::Route);
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
    let mut p = Printer::new(opts.json, opts.pretty, opts.color).about(Kind::Route);
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
            let r = &m.route;
            if f.table.is_some_and(|t| t != r.table) || dev.is_some_and(|d| r.dev != d) || !f.selects6(r) {
                continue;
            }
            print_route6(&mut p, &m, f.table.is_none(), dev.is_none(), &name_of, None);
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
    type_and_dst(p, r.kind, std::net::IpAddr::V4(r.dst), r.prefix);
    if let Some(g) = r.gateway {
        let g = g.to_string();
        p.field("gateway", "via ");
        p.color_string(To::Any, Color::Inet, "gateway", &format!("{g} "), &g);
    }
    if let (Some(d), true) = (r.dev, show_dev) {
        let n = name_of(d);
        p.field("dev", "dev ");
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
        p.field("prefsrc", "src ");
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

/// `print_route()`'s start for either family: the type unless unicast,
/// then `default`, a host address (a full-length prefix) or `PREFIX/LEN`.
fn type_and_dst(p: &mut Printer, kind: RouteType, dst: std::net::IpAddr, prefix: u8) {
    if kind != RouteType::Unicast {
        p.string(To::Any, "type", &format!("{} ", kind.name()), kind.name());
    }
    let (full, color) = if dst.is_ipv4() { (32, Color::Inet) } else { (128, Color::Inet6) };
    let dst = if prefix == 0 && dst.is_unspecified() {
        "default".to_string()
    } else if prefix == full {
        dst.to_string()
    } else {
        format!("{dst}/{prefix}")
    };
    let color = if dst == "default" { Color::None } else { color };
    p.color_string(To::Any, color, "dst", &format!("{dst} "), &dst);
}

/// `print_route()` for an IPv6 route; with `got`, `ip -6 route get`'s
/// answer (`from`, `src` or `iif`).
fn print_route6(
    p: &mut Printer,
    m: &Route6Msg,
    show_table: bool,
    show_dev: bool,
    name_of: &dyn Fn(u32) -> String,
    got: Option<&Route6GetMsg>,
) {
    let r = &m.route;
    p.open_object(None);
    type_and_dst(p, r.kind, std::net::IpAddr::V6(r.dst), r.prefix);
    if let Some(g) = got {
        let f = g.from.to_string();
        p.field("src", "from ");
        p.color_string(To::Any, Color::Inet6, "src", &format!("{f} "), &f);
    }
    if let Some(g) = r.gateway {
        let g = g.to_string();
        p.field("gateway", "via ");
        p.color_string(To::Any, Color::Inet6, "gateway", &format!("{g} "), &g);
    }
    if show_dev {
        let n = name_of(r.dev);
        p.field("dev", "dev ");
        p.color_string(To::Any, Color::Ifname, "dev", &format!("{n} "), &n);
    }
    if show_table && r.table != RT_TABLE_MAIN {
        let t = table_name(r.table);
        p.string(To::Any, "table", &format!("table {t} "), &t);
    }
    if r.proto != Proto::Boot {
        let pr = r.proto.name();
        p.string(To::Any, "protocol", &format!("proto {pr} "), &pr);
    }
    if let Some(s) = got.and_then(|g| g.src) {
        let s = s.to_string();
        p.field("prefsrc", "src ");
        p.color_string(To::Any, Color::Inet6, "prefsrc", &format!("{s} "), &s);
    }
    p.uint(To::Any, "metric", &format!("metric {} ", r.metric), u64::from(r.metric));
    p.open_array(To::Json, "flags", "");
    if m.linkdown {
        p.string(To::Any, "", "linkdown ", "linkdown");
    }
    p.close_array(To::Json, "");
    if let Some(e) = m.expires {
        p.int(To::Any, "expires", &format!("expires {e}sec "), i64::from(e));
    }
    if !r.metrics.is_empty() {
        print_metrics(p, &r.metrics);
    }
    if let Some(i) = got.and_then(|g| g.iif) {
        let n = name_of(i);
        p.field("iif", "iif ");
        p.color_string(To::Any, Color::Ifname, "iif", &format!("{n} "), &n);
    }
    let pref = r.pref.name();
    p.string(To::Any, "pref", &format!("pref {pref}"), pref);
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
