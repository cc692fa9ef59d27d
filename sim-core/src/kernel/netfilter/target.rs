//! What a rule does when it matches: verdicts, jumps, REJECT, LOG and the
//! NAT targets, with their options as iptables stores them.

use std::net::IpAddr;

use super::rule::PortRange;

/// `--reject-with` types, by the ICMP code (or TCP RST) they send:
/// libipt_REJECT's for iptables, libip6t_REJECT's (`Icmp6*`, ICMPv6
/// destination-unreachable codes) for ip6tables; `TcpReset` is both's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum RejectWith {
    NetUnreachable,
    HostUnreachable,
    ProtoUnreachable,
    PortUnreachable,
    NetProhibited,
    HostProhibited,
    AdminProhibited,
    TcpReset,
    /// `icmp6-no-route` (code 0).
    Icmp6NoRoute,
    /// `icmp6-adm-prohibited` (code 1).
    Icmp6AdmProhibited,
    /// `icmp6-addr-unreachable` (code 3).
    Icmp6AddrUnreachable,
    /// `icmp6-port-unreachable` (code 4): ip6tables' default.
    Icmp6PortUnreachable,
    /// `icmp6-policy-fail` (code 5).
    Icmp6PolicyFail,
    /// `icmp6-reject-route` (code 6).
    Icmp6RejectRoute,
}

impl RejectWith {
    /// The ICMP destination-unreachable code sent (`None`: a TCP RST, or
    /// an ICMPv6 type: see [`RejectWith::icmp6_code`]).
    pub fn icmp_code(self) -> Option<u8> {
        Some(match self {
            RejectWith::NetUnreachable => 0,
            RejectWith::HostUnreachable => 1,
            RejectWith::ProtoUnreachable => 2,
            RejectWith::PortUnreachable => 3,
            RejectWith::NetProhibited => 9,
            RejectWith::HostProhibited => 10,
            RejectWith::AdminProhibited => 13,
            _ => return None,
        })
    }

    /// The ICMPv6 destination-unreachable code sent (`nf_send_unreach6()`;
    /// `None`: a TCP RST, or an IPv4 type).
    pub fn icmp6_code(self) -> Option<u8> {
        Some(match self {
            RejectWith::Icmp6NoRoute => 0,
            RejectWith::Icmp6AdmProhibited => 1,
            RejectWith::Icmp6AddrUnreachable => 3,
            RejectWith::Icmp6PortUnreachable => 4,
            RejectWith::Icmp6PolicyFail => 5,
            RejectWith::Icmp6RejectRoute => 6,
            _ => return None,
        })
    }
}

/// `-j LOG` options.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LogOpts {
    /// Syslog level 0..=7 (default 4, `warning`).
    pub level: u8,
    /// `--log-prefix` (at most 29 characters).
    pub prefix: Option<String>,
    /// `--log-tcp-sequence` 1, `--log-tcp-options` 2, `--log-ip-options` 4,
    /// `--log-uid` 8, `--log-macdecode` 0x20.
    pub flags: u8,
}

/// SNAT/DNAT `--to-source`/`--to-destination ADDR[-ADDR][:PORT[-PORT]]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NatRange {
    /// The address range, of the table's family (`None`: keep the
    /// address, only ports given).
    pub addrs: Option<(IpAddr, IpAddr)>,
    pub ports: Option<PortRange>,
    /// `--random`, `--persistent`.
    pub random: bool,
    pub persistent: bool,
}

/// MASQUERADE's `--to-ports P[-Q]` and `--random`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct MasqOpts {
    pub ports: Option<PortRange>,
    pub random: bool,
}

/// What a rule does when it matches.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Target {
    /// No `-j`: the rule only counts and evaluation carries on.
    None,
    Accept,
    Drop,
    Return,
    /// `-j USERCHAIN`.
    Jump(String),
    Reject(RejectWith),
    Log(LogOpts),
    Snat(NatRange),
    Dnat(NatRange),
    /// `--to-ports`.
    Masquerade(MasqOpts),
}

impl Target {
    /// The name `-L` prints in the target column and `-j` takes.
    pub fn name(&self) -> &str {
        match self {
            Target::None => "",
            Target::Accept => "ACCEPT",
            Target::Drop => "DROP",
            Target::Return => "RETURN",
            Target::Jump(c) => c,
            Target::Reject(_) => "REJECT",
            Target::Log(_) => "LOG",
            Target::Snat(_) => "SNAT",
            Target::Dnat(_) => "DNAT",
            Target::Masquerade(_) => "MASQUERADE",
        }
    }
}
