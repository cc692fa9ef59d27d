//! TCP connections per second through a NATing router: a (10.1.0.2) —
//! router (MASQUERADE out of rb, conntrack on) — b (10.2.0.2), b listening
//! on 8080. Each iteration is one whole connection through the seam:
//! connect, handshake, 6 bytes each way, close from the client (FIN,
//! FIN, TIME-WAIT), then 61 s of virtual time so TIME-WAIT and timers
//! end and the tables stay small.

use std::net::SocketAddrV4;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sim_core::kernel::Kernel;
use sim_core::netlink::sockets::{InetSockets, SockId, SockType, Sockets};
use sim_core::netlink::SimSockets;
use sim_core::{packet, Lab};

const SETUP: &[&str] = &[
    "ip netns add a",
    "ip netns add r",
    "ip netns add b",
    "ip link add a0 netns a type veth peer name ra netns r",
    "ip link add b0 netns b type veth peer name rb netns r",
    "ip -n a addr add 10.1.0.2/24 dev a0",
    "ip -n b addr add 10.2.0.2/24 dev b0",
    "ip -n r addr add 10.1.0.1/24 dev ra",
    "ip -n r addr add 10.2.0.1/24 dev rb",
    "ip -n a link set a0 up",
    "ip -n b link set b0 up",
    "ip -n r link set ra up",
    "ip -n r link set rb up",
    "ip -n a route add default via 10.1.0.1",
    "ip netns exec r sysctl -w net.ipv4.ip_forward=1",
    "ip netns exec r iptables -t nat -A POSTROUTING -o rb -j MASQUERADE",
];

fn on<T>(k: &mut Kernel, ns: &str, f: impl FnOnce(&mut SimSockets) -> T) -> T {
    let id = k.ns_by_name(ns).expect("namespace");
    let mut s = SimSockets::new(k, id);
    let r = f(&mut s);
    s.finish();
    r
}

fn wait(k: &mut Kernel, us: u64) {
    let until = k.now_ms * 1000 + us;
    packet::advance(k, until);
}

/// One connection, start to end.
fn connection(k: &mut Kernel, l: SockId) {
    let dst: SocketAddrV4 = "10.2.0.2:8080".parse().expect("address");
    let c = on(k, "a", |s| {
        let c = s.socket(SockType::Stream).expect("socket");
        s.connect_inet(c, dst).expect("connect");
        c
    });
    wait(k, 1000);
    on(k, "a", |s| s.send(c, b"hello\n").expect("send"));
    wait(k, 1000);
    let ch = on(k, "b", |s| {
        let (ch, _) = s.accept(l).expect("accept");
        assert_eq!(s.recv_from(ch, 64).expect("recv").0, b"hello\n");
        s.send(ch, b"world\n").expect("send");
        ch
    });
    wait(k, 1000);
    on(k, "a", |s| {
        assert_eq!(s.recv_from(c, 64).expect("recv").0, b"world\n");
        s.close(c).expect("close");
    });
    wait(k, 1000);
    on(k, "b", |s| s.close(ch).expect("close"));
    wait(k, 61_000_000);
}

fn bench(c: &mut Criterion) {
    let mut lab = Lab::with_seed(1);
    for line in SETUP {
        assert_eq!(lab.run(line).status, 0, "{line}");
    }
    let mut k = lab.kernel().clone();
    let l = on(&mut k, "b", |s| {
        let l = s.socket(SockType::Stream).expect("socket");
        s.bind_inet(l, "0.0.0.0:8080".parse().expect("address")).expect("bind");
        s.listen(l, 128).expect("listen");
        l
    });
    connection(&mut k, l);
    let mut g = c.benchmark_group("tcp");
    g.sample_size(30);
    g.throughput(Throughput::Elements(1));
    g.bench_function("connection through a MASQUERADE router", |b| b.iter(|| connection(&mut k, l)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
