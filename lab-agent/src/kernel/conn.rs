//! One rtnetlink socket, opened inside one network namespace, and the
//! request/dump round trips over it.
//!
//! The socket belongs to the namespace its thread was in when it was made
//! (`socket(2)` takes `current->nsproxy->net_ns`), so [`Conn::open_in`]
//! enters the namespace for the duration of `socket()` only. A socket holds
//! its namespace alive: a `Conn` is dropped as soon as its namespace may be
//! deleted (see `KernelNetlink`).

use std::os::fd::BorrowedFd;
use std::pin::Pin;

use futures::channel::mpsc::UnboundedReceiver;
use futures::StreamExt;
use netlink_packet_core::{
    NetlinkHeader, NetlinkMessage, NetlinkPayload, NLM_F_ACK, NLM_F_ACK_TLVS, NLM_F_CAPPED, NLM_F_DUMP, NLM_F_REQUEST,
};
use netlink_packet_route::RouteNetlinkMessage;
use rtnetlink::proto::Connection;
use rtnetlink::sys::{AsyncSocket, SocketAddr};
use rtnetlink::Handle;
use sim_core::kernel::{Errno, KernelError};
use tokio::runtime::Runtime;

use super::netns;

type Events = UnboundedReceiver<(NetlinkMessage<RouteNetlinkMessage>, SocketAddr)>;

/// An rtnetlink connection bound to one namespace.
pub struct Conn {
    conn: Pin<Box<Connection<RouteNetlinkMessage>>>,
    handle: Handle,
    /// Multicast notifications: none, the socket joins no group (kept so
    /// the connection has somewhere to put unsolicited messages).
    _events: Events,
}

/// What went wrong below the kernel's answer: the socket itself.
#[derive(Debug)]
pub enum ConnError {
    /// The kernel refused the request.
    Kernel(KernelError),
    /// The socket failed or closed, or a reply did not parse.
    Io(std::io::Error),
}

impl From<ConnError> for KernelError {
    /// A broken socket has no errno of its own here: it reports as ENOBUFS,
    /// what iproute2 sees when its socket overflows.
    fn from(e: ConnError) -> KernelError {
        match e {
            ConnError::Kernel(k) => k,
            ConnError::Io(io) => KernelError::new(io.raw_os_error().map_or(Errno::ENOBUFS, errno_of)),
        }
    }
}

impl Conn {
    /// Opens a socket in the current thread's namespace.
    pub fn open(rt: &Runtime) -> std::io::Result<Conn> {
        let _guard = rt.enter();
        let (mut conn, handle, events) = rtnetlink::new_connection()?;
        let sock = conn.socket_mut().socket_mut();
        sock.set_ext_ack(true)?;
        // Big dumps (1000s of links) must not overflow the receive queue.
        let _ = sock.set_rx_buf_sz(8 << 20);
        Ok(Conn { conn: Box::pin(conn), handle, _events: events })
    }

    /// Opens a socket inside the namespace `ns`, coming back to `home` after.
    pub fn open_in(rt: &Runtime, ns: BorrowedFd<'_>, home: BorrowedFd<'_>) -> std::io::Result<Conn> {
        netns::within(ns, home, || Conn::open(rt))?
    }

    /// Sends `msg` with `flags` (plus NLM_F_REQUEST) and collects the replies.
    pub fn call(
        &mut self,
        rt: &Runtime,
        msg: RouteNetlinkMessage,
        flags: u16,
    ) -> Result<Vec<RouteNetlinkMessage>, ConnError> {
        let mut header = NetlinkHeader::default();
        header.flags = NLM_F_REQUEST | flags;
        let mut nl = NetlinkMessage::new(header, NetlinkPayload::InnerMessage(msg));
        nl.finalize();
        let Conn { conn, handle, .. } = self;
        rt.block_on(async {
            let mut replies = handle.request(nl).map_err(|e| ConnError::Io(std::io::Error::other(e.to_string())))?;
            let collect = async {
                let mut out = Vec::new();
                while let Some(m) = replies.next().await {
                    let outer_flags = m.header.flags;
                    match m.payload {
                        NetlinkPayload::InnerMessage(inner) => out.push(inner),
                        NetlinkPayload::Error(e) => {
                            if let Some(code) = e.code {
                                let errno = errno_of(code.get().saturating_abs());
                                let extack = extack_of(outer_flags, &e.header).map(Into::into);
                                return Err(ConnError::Kernel(KernelError { errno, extack }));
                            }
                        }
                        NetlinkPayload::Overrun(_) => {
                            return Err(ConnError::Io(std::io::Error::from_raw_os_error(libc::ENOBUFS)));
                        }
                        _ => {}
                    }
                }
                Ok(out)
            };
            tokio::select! {
                r = collect => r,
                () = conn.as_mut() => Err(ConnError::Io(std::io::Error::other("netlink socket closed"))),
            }
        })
    }

    /// A request the kernel acks (NLM_F_ACK) with extra `flags`.
    pub fn ack(&mut self, rt: &Runtime, msg: RouteNetlinkMessage, flags: u16) -> Result<(), ConnError> {
        self.call(rt, msg, NLM_F_ACK | flags).map(|_| ())
    }

    /// A dump (NLM_F_DUMP).
    pub fn dump(&mut self, rt: &Runtime, msg: RouteNetlinkMessage) -> Result<Vec<RouteNetlinkMessage>, ConnError> {
        self.call(rt, msg, NLM_F_DUMP)
    }
}

/// NLMSGERR_ATTR_MSG of an error's extended ack, without a trailing period
/// (iproute2 adds one when printing).
fn extack_of(flags: u16, payload: &[u8]) -> Option<String> {
    const NLMSGERR_ATTR_MSG: u16 = 1;
    if flags & NLM_F_ACK_TLVS == 0 {
        return None;
    }
    let orig_len =
        if flags & NLM_F_CAPPED != 0 { 16 } else { u32::from_ne_bytes(payload.get(..4)?.try_into().ok()?) as usize };
    let align = |n: usize| (n + 3) & !3;
    let mut off = align(orig_len);
    while off + 4 <= payload.len() {
        let len = usize::from(u16::from_ne_bytes([payload[off], payload[off + 1]]));
        let kind = u16::from_ne_bytes([payload[off + 2], payload[off + 3]]) & 0x3fff;
        if len < 4 || off + len > payload.len() {
            return None;
        }
        if kind == NLMSGERR_ATTR_MSG {
            let raw = &payload[off + 4..off + len];
            let raw = raw.split(|b| *b == 0).next().unwrap_or(raw);
            let text = String::from_utf8_lossy(raw).into_owned();
            let text = text.strip_suffix('.').map(str::to_string).unwrap_or(text);
            return (!text.is_empty()).then_some(text);
        }
        off += align(len);
    }
    None
}

/// The kernel's errno as the simulator's [`Errno`]. The seam's `Errno` is a
/// closed set: numbers it does not name come out as EINVAL (see
/// lab-agent/ARCHITECTURE.md: the seam needs an `Other(i32)`).
pub fn errno_of(n: i32) -> Errno {
    match n {
        libc::EPERM => Errno::EPERM,
        libc::EACCES => Errno::EACCES,
        libc::ENOENT => Errno::ENOENT,
        libc::ESRCH => Errno::ESRCH,
        libc::ENODEV => Errno::ENODEV,
        libc::EEXIST => Errno::EEXIST,
        libc::ENETDOWN => Errno::ENETDOWN,
        libc::ENETUNREACH => Errno::ENETUNREACH,
        libc::EHOSTUNREACH => Errno::EHOSTUNREACH,
        libc::EOPNOTSUPP => Errno::EOPNOTSUPP,
        libc::EADDRNOTAVAIL => Errno::EADDRNOTAVAIL,
        libc::EBUSY => Errno::EBUSY,
        libc::ERANGE => Errno::ERANGE,
        libc::ENOBUFS | libc::ENOMEM => Errno::ENOBUFS,
        libc::ELOOP => Errno::ELOOP,
        libc::ENOTCONN => Errno::ENOTCONN,
        _ => Errno::EINVAL,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extack_after_the_echoed_request() {
        // A 20-byte echoed request, then NLMSGERR_ATTR_MSG "Nexthop has invalid gateway".
        let mut p = vec![0u8; 20];
        p[..4].copy_from_slice(&20u32.to_ne_bytes());
        let msg = b"Nexthop has invalid gateway\0";
        p.extend_from_slice(&((4 + msg.len()) as u16).to_ne_bytes());
        p.extend_from_slice(&1u16.to_ne_bytes());
        p.extend_from_slice(msg);
        assert_eq!(extack_of(NLM_F_ACK_TLVS, &p).as_deref(), Some("Nexthop has invalid gateway"));
        assert_eq!(extack_of(0, &p), None);
        assert_eq!(extack_of(NLM_F_ACK_TLVS, &p[..10]), None);
    }
}
