//! The socket side of the seam: what a program that sends and receives
//! packets asks of a kernel (ping today; nc, ss and tcpdump later).
//!
//! It is shaped like the socket calls iputils makes on an ICMP socket —
//! `socket()`, `bind()` to an address or `SO_BINDTODEVICE`, `connect()`
//! (which looks the route up and picks the source address), `sendmsg()` of
//! an echo request with its TTL, DF mode and size, and `recvmsg()` of replies
//! and ICMP errors as typed messages — plus the clock: time is virtual, the
//! kernel's, and only moves when the program waits for it. TCP and UDP
//! sockets use the same handles with calls shaped like the BSD API on a
//! non-blocking socket (`bind_inet`, `listen`, `connect_inet`, `accept`,
//! `send`, `send_to`, `recv_from`, `shutdown`, `close`, `poll`,
//! `take_error`), each failing with the errno Linux gives: a program waits
//! by letting time pass (`next_event`, `run_until`) and polling, as nc
//! waits in `poll()`. `socket_views` is what ss and netstat read.
//!
//! [`super::SimSockets`] implements it over the simulator's kernel and
//! packet engine, which also keeps the trace of what every packet did.

use std::net::{IpAddr, Ipv4Addr, SocketAddrV4};

pub use crate::kernel::socket_view::{ProcessView, Proto, SocketView, State as SockState, TimerKind, TimerView};
pub use crate::kernel::Errno;
pub use crate::packet::tcp_user::{Readiness, Shutdown};

pub use crate::packet::capture::{Captured, PktType, TapId};
/// How long a packet takes through `lo` (an error a host sends itself).
pub use crate::packet::engine::LOOP_US;
pub use crate::packet::fib::Kind as RouteKind;
pub use crate::packet::ip::SendError;
pub use crate::packet::mtu::PmtuDisc;
/// The typed frames a capture shows (tcpdump's filter reads them): value
/// types of what is on the wire, as `UnreachCode` above.
pub use crate::packet::transport::{
    syn_options, Payload, TcpFlags, TcpOption, TcpSegment, UdpDatagram, PROTO_TCP, PROTO_UDP,
};
pub use crate::packet::wire::UnreachCode;
pub use crate::packet::wire::{
    ArpOp, ArpPacket, EthFrame, EthPayload, Icmp, Ipv4Packet, Quoted, ETH_HLEN, IPV4_HLEN, PROTO_ICMP,
};
#[cfg(feature = "ipv6")]
pub use crate::packet::wire6::{Icmp6, Ipv6Packet, Unreach6, IPV6_HLEN};

/// A socket, as the kernel numbers it for one program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SockId(pub usize);

/// What a socket carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SockType {
    /// ICMP echo (`socket(AF_INET, SOCK_RAW or SOCK_DGRAM, IPPROTO_ICMP)`).
    IcmpEcho,
    /// ICMPv6 echo (`socket(AF_INET6, SOCK_DGRAM, IPPROTO_ICMPV6)`).
    #[cfg(feature = "ipv6")]
    Icmp6Echo,
    /// TCP (`SOCK_STREAM`).
    Stream,
    /// UDP (`SOCK_DGRAM`).
    Dgram,
}

/// Socket options a program sets (`setsockopt()`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SockOpt {
    /// `SO_REUSEADDR`.
    ReuseAddr(bool),
    /// `SO_REUSEPORT` (Debian's nc sets it on listeners).
    ReusePort(bool),
    /// `SO_LINGER` with a zero timeout: `close()` sends a RST.
    Linger0(bool),
}

/// What `connect()` settled: the route's kind, the source address the
/// socket will use, and its echo identifier (an ICMP socket's "port").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Connected {
    pub kind: RouteKind,
    pub src: IpAddr,
    pub ident: u16,
}

/// One echo request, as `sendmsg()` gets it with the socket's options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EchoRequest {
    pub seq: u16,
    /// ICMP data bytes (`-s`).
    pub data_len: usize,
    /// `IP_TTL` (`IPV6_UNICAST_HOPS`); `None`: the namespace's
    /// `net.ipv4.ip_default_ttl` (IPv6's `hop_limit`, 64).
    pub ttl: Option<u8>,
    /// `IP_MTU_DISCOVER`.
    pub pmtudisc: PmtuDisc,
    /// `IP_TOS` (`ping -Q`).
    pub tos: u8,
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
    /// An ICMP time exceeded (ICMPv6's hop limit exceeded) quoting one of
    /// our requests.
    TimeExceeded {
        seq: u16,
    },
    /// An ICMPv6 destination unreachable quoting one of our requests.
    #[cfg(feature = "ipv6")]
    Unreachable6 {
        seq: u16,
        code: Unreach6,
    },
    /// An ICMPv6 Packet Too Big quoting one of our requests.
    #[cfg(feature = "ipv6")]
    TooBig {
        seq: u16,
        mtu: u32,
    },
}

/// A message and when and from where it arrived.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Datagram {
    pub at_us: u64,
    pub from: IpAddr,
    /// The device it came in by (`sin6_scope_id`; 0 for IPv4).
    pub scope: u32,
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
    fn bind(&mut self, s: SockId, addr: IpAddr) -> Result<(), Errno>;
    #[cfg(feature = "ipv6")]
    /// The echo identifier an ICMP socket's echoes carry (`ping -e`: the
    /// raw socket iputils then opens writes it itself; a ping socket's is
    /// its bound "port"). Without it `connect` picks one.
    fn bind_ident(&mut self, s: SockId, ident: u16) -> Result<(), Errno>;
    /// `SO_BINDTODEVICE` (ENODEV if there is no such device).
    fn bind_device(&mut self, s: SockId, dev: &str) -> Result<(), Errno>;
    /// `connect()`: the route lookup and the source address, failing with
    /// their errno (IPv6: `ip6_datagram_connect()`, `::` meaning `::1`).
    fn connect(&mut self, s: SockId, dst: IpAddr) -> Result<Connected, Errno>;
    #[cfg(feature = "ipv6")]
    /// `if_nametoindex()` (0: no such device).
    fn if_index(&self, name: &str) -> u32;
    #[cfg(feature = "ipv6")]
    /// `if_indextoname()`.
    fn if_name(&self, ifindex: u32) -> Option<String>;
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

/// TCP and UDP sockets besides ping's (`nc`, `ss`): a trait of its own so
/// that a program that needs only ping's calls links none of these (the
/// site's basic lab; see `lab/basic.rs`).
pub trait InetSockets: Sockets {
    /// `bind()` of a TCP or UDP socket to an address and port (0: an
    /// ephemeral port). EADDRNOTAVAIL not a local address, EADDRINUSE.
    fn bind_inet(&mut self, s: SockId, addr: SocketAddrV4) -> Result<(), Errno>;
    /// `setsockopt()`.
    fn set_option(&mut self, s: SockId, opt: SockOpt) -> Result<(), Errno>;
    /// `listen()`.
    fn listen(&mut self, s: SockId, backlog: u32) -> Result<(), Errno>;
    /// `connect()` without blocking: a UDP socket is connected on return;
    /// a TCP socket has sent its SYN, and `poll` then says writable (done)
    /// or error (`take_error`: ECONNREFUSED, ETIMEDOUT, EHOSTUNREACH, …).
    /// Route errors come at once (ENETUNREACH, EHOSTUNREACH, EINVAL).
    fn connect_inet(&mut self, s: SockId, dst: SocketAddrV4) -> Result<(), Errno>;
    /// `accept()`: a new socket and its peer (EAGAIN: none waiting).
    fn accept(&mut self, s: SockId) -> Result<(SockId, SocketAddrV4), Errno>;
    /// `send()` on a connected socket.
    fn send(&mut self, s: SockId, data: &[u8]) -> Result<usize, Errno>;
    /// `sendto()` of one datagram.
    fn send_to(&mut self, s: SockId, data: &[u8], dst: SocketAddrV4) -> Result<usize, Errno>;
    /// `recvfrom()`: up to `max` bytes (TCP: empty at end of file; UDP:
    /// one datagram and its sender). EAGAIN while nothing is there.
    fn recv_from(&mut self, s: SockId, max: usize) -> Result<(Vec<u8>, Option<SocketAddrV4>), Errno>;
    /// `shutdown()`.
    fn shutdown(&mut self, s: SockId, how: Shutdown) -> Result<(), Errno>;
    /// `close()`: the handle is gone; TCP finishes its close in the kernel.
    fn close(&mut self, s: SockId) -> Result<(), Errno>;
    /// `getsockname()`.
    fn local_addr(&self, s: SockId) -> Result<SocketAddrV4, Errno>;
    /// `getpeername()` (ENOTCONN).
    fn peer_addr(&self, s: SockId) -> Result<SocketAddrV4, Errno>;
    /// `poll()`.
    fn poll(&self, s: SockId) -> Result<Readiness, Errno>;
    /// `getsockopt(SO_ERROR)`: the pending error, cleared.
    fn take_error(&mut self, s: SockId) -> Option<Errno>;
    /// Names the process holding a socket, for `ss -p` (a real kernel
    /// knows it already).
    fn set_owner(&mut self, _s: SockId, _pid: u32, _comm: &str, _fd: u32) {}
    /// The namespace's TCP and UDP sockets, as ss and netstat list them.
    fn socket_views(&self) -> Vec<SocketView>;
}

/// A device as a capture program sees it (`tcpdump -D`, `-i`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaptureDevice {
    pub ifindex: u32,
    pub name: String,
    /// `IFF_UP`.
    pub up: bool,
    /// `IFF_RUNNING`: up with carrier.
    pub running: bool,
    pub loopback: bool,
    /// The carrier where the driver reports one (not `lo`).
    pub carrier: Option<bool>,
}

/// Packet sockets (`AF_PACKET`), what tcpdump asks of a kernel: the
/// namespace's devices, and captures that collect what devices send and
/// receive (`packet::capture`). A capture costs the kernel nothing while
/// nobody opens one.
pub trait PacketSockets {
    /// The namespace's devices in ifindex order.
    fn capture_devices(&self) -> Vec<CaptureDevice>;
    /// Opens a capture on `ifindex` (`None`: every device, `any`).
    fn capture_open(&mut self, ifindex: Option<u32>) -> TapId;
    /// What the capture saw since the last call, oldest first.
    fn capture_take(&mut self, tap: TapId) -> Vec<Captured>;
    /// How many frames wait to be taken.
    fn capture_pending(&self, tap: TapId) -> usize;
    fn capture_close(&mut self, tap: TapId);
}
