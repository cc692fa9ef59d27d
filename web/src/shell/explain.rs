//! Explained output: asking the lab for an entry's notes when the learner
//! points at its output, drawing its lines anew with them, and the open
//! explanation (see `crate::explain`).

use super::Shell;
use crate::explain::{cut, keys, said};
use crate::pair::Mode;
use crate::terminal_line::{LineKind, Run, Src, TermLine, REDRAWN};
use lab_protocol::{Note, Request};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

impl Shell {
    /// The learner points at `el` in the scrollback (`from`: by keyboard,
    /// focus returns there when the explanation closes): a noted span opens
    /// its explanation (true), a line of the simulator's asks for its
    /// entry's notes once.
    pub fn point_at(&self, el: &web_sys::Element, from: bool) -> bool {
        let Some(line) = el.closest("[data-entry]").ok().flatten() else { return false };
        let entry = line.get_attribute("data-entry").unwrap_or_default();
        if cfg!(feature = "pair") && entry == "vm" {
            if !self.with(|e| std::mem::replace(&mut e.notes.told_vm, true)) {
                self.notice("# nslab: output from the VM has no explanations: its own programs printed it, not the simulator's model.");
            }
            return false;
        }
        let Ok(entry) = entry.parse() else { return false };
        let span = el.closest("[data-note]").ok().flatten();
        let i = span.as_ref().and_then(|s| s.get_attribute("data-note")).and_then(|i| i.parse::<usize>().ok());
        let note = self.with(|e| Some(e.notes.notes(entry)?.get(i?)?.clone()));
        if let Some(note) = note {
            self.show(note, span.filter(|_| from).and_then(|s| s.dyn_into().ok()));
            return true;
        }
        if self.with(|e| e.notes.ask(entry)) {
            self.send(Request::Explain { entry });
        }
        false
    }

    /// Opens the explanation of `note`, and lights up what it names in the
    /// diagram; `from` gets the focus back when it closes.
    fn show(&self, note: Note, from: Option<web_sys::HtmlElement>) {
        let same = self.with(|e| {
            e.notes.from = from;
            e.notes.open.replace(note.clone()).as_ref() == Some(&note)
        });
        if !same {
            self.lab.changed.set(Arc::new(keys(&note.names)));
            self.screen.explained.set(said(&note));
        }
    }

    /// Closes the explanation; focus goes back where it was opened from.
    pub fn close_explanation(&self) {
        let (open, from) = self.with(|e| (e.notes.open.take(), e.notes.from.take()));
        if open.is_some() {
            self.screen.explained.set(String::new());
            self.lab.changed.set(Arc::default());
        }
        if let Some(el) = from {
            let _ = el.focus();
        }
    }

    /// Forgets the notes of entries from `entry` on (the log lost them),
    /// and the open explanation with all of them (another session).
    pub(super) fn forget_notes(&self, entry: u32) {
        self.with(|e| e.notes.forget_from(entry));
        if entry == 0 {
            self.close_explanation();
        }
    }

    /// Asks again for the notes asked for and not answered: the lab that
    /// was asked was replaced (the complete lab after the basic one's
    /// `NeedsComplete`, a new worker after Ctrl-C) and has replayed.
    pub(super) fn ask_again(&self) {
        if self.mode() != Mode::Vm {
            for entry in self.with(|e| e.notes.pending()) {
                self.send(Request::Explain { entry });
            }
        }
    }

    /// The lab's notes on entry `entry`: its lines on every terminal's
    /// screen are drawn anew with them (under their ids with `REDRAWN`:
    /// the keyed list draws them again), and a line of it that had the
    /// focus gets it back.
    pub(super) fn explained(&self, entry: u32, notes: Vec<Note>) {
        let notes = self.with(|e| e.notes.got(entry, notes));
        if notes.is_empty() {
            return;
        }
        let had_focus = document().active_element().and_then(|a| a.get_attribute("data-entry"));
        let redraw = |lines: &mut Vec<Arc<TermLine>>| {
            for l in lines.iter_mut() {
                if let LineKind::Output { runs, err, src: src @ Src::Sim { entry: e, chunk } } = &l.kind {
                    if *e == entry && l.id & REDRAWN == 0 {
                        let kind = LineKind::Output { runs: cut(runs, &notes, *chunk), err: *err, src: *src };
                        *l = Arc::new(TermLine { id: l.id | REDRAWN, kind });
                    }
                }
            }
        };
        self.screen.lines.update(redraw);
        self.with(|e| e.terms.iter_mut().for_each(|t| redraw(&mut t.lines)));
        if had_focus == Some(entry.to_string()) {
            request_animation_frame(move || {
                let line = document().query_selector(&format!(".t-lines [data-entry=\"{entry}\"]")).ok().flatten();
                if let Some(line) = line.and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = line.focus();
                }
            });
        }
    }

    /// An output line's runs with the notes of its entry, if they came.
    pub(super) fn noted(&self, runs: Vec<Run>, src: Src) -> Vec<Run> {
        let Src::Sim { entry, chunk } = src else { return runs };
        match self.with(|e| e.notes.notes(entry)) {
            Some(notes) if !notes.is_empty() => cut(&runs, &notes, chunk),
            _ => runs,
        }
    }
}
