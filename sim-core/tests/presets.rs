//! The lab presets (`sim_core::lab::presets`): each builds without a
//! failed step and keeps the model's invariants; each tour under
//! `tests/data/presets` (a preset's script and then the tour, recorded on
//! a real kernel by `tests/data/presets/record`) prints on the preset what
//! the kernel printed, command by command after the recorder's masks; and
//! seed 003's commands print on the kind node what the seed shows. A tour
//! command that prints what the script can only stand in for (the card) is
//! listed in `known-differences.txt`.

#![cfg(feature = "presets")]

use sim_core::lab::presets::{build_errors, NAMES};
use sim_core::transcript::{commands, compare, replay_on};
use sim_core::Lab;
use std::path::{Path, PathBuf};

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/presets")
}

#[test]
fn every_preset_builds_and_keeps_the_models_invariants() {
    for name in NAMES {
        assert_eq!(build_errors(name), Some(vec![]), "{name}");
        let lab = Lab::with_preset(name).expect("a preset");
        lab.kernel().check_invariants().unwrap_or_else(|e| panic!("{name}: {e}"));
        // A lesson checks the lab's picture: every preset draws.
        assert!(!lab.snapshot().namespaces.is_empty());
    }
    assert!(Lab::with_preset("nope").is_none());
}

/// The recording's transcript from its `skip`th command on.
fn from_command(text: &str, skip: usize) -> String {
    let mut seen = 0;
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        if line.starts_with("$ ") {
            seen += 1;
        }
        if seen > skip {
            out.push_str(line);
        }
    }
    out
}

#[test]
fn preset_tours_match_their_kernel_recordings() {
    let mut tours: Vec<PathBuf> = std::fs::read_dir(data())
        .expect("tests/data/presets")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "tour"))
        .collect();
    tours.sort();
    assert!(tours.len() >= 4, "{tours:?}");
    let known = std::fs::read_to_string(data().join("known-differences.txt")).expect("known-differences.txt");
    let known: Vec<(&str, &str)> = known
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?, f.next()?))
        })
        .collect();
    let mut failures = Vec::new();
    for tour in tours {
        let stem = tour.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let text = std::fs::read_to_string(&tour).expect("tour");
        let preset = text.lines().find_map(|l| l.strip_prefix("# preset: ")).expect("a `# preset:` line");
        let script =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("src/lab/presets/{preset}.sh")))
                .expect("the preset's script");
        let recorded = std::fs::read_to_string(tour.with_extension("txt")).expect("the tour's recording");
        let expected = from_command(&recorded, commands(&script).len());
        let mut lab = Lab::with_preset(preset).expect("a preset");
        let actual = replay_on(&mut lab, &text, false);
        let (same, bad) = compare(&expected, &actual);
        println!("{}: {same}/{} commands match", tour.display(), same + bad.len());
        let listed: Vec<&str> = known.iter().filter(|k| k.0 == stem).map(|k| k.1).collect();
        for cmd in &listed {
            if !bad.iter().any(|m| m.command == *cmd) {
                failures.push(format!("{stem}: `{cmd}` matches now: take it out of known-differences.txt"));
            }
        }
        for m in bad.into_iter().filter(|m| !listed.contains(&m.command.as_str())) {
            failures.push(format!(
                "{} `{}`\n--- kernel\n{}\n--- simulator\n{}",
                tour.display(),
                m.command,
                m.expected,
                m.actual.unwrap_or_default()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn seed_003s_commands_print_what_the_seed_shows() {
    let expected = std::fs::read_to_string(data().join("seed-003.txt")).expect("seed-003.txt");
    let script: String = expected.lines().filter_map(|l| l.strip_prefix("$ ")).map(|c| format!("{c}\n")).collect();
    let mut lab = Lab::with_preset("kind-node").expect("kind-node");
    let actual = replay_on(&mut lab, &script, false);
    assert_eq!(actual, expected);
}

/// Expect-style snapshots of what cannot be recorded (`NAME.expect.sh`
/// beside `NAME.expect.txt`): the daemon's answers, the modelled card.
/// `NSLAB_BLESS=1` rewrites them from the lab; review the diff.
#[test]
fn what_no_recording_shows_matches_its_snapshot() {
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(data())
        .expect("tests/data/presets")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".expect.sh"))
        .collect();
    scripts.sort();
    assert!(scripts.len() >= 3, "{scripts:?}");
    for sh in scripts {
        let text = std::fs::read_to_string(&sh).expect("script");
        let preset = text.lines().find_map(|l| l.strip_prefix("# preset: ")).expect("a `# preset:` line");
        let mut lab = Lab::with_preset(preset).expect("a preset");
        let actual = replay_on(&mut lab, &text, false);
        let txt = PathBuf::from(sh.to_string_lossy().replace(".expect.sh", ".expect.txt"));
        if std::env::var_os("NSLAB_BLESS").is_some() {
            std::fs::write(&txt, &actual).expect("write");
        }
        let expected = std::fs::read_to_string(&txt).unwrap_or_default();
        assert_eq!(actual, expected, "{} (NSLAB_BLESS=1 rewrites it)", sh.display());
    }
}

/// Arbitrary and mutated lines of docker, nsenter and ip on every preset:
/// no panic, and the model's invariants hold after each.
#[test]
fn arbitrary_lines_on_every_preset_keep_the_rules() {
    const WORDS: &[&str] = &[
        "docker",
        "exec",
        "ps",
        "inspect",
        "-f",
        "-a",
        "-q",
        "-it",
        "-e",
        "--",
        "nsenter",
        "-t",
        "-n",
        "-m",
        "--net",
        "--target=1043",
        "--net=/run/netns/x",
        "1",
        "0",
        "1043",
        "1044",
        "99999",
        "web",
        "kind-worker",
        "4c01",
        "ip",
        "link",
        "addr",
        "route",
        "netns",
        "list",
        "exec",
        "set",
        "del",
        "add",
        "eth0",
        "docker0",
        "netns",
        "box",
        "up",
        "down",
        "mtu",
        "9001",
        "type",
        "veth",
        "peer",
        "name",
        "ping",
        "-c",
        "8.8.8.8",
        "kill",
        "hostname",
        "'{{.State.Pid}}'",
        "$(docker inspect -f '{{.State.Pid}}' web)",
        ";",
        "|",
        "&&",
        "grep",
        "x",
        "cni-c5b8b5eb-b4e7-1254-9712-68d51dd52926",
        "sysctl",
        "-w",
        "net.ipv4.ip_forward=0",
        "iptables",
        "-t",
        "nat",
        "-F",
        "\"",
        "'",
    ];
    const SEEDS: &[&str] = &[
        "docker exec kind-worker ip netns exec cni-c5b8b5eb-b4e7-1254-9712-68d51dd52926 ip route",
        "nsenter -t $(docker inspect -f '{{.State.Pid}}' web) -n ip -br addr",
        "ip link set eth0 netns box",
        "docker exec -it web ping -c 1 8.8.8.8",
        "nsenter --target=1044 --mount --net -- ip netns list",
    ];
    let mut rng = sim_core::rng::Rng::new(7);
    let mut n = 0;
    for name in NAMES {
        let mut lab = Lab::with_preset(name).expect("a preset");
        for round in 0..1500 {
            let line = if round % 2 == 0 {
                let len = 1 + rng.below(10);
                (0..len).map(|_| WORDS[rng.below(WORDS.len())]).collect::<Vec<_>>().join(" ")
            } else {
                let mut b: Vec<char> = SEEDS[rng.below(SEEDS.len())].chars().collect();
                for _ in 0..1 + rng.below(3) {
                    let i = rng.below(b.len().max(1)).min(b.len().saturating_sub(1));
                    match rng.below(3) {
                        0 if !b.is_empty() => {
                            b.remove(i);
                        }
                        1 => b.insert(i, [' ', '-', '0', '\'', '$'][rng.below(5)]),
                        _ => b.truncate(i),
                    }
                }
                b.into_iter().collect()
            };
            lab.run(&line);
            n += 1;
            if let Err(e) = lab.kernel().check_invariants() {
                panic!("{name}: after `{line}`: {e}");
            }
            if round % 300 == 299 {
                lab = Lab::with_preset(name).expect("a preset");
            }
        }
    }
    println!("{n} lines on the presets: no panic, invariants held");
}
