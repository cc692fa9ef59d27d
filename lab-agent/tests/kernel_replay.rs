//! Must-show 1: `lab-agent replay --engine kernel` on this machine's real
//! kernel, compared (masked as `record-transcript --compare` masks) with
//! recordings of the same scripts:
//!
//! - every `../shared/scenarios` script vs the referee (`../shared/transcripts`)
//!   and vs record-transcript on this kernel (`tests/data/kernel-6.18`), and
//!   `lab-agent diff` (kernel vs simulator) reports no difference on them;
//! - sim-core's own recordings (`sim-core/tests/data/{kernel,packet}`, made
//!   with record-transcript on this machine's 6.18 kernel), the socket
//!   recordings (`sim-core/tests/data/sockets`: nc, ss, netstat, jobs), and
//!   the capture recordings (`sim-core/tests/data/capture`: tcpdump, curl),
//!   the IPv6 recordings (`sim-core/tests/data/{ipv6,ipv6-routes}`), and
//!   the IPv6 socket recordings (`sim-core/tests/data/sockets6`).
//!
//! A neighbour dump whose lines match in another order matches (the
//! kernel's neighbour hash is seeded at random). Other differences must be
//! listed, with a reason, in tests/data/known-differences.txt. Needs root (CI is root).

use std::path::{Path, PathBuf};
use std::process::Command;

use sim_core::transcript::compare;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn shared() -> PathBuf {
    root().join("../../shared")
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

fn have(tool: &str) -> bool {
    ["/usr/sbin", "/usr/bin", "/sbin", "/bin"].iter().any(|d| Path::new(d).join(tool).is_file())
}

struct Known {
    scenario: String,
    command: String,
    tag: String,
}

fn known() -> Vec<Known> {
    let text = std::fs::read_to_string(root().join("tests/data/known-differences.txt")).expect("known-differences.txt");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (entry, why) = l.split_once("  #")?;
            let (s, c) = entry.split_once(": ")?;
            let tag = why.trim().strip_prefix('[')?.split(']').next()?.to_string();
            Some(Known { scenario: s.trim().into(), command: c.trim().into(), tag })
        })
        .collect()
}

fn agent(args: &[&str], script: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_lab-agent")).args(args).arg(script).output().expect("lab-agent runs")
}

fn kernel_replay(script: &Path) -> String {
    let out = agent(&["replay", "--engine", "kernel"], script);
    assert!(out.status.success(), "lab-agent failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8 transcript")
}

fn scripts(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "sh"))
        .collect();
    v.sort();
    assert!(!v.is_empty(), "no scripts in {}", dir.display());
    v
}

fn stem(p: &Path) -> String {
    p.file_stem().and_then(|x| x.to_str()).expect("name").to_string()
}

/// At most this many sandboxes at once, over all tests of this file: the
/// machine may have two cores, and a starved kernel runs its deferred work
/// (link-watch) late, which a terminal's pace never sees.
const PARALLEL: usize = 4;

static TURN: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Runs `f` on every script, [`PARALLEL`] at a time: each is its own
/// process and sandbox. One test's scripts at a time.
fn each<T: Send>(scripts: &[PathBuf], f: impl Fn(&Path) -> T + Sync) -> Vec<(String, T)> {
    let _turn = TURN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut out = Vec::new();
    for chunk in scripts.chunks(PARALLEL) {
        std::thread::scope(|s| {
            let handles: Vec<_> = chunk.iter().map(|sh| s.spawn(|| (stem(sh), f(sh)))).collect();
            out.extend(handles.into_iter().map(|h| h.join().expect("replay thread")));
        });
    }
    out
}

/// Whether a mismatch is a neighbour dump in another order alone. The
/// kernel lists its neighbour table by hash bucket, and `neigh_hash_alloc()`
/// seeds that hash at random, so two entries of one dump swap from run to
/// run (record-transcript's recordings too): the same lines in another
/// order are the same answer.
fn neighbours_in_another_order(m: &sim_core::transcript::Mismatch) -> bool {
    let dump = m.command.split_whitespace().any(|w| w.starts_with("neigh"));
    fn sorted(s: &str) -> Vec<&str> {
        let mut v: Vec<&str> = s.lines().collect();
        v.sort_unstable();
        v
    }
    dump && m.actual.as_deref().is_some_and(|a| sorted(a) == sorted(&m.expected))
}

/// Replays a set of scripts on the kernel engine and compares each with its
/// recordings in `refs` (label, folder). `prefix` names the set in
/// known-differences.txt ("" for the shared scenarios, "kernel/"…).
fn check_set(scripts: &[PathBuf], refs: &[(&str, PathBuf)], prefix: &str) {
    let known = known();
    // Without the system tools their commands cannot match: pending then.
    let missing: Vec<&str> =
        ["ping", "ping6", "iptables", "ip6tables", "nc", "ss", "netstat", "timeout", "tcpdump", "curl"]
            .into_iter()
            .filter(|t| !have(t))
            .collect();
    let runs = each(scripts, kernel_replay);
    let mut failures = Vec::new();
    let mut stale = Vec::new();
    let mut totals = Vec::new();
    for (stem, actual) in &runs {
        let name = format!("{prefix}{stem}");
        for (label, dir) in refs {
            let expected = std::fs::read_to_string(dir.join(format!("{stem}.txt"))).expect("recording exists");
            let (same, bad) = compare(&expected, actual);
            let all = same + bad.len();
            let bad: Vec<_> = bad.into_iter().filter(|m| !neighbours_in_another_order(m)).collect();
            totals.push(format!("{label} {name}: {}/{all}", all - bad.len()));
            let applies = |k: &&Known| k.scenario == name && (k.tag != "kernel" || *label == "referee");
            for m in &bad {
                let listed = known.iter().filter(applies).any(|k| k.command == m.command);
                let tool_missing = missing.iter().any(|t| m.command.contains(&format!("{t} ")));
                if !listed && !tool_missing {
                    failures.push(format!(
                        "[{label}] {name}: $ {}\n--- expected\n{}\n--- actual\n{}\n",
                        m.command,
                        m.expected,
                        m.actual.clone().unwrap_or_else(|| "<missing>".into())
                    ));
                }
            }
            for k in known.iter().filter(applies) {
                let present = sim_core::transcript::split(&expected).iter().any(|(c, _)| *c == k.command);
                // Racy ones match on some runs: only the others are stale.
                if present && k.tag != "racy" && !bad.iter().any(|m| m.command == k.command) {
                    stale.push(format!("[{label}] {name}: {}", k.command));
                }
            }
        }
    }
    println!("{}", totals.join("\n"));
    if !missing.is_empty() {
        println!("pending (not installed): {}", missing.join(", "));
    }
    assert!(failures.is_empty(), "{} commands differ:\n{}", failures.len(), failures.join("\n"));
    assert!(stale.is_empty(), "listed in known-differences.txt but matching now:\n{}", stale.join("\n"));
}

#[test]
fn kernel_engine_matches_the_shared_recordings() {
    if !is_root() {
        eprintln!("skipped: the kernel engine needs root");
        return;
    }
    let refs = [("referee", shared().join("transcripts")), ("kernel-6.18", root().join("tests/data/kernel-6.18"))];
    check_set(&scripts(&shared().join("scenarios")), &refs, "");
}

#[test]
fn kernel_engine_matches_sim_cores_own_recordings() {
    if !is_root() {
        eprintln!("skipped: the kernel engine needs root");
        return;
    }
    for set in ["kernel", "packet"] {
        let dir = root().join("../sim-core/tests/data").join(set);
        // The generated scenarios (random-*, bad-commands-*) exist to find the
        // simulator's mistakes; on a real kernel they mostly re-run its races
        // (link-watch rate limits, its own IPv6 traffic), which the curated
        // ones cover.
        let generated = |n: &str| n.starts_with("random-") || n.starts_with("bad-commands-");
        let curated: Vec<PathBuf> = scripts(&dir)
            .into_iter()
            .filter(|p| !p.file_name().and_then(|n| n.to_str()).is_some_and(generated))
            .collect();
        check_set(&curated, &[("6.18", dir.clone())], &format!("{set}/"));
    }
}

#[test]
fn kernel_engine_matches_the_socket_recordings() {
    if !is_root() {
        eprintln!("skipped: the kernel engine needs root");
        return;
    }
    let dir = root().join("../sim-core/tests/data/sockets");
    check_set(&scripts(&dir), &[("6.18", dir.clone())], "sockets/");
}

/// The capture recordings (`sim-core/tests/data/capture`: tcpdump 4.99,
/// curl 7.88, nc servers, issue 13's lessons), run with the system's
/// tcpdump and curl.
#[test]
fn kernel_engine_matches_the_capture_recordings() {
    if !is_root() {
        eprintln!("skipped: the kernel engine needs root");
        return;
    }
    let dir = root().join("../sim-core/tests/data/capture");
    // http-server.sh's server is the system's python3, which timeout runs.
    let python = have("python3");
    if !python {
        println!("pending (not installed): python3, for http-server");
    }
    let runnable: Vec<PathBuf> = scripts(&dir).into_iter().filter(|p| python || stem(p) != "http-server").collect();
    check_set(&runnable, &[("6.18", dir.clone())], "capture/");
}

/// The IPv6 recordings (`sim-core/tests/data/ipv6`, `ipv6-routes`): the
/// kernel engine's addresses, routes and neighbours through rtnetlink, and
/// the system's ping, ip6tables and tcpdump.
#[test]
fn kernel_engine_matches_the_ipv6_recordings() {
    if !is_root() {
        eprintln!("skipped: the kernel engine needs root");
        return;
    }
    for set in ["ipv6", "ipv6-routes"] {
        let dir = root().join("../sim-core/tests/data").join(set);
        check_set(&scripts(&dir), &[("6.18", dir.clone())], &format!("{set}/"));
    }
}

/// The IPv6 socket recordings (`sim-core/tests/data/sockets6`): nc, ss,
/// netstat, curl and tcpdump over IPv6, the system's own, in namespaces the
/// kernel engine made.
#[test]
fn kernel_engine_matches_the_ipv6_socket_recordings() {
    if !is_root() {
        eprintln!("skipped: the kernel engine needs root");
        return;
    }
    let dir = root().join("../sim-core/tests/data/sockets6");
    check_set(&scripts(&dir), &[("6.18", dir.clone())], "sockets6/");
}

#[test]
fn diff_finds_no_difference_on_the_shared_scenarios() {
    if !is_root() {
        eprintln!("skipped: the kernel engine needs root");
        return;
    }
    let runs = each(&scripts(&shared().join("scenarios")), |sh| agent(&["diff"], sh));
    let mut bad = Vec::new();
    for (stem, out) in &runs {
        let text = String::from_utf8_lossy(&out.stdout);
        println!("{stem}: {}", text.lines().last().unwrap_or(""));
        if !out.status.success() {
            bad.push(format!("{stem}:\n{text}{}", String::from_utf8_lossy(&out.stderr)));
        }
    }
    assert!(bad.is_empty(), "kernel and simulator differ:\n{}", bad.join("\n"));
}
