//! tcpdump's packet lines (4.99.3), read back into fields: the time, on
//! `any` the device and direction, the protocol, the addresses, and what
//! the packet is.

use super::record::{Kind, Printed};
use super::tagger::{words, Tagger};

fn is_clock(w: &str) -> bool {
    w.len() == 15
        && w.as_bytes()[2] == b':'
        && w.as_bytes()[8] == b'.'
        && w.bytes().filter(u8::is_ascii_digit).count() == 12
}

/// The fields of one line tcpdump printed.
pub fn tag(text: &str) -> Printed {
    let mut t = Tagger::new(text);
    for (at, line) in t.lines() {
        let w = words(&line);
        let word = |i: usize| w.get(i).map(|&(s, e)| &line[s..e]).unwrap_or("");
        if !is_clock(word(0)) {
            continue;
        }
        t.record(Kind::Tcpdump);
        t.span(at + w[0].0, at + w[0].1, "time");
        let mut i = 1;
        // `any`: DEVICE In|Out|B|M|P
        if matches!(word(2), "In" | "Out" | "B" | "M" | "P") {
            t.span(at + w[1].0, at + w[1].1, "device");
            t.span(at + w[2].0, at + w[2].1, "direction");
            i = 3;
        }
        match word(i) {
            "IP" | "IP6" => {
                t.span(at + w[i].0, at + w[i].1, "proto");
                if word(i + 2) == ">" && w.len() > i + 3 {
                    t.span(at + w[i + 1].0, at + w[i + 1].1, "src");
                    let dst = w[i + 3];
                    t.span(at + dst.0, at + dst.1 - usize::from(word(i + 3).ends_with(':')), "dst");
                    if let Some(&(s, _)) = w.get(i + 4) {
                        t.span(at + s, at + line.len(), "summary");
                    }
                } else if let Some(&(s, _)) = w.get(i + 1) {
                    t.span(at + s, at + line.len(), "summary");
                }
            }
            "ARP," => {
                t.span(at + w[i].0, at + w[i].1, "proto");
                if let Some(&(s, _)) = w.get(i + 1) {
                    t.span(at + s, at + line.len(), "arp");
                }
            }
            _ => {
                if let Some(&(s, _)) = w.get(i) {
                    t.span(at + s, at + line.len(), "summary");
                }
            }
        }
    }
    t.done()
}
