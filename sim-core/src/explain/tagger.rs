//! Tags for text printed by programs whose printers write whole lines with
//! `format!` (ping, ifconfig, iptables, sysctl): each line's fixed form is
//! read back here, in the explain feature only, so that the first load's
//! printers stay as they are. Every function takes any text without
//! panicking: a line of another form is left untagged.

use super::record::{Kind, Printed, Rec, Tag};

/// Tags a text line by line.
pub struct Tagger {
    pub out: Printed,
}

impl Tagger {
    pub fn new(text: &str) -> Tagger {
        Tagger { out: Printed { text: text.to_string(), ..Printed::default() } }
    }

    /// Starts a new record of `kind`.
    pub fn record(&mut self, kind: Kind) {
        self.out.recs.push(Rec { kind, parent: None });
    }

    /// Tags bytes `start..end` as `key` of the current record (nothing
    /// outside the text, or before any record).
    pub fn span(&mut self, start: usize, end: usize, key: &str) {
        let Some(rec) = self.out.recs.len().checked_sub(1) else { return };
        if start < end && end <= self.out.text.len() {
            self.out.tags.push(Tag { start, end, key: key.to_string().into(), rec });
        }
    }

    /// The lines of the text, each with its offset.
    pub fn lines(&self) -> Vec<(usize, String)> {
        let mut at = 0;
        let mut v = Vec::new();
        for l in self.out.text.split_inclusive('\n') {
            v.push((at, l.trim_end_matches('\n').to_string()));
            at += l.len();
        }
        v
    }

    /// Tags each run of non-blank characters of `line` (at offset `at`)
    /// with the next of `keys`; runs beyond them are left.
    pub fn words(&mut self, at: usize, line: &str, keys: &[&str]) {
        for ((s, e), k) in words(line).into_iter().zip(keys) {
            self.span(at + s, at + e, k);
        }
    }

    pub fn done(self) -> Printed {
        self.out
    }
}

/// The byte ranges of the runs of non-blank characters of `line`.
pub fn words(line: &str) -> Vec<(usize, usize)> {
    let mut v = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                v.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        v.push((s, line.len()));
    }
    v
}
