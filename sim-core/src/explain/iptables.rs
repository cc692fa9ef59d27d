//! iptables' and ip6tables' listings (iptables-nft 1.8.9: `-L`, `-L -v`,
//! `-S`), read back into fields.

use super::record::{Kind, Printed};
use super::tagger::{words, Tagger};

/// `-L`'s column titles and the field each column is.
const COLUMNS: &[(&str, &str)] = &[
    ("num", "num"),
    ("pkts", "pkts"),
    ("bytes", "bytes"),
    ("target", "target"),
    ("prot", "prot"),
    ("opt", "opt"),
    ("in", "in"),
    ("out", "out"),
    ("source", "source"),
    ("destination", "destination"),
];

/// What `-L` prints in the prot column (so an empty target column shows).
const PROTOCOLS: &[&str] =
    &["all", "tcp", "udp", "icmp", "ipv6-icmp", "udplite", "sctp", "esp", "ah", "gre", "0", "6", "17", "58"];

/// `-S`'s options and the field each is.
fn option_key(opt: &str) -> &'static str {
    match opt {
        "-P" => "policy",
        "-N" => "chain",
        "-A" => "chain",
        "-s" => "source",
        "-d" => "destination",
        "-i" => "in",
        "-o" => "out",
        "-p" => "prot",
        "-j" => "target",
        "-g" => "goto",
        "-m" => "module",
        "-f" => "opt",
        "-c" => "counters",
        _ => "match",
    }
}

/// The fields of what `iptables` printed.
pub fn tag(text: &str) -> Printed {
    let mut t = Tagger::new(text);
    let mut columns: Vec<&str> = Vec::new();
    for (at, line) in t.lines() {
        let w = words(&line);
        let word = |i: usize| w.get(i).map(|&(s, e)| &line[s..e]).unwrap_or("");
        if w.is_empty() {
            continue;
        }
        if word(0) == "Chain" {
            // Chain NAME (policy P[ N packets, M bytes]) | (N references)
            t.record(Kind::Iptables);
            t.span(at + w[0].0, at + w.get(1).map_or(0, |x| x.1), "chain");
            if word(2) == "(policy" {
                t.span(at + w[2].0, at + w.get(3).map_or(0, |x| x.1), "policy");
                if let (Some(a), Some(b)) = (w.get(4), w.get(5)) {
                    t.span(at + a.0, at + b.1, "policy_packets");
                }
                if let (Some(a), Some(b)) = (w.get(6), w.get(7)) {
                    t.span(at + a.0, at + b.1, "policy_bytes");
                }
            } else if let (Some(a), Some(b)) = (w.get(2), w.get(3)) {
                t.span(at + a.0, at + b.1, "references");
            }
            columns.clear();
        } else if COLUMNS.iter().any(|(c, _)| *c == word(0)) && !word(1).is_empty() && !line.starts_with('-') {
            if columns.is_empty() && w.iter().all(|&(s, e)| COLUMNS.iter().any(|(c, _)| *c == &line[s..e])) {
                columns = w
                    .iter()
                    .map(|&(s, e)| COLUMNS.iter().find(|(c, _)| *c == &line[s..e]).map_or("", |c| c.1))
                    .collect();
                for (&(s, e), k) in w.iter().zip(&columns) {
                    t.span(at + s, at + e, k);
                }
                continue;
            }
            rule_row(&mut t, at, &line, &w, &columns);
        } else if line.starts_with('-') {
            // -S: -P CHAIN POLICY | -N CHAIN | -A CHAIN OPTIONS…
            t.record(Kind::Iptables);
            let mut i = 0;
            while i < w.len() {
                let start = i;
                if word(i) == "!" {
                    i += 1;
                }
                let opt = word(i);
                i += 1;
                if opt == "-A" {
                    // `-A CHAIN`: the chain alone; the rule's options follow.
                    i = (i + 1).min(w.len());
                } else {
                    while i < w.len() && !word(i).starts_with('-') && word(i) != "!" {
                        i += 1;
                    }
                }
                t.span(at + w[start].0, at + w[i - 1].1, option_key(opt));
            }
        } else if !columns.is_empty() {
            rule_row(&mut t, at, &line, &w, &columns);
        }
    }
    t.done()
}

/// A rule's row under `-L`'s columns; what follows them is its matches.
fn rule_row(t: &mut Tagger, at: usize, line: &str, w: &[(usize, usize)], columns: &[&str]) {
    t.record(Kind::Iptables);
    // A rule with no target leaves its column empty: the row has one word less.
    let target_empty = columns
        .iter()
        .position(|c| *c == "target")
        .is_some_and(|ti| w.get(ti).is_some_and(|&(s, e)| PROTOCOLS.contains(&&line[s..e])));
    let mut col = 0;
    let mut i = 0;
    while i < w.len() && col < columns.len() {
        if target_empty && columns[col] == "target" {
            col += 1;
            continue;
        }
        t.span(at + w[i].0, at + w[i].1, columns[col]);
        col += 1;
        i += 1;
    }
    if i < w.len() {
        t.span(at + w[i].0, at + w[w.len() - 1].1, "matches");
    }
}
