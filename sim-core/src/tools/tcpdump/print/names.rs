//! What tcpdump names without `-n`: ports (getservent over Debian 12's
//! /etc/services, the filter's table), MACs (`Broadcast`, or the address
//! and its OUI), IP protocols (getprotobynumber over /etc/protocols).

use crate::tools::tcpdump::filter::parse::names::SERVICES;
use crate::tools::tcpdump::filter::Proto;

/// `tcpport_string()` / `udpport_string()`: the service name listed for
/// the protocol, else the number.
/// `SRC.PORT > DST.PORT: `, the head of a TCP or UDP line.
pub(super) fn endpoints(
    p: &crate::netlink::sockets::Ipv4Packet,
    sport: u16,
    dport: u16,
    udp: bool,
    names: bool,
) -> String {
    format!("{}.{} > {}.{}: ", p.src, port(sport, udp, names), p.dst, port(dport, udp, names))
}

pub(super) fn port(p: u16, udp: bool, names: bool) -> String {
    let wanted = if udp { Proto::Udp } else { Proto::Tcp };
    SERVICES
        .iter()
        .find(|(_, n, proto)| names && *n == p && proto.is_none_or(|x| x == wanted))
        .map_or_else(|| p.to_string(), |(name, ..)| (*name).to_string())
}

/// oui.c's `oui_values` (tok2str takes the first match: 0x0080c2 is
/// "Ethernet bridged").
const OUIS: &[(u32, &str)] = &[
    (0x000000, "Ethernet"),
    (0x00000c, "Cisco"),
    (0x00005e, "IANA"),
    (0x000081, "Nortel Networks SONMP"),
    (0x0000f8, "Cisco bridged"),
    (0x0080c2, "Ethernet bridged"),
    (0x00a03e, "ATM Forum"),
    (0x00e02f, "DOCSIS Spanning Tree"),
    (0x080007, "Appletalk"),
    (0x009069, "Juniper"),
    (0x080009, "Hewlett-Packard"),
    (0x00120f, "IEEE 802.3 Private"),
    (0x0012bb, "ANSI/TIA"),
    (0x001b21, "DCBX"),
    (0x002320, "Nicira Networks"),
    (0x5c16c7, "Big Switch Networks"),
    (0xb0d2f5, "Vello Systems"),
    (0x002481, "HP"),
    (0x0004ea, "HP-Labs"),
    (0x748771, "Infoblox Inc"),
    (0xa42305, "Open Networking Lab"),
    (0x00049f, "Freescale"),
    (0x0015ad, "Netronome"),
    (0x001018, "Broadcom"),
    (0x00e004, "PMC-Sierra"),
    (0xd0f0db, "Ericsson"),
];

/// `etheraddr_string()`: `Broadcast`, else the address and, without
/// `-n`, its OUI's name from tcpdump's table (`oui Unknown` for the
/// locally administered addresses labs use; `oui Ethernet` for lo's
/// zeros).
pub(super) fn mac(m: [u8; 6], names: bool) -> String {
    let text = format!("{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}", m[0], m[1], m[2], m[3], m[4], m[5]);
    if !names {
        return text;
    }
    if m == [0xff; 6] {
        return "Broadcast".into();
    }
    let key = u32::from(m[0]) << 16 | u32::from(m[1]) << 8 | u32::from(m[2]);
    let oui = OUIS.iter().find(|(k, _)| *k == key).map_or("Unknown", |(_, name)| name);
    format!("{text} (oui {oui})")
}

/// `netdb_protoname()`: /etc/protocols' name of an IP protocol.
pub(super) fn ip_proto(p: u8) -> Option<&'static str> {
    match p {
        1 => Some("icmp"),
        6 => Some("tcp"),
        17 => Some("udp"),
        _ => None,
    }
}

/// `ipproto_values`: `-v`'s `proto ICMP (1)`.
pub(super) fn ip_proto_caps(p: u8) -> &'static str {
    match p {
        1 => "ICMP",
        6 => "TCP",
        17 => "UDP",
        _ => "unknown",
    }
}
