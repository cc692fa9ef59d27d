//! Explained output's coverage: every recording's commands replayed with
//! the recorder on, and for each program the share of the words it printed
//! that lie in an explained span (`sim_core::explain::coverage`). The
//! report is `scripts/explain-coverage`; this test holds the floor.

use sim_core::explain::{coverage, Coverage};
use sim_core::transcript::commands;
use sim_core::Lab;
use std::collections::BTreeMap;
use std::path::Path;

/// The programs measured, and their floors (percent): the goal
/// for five, and ss.
const FLOORS: &[(&str, usize)] =
    &[("ip", 95), ("bridge", 95), ("ping", 95), ("ifconfig", 95), ("iptables", 95), ("ip6tables", 95), ("ss", 95)];

/// The program whose output a command line shows, when it shows one
/// program's output unfiltered (no pipe, redirect, list or substitution).
fn program(line: &str) -> Option<&str> {
    if line.contains(['|', '>', ';', '&', '$', '`', '<']) {
        return None;
    }
    let mut words: Vec<&str> = line.split_whitespace().collect();
    loop {
        match words.as_slice() {
            ["sudo", ..] => words.remove(0),
            ["ip", "netns", "exec", _, ..] => words.drain(..4).next().unwrap_or_default(),
            _ => break,
        };
    }
    words.first().copied()
}

fn scripts() -> Vec<std::path::PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    for dir in [
        here.join("../../shared/scenarios"),
        here.join("tests/data/kernel"),
        here.join("tests/data/packet"),
        here.join("tests/data/sockets"),
    ] {
        let Ok(rd) = std::fs::read_dir(&dir) else { continue };
        let mut v: Vec<_> =
            rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "sh")).collect();
        v.sort();
        all.extend(v);
    }
    // Of the IPv6 recordings, ip6tables' (the others wait for the IPv6 path).
    all.push(here.join("tests/data/ipv6/ip6tables.sh"));
    all
}

/// Per program: the words, the explained ones, and (for the report) the
/// words left unexplained most often.
fn measure() -> BTreeMap<String, (Coverage, BTreeMap<String, usize>)> {
    let mut by: BTreeMap<String, (Coverage, BTreeMap<String, usize>)> = BTreeMap::new();
    for path in scripts() {
        let script = std::fs::read_to_string(&path).unwrap_or_default();
        let mut lab = Lab::new();
        for cmd in commands(&script) {
            let out = lab.run_command(&cmd);
            let Some(prog) = program(&cmd) else { continue };
            // A usage text (`-h`, `--help`) is not explained.
            if cmd.split_whitespace().any(|w| w == "-h" || w == "--help") {
                continue;
            }
            // JSON (-j) and colours (-c) are not explained (ARCHITECTURE.md).
            let json_or_colour = ["ip", "bridge"].contains(&prog)
                && cmd.split_whitespace().any(|w| {
                    w.starts_with('-')
                        && !w.starts_with("--")
                        && ["-j", "-json", "-c", "-color", "-p"]
                            .iter()
                            .any(|o| w.starts_with(o) && o.starts_with(&w[..2.min(w.len())]))
                });
            if !FLOORS.iter().any(|(p, _)| *p == prog) || out.status != 0 || json_or_colour {
                continue;
            }
            let notes = lab.explain(&out);
            for n in notes.iter().filter(|n| n.meaning.is_empty()) {
                *by.entry(prog.to_string()).or_default().1.entry(format!("{prog}: KEY {}", n.key)).or_default() += 1;
            }
            let c = coverage(&out, &notes);
            let e = by.entry(prog.to_string()).or_default();
            e.0.words += c.words;
            e.0.explained += c.explained;
            for (i, chunk) in out.chunks.iter().enumerate() {
                if chunk.stream != sim_core::Stream::Stdout {
                    continue;
                }
                let mut at = 0;
                for w in chunk.text.split_inclusive(|c: char| c.is_ascii_whitespace()) {
                    let word = w.trim_end();
                    let (s, t) = (at, at + word.len());
                    at += w.len();
                    let i = i as u32;
                    let seen = notes.iter().any(|n| {
                        n.chunk == i && (n.start as usize) < t && (n.end as usize) > s && !n.meaning.is_empty()
                    });
                    if !word.is_empty() && !seen {
                        let shape: String = word.chars().map(|c| if c.is_ascii_digit() { '9' } else { c }).collect();
                        *e.1.entry(format!("{prog}: {shape}")).or_default() += 1;
                    }
                }
            }
        }
    }
    by
}

#[test]
fn explained_share_per_program() {
    let by = measure();
    let mut report = String::from("program  words  explained  share\n");
    for (prog, (c, _)) in &by {
        let share = if c.words == 0 { 100.0 } else { 100.0 * c.explained as f64 / c.words as f64 };
        report += &format!("{prog:<8} {:>6} {:>10} {share:>5.1}%\n", c.words, c.explained);
    }
    if std::env::var_os("NSLAB_COVERAGE").is_some() {
        println!("{report}");
        for (prog, (_, missed)) in &by {
            let mut v: Vec<_> = missed.iter().collect();
            v.sort_by(|a, b| b.1.cmp(a.1));
            println!("-- {prog}: unexplained words, commonest first");
            for (w, n) in v.iter().take(if std::env::var_os("NSLAB_COVERAGE_ALL").is_some() { 1000 } else { 40 }) {
                println!("{n:>6}  {w}");
            }
        }
    }
    for (prog, floor) in FLOORS {
        let Some((c, _)) = by.get(*prog) else { panic!("no output of {prog} measured") };
        assert!(
            c.explained * 100 >= c.words * floor,
            "{prog}: {} of {} words explained, under {floor}%\n{report}",
            c.explained,
            c.words
        );
    }
}
