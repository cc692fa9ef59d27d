//! The neighbour tables (`ip neigh`): ARP's IPv4 entries and neighbour
//! discovery's IPv6 ones, held together in a namespace's `neighs` and told
//! apart by the family of their address, as Linux's `arp_tbl` and `nd_tbl`
//! share one neighbour core (`net/core/neighbour.c`).

use std::net::IpAddr;

use super::mac::Mac;

/// Neighbour Unreachability Detection state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NudState {
    Incomplete,
    Reachable,
    Stale,
    Delay,
    Probe,
    Failed,
    Noarp,
    Permanent,
}

impl NudState {
    pub fn name(self) -> &'static str {
        match self {
            NudState::Incomplete => "INCOMPLETE",
            NudState::Reachable => "REACHABLE",
            NudState::Stale => "STALE",
            NudState::Delay => "DELAY",
            NudState::Probe => "PROBE",
            NudState::Failed => "FAILED",
            NudState::Noarp => "NOARP",
            NudState::Permanent => "PERMANENT",
        }
    }

    /// NUD_VALID: the states whose entry has a usable link-layer address.
    pub fn valid(self) -> bool {
        matches!(
            self,
            NudState::Reachable
                | NudState::Stale
                | NudState::Delay
                | NudState::Probe
                | NudState::Permanent
                | NudState::Noarp
        )
    }
}

/// One neighbour entry, or (with `proxy`) one proxy entry, of either family.
/// An entry is known by its device, its address and whether it is a proxy
/// entry (Linux keeps those in a table of their own, `pneigh`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Neigh {
    /// IPv4 for ARP's table, IPv6 for neighbour discovery's.
    pub dst: IpAddr,
    pub dev: u32,
    pub lladdr: Option<Mac>,
    /// A proxy entry's is not shown (it has none: NUD_NONE).
    pub state: NudState,
    /// Virtual time (ms) the entry last changed state.
    pub updated_ms: u64,
    /// Whether the entry is a proxy entry (`ip neigh add proxy`).
    pub proxy: bool,
}

impl Neigh {
    /// Whether this is the entry (not a proxy one) for `dst` on `dev`.
    pub fn is(&self, dev: u32, dst: IpAddr) -> bool {
        self.dev == dev && self.dst == dst && !self.proxy
    }
}
