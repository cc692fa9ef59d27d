//! Every bad command gets an error and leaves the world exactly as it was.
//!
//! Commands are generated from templates of single-change commands by
//! seeded mutations (a token replaced by garbage, dropped, duplicated, the
//! line cut short). Whatever fails must leave the kernel state identical.

use sim_core::Lab;

use sim_core::rng::Rng;

const SETUP: &[&str] = &[
    "ip netns add red",
    "ip netns add blue",
    "ip link add veth-r type veth peer name veth-b",
    "ip link set veth-r netns red",
    "ip link set veth-b netns blue",
    "ip -n red addr add 10.0.0.1/24 dev veth-r",
    "ip -n blue addr add 10.0.0.2/24 dev veth-b",
    "ip -n red link set veth-r up",
    "ip -n blue link set veth-b up",
    "ip link add br0 type bridge",
    "ip link set br0 up",
    "ip addr add 10.1.0.1/24 dev br0",
    "ip link add v1 type veth peer name v2",
    "ip link set v1 master br0",
    "ip route add 10.9.0.0/16 via 10.1.0.2",
    "ip neigh add 10.1.0.7 lladdr 02:00:00:00:00:07 dev br0",
    "sysctl -w net.ipv4.ip_forward=1",
    // A name taken in two namespaces, for moves that collide.
    "ip -n red link add v1 type bridge",
    // Dump everywhere once, so every namespace id that a dump would give is given.
    "ip link",
    "ip -n red link",
    "ip -n blue link",
];

const TEMPLATES: &[&str] = &[
    "ip link add tap1 type veth peer name tap2",
    "ip link add br1 type bridge",
    "ip link set v1 up",
    "ip link set v2 mtu 9000",
    "ip link set v2 name v3",
    "ip link set v2 address 02:00:00:00:00:09",
    "ip link set v2 master br0",
    "ip link set v1 nomaster",
    "ip link set v2 netns red",
    "ip link delete v2",
    "ip addr add 10.2.0.1/24 dev v2",
    "ip addr del 10.1.0.1/24 dev br0",
    "ip addr flush dev br0",
    "ip route add 10.8.0.0/16 dev br0",
    "ip route add default via 10.1.0.254",
    "ip route replace 10.9.0.0/16 dev br0",
    "ip route del 10.9.0.0/16",
    "ip neigh add 10.1.0.8 lladdr 02:00:00:00:00:08 dev br0",
    "ip neigh del 10.1.0.7 dev br0",
    "ip netns add green",
    "ip netns delete blue",
    "ip -n red link set veth-r mtu 1400",
    "ip netns exec red ip addr add 10.0.0.9/24 dev veth-r",
    "sysctl -w net.ipv4.conf.br0.proxy_arp=1",
    "ifconfig v2 192.168.1.2/24",
    // Names: collisions with unnamed peers, templates, renames and moves.
    "ip link add veth0 type veth",
    "ip link add type veth",
    "ip link add v9 type veth peer name v1",
    "ip link add tap%d type veth peer name v%d",
    "ip link add br%d type bridge",
    "ip link set v2 name v1",
    "ip link set v2 name veth%d",
    "ip link set v1 netns red",
    "ip -n red link set v1 netns blue",
    "ip -n red link set veth-r netns blue",
    "ip link add v5 type veth peer name veth-r netns red",
];

const GARBAGE: &[&str] = &[
    "nosuch",
    "10.0.0.300/24",
    "10.0.0.1/33",
    "upp",
    "dev",
    "type",
    "peer",
    "netns",
    "nowhere",
    "mtu",
    "70000",
    "67",
    "zz",
    "01:00:00:00:00:01",
    "name",
    "",
    "-x",
    "master",
    "lo",
    "via",
    "1.2.3.4",
    "default",
    "a/b",
    "addr",
    "lnk",
    "0",
    "-1",
    "4294967296",
    "table",
    "scope",
    "bogus",
    "lladdr",
    "br0",
    "veth-r",
    "veth-b",
    "v1",
    "veth%d",
    "%d%d",
    ".",
    "blue",
];

fn mutate(rng: &mut Rng, line: &str, garbage: &[&str]) -> String {
    let mut toks: Vec<String> = line.split(' ').map(str::to_string).collect();
    for _ in 0..1 + rng.next_u64() % 2 {
        let i = (rng.next_u64() % toks.len() as u64) as usize;
        match rng.next_u64() % 4 {
            0 => toks[i] = (*rng.pick(garbage)).to_string(),
            1 if toks.len() > 2 => {
                toks.remove(i);
            }
            2 => {
                let t = toks[i].clone();
                toks.insert(i, t);
            }
            _ => toks.truncate(i.max(2)),
        }
    }
    toks.iter().map(|t| if t.is_empty() { "''".to_string() } else { t.clone() }).collect::<Vec<_>>().join(" ")
}

/// The world is as it was, but for what Linux itself leaves behind on
/// failure: where the next ifindex search starts (a veth whose device cannot
/// be registered after its peer was used the peer's index, as the
/// name-collisions recording shows) and FIB tables (`inet_rtm_newroute()`
/// makes the table before it checks the route).
fn unchanged_but_ifindexes(before: &Lab, after: &Lab) -> bool {
    let mut k = after.kernel().clone();
    for id in k.ns_ids() {
        if let (Some(n), Some(b)) = (k.ns_mut(id), before.kernel().ns(id)) {
            n.next_ifindex = b.next_ifindex;
            n.tables.clone_from(&b.tables);
        }
    }
    k == *before.kernel()
}

#[test]
fn failed_commands_leave_the_world_as_it_was() {
    let mut base = Lab::with_seed(7);
    for c in SETUP {
        let out = base.run(c);
        assert_eq!(out.status, 0, "setup `{c}` failed: {}", out.text());
    }
    let mut rng = Rng::new(2024);
    let (mut tried, mut failed) = (0, 0);
    for _ in 0..4000 {
        let template = *rng.pick(TEMPLATES);
        let line = mutate(&mut rng, template, GARBAGE);
        let mut lab = base.clone();
        let out = lab.run(&line);
        tried += 1;
        // sysctl handles each key on its own, as procps does: a line with one
        // bad key and one good one applies the good one on Linux too.
        // ifconfig makes one ioctl per argument, in order: a bad argument
        // after a good one leaves the good one applied.
        let partial_by_design = (line.starts_with("sysctl") && !out.stdout().is_empty())
            || (line.starts_with("ifconfig") && line.split(' ').count() > 3);
        if let Err(e) = lab.kernel().check_invariants() {
            panic!("`{line}` broke an invariant: {e}");
        }
        if out.status != 0 && !partial_by_design {
            failed += 1;
            assert!(!out.text().is_empty(), "`{line}` failed silently");
            assert!(
                unchanged_but_ifindexes(&base, &lab),
                "`{line}` failed ({}) but changed the world",
                out.text().trim_end()
            );
        }
    }
    println!("{tried} generated commands, {failed} failed, all left the world unchanged");
    assert!(failed > tried / 4, "the generator should mostly produce bad commands");
}

/// A few rules, user chains and policies in filter and nat to break.
const NF_SETUP: &[&str] = &[
    "iptables -N WEB",
    "iptables -N LOGS",
    "iptables -A INPUT -s 10.0.0.2 -j WEB",
    "iptables -A WEB -p tcp -m multiport --dports 80,443 -j ACCEPT",
    "iptables -A WEB -p icmp --icmp-type echo-request -j RETURN",
    "iptables -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
    "iptables -P FORWARD DROP",
    "iptables -t nat -A POSTROUTING -o veth-r -j MASQUERADE",
    "iptables -t nat -A PREROUTING -d 10.1.0.1 -p tcp --dport 8080 -j DNAT --to-destination 10.0.0.2:80",
    "ip6tables -N WEB",
    "ip6tables -A INPUT -s 2001:db8::/32 -j WEB",
    "ip6tables -A WEB -p ipv6-icmp --icmpv6-type echo-request -j REJECT",
    "ip6tables -P FORWARD DROP",
];

const NF_TEMPLATES: &[&str] = &[
    "iptables -A INPUT -p tcp --dport 22 -j ACCEPT",
    "iptables -I WEB 2 -s 10.0.0.0/24 -j DROP",
    "iptables -R WEB 1 -p udp --sport 53 -j ACCEPT",
    "iptables -D WEB 2",
    "iptables -D INPUT -s 10.0.0.2 -j WEB",
    "iptables -C WEB -p icmp --icmp-type 8 -j RETURN",
    "iptables -F WEB",
    "iptables -Z INPUT 1",
    "iptables -N NEW",
    "iptables -X LOGS",
    "iptables -E LOGS AUDITED",
    "iptables -P INPUT DROP",
    "iptables -A FORWARD -i veth-r -o br0 -m state --state NEW -j LOG --log-prefix fw: --log-level 4",
    "iptables -A OUTPUT -d 10.9.0.0/16 -j REJECT --reject-with icmp-host-prohibited",
    "iptables -A LOGS -m comment --comment note -j WEB",
    "iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -j SNAT --to-source 10.1.0.1",
    "iptables -t nat -I PREROUTING 1 -p udp --dport 53 -j DNAT --to-destination 10.0.0.2",
    "iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 1000-2000",
    "iptables -A FORWARD -m physdev --physdev-in v1 --physdev-is-bridged -j DROP",
    "iptables -A INPUT -p tcp --syn -j DROP",
    "iptables -A INPUT -m limit --limit 5/min --limit-burst 10 -j LOG",
    "iptables -A INPUT -m iprange --src-range 10.0.0.1-10.0.0.9 -j DROP",
    "iptables -t nat -A POSTROUTING -j SNAT --to-source 10.1.0.1 --random",
    "iptables -A INPUT -s 10.0.0.0/255.0.255.0 -f -g WEB",
    "iptables -X -v",
    "iptables -L -Z -v -n",
    "ip6tables -A INPUT -s fe80::/10 -p tcp --dport 22 -j ACCEPT",
    "ip6tables -I WEB 1 -p icmpv6 --icmpv6-type 1/4 -j REJECT --reject-with icmp6-adm-prohibited",
    "ip6tables -D WEB 1",
    "ip6tables -A OUTPUT -d 2001:db8::/ffff:ffff:: -j DROP",
    "ip6tables -P INPUT DROP",
    "ip6tables -X WEB",
    "ip6tables -Z INPUT 1",
];

const NF_GARBAGE: &[&str] = &[
    "",
    "!",
    "-j",
    "-p",
    "-s",
    "-d",
    "-i",
    "-o",
    "-m",
    "-t",
    "DROP",
    "ACCEPT",
    "REJECT",
    "NOPE",
    "WEB",
    "LOGS",
    "INPUT",
    "PREROUTING",
    "nat",
    "filter",
    "bogus",
    "tcp",
    "icmp",
    "--dport",
    "--sport",
    "99999",
    "80:70",
    "0",
    "-1",
    "7",
    "10.0.0.300",
    "10.0.0.0/33",
    "--to-destination",
    "1.2.3.4:80",
    "--state",
    "NEWISH",
    "-N",
    "-X",
    "-E",
    "-P",
    "-A",
    "-D",
    "-L",
    "-Z",
    "--reject-with",
    "tcp-reset",
    "--log-level",
    "9",
    "a b",
    "-x",
    "2001:db8::/129",
    "fe80::1%eth0",
    "--icmpv6-type",
    "ipv6-icmp",
    "neighbour",
    "-f",
    "-4",
    "icmp6-no-route",
];

/// iptables-nft commits a table in one batch: a command that fails leaves
/// every table, chain, rule, policy and counter as it was.
#[test]
fn failed_iptables_commands_leave_netfilter_as_it_was() {
    let mut base = Lab::with_seed(7);
    for c in SETUP.iter().chain(NF_SETUP) {
        let out = base.run(c);
        assert_eq!(out.status, 0, "setup `{c}` failed: {}", out.text());
    }
    let mut rng = Rng::new(11);
    let (mut tried, mut failed) = (0, 0);
    for _ in 0..3000 {
        let template = *rng.pick(NF_TEMPLATES);
        let line = mutate(&mut rng, template, NF_GARBAGE);
        let mut lab = base.clone();
        let out = lab.run(&line);
        tried += 1;
        if out.status != 0 {
            failed += 1;
            assert!(!out.text().is_empty(), "`{line}` failed silently");
            assert!(lab.kernel() == base.kernel(), "`{line}` failed ({}) but changed the world", out.text().trim_end());
        }
    }
    println!("{tried} generated iptables commands, {failed} failed, all left netfilter unchanged");
    assert!(failed > tried / 4, "the generator should mostly produce bad commands");
}
