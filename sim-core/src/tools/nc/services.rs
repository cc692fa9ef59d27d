//! The /etc/services entries nc reads (Debian 12's `netbase`), for the
//! ports the recordings and the lessons use: `getservbyport()` names the
//! service in `Connection to … succeeded!`, and a port operand may be a
//! service's name or alias. A small table rather than the whole file:
//! nothing else of it is ever printed.

/// (port, UDP?, name, alias).
const SERVICES: &[(u16, bool, &str, &str)] = &[
    (21, false, "ftp", ""),
    (22, false, "ssh", ""),
    (23, false, "telnet", ""),
    (25, false, "smtp", "mail"),
    (53, false, "domain", ""),
    (53, true, "domain", ""),
    (67, true, "bootps", ""),
    (68, true, "bootpc", ""),
    (69, true, "tftp", ""),
    (80, false, "http", "www"),
    (123, true, "ntp", ""),
    (443, false, "https", ""),
    (443, true, "https", ""),
    (2000, false, "cisco-sccp", ""),
    (3306, false, "mysql", ""),
    (5353, true, "mdns", ""),
    (5432, false, "postgresql", "postgres"),
    (6379, false, "redis", ""),
    (8080, false, "http-alt", "webcache"),
    (8081, false, "tproxy", ""),
];

/// `getservbyport(port, "tcp"|"udp")`'s name.
pub fn name(port: u16, udp: bool) -> Option<&'static str> {
    SERVICES.iter().find(|s| s.0 == port && s.1 == udp).map(|s| s.2)
}

/// A service's port by name or alias (either protocol).
pub fn port_of(word: &str) -> Option<u16> {
    SERVICES.iter().find(|s| !word.is_empty() && (s.2 == word || s.3 == word)).map(|s| s.0)
}
