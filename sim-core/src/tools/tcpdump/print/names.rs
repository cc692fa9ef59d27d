//! What tcpdump names without `-n`: ports (getservent over Debian 12's
//! /etc/services, the filter's table), MACs (`Broadcast`, or the address
//! and its OUI), IP protocols (getprotobynumber over /etc/protocols).

use crate::tools::tcpdump::filter::parse::names::SERVICES;
use crate::tools::tcpdump::filter::Proto;

/// `tcpport_string()` / `udpport_string()`: the service name listed for
/// the protocol, else the number.
pub(super) fn port(p: u16, udp: bool, names: bool) -> String {
    let wanted = if udp { Proto::Udp } else { Proto::Tcp };
    SERVICES
        .iter()
        .find(|(_, n, proto)| names && *n == p && proto.is_none_or(|x| x == wanted))
        .map_or_else(|| p.to_string(), |(name, ..)| (*name).to_string())
}

/// `etheraddr_string()`: `Broadcast`, else the address and, without
/// `-n`, its OUI's name from tcpdump's table (`oui Unknown` for the
/// locally administered addresses labs use).
pub(super) fn mac(m: [u8; 6], names: bool) -> String {
    let text = format!("{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}", m[0], m[1], m[2], m[3], m[4], m[5]);
    if !names {
        return text;
    }
    if m == [0xff; 6] {
        return "Broadcast".into();
    }
    // oui.c's `{ 0x000000, "Ethernet" }`: lo's all-zero addresses.
    let oui = if m[..3] == [0, 0, 0] { "Ethernet" } else { "Unknown" };
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
