//! What the lab sends back, and the replays (a session opened, the switch
//! to the complete lab).

use super::engine::{Opening, Running};
use super::{Shell, HIGHLIGHT_MS, MAX_TABS, SCROLLBACK};
use crate::ansi;
use crate::pair::Mode;
use crate::terminal_line::{LineKind, Src};
use gloo_timers::callback::Timeout;
use lab_protocol::{CommandOutput, Entry, Event, LabState, Request};
use leptos::prelude::*;
use std::sync::Arc;

impl Shell {
    pub(super) fn on_event(&self, ev: Event) {
        match ev {
            Event::Ready { .. } => {}
            Event::Opened { earlier, outputs, state, waiting } => self.opened(earlier, outputs, state, waiting),
            Event::Output { id, chunks } => {
                let vm = self.mode() == Mode::Vm;
                let Some((term, entry)) = self.with(|e| {
                    let term = e.term_of(id)?;
                    let r = e.terms[term].running.as_mut()?;
                    // The lab's notes are on a line's first output only.
                    Some((term, (!std::mem::replace(&mut r.printed, true)).then_some(r.entry as u32)))
                }) else {
                    return;
                };
                if self.with(|e| e.active == term) {
                    self.screen.announce.set(chunks.iter().map(|c| ansi::strip(&c.text)).collect());
                }
                let src = |chunk: usize| match entry {
                    _ if vm => Src::Vm,
                    Some(entry) => Src::Sim { entry, chunk: chunk as u32 },
                    None => Src::None,
                };
                self.with(|e| e.paced.extend(chunks.into_iter().enumerate().map(|(i, c)| (term, c, src(i)))));
                self.pace();
            }
            Event::Printed { term, chunks } => {
                let term = term as usize;
                self.with(|e| e.paced.extend(chunks.into_iter().map(|c| (term, c, Src::None))));
                self.pace();
            }
            Event::Waiting { id, state } => {
                let waiting = self.with(|e| {
                    let term = e.term_of(id)?;
                    e.terms[term].running.as_mut()?.waiting = true;
                    Some(())
                });
                if waiting.is_some() {
                    self.apply(state, true);
                }
                self.pump();
            }
            Event::Done { id, status, state } => {
                let done = self.with(|e| {
                    let term = e.term_of(id)?;
                    let r = e.terms[term].running.take()?;
                    if let Some(s) = e.statuses.get_mut(r.entry) {
                        *s = status;
                    }
                    Some(())
                });
                if done.is_some() {
                    self.apply(state, true);
                    self.pump();
                }
            }
            Event::Error { message } => self.notice(format!("# nslab: {message}")),
            Event::NeedsComplete { what } => self.upgrade(&what),
            Event::Explained { entry, notes } => self.explained(entry, notes),
            // Pairing's: the pairing panel reads them (a worker never sends them).
            Event::Paired { .. } | Event::Refused { .. } => {}
        }
    }

    /// The basic lab cannot run what was asked (`what`: `&`, `nc`,
    /// `explain`, …): switch to the complete lab, replay the session there,
    /// and send the requests again — an `Open` still replaying, or the line
    /// that runs, and once it has replayed the notes asked for
    /// ([`Shell::ask_again`]).
    pub(super) fn upgrade(&self, what: &str) {
        let Some(client) = self.with(|e| e.client.clone()) else { return };
        if !client.upgrade() {
            return self.notice(format!("# nslab: the lab cannot run `{what}`"));
        }
        let (open, rerun) = self.with(|e| {
            e.opening.get_or_insert(Opening::Resync);
            let rerun = e.terms.iter().enumerate().find_map(|(t, term)| {
                let r = term.running.as_ref().filter(|r| !r.waiting)?;
                Some((t, r.clone()))
            });
            // The log holds the line already: the replay leaves it out.
            let upto = rerun.as_ref().map_or(e.log.len(), |(_, r)| r.entry);
            (e.open_request(e.log[..upto].to_vec()), rerun)
        });
        client.send(&open);
        if let Some((term, r)) = rerun {
            client.send(&Request::Run { id: r.id, line: r.line, term: term as u32 });
        }
    }

    /// A replay ended: show it (unless the screens already do) and the lab.
    /// The entries of `earlier` (their statuses) had output that would
    /// have scrolled off; `outputs` is what the rest printed; `waiting`
    /// are the lines that still run.
    pub(super) fn opened(&self, earlier: Vec<i32>, outputs: Vec<CommandOutput>, state: LabState, waiting: Vec<u64>) {
        let Some(opening) = self.with(|e| e.opening.take()) else { return };
        crate::mark_once("lab-opened");
        let log = self.log();
        if opening == Opening::Restore {
            let mut kinds: Vec<Vec<LineKind>> = Vec::new();
            for ((entry, text), out) in log.iter().enumerate().skip(earlier.len()).zip(&outputs) {
                let Entry::Line { term, line } = Entry::decode(text) else { continue };
                let term = (term as usize).min(MAX_TABS as usize - 1);
                if kinds.len() <= term {
                    kinds.resize_with(term + 1, Vec::new);
                }
                if crate::session::is_terminal_builtin(&line) {
                    kinds[term].clear();
                    continue;
                }
                kinds[term].push(LineKind::Command(line));
                let src = |chunk| Src::Sim { entry: entry as u32, chunk: chunk as u32 };
                kinds[term].extend(out.chunks.iter().enumerate().map(|(i, c)| self.output_kind(term, c, src(i))));
            }
            if kinds.is_empty() {
                kinds.push(Vec::new());
            }
            kinds[0].extend(self.with(|e| std::mem::take(&mut e.notices)).into_iter().map(LineKind::Notice));
            for (term, mut k) in kinds.into_iter().enumerate() {
                let keep = k.len().saturating_sub(SCROLLBACK);
                self.push(term, k.split_off(keep));
            }
            self.with(|e| e.statuses = earlier.into_iter().chain(outputs.iter().map(|o| o.status)).collect());
            self.lab.changed.set(Arc::default());
        }
        // The lines that still run, under the ids the lab gave them.
        self.with(|e| {
            for t in &mut e.terms {
                // A line sent again after the replay (the complete lab's) stays.
                t.running = t.running.take().filter(|r| !r.waiting);
            }
            for id in waiting {
                let entry = lab_protocol::replayed_entry(id);
                if let Some(Entry::Line { term, line }) = log.get(entry).map(|l| Entry::decode(l)) {
                    e.term(term as usize).running = Some(Running { id, line, entry, waiting: true, printed: true });
                }
            }
        });
        self.apply(state, false);
        self.ask_again();
        crate::mark_ready();
        self.pump();
    }
    /// Shows what the lab reported after a line (`highlight`: mark what changed).
    pub(super) fn apply(&self, state: LabState, highlight: bool) {
        if let Some(snap) = state.snapshot {
            let snap = Arc::new(snap);
            if highlight {
                let changed = self.lab.snapshot.with_untracked(|old| crate::layout::changed(old, &snap));
                if !changed.is_empty() {
                    self.lab.changed.set(Arc::new(changed));
                    let version = self.lab.version.get_untracked() + 1;
                    let lab = self.lab;
                    // The highlight of what changed fades after a moment.
                    Timeout::new(HIGHLIGHT_MS, move || {
                        if lab.version.get_untracked() == version {
                            lab.changed.set(Arc::default());
                        }
                    })
                    .forget();
                }
            }
            self.lab.snapshot.set(snap);
        }
        self.lab.trace.set(state.trace.map(Arc::new));
        if let Some(p) = state.progress {
            self.with(|e| {
                if let Some(l) = &mut e.lesson {
                    l.ticked = p.ticked;
                }
            });
            self.lab.progress.set(p);
        }
        self.lab.version.update(|v| *v += 1);
    }
}
