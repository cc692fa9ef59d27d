//! What a command costs the diagram before any DOM work: the layout of a
//! lab of 50, 500 and 2000 namespaces (each cabled to the host, its host end
//! up with an address), after one more namespace was changed. Above
//! `layout::FULL_MAX` namespaces the layout is the summary (see web/README.md).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use sim_core::Lab;
use web::layout::KeySet;
use web::layout::{self, Memory};

fn lab(n: usize) -> sim_core::Snapshot {
    let mut lab = Lab::new();
    for i in 0..n {
        let (a, b) = (i / 64, (i % 64) * 4);
        lab.run(&format!("ip netns add ns{i}"));
        lab.run(&format!("ip link add vh{i} type veth peer name vn{i} netns ns{i}"));
        lab.run(&format!("ip addr add 10.{a}.{b}.1/30 dev vh{i}"));
        lab.run(&format!("ip link set vh{i} up"));
    }
    lab.snapshot()
}

fn draw(c: &mut Criterion) {
    let mut g = c.benchmark_group("diagram layout after a command");
    g.sample_size(20);
    for n in [50, 500, 2000] {
        let snap = lab(n);
        let mut mem = Memory::default();
        layout::draw(&snap, &mut mem, &KeySet::new(), layout::Shown::default(), layout::COLS);
        let hot: KeySet =
            [(format!("ns/ns{}", n / 2), ()), (format!("link/host/vh{}", n / 2), ())].into_iter().collect();
        g.bench_with_input(BenchmarkId::from_parameter(n), &snap, |b, snap| {
            b.iter(|| layout::draw(snap, &mut mem, &hot, layout::Shown::default(), layout::COLS))
        });
    }
    g.finish();
}

criterion_group!(benches, draw);
criterion_main!(benches);
