//! print-arp.c for IPv4 over Ethernet: `ARP, Request who-has B tell A,
//! length 28`, `ARP, Reply B is-at MAC, length 28`; `-v` names the
//! hardware and protocol; `-e` drops the `ARP, ` (the link head said it).

use super::{names, PrintOpts};
use crate::netlink::sockets::{ArpOp, ArpPacket};

pub(super) fn print(out: &mut String, a: &ArpPacket, o: &PrintOpts) {
    if !o.link {
        out.push_str("ARP, ");
    }
    if o.verbose > 0 {
        out.push_str("Ethernet (len 6), IPv4 (len 4), ");
    }
    match a.op {
        ArpOp::Request => {
            out.push_str(&format!("Request who-has {}", a.target_ip));
            if a.target_mac.0 != [0; 6] {
                out.push_str(&format!(" ({})", names::mac(a.target_mac.0, o.names())));
            }
            out.push_str(&format!(" tell {}", a.sender_ip));
        }
        ArpOp::Reply => {
            out.push_str(&format!("Reply {} is-at {}", a.sender_ip, names::mac(a.sender_mac.0, o.names())));
        }
    }
    out.push_str(", length 28");
}
