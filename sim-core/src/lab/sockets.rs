//! A program's sockets on the lab's kernel across awaits: its packet-engine
//! run is parked between calls, and each call takes the kernel for itself
//! only (so a ping waits for its next probe while other tasks run). What
//! the program left open is closed when it ends, even killed.

use std::cell::RefCell;
use std::net::{Ipv4Addr, SocketAddrV4};

use super::host::{core, Slot};
use crate::kernel::{Errno, NsId};
use crate::netlink::sockets::{
    Connected, Datagram, EchoRequest, InetSockets, Readiness, SendError, Shutdown, SockId, SockOpt, SockType,
    SocketView, Sockets,
};
use crate::netlink::{ParkedSockets, SimSockets};

/// How far past its end a TCP/UDP program's run goes on delivering what
/// it sent last (µs): a handshake's or a close's few packets.
const SETTLE_US: u64 = 1000;

pub(super) struct LabSockets {
    slot: Slot,
    /// Behind a cell so that the seam's reading calls (`&self`) can take
    /// the kernel too.
    parked: RefCell<Option<ParkedSockets>>,
    /// The TCP and UDP sockets the program holds: closed when it ends,
    /// however it ends (a process's files are closed at its exit).
    open: Vec<SockId>,
    /// Whether the program made TCP or UDP sockets.
    transport: bool,
}

impl LabSockets {
    pub(super) fn new(slot: Slot, ns: NsId) -> LabSockets {
        let parked = {
            let mut c = core(&slot);
            c.live_engines += 1;
            SimSockets::new(&mut c.kernel, ns).park()
        };
        LabSockets { slot, parked: RefCell::new(Some(parked)), open: Vec::new(), transport: false }
    }

    /// Runs `f` on the sockets with the kernel taken back for it alone
    /// (`or` when the run has ended).
    fn call<R>(&self, or: R, f: impl FnOnce(&mut SimSockets<'_>) -> R) -> R {
        let mut c = core(&self.slot);
        let Some(parked) = self.parked.borrow_mut().take() else { return or };
        let mut socks = parked.resume(&mut c.kernel);
        let r = f(&mut socks);
        *self.parked.borrow_mut() = Some(socks.park());
        r
    }

    /// Ends the run: the kernel's clock and the line's trace take what it did.
    pub(super) fn finish(&mut self) {
        let Some(parked) = self.parked.get_mut().take() else { return };
        // Only ever dropped while the lab lends its core (`Lab::drive`).
        let Ok(mut slot) = self.slot.try_borrow_mut() else { return };
        let Some(c) = slot.as_mut() else { return };
        let mut socks = parked.resume(&mut c.kernel);
        for s in self.open.drain(..) {
            let _ = socks.close(s);
        }
        if self.transport {
            // What its last calls sent (a FIN, an ACK, a RST) crosses the
            // wires now, as it would while the next command starts.
            let soon = socks.now_us() + SETTLE_US;
            while let Some(t) = socks.next_event().filter(|t| *t <= soon) {
                if !socks.run_until(t) {
                    break;
                }
            }
        }
        let trace = socks.finish();
        c.trace.events.extend(trace.events);
        c.live_engines -= 1;
    }
}

impl Drop for LabSockets {
    /// A ping killed or timed out ends its run too.
    fn drop(&mut self) {
        self.finish();
    }
}

impl Sockets for LabSockets {
    fn now_us(&self) -> u64 {
        self.parked.borrow().as_ref().map_or(0, ParkedSockets::now_us)
    }
    fn resolve(&mut self, name: &str) -> Option<Ipv4Addr> {
        self.call(None, |s| s.resolve(name))
    }
    fn socket(&mut self, ty: SockType) -> Result<SockId, Errno> {
        let r = self.call(Err(Errno::EINVAL), |s| s.socket(ty));
        if let (Ok(s), SockType::Stream | SockType::Dgram) = (r, ty) {
            self.transport = true;
            self.open.push(s);
        }
        r
    }
    fn bind(&mut self, sock: SockId, addr: std::net::IpAddr) -> Result<(), Errno> {
        self.call(Err(Errno::EINVAL), |s| s.bind(sock, addr))
    }
    #[cfg(feature = "ipv6")]
    fn bind_ident(&mut self, sock: SockId, ident: u16) -> Result<(), Errno> {
        self.call(Err(Errno::EINVAL), |s| s.bind_ident(sock, ident))
    }
    fn bind_device(&mut self, sock: SockId, dev: &str) -> Result<(), Errno> {
        self.call(Err(Errno::EINVAL), |s| s.bind_device(sock, dev))
    }
    fn connect(&mut self, sock: SockId, dst: std::net::IpAddr) -> Result<Connected, Errno> {
        self.call(Err(Errno::EINVAL), |s| s.connect(sock, dst))
    }
    #[cfg(feature = "ipv6")]
    fn if_index(&self, name: &str) -> u32 {
        self.call(0, |s| s.if_index(name))
    }
    #[cfg(feature = "ipv6")]
    fn if_name(&self, ifindex: u32) -> Option<String> {
        self.call(None, |s| s.if_name(ifindex))
    }
    fn send_echo(&mut self, sock: SockId, req: EchoRequest) -> Result<(), SendError> {
        self.call(Err(SendError::NoRoute), |s| s.send_echo(sock, req))
    }
    fn recv(&mut self, sock: SockId) -> Vec<Datagram> {
        self.call(Vec::new(), |s| s.recv(sock))
    }
    fn next_event(&self) -> Option<u64> {
        self.parked.borrow().as_ref().and_then(ParkedSockets::next_event)
    }
    fn run_until(&mut self, until_us: u64) -> bool {
        self.call(false, |s| s.run_until(until_us))
    }
    fn exhausted(&self) -> bool {
        self.parked.borrow().as_ref().is_some_and(ParkedSockets::exhausted)
    }
}

impl InetSockets for LabSockets {
    fn bind_inet(&mut self, sock: SockId, addr: SocketAddrV4) -> Result<(), Errno> {
        self.call(Err(Errno::EINVAL), |s| s.bind_inet(sock, addr))
    }
    fn set_option(&mut self, sock: SockId, opt: SockOpt) -> Result<(), Errno> {
        self.call(Err(Errno::EINVAL), |s| s.set_option(sock, opt))
    }
    fn listen(&mut self, sock: SockId, backlog: u32) -> Result<(), Errno> {
        self.call(Err(Errno::EINVAL), |s| s.listen(sock, backlog))
    }
    fn connect_inet(&mut self, sock: SockId, dst: SocketAddrV4) -> Result<(), Errno> {
        self.call(Err(Errno::EINVAL), |s| s.connect_inet(sock, dst))
    }
    fn accept(&mut self, sock: SockId) -> Result<(SockId, SocketAddrV4), Errno> {
        let r = self.call(Err(Errno::EINVAL), |s| s.accept(sock));
        if let Ok((c, _)) = r {
            self.open.push(c);
        }
        r
    }
    fn send(&mut self, sock: SockId, data: &[u8]) -> Result<usize, Errno> {
        self.call(Err(Errno::EINVAL), |s| s.send(sock, data))
    }
    fn send_to(&mut self, sock: SockId, data: &[u8], dst: SocketAddrV4) -> Result<usize, Errno> {
        self.call(Err(Errno::EINVAL), |s| s.send_to(sock, data, dst))
    }
    fn recv_from(&mut self, sock: SockId, max: usize) -> Result<(Vec<u8>, Option<SocketAddrV4>), Errno> {
        self.call(Err(Errno::EINVAL), |s| s.recv_from(sock, max))
    }
    fn shutdown(&mut self, sock: SockId, how: Shutdown) -> Result<(), Errno> {
        self.call(Err(Errno::EINVAL), |s| s.shutdown(sock, how))
    }
    fn close(&mut self, sock: SockId) -> Result<(), Errno> {
        self.open.retain(|s| *s != sock);
        self.call(Err(Errno::EINVAL), |s| s.close(sock))
    }
    fn local_addr(&self, sock: SockId) -> Result<SocketAddrV4, Errno> {
        self.call(Err(Errno::EINVAL), |s| s.local_addr(sock))
    }
    fn peer_addr(&self, sock: SockId) -> Result<SocketAddrV4, Errno> {
        self.call(Err(Errno::EINVAL), |s| s.peer_addr(sock))
    }
    fn poll(&self, sock: SockId) -> Result<Readiness, Errno> {
        self.call(Err(Errno::EINVAL), |s| s.poll(sock))
    }
    fn take_error(&mut self, sock: SockId) -> Option<Errno> {
        self.call(None, |s| s.take_error(sock))
    }
    fn set_owner(&mut self, sock: SockId, pid: u32, comm: &str, fd: u32) {
        self.call((), |s| s.set_owner(sock, pid, comm, fd))
    }
    fn socket_views(&self) -> Vec<SocketView> {
        self.call(Vec::new(), |s| s.socket_views())
    }
}

/// A program's packet sockets (tcpdump's captures) on the lab's kernel:
/// each call takes the kernel for itself only, and what the program left
/// open is closed when it ends, even killed.
#[cfg(feature = "sockets")]
pub(super) struct LabTaps {
    slot: Slot,
    ns: NsId,
    open: Vec<crate::netlink::sockets::TapId>,
}

#[cfg(feature = "sockets")]
impl LabTaps {
    pub(super) fn new(slot: Slot, ns: NsId) -> LabTaps {
        LabTaps { slot, ns, open: Vec::new() }
    }

    fn call<R>(&self, f: impl FnOnce(&mut crate::netlink::SimTaps<'_>) -> R) -> R {
        let mut c = core(&self.slot);
        f(&mut crate::netlink::SimTaps { kernel: &mut c.kernel, ns: self.ns })
    }
}

#[cfg(feature = "sockets")]
impl Drop for LabTaps {
    fn drop(&mut self) {
        // Only ever dropped while the lab lends its core (`Lab::drive`).
        let Ok(mut slot) = self.slot.try_borrow_mut() else { return };
        let Some(n) = slot.as_mut().and_then(|c| c.kernel.ns_mut(self.ns)) else { return };
        for t in self.open.drain(..) {
            n.taps.close(t);
        }
    }
}

#[cfg(feature = "sockets")]
impl crate::netlink::PacketSockets for LabTaps {
    fn capture_devices(&self) -> Vec<crate::netlink::sockets::CaptureDevice> {
        self.call(|t| t.capture_devices())
    }
    fn capture_open(&mut self, ifindex: Option<u32>) -> crate::netlink::sockets::TapId {
        let id = self.call(|t| t.capture_open(ifindex));
        self.open.push(id);
        id
    }
    fn capture_take(&mut self, tap: crate::netlink::sockets::TapId) -> Vec<crate::netlink::sockets::Captured> {
        self.call(|t| t.capture_take(tap))
    }
    fn capture_pending(&self, tap: crate::netlink::sockets::TapId) -> usize {
        self.call(|t| t.capture_pending(tap))
    }
    fn capture_close(&mut self, tap: crate::netlink::sockets::TapId) {
        self.open.retain(|t| *t != tap);
        self.call(|t| t.capture_close(tap))
    }
}
