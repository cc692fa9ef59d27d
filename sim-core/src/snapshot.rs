//! A serialisable picture of the simulated world, for diagrams and checks.
//!
//! It is derived from the kernel state on demand and never fed back into it.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The host (initial namespace) first, then named namespaces in creation order.
    pub namespaces: Vec<NsView>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NsView {
    /// `None` for the host, the name under /run/netns otherwise.
    pub name: Option<String>,
    pub links: Vec<LinkView>,
    /// `ip route` as it prints, one line per route.
    pub routes: Vec<String>,
    /// `ip neigh` as it prints, one line per entry.
    pub neighbours: Vec<String>,
    pub ip_forward: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkKind {
    Loopback,
    Veth,
    Bridge,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkView {
    pub ifindex: u32,
    pub name: String,
    pub kind: LinkKind,
    pub mac: String,
    /// IFF_UP: set by `ip link set X up`.
    pub admin_up: bool,
    /// Carrier (LOWER_UP).
    pub lower_up: bool,
    /// `UP`, `DOWN`, `LOWERLAYERDOWN`, `UNKNOWN`, as `ip link` prints it.
    pub operstate: String,
    /// IPv4 and IPv6 addresses with prefix length, e.g. `10.0.0.1/24`.
    pub addrs: Vec<String>,
    /// The bridge this link is a port of.
    pub master: Option<String>,
    /// The other end of a veth.
    pub peer: Option<PeerView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerView {
    /// The peer's namespace: `None` for the host.
    pub ns: Option<String>,
    pub name: String,
}
