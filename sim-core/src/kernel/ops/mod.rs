//! What the kernel does when asked: the requests behind `ip` verbs.
//!
//! Each function checks first and changes state only once nothing can fail,
//! except where Linux itself applies a request step by step (`do_setlink`).

use std::net::Ipv4Addr;

use super::addr::Scope;
use super::route::{Proto, Route, RouteType};
use super::{Errno, KernelError, NsId};

mod addr;
mod addr6;
#[cfg(all(feature = "mcast", feature = "ipv6"))]
pub(crate) use addr6::dad_probe_due;
pub use addr6::scope_of as addr6_scope;
mod bridge;
mod fib;
mod link;
mod mcast;
mod names;
mod neigh;
mod netns;
mod route6;

pub use route6::Route6Match;

pub use neigh::NeighWrite;

/// What `ip link set` asks to change, applied in `do_setlink()`'s order.
/// `N` is how the target namespace is named: by id inside the kernel, by
/// name in a request (as iproute2 opens /run/netns/NAME).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkChange<N = NsId> {
    pub netns: Option<N>,
    pub address: Option<super::mac::Mac>,
    pub mtu: Option<u32>,
    pub name: Option<String>,
    /// IFLA_IFALIAS: `Some("")` removes the alias.
    pub alias: Option<String>,
    /// `Some(Some(ifindex))` for `master X`, `Some(None)` for `nomaster`.
    pub master: Option<Option<u32>>,
    pub up: Option<bool>,
    pub txqlen: Option<u32>,
    pub promisc: Option<bool>,
    pub arp: Option<bool>,
    pub multicast: Option<bool>,
    /// IFLA_AF_SPEC's IFLA_INET6_ADDR_GEN_MODE.
    pub addrgenmode: Option<super::link::AddrGenMode>,
}

impl<N> Default for LinkChange<N> {
    fn default() -> Self {
        LinkChange {
            netns: None,
            address: None,
            mtu: None,
            name: None,
            alias: None,
            master: None,
            up: None,
            txqlen: None,
            promisc: None,
            arp: None,
            multicast: None,
            addrgenmode: None,
        }
    }
}

impl<N> LinkChange<N> {
    /// The same change with the namespace named another way.
    pub fn with_netns<M>(&self, netns: Option<M>) -> LinkChange<M> {
        LinkChange {
            netns,
            address: self.address,
            mtu: self.mtu,
            name: self.name.clone(),
            alias: self.alias.clone(),
            master: self.master,
            up: self.up,
            txqlen: self.txqlen,
            promisc: self.promisc,
            arp: self.arp,
            multicast: self.multicast,
            addrgenmode: self.addrgenmode,
        }
    }
}

pub(crate) fn nodev() -> KernelError {
    KernelError::new(Errno::ENODEV)
}

/// Which route `ip route del` means: unset fields match anything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteMatch {
    pub table: u32,
    pub dst: Ipv4Addr,
    pub prefix: u8,
    pub gateway: Option<Ipv4Addr>,
    pub dev: Option<u32>,
    pub metric: Option<u32>,
    pub kind: Option<RouteType>,
    pub proto: Option<Proto>,
    pub scope: Option<Scope>,
}

impl RouteMatch {
    pub fn matches(&self, r: &Route) -> bool {
        r.table == self.table
            && r.dst == self.dst
            && r.prefix == self.prefix
            && self.gateway.is_none_or(|g| r.gateway == Some(g))
            && self.dev.is_none_or(|d| r.dev == Some(d))
            && self.metric.is_none_or(|m| r.metric == m)
            && self.kind.is_none_or(|k| r.kind == k)
            && self.proto.is_none_or(|p| r.proto == p)
            && self.scope.is_none_or(|s| r.scope == s)
    }
}
