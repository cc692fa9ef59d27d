//! A seeded generator of command lines, mutated from real ones, and a runner
//! that holds the simulator to three rules after every line: no panic, the
//! model's invariants (`Kernel::check_invariants`), and a failed single
//! change leaves the world as it was (bad_input's rule). Shared by the
//! `no_panic` test (a small count in CI; `NSLAB_FUZZ_LINES` for more).
//!
//! The corpus is every command of the recordings (ours, the shared referee
//! scenarios, and so the lessons, which are recorded as `lesson-*.sh`). A
//! lab is reset every episode, set up by a random recording's first
//! commands, so state stays small and realistic.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use sim_core::rng::Rng;
use sim_core::Lab;

/// Lines of one episode (after its set-up) before the lab is reset.
const EPISODE: u64 = 100;

/// Words a mutation inserts: keywords, values near limits, shell syntax, garbage.
const EXTRA: &[&str] = &[
    "ip",
    "link",
    "addr",
    "route",
    "neigh",
    "netns",
    "exec",
    "add",
    "del",
    "set",
    "show",
    "flush",
    "get",
    "replace",
    "change",
    "append",
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
    "via",
    "default",
    "onlink",
    "scope",
    "table",
    "local",
    "all",
    "lladdr",
    "nud",
    "proxy",
    "brd",
    "+",
    "metric",
    "src",
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
    "-w",
    "-q",
    "help",
    "veth0",
    "veth%d",
    "%d",
    "%d%d",
    ".",
    "..",
    "lo",
    "v1",
    "br0",
    "red",
    "blue",
    "10.0.0.1/24",
    "10.0.0.1/32",
    "10.0.0.0/31",
    "0.0.0.0/0",
    "255.255.255.255",
    "10.0.0.300",
    "1.2.3.4",
    "::1",
    "fe80::1/64",
    "02:00:00:00:00:01",
    "ff:ff:ff:ff:ff:ff",
    "00:00:00:00:00:00",
    "0",
    "1",
    "-1",
    "2",
    "68",
    "67",
    "1280",
    "65535",
    "65536",
    "70000",
    "4294967295",
    "4294967296",
    "99999999999999999999",
    "net.ipv4.ip_forward=1",
    "net.ipv4.ip_forward=2",
    "net.ipv4.conf.all.rp_filter=2",
    "net.ipv4.ip_default_ttl=300",
    "-c",
    "-W",
    "-i",
    "0.2",
    "-t",
    "-M",
    "do",
    "-A",
    "-D",
    "-I",
    "-F",
    "-L",
    "-t",
    "nat",
    "POSTROUTING",
    "MASQUERADE",
    "-j",
    "DNAT",
    "--to-destination",
    ";",
    "|",
    "&&",
    "||",
    "\"",
    "'",
    "$x",
    "${x}",
    "$?",
    "#",
    "\\",
    "é",
    "\t",
    "",
    "for",
    "in",
    "do",
    "done",
    "grep",
    "awk",
    "wc",
    "head",
    "echo",
    "sudo",
    "ifconfig",
    "ping",
    "sysctl",
    "iptables",
    "nc",
    "ss",
    "netstat",
    "bridge",
    "fdb",
    "vlan",
    "a/b",
    "aaaaaaaaaaaaaaaaaaaa",
    "zz",
];

/// What the generator draws from.
pub struct Corpus {
    /// Every recorded command line.
    lines: Vec<String>,
    /// The recordings, as command lists, for episode set-ups.
    scripts: Vec<Vec<String>>,
    /// Every word of the corpus, then `EXTRA`.
    words: Vec<String>,
}

fn scripts_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == "sh")).collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

impl Corpus {
    pub fn load() -> Corpus {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dirs = [
            root.join("tests/data/kernel"),
            root.join("tests/data/packet"),
            root.join("tests/data/sockets"),
            root.join("../../shared/scenarios"),
        ];
        // curl.txt's recording (tcpdump's join once it is a program).
        let curl = scripts_in(&root.join("tests/data/capture"))
            .into_iter()
            .filter(|p| p.file_name().and_then(|n| n.to_str()) == Some("curl.sh"));
        let mut scripts = Vec::new();
        for d in &dirs {
            for p in scripts_in(d) {
                let text = std::fs::read_to_string(&p).expect("readable scenario");
                scripts.push(sim_core::transcript::commands(&text));
            }
        }
        for p in curl {
            let text = std::fs::read_to_string(&p).expect("readable scenario");
            scripts.push(sim_core::transcript::commands(&text));
        }
        let mut lines: Vec<String> = scripts.iter().flatten().cloned().collect();
        lines.sort();
        lines.dedup();
        let mut words: Vec<String> = lines.iter().flat_map(|l| l.split_whitespace().map(str::to_string)).collect();
        words.sort();
        words.dedup();
        words.extend(EXTRA.iter().map(|w| w.to_string()));
        assert!(lines.len() > 1000, "the corpus is the recordings: {} lines found", lines.len());
        Corpus { lines, scripts, words }
    }

    /// A line mutated at the word level: words swapped, dropped, doubled,
    /// replaced or inserted (half the time by a word of the episode's own
    /// script, so names collide with ones in use), the line cut short;
    /// sometimes a character too.
    fn mutate(&self, rng: &mut Rng, line: &str, local: &[String]) -> String {
        let mut toks: Vec<String> = line.split(' ').map(str::to_string).collect();
        let word = |rng: &mut Rng| {
            if !local.is_empty() && rng.below(2) == 0 {
                rng.pick(local).clone()
            } else {
                rng.pick(&self.words).clone()
            }
        };
        for _ in 0..1 + rng.below(2) + rng.below(2) {
            let n = toks.len();
            let i = rng.below(n.max(1));
            match rng.below(7) {
                0 if n > 1 => {
                    let j = rng.below(n);
                    toks.swap(i, j);
                }
                1 if n > 1 => {
                    toks.remove(i);
                }
                2 => {
                    let t = toks[i].clone();
                    toks.insert(i, t);
                }
                3 => toks[i] = word(rng),
                4 => toks.insert(rng.below(n + 1), word(rng)),
                5 => toks.truncate(1 + i),
                _ => {
                    let mut c: Vec<char> = toks[i].chars().collect();
                    let at = rng.below(c.len() + 1);
                    match rng.below(3) {
                        0 if at < c.len() => {
                            c.remove(at);
                        }
                        1 => c.insert(at, ['%', '/', ':', '.', '-', '0', '9', 'x', '=', '"'][rng.below(10)]),
                        _ => c.truncate(at),
                    }
                    toks[i] = c.into_iter().collect();
                }
            }
        }
        toks.join(" ")
    }

    /// The next line of an episode: mostly its script's next line, as
    /// recorded or mutated (so state builds as the recording built it, and
    /// mistakes meet that state), else any recorded line, mutated or not,
    /// or words drawn at random.
    fn line(&self, rng: &mut Rng, ep: &mut Episode) -> String {
        let next = ep.script.get(ep.cursor).cloned();
        match (rng.below(20), next) {
            (0..=6, Some(l)) => {
                ep.cursor += 1;
                l
            }
            (7..=13, Some(l)) => {
                ep.cursor += 1;
                self.mutate(rng, &l, &ep.words)
            }
            (14..=16, _) => {
                let l = rng.pick(&self.lines).clone();
                self.mutate(rng, &l, &ep.words)
            }
            (17 | 18, _) | (_, None) => rng.pick(&self.lines).clone(),
            _ => {
                let len = 1 + rng.below(10);
                (0..len).map(|_| rng.pick(&self.words).as_str()).collect::<Vec<_>>().join(" ")
            }
        }
    }
}

/// One lab's life: the recording it follows and where it is in it.
struct Episode {
    script: Vec<String>,
    cursor: usize,
    /// The words of the script: the names this lab uses.
    words: Vec<String>,
}

/// Whether bad_input's rule applies to a line: one `ip`/`bridge`/`sysctl`
/// (one key) command that asks for one change. Everything else may rightly
/// fail half-way on Linux too: several commands joined by the shell,
/// `do_setlink()` applying several attributes in turn, ifconfig's one ioctl
/// per argument, `ip netns exec` running any program, flushes deleting one
/// by one, ping (its packets change neighbour tables and counters).
pub fn single_change(line: &str) -> bool {
    if line.contains(|c: char| ";|&$`()<>\"'\\#{}*?[]~\n".contains(c)) {
        return false;
    }
    let argv: Vec<&str> = line.split_whitespace().collect();
    let argv = if argv.first() == Some(&"sudo") { &argv[1..] } else { &argv[..] };
    match argv.first() {
        Some(&"ip") | Some(&"bridge") => {}
        // getopt: a lone `-` is an argument, not an option.
        Some(&"sysctl") => return argv[1..].iter().filter(|a| !a.starts_with('-') || a.len() == 1).count() <= 1,
        _ => return false,
    }
    const CHANGES: &[&str] = &[
        "up",
        "down",
        "mtu",
        "name",
        "netns",
        "address",
        "addr",
        "master",
        "nomaster",
        "alias",
        "txqueuelen",
        "txqlen",
        "qlen",
        "promisc",
        "arp",
        "multicast",
        "allmulticast",
        "dynamic",
        "trailers",
        "carrier",
        "state",
        "type",
    ];
    let changes = argv.iter().filter(|a| CHANGES.contains(a)).count();
    // `ip netns exec`, however abbreviated, runs any program.
    let runs = |a: &&str| "exec".starts_with(*a) || ["flush", "-batch", "-b", "-force"].contains(a);
    !argv.iter().any(runs) && changes <= 1
}

/// The world is as it was, but for what Linux itself leaves behind on
/// failure (see `normalized`).
pub fn unchanged_but_ifindexes(before: &Lab, after: &Lab) -> bool {
    normalized(before, after) == *before.kernel()
}

/// `after`'s kernel with `before`'s ifindex counters, FIB tables and
/// namespace ids (every name lookup is an RTM_GETLINK, whose answer
/// allocates the id of a veth peer's namespace, on Linux too).
fn normalized(before: &Lab, after: &Lab) -> sim_core::kernel::Kernel {
    let mut k = after.kernel().clone();
    for id in k.ns_ids() {
        if let (Some(n), Some(b)) = (k.ns_mut(id), before.kernel().ns(id)) {
            n.next_ifindex = b.next_ifindex;
            n.tables.clone_from(&b.tables);
            n.nsids.clone_from(&b.nsids);
        }
    }
    k
}

/// The first line where the two worlds' debug pictures differ.
fn first_difference(a: &Lab, b: &Lab) -> String {
    let (a, b) = (format!("{:#?}", a.kernel()), format!("{:#?}", normalized(a, b)));
    let pos = a.lines().zip(b.lines()).position(|(x, y)| x != y).unwrap_or(0);
    let ctx = |s: &str| s.lines().skip(pos.saturating_sub(3)).take(4).collect::<Vec<_>>().join(" / ");
    format!("before: {} | after: {}", ctx(&a), ctx(&b))
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Stats {
    pub lines: u64,
    pub setup_lines: u64,
    pub failed: u64,
    pub checked_failures: u64,
    pub episodes: u64,
}

/// Lines run so far, for a watchdog in the caller (sim-core reads no clock).
pub static PROGRESS: AtomicU64 = AtomicU64::new(0);
/// The lines of the current episode, the last one running, for the
/// watchdog's report.
pub static CURRENT: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Runs `count` generated lines from `seed`. Panics, naming the episode and
/// line, at the first broken rule.
pub fn run(corpus: &Corpus, seed: u64, count: u64) -> Stats {
    let mut rng = Rng::new(seed);
    let mut st = Stats::default();
    while st.lines < count {
        st.episodes += 1;
        let mut lab = Lab::with_seed(st.episodes);
        let script = rng.pick(&corpus.scripts).clone();
        let mut words: Vec<String> = script.iter().flat_map(|l| l.split_whitespace().map(str::to_string)).collect();
        words.sort();
        words.dedup();
        let cursor = rng.below(script.len().min(40) + 1);
        let mut history: Vec<String> = script[..cursor].to_vec();
        for l in &history {
            lab.run(l);
            st.setup_lines += 1;
        }
        if let Ok(mut c) = CURRENT.lock() {
            c.clone_from(&history);
        }
        let mut ep = Episode { script, cursor, words };
        for _ in 0..EPISODE.min(count - st.lines) {
            let line = corpus.line(&mut rng, &mut ep);
            if let Ok(mut c) = CURRENT.lock() {
                c.push(line.clone());
            }
            history.push(line.clone());
            // A background job (an nc, a capture) may change the world while
            // any line runs: a failed line is held to "nothing changed" only
            // when nothing else runs.
            let alone = lab.procs().running().all(|p| p.pid == sim_core::procs::SHELL_PID);
            // The kernel's own traffic due by now leaves after the line,
            // whatever the line did (`packet/own.rs`): not the line's change.
            #[cfg(all(feature = "mcast", feature = "ipv6"))]
            let settled = !lab.kernel().own_traffic_started();
            #[cfg(not(all(feature = "mcast", feature = "ipv6")))]
            let settled = true;
            let checked = single_change(&line) && alone && settled;
            let before = checked.then(|| lab.clone());
            let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| lab.run(&line)));
            let context =
                || format!("episode {} (seed {seed}), lines so far:\n  {}", st.episodes, history.join("\n  "));
            let out = ran.unwrap_or_else(|_| panic!("`{line}` panicked; {}", context()));
            st.lines += 1;
            PROGRESS.fetch_add(1, Ordering::Relaxed);
            if let Err(e) = lab.kernel().check_invariants() {
                panic!("`{line}` broke an invariant: {e}; {}", context());
            }
            if out.status != 0 {
                st.failed += 1;
                if let Some(before) = before {
                    st.checked_failures += 1;
                    let partial = line.contains("sysctl") && !out.stdout().is_empty();
                    // procps skips some malformed arguments without a word (`sysctl -w x`).
                    let silent_ok = line.contains("sysctl");
                    assert!(silent_ok || !out.text().is_empty(), "`{line}` failed silently; {}", context());
                    assert!(
                        partial || unchanged_but_ifindexes(&before, &lab),
                        "`{line}` failed ({}) but changed the world ({}); {}",
                        out.text().trim_end(),
                        first_difference(&before, &lab),
                        context()
                    );
                }
            }
        }
    }
    st
}
