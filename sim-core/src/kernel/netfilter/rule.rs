//! One iptables rule as the kernel stores it: the IPv4 header matches,
//! the extension matches (`-m ...`) in the order they were given, the
//! target, and the counters. [`Rule::matches`] is pure: it reads a
//! [`PacketMeta`] the packet path fills and changes nothing.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::kernel::addr;

pub use super::matching::PacketMeta;
pub use super::target::{LogOpts, MasqOpts, NatRange, RejectWith, Target};

/// `-s`/`-d`: an address and mask of the table's family, possibly negated
/// with `!` (`struct ipt_ip`'s `src`/`smsk`, `struct ip6t_ip6`'s). The mask
/// is usually a prefix, but iptables takes any (`10.0.0.0/255.0.255.0`,
/// `2001::/ffff:0:ffff::`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AddrMatch {
    /// Already masked, as iptables stores it.
    pub net: IpAddr,
    pub mask: IpAddr,
    pub invert: bool,
}

/// An address's bits, left-aligned in 128 (IPv4 in the top 32), and how
/// many there are.
fn bits(a: IpAddr) -> (u128, u32) {
    match a {
        IpAddr::V4(a) => (u128::from(u32::from(a)) << 96, 32),
        IpAddr::V6(a) => (u128::from(a), 128),
    }
}

impl AddrMatch {
    /// `NET/LEN` (the address is masked here).
    pub fn prefix(net: Ipv4Addr, len: u8, invert: bool) -> AddrMatch {
        let mask = Ipv4Addr::from(addr::mask(len));
        AddrMatch { net: addr::network(net, len).into(), mask: mask.into(), invert }
    }

    /// `NET/LEN` of IPv6 (the address is masked here).
    pub fn prefix6(net: Ipv6Addr, len: u8, invert: bool) -> AddrMatch {
        let mask = u128::MAX.checked_shl(128 - u32::from(len.min(128))).unwrap_or(0);
        AddrMatch { net: Ipv6Addr::from(u128::from(net) & mask).into(), mask: Ipv6Addr::from(mask).into(), invert }
    }

    /// The prefix length, if the mask is one.
    pub fn prefix_len(&self) -> Option<u8> {
        let (m, width) = bits(self.mask);
        let ones = m.leading_ones();
        (ones <= width && m.checked_shl(ones).unwrap_or(0) == 0).then_some(ones as u8)
    }

    /// The whole address length (32 or 128): a single host.
    pub fn host_len(&self) -> u8 {
        bits(self.mask).1 as u8
    }

    /// `0.0.0.0/0` or `::/0`.
    pub fn is_any(&self) -> bool {
        self.mask.is_unspecified()
    }

    /// Whether `a` is in the network (an address of the other family never is).
    pub fn matches(&self, a: IpAddr) -> bool {
        let ((a, wa), (m, wm), (n, _)) = (bits(a), bits(self.mask), bits(self.net));
        (wa == wm && a & m == n) != self.invert
    }
}

/// `-i`/`-o`/`--physdev-in`/`--physdev-out`: an interface name (a trailing
/// `+` is a wildcard), possibly negated.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct IfMatch {
    pub name: String,
    pub invert: bool,
}

impl IfMatch {
    /// `dev` is `None` where the hook has no such device: the kernel then
    /// compares against an empty name (`nulldevname`).
    pub fn matches(&self, dev: Option<&str>) -> bool {
        let dev = dev.unwrap_or("");
        let hit = match self.name.strip_suffix('+') {
            Some(prefix) => dev.starts_with(prefix),
            None => dev == self.name,
        };
        hit != self.invert
    }
}

/// `-p`: a protocol number (0 is `all`), possibly negated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ProtoMatch {
    pub proto: u8,
    pub invert: bool,
}

pub const IPPROTO_ICMP: u8 = 1;
pub const IPPROTO_TCP: u8 = 6;
pub const IPPROTO_UDP: u8 = 17;
pub const IPPROTO_ICMPV6: u8 = 58;

/// A port or an inclusive port range (`80`, `1024:2048`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PortRange {
    pub min: u16,
    pub max: u16,
}

impl PortRange {
    pub fn one(p: u16) -> PortRange {
        PortRange { min: p, max: p }
    }

    pub fn contains(&self, p: u16) -> bool {
        (self.min..=self.max).contains(&p)
    }
}

/// `--sport`/`--dport` with its `!`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PortMatch {
    pub range: PortRange,
    pub invert: bool,
}

impl PortMatch {
    pub(super) fn matches(m: &Option<PortMatch>, port: Option<u16>) -> bool {
        match (m, port) {
            (None, _) => true,
            (Some(m), Some(p)) => m.range.contains(p) != m.invert,
            (Some(_), None) => false,
        }
    }
}

/// TCP flag bits as `--tcp-flags` names them.
pub mod tcp_flags {
    pub const FIN: u8 = 0x01;
    pub const SYN: u8 = 0x02;
    pub const RST: u8 = 0x04;
    pub const PSH: u8 = 0x08;
    pub const ACK: u8 = 0x10;
    pub const URG: u8 = 0x20;
}

/// `--tcp-flags MASK COMP` (`--syn` is `FIN,SYN,RST,ACK SYN`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TcpFlags {
    pub mask: u8,
    pub comp: u8,
    pub invert: bool,
}

/// `-m tcp` / `-m udp` (loaded implicitly by `-p tcp --dport`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PortsMatch {
    pub sport: Option<PortMatch>,
    pub dport: Option<PortMatch>,
    /// TCP only.
    pub flags: Option<TcpFlags>,
    /// `--tcp-option N` (TCP only) and its `!`.
    pub option: Option<(u8, bool)>,
}

/// `--icmp-type` (`--icmpv6-type`): a type, a type and code, or `any`
/// (ICMP only).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum IcmpType {
    Any,
    /// The type and the inclusive code range (`0..=255` for a bare type).
    Type {
        typ: u8,
        code_min: u8,
        code_max: u8,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct IcmpMatch {
    pub typ: IcmpType,
    pub invert: bool,
}

/// Conntrack states as the kernel's `XT_STATE_*` / `XT_CONNTRACK_STATE_*`
/// bits; listing prints them in this bit order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CtStates(pub u16);

impl CtStates {
    pub const INVALID: u16 = 1 << 0;
    pub const ESTABLISHED: u16 = 1 << 1;
    pub const RELATED: u16 = 1 << 2;
    pub const NEW: u16 = 1 << 3;
    pub const UNTRACKED: u16 = 1 << 6;
    /// `--ctstate` only: the connection has source / destination NAT.
    pub const SNAT: u16 = 1 << 8;
    pub const DNAT: u16 = 1 << 9;

    pub fn has(self, bit: u16) -> bool {
        self.0 & bit != 0
    }
}

/// A packet's conntrack state, as the packet path reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CtState {
    New,
    Established,
    Related,
    Invalid,
    Untracked,
}

impl CtState {
    pub fn bit(self) -> u16 {
        match self {
            CtState::New => CtStates::NEW,
            CtState::Established => CtStates::ESTABLISHED,
            CtState::Related => CtStates::RELATED,
            CtState::Invalid => CtStates::INVALID,
            CtState::Untracked => CtStates::UNTRACKED,
        }
    }
}

/// `-m state --state` or `-m conntrack --ctstate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct StateMatch {
    pub states: CtStates,
    pub invert: bool,
}

/// Which ports `-m multiport` compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum MultiportDir {
    Source,
    Destination,
    Either,
}

/// `-m multiport --sports|--dports|--ports a,b:c` (at most 15 ports).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct MultiportMatch {
    pub dir: MultiportDir,
    pub ports: Vec<PortRange>,
    pub invert: bool,
}

/// `--physdev-is-in` / `-is-out` / `-is-bridged`: `Some(invert)` when given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PhysdevMatch {
    pub physin: Option<IfMatch>,
    pub physout: Option<IfMatch>,
    pub is_in: Option<bool>,
    pub is_out: Option<bool>,
    pub is_bridged: Option<bool>,
}

/// `-m limit --limit RATE --limit-burst N`: `avg` is the interval between
/// packets in 1/10000 s (`XT_LIMIT_SCALE`), as xt_limit keeps it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LimitMatch {
    pub avg: u32,
    pub burst: u32,
}

/// An inclusive address range with its `!` (`--src-range A-B`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AddrRange {
    /// Of the table's family.
    pub min: IpAddr,
    pub max: IpAddr,
    pub invert: bool,
}

/// `-m iprange --src-range A-B --dst-range C-D`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct IpRangeMatch {
    pub src: Option<AddrRange>,
    pub dst: Option<AddrRange>,
}

/// An extension match (`-m NAME ...`, or implied by `-p tcp --dport`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Match {
    Tcp(PortsMatch),
    Udp(PortsMatch),
    Icmp(IcmpMatch),
    /// `-m icmp6 --icmpv6-type` (ip6tables; loaded by `-p ipv6-icmp`).
    Icmp6(IcmpMatch),
    /// `-m state`.
    State(StateMatch),
    /// `-m conntrack --ctstate`.
    Conntrack(StateMatch),
    Multiport(MultiportMatch),
    Comment(String),
    Physdev(PhysdevMatch),
    Limit(LimitMatch),
    IpRange(IpRangeMatch),
}

/// Packet and byte counters (a rule's, or a built-in chain's policy's).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Counters {
    pub pkts: u64,
    pub bytes: u64,
}

impl Counters {
    pub fn add(&mut self, len: usize) {
        self.pkts += 1;
        self.bytes += len as u64;
    }
}

/// One rule with its counters.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Rule {
    pub src: Option<AddrMatch>,
    pub dst: Option<AddrMatch>,
    pub iif: Option<IfMatch>,
    pub oif: Option<IfMatch>,
    pub proto: Option<ProtoMatch>,
    /// `-f` (`Some(false)`) or `! -f` (`Some(true)`): non-first fragments.
    pub fragment: Option<bool>,
    /// Extension matches, in the order given.
    pub matches: Vec<Match>,
    pub target: Target,
    /// `-g CHAIN` rather than `-j CHAIN` (a goto: the chain's end or RETURN
    /// goes back past this rule's chain).
    pub goto: bool,
    pub counters: Counters,
}

impl Default for Rule {
    fn default() -> Rule {
        Rule {
            src: None,
            dst: None,
            iif: None,
            oif: None,
            proto: None,
            fragment: None,
            matches: Vec::new(),
            target: Target::None,
            goto: false,
            counters: Counters::default(),
        }
    }
}

impl Rule {
    /// Whether the rule matches the packet (pure: counters are the
    /// caller's business).
    pub fn matches(&self, p: &PacketMeta) -> bool {
        self.src.as_ref().is_none_or(|m| m.matches(p.src))
            && self.dst.as_ref().is_none_or(|m| m.matches(p.dst))
            && self.iif.as_ref().is_none_or(|m| m.matches(p.iif))
            && self.oif.as_ref().is_none_or(|m| m.matches(p.oif))
            && self.proto.is_none_or(|m| (m.proto == 0 || m.proto == p.proto) != m.invert)
            // Rules see whole packets (conntrack reassembles, and the
            // simulator's senders fragment only what it delivers whole):
            // `-f` never matches, `! -f` always does.
            && self.fragment.is_none_or(|invert| invert)
            && self.matches.iter().all(|m| m.matches(p))
    }

    /// Same rule, ignoring counters (what `-D`/`-C` by specification compare).
    pub fn same_spec(&self, other: &Rule) -> bool {
        Rule { counters: Counters::default(), ..self.clone() }
            == Rule { counters: Counters::default(), ..other.clone() }
    }
}
