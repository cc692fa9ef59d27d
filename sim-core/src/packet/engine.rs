//! The engine: a deterministic discrete-event simulation of the frames and
//! packets one command makes. Time (microseconds of virtual time) is passed
//! in and only moves forward through the event queue; nothing reads a
//! clock. Every run terminates: TTLs bound routing loops and a step budget
//! bounds broadcast storms.

use litemap::LiteMap;
use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::net::IpAddr;

use crate::kernel::link::LinkRef;
use crate::kernel::{Kernel, NsId};

use super::trace::{DropReason, Event, Trace, What};
use super::wire::{ArpPacket, EthFrame, IpPacket, Ipv4Packet};

/// Latency of one veth crossing.
pub const WIRE_US: u64 = 6;
/// Latency of loopback delivery.
pub const LOOP_US: u64 = 4;
/// Time the kernel takes to act on a resolved neighbour (first packets after
/// ARP are slower, as in the recordings).
pub const RESOLVE_US: u64 = 150;
/// ARP retransmission interval (`retrans_time_ms`).
pub const RETRANS_US: u64 = 1_000_000;
/// Broadcast probes before an INCOMPLETE entry fails (`mcast_probes`).
pub const MAX_PROBES: u32 = 3;
/// Timer slack after the last probe before the entry fails.
pub const FAIL_SLACK_US: u64 = 42_000;
/// `delay_first_probe_time`.
pub const DELAY_PROBE_US: u64 = 5_000_000;
/// `base_reachable_time` (Linux randomises 0.5–1.5×; we do not).
pub const REACHABLE_US: u64 = 30_000_000;
/// Packets a neighbour may queue while resolving.
pub const NEIGH_QUEUE_MAX: usize = 101;
/// Events one run may process before giving up (a broadcast storm).
pub const STEP_BUDGET: u64 = 500_000;

/// Something scheduled to happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Ev {
    /// A frame arrives at a device.
    Rx { dev: LinkRef, frame: EthFrame },
    /// A device sends a frame (delayed transmissions).
    Tx { dev: LinkRef, frame: EthFrame },
    /// A packet arrives through `lo`.
    LocalIn { ns: NsId, pkt: Ipv4Packet },
    /// An IPv6 packet arrives through `lo`.
    #[cfg(feature = "ipv6")]
    /// `dev` is the device it counts as arriving on (`inet6_iif()`: the
    /// owner of the address it is for, or the device a multicast copy
    /// was looped back on).
    LocalIn6 { ns: NsId, dev: Option<u32>, pkt: super::wire6::Ipv6Packet },
    /// A neighbour entry's timer (ARP's or neighbour discovery's).
    NeighTimer { ns: NsId, dev: u32, ip: IpAddr },
    /// A delayed proxy ARP reply.
    ProxyReply { dev: LinkRef, arp: ArpPacket, to: crate::kernel::mac::Mac },
    /// A socket's timer (stale when the socket's timer moved since).
    SockTimer { ns: NsId, id: u32, at: u64 },
    /// addrconf's timers on a device: DAD ends, lifetimes run out.
    AddrconfTimer { dev: LinkRef },
}

/// Traffic that was still on its way when a run ended: a frame or packet
/// in flight (ARP included, echo traffic not), or TCP/UDP packets waiting
/// for a neighbour to resolve. The kernel keeps it for the next run, so a
/// connection never loses a segment because the program that drove it
/// stopped looking; a ping's stray replies still end with the ping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InFlight(Keep);

#[derive(Clone, Debug, PartialEq, Eq)]
enum Keep {
    Event { at: u64, ev: Ev },
    AwaitingArp { key: NeighKey, pkts: Vec<IpPacket> },
}

impl InFlight {
    /// When it happens (virtual µs; a packet awaiting ARP: never by itself).
    pub fn at(&self) -> Option<u64> {
        match &self.0 {
            Keep::Event { at, .. } => Some(*at),
            Keep::AwaitingArp { .. } => None,
        }
    }

    /// The neighbour a packet awaits (namespace, device, address).
    pub fn awaits(&self) -> Option<NeighKey> {
        match &self.0 {
            Keep::AwaitingArp { key, .. } => Some(*key),
            Keep::Event { .. } => None,
        }
    }
}

/// Whether a queued packet is transport traffic (IPv6 has none yet).
fn is_transport_ip(pkt: &IpPacket) -> bool {
    match pkt {
        IpPacket::V4(p) => is_transport(p),
        #[cfg(feature = "ipv6")]
        IpPacket::V6(_) => false,
    }
}

/// Whether a packet is transport traffic (TCP, UDP, or an ICMP error
/// about either).
fn is_transport(pkt: &Ipv4Packet) -> bool {
    match &pkt.payload {
        super::wire::Payload::Icmp(i) => match i {
            super::wire::Icmp::DestUnreachable { quoted, .. } | super::wire::Icmp::TimeExceeded { quoted } => {
                quoted.proto != super::wire::PROTO_ICMP
            }
            _ => false,
        },
        _ => true,
    }
}

impl Ev {
    /// Whether the event outlives a run: frames and packets but echo
    /// traffic (timers are re-armed from the tables instead).
    fn parkable(&self) -> bool {
        match self {
            Ev::Rx { frame, .. } | Ev::Tx { frame, .. } => match &frame.payload {
                super::wire::EthPayload::Ipv4(p) => is_transport(p),
                super::wire::EthPayload::Arp(_) => true,
                // Neighbour discovery goes on across runs, as ARP does.
                #[cfg(feature = "ipv6")]
                super::wire::EthPayload::Ipv6(p) => p.payload.is_control(),
            },
            Ev::LocalIn { pkt, .. } => is_transport(pkt),
            #[cfg(feature = "ipv6")]
            Ev::LocalIn6 { .. } => false,
            Ev::ProxyReply { .. } => true,
            Ev::NeighTimer { .. } | Ev::SockTimer { .. } | Ev::AddrconfTimer { .. } => false,
        }
    }
}

struct Item {
    at: u64,
    seq: u64,
    ev: Ev,
}

impl PartialEq for Item {
    fn eq(&self, o: &Self) -> bool {
        (self.at, self.seq) == (o.at, o.seq)
    }
}
impl Eq for Item {}
impl PartialOrd for Item {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Item {
    fn cmp(&self, o: &Self) -> Ordering {
        // Min-heap on (time, insertion order).
        (o.at, o.seq).cmp(&(self.at, self.seq))
    }
}

/// What reached a local socket: an echo reply or an ICMP error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Received {
    pub at_us: u64,
    pub ns: NsId,
    pub pkt: Ipv4Packet,
}

/// What reached a local ICMPv6 socket, and the device it came in by
/// (the scope a link-local sender is printed with).
#[cfg(feature = "ipv6")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Received6 {
    pub at_us: u64,
    pub ns: NsId,
    pub dev: Option<u32>,
    pub pkt: super::wire6::Ipv6Packet,
}

/// Which packet a fragment belongs to: namespace, source, destination, IP
/// id (IPv4's 16 bits or IPv6's 32).
pub(crate) type FragKey = (NsId, IpAddr, IpAddr, u32);
/// What a held fragment covers: offset, length, and whether more follow.
pub(crate) type FragPart = (usize, usize, bool);

/// Where a queued packet came from: errors about it go back there.
pub type NeighKey = (NsId, u32, IpAddr);

/// One run of the packet path over a kernel.
pub struct Engine<'k> {
    pub(crate) k: &'k mut Kernel,
    pub(crate) now: u64,
    queue: BinaryHeap<Item>,
    seq: u64,
    steps: u64,
    pub(crate) trace: Trace,
    pub(crate) inbox: Vec<Received>,
    #[cfg(feature = "ipv6")]
    pub(crate) inbox6: Vec<Received6>,
    /// Packets waiting for ARP, per neighbour.
    pub(crate) pending: LiteMap<NeighKey, Vec<IpPacket>>,
    /// Probes sent per resolving neighbour.
    pub(crate) probes: LiteMap<NeighKey, u32>,
    labels: LiteMap<NsId, String>,
    /// ICMP error tokens (µs) and their last refill, per namespace and host.
    pub(crate) icmp_last: LiteMap<(NsId, IpAddr), (u64, u64)>,
    /// When neighbours failed during this run.
    pub(crate) failed_in_run: LiteMap<NeighKey, u64>,
    /// The IP id of the last packet this run fragmented.
    pub(crate) frag_id: u16,
    /// Fragments awaiting the rest of their packet.
    pub(crate) reasm: LiteMap<FragKey, Vec<FragPart>>,
    /// Set when the step budget ran out.
    pub exhausted: bool,
    /// While it moves the kernel's own traffic (`own.rs`), nothing is
    /// traced: a trace is what a command's packets did.
    pub(crate) quiet: bool,
}

/// An engine between two steps of a program that waits (a ping between
/// its probes): everything but the kernel, which others use meanwhile.
pub struct Parked {
    now: u64,
    queue: BinaryHeap<Item>,
    seq: u64,
    steps: u64,
    trace: Trace,
    inbox: Vec<Received>,
    #[cfg(feature = "ipv6")]
    inbox6: Vec<Received6>,
    pending: LiteMap<NeighKey, Vec<IpPacket>>,
    probes: LiteMap<NeighKey, u32>,
    labels: LiteMap<NsId, String>,
    icmp_last: LiteMap<(NsId, IpAddr), (u64, u64)>,
    failed_in_run: LiteMap<NeighKey, u64>,
    frag_id: u16,
    reasm: LiteMap<FragKey, Vec<FragPart>>,
    exhausted: bool,
}

impl Parked {
    /// Takes the kernel back: the run goes on where it stopped.
    pub fn resume(self, k: &mut Kernel) -> Engine<'_> {
        let Parked {
            now,
            queue,
            seq,
            steps,
            trace,
            inbox,
            #[cfg(feature = "ipv6")]
            inbox6,
            pending,
            probes,
            labels,
            icmp_last,
            failed_in_run,
            frag_id,
            reasm,
            exhausted,
        } = self;
        let mut e = Engine {
            k,
            now,
            queue,
            seq,
            steps,
            trace,
            inbox,
            #[cfg(feature = "ipv6")]
            inbox6,
            pending,
            probes,
            labels,
            icmp_last,
            failed_in_run,
            frag_id,
            reasm,
            exhausted,
            quiet: false,
        };
        // What another program's run left on its way when it ended.
        e.adopt_in_flight();
        e
    }

    /// The run's own time (µs).
    pub fn now_us(&self) -> u64 {
        self.now
    }

    /// When it next has something to do (see [`Engine::next_event`]).
    pub fn next_event(&self) -> Option<u64> {
        next_wake(&self.queue)
    }

    pub fn exhausted(&self) -> bool {
        self.exhausted
    }
}

/// Whether a frame is the kernel's own traffic (`own.rs`), which only
/// feature `mcast` sends: the basic lab's build folds this to `false`.
fn own_traffic(frame: &EthFrame) -> bool {
    cfg!(all(feature = "mcast", feature = "ipv6")) && frame.is_own_traffic()
}

/// The earliest event of `queue` (without the kernel's own traffic,
/// addrconf's timers all end: DAD, lifetimes).
#[cfg(not(all(feature = "mcast", feature = "ipv6")))]
fn next_wake(queue: &BinaryHeap<Item>) -> Option<u64> {
    queue.peek().map(|i| i.at)
}

/// The earliest event of `queue` but addrconf's timers.
#[cfg(all(feature = "mcast", feature = "ipv6"))]
fn next_wake(queue: &BinaryHeap<Item>) -> Option<u64> {
    match queue.peek() {
        Some(i) if !matches!(i.ev, Ev::AddrconfTimer { .. }) => Some(i.at),
        Some(_) => queue.iter().filter(|i| !matches!(i.ev, Ev::AddrconfTimer { .. })).map(|i| i.at).min(),
        None => None,
    }
}

impl<'k> Engine<'k> {
    /// Lets go of the kernel between two steps (see [`Parked`]); the
    /// kernel's clock is not moved.
    pub fn park(self) -> Parked {
        let Engine {
            k: _,
            now,
            queue,
            seq,
            steps,
            trace,
            inbox,
            #[cfg(feature = "ipv6")]
            inbox6,
            pending,
            probes,
            labels,
            icmp_last,
            failed_in_run,
            frag_id,
            reasm,
            exhausted,
            quiet: _,
        } = self;
        Parked {
            now,
            queue,
            seq,
            steps,
            trace,
            inbox,
            #[cfg(feature = "ipv6")]
            inbox6,
            pending,
            probes,
            labels,
            icmp_last,
            failed_in_run,
            frag_id,
            reasm,
            exhausted,
        }
    }

    /// Starts a run at the kernel's current virtual time, re-arming the
    /// neighbour timers the tables imply.
    pub fn new(k: &'k mut Kernel) -> Engine<'k> {
        let now = k.now_ms * 1000;
        let mut labels = LiteMap::new();
        for id in k.ns_ids() {
            let name = match k.ns_label(id) {
                Some(n) => n.to_string(),
                None if id == NsId::HOST => "host".to_string(),
                None => format!("netns{}", id.0),
            };
            labels.insert(id, name);
        }
        let mut e = Engine {
            k,
            now,
            queue: BinaryHeap::new(),
            seq: 0,
            steps: 0,
            trace: Trace::default(),
            inbox: Vec::new(),
            #[cfg(feature = "ipv6")]
            inbox6: Vec::new(),
            pending: LiteMap::new(),
            probes: LiteMap::new(),
            labels,
            icmp_last: LiteMap::new(),
            failed_in_run: LiteMap::new(),
            frag_id: 0,
            reasm: LiteMap::new(),
            exhausted: false,
            quiet: false,
        };
        e.rearm_neigh_timers();
        e.rearm_addrconf_timers();
        #[cfg(feature = "sockets")]
        e.rearm_sock_timers();
        e.adopt_in_flight();
        e
    }

    /// Takes over the traffic the kernel keeps between runs.
    fn adopt_in_flight(&mut self) {
        for p in std::mem::take(&mut self.k.in_flight) {
            match p.0 {
                Keep::Event { at, ev } => self.push(at, ev),
                Keep::AwaitingArp { key, pkts } => self.pending.entry(key).or_default().extend(pkts),
            }
        }
    }

    /// The current virtual time in microseconds.
    pub fn now_us(&self) -> u64 {
        self.now
    }

    pub(crate) fn push(&mut self, at: u64, ev: Ev) {
        self.seq += 1;
        self.queue.push(Item { at: at.max(self.now), seq: self.seq, ev });
    }

    /// A namespace's name for traces.
    pub(crate) fn label(&self, ns: NsId) -> String {
        self.labels.get(&ns).cloned().unwrap_or_else(|| format!("netns{}", ns.0))
    }

    /// A device's name for traces.
    pub(crate) fn dev_name(&self, ns: NsId, ifindex: u32) -> String {
        self.k.ns(ns).and_then(|n| n.links.get(&ifindex)).map_or_else(|| format!("if{ifindex}"), |l| l.name.clone())
    }

    /// Records a step.
    pub(crate) fn note(&mut self, ns: NsId, dev: Option<u32>, what: What) {
        if self.quiet {
            return;
        }
        let dev = dev.map(|d| self.dev_name(ns, d));
        let ns = self.label(ns);
        self.trace.events.push(Event { at_us: self.now, ns, dev, what });
    }

    /// Records a drop.
    pub(crate) fn drop_(&mut self, ns: NsId, dev: Option<u32>, reason: DropReason, what: String) {
        self.note(ns, dev, What::Dropped { reason, what });
    }

    /// Processes every event due up to and including `until`, then sets the
    /// clock to `until`. Returns false if the step budget ran out.
    pub fn run_until(&mut self, until: u64) -> bool {
        while let Some(top) = self.queue.peek() {
            if top.at > until {
                break;
            }
            let Some(item) = self.queue.pop() else { break };
            self.steps += 1;
            if self.steps > STEP_BUDGET {
                self.exhausted = true;
                self.queue.clear();
                return false;
            }
            self.now = self.now.max(item.at);
            self.handle(item.ev);
        }
        self.now = self.now.max(until);
        true
    }

    /// Schedules each device's next addrconf timer.
    fn rearm_addrconf_timers(&mut self) {
        let devs: Vec<LinkRef> = self
            .k
            .ns_ids()
            .into_iter()
            .filter_map(|id| self.k.ns(id).map(|n| (id, n)))
            .flat_map(|(id, n)| n.links.keys().map(move |&ifindex| LinkRef { ns: id, ifindex }).collect::<Vec<_>>())
            .collect();
        for d in devs {
            self.rearm_addrconf(d);
        }
    }

    fn rearm_addrconf(&mut self, dev: LinkRef) {
        if let Some(at_ms) = self.k.addrconf_next(dev) {
            self.push((at_ms * 1000).max(self.now), Ev::AddrconfTimer { dev });
        }
    }

    /// The time of the next pending event a waiting program must wake
    /// for. addrconf's timers are not such events: the kernel's own
    /// solicitations go on for ever (backing off to one an hour), and a
    /// program that waited for each would never be idle; they fire when
    /// the run next moves past them.
    pub fn next_event(&self) -> Option<u64> {
        next_wake(&self.queue)
    }

    /// Takes what local sockets received so far.
    pub fn take_inbox(&mut self) -> Vec<Received> {
        std::mem::take(&mut self.inbox)
    }

    /// Takes what local ICMPv6 sockets received so far.
    #[cfg(feature = "ipv6")]
    pub fn take_inbox6(&mut self) -> Vec<Received6> {
        std::mem::take(&mut self.inbox6)
    }

    /// Ends the run: the kernel clock moves to the engine's, rounded up to
    /// a millisecond; the trace is handed back.
    pub fn finish(mut self) -> Trace {
        self.k.now_ms = self.now.div_ceil(1000).max(self.k.now_ms);
        let queue = std::mem::take(&mut self.queue);
        let mut parked: Vec<Item> = queue.into_iter().filter(|i| i.ev.parkable()).collect();
        crate::sort::sort_by_key(&mut parked, |i| (i.at, i.seq));
        // Appended: another run that ended while this one was parked may
        // have left traffic too.
        self.k.in_flight.extend(parked.into_iter().map(|i| InFlight(Keep::Event { at: i.at, ev: i.ev })));
        for (key, pkts) in std::mem::take(&mut self.pending) {
            let pkts: Vec<IpPacket> = pkts.into_iter().filter(is_transport_ip).collect();
            if !pkts.is_empty() {
                self.k.in_flight.push(InFlight(Keep::AwaitingArp { key, pkts }));
            }
        }
        self.trace
    }

    fn handle(&mut self, ev: Ev) {
        match ev {
            Ev::Rx { dev, frame } => {
                self.quiet = own_traffic(&frame);
                self.rx(dev, frame);
                self.quiet = false;
            }
            Ev::Tx { dev, frame } => {
                self.quiet = own_traffic(&frame);
                let _ = self.xmit(dev, frame);
                self.quiet = false;
            }
            Ev::LocalIn { ns, pkt } => self.loopback_in(ns, pkt),
            #[cfg(feature = "ipv6")]
            Ev::LocalIn6 { ns, dev, pkt } => self.local_deliver6(ns, dev, pkt),
            Ev::NeighTimer { ns, dev, ip } => self.neigh_timer(ns, dev, ip),
            Ev::AddrconfTimer { dev } => {
                self.k.addrconf_timers(dev, self.now / 1000);
                #[cfg(all(feature = "mcast", feature = "ipv6"))]
                {
                    self.quiet = true;
                    self.own_traffic(dev);
                    self.quiet = false;
                }
                self.rearm_addrconf(dev);
            }
            Ev::ProxyReply { dev, arp, to } => self.send_arp(dev, arp, to),
            #[cfg(feature = "sockets")]
            Ev::SockTimer { ns, id, at } => self.sock_timer(ns, id, at),
            // Without sockets (the basic lab) no socket arms a timer.
            #[cfg(not(feature = "sockets"))]
            Ev::SockTimer { .. } => {}
        }
    }
}
