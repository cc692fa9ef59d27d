//! TCP in the packet engine: segments in (`tcp_v4_rcv()`: the socket
//! lookup, the handshake, data, FIN and RST, resets for closed ports),
//! segments out with Linux's options, and the timers (retransmission with
//! Linux's SYN schedule, TIME-WAIT, an orphan's FIN-WAIT-2). What programs
//! call is in `tcp_user.rs`.
//!
//! Simplified, on purpose: no congestion control, no delayed ACKs (Linux
//! acknowledges at once in its quick-ack mode at a connection's start,
//! which is all a lesson's exchange sees), no SACK blocks; the peer's
//! window is never a limit (every simulated receiver reads at once or
//! keeps what it gets), and out-of-order data is dropped and re-acked.
#![cfg_attr(not(feature = "sockets"), allow(dead_code))]

use std::net::SocketAddrV4;

use crate::kernel::socket::{Socket, State, Timer, TimerKind, FIN_TIMEOUT_US, TIME_WAIT_US};
use crate::kernel::{Errno, NsId};

use super::engine::{Engine, Ev};
use super::transport::{data_options, syn_options, TcpFlags, TcpSegment};
use super::wire::{Ipv4Packet, Payload, Quoted, UnreachCode};

/// Seconds between SYN retransmissions with `tcp_syn_linear_timeouts=4`
/// and `tcp_syn_retries=6` (kernel 6.18, recorded: SYNs at 0, 1, 2, 3, 4,
/// 5, 7, 11, 19, 35 s). Linux adds the linear retries to `tcp_syn_retries`,
/// so ten retransmissions: the last SYN at 67 s and `ETIMEDOUT` 64 s later,
/// at 131 s (extrapolated: the recording stopped at 65 s, still waiting).
pub const SYN_INTERVALS_S: [u64; 11] = [1, 1, 1, 1, 1, 2, 4, 8, 16, 32, 64];
/// SYN-ACK retransmissions (`tcp_synack_retries`) before a half-open
/// connection is forgotten.
pub const SYNACK_RETRIES: u32 = 5;
/// `TCP_RTO_MIN`: on a veth the measured RTT is tiny, so the RTO is its floor.
pub const RTO_MIN_US: u64 = 200_000;
/// `TCP_RTO_MAX`.
pub const RTO_MAX_US: u64 = 120_000_000;
/// `TCP_DELACK_MIN`: how long a delayed ACK waits.
pub const DELACK_US: u64 = 40_000;
/// `tcp_retries2`: retransmissions of data before the connection is dropped.
pub const RETRIES2: u32 = 15;
/// The window scale Linux offers: 10 for 6.18's `tcp_rmem` maximum of
/// 32 MiB (`tcp_select_initial_window()`; 6 MiB, before 6.16, gave 7),
/// as every capture recorded here shows.
pub const WSCALE: u8 = 10;

/// The RTO after `retries` retransmissions of data.
pub fn rto_us(retries: u32) -> u64 {
    (RTO_MIN_US << retries.min(20)).min(RTO_MAX_US)
}

/// The windows Linux advertises for an MSS: in a SYN (`tcp_select_initial_window()`:
/// ten segments' worth rounded as tcpdump shows, 64240 for 1460), in a
/// SYN-ACK (65160 for 1460, timestamps taken off the segment size), and
/// after the handshake each side's initial window scaled by [`WSCALE`],
/// rounded up as `tcp_select_window()` aligns it (63 for the side that
/// connected, 64 for the one that accepted; 64 on `lo`).
pub fn windows(mss: u16) -> (u16, u16, u16, u16) {
    let m = u32::from(mss);
    let syn = (44 * m).min(65535 / m * m);
    let seg = m.saturating_sub(12).max(1);
    let synack = (45 * seg).min(65535 / seg * seg);
    let scaled = |w: u32| w.div_ceil(1 << WSCALE) as u16;
    (syn as u16, synack as u16, scaled(syn), scaled(synack))
}

/// Which segment to build.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Syn,
    SynAck,
    /// An ACK, data (PSH), a FIN or a RST of an open connection.
    Plain(u8),
}

impl Engine<'_> {
    pub(crate) fn sk(&self, ns: NsId, id: u32) -> Option<&Socket> {
        self.k.ns(ns)?.sockets.get(id)
    }

    pub(crate) fn sk_mut(&mut self, ns: NsId, id: u32) -> Option<&mut Socket> {
        self.k.ns_mut(ns)?.sockets.get_mut(id)
    }

    /// The timestamp clock a connection sends (ms, plus its offset).
    fn ts_val(&self, off: u32) -> u32 {
        ((self.now / 1000) as u32).wrapping_add(off)
    }

    /// Builds and sends one segment of socket `id` with sequence `seq`.
    pub(crate) fn tcp_xmit(&mut self, ns: NsId, id: u32, kind: Kind, seq: u32, data: Vec<u8>) {
        let Some(s) = self.sk(ns, id) else { return };
        let Some(remote) = s.remote else { return };
        let t = s.tcb;
        let (syn_w, synack_w, active_w, passive_w) = windows(t.mss.max(1));
        let est_w = if t.passive { passive_w } else { active_w };
        let ts = self.ts_val(t.ts_offset);
        let (flags, window, options) = match kind {
            Kind::Syn => (TcpFlags::SYN, syn_w, syn_options(t.mss, ts, 0, WSCALE)),
            Kind::SynAck => (TcpFlags::SYN | TcpFlags::ACK, synack_w, syn_options(t.mss, ts, t.ts_recent, WSCALE)),
            Kind::Plain(f) => (f, est_w, data_options(ts, t.ts_recent)),
        };
        let ack = if flags & TcpFlags::ACK != 0 { t.rcv_nxt } else { 0 };
        let seg = TcpSegment {
            sport: s.local.port(),
            dport: remote.port(),
            seq,
            ack,
            flags: TcpFlags(flags),
            window,
            options,
            data,
        };
        let (src, oif) = (*s.local.ip(), s.oif);
        let mut pkt = Ipv4Packet::new(src, *remote.ip(), self.default_ttl(ns), seg);
        pkt.df = true;
        let _ = self.ip_send(ns, pkt, oif);
    }

    /// `tcp_v4_send_reset()`: the answer to a segment no socket wants
    /// (no options, window 0), sent as from the address it was for.
    pub(crate) fn tcp_reset_reply(&mut self, ns: NsId, pkt: &Ipv4Packet) {
        let Payload::Tcp(seg) = &pkt.payload else { return };
        if seg.flags.rst() {
            return;
        }
        let (seq, ack, flags) = if seg.flags.ack() {
            (seg.ack, 0, TcpFlags::RST)
        } else {
            (0, seg.seq.wrapping_add(seg.seq_len()), TcpFlags::RST | TcpFlags::ACK)
        };
        let rst = TcpSegment {
            sport: seg.dport,
            dport: seg.sport,
            seq,
            ack,
            flags: TcpFlags(flags),
            window: 0,
            options: Vec::new(),
            data: Vec::new(),
        };
        let mut out = Ipv4Packet::new(pkt.dst, pkt.src, self.default_ttl(ns), rst);
        out.df = true;
        let _ = self.ip_send(ns, out, None);
    }

    /// Sets (or clears) a socket's timer and schedules it.
    pub(crate) fn set_timer(&mut self, ns: NsId, id: u32, timer: Option<Timer>) {
        let Some(s) = self.sk_mut(ns, id) else { return };
        s.timer = timer;
        if let Some(t) = timer {
            self.push(t.at_us, Ev::SockTimer { ns, id, at: t.at_us });
        }
    }

    /// Arms the retransmission timer if it is not running.
    fn arm_rto(&mut self, ns: NsId, id: u32) {
        let Some(s) = self.sk(ns, id) else { return };
        if s.timer.is_none_or(|t| t.kind != TimerKind::Retransmit) {
            let at_us = self.now + rto_us(0);
            self.set_timer(ns, id, Some(Timer { at_us, kind: TimerKind::Retransmit, retries: 0 }));
        }
    }

    /// `tcp_write_xmit()`: sends the data not sent yet, in MSS-sized
    /// segments, then a queued FIN.
    pub(crate) fn tcp_output(&mut self, ns: NsId, id: u32) {
        let Some(s) = self.sk(ns, id) else { return };
        if !s.state.synchronized() {
            return;
        }
        let t = s.tcb;
        let in_flight = (t.snd_nxt.wrapping_sub(t.snd_una) as usize).saturating_sub(usize::from(t.fin_sent));
        let unsent: Vec<u8> = s.tx.get(in_flight..).unwrap_or_default().to_vec();
        let mss = usize::from(t.mss.max(1));
        let mut seq = t.snd_nxt;
        let mut sent = false;
        for chunk in unsent.chunks(mss) {
            self.tcp_xmit(ns, id, Kind::Plain(TcpFlags::PSH | TcpFlags::ACK), seq, chunk.to_vec());
            seq = seq.wrapping_add(chunk.len() as u32);
            sent = true;
        }
        if t.fin_queued && !t.fin_sent {
            self.tcp_xmit(ns, id, Kind::Plain(TcpFlags::FIN | TcpFlags::ACK), seq, Vec::new());
            seq = seq.wrapping_add(1);
            sent = true;
        }
        if let Some(s) = self.sk_mut(ns, id) {
            s.tcb.snd_nxt = seq;
            s.tcb.fin_sent |= s.tcb.fin_queued;
        }
        if sent {
            self.arm_rto(ns, id);
        }
    }

    /// The connection failed or was reset: the error for the program, or,
    /// for a socket nobody holds, the end.
    pub(crate) fn tcp_done(&mut self, ns: NsId, id: u32, err: Option<Errno>) {
        let Some(s) = self.sk_mut(ns, id) else { return };
        let gone = s.orphan || s.parent.is_some();
        let parent = s.parent;
        s.state = State::Closed;
        s.timer = None;
        s.tx.clear();
        if s.error.is_none() {
            s.error = err;
        }
        if gone {
            if let Some(n) = self.k.ns_mut(ns) {
                if let Some(p) = parent.and_then(|p| n.sockets.get_mut(p)) {
                    p.accept_q.retain(|c| *c != id);
                }
                n.sockets.remove(id);
            }
        }
    }

    /// A socket's timer fired (`at` tells a stale event from the current one).
    pub(crate) fn sock_timer(&mut self, ns: NsId, id: u32, at: u64) {
        let Some(s) = self.sk(ns, id) else { return };
        let Some(timer) = s.timer.filter(|t| t.at_us == at) else { return };
        let (state, t) = (s.state, s.tcb);
        let retries = timer.retries + 1;
        let again = |at_us| Some(Timer { at_us, kind: TimerKind::Retransmit, retries });
        match (timer.kind, state) {
            (TimerKind::DelayedAck, _) => {
                self.set_timer(ns, id, None);
                self.tcp_xmit(ns, id, Kind::Plain(TcpFlags::ACK), t.snd_nxt, Vec::new());
            }
            (TimerKind::TimeWait | TimerKind::FinWait2, _) => {
                if let Some(n) = self.k.ns_mut(ns) {
                    n.sockets.remove(id);
                }
            }
            (_, State::SynSent) => match SYN_INTERVALS_S.get(retries as usize) {
                Some(&next) => {
                    self.tcp_xmit(ns, id, Kind::Syn, t.iss, Vec::new());
                    self.set_timer(ns, id, again(self.now + next * 1_000_000));
                }
                None => self.tcp_done(ns, id, Some(Errno::ETIMEDOUT)),
            },
            (_, State::SynRecv) if retries <= SYNACK_RETRIES => {
                self.tcp_xmit(ns, id, Kind::SynAck, t.iss, Vec::new());
                self.set_timer(ns, id, again(self.now + (1_000_000 << retries.min(20))));
            }
            (_, State::SynRecv) => self.tcp_done(ns, id, None),
            _ if retries > RETRIES2 => self.tcp_done(ns, id, Some(Errno::ETIMEDOUT)),
            _ => {
                let data: Vec<u8> = s.tx.iter().take(usize::from(t.mss.max(1))).copied().collect();
                if !data.is_empty() {
                    self.tcp_xmit(ns, id, Kind::Plain(TcpFlags::PSH | TcpFlags::ACK), t.snd_una, data);
                } else if t.fin_sent && t.snd_una != t.snd_nxt {
                    let seq = t.snd_nxt.wrapping_sub(1);
                    self.tcp_xmit(ns, id, Kind::Plain(TcpFlags::FIN | TcpFlags::ACK), seq, Vec::new());
                } else {
                    return self.set_timer(ns, id, None);
                }
                self.set_timer(ns, id, again(self.now + rto_us(retries)));
            }
        }
    }

    /// Schedules the timers the socket tables hold (a new run).
    pub(crate) fn rearm_sock_timers(&mut self) {
        let mut timers = Vec::new();
        for ns in self.k.ns_ids() {
            let Some(n) = self.k.ns(ns) else { continue };
            for s in &n.sockets.socks {
                if let Some(t) = s.timer {
                    timers.push((t.at_us, ns, s.id));
                }
            }
        }
        for (at, ns, id) in timers {
            self.push(at, Ev::SockTimer { ns, id, at });
        }
    }

    /// `tcp_v4_err()`: an ICMP error about one of our segments. In
    /// SYN-SENT it ends the connect with its errno (`icmp_err_convert[]`);
    /// later it is only a soft error, and a path MTU change is not one.
    pub(crate) fn tcp_err(&mut self, ns: NsId, q: &Quoted, code: Option<UnreachCode>) {
        let local = SocketAddrV4::new(q.src, q.sport);
        let remote = SocketAddrV4::new(q.dst, q.dport);
        let Some(n) = self.k.ns(ns) else { return };
        let found = n
            .sockets
            .socks
            .iter()
            .find(|s| s.proto == crate::kernel::socket::Proto::Tcp && s.local == local && s.remote == Some(remote));
        let Some(s) = found.filter(|s| s.state == State::SynSent) else { return };
        let id = s.id;
        let errno = match code {
            Some(UnreachCode::FragNeeded { .. }) => return,
            Some(c) => c.errno().0,
            None => Errno::EHOSTUNREACH,
        };
        self.tcp_done(ns, id, Some(errno));
    }

    /// Enters TIME-WAIT (`tcp_time_wait()`): 60 s, then the socket goes.
    pub(crate) fn time_wait(&mut self, ns: NsId, id: u32) {
        if let Some(s) = self.sk_mut(ns, id) {
            s.state = State::TimeWait;
        }
        let at_us = self.now + TIME_WAIT_US;
        self.set_timer(ns, id, Some(Timer { at_us, kind: TimerKind::TimeWait, retries: 0 }));
    }

    /// An orphan in FIN-WAIT-2 waits `tcp_fin_timeout` for the peer's FIN.
    pub(crate) fn fin_wait2(&mut self, ns: NsId, id: u32) {
        let Some(s) = self.sk_mut(ns, id) else { return };
        s.state = State::FinWait2;
        let orphan = s.orphan;
        let timer = orphan.then(|| Timer { at_us: self.now + FIN_TIMEOUT_US, kind: TimerKind::FinWait2, retries: 0 });
        self.set_timer(ns, id, timer);
    }
}
