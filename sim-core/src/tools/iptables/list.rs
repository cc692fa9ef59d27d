//! `iptables -S` and `iptables -L [-n] [-v] [--line-numbers]` output.

use crate::netlink::netfilter::{AddrMatch, Hook as Chain, IfMatch, NatRange, Rule, Table, Target};

/// Listing switches.
#[derive(Clone, Copy, Debug, Default)]
pub struct Format {
    pub numeric: bool,
    pub verbose: bool,
    pub line_numbers: bool,
}

fn proto_name(p: u8) -> String {
    match p {
        0 => "all".into(),
        1 => "icmp".into(),
        6 => "tcp".into(),
        17 => "udp".into(),
        n => n.to_string(),
    }
}

fn spec_addr(flag: &str, m: &Option<AddrMatch>) -> String {
    match m {
        Some(a) => format!("{} {flag} {}/{}", if a.invert { " !" } else { "" }, a.net, a.prefix),
        None => String::new(),
    }
}

fn spec_if(flag: &str, m: &Option<IfMatch>) -> String {
    match m {
        Some(i) => format!("{} {flag} {}", if i.invert { " !" } else { "" }, i.name),
        None => String::new(),
    }
}

fn target_opts(t: &Target) -> String {
    match t {
        Target::Snat(NatRange { addrs: Some((a, _)), .. }) => format!(" --to-source {a}"),
        Target::Dnat(NatRange { addrs: Some((a, _)), .. }) => format!(" --to-destination {a}"),
        _ => String::new(),
    }
}

/// One `-A` line.
fn rule_spec(chain: Chain, r: &Rule) -> String {
    let mut s = format!("-A {}", chain.name());
    s += &spec_addr("-s", &r.src);
    s += &spec_addr("-d", &r.dst);
    s += &spec_if("-i", &r.iif);
    s += &spec_if("-o", &r.oif);
    if let Some(p) = r.proto {
        s += &format!("{} -p {}", if p.invert { " !" } else { "" }, proto_name(p.proto));
    }
    if r.target != Target::None {
        s += &format!(" -j {}{}", r.target.name(), target_opts(&r.target));
    }
    s
}

/// `iptables -S`: policies, then rules.
pub fn rules(t: &Table, chains: &[Chain]) -> String {
    let mut s = String::new();
    for c in chains {
        s += &format!("-P {} ACCEPT\n", c.name());
    }
    for c in chains {
        if let Some(cr) = t.builtin(*c) {
            for r in &cr.rules {
                s += &rule_spec(*c, r);
                s.push('\n');
            }
        }
    }
    s
}

/// `xtables_print_num()` with K/M/G scaling.
fn num(n: u64) -> String {
    if n <= 99_999 {
        return format!("{n:5} ");
    }
    let mut n = n;
    for unit in ["K", "M", "G", "T"] {
        n = (n + 500) / 1000;
        if n <= 9999 {
            return format!("{n:4}{unit} ");
        }
    }
    format!("{n}T ")
}

fn addr_col(m: &Option<AddrMatch>, numeric: bool) -> String {
    let inv = if m.is_some_and(|a| a.invert) { '!' } else { ' ' };
    let text = match m {
        None | Some(AddrMatch { prefix: 0, .. }) if !numeric => "anywhere".to_string(),
        None => "0.0.0.0/0".to_string(),
        Some(a) if a.prefix == 32 => a.net.to_string(),
        Some(a) => format!("{}/{}", a.net, a.prefix),
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

fn rule_line(r: &Rule, n: usize, f: Format) -> String {
    let mut s = String::new();
    if f.line_numbers {
        s += &format!("{n:<4} ");
    }
    if f.verbose {
        s += &num(r.counters.pkts);
        s += &num(r.counters.bytes);
    }
    s += &format!("{:<9} ", r.target.name());
    let (p, inv) = r.proto.map_or((0, false), |p| (p.proto, p.invert));
    let pname = if f.numeric { p.to_string() } else { proto_name(p) };
    s += &format!("{}{pname:<5}", if inv { '!' } else { ' ' });
    s += "-- ";
    if f.verbose {
        s += &format!(" {:<6} ", if_col(&r.iif, f.numeric));
        s += &format!("{:<6} ", if_col(&r.oif, f.numeric));
    }
    s += &addr_col(&r.src, f.numeric);
    s += &addr_col(&r.dst, f.numeric);
    if let Target::Snat(NatRange { addrs: Some((a, _)), .. }) | Target::Dnat(NatRange { addrs: Some((a, _)), .. }) =
        &r.target
    {
        s += &format!(" to:{a}");
    }
    s.push('\n');
    s
}

/// `iptables -L`.
pub fn table(t: &Table, chains: &[Chain], f: Format) -> String {
    let mut parts = Vec::new();
    for c in chains {
        let Some(cr) = t.builtin(*c) else { continue };
        let mut s = if f.verbose {
            format!(
                "Chain {} (policy ACCEPT {} packets, {} bytes)\n",
                c.name(),
                cr.policy_counters.pkts,
                cr.policy_counters.bytes
            )
        } else {
            format!("Chain {} (policy ACCEPT)\n", c.name())
        };
        if f.line_numbers {
            s += "num  ";
        }
        if f.verbose {
            s += " pkts bytes target     prot opt in     out     source               destination         \n";
        } else {
            s += "target     prot opt source               destination         \n";
        }
        for (i, r) in cr.rules.iter().enumerate() {
            s += &rule_line(r, i + 1, f);
        }
        parts.push(s);
    }
    parts.join("\n")
}
