//! `ip route get ADDR`: the route the kernel would use, as RTM_GETROUTE
//! answers it (`iproute` prints it).

use std::net::Ipv4Addr;

use crate::kernel::route::Metrics;
use crate::kernel::{Errno, KResult, Kernel, KernelError, NsId};

use super::fib::{self, Kind};

/// What `ip route get` reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteGet {
    pub kind: Kind,
    pub dst: Ipv4Addr,
    pub gateway: Option<Ipv4Addr>,
    /// The device's name (`lo` for local destinations).
    pub dev: String,
    pub src: Option<Ipv4Addr>,
    pub uid: u32,
    /// The route's metrics (`cache mtu 1300`), with a learnt path MTU in
    /// place of `mtu`.
    pub metrics: Metrics,
    /// Seconds until a learnt path MTU expires.
    pub expires: Option<u32>,
}

/// Resolves `dst` as `ip route get` does (as root: uid 0).
pub fn route_get(kernel: &Kernel, ns: NsId, dst: Ipv4Addr) -> KResult<RouteGet> {
    let n = kernel.ns(ns).ok_or(KernelError::new(Errno::EINVAL))?;
    let r = fib::lookup(n, dst, None)?;
    let dev = match r.kind {
        Kind::Local => {
            n.links.values().find(|l| l.is_loopback()).map(|l| l.name.clone()).unwrap_or_else(|| "lo".into())
        }
        _ => n.links.get(&r.dev).map(|l| l.name.clone()).ok_or(KernelError::new(Errno::ENETUNREACH))?,
    };
    let src = match r.kind {
        Kind::Local => r.src.or(Some(dst)),
        _ => r.src,
    };
    let mut metrics = match r.kind {
        Kind::Unicast => fib::main_route(n, dst, None).map(|m| m.metrics.clone()).unwrap_or_default(),
        _ => Metrics::default(),
    };
    // A nexthop exception's MTU and its remaining lifetime.
    let learnt = n.pmtu.iter().find(|p| p.dst == dst && r.kind == Kind::Unicast);
    let expires = learnt.and_then(|p| p.fill(&mut metrics, kernel.now_ms));
    Ok(RouteGet { kind: r.kind, dst, gateway: r.gateway, dev, src, uid: 0, metrics, expires })
}
