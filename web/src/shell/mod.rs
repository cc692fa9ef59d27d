//! The terminals' engine room: sends lines to the lab, paces what comes
//! back, keeps each terminal's screen, the session log and the saved session.
//!
//! Several terminals share one lab (tabs; [`Shell::switch`]): the one in
//! front owns the screen's signals, the others keep their lines here until
//! they come to the front. A line that waits for another terminal (a
//! server) is `Waiting`: the lab reads requests meanwhile, so the other
//! terminals run lines, and Ctrl-C there is the lab's to answer.
//!
//! What the page shows lives in signals ([`Screen`], [`LabSignals`]); the
//! bookkeeping nobody draws (the log, the queue of typed lines, pacing)
//! lives in one [`Engine`] in a local stored value.

use crate::ansi;
use crate::browser;
use crate::client::LabClient;
use crate::pair::{Mode, Pairing};
use crate::state::LabSignals;
use crate::terminal_line::{LineKind, Run, Src, TermLine};
use lab_protocol::{Chunk, Entry, LessonChecks, Request};
use leptos::prelude::*;
use std::sync::Arc;

const HISTORY_KEY: &str = "nslab.history";
const HISTORY_MAX: usize = 500;
/// Ping prints a line a second; the page shows them ten times faster.
const PACE_DIVISOR: u64 = 10;
const PACE_MAX_MS: u32 = 250;
/// Scrollback kept on screen, like a terminal's.
const SCROLLBACK: usize = 3000;
/// How long the diagram highlights what the last command changed.
const HIGHLIGHT_MS: u32 = 2200;

/// What the terminal shows: the terminal in front, and the tabs.
#[derive(Clone, Copy)]
pub struct Screen {
    pub lines: RwSignal<Vec<Arc<TermLine>>>,
    /// A line runs (or its output is still being paced).
    pub busy: RwSignal<bool>,
    /// The last command's output as text, for the screen-reader live region.
    pub announce: RwSignal<String>,
    /// How many terminals the page has open on the lab.
    pub tabs: RwSignal<u32>,
    /// The terminal in front (its lines are `lines`).
    pub active: RwSignal<u32>,
    /// The open explanation of a span of output (`crate::explain::said`),
    /// empty while none is open.
    pub explained: RwSignal<String>,
}

/// Terminals a page opens on one lab at most (the lab's own limit).
pub const MAX_TABS: u32 = 8;

mod control;
mod engine;
mod events;
mod explain;
mod vm;

use self::engine::{Engine, Opening, Running, Term};
/// Handle to the terminals; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Shell {
    pub screen: Screen,
    pub lab: LabSignals,
    /// The paired VM, the engine switch, what differed.
    pub pair: Pairing,
    engine: StoredValue<Engine, LocalStorage>,
}

impl Shell {
    pub fn new() -> Shell {
        let first = Term { history: browser::load_lines(HISTORY_KEY), ..Term::default() };
        let engine = Engine { terms: vec![first], ..Engine::default() };
        let shell = Shell {
            screen: Screen {
                lines: RwSignal::new(Vec::new()),
                busy: RwSignal::new(true),
                announce: RwSignal::new(String::new()),
                tabs: RwSignal::new(1),
                active: RwSignal::new(0),
                explained: RwSignal::new(String::new()),
            },
            lab: LabSignals::new(),
            pair: Pairing::new(),
            engine: StoredValue::new_local(engine),
        };
        let client = LabClient::start(move |ev| shell.on_worker(ev));
        shell.engine.update_value(|e| e.client = Some(client));
        shell
    }

    fn with<R>(&self, f: impl FnOnce(&mut Engine) -> R) -> R {
        self.engine.try_update_value(f).expect("the shell outlives its page")
    }

    /// The engine that runs the lines. Only the paired page (the `pair`
    /// feature: `pair.html`, loaded on demand) leaves the simulator; in the
    /// first load's build it is a constant, so everything about the VM is
    /// dead code the linker drops.
    pub fn mode(&self) -> Mode {
        if cfg!(feature = "pair") {
            self.pair.mode.get_untracked()
        } else {
            Mode::Sim
        }
    }

    /// Sends to the engine that runs the lines: the worker, the VM, or both.
    fn send(&self, req: Request) {
        let mode = self.mode();
        let (client, agent) = self.with(|e| (e.client.clone(), e.agent.clone()));
        if let Some(c) = client.filter(|_| mode != Mode::Vm) {
            c.send(&req);
        }
        if let Some(a) = agent.filter(|_| mode != Mode::Sim) {
            a.send(&req);
        }
    }

    /// The session's entries, as saved (lab-protocol's `Entry`).
    pub fn log(&self) -> Vec<String> {
        self.with(|e| e.log.clone())
    }

    pub fn statuses(&self) -> Vec<i32> {
        self.with(|e| e.statuses.clone())
    }

    /// The terminal in front's history, oldest first.
    pub fn history(&self) -> Vec<String> {
        self.with(|e| e.terms[e.active].history.clone())
    }

    /// Adds lines at the bottom of terminal `term`'s screen, dropping the
    /// oldest beyond the scrollback.
    pub(super) fn push(&self, term: usize, kinds: Vec<LineKind>) {
        if kinds.is_empty() {
            return;
        }
        let (first, front) = self.with(|e| {
            let n = e.next_line;
            e.next_line += kinds.len() as u64;
            (n, e.active == term)
        });
        let new = kinds.into_iter().enumerate().map(|(i, kind)| Arc::new(TermLine { id: first + i as u64, kind }));
        let add = |lines: &mut Vec<Arc<TermLine>>| {
            lines.extend(new);
            if lines.len() > SCROLLBACK {
                lines.drain(..lines.len() - SCROLLBACK);
            }
        };
        if front {
            self.screen.lines.update(add);
        } else {
            self.with(|e| add(&mut e.term(term).lines));
        }
    }

    /// An output line of terminal `term` (`src`: where it came from; the
    /// lab's notes count bytes of text without ANSI styles).
    fn output_kind(&self, term: usize, c: &Chunk, src: Src) -> LineKind {
        let src = if c.text.contains('\x1b') { Src::None } else { src };
        let runs = self.with(|e| {
            let style = &mut e.term(term).style;
            let runs = ansi::parse(&c.text, style).into_iter();
            runs.map(|s| Run { class: s.style.class(), text: s.text, note: None }).collect()
        });
        LineKind::Output { runs: self.noted(runs, src), err: c.err, src }
    }

    /// The busy mark of the terminal in front.
    pub(super) fn refresh_busy(&self) {
        let busy = self.with(|e| e.terms[e.active].running.is_some() || e.pacing || e.opening.is_some());
        self.screen.busy.set(busy);
    }

    /// A message from the site, in the terminal in front; while a session
    /// is being replayed it waits to appear under the replayed lines.
    pub fn notice(&self, text: impl Into<String>) {
        let text = text.into();
        let waiting = self.with(|e| {
            e.opening == Some(Opening::Restore) && {
                e.notices.push(text.clone());
                true
            }
        });
        if !waiting {
            let term = self.with(|e| e.active);
            self.push(term, vec![LineKind::Notice(text)]);
        }
    }

    /// What bash prints on a second Tab: the line so far, then the choices.
    pub fn list_choices(&self, line: &str, choices: &[String]) {
        let list = Run { text: choices.join("  ") + "\n", class: String::new(), note: None };
        let term = self.with(|e| e.active);
        self.push(
            term,
            vec![
                LineKind::Command(line.to_string()),
                LineKind::Output { runs: vec![list], err: false, src: Src::None },
            ],
        );
    }

    /// Brings terminal `term` to the front (a new one, up to [`MAX_TABS`]).
    pub fn switch(&self, term: u32) {
        let term = term.min(MAX_TABS - 1);
        let old = self.with(|e| std::mem::replace(&mut e.active, term as usize));
        if old != term as usize {
            let shown = self.screen.lines.get_untracked();
            let lines = self.with(|e| {
                e.term(old).lines = shown;
                std::mem::take(&mut e.term(term as usize).lines)
            });
            self.screen.lines.set(lines);
        }
        if self.screen.tabs.get_untracked() <= term {
            self.screen.tabs.set(term + 1);
        }
        self.screen.active.set(term);
        self.refresh_busy();
    }

    /// Opens another terminal on the lab and brings it to the front.
    pub fn new_terminal(&self) {
        let n = self.screen.tabs.get_untracked();
        if n < MAX_TABS {
            self.switch(n);
        }
    }

    /// Holds typed lines (they queue) until the next [`Shell::open`] of the
    /// session saved under `key`, while what that needs (a lesson's file)
    /// is on its way.
    pub fn hold(&self, key: &str) {
        self.stop();
        self.with(|e| {
            e.key = key.to_string();
            e.opening = Some(Opening::Restore);
        });
        self.screen.busy.set(true);
    }

    /// Switches to the session saved under `key` (or `lines`, when given),
    /// with the checks of `lesson`, in a lab that starts as `preset`,
    /// replaying it to rebuild the lab and the screens.
    pub fn open(&self, key: &str, lines: Option<Vec<String>>, lesson: Option<LessonChecks>, preset: Option<String>) {
        let lines = lines.unwrap_or_else(|| browser::load_lines(key));
        let mode = self.mode();
        if mode != Mode::Sim && !lines.is_empty() {
            // Another session (a lesson, a link) runs its lines on the VM
            // only once the learner agrees: the simulator opens it first.
            self.pair.mode.set(Mode::Sim);
            self.clear_diffs();
            self.pair.ask.set(Some((mode, lines.len())));
            self.pair.shown.set(true);
        }
        self.with(|e| e.preset = preset);
        self.replay(key, lines, lesson);
    }

    /// Opens a session on the engine that runs the lines (see [`Shell::open`];
    /// the lab's preset is the engine's).
    fn replay(&self, key: &str, lines: Vec<String>, lesson: Option<LessonChecks>) {
        self.stop();
        let tabs = lines.iter().map(|l| Entry::decode(l).term() + 1).max().unwrap_or(1).min(MAX_TABS);
        let ticked = lesson.as_ref().map_or(0, |l| l.ticked);
        let open = self.with(|e| {
            e.key = key.to_string();
            e.log = lines.clone();
            e.statuses.clear();
            e.lesson = lesson;
            e.opening = Some(Opening::Restore);
            e.notices.clear();
            for t in &mut e.terms {
                *t = Term { history: std::mem::take(&mut t.history), ..Term::default() };
            }
            e.active = 0;
            browser::save_lines(&e.key, &e.log);
            e.open_request(lines)
        });
        self.forget_notes(0);
        self.screen.lines.set(Vec::new());
        self.screen.tabs.set(tabs);
        self.screen.active.set(0);
        self.screen.busy.set(true);
        self.lab.progress.set(lab_protocol::Progress { ticked, current: Vec::new() });
        self.send(open);
    }

    /// Queues a line as if typed in the terminal in front and Enter pressed.
    pub fn submit(&self, line: &str) {
        self.with(|e| {
            let term = e.active;
            e.queue.push((term, line.to_string()))
        });
        self.pump();
    }

    /// Runs the first queued line whose terminal is free, when the lab
    /// reads requests and no output waits to be shown.
    fn pump(&self) {
        let next = self.with(|e| {
            if e.pacing || e.opening.is_some() || e.executing() {
                return None;
            }
            let i = e.queue.iter().position(|(t, _)| e.terms.get(*t).is_none_or(|t| t.running.is_none()))?;
            Some(e.queue.remove(i))
        });
        match next {
            Some((term, line)) => self.execute(term, line.trim_end()),
            None => self.refresh_busy(),
        }
    }

    fn remember(&self, term: usize, line: &str) {
        self.with(|e| {
            let history = &mut e.term(term).history;
            if history.last().map(String::as_str) != Some(line) {
                history.push(line.to_string());
            }
            if history.len() > HISTORY_MAX {
                history.drain(..history.len() - HISTORY_MAX);
            }
            if term == 0 {
                browser::save_lines(HISTORY_KEY, history);
            }
        });
    }

    fn execute(&self, term: usize, line: &str) {
        if line.trim().is_empty() {
            self.push(term, vec![LineKind::Command(String::new())]);
            return self.pump();
        }
        self.remember(term, line);
        let entry = Entry::Line { term: term as u32, line: line.to_string() }.encode();
        if crate::session::is_terminal_builtin(line) {
            self.with(|e| {
                e.log.push(entry);
                e.statuses.push(0);
                browser::save_lines(&e.key, &e.log);
                e.term(term).lines.clear();
            });
            if self.with(|e| e.active == term) {
                self.screen.lines.set(Vec::new());
            }
            return self.pump();
        }
        let prompt = self.with(|e| e.next_line);
        self.push(term, vec![LineKind::Command(line.to_string())]);
        self.lab.trace.set(None);
        let id = self.with(|e| {
            e.next_id += 1;
            let id = e.next_id;
            // Logged as sent: the lab runs requests in the order they come.
            e.log.push(entry);
            e.statuses.push(0);
            browser::save_lines(&e.key, &e.log);
            let running =
                Running { id, line: line.to_string(), entry: e.log.len() - 1, waiting: false, printed: false };
            e.term(term).running = Some(running);
            if self.mode() == Mode::Both {
                e.mirror.push(vm::Mirror { id, term, prompt, line: line.to_string(), ..vm::Mirror::default() });
            }
            id
        });
        self.refresh_busy();
        self.send(Request::Run { id, line: line.to_string(), term: term as u32 });
    }
}

impl Default for Shell {
    fn default() -> Self {
        Shell::new()
    }
}
