//! IPv4 routes: RTM_{NEW,DEL,GET}ROUTE, decoded into the seam's [`RouteMsg`].

use std::net::{Ipv4Addr, Ipv6Addr};

use netlink_packet_route::route::{
    RouteAddress, RouteAttribute, RouteFlags, RouteHeader, RouteMessage, RouteMetric, RoutePreference, RouteProtocol,
    RouteScope, RouteType as NlType,
};
use netlink_packet_route::{AddressFamily, RouteNetlinkMessage};
use sim_core::kernel::addr::Scope;
use sim_core::kernel::ops::Route6Match;
use sim_core::kernel::ops::RouteMatch;
use sim_core::kernel::route::{
    Metrics, Proto, Route, RouteType, RTAX_ADVMSS, RTAX_CWND, RTAX_HOPLIMIT, RTAX_INITCWND, RTAX_INITRWND, RTAX_MTU,
    RTAX_QUICKACK, RTAX_REORDERING, RTAX_SSTHRESH, RTAX_WINDOW,
};
use sim_core::kernel::route6::{Origin, Pref, Route6};
use sim_core::netlink::{Route6GetMsg, Route6GetReq, Route6Msg, RouteMsg};

use super::addr::scope_of;

const RTNH_F_ONLINK: u32 = 4;
const RTNH_F_LINKDOWN: u32 = 16;

fn type_value(t: RouteType) -> u8 {
    match t {
        RouteType::Unicast => 1,
        RouteType::Local => 2,
        RouteType::Broadcast => 3,
        RouteType::Blackhole => 6,
        RouteType::Unreachable => 7,
        RouteType::Prohibit => 8,
        RouteType::Multicast => 5,
    }
}

/// `rtm_type` as the seam's [`RouteType`]; anycast, multicast, throw and
/// nat routes have no variant (IPv4 lessons never make them).
fn type_of(v: u8) -> Option<RouteType> {
    Some(match v {
        1 => RouteType::Unicast,
        2 => RouteType::Local,
        3 => RouteType::Broadcast,
        6 => RouteType::Blackhole,
        7 => RouteType::Unreachable,
        8 => RouteType::Prohibit,
        _ => return None,
    })
}

fn proto_of(v: u8) -> Proto {
    match v {
        2 => Proto::Kernel,
        3 => Proto::Boot,
        4 => Proto::Static,
        v => Proto::Other(v),
    }
}

/// The header fields and RTA_TABLE for table `t` (ids above 255 travel in RTA_TABLE only).
fn set_table(m: &mut RouteMessage, t: u32) {
    m.header.table = u8::try_from(t).unwrap_or(RouteHeader::RT_TABLE_UNSPEC);
    m.attributes.push(RouteAttribute::Table(t));
}

/// RTA_GATEWAY, RTA_OIF and RTA_PRIORITY, each when given.
fn push_nexthop(m: &mut RouteMessage, gateway: Option<RouteAddress>, dev: Option<u32>, metric: Option<u32>) {
    if let Some(g) = gateway {
        m.attributes.push(RouteAttribute::Gateway(g));
    }
    if let Some(d) = dev {
        m.attributes.push(RouteAttribute::Oif(d));
    }
    if let Some(p) = metric {
        m.attributes.push(RouteAttribute::Priority(p));
    }
}

/// RTA_METRICS (RTAX_LOCK last), when there are any.
fn push_metrics(m: &mut RouteMessage, metrics: &Metrics) {
    if metrics.is_empty() {
        return;
    }
    let mut mx: Vec<RouteMetric> = metrics.values().iter().map(|&(id, v)| metric_to_nl(id, v)).collect();
    if metrics.lock != 0 {
        mx.push(RouteMetric::Lock(metrics.lock));
    }
    m.attributes.push(RouteAttribute::Metrics(mx));
}

/// RTM_GETROUTE dump of IPv4 routes (every table, as the kernel keeps them).
pub fn dump_msg() -> RouteNetlinkMessage {
    let mut m = RouteMessage::default();
    m.header.address_family = AddressFamily::Inet;
    RouteNetlinkMessage::GetRoute(m)
}

fn base(table: u32, dst: Ipv4Addr, prefix: u8) -> RouteMessage {
    let mut m = RouteMessage::default();
    m.header.address_family = AddressFamily::Inet;
    m.header.destination_prefix_length = prefix;
    set_table(&mut m, table);
    m.attributes.push(RouteAttribute::Destination(RouteAddress::Inet(dst)));
    m
}

/// RTM_NEWROUTE for `ip route add|replace`.
pub fn add_msg(r: &Route) -> RouteNetlinkMessage {
    let mut m = base(r.table, r.dst, r.prefix);
    m.header.protocol = RouteProtocol::from(r.proto.value());
    m.header.scope = RouteScope::from(r.scope.value());
    m.header.kind = NlType::from(type_value(r.kind));
    if r.onlink {
        m.header.flags = RouteFlags::from_bits_retain(RTNH_F_ONLINK);
    }
    if let Some(s) = r.src {
        m.attributes.push(RouteAttribute::PrefSource(RouteAddress::Inet(s)));
    }
    push_nexthop(&mut m, r.gateway.map(RouteAddress::Inet), r.dev, (r.metric != 0).then_some(r.metric));
    push_metrics(&mut m, &r.metrics);
    RouteNetlinkMessage::NewRoute(m)
}

fn metric_to_nl(id: u8, v: u32) -> RouteMetric {
    match id {
        RTAX_MTU => RouteMetric::Mtu(v),
        RTAX_WINDOW => RouteMetric::Window(v),
        RTAX_SSTHRESH => RouteMetric::SsThresh(v),
        RTAX_CWND => RouteMetric::Cwnd(v),
        RTAX_ADVMSS => RouteMetric::Advmss(v),
        RTAX_REORDERING => RouteMetric::Reordering(v),
        RTAX_HOPLIMIT => RouteMetric::Hoplimit(v),
        RTAX_INITCWND => RouteMetric::InitCwnd(v),
        RTAX_INITRWND => RouteMetric::InitRwnd(v),
        _ => RouteMetric::QuickAck(v),
    }
}

/// RTA_METRICS as the seam's [`Metrics`]; metrics it has no name for are left out.
fn metrics_of(mx: &[RouteMetric]) -> Metrics {
    let mut m = Metrics::default();
    for x in mx {
        let (id, v) = match *x {
            RouteMetric::Lock(l) => {
                m.lock = l;
                continue;
            }
            RouteMetric::Mtu(v) => (RTAX_MTU, v),
            RouteMetric::Window(v) => (RTAX_WINDOW, v),
            RouteMetric::SsThresh(v) => (RTAX_SSTHRESH, v),
            RouteMetric::Cwnd(v) => (RTAX_CWND, v),
            RouteMetric::Advmss(v) => (RTAX_ADVMSS, v),
            RouteMetric::Reordering(v) => (RTAX_REORDERING, v),
            RouteMetric::Hoplimit(v) => (RTAX_HOPLIMIT, v),
            RouteMetric::InitCwnd(v) => (RTAX_INITCWND, v),
            RouteMetric::InitRwnd(v) => (RTAX_INITRWND, v),
            RouteMetric::QuickAck(v) => (RTAX_QUICKACK, v),
            _ => continue,
        };
        m.set(id, v);
    }
    m
}

/// RTM_DELROUTE: unset fields are sent as "any" (type and protocol 0,
/// scope NOWHERE), as iproute2 sends them.
pub fn del_msg(w: &RouteMatch) -> RouteNetlinkMessage {
    let mut m = base(w.table, w.dst, w.prefix);
    m.header.protocol = RouteProtocol::from(w.proto.map_or(0, Proto::value));
    m.header.scope = RouteScope::from(w.scope.unwrap_or(Scope::Nowhere).value());
    m.header.kind = NlType::from(w.kind.map_or(0, type_value));
    push_nexthop(&mut m, w.gateway.map(RouteAddress::Inet), w.dev, w.metric);
    RouteNetlinkMessage::DelRoute(m)
}

/// RTM_GETROUTE dump of the IPv4 route exceptions (`ip route show cache`).
pub fn cache_dump_msg() -> RouteNetlinkMessage {
    let mut m = RouteMessage::default();
    m.header.address_family = AddressFamily::Inet;
    m.header.flags = RouteFlags::Cloned;
    RouteNetlinkMessage::GetRoute(m)
}

/// RTM_GETROUTE dump of IPv6 routes (`ip -6 route`, `table all`).
pub fn dump6_msg() -> RouteNetlinkMessage {
    let mut m = RouteMessage::default();
    m.header.address_family = AddressFamily::Inet6;
    RouteNetlinkMessage::GetRoute(m)
}

/// RTM_GETROUTE of one destination (`ip route get DST`): no dump flag, a
/// /32 destination, nothing else, as iproute2 sends it.
pub fn get_msg(dst: Ipv4Addr) -> RouteNetlinkMessage {
    let mut m = RouteMessage::default();
    m.header.address_family = AddressFamily::Inet;
    m.header.destination_prefix_length = 32;
    m.attributes.push(RouteAttribute::Destination(RouteAddress::Inet(dst)));
    RouteNetlinkMessage::GetRoute(m)
}

/// What the kernel answered to [`get_msg`]: the route type, the gateway,
/// the output device's index, the preferred source and the uid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Got {
    pub kind: RouteType,
    pub dst: Ipv4Addr,
    pub gateway: Option<Ipv4Addr>,
    pub oif: u32,
    pub src: Option<Ipv4Addr>,
    pub uid: Option<u32>,
    pub metrics: Metrics,
    /// RTA_CACHEINFO's expiry in seconds (a learned path MTU).
    pub expires: Option<u32>,
}

/// The RTM_NEWROUTE answering an RTM_GETROUTE.
pub fn decode_get(m: &RouteNetlinkMessage) -> Option<Got> {
    let RouteNetlinkMessage::NewRoute(m) = m else { return None };
    if m.header.address_family != AddressFamily::Inet {
        return None;
    }
    let mut g = Got {
        kind: type_of(u8::from(m.header.kind)).unwrap_or(RouteType::Unicast),
        dst: Ipv4Addr::UNSPECIFIED,
        gateway: None,
        oif: 0,
        src: None,
        uid: None,
        metrics: Metrics::default(),
        expires: None,
    };
    for a in &m.attributes {
        match a {
            RouteAttribute::Destination(d) => g.dst = v4(d)?,
            RouteAttribute::Gateway(gw) => g.gateway = v4(gw),
            RouteAttribute::Oif(i) => g.oif = *i,
            RouteAttribute::PrefSource(s) => g.src = v4(s),
            RouteAttribute::Uid(u) => g.uid = Some(*u),
            RouteAttribute::Metrics(mx) => g.metrics = metrics_of(mx),
            // `rta_expires` is in clock ticks; iproute2 divides by USER_HZ (100).
            RouteAttribute::CacheInfo(c) if c.expires != 0 => g.expires = Some(c.expires / 100),
            _ => {}
        }
    }
    Some(g)
}

fn base6(table: u32, dst: Ipv6Addr, prefix: u8) -> RouteMessage {
    let mut m = RouteMessage::default();
    m.header.address_family = AddressFamily::Inet6;
    m.header.destination_prefix_length = prefix;
    set_table(&mut m, table);
    m.attributes.push(RouteAttribute::Destination(RouteAddress::Inet6(dst)));
    m
}

fn pref_value(p: Pref) -> RoutePreference {
    match p {
        Pref::Low => RoutePreference::Low,
        Pref::Medium => RoutePreference::Medium,
        Pref::High => RoutePreference::High,
    }
}

/// RTM_NEWROUTE for `ip -6 route add|replace`; a reject type goes without
/// a device (the kernel gives it `lo`).
pub fn add6_msg(r: &Route6) -> RouteNetlinkMessage {
    let mut m = base6(r.table, r.dst, r.prefix);
    m.header.protocol = RouteProtocol::from(r.proto.value());
    m.header.scope = RouteScope::Universe;
    m.header.kind = NlType::from(type_value(r.kind));
    let metric = (r.metric != 0).then_some(r.metric);
    push_nexthop(&mut m, r.gateway.map(RouteAddress::Inet6), (r.dev != 0).then_some(r.dev), metric);
    push_metrics(&mut m, &r.metrics);
    if r.pref != Pref::Medium {
        m.attributes.push(RouteAttribute::Preference(pref_value(r.pref)));
    }
    RouteNetlinkMessage::NewRoute(m)
}

/// RTM_DELROUTE for `ip -6 route del`: unset fields are "any", as for IPv4.
pub fn del6_msg(w: &Route6Match) -> RouteNetlinkMessage {
    let mut m = base6(w.table, w.dst, w.prefix);
    m.header.protocol = RouteProtocol::from(w.proto.map_or(0, Proto::value));
    m.header.scope = RouteScope::from(Scope::Nowhere.value());
    push_nexthop(&mut m, w.gateway.map(RouteAddress::Inet6), w.dev, w.metric);
    RouteNetlinkMessage::DelRoute(m)
}

/// RTM_GETROUTE for `ip -6 route get`: a /128 destination, and `from`,
/// `iif`, `oif` when asked, as iproute2 sends them.
pub fn get6_msg(q: &Route6GetReq) -> RouteNetlinkMessage {
    let mut m = RouteMessage::default();
    m.header.address_family = AddressFamily::Inet6;
    m.header.destination_prefix_length = 128;
    m.attributes.push(RouteAttribute::Destination(RouteAddress::Inet6(q.dst)));
    if let Some(f) = q.from {
        m.header.source_prefix_length = 128;
        m.attributes.push(RouteAttribute::Source(RouteAddress::Inet6(f)));
    }
    if let Some(i) = q.iif {
        m.attributes.push(RouteAttribute::Iif(i));
    }
    if let Some(o) = q.oif {
        m.attributes.push(RouteAttribute::Oif(o));
    }
    RouteNetlinkMessage::GetRoute(m)
}

/// The RTM_NEWROUTE answering [`get6_msg`].
pub fn decode_get6(m: &RouteNetlinkMessage) -> Option<Route6GetMsg> {
    let RouteNetlinkMessage::NewRoute(nm) = m else { return None };
    let msg = route6_of(nm)?;
    let (mut from, mut src, mut iif) = (Ipv6Addr::UNSPECIFIED, None, None);
    for a in &nm.attributes {
        match a {
            RouteAttribute::Source(RouteAddress::Inet6(f)) => from = *f,
            RouteAttribute::PrefSource(RouteAddress::Inet6(s)) => src = Some(*s),
            RouteAttribute::Iif(i) => iif = Some(*i),
            _ => {}
        }
    }
    Some(Route6GetMsg { msg: Route6Msg { linkdown: false, ..msg }, from, src, iif })
}

/// An IPv6 RTM_NEWROUTE of a dump as a [`Route6Msg`]; cached clones and
/// types other than unicast, local, multicast and the reject types are
/// left out.
pub fn decode6(m: &RouteNetlinkMessage) -> Option<Route6Msg> {
    let RouteNetlinkMessage::NewRoute(m) = m else { return None };
    if m.header.flags.contains(RouteFlags::Cloned) {
        return None;
    }
    route6_of(m)
}

fn route6_of(m: &RouteMessage) -> Option<Route6Msg> {
    if m.header.address_family != AddressFamily::Inet6 {
        return None;
    }
    let kind = match u8::from(m.header.kind) {
        5 => RouteType::Multicast,
        v => type_of(v)?,
    };
    let mut r = Route6 {
        table: u32::from(m.header.table),
        kind,
        dst: Ipv6Addr::UNSPECIFIED,
        prefix: m.header.destination_prefix_length,
        gateway: None,
        dev: 0,
        proto: proto_of(u8::from(m.header.protocol)),
        metric: 0,
        pref: Pref::Medium,
        metrics: Default::default(),
        expires_ms: None,
        origin: Origin::User,
    };
    let mut expires = None;
    for a in &m.attributes {
        match a {
            RouteAttribute::Table(t) => r.table = *t,
            RouteAttribute::Destination(RouteAddress::Inet6(d)) => r.dst = *d,
            RouteAttribute::Gateway(RouteAddress::Inet6(g)) => r.gateway = Some(*g),
            RouteAttribute::Oif(i) => r.dev = *i,
            RouteAttribute::Priority(p) => r.metric = *p,
            RouteAttribute::Metrics(mx) => r.metrics = metrics_of(mx),
            RouteAttribute::Preference(p) => {
                r.pref = match p {
                    RoutePreference::Low => Pref::Low,
                    RoutePreference::High => Pref::High,
                    _ => Pref::Medium,
                }
            }
            RouteAttribute::CacheInfo(c) if c.expires > 0 => expires = Some(c.expires / 100),
            _ => {}
        }
    }
    let linkdown = m.header.flags.bits() & RTNH_F_LINKDOWN != 0;
    Some(Route6Msg { route: r, linkdown, expires })
}

fn v4(a: &RouteAddress) -> Option<Ipv4Addr> {
    match a {
        RouteAddress::Inet(ip) => Some(*ip),
        _ => None,
    }
}

/// An RTM_NEWROUTE of a dump as a [`RouteMsg`]; cached clones and types the
/// seam cannot name are left out.
pub fn decode(m: &RouteNetlinkMessage) -> Option<RouteMsg> {
    let RouteNetlinkMessage::NewRoute(m) = m else { return None };
    if m.header.address_family != AddressFamily::Inet {
        return None;
    }
    let flags = m.header.flags.bits();
    let mut r = Route {
        table: u32::from(m.header.table),
        kind: type_of(u8::from(m.header.kind))?,
        dst: Ipv4Addr::UNSPECIFIED,
        prefix: m.header.destination_prefix_length,
        gateway: None,
        dev: None,
        proto: proto_of(u8::from(m.header.protocol)),
        scope: scope_of(u8::from(m.header.scope)),
        src: None,
        metric: 0,
        onlink: flags & RTNH_F_ONLINK != 0,
        metrics: Metrics::default(),
    };
    for a in &m.attributes {
        match a {
            RouteAttribute::Table(t) => r.table = *t,
            RouteAttribute::Destination(d) => r.dst = v4(d)?,
            RouteAttribute::Gateway(g) => r.gateway = v4(g),
            RouteAttribute::Oif(i) => r.dev = Some(*i),
            RouteAttribute::PrefSource(s) => r.src = v4(s),
            RouteAttribute::Priority(p) => r.metric = *p,
            RouteAttribute::Metrics(mx) => r.metrics = metrics_of(mx),
            _ => {}
        }
    }
    Some(RouteMsg { route: r, linkdown: flags & RTNH_F_LINKDOWN != 0 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim_core::kernel::route::RT_TABLE_MAIN;

    #[test]
    fn add_then_decode_round_trip() {
        let r = Route {
            table: RT_TABLE_MAIN,
            kind: RouteType::Unicast,
            dst: Ipv4Addr::new(10, 9, 0, 0),
            prefix: 16,
            gateway: Some(Ipv4Addr::new(10, 0, 0, 1)),
            dev: Some(3),
            proto: Proto::Boot,
            scope: Scope::Global,
            src: None,
            metric: 100,
            onlink: true,
            metrics: Metrics::default(),
        };
        let RouteNetlinkMessage::NewRoute(m) = add_msg(&r) else { panic!("NewRoute") };
        let d = decode(&RouteNetlinkMessage::NewRoute(m)).expect("decodes");
        assert_eq!(d.route, r);
        assert!(!d.linkdown);
    }

    #[test]
    fn ipv6_add_then_decode_round_trip() {
        let mut r = Route6 {
            table: RT_TABLE_MAIN,
            kind: RouteType::Unicast,
            dst: "2001:db8:300::".parse().expect("address"),
            prefix: 48,
            gateway: Some("fe80::1".parse().expect("address")),
            dev: 3,
            proto: Proto::Boot,
            metric: 1024,
            pref: Pref::High,
            metrics: Metrics::default(),
            expires_ms: None,
            origin: Origin::User,
        };
        r.metrics.set(RTAX_MTU, 1400);
        let d = decode6(&add6_msg(&r)).expect("decodes");
        assert_eq!(d.route, r);
        assert!(!d.linkdown && d.expires.is_none());
    }
}
