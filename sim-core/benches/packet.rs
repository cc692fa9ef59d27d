//! Time per ping through the packet engine: across a chain of 100
//! namespaces joined by veths with forwarding, and across a bridge with
//! 500 ports. "warm" pings find every neighbour resolved; "cold" ones
//! start from a copy of the freshly built world and ARP on the way.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use sim_core::iproute::{self, Outcome};
use sim_core::kernel::{Kernel, NsId};
use sim_core::netlink::{SimNetlink, SimSockets};
use sim_core::tools::ping;

fn ip(k: &mut Kernel, ns: NsId, line: &str) {
    let argv: Vec<String> = line.split_whitespace().map(String::from).collect();
    match iproute::ip(&mut SimNetlink::new(k, ns), &argv) {
        Outcome::Done(o) => assert_eq!(o.status, 0, "{line}: {}", o.text()),
        Outcome::Exec { .. } => panic!("no exec here"),
    }
}

fn ns(k: &Kernel, name: &str) -> NsId {
    k.ns_by_name(name).expect("namespace")
}

/// n namespaces c0..c{n-1}; c{i} and c{i+1} share 10.{i/64}.{i%64*4}.0/30.
fn chain(n: usize) -> Kernel {
    let mut k = Kernel::new(1);
    let h = NsId::HOST;
    let net = |i: usize, host: u8| format!("10.{}.{}.{host}", i / 64, (i % 64) * 4);
    for i in 0..n {
        ip(&mut k, h, &format!("netns add c{i}"));
        let c = ns(&k, &format!("c{i}"));
        ip(&mut k, c, "link set lo up");
        sim_core::kernel::sysctl::write(&mut k, c, "net/ipv4/ip_forward", "1").expect("sysctl");
    }
    for i in 0..n - 1 {
        ip(&mut k, h, &format!("link add l{i} netns c{i} type veth peer name r{i} netns c{}", i + 1));
    }
    for i in 0..n - 1 {
        let (a, b) = (ns(&k, &format!("c{i}")), ns(&k, &format!("c{}", i + 1)));
        ip(&mut k, a, &format!("addr add {}/30 dev l{i}", net(i, 1)));
        ip(&mut k, a, &format!("link set l{i} up"));
        ip(&mut k, b, &format!("addr add {}/30 dev r{i}", net(i, 2)));
        ip(&mut k, b, &format!("link set r{i} up"));
    }
    for i in 0..n {
        let c = ns(&k, &format!("c{i}"));
        if i + 1 < n {
            ip(&mut k, c, &format!("route add default via {}", net(i, 2)));
        }
        if i > 1 {
            ip(&mut k, c, &format!("route add 10.0.0.0/30 via {}", net(i - 1, 1)));
        }
    }
    k
}

/// A bridge in the host with n ports, each a veth to namespace p{i}.
fn bridge(n: usize) -> Kernel {
    let mut k = Kernel::new(2);
    let h = NsId::HOST;
    ip(&mut k, h, "link add br0 type bridge");
    ip(&mut k, h, "link set br0 up");
    for i in 0..n {
        ip(&mut k, h, &format!("netns add p{i}"));
        ip(&mut k, h, &format!("link add v{i} type veth peer name eth0 netns p{i}"));
        ip(&mut k, h, &format!("link set v{i} master br0"));
        ip(&mut k, h, &format!("link set v{i} up"));
        let p = ns(&k, &format!("p{i}"));
        ip(&mut k, p, &format!("addr add 10.0.{}.{}/16 dev eth0", i / 250, i % 250 + 1));
        ip(&mut k, p, "link set eth0 up");
    }
    k
}

fn argv(s: &str) -> Vec<String> {
    s.split_whitespace().map(String::from).collect()
}

/// Runs `ping` in a namespace, as `Lab` does.
fn run_ping(k: &mut Kernel, from: NsId, cmd: &[String]) -> sim_core::Output {
    let mut socks = SimSockets::new(k, from);
    let o = ping::run(&mut socks, cmd);
    socks.finish();
    o
}

fn one(k: &mut Kernel, from: NsId, cmd: &[String]) {
    let o = run_ping(k, from, cmd);
    assert_eq!(o.status, 0, "{}", o.text());
}

fn packet(c: &mut Criterion) {
    let mut g = c.benchmark_group("ping");
    g.sample_size(20);

    let chain_k = chain(100);
    let c0 = ns(&chain_k, "c0");
    // A reply starts with TTL 64, so 63 routers is as far as a round trip goes.
    let link = 62; // the link between c62 and c63
    let to63 = argv(&format!("ping -c 1 10.{}.{}.2", link / 64, (link % 64) * 4));
    let mut warm = chain_k.clone();
    one(&mut warm, c0, &to63);
    g.bench_function("chain of 100 namespaces, 63 routers each way, warm", |b| b.iter(|| one(&mut warm, c0, &to63)));
    g.bench_function("chain of 100 namespaces, 63 routers each way, cold (ARP at every hop)", |b| {
        b.iter_batched(|| chain_k.clone(), |mut k| one(&mut k, c0, &to63), BatchSize::LargeInput)
    });
    // The full length: the request crosses all 98 routers (-t 255); the
    // reply's TTL runs out on the way back, as it would on Linux.
    let to99 = argv(&format!("ping -c 1 -W 1 -t 255 10.{}.{}.2", 98 / 64, (98 % 64) * 4));
    let mut warm99 = chain_k.clone();
    let _ = run_ping(&mut warm99, c0, &to99);
    g.bench_function("chain of 100 namespaces, request across all 98 routers, warm", |b| {
        b.iter(|| run_ping(&mut warm99, c0, &to99))
    });

    let br_k = bridge(500);
    let p0 = ns(&br_k, "p0");
    let to499 = argv(&format!("ping -c 1 10.0.{}.{}", 499 / 250, 499 % 250 + 1));
    let mut warm = br_k.clone();
    one(&mut warm, p0, &to499);
    g.bench_function("bridge with 500 ports, warm", |b| b.iter(|| one(&mut warm, p0, &to499)));
    g.bench_function("bridge with 500 ports, cold (ARP flooded to 500 ports)", |b| {
        b.iter_batched(|| br_k.clone(), |mut k| one(&mut k, p0, &to499), BatchSize::LargeInput)
    });
    g.finish();
}

criterion_group!(benches, packet);
criterion_main!(benches);
