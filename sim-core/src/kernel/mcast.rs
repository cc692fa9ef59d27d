//! A device's multicast memberships: the groups IPv4 (`in_device`'s
//! `mc_list`) and IPv6 (`inet6_dev`'s `mc_list`) joined on it, IPv6's
//! anycast addresses, and the hardware filter list they load (`dev->mc`),
//! as `/proc/net/igmp`, `/proc/net/igmp6` and `/proc/net/dev_mcast` show
//! them to `ip maddr`, and as `bridge fdb show` lists the hardware one.
//!
//! Kept as lists in the kernel's own orders, because they are histories
//! (a group joined twice counts two users; a forwarding switch toggled
//! twice leaves a user behind): the protocol lists newest first, the
//! hardware list in the order entries were added. The kernel operations
//! that join and leave are in `ops/mcast.rs`.

use std::net::{Ipv4Addr, Ipv6Addr};

use super::mac::Mac;

/// One group of a protocol list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group<A> {
    pub addr: A,
    pub users: u32,
    /// MAF_LOADED / `im->loaded`: its hardware address is in the device's
    /// filter list (a device that goes down unloads its groups, one that
    /// comes up again loads them).
    pub loaded: bool,
}

/// One entry of the hardware filter list (`struct netdev_hw_addr`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HwAddr {
    pub mac: Mac,
    /// `refcount`: the groups (and `ip maddr add`) that hold it.
    pub users: u32,
    /// `global_use`: `ip maddr add` (SIOCADDMULTI) holds it.
    pub global: bool,
}

/// A device's multicast state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct McLists {
    /// IPv4 groups, newest first.
    pub v4: Vec<Group<Ipv4Addr>>,
    /// IPv6 groups, newest first.
    pub v6: Vec<Group<Ipv6Addr>>,
    /// IPv6 anycast addresses (a router's subnet-router anycast), with
    /// their users; each holds its solicited-node group.
    pub anycast: Vec<(Ipv6Addr, u32)>,
    /// The hardware filter list, in the order entries were added.
    pub hw: Vec<HwAddr>,
}

/// All-nodes, interface-local (`ff01::1`) and link-local (`ff02::1`).
pub const ALL_NODES_IF: Ipv6Addr = Ipv6Addr::new(0xff01, 0, 0, 0, 0, 0, 0, 1);
pub const ALL_NODES: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 1);
/// All-routers: interface-, link- and site-local.
pub const ALL_ROUTERS_IF: Ipv6Addr = Ipv6Addr::new(0xff01, 0, 0, 0, 0, 0, 0, 2);
pub const ALL_ROUTERS: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 2);
pub const ALL_ROUTERS_SITE: Ipv6Addr = Ipv6Addr::new(0xff05, 0, 0, 0, 0, 0, 0, 2);
/// Multicast router discovery's all-snoopers groups, which a bridge that
/// snoops joins while it is up (`br_multicast_join_snoopers()`).
pub const ALL_SNOOPERS: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 0x6a);
pub const ALL_SNOOPERS4: Ipv4Addr = Ipv4Addr::new(224, 0, 0, 106);
/// All-hosts, joined while IPv4 is up on a device (`ip_mc_up()`).
pub const ALL_HOSTS: Ipv4Addr = Ipv4Addr::new(224, 0, 0, 1);

/// `ip_eth_mc_map()`: `01:00:5e` and the group's low 23 bits.
pub fn map4(g: Ipv4Addr) -> Mac {
    let o = g.octets();
    Mac([0x01, 0x00, 0x5e, o[1] & 0x7f, o[2], o[3]])
}

/// `ndisc_mc_map()` for the groups `igmp6_group_added()` loads: none of
/// interface-local scope (`ff01::`), the rest `33:33` and the last four bytes.
pub fn map6(g: Ipv6Addr) -> Option<Mac> {
    let o = g.octets();
    (o[1] & 0x0f >= 2).then(|| Mac([0x33, 0x33, o[12], o[13], o[14], o[15]]))
}

/// Whether joining `g` is reported (`igmp6_group_added()`): link scope or
/// wider, and not all-nodes (MAF_NOREPORT).
pub fn reported6(g: Ipv6Addr) -> bool {
    map6(g).is_some() && g != ALL_NODES
}

impl McLists {
    /// Adds a user to the hardware entry for `mac` (appended when new).
    pub fn hw_inc(&mut self, mac: Mac) {
        match self.hw.iter_mut().find(|h| h.mac == mac) {
            Some(h) => h.users += 1,
            None => self.hw.push(HwAddr { mac, users: 1, global: false }),
        }
    }

    /// Takes a user from it (gone with its last).
    pub fn hw_dec(&mut self, mac: Mac) {
        if let Some(i) = self.hw.iter().position(|h| h.mac == mac) {
            self.hw[i].users = self.hw[i].users.saturating_sub(1);
            if self.hw[i].users == 0 {
                self.hw.remove(i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_map_to_their_ethernet_addresses() {
        assert_eq!(map4(Ipv4Addr::new(224, 0, 0, 106)), Mac([1, 0, 0x5e, 0, 0, 0x6a]));
        assert_eq!(map4(Ipv4Addr::new(239, 200, 1, 2)), Mac([1, 0, 0x5e, 0x48, 1, 2]));
        assert_eq!(map6(ALL_NODES), Some(Mac([0x33, 0x33, 0, 0, 0, 1])));
        assert_eq!(map6(ALL_ROUTERS_SITE), Some(Mac([0x33, 0x33, 0, 0, 0, 2])));
        assert_eq!(map6(ALL_NODES_IF), None);
    }

    #[test]
    fn hardware_entries_count_their_users() {
        let mut l = McLists::default();
        let m = Mac([0x33, 0x33, 0, 0, 0, 2]);
        l.hw_inc(m);
        l.hw_inc(m);
        l.hw_dec(m);
        assert_eq!(l.hw, [HwAddr { mac: m, users: 1, global: false }]);
        l.hw_dec(m);
        assert!(l.hw.is_empty());
    }
}
