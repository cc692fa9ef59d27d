//! Property tests over random topologies (a tiny seeded PRNG, no crates):
//! the engine always terminates, never panics, and a second identical run
//! gives an identical transcript and trace — also with random iptables
//! rule sets (filter and nat, user chains, conntrack states, REJECT types,
//! policies, br_netfilter on and off) in every namespace.

mod packet_support;

use packet_support::Host;

use sim_core::rng::Rng;

/// A random script: namespaces, veths (some between namespaces, some into
/// bridges, some looping back into the same bridge), addresses, routes,
/// forwarding, NAT, links up and down, then pings.
fn script(seed: u64) -> Vec<String> {
    let mut r = Rng::new(seed);
    let mut cmds = Vec::new();
    let nss: Vec<String> = (0..2 + r.below(4)).map(|i| format!("n{i}")).collect();
    for n in &nss {
        cmds.push(format!("ip netns add {n}"));
        if r.below(4) != 0 {
            cmds.push(format!("ip -n {n} link set lo up"));
        }
    }
    let mut all_ns = nss.clone();
    all_ns.push("HOST".into());
    let mut devs: Vec<(String, String)> = Vec::new();
    let mut bridges: Vec<(String, String)> = Vec::new();
    for b in 0..r.below(3) {
        let ns = r.pick(&all_ns).to_string();
        let name = format!("br{b}");
        cmds.push(format!("{}ip link add {name} type bridge", prefix(&ns)));
        if r.below(5) != 0 {
            cmds.push(format!("{}ip link set {name} up", prefix(&ns)));
        }
        bridges.push((ns.clone(), name.clone()));
        devs.push((ns, name));
    }
    for v in 0..2 + r.below(6) {
        let (a, b) = (r.pick(&all_ns).to_string(), r.pick(&all_ns).to_string());
        let (x, y) = (format!("va{v}"), format!("vb{v}"));
        cmds.push(format!("ip link add {x} type veth peer name {y}"));
        for (ns, d) in [(&a, &x), (&b, &y)] {
            if ns != "HOST" {
                cmds.push(format!("ip link set {d} netns {ns}"));
            }
            if r.below(4) != 0 {
                cmds.push(format!("{}ip link set {d} up", prefix(ns)));
            }
        }
        for (ns, d) in [(a, x), (b, y)] {
            let in_bridge = bridges.iter().find(|(bns, _)| *bns == ns).cloned();
            match in_bridge {
                Some((_, br)) if r.below(2) == 0 => cmds.push(format!("{}ip link set {d} master {br}", prefix(&ns))),
                _ => devs.push((ns, d)),
            }
        }
    }
    let mut addrs: Vec<String> = Vec::new();
    for (ns, d) in &devs {
        if r.below(5) == 0 {
            continue;
        }
        let a = format!("10.{}.0.{}", r.below(3), 1 + r.below(6));
        let p = [24, 16, 32][r.below(3)];
        cmds.push(format!("{}ip addr add {a}/{p} dev {d}", prefix(ns)));
        addrs.push(a);
    }
    addrs.push("127.0.0.1".into());
    addrs.push("10.9.9.9".into());
    for ns in &all_ns {
        if r.below(2) == 0 {
            cmds.push(format!("{}ip route add default via {}", prefix(ns), r.pick(&addrs)));
        }
        if r.below(2) == 0 {
            cmds.push(format!("{}sysctl -w net.ipv4.ip_forward=1", prefix(ns)));
        }
        if r.below(3) == 0 {
            cmds.push(format!("{}iptables -t nat -A POSTROUTING -j MASQUERADE", prefix(ns)));
        }
        if r.below(6) == 0 {
            cmds.push(format!("{}sysctl -w net.ipv4.conf.all.proxy_arp=1", prefix(ns)));
        }
    }
    for _ in 0..3 + r.below(4) {
        let ns = r.pick(&all_ns).to_string();
        let c = 1 + r.below(3);
        let ttl = if r.below(4) == 0 { " -t 3".to_string() } else { String::new() };
        cmds.push(format!("{}ping -c {c} -W 1{ttl} {}", prefix(&ns), r.pick(&addrs)));
        if r.below(3) == 0 {
            cmds.push(format!("{}ip neigh", prefix(&ns)));
        }
    }
    cmds
}

/// Random iptables rules and settings for the namespaces of [`script`],
/// inserted before its pings, with listings after them.
fn with_rules(seed: u64, cmds: Vec<String>) -> Vec<String> {
    let mut r = Rng::new(seed ^ 0x6e66);
    let nss: Vec<String> = cmds
        .iter()
        .filter_map(|c| c.strip_prefix("ip netns add "))
        .map(String::from)
        .chain(["HOST".to_string()])
        .collect();
    let addrs = ["10.0.0.1", "10.0.0.0/24", "10.1.0.0/16", "10.2.0.3", "127.0.0.1", "0.0.0.0/0"];
    let verdicts = ["ACCEPT", "DROP", "REJECT", "RETURN", "USER", "LOG", ""];
    let rejects = ["icmp-port-unreachable", "icmp-host-prohibited", "icmp-net-unreachable", "icmp-admin-prohibited"];
    let states = ["NEW", "ESTABLISHED", "RELATED", "ESTABLISHED,RELATED", "INVALID", "NEW,ESTABLISHED"];
    let mut rules = Vec::new();
    for ns in &nss {
        let p = prefix(ns);
        if r.below(2) == 0 {
            rules.push(format!("{p}iptables -N USER"));
            rules.push(format!("{p}iptables -A USER -s {} -j RETURN", r.pick(&addrs)));
            rules.push(format!("{p}iptables -A USER -p icmp -j {}", ["ACCEPT", "DROP"][r.below(2)]));
        }
        for _ in 0..r.below(6) {
            let chain = ["INPUT", "FORWARD", "OUTPUT"][r.below(3)];
            let mut m = String::new();
            if r.below(2) == 0 {
                m += &format!(" -{} {}", ["s", "d"][r.below(2)], r.pick(&addrs));
            }
            if r.below(3) == 0 {
                m += &format!(" -m conntrack --ctstate {}", r.pick(&states));
            }
            if r.below(4) == 0 {
                m += " -p icmp --icmp-type echo-request";
            }
            let v = *r.pick(&verdicts);
            let j = match v {
                "" => String::new(),
                "REJECT" => format!(" -j REJECT --reject-with {}", r.pick(&rejects)),
                v => format!(" -j {v}"),
            };
            rules.push(format!("{p}iptables -A {chain}{m}{j}"));
        }
        if r.below(4) == 0 {
            rules.push(format!("{p}iptables -P {} DROP", ["INPUT", "FORWARD", "OUTPUT"][r.below(3)]));
        }
        if r.below(4) == 0 {
            rules.push(format!(
                "{p}iptables -t nat -A PREROUTING -d 10.9.9.9 -j DNAT --to-destination {}",
                r.pick(&addrs[..4])
            ));
        }
        if r.below(4) == 0 {
            rules.push(format!("{p}iptables -t nat -A POSTROUTING -s {} -j SNAT --to-source 10.0.0.1", r.pick(&addrs)));
        }
        if r.below(4) == 0 {
            rules.push(format!("{p}sysctl -w net.bridge.bridge-nf-call-iptables=0"));
        }
        if r.below(2) == 0 {
            rules.push(format!("{p}sysctl -w net.ipv4.icmp_ratelimit=0"));
        }
    }
    let first_ping = cmds.iter().position(|c| c.contains("ping ")).unwrap_or(cmds.len());
    let mut out = cmds[..first_ping].to_vec();
    out.extend(rules);
    out.extend_from_slice(&cmds[first_ping..]);
    for ns in &nss {
        out.push(format!("{}iptables -L -n -v -x", prefix(ns)));
        out.push(format!("{}iptables -t nat -L -n -v", prefix(ns)));
        out.push(format!("{}sysctl net.netfilter.nf_conntrack_count", prefix(ns)));
    }
    out
}

fn prefix(ns: &str) -> String {
    if ns == "HOST" {
        String::new()
    } else {
        format!("ip netns exec {ns} ")
    }
}

fn run(cmds: &[String]) -> (String, String) {
    let mut h = Host::new(11);
    let (mut text, mut traces) = (String::new(), String::new());
    for c in cmds {
        let o = h.run(c);
        text += &format!("$ {c}\n{}[{}]\n", o.text(), o.status);
        for ch in &o.chunks {
            text += &format!("<{}>", ch.delay_ms);
        }
        traces += &h.trace.to_string();
    }
    (text, traces)
}

#[test]
fn random_topologies_terminate_and_repeat() {
    let cases: u64 = std::env::var("PACKET_PROP_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(150);
    let mut pings_ok = 0;
    for seed in 0..cases {
        let cmds = script(seed);
        let first = run(&cmds);
        let second = run(&cmds);
        assert_eq!(first, second, "seed {seed} is not deterministic");
        pings_ok += first.0.matches(" 0% packet loss").count();
    }
    println!("{cases} random topologies, {pings_ok} successful pings");
}

#[test]
fn random_rule_sets_repeat() {
    let cases: u64 = std::env::var("PACKET_PROP_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(100);
    let (mut filtered, mut pings_ok) = (0, 0);
    for seed in 0..cases {
        let cmds = with_rules(seed, script(seed));
        let first = run(&cmds);
        let second = run(&cmds);
        assert_eq!(first, second, "seed {seed} is not deterministic");
        pings_ok += first.0.matches(" 0% packet loss").count();
        filtered += first.1.matches(" by filter ").count();
    }
    println!("{cases} random rule sets, {pings_ok} successful pings, {filtered} filter verdicts traced");
}

/// Two bridges joined by two veths: a broadcast storm, as on real hardware,
/// bounded by the engine's step budget.
#[test]
fn bridge_loop_terminates() {
    let mut h = Host::new(3);
    for l in [
        "ip link add b1 type bridge",
        "ip link add b2 type bridge",
        "ip link set b1 up",
        "ip link set b2 up",
        "ip link add x1 type veth peer name y1",
        "ip link add x2 type veth peer name y2",
        "ip link set x1 master b1",
        "ip link set x2 master b1",
        "ip link set y1 master b2",
        "ip link set y2 master b2",
        "ip link set x1 up",
        "ip link set x2 up",
        "ip link set y1 up",
        "ip link set y2 up",
        "ip addr add 10.0.0.1/24 dev b1",
    ] {
        h.run(l);
    }
    let o = h.run("ping -c 1 -W 1 10.0.0.2");
    assert_eq!(o.status, 1);
}

/// A routing loop: TTL ends it, and the sender hears about it.
#[test]
fn routing_loop_ends_by_ttl() {
    let mut h = Host::new(5);
    for l in [
        "ip netns add a",
        "ip link set lo up",
        "ip link add v0 type veth peer name v1 netns a",
        "ip addr add 10.0.0.1/24 dev v0",
        "ip -n a addr add 10.0.0.2/24 dev v1",
        "ip link set v0 up",
        "ip -n a link set v1 up",
        "ip route add 10.5.0.0/16 via 10.0.0.2",
        "ip -n a route add 10.5.0.0/16 via 10.0.0.1",
        "sysctl -w net.ipv4.ip_forward=1",
        "ip netns exec a sysctl -w net.ipv4.ip_forward=1",
    ] {
        h.run(l);
    }
    let o = h.run("ping -c 1 10.5.0.1");
    assert!(o.text().contains("Time to live exceeded"), "{}\n{}", o.text(), h.trace);
    assert!(h.trace.dropped_for(sim_core::packet::DropReason::TtlExceeded));
}
