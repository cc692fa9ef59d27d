//! `tcp_v4_rcv()`: a segment for this namespace finds its socket — a
//! connection by its four addresses, else a listener by port (one bound to
//! the address before one on 0.0.0.0; among `SO_REUSEPORT` twins the
//! oldest) — and moves it through the handshake, data, FIN and RST. No
//! socket: a RST back (`Connection refused`).
#![cfg_attr(not(feature = "sockets"), allow(dead_code))]

use std::net::SocketAddrV4;

use crate::kernel::socket::{Proto, Socket, State, Timer, TimerKind};
use crate::kernel::{Errno, NsId};
use crate::rng::mix;

use super::engine::Engine;
use super::tcp::{Kind, DELACK_US};
use super::transport::{TcpFlags, TcpSegment};
use super::wire::{Ipv4Packet, Payload};

/// Where a segment goes.
enum Found {
    Conn(u32),
    Listener(u32),
    Nobody,
}

fn find(socks: &[Socket], local: SocketAddrV4, remote: SocketAddrV4) -> Found {
    let tcp = || socks.iter().filter(|s| s.proto == Proto::Tcp);
    if let Some(s) = tcp().find(|s| s.state != State::Listen && s.local == local && s.remote == Some(remote)) {
        return Found::Conn(s.id);
    }
    let listening = || tcp().filter(|s| s.state == State::Listen && s.local.port() == local.port());
    match listening()
        .find(|s| s.local.ip() == local.ip())
        .or_else(|| listening().find(|s| s.local.ip().is_unspecified()))
    {
        Some(s) => Found::Listener(s.id),
        None => Found::Nobody,
    }
}

/// Whether `a` comes after `b` in sequence space.
fn after(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) > 0
}

impl Engine<'_> {
    /// A TCP segment delivered to this namespace.
    pub(crate) fn tcp_rcv(&mut self, ns: NsId, pkt: Ipv4Packet) {
        let Payload::Tcp(seg) = &pkt.payload else { return };
        let local = SocketAddrV4::new(pkt.dst, seg.dport);
        let remote = SocketAddrV4::new(pkt.src, seg.sport);
        let Some(n) = self.k.ns(ns) else { return };
        let mut found = find(&n.sockets.socks, local, remote);
        if let Found::Conn(id) = found {
            let pure_syn = seg.flags.syn() && !seg.flags.ack() && !seg.flags.rst();
            if pure_syn && n.sockets.get(id).is_some_and(|s| s.state == State::TimeWait) {
                // `tcp_timewait_state_process()`: a new SYN for the same
                // addresses ends TIME-WAIT and goes to the listener.
                self.tcp_done_quiet(ns, id);
                let Some(n) = self.k.ns(ns) else { return };
                found = find(&n.sockets.socks, local, remote);
            }
        }
        match found {
            Found::Conn(id) => self.tcp_conn_rcv(ns, id, seg),
            Found::Listener(id) if seg.flags.syn() && !seg.flags.ack() && !seg.flags.rst() => {
                self.tcp_syn_rcv(ns, id, local, remote, seg)
            }
            // A stray ACK to a listener is answered with a RST; a RST is ignored.
            Found::Listener(_) | Found::Nobody => self.tcp_reset_reply(ns, &pkt),
        }
    }

    /// A SYN for a listener: a child in SYN-RECV and a SYN-ACK, unless the
    /// accept queue is full (`sk_acceptq_is_full()`: the SYN is dropped).
    fn tcp_syn_rcv(&mut self, ns: NsId, lid: u32, local: SocketAddrV4, remote: SocketAddrV4, seg: &TcpSegment) {
        let now = self.now;
        let mss = self.mss_to(ns, *remote.ip(), None);
        let Some(n) = self.k.ns_mut(ns) else { return };
        let Some(l) = n.sockets.get(lid) else { return };
        if l.accept_q.len() as u32 > l.backlog {
            return;
        }
        let (reuseaddr, reuseport, owner) = (l.reuseaddr, l.reuseport, l.owner.clone());
        let Ok(id) = n.sockets.open(Proto::Tcp) else { return };
        let key = [
            u64::from(u32::from(*local.ip())),
            u64::from(local.port()),
            u64::from(u32::from(*remote.ip())),
            u64::from(remote.port()),
        ];
        let iss = mix(&[now, key[0], key[1], key[2], key[3]]) as u32;
        let Some(s) = n.sockets.get_mut(id) else { return };
        s.local = local;
        s.remote = Some(remote);
        s.bound = true;
        s.state = State::SynRecv;
        s.parent = Some(lid);
        (s.reuseaddr, s.reuseport, s.owner) = (reuseaddr, reuseport, owner);
        s.tcb.iss = iss;
        s.tcb.passive = true;
        s.tcb.snd_una = iss;
        s.tcb.snd_nxt = iss.wrapping_add(1);
        s.tcb.irs = seg.seq;
        s.tcb.rcv_nxt = seg.seq.wrapping_add(1);
        s.tcb.ts_offset = mix(&[key[0], key[1], key[2], key[3], 1]) as u32;
        s.tcb.ts_recent = seg.timestamps().map_or(0, |t| t.0);
        s.tcb.mss = seg.mss().map_or(mss, |m| m.min(mss));
        self.tcp_xmit(ns, id, Kind::SynAck, iss, Vec::new());
        let at_us = self.now + 1_000_000;
        self.set_timer(ns, id, Some(Timer { at_us, kind: TimerKind::Retransmit, retries: 0 }));
    }

    /// A segment for a connection (`tcp_rcv_state_process()`).
    fn tcp_conn_rcv(&mut self, ns: NsId, id: u32, seg: &TcpSegment) {
        let Some(s) = self.sk_mut(ns, id) else { return };
        if let Some((val, _)) = seg.timestamps() {
            s.tcb.ts_recent = val;
        }
        let (state, t) = (s.state, s.tcb);
        if seg.flags.rst() {
            match state {
                State::SynSent if seg.flags.ack() && seg.ack == t.snd_nxt => {
                    self.tcp_done(ns, id, Some(Errno::ECONNREFUSED))
                }
                State::SynSent => {}
                State::TimeWait => self.tcp_done_quiet(ns, id),
                _ => self.tcp_done(ns, id, Some(Errno::ECONNRESET)),
            }
            return;
        }
        if state == State::SynSent {
            if seg.flags.syn() && seg.flags.ack() && seg.ack == t.snd_nxt {
                let mss = seg.mss().map_or(t.mss, |m| m.min(t.mss));
                if let Some(s) = self.sk_mut(ns, id) {
                    s.state = State::Established;
                    s.tcb.irs = seg.seq;
                    s.tcb.rcv_nxt = seg.seq.wrapping_add(1);
                    s.tcb.snd_una = seg.ack;
                    s.tcb.mss = mss;
                }
                self.set_timer(ns, id, None);
                self.tcp_xmit(ns, id, Kind::Plain(TcpFlags::ACK), seg.ack, Vec::new());
                self.tcp_output(ns, id);
            } else if seg.flags.ack() {
                self.tcp_reset_for(ns, id, seg);
            }
            return;
        }
        if seg.flags.syn() {
            // A retransmitted SYN (our SYN-ACK was lost) or a duplicate
            // SYN-ACK (our ACK was): say where we are again.
            match state {
                State::SynRecv => self.tcp_xmit(ns, id, Kind::SynAck, t.iss, Vec::new()),
                _ => self.tcp_xmit(ns, id, Kind::Plain(TcpFlags::ACK), t.snd_nxt, Vec::new()),
            }
            return;
        }
        if !seg.flags.ack() {
            return;
        }
        if state == State::SynRecv {
            if seg.ack != t.snd_nxt {
                return self.tcp_reset_for(ns, id, seg);
            }
            self.tcp_accept_ready(ns, id);
        }
        self.tcp_ack(ns, id, seg.ack);
        self.tcp_data(ns, id, seg);
    }

    /// A RST for a segment a connection cannot accept.
    fn tcp_reset_for(&mut self, ns: NsId, id: u32, seg: &TcpSegment) {
        let Some(s) = self.sk(ns, id) else { return };
        let Some(remote) = s.remote else { return };
        let pkt = Ipv4Packet::new(*remote.ip(), *s.local.ip(), 64, seg.clone());
        self.tcp_reset_reply(ns, &pkt);
    }

    /// A socket in TIME-WAIT reset: it simply goes (RFC 1337's hazard, as
    /// Linux allows with `tcp_rfc1337=0`).
    fn tcp_done_quiet(&mut self, ns: NsId, id: u32) {
        if let Some(n) = self.k.ns_mut(ns) {
            n.sockets.remove(id);
        }
    }

    /// The handshake completed on a listener's child: to the accept queue.
    fn tcp_accept_ready(&mut self, ns: NsId, id: u32) {
        let Some(s) = self.sk_mut(ns, id) else { return };
        s.state = State::Established;
        s.timer = None;
        let parent = s.parent;
        let Some(n) = self.k.ns_mut(ns) else { return };
        match parent.and_then(|p| n.sockets.get_mut(p)) {
            Some(l) => l.accept_q.push(id),
            None => n.sockets.remove(id),
        }
    }

    /// `tcp_ack()`: acknowledged bytes leave the send queue; a FIN
    /// acknowledged moves the closing states on.
    fn tcp_ack(&mut self, ns: NsId, id: u32, ack: u32) {
        let Some(s) = self.sk_mut(ns, id) else { return };
        let t = s.tcb;
        if !after(ack, t.snd_una) || after(ack, t.snd_nxt) {
            return;
        }
        let acked = ack.wrapping_sub(t.snd_una) as usize;
        let bytes = acked.min(s.tx.len());
        s.tx.drain(..bytes);
        s.tcb.snd_una = ack;
        let all = ack == t.snd_nxt;
        let fin_acked = all && t.fin_sent;
        let state = s.state;
        if all {
            s.timer = None;
        } else {
            s.timer = None;
            let at_us = self.now + super::tcp::rto_us(0);
            self.set_timer(ns, id, Some(Timer { at_us, kind: TimerKind::Retransmit, retries: 0 }));
        }
        if fin_acked {
            match state {
                State::FinWait1 => self.fin_wait2(ns, id),
                State::Closing => self.time_wait(ns, id),
                State::LastAck => self.tcp_done(ns, id, None),
                _ => {}
            }
        }
    }

    /// In-order data and a FIN: to the receive queue, acknowledged at once.
    fn tcp_data(&mut self, ns: NsId, id: u32, seg: &TcpSegment) {
        let Some(s) = self.sk_mut(ns, id) else { return };
        if seg.data.is_empty() && !seg.flags.fin() {
            return;
        }
        let t = s.tcb;
        if seg.seq != t.rcv_nxt {
            // Out of order or already had: a duplicate ACK says where we are.
            return self.tcp_xmit(ns, id, Kind::Plain(TcpFlags::ACK), t.snd_nxt, Vec::new());
        }
        if !seg.data.is_empty() && s.orphan {
            // Data for a socket its program closed: `tcp_reset()`.
            self.tcp_reset_for(ns, id, seg);
            return self.tcp_done(ns, id, None);
        }
        if !s.shut_rd {
            s.rx.extend_from_slice(&seg.data);
        }
        s.tcb.rcv_nxt = t.rcv_nxt.wrapping_add(seg.data.len() as u32);
        let state = s.state;
        if seg.flags.fin() && !t.fin_rcvd {
            s.tcb.rcv_nxt = s.tcb.rcv_nxt.wrapping_add(1);
            s.tcb.fin_rcvd = true;
            match state {
                // tcp_fin(): CLOSE-WAIT in pingpong mode, the ACK delayed,
                // so a program that closes at once sends it with its FIN.
                State::Established if s.timer.is_none() => {
                    s.state = State::CloseWait;
                    let at_us = self.now + DELACK_US;
                    return self.set_timer(ns, id, Some(Timer { at_us, kind: TimerKind::DelayedAck, retries: 0 }));
                }
                State::Established => s.state = State::CloseWait,
                State::FinWait1 => s.state = State::Closing,
                State::FinWait2 => {
                    self.tcp_xmit(ns, id, Kind::Plain(TcpFlags::ACK), t.snd_nxt, Vec::new());
                    return self.time_wait(ns, id);
                }
                _ => {}
            }
        }
        self.tcp_xmit(ns, id, Kind::Plain(TcpFlags::ACK), t.snd_nxt, Vec::new());
    }
}
