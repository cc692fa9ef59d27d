//! The extensions iptables loads with `-m` and `-j`: their options, how
//! each reads its argument, and the final checks (libxt_tcp, libxt_icmp,
//! libxt_conntrack, libxt_multiport, libxt_comment, libxt_physdev,
//! libxt_limit, libxt_iprange, and ip6tables' libip6t_icmp6 here; the
//! targets in `target.rs`). Which exist depends on the family, as each
//! extension registers for one (`NFPROTO_IPV4`, `NFPROTO_IPV6`) or both.

mod target;

pub use target::{target, TargetBuilder};

use super::afinfo::Afinfo;
use super::names;
use super::parse::Arg;
use super::Fail;
use crate::netlink::netfilter::{
    AddrRange, IcmpMatch, IcmpType, IfMatch, IpRangeMatch, LimitMatch, Match, MultiportDir, MultiportMatch,
    PhysdevMatch, PortMatch, PortRange, PortsMatch, StateMatch, TcpFlags,
};

/// A match being built from its options.
#[derive(Clone)]
pub enum Builder {
    Tcp(PortsMatch),
    Udp(PortsMatch),
    Icmp(Option<IcmpMatch>),
    Icmp6(Option<IcmpMatch>),
    State(Option<StateMatch>),
    Conntrack(Option<StateMatch>),
    Multiport(Option<MultiportMatch>),
    Comment(Option<String>),
    Physdev(PhysdevMatch),
    Limit(LimitMatch),
    /// With the family whose addresses its ranges take.
    IpRange(IpRangeMatch, Afinfo),
}

/// `-m NAME` in `af`'s program: icmp is IPv4's, icmp6 IPv6's, the rest
/// both's.
pub fn load_match(name: &str, af: Afinfo) -> Option<Builder> {
    Some(match name {
        "tcp" => Builder::Tcp(PortsMatch::default()),
        "udp" => Builder::Udp(PortsMatch::default()),
        "icmp" if !af.is_ipv6() => Builder::Icmp(None),
        "icmp6" if af.is_ipv6() => Builder::Icmp6(None),
        "state" => Builder::State(None),
        "conntrack" => Builder::Conntrack(None),
        "multiport" => Builder::Multiport(None),
        "comment" => Builder::Comment(None),
        "physdev" => Builder::Physdev(PhysdevMatch::default()),
        // 3/hour, burst 5: libxt_limit's defaults.
        "iprange" => Builder::IpRange(IpRangeMatch::default(), af),
        "limit" => Builder::Limit(LimitMatch { avg: 10_000 * 3600 / 3, burst: 5 }),
        _ => return None,
    })
}

/// The match `-p PROTO` loads when one of its options is first used
/// (ip6tables' `-p ipv6-icmp` loads icmp6).
pub fn proto_match(proto: u8, af: Afinfo) -> Option<Builder> {
    match proto {
        58 => load_match("icmp6", af),
        _ => load_match(names::proto_name(proto)?, af),
    }
}

const PORT_OPTS: &[(&str, Arg)] = &[
    ("source-port", Arg::Required),
    ("sport", Arg::Required),
    ("destination-port", Arg::Required),
    ("dport", Arg::Required),
];
const TCP_OPTS: &[(&str, Arg)] = &[
    ("source-port", Arg::Required),
    ("sport", Arg::Required),
    ("destination-port", Arg::Required),
    ("dport", Arg::Required),
    ("syn", Arg::None),
    ("tcp-flags", Arg::Required),
    ("tcp-option", Arg::Required),
];

fn port(s: &str) -> Result<u16, Fail> {
    let bad = || Fail::usage(format!("invalid port/service `{s}' specified"));
    if s.bytes().all(|b| b.is_ascii_digit()) && !s.is_empty() {
        return s.parse().map_err(|_| bad());
    }
    names::service_port(s).ok_or_else(bad)
}

/// `PORT`, `MIN:MAX`, `MIN:` or `:MAX`.
pub fn port_range(s: &str) -> Result<PortRange, Fail> {
    let Some((a, b)) = s.split_once(':') else { return Ok(PortRange::one(port(s)?)) };
    let min = if a.is_empty() { 0 } else { port(a)? };
    let max = if b.is_empty() { 65535 } else { port(b)? };
    if min > max {
        return Err(Fail::usage("invalid portrange (min > max)"));
    }
    Ok(PortRange { min, max })
}

fn tcp_flags(s: &str) -> Result<u8, Fail> {
    let mut bits = 0;
    for f in s.split(',') {
        bits |= match f {
            "ALL" => 0x3F,
            "NONE" => 0,
            _ => names::TCP_FLAGS
                .iter()
                .find(|(n, _)| *n == f)
                .map(|(_, b)| *b)
                .ok_or_else(|| Fail::usage(format!("Unknown TCP flag `{f}'")))?,
        };
    }
    Ok(bits)
}

/// `--icmpv6-type NAME|TYPE[/CODE]` (libip6t_icmp6's `parse_icmpv6()`:
/// names by unique prefix, a type and code each 0 to 255).
fn icmpv6_type(s: &str) -> Result<IcmpType, Fail> {
    let exact = names::ICMP6_TYPES.iter().find(|(n, ..)| *n == s);
    let hits: Vec<_> = names::ICMP6_TYPES.iter().filter(|(n, ..)| n.starts_with(s) && !s.is_empty()).collect();
    let hit = match (exact, hits.as_slice()) {
        (Some(h), _) => Some(*h),
        (None, [h]) => Some(**h),
        (None, [a, b, ..]) => {
            return Err(Fail::usage(format!("Ambiguous ICMPv6 type `{s}': `{}' or `{}'?", a.0, b.0)));
        }
        _ => None,
    };
    if let Some((_, typ, code_min, code_max)) = hit {
        return Ok(IcmpType::Type { typ, code_min, code_max });
    }
    let (t, c) = match s.split_once('/') {
        Some((t, c)) => (t, Some(c)),
        None => (s, None),
    };
    let typ: u8 = t.parse().map_err(|_| Fail::usage(format!("Unknown ICMPv6 type `{s}'")))?;
    Ok(match c {
        Some(c) => {
            let c: u8 = c.parse().map_err(|_| Fail::usage(format!("Unknown ICMPv6 code `{s}'")))?;
            IcmpType::Type { typ, code_min: c, code_max: c }
        }
        None => IcmpType::Type { typ, code_min: 0, code_max: 0xFF },
    })
}

/// `--icmp-type NAME|TYPE[/CODE]` (names by unique prefix, as libxt_icmp).
fn icmp_type(s: &str) -> Result<IcmpType, Fail> {
    let hits: Vec<_> = names::ICMP_TYPES.iter().filter(|(n, ..)| n.starts_with(s) && !s.is_empty()).collect();
    let exact = names::ICMP_TYPES.iter().find(|(n, ..)| *n == s);
    let hit = match (exact, hits.as_slice()) {
        (Some(h), _) => Some(*h),
        (None, [h]) => Some(**h),
        (None, [a, b, ..]) => {
            return Err(Fail::usage(format!("Ambiguous ICMP type `{s}': `{}' or `{}'?", a.0, b.0)));
        }
        _ => None,
    };
    if let Some((_, typ, code_min, code_max)) = hit {
        if typ == 0xFF {
            return Ok(IcmpType::Any);
        }
        return Ok(IcmpType::Type { typ, code_min, code_max });
    }
    let bad = || Fail::usage(format!("Unknown ICMP type `{s}'"));
    let (t, c) = match s.split_once('/') {
        Some((t, c)) => (t, Some(c)),
        None => (s, None),
    };
    let typ: u8 = t.parse().map_err(|_| bad())?;
    Ok(match c {
        Some(c) => {
            let c: u8 = c.parse().map_err(|_| bad())?;
            IcmpType::Type { typ, code_min: c, code_max: c }
        }
        None => IcmpType::Type { typ, code_min: 0, code_max: 0xFF },
    })
}

impl Builder {
    pub fn name(&self) -> &'static str {
        match self {
            Builder::Tcp(_) => "tcp",
            Builder::Udp(_) => "udp",
            Builder::Icmp(_) => "icmp",
            Builder::Icmp6(_) => "icmp6",
            Builder::State(_) => "state",
            Builder::Conntrack(_) => "conntrack",
            Builder::Multiport(_) => "multiport",
            Builder::Comment(_) => "comment",
            Builder::Physdev(_) => "physdev",
            Builder::Limit(_) => "limit",
            Builder::IpRange(..) => "iprange",
        }
    }

    pub fn options(&self) -> &'static [(&'static str, Arg)] {
        match self {
            Builder::Tcp(_) => TCP_OPTS,
            Builder::Udp(_) => PORT_OPTS,
            Builder::Icmp(_) => &[("icmp-type", Arg::Required)],
            Builder::Icmp6(_) => &[("icmpv6-type", Arg::Required)],
            Builder::State(_) => &[("state", Arg::Required)],
            Builder::Conntrack(_) => &[("ctstate", Arg::Required)],
            Builder::Multiport(_) => &[
                ("source-ports", Arg::Required),
                ("sports", Arg::Required),
                ("destination-ports", Arg::Required),
                ("dports", Arg::Required),
                ("ports", Arg::Required),
            ],
            Builder::Comment(_) => &[("comment", Arg::Required)],
            Builder::Physdev(_) => &[
                ("physdev-in", Arg::Required),
                ("physdev-out", Arg::Required),
                ("physdev-is-in", Arg::None),
                ("physdev-is-out", Arg::None),
                ("physdev-is-bridged", Arg::None),
            ],
            Builder::Limit(_) => &[("limit", Arg::Required), ("limit-burst", Arg::Required)],
            Builder::IpRange(..) => &[("src-range", Arg::Required), ("dst-range", Arg::Required)],
        }
    }

    /// One option of this match. `more` reads a further word (`--tcp-flags
    /// MASK COMP`); `proto` is `-p`'s so far.
    pub fn option(
        &mut self,
        name: &str,
        arg: Option<&str>,
        invert: bool,
        proto: Option<u8>,
        more: &mut dyn FnMut() -> Option<String>,
    ) -> Result<(), Fail> {
        let arg = arg.unwrap_or("");
        match self {
            Builder::Tcp(m) | Builder::Udp(m) => {
                let (slot, long) = match name {
                    "source-port" | "sport" => (&mut m.sport, "source-port"),
                    "destination-port" | "dport" => (&mut m.dport, "destination-port"),
                    "syn" => {
                        m.flags = Some(TcpFlags { mask: 0x17, comp: 0x02, invert });
                        return Ok(());
                    }
                    "tcp-option" => {
                        let n =
                            arg.parse().map_err(|_| Fail::usage(format!("Unable to parse `{arg}' as a TCP option")))?;
                        m.option = Some((n, invert));
                        return Ok(());
                    }
                    _ => {
                        let mask = tcp_flags(arg)?;
                        let comp = more().ok_or_else(|| Fail::usage("--tcp-flags requires two args."))?;
                        // An empty mask compares nothing: not stored.
                        m.flags = Some(TcpFlags { mask, comp: tcp_flags(&comp)?, invert })
                            .filter(|f| f.mask != 0 || f.invert);
                        return Ok(());
                    }
                };
                if slot.is_some() {
                    return Err(Fail::usage(format!("Only one `--{long}' allowed")));
                }
                *slot = Some(PortMatch { range: port_range(arg)?, invert });
            }
            Builder::Icmp(m) => *m = Some(IcmpMatch { typ: icmp_type(arg)?, invert }),
            Builder::Icmp6(m) => *m = Some(IcmpMatch { typ: icmpv6_type(arg)?, invert }),
            Builder::State(m) => {
                let states = names::parse_states(arg, false).map_err(|t| Fail::usage(format!("Bad state \"{t}\"")))?;
                *m = Some(StateMatch { states, invert });
            }
            Builder::Conntrack(m) => {
                let states = names::parse_states(arg, true).map_err(|t| Fail::usage(format!("Bad ctstate \"{t}\"")))?;
                *m = Some(StateMatch { states, invert });
            }
            Builder::Multiport(m) => {
                if !matches!(proto, Some(6 | 17)) {
                    return Err(Fail::usage(
                        "multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'",
                    ));
                }
                let dir = match name {
                    "source-ports" | "sports" => MultiportDir::Source,
                    "destination-ports" | "dports" => MultiportDir::Destination,
                    _ => MultiportDir::Either,
                };
                let mut ports = Vec::new();
                let mut used = 0;
                for p in arg.split(',') {
                    let r = port_range(p)?;
                    used += if r.min == r.max { 1 } else { 2 };
                    if used > 15 {
                        return Err(Fail::usage("too many ports specified"));
                    }
                    ports.push(r);
                }
                *m = Some(MultiportMatch { dir, ports, invert });
            }
            Builder::Comment(m) => *m = Some(arg.to_string()),
            Builder::IpRange(m, af) => {
                let bad = |v: &str| Fail::usage(format!("iprange: Bad value for \"--{name}\" option: \"{v}\""));
                let (a, b) = arg.split_once('-').unwrap_or((arg, arg));
                let min = af.parse_addr(a).ok_or_else(|| bad(a))?;
                let max = af.parse_addr(b).ok_or_else(|| bad(b))?;
                let r = Some(AddrRange { min, max, invert });
                if name == "src-range" {
                    m.src = r;
                } else {
                    m.dst = r;
                }
            }
            Builder::Limit(l) => {
                if invert {
                    return Err(Fail::usage_blank(format!("limit: option \"--{name}\" cannot be inverted.")));
                }
                if name == "limit" {
                    l.avg = limit_rate(arg).ok_or_else(|| Fail::usage(format!("bad rate \"{arg}\"'")))?;
                } else {
                    let burst = arg.parse::<u32>().ok().filter(|b| *b <= 10_000).ok_or_else(|| {
                        Fail::usage_blank("limit: bad value for option \"--limit-burst\", or out of range (0-10000).")
                    })?;
                    // 0 is the default, 5.
                    l.burst = if burst == 0 { 5 } else { burst };
                }
            }
            Builder::Physdev(m) => {
                let dev = || Some(IfMatch { name: arg.to_string(), invert });
                match name {
                    "physdev-in" => m.physin = dev(),
                    "physdev-out" => m.physout = dev(),
                    "physdev-is-in" => m.is_in = Some(invert),
                    "physdev-is-out" => m.is_out = Some(invert),
                    _ => m.is_bridged = Some(invert),
                }
            }
        }
        Ok(())
    }

    /// The match, once its options are complete (`x6_fcheck`).
    pub fn finish(&self) -> Result<Match, Fail> {
        let must = |m: &str, o: &str| Fail::usage_blank(format!("{m}: option \"--{o}\" must be specified"));
        Ok(match self {
            Builder::Tcp(m) => Match::Tcp(*m),
            Builder::Udp(m) => Match::Udp(*m),
            Builder::Icmp(m) => Match::Icmp(m.ok_or_else(|| must("icmp", "icmp-type"))?),
            Builder::Icmp6(m) => Match::Icmp6(m.ok_or_else(|| must("icmp6", "icmpv6-type"))?),
            Builder::State(m) => Match::State(m.ok_or_else(|| must("state", "state"))?),
            Builder::Conntrack(m) => {
                Match::Conntrack(m.ok_or_else(|| Fail::usage("conntrack: At least one option is required"))?)
            }
            Builder::Multiport(m) => {
                Match::Multiport(m.clone().ok_or_else(|| Fail::usage("multiport expection an option"))?)
            }
            Builder::Comment(m) => Match::Comment(m.clone().ok_or_else(|| must("comment", "comment"))?),
            Builder::Limit(l) => Match::Limit(*l),
            Builder::IpRange(m, _) => {
                if m.src.is_none() && m.dst.is_none() {
                    return Err(Fail::usage("iprange match: You must specify `--src-range' or `--dst-range'"));
                }
                Match::IpRange(*m)
            }
            Builder::Physdev(m) => {
                if *m == PhysdevMatch::default() {
                    return Err(Fail::usage("PHYSDEV: no physdev option specified"));
                }
                Match::Physdev(m.clone())
            }
        })
    }
}

/// What libxt_iprange says of a range that can never match.
pub fn warning(m: &Match) -> String {
    let Match::IpRange(m) = m else { return String::new() };
    [m.src, m.dst]
        .into_iter()
        .flatten()
        .filter(|r| r.min > r.max)
        .map(|r| format!("xt_iprange: range {}-{} is reversed and will never match\n", r.min, r.max))
        .collect()
}

/// libxt_limit's `parse_rate()`: `N[/second|minute|hour|day]` (any prefix
/// of the unit), as the interval in 1/10000 s; `None` for a bad rate.
fn limit_rate(s: &str) -> Option<u32> {
    let (n, unit) = match s.split_once('/') {
        Some((n, u)) => (n, Some(u)),
        None => (s, None),
    };
    let mult: u64 = match unit {
        None => 1,
        Some("") => return None,
        Some(u) => {
            let u = u.to_ascii_lowercase();
            [("second", 1), ("minute", 60), ("hour", 3600), ("day", 86_400)]
                .into_iter()
                .find(|(name, _)| name.starts_with(&u))?
                .1
        }
    };
    // atoi(): leading digits.
    let digits: String = n.chars().take_while(|c| c.is_ascii_digit()).collect();
    let r: u64 = digits.parse().ok().filter(|r| *r > 0)?;
    u32::try_from(10_000 * mult / r).ok().filter(|v| *v > 0)
}
