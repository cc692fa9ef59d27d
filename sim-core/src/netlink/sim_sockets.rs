//! The simulator's side of the socket seam: [`Sockets`] over the kernel
//! model and one run of the packet engine, bound to one namespace.

use std::net::Ipv4Addr;

use crate::kernel::addr::{in_prefix, IfAddr};
use crate::kernel::link::Link;
use crate::kernel::{Errno, Kernel, NsId};
use crate::packet::engine::Engine;
use crate::packet::fib;
use crate::packet::wire::{Icmp, Ipv4Packet, Payload, PROTO_ICMP};
use crate::packet::{DropReason, Trace, What};
use crate::rng::mix;

use super::sockets::*;

/// One socket's state.
#[derive(Clone, Debug, Default)]
struct Sock {
    bound: Option<Ipv4Addr>,
    oif: Option<u32>,
    peer: Option<(Ipv4Addr, Connected)>,
    queue: Vec<Datagram>,
}

/// The simulator's sockets in one namespace, for one program's run. The
/// engine starts at the kernel's virtual time; [`SimSockets::finish`] moves
/// the kernel's clock on and hands back the trace.
pub struct SimSockets<'k> {
    e: Engine<'k>,
    ns: NsId,
    socks: Vec<Sock>,
}

impl<'k> SimSockets<'k> {
    pub fn new(kernel: &'k mut Kernel, ns: NsId) -> SimSockets<'k> {
        SimSockets { e: Engine::new(kernel), ns, socks: Vec::new() }
    }

    /// Ends the run: what every packet did.
    pub fn finish(self) -> Trace {
        self.e.finish()
    }

    fn sock(&mut self, s: SockId) -> Result<&mut Sock, Errno> {
        self.socks.get_mut(s.0).ok_or(Errno::EINVAL)
    }

    /// Why a connect() found no route, for the trace: a loopback or a
    /// subnet whose device is down, or no route at all.
    fn note_no_route(&mut self, dst: Ipv4Addr) {
        let Some(n) = self.e.k.ns(self.ns) else { return };
        let down_with = |pred: &dyn Fn(&Link) -> bool| n.links.values().find(|l| !l.admin_up && pred(l));
        let (reason, dev) = if dst.is_loopback() {
            (DropReason::LoopbackDown, down_with(&|l| l.is_loopback()).map(|l| l.ifindex))
        } else if let Some(l) =
            down_with(&|l| l.addrs.iter().filter_map(IfAddr::v4).any(|a| in_prefix(dst, a.local, a.prefix)))
        {
            (DropReason::LinkDown, Some(l.ifindex))
        } else {
            (DropReason::NoRoute, None)
        };
        self.e.note(self.ns, dev, What::Dropped { reason, what: format!("ping {dst}") });
    }

    /// Hands what the engine delivered to the sockets it belongs to.
    fn demux(&mut self) {
        for m in self.e.take_inbox() {
            if m.ns != self.ns {
                continue;
            }
            let Payload::Icmp(icmp) = &m.pkt.payload else { continue };
            let ident = icmp.echo_id();
            let echo = match *icmp {
                Icmp::EchoReply { seq, data_len, .. } => Echo::Reply { seq, data_len, ttl: m.pkt.ttl },
                Icmp::DestUnreachable { code, quoted } if quoted.proto == PROTO_ICMP => {
                    Echo::Unreachable { seq: quoted.seq, code }
                }
                Icmp::TimeExceeded { quoted } if quoted.proto == PROTO_ICMP => Echo::TimeExceeded { seq: quoted.seq },
                _ => continue,
            };
            if let Some(s) = self.socks.iter_mut().find(|s| s.peer.is_some_and(|(_, c)| c.ident == ident)) {
                s.queue.push(Datagram { at_us: m.at_us, from: m.pkt.src, echo });
            }
        }
    }
}

impl Sockets for SimSockets<'_> {
    fn now_us(&self) -> u64 {
        self.e.now_us()
    }

    fn resolve(&mut self, name: &str) -> Option<Ipv4Addr> {
        match name {
            "localhost" => Some(Ipv4Addr::LOCALHOST),
            _ => name.parse().ok(),
        }
    }

    fn socket(&mut self, ty: SockType) -> Result<SockId, Errno> {
        match ty {
            SockType::IcmpEcho => {}
        }
        self.e.k.ns(self.ns).ok_or(Errno::EINVAL)?;
        self.socks.push(Sock::default());
        Ok(SockId(self.socks.len() - 1))
    }

    fn bind(&mut self, s: SockId, addr: Ipv4Addr) -> Result<(), Errno> {
        let local = self.e.k.ns(self.ns).is_some_and(|n| fib::is_local(n, addr));
        if !local {
            return Err(Errno::EADDRNOTAVAIL);
        }
        self.sock(s)?.bound = Some(addr);
        Ok(())
    }

    fn bind_device(&mut self, s: SockId, dev: &str) -> Result<(), Errno> {
        let idx = self.e.k.ns(self.ns).and_then(|n| n.ifindex_of(dev)).ok_or(Errno::ENODEV)?;
        self.sock(s)?.oif = Some(idx);
        Ok(())
    }

    fn connect(&mut self, s: SockId, dst: Ipv4Addr) -> Result<Connected, Errno> {
        let sock = self.sock(s)?;
        let (bound, oif) = (sock.bound, sock.oif);
        let n = self.e.k.ns(self.ns).ok_or(Errno::EINVAL)?;
        let r = match fib::lookup(n, dst, oif) {
            Ok(r) => r,
            Err(err) => {
                if err.errno != Errno::EACCES {
                    self.note_no_route(dst);
                }
                return Err(err.errno);
            }
        };
        let chosen = match r.kind {
            RouteKind::Local => r.src.or(Some(dst)),
            _ => r.src,
        };
        let src = bound.or(chosen).unwrap_or(Ipv4Addr::UNSPECIFIED);
        let ident = (mix(&[self.e.k.now_ms, u64::from(self.ns.0), u64::from(u32::from(dst))]) & 0xffff) as u16;
        let c = Connected { kind: r.kind, src, ident };
        self.sock(s)?.peer = Some((dst, c));
        Ok(c)
    }

    fn send_echo(&mut self, s: SockId, req: EchoRequest) -> Result<(), SendError> {
        let sock = self.sock(s).map_err(|_| SendError::NoRoute)?;
        let Some((dst, c)) = sock.peer else { return Err(SendError::NoRoute) };
        let oif = sock.oif;
        let payload = Icmp::EchoRequest { ident: c.ident, seq: req.seq, data_len: req.data_len };
        let ttl = req.ttl.unwrap_or_else(|| self.e.default_ttl(self.ns));
        let pkt = Ipv4Packet::new(c.src, dst, ttl, payload);
        self.e.send_probe(self.ns, pkt, oif, req.pmtudisc)
    }

    fn recv(&mut self, s: SockId) -> Vec<Datagram> {
        self.demux();
        self.sock(s).map(|s| std::mem::take(&mut s.queue)).unwrap_or_default()
    }

    fn next_event(&self) -> Option<u64> {
        self.e.next_event()
    }

    fn run_until(&mut self, until_us: u64) -> bool {
        self.e.run_until(until_us)
    }

    fn exhausted(&self) -> bool {
        self.e.exhausted
    }
}
