//! The basic lab's multicast hooks: it keeps no membership, so each is a
//! no-op with the signature of its namesake in `super::on`.

use std::net::Ipv6Addr;

use crate::kernel::link::LinkRef;
use crate::kernel::Kernel;

impl Kernel {
    pub(crate) fn mc_register(&mut self, _r: LinkRef) {}
    pub(crate) fn mc_up(&mut self, _r: LinkRef) {}
    pub(crate) fn mc_down(&mut self, _r: LinkRef) {}
    pub(crate) fn mc6_load(&mut self, _r: LinkRef, _on: bool) {}
    pub(crate) fn mc6_destroy(&mut self, _r: LinkRef) {}
    pub(crate) fn mc4_destroy(&mut self, _r: LinkRef) {}
    pub(crate) fn mc_revive(&mut self, _r: LinkRef) {}
    pub(crate) fn mc_addr6_added(&mut self, _r: LinkRef, _local: Ipv6Addr) {}
    pub(crate) fn mc_addr6_removed(&mut self, _r: LinkRef, _local: Ipv6Addr, _prefix: u8, _settled: bool) {}
    pub(crate) fn own_after_linkwatch(&mut self, _r: LinkRef) {}
    pub(crate) fn mc_addr6_settled(&mut self, _r: LinkRef, _local: Ipv6Addr, _prefix: u8) {}
}
