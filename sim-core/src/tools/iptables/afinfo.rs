//! xtables' `afinfo` (`afinfo_ipv4`, `afinfo_ipv6`): what iptables and
//! ip6tables, one program, do by family: their names in messages, the
//! tables they change (nf_tables' `ip` and `ip6` families), how `-s`/`-d`
//! read and print addresses (`xtables_ipparse_multiple()`,
//! `xtables_ip6parse_multiple()`), and the little that only one of them
//! takes (`-f`, `-4`/`-6`, rule counters). Texts are the recordings'
//! (`tests/data/ipv6/ip6tables`, `tests/data/kernel/iptables-*`).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::{names, Fail};
use crate::iproute::grammar::value;
use crate::netlink::netfilter::Family;

/// One family's iptables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Afinfo {
    pub family: Family,
    /// `iptables` or `ip6tables`: what errors and the save file's header say.
    pub name: &'static str,
}

pub const IPV4: Afinfo = Afinfo { family: Family::Ipv4, name: "iptables" };
pub const IPV6: Afinfo = Afinfo { family: Family::Ipv6, name: "ip6tables" };

impl Afinfo {
    /// By the program's name (`ip6tables`, `ip6tables-save`, … are IPv6).
    pub fn of_program(name: &str) -> Afinfo {
        if name.starts_with("ip6tables") {
            IPV6
        } else {
            IPV4
        }
    }

    pub fn is_ipv6(self) -> bool {
        self.family == Family::Ipv6
    }

    /// `ip6tables v1.8.9 (nf_tables)`: `-V`, and before every usage error.
    pub fn prog(self) -> String {
        format!("{} v1.8.9 (nf_tables)", self.name)
    }

    /// `exit_tryhelp()`'s line.
    pub fn try_help(self) -> String {
        format!("Try `{0} -h' or '{0} --help' for more information.\n", self.name)
    }

    /// The whole address space (`-L -n` of no `-s`).
    pub fn any(self) -> &'static str {
        match self.family {
            Family::Ipv4 => "0.0.0.0/0",
            Family::Ipv6 => "::/0",
        }
    }

    /// Rules keep `-c PKTS BYTES` (and iptables-restore's `[PKTS:BYTES]`):
    /// iptables-nft 1.8.9 does for IPv4 only; ip6tables' rules start at 0
    /// whatever was given (recorded).
    pub fn rule_counters(self) -> bool {
        self.family == Family::Ipv4
    }

    /// One numeric address of the family (`--src-range`'s ends, NAT's
    /// `--to-*`): `inet_pton()`, no names.
    pub fn parse_addr(self, s: &str) -> Option<IpAddr> {
        match self.family {
            Family::Ipv4 => s.parse::<Ipv4Addr>().ok().map(IpAddr::V4),
            Family::Ipv6 => value::whole(s, value::ipv6).map(IpAddr::V6),
        }
    }

    /// `ADDR[/MASK][,ADDR[/MASK]...]` of `-s`/`-d`, each as (network,
    /// mask), the network masked.
    pub fn parse_addrs(self, text: &str) -> Result<Vec<(IpAddr, IpAddr)>, Fail> {
        text.split(',')
            .map(|one| {
                let (a, m) = match one.split_once('/') {
                    Some((a, m)) => (a, Some(m)),
                    None => (one, None),
                };
                match self.family {
                    Family::Ipv4 => parse4(a, m),
                    Family::Ipv6 => parse6(a, m),
                }
            })
            .collect()
    }
}

fn bad_mask(m: &str) -> Fail {
    Fail::usage(format!("invalid mask `{m}' specified"))
}

fn not_found(a: &str) -> Fail {
    Fail::usage(format!("host/network `{a}' not found"))
}

/// `xtables_ipparse_multiple()`'s one address: a dotted mask may be any
/// mask; a number is a prefix length.
fn parse4(a: &str, m: Option<&str>) -> Result<(IpAddr, IpAddr), Fail> {
    let mask = match m {
        None => u32::MAX,
        Some(m) if m.contains('.') => u32::from(m.parse::<Ipv4Addr>().map_err(|_| bad_mask(m))?),
        Some(m) => match m.parse::<u8>() {
            Ok(n) if n <= 32 && !m.starts_with('+') => crate::kernel::addr::mask(n),
            _ => return Err(bad_mask(m)),
        },
    };
    let ip = inet_aton(a).ok_or_else(|| not_found(a))?;
    Ok((Ipv4Addr::from(u32::from(ip) & mask).into(), Ipv4Addr::from(mask).into()))
}

/// Dotted quads, `0` (what `-s 0/0` uses), and the names /etc/hosts and
/// /etc/networks give.
fn inet_aton(s: &str) -> Option<Ipv4Addr> {
    if s == "0" {
        return Some(Ipv4Addr::UNSPECIFIED);
    }
    s.parse().ok().or_else(|| names::resolve(s))
}

/// `xtables_ip6parse_multiple()`'s one address: `inet_pton(AF_INET6)` (no
/// `%zone`, no IPv4 address: "not found"; the recording host's /etc/hosts
/// names no IPv6 address), a mask as an address or a length up to 128.
fn parse6(a: &str, m: Option<&str>) -> Result<(IpAddr, IpAddr), Fail> {
    let mask = match m {
        None => u128::MAX,
        Some(m) if m.contains(':') => u128::from(value::whole(m, value::ipv6).ok_or_else(|| bad_mask(m))?),
        Some(m) => match m.parse::<u8>() {
            Ok(n) if n <= 128 && !m.starts_with('+') => u128::MAX.checked_shl(128 - u32::from(n)).unwrap_or(0),
            _ => return Err(bad_mask(m)),
        },
    };
    let ip = value::whole(a, value::ipv6).ok_or_else(|| not_found(a))?;
    Ok((Ipv6Addr::from(u128::from(ip) & mask).into(), Ipv6Addr::from(mask).into()))
}
