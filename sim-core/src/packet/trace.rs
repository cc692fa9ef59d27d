//! The trace: every step the engine took for one command, as typed events.
//! `Display` prints one readable line per event; the site animates the
//! events and explains a failed ping from its [`DropReason`]s.

use std::fmt;
use std::net::Ipv4Addr;

use crate::kernel::mac::Mac;
use crate::kernel::netfilter::eval::Verdict;

/// Why the engine dropped a frame or packet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DropReason {
    /// The device is administratively down.
    LinkDown,
    /// The device is up but has no carrier (a veth whose peer is down).
    NoCarrier,
    /// No route to the destination.
    NoRoute,
    /// A packet for another host arrived and `ip_forward` is 0.
    ForwardingDisabled,
    /// ARP got no answer: the neighbour is FAILED.
    ArpFailed,
    /// A reply (or error) could not be routed back to its sender: the
    /// sender's address is unknown here (the missing-NAT symptom).
    ReplyUnroutable,
    /// The TTL ran out.
    TtlExceeded,
    /// Local delivery needs `lo`, and `lo` is down.
    LoopbackDown,
    /// A bridge port that is not forwarding (bridge down or port down).
    NotPortForwarding,
    /// The bridge the frame arrived on is down.
    BridgeDown,
    /// A unicast frame for another MAC address.
    OtherHost,
    /// The neighbour's queue of packets awaiting ARP is full.
    QueueFull,
    /// A broadcast or otherwise unroutable destination.
    Unroutable,
    /// Larger than the MTU of the device it had to enter.
    TooBig,
    /// Larger than the next link's MTU, with DF set: the sender is told.
    FragNeeded,
    /// An iptables rule or policy dropped or rejected it.
    Firewall,
    /// A "martian": a packet from the wire for a loopback (127.0.0.0/8)
    /// or zero address, which `ip_route_input_slow()` drops without a word.
    Martian,
}

impl DropReason {
    /// A learner-facing explanation.
    pub fn text(self) -> &'static str {
        match self {
            DropReason::LinkDown => "the interface is down",
            DropReason::NoCarrier => "no carrier: the other end of the cable is down",
            DropReason::NoRoute => "no route to the destination",
            DropReason::ForwardingDisabled => "not for this host and ip_forward is 0",
            DropReason::ArpFailed => "ARP got no answer (neighbour FAILED)",
            DropReason::ReplyUnroutable => "no route back to the sender (missing NAT?)",
            DropReason::TtlExceeded => "TTL exceeded",
            DropReason::LoopbackDown => "local delivery needs lo, and lo is down",
            DropReason::NotPortForwarding => "the bridge port is not forwarding",
            DropReason::BridgeDown => "the bridge is down",
            DropReason::OtherHost => "frame for another MAC address",
            DropReason::QueueFull => "too many packets waiting for ARP",
            DropReason::Unroutable => "destination cannot be routed",
            DropReason::TooBig => "larger than the MTU of the interface it had to enter",
            DropReason::FragNeeded => "larger than the next link's MTU and Don't Fragment is set",
            DropReason::Firewall => "an iptables rule dropped or rejected it",
            DropReason::Martian => "a packet from outside for a loopback address (a martian), dropped unanswered",
        }
    }
}

/// What a bridge did with a frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BridgeAction {
    /// Learnt a source MAC on a port.
    Learned { mac: Mac, port: String },
    /// Sent a known unicast frame out of one port.
    Forwarded { port: String },
    /// Sent an unknown or broadcast frame out of every other forwarding port.
    Flooded { ports: Vec<String> },
    /// The frame was for the bridge itself (its L3 interface).
    Local,
}

/// What happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum What {
    /// A locally made packet left the IP layer.
    Sent { src: Ipv4Addr, dst: Ipv4Addr, what: String },
    /// An ARP request was sent.
    ArpWhoHas { target: Ipv4Addr, tell: Ipv4Addr },
    /// An ARP reply was sent; `proxy` when answering for another host.
    ArpIsAt { ip: Ipv4Addr, mac: Mac, proxy: bool },
    /// An ARP request was not answered, and why.
    ArpIgnored { target: Ipv4Addr, why: &'static str },
    /// A neighbour entry changed state.
    Neigh { ip: std::net::IpAddr, state: &'static str },
    /// A frame crossed a veth to its peer.
    Wire { to_ns: String, to_dev: String },
    /// A bridge handled a frame.
    Bridged { bridge: String, action: BridgeAction },
    /// A packet too big for its link was split into fragments.
    Fragmented { count: usize, mtu: u32, out: String },
    /// A packet was forwarded (routed) with its new TTL.
    Routed { dst: Ipv4Addr, via: Option<Ipv4Addr>, out: String, ttl: u8 },
    /// A netfilter chain decided: a filter verdict other than a policy
    /// ACCEPT, or a nat rule's translation. `rule` is 1-based (`None`: the
    /// policy) and `spec` its `iptables -S` text.
    Netfilter { verdict: Verdict, table: &'static str, chain: String, rule: Option<usize>, spec: Option<String> },
    /// NAT rewrote a packet.
    Nat { chain: &'static str, before: (Ipv4Addr, Ipv4Addr), after: (Ipv4Addr, Ipv4Addr) },
    /// A packet reached its destination's IP layer.
    Delivered { src: Ipv4Addr, dst: Ipv4Addr, what: String },
    /// An ICMP error was sent back.
    IcmpError { to: Ipv4Addr, what: String },
    /// A frame or packet was dropped.
    Dropped { reason: DropReason, what: String },
    /// An IPv6 packet was sent, delivered, forwarded or answered with an
    /// ICMPv6 error (`what` names the message). (In every build, though
    /// only the `ipv6` feature makes it: crates that match on `What` see
    /// one enum whatever features sim-core was built with.)
    Ip6 { step: Step6, src: std::net::Ipv6Addr, dst: std::net::Ipv6Addr, what: String },
    /// Neighbour discovery asked who has `target`: a solicitation from
    /// `src` to `dst` (the target's solicited-node group, or the neighbour
    /// itself when it probes again). ARP's request, for IPv6.
    NdWhoHas { target: std::net::Ipv6Addr, src: std::net::Ipv6Addr, dst: std::net::Ipv6Addr },
    /// Neighbour discovery answered: `target` is at `mac` (`router`: the
    /// advertisement's R flag). ARP's reply, for IPv6.
    NdIsAt { target: std::net::Ipv6Addr, mac: Mac, router: bool },
}

/// What happened to an IPv6 packet ([`What::Ip6`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step6 {
    Sent,
    Delivered,
    /// Forwarded, its hop limit now the one given.
    Forwarded {
        hop_limit: u8,
    },
    /// An ICMPv6 error went back to `dst`.
    Error,
}

/// One step: where (namespace and device) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Virtual time in microseconds.
    pub at_us: u64,
    /// The namespace's name (`host` for the initial one).
    pub ns: String,
    /// The device, if one is involved.
    pub dev: Option<String>,
    pub what: What,
}

/// Every step of one command, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trace {
    pub events: Vec<Event>,
}

impl Trace {
    /// The drop reasons, in order (what explains a failed ping).
    pub fn drops(&self) -> Vec<DropReason> {
        self.events
            .iter()
            .filter_map(|e| match e.what {
                What::Dropped { reason, .. } => Some(reason),
                _ => None,
            })
            .collect()
    }

    /// Whether any drop had this reason.
    pub fn dropped_for(&self, r: DropReason) -> bool {
        self.drops().contains(&r)
    }
}

impl fmt::Display for What {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            What::Sent { src, dst, what } => write!(f, "send {what} {src} > {dst}"),
            What::ArpWhoHas { target, tell } => write!(f, "ARP who-has {target} tell {tell}"),
            What::ArpIsAt { ip, mac, proxy: false } => write!(f, "ARP reply {ip} is-at {mac}"),
            What::ArpIsAt { ip, mac, proxy: true } => write!(f, "ARP proxy reply {ip} is-at {mac}"),
            What::ArpIgnored { target, why } => write!(f, "ARP who-has {target} not answered: {why}"),
            What::Neigh { ip, state } => write!(f, "neighbour {ip} {state}"),
            What::Wire { to_ns, to_dev } => write!(f, "veth -> {to_ns} {to_dev}"),
            What::Bridged { bridge, action } => match action {
                BridgeAction::Learned { mac, port } => write!(f, "bridge {bridge} learned {mac} on {port}"),
                BridgeAction::Forwarded { port } => write!(f, "bridge {bridge} forwarded to {port}"),
                BridgeAction::Flooded { ports } if ports.is_empty() => write!(f, "bridge {bridge} flooded to no port"),
                BridgeAction::Flooded { ports } => write!(f, "bridge {bridge} flooded to {}", ports.join(", ")),
                BridgeAction::Local => write!(f, "bridge {bridge} took the frame itself"),
            },
            What::Fragmented { count, mtu, out } => write!(f, "fragment into {count} for {out} mtu {mtu}"),
            What::Routed { dst, via: Some(gw), out, ttl } => write!(f, "forward to {dst} via {gw} dev {out} ttl {ttl}"),
            What::Routed { dst, via: None, out, ttl } => write!(f, "forward to {dst} dev {out} ttl {ttl}"),
            What::Netfilter { verdict, table, chain, rule, spec } => {
                let did = match verdict {
                    Verdict::Accept => "accepted",
                    Verdict::Drop => "dropped",
                    Verdict::Reject(_) => "rejected",
                    Verdict::Snat(_) | Verdict::Masquerade => "source NAT",
                    Verdict::Dnat(_) => "destination NAT",
                };
                write!(f, "{did} by {table} {chain} ")?;
                match (rule, spec) {
                    (Some(n), Some(s)) => write!(f, "rule {n}: {s}"),
                    (Some(n), None) => write!(f, "rule {n}"),
                    (None, _) if *verdict == Verdict::Drop => write!(f, "policy DROP"),
                    (None, _) => write!(f, "policy ACCEPT"),
                }
            }
            What::Nat { chain, before, after } => {
                write!(f, "NAT {chain} {} > {} became {} > {}", before.0, before.1, after.0, after.1)
            }
            What::Delivered { src, dst, what } => write!(f, "deliver {what} {src} > {dst}"),
            What::IcmpError { to, what } => write!(f, "send {what} to {to}"),
            What::Dropped { reason, what } => write!(f, "drop {what}: {}", reason.text()),
            #[cfg(feature = "ipv6")]
            What::NdWhoHas { target, src, dst } => write!(f, "neighbour solicitation who-has {target} {src} > {dst}"),
            #[cfg(feature = "ipv6")]
            What::NdIsAt { target, mac, router } => {
                write!(f, "neighbour advertisement {target} is-at {mac}{}", if *router { " router" } else { "" })
            }
            // Only the `ipv6` feature makes them (the basic lab's first load).
            #[cfg(not(feature = "ipv6"))]
            What::NdWhoHas { .. } | What::NdIsAt { .. } => Ok(()),
            What::Ip6 { step, src, dst, what } => match step {
                Step6::Sent => write!(f, "send {what} {src} > {dst}"),
                Step6::Delivered => write!(f, "deliver {what} {src} > {dst}"),
                Step6::Forwarded { hop_limit } => write!(f, "forward {what} {src} > {dst} hop limit {hop_limit}"),
                Step6::Error => write!(f, "send {what} to {dst}"),
            },
        }
    }
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ms = self.at_us / 1000;
        let us = self.at_us % 1000;
        write!(f, "{ms:>6}.{us:03}ms {}", self.ns)?;
        if let Some(d) = &self.dev {
            write!(f, " {d}")?;
        }
        write!(f, ": {}", self.what)
    }
}

impl fmt::Display for Trace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in &self.events {
            writeln!(f, "{e}")?;
        }
        Ok(())
    }
}
