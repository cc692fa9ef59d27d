//! The neighbour tables (`ip neigh`): ARP's IPv4 entries and neighbour
//! discovery's IPv6 ones, held together in a namespace's `neighs` and told
//! apart by the family of their address, as Linux's `arp_tbl` and `nd_tbl`
//! share one neighbour core (`net/core/neighbour.c`).

use std::net::{IpAddr, Ipv6Addr};

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
    /// NTF_ROUTER: the neighbour said it is a router (an advertisement's
    /// R flag; `ip neigh` shows `router`).
    pub router: bool,
}

impl Neigh {
    /// Whether this is the entry (not a proxy one) for `dst` on `dev`.
    pub fn is(&self, dev: u32, dst: IpAddr) -> bool {
        self.dev == dev && self.dst == dst && !self.proxy
    }
}

/// `ipv6_eth_mc_map()`: the Ethernet address of an IPv6 multicast group,
/// `33:33` and the group's last four bytes.
pub fn ipv6_mc_mac(group: Ipv6Addr) -> Mac {
    let o = group.octets();
    Mac([0x33, 0x33, o[12], o[13], o[14], o[15]])
}

/// `addrconf_addr_solict_mult()`: the solicited-node group of an address,
/// `ff02::1:ffXX:XXXX` with its last three bytes.
pub fn solicited_node(addr: Ipv6Addr) -> Ipv6Addr {
    let o = addr.octets();
    Ipv6Addr::new(0xff02, 0, 0, 0, 0, 1, 0xff00 | u16::from(o[13]), u16::from_be_bytes([o[14], o[15]]))
}

/// All-routers (`ff02::2`), where router solicitations go.
pub const ALL_ROUTERS: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 2);
/// All MLDv2-capable routers (`ff02::16`), where MLDv2 reports go.
pub const ALL_MLDV2_ROUTERS: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 0x16);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solicited_node_and_its_mac() {
        let a: Ipv6Addr = "fe80::ff:fe00:302".parse().unwrap();
        let g = solicited_node(a);
        assert_eq!(g.to_string(), "ff02::1:ff00:302");
        assert_eq!(ipv6_mc_mac(g).to_string(), "33:33:ff:00:03:02");
        assert_eq!(ipv6_mc_mac(ALL_MLDV2_ROUTERS).to_string(), "33:33:00:00:00:16");
    }
}
