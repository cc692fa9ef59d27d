//! The names iptables reads and prints: protocols (/etc/protocols), ports
//! (/etc/services: only the ports the recordings show, in a small sorted
//! table), ICMP types, reject types, log levels and conntrack states.

use crate::netlink::netfilter::spec::PROTOCOLS;
pub use crate::netlink::netfilter::spec::{
    parse_reject, parse_states, proto_name, reject_name, states_text, tcp_flags_text, TCP_FLAGS,
};

/// `-p NAME|NUMBER` (case-insensitive names; `all` is 0; `icmpv6`, from
/// libxtables' `xtables_chain_protos`, is 58 as /etc/protocols'
/// `ipv6-icmp` is).
pub fn parse_proto(s: &str) -> Option<u8> {
    let s = s.to_ascii_lowercase();
    match s.as_str() {
        "all" => return Some(0),
        "icmpv6" => return Some(58),
        _ => {}
    }
    if let Ok(n) = s.parse::<u8>() {
        return Some(n);
    }
    PROTOCOLS.iter().find(|(_, n)| *n == s).map(|(p, _)| *p)
}

/// Debian's /etc/hosts and /etc/networks, which `-L` without `-n` reads
/// back and `-s NAME` resolves: (address, name), hosts first.
const HOSTS: &[([u8; 4], &str)] = &[([127, 0, 0, 1], "localhost")];
const NETWORKS: &[([u8; 4], &str)] =
    &[([0, 0, 0, 0], "default"), ([127, 0, 0, 0], "loopback"), ([169, 254, 0, 0], "link-local")];

/// `xtables_ipaddr_to_anyname()`: a host name, else a network name.
pub fn addr_name(a: std::net::Ipv4Addr) -> Option<&'static str> {
    HOSTS.iter().chain(NETWORKS).find(|(x, _)| *x == a.octets()).map(|(_, n)| *n)
}

/// `-s NAME`: a host, else a network, by name.
pub fn resolve(name: &str) -> Option<std::net::Ipv4Addr> {
    HOSTS.iter().chain(NETWORKS).find(|(_, n)| *n == name).map(|(a, _)| std::net::Ipv4Addr::from(*a))
}

/// /etc/services entries for the ports the recordings list (same name for
/// tcp and udp), sorted by port.
const SERVICES: &[(u16, &str)] = &[
    (1, "tcpmux"),
    (22, "ssh"),
    (23, "telnet"),
    (53, "domain"),
    (67, "bootps"),
    (68, "bootpc"),
    (80, "http"),
    (443, "https"),
    (2000, "cisco-sccp"),
    (5353, "mdns"),
    (8080, "http-alt"),
    (8081, "tproxy"),
];

pub fn service_name(port: u16) -> Option<&'static str> {
    SERVICES.binary_search_by_key(&port, |(p, _)| *p).ok().map(|i| SERVICES[i].1)
}

pub fn service_port(name: &str) -> Option<u16> {
    SERVICES.iter().find(|(_, n)| *n == name).map(|(p, _)| *p)
}

/// A port as `-L` prints it: the service name unless `-n`.
pub fn port(p: u16, numeric: bool) -> String {
    match service_name(p) {
        Some(n) if !numeric => n.to_string(),
        _ => p.to_string(),
    }
}

/// libxt_icmp's table: name, type, code range.
pub const ICMP_TYPES: &[(&str, u8, u8, u8)] = &[
    ("any", 0xFF, 0, 0xFF),
    ("echo-reply", 0, 0, 0xFF),
    ("destination-unreachable", 3, 0, 0xFF),
    ("network-unreachable", 3, 0, 0),
    ("host-unreachable", 3, 1, 1),
    ("protocol-unreachable", 3, 2, 2),
    ("port-unreachable", 3, 3, 3),
    ("fragmentation-needed", 3, 4, 4),
    ("source-route-failed", 3, 5, 5),
    ("network-unknown", 3, 6, 6),
    ("host-unknown", 3, 7, 7),
    ("network-prohibited", 3, 9, 9),
    ("host-prohibited", 3, 10, 10),
    ("TOS-network-unreachable", 3, 11, 11),
    ("TOS-host-unreachable", 3, 12, 12),
    ("communication-prohibited", 3, 13, 13),
    ("host-precedence-violation", 3, 14, 14),
    ("precedence-cutoff", 3, 15, 15),
    ("source-quench", 4, 0, 0xFF),
    ("redirect", 5, 0, 0xFF),
    ("network-redirect", 5, 0, 0),
    ("host-redirect", 5, 1, 1),
    ("TOS-network-redirect", 5, 2, 2),
    ("TOS-host-redirect", 5, 3, 3),
    ("echo-request", 8, 0, 0xFF),
    ("router-advertisement", 9, 0, 0xFF),
    ("router-solicitation", 10, 0, 0xFF),
    ("time-exceeded", 11, 0, 0xFF),
    ("ttl-zero-during-transit", 11, 0, 0),
    ("ttl-zero-during-reassembly", 11, 1, 1),
    ("parameter-problem", 12, 0, 0xFF),
    ("ip-header-bad", 12, 0, 0),
    ("required-option-missing", 12, 1, 1),
    ("timestamp-request", 13, 0, 0xFF),
    ("timestamp-reply", 14, 0, 0xFF),
    ("address-mask-request", 17, 0, 0xFF),
    ("address-mask-reply", 18, 0, 0xFF),
];

/// libip6t_icmp6's table (`icmpv6_codes`): name, type, code range; the
/// first of a type and range is the name `-L` prints.
pub const ICMP6_TYPES: &[(&str, u8, u8, u8)] = &[
    ("destination-unreachable", 1, 0, 0xFF),
    ("no-route", 1, 0, 0),
    ("communication-prohibited", 1, 1, 1),
    ("beyond-scope", 1, 2, 2),
    ("address-unreachable", 1, 3, 3),
    ("port-unreachable", 1, 4, 4),
    ("failed-policy", 1, 5, 5),
    ("reject-route", 1, 6, 6),
    ("packet-too-big", 2, 0, 0xFF),
    ("time-exceeded", 3, 0, 0xFF),
    ("ttl-exceeded", 3, 0, 0xFF),
    ("ttl-zero-during-transit", 3, 0, 0),
    ("ttl-zero-during-reassembly", 3, 1, 1),
    ("parameter-problem", 4, 0, 0xFF),
    ("bad-header", 4, 0, 0),
    ("unknown-header-type", 4, 1, 1),
    ("unknown-option", 4, 2, 2),
    ("echo-request", 128, 0, 0xFF),
    ("ping", 128, 0, 0xFF),
    ("echo-reply", 129, 0, 0xFF),
    ("pong", 129, 0, 0xFF),
    ("router-solicitation", 133, 0, 0xFF),
    ("router-advertisement", 134, 0, 0xFF),
    ("neighbour-solicitation", 135, 0, 0xFF),
    ("neighbor-solicitation", 135, 0, 0xFF),
    ("neighbour-advertisement", 136, 0, 0xFF),
    ("neighbor-advertisement", 136, 0, 0xFF),
    ("redirect", 137, 0, 0xFF),
];

/// `--log-level` names libipt_LOG accepts.
const LOG_LEVELS_IN: &[(&str, u8)] = &[
    ("alert", 1),
    ("crit", 2),
    ("debug", 7),
    ("emerg", 0),
    ("error", 3),
    ("info", 6),
    ("notice", 5),
    ("panic", 0),
    ("warning", 4),
];

pub fn parse_log_level(s: &str) -> Option<u8> {
    match s.parse::<u8>() {
        Ok(n) => (n <= 7).then_some(n),
        Err(_) => LOG_LEVELS_IN.iter().find(|(n, _)| *n == s).map(|(_, l)| *l),
    }
}

/// The level `-L` prints without `-n` (iptables-nft reads nft's log
/// statement back, so nft's names: level 4 is `warn`).
pub fn log_level_name(l: u8) -> &'static str {
    ["emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"].get(l as usize).copied().unwrap_or("")
}

/// Names that are targets (standard verdicts and target extensions), which
/// a chain may not be called.
pub fn is_target_name(s: &str) -> bool {
    const TARGETS: &[&str] = &[
        "",
        "ACCEPT",
        "AUDIT",
        "CHECKSUM",
        "CLASSIFY",
        "CONNMARK",
        "CONNSECMARK",
        "CT",
        "DNAT",
        "DROP",
        "DSCP",
        "ECN",
        "HMARK",
        "IDLETIMER",
        "LED",
        "LOG",
        "MARK",
        "MASQUERADE",
        "NETMAP",
        "NFLOG",
        "NFQUEUE",
        "NOTRACK",
        "QUEUE",
        "RATEEST",
        "REDIRECT",
        "REJECT",
        "RETURN",
        "SECMARK",
        "SET",
        "SNAT",
        "SYNPROXY",
        "TCPMSS",
        "TCPOPTSTRIP",
        "TEE",
        "TOS",
        "TPROXY",
        "TRACE",
        "TTL",
    ];
    TARGETS.contains(&s)
}
