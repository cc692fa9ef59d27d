//! Pacing what the lab printed, and what the learner does to a running
//! line or the whole session: Ctrl-C, reset, start over, undo.

use super::engine::Opening;
use super::{Shell, PACE_DIVISOR, PACE_MAX_MS};
use crate::browser;
use crate::pair::Mode;
use crate::terminal_line::{LineKind, Run, Src};
use gloo_timers::callback::Timeout;
use lab_protocol::{Entry, Request};
use leptos::prelude::*;

impl Shell {
    /// Prints output one chunk after another, waiting out each virtual delay (scaled down).
    pub(super) fn pace(&self) {
        let this = *self;
        loop {
            let (next, gen) = self.with(|e| {
                let gen = e.generation;
                let front_delay = e.paced.first().map(|c| c.1.delay_ms);
                match front_delay {
                    Some(d) if d > 0 && !e.pacing => {
                        e.pacing = true;
                        (Some(Err(d)), gen)
                    }
                    Some(0) => (Some(Ok(e.paced.remove(0))), gen),
                    Some(_) => (None, gen), // a timeout is already waiting
                    None => (None, gen),
                }
            });
            match next {
                Some(Ok((term, c, src))) => {
                    let kind = self.output_kind(term, &c, src);
                    self.push(term, vec![kind]);
                }
                Some(Err(delay)) => {
                    let ms = (delay / PACE_DIVISOR).min(PACE_MAX_MS as u64) as u32;
                    Timeout::new(ms, move || {
                        let c = this.with(|e| {
                            (e.generation == gen).then(|| {
                                e.pacing = false;
                                (!e.paced.is_empty()).then(|| e.paced.remove(0))
                            })
                        });
                        if let Some(Some((term, c, src))) = c {
                            let kind = this.output_kind(term, &c, src);
                            this.push(term, vec![kind]);
                            this.pace();
                        }
                    })
                    .forget();
                    return;
                }
                None => break,
            }
        }
        if !self.with(|e| e.pacing) {
            // Only the paired page marks lines (the first load links none of it).
            if cfg!(feature = "pair") {
                self.flush_marks();
            }
            self.pump();
        }
    }

    /// Drops paced output and queued lines; a running line is left to the caller.
    pub(super) fn stop(&self) {
        self.with(|e| {
            e.generation += 1;
            e.paced.clear();
            e.pacing = false;
            e.queue.clear();
        });
        self.lab.trace.set(None);
    }

    /// Ctrl-C in the terminal in front: stop what runs there, or abandon
    /// the line being typed.
    pub fn interrupt(&self, typed: &str) {
        if self.with(|e| e.opening == Some(Opening::Restore)) {
            // A saved session whose replay does not end: a line that never
            // ends reached it by hand (storage, a crafted link, an import
            // of a script). Start over, empty, rather than wait forever.
            if let Some(c) = self.with(|e| e.client.clone()) {
                c.restart();
            }
            self.reopen(Vec::new());
            self.notice("# ^C: the saved session did not finish replaying, so the lab starts empty.");
            return;
        }
        let term = self.with(|e| e.active);
        let running = self.with(|e| e.terms[term].running.clone());
        let mode = self.mode();
        if running.as_ref().is_some_and(|r| r.waiting || mode == Mode::Vm) {
            // It waits, and the lab reads requests, or it runs on the VM,
            // which stops a running line: the lab stops it (its `^C` and
            // status come back as the line's output and end).
            self.with(|e| {
                e.log.push(Entry::Interrupt { term: term as u32 }.encode());
                e.statuses.push(130);
                browser::save_lines(&e.key, &e.log);
            });
            return self.send(Request::Interrupt { term: term as u32 });
        }
        let busy = running.is_some() || self.with(|e| e.pacing || !e.paced.is_empty());
        self.stop();
        if let Some(r) = running {
            // The lab cannot hear Ctrl-C mid-line: end it, start a new one
            // from the session without that line (the last one sent).
            let (client, open) = self.with(|e| {
                e.terms[term].running = None;
                e.log.truncate(r.entry);
                e.statuses.truncate(r.entry);
                browser::save_lines(&e.key, &e.log);
                e.opening = Some(Opening::Resync);
                (e.client.clone(), e.open_request(e.log.clone()))
            });
            self.forget_notes(r.entry as u32);
            if let Some(c) = client {
                c.restart();
                c.send(&open);
            }
            if mode == Mode::Both {
                // The VM stops it (its state keeps what the line did).
                self.with(|e| e.mirror.retain(|m| m.id != r.id));
                if let Some(a) = self.with(|e| e.agent.clone()) {
                    a.send(&Request::Interrupt { term: term as u32 });
                }
            }
        }
        if busy {
            self.push(
                term,
                vec![LineKind::Output {
                    runs: vec![Run { text: "^C\n".into(), class: String::new(), note: None }],
                    err: false,
                    src: Src::None,
                }],
            );
        } else {
            self.push(term, vec![LineKind::Command(format!("{typed}^C"))]);
        }
        self.pump();
    }

    pub fn clear_screen(&self) {
        self.screen.lines.set(Vec::new());
    }

    /// Opens this session again with `lines`, and its lesson's checks and preset.
    pub(super) fn reopen(&self, lines: Vec<String>) {
        let (key, lesson) = self.with(|e| (e.key.clone(), e.lesson.clone()));
        self.replay(&key, lines, lesson);
    }

    /// Starts the session over from a fresh host (or its preset, rebuilt).
    pub fn reset(&self) {
        self.reopen(Vec::new());
    }

    /// Starts the lesson over: a fresh host, no step ticked.
    pub fn start_over(&self) {
        self.with(|e| e.lesson.iter_mut().for_each(|l| l.ticked = 0));
        self.reopen(Vec::new());
    }

    /// Rebuilds the lab without the last line that reached it (and the
    /// Ctrl-Cs and `clear`s after it); that line's text.
    pub fn undo(&self) -> Option<String> {
        let mut log = self.log();
        loop {
            match Entry::decode(&log.pop()?) {
                Entry::Line { line, .. } if !crate::session::is_terminal_builtin(&line) => {
                    self.reopen(log);
                    return Some(line);
                }
                _ => {}
            }
        }
    }
}
