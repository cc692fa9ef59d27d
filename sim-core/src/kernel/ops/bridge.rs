//! Bridges: ports joining and leaving, and what a bridge derives from its ports.

use crate::kernel::link::{LinkRef, PortState};
use crate::kernel::{Errno, KResult, Kernel, KernelError};

use super::nodev;

impl Kernel {
    pub fn ports_of(&self, br: LinkRef) -> Vec<u32> {
        self.ns(br.ns)
            .map(|n| n.links.values().filter(|l| l.master == Some(br.ifindex)).map(|l| l.ifindex).collect())
            .unwrap_or_default()
    }

    pub(crate) fn enslave(&mut self, port: LinkRef, br: LinkRef) -> KResult<()> {
        let b = self.link(br).ok_or_else(nodev)?;
        if !b.is_bridge() {
            return Err(Errno::EOPNOTSUPP.into());
        }
        let p = self.link(port).ok_or_else(nodev)?;
        if p.is_bridge() {
            return Err(KernelError::msg(Errno::ELOOP, "Can not enslave a bridge to a bridge"));
        }
        if p.is_loopback() {
            return Err(KernelError::msg(Errno::EINVAL, "Can not enslave loopback device"));
        }
        if p.master == Some(br.ifindex) {
            return Ok(());
        }
        if let Some(old) = p.master {
            self.release_port(LinkRef { ns: port.ns, ifindex: old }, port.ifindex);
        }
        let used: Vec<u16> = self
            .ports_of(br)
            .iter()
            .filter_map(|p| self.link(LinkRef { ns: br.ns, ifindex: *p }))
            .map(|l| l.port_no)
            .collect();
        let port_no = (1..).find(|n| !used.contains(n)).unwrap_or(1);
        let l = self.link_mut(port).ok_or_else(nodev)?;
        l.master = Some(br.ifindex);
        l.port_no = port_no;
        self.bridge_recalc_ports(br, true);
        Ok(())
    }

    pub(crate) fn release_port(&mut self, br: LinkRef, port: u32) {
        if let Some(p) = self.link_mut(LinkRef { ns: br.ns, ifindex: port }) {
            p.master = None;
            p.port_no = 0;
            p.port_state = PortState::Disabled;
        }
        if let Some(b) = self.link_mut(br).and_then(|l| l.bridge_mut()) {
            b.fdb.retain(|e| e.port != port);
        }
        self.bridge_recalc_ports(br, true);
    }

    /// Recomputes a bridge from its ports: port states, carrier, MAC (the
    /// lowest port MAC, zero with no ports) and MTU (the lowest port MTU).
    /// A bridge that never had a port keeps the carrier it was made with.
    pub fn bridge_recalc(&mut self, br: LinkRef) {
        self.bridge_recalc_ports(br, false);
    }

    pub(crate) fn bridge_recalc_ports(&mut self, br: LinkRef, ports_changed: bool) {
        let Some(bl) = self.link(br) else { return };
        let Some(b) = bl.bridge() else { return };
        let (mac_set, mtu_set, br_up) = (b.mac_set, b.mtu_set, bl.admin_up);
        let ports = self.ports_of(br);
        let mut any_forwarding = false;
        let mut min_mac = None;
        let mut min_mtu = None;
        for p in &ports {
            let Some(pl) = self.link_mut(LinkRef { ns: br.ns, ifindex: *p }) else { continue };
            pl.port_state = if br_up && pl.lower_up() { PortState::Forwarding } else { PortState::Disabled };
            any_forwarding |= pl.port_state == PortState::Forwarding;
            min_mac = Some(min_mac.map_or(pl.mac, |m: crate::kernel::mac::Mac| m.min(pl.mac)));
            min_mtu = Some(min_mtu.map_or(pl.mtu, |m: u32| m.min(pl.mtu)));
        }
        let bl = self.link_mut(br).expect("checked above");
        if ports.is_empty() && !ports_changed {
            return;
        }
        if !mac_set {
            bl.mac = min_mac.unwrap_or(crate::kernel::mac::Mac::ZERO);
        }
        let mac = bl.mac;
        if let Some(b) = bl.bridge_mut() {
            b.id = mac;
        }
        if !mtu_set {
            if let Some(m) = min_mtu {
                bl.mtu = m;
            }
        }
        bl.set_carrier(any_forwarding);
        self.refresh_ipv6(br);
    }
}
