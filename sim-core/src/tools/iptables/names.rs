//! The names iptables reads and prints: protocols (/etc/protocols), ports
//! (/etc/services: only the ports the recordings show, in a small sorted
//! table), ICMP types, reject types, log levels and conntrack states.

use crate::netlink::netfilter::{CtStates, RejectWith};

/// /etc/protocols names iptables resolves, by number.
const PROTOCOLS: &[(u8, &str)] =
    &[(1, "icmp"), (2, "igmp"), (6, "tcp"), (17, "udp"), (47, "gre"), (50, "esp"), (51, "ah"), (132, "sctp")];

/// `-p NAME|NUMBER` (case-insensitive names; `all` is 0).
pub fn parse_proto(s: &str) -> Option<u8> {
    let s = s.to_ascii_lowercase();
    if s == "all" {
        return Some(0);
    }
    if let Ok(n) = s.parse::<u8>() {
        return Some(n);
    }
    PROTOCOLS.iter().find(|(_, n)| *n == s).map(|(p, _)| *p)
}

/// The prot column and `-p` in `-S`: a name where /etc/protocols has one.
pub fn proto_name(p: u8) -> Option<&'static str> {
    match p {
        0 => Some("all"),
        _ => PROTOCOLS.iter().find(|(n, _)| *n == p).map(|(_, s)| *s),
    }
}

/// /etc/services entries for the ports the recordings list (same name for
/// tcp and udp), sorted by port.
const SERVICES: &[(u16, &str)] = &[
    (22, "ssh"),
    (53, "domain"),
    (67, "bootps"),
    (68, "bootpc"),
    (80, "http"),
    (443, "https"),
    (2000, "cisco-sccp"),
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

/// `--reject-with` spellings (long names first: they are what is printed).
const REJECT: &[(&str, &str, RejectWith)] = &[
    ("icmp-net-unreachable", "net-unreach", RejectWith::NetUnreachable),
    ("icmp-host-unreachable", "host-unreach", RejectWith::HostUnreachable),
    ("icmp-proto-unreachable", "proto-unreach", RejectWith::ProtoUnreachable),
    ("icmp-port-unreachable", "port-unreach", RejectWith::PortUnreachable),
    ("icmp-net-prohibited", "net-prohib", RejectWith::NetProhibited),
    ("icmp-host-prohibited", "host-prohib", RejectWith::HostProhibited),
    ("tcp-reset", "tcp-rst", RejectWith::TcpReset),
    ("icmp-admin-prohibited", "admin-prohib", RejectWith::AdminProhibited),
];

pub fn parse_reject(s: &str) -> Option<RejectWith> {
    REJECT.iter().find(|(a, b, _)| *a == s || *b == s).map(|(_, _, r)| *r)
}

pub fn reject_name(r: RejectWith) -> &'static str {
    REJECT.iter().find(|(_, _, x)| *x == r).map_or("", |(a, _, _)| a)
}

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

/// Conntrack state names, in the order listings print them.
const CT_STATES: &[(&str, u16)] = &[
    ("INVALID", CtStates::INVALID),
    ("NEW", CtStates::NEW),
    ("RELATED", CtStates::RELATED),
    ("ESTABLISHED", CtStates::ESTABLISHED),
    ("UNTRACKED", CtStates::UNTRACKED),
    ("SNAT", CtStates::SNAT),
    ("DNAT", CtStates::DNAT),
];

/// `--state`/`--ctstate A,B`: `Err(token)` for the first bad name. SNAT and
/// DNAT only with `ctstate`.
pub fn parse_states(s: &str, ct: bool) -> Result<CtStates, String> {
    let mut bits = 0;
    for tok in s.split(',') {
        match CT_STATES.iter().find(|(n, b)| *n == tok && (ct || *b < CtStates::SNAT)) {
            Some((_, b)) => bits |= b,
            None => return Err(tok.to_string()),
        }
    }
    Ok(CtStates(bits))
}

pub fn states_text(s: CtStates) -> String {
    CT_STATES.iter().filter(|(_, b)| s.has(*b)).map(|(n, _)| *n).collect::<Vec<_>>().join(",")
}

/// TCP flag names in the order `--tcp-flags` prints them.
pub const TCP_FLAGS: &[(&str, u8)] =
    &[("FIN", 0x01), ("SYN", 0x02), ("RST", 0x04), ("PSH", 0x08), ("ACK", 0x10), ("URG", 0x20)];

pub fn tcp_flags_text(bits: u8) -> String {
    if bits == 0 {
        return "NONE".into();
    }
    TCP_FLAGS.iter().filter(|(_, b)| bits & b != 0).map(|(n, _)| *n).collect::<Vec<_>>().join(",")
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
