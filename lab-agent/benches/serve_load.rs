//! Load on `lab-agent serve` over loopback: 30 learners at once, each
//! running 200 commands (a lesson's kind: namespaces, veths, addresses,
//! routes, shows), as fast as the agent answers. Prints the command
//! latency (p50, p99), the agent's memory with its sessions at their
//! height, and checks that when every session has ended no namespace,
//! device or process of theirs is left on the machine. Bounded: 6000
//! commands, each session in its own sandbox. Needs root.
//!
//! `cargo bench -p lab-agent --bench serve_load`

#[path = "../tests/pair_support/mod.rs"]
mod pair_support;

use std::time::{Duration, Instant};

use pair_support::*;

const SESSIONS: usize = 30;
const COMMANDS: usize = 200;

fn lesson_line(i: usize) -> String {
    let k = (i / 10) % 50;
    match i % 10 {
        0 => format!("ip netns add ns{k}"),
        1 => format!("ip link add v{k} type veth peer name p{k} netns ns{k}"),
        2 => format!("ip addr add 10.{k}.0.1/24 dev v{k}"),
        3 => format!("ip link set v{k} up"),
        4 => format!("ip -n ns{k} link set p{k} up"),
        5 => "ip -br addr".into(),
        6 => "ip route".into(),
        7 => "ip netns".into(),
        8 => format!("ip link del v{k}"),
        _ => format!("ip netns del ns{k}"),
    }
}

/// Resident memory of a process and its children, in KiB.
fn rss_kib(pid: u32) -> u64 {
    let rss = |p: u32| {
        std::fs::read_to_string(format!("/proc/{p}/status"))
            .ok()
            .and_then(|s| s.lines().find(|l| l.starts_with("VmRSS:")).map(str::to_string))
            .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse::<u64>().ok()))
            .unwrap_or(0)
    };
    rss(pid) + children_of(pid).into_iter().map(rss).sum::<u64>()
}

/// Processes running the agent's binary (the agent and its sessions).
fn agent_processes() -> usize {
    let exe = std::path::PathBuf::from(env!("CARGO_BIN_EXE_lab-agent"));
    let Ok(dir) = std::fs::read_dir("/proc") else { return 0 };
    dir.filter_map(Result::ok)
        .filter(|e| e.file_name().to_str().is_some_and(|n| n.parse::<u32>().is_ok()))
        .filter(|e| std::fs::read_link(e.path().join("exe")).is_ok_and(|p| p == exe))
        .count()
}

fn main() {
    let before = machine_state();
    let procs_before = agent_processes();
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let agent = Agent::start(&["--rate", "100000", "--max-sessions", "64"]);
    let pid = agent.child.id();
    let idle_rss = rss_kib(pid);
    // One learner alone first: what a command costs without the crowd.
    let solo: Vec<Duration> = rt.block_on(async {
        let (mut ws, _) = pair(&agent).await;
        let mut times = Vec::new();
        for i in 0..COMMANDS {
            let t = Instant::now();
            run(&mut ws, i as u64 + 1, &lesson_line(i)).await;
            times.push(t.elapsed());
        }
        times
    });
    let mut solo_sorted = solo;
    solo_sorted.sort();
    println!(
        "serve_load: one session alone, {COMMANDS} commands: p50 {:.1} ms, p99 {:.1} ms",
        solo_sorted[COMMANDS / 2].as_secs_f64() * 1e3,
        solo_sorted[COMMANDS * 99 / 100].as_secs_f64() * 1e3
    );
    let start = Instant::now();
    let agent = std::sync::Arc::new(agent);
    let peak = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let watcher = {
        let peak = peak.clone();
        std::thread::spawn(move || {
            while std::sync::Arc::strong_count(&peak) > 1 {
                peak.fetch_max(rss_kib(pid), std::sync::atomic::Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(200));
            }
        })
    };
    let latencies: Vec<Duration> = rt.block_on(async {
        let mut tasks = Vec::new();
        for _ in 0..SESSIONS {
            let agent = agent.clone();
            tasks.push(tokio::spawn(async move {
                let (mut ws, _) = pair(&agent).await;
                let mut times = Vec::with_capacity(COMMANDS);
                for i in 0..COMMANDS {
                    let t = Instant::now();
                    let (out, status, _) = run(&mut ws, i as u64 + 1, &lesson_line(i)).await;
                    assert!(status == 0, "`{}`: {out}", lesson_line(i));
                    times.push(t.elapsed());
                }
                times
            }));
        }
        let mut all = Vec::new();
        for t in tasks {
            all.extend(t.await.unwrap());
        }
        all
    });
    let wall = start.elapsed();
    let peak_rss = peak.load(std::sync::atomic::Ordering::Relaxed);
    drop(peak);
    let _ = watcher.join();
    let mut sorted = latencies.clone();
    sorted.sort();
    let pct = |p: f64| sorted[((sorted.len() as f64 - 1.0) * p) as usize];
    println!(
        "serve_load: {SESSIONS} sessions x {COMMANDS} commands = {} in {:.1} s; latency p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        sorted.len(),
        wall.as_secs_f64(),
        pct(0.5).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
        sorted.last().unwrap().as_secs_f64() * 1e3
    );
    println!(
        "serve_load: agent memory: idle {} MiB, with {SESSIONS} sessions {} MiB (RSS, sessions included)",
        idle_rss / 1024,
        peak_rss / 1024
    );
    // Every connection dropped: the sessions end after their grace period
    // (30 s by default); killing the agent ends them at once.
    let agent = std::sync::Arc::try_unwrap(agent).ok().expect("the only handle");
    drop(agent);
    std::thread::sleep(Duration::from_millis(500));
    let after = machine_state();
    let procs_after = agent_processes();
    println!("serve_load: processes of lab-agent before {procs_before}, after {procs_after}");
    assert_eq!(after, before, "the machine's namespaces, devices, addresses and routes are as they were");
    assert_eq!(procs_after, procs_before, "no process of the sessions is left");
}
