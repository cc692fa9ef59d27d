//! The neighbour tables, ARP's (IPv4) and neighbour discovery's (IPv6):
//! RTM_{NEW,DEL,GET}NEIGH, decoded into the seam's [`NeighMsg`].

use std::net::IpAddr;

use netlink_packet_route::neighbour::{
    NeighbourAddress, NeighbourAttribute, NeighbourFlags, NeighbourMessage, NeighbourState,
};
use netlink_packet_route::{AddressFamily, RouteNetlinkMessage};
use sim_core::kernel::mac::Mac;
use sim_core::kernel::neigh::NudState;
use sim_core::netlink::{FdbMsg, NeighMsg};

fn state_value(s: NudState) -> NeighbourState {
    match s {
        NudState::Incomplete => NeighbourState::Incomplete,
        NudState::Reachable => NeighbourState::Reachable,
        NudState::Stale => NeighbourState::Stale,
        NudState::Delay => NeighbourState::Delay,
        NudState::Probe => NeighbourState::Probe,
        NudState::Failed => NeighbourState::Failed,
        NudState::Noarp => NeighbourState::Noarp,
        NudState::Permanent => NeighbourState::Permanent,
    }
}

/// NUD state as the seam's; NUD_NONE entries are not shown by `ip neigh`
/// (iproute2 skips state 0), so they decode to nothing.
fn state_of(s: &NeighbourState) -> Option<NudState> {
    Some(match s {
        NeighbourState::Incomplete => NudState::Incomplete,
        NeighbourState::Reachable => NudState::Reachable,
        NeighbourState::Stale => NudState::Stale,
        NeighbourState::Delay => NudState::Delay,
        NeighbourState::Probe => NudState::Probe,
        NeighbourState::Failed => NudState::Failed,
        NeighbourState::Noarp => NudState::Noarp,
        NeighbourState::Permanent => NudState::Permanent,
        _ => return None,
    })
}

/// RTM_GETNEIGH dump of one family's table (what `ip neigh show` lists:
/// not the proxy entries, which `proxy` asks for instead).
pub fn dump_msg(family: AddressFamily, proxy: bool) -> RouteNetlinkMessage {
    let mut m = NeighbourMessage::default();
    m.header.family = family;
    if proxy {
        m.header.flags = NeighbourFlags::Proxy;
    }
    RouteNetlinkMessage::GetNeighbour(m)
}

/// RTM_GETNEIGH dump of family AF_BRIDGE: bridges' forwarding databases
/// and every device's own address lists (`bridge fdb show`).
pub fn fdb_dump_msg() -> RouteNetlinkMessage {
    let mut m = NeighbourMessage::default();
    m.header.family = AddressFamily::Bridge;
    RouteNetlinkMessage::GetNeighbour(m)
}

/// An AF_BRIDGE RTM_NEWNEIGH as an [`FdbMsg`]: `master` from NDA_MASTER,
/// `self` from NTF_SELF, `permanent` from NUD_PERMANENT.
pub fn decode_fdb(m: &RouteNetlinkMessage) -> Option<FdbMsg> {
    let RouteNetlinkMessage::NewNeighbour(m) = m else { return None };
    if m.header.family != AddressFamily::Bridge {
        return None;
    }
    let mut mac = None;
    let mut master = None;
    for a in &m.attributes {
        match a {
            NeighbourAttribute::LinkLayerAddress(b) => mac = <[u8; 6]>::try_from(b.as_slice()).ok().map(Mac),
            NeighbourAttribute::Controller(i) => master = Some(*i),
            _ => {}
        }
    }
    Some(FdbMsg {
        mac: mac?,
        ifindex: m.header.ifindex,
        master,
        own: m.header.flags.contains(NeighbourFlags::Own),
        permanent: m.header.state == NeighbourState::Permanent,
    })
}

/// RTM_NEWNEIGH for `ip neigh add|replace`.
pub fn add_msg(n: &NeighMsg) -> RouteNetlinkMessage {
    let mut m = NeighbourMessage::default();
    m.header.family = family(n.dst);
    m.header.ifindex = n.ifindex;
    m.header.state = n.state.map_or(NeighbourState::None, state_value);
    let mut flags = NeighbourFlags::empty();
    if n.proxy {
        flags |= NeighbourFlags::Proxy;
    }
    if n.router {
        flags |= NeighbourFlags::Router;
    }
    m.header.flags = flags;
    m.attributes.push(NeighbourAttribute::Destination(address(n.dst)));
    if let Some(ll) = n.lladdr {
        m.attributes.push(NeighbourAttribute::LinkLayerAddress(ll.0.to_vec()));
    }
    RouteNetlinkMessage::NewNeighbour(m)
}

fn family(dst: IpAddr) -> AddressFamily {
    if dst.is_ipv6() {
        AddressFamily::Inet6
    } else {
        AddressFamily::Inet
    }
}

fn address(dst: IpAddr) -> NeighbourAddress {
    match dst {
        IpAddr::V4(a) => NeighbourAddress::Inet(a),
        IpAddr::V6(a) => NeighbourAddress::Inet6(a),
    }
}

/// RTM_DELNEIGH (of the proxy entry with `proxy`).
pub fn del_msg(ifindex: u32, dst: IpAddr, proxy: bool) -> RouteNetlinkMessage {
    let mut m = NeighbourMessage::default();
    m.header.family = family(dst);
    m.header.ifindex = ifindex;
    if proxy {
        m.header.flags = NeighbourFlags::Proxy;
    }
    m.attributes.push(NeighbourAttribute::Destination(address(dst)));
    RouteNetlinkMessage::DelNeighbour(m)
}

/// An RTM_NEWNEIGH of a dump as a [`NeighMsg`].
pub fn decode(m: &RouteNetlinkMessage) -> Option<NeighMsg> {
    let RouteNetlinkMessage::NewNeighbour(m) = m else { return None };
    if m.header.family != AddressFamily::Inet && m.header.family != AddressFamily::Inet6 {
        return None;
    }
    let proxy = m.header.flags.contains(NeighbourFlags::Proxy);
    let mut dst = None;
    let mut lladdr = None;
    for a in &m.attributes {
        match a {
            NeighbourAttribute::Destination(NeighbourAddress::Inet(ip)) => dst = Some(IpAddr::V4(*ip)),
            NeighbourAttribute::Destination(NeighbourAddress::Inet6(ip)) => dst = Some(IpAddr::V6(*ip)),
            NeighbourAttribute::LinkLayerAddress(b) => lladdr = <[u8; 6]>::try_from(b.as_slice()).ok().map(Mac),
            _ => {}
        }
    }
    Some(NeighMsg {
        ifindex: m.header.ifindex,
        dst: dst?,
        lladdr,
        // A proxy entry's state is NUD_NONE.
        state: if proxy { None } else { Some(state_of(&m.header.state)?) },
        router: m.header.flags.contains(NeighbourFlags::Router),
        proxy,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_then_decode_round_trip() {
        let n = NeighMsg {
            ifindex: 4,
            dst: IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 2)),
            lladdr: Some(Mac([2, 1, 2, 3, 4, 5])),
            state: Some(NudState::Permanent),
            router: false,
            proxy: false,
        };
        let RouteNetlinkMessage::NewNeighbour(m) = add_msg(&n) else { panic!("NewNeighbour") };
        assert_eq!(decode(&RouteNetlinkMessage::NewNeighbour(m)), Some(n));
    }
}
