//! ss's table (iproute2 6.1), read back into fields: the header's column
//! titles, then each row's words in the header's columns.

use super::record::{Kind, Printed};
use super::tagger::{words, Tagger};

/// The column titles ss prints, as words, and the field each is.
const TITLES: &[(&str, &str)] = &[
    ("Netid", "netid"),
    ("State", "state"),
    ("Recv-Q", "recv_q"),
    ("Send-Q", "send_q"),
    ("Local", "local"),
    ("Peer", "peer"),
    ("Address:Port", ""),
    ("Address:PortProcess", "process"),
    ("Process", "process"),
];

/// The fields of what `ss` printed.
pub fn tag(text: &str) -> Printed {
    let mut t = Tagger::new(text);
    let mut columns: Vec<&str> = Vec::new();
    for (at, line) in t.lines() {
        let w = words(&line);
        let title = |s: usize, e: usize| TITLES.iter().find(|(x, _)| *x == &line[s..e]).map(|x| x.1);
        if w.first().is_some_and(|&(s, e)| matches!(&line[s..e], "State" | "Netid" | "Recv-Q")) {
            t.record(Kind::Ss);
            columns.clear();
            let mut last = "";
            for &(s, e) in &w {
                let key = match title(s, e) {
                    Some("") => last,
                    Some(k) => k,
                    None => "",
                };
                if key.is_empty() {
                    continue;
                }
                // `Address:PortProcess` is the peer's title run into Process's.
                if &line[s..e] == "Address:PortProcess" {
                    t.span(at + s, at + e - "Process".len(), "peer");
                    t.span(at + e - "Process".len(), at + e, "process");
                } else {
                    t.span(at + s, at + e, key);
                }
                if !matches!(&line[s..e], "Address:Port" | "Address:PortProcess") {
                    columns.push(key);
                } else if &line[s..e] == "Address:PortProcess" {
                    columns.push("process");
                }
                last = key;
            }
            continue;
        }
        if columns.is_empty() {
            // -H: no header, the default columns.
            columns = vec!["state", "recv_q", "send_q", "local", "peer", "process"];
        }
        t.record(Kind::Ss);
        for (i, &(s, e)) in w.iter().enumerate() {
            let key = columns.get(i).copied().unwrap_or("process");
            t.span(at + s, at + e, key);
        }
    }
    t.done()
}
