//! `normalize()` of `record-transcript`, rule by rule, in its order.
//!
//! Hand-written rather than through a regex crate: sim-core ships in the
//! site's wasm, and these rules need only literal prefixes, character runs
//! and two small scanners. Each rule keeps the regex's semantics where they
//! matter here: leftmost matches, no overlap, and a failed attempt retries
//! one character further on. The one liberty: Python's `\d` also matches
//! non-ASCII digits; here digits are ASCII (the tools print ASCII).
//!
//! Beyond the recorder's rules, the port masks three things the simulator
//! cannot reproduce and the recorder does not mask (each marked below):
//! iptables-save's (and ip6tables-save's) wall-clock date, and real process ids in `ss -p` and
//! `netstat -p`. `tests/data/sockets/check` applies the same two pid masks
//! on the recorder's side, to prove those recordings stable.

fn is_hex(c: char) -> bool {
    c.is_ascii_digit() || ('a'..='f').contains(&c)
}

/// A character of Python's `\w` (for `\b`): letters, digits, underscore.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The length in bytes of the run of chars in `set` that starts `s`.
fn run(s: &str, set: impl Fn(char) -> bool) -> usize {
    s.chars().take_while(|c| set(*c)).map(char::len_utf8).sum()
}

/// The length of the first char of `s` (1 for an empty `s`, never used so).
fn first_len(s: &str) -> usize {
    s.chars().next().map_or(1, char::len_utf8)
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

/// Replaces every match of a rule found at some point of the line: `at(s)`
/// says whether a match starts at `s`, and returns its length in bytes and
/// its replacement. Leftmost first, no overlap, as `re.sub` does.
fn replace_all(line: &str, starts: &[&str], at: impl Fn(&str) -> Option<(usize, String)>) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(pos) = starts.iter().filter_map(|p| rest.find(p)).min() {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        if let Some((len, with)) = at(rest) {
            out.push_str(&with);
            rest = &rest[len..];
        } else {
            let n = first_len(rest);
            out.push_str(&rest[..n]);
            rest = &rest[n..];
        }
    }
    out.push_str(rest);
    out
}

/// `(prefix)[set]{min,}(suffix)` → `prefix` + `with` + `suffix`.
fn mask_run_min(line: &str, prefix: &str, set: &dyn Fn(char) -> bool, min: usize, suffix: &str, with: &str) -> String {
    replace_all(line, &[prefix], |s| {
        let after = s.strip_prefix(prefix)?;
        let n = run(after, set);
        let count = after[..n].chars().count();
        (count >= min && after[n..].starts_with(suffix))
            .then(|| (prefix.len() + n + suffix.len(), format!("{prefix}{with}{suffix}")))
    })
}

/// `(prefix)[set]+(suffix)` → `prefix` + `with` + `suffix`.
fn mask_run(line: &str, prefix: &str, set: &dyn Fn(char) -> bool, suffix: &str, with: &str) -> String {
    mask_run_min(line, prefix, set, 1, suffix, with)
}

fn digits(c: char) -> bool {
    c.is_ascii_digit()
}

/// `(RX|TX) packets \d+  bytes \d+ \([^)]*\)` → `\1 packets N  bytes N`.
fn mask_counters(line: &str) -> String {
    replace_all(line, &["RX packets ", "TX packets "], |s| {
        let after = &s["RX packets ".len()..];
        let n = run(after, digits);
        let after = after[n..].strip_prefix("  bytes ").filter(|_| n > 0)?;
        let m = run(after, digits);
        let after = after[m..].strip_prefix(" (").filter(|_| m > 0)?;
        let close = after.find(')')?;
        let len = s.len() - after.len() + close + 1;
        Some((len, format!("{} packets N  bytes N", &s[..2])))
    })
}

/// `" (tentative|dadfailed) "` → `" "`, and then one of them at the end.
fn mask_dad(line: &str) -> String {
    let flags = [" tentative ", " dadfailed "];
    let mut l = replace_all(line, &flags, |s| flags.iter().any(|f| s.starts_with(f)).then(|| (11, " ".to_string())));
    if let Some(x) = flags.iter().find_map(|f| l.strip_suffix(f.trim_end())) {
        l = x.to_string();
    }
    l
}

/// tcpdump's clock, `^\d\d:\d\d:\d\d\.\d{6} ` → `HH:MM:SS.US `.
fn mask_clock(line: &str) -> String {
    let b = line.as_bytes();
    let shape = b"00:00:00.000000 ";
    let fits = b.len() >= shape.len()
        && shape.iter().zip(b).all(|(s, c)| if *s == b'0' { c.is_ascii_digit() } else { s == c });
    if fits {
        format!("HH:MM:SS.US {}", &line[shape.len()..])
    } else {
        line.to_string()
    }
}

/// `TS val \d+ ecr \d+` → `TS val N ecr N`.
fn mask_tcp_timestamps(line: &str) -> String {
    replace_all(line, &["TS val "], |s| {
        let after = &s["TS val ".len()..];
        let n = run(after, digits);
        let after = after[n..].strip_prefix(" ecr ").filter(|_| n > 0)?;
        let m = run(after, digits);
        (m > 0).then(|| (s.len() - after.len() + m, "TS val N ecr N".to_string()))
    })
}

/// `\b(\d+\.\d+\.\d+\.\d+)([.:])(3[2-9]\d{3}|[45]\d{4}|60\d{3})\b` →
/// `\1\2EPH`: an ephemeral port after an IPv4 address, as tcpdump
/// (`10.0.0.1.40000`) and ss or netstat (`10.0.0.1:40000`) print it.
/// Each `\d+` is a whole run of digits (a shorter one would be followed by
/// a digit, not by the `.` or `[.:]` after it), and the port is exactly
/// five digits, so the match is decided without backtracking.
fn mask_ephemeral(line: &str) -> String {
    let c: Vec<char> = line.chars().collect();
    let digits_at = |i: usize| c[i..].iter().take_while(|d| d.is_ascii_digit()).count();
    let address_end = |i: usize| {
        let mut j = i;
        for group in 0..4 {
            let n = if j < c.len() { digits_at(j) } else { 0 };
            if n == 0 {
                return None;
            }
            j += n;
            if group < 3 {
                if c.get(j) != Some(&'.') {
                    return None;
                }
                j += 1;
            }
        }
        Some(j)
    };
    let ephemeral = |p: usize| {
        let port = c.get(p..p + 5).filter(|d| d.iter().all(char::is_ascii_digit));
        let in_range = port.is_some_and(|d| match d[0] {
            '3' => ('2'..='9').contains(&d[1]),
            '4' | '5' => true,
            '6' => d[1] == '0',
            _ => false,
        });
        in_range && c.get(p + 5).is_none_or(|n| !is_word(*n))
    };
    let mut out = String::new();
    let mut i = 0;
    while i < c.len() {
        if i == 0 || !is_word(c[i - 1]) {
            if let Some(end) = address_end(i) {
                if matches!(c.get(end), Some('.' | ':')) && ephemeral(end + 1) {
                    out.extend(&c[i..=end]);
                    out.push_str("EPH");
                    i = end + 6;
                    continue;
                }
            }
        }
        out.push(c[i]);
        i += 1;
    }
    out
}

/// Simulator's extension: netstat -p's `PID/Program name` column, the last
/// field of a `tcp`/`udp` line, `1234/nc` and the padding after it (which
/// is narrower for a longer pid) → `PID/nc`.
fn mask_netstat_pid(line: &str) -> String {
    let Some(rest) = ["tcp ", "udp ", "tcp6 ", "udp6 "].iter().find_map(|p| line.strip_prefix(p)) else {
        return line.to_string();
    };
    let body = rest.trim_end_matches(' ');
    let Some(space) = body.rfind(' ') else {
        return line.to_string();
    };
    let field = &body[space + 1..];
    let n = run(field, digits);
    match field[n..].strip_prefix('/') {
        Some(name) if n > 0 && !name.is_empty() && !name.contains(char::is_whitespace) => {
            format!("{}PID/{name}", &line[..line.len() - rest.len() + space + 1])
        }
        _ => line.to_string(),
    }
}

/// `normalize()` of record-transcript, line by line.
pub fn normalize(text: &str) -> String {
    text.split('\n').map(normalize_line).collect::<Vec<_>>().join("\n")
}

fn normalize_line(line: &str) -> String {
    let hexc = |c: char| is_hex(c) || c == ':';
    let dec = |c: char| c.is_ascii_digit() || c == '.';
    let rtt = |c: char| c.is_ascii_digit() || c == '.' || c == '/';
    let mut l = mask_macs(line);
    l = mask_run(&l, "fe80::", &hexc, "/64", "LL");
    l = mask_run(&l, "\"fe80::", &hexc, "\"", "LL");
    l = mask_run(&l, "inet6 fe80::", &hexc, "  prefixlen", "LL");
    l = mask_counters(&l);
    l = mask_run(&l, "time=", &dec, " ms", "T");
    l = mask_run(&l, "time ", &digits, "ms", "T");
    l = mask_run(&l, "rtt min/avg/max/mdev = ", &rtt, " ms", "T");
    l = mask_dad(&l);
    for k in ["\"valid_life_time\":", "\"preferred_life_time\":"] {
        l = mask_run(&l, k, &digits, "", "N");
    }
    l = l.replace(",\"tentative\":true", "");
    // Simulator's extension: iptables-save dates its output with the wall
    // clock, which record-transcript does not mask; the simulator prints
    // its virtual clock's date, so both sides hide it.
    for p in [
        "# Generated by iptables-save v1.8.9 (nf_tables) on ",
        "# Generated by ip6tables-save v1.8.9 (nf_tables) on ",
        "# Completed on ",
    ] {
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
    // tcpdump: the clock, ping's ICMP id, TCP's random initial sequence
    // numbers and timestamps, and ephemeral ports here and in ss.
    l = mask_clock(&l);
    for p in ["ICMP echo request, id ", "ICMP echo reply, id "] {
        l = mask_run(&l, p, &digits, "", "ID");
    }
    for p in ["Flags [S], seq ", "Flags [S.], seq ", "Flags [R], seq ", "Flags [R.], seq "] {
        l = mask_run(&l, p, &digits, "", "N");
    }
    l = mask_run_min(&l, ", ack ", &digits, 5, "", "N");
    l = mask_tcp_timestamps(&l);
    l = mask_ephemeral(&l);
    // curl reports how long a failed connection took.
    l = mask_run(&l, " after ", &digits, " ms:", "T");
    // Simulator's extension: real process ids, which the simulator's
    // cannot equal (`ss -p`'s `users:(("nc",pid=1234,fd=3))`, netstat -p).
    l = mask_run(&l, "pid=", &digits, "", "PID");
    mask_netstat_pid(&l)
}
