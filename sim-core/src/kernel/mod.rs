//! The simulated kernel: namespaces and everything in them.
//!
//! This is the model layer. It knows nothing of command lines or output
//! formats; `crate::iproute` and the other tools talk to it only through the
//! request/dump API in [`crate::netlink`], as real tools talk to Linux.

pub mod addr;
pub mod conntrack;
pub mod error;
mod invariants;
pub mod link;
pub mod mac;
pub mod neigh;
pub mod netfilter;
pub mod netns;
pub mod ops;
pub mod route;
pub mod route_table;
pub mod socket;
pub mod socket_view;
pub mod sysctl;

use litemap::LiteMap;
use netns::Namespace;

pub use error::{Errno, KResult, KernelError};

/// A namespace's identity. Ids are never reused, so a stale one finds nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct NsId(pub u32);

impl NsId {
    /// The initial namespace: the host.
    pub const HOST: NsId = NsId(0);
}

/// Every namespace of one simulated host, and the names under /run/netns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kernel {
    namespaces: Vec<Option<Namespace>>,
    /// /run/netns entries in creation order.
    named: Vec<(String, NsId)>,
    /// The same entries by name, for lookups (kept in step by
    /// `netns_add`/`netns_delete`, the only places that change `named`).
    by_name: LiteMap<String, NsId>,
    rng: mac::Rng,
    /// Counts devices and addresses ever made, for stable creation order.
    serial: u64,
    /// Virtual time in milliseconds: the lab's one clock.
    pub now_ms: u64,
    /// The processes, and the network namespace each is in.
    pub procs: crate::procs::Procs,
    /// TCP and UDP packets still on their way when an engine run ended,
    /// handed to the next run (echo traffic ends with its ping).
    pub(crate) in_flight: Vec<crate::packet::engine::InFlight>,
    /// The host name (`hostname`): one for the whole lab, as the UTS
    /// namespace is one for all its network namespaces.
    pub hostname: String,
}

impl Kernel {
    /// A host with only `lo` (down), MACs drawn from `seed`.
    pub fn new(seed: u64) -> Kernel {
        let mut k = Kernel {
            namespaces: Vec::new(),
            named: Vec::new(),
            by_name: LiteMap::new(),
            rng: mac::Rng::new(seed ^ 0x006e_736c_6162),
            serial: 0,
            now_ms: 0,
            procs: crate::procs::Procs::new(),
            in_flight: Vec::new(),
            hostname: crate::tools::hostname::DEFAULT.to_string(),
        };
        k.create_ns();
        k
    }

    pub fn ns(&self, id: NsId) -> Option<&Namespace> {
        self.namespaces.get(id.0 as usize).and_then(|n| n.as_ref())
    }

    pub fn ns_mut(&mut self, id: NsId) -> Option<&mut Namespace> {
        self.namespaces.get_mut(id.0 as usize).and_then(|n| n.as_mut())
    }

    /// Namespaces that exist, host first, in creation order.
    pub fn ns_ids(&self) -> Vec<NsId> {
        (0..self.namespaces.len() as u32).map(NsId).filter(|id| self.ns(*id).is_some()).collect()
    }

    /// The names under /run/netns, in creation order.
    pub fn named(&self) -> &[(String, NsId)] {
        &self.named
    }

    pub fn ns_by_name(&self, name: &str) -> Option<NsId> {
        self.by_name.get(name).copied()
    }

    /// The first name a namespace is mounted under, if any.
    pub fn ns_name(&self, id: NsId) -> Option<&str> {
        self.named.iter().find(|(_, i)| *i == id).map(|(n, _)| n.as_str())
    }

    fn create_ns(&mut self) -> NsId {
        let id = NsId(self.namespaces.len() as u32);
        self.namespaces.push(Some(Namespace::new()));
        let lo_mac = mac::Mac::ZERO;
        let serial = self.next_serial();
        let ns = self.ns_mut(id).expect("just made");
        let ifindex = ns.alloc_ifindex();
        ns.attach(link::Link::new(ifindex, "lo", link::LinkKind::Loopback, lo_mac, serial));
        ns.conf.add_dev(ifindex);
        id
    }

    fn next_serial(&mut self) -> u64 {
        self.serial += 1;
        self.serial
    }

    fn random_mac(&mut self) -> mac::Mac {
        self.rng.ether_addr()
    }
}
