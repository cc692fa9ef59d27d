//! Addresses: RTM_{NEW,DEL,GET}ADDR, decoded into the seam's [`AddrMsg`].

use std::net::IpAddr;

use netlink_packet_route::address::{
    AddressAttribute, AddressFlags, AddressHeaderFlags, AddressMessage, AddressScope, CacheInfo,
};
use netlink_packet_route::{AddressFamily, RouteNetlinkMessage};
use sim_core::kernel::addr::{Inet4, Scope};
use sim_core::netlink::{Addr6Req, AddrMsg};

/// INFINITY_LIFE_TIME: a lifetime that never ends.
const FOREVER: u32 = u32::MAX;

/// A scope number as the seam's [`Scope`]. Numbers between the named ones
/// (user-defined scopes) have no variant: they show as the next named one.
pub fn scope_of(v: u8) -> Scope {
    match v {
        0..=199 => Scope::Global,
        200..=252 => Scope::Site,
        253 => Scope::Link,
        254 => Scope::Host,
        255 => Scope::Nowhere,
    }
}

/// RTM_GETADDR dump of every family, as `ip address` asks.
pub fn dump_msg() -> RouteNetlinkMessage {
    RouteNetlinkMessage::GetAddress(AddressMessage::default())
}

/// RTM_NEWADDR for `ip address add`: IFA_LOCAL and IFA_ADDRESS, broadcast
/// and label as iproute2 sends them.
pub fn add_msg(ifindex: u32, a: &Inet4) -> RouteNetlinkMessage {
    let mut m = AddressMessage::default();
    m.header.family = AddressFamily::Inet;
    m.header.prefix_len = a.prefix;
    m.header.scope = AddressScope::from(a.scope.value());
    m.header.index = ifindex;
    m.attributes.push(AddressAttribute::Local(IpAddr::V4(a.local)));
    m.attributes.push(AddressAttribute::Address(IpAddr::V4(a.local)));
    if let Some(b) = a.broadcast {
        m.attributes.push(AddressAttribute::Broadcast(b));
    }
    m.attributes.push(AddressAttribute::Label(a.label.clone()));
    RouteNetlinkMessage::NewAddress(m)
}

/// RTM_NEWADDR for `ip -6 address add`, as `ipaddr_modify()` sends it:
/// IFA_LOCAL and IFA_ADDRESS, the flags (those above the header's byte in
/// IFA_FLAGS), and IFA_CACHEINFO only when a lifetime was given (the other
/// one then forever).
pub fn add6_msg(ifindex: u32, a: &Addr6Req) -> RouteNetlinkMessage {
    let mut m = AddressMessage::default();
    m.header.family = AddressFamily::Inet6;
    m.header.prefix_len = a.prefix;
    m.header.index = ifindex;
    if let Some(s) = a.scope {
        m.header.scope = AddressScope::from(s.value());
    }
    let ip = IpAddr::V6(a.local);
    m.attributes.push(AddressAttribute::Local(ip));
    m.attributes.push(AddressAttribute::Address(ip));
    let mut flags = AddressFlags::empty();
    flags.set(AddressFlags::Nodad, a.nodad);
    flags.set(AddressFlags::Noprefixroute, a.noprefixroute);
    match u8::try_from(flags.bits()) {
        Ok(b) => m.header.flags = AddressHeaderFlags::from_bits_retain(b),
        Err(_) => m.attributes.push(AddressAttribute::Flags(flags)),
    }
    if a.valid_lft.is_some() || a.preferred_lft.is_some() {
        let mut c = CacheInfo::default();
        c.ifa_preferred = a.preferred_lft.unwrap_or(FOREVER);
        c.ifa_valid = a.valid_lft.unwrap_or(FOREVER);
        m.attributes.push(AddressAttribute::CacheInfo(c));
    }
    RouteNetlinkMessage::NewAddress(m)
}

/// RTM_DELADDR: iproute2 sends IFA_LOCAL (no IFA_ADDRESS), so the kernel
/// matches the address whatever its prefix length.
pub fn del_msg(ifindex: u32, local: IpAddr, prefix: u8) -> RouteNetlinkMessage {
    let mut m = AddressMessage::default();
    m.header.family = if local.is_ipv4() { AddressFamily::Inet } else { AddressFamily::Inet6 };
    m.header.prefix_len = prefix;
    m.header.index = ifindex;
    if local.is_ipv4() {
        m.attributes.push(AddressAttribute::Local(local));
    } else {
        m.attributes.push(AddressAttribute::Address(local));
    }
    RouteNetlinkMessage::DelAddress(m)
}

/// An RTM_NEWADDR of a dump as an [`AddrMsg`].
pub fn decode(m: &RouteNetlinkMessage) -> Option<AddrMsg> {
    let RouteNetlinkMessage::NewAddress(m) = m else { return None };
    let mut local = None;
    let mut address = None;
    let mut broadcast = None;
    let mut label = None;
    let mut flags = u32::from(m.header.flags.bits());
    let mut cache = None;
    for a in &m.attributes {
        match a {
            AddressAttribute::Local(ip) => local = Some(*ip),
            AddressAttribute::Address(ip) => address = Some(*ip),
            AddressAttribute::Broadcast(b) => broadcast = Some(*b),
            AddressAttribute::Label(l) => label = Some(l.clone()),
            AddressAttribute::Flags(f) => flags = f.bits(),
            AddressAttribute::CacheInfo(c) => cache = Some((c.ifa_valid, c.ifa_preferred)),
            _ => {}
        }
    }
    // IPv4 names the interface's own address IFA_LOCAL (IFA_ADDRESS is the
    // peer's on point-to-point links); IPv6 has only IFA_ADDRESS.
    let local = local.or(address)?;
    let has = |f: AddressFlags| flags & f.bits() != 0;
    Some(AddrMsg {
        ifindex: m.header.index,
        local,
        prefix: m.header.prefix_len,
        broadcast,
        scope: scope_of(u8::from(m.header.scope)),
        label: if local.is_ipv4() { label } else { None },
        secondary: has(AddressFlags::Secondary),
        tentative: has(AddressFlags::Tentative),
        permanent: has(AddressFlags::Permanent),
        dadfailed: has(AddressFlags::Dadfailed),
        nodad: has(AddressFlags::Nodad),
        noprefixroute: has(AddressFlags::Noprefixroute),
        deprecated: has(AddressFlags::Deprecated),
        stable_privacy: has(AddressFlags::StablePrivacy),
        valid_lft: cache.map(|c| c.0).filter(|&v| v != FOREVER),
        preferred_lft: cache.map(|c| c.1).filter(|&v| v != FOREVER),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    #[test]
    fn add_then_decode_round_trip() {
        let a = Inet4 {
            local: Ipv4Addr::new(10, 0, 0, 1),
            prefix: 24,
            broadcast: Some(Ipv4Addr::new(10, 0, 0, 255)),
            scope: Scope::Global,
            label: "eth0".into(),
        };
        let RouteNetlinkMessage::NewAddress(mut m) = add_msg(2, &a) else { panic!("NewAddress") };
        m.attributes.push(AddressAttribute::Flags(AddressFlags::Permanent));
        let d = decode(&RouteNetlinkMessage::NewAddress(m)).expect("decodes");
        assert_eq!(d.local, IpAddr::V4(a.local));
        assert_eq!(
            (d.prefix, d.broadcast, d.scope, d.label.as_deref()),
            (24, a.broadcast, Scope::Global, Some("eth0"))
        );
        assert!(d.permanent && !d.secondary && !d.tentative);
    }

    #[test]
    fn scopes_map_by_range() {
        assert_eq!(scope_of(0), Scope::Global);
        assert_eq!(scope_of(253), Scope::Link);
        assert_eq!(scope_of(254), Scope::Host);
    }

    #[test]
    fn ipv6_flags_past_the_header_byte_go_in_ifa_flags() {
        let req = Addr6Req {
            local: "2001:db8::1".parse().expect("address"),
            prefix: 64,
            scope: None,
            nodad: true,
            noprefixroute: true,
            valid_lft: Some(60),
            preferred_lft: None,
        };
        let RouteNetlinkMessage::NewAddress(m) = add6_msg(4, &req) else { panic!("NewAddress") };
        let flags = m.attributes.iter().find_map(|a| match a {
            AddressAttribute::Flags(f) => Some(*f),
            _ => None,
        });
        assert_eq!(flags, Some(AddressFlags::Nodad | AddressFlags::Noprefixroute));
        let cache = m.attributes.iter().find_map(|a| match a {
            AddressAttribute::CacheInfo(c) => Some((c.ifa_valid, c.ifa_preferred)),
            _ => None,
        });
        assert_eq!(cache, Some((60, FOREVER)));
        let d = decode(&RouteNetlinkMessage::NewAddress(m)).expect("decodes");
        assert_eq!((d.prefix, d.valid_lft, d.preferred_lft), (64, Some(60), None));
    }
}
