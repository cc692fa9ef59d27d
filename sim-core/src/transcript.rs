//! Scenario scripts and transcripts in the format of `record-transcript`.
//!
//! A scenario is one command per line (`#` comments and blank lines skipped).
//! A transcript is `$ cmd` followed by what it printed and `[exit N]` when N
//! is not 0. [`normalize`] masks what a real kernel changes run to run,
//! exactly as `record-transcript` does, so transcripts can be compared.

use crate::Lab;

/// The commands of a scenario script.
pub fn commands(script: &str) -> Vec<String> {
    script.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_string).collect()
}

/// Runs a scenario on a fresh lab and returns its transcript.
pub fn replay(script: &str, seed: u64) -> String {
    replay_with(script, seed, false)
}

/// Like [`replay`]; with `trace`, each command's packet trace follows its
/// output as `#`-comment lines (for reading; leave them out of files meant for `compare`).
pub fn replay_with(script: &str, seed: u64, trace: bool) -> String {
    let mut lab = Lab::with_seed(seed);
    let mut lines = Vec::new();
    for cmd in commands(script) {
        lines.push(format!("$ {cmd}"));
        // The recorder runs each line as `bash -c LINE`.
        let out = lab.run_command(&cmd);
        let text = out.text();
        if !text.is_empty() {
            lines.extend(text.trim_end_matches('\n').split('\n').map(str::to_string));
        }
        if out.status != 0 {
            lines.push(format!("[exit {}]", out.status));
        }
        if trace {
            let t = lab.last_trace().to_string();
            lines.extend(t.lines().map(|l| format!("#   {l}")));
        }
    }
    lines.join("\n") + "\n"
}

fn is_hex(c: char) -> bool {
    c.is_ascii_digit() || ('a'..='f').contains(&c)
}

/// Replaces every MAC address (but the all-zero and broadcast ones) by `MAC`.
fn mask_macs(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let is_mac = i + 17 <= chars.len()
            && (0..17).all(|j| if j % 3 == 2 { chars[i + j] == ':' } else { is_hex(chars[i + j]) })
            && (i == 0 || !(is_hex(chars[i - 1]) || chars[i - 1] == ':'))
            && (i + 17 == chars.len() || !(is_hex(chars[i + 17]) || chars[i + 17] == ':'));
        if is_mac {
            let mac: String = chars[i..i + 17].iter().collect();
            if mac == "00:00:00:00:00:00" || mac == "ff:ff:ff:ff:ff:ff" {
                out.push_str(&mac);
            } else {
                out.push_str("MAC");
            }
            i += 17;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Replaces `prefix` + a run of chars in `set` + `suffix` by `prefix` + `with` + `suffix`.
fn mask_run(line: &str, prefix: &str, set: &dyn Fn(char) -> bool, suffix: &str, with: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(pos) = rest.find(prefix) {
        let after = &rest[pos + prefix.len()..];
        let n = after.chars().take_while(|c| set(*c)).map(char::len_utf8).sum::<usize>();
        if n > 0 && after[n..].starts_with(suffix) {
            out.push_str(&rest[..pos]);
            out.push_str(prefix);
            out.push_str(with);
            out.push_str(suffix);
            rest = &after[n + suffix.len()..];
        } else {
            out.push_str(&rest[..pos + prefix.len()]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// `normalize()` of record-transcript, line by line.
pub fn normalize(text: &str) -> String {
    let hexc = |c: char| is_hex(c) || c == ':';
    let digits = |c: char| c.is_ascii_digit();
    let dec = |c: char| c.is_ascii_digit() || c == '.';
    let rtt = |c: char| c.is_ascii_digit() || c == '.' || c == '/';
    text.split('\n')
        .map(|l| {
            let mut l = mask_macs(l);
            l = mask_run(&l, "fe80::", &hexc, "/64", "LL");
            l = mask_run(&l, "\"fe80::", &hexc, "\"", "LL");
            l = mask_run(&l, "inet6 fe80::", &hexc, "  prefixlen", "LL");
            for dir in ["RX", "TX"] {
                if let Some(p) = l.find(&format!("{dir} packets ")) {
                    if l[p..].contains("bytes") && l.ends_with(')') {
                        l = format!("{}{dir} packets N  bytes N", &l[..p]);
                    }
                }
            }
            l = mask_run(&l, "time=", &dec, " ms", "T");
            l = mask_run(&l, "time ", &digits, "ms", "T");
            l = mask_run(&l, "rtt min/avg/max/mdev = ", &rtt, " ms", "T");
            l = l.replace(" tentative ", " ").replace(" dadfailed ", " ");
            for s in [" tentative", " dadfailed"] {
                if let Some(x) = l.strip_suffix(s) {
                    l = x.to_string();
                }
            }
            for k in ["\"valid_life_time\":", "\"preferred_life_time\":"] {
                l = mask_run(&l, k, &digits, "", "N");
            }
            l = l.replace(",\"tentative\":true", "");
            // iptables-save dates its output with the wall clock, which
            // record-transcript does not mask; the simulator prints its
            // virtual clock's date, so both sides hide it.
            for p in ["# Generated by iptables-save v1.8.9 (nf_tables) on ", "# Completed on "] {
                if l.starts_with(p) {
                    l = format!("{p}DATE");
                }
            }
            for s in ["REACHABLE", "DELAY", "STALE", "PROBE"] {
                if let Some(x) = l.strip_suffix(&format!(" {s} ")) {
                    l = format!("{x} NUD ");
                }
                l = l.replace(&format!("\"{s}\""), "\"NUD\"");
            }
            l
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A transcript split into (command, normalized output) pairs.
pub fn split(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in normalize(text).split('\n') {
        if let Some(c) = line.strip_prefix("$ ") {
            out.push((c.to_string(), Vec::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push(line.to_string());
        }
    }
    out.into_iter().map(|(c, l)| (c, l.join("\n").trim_end_matches('\n').to_string())).collect()
}

/// One command whose output differs between two transcripts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    pub command: String,
    pub expected: String,
    pub actual: Option<String>,
}

/// Compares two transcripts command by command, as `--compare` does.
pub fn compare(expected: &str, actual: &str) -> (usize, Vec<Mismatch>) {
    let (exp, act) = (split(expected), split(actual));
    let mut same = 0;
    let mut bad = Vec::new();
    for (i, (cmd, want)) in exp.iter().enumerate() {
        let got = act.get(i).filter(|(c, _)| c == cmd).map(|(_, o)| o.clone());
        if got.as_ref() == Some(want) {
            same += 1;
        } else {
            bad.push(Mismatch { command: cmd.clone(), expected: want.clone(), actual: got });
        }
    }
    (same, bad)
}
