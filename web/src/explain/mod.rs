//! Explained output, the page's side (issue 18): the notes the lab made on
//! each entry's output (`sim_core::explain::Note`, asked for with
//! lab-protocol's `Explain` the first time the learner points at a line of
//! it), the spans of a line they cover, and the one open explanation.
//!
//! The shell asks and receives (`shell/explain.rs`, keeping a [`Book`])
//! and redraws the entry's lines with their runs [`cut`] at the notes'
//! edges (the same text; a noted run is a focusable span);
//! `explain_view::ExplainPanel` shows the open note, and the diagram lights
//! up what it names through the highlight of what the last command
//! changed.

use crate::layout::{link_key, ns_label, KeySet};
use crate::terminal_line::Run;
use lab_protocol::{Named, Note};
use std::sync::Arc;

#[cfg(test)]
mod tests;

/// Entries whose notes the page keeps (the lab keeps as many).
const KEPT: usize = 500;

/// What the page knows of the lab's notes, kept with the shell's
/// bookkeeping.
#[derive(Default)]
pub struct Book {
    /// The notes that came, per entry, oldest first.
    got: Vec<(u32, Arc<Vec<Note>>)>,
    /// Entries asked for and not yet answered: asked again after the lab
    /// replays the session (the switch to the complete lab, Ctrl-C).
    asked: Vec<u32>,
    /// The open explanation, and what it was opened from (focus returns
    /// there when it closes).
    pub open: Option<Note>,
    pub from: Option<web_sys::HtmlElement>,
    /// The learner was told a VM's output carries no explanations.
    pub told_vm: bool,
}

impl Book {
    /// Entry `entry`'s notes, if they came.
    pub fn notes(&self, entry: u32) -> Option<Arc<Vec<Note>>> {
        self.got.iter().rev().find(|g| g.0 == entry).map(|g| g.1.clone())
    }

    /// Whether entry `entry`'s notes are to be asked for: not here, not
    /// asked already (from now on they are).
    pub fn ask(&mut self, entry: u32) -> bool {
        let ask = self.notes(entry).is_none() && !self.asked.contains(&entry);
        if ask {
            self.asked.push(entry);
        }
        ask
    }

    /// Keeps the lab's answer.
    pub fn got(&mut self, entry: u32, notes: Vec<Note>) -> Arc<Vec<Note>> {
        let notes = Arc::new(notes);
        self.asked.retain(|&e| e != entry);
        if self.got.len() == KEPT {
            self.got.remove(0);
        }
        self.got.push((entry, notes.clone()));
        notes
    }

    /// The entries asked for and not answered.
    pub fn pending(&self) -> Vec<u32> {
        self.asked.clone()
    }

    /// Forgets entries from `entry` on: the log lost them.
    pub fn forget_from(&mut self, entry: u32) {
        self.got.retain(|g| g.0 < entry);
        self.asked.retain(|&e| e < entry);
    }
}

/// A note as the explanation panel says it, a line each: its field, what
/// that means, why it has this value here.
pub fn said(n: &Note) -> String {
    let title = if n.title.is_empty() { &n.key } else { &n.title };
    let lines = [format!("{title} ({})", n.key), n.meaning.clone(), n.why.clone()];
    lines.into_iter().filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

/// The diagram's keys of what a note names.
pub fn keys(names: &[Named]) -> KeySet {
    let mut out = KeySet::new();
    for n in names {
        let key = match &n.dev {
            Some(dev) => link_key(&n.ns, dev),
            None => format!("ns/{}", ns_label(&n.ns)),
        };
        out.insert(key, ());
    }
    out
}

/// A line's runs cut at the edges of the notes on its chunk `chunk`
/// (byte ranges in the chunk's text, which the runs spell in order), each
/// piece with the index of its note. The pieces spell the same text. A
/// note that overlaps the one before it is left out; one that cuts a
/// character leaves the rest of its run plain.
pub fn cut(runs: &[Run], notes: &[Note], chunk: u32) -> Vec<Run> {
    let mut ours: Vec<(usize, usize, u32)> = Vec::new();
    for (i, n) in notes.iter().enumerate() {
        let (s, e) = (n.start as usize, n.end as usize);
        if n.chunk == chunk && s < e && ours.last().is_none_or(|l| l.1 <= s) {
            ours.push((s, e, i as u32));
        }
    }
    let mut out = Vec::new();
    let (mut at, mut next) = (0, 0);
    for run in runs {
        let text = &run.text;
        let end = at + text.len();
        let mut pos = at;
        loop {
            while ours.get(next).is_some_and(|n| n.1 <= pos) {
                next += 1;
            }
            let (stop, note) = match ours.get(next) {
                Some(&(s, e, i)) if s <= pos => (e.min(end), Some(i)),
                Some(&(s, ..)) => (s.min(end), None),
                None => (end, None),
            };
            let (stop, note) = if text.is_char_boundary(stop - at) { (stop, note) } else { (end, None) };
            let piece = text[pos - at..stop - at].to_string();
            out.push(Run { text: piece, class: run.class.clone(), note: note.filter(|_| stop > pos) });
            pos = stop;
            if pos >= end {
                break;
            }
        }
        at = end;
    }
    out
}
