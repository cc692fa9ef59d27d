//! What a rule sees of a packet ([`PacketMeta`], filled by the packet path
//! at each hook) and how each extension match decides on it, as the
//! kernel's xt_* matches do. Pure: nothing here counts or changes.

use std::net::IpAddr;

use super::rule::{
    CtState, CtStates, IcmpMatch, IcmpType, Match, MultiportDir, PortMatch, IPPROTO_ICMP, IPPROTO_ICMPV6, IPPROTO_TCP,
    IPPROTO_UDP,
};

/// What a rule can look at in a packet; the packet path fills it at each
/// hook (IPv6's through [`super::Packet6`]). Interfaces the hook does not have are `None` (no `out` in
/// PREROUTING, no `in` in OUTPUT); bridged IPv4 has `iif` = `oif` = the
/// bridge and the ports in `physin`/`physout`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PacketMeta<'a> {
    pub src: IpAddr,
    pub dst: IpAddr,
    /// The IPv4 protocol, or IPv6's upper-layer header.
    pub proto: u8,
    pub sport: Option<u16>,
    pub dport: Option<u16>,
    /// TCP flag bits, for TCP.
    pub tcp_flags: Option<u8>,
    /// ICMP type and code, for ICMP (ICMPv6's, for ICMPv6).
    pub icmp: Option<(u8, u8)>,
    pub iif: Option<&'a str>,
    pub oif: Option<&'a str>,
    pub physin: Option<&'a str>,
    pub physout: Option<&'a str>,
    /// The packet is being bridged (br_netfilter), not routed.
    pub bridged: bool,
    /// `None` while conntrack is off in the namespace (no state matches).
    pub ct: Option<CtState>,
    /// The connection has had its source / destination translated.
    pub ct_snat: bool,
    pub ct_dnat: bool,
    /// The packet's IP length (what counters add).
    pub len: usize,
}

impl Match {
    pub fn matches(&self, p: &PacketMeta) -> bool {
        match self {
            Match::Tcp(m) => {
                p.proto == IPPROTO_TCP
                    && PortMatch::matches(&m.sport, p.sport)
                    && PortMatch::matches(&m.dport, p.dport)
                    && m.flags.is_none_or(|f| p.tcp_flags.is_some_and(|b| (b & f.mask == f.comp) != f.invert))
                    // TCP options are not in the view: only `! --tcp-option` matches.
                    && m.option.is_none_or(|(_, invert)| invert)
            }
            Match::Udp(m) => {
                p.proto == IPPROTO_UDP && PortMatch::matches(&m.sport, p.sport) && PortMatch::matches(&m.dport, p.dport)
            }
            // xt_icmp / icmp6_match(): only the first fragment's header,
            // never inverted into a match on a packet of another protocol.
            Match::Icmp(m) => icmp_matches(m, p.icmp.filter(|_| p.proto == IPPROTO_ICMP)),
            Match::Icmp6(m) => icmp_matches(m, p.icmp.filter(|_| p.proto == IPPROTO_ICMPV6)),
            Match::State(m) | Match::Conntrack(m) => {
                let mut bits = p.ct.map_or(CtStates::UNTRACKED, CtState::bit);
                if p.ct_snat {
                    bits |= CtStates::SNAT;
                }
                if p.ct_dnat {
                    bits |= CtStates::DNAT;
                }
                (m.states.0 & bits != 0) != m.invert
            }
            Match::Multiport(m) => {
                let hit = |port: Option<u16>| port.is_some_and(|x| m.ports.iter().any(|r| r.contains(x)));
                let hit = match m.dir {
                    MultiportDir::Source => hit(p.sport),
                    MultiportDir::Destination => hit(p.dport),
                    MultiportDir::Either => hit(p.sport) || hit(p.dport),
                };
                // xt_multiport only looks at TCP, UDP, UDPLITE, SCTP, DCCP.
                matches!(p.proto, IPPROTO_TCP | IPPROTO_UDP) && hit != m.invert
            }
            Match::Comment(_) => true,
            // The token bucket is not modelled (the view has no clock):
            // a limit matches as if the rate were never exceeded.
            Match::Limit(_) => true,
            Match::IpRange(m) => {
                // An address of the other family is in no range.
                let within = |r: &Option<super::rule::AddrRange>, a: IpAddr| {
                    r.is_none_or(|r| (r.min.is_ipv6() == a.is_ipv6() && (r.min..=r.max).contains(&a)) != r.invert)
                };
                within(&m.src, p.src) && within(&m.dst, p.dst)
            }
            Match::Physdev(m) => {
                if !p.bridged {
                    // xt_physdev on a routed packet: only `! --physdev-is-*`
                    // and unset fields match.
                    return m.physin.as_ref().is_none_or(|i| i.invert)
                        && m.physout.as_ref().is_none_or(|i| i.invert)
                        && m.is_in.is_none_or(|inv| inv)
                        && m.is_out.is_none_or(|inv| inv)
                        && m.is_bridged.is_none_or(|inv| inv);
                }
                m.is_bridged.is_none_or(|inv| !inv)
                    && m.is_in.is_none_or(|inv| p.physin.is_some() != inv)
                    && m.is_out.is_none_or(|inv| p.physout.is_some() != inv)
                    && m.physin.as_ref().is_none_or(|i| i.matches(p.physin))
                    && m.physout.as_ref().is_none_or(|i| i.matches(p.physout))
            }
        }
    }
}

/// `icmp_type_code_match()`: the type, and the code within the range.
fn icmp_matches(m: &IcmpMatch, icmp: Option<(u8, u8)>) -> bool {
    let Some((t, c)) = icmp else { return false };
    let hit = match m.typ {
        IcmpType::Any => true,
        IcmpType::Type { typ, code_min, code_max } => t == typ && (code_min..=code_max).contains(&c),
    };
    hit != m.invert
}
