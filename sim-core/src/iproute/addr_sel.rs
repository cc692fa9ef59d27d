//! The address selectors of `ip address show` and `flush` (`to PREFIX`,
//! `scope S`, the family), as `ipaddr_filter()` and `print_addrinfo()`
//! apply them.

use std::net::IpAddr;

use super::addr::{parse_any_prefix, AnyPrefix};
use super::args::{Fail, IpResult};
use super::show::ShowFilter;
use super::Family;
use crate::kernel::addr::Scope;
use crate::netlink::AddrMsg;

/// What an address must be to be listed or flushed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AddrSel {
    pub family: Family,
    scope: Option<Scope>,
    to: Option<AnyPrefix>,
}

impl AddrSel {
    /// Resolves a filter's `to` in the family of `-4`/`-6`; without one,
    /// `to` fixes the family, as iproute2's `filter.family` does.
    pub fn new(f: &ShowFilter, family: Family) -> IpResult<AddrSel> {
        let to = match &f.to {
            Some(v) => Some(parse_any_prefix(v, family).map_err(|_| Fail::invarg("invalid \"to\"\n", v))?),
            None => None,
        };
        let family = match (family, to) {
            (Family::Any, Some(AnyPrefix::V4(_))) => Family::Inet,
            (Family::Any, Some(AnyPrefix::V6(_))) => Family::Inet6,
            (fam, _) => fam,
        };
        Ok(AddrSel { family, scope: f.scope, to })
    }

    /// Whether the selection names anything beyond the family.
    pub fn narrows(&self) -> bool {
        self.scope.is_some() || self.to.is_some()
    }

    pub fn matches(&self, a: &AddrMsg) -> bool {
        if !self.family.accepts(&a.local) || self.scope.is_some_and(|s| s != a.scope) {
            return false;
        }
        match (self.to, a.local) {
            (None, _) => true,
            (Some(AnyPrefix::V4(p)), IpAddr::V4(x)) => crate::kernel::addr::in_prefix(x, p.addr, p.len.unwrap_or(32)),
            (Some(AnyPrefix::V6(p)), IpAddr::V6(x)) => {
                crate::kernel::route6::in_prefix6(x, p.addr, p.len.unwrap_or(128))
            }
            _ => false,
        }
    }
}
