//! IPv4 routes (`ip route`), kept per table as the FIB would hold them.

use std::net::Ipv4Addr;

use super::addr::Scope;

pub const RT_TABLE_MAIN: u32 = 254;
pub const RT_TABLE_LOCAL: u32 = 255;

/// `rtm_type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RouteType {
    Unicast,
    Local,
    Broadcast,
    Blackhole,
    Unreachable,
    Prohibit,
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
