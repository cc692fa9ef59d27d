//! Builds a large world command by command: 1000 namespaces, each joined to
//! the host by a veth pair whose host end gets an address and comes up.
//! Reports commands per second. `scripts/bench-kernel-build` runs the same
//! commands through `ip -batch` on a real kernel, for the ratio.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sim_core::Lab;

/// The same script `scripts/bench-kernel-build` feeds to `ip -batch`.
pub fn script(n: usize) -> Vec<String> {
    let mut v = Vec::with_capacity(n * 4);
    for i in 0..n {
        let (a, b) = (i / 64, (i % 64) * 4);
        v.push(format!("ip netns add ns{i}"));
        v.push(format!("ip link add vh{i} type veth peer name vn{i} netns ns{i}"));
        v.push(format!("ip addr add 10.{a}.{b}.1/30 dev vh{i}"));
        v.push(format!("ip link set vh{i} up"));
    }
    v
}

fn build(c: &mut Criterion) {
    let lines = script(1000);
    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    g.throughput(Throughput::Elements(lines.len() as u64));
    g.bench_function("1000 namespaces, 1000 veth pairs", |b| {
        b.iter(|| {
            let mut lab = Lab::new();
            for l in &lines {
                let out = lab.run(l);
                assert_eq!(out.status, 0, "{l}: {}", out.text());
            }
            lab
        })
    });
    g.finish();
}

criterion_group!(benches, build);
criterion_main!(benches);
