//! The socket side of the seam: what a program that sends and receives
//! packets asks of a kernel (ping today; nc, ss and tcpdump later).
//!
//! It is shaped like the socket calls iputils makes on an ICMP socket —
//! `socket()`, `bind()` to an address or `SO_BINDTODEVICE`, `connect()`
//! (which looks the route up and picks the source address), `sendmsg()` of
//! an echo request with its TTL, DF mode and size, and `recvmsg()` of replies
//! and ICMP errors as typed messages — plus the clock: time is virtual, the
//! kernel's, and only moves when the program waits for it. TCP and UDP fit
//! the same handles later (a [`SockType`] each, `send`/`recv` of data).
//!
//! [`super::SimSockets`] implements it over the simulator's kernel and
//! packet engine, which also keeps the trace of what every packet did.

use std::net::Ipv4Addr;

pub use crate::kernel::Errno;

/// How long a packet takes through `lo` (an error a host sends itself).
pub use crate::packet::engine::LOOP_US;
pub use crate::packet::fib::Kind as RouteKind;
pub use crate::packet::ip::SendError;
pub use crate::packet::mtu::PmtuDisc;
pub use crate::packet::wire::UnreachCode;

/// A socket, as the kernel numbers it for one program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SockId(pub usize);

/// What a socket carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SockType {
    /// ICMP echo (`socket(AF_INET, SOCK_RAW or SOCK_DGRAM, IPPROTO_ICMP)`).
    IcmpEcho,
}

/// What `connect()` settled: the route's kind, the source address the
/// socket will use, and its echo identifier (an ICMP socket's "port").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Connected {
    pub kind: RouteKind,
    pub src: Ipv4Addr,
    pub ident: u16,
}

/// One echo request, as `sendmsg()` gets it with the socket's options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EchoRequest {
    pub seq: u16,
    /// ICMP data bytes (`-s`).
    pub data_len: usize,
    /// `IP_TTL`; `None`: the namespace's `net.ipv4.ip_default_ttl`.
    pub ttl: Option<u8>,
    /// `IP_MTU_DISCOVER`.
    pub pmtudisc: PmtuDisc,
}

/// What an ICMP socket receives about its echoes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Echo {
    Reply {
        seq: u16,
        data_len: usize,
        ttl: u8,
    },
    /// An ICMP destination unreachable quoting one of our requests.
    Unreachable {
        seq: u16,
        code: UnreachCode,
    },
    /// An ICMP time exceeded quoting one of our requests.
    TimeExceeded {
        seq: u16,
    },
}

/// A message and when and from where it arrived.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Datagram {
    pub at_us: u64,
    pub from: Ipv4Addr,
    pub echo: Echo,
}

/// A kernel's sockets, seen from one network namespace.
pub trait Sockets {
    /// The kernel's clock (virtual microseconds).
    fn now_us(&self) -> u64;
    /// The address a host name stands for (`getaddrinfo` over /etc/hosts).
    fn resolve(&mut self, name: &str) -> Option<Ipv4Addr>;

    fn socket(&mut self, ty: SockType) -> Result<SockId, Errno>;
    /// `bind()` to a local address (EADDRNOTAVAIL if it is not one).
    fn bind(&mut self, s: SockId, addr: Ipv4Addr) -> Result<(), Errno>;
    /// `SO_BINDTODEVICE` (ENODEV if there is no such device).
    fn bind_device(&mut self, s: SockId, dev: &str) -> Result<(), Errno>;
    /// `connect()`: the route lookup, failing with its errno.
    fn connect(&mut self, s: SockId, dst: Ipv4Addr) -> Result<Connected, Errno>;
    /// Sends an echo request to the connected address.
    fn send_echo(&mut self, s: SockId, req: EchoRequest) -> Result<(), SendError>;
    /// Everything that arrived for the socket so far.
    fn recv(&mut self, s: SockId) -> Vec<Datagram>;

    /// When the kernel next has something to do, if anything.
    fn next_event(&self) -> Option<u64>;
    /// Lets time pass up to `until_us`; false if the kernel gave up (a
    /// broadcast storm exhausted its step budget).
    fn run_until(&mut self, until_us: u64) -> bool;
    /// Whether the kernel gave up (see [`Sockets::run_until`]).
    fn exhausted(&self) -> bool;
}
