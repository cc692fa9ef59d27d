//! Rules as text to type back in: `iptables -S` and `iptables-save` (the
//! `save` callbacks of each extension), and the save file's frame.

use std::fmt::Write;

use super::names;
use crate::netlink::netfilter::{
    AddrMatch, Chain, IcmpType, IfMatch, Match, MultiportDir, NatRange, PortMatch, PortRange, Rule, Table, TableId,
    Target,
};

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

fn addr(flag: &str, m: &Option<AddrMatch>) -> String {
    m.map_or(String::new(), |a| format!("{} {flag} {}/{}", bang(a.invert), a.net, a.prefix))
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

/// `ADDR[-ADDR][:PORT[-PORT]]`.
pub fn nat_range(n: &NatRange) -> String {
    let mut s = match n.addrs {
        Some((a, b)) if a == b => a.to_string(),
        Some((a, b)) => format!("{a}-{b}"),
        None => String::new(),
    };
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
            if let Some(f) = t.flags {
                s += &format!(
                    "{} --tcp-flags {} {}",
                    bang(f.invert),
                    names::tcp_flags_text(f.mask),
                    names::tcp_flags_text(f.comp)
                );
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
        Match::State(s) => format!(" -m state{} --state {}", bang(s.invert), names::states_text(s.states)),
        Match::Conntrack(s) => format!(" -m conntrack{} --ctstate {}", bang(s.invert), names::states_text(s.states)),
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
    }
}

/// libxt_physdev's order, shared by `-S` and `-L`.
pub fn physdev_text(p: &crate::netlink::netfilter::PhysdevMatch) -> String {
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
        Target::Reject(r) => format!(" --reject-with {}", names::reject_name(*r)),
        Target::Log(l) => {
            let mut s = String::new();
            if let Some(p) = &l.prefix {
                s += " --log-prefix";
                s += &quoted(p);
            }
            if l.level != 4 {
                s += &format!(" --log-level {}", l.level);
            }
            for (bit, name) in [
                (0x01, "tcp-sequence"),
                (0x02, "tcp-options"),
                (0x04, "ip-options"),
                (0x08, "uid"),
                (0x20, "macdecode"),
            ] {
                if l.flags & bit != 0 {
                    s += &format!(" --log-{name}");
                }
            }
            s
        }
        Target::Snat(n) => format!(" --to-source {}", nat_range(n)),
        Target::Dnat(n) => format!(" --to-destination {}", nat_range(n)),
        Target::Masquerade(Some(p)) => format!(" --to-ports {}", range(*p, '-')),
        _ => String::new(),
    };
    format!(" -j {}{opts}", t.name())
}

/// One `-A` line; `counters` puts `-c PKTS BYTES` before `-j` (`-S -v`).
pub fn rule_text(chain: &str, r: &Rule, counters: bool) -> String {
    let mut s = format!("-A {chain}");
    s += &addr("-s", &r.src);
    s += &addr("-d", &r.dst);
    s += &iface("-i", &r.iif);
    s += &iface("-o", &r.oif);
    if let Some(p) = r.proto {
        let name = names::proto_name(p.proto).map_or_else(|| p.proto.to_string(), str::to_string);
        s += &format!("{} -p {name}", bang(p.invert));
    }
    for m in &r.matches {
        s += &match_text(m);
    }
    if counters {
        s += &format!(" -c {} {}", r.counters.pkts, r.counters.bytes);
    }
    s += &target_text(&r.target);
    s
}

/// The chains `-L`, `-S` and iptables-save show: every built-in chain of
/// the table (one not made yet shows as empty, ACCEPT), then user chains.
pub fn shown_chains(id: TableId, t: Option<&Table>) -> Vec<Chain> {
    let mut out: Vec<Chain> = id
        .hooks()
        .iter()
        .map(|h| t.and_then(|t| t.builtin(*h)).cloned().unwrap_or_else(|| Chain::builtin(*h)))
        .collect();
    if let Some(t) = t {
        out.extend(t.chains.iter().filter(|c| !c.is_builtin()).cloned());
    }
    out
}

/// `iptables -S [-v]`: policies (or `-N`), then the rules.
pub fn list_rules(chains: &[Chain], verbose: bool) -> String {
    let mut s = String::new();
    for c in chains {
        if c.is_builtin() {
            let _ = write!(s, "-P {} {}", c.name, c.policy.name());
            if verbose {
                let _ = write!(s, " -c {} {}", c.policy_counters.pkts, c.policy_counters.bytes);
            }
            s.push('\n');
        } else {
            let _ = writeln!(s, "-N {}", c.name);
        }
    }
    for c in chains {
        for r in &c.rules {
            s += &rule_text(&c.name, r, verbose);
            s.push('\n');
        }
    }
    s
}

/// The warning before a table that has a renamed base chain.
pub fn incompatible(id: TableId, t: Option<&Table>) -> String {
    match t.is_some_and(|t| t.chains.iter().any(Chain::is_renamed_base)) {
        true => format!("# Table `{}' contains incompatible base-chains, use 'nft' tool to list them.\n", id.name()),
        false => String::new(),
    }
}

/// One table as iptables-save writes it; `date` is ctime's text.
pub fn save_table(id: TableId, t: Option<&Table>, counters: bool, date: &str) -> String {
    let chains = shown_chains(id, t);
    let mut s = incompatible(id, t);
    s += &format!("# Generated by iptables-save v1.8.9 (nf_tables) on {date}\n*{}\n", id.name());
    for c in &chains {
        let policy = if c.is_builtin() { c.policy.name() } else { "-" };
        let _ = writeln!(s, ":{} {policy} [{}:{}]", c.name, c.policy_counters.pkts, c.policy_counters.bytes);
    }
    for c in &chains {
        for r in &c.rules {
            if counters {
                let _ = write!(s, "[{}:{}] ", r.counters.pkts, r.counters.bytes);
            }
            s += &rule_text(&c.name, r, false);
            s.push('\n');
        }
    }
    let _ = writeln!(s, "COMMIT\n# Completed on {date}");
    s
}

/// The lab's virtual clock starts at this Unix time (the recordings' day);
/// only iptables-save prints wall-clock dates.
pub const EPOCH_BASE: u64 = 1_796_565_600;

/// `ctime()` without the newline: `Sun Dec  6 14:07:23 2026` (UTC).
pub fn ctime(unix: u64) -> String {
    let days = unix / 86_400;
    let secs = unix % 86_400;
    let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][(days % 7) as usize];
    // Howard Hinnant's civil_from_days.
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let mon =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][(month - 1) as usize];
    format!("{weekday} {mon} {day:2} {:02}:{:02}:{:02} {year}", secs / 3600, secs / 60 % 60, secs % 60)
}
