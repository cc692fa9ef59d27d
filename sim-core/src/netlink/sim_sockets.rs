//! The simulator's side of the socket seam: [`Sockets`] over the kernel
//! model and one run of the packet engine, bound to one namespace.

use std::net::{IpAddr, Ipv4Addr, SocketAddrV4};

use crate::kernel::addr::{in_prefix, IfAddr};
use crate::kernel::link::Link;
use crate::kernel::socket::Proto as KProto;
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
    /// An ICMPv6 socket.
    #[cfg(feature = "ipv6")]
    v6: bool,
    bound: Option<IpAddr>,
    /// The echo identifier asked for (`ping -e` with IPv6).
    #[cfg(feature = "ipv6")]
    ident: Option<u16>,
    oif: Option<u32>,
    peer: Option<(IpAddr, Connected)>,
    queue: Vec<Datagram>,
}

/// Handles of ICMP sockets start here; below are the namespace's TCP and
/// UDP sockets by their number in its socket table, which outlive a run
/// (a server keeps its listener from one command to the next).
pub const ICMP_BASE: usize = 1 << 31;

/// The simulator's sockets in one namespace, for one program's run. The
/// engine starts at the kernel's virtual time; [`SimSockets::finish`] moves
/// the kernel's clock on and hands back the trace. ICMP sockets live as
/// long as the run; TCP and UDP sockets live in the kernel.
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

    /// Lets go of the kernel until the program's next step (see
    /// [`crate::packet::engine::Parked`]).
    pub fn park(self) -> ParkedSockets {
        ParkedSockets { e: self.e.park(), ns: self.ns, socks: self.socks }
    }

    fn sock(&mut self, s: SockId) -> Result<&mut Sock, Errno> {
        let i = s.0.checked_sub(ICMP_BASE).ok_or(Errno::EINVAL)?;
        self.socks.get_mut(i).ok_or(Errno::EINVAL)
    }

    /// A TCP or UDP socket's number and protocol.
    fn inet(&self, s: SockId) -> Result<(u32, KProto), Errno> {
        let id = u32::try_from(s.0).map_err(|_| Errno::EBADF)?;
        let sk = self.e.k.ns(self.ns).and_then(|n| n.sockets.get(id)).ok_or(Errno::EBADF)?;
        Ok((id, sk.proto))
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
                s.queue.push(Datagram { at_us: m.at_us, from: m.pkt.src.into(), scope: 0, echo });
            }
        }
        #[cfg(feature = "ipv6")]
        self.demux6();
    }

    /// Hands what the engine delivered over ICMPv6 to the echo sockets.
    #[cfg(feature = "ipv6")]
    fn demux6(&mut self) {
        use crate::packet::wire6::Icmp6;
        for m in self.e.take_inbox6() {
            if m.ns != self.ns {
                continue;
            }
            let (ident, echo) = match m.pkt.payload {
                Icmp6::EchoReply { ident, seq, data_len } => {
                    (ident, Echo::Reply { seq, data_len, ttl: m.pkt.hop_limit })
                }
                Icmp6::DestUnreachable { code, quoted } if quoted.echo => {
                    (quoted.ident, Echo::Unreachable6 { seq: quoted.seq, code })
                }
                Icmp6::PacketTooBig { mtu, quoted } if quoted.echo => {
                    (quoted.ident, Echo::TooBig { seq: quoted.seq, mtu })
                }
                Icmp6::TimeExceeded { quoted } if quoted.echo => (quoted.ident, Echo::TimeExceeded { seq: quoted.seq }),
                _ => continue,
            };
            let mine = |s: &&mut Sock| s.v6 && s.peer.is_some_and(|(_, c)| c.ident == ident);
            if let Some(s) = self.socks.iter_mut().find(mine) {
                let scope = m.dev.unwrap_or(0);
                s.queue.push(Datagram { at_us: m.at_us, from: m.pkt.src.into(), scope, echo });
            }
        }
    }

    /// `ip6_datagram_connect()` for an ICMPv6 socket: `::` is `::1`; the
    /// source is the bound address or `ipv6_dev_get_saddr()`'s, and none
    /// at all is EADDRNOTAVAIL before the route's own error
    /// (`ip6_dst_lookup_tail()` picks the source first).
    #[cfg(feature = "ipv6")]
    fn connect6(&mut self, s: SockId, dst: std::net::Ipv6Addr) -> Result<Connected, Errno> {
        use crate::kernel::route::RouteType;
        use crate::packet::fib6;
        let dst = if dst.is_unspecified() { std::net::Ipv6Addr::LOCALHOST } else { dst };
        let sock = self.sock(s)?;
        let (bound, oif) = (sock.bound, sock.oif);
        let now_ms = self.e.now_us() / 1000;
        let n = self.e.k.ns(self.ns).ok_or(Errno::EINVAL)?;
        let r = fib6::lookup(n, dst, oif);
        let dev = r.map(|r| r.dev).or(oif).unwrap_or(0);
        let src = match bound {
            Some(IpAddr::V6(a)) => Some(a),
            _ => fib6::select_saddr(n, dev, dst, now_ms),
        };
        let linklocal_on_dev = oif.is_some() && fib6::addr_scope(dst) <= 2;
        let kind = match r {
            _ if src.is_none() && !linklocal_on_dev => return Err(Errno::EADDRNOTAVAIL),
            Some(r) => match fib6::reject_errno(r.kind) {
                Some(e) => return Err(e),
                None if r.kind == RouteType::Local => RouteKind::Local,
                None => RouteKind::Unicast,
            },
            // Bound to a device, a link-local destination needs no route.
            None if linklocal_on_dev => RouteKind::Unicast,
            None => {
                self.e.note(self.ns, None, What::Dropped { reason: DropReason::NoRoute, what: format!("ping {dst}") });
                return Err(Errno::ENETUNREACH);
            }
        };
        let src = IpAddr::V6(src.unwrap_or(std::net::Ipv6Addr::UNSPECIFIED));
        let seed = u64::from(u128::from(dst) as u32);
        let asked = self.sock(s)?.ident;
        let ident = asked.unwrap_or((mix(&[self.e.k.now_ms, u64::from(self.ns.0), seed, 6]) & 0xffff) as u16);
        let c = Connected { kind, src, ident };
        self.sock(s)?.peer = Some((IpAddr::V6(dst), c));
        Ok(c)
    }
}

/// A program's sockets while it waits: its engine run and sockets
/// without the kernel.
pub struct ParkedSockets {
    e: crate::packet::engine::Parked,
    ns: NsId,
    socks: Vec<Sock>,
}

impl ParkedSockets {
    /// Takes the kernel back for the program's next step.
    pub fn resume(self, kernel: &mut Kernel) -> SimSockets<'_> {
        SimSockets { e: self.e.resume(kernel), ns: self.ns, socks: self.socks }
    }

    pub fn now_us(&self) -> u64 {
        self.e.now_us()
    }

    pub fn next_event(&self) -> Option<u64> {
        self.e.next_event()
    }

    pub fn exhausted(&self) -> bool {
        self.e.exhausted()
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
        let proto = match ty {
            SockType::IcmpEcho => {
                self.e.k.ns(self.ns).ok_or(Errno::EINVAL)?;
                self.socks.push(Sock::default());
                return Ok(SockId(ICMP_BASE + self.socks.len() - 1));
            }
            #[cfg(feature = "ipv6")]
            SockType::Icmp6Echo => {
                self.e.k.ns(self.ns).ok_or(Errno::EINVAL)?;
                self.socks.push(Sock { v6: true, ..Sock::default() });
                return Ok(SockId(ICMP_BASE + self.socks.len() - 1));
            }
            SockType::Stream => KProto::Tcp,
            SockType::Dgram => KProto::Udp,
        };
        self.e.sock_open(self.ns, proto).map(|id| SockId(id as usize))
    }

    fn bind(&mut self, s: SockId, addr: IpAddr) -> Result<(), Errno> {
        let local = match addr {
            IpAddr::V4(a) => self.e.k.ns(self.ns).is_some_and(|n| fib::is_local(n, a)),
            // inet6_bind(): a link-local address needs a device to be on.
            #[cfg(feature = "ipv6")]
            IpAddr::V6(a) if a.segments()[0] & 0xffc0 == 0xfe80 && self.sock(s)?.oif.is_none() => {
                return Err(Errno::EINVAL)
            }
            #[cfg(feature = "ipv6")]
            IpAddr::V6(a) => self.e.is_local6(self.ns, a),
            #[cfg(not(feature = "ipv6"))]
            IpAddr::V6(_) => false,
        };
        if !local {
            return Err(Errno::EADDRNOTAVAIL);
        }
        self.sock(s)?.bound = Some(addr);
        Ok(())
    }

    #[cfg(feature = "ipv6")]
    fn bind_ident(&mut self, s: SockId, ident: u16) -> Result<(), Errno> {
        self.sock(s)?.ident = Some(ident);
        Ok(())
    }

    fn bind_device(&mut self, s: SockId, dev: &str) -> Result<(), Errno> {
        let idx = self.e.k.ns(self.ns).and_then(|n| n.ifindex_of(dev)).ok_or(Errno::ENODEV)?;
        self.sock(s)?.oif = Some(idx);
        Ok(())
    }

    #[cfg(feature = "ipv6")]
    fn if_index(&self, name: &str) -> u32 {
        self.e.k.ns(self.ns).and_then(|n| n.ifindex_of(name)).unwrap_or(0)
    }

    #[cfg(feature = "ipv6")]
    fn if_name(&self, ifindex: u32) -> Option<String> {
        self.e.k.ns(self.ns)?.links.get(&ifindex).map(|l| l.name.clone())
    }

    fn connect(&mut self, s: SockId, dst: IpAddr) -> Result<Connected, Errno> {
        let dst = match dst {
            IpAddr::V4(d) => d,
            #[cfg(feature = "ipv6")]
            IpAddr::V6(d) => return self.connect6(s, d),
            #[cfg(not(feature = "ipv6"))]
            IpAddr::V6(_) => return Err(Errno::EINVAL),
        };
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
        let bound = match bound {
            Some(IpAddr::V4(a)) => Some(a),
            _ => None,
        };
        let src = IpAddr::V4(bound.or(chosen).unwrap_or(Ipv4Addr::UNSPECIFIED));
        let ident = (mix(&[self.e.k.now_ms, u64::from(self.ns.0), u64::from(u32::from(dst))]) & 0xffff) as u16;
        let c = Connected { kind: r.kind, src, ident };
        self.sock(s)?.peer = Some((dst.into(), c));
        Ok(c)
    }

    fn send_echo(&mut self, s: SockId, req: EchoRequest) -> Result<(), SendError> {
        let sock = self.sock(s).map_err(|_| SendError::NoRoute)?;
        let Some((dst, c)) = sock.peer else { return Err(SendError::NoRoute) };
        let oif = sock.oif;
        let (dst, src) = match (dst, c.src) {
            (IpAddr::V4(d), IpAddr::V4(s)) => (d, s),
            #[cfg(feature = "ipv6")]
            (IpAddr::V6(d), IpAddr::V6(s)) => {
                use crate::packet::wire6::{Icmp6, Ipv6Packet};
                let payload = Icmp6::EchoRequest { ident: c.ident, seq: req.seq, data_len: req.data_len };
                let hops = req.ttl.unwrap_or(crate::packet::ip6::HOP_LIMIT);
                let pkt = Ipv6Packet::new(s, d, hops, payload);
                return self.e.send_probe6(self.ns, pkt, oif, req.pmtudisc);
            }
            _ => return Err(SendError::NoRoute),
        };
        let payload = Icmp::EchoRequest { ident: c.ident, seq: req.seq, data_len: req.data_len };
        let ttl = req.ttl.unwrap_or_else(|| self.e.default_ttl(self.ns));
        let mut pkt = Ipv4Packet::new(src, dst, ttl, payload);
        pkt.tos = req.tos;
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

impl InetSockets for SimSockets<'_> {
    fn bind_inet(&mut self, s: SockId, addr: SocketAddrV4) -> Result<(), Errno> {
        let (id, _) = self.inet(s)?;
        self.e.sock_bind(self.ns, id, addr)
    }

    fn set_option(&mut self, s: SockId, opt: SockOpt) -> Result<(), Errno> {
        let (id, _) = self.inet(s)?;
        let sk = self.e.sk_mut(self.ns, id).ok_or(Errno::EBADF)?;
        match opt {
            SockOpt::ReuseAddr(on) => sk.reuseaddr = on,
            SockOpt::ReusePort(on) => sk.reuseport = on,
            SockOpt::Linger0(on) => sk.linger0 = on,
        }
        Ok(())
    }

    fn listen(&mut self, s: SockId, backlog: u32) -> Result<(), Errno> {
        let (id, _) = self.inet(s)?;
        self.e.sock_listen(self.ns, id, backlog)
    }

    fn connect_inet(&mut self, s: SockId, dst: SocketAddrV4) -> Result<(), Errno> {
        match self.inet(s)? {
            (id, KProto::Tcp) => self.e.tcp_connect(self.ns, id, dst),
            (id, KProto::Udp) => self.e.udp_connect(self.ns, id, dst),
        }
    }

    fn accept(&mut self, s: SockId) -> Result<(SockId, SocketAddrV4), Errno> {
        let (id, _) = self.inet(s)?;
        self.e.sock_accept(self.ns, id).map(|(c, peer)| (SockId(c as usize), peer))
    }

    fn send(&mut self, s: SockId, data: &[u8]) -> Result<usize, Errno> {
        match self.inet(s)? {
            (id, KProto::Tcp) => self.e.tcp_send(self.ns, id, data),
            (id, KProto::Udp) => self.e.udp_send(self.ns, id, data, None),
        }
    }

    fn send_to(&mut self, s: SockId, data: &[u8], dst: SocketAddrV4) -> Result<usize, Errno> {
        match self.inet(s)? {
            (id, KProto::Tcp) => self.e.tcp_send(self.ns, id, data),
            (id, KProto::Udp) => self.e.udp_send(self.ns, id, data, Some(dst)),
        }
    }

    fn recv_from(&mut self, s: SockId, max: usize) -> Result<(Vec<u8>, Option<SocketAddrV4>), Errno> {
        match self.inet(s)? {
            (id, KProto::Tcp) => self.e.tcp_recv(self.ns, id, max).map(|d| (d, None)),
            (id, KProto::Udp) => self.e.udp_recv(self.ns, id, max).map(|(d, from)| (d, Some(from))),
        }
    }

    fn shutdown(&mut self, s: SockId, how: Shutdown) -> Result<(), Errno> {
        let (id, _) = self.inet(s)?;
        self.e.sock_shutdown(self.ns, id, how)
    }

    fn close(&mut self, s: SockId) -> Result<(), Errno> {
        if s.0 >= ICMP_BASE {
            return self.sock(s).map(|_| ());
        }
        let (id, _) = self.inet(s)?;
        if self.e.sk(self.ns, id).is_some_and(|sk| sk.linger0) {
            return self.e.sock_abort(self.ns, id);
        }
        self.e.sock_close(self.ns, id)
    }

    fn local_addr(&self, s: SockId) -> Result<SocketAddrV4, Errno> {
        let (id, _) = self.inet(s)?;
        Ok(self.e.sk(self.ns, id).ok_or(Errno::EBADF)?.local)
    }

    fn peer_addr(&self, s: SockId) -> Result<SocketAddrV4, Errno> {
        let (id, _) = self.inet(s)?;
        self.e
            .sk(self.ns, id)
            .and_then(|sk| sk.remote.filter(|_| sk.state.synchronized() || sk.proto == KProto::Udp))
            .ok_or(Errno::ENOTCONN)
    }

    fn poll(&self, s: SockId) -> Result<Readiness, Errno> {
        let (id, _) = self.inet(s)?;
        self.e.sock_poll(self.ns, id)
    }

    fn take_error(&mut self, s: SockId) -> Option<Errno> {
        let (id, _) = self.inet(s).ok()?;
        self.e.sock_take_error(self.ns, id)
    }

    fn set_owner(&mut self, s: SockId, pid: u32, comm: &str, fd: u32) {
        if let Ok((id, _)) = self.inet(s) {
            if let Some(sk) = self.e.sk_mut(self.ns, id) {
                sk.owner = Some((pid, comm.to_string(), fd));
            }
        }
    }

    fn socket_views(&self) -> Vec<SocketView> {
        self.e.k.ns(self.ns).map(|n| n.sockets.views(self.e.now_us())).unwrap_or_default()
    }
}
