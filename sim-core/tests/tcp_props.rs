//! A seeded property test: random connect/listen/send/close scripts over
//! random small topologies (a chain of namespaces, routers forwarding or
//! not, NAT and filter rules on them), each run twice: the traces and the
//! socket tables must come out identical, and every run ends.

mod tcp_support;

use sim_core::netlink::sockets::{SockId, SockType};
use sim_core::rng::Rng;
use tcp_support::World;

/// The namespaces and the setup lines of a chain n0 — n1 — … — nk.
fn topology(r: &mut Rng) -> (Vec<String>, Vec<String>, Vec<String>) {
    let k = 1 + r.below(3);
    let nss: Vec<String> = (0..=k).map(|i| format!("n{i}")).collect();
    let mut lines = Vec::new();
    let mut addrs = vec!["127.0.0.1".to_string(), "10.9.9.9".to_string()];
    for n in &nss {
        lines.push(format!("ip netns add {n}"));
        if r.below(5) != 0 {
            lines.push(format!("ip -n {n} link set lo up"));
        }
    }
    for i in 0..k {
        let (a, b) = (&nss[i], &nss[i + 1]);
        lines.push(format!("ip link add l{i} netns {a} type veth peer name r{i} netns {b}"));
        lines.push(format!("ip -n {a} addr add 10.{i}.0.1/24 dev l{i}"));
        lines.push(format!("ip -n {b} addr add 10.{i}.0.2/24 dev r{i}"));
        lines.push(format!("ip -n {a} link set l{i} up"));
        lines.push(format!("ip -n {b} link set r{i} up"));
        addrs.push(format!("10.{i}.0.1"));
        addrs.push(format!("10.{i}.0.2"));
    }
    for (i, n) in nss.iter().enumerate() {
        if i > 0 && i < k && r.below(4) != 0 {
            lines.push(format!("ip netns exec {n} sysctl -w net.ipv4.ip_forward=1"));
        }
        if i > 0 && i < k {
            lines.push(format!("ip -n {n} route add 10.{}.0.0/16 via 10.{}.0.2", 8, i));
        }
        if i < k && i > 0 {
            // Toward the far end.
            lines.push(format!("ip -n {n} route add default via 10.{i}.0.2"));
        }
        if i == 0 && k > 0 && r.below(3) != 0 {
            lines.push(format!("ip -n {n} route add default via 10.0.0.2"));
        }
        if i == k && k > 1 && r.below(3) != 0 {
            lines.push(format!("ip -n {n} route add default via 10.{}.0.1", k - 1));
        }
        match r.below(6) {
            0 => lines.push(format!("ip netns exec {n} iptables -t nat -A POSTROUTING -j MASQUERADE")),
            1 => lines.push(format!("ip netns exec {n} iptables -A INPUT -p tcp --dport 80 -j DROP")),
            2 => lines.push(format!("ip netns exec {n} iptables -A FORWARD -p tcp -j REJECT --reject-with tcp-reset")),
            3 => lines.push(format!(
                "ip netns exec {n} iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination {}:8080",
                r.pick(&addrs)
            )),
            4 => lines.push(format!("ip netns exec {n} iptables -A INPUT -p udp -j REJECT")),
            _ => {}
        }
    }
    (nss, lines, addrs)
}

/// Runs one random script; returns its trace and final socket tables.
fn run(seed: u64) -> String {
    let mut r = Rng::new(seed);
    let (nss, lines, addrs) = topology(&mut r);
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let mut w = World::new(&refs);
    let mut open: Vec<(String, SockId)> = Vec::new();
    let ports = [80u16, 8080, 5353, 2000];
    for _ in 0..25 {
        let ns = r.pick(&nss).clone();
        let addr = format!("{}:{}", r.pick(&addrs), r.pick(&ports)).parse().unwrap();
        let any = format!("0.0.0.0:{}", r.pick(&ports)).parse().unwrap();
        let pick = (!open.is_empty()).then(|| r.below(open.len()));
        let op = r.below(7);
        w.say(&format!("op {op} in {ns}"));
        match op {
            0 => {
                let s = w.on(&ns, |s| {
                    let l = s.socket(SockType::Stream).ok()?;
                    s.bind_inet(l, any).ok()?;
                    s.listen(l, 2).ok()?;
                    Some(l)
                });
                open.extend(s.map(|s| (ns, s)));
            }
            1 | 2 => {
                let ty = if op == 1 { SockType::Stream } else { SockType::Dgram };
                let s = w.on(&ns, |s| {
                    let c = s.socket(ty).ok()?;
                    let r = s.connect_inet(c, addr);
                    let _ = s.send(c, b"hello\n");
                    r.ok().map(|_| c)
                });
                open.extend(s.map(|s| (ns, s)));
            }
            3 | 4 => {
                if let Some(i) = pick {
                    let (ns, s) = open[i].clone();
                    let got = w.on(&ns, |k| {
                        let _ = k.accept(s).map(|(c, _)| k.send(c, b"welcome\n"));
                        let _ = k.send(s, b"data\n");
                        k.recv_from(s, 64)
                    });
                    w.say(&format!("{got:?}"));
                }
            }
            5 => {
                if let Some(i) = pick {
                    let (ns, s) = open.remove(i);
                    let _ = w.on(&ns, |k| k.close(s));
                }
            }
            _ => w.wait(r.below(3_000_000) as u64),
        }
    }
    w.settle(w.now_us() + 200_000_000);
    for n in &nss {
        let ss = w.ss(n);
        w.say(&format!("ss {n}:\n{ss}"));
    }
    w.log
}

#[test]
fn random_scripts_repeat_exactly() {
    let seeds: u64 = std::env::var("NSLAB_TCP_SEEDS").ok().and_then(|s| s.parse().ok()).unwrap_or(40);
    let mut seen = [0usize; 4];
    for seed in 0..seeds {
        let a = run(seed);
        let b = run(seed);
        assert!(a == b, "seed {seed}: two runs differ");
        assert!(a.contains("ss n0"), "seed {seed}");
        for (i, what) in ["[S.]", "[R", "[F.]", "send UDP"].iter().enumerate() {
            seen[i] += a.matches(what).count();
        }
    }
    eprintln!("SYN-ACKs, RSTs, FINs, UDP datagrams: {seen:?}");
    // The scripts reach the handshake, resets, closes and UDP.
    assert!(seeds < 40 || seen.iter().all(|n| *n > 0), "{seen:?}");
}
