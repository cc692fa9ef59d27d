//! Network devices: loopback, veth, bridge and a physical NIC, with the
//! state `ip link` shows.

use super::addr::IfAddr;
use super::mac::Mac;
use super::NsId;
use crate::lab::basic::COUNTERS_BUILT;

/// Where a device lives: its namespace and its index there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LinkRef {
    pub ns: NsId,
    pub ifindex: u32,
}

/// `IFLA_INET6_ADDR_GEN_MODE`: how addrconf makes a device's link-local
/// address the next time the device comes up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AddrGenMode {
    /// fe80:: and the modified EUI-64 of the MAC.
    #[default]
    Eui64,
    /// No link-local address.
    None,
    /// RFC 7217 from `stable_secret`; without a secret, no address.
    StablePrivacy,
    /// RFC 7217 from a secret drawn at random: `stable-privacy`.
    Random,
}

impl AddrGenMode {
    /// `get_addr_gen_mode()`'s names.
    pub fn parse(s: &str) -> Option<AddrGenMode> {
        match s {
            "eui64" => Some(AddrGenMode::Eui64),
            "none" => Some(AddrGenMode::None),
            "stable_secret" => Some(AddrGenMode::StablePrivacy),
            "random" => Some(AddrGenMode::Random),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            AddrGenMode::Eui64 => "eui64",
            AddrGenMode::None => "none",
            AddrGenMode::StablePrivacy => "stable_secret",
            AddrGenMode::Random => "random",
        }
    }
}

/// RFC 2863 operational state, as `IFLA_OPERSTATE` carries it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OperState {
    Unknown,
    Down,
    LowerLayerDown,
    Up,
}

impl OperState {
    pub fn name(self) -> &'static str {
        match self {
            OperState::Unknown => "UNKNOWN",
            OperState::Down => "DOWN",
            OperState::LowerLayerDown => "LOWERLAYERDOWN",
            OperState::Up => "UP",
        }
    }
}

/// A bridge port's STP state (STP is off, so only these two occur).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PortState {
    Disabled,
    Forwarding,
}

impl PortState {
    pub fn name(self) -> &'static str {
        match self {
            PortState::Disabled => "disabled",
            PortState::Forwarding => "forwarding",
        }
    }
}

/// One learnt entry of a bridge's forwarding database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FdbEntry {
    pub mac: Mac,
    /// The port (ifindex in the bridge's namespace) the address was seen on.
    pub port: u32,
    /// Virtual time (ms) of the last frame from this address.
    pub updated_ms: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bridge {
    pub fdb: Vec<FdbEntry>,
    /// The MTU was set by the user, so it no longer follows the ports.
    pub mtu_set: bool,
    /// The MAC was set by the user, so it no longer follows the ports.
    pub mac_set: bool,
    /// The bridge id's address: zero until the first port (or a set MAC).
    pub id: super::mac::Mac,
}

/// What kind of device a link is, and what that kind carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkKind {
    Loopback,
    /// A veth end; `peer` is `None` only while the pair is being made.
    Veth {
        peer: Option<LinkRef>,
    },
    Bridge(Bridge),
    /// A physical network card (a lab preset's `eth0`): its cable leads to
    /// a device in a namespace beyond the host, the preset's simulated
    /// network, which takes frames as a veth's peer does. It prints as
    /// hardware prints (no `@ifN`, no kind, its model's qdisc), cannot be
    /// deleted, and returns to the host when its namespace goes. Only the
    /// presets make one, so the basic lab is built without it.
    #[cfg(feature = "presets")]
    Nic(Nic),
}

/// A physical NIC and where its cable leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nic {
    /// The device at the cable's other end; `None` only while being made.
    pub wire: Option<LinkRef>,
    pub model: &'static NicModel,
}

/// What a card's driver and bus report, as `ip -d link` prints it.
#[derive(Debug, PartialEq, Eq)]
pub struct NicModel {
    /// The default qdisc a multiqueue card gets at its first up.
    pub qdisc: &'static str,
    pub min_mtu: u32,
    pub max_mtu: u32,
    pub queues: u32,
    pub tso_max_size: u32,
    /// IFLA_PARENT_DEV_BUS_NAME and IFLA_PARENT_DEV_NAME.
    pub parent_bus: &'static str,
    pub parent_dev: &'static str,
}

/// A cloud VM's network card as seed 001's host shows it (`mtu 9001 qdisc
/// mq`): Amazon's ENA, whose driver allows MTUs 128–9216, on PCI slot 5.
/// Modelled from the seed and the driver, not recorded here: this
/// machine's own card is virtio.
pub const ENA: NicModel = NicModel {
    qdisc: "mq",
    min_mtu: 128,
    max_mtu: 9216,
    queues: 2,
    tso_max_size: 65536,
    parent_bus: "pci",
    parent_dev: "0000:00:05.0",
};

impl LinkKind {
    /// The `IFLA_INFO_KIND` name (`type veth`), `None` for loopback.
    pub fn kind_name(&self) -> Option<&'static str> {
        match self {
            LinkKind::Loopback => None,
            LinkKind::Veth { .. } => Some("veth"),
            LinkKind::Bridge(_) => Some("bridge"),
            #[cfg(feature = "presets")]
            LinkKind::Nic(_) => None,
        }
    }
}

/// Attributes a new device gets at creation (`ip link add NAME mtu M …`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkAttrs {
    pub mtu: Option<u32>,
    pub address: Option<super::mac::Mac>,
    pub txqlen: Option<u32>,
    /// IFF_UP in the request's flags.
    pub up: bool,
}

/// Packet and byte counters, as `ip -s link` prints them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LinkStats {
    pub rx_packets: u64,
    pub rx_bytes: u64,
    pub rx_dropped: u64,
    /// IFLA_STATS64's `multicast`: multicast frames received (a bridge
    /// counts those it passes up to itself, broadcast ones not).
    pub rx_multicast: u64,
    pub tx_packets: u64,
    pub tx_bytes: u64,
    pub tx_dropped: u64,
}

/// Every count goes through these, which count nothing where counters
/// are not built (`COUNTERS_BUILT`: the first load's basic lab).
impl LinkStats {
    pub(crate) fn sent(&mut self, len: usize) {
        if COUNTERS_BUILT {
            self.tx_packets += 1;
            self.tx_bytes += len as u64;
        }
    }

    pub(crate) fn received(&mut self, len: usize) {
        if COUNTERS_BUILT {
            self.rx_packets += 1;
            self.rx_bytes += len as u64;
        }
    }

    pub(crate) fn received_multicast(&mut self) {
        if COUNTERS_BUILT {
            self.rx_multicast += 1;
        }
    }

    pub(crate) fn dropped_sending(&mut self) {
        if COUNTERS_BUILT {
            self.tx_dropped += 1;
        }
    }

    pub(crate) fn dropped_receiving(&mut self) {
        if COUNTERS_BUILT {
            self.rx_dropped += 1;
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub ifindex: u32,
    pub name: String,
    pub kind: LinkKind,
    pub mac: Mac,
    /// IFF_UP, set by `ip link set X up`.
    pub admin_up: bool,
    /// netif_carrier_ok().
    pub carrier: bool,
    /// The operstate as last computed by link-watch; reported only while up.
    pub oper: OperState,
    /// The qdisc became `noqueue` at the first up and stays until a move.
    pub qdisc_attached: bool,
    pub mtu: u32,
    pub txqlen: u32,
    /// The bridge (ifindex in the same namespace) this link is a port of.
    pub master: Option<u32>,
    pub port_state: PortState,
    /// The bridge port number (1, 2, …) while this link is a port.
    pub port_no: u16,
    /// IFLA_IFALIAS: a free-text description (`ip link set X alias TEXT`).
    pub alias: Option<String>,
    /// IFF_PROMISC, IFF_NOARP and IFF_MULTICAST as set by the user.
    pub promisc: bool,
    pub noarp: bool,
    pub multicast: bool,
    /// Its multicast groups, anycast addresses and hardware filter list
    /// (only with feature `mcast`: the basic lab keeps none).
    #[cfg(feature = "mcast")]
    pub mc: super::mcast::McLists,
    /// The reports and solicitations it has still to send (feature `mcast`).
    #[cfg(feature = "mcast")]
    pub own: super::own_traffic::OwnTraffic,
    /// Loopback's addresses (127.0.0.1, ::1) come only with NETDEV_UP: after
    /// an MTU too small for IP took them away, they wait for the next up.
    pub lo_awaits_up: bool,
    /// addrconf's IF_READY: IPv6 configured the device (its link-local
    /// address made, DAD run) since it last came up with carrier; a down,
    /// `disable_ipv6` or an MTU below 1280 clears it.
    pub ipv6_ready: bool,
    pub addr_gen_mode: AddrGenMode,
    /// `stable_secret`: `addrgenmode random` draws one the first time it
    /// runs and keeps it, so `stable_secret` later makes the same address.
    pub stable_secret: Option<u64>,
    /// IPv4 addresses first in the order added, then IPv6 in the order
    /// `ipv6_link_dev_addr()` keeps: by scope, widest first, newest first
    /// within a scope.
    pub addrs: Vec<IfAddr>,
    pub stats: LinkStats,
    /// IFLA_CARRIER_CHANGES: carrier transitions since registration (a veth
    /// starts at 1: it is switched off once registered).
    pub carrier_changes: u32,
    /// Creation order within the world, for stable layouts.
    pub serial: u64,
}

pub const ETH_MIN_MTU: u32 = 68;
/// Below this MTU a device has no IPv6 (RFC 8200's minimum link MTU).
pub const IPV6_MIN_MTU: u32 = 1280;
pub const ETH_MAX_MTU: u32 = 65535;
pub const LO_MTU: u32 = 65536;

impl Link {
    /// `ipv6_get_lladdr()`: its first link-local address past DAD.
    pub fn ipv6_lladdr(&self) -> Option<std::net::Ipv6Addr> {
        self.addrs
            .iter()
            .filter_map(|a| a.v6())
            .find(|a| a.local.is_unicast_link_local() && !a.tentative)
            .map(|a| a.local)
    }

    pub fn new(ifindex: u32, name: &str, kind: LinkKind, mac: Mac, serial: u64) -> Link {
        let mtu = if kind == LinkKind::Loopback { LO_MTU } else { 1500 };
        let veth = matches!(kind, LinkKind::Veth { .. });
        // A card's driver switches the carrier on once it is opened.
        #[cfg(feature = "presets")]
        let nic = matches!(kind, LinkKind::Nic(_));
        #[cfg(not(feature = "presets"))]
        let nic = false;
        Link {
            ifindex,
            name: name.to_string(),
            carrier: !veth && !nic,
            kind,
            mac,
            admin_up: false,
            oper: OperState::Unknown,
            qdisc_attached: false,
            mtu,
            txqlen: 1000,
            master: None,
            port_state: PortState::Disabled,
            port_no: 0,
            alias: None,
            promisc: false,
            noarp: false,
            multicast: true,
            #[cfg(feature = "mcast")]
            mc: Default::default(),
            #[cfg(feature = "mcast")]
            own: Default::default(),
            lo_awaits_up: false,
            ipv6_ready: false,
            addr_gen_mode: AddrGenMode::Eui64,
            stable_secret: None,
            addrs: Vec::new(),
            stats: LinkStats::default(),
            carrier_changes: u32::from(veth),
            serial,
        }
    }

    /// IPv4 is on for the device (it is off below 68 bytes of MTU).
    pub fn inet_enabled(&self) -> bool {
        self.mtu >= ETH_MIN_MTU
    }

    pub fn is_loopback(&self) -> bool {
        self.kind == LinkKind::Loopback
    }

    pub fn is_bridge(&self) -> bool {
        matches!(self.kind, LinkKind::Bridge(_))
    }

    pub fn veth_peer(&self) -> Option<LinkRef> {
        match self.kind {
            LinkKind::Veth { peer } => peer,
            _ => None,
        }
    }

    /// The device at the other end of this one's cable: a veth's peer or
    /// a NIC's wire.
    pub fn cable(&self) -> Option<LinkRef> {
        match &self.kind {
            LinkKind::Veth { peer } => *peer,
            #[cfg(feature = "presets")]
            LinkKind::Nic(n) => n.wire,
            _ => None,
        }
    }

    pub fn nic(&self) -> Option<&Nic> {
        match &self.kind {
            #[cfg(feature = "presets")]
            LinkKind::Nic(n) => Some(n),
            _ => None,
        }
    }

    pub fn bridge(&self) -> Option<&Bridge> {
        match &self.kind {
            LinkKind::Bridge(b) => Some(b),
            _ => None,
        }
    }

    pub fn bridge_mut(&mut self) -> Option<&mut Bridge> {
        match &mut self.kind {
            LinkKind::Bridge(b) => Some(b),
            _ => None,
        }
    }

    /// IFF_RUNNING: up and operationally up (or unknown).
    pub fn running(&self) -> bool {
        self.admin_up && matches!(self.oper, OperState::Up | OperState::Unknown) && self.carrier
    }

    /// IFF_LOWER_UP: up with carrier.
    pub fn lower_up(&self) -> bool {
        self.admin_up && self.carrier
    }

    /// Carries traffic: what the packet path checks before using a device.
    pub fn is_usable(&self) -> bool {
        self.lower_up()
    }

    /// The operstate `ip link` reports.
    pub fn operstate(&self) -> OperState {
        if self.admin_up {
            self.oper
        } else {
            OperState::Down
        }
    }

    /// The qdisc name `ip link` shows.
    pub fn qdisc(&self) -> &'static str {
        match (&self.kind, self.qdisc_attached) {
            (_, false) => "noop",
            #[cfg(feature = "presets")]
            (LinkKind::Nic(n), true) => n.model.qdisc,
            (_, true) => "noqueue",
        }
    }

    pub fn min_mtu(&self) -> u32 {
        match &self.kind {
            LinkKind::Loopback => 0,
            #[cfg(feature = "presets")]
            LinkKind::Nic(n) => n.model.min_mtu,
            _ => ETH_MIN_MTU,
        }
    }

    pub fn max_mtu(&self) -> u32 {
        match &self.kind {
            LinkKind::Loopback => 0,
            #[cfg(feature = "presets")]
            LinkKind::Nic(n) => n.model.max_mtu,
            _ => ETH_MAX_MTU,
        }
    }

    /// Transmit and receive queues, as `ip -d link` prints them.
    pub fn queues(&self) -> u32 {
        match &self.kind {
            LinkKind::Loopback | LinkKind::Bridge(_) => 1,
            #[cfg(feature = "presets")]
            LinkKind::Nic(n) => n.model.queues,
            // One per CPU of the machine the recordings come from.
            LinkKind::Veth { .. } => 2,
        }
    }

    /// IFLA_TSO_MAX_SIZE.
    pub fn tso_max_size(&self) -> u32 {
        match &self.kind {
            LinkKind::Bridge(_) => 65536,
            #[cfg(feature = "presets")]
            LinkKind::Nic(n) => n.model.tso_max_size,
            _ => 524280,
        }
    }

    /// `dev_get_iflink()`: the peer's index for a veth, our own otherwise.
    pub fn iflink(&self) -> u32 {
        match self.kind {
            LinkKind::Veth { peer } => peer.map_or(0, |p| p.ifindex),
            _ => self.ifindex,
        }
    }

    /// Link-watch: recompute the operstate after a carrier change
    /// (`default_operstate()` of the kernel the recordings come from).
    /// `lower_carrier` is the carrier of the device whose index is this
    /// one's `iflink` *in this device's namespace* (`None`: there is
    /// none): the kernel looks the index up there, so a veth end whose
    /// peer is in another namespace finds no lower device (or, by chance,
    /// an unrelated one). The state then stays as computed until the next
    /// carrier change: moving the device or switching it on does not
    /// recompute it.
    pub fn linkwatch(&mut self, lower_carrier: Option<bool>) {
        self.oper = if self.carrier {
            OperState::Up
        } else if self.iflink() != self.ifindex && lower_carrier == Some(false) {
            OperState::LowerLayerDown
        } else {
            OperState::Down
        };
    }

    /// Sets the carrier; true when it changed (the caller then runs
    /// link-watch, which needs the namespace: see [`Link::linkwatch`]).
    pub fn set_carrier(&mut self, on: bool) -> bool {
        let changed = self.carrier != on;
        if changed {
            self.carrier = on;
            self.carrier_changes += 1;
        }
        changed
    }
}
