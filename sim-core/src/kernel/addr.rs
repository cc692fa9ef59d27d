//! Interface addresses (`ip address`).

use std::net::{Ipv4Addr, Ipv6Addr};

/// Address scope (`RT_SCOPE_*`), shared by addresses and routes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scope {
    Global,
    Site,
    Link,
    Host,
    Nowhere,
}

impl Scope {
    pub fn name(self) -> &'static str {
        match self {
            Scope::Global => "global",
            Scope::Site => "site",
            Scope::Link => "link",
            Scope::Host => "host",
            Scope::Nowhere => "nowhere",
        }
    }

    /// The numeric value Linux uses (0 universe … 254 host, 255 nowhere).
    pub fn value(self) -> u8 {
        match self {
            Scope::Global => 0,
            Scope::Site => 200,
            Scope::Link => 253,
            Scope::Host => 254,
            Scope::Nowhere => 255,
        }
    }

    /// Parses a scope name or number as `rtnl_rtscope_a2n` does.
    pub fn parse(s: &str) -> Option<Scope> {
        match s {
            "global" | "universe" | "0" => Some(Scope::Global),
            "site" | "200" => Some(Scope::Site),
            "link" | "253" => Some(Scope::Link),
            "host" | "254" => Some(Scope::Host),
            "nowhere" | "255" => Some(Scope::Nowhere),
            _ => None,
        }
    }
}

/// An IPv4 address on an interface.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inet4 {
    pub local: Ipv4Addr,
    pub prefix: u8,
    pub broadcast: Option<Ipv4Addr>,
    pub scope: Scope,
    pub label: String,
}

/// An IPv6 address on an interface (`struct inet6_ifaddr`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inet6 {
    pub local: Ipv6Addr,
    pub prefix: u8,
    pub scope: Scope,
    /// IFA_F_TENTATIVE: duplicate address detection has not finished; the
    /// address is not usable and has no `local` route yet.
    pub tentative: bool,
    /// IFA_F_DADFAILED: another host on the link has it (shown with
    /// `tentative`, which stays).
    pub dadfailed: bool,
    /// IFA_F_NODAD: added with `nodad`, usable at once.
    pub nodad: bool,
    /// IFA_F_NOPREFIXROUTE: no prefix route of its own.
    pub noprefixroute: bool,
    /// IFA_F_STABLE_PRIVACY: made by `addrgenmode random` (RFC 7217).
    pub stable_privacy: bool,
    /// Virtual time (ms) when DAD ends, while `tentative` and not `dadfailed`;
    /// `None` while it waits for the link to be up with carrier.
    pub dad_at_ms: Option<u64>,
    /// DAD probes still to send (`dad_probes`), one a second, the last a
    /// second before `dad_at_ms`.
    pub dad_probes: u8,
    /// Virtual time (ms) its valid and preferred lifetimes end (`None`:
    /// forever). A finite one makes it `dynamic` (not IFA_F_PERMANENT).
    pub valid_until_ms: Option<u64>,
    pub preferred_until_ms: Option<u64>,
    /// When it was added or its lifetimes last set (ms): what the
    /// lifetimes shown count down from, in whole seconds.
    pub tstamp_ms: u64,
    /// Creation order in the kernel: routes derived from addresses are listed in it.
    pub serial: u64,
}

impl Inet6 {
    /// `inet6_fill_ifaddr()`'s lifetimes: the seconds given, less the
    /// whole seconds since `tstamp_ms` (`None`: forever).
    pub fn lifetimes_left(&self, now_ms: u64) -> (Option<u32>, Option<u32>) {
        let elapsed = now_ms.saturating_sub(self.tstamp_ms) / 1000;
        let left = |until: Option<u64>| {
            until.map(|t| (t.saturating_sub(self.tstamp_ms) / 1000).saturating_sub(elapsed) as u32)
        };
        (left(self.valid_until_ms), left(self.preferred_until_ms))
    }

    /// A permanent address with every flag off and no DAD pending.
    pub fn new(local: Ipv6Addr, prefix: u8, scope: Scope, serial: u64) -> Inet6 {
        Inet6 {
            local,
            prefix,
            scope,
            tentative: false,
            dadfailed: false,
            nodad: false,
            noprefixroute: false,
            stable_privacy: false,
            dad_at_ms: None,
            dad_probes: 0,
            valid_until_ms: None,
            preferred_until_ms: None,
            tstamp_ms: 0,
            serial,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IfAddr {
    V4(Inet4),
    V6(Inet6),
}

impl IfAddr {
    pub fn v4(&self) -> Option<&Inet4> {
        match self {
            IfAddr::V4(a) => Some(a),
            IfAddr::V6(_) => None,
        }
    }

    pub fn v6(&self) -> Option<&Inet6> {
        match self {
            IfAddr::V6(a) => Some(a),
            IfAddr::V4(_) => None,
        }
    }
}

/// The netmask of a prefix length.
pub fn mask(prefix: u8) -> u32 {
    if prefix == 0 {
        0
    } else {
        u32::MAX << (32 - u32::from(prefix.min(32)))
    }
}

/// The network address of `addr/prefix`.
pub fn network(addr: Ipv4Addr, prefix: u8) -> Ipv4Addr {
    Ipv4Addr::from(u32::from(addr) & mask(prefix))
}

/// Whether `addr` lies in `net/prefix`.
pub fn in_prefix(addr: Ipv4Addr, net: Ipv4Addr, prefix: u8) -> bool {
    u32::from(addr) & mask(prefix) == u32::from(net) & mask(prefix)
}

/// The broadcast address of `addr/prefix`.
pub fn broadcast(addr: Ipv4Addr, prefix: u8) -> Ipv4Addr {
    Ipv4Addr::from(u32::from(addr) | !mask(prefix))
}

/// A link-local address with an interface identifier from `bits` (what
/// `addrgenmode random` draws; its universal/local bit is clear, as
/// RFC 7217's identifiers' are not constrained).
pub fn random_link_local(bits: u64) -> Ipv6Addr {
    Ipv6Addr::from((0xfe80u128 << 112) | u128::from(bits))
}

/// The IPv6 link-local address a MAC gives (fe80::/64 + modified EUI-64).
pub fn link_local(mac: super::mac::Mac) -> Ipv6Addr {
    let e = mac.eui64();
    let mut b = [0u8; 16];
    b[0] = 0xfe;
    b[1] = 0x80;
    b[8..].copy_from_slice(&e);
    Ipv6Addr::from(b)
}
