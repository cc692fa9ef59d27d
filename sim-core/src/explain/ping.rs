//! ping's lines (iputils 20221126), read back into fields.

use super::record::{Kind, Printed};
use super::tagger::{words, Tagger};

/// The fields of what ping printed in one write.
pub fn tag(text: &str) -> Printed {
    let mut t = Tagger::new(text);
    for (at, line) in t.lines() {
        t.record(Kind::Ping);
        let w = words(&line);
        let word = |i: usize| w.get(i).map(|&(s, e)| &line[s..e]).unwrap_or("");
        if word(0) == "PING" && word(1).ends_with(')') && word(1).contains('(') {
            // ping6: PING DEST(ADDR) [from SRC DEV: ]SIZE data bytes
            let (s, e) = w[1];
            let open = s + line[s..e].find('(').unwrap_or(0);
            t.span(at + w[0].0, at + w[0].1, "header");
            t.span(at + s, at + open, "dest");
            t.span(at + open, at + e, "addr");
            if let Some(i) = w.iter().position(|&(s, e)| &line[s..e] == "data").and_then(|i| i.checked_sub(1)) {
                t.span(at + w[i].0, at + line.len(), "size");
            }
            if word(2) == "from" {
                let end = w.get(4).map_or(0, |x| x.1);
                t.span(at + w[2].0, at + end, "source");
            }
        } else if word(0) == "PING" {
            // PING DEST (ADDR) [from SRC DEV: ]SIZE(TOTAL) bytes of data.
            t.words(at, &line, &["header", "dest", "addr"]);
            let after = w.get(2).map_or(usize::MAX, |x| x.0);
            if let Some(&(s, _)) = w.iter().find(|&&(s, e)| line[s..e].contains('(') && s > after) {
                t.span(at + s, at + line.len(), "size");
            }
            if word(3) == "from" {
                let end = w.get(5).map_or(0, |x| x.1);
                t.span(at + w[3].0, at + end, "source");
            }
        } else if word(1) == "bytes" && word(2) == "from" {
            // N bytes from ADDR: icmp_seq=N ttl=N time=T ms
            t.span(at + w[0].0, at + w[1].1, "bytes");
            let from_end = w.iter().position(|&(s, e)| line[s..e].ends_with(':')).unwrap_or(3);
            t.span(at + w[2].0, at + w[from_end].1, "from");
            for &(s, e) in &w[from_end + 1..] {
                let k = &line[s..e];
                if let Some(key) = ["icmp_seq", "ttl", "time"].iter().find(|k2| k.starts_with(&format!("{k2}="))) {
                    let end = if *key == "time" && line[e..].starts_with(" ms") { e + 3 } else { e };
                    t.span(at + s, at + end, key);
                }
            }
            if let Some(i) = line.find("(DIFFERENT ADDRESS!)") {
                t.span(at + i, at + line.len(), "different");
            }
        } else if word(0) == "From" {
            // From ADDR icmp_seq=N REASON
            t.span(at + w[0].0, at + w.get(1).map_or(0, |x| x.1), "error_from");
            if let Some(&(s, e)) = w.get(2).filter(|_| word(2).starts_with("icmp_seq=")) {
                t.span(at + s, at + e, "icmp_seq");
                t.span(at + e + 1, at + line.len(), "error");
            }
        } else if line.starts_with("--- ") && line.ends_with(" ping statistics ---") {
            t.span(at, at + line.len(), "statistics");
        } else if word(1) == "packets" && word(2) == "transmitted," {
            let mut start = 0;
            for part in line.split(", ") {
                let key = match part {
                    p if p.ends_with("packets transmitted") => "transmitted",
                    p if p.ends_with(" received") => "received",
                    p if p.ends_with(" errors") => "errors",
                    p if p.ends_with("% packet loss") => "loss",
                    p if p.starts_with("time ") => "elapsed",
                    _ => "",
                };
                if !key.is_empty() {
                    t.span(at + start, at + start + part.len(), key);
                }
                start += part.len() + 2;
            }
        } else if line.starts_with("rtt min/avg/max/mdev = ") {
            let end = line.find(", pipe").unwrap_or(line.len());
            t.span(at, at + end, "rtt");
            if let Some(p) = line.find("pipe ") {
                t.span(at + p, at + line.len(), "pipe");
            }
        } else if line.starts_with("pipe ") {
            t.span(at, at + line.len(), "pipe");
        }
    }
    t.done()
}
