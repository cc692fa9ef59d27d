//! UDP in the packet engine: datagrams to the socket they belong to (a
//! connected socket by its four addresses first, then one bound to the
//! address, then one on 0.0.0.0), ICMP port unreachable for a closed port,
//! and ICMP errors to a connected socket as the error its next call
//! returns (only the hard ones: `Connection refused` yes, a net
//! unreachable no, as `__udp4_lib_err()` decides without `IP_RECVERR`).
#![cfg_attr(not(feature = "sockets"), allow(dead_code))]

use std::net::{Ipv4Addr, SocketAddrV4};

use crate::kernel::socket::{Proto, Socket, State};
use crate::kernel::{Errno, NsId};

use super::engine::Engine;
use super::ip::{ErrKind, SendError};
use super::transport::UdpDatagram;
use super::wire::{Ipv4Packet, Payload, Quoted, UnreachCode};

/// At most this many bytes wait in a receive queue (`rmem_default`);
/// more are dropped.
pub const RCVBUF: usize = 212_992;

fn find(socks: &[Socket], local: SocketAddrV4, remote: SocketAddrV4) -> Option<u32> {
    let udp = || socks.iter().filter(|s| s.proto == Proto::Udp && s.bound && s.local.port() == local.port());
    udp()
        .find(|s| s.remote == Some(remote) && (s.local.ip() == local.ip() || s.local.ip().is_unspecified()))
        .or_else(|| udp().find(|s| s.remote.is_none() && s.local.ip() == local.ip()))
        .or_else(|| udp().find(|s| s.remote.is_none() && s.local.ip().is_unspecified()))
        .map(|s| s.id)
}

impl Engine<'_> {
    /// A UDP datagram delivered to this namespace; `in_dev` is where it came in.
    pub(crate) fn udp_rcv(&mut self, ns: NsId, in_dev: Option<u32>, pkt: Ipv4Packet) {
        let Payload::Udp(d) = &pkt.payload else { return };
        let local = SocketAddrV4::new(pkt.dst, d.dport);
        let remote = SocketAddrV4::new(pkt.src, d.sport);
        let Some(n) = self.k.ns_mut(ns) else { return };
        match find(&n.sockets.socks, local, remote).and_then(|id| n.sockets.get_mut(id)) {
            Some(s) => {
                if s.recv_q() as usize + d.data.len() <= RCVBUF {
                    s.dgrams.push((remote, d.data.clone()));
                }
            }
            None => self.icmp_error(ns, in_dev, &pkt, ErrKind::Unreach(UnreachCode::Port)),
        }
    }

    /// An ICMP error about one of our datagrams.
    pub(crate) fn udp_err(&mut self, ns: NsId, q: &Quoted, code: Option<UnreachCode>) {
        let (errno, hard) = match code {
            Some(c) => c.errno(),
            None => (Errno::EHOSTUNREACH, false),
        };
        let local = SocketAddrV4::new(q.src, q.sport);
        let remote = SocketAddrV4::new(q.dst, q.dport);
        let Some(n) = self.k.ns_mut(ns) else { return };
        let Some(id) = find(&n.sockets.socks, local, remote) else { return };
        let Some(s) = n.sockets.get_mut(id) else { return };
        if hard && s.state == State::Established {
            s.error = Some(errno);
        }
    }

    /// `connect()` of a UDP socket: the route and source now, a fixed peer.
    pub fn udp_connect(&mut self, ns: NsId, id: u32, dst: SocketAddrV4) -> Result<(), Errno> {
        let s = self.sk(ns, id).ok_or(Errno::EBADF)?;
        let (src, _) = self.route_src(ns, *dst.ip(), s.oif)?;
        let src = if s.local.ip().is_unspecified() { src } else { *s.local.ip() };
        self.autobind(ns, id, src)?;
        let s = self.sk_mut(ns, id).ok_or(Errno::EBADF)?;
        s.local = SocketAddrV4::new(src, s.local.port());
        s.remote = Some(dst);
        s.state = State::Established;
        Ok(())
    }

    /// `sendto()` (or `send()` on a connected socket with `to` None).
    pub fn udp_send(&mut self, ns: NsId, id: u32, data: &[u8], to: Option<SocketAddrV4>) -> Result<usize, Errno> {
        let s = self.sk_mut(ns, id).ok_or(Errno::EBADF)?;
        if let Some(e) = s.error.take() {
            return Err(e);
        }
        let dst = to.or(s.remote).ok_or(Errno::ENOTCONN)?;
        let (bound_ip, oif) = (*s.local.ip(), s.oif);
        let (src, _) = self.route_src(ns, *dst.ip(), oif)?;
        let src = if bound_ip.is_unspecified() { src } else { bound_ip };
        self.autobind(ns, id, Ipv4Addr::UNSPECIFIED)?;
        let sport = self.sk(ns, id).ok_or(Errno::EBADF)?.local.port();
        let d = UdpDatagram { sport, dport: dst.port(), data: data.to_vec() };
        let mut pkt = Ipv4Packet::new(src, *dst.ip(), self.default_ttl(ns), d);
        // IP_PMTUDISC_WANT, a UDP socket's default: DF on what fits the
        // path (`__ip_make_skb()`), the rest fragmented here.
        pkt.df = self.fits_path(ns, &pkt, oif);
        match self.ip_send(ns, pkt, oif) {
            Ok(()) => Ok(data.len()),
            Err(SendError::NotPermitted) => Err(Errno::EPERM),
            Err(SendError::NoBufs) => Err(Errno::ENOBUFS),
            Err(SendError::MsgSize { .. }) => Err(Errno::EMSGSIZE),
            Err(SendError::NoRoute | SendError::Broadcast) => Err(Errno::ENETUNREACH),
        }
    }

    /// `recvfrom()` of one datagram (EAGAIN: none; a pending error first).
    pub fn udp_recv(&mut self, ns: NsId, id: u32, max: usize) -> Result<(Vec<u8>, SocketAddrV4), Errno> {
        let s = self.sk_mut(ns, id).ok_or(Errno::EBADF)?;
        if let Some(e) = s.error.take() {
            return Err(e);
        }
        if s.dgrams.is_empty() {
            return Err(Errno::EAGAIN);
        }
        let (from, mut data) = s.dgrams.remove(0);
        data.truncate(max);
        Ok((data, from))
    }
}
