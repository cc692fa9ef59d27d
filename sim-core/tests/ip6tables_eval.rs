//! ip6tables' filter over IPv6 packets (`kernel::netfilter::ip6::filter6`,
//! what the IPv6 packet path calls at its hooks): rules made with the
//! `ip6tables` program, a table of packets and the verdict each gets, then
//! the counters `ip6tables -L -v` shows for them. IPv4's tables, filled
//! too, must not take part.

use std::net::Ipv6Addr;

use sim_core::kernel::netfilter::eval::Verdict;
use sim_core::kernel::netfilter::ip6::filter6;
use sim_core::kernel::netfilter::{Hook, Packet6, RejectWith};
use sim_core::kernel::{Kernel, NsId};
use sim_core::netlink::netfilter::SimNetfilter;
use sim_core::tools::iptables::program;

const RULES: &[&str] = &[
    "iptables -A INPUT -j DROP",
    "iptables -A OUTPUT -j DROP",
    "ip6tables -P FORWARD DROP",
    "ip6tables -A INPUT -p ipv6-icmp --icmpv6-type echo-request -j REJECT",
    "ip6tables -A INPUT -s 2001:db8:1::/64 -p tcp --dport 22 -j ACCEPT",
    "ip6tables -A INPUT -p tcp -j REJECT --reject-with tcp-reset",
    "ip6tables -A INPUT -i veth9 -j DROP",
    "ip6tables -A INPUT -p icmpv6 ! --icmpv6-type 1/4",
    "ip6tables -N DNS",
    "ip6tables -A DNS -d 2001:db8::53 -j RETURN",
    "ip6tables -A DNS -j REJECT --reject-with icmp6-adm-prohibited",
    "ip6tables -A OUTPUT -d 2001:db8::/32 -p udp --dport 53 -j DNS",
    "ip6tables -A FORWARD -i veth0 -o veth1 -d 2001:db8:2::/ffff:ffff:ffff:: -j ACCEPT",
];

/// One packet: hook, source, destination, next header, ICMPv6 type and
/// code or destination port, in and out device, length; and the verdict.
type Case =
    (Hook, &'static str, &'static str, u8, Option<(u8, u8)>, Option<u16>, (&'static str, &'static str), usize, Verdict);

const CASES: &[Case] = &[
    // An echo request: REJECT's ip6tables default.
    (
        Hook::Input,
        "2001:db8:1::1",
        "2001:db8:1::2",
        58,
        Some((128, 0)),
        None,
        ("veth0", ""),
        104,
        Verdict::Reject(RejectWith::Icmp6PortUnreachable),
    ),
    // An echo reply passes the counting rule (not port unreachable) to the policy.
    (Hook::Input, "2001:db8:1::1", "2001:db8:1::2", 58, Some((129, 0)), None, ("veth0", ""), 104, Verdict::Accept),
    // Port unreachable is what the counting rule leaves out.
    (Hook::Input, "2001:db8:1::1", "2001:db8:1::2", 58, Some((1, 4)), None, ("veth0", ""), 152, Verdict::Accept),
    (Hook::Input, "2001:db8:1::5", "2001:db8:1::2", 6, None, Some(22), ("veth0", ""), 80, Verdict::Accept),
    (
        Hook::Input,
        "2001:db8:9::5",
        "2001:db8:1::2",
        6,
        None,
        Some(22),
        ("veth0", ""),
        80,
        Verdict::Reject(RejectWith::TcpReset),
    ),
    (Hook::Input, "fe80::1", "fe80::2", 17, None, Some(547), ("veth9", ""), 90, Verdict::Drop),
    (Hook::Input, "fe80::1", "fe80::2", 17, None, Some(547), ("veth0", ""), 90, Verdict::Accept),
    // A user chain: RETURN for the one server, REJECT for the rest.
    (Hook::Output, "2001:db8:1::2", "2001:db8::53", 17, None, Some(53), ("", "veth0"), 70, Verdict::Accept),
    (
        Hook::Output,
        "2001:db8:1::2",
        "2001:db8::54",
        17,
        None,
        Some(53),
        ("", "veth0"),
        70,
        Verdict::Reject(RejectWith::Icmp6AdmProhibited),
    ),
    (Hook::Output, "2001:db8:1::2", "2001:db9::54", 17, None, Some(53), ("", "veth0"), 70, Verdict::Accept),
    // FORWARD: a mask given as an address (a /48), then the DROP policy
    // (counted: -P).
    (
        Hook::Forward,
        "2001:db8:1::1",
        "2001:db8:2:0:ffff::1",
        17,
        None,
        Some(9),
        ("veth0", "veth1"),
        60,
        Verdict::Accept,
    ),
    (Hook::Forward, "2001:db8:1::1", "2001:db8:3::1", 17, None, Some(9), ("veth0", "veth1"), 60, Verdict::Drop),
    (Hook::Forward, "2001:db8:1::1", "2001:db8:2::1", 17, None, Some(9), ("veth1", "veth0"), 60, Verdict::Drop),
    // No filter chain at these hooks.
    (Hook::Prerouting, "2001:db8:1::1", "2001:db8:1::2", 58, Some((128, 0)), None, ("veth0", ""), 104, Verdict::Accept),
    (
        Hook::Postrouting,
        "2001:db8:1::2",
        "2001:db8:1::1",
        58,
        Some((129, 0)),
        None,
        ("", "veth0"),
        104,
        Verdict::Accept,
    ),
];

const LISTING: &str = "\
Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
    pkts      bytes target     prot opt in     out     source               destination         
       1      104 REJECT     58   --  *      *       ::/0                 ::/0                 ipv6-icmptype 128 reject-with icmp6-port-unreachable
       1       80 ACCEPT     6    --  *      *       2001:db8:1::/64      ::/0                 tcp dpt:22
       1       80 REJECT     6    --  *      *       ::/0                 ::/0                 reject-with tcp-reset
       1       90 DROP       0    --  veth9  *       ::/0                 ::/0                
       1      104            58   --  *      *       ::/0                 ::/0                 ipv6-icmp !type 1 code 4

Chain FORWARD (policy DROP 2 packets, 120 bytes)
    pkts      bytes target     prot opt in     out     source               destination         
       1       60 ACCEPT     0    --  veth0  veth1   ::/0                 2001:db8:2::/48     

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
    pkts      bytes target     prot opt in     out     source               destination         
       2      140 DNS        17   --  *      *       ::/0                 2001:db8::/32        udp dpt:53

Chain DNS (1 references)
    pkts      bytes target     prot opt in     out     source               destination         
       1       70 RETURN     0    --  *      *       ::/0                 2001:db8::53        
       1       70 REJECT     0    --  *      *       ::/0                 ::/0                 reject-with icmp6-adm-prohibited
";

fn run(k: &mut Kernel, line: &str) -> String {
    let argv: Vec<String> = line.split(' ').map(String::from).collect();
    let out = program(&mut SimNetfilter::new(k, NsId::HOST), &argv, "", 0);
    assert_eq!(out.status, 0, "{line}: {}", out.stderr());
    out.stdout()
}

fn addr(s: &str) -> Ipv6Addr {
    s.parse().expect("an IPv6 address")
}

#[test]
fn ip6tables_filter_decides_and_counts() {
    let mut k = Kernel::new(0);
    for line in RULES {
        run(&mut k, line);
    }
    for (i, &(hook, src, dst, next_header, icmp6, dport, (iif, oif), len, want)) in CASES.iter().enumerate() {
        let p = Packet6 {
            src: addr(src),
            dst: addr(dst),
            next_header,
            icmp6,
            sport: dport.map(|_| 40000),
            dport,
            tcp_flags: (next_header == 6).then_some(0x02),
            iif: (!iif.is_empty()).then_some(iif),
            oif: (!oif.is_empty()).then_some(oif),
            ct: None,
            len,
        };
        let nf = &mut k.ns_mut(NsId::HOST).expect("host").nat;
        assert_eq!(filter6(nf, hook, &p).0, want, "case {i}: {hook:?} {src} -> {dst}");
    }
    assert_eq!(run(&mut k, "ip6tables -L -n -v -x"), LISTING);
    // IPv4's tables saw none of it.
    assert!(run(&mut k, "iptables -L INPUT -v -n").contains("    0     0 DROP"));
}
