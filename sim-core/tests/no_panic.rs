//! Arbitrary and mutated command lines never panic the parser or executor.

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use sim_core::Lab;

use sim_core::rng::Rng;

mod fuzz;

const WORDS: &[&str] = &[
    "ip",
    "sudo",
    "bridge",
    "sysctl",
    "ifconfig",
    "ping",
    "iptables",
    "ip6tables",
    "grep",
    "awk",
    "head",
    "wc",
    "echo",
    "for",
    "in",
    "do",
    "done",
    ";",
    "|",
    "&&",
    "||",
    "link",
    "l",
    "a",
    "addr",
    "route",
    "r",
    "neigh",
    "n",
    "netns",
    "exec",
    "add",
    "del",
    "delete",
    "set",
    "show",
    "s",
    "list",
    "flush",
    "get",
    "replace",
    "type",
    "veth",
    "bridge",
    "peer",
    "name",
    "dev",
    "up",
    "down",
    "mtu",
    "master",
    "nomaster",
    "address",
    "netns",
    "via",
    "default",
    "onlink",
    "scope",
    "link",
    "host",
    "table",
    "local",
    "all",
    "lladdr",
    "nud",
    "-j",
    "-p",
    "-br",
    "-c",
    "-d",
    "-4",
    "-6",
    "-n",
    "-o",
    "-s",
    "red",
    "blue",
    "lo",
    "v1",
    "v2",
    "br0",
    "10.0.0.1/24",
    "10.0.0.2",
    "0.0.0.0/0",
    "255.255.255.255/32",
    "10.0.0.300",
    "02:00:00:00:00:01",
    "ff:ff",
    "-w",
    "net.ipv4.ip_forward=1",
    "net.ipv4.conf.all.forwarding",
    "\"",
    "'",
    "$x",
    "${x}",
    "$?",
    "#",
    "\\",
    "-1",
    "99999999999999999999",
    "",
    "é",
    "\t",
    "-c",
    "1",
    "-W",
];

const SEEDS: &[&str] = &[
    "sudo ip link add tap1 type veth peer name tap2",
    "for if in lo tap1 tap2; do ip link show $if; done",
    "sudo ip netns exec red ip addr add 10.0.0.1/24 dev veth-red",
    "ip link | awk '/^[0-9]+:/ {sub(/:/, \"\", $2);print$2}'",
    "sudo ip -n pod-a route add default via 169.254.1.1 dev eth0",
    "ip -j -p route show table all",
    "sudo sysctl -w net.ipv4.conf.cali1234.proxy_arp=1",
    "ip -br -c addr",
    "sudo ip netns exec container1 ping -c 2 10.244.0.1",
];

#[test]
fn arbitrary_lines_never_panic() {
    let mut rng = Rng::new(99);
    let mut lab = Lab::with_seed(1);
    for c in ["ip netns add red", "ip link add v1 type veth peer name v2", "ip link add br0 type bridge"] {
        lab.run(c);
    }
    let mut n = 0;
    for round in 0..20_000 {
        let line = if round % 2 == 0 {
            let len = 1 + rng.below(12);
            (0..len).map(|_| WORDS[rng.below(WORDS.len())]).collect::<Vec<_>>().join(" ")
        } else {
            let mut b: Vec<char> = SEEDS[rng.below(SEEDS.len())].chars().collect();
            for _ in 0..1 + rng.below(4) {
                let i = rng.below(b.len().max(1));
                match rng.below(3) {
                    0 if !b.is_empty() => {
                        b.remove(i.min(b.len() - 1));
                    }
                    1 => b.insert(i.min(b.len()), ['"', '\'', '|', ';', '$', '/', ' ', '-', '0', '#'][rng.below(10)]),
                    _ => b.truncate(i),
                }
            }
            b.into_iter().collect()
        };
        let out = lab.run(&line);
        // Explained output reads back whatever was printed: never a panic,
        // never a note outside its chunk.
        for note in lab.explain(&out) {
            let text = &out.chunks[note.chunk as usize].text;
            assert!(text.get(note.start as usize..note.end as usize).is_some(), "{line}: {note:?}");
        }
        n += 1;
        if round % 2000 == 0 {
            lab = Lab::with_seed(round as u64);
        }
    }
    println!("{n} arbitrary and mutated command lines ran without a panic");
}

/// Generated and mutated lines from the recordings, with the model's rules
/// checked after each (see `fuzz`). CI runs a small count; the full run is
/// `NSLAB_FUZZ_LINES=10000000 cargo test --release -p sim-core --test no_panic -- --nocapture`
/// (`NSLAB_FUZZ_SEED` picks another seed).
#[test]
fn generated_lines_keep_the_rules() {
    let count = std::env::var("NSLAB_FUZZ_LINES").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let seed = std::env::var("NSLAB_FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(1);
    watchdog(Duration::from_secs(60));
    let corpus = fuzz::Corpus::load();
    let started = Instant::now();
    let st = fuzz::run(&corpus, seed, count);
    println!(
        "{} generated lines (seed {seed}) in {:.1?} over {} episodes ({} set-up lines): {} failed, {} of them single changes that left the world unchanged; no panic, invariants held",
        st.lines,
        started.elapsed(),
        st.episodes,
        st.setup_lines,
        st.failed,
        st.checked_failures
    );
}

/// A hang detector in the runner (the simulator reads no clock): if no line
/// finishes for `limit`, name the line and abort.
fn watchdog(limit: Duration) {
    std::thread::spawn(move || {
        let mut last = (fuzz::PROGRESS.load(Ordering::Relaxed), Instant::now());
        loop {
            std::thread::sleep(Duration::from_secs(1));
            let now = fuzz::PROGRESS.load(Ordering::Relaxed);
            if now != last.0 {
                last = (now, Instant::now());
            } else if last.1.elapsed() > limit {
                let lines = fuzz::CURRENT.lock().map(|l| l.clone()).unwrap_or_default();
                let stuck = lines.last().cloned().unwrap_or_default();
                eprintln!(
                    "no line finished for {limit:?}; stuck on `{stuck}` after {now} lines; the episode:\n  {}",
                    lines.join("\n  ")
                );
                std::process::abort();
            }
        }
    });
}
