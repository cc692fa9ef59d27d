//! The names grammar.y's actions look up: keywords that are never an id,
//! and the services `port NAME` knows.

use crate::tools::tcpdump::filter::Proto;

/// Services named in the recordings and their neighbours a lesson may
/// use, as Debian 12's /etc/services has them: the protocol a name is
/// listed for (`None`: both) is the one `port NAME` matches, as
/// pcap_nametoport finds it.
pub(in crate::tools::tcpdump) const SERVICES: &[(&str, u16, Option<Proto>)] = &[
    ("ftp", 21, Some(Proto::Tcp)),
    ("ssh", 22, Some(Proto::Tcp)),
    ("telnet", 23, Some(Proto::Tcp)),
    ("smtp", 25, Some(Proto::Tcp)),
    ("domain", 53, None),
    ("tftp", 69, Some(Proto::Udp)),
    ("http", 80, Some(Proto::Tcp)),
    ("ntp", 123, Some(Proto::Udp)),
    ("https", 443, None),
    ("mdns", 5353, Some(Proto::Udp)),
    ("http-alt", 8080, Some(Proto::Tcp)),
];

/// scanner.l's keywords: never an id (`tcp or or udp` is a syntax error).
pub(super) const KEYWORDS: &[&str] = &[
    "and",
    "or",
    "not",
    "host",
    "net",
    "port",
    "portrange",
    "proto",
    "src",
    "dst",
    "mask",
    "len",
    "greater",
    "less",
    "broadcast",
    "multicast",
    "gateway",
];
