//! One network namespace: its devices, routes, neighbours and settings.

use litemap::LiteMap;

use super::link::Link;
use super::neigh::Neigh;
use super::route_table::RouteTable;
use super::sysctl::NsConf;
use super::NsId;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Namespace {
    /// Devices by ifindex: the order the kernel dumps them in. Add and
    /// remove them with [`Namespace::attach`] and [`Namespace::detach`] (and
    /// rename with [`Namespace::rename`]), which keep `names` in step.
    pub links: LiteMap<u32, Link>,
    /// The ifindex of each device name (the kernel's name hash): a lookup
    /// by name costs a search, not a walk over every device.
    names: LiteMap<String, u32>,
    /// Where the next ifindex search starts (the kernel allocates cyclically).
    pub next_ifindex: u32,
    pub routes: RouteTable,
    /// IPv6 routes, every table (`ops/route6.rs` keeps the kernel's own in
    /// step with addresses and links).
    pub fib6: super::route6::Fib6,
    /// The IPv4 routing tables that exist: a table is made by its first
    /// route and never goes away (`ip route show table local` on a fresh
    /// namespace says it does not exist).
    pub tables: litemap::LiteMap<u32, ()>,
    pub neighs: Vec<Neigh>,
    pub conf: NsConf,
    /// The ids this namespace has given other namespaces (`peernet2id`).
    pub nsids: LiteMap<NsId, i32>,
    /// Netfilter: iptables' tables (the field keeps its old name until
    /// the packet path moves to `kernel::netfilter`).
    pub nat: super::netfilter::NetfilterState,
    /// Connection tracking (used only while a rule needs it).
    pub conntrack: super::conntrack::Conntrack,
    /// Path MTUs learnt from ICMP, per destination.
    pub pmtu: Vec<super::route::PathMtu>,
    /// IPv6 path MTUs learnt from Packet Too Big (`rt6_update_pmtu()`'s
    /// exceptions): destination, MTU, when it ends (ms).
    pub pmtu6: Vec<(std::net::Ipv6Addr, u32, u64)>,
    /// TCP and UDP sockets.
    pub sockets: super::socket::SockTable,
    /// Open packet captures (tcpdump's sockets).
    pub taps: crate::packet::capture::Taps,
    /// What the lab calls it when /run/netns does not name it (a preset's
    /// container, pod or simulated internet). Only presets give one.
    #[cfg(feature = "presets")]
    pub label: Option<Label>,
}

/// A name a lab preset gives a namespace that /run/netns does not name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Label {
    /// A container or a pod: the diagram draws it under this name.
    Shown(String),
    /// The preset's world beyond the host (its simulated internet): a
    /// packet's path names it, the diagram leaves it out.
    Beyond(String),
}

impl Label {
    pub fn name(&self) -> &str {
        match self {
            Label::Shown(n) | Label::Beyond(n) => n,
        }
    }
}

impl Namespace {
    pub fn new() -> Namespace {
        Namespace {
            links: LiteMap::new(),
            names: LiteMap::new(),
            next_ifindex: 1,
            routes: RouteTable::default(),
            fib6: Default::default(),
            tables: Default::default(),
            neighs: Vec::new(),
            conf: NsConf::default(),
            nsids: LiteMap::new(),
            nat: Default::default(),
            conntrack: Default::default(),
            pmtu: Vec::new(),
            pmtu6: Vec::new(),
            sockets: Default::default(),
            taps: Default::default(),
            #[cfg(feature = "presets")]
            label: None,
        }
    }

    /// `rt_cache_flush()`: the generation moves on; exceptions stay in the
    /// table, emptied, until a lookup rebinds them.
    pub fn pmtu_flush(&mut self) {
        for p in &mut self.pmtu {
            *p = super::route::PathMtu { mtu: 0, locked: false, expires_ms: 0, stale: true, ..*p };
        }
    }

    /// A route lookup to `dst` rebinds its emptied exception.
    pub fn pmtu_touch(&mut self, dst: std::net::Ipv4Addr) {
        for p in self.pmtu.iter_mut().filter(|p| p.dst == dst) {
            p.stale = false;
        }
    }

    /// Allocates an ifindex as `dev_index_reserve()` does: the first free one
    /// at or after the last allocated.
    pub fn alloc_ifindex(&mut self) -> u32 {
        let mut i = self.next_ifindex.max(1);
        while self.links.contains_key(&i) {
            i += 1;
        }
        self.next_ifindex = i + 1;
        i
    }

    /// `fib_new_table()`: making the local table makes main too (local is
    /// main's alias while there are no custom rules).
    pub fn fib_new_table(&mut self, id: u32) {
        if id == super::route::RT_TABLE_LOCAL {
            self.tables.insert(super::route::RT_TABLE_MAIN, ());
        }
        self.tables.insert(id, ());
    }

    pub fn link_by_name(&self, name: &str) -> Option<&Link> {
        self.ifindex_of(name).and_then(|i| self.links.get(&i))
    }

    pub fn ifindex_of(&self, name: &str) -> Option<u32> {
        self.names.get(name).copied()
    }

    /// Registers a device under its ifindex and its name.
    pub fn attach(&mut self, link: Link) {
        self.names.insert(link.name.clone(), link.ifindex);
        self.links.insert(link.ifindex, link);
    }

    /// Unregisters a device.
    pub fn detach(&mut self, ifindex: u32) -> Option<Link> {
        let l = self.links.remove(&ifindex)?;
        if self.names.get(l.name.as_str()) == Some(&ifindex) {
            self.names.remove(l.name.as_str());
        }
        Some(l)
    }

    /// Gives a device another name; returns the old one.
    pub fn rename(&mut self, ifindex: u32, name: String) -> Option<String> {
        let l = self.links.get_mut(&ifindex)?;
        let old = std::mem::replace(&mut l.name, name.clone());
        if self.names.get(old.as_str()) == Some(&ifindex) {
            self.names.remove(old.as_str());
        }
        self.names.insert(name, ifindex);
        Some(old)
    }

    /// Whether the name index says what the devices say (an invariant).
    pub fn names_in_step(&self) -> bool {
        self.names.len() == self.links.len()
            && self.links.iter().all(|(&i, l)| self.names.get(l.name.as_str()) == Some(&i))
    }

    /// The id this namespace uses for `other`, allocating the lowest free one.
    pub fn nsid_alloc(&mut self, other: NsId) -> i32 {
        if let Some(id) = self.nsids.get(&other) {
            return *id;
        }
        // The lowest id not in use is at most the number of ids in use.
        let mut used = vec![false; self.nsids.len() + 1];
        for &i in self.nsids.values() {
            if let Some(u) = usize::try_from(i).ok().and_then(|i| used.get_mut(i)) {
                *u = true;
            }
        }
        let id = used.iter().position(|u| !u).unwrap_or(0) as i32;
        self.nsids.insert(other, id);
        id
    }
}

impl Default for Namespace {
    fn default() -> Self {
        Namespace::new()
    }
}
