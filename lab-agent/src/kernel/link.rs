//! Links: RTM_{NEW,DEL,GET}LINK requests, and dumps decoded into the
//! seam's [`LinkMsg`]. Also RTM_GETNSID, which `ip` asks next to link dumps.

use std::fs::File;
use std::os::fd::AsRawFd;

use netlink_packet_core::DefaultNla;
use netlink_packet_route::link::{
    AfSpecInet6, AfSpecUnspec, BridgePortState, In6AddrGenMode, InfoBridge, InfoBridgePort, InfoData, InfoKind,
    InfoPortData, InfoVeth, LinkAttribute, LinkFlags, LinkInfo, LinkMessage, State,
};
use netlink_packet_route::nsid::{NsidAttribute, NsidMessage};
use netlink_packet_route::{AddressFamily, RouteNetlinkMessage};
use sim_core::kernel::link::{AddrGenMode, LinkStats, OperState, PortState};
use sim_core::kernel::mac::Mac;
use sim_core::netlink::{BrPortMsg, LinkAddReq, LinkAttrs, LinkMsg, LinkSetReq};

/// `linux/if_link.h`; sent as a raw attribute (see `set_msg`).
const IFLA_IFALIAS: u16 = 20;

/// RTM_GETLINK, dump of every link.
pub fn dump_msg() -> RouteNetlinkMessage {
    RouteNetlinkMessage::GetLink(LinkMessage::default())
}

/// RTM_GETLINK of one link.
pub fn get_msg(ifindex: u32) -> RouteNetlinkMessage {
    let mut m = LinkMessage::default();
    m.header.index = ifindex;
    RouteNetlinkMessage::GetLink(m)
}

/// RTM_GETLINK of one link by name.
pub fn get_by_name_msg(name: &str) -> RouteNetlinkMessage {
    let mut m = LinkMessage::default();
    m.attributes.push(LinkAttribute::IfName(name.to_string()));
    RouteNetlinkMessage::GetLink(m)
}

/// RTM_NEWLINK creating a device (`ip link add`). `ns`/`peer_ns` are the
/// opened namespaces of `netns NAME` on either side.
pub fn add_msg(req: &LinkAddReq, ns: Option<&File>, peer_ns: Option<&File>) -> RouteNetlinkMessage {
    let mut m = LinkMessage::default();
    let (name, kind, data) = match req {
        LinkAddReq::Veth { name, peer, peer_attrs, .. } => {
            let mut p = LinkMessage::default();
            if let Some(n) = peer {
                p.attributes.push(LinkAttribute::IfName(n.clone()));
            }
            push_attrs(&mut p, peer_attrs);
            if let Some(f) = peer_ns {
                p.attributes.push(LinkAttribute::NetNsFd(f.as_raw_fd()));
            }
            (name, InfoKind::Veth, Some(InfoData::Veth(InfoVeth::Peer(p))))
        }
        LinkAddReq::Bridge { name, .. } => (name, InfoKind::Bridge, None),
    };
    push_attrs(
        &mut m,
        match req {
            LinkAddReq::Veth { attrs, .. } | LinkAddReq::Bridge { attrs, .. } => attrs,
        },
    );
    if let Some(n) = name {
        m.attributes.push(LinkAttribute::IfName(n.clone()));
    }
    if let Some(f) = ns {
        m.attributes.push(LinkAttribute::NetNsFd(f.as_raw_fd()));
    }
    let mut info = vec![LinkInfo::Kind(kind)];
    info.extend(data.map(LinkInfo::Data));
    m.attributes.push(LinkAttribute::LinkInfo(info));
    RouteNetlinkMessage::NewLink(m)
}

/// Creation attributes (`mtu`, `address`, `txqueuelen`, `up`) on a new device's message.
fn push_attrs(m: &mut LinkMessage, a: &LinkAttrs) {
    if let Some(v) = a.mtu {
        m.attributes.push(LinkAttribute::Mtu(v));
    }
    if let Some(mac) = a.address {
        m.attributes.push(LinkAttribute::Address(mac.0.to_vec()));
    }
    if let Some(q) = a.txqlen {
        m.attributes.push(LinkAttribute::TxQueueLen(q));
    }
    if a.up {
        m.header.change_mask |= LinkFlags::Up;
        m.header.flags |= LinkFlags::Up;
    }
}

/// RTM_NEWLINK changing a device (`ip link set`): one message, as iproute2 sends.
pub fn set_msg(ifindex: u32, req: &LinkSetReq, ns: Option<&File>) -> RouteNetlinkMessage {
    let mut m = LinkMessage::default();
    m.header.index = ifindex;
    // Flag changes travel in ifi_flags/ifi_change, all in the one message.
    // `arp off` sets IFF_NOARP.
    for (want, flag) in [
        (req.up, LinkFlags::Up),
        (req.promisc, LinkFlags::Promisc),
        (req.arp.map(|on| !on), LinkFlags::Noarp),
        (req.multicast, LinkFlags::Multicast),
    ] {
        if let Some(on) = want {
            m.header.change_mask |= flag;
            if on {
                m.header.flags |= flag;
            }
        }
    }
    if let Some(f) = ns {
        m.attributes.push(LinkAttribute::NetNsFd(f.as_raw_fd()));
    }
    if let Some(a) = req.address {
        m.attributes.push(LinkAttribute::Address(a.0.to_vec()));
    }
    if let Some(mtu) = req.mtu {
        m.attributes.push(LinkAttribute::Mtu(mtu));
    }
    if let Some(n) = &req.name {
        m.attributes.push(LinkAttribute::IfName(n.clone()));
    }
    if let Some(alias) = &req.alias {
        // As iproute2 sends it: no NUL, so that an empty alias (length 0)
        // removes it and 255 bytes are still within IFALIASZ.
        m.attributes.push(LinkAttribute::Other(DefaultNla::new(IFLA_IFALIAS, alias.as_bytes().to_vec())));
    }
    if let Some(master) = req.master {
        m.attributes.push(LinkAttribute::Controller(master.unwrap_or(0)));
    }
    if let Some(q) = req.txqlen {
        m.attributes.push(LinkAttribute::TxQueueLen(q));
    }
    if let Some(g) = req.addrgenmode {
        let mode = match g {
            AddrGenMode::Eui64 => In6AddrGenMode::Eui64,
            AddrGenMode::None => In6AddrGenMode::None,
            AddrGenMode::StablePrivacy => In6AddrGenMode::StablePrivacy,
            AddrGenMode::Random => In6AddrGenMode::Random,
        };
        m.attributes.push(LinkAttribute::AfSpecUnspec(vec![AfSpecUnspec::Inet6(vec![AfSpecInet6::AddrGenMode(mode)])]));
    }
    RouteNetlinkMessage::NewLink(m)
}

/// IFLA_AF_SPEC's IPv6 address generation mode, when a dump carries it.
fn addr_gen_mode(spec: &[AfSpecUnspec]) -> Option<AddrGenMode> {
    spec.iter().find_map(|s| match s {
        AfSpecUnspec::Inet6(v) => v.iter().find_map(|a| match a {
            AfSpecInet6::AddrGenMode(In6AddrGenMode::None) => Some(AddrGenMode::None),
            AfSpecInet6::AddrGenMode(In6AddrGenMode::StablePrivacy) => Some(AddrGenMode::StablePrivacy),
            AfSpecInet6::AddrGenMode(In6AddrGenMode::Random) => Some(AddrGenMode::Random),
            AfSpecInet6::AddrGenMode(_) => Some(AddrGenMode::Eui64),
            _ => None,
        }),
        _ => None,
    })
}

/// RTM_DELLINK.
pub fn del_msg(ifindex: u32) -> RouteNetlinkMessage {
    let mut m = LinkMessage::default();
    m.header.index = ifindex;
    RouteNetlinkMessage::DelLink(m)
}

/// RTM_GETNSID for the namespace open as `f` (no id is allocated by it).
pub fn getnsid_msg(f: &File) -> RouteNetlinkMessage {
    let mut m = NsidMessage::default();
    m.attributes.push(NsidAttribute::Fd(f.as_raw_fd() as u32));
    RouteNetlinkMessage::GetNsId(m)
}

/// RTM_NEWNSID: give the namespace open as `f` the id `id` here (-1: any).
pub fn newnsid_msg(f: &File, id: i32) -> RouteNetlinkMessage {
    let mut m = NsidMessage::default();
    m.attributes.push(NsidAttribute::Fd(f.as_raw_fd() as u32));
    m.attributes.push(NsidAttribute::Id(id));
    RouteNetlinkMessage::NewNsId(m)
}

/// The id of an RTM_NEWNSID reply; -1 means none.
pub fn nsid_of(m: &RouteNetlinkMessage) -> Option<i32> {
    let RouteNetlinkMessage::NewNsId(m) = m else { return None };
    m.attributes.iter().find_map(|a| match a {
        NsidAttribute::Id(id) if *id >= 0 => Some(*id),
        _ => None,
    })
}

fn mac(b: &[u8]) -> Mac {
    <[u8; 6]>::try_from(b).map(Mac).unwrap_or(Mac::ZERO)
}

fn operstate(s: &State) -> OperState {
    match s {
        State::Up => OperState::Up,
        State::Down => OperState::Down,
        State::LowerLayerDown => OperState::LowerLayerDown,
        // The seam names four states; NOTPRESENT/TESTING/DORMANT have no
        // device here and show as UNKNOWN.
        _ => OperState::Unknown,
    }
}

fn kind_name(k: &InfoKind) -> String {
    match k {
        InfoKind::Veth => "veth".into(),
        InfoKind::Bridge => "bridge".into(),
        other => other.to_string(),
    }
}

fn brport(info: &[LinkInfo]) -> Option<BrPortMsg> {
    info.iter().find_map(|i| match i {
        LinkInfo::PortData(InfoPortData::BridgePort(attrs)) => {
            let mut p =
                BrPortMsg { state: PortState::Disabled, priority: 0, cost: 0, port_no: 0, bridge_mac: Mac::ZERO };
            for a in attrs {
                match a {
                    // STP is off in the lessons: a port is disabled or forwarding.
                    InfoBridgePort::State(s) => {
                        p.state =
                            if *s == BridgePortState::Forwarding { PortState::Forwarding } else { PortState::Disabled }
                    }
                    InfoBridgePort::Priority(v) => p.priority = u32::from(*v),
                    InfoBridgePort::Cost(v) => p.cost = *v,
                    InfoBridgePort::PortNumber(v) => p.port_no = *v,
                    // With STP off the designated bridge is the port's own bridge.
                    InfoBridgePort::BridgeId(id) => p.bridge_mac = Mac(id.address),
                    _ => {}
                }
            }
            Some(p)
        }
        _ => None,
    })
}

/// A bridge's IFLA_BR_BRIDGE_ID address.
fn bridge_id(info: &[LinkInfo]) -> Option<Mac> {
    info.iter().find_map(|i| match i {
        LinkInfo::Data(InfoData::Bridge(attrs)) => attrs.iter().find_map(|a| match a {
            InfoBridge::BridgeId(id) => Some(Mac(id.address)),
            _ => None,
        }),
        _ => None,
    })
}

/// An RTM_NEWLINK of a dump as the seam's [`LinkMsg`] (AF_UNSPEC only:
/// bridge port notifications come as AF_BRIDGE with less in them).
pub fn decode(m: &RouteNetlinkMessage) -> Option<LinkMsg> {
    let RouteNetlinkMessage::NewLink(m) = m else { return None };
    if m.header.interface_family != AddressFamily::Unspec {
        return None;
    }
    let mut l = skeleton(m.header.index, String::new());
    l.flags = m.header.flags.bits();
    l.link_type = u16::from(m.header.link_layer_type);
    for a in &m.attributes {
        match a {
            LinkAttribute::IfName(n) => l.name = n.clone(),
            LinkAttribute::AfSpecUnspec(spec) => l.addr_gen_mode = addr_gen_mode(spec).unwrap_or_default(),
            LinkAttribute::Mtu(v) => l.mtu = *v,
            LinkAttribute::Qdisc(q) => l.qdisc = q.clone(),
            LinkAttribute::OperState(s) => l.operstate = operstate(s),
            LinkAttribute::TxQueueLen(v) => l.txqlen = *v,
            LinkAttribute::Address(b) => l.address = mac(b),
            LinkAttribute::Broadcast(b) => l.broadcast = mac(b),
            LinkAttribute::Link(v) => l.link = Some(*v),
            LinkAttribute::LinkNetNsId(v) => l.link_netnsid = Some(*v),
            LinkAttribute::Controller(v) => l.master = Some(*v),
            LinkAttribute::IfAlias(a) => l.alias = Some(a.clone()),
            LinkAttribute::CarrierChanges(v) => l.carrier_changes = *v,
            LinkAttribute::NumTxQueues(v) => l.queues = *v,
            LinkAttribute::TsoMaxSize(v) => l.tso_max_size = *v,
            LinkAttribute::ParentDevBusName(b) => l.parent.get_or_insert_with(Default::default).0 = b.clone(),
            LinkAttribute::ParentDevName(d) => l.parent.get_or_insert_with(Default::default).1 = d.clone(),
            LinkAttribute::MinMtu(v) => l.min_mtu = *v,
            LinkAttribute::MaxMtu(v) => l.max_mtu = *v,
            LinkAttribute::Promiscuity(v) => l.promiscuity = *v,
            LinkAttribute::AllMulticast(v) => l.allmulti = *v,
            LinkAttribute::LinkInfo(info) => {
                l.kind = info.iter().find_map(|i| match i {
                    LinkInfo::Kind(k) => Some(kind_name(k)),
                    _ => None,
                });
                l.brport = brport(info);
                l.bridge_id = bridge_id(info).unwrap_or(Mac::ZERO);
            }
            LinkAttribute::Stats64(s) => {
                l.stats = LinkStats {
                    rx_packets: s.rx_packets,
                    rx_bytes: s.rx_bytes,
                    rx_dropped: s.rx_dropped,
                    rx_multicast: s.multicast,
                    tx_packets: s.tx_packets,
                    tx_bytes: s.tx_bytes,
                    tx_dropped: s.tx_dropped,
                }
            }
            _ => {}
        }
    }
    Some(l)
}

/// A [`LinkMsg`] carrying only an index and a name.
fn skeleton(ifindex: u32, name: String) -> LinkMsg {
    LinkMsg {
        ifindex,
        name,
        addr_gen_mode: sim_core::kernel::link::AddrGenMode::Eui64,
        flags: 0,
        mtu: 0,
        qdisc: String::new(),
        operstate: OperState::Unknown,
        txqlen: 0,
        link_type: 0,
        address: Mac::ZERO,
        broadcast: Mac::ZERO,
        link: None,
        link_netnsid: None,
        master: None,
        alias: None,
        kind: None,
        min_mtu: 0,
        max_mtu: 0,
        promiscuity: 0,
        allmulti: 0,
        brport: None,
        bridge_id: Mac::ZERO,
        stats: LinkStats::default(),
        carrier_changes: 0,
        queues: 1,
        tso_max_size: 0,
        parent: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_reads_the_fields_ip_prints() {
        let mut m = LinkMessage::default();
        m.header.index = 3;
        m.header.flags = LinkFlags::Up | LinkFlags::Broadcast;
        m.attributes = vec![
            LinkAttribute::IfName("veth0".into()),
            LinkAttribute::Mtu(1500),
            LinkAttribute::Link(2),
            LinkAttribute::LinkNetNsId(0),
            LinkAttribute::OperState(State::LowerLayerDown),
            LinkAttribute::Address(vec![2, 0, 0, 0, 0, 1]),
            LinkAttribute::LinkInfo(vec![LinkInfo::Kind(InfoKind::Veth)]),
        ];
        let l = decode(&RouteNetlinkMessage::NewLink(m)).expect("a link");
        assert_eq!((l.ifindex, l.name.as_str(), l.mtu, l.link, l.link_netnsid), (3, "veth0", 1500, Some(2), Some(0)));
        assert_eq!(l.operstate, OperState::LowerLayerDown);
        assert_eq!(l.kind.as_deref(), Some("veth"));
        assert_eq!(l.address, Mac([2, 0, 0, 0, 0, 1]));
        assert_eq!(l.flags, 0x3);
    }
}
