//! The link layer: Ethernet's `-e` head (print-ether.c) and LINUX_SLL2's
//! columns on `any` (print-sll.c: the device left-aligned in 5, the
//! direction in 3, and with `-e` the ifindex, source MAC and ethertype).

use super::names;
use super::PrintOpts;
use crate::netlink::sockets::{Captured, EthFrame, EthPayload, PktType};
use crate::tools::tcpdump::bytes::ethertype;

/// Length of the LINUX_SLL2 header that replaces Ethernet's on `any`.
pub(super) const SLL2_HLEN: usize = 20;

fn ethertype_name(frame: &EthFrame) -> &'static str {
    match frame.payload {
        EthPayload::Arp(_) => "ARP",
        EthPayload::Ipv4(_) => "IPv4",
        #[cfg(feature = "ipv6")]
        EthPayload::Ipv6(_) => "IPv6",
    }
}

/// `SRC > DST, ethertype IPv4 (0x0800), length 98: ` (`-q`: `SRC > DST,
/// IPv4, length 98: `).
pub(super) fn ether_head(out: &mut String, frame: &EthFrame, o: &PrintOpts) {
    let n = o.names();
    out.push_str(&format!("{} > {}, ", names::mac(frame.src.0, n), names::mac(frame.dst.0, n)));
    if o.quiet {
        out.push_str(ethertype_name(frame));
    } else {
        out.push_str(&format!("ethertype {} (0x{:04x})", ethertype_name(frame), ethertype(frame)));
    }
    out.push_str(&format!(", length {}: ", frame.len()));
}

/// `sll_pkttype_values`.
fn direction(t: PktType) -> &'static str {
    match t {
        PktType::Host => "In",
        PktType::Broadcast => "B",
        PktType::Multicast => "M",
        PktType::OtherHost => "P",
        PktType::Outgoing => "Out",
    }
}

/// `va    P   ` and, with `-e`, `ifindex 3 02:00:00:00:00:01 ethertype
/// IPv4 (0x0800), length 104: ` (the cooked length: 6 more than
/// Ethernet's). The address is the frame's source.
pub(super) fn sll2_head(out: &mut String, c: &Captured, ifname: &str, o: &PrintOpts) {
    out.push_str(&format!("{ifname:<5} {:<3} ", direction(c.pkt_type)));
    if !o.link {
        return;
    }
    out.push_str(&format!("ifindex {} {} ", c.ifindex, names::mac(c.frame.src.0, o.names())));
    if !o.quiet {
        let len = c.frame.len() - crate::netlink::sockets::ETH_HLEN + SLL2_HLEN;
        out.push_str(&format!(
            "ethertype {} (0x{:04x}), length {len}: ",
            ethertype_name(&c.frame),
            ethertype(&c.frame)
        ));
    }
}

/// The LINUX_SLL2 header as bytes (`-xx`/`-XX` on `any`): protocol,
/// reserved, ifindex, ARPHRD_ETHER (ARPHRD_LOOPBACK on `lo`'s zero
/// address), packet type, address length, address padded to 8.
pub(super) fn sll2_bytes(c: &Captured) -> Vec<u8> {
    let mut b = Vec::with_capacity(SLL2_HLEN);
    b.extend_from_slice(&ethertype(&c.frame).to_be_bytes());
    b.extend_from_slice(&[0, 0]);
    b.extend_from_slice(&c.ifindex.to_be_bytes());
    let hatype: u16 = if c.frame.src.0 == [0; 6] && c.frame.dst.0 == [0; 6] { 772 } else { 1 };
    b.extend_from_slice(&hatype.to_be_bytes());
    let pkttype = match c.pkt_type {
        PktType::Host => 0,
        PktType::Broadcast => 1,
        PktType::Multicast => 2,
        PktType::OtherHost => 3,
        PktType::Outgoing => 4,
    };
    b.extend_from_slice(&[pkttype, 6]);
    b.extend_from_slice(&c.frame.src.0);
    b.extend_from_slice(&[0, 0]);
    b
}
