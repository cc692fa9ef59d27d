//! Catching up with the kernel's link-watch without touching anything else.
//!
//! Link-watch computes a device's operstate and turns its queue on after a
//! carrier change, in a work item. A loaded machine can run it late, and a
//! ping sent before it ran is dropped (its ARP retried a second later, so
//! ping reports `pipe 2`). `SIOCETHTOOL`/`ETHTOOL_GLINK` runs the device's
//! pending event (`ethtool_op_get_link` → `linkwatch_sync_dev`) and, unlike
//! RTM_GETLINK, gives no namespace an id.

use std::fs::File;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};

use super::netns;

const SIOCETHTOOL: libc::c_ulong = 0x8946;
const ETHTOOL_GLINK: u32 = 0x0000_000a;

#[repr(C)]
struct EthtoolValue {
    cmd: u32,
    data: u32,
}

/// Syncs every device of the calling thread's namespace.
fn sync_here() {
    let Ok(text) = std::fs::read_to_string("/proc/thread-self/net/dev") else { return };
    // SAFETY: plain socket(2); the descriptor is owned right away.
    let raw = unsafe { libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0) };
    if raw < 0 {
        return;
    }
    // SAFETY: `raw` is a fresh descriptor nobody else owns.
    let sock = unsafe { OwnedFd::from_raw_fd(raw) };
    for line in text.lines().skip(2) {
        let Some((name, _)) = line.split_once(':') else { continue };
        let name = name.trim().as_bytes();
        if name.is_empty() || name.len() >= libc::IFNAMSIZ {
            continue;
        }
        let mut value = EthtoolValue { cmd: ETHTOOL_GLINK, data: 0 };
        // SAFETY: an all-zero ifreq is valid; the name fits with its NUL.
        let mut ifr: libc::ifreq = unsafe { std::mem::zeroed() };
        for (d, s) in ifr.ifr_name.iter_mut().zip(name) {
            *d = *s as libc::c_char;
        }
        ifr.ifr_ifru.ifru_data = (&mut value as *mut EthtoolValue).cast();
        // SAFETY: SIOCETHTOOL reads the ifreq and writes `value`, both alive
        // for the call. Devices without ethtool answer EOPNOTSUPP: ignored.
        unsafe { libc::ioctl(sock.as_raw_fd(), SIOCETHTOOL as _, &mut ifr) };
    }
}

/// Syncs every device of the host namespace `home` and of every named one.
pub fn sync_all(home: &File) {
    sync_here();
    for name in netns::list() {
        if let Ok(f) = netns::open(&name) {
            let _ = netns::within(netns::fd(&f), netns::fd(home), sync_here);
        }
    }
}
