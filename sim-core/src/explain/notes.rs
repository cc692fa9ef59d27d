//! From what printers recorded to the notes of a line's output.

use super::record::{Kind, Printed};
use super::{meaning, why, Note};
use crate::kernel::Kernel;
use crate::packet::Trace;
use crate::{Output, Stream};

/// What `why` may read: the lab right after the line, and what its
/// packets did.
pub struct Facts<'a> {
    pub kernel: &'a Kernel,
    pub trace: &'a Trace,
}

/// A line of a stdout chunk: where it starts, and its text.
struct Shown<'a> {
    chunk: u32,
    at: usize,
    text: &'a str,
}

fn shown_lines(out: &Output) -> Vec<Shown<'_>> {
    let mut lines = Vec::new();
    for (i, c) in out.chunks.iter().enumerate() {
        // Colours (`ip -c`) are drawn from escapes the page strips, so a
        // coloured chunk's offsets would not be the page's: none there.
        if c.stream != Stream::Stdout || c.text.contains('\x1b') {
            continue;
        }
        let mut at = 0;
        for text in c.text.split_inclusive('\n') {
            lines.push(Shown { chunk: i as u32, at, text: text.trim_end_matches('\n') });
            at += text.len();
        }
    }
    lines
}

/// The notes of `out`, a line's output, from what its printers recorded
/// (`printed`, in order): each printed line is looked for among the lines
/// shown, in order, and its tags become notes there.
pub fn notes(facts: &Facts<'_>, printed: &[Printed], out: &Output) -> Vec<Note> {
    let shown = shown_lines(out);
    let mut next = 0;
    let mut notes = Vec::new();
    for p in printed {
        let mut at = 0;
        for line in p.text.split_inclusive('\n') {
            let (start, end) = (at, at + line.trim_end_matches('\n').len());
            at += line.len();
            let tags: Vec<usize> =
                (0..p.tags.len()).filter(|&t| p.tags[t].start >= start && p.tags[t].end <= end).collect();
            if tags.is_empty() {
                continue;
            }
            let Some(found) = (next..shown.len()).find(|&i| shown[i].text == &p.text[start..end]) else {
                continue;
            };
            next = found + 1;
            let s = &shown[found];
            for t in tags {
                let tag = &p.tags[t];
                let Some(kind) = p.recs.get(tag.rec).map(|r| r.kind) else { continue };
                let key = format!("{}.{}", kind.name(), tag.key);
                // A value with a meaning of its own (`link.flags=NO-CARRIER`)
                // before the field's.
                let value = p.text[tag.start..tag.end].rsplit(' ').next().unwrap_or("");
                let (title, meaning) =
                    meaning::of(&format!("{key}={value}")).or_else(|| meaning::of(&key)).unwrap_or(("", ""));
                let said = why::why(facts, p, t);
                let about = about(p, tag.rec, kind);
                notes.push(Note {
                    chunk: s.chunk,
                    start: (s.at + tag.start - start) as u32,
                    end: (s.at + tag.end - start) as u32,
                    key,
                    about,
                    title: title.to_string(),
                    meaning: meaning.to_string(),
                    why: said.text,
                    names: said.names,
                });
            }
        }
    }
    notes
}

/// What record `rec` is of, by the field that names it.
fn about(p: &Printed, rec: usize, kind: Kind) -> String {
    let keys: &[&str] = match kind {
        Kind::Link | Kind::BridgeLink | Kind::Ifconfig => &["ifname", "name"],
        Kind::Addr => &["local"],
        Kind::Route | Kind::Neigh => &["dst"],
        Kind::Netns => &["name"],
        Kind::Fdb => &["mac"],
        Kind::Iptables => &["chain"],
        Kind::Ss => &["local"],
        Kind::Ping | Kind::Sysctl | Kind::Tcpdump => &[],
    };
    let name = keys.iter().find_map(|k| p.field(rec, k)).unwrap_or("");
    name.split('@').next().unwrap_or(name).trim_end_matches(':').to_string()
}

/// How much of what a program printed its notes explain: the words of
/// its stdout (runs of non-blank characters) and how many of them lie in
/// a span with a meaning. What `scripts/explain-coverage` reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    pub words: usize,
    pub explained: usize,
}

/// The coverage of one output by its notes.
pub fn coverage(out: &Output, notes: &[Note]) -> Coverage {
    let mut c = Coverage::default();
    for (i, chunk) in out.chunks.iter().enumerate() {
        if chunk.stream != Stream::Stdout {
            continue;
        }
        let mine: Vec<&Note> = notes.iter().filter(|n| n.chunk == i as u32 && !n.meaning.is_empty()).collect();
        let bytes = chunk.text.as_bytes();
        let mut w = 0;
        while w < bytes.len() {
            if bytes[w].is_ascii_whitespace() {
                w += 1;
                continue;
            }
            let start = w;
            while w < bytes.len() && !bytes[w].is_ascii_whitespace() {
                w += 1;
            }
            c.words += 1;
            if mine.iter().any(|n| (n.start as usize) < w && (n.end as usize) > start) {
                c.explained += 1;
            }
        }
    }
    c
}
