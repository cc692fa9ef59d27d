//! What the kernel does when asked: the requests behind `ip` verbs.
//!
//! Each function checks first and changes state only once nothing can fail,
//! except where Linux itself applies a request step by step (`do_setlink`).

use std::net::Ipv4Addr;

use super::addr::Scope;
use super::route::{Proto, Route, RouteType};
use super::{Errno, KernelError, NsId};

mod addr;
mod bridge;
mod fib;
mod link;
mod netns;

/// What `ip link set` asks to change, applied in `do_setlink()`'s order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkChange {
    pub netns: Option<NsId>,
    pub address: Option<crate::kernel::mac::Mac>,
    pub mtu: Option<u32>,
    pub name: Option<String>,
    /// `Some(Some(ifindex))` for `master X`, `Some(None)` for `nomaster`.
    pub master: Option<Option<u32>>,
    pub up: Option<bool>,
    pub txqlen: Option<u32>,
    pub promisc: Option<bool>,
    pub arp: Option<bool>,
    pub multicast: Option<bool>,
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
