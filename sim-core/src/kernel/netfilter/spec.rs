//! A rule as iptables-nft writes it back (`iptables -S`, iptables-save,
//! and the Packet path trace): the `save` callbacks of each extension, in
//! the order iptables-nft prints a rule. Only the names a saved rule needs
//! are here; `tools/iptables` has the rest (services, ICMP names).

use super::rule::{
    AddrMatch, IcmpType, IfMatch, Match, MultiportDir, NatRange, PhysdevMatch, PortMatch, PortRange, RejectWith, Rule,
    Target,
};
use super::table::Family;
use super::CtStates;

/// /etc/protocols names iptables resolves, by number.
pub const PROTOCOLS: &[(u8, &str)] = &[
    (1, "icmp"),
    (2, "igmp"),
    (6, "tcp"),
    (17, "udp"),
    (47, "gre"),
    (50, "esp"),
    (51, "ah"),
    (58, "ipv6-icmp"),
    (132, "sctp"),
];

/// The prot column and `-p` in `-S`: a name where /etc/protocols has one.
/// LOG's flag bits and their names (`--log-NAME` in a rule, `NAME` in a
/// listing), in the order iptables prints them.
pub const LOG_FLAGS: [(u8, &str); 5] =
    [(0x01, "tcp-sequence"), (0x02, "tcp-options"), (0x04, "ip-options"), (0x08, "uid"), (0x20, "macdecode")];

pub fn proto_name(p: u8) -> Option<&'static str> {
    match p {
        0 => Some("all"),
        _ => PROTOCOLS.iter().find(|(n, _)| *n == p).map(|(_, s)| *s),
    }
}

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

/// libip6t_REJECT's `reject_table`: ip6tables' spellings.
const REJECT6: &[(&str, &str, RejectWith)] = &[
    ("icmp6-no-route", "no-route", RejectWith::Icmp6NoRoute),
    ("icmp6-adm-prohibited", "adm-prohibited", RejectWith::Icmp6AdmProhibited),
    ("icmp6-addr-unreachable", "addr-unreach", RejectWith::Icmp6AddrUnreachable),
    ("icmp6-port-unreachable", "port-unreach", RejectWith::Icmp6PortUnreachable),
    ("tcp-reset", "tcp-reset", RejectWith::TcpReset),
    ("icmp6-policy-fail", "policy-fail", RejectWith::Icmp6PolicyFail),
    ("icmp6-reject-route", "reject-route", RejectWith::Icmp6RejectRoute),
];

/// `--reject-with NAME` of iptables or ip6tables, by `family`.
pub fn parse_reject(s: &str, family: Family) -> Option<RejectWith> {
    let table = if family == Family::Ipv6 { REJECT6 } else { REJECT };
    table.iter().find(|(a, b, _)| *a == s || *b == s).map(|(_, _, r)| *r)
}

pub fn reject_name(r: RejectWith) -> &'static str {
    REJECT.iter().chain(REJECT6).find(|(_, _, x)| *x == r).map_or("", |(a, _, _)| a)
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

fn bang(invert: bool) -> &'static str {
    if invert {
        " !"
    } else {
        ""
    }
}

/// `xtables_save_string()`: quoted unless only `[A-Za-z0-9_-]`.
pub fn quoted(s: &str) -> String {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') {
        return format!(" {s}");
    }
    let mut out = String::from(" \"");
    for c in s.chars() {
        if matches!(c, '"' | '\\' | '\'') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// A mask as iptables writes it: a prefix length, else dotted (IPv6: an
/// address, `ffff:0:ffff::`).
pub fn mask_text(a: &AddrMatch) -> String {
    a.prefix_len().map_or_else(|| a.mask.to_string(), |l| l.to_string())
}

fn addr(flag: &str, m: &Option<AddrMatch>) -> String {
    m.map_or(String::new(), |a| format!("{} {flag} {}/{}", bang(a.invert), a.net, mask_text(&a)))
}

fn iface(flag: &str, m: &Option<IfMatch>) -> String {
    m.as_ref().map_or(String::new(), |i| format!("{} {flag} {}", bang(i.invert), i.name))
}

pub fn range(r: PortRange, sep: char) -> String {
    if r.min == r.max {
        r.min.to_string()
    } else {
        format!("{}{sep}{}", r.min, r.max)
    }
}

fn ports(flag: &str, m: &Option<PortMatch>) -> String {
    m.map_or(String::new(), |p| format!("{} --{flag} {}", bang(p.invert), range(p.range, ':')))
}

/// `--random`/`--persistent` as saved (`" --"`) or listed (`" "`).
pub fn nat_flags(n: &NatRange, lead: &str) -> String {
    let mut s = String::new();
    if n.random {
        s += &format!("{lead}random");
    }
    if n.persistent {
        s += &format!("{lead}persistent");
    }
    s
}

/// `ADDR[-ADDR][:PORT[-PORT]]`; IPv6 addresses in brackets before a
/// port (libxt_NAT's `__NAT_print()`).
pub fn nat_range(n: &NatRange) -> String {
    let mut s = match n.addrs {
        Some((a, b)) if a == b => a.to_string(),
        Some((a, b)) => format!("{a}-{b}"),
        None => String::new(),
    };
    if n.ports.is_some() && n.addrs.is_some_and(|(a, _)| a.is_ipv6()) {
        s = format!("[{s}]");
    }
    if let Some(p) = n.ports {
        s += &format!(":{}", range(p, '-'));
    }
    s
}

fn match_text(m: &Match) -> String {
    match m {
        Match::Tcp(t) | Match::Udp(t) => {
            let mut s = format!(" -m {}", if matches!(m, Match::Tcp(_)) { "tcp" } else { "udp" });
            s += &ports("sport", &t.sport);
            s += &ports("dport", &t.dport);
            if let Some((n, invert)) = t.option {
                s += &format!("{} --tcp-option {n}", bang(invert));
            }
            if let Some(f) = t.flags {
                s += &format!("{} --tcp-flags {} {}", bang(f.invert), tcp_flags_text(f.mask), tcp_flags_text(f.comp));
            }
            s
        }
        Match::Icmp(i) => {
            let t = match i.typ {
                IcmpType::Any => "any".to_string(),
                IcmpType::Type { typ, code_min, code_max } if code_min == code_max => format!("{typ}/{code_min}"),
                IcmpType::Type { typ, .. } => typ.to_string(),
            };
            format!(" -m icmp{} --icmp-type {t}", bang(i.invert))
        }
        // libip6t_icmp6's save: the type, `/CODE` unless all codes.
        Match::Icmp6(i) => {
            let t = match i.typ {
                IcmpType::Type { typ, code_min, code_max } if code_min != 0 || code_max != 0xFF => {
                    format!("{typ}/{code_min}")
                }
                IcmpType::Type { typ, .. } => typ.to_string(),
                IcmpType::Any => "any".to_string(),
            };
            format!(" -m icmp6{} --icmpv6-type {t}", bang(i.invert))
        }
        Match::State(s) => format!(" -m state{} --state {}", bang(s.invert), states_text(s.states)),
        Match::Conntrack(s) => format!(" -m conntrack{} --ctstate {}", bang(s.invert), states_text(s.states)),
        Match::Multiport(mp) => {
            let flag = match mp.dir {
                MultiportDir::Source => "sports",
                MultiportDir::Destination => "dports",
                MultiportDir::Either => "ports",
            };
            let list: Vec<String> = mp.ports.iter().map(|r| range(*r, ':')).collect();
            format!(" -m multiport{} --{flag} {}", bang(mp.invert), list.join(","))
        }
        Match::Comment(c) => format!(" -m comment --comment{}", quoted(c)),
        Match::Physdev(p) => format!(" -m physdev{}", physdev_text(p)),
        Match::IpRange(m) => {
            let mut s = " -m iprange".to_string();
            for (flag, r) in [("src", m.src), ("dst", m.dst)] {
                if let Some(r) = r {
                    s += &format!("{} --{flag}-range {}-{}", bang(r.invert), r.min, r.max);
                }
            }
            s
        }
        Match::Limit(l) => {
            let burst = if l.burst == 5 { String::new() } else { format!(" --limit-burst {}", l.burst) };
            format!(" -m limit --limit {}{burst}", limit_rate(l.avg))
        }
    }
}

/// libxt_limit's `print_rate()`: the largest unit that divides evenly
/// enough (`5/min`, `3/hour`, `100/sec`).
pub fn limit_rate(avg: u32) -> String {
    const RATES: [(&str, u32); 4] =
        [("day", 10_000 * 86_400), ("hour", 10_000 * 3600), ("min", 10_000 * 60), ("sec", 10_000)];
    let avg = avg.max(1);
    let mut i = 1;
    while i < RATES.len() && !(avg > RATES[i].1 || RATES[i].1 / avg < RATES[i].1 % avg) {
        i += 1;
    }
    let (name, mult) = RATES[i - 1];
    format!("{}/{name}", mult / avg)
}

/// libxt_physdev's order, shared by `-S` and `-L`.
pub fn physdev_text(p: &PhysdevMatch) -> String {
    let mut s = String::new();
    if let Some(inv) = p.is_in {
        s += &format!("{} --physdev-is-in", bang(inv));
    }
    if let Some(i) = &p.physin {
        s += &format!("{} --physdev-in {}", bang(i.invert), i.name);
    }
    if let Some(inv) = p.is_out {
        s += &format!("{} --physdev-is-out", bang(inv));
    }
    if let Some(i) = &p.physout {
        s += &format!("{} --physdev-out {}", bang(i.invert), i.name);
    }
    if let Some(inv) = p.is_bridged {
        s += &format!("{} --physdev-is-bridged", bang(inv));
    }
    s
}

fn target_text(t: &Target) -> String {
    let opts = match t {
        Target::None => return String::new(),
        Target::Reject(r) => format!(" --reject-with {}", reject_name(*r)),
        Target::Log(l) => {
            let mut s = String::new();
            if let Some(p) = &l.prefix {
                s += " --log-prefix";
                s += &quoted(p);
            }
            if l.level != 4 {
                s += &format!(" --log-level {}", l.level);
            }
            for (bit, name) in LOG_FLAGS {
                if l.flags & bit != 0 {
                    s += &format!(" --log-{name}");
                }
            }
            s
        }
        Target::Snat(n) => format!(" --to-source {}{}", nat_range(n), nat_flags(n, " --")),
        Target::Dnat(n) => format!(" --to-destination {}{}", nat_range(n), nat_flags(n, " --")),
        Target::Masquerade(m) => {
            let ports = m.ports.map_or(String::new(), |p| format!(" --to-ports {}", range(p, '-')));
            format!("{ports}{}", if m.random { " --random" } else { "" })
        }
        _ => String::new(),
    };
    format!(" -j {}{opts}", t.name())
}

impl Rule {
    /// The rule as `iptables -S` prints it after `-A CHAIN`, e.g.
    /// `-s 10.1.0.2/32 -d 10.2.0.2/32 -j DROP` (empty for a bare rule).
    pub fn spec(&self) -> String {
        self.spec_text(false).trim_start().to_string()
    }

    /// The same with a leading space, and `-c PKTS BYTES` before `-j`
    /// when `counters` (`iptables -S -v`).
    pub fn spec_text(&self, counters: bool) -> String {
        let r = self;
        let mut s = String::new();
        s += &addr("-s", &r.src);
        s += &addr("-d", &r.dst);
        s += &iface("-i", &r.iif);
        s += &iface("-o", &r.oif);
        if let Some(p) = r.proto {
            let name = proto_name(p.proto).map_or_else(|| p.proto.to_string(), str::to_string);
            s += &format!("{} -p {name}", bang(p.invert));
        }
        if let Some(invert) = r.fragment {
            s += &format!("{} -f", bang(invert));
        }
        for m in &r.matches {
            s += &match_text(m);
        }
        if counters {
            s += &format!(" -c {} {}", r.counters.pkts, r.counters.bytes);
        }
        match (&r.target, r.goto) {
            (Target::Jump(c), true) => s += &format!(" -g {c}"),
            (t, _) => s += &target_text(t),
        }
        s
    }
}
