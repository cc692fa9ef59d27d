//! Explained output: the cases of `tests/data/explain/whys.txt` (one per
//! row of the table in ARCHITECTURE.md's `sim-core/src/explain/`), the meanings' table, the notes of
//! seed 001's session as a snapshot, and taggers fed junk.

use sim_core::explain::{meaning, Note};
use sim_core::Lab;
use std::collections::BTreeMap;
use std::path::Path;

fn data(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/explain").join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

struct Case {
    key: String,
    lab: String,
    command: String,
    span: String,
    why: String,
}

/// The labs by name, each as its lines, and the cases.
fn cases() -> (BTreeMap<String, Vec<String>>, Vec<Case>) {
    let mut labs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut cases = Vec::new();
    for line in data("whys.txt").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some(def) = line.strip_prefix('@') {
            let (name, body) = def.split_once(": ").expect("@NAME: LINES");
            let mut lines = Vec::new();
            for l in body.split(" ; ") {
                match l.strip_prefix('@') {
                    Some(other) => lines.extend(labs[other].clone()),
                    None => lines.push(l.to_string()),
                }
            }
            labs.insert(name.to_string(), lines);
            continue;
        }
        let f: Vec<&str> = line.split(" | ").collect();
        assert_eq!(f.len(), 5, "{line}");
        cases.push(Case {
            key: f[0].into(),
            lab: f[1].into(),
            command: f[2].into(),
            span: f[3].into(),
            why: f[4].into(),
        });
    }
    (labs, cases)
}

/// Runs `lines` then `command` (its last `;`-part is the one explained).
fn run(lines: &[String], command: &str) -> (sim_core::Output, Vec<Note>) {
    let mut lab = Lab::new();
    for l in lines {
        lab.run(l);
    }
    let parts: Vec<&str> = command.split(" ; ").collect();
    for l in &parts[..parts.len() - 1] {
        lab.run(l);
    }
    let out = lab.run(parts[parts.len() - 1]);
    let notes = lab.explain(&out);
    (out, notes)
}

/// The note's text; every note lies inside its chunk, on character
/// boundaries, in a stdout chunk (checked for every note these tests see).
fn span_text<'a>(out: &'a sim_core::Output, n: &Note) -> &'a str {
    let chunk = &out.chunks[n.chunk as usize];
    assert_eq!(chunk.stream, sim_core::Stream::Stdout, "{n:?}");
    assert!(n.start < n.end && chunk.text.get(n.start as usize..n.end as usize).is_some(), "{n:?} in {:?}", chunk.text);
    &chunk.text[n.start as usize..n.end as usize]
}

#[test]
fn every_case_explains_its_span() {
    let (labs, cases) = cases();
    let mut failed = Vec::new();
    for c in &cases {
        let (out, notes) = run(&labs[&c.lab], &c.command);
        for n in &notes {
            let _ = span_text(&out, n);
        }
        let found = notes.iter().find(|n| n.key == c.key && (c.span == "*" || span_text(&out, n) == c.span));
        let ok = match found {
            None => false,
            Some(n) if c.why == "-" => n.why.is_empty() && !n.meaning.is_empty(),
            Some(n) => n.why.contains(&c.why) && !n.meaning.is_empty(),
        };
        if !ok {
            let seen: Vec<String> = notes
                .iter()
                .filter(|n| n.key == c.key)
                .map(|n| format!("{:?}: {}", span_text(&out, n), n.why))
                .collect();
            failed.push(format!(
                "{} `{}` {:?}:\n  output: {}\n  notes of the key: {seen:#?}",
                c.key,
                c.command,
                c.span,
                out.text()
            ));
        }
    }
    assert!(failed.is_empty(), "{} of {} cases failed:\n{}", failed.len(), cases.len(), failed.join("\n"));
}

/// Every row of the docs' table has a case, and every case's key a row.
#[test]
fn the_docs_table_and_the_cases_agree() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../ARCHITECTURE.md")).unwrap();
    let table: Vec<&str> = doc
        .split("### `sim-core/src/explain/`")
        .nth(1)
        .and_then(|s| s.split("\n### ").next())
        .unwrap_or("")
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .collect();
    let (_, cases) = cases();
    for row in &table {
        assert!(cases.iter().any(|c| c.key == *row), "docs row {row} has no case in whys.txt");
    }
    for c in &cases {
        assert!(table.contains(&c.key.as_str()), "case key {} has no row in ARCHITECTURE.md's table", c.key);
    }
}

#[test]
fn meanings_are_well_formed_and_unique() {
    let all: Vec<_> = meaning::all().collect();
    assert!(all.len() > 250, "{}", all.len());
    let mut seen = std::collections::BTreeSet::new();
    for (k, t, m) in &all {
        assert!(seen.insert(*k), "{k} twice");
        assert!(k.contains('.') && !t.is_empty() && m.ends_with(['.', '…']), "{k} | {t} | {m}");
    }
}

/// Seed 001's session, every note of every output: a snapshot to bless
/// with NSLAB_BLESS=1 when the texts change on purpose.
#[test]
fn seed_001_notes_snapshot() {
    let script = data("seed-001.sh");
    let mut lab = Lab::new();
    let mut got = String::new();
    for line in sim_core::transcript::commands(&script) {
        let out = lab.run(&line);
        got += &format!("$ {line}\n{}", out.text());
        for n in lab.explain(&out) {
            let why = if n.why.is_empty() { "-" } else { &n.why };
            got += &format!("  {} [{}] {:?}: {why}\n", n.key, n.about, span_text(&out, &n));
        }
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/explain/seed-001.expect.txt");
    if std::env::var_os("NSLAB_BLESS").is_some() {
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(want == got, "notes differ from {}; NSLAB_BLESS=1 to bless:\n{got}", path.display());
}

/// The taggers read back text they did not print without panicking, and
/// every note's range lies in its chunk.
#[test]
fn junk_never_panics() {
    let mut seed = 0x5eed_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let pieces = [
        "PING",
        "bytes",
        "from",
        "icmp_seq=",
        "ttl=",
        "time=",
        "ms",
        "From",
        "---",
        "packets",
        "transmitted,",
        "received,",
        "% packet loss,",
        "Chain",
        "(policy",
        "ACCEPT",
        "-A",
        "-P",
        "!",
        "target",
        "prot",
        "opt",
        "source",
        " = ",
        "flags=",
        "mtu",
        "bytes",
        "(",
        ")",
        "RX",
        "TX",
        "\n",
        " ",
        "  ",
        "é",
        "@",
        ":",
        "x",
    ];
    for _ in 0..3000 {
        let n = (next() % 30) as usize;
        let text: String = (0..n).map(|_| pieces[(next() % pieces.len() as u64) as usize]).collect();
        for p in [
            sim_core::explain::ping::tag(&text),
            sim_core::explain::iptables::tag(&text),
            sim_core::explain::ifconfig::tag(&text),
            sim_core::explain::sysctl::tag(&text),
            sim_core::explain::ss::tag(&text),
            sim_core::explain::tcpdump::tag(&text),
        ] {
            for t in &p.tags {
                assert!(t.start <= t.end && t.end <= p.text.len() && p.text.is_char_boundary(t.start), "{text:?}");
            }
        }
    }
}
