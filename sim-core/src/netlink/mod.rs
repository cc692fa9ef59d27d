//! The seam between the tools and a kernel: requests and dumps shaped like
//! rtnetlink messages ([`Netlink`]), and beside them the socket calls
//! ([`Sockets`]) and the netfilter table batches ([`Netfilter`]) the other
//! tools make.
//!
//! `iproute` and the other tools are written against [`Netlink`] only. The
//! simulator implements it in [`SimNetlink`]; lab-agent implements it over
//! real rtnetlink sockets. Whatever a dump returns is printed by the same
//! renderer, so the renderer is checked against real kernel data too.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::kernel::addr::{Inet4, Scope};
use crate::kernel::link::{LinkStats, OperState, PortState};
use crate::kernel::mac::Mac;
use crate::kernel::neigh::NudState;
pub use crate::kernel::ops::Route6Match;
use crate::kernel::ops::RouteMatch;
use crate::kernel::route::Route;
pub use crate::kernel::route6::{Pref, Route6};
use crate::kernel::{Errno, KResult};

pub mod netfilter;
mod sim;
mod sim_sockets;
mod sim_taps;
pub mod sockets;

pub use netfilter::{Netfilter, SimNetfilter};
pub use sim::SimNetlink;
pub use sim_sockets::{ParkedSockets, SimSockets};
pub use sim_taps::{capture_devices, SimTaps};
pub use sockets::{InetSockets, PacketSockets, Sockets};

pub const IFF_UP: u32 = 0x1;
pub const IFF_BROADCAST: u32 = 0x2;
pub const IFF_LOOPBACK: u32 = 0x8;
pub const IFF_RUNNING: u32 = 0x40;
pub const IFF_NOARP: u32 = 0x80;
pub const IFF_PROMISC: u32 = 0x100;
pub const IFF_MULTICAST: u32 = 0x1000;
pub const IFF_LOWER_UP: u32 = 0x10000;

pub const ARPHRD_ETHER: u16 = 1;
pub const ARPHRD_LOOPBACK: u16 = 772;

/// RTM_NEWLINK as a dump returns it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkMsg {
    pub ifindex: u32,
    pub name: String,
    /// `dev_get_flags()`: IFF_* bits.
    pub flags: u32,
    pub mtu: u32,
    pub qdisc: String,
    pub operstate: OperState,
    pub txqlen: u32,
    pub link_type: u16,
    pub address: Mac,
    pub broadcast: Mac,
    /// IFLA_LINK: a veth's peer index (0 while it has none).
    pub link: Option<u32>,
    /// IFLA_LINK_NETNSID: the peer's namespace, as this namespace numbers it.
    pub link_netnsid: Option<i32>,
    pub master: Option<u32>,
    /// IFLA_IFALIAS.
    pub alias: Option<String>,
    /// IFLA_INFO_KIND.
    pub kind: Option<String>,
    pub min_mtu: u32,
    pub max_mtu: u32,
    pub promiscuity: u32,
    pub allmulti: u32,
    /// Bridge port info (IFLA_PROTINFO) for ports.
    pub brport: Option<BrPortMsg>,
    /// A bridge's id address (IFLA_BR_BRIDGE_ID); zero for other links.
    pub bridge_id: Mac,
    pub stats: LinkStats,
    /// IFLA_CARRIER_CHANGES (`transns` in `ip -s -s link`).
    pub carrier_changes: u32,
    /// IFLA_NUM_TX_QUEUES (and RX: the same for every device here).
    pub queues: u32,
    /// IFLA_TSO_MAX_SIZE.
    pub tso_max_size: u32,
    /// IFLA_AF_SPEC's IFLA_INET6_ADDR_GEN_MODE.
    pub addr_gen_mode: crate::kernel::link::AddrGenMode,
    /// IFLA_PARENT_DEV_BUS_NAME and IFLA_PARENT_DEV_NAME: a card's bus and slot.
    pub parent: Option<(String, String)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BrPortMsg {
    pub state: PortState,
    pub priority: u32,
    pub cost: u32,
    pub port_no: u16,
    /// The bridge's id address, for `designated_bridge`/`designated_root`.
    pub bridge_mac: Mac,
}

/// One multicast membership as `ip maddr` reads it: a line of
/// `/proc/net/dev_mcast` (a hardware filter entry), `/proc/net/igmp` or
/// `/proc/net/igmp6` (a group). Not rtnetlink: iproute2 reads those files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MaddrMsg {
    pub ifindex: u32,
    pub name: String,
    pub group: McGroup,
    pub users: u32,
    /// `ip maddr add` holds it (dev_mcast's `global_use`).
    pub is_static: bool,
}

/// What a membership is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum McGroup {
    Link(Mac),
    Inet(Ipv4Addr),
    Inet6(Ipv6Addr),
}

/// One forwarding database entry (RTM_NEWNEIGH, family AF_BRIDGE).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FdbMsg {
    pub mac: Mac,
    pub ifindex: u32,
    /// The bridge, for entries of a bridge's database (`master BR`).
    pub master: Option<u32>,
    /// An entry of the device's own address lists (`self`).
    pub own: bool,
    pub permanent: bool,
}

/// RTM_NEWADDR.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddrMsg {
    pub ifindex: u32,
    pub local: IpAddr,
    pub prefix: u8,
    pub broadcast: Option<Ipv4Addr>,
    pub scope: Scope,
    pub label: Option<String>,
    pub secondary: bool,
    pub tentative: bool,
    /// IFA_F_PERMANENT: no finite lifetime (IPv4's always; IPv6's unless
    /// added with `valid_lft`/`preferred_lft`, then `dynamic`).
    pub permanent: bool,
    /// IPv6's IFA_F_DADFAILED, IFA_F_NODAD, IFA_F_NOPREFIXROUTE and
    /// IFA_F_DEPRECATED (its preferred lifetime is over).
    pub dadfailed: bool,
    pub nodad: bool,
    pub noprefixroute: bool,
    pub deprecated: bool,
    /// IFA_F_STABLE_PRIVACY.
    pub stable_privacy: bool,
    /// IFA_CACHEINFO: seconds of valid and preferred lifetime left
    /// (`None`: forever).
    pub valid_lft: Option<u32>,
    pub preferred_lft: Option<u32>,
}

/// RTM_NEWADDR for an IPv6 address, as `ip -6 addr add` sends it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Addr6Req {
    pub local: Ipv6Addr,
    pub prefix: u8,
    /// `scope`, when given; else the kernel's from the address.
    pub scope: Option<Scope>,
    pub nodad: bool,
    pub noprefixroute: bool,
    /// `valid_lft`/`preferred_lft` in seconds (`None`: forever).
    pub valid_lft: Option<u32>,
    pub preferred_lft: Option<u32>,
}

impl AddrMsg {
    /// An address with IPv6's own flags off and forever lifetimes (the
    /// rest of the message to be filled in).
    pub fn v6_flags_off() -> AddrMsg {
        AddrMsg {
            ifindex: 0,
            local: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            prefix: 0,
            broadcast: None,
            scope: Scope::Global,
            label: None,
            secondary: false,
            tentative: false,
            permanent: true,
            dadfailed: false,
            nodad: false,
            noprefixroute: false,
            deprecated: false,
            stable_privacy: false,
            valid_lft: None,
            preferred_lft: None,
        }
    }
}

/// RTM_NEWROUTE: an IPv4 route and the nexthop flags a dump adds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteMsg {
    pub route: Route,
    /// RTNH_F_LINKDOWN: the output device has no carrier.
    pub linkdown: bool,
}

/// RTM_NEWROUTE for an IPv6 route, with the nexthop flags and the cache
/// info a dump adds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route6Msg {
    pub route: Route6,
    /// RTNH_F_LINKDOWN: the device has no carrier (not on `local` routes).
    pub linkdown: bool,
    /// RTA_CACHEINFO's expiry in seconds (RTF_EXPIRES).
    pub expires: Option<u32>,
}

/// RTM_GETROUTE for IPv6, as `ip -6 route get` sends it: the packet
/// path's own question, shared as the route types are.
pub use crate::packet::fib6::Get6 as Route6GetReq;

/// What RTM_GETROUTE answers for `ip -6 route get`: the route found, its
/// destination the address asked and its device the one packets leave by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route6GetMsg {
    pub msg: Route6Msg,
    /// RTA_SRC: the `from` asked, `::` without.
    pub from: Ipv6Addr,
    /// RTA_PREFSRC: the source address the kernel picks (not with `iif`).
    pub src: Option<Ipv6Addr>,
    pub iif: Option<u32>,
}

/// What RTM_GETROUTE answers for `ip route get`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteGetMsg {
    /// `Unicast`, `Local` or `Broadcast`.
    pub kind: crate::kernel::route::RouteType,
    pub dst: Ipv4Addr,
    pub gateway: Option<Ipv4Addr>,
    pub dev: String,
    pub src: Option<Ipv4Addr>,
    /// RTA_UID: in answers to `ip route get`, not in cache dumps.
    pub uid: Option<u32>,
    /// RTA_METRICS of the cached route (a learned path MTU replaces `mtu`).
    pub metrics: crate::kernel::route::Metrics,
    /// RTA_CACHEINFO's expiry, in seconds, for a learned path MTU.
    pub expires: Option<u32>,
}

/// RTM_NEWNEIGH: an entry of ARP's table (IPv4) or neighbour discovery's
/// (IPv6), or with `proxy` a proxy entry (whose state is not shown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeighMsg {
    pub ifindex: u32,
    pub dst: IpAddr,
    pub lladdr: Option<Mac>,
    /// `None`: NUD_NONE, as a proxy entry's is (not printed).
    pub state: Option<NudState>,
    pub router: bool,
    pub proxy: bool,
}

pub use crate::kernel::link::LinkAttrs;

/// What `ip link add` asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkAddReq {
    Veth {
        name: Option<String>,
        peer: Option<String>,
        peer_netns: Option<NetnsTarget>,
        netns: Option<NetnsTarget>,
        attrs: LinkAttrs,
        peer_attrs: LinkAttrs,
    },
    Bridge {
        name: Option<String>,
        attrs: LinkAttrs,
    },
}

/// What `ip link set` asks for (the namespace by name, as iproute2 opens it).
pub type LinkSetReq = crate::kernel::ops::LinkChange<NetnsTarget>;

/// Where `netns` sends a device: a namespace mounted under /run/netns (whose
/// descriptor iproute2 passes, `IFLA_NET_NS_FD`), or the one the lab's
/// processes live in (`IFLA_NET_NS_PID`): every process of the lab, init
/// and the shell, is in its initial namespace. Which pids exist is iproute's
/// question (it answers ESRCH for the others).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NetnsTarget {
    Named(String),
    Init,
}

/// A namespace-level failure of /run/netns operations.
pub type NsResult<T> = Result<T, Errno>;

/// A kernel, seen from one network namespace, as iproute2 sees it.
pub trait Netlink {
    /// Names under /run/netns, in the order `readdir` returns them.
    fn netns_list(&mut self) -> Vec<String>;
    /// Whether /run/netns/NAME exists (iproute2's `netns_get_fd` opening it).
    fn netns_exists(&mut self, name: &str) -> bool {
        self.netns_list().iter().any(|n| n == name)
    }
    fn netns_add(&mut self, name: &str) -> NsResult<()>;
    fn netns_delete(&mut self, name: &str) -> NsResult<()>;
    /// The id the current namespace has for a named one (RTM_GETNSID).
    fn netns_id(&mut self, name: &str) -> NsResult<Option<i32>>;
    /// Switches the current namespace (`setns`).
    fn netns_enter(&mut self, name: &str) -> NsResult<()>;
    /// The names under which the current namespace is mounted.
    fn netns_identify(&mut self) -> Vec<String>;
    /// The names under which process `pid`'s namespace is mounted
    /// (`/proc/PID/ns/net`); ENOENT if there is no such process.
    fn pid_netns(&mut self, _pid: u32) -> Result<Vec<String>, Errno> {
        Err(Errno::EOPNOTSUPP)
    }
    /// The processes in namespace `name` (ENOENT if no such name), in pid
    /// order, as a walk of `/proc` finds them.
    fn netns_pids(&mut self, _name: &str) -> Result<Vec<u32>, Errno> {
        Err(Errno::EOPNOTSUPP)
    }
    /// `ip netns set NAME ID`: gives a named namespace an id here (`None`: any).
    fn netns_set_id(&mut self, _name: &str, _id: Option<i32>) -> KResult<()> {
        Err(crate::kernel::KernelError::new(Errno::EOPNOTSUPP))
    }

    fn link_dump(&mut self) -> Vec<LinkMsg>;
    /// One link by name (RTM_GETLINK with IFLA_IFNAME), as `ll_name_to_index` asks.
    fn link_get(&mut self, name: &str) -> Option<LinkMsg> {
        self.link_dump().into_iter().find(|l| l.name == name)
    }
    /// Only the index of a link by name (`ll_name_to_index`).
    fn link_index(&mut self, name: &str) -> Option<u32> {
        self.link_get(name).map(|l| l.ifindex)
    }
    fn link_add(&mut self, req: &LinkAddReq) -> KResult<()>;
    fn link_set(&mut self, ifindex: u32, req: &LinkSetReq) -> KResult<()>;
    fn link_del(&mut self, ifindex: u32) -> KResult<()>;

    fn addr_dump(&mut self) -> Vec<AddrMsg>;
    fn addr_add(&mut self, ifindex: u32, addr: &Inet4) -> KResult<()>;
    fn addr_del(&mut self, ifindex: u32, local: Ipv4Addr, prefix: Option<u8>) -> KResult<()>;
    fn addr_flush(&mut self, ifindex: u32) -> KResult<()>;
    /// `ip -6 addr add` (RTM_NEWADDR, AF_INET6).
    fn addr6_add(&mut self, _ifindex: u32, _req: &Addr6Req) -> KResult<()> {
        Err(Errno::EOPNOTSUPP.into())
    }
    /// `ip -6 addr del`: the address with exactly this prefix length.
    fn addr6_del(&mut self, _ifindex: u32, _local: Ipv6Addr, _prefix: u8) -> KResult<()> {
        Err(Errno::EOPNOTSUPP.into())
    }

    fn route_dump(&mut self) -> Vec<RouteMsg>;
    /// Whether an IPv4 routing table exists (a dump of one that does not fails).
    fn route_table_exists(&mut self, _table: u32) -> bool {
        true
    }
    /// IPv6 routes, every table, in dump order (as `table all` lists them).
    fn route6_dump(&mut self) -> Vec<Route6Msg> {
        Vec::new()
    }
    /// `ip -6 route add` (`replace`: `ip -6 route replace`); the device and
    /// gateway as given (device 0: none).
    fn route6_add(&mut self, _route: &Route6, _replace: bool) -> KResult<()> {
        Err(Errno::EOPNOTSUPP.into())
    }
    /// `ip -6 route del`.
    fn route6_del(&mut self, _m: &Route6Match) -> KResult<()> {
        Err(Errno::EOPNOTSUPP.into())
    }
    /// `ip -6 route get` (RTM_GETROUTE, AF_INET6).
    fn route6_get(&mut self, _q: &Route6GetReq) -> KResult<Route6GetMsg> {
        Err(Errno::EOPNOTSUPP.into())
    }
    /// The route exceptions (learnt path MTUs), as `ip route show cache` dumps them.
    fn route_cache_dump(&mut self) -> Vec<RouteGetMsg> {
        Vec::new()
    }
    /// The multicast memberships of every device: the hardware entries,
    /// then the IPv4 groups, then the IPv6 ones, each device's in its
    /// list's order.
    fn maddr_dump(&mut self) -> Vec<MaddrMsg> {
        Vec::new()
    }
    /// `ip maddr add|del LLADDR dev X` (SIOCADDMULTI/SIOCDELMULTI).
    fn maddr_change(&mut self, _ifindex: u32, _mac: Mac, _add: bool) -> KResult<()> {
        Err(Errno::EOPNOTSUPP.into())
    }
    fn route_add(&mut self, route: &Route, replace: bool) -> KResult<()>;
    /// The route the kernel would use for `dst` (RTM_GETROUTE).
    fn route_get(&mut self, dst: Ipv4Addr) -> KResult<RouteGetMsg>;
    fn route_del(&mut self, m: &RouteMatch) -> KResult<()>;

    /// RTM_GETNEIGH of every family: ARP's entries, then neighbour
    /// discovery's (the kernel dumps its tables in that order); no proxy
    /// entries, which only a dump asking for them returns.
    fn neigh_dump(&mut self) -> Vec<NeighMsg>;
    /// RTM_GETNEIGH with NTF_PROXY (`ip neigh show proxy`): the proxy
    /// entries, IPv4's then IPv6's.
    fn neigh_proxy_dump(&mut self) -> KResult<Vec<NeighMsg>> {
        Err(Errno::EOPNOTSUPP.into())
    }
    /// Bridge forwarding databases and devices' own address lists.
    fn fdb_dump(&mut self) -> Vec<FdbMsg> {
        Vec::new()
    }
    /// RTM_NEWNEIGH with NLM_F_CREATE and NLM_F_EXCL (`add`: EEXIST if the
    /// entry is there) or NLM_F_REPLACE (`replace`). A proxy entry is
    /// made or kept, never refused.
    fn neigh_add(&mut self, n: &NeighMsg, replace: bool) -> KResult<()>;
    /// RTM_NEWNEIGH with NLM_F_REPLACE alone (`ip neigh change`): an entry
    /// that is not there is ENOENT.
    fn neigh_change(&mut self, _n: &NeighMsg) -> KResult<()> {
        Err(Errno::EOPNOTSUPP.into())
    }
    /// RTM_DELNEIGH of the entry (or with `proxy` the proxy entry) for `dst`
    /// on `ifindex`; ENOENT if there is none.
    fn neigh_del(&mut self, ifindex: u32, dst: IpAddr, proxy: bool) -> KResult<()>;

    /// Reads /proc/sys/PATH (path with `/`), value without the newline.
    fn sysctl_read(&mut self, path: &str) -> Result<String, Errno>;
    fn sysctl_write(&mut self, path: &str, value: &str) -> Result<(), Errno>;
}
