//! `ip route get ADDR`: the route the kernel would use, as RTM_GETROUTE
//! answers it, and the text iproute2 prints for it.

use std::fmt;
use std::net::Ipv4Addr;

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
    Ok(RouteGet { kind: r.kind, dst, gateway: r.gateway, dev, src, uid: 0 })
}

impl fmt::Display for RouteGet {
    /// The two lines iproute2 prints, each with its trailing space.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            Kind::Local => write!(f, "local ")?,
            Kind::Broadcast => write!(f, "broadcast ")?,
            Kind::Unicast => {}
        }
        write!(f, "{}", self.dst)?;
        if let Some(gw) = self.gateway {
            write!(f, " via {gw}")?;
        }
        write!(f, " dev {}", self.dev)?;
        if let Some(s) = self.src {
            write!(f, " src {s}")?;
        }
        writeln!(f, " uid {} ", self.uid)?;
        match self.kind {
            Kind::Local => writeln!(f, "    cache <local> "),
            Kind::Broadcast => writeln!(f, "    cache <local,brd> "),
            Kind::Unicast => writeln!(f, "    cache "),
        }
    }
}

/// The full output of `ip route get ADDR`: stdout on success, or the
/// `RTNETLINK answers: …` line (stderr, exit 2) on failure.
pub fn route_get_text(kernel: &Kernel, ns: NsId, dst: Ipv4Addr) -> Result<String, String> {
    match route_get(kernel, ns, dst) {
        Ok(r) => Ok(r.to_string()),
        Err(e) => Err(format!("RTNETLINK answers: {}\n", e.errno.text())),
    }
}
