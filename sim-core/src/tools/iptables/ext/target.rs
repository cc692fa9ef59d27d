//! The targets iptables loads with `-j`: their options and final checks
//! (libipt_REJECT and libip6t_REJECT, libipt_LOG, libxt_NAT,
//! libxt_MASQUERADE).

use super::super::afinfo::Afinfo;
use super::super::names;
use super::super::parse::Arg;
use super::super::Fail;
use crate::netlink::netfilter::{LogOpts, MasqOpts, NatRange, PortRange, RejectWith, Target};

/// A target being built from its options.
#[derive(Clone)]
pub struct TargetBuilder {
    af: Afinfo,
    target: Target,
    /// SNAT/DNAT got their `--to-*`.
    has_to: bool,
}

/// `-j NAME` for a target extension or verdict; `None` for a chain name.
/// REJECT sends a port unreachable of the family's ICMP by default.
pub fn target(name: &str, af: Afinfo) -> Option<TargetBuilder> {
    let target = match name {
        "ACCEPT" => Target::Accept,
        "DROP" => Target::Drop,
        "RETURN" => Target::Return,
        "REJECT" if af.is_ipv6() => Target::Reject(RejectWith::Icmp6PortUnreachable),
        "REJECT" => Target::Reject(RejectWith::PortUnreachable),
        "LOG" => Target::Log(LogOpts { level: 4, prefix: None, flags: 0 }),
        "SNAT" => Target::Snat(NatRange::default()),
        "DNAT" => Target::Dnat(NatRange::default()),
        "MASQUERADE" => Target::Masquerade(MasqOpts::default()),
        _ => return None,
    };
    Some(TargetBuilder { af, target, has_to: false })
}

/// `ADDR[-ADDR][:PORT[-PORT]]` of `--to-source`/`--to-destination`;
/// IPv6's `[ADDR[-ADDR]]:PORT[-PORT]` or `ADDR[-ADDR]` (libxt_NAT's
/// `parse_to()`).
fn nat_range(s: &str, proto: Option<u8>, af: Afinfo) -> Result<NatRange, Fail> {
    let (a, p) = match (af.is_ipv6(), s.strip_prefix('[')) {
        (true, Some(rest)) => match rest.split_once(']') {
            Some((a, p)) => (a, p.strip_prefix(':')),
            None => (rest, None),
        },
        (true, None) => (s, None),
        (false, _) => match s.split_once(':') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        },
    };
    let ports = match p {
        None => None,
        Some(p) => {
            if !matches!(proto, Some(6 | 17)) {
                return Err(Fail::usage("Need TCP, UDP, SCTP or DCCP with port specification"));
            }
            Some(ports_dash(p)?)
        }
    };
    let ip = |x: &str| af.parse_addr(x).ok_or_else(|| Fail::usage(format!("Bad IP address \"{x}\"")));
    let addrs = match a {
        "" => None,
        _ => Some(match a.split_once('-') {
            Some((x, y)) => (ip(x)?, ip(y)?),
            None => (ip(a)?, ip(a)?),
        }),
    };
    Ok(NatRange { addrs, ports, ..NatRange::default() })
}

/// `PORT[-PORT]` of NAT targets.
fn ports_dash(p: &str) -> Result<PortRange, Fail> {
    let num = |x: &str| x.parse::<u16>().map_err(|_| Fail::usage(format!("Port `{x}' not valid")));
    Ok(match p.split_once('-') {
        Some((x, y)) => PortRange { min: num(x)?, max: num(y)? },
        None => PortRange::one(num(p)?),
    })
}

impl TargetBuilder {
    pub fn name(&self) -> &str {
        self.target.name()
    }

    pub fn options(&self) -> &'static [(&'static str, Arg)] {
        match self.target {
            Target::Reject(_) => &[("reject-with", Arg::Required)],
            Target::Log(_) => &[
                ("log-level", Arg::Required),
                ("log-prefix", Arg::Required),
                ("log-tcp-sequence", Arg::None),
                ("log-tcp-options", Arg::None),
                ("log-ip-options", Arg::None),
                ("log-uid", Arg::None),
                ("log-macdecode", Arg::None),
            ],
            Target::Snat(_) => &[("to-source", Arg::Required), ("random", Arg::None), ("persistent", Arg::None)],
            Target::Dnat(_) => &[("to-destination", Arg::Required), ("random", Arg::None), ("persistent", Arg::None)],
            Target::Masquerade(_) => &[("to-ports", Arg::Required), ("random", Arg::None)],
            _ => &[],
        }
    }

    pub fn option(&mut self, name: &str, arg: Option<&str>, _invert: bool, proto: Option<u8>) -> Result<(), Fail> {
        let arg = arg.unwrap_or("");
        match &mut self.target {
            Target::Reject(r) => {
                *r = names::parse_reject(arg, self.af.family)
                    .ok_or_else(|| Fail::usage(format!("unknown reject type \"{arg}\"")))?
            }
            Target::Log(l) => match name {
                "log-level" => {
                    l.level = names::parse_log_level(arg)
                        .ok_or_else(|| Fail::usage_blank(format!("log level \"{arg}\" unknown")))?
                }
                "log-prefix" => {
                    if arg.is_empty() {
                        return Err(Fail::usage_blank("Argument must have a minimum length of 1 characters"));
                    }
                    l.prefix = Some(arg.chars().take(29).collect());
                }
                "log-tcp-sequence" => l.flags |= 0x01,
                "log-tcp-options" => l.flags |= 0x02,
                "log-ip-options" => l.flags |= 0x04,
                "log-uid" => l.flags |= 0x08,
                _ => l.flags |= 0x20,
            },
            Target::Snat(r) | Target::Dnat(r) => match name {
                "random" => r.random = true,
                "persistent" => r.persistent = true,
                _ => {
                    *r = NatRange { random: r.random, persistent: r.persistent, ..nat_range(arg, proto, self.af)? };
                    self.has_to = true;
                }
            },
            Target::Masquerade(m) if name == "random" => m.random = true,
            Target::Masquerade(m) => {
                if !matches!(proto, Some(6 | 17)) {
                    return Err(Fail::usage("Need TCP, UDP, SCTP or DCCP with port specification"));
                }
                m.ports = Some(ports_dash(arg)?);
            }
            _ => {}
        }
        Ok(())
    }

    pub fn finish(&self) -> Result<Target, Fail> {
        match self.target {
            Target::Snat(_) if !self.has_to => Err(Fail::usage_blank("SNAT: option \"--to-source\" must be specified")),
            Target::Dnat(_) if !self.has_to => {
                Err(Fail::usage_blank("DNAT: option \"--to-destination\" must be specified"))
            }
            _ => Ok(self.target.clone()),
        }
    }
}
