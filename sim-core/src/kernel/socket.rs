//! A namespace's TCP and UDP sockets: the table `ss` reads, with each
//! socket's addresses, state, queues (as bytes), TCP control block and
//! timer. The packet engine (`packet/tcp.rs`, `packet/udp.rs`) moves them;
//! this module holds the data and the rules that need no packets: binding
//! (`inet_csk_bind_conflict()`'s address-in-use rules) and ephemeral ports.
//!
//! Ephemeral ports come from 32768–60999 (`ip_local_port_range`). Linux
//! starts its search at a keyed hash of the connection and prefers even
//! ports for `connect()` and odd ones for `bind()` to port 0 (6.x's parity
//! split); here each namespace keeps a cursor that starts at an offset
//! drawn from the seeded generator's hash of the namespace id and moves on
//! by two, keeping the same parities, so a run repeats exactly.

use std::net::{Ipv4Addr, SocketAddrV4};

use super::Errno;

/// `ip_local_port_range`.
pub const EPHEMERAL: (u16, u16) = (32768, 60999);
/// How long TIME-WAIT lasts (`TCP_TIMEWAIT_LEN`); `ss -o` shows 59sec 0.3 s in.
pub const TIME_WAIT_US: u64 = 60_000_000;
/// How long an orphaned FIN-WAIT-2 waits for the peer's FIN (`tcp_fin_timeout`).
pub const FIN_TIMEOUT_US: u64 = 60_000_000;
/// `SOMAXCONN`: the largest backlog `listen()` keeps.
pub const SOMAXCONN: u32 = 4096;
/// At most this many sockets per namespace (a loop cannot exhaust the page).
pub const MAX_SOCKETS: usize = 1024;

/// A socket's protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Proto {
    Tcp,
    Udp,
}

/// A socket's state, named as `ss` names them (UDP uses `Unconn` and
/// `Established`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum State {
    /// Made, not listening nor connected (`UNCONN` for UDP and a fresh TCP socket).
    Unconn,
    Listen,
    SynSent,
    SynRecv,
    Established,
    FinWait1,
    FinWait2,
    CloseWait,
    Closing,
    LastAck,
    TimeWait,
    /// Done: kept only until its owner closes it.
    Closed,
}

impl State {
    /// ss's name (`ESTAB`, `TIME-WAIT`, …).
    pub fn ss_name(self) -> &'static str {
        match self {
            State::Unconn | State::Closed => "UNCONN",
            State::Listen => "LISTEN",
            State::SynSent => "SYN-SENT",
            State::SynRecv => "SYN-RECV",
            State::Established => "ESTAB",
            State::FinWait1 => "FIN-WAIT-1",
            State::FinWait2 => "FIN-WAIT-2",
            State::CloseWait => "CLOSE-WAIT",
            State::Closing => "CLOSING",
            State::LastAck => "LAST-ACK",
            State::TimeWait => "TIME-WAIT",
        }
    }

    /// netstat's name (`ESTABLISHED`, `TIME_WAIT`, …; empty for UDP's unconnected).
    pub fn netstat_name(self) -> &'static str {
        match self {
            State::Unconn | State::Closed => "",
            State::Listen => "LISTEN",
            State::SynSent => "SYN_SENT",
            State::SynRecv => "SYN_RECV",
            State::Established => "ESTABLISHED",
            State::FinWait1 => "FIN_WAIT1",
            State::FinWait2 => "FIN_WAIT2",
            State::CloseWait => "CLOSE_WAIT",
            State::Closing => "CLOSING",
            State::LastAck => "LAST_ACK",
            State::TimeWait => "TIME_WAIT",
        }
    }

    /// Whether the handshake completed and the connection is not gone.
    pub fn synchronized(self) -> bool {
        matches!(
            self,
            State::Established
                | State::FinWait1
                | State::FinWait2
                | State::CloseWait
                | State::Closing
                | State::LastAck
                | State::TimeWait
        )
    }
}

/// Which timer a socket runs, as `ss -o` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum TimerKind {
    /// Retransmission (`on`): of a SYN, a SYN-ACK, data or a FIN.
    Retransmit,
    /// TIME-WAIT's end (`timewait`).
    TimeWait,
    /// An orphaned FIN-WAIT-2's end (`timewait` too in ss).
    FinWait2,
    /// A delayed ACK (of a FIN that moved the connection to CLOSE-WAIT):
    /// it rides on whatever the socket sends first, else goes alone.
    /// `inet_diag` does not report it: ss and netstat show no timer.
    DelayedAck,
}

/// A socket's pending timer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timer {
    pub at_us: u64,
    pub kind: TimerKind,
    /// Retransmissions so far (ss's third timer field).
    pub retries: u32,
}

/// TCP's control block: sequence space, timestamps and options.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tcb {
    pub iss: u32,
    /// Oldest unacknowledged sequence number.
    pub snd_una: u32,
    /// Next sequence number to send.
    pub snd_nxt: u32,
    pub irs: u32,
    pub rcv_nxt: u32,
    /// Added to the millisecond clock for TSval (per connection).
    pub ts_offset: u32,
    /// The peer's last TSval (echoed as TSecr).
    pub ts_recent: u32,
    /// The peer's MSS.
    pub mss: u16,
    /// A FIN is queued after the data (close or shutdown(SHUT_WR)).
    pub fin_queued: bool,
    /// The FIN left (it takes the sequence number before `snd_nxt`).
    pub fin_sent: bool,
    /// The peer's FIN arrived (reads end after the data).
    pub fin_rcvd: bool,
    /// When the first SYN left (SYN retransmissions count from it).
    pub syn_at_us: u64,
    /// Made by a listener (it answered the SYN): its window is the
    /// SYN-ACK's, scaled.
    pub passive: bool,
}

/// One TCP or UDP socket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Socket {
    /// The socket's number in its namespace (its inode stand-in, and the
    /// handle the seam gives programs).
    pub id: u32,
    pub proto: Proto,
    /// Local address and port (0.0.0.0 and 0 until bound).
    pub local: SocketAddrV4,
    /// Bound to a port (by `bind()`, or automatically by connect/send).
    pub bound: bool,
    pub remote: Option<SocketAddrV4>,
    pub state: State,
    pub reuseaddr: bool,
    pub reuseport: bool,
    /// `SO_BINDTODEVICE`.
    pub oif: Option<u32>,
    /// `SO_LINGER` with a zero timeout: `close()` resets.
    pub linger0: bool,
    /// `listen()`'s backlog.
    pub backlog: u32,
    /// Established connections waiting for `accept()` (a listener's).
    pub accept_q: Vec<u32>,
    /// The listener a connection came in by, until it is accepted.
    pub parent: Option<u32>,
    /// Received bytes not read yet (TCP).
    pub rx: Vec<u8>,
    /// Received datagrams not read yet, with their senders (UDP).
    pub dgrams: Vec<(SocketAddrV4, Vec<u8>)>,
    /// Bytes written and not yet acknowledged (TCP): from `snd_una` on.
    pub tx: Vec<u8>,
    /// A pending error (`SO_ERROR`).
    pub error: Option<Errno>,
    pub tcb: Tcb,
    pub timer: Option<Timer>,
    /// The program closed it; the kernel finishes the connection alone.
    pub orphan: bool,
    /// `shutdown(SHUT_RD)`: reads return end of file.
    pub shut_rd: bool,
    /// The owning process, for `ss -p` (pid, command, fd), set by whoever
    /// runs programs.
    pub owner: Option<(u32, String, u32)>,
}

impl Socket {
    pub fn new(id: u32, proto: Proto) -> Socket {
        Socket {
            id,
            proto,
            local: SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, 0),
            bound: false,
            remote: None,
            state: State::Unconn,
            reuseaddr: false,
            reuseport: false,
            oif: None,
            linger0: false,
            backlog: 0,
            accept_q: Vec::new(),
            parent: None,
            rx: Vec::new(),
            dgrams: Vec::new(),
            tx: Vec::new(),
            error: None,
            tcb: Tcb::default(),
            timer: None,
            orphan: false,
            shut_rd: false,
            owner: None,
        }
    }

    /// Whether this socket holds its local port (for address-in-use).
    fn holds_port(&self) -> bool {
        self.bound && self.state != State::Closed
    }

    /// ss's Send-Q: a listener's backlog; else the sequence space written
    /// and not acknowledged (a SYN or FIN counts one).
    pub fn send_q(&self) -> u32 {
        match (self.proto, self.state) {
            (Proto::Tcp, State::Listen) => self.backlog,
            (Proto::Tcp, _) => self.tcb.snd_nxt.wrapping_sub(self.tcb.snd_una).max(self.tx.len() as u32),
            (Proto::Udp, _) => 0,
        }
    }

    /// ss's Recv-Q: a listener's accept queue, else the bytes not read.
    pub fn recv_q(&self) -> u32 {
        match (self.proto, self.state) {
            (Proto::Tcp, State::Listen) => self.accept_q.len() as u32,
            (Proto::Tcp, _) => self.rx.len() as u32,
            (Proto::Udp, _) => self.dgrams.iter().map(|(_, d)| d.len() as u32).sum(),
        }
    }
}

/// A namespace's sockets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SockTable {
    pub socks: Vec<Socket>,
    next_id: u32,
    /// The ephemeral port cursor (0: not started).
    next_port: u16,
}

impl SockTable {
    /// A new socket (EMFILE-like ENFILE past [`MAX_SOCKETS`]).
    pub fn open(&mut self, proto: Proto) -> Result<u32, Errno> {
        if self.socks.len() >= MAX_SOCKETS {
            return Err(Errno::ENFILE);
        }
        self.next_id += 1;
        self.socks.push(Socket::new(self.next_id, proto));
        Ok(self.next_id)
    }

    pub fn get(&self, id: u32) -> Option<&Socket> {
        self.socks.iter().find(|s| s.id == id)
    }

    pub fn get_mut(&mut self, id: u32) -> Option<&mut Socket> {
        self.socks.iter_mut().find(|s| s.id == id)
    }

    /// Forgets a socket.
    pub fn remove(&mut self, id: u32) {
        self.socks.retain(|s| s.id != id);
    }

    /// Whether `sk` may take `addr` (`inet_csk_bind_conflict()`): another
    /// socket of the protocol holding the port with an overlapping address
    /// conflicts, unless both set `SO_REUSEPORT`, or both `SO_REUSEADDR`
    /// and the other is not listening.
    pub fn conflict(&self, sk: &Socket, addr: SocketAddrV4) -> bool {
        self.socks.iter().any(|o| {
            o.id != sk.id
                && o.proto == sk.proto
                && o.holds_port()
                && o.local.port() == addr.port()
                && (o.local.ip().is_unspecified() || addr.ip().is_unspecified() || o.local.ip() == addr.ip())
                && !(sk.reuseport && o.reuseport)
                && !(sk.reuseaddr && o.reuseaddr && o.state != State::Listen)
        })
    }

    /// A free ephemeral port for `sk` on `ip`: even ports for `connect()`
    /// (`odd` false), odd ones for `bind()` to port 0. EADDRNOTAVAIL when
    /// the range is used up.
    pub fn ephemeral(&mut self, sk: &Socket, ip: Ipv4Addr, ns_seed: u64, odd: bool) -> Result<u16, Errno> {
        let (lo, hi) = EPHEMERAL;
        let span = u32::from(hi - lo) + 1;
        if self.next_port == 0 {
            let off = (crate::rng::mix(&[ns_seed, 0x7463_7070]) % u64::from(span)) as u16;
            self.next_port = lo + off;
        }
        let mut p = self.next_port;
        for _ in 0..span {
            p = if p >= hi { lo } else { p + 1 };
            if (p % 2 == 1) != odd {
                continue;
            }
            let probe = Socket { reuseaddr: false, reuseport: false, ..sk.clone() };
            if !self.conflict(&probe, SocketAddrV4::new(ip, p)) {
                self.next_port = p;
                return Ok(p);
            }
        }
        Err(Errno::EADDRNOTAVAIL)
    }

    /// The table's own rules (see `Kernel::check_invariants`).
    pub fn check(&self) -> Result<(), String> {
        for (i, s) in self.socks.iter().enumerate() {
            if self.socks[..i].iter().any(|o| o.id == s.id) {
                return Err(format!("socket {} twice", s.id));
            }
            for c in &s.accept_q {
                let ok = self.get(*c).is_some_and(|c| c.parent == Some(s.id) && c.state.synchronized());
                if s.state != State::Listen || !ok {
                    return Err(format!("socket {}'s accept queue holds {c}, not its established child", s.id));
                }
            }
            if s.proto == Proto::Tcp && s.state != State::Listen && s.state != State::Unconn && s.remote.is_none() {
                return Err(format!("socket {} is {:?} with no peer", s.id, s.state));
            }
            if s.timer.is_some() && matches!(s.state, State::Unconn | State::Listen | State::Closed) {
                return Err(format!("socket {} runs a timer in {:?}", s.id, s.state));
            }
        }
        Ok(())
    }

    /// The earliest timer of any socket, if one runs.
    pub fn next_timer(&self) -> Option<u64> {
        self.socks.iter().filter_map(|s| s.timer.map(|t| t.at_us)).min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bound(t: &mut SockTable, proto: Proto, ip: [u8; 4], port: u16, state: State, reuseport: bool) -> u32 {
        let id = t.open(proto).unwrap();
        let s = t.get_mut(id).unwrap();
        s.local = SocketAddrV4::new(ip.into(), port);
        s.bound = true;
        s.state = state;
        s.reuseport = reuseport;
        id
    }

    #[test]
    fn address_in_use_rules() {
        let mut t = SockTable::default();
        bound(&mut t, Proto::Tcp, [0, 0, 0, 0], 8080, State::Listen, true);
        let client = Socket::new(99, Proto::Tcp);
        // A client's -p 8080 is refused by the listener (nc: bind failed).
        assert!(t.conflict(&client, SocketAddrV4::new([10, 0, 0, 1].into(), 8080)));
        // A second nc -l (SO_REUSEPORT on both) is not.
        let second = Socket { reuseport: true, ..Socket::new(98, Proto::Tcp) };
        assert!(!t.conflict(&second, SocketAddrV4::new([0, 0, 0, 0].into(), 8080)));
        // UDP has its own ports.
        assert!(!t.conflict(&Socket::new(97, Proto::Udp), SocketAddrV4::new([0, 0, 0, 0].into(), 8080)));
        // Another port is free.
        assert!(!t.conflict(&client, SocketAddrV4::new([10, 0, 0, 1].into(), 8081)));
    }

    #[test]
    fn ephemeral_ports_are_in_range_with_parity_and_repeat() {
        let mut a = SockTable::default();
        let mut b = SockTable::default();
        let sk = Socket::new(1, Proto::Tcp);
        for _ in 0..100 {
            let p = a.ephemeral(&sk, Ipv4Addr::UNSPECIFIED, 7, false).unwrap();
            assert!((32768..=60999).contains(&p) && p % 2 == 0);
            assert_eq!(Ok(p), b.ephemeral(&sk, Ipv4Addr::UNSPECIFIED, 7, false));
        }
        assert_eq!(a.ephemeral(&sk, Ipv4Addr::UNSPECIFIED, 7, true).unwrap() % 2, 1);
    }
}
