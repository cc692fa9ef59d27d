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
pub mod mcast;
pub mod neigh;
pub mod netfilter;
pub mod netns;
pub mod ops;
#[cfg(feature = "mcast")]
pub mod own_traffic;
pub mod route;
pub mod route6;
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

/// A mount namespace, as far as the lab models one: what its /run/netns
/// holds. The host's is [`MntId::HOST`]; a container of a lab preset (a
/// kind node) has its own, so `ip netns` run there sees other names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct MntId(pub u32);

impl MntId {
    /// The host's mount namespace: every program's unless a preset's
    /// container says otherwise.
    pub const HOST: MntId = MntId(0);
}

/// One mount namespace's /run/netns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct NetnsNames {
    /// /run/netns entries in creation order.
    pub named: Vec<(String, NsId)>,
    /// The same entries by name, for lookups (kept in step by
    /// `netns_add_in`/`netns_delete_in`, the only places that change `named`).
    pub by_name: LiteMap<String, NsId>,
}

/// Every namespace of one simulated host, and the names under /run/netns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kernel {
    namespaces: Vec<Option<Namespace>>,
    /// Each mount namespace's /run/netns, the host's first.
    mounts: Vec<NetnsNames>,
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
    /// A device started a timer of its own traffic (`own_traffic.rs`) or
    /// DAD since the lab last looked: something may be due at once. Only
    /// then does the lab look through every device
    /// (`Core::send_due_own_traffic`), so a command costs no walk of a big lab.
    pub(crate) own_started: bool,
    /// The host name (`hostname`): one for the whole lab, as the UTS
    /// namespace is one for all its network namespaces.
    pub hostname: String,
}

impl Kernel {
    /// A host with only `lo` (down), MACs drawn from `seed`.
    pub fn new(seed: u64) -> Kernel {
        let mut k = Kernel {
            namespaces: Vec::new(),
            mounts: vec![NetnsNames::default()],
            rng: mac::Rng::new(seed ^ 0x006e_736c_6162),
            serial: 0,
            now_ms: 0,
            procs: crate::procs::Procs::new(),
            in_flight: Vec::new(),
            own_started: false,
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

    /// The names under the host's /run/netns, in creation order.
    pub fn named(&self) -> &[(String, NsId)] {
        self.named_in(MntId::HOST)
    }

    /// The names under a mount namespace's /run/netns (none for one that
    /// does not exist).
    pub fn named_in(&self, mnt: MntId) -> &[(String, NsId)] {
        self.mounts.get(mnt.0 as usize).map_or(&[], |m| &m.named[..])
    }

    pub fn ns_by_name(&self, name: &str) -> Option<NsId> {
        self.ns_by_name_in(MntId::HOST, name)
    }

    pub fn ns_by_name_in(&self, mnt: MntId, name: &str) -> Option<NsId> {
        self.mounts.get(mnt.0 as usize).and_then(|m| m.by_name.get(name).copied())
    }

    /// The first name a namespace is mounted under on the host, if any.
    pub fn ns_name(&self, id: NsId) -> Option<&str> {
        self.named().iter().find(|(_, i)| *i == id).map(|(n, _)| n.as_str())
    }

    /// What the lab calls a namespace where it shows one (the diagram, a
    /// packet's path): its name on the host, else its name in another
    /// mount namespace's /run/netns, else the label a preset gave it.
    pub fn ns_label(&self, id: NsId) -> Option<&str> {
        // Without presets, every name is the host's (see `NetnsNames`).
        #[cfg(not(feature = "presets"))]
        return self.ns_name(id);
        #[cfg(feature = "presets")]
        self.mounts
            .iter()
            .find_map(|m| m.named.iter().find(|(_, i)| *i == id))
            .map(|(n, _)| n.as_str())
            .or_else(|| self.ns(id).and_then(|n| n.label.as_ref()).map(|l| l.name()))
    }

    /// Whether any mount namespace's /run/netns names `id` (a name keeps a
    /// namespace alive).
    pub(crate) fn is_named(&self, id: NsId) -> bool {
        self.mounts.iter().any(|m| m.named.iter().any(|(_, i)| *i == id))
    }

    /// A new mount namespace, its /run/netns empty (a container's).
    pub fn new_mount(&mut self) -> MntId {
        self.mounts.push(NetnsNames::default());
        MntId(self.mounts.len() as u32 - 1)
    }

    pub(crate) fn mounts(&self) -> &[NetnsNames] {
        &self.mounts
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
        self.mc_register(link::LinkRef { ns: id, ifindex });
        id
    }

    fn next_serial(&mut self) -> u64 {
        self.serial += 1;
        self.serial
    }

    fn random_mac(&mut self) -> mac::Mac {
        self.rng.ether_addr()
    }

    /// `n` hex digits from the lab's seeded generator (a container's id, a
    /// veth's name as Docker draws them).
    #[cfg(feature = "presets")]
    pub fn random_hex(&mut self, n: usize) -> String {
        let mut s = String::with_capacity(n + 12);
        while s.len() < n {
            for b in self.random_mac().0 {
                s.push_str(&format!("{b:02x}"));
            }
        }
        s.truncate(n);
        s
    }
}
