//! The simulator's packet sockets: captures on a namespace's taps
//! (`packet::capture::Taps`). They need no engine run of their own: the
//! engines that move frames hand them to the taps as they go.

use crate::kernel::{Kernel, NsId};

use super::sockets::{CaptureDevice, Captured, PacketSockets, TapId};

/// The devices of namespace `ns` as a capture lists them.
pub fn capture_devices(k: &Kernel, ns: NsId) -> Vec<CaptureDevice> {
    let Some(n) = k.ns(ns) else { return Vec::new() };
    n.links
        .values()
        .map(|l| CaptureDevice {
            ifindex: l.ifindex,
            name: l.name.clone(),
            up: l.admin_up,
            running: l.admin_up && l.carrier,
            loopback: l.is_loopback(),
            carrier: (!l.is_loopback()).then(|| l.lower_up()),
        })
        .collect()
}

/// Packet sockets on a kernel borrowed for the call.
pub struct SimTaps<'k> {
    pub kernel: &'k mut Kernel,
    pub ns: NsId,
}

impl PacketSockets for SimTaps<'_> {
    fn capture_devices(&self) -> Vec<CaptureDevice> {
        capture_devices(self.kernel, self.ns)
    }
    fn capture_open(&mut self, ifindex: Option<u32>) -> TapId {
        self.kernel.ns_mut(self.ns).map_or(TapId(0), |n| n.taps.open(ifindex))
    }
    fn capture_take(&mut self, tap: TapId) -> Vec<Captured> {
        self.kernel.ns_mut(self.ns).map(|n| n.taps.take(tap)).unwrap_or_default()
    }
    fn capture_pending(&self, tap: TapId) -> usize {
        self.kernel.ns(self.ns).map_or(0, |n| n.taps.pending(tap))
    }
    fn capture_close(&mut self, tap: TapId) {
        if let Some(n) = self.kernel.ns_mut(self.ns) {
            n.taps.close(tap);
        }
    }
}
