//! `iptables -L [-n] [-v] [-x] [--line-numbers]`: the table layout of
//! iptables-nft's `print_header`/`print_firewall` and each extension's
//! `print` callback.

use super::afinfo::Afinfo;
use super::names;
use crate::netlink::netfilter::spec::{limit_rate, mask_text, nat_flags, nat_range, physdev_text, range, LOG_FLAGS};
use crate::netlink::netfilter::{
    AddrMatch, Chain, IcmpMatch, IcmpType, IfMatch, Match, MultiportDir, PortMatch, Rule, Target,
};

/// Listing switches, and the family listed.
#[derive(Clone, Copy, Debug)]
pub struct Format {
    pub af: Afinfo,
    pub numeric: bool,
    pub verbose: bool,
    pub exact: bool,
    pub line_numbers: bool,
}

/// `xtables_print_num()`: a 5-wide column with K/M/G scaling (8 wide with
/// `-x`); `table` off for the chain header's counters.
fn num(n: u64, exact: bool, table: bool) -> String {
    if exact {
        return if table { format!("{n:8} ") } else { format!("{n} ") };
    }
    if n <= 99_999 {
        return if table { format!("{n:5} ") } else { format!("{n} ") };
    }
    let mut n = n;
    for unit in ["K", "M", "G", "T"] {
        n = (n + 500) / 1000;
        if n <= 9999 {
            return if table { format!("{n:4}{unit} ") } else { format!("{n}{unit} ") };
        }
    }
    format!("{n}T ")
}

/// An address with its mask: a host alone, else `NET/LEN` or
/// `NET/MASK`; without `-n` a name where /etc/hosts or /etc/networks has
/// one (IPv4 only: the recording host names no IPv6 address).
fn addr_col(m: &Option<AddrMatch>, f: Format) -> String {
    let numeric = f.numeric;
    let inv = if m.is_some_and(|a| a.invert) { '!' } else { ' ' };
    let text = match m {
        None => if numeric { f.af.any() } else { "anywhere" }.to_string(),
        Some(a) if a.is_any() && !numeric => "anywhere".to_string(),
        Some(a) => {
            let name = match a.net {
                std::net::IpAddr::V4(v4) if !numeric => names::addr_name(v4),
                _ => None,
            };
            let name = name.map_or_else(|| a.net.to_string(), str::to_string);
            if a.prefix_len() == Some(a.host_len()) {
                name
            } else {
                format!("{name}/{}", mask_text(a))
            }
        }
    };
    format!("{inv}{text:<19} ")
}

fn if_col(m: &Option<IfMatch>, numeric: bool) -> String {
    match m {
        Some(i) => format!("{}{}", if i.invert { "!" } else { "" }, i.name),
        None if numeric => "*".into(),
        None => "any".into(),
    }
}

fn ports(name: &str, m: &Option<PortMatch>, numeric: bool) -> String {
    let Some(p) = m else { return String::new() };
    let inv = if p.invert { "!" } else { "" };
    if p.range.min == p.range.max {
        format!(" {name}:{inv}{}", names::port(p.range.min, numeric))
    } else {
        format!(" {name}s:{inv}{}:{}", names::port(p.range.min, numeric), names::port(p.range.max, numeric))
    }
}

fn match_col(m: &Match, numeric: bool) -> String {
    match m {
        Match::Tcp(t) | Match::Udp(t) => {
            let mut s = if matches!(m, Match::Tcp(_)) { " tcp" } else { " udp" }.to_string();
            s += &ports("spt", &t.sport, numeric);
            s += &ports("dpt", &t.dport, numeric);
            if let Some((n, invert)) = t.option {
                s += &format!(" option={}{n}", if invert { "!" } else { "" });
            }
            if let Some(f) = t.flags {
                s += &format!(" flags:{}", if f.invert { "!" } else { "" });
                if numeric {
                    s += &format!("0x{:02X}/0x{:02X}", f.mask, f.comp);
                } else {
                    s += &format!("{}/{}", names::tcp_flags_text(f.mask), names::tcp_flags_text(f.comp));
                }
            }
            s
        }
        Match::Icmp(i) => {
            let (typ, lo, hi) = match i.typ {
                IcmpType::Any => (0xFF, 0, 0xFF),
                IcmpType::Type { typ, code_min, code_max } => (typ, code_min, code_max),
            };
            let inv = if i.invert { "!" } else { "" };
            if !numeric {
                if let Some((name, ..)) = names::ICMP_TYPES.iter().find(|(_, t, a, b)| (*t, *a, *b) == (typ, lo, hi)) {
                    return format!(" icmp {inv}{name}");
                }
            }
            let mut s = format!(" icmp{}type {typ}", if i.invert { " !" } else { "" });
            if lo == hi {
                s += &format!(" code {lo}");
            } else if lo != 0 || hi != 0xFF {
                s += &format!(" codes {lo}-{hi}");
            }
            s
        }
        Match::Icmp6(i) => format!(" ipv6-icmp{}", icmp6_text(i, numeric)),
        Match::State(s) => format!("{} state {}", if s.invert { " !" } else { "" }, names::states_text(s.states)),
        Match::Conntrack(s) => {
            format!("{} ctstate {}", if s.invert { " !" } else { "" }, names::states_text(s.states))
        }
        Match::Multiport(mp) => {
            let dir = match mp.dir {
                MultiportDir::Source => "sports",
                MultiportDir::Destination => "dports",
                MultiportDir::Either => "ports",
            };
            let list: Vec<String> = mp
                .ports
                .iter()
                .map(|r| {
                    if r.min == r.max {
                        names::port(r.min, numeric)
                    } else {
                        format!("{}:{}", names::port(r.min, numeric), names::port(r.max, numeric))
                    }
                })
                .collect();
            format!(" multiport {dir} {}{}", if mp.invert { " !" } else { "" }, list.join(","))
        }
        Match::Comment(c) => format!(" /* {c} */"),
        Match::Physdev(p) => format!(" PHYSDEV match{}", physdev_text(p)),
        Match::IpRange(m) => {
            let mut s = String::new();
            for (what, r) in [("source", m.src), ("destination", m.dst)] {
                if let Some(r) = r {
                    s += &format!(" {what} IP range {}{}-{}", if r.invert { "! " } else { "" }, r.min, r.max);
                }
            }
            s
        }
        Match::Limit(l) => format!(" limit: avg {} burst {}", limit_rate(l.avg), l.burst),
    }
}

/// libip6t_icmp6's `print_icmpv6type()`: a name unless `-n`, else `type
/// N` (and its code or codes), glued to ` ipv6-icmp` when not inverted.
fn icmp6_text(i: &IcmpMatch, numeric: bool) -> String {
    let (typ, lo, hi) = match i.typ {
        IcmpType::Any => (0xFF, 0, 0xFF),
        IcmpType::Type { typ, code_min, code_max } => (typ, code_min, code_max),
    };
    let inv = if i.invert { "!" } else { "" };
    if !numeric {
        if let Some((name, ..)) = names::ICMP6_TYPES.iter().find(|(_, t, a, b)| (*t, *a, *b) == (typ, lo, hi)) {
            return format!(" {inv}{name}");
        }
    }
    let mut s = format!("{}type {typ}", if i.invert { " !" } else { "" });
    if lo == hi {
        s += &format!(" code {lo}");
    } else if lo != 0 || hi != 0xFF {
        s += &format!(" codes {lo}-{hi}");
    }
    s
}

fn target_col(t: &Target, numeric: bool) -> String {
    match t {
        Target::Reject(r) => format!(" reject-with {}", names::reject_name(*r)),
        Target::Log(l) => {
            let mut s = if numeric {
                format!(" LOG flags {} level {}", l.flags, l.level)
            } else {
                let mut s = format!(" LOG level {}", names::log_level_name(l.level));
                for (bit, name) in LOG_FLAGS {
                    if l.flags & bit != 0 {
                        s += &format!(" {name}");
                    }
                }
                s
            };
            if let Some(p) = &l.prefix {
                s += &format!(" prefix \"{p}\"");
            }
            s
        }
        Target::Snat(n) | Target::Dnat(n) => format!(" to:{}{}", nat_range(n), nat_flags(n, " ")),
        Target::Masquerade(m) => {
            let ports = m.ports.map_or(String::new(), |p| format!(" masq ports: {}", range(p, '-')));
            format!("{ports}{}", if m.random { " random" } else { "" })
        }
        _ => String::new(),
    }
}

/// The opt column: fragments.
fn opt_col(r: &Rule) -> &'static str {
    match r.fragment {
        None => "--",
        Some(false) => "-f",
        Some(true) => "!f",
    }
}

/// A rule as `iptables -v` prints it when adding, checking or deleting
/// it (`FMT_PRINT_RULE`: numeric, labelled, no table layout).
pub fn rule_print(r: &Rule, af: Afinfo) -> String {
    let bang = |inv: bool| if inv { "!" } else { "" };
    let (p, inv) = r.proto.map_or((0, false), |p| (p.proto, p.invert));
    let pname = names::proto_name(p).map_or_else(|| p.to_string(), str::to_string);
    let iface = |m: &Option<IfMatch>| m.as_ref().map_or("*".to_string(), |i| format!("{}{}", bang(i.invert), i.name));
    let addr = |m: &Option<AddrMatch>| match m {
        None => format!(" {}", af.any()),
        Some(a) if a.prefix_len() == Some(a.host_len()) => format!("{}{}", if a.invert { '!' } else { ' ' }, a.net),
        Some(a) => format!("{}{}/{}", if a.invert { '!' } else { ' ' }, a.net, mask_text(a)),
    };
    let src = addr(&r.src);
    let dst = addr(&r.dst);
    let mut s = format!(
        "{} {}{pname} opt {} in {} out {} {src} {}-> {}  ",
        r.target.name(),
        if inv { '!' } else { ' ' },
        opt_col(r),
        iface(&r.iif),
        iface(&r.oif),
        &dst[..1],
        &dst[1..],
    );
    if r.goto {
        s += "[goto] ";
    }
    for m in &r.matches {
        s += &match_col(m, true);
    }
    s += &target_col(&r.target, true);
    s.push('\n');
    s
}

/// One rule's line.
pub fn rule_line(r: &Rule, n: usize, f: Format) -> String {
    let mut s = String::new();
    if f.line_numbers {
        s += &format!("{n:<4} ");
    }
    if f.verbose {
        s += &num(r.counters.pkts, f.exact, true);
        s += &num(r.counters.bytes, f.exact, true);
    }
    s += &format!("{:<9} ", r.target.name());
    let (p, inv) = r.proto.map_or((0, false), |p| (p.proto, p.invert));
    let pname = match names::proto_name(p) {
        Some(name) if !f.numeric => name.to_string(),
        _ => p.to_string(),
    };
    // `%-4s `: a longer name (`ipv6-icmp`) pushes the columns right.
    s += &format!("{}{pname:<4} ", if inv { '!' } else { ' ' });
    s += opt_col(r);
    s.push(' ');
    if f.verbose {
        s += &format!(" {:<6} ", if_col(&r.iif, f.numeric));
        s += &format!("{:<6} ", if_col(&r.oif, f.numeric));
    }
    s += &addr_col(&r.src, f);
    s += &addr_col(&r.dst, f);
    if r.goto {
        s += "[goto] ";
    }
    for m in &r.matches {
        s += &match_col(m, f.numeric);
    }
    s += &target_col(&r.target, f.numeric);
    s.push('\n');
    s
}

/// A chain's header lines.
fn header(c: &Chain, refs: usize, f: Format) -> String {
    let mut s = if !c.is_builtin() {
        format!("Chain {} ({refs} references)\n", c.name)
    } else if f.verbose {
        format!(
            "Chain {} (policy {} {}packets, {}bytes)\n",
            c.name,
            c.policy.name(),
            num(c.policy_counters.pkts, f.exact, false),
            num(c.policy_counters.bytes, f.exact, false)
        )
    } else {
        format!("Chain {} (policy {})\n", c.name, c.policy.name())
    };
    if f.line_numbers {
        s += "num  ";
    }
    if f.verbose && f.exact {
        s += "    pkts      bytes ";
    } else if f.verbose {
        s += " pkts bytes ";
    }
    s += "target     prot opt ";
    if f.verbose {
        s += "in     out     ";
    }
    s += "source               destination         \n";
    s
}

/// `iptables -L`: the chains, each with its header, a blank line between.
pub fn chains(chains: &[Chain], refs: &dyn Fn(&str) -> usize, f: Format) -> String {
    let parts: Vec<String> = chains
        .iter()
        .map(|c| {
            let mut s = header(c, refs(&c.name), f);
            for (i, r) in c.rules.iter().enumerate() {
                s += &rule_line(r, i + 1, f);
            }
            s
        })
        .collect();
    parts.join("\n")
}
