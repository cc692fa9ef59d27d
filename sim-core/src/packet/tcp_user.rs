//! The calls a program makes on TCP and UDP sockets, as the kernel answers
//! them (non-blocking, as a program polling its sockets sees them):
//! `socket`, `bind`, `listen`, `connect` (which only starts the handshake:
//! the result comes later, through [`Engine::sock_poll`] and `SO_ERROR`),
//! `accept`, `send`, `recv`, `shutdown`, `close`.
#![cfg_attr(not(feature = "sockets"), allow(dead_code))]

use std::net::{Ipv4Addr, SocketAddrV4};

use crate::kernel::socket::{Proto, State, Timer, TimerKind, SOMAXCONN};
use crate::kernel::{Errno, NsId};
use crate::rng::mix;

use super::engine::Engine;
use super::fib::{self, Kind as RouteKind};
use super::tcp::Kind;
use super::transport::TcpFlags;

/// At most this many bytes wait in a send queue (`EAGAIN` past it).
pub const SNDBUF: usize = 4 << 20;

/// What `poll()` would report for a socket.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Readiness {
    /// Data, a connection to accept, or end of file to read.
    pub readable: bool,
    /// Connected and able to take data.
    pub writable: bool,
    /// An error is pending (`SO_ERROR`).
    pub error: bool,
    /// The connection is over (both directions closed, or reset).
    pub hup: bool,
}

/// Which directions `shutdown()` closes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shutdown {
    Read,
    Write,
    Both,
}

impl Engine<'_> {
    /// The source address and MSS a connection to `dst` gets, or the
    /// route's errno (`ENETUNREACH` no route or link down, `EHOSTUNREACH`
    /// an unreachable route, `EINVAL` a blackhole, `EACCES` prohibit).
    pub(crate) fn route_src(&self, ns: NsId, dst: Ipv4Addr, oif: Option<u32>) -> Result<(Ipv4Addr, u16), Errno> {
        let n = self.k.ns(ns).ok_or(Errno::EINVAL)?;
        let r = fib::lookup(n, dst, oif).map_err(|e| e.errno)?;
        let src = match r.kind {
            RouteKind::Local => r.src.unwrap_or(dst),
            RouteKind::Broadcast => return Err(Errno::ENETUNREACH),
            RouteKind::Unicast => r.src.ok_or(Errno::EADDRNOTAVAIL)?,
        };
        let mtu = match r.kind {
            RouteKind::Local => n.links.values().find(|l| l.is_loopback()).map_or(65536, |l| l.mtu),
            _ => self.output_mtu(ns, &r, dst),
        };
        Ok((src, mtu.saturating_sub(40).clamp(88, 65495) as u16))
    }

    /// The MSS this namespace offers toward `dst`.
    pub(crate) fn mss_to(&self, ns: NsId, dst: Ipv4Addr, oif: Option<u32>) -> u16 {
        self.route_src(ns, dst, oif).map_or(1460, |r| r.1)
    }

    /// `socket()`.
    pub fn sock_open(&mut self, ns: NsId, proto: Proto) -> Result<u32, Errno> {
        self.k.ns_mut(ns).ok_or(Errno::EINVAL)?.sockets.open(proto)
    }

    /// `bind()`: a local address (or 0.0.0.0) and a port (0: an ephemeral one).
    pub fn sock_bind(&mut self, ns: NsId, id: u32, addr: SocketAddrV4) -> Result<(), Errno> {
        let local = addr.ip().is_unspecified() || self.is_local_addr(ns, *addr.ip());
        let n = self.k.ns_mut(ns).ok_or(Errno::EINVAL)?;
        let s = n.sockets.get(id).ok_or(Errno::EBADF)?.clone();
        if s.bound {
            return Err(Errno::EINVAL);
        }
        if !local {
            return Err(Errno::EADDRNOTAVAIL);
        }
        let port = match addr.port() {
            0 => n.sockets.ephemeral(&s, *addr.ip(), u64::from(ns.0), true)?,
            _ if n.sockets.conflict(&s, addr) => return Err(Errno::EADDRINUSE),
            p => p,
        };
        let s = n.sockets.get_mut(id).ok_or(Errno::EBADF)?;
        s.local = SocketAddrV4::new(*addr.ip(), port);
        s.bound = true;
        Ok(())
    }

    /// Binds to an ephemeral port on `ip` if not bound yet (connect, send).
    pub(crate) fn autobind(&mut self, ns: NsId, id: u32, ip: Ipv4Addr) -> Result<(), Errno> {
        let n = self.k.ns_mut(ns).ok_or(Errno::EINVAL)?;
        let s = n.sockets.get(id).ok_or(Errno::EBADF)?.clone();
        if s.bound {
            return Ok(());
        }
        let port = n.sockets.ephemeral(&s, ip, u64::from(ns.0), s.proto == Proto::Udp)?;
        let s = n.sockets.get_mut(id).ok_or(Errno::EBADF)?;
        s.local = SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, port);
        s.bound = true;
        Ok(())
    }

    /// `listen()`.
    pub fn sock_listen(&mut self, ns: NsId, id: u32, backlog: u32) -> Result<(), Errno> {
        let s = self.sk(ns, id).ok_or(Errno::EBADF)?;
        if s.proto != Proto::Tcp {
            return Err(Errno::EOPNOTSUPP);
        }
        if !matches!(s.state, State::Unconn | State::Listen) {
            return Err(Errno::EINVAL);
        }
        self.autobind(ns, id, Ipv4Addr::UNSPECIFIED)?;
        let s = self.sk_mut(ns, id).ok_or(Errno::EBADF)?;
        s.state = State::Listen;
        s.backlog = backlog.min(SOMAXCONN);
        Ok(())
    }

    /// `connect()` of a TCP socket: the route, the source address and
    /// port, and the first SYN. Ok means the handshake started.
    pub fn tcp_connect(&mut self, ns: NsId, id: u32, dst: SocketAddrV4) -> Result<(), Errno> {
        let s = self.sk(ns, id).ok_or(Errno::EBADF)?;
        match s.state {
            State::Unconn => {}
            State::SynSent => return Err(Errno::EALREADY),
            State::Listen | State::Closed => return Err(Errno::EINVAL),
            _ => return Err(Errno::EISCONN),
        }
        let (src, mss) = self.route_src(ns, *dst.ip(), s.oif)?;
        let src = if s.local.ip().is_unspecified() { src } else { *s.local.ip() };
        self.autobind(ns, id, src)?;
        let now = self.now;
        let s = self.sk_mut(ns, id).ok_or(Errno::EBADF)?;
        s.local = SocketAddrV4::new(src, s.local.port());
        s.remote = Some(dst);
        s.state = State::SynSent;
        let key = [
            u64::from(u32::from(src)),
            u64::from(s.local.port()),
            u64::from(u32::from(*dst.ip())),
            u64::from(dst.port()),
        ];
        let iss = mix(&[now, key[0], key[1], key[2], key[3]]) as u32;
        s.tcb = crate::kernel::socket::Tcb {
            iss,
            snd_una: iss,
            snd_nxt: iss.wrapping_add(1),
            ts_offset: mix(&[key[0], key[1], key[2], key[3], 1]) as u32,
            mss,
            syn_at_us: now,
            ..Default::default()
        };
        self.tcp_xmit(ns, id, Kind::Syn, iss, Vec::new());
        let timer = Timer { at_us: now + 1_000_000, kind: TimerKind::Retransmit, retries: 0 };
        self.set_timer(ns, id, Some(timer));
        Ok(())
    }

    /// `accept()`: the oldest established connection (EAGAIN: none yet).
    pub fn sock_accept(&mut self, ns: NsId, id: u32) -> Result<(u32, SocketAddrV4), Errno> {
        let s = self.sk_mut(ns, id).ok_or(Errno::EBADF)?;
        if s.state != State::Listen {
            return Err(Errno::EINVAL);
        }
        if s.accept_q.is_empty() {
            return Err(Errno::EAGAIN);
        }
        let child = s.accept_q.remove(0);
        let c = self.sk_mut(ns, child).ok_or(Errno::EAGAIN)?;
        c.parent = None;
        Ok((child, c.remote.unwrap_or(SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, 0))))
    }

    /// `send()` on a TCP socket: queued and sent at once.
    pub fn tcp_send(&mut self, ns: NsId, id: u32, data: &[u8]) -> Result<usize, Errno> {
        let s = self.sk_mut(ns, id).ok_or(Errno::EBADF)?;
        if let Some(e) = s.error.take() {
            return Err(e);
        }
        match s.state {
            State::Established | State::CloseWait if !s.tcb.fin_queued => {}
            State::SynSent | State::SynRecv => return Err(Errno::EAGAIN),
            _ => return Err(Errno::EPIPE),
        }
        let n = data.len().min(SNDBUF.saturating_sub(s.tx.len()));
        if n == 0 && !data.is_empty() {
            return Err(Errno::EAGAIN);
        }
        s.tx.extend_from_slice(&data[..n]);
        self.tcp_output(ns, id);
        Ok(n)
    }

    /// `recv()` on a TCP socket: up to `max` bytes; empty at end of file;
    /// EAGAIN while nothing came.
    pub fn tcp_recv(&mut self, ns: NsId, id: u32, max: usize) -> Result<Vec<u8>, Errno> {
        let s = self.sk_mut(ns, id).ok_or(Errno::EBADF)?;
        if !s.rx.is_empty() {
            let n = max.min(s.rx.len());
            return Ok(s.rx.drain(..n).collect());
        }
        if let Some(e) = s.error.take() {
            return Err(e);
        }
        match s.state {
            _ if s.tcb.fin_rcvd || s.shut_rd => Ok(Vec::new()),
            State::Closed => Ok(Vec::new()),
            State::Unconn | State::Listen => Err(Errno::ENOTCONN),
            _ => Err(Errno::EAGAIN),
        }
    }

    /// `shutdown()`: SHUT_WR sends a FIN after the queued data.
    pub fn sock_shutdown(&mut self, ns: NsId, id: u32, how: Shutdown) -> Result<(), Errno> {
        let s = self.sk_mut(ns, id).ok_or(Errno::EBADF)?;
        if s.proto == Proto::Tcp && !s.state.synchronized() && s.state != State::SynRecv {
            return Err(Errno::ENOTCONN);
        }
        if how != Shutdown::Write {
            s.shut_rd = true;
        }
        if how != Shutdown::Read && s.proto == Proto::Tcp {
            self.queue_fin(ns, id);
        }
        Ok(())
    }

    /// Queues our FIN: ESTABLISHED to FIN-WAIT-1, CLOSE-WAIT to LAST-ACK.
    fn queue_fin(&mut self, ns: NsId, id: u32) {
        let Some(s) = self.sk_mut(ns, id) else { return };
        if s.tcb.fin_queued {
            return;
        }
        s.state = match s.state {
            State::Established => State::FinWait1,
            State::CloseWait => State::LastAck,
            other => other,
        };
        s.tcb.fin_queued = true;
        self.tcp_output(ns, id);
    }

    /// `close()`: a listener drops its queue (RST to what was not
    /// accepted); a connection with unread data is reset; otherwise the
    /// FIN goes and the kernel finishes the close alone (an orphan).
    pub fn sock_close(&mut self, ns: NsId, id: u32) -> Result<(), Errno> {
        let s = self.sk(ns, id).ok_or(Errno::EBADF)?;
        let (state, unread) = (s.state, !s.rx.is_empty());
        if s.proto == Proto::Udp {
            self.k.ns_mut(ns).ok_or(Errno::EBADF)?.sockets.remove(id);
            return Ok(());
        }
        match state {
            State::Listen => {
                let children: Vec<u32> = self.k.ns(ns).map_or_else(Vec::new, |n| {
                    n.sockets.socks.iter().filter(|c| c.parent == Some(id)).map(|c| c.id).collect()
                });
                for c in children {
                    self.sock_abort(ns, c)?;
                }
                self.remove_sock(ns, id);
            }
            State::Established | State::CloseWait if unread => self.sock_abort(ns, id)?,
            State::Established
            | State::CloseWait
            | State::FinWait1
            | State::FinWait2
            | State::Closing
            | State::LastAck => {
                if let Some(s) = self.sk_mut(ns, id) {
                    s.orphan = true;
                }
                self.queue_fin(ns, id);
                if self.sk(ns, id).is_some_and(|s| s.state == State::FinWait2) {
                    self.fin_wait2(ns, id);
                }
            }
            State::TimeWait => {
                if let Some(s) = self.sk_mut(ns, id) {
                    s.orphan = true;
                }
            }
            _ => self.remove_sock(ns, id),
        }
        Ok(())
    }

    /// An abortive close (`SO_LINGER` 0, or unread data): a RST, and the
    /// socket goes at once.
    pub fn sock_abort(&mut self, ns: NsId, id: u32) -> Result<(), Errno> {
        let s = self.sk(ns, id).ok_or(Errno::EBADF)?;
        if s.proto == Proto::Tcp && (s.state.synchronized() || s.state == State::SynRecv) && s.state != State::TimeWait
        {
            let seq = s.tcb.snd_nxt;
            self.tcp_xmit(ns, id, Kind::Plain(TcpFlags::RST | TcpFlags::ACK), seq, Vec::new());
        }
        self.remove_sock(ns, id);
        Ok(())
    }

    fn remove_sock(&mut self, ns: NsId, id: u32) {
        if let Some(n) = self.k.ns_mut(ns) {
            for l in &mut n.sockets.socks {
                l.accept_q.retain(|c| *c != id);
            }
            n.sockets.remove(id);
        }
    }

    /// `poll()`.
    pub fn sock_poll(&self, ns: NsId, id: u32) -> Result<Readiness, Errno> {
        let s = self.sk(ns, id).ok_or(Errno::EBADF)?;
        let error = s.error.is_some();
        Ok(match (s.proto, s.state) {
            (Proto::Udp, _) => Readiness { readable: !s.dgrams.is_empty() || error, writable: true, error, hup: false },
            (_, State::Listen) => Readiness { readable: !s.accept_q.is_empty(), ..Default::default() },
            (_, st) => {
                let eof = s.tcb.fin_rcvd || st == State::Closed;
                Readiness {
                    readable: !s.rx.is_empty() || eof || error,
                    writable: matches!(st, State::Established | State::CloseWait) && !s.tcb.fin_queued,
                    error,
                    hup: st == State::Closed || (s.tcb.fin_rcvd && s.tcb.fin_sent),
                }
            }
        })
    }

    /// `SO_ERROR`: the pending error, cleared.
    pub fn sock_take_error(&mut self, ns: NsId, id: u32) -> Option<Errno> {
        self.sk_mut(ns, id)?.error.take()
    }
}
