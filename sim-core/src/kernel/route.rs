//! IPv4 routes (`ip route`), kept per table as the FIB would hold them.

use std::net::Ipv4Addr;

use super::addr::Scope;

pub const RT_TABLE_MAIN: u32 = 254;
pub const RT_TABLE_LOCAL: u32 = 255;

/// `rtm_type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RouteType {
    Unicast,
    Local,
    Broadcast,
    Blackhole,
    Unreachable,
    Prohibit,
    /// RTN_MULTICAST: IPv6's `multicast ff00::/8` per device.
    Multicast,
}

impl RouteType {
    pub fn name(self) -> &'static str {
        match self {
            RouteType::Unicast => "unicast",
            RouteType::Local => "local",
            RouteType::Broadcast => "broadcast",
            RouteType::Blackhole => "blackhole",
            RouteType::Unreachable => "unreachable",
            RouteType::Prohibit => "prohibit",
            RouteType::Multicast => "multicast",
        }
    }
}

/// `rtm_protocol`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Proto {
    Kernel,
    Boot,
    Static,
    Other(u8),
}

impl Proto {
    pub fn value(self) -> u8 {
        match self {
            Proto::Kernel => 2,
            Proto::Boot => 3,
            Proto::Static => 4,
            Proto::Other(v) => v,
        }
    }

    pub fn name(self) -> String {
        match self {
            Proto::Kernel => "kernel".into(),
            Proto::Boot => "boot".into(),
            Proto::Static => "static".into(),
            Proto::Other(v) => v.to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub table: u32,
    pub kind: RouteType,
    pub dst: Ipv4Addr,
    pub prefix: u8,
    pub gateway: Option<Ipv4Addr>,
    /// The output device (ifindex in the route's namespace).
    pub dev: Option<u32>,
    pub proto: Proto,
    pub scope: Scope,
    pub src: Option<Ipv4Addr>,
    pub metric: u32,
    pub onlink: bool,
    /// RTA_METRICS: `mtu`, `advmss`, `window`… with their locks.
    pub metrics: Metrics,
}

/// A path MTU learnt from an ICMP "fragmentation needed" (a FIB nexthop
/// exception): used for packets to `dst` until `expires_ms`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PathMtu {
    pub dst: Ipv4Addr,
    pub mtu: u32,
    /// Learnt below the minimum: DF is no longer set (`mtu lock 552`).
    pub locked: bool,
    pub expires_ms: u64,
    /// Emptied by a cache flush and not looked up since: hidden from dumps.
    pub stale: bool,
}

impl PathMtu {
    /// Whether packets to `dst` use it at `now_ms`.
    pub fn valid(&self, now_ms: u64) -> bool {
        self.mtu > 0 && self.expires_ms > now_ms
    }

    /// `rt_fill_info()`: puts a valid exception's MTU (and lock) into the
    /// route's metrics, and returns the seconds it has left.
    pub fn fill(&self, metrics: &mut Metrics, now_ms: u64) -> Option<u32> {
        if !self.valid(now_ms) {
            return None;
        }
        metrics.set(RTAX_MTU, self.mtu);
        if self.locked {
            metrics.lock |= 1 << RTAX_MTU;
        }
        Some(((self.expires_ms - now_ms) / 1000) as u32)
    }

    /// Whether `ip route show cache` lists it: a valid one, or one a
    /// lookup rebound after a flush (then with nothing learnt).
    pub fn listed(&self, now_ms: u64) -> bool {
        self.valid(now_ms) || (self.mtu == 0 && !self.stale)
    }
}

/// `RTAX_*`: the metrics a route may carry, by their netlink numbers.
pub const RTAX_MTU: u8 = 2;
pub const RTAX_WINDOW: u8 = 3;
pub const RTAX_SSTHRESH: u8 = 6;
pub const RTAX_CWND: u8 = 7;
pub const RTAX_ADVMSS: u8 = 8;
pub const RTAX_REORDERING: u8 = 9;
pub const RTAX_HOPLIMIT: u8 = 10;
pub const RTAX_INITCWND: u8 = 11;
pub const RTAX_INITRWND: u8 = 14;
pub const RTAX_QUICKACK: u8 = 15;

/// How `ip route` names each metric (iproute2's `mx_names`), by RTAX number.
pub fn metric_name(id: u8) -> Option<&'static str> {
    Some(match id {
        RTAX_MTU => "mtu",
        RTAX_WINDOW => "window",
        RTAX_SSTHRESH => "ssthresh",
        RTAX_CWND => "cwnd",
        RTAX_ADVMSS => "advmss",
        RTAX_REORDERING => "reordering",
        RTAX_HOPLIMIT => "hoplimit",
        RTAX_INITCWND => "initcwnd",
        RTAX_INITRWND => "initrwnd",
        RTAX_QUICKACK => "quickack",
        _ => return None,
    })
}

/// A route's metrics: values by RTAX number, in that order, and the lock
/// bits (`mtu lock 1300`: bit `1 << RTAX_MTU`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metrics {
    pub lock: u32,
    values: Vec<(u8, u32)>,
}

impl Metrics {
    pub fn get(&self, id: u8) -> Option<u32> {
        self.values.iter().find(|(i, _)| *i == id).map(|(_, v)| *v)
    }

    /// Sets one metric as `ip_metrics_convert()` stores it: clamped, and
    /// a zero is no metric at all.
    pub fn set(&mut self, id: u8, v: u32) {
        let v = match id {
            RTAX_MTU => v.min(65535 - 15),
            RTAX_ADVMSS => v.min(65535 - 40),
            RTAX_HOPLIMIT => v.min(255),
            _ => v,
        };
        self.values.retain(|(i, _)| *i != id);
        if v != 0 {
            let at = self.values.iter().position(|(i, _)| *i > id).unwrap_or(self.values.len());
            self.values.insert(at, (id, v));
        }
    }

    pub fn is_locked(&self, id: u8) -> bool {
        self.lock & (1 << id) != 0
    }

    /// What a dump carries, in RTAX order.
    pub fn values(&self) -> &[(u8, u32)] {
        &self.values
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty() && self.lock == 0
    }
}

impl Route {
    /// Whether `addr` falls inside this route's destination prefix.
    pub fn covers(&self, addr: Ipv4Addr) -> bool {
        super::addr::in_prefix(addr, self.dst, self.prefix)
    }

    /// The FIB's identity of a route: what `add` collides with and `replace` replaces.
    pub fn same_key(&self, other: &Route) -> bool {
        self.table == other.table && self.dst == other.dst && self.prefix == other.prefix && self.metric == other.metric
    }
}

/// Dump order of the FIB trie: by destination, longer prefixes first for the
/// same address, then by metric.
pub fn dump_order(a: &Route, b: &Route) -> std::cmp::Ordering {
    (u32::from(a.dst), std::cmp::Reverse(a.prefix), a.metric).cmp(&(
        u32::from(b.dst),
        std::cmp::Reverse(b.prefix),
        b.metric,
    ))
}
