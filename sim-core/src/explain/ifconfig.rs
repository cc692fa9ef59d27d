//! ifconfig's blocks (net-tools 2.10), read back into fields.

use super::record::{Kind, Printed};
use super::tagger::{words, Tagger};

/// Labels that print their value after them, and the field both are.
const LABELLED: &[(&str, &str)] = &[
    ("mtu", "mtu"),
    ("inet", "inet"),
    ("netmask", "netmask"),
    ("broadcast", "broadcast"),
    ("destination", "destination"),
    ("inet6", "inet6"),
    ("prefixlen", "prefixlen"),
    ("scopeid", "scopeid"),
    ("ether", "ether"),
    ("txqueuelen", "txqueuelen"),
    ("packets", "packets"),
    ("bytes", "bytes"),
    ("errors", "errors"),
    ("dropped", "dropped"),
    ("overruns", "overruns"),
    ("frame", "frame"),
    ("carrier", "carrier"),
    ("collisions", "collisions"),
];

/// The fields of what ifconfig printed (its interface blocks).
pub fn tag(text: &str) -> Printed {
    let mut t = Tagger::new(text);
    for (at, line) in t.lines() {
        let w = words(&line);
        if w.is_empty() {
            continue;
        }
        let word = |i: usize| w.get(i).map(|&(s, e)| &line[s..e]).unwrap_or("");
        let mut i = 0;
        if !line.starts_with(' ') {
            // NAME: flags=N<…>  mtu N
            t.record(Kind::Ifconfig);
            t.span(at + w[0].0, at + w[0].1, "name");
            i = 1;
        }
        // RX and TX lines: the direction is its own field.
        let dir = match word(0) {
            "RX" => "rx_",
            "TX" => "tx_",
            _ => "",
        };
        if !dir.is_empty() {
            t.span(at + w[0].0, at + w[0].1, if dir == "rx_" { "rx" } else { "tx" });
            i = 1;
        }
        while i < w.len() {
            let (s, e) = w[i];
            let wd = &line[s..e];
            if let Some(rest) = wd.strip_prefix("flags=") {
                let _ = rest;
                t.span(at + s, at + e, "flags");
                i += 1;
            } else if let Some(&(_, key)) = LABELLED.iter().find(|(l, _)| *l == wd) {
                let key = if dir.is_empty() || !matches!(key, "packets" | "bytes" | "errors" | "dropped") {
                    key.to_string()
                } else {
                    format!("{dir}{key}")
                };
                // `bytes N (1.2 KiB)`: the human form belongs to it.
                let mut end = w.get(i + 1).map_or(e, |x| x.1);
                let mut next = i + 2;
                if key.ends_with("bytes") && word(i + 2).starts_with('(') {
                    end = w.get(i + 3).map_or(end, |x| x.1);
                    next = i + 4;
                }
                t.span(at + s, at + end, &key);
                i = next;
            } else if wd == "loop" || wd.starts_with("(") {
                // `loop` and `(Ethernet)`/`(Local Loopback)`: the link's kind.
                let end = if wd.ends_with(')') || wd == "loop" { e } else { w.get(i + 1).map_or(e, |x| x.1) };
                t.span(at + s, at + end, "link_type");
                i += if end == e { 1 } else { 2 };
            } else {
                i += 1;
            }
        }
    }
    t.done()
}
