//! What explained output costs: `ip -s addr` over 100 veth pairs (about
//! 2,700 fields) run with the recorder on (the explain feature; built
//! without it, the same command records nothing: compare the two builds),
//! and `Lab::explain` turning what it recorded into notes.

use criterion::{criterion_group, criterion_main, Criterion};
use sim_core::Lab;

fn lab() -> Lab {
    let mut lab = Lab::new();
    for i in 0..100 {
        let (a, b) = (i / 64, (i % 64) * 4);
        for l in [
            format!("ip netns add ns{i}"),
            format!("ip link add vh{i} type veth peer name vn{i} netns ns{i}"),
            format!("ip addr add 10.{a}.{b}.1/30 dev vh{i}"),
            format!("ip link set vh{i} up"),
        ] {
            lab.run(&l);
        }
    }
    lab
}

fn explain(c: &mut Criterion) {
    let mut g = c.benchmark_group("explain");
    g.sample_size(20);
    let mut l = lab();
    g.bench_function("ip -s addr, 100 veth pairs", |b| b.iter(|| l.run("ip -s addr")));
    #[cfg(feature = "explain")]
    {
        let out = l.run("ip -s addr");
        g.bench_function("notes of ip -s addr, 100 veth pairs", |b| b.iter(|| l.explain(&out)));
    }
    g.finish();
}

criterion_group!(benches, explain);
criterion_main!(benches);
