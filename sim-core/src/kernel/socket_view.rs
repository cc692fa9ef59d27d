//! What `ss` and `netstat` read of a namespace's sockets (`sock_diag`'s
//! answer, reduced to what they print): one typed row per socket, in the
//! order ss prints them (listeners first). The simulator builds it from
//! its socket table; a real kernel's side would fill it from
//! `inet_diag`. Serialisable (behind `serde`) so the printers can run in
//! the on-demand module with the rows carried as bytes.

use std::net::SocketAddrV4;

use super::socket::SockTable;
pub use super::socket::{Proto, State, TimerKind};

/// A socket's running timer, as `ss -o` shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TimerView {
    pub kind: TimerKind,
    /// Time left, in milliseconds.
    pub remaining_ms: u64,
    /// Retransmissions so far.
    pub retries: u32,
}

/// The process holding a socket (`ss -p`, `netstat -p`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ProcessView {
    pub pid: u32,
    pub comm: String,
    pub fd: u32,
}

/// One socket, as ss and netstat list it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SocketView {
    pub proto: Proto,
    pub state: State,
    pub recv_q: u32,
    pub send_q: u32,
    pub local: SocketAddrV4,
    /// `None`: `0.0.0.0:*`.
    pub peer: Option<SocketAddrV4>,
    pub timer: Option<TimerView>,
    /// The socket's inode (0 for TIME-WAIT, which has none) and owner uid.
    pub inode: u64,
    pub uid: u32,
    pub process: Option<ProcessView>,
}

/// Inode numbers the simulator shows: a base like a fresh host's, plus
/// the socket's number.
pub const INODE_BASE: u64 = 40_000;

impl SockTable {
    /// The rows for ss and netstat at virtual time `now_us`: listeners,
    /// then the others, each in the order they were made.
    pub fn views(&self, now_us: u64) -> Vec<SocketView> {
        let listening = self.socks.iter().filter(|s| s.state == State::Listen);
        let others = self.socks.iter().filter(|s| s.state != State::Listen && s.state != State::Closed);
        listening
            .chain(others)
            .filter(|s| s.bound || s.state != State::Unconn)
            .map(|s| SocketView {
                proto: s.proto,
                state: s.state,
                recv_q: s.recv_q(),
                send_q: s.send_q(),
                local: s.local,
                peer: s.remote,
                timer: s.timer.filter(|t| t.kind != super::socket::TimerKind::DelayedAck).map(|t| TimerView {
                    kind: t.kind,
                    remaining_ms: t.at_us.saturating_sub(now_us) / 1000,
                    retries: t.retries,
                }),
                inode: if s.state == State::TimeWait { 0 } else { INODE_BASE + u64::from(s.id) },
                uid: 0,
                process: s.owner.as_ref().filter(|_| !s.orphan).map(|(pid, comm, fd)| ProcessView {
                    pid: *pid,
                    comm: comm.clone(),
                    fd: *fd,
                }),
            })
            .collect()
    }
}
