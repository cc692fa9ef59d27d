//! Must-show 3: 1000 namespaces, each with a veth pair whose one end is made
//! inside it, an address and the host end up — 4000 commands — through the
//! agent's kernel engine versus `ip -batch`, each in a throwaway sandbox.
//! A plain timed binary (`harness = false`), run with
//! `cargo bench -p lab-agent --bench veth1000` as root.
//!
//! Both run back to back without a terminal's pace (`--batch`): `ip -batch`
//! does not wait for the kernel's deferred work either. Each run's namespaces
//! die with its sandbox; the kernel tears them down in the background, so
//! runs are spaced out and alternated.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const N: usize = 1000;
const ROUNDS: usize = 3;

fn batch_lines() -> Vec<String> {
    let mut v = Vec::with_capacity(4 * N);
    for i in 0..N {
        v.push(format!("netns add bns{i}"));
        v.push(format!("link add h{i} type veth peer name eth0 netns bns{i}"));
        v.push(format!("addr add 10.{}.{}.1/24 dev h{i}", i / 256, i % 256));
        v.push(format!("link set h{i} up"));
    }
    v
}

fn write(path: &Path, lines: &[String]) {
    std::fs::write(path, lines.join("\n") + "\n").expect("write script");
}

fn time_ip_batch(file: &Path) -> Duration {
    let t = Instant::now();
    let st = Command::new("unshare")
        .args(["--net", "--mount", "--propagation", "private", "sh", "-c"])
        .arg("mkdir -p /run/netns && mount -t tmpfs none /run/netns && exec ip -batch \"$0\"")
        .arg(file)
        .status()
        .expect("unshare runs");
    let d = t.elapsed();
    assert!(st.success(), "ip -batch failed");
    d
}

fn time_agent(file: &Path) -> Duration {
    let t = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_lab-agent"))
        .args(["replay", "--engine", "kernel", "--batch"])
        .arg(file)
        .output()
        .expect("lab-agent runs");
    let d = t.elapsed();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && !text.contains("[exit"), "agent failed: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(text.lines().filter(|l| l.starts_with("$ ")).count(), 4 * N);
    d
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` would too: only time when asked.
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("veth1000: skipped (needs root)");
        return;
    }
    let dir = std::env::temp_dir();
    let batch: PathBuf = dir.join(format!("veth1000-{}.batch", std::process::id()));
    let script: PathBuf = dir.join(format!("veth1000-{}.sh", std::process::id()));
    let lines = batch_lines();
    write(&batch, &lines);
    write(&script, &lines.iter().map(|l| format!("ip {l}")).collect::<Vec<_>>());
    let settle = || std::thread::sleep(Duration::from_secs(4));
    let (mut ip, mut agent) = (Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        // Alternate which goes first so background teardown hits both alike.
        if round % 2 == 0 {
            ip.push(time_ip_batch(&batch));
            settle();
            agent.push(time_agent(&script));
        } else {
            agent.push(time_agent(&script));
            settle();
            ip.push(time_ip_batch(&batch));
        }
        settle();
    }
    let _ = std::fs::remove_file(&batch);
    let _ = std::fs::remove_file(&script);
    let (mi, ma) = (median(ip.clone()), median(agent.clone()));
    println!(
        "veth1000: {} commands ({N} netns add, {N} veth add with peer in the netns, {N} addr add, {N} link up)",
        4 * N
    );
    println!("  ip -batch     : {ip:.2?} median {mi:.2?}");
    println!("  lab-agent     : {agent:.2?} median {ma:.2?}");
    println!("  ratio agent / ip -batch: {:.2}x", ma.as_secs_f64() / mi.as_secs_f64());
}
