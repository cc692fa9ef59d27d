//! Time per forwarded packet through a router's filter FORWARD chain: 100
//! rules (99 that never match, then conntrack's ESTABLISHED,RELATED and a
//! NEW accept), so every packet walks the whole chain with conntrack on,
//! against the same router with no rules (no table, conntrack off). Each
//! iteration sends one echo request from `a` and runs the engine until
//! b's reply is back: two forwarded packets, hence `Throughput::Elements(2)`.

use std::net::Ipv4Addr;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sim_core::iproute::{self, Outcome};
use sim_core::kernel::netfilter::{AddrMatch, CtStates, Hook, Match, Rule, StateMatch, Table, TableId, Target};
use sim_core::kernel::{Kernel, NsId};
use sim_core::netlink::SimNetlink;
use sim_core::packet::wire::{Icmp, Ipv4Packet};
use sim_core::packet::Engine;

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

/// a (10.1.0.2) — router — b (10.2.0.2), forwarding on.
fn router() -> Kernel {
    let mut k = Kernel::new(3);
    let h = NsId::HOST;
    for n in ["a", "router", "b"] {
        ip(&mut k, h, &format!("netns add {n}"));
    }
    ip(&mut k, h, "link add a0 netns a type veth peer name ra netns router");
    ip(&mut k, h, "link add b0 netns b type veth peer name rb netns router");
    let (a, r, b) = (ns(&k, "a"), ns(&k, "router"), ns(&k, "b"));
    for (n, line) in [
        (a, "addr add 10.1.0.2/24 dev a0"),
        (b, "addr add 10.2.0.2/24 dev b0"),
        (r, "addr add 10.1.0.1/24 dev ra"),
        (r, "addr add 10.2.0.1/24 dev rb"),
        (a, "link set a0 up"),
        (b, "link set b0 up"),
        (r, "link set ra up"),
        (r, "link set rb up"),
        (a, "route add default via 10.1.0.1"),
        (b, "route add default via 10.2.0.1"),
    ] {
        ip(&mut k, n, line);
    }
    sim_core::kernel::sysctl::write(&mut k, r, "net/ipv4/ip_forward", "1").expect("sysctl");
    k
}

/// The 100-rule FORWARD chain.
fn firewall(k: &mut Kernel) {
    let mut t = Table::new(TableId::Filter);
    let fwd = t.ensure_builtin(Hook::Forward);
    for i in 0..98u8 {
        let src = AddrMatch::prefix(Ipv4Addr::new(10, 99, i, 0), 24, false);
        fwd.rules.push(Rule { src: Some(src), target: Target::Drop, ..Rule::default() });
    }
    let state = |s| Match::Conntrack(StateMatch { states: CtStates(s), invert: false });
    fwd.rules.push(Rule {
        matches: vec![state(CtStates::ESTABLISHED | CtStates::RELATED)],
        target: Target::Accept,
        ..Rule::default()
    });
    fwd.rules.push(Rule { matches: vec![state(CtStates::NEW)], target: Target::Accept, ..Rule::default() });
    let r = ns(k, "router");
    k.ns_mut(r).expect("router").nat.set_table(t);
}

/// One echo request a → b and its reply, to the end of the engine's run.
fn exchange(k: &mut Kernel, a: NsId, seq: u16) {
    let mut e = Engine::new(k);
    let req = Icmp::EchoRequest { ident: 7, seq, data_len: 56 };
    e.ip_send(a, Ipv4Packet::new(Ipv4Addr::new(10, 1, 0, 2), Ipv4Addr::new(10, 2, 0, 2), 64, req), None).expect("sent");
    while let Some(t) = e.next_event() {
        e.run_until(t);
    }
    let got = e.take_inbox();
    assert!(got.iter().any(|m| m.pkt.payload.is_echo_reply()), "no reply");
    e.finish();
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("forward");
    g.sample_size(30);
    g.throughput(Throughput::Elements(2));
    for (name, rules) in [("no rules", false), ("100-rule FORWARD chain, conntrack", true)] {
        let mut k = router();
        if rules {
            firewall(&mut k);
        }
        let a = ns(&k, "a");
        exchange(&mut k, a, 0);
        let mut seq = 0u16;
        g.bench_function(name, |b| {
            b.iter(|| {
                seq = seq.wrapping_add(1);
                exchange(&mut k, a, seq)
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
