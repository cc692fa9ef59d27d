//! The packet engine: frames and packets moving through the simulated
//! kernel — veths, bridges, ARP and neighbour states, routing and
//! forwarding, NAT with connection tracking — deterministic, in virtual
//! time, and traced.
//!
//! - [`wire`]: typed Ethernet/ARP/IPv4/ICMP representations, `wire6`
//!   IPv6 and ICMPv6 (`ip6` its layer 3, `ndisc` neighbour discovery);
//!   [`transport`]: UDP datagrams and TCP segments.
//! - [`engine::Engine`]: the event loop that moves them.
//! - TCP ([`tcp`], `tcp_in`, [`tcp_user`]) and UDP ([`udp`]) sockets, whose
//!   state lives in each namespace's socket table; [`next_timer`] and
//!   [`advance`] let a scheduler run their timers and packets in flight.
//! - [`trace::Trace`]: what happened, step by step.
//! - [`route_get`]: what `ip route get` asks the kernel.

pub mod arp;
pub mod br_netfilter;
pub mod capture;
pub mod engine;
pub mod fib;
pub mod fib6;
pub mod ip;
#[cfg(feature = "ipv6")]
pub mod ip6;
pub mod l2;
pub mod mtu;
#[cfg(feature = "ipv6")]
mod ndisc;
pub mod netfilter;
#[cfg(feature = "ipv6")]
mod netfilter6;
#[cfg(all(feature = "mcast", feature = "ipv6"))]
mod own;
pub mod route_get;
pub mod tcp;
mod tcp_in;
pub mod tcp_user;
pub mod trace;
pub mod transport;
pub mod udp;
pub mod wire;
#[cfg(feature = "ipv6")]
pub mod wire6;

pub use engine::{Engine, Received};
pub use route_get::{route_get, RouteGet};
pub use trace::{BridgeAction, DropReason, Event, Step6, Trace, What};

/// When the kernel next has something to do on its own, in virtual
/// microseconds after `now_us`: a socket timer (a retransmission, the end
/// of TIME-WAIT) or a TCP/UDP packet still on its way. A scheduler sleeps
/// until then (or until a program's own deadline), then calls [`advance`].
pub fn next_timer(kernel: &crate::kernel::Kernel, now_us: u64) -> Option<u64> {
    let socks = kernel.ns_ids().into_iter().filter_map(|id| kernel.ns(id)?.sockets.next_timer());
    let parked = kernel.in_flight.iter().filter_map(engine::InFlight::at);
    let arp = kernel
        .in_flight
        .iter()
        .filter_map(engine::InFlight::awaits)
        .filter_map(|k| arp::resolve_timer(kernel, k, now_us));
    socks.chain(parked).chain(arp).map(|t| t.max(now_us)).min()
}

/// Lets virtual time pass to `until_us` (microseconds), running whatever
/// the kernel does meanwhile: packets in flight, socket timers, neighbour
/// timers. The kernel's clock ends at `until_us` rounded up to a
/// millisecond; packets still on their way wait for the next run.
pub fn advance(kernel: &mut crate::kernel::Kernel, until_us: u64) -> Trace {
    let mut e = Engine::new(kernel);
    e.run_until(until_us);
    e.finish()
}

/// Lets virtual time pass to `now_ms` with no traffic but the kernel's own:
/// ARP retries fail, DELAY entries probe, REACHABLE entries go STALE.
/// (For `sleep`, or before `ip neigh` after time moved.)
pub fn advance_to(kernel: &mut crate::kernel::Kernel, now_ms: u64) -> Trace {
    if now_ms <= kernel.now_ms {
        return Trace::default();
    }
    let mut e = Engine::new(kernel);
    e.run_until(now_ms * 1000);
    e.finish()
}
