//! The neighbour (ARP) table (`ip neigh`).

use std::net::Ipv4Addr;

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
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Neigh {
    pub dst: Ipv4Addr,
    pub dev: u32,
    pub lladdr: Option<Mac>,
    pub state: NudState,
    /// Virtual time (ms) the entry last changed state.
    pub updated_ms: u64,
    /// Whether the entry is a proxy entry (`ip neigh add proxy`).
    pub proxy: bool,
}
