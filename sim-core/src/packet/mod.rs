//! The packet engine: frames and packets moving through the simulated
//! kernel — veths, bridges, ARP and neighbour states, routing and
//! forwarding, NAT with connection tracking — deterministic, in virtual
//! time, and traced.
//!
//! - [`wire`]: typed Ethernet/ARP/IPv4/ICMP representations.
//! - [`engine::Engine`]: the event loop that moves them.
//! - [`trace::Trace`]: what happened, step by step.
//! - [`route_get`]: what `ip route get` asks the kernel.

pub mod arp;
pub mod br_netfilter;
pub mod engine;
pub mod fib;
pub mod ip;
pub mod l2;
pub mod mtu;
pub mod netfilter;
pub mod route_get;
pub mod trace;
pub mod transport;
pub mod wire;

pub use engine::{Engine, Received};
pub use route_get::{route_get, RouteGet};
pub use trace::{BridgeAction, DropReason, Event, Trace, What};

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
