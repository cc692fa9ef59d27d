//! ip6tables' side of the packet path: what its chains see of an IPv6
//! packet ([`Packet6`], a neutral view the IPv6 path fills at each hook)
//! and the walk of the ip6 filter table over it (`ip6t_do_table()`), with
//! the same rules, matches and counters as IPv4's (`eval::run` over the
//! `ip6` family's tables).

use std::net::Ipv6Addr;

use super::eval::{self, Hit, Verdict};
use super::rule::{CtState, PacketMeta};
use super::table::{Family, Hook, TableId};
use super::NetfilterState;

/// What ip6tables' rules look at in an IPv6 packet. Devices the hook does
/// not have are `None` (no `out` in PREROUTING and INPUT, no `in` in
/// OUTPUT and POSTROUTING).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Packet6<'a> {
    pub src: Ipv6Addr,
    pub dst: Ipv6Addr,
    /// The upper-layer protocol after any extension headers
    /// (`ipv6_find_hdr()`): 6 TCP, 17 UDP, 58 ICMPv6; what `-p` compares.
    pub next_header: u8,
    /// ICMPv6 type and code, for ICMPv6 (`--icmpv6-type`).
    pub icmp6: Option<(u8, u8)>,
    /// TCP or UDP ports (`--sport`, `--dport`, multiport).
    pub sport: Option<u16>,
    pub dport: Option<u16>,
    /// TCP flag bits, for TCP (`--syn`, `--tcp-flags`).
    pub tcp_flags: Option<u8>,
    pub iif: Option<&'a str>,
    pub oif: Option<&'a str>,
    /// Conntrack's state for the packet; `None` while IPv6 is not tracked
    /// (then `-m state`/`conntrack` see it as untracked).
    pub ct: Option<CtState>,
    /// The whole IPv6 packet's length, 40-byte header included (what
    /// `-v`'s bytes add: an echo request with 56 data bytes counts 104).
    pub len: usize,
}

impl Packet6<'_> {
    /// The family-neutral view the matches read.
    fn meta(&self) -> PacketMeta<'_> {
        PacketMeta {
            src: self.src.into(),
            dst: self.dst.into(),
            proto: self.next_header,
            sport: self.sport,
            dport: self.dport,
            tcp_flags: self.tcp_flags,
            icmp: self.icmp6,
            iif: self.iif,
            oif: self.oif,
            physin: None,
            physout: None,
            bridged: false,
            ct: self.ct,
            ct_snat: false,
            ct_dnat: false,
            len: self.len,
        }
    }
}

/// The ip6 filter table's verdict on a packet at `hook` (INPUT, FORWARD,
/// OUTPUT; PREROUTING and POSTROUTING have no filter chain and accept),
/// counting on the rule that decided or the policy, as `ip6t_do_table()`
/// does. No table, or no such chain yet: accept, uncounted. The verdict is
/// `Accept`, `Drop` or `Reject` (ICMPv6 codes: [`super::RejectWith::icmp6_code`]).
pub fn filter6(nf: &mut NetfilterState, hook: Hook, p: &Packet6) -> (Verdict, Option<Hit>) {
    eval::run_in(nf, Family::Ipv6, TableId::Filter, hook, &p.meta())
}
