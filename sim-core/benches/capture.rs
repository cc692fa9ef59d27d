//! What a running capture costs: pings across a bridge with 50 pods, with
//! and without `tcpdump -nn -i any icmp` waiting in another terminal of the
//! lab. Each iteration is `ping -c 5 -i 0.2` from the first pod to the
//! last; on the host's `any` every echo is seen four times (in on the
//! sender's port, out of the receiver's, and back), so the capture prints
//! 20 lines an iteration. The difference between the two, divided by 20,
//! is tcpdump's cost per captured packet: the tap, the filter, the
//! printer, and the terminal taking the lines.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sim_core::lab::LineState;
use sim_core::Lab;

const PODS: usize = 50;
const PING: &str = "ip netns exec p0 ping -c 5 -i 0.2 10.0.0.50 >/dev/null";

fn lab() -> Lab {
    let mut lab = Lab::new();
    let mut lines = vec!["ip link add br0 type bridge".to_string(), "ip link set br0 up".to_string()];
    for i in 0..PODS {
        lines.push(format!("ip netns add p{i}"));
        lines.push(format!("ip link add v{i} type veth peer name eth0 netns p{i}"));
        lines.push(format!("ip link set v{i} master br0"));
        lines.push(format!("ip link set v{i} up"));
        lines.push(format!("ip -n p{i} addr add 10.0.0.{}/24 dev eth0", i + 1));
        lines.push(format!("ip -n p{i} link set eth0 up"));
    }
    for l in &lines {
        assert_eq!(lab.run(l).status, 0, "{l}");
    }
    lab.open_terminal();
    // Warm: every neighbour on the path resolved.
    assert_eq!(lab.run_in(1, PING).state, LineState::Done(0));
    lab
}

fn capture(c: &mut Criterion) {
    let mut g = c.benchmark_group("capture");
    g.throughput(Throughput::Elements(20));
    let mut plain = lab();
    g.bench_function("ping -c 5 across a 50-pod bridge", |b| b.iter(|| plain.run_in(1, PING)));
    let mut watched = lab();
    assert_eq!(watched.run_in(0, "tcpdump -nn -i any icmp").state, LineState::Running);
    g.bench_function("the same with tcpdump -i any printing its 20 packets", |b| {
        b.iter(|| {
            watched.run_in(1, PING);
            let shown = watched.poll(0);
            assert_eq!(shown.output.text().lines().count(), 20);
        })
    });
    g.finish();
}

criterion_group!(benches, capture);
criterion_main!(benches);
