//! What the lab's side of a reload costs: a saved 1000-command session (the
//! one `scripts/bench-site` reloads: 100 namespaces wired and queried, ten
//! lines each) opened by `LabHost`, replayed, and answered with every
//! line's output and the state; the page's rendering is not in it.

use criterion::{criterion_group, criterion_main, Criterion};
use lab_protocol::Request;
use web::lab::host::LabHost;

fn session() -> Vec<String> {
    let mut lines = Vec::new();
    for i in 0..100 {
        lines.extend([
            format!("ip netns add r{i}"),
            format!("ip link add a{i} type veth peer name b{i}"),
            format!("ip link set a{i} netns r{i}"),
            format!("ip -n r{i} addr add 10.9.{i}.1/24 dev a{i}"),
            format!("ip -n r{i} link set a{i} up"),
            format!("ip addr add 10.9.{i}.2/24 dev b{i}"),
            format!("ip link set b{i} up"),
            format!("ip -n r{i} link show"),
            "ip -br addr".to_string(),
            format!("echo step {i}"),
        ]);
    }
    lines
}

fn reopen(c: &mut Criterion) {
    let lines = session();
    let mut g = c.benchmark_group("lab");
    g.sample_size(10);
    g.bench_function("open a 1000-command session", |b| {
        b.iter(|| {
            let mut host = LabHost::default();
            let mut events = 0;
            host.handle(Request::Open { lines: lines.clone(), lesson: None, preset: None }, &mut |_| events += 1);
            events
        })
    });
    g.finish();
}

criterion_group!(benches, reopen);
criterion_main!(benches);
