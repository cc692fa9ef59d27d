//! The terminal's engine room: runs lines on the lab, paces their output,
//! keeps the screen, the history and the saved session.
//!
//! All of it is one plain struct, [`State`], in one stored value; two
//! triggers tell the page what changed: [`Shell::lab`] (the lab: diagram,
//! lesson checks) and [`Shell::screen`] (the scrollback and the prompt).
//! One state type and one trigger type keep the reactive code that the
//! WebAssembly carries small.

use crate::ansi::{self, Style};
use crate::browser;
use crate::html::Html;
use crate::lab_session::LabSession;
use crate::layout::Slots;
use leptos::prelude::*;
use sim_core::{Chunk, Output, Stream};
use std::collections::BTreeSet;
use std::collections::VecDeque;
use std::time::Duration;

pub const PROMPT: &str = "root@host:~#";
const HISTORY_KEY: &str = "nslab.history";
const HISTORY_MAX: usize = 500;
/// Ping prints a line a second; the page shows them ten times faster.
const PACE_DIVISOR: u64 = 10;
const PACE_MAX_MS: u64 = 250;
/// Scrollback kept on screen, like a terminal's.
const SCROLLBACK: usize = 3000;
/// How long the diagram highlights what the last command changed.
const HIGHLIGHT_MS: u64 = 2200;
/// How long each step of a packet trace is highlighted.
const STEP_MS: u64 = 350;

#[derive(Clone, Debug, PartialEq)]
pub enum LineKind {
    /// A prompt with what was typed after it.
    Command(String),
    /// Output (its text without escape codes) as markup with colour spans.
    Output { html: String, stderr: bool },
    /// A message from the site itself (not from the simulated host).
    Notice(String),
}

impl LineKind {
    /// The line as it appears on screen: one `<div>`.
    pub fn html(&self) -> String {
        let mut h = Html::default();
        match self {
            LineKind::Command(cmd) => {
                h.r("<div class=\"t-cmd\"><span class=\"t-prompt\">").r(PROMPT).r("</span> ").t(cmd)
            }
            LineKind::Output { html, stderr } => {
                h.r(if *stderr { "<div class=\"t-out t-err\">" } else { "<div class=\"t-out\">" }).r(html)
            }
            LineKind::Notice(text) => h.r("<div class=\"t-notice\">").t(text),
        };
        h.r("</div>");
        h.0
    }
}

/// A line of the screen; ids are consecutive from the top line down.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub id: u64,
    pub html: String,
}

/// The line editor's state (the line itself is the input's value).
#[derive(Default)]
pub struct Editor {
    /// Position while browsing history: None = editing a new line.
    pub hist_pos: Option<usize>,
    pub draft: String,
    pub last_tab: String,
    /// Escape releases Tab for one press, so keyboard users can leave the field.
    pub tab_released: bool,
    /// Ids of the lines on screen (`[first, end)`).
    pub shown: (u64, u64),
}

/// Everything the terminal and the panels read.
#[derive(Default)]
pub struct State {
    pub session: LabSession,
    /// Keys of diagram elements the last command changed.
    pub changed: BTreeSet<String>,
    pub lines: Vec<Line>,
    pub busy: bool,
    /// Bumped after every change to the lab.
    pub version: u64,
    /// The last command's output as text, for the screen-reader live region.
    pub announce: String,
    pub history: Vec<String>,
    /// The diagram's grid cells, kept across snapshots.
    pub slots: Slots,
    /// The diagram shows routes and neighbours.
    pub notes: bool,
    pub editor: Editor,
    /// The last packet trace's steps (diagram selectors), and the animation's generation.
    steps: Vec<crate::trace_view::Step>,
    anim: u64,
    key: String,
    queue: VecDeque<String>,
    next_id: u64,
    generation: u64,
    style: Style,
    /// While replaying a session the scrollback is trimmed once, at the end.
    replaying: bool,
}

impl State {
    fn push(&mut self, kind: LineKind) {
        self.next_id += 1;
        self.lines.push(Line { id: self.next_id, html: kind.html() });
        if !self.replaying && self.lines.len() > SCROLLBACK {
            self.lines.drain(..self.lines.len() - SCROLLBACK);
        }
    }

    fn push_output(&mut self, text: &str, stream: Stream) {
        let mut h = Html::default();
        for s in ansi::parse(text, &mut self.style) {
            let class = s.style.class();
            if class.is_empty() {
                h.t(&s.text);
            } else {
                h.r("<span class=\"").r(&class).r("\">").t(&s.text).r("</span>");
            }
        }
        self.push(LineKind::Output { html: h.0, stderr: stream == Stream::Stderr });
    }

    fn render(&mut self, line: &str, out: &Output) {
        if crate::session::is_terminal_builtin(line) {
            self.lines.clear();
            return;
        }
        self.push(LineKind::Command(line.to_string()));
        for c in &out.chunks {
            self.push_output(&c.text, c.stream);
        }
    }

    fn save(&self) {
        if !self.key.is_empty() {
            browser::save_lines(&self.key, self.session.log());
        }
    }

    fn remember(&mut self, line: &str) {
        let h = &mut self.history;
        if h.last().map(String::as_str) != Some(line) {
            h.push(line.to_string());
        }
        if h.len() > HISTORY_MAX {
            h.drain(..h.len() - HISTORY_MAX);
        }
        browser::save_lines(HISTORY_KEY, h);
    }
}

/// Handle to the terminal state; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Shell {
    state: StoredValue<State, LocalStorage>,
    /// Fires when the lab changed (snapshot, highlight, version).
    pub lab: Trigger,
    /// Fires when the screen changed (lines, busy, announcement).
    pub screen: Trigger,
}

impl Shell {
    pub fn new() -> Shell {
        let state = State { history: browser::load_lines(HISTORY_KEY), ..State::default() };
        Shell { state: StoredValue::new_local(state), lab: Trigger::new(), screen: Trigger::new() }
    }

    /// Reads the state (untracked: track `lab` or `screen` first).
    pub fn with<R>(&self, f: impl FnOnce(&State) -> R) -> R {
        self.state.with_value(f)
    }

    /// Changes the state; the caller notifies.
    pub fn update<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        self.state.try_update_value(f).expect("the shell outlives its page")
    }

    /// Reads the lab for checks and completion.
    pub fn with_session<R>(&self, f: impl FnOnce(&LabSession) -> R) -> R {
        self.with(|s| f(&s.session))
    }

    pub fn log(&self) -> Vec<String> {
        self.with(|s| s.session.log().to_vec())
    }

    pub fn statuses(&self) -> Vec<i32> {
        self.with(|s| s.session.statuses().to_vec())
    }

    /// Changes the screen.
    fn screen(&self, f: impl FnOnce(&mut State)) {
        self.update(f);
        self.screen.notify();
    }

    /// What bash prints on a second Tab: the line so far, then the choices.
    pub fn list_choices(&self, line: &str, choices: &[String]) {
        let mut h = Html::default();
        h.t(&(choices.join("  ") + "\n"));
        self.screen(|s| {
            s.push(LineKind::Command(line.to_string()));
            s.push(LineKind::Output { html: h.0, stderr: false });
        });
    }

    pub fn notice(&self, text: impl Into<String>) {
        let text = text.into();
        self.screen(|s| s.push(LineKind::Notice(text)));
    }

    /// Switches to the session saved under `key` (or `lines`, when given),
    /// replaying it to rebuild the lab and the screen.
    pub fn open(&self, key: &str, lines: Option<Vec<String>>) {
        self.cancel();
        self.stop_trace();
        crate::trace_view::show(None);
        let lines = lines.unwrap_or_else(|| browser::load_lines(key));
        let (session, outs) = LabSession::replay(&lines);
        self.update(|s| {
            s.key = key.to_string();
            s.style = Style::default();
            s.lines.clear();
            s.replaying = true;
            for (line, out) in lines.iter().zip(&outs) {
                s.render(line, out);
            }
            s.replaying = false;
            if s.lines.len() > SCROLLBACK {
                s.lines.drain(..s.lines.len() - SCROLLBACK);
            }
            s.session = session;
            s.changed.clear();
            s.save();
            s.version += 1;
        });
        self.lab.notify();
        self.screen.notify();
    }

    /// Queues a line as if typed and Enter pressed.
    pub fn submit(&self, line: &str) {
        self.update(|s| s.queue.push_back(line.to_string()));
        self.pump();
    }

    fn pump(&self) {
        if let Some(line) = self.update(|s| if s.busy { None } else { s.queue.pop_front() }) {
            self.execute(&line);
        }
    }

    /// One step through the history from the line being edited (`line`);
    /// returns the line to show, if any.
    pub fn history_step(&self, line: &str, up: bool) -> Option<String> {
        self.update(|s| {
            let (hist, ed) = (&s.history, &mut s.editor);
            if hist.is_empty() {
                return None;
            }
            let next = match (ed.hist_pos, up) {
                (None, true) => {
                    ed.draft = line.to_string();
                    Some(hist.len() - 1)
                }
                (Some(0), true) => Some(0),
                (Some(p), true) => Some(p - 1),
                (Some(p), false) if p + 1 < hist.len() => Some(p + 1),
                (_, false) => None,
            };
            ed.hist_pos = next;
            Some(next.map(|p| hist[p].clone()).unwrap_or_else(|| ed.draft.clone()))
        })
    }

    fn execute(&self, line: &str) {
        let line = line.trim_end();
        if line.trim().is_empty() {
            self.screen(|s| s.push(LineKind::Command(String::new())));
            return self.pump();
        }
        if crate::session::is_terminal_builtin(line) {
            self.screen(|s| {
                s.remember(line);
                s.session.run(line);
                s.save();
                s.lines.clear();
            });
            return self.pump();
        }
        self.stop_trace();
        let (chunks, gen, version, changed, panel) = self.update(|s| {
            s.remember(line);
            s.push(LineKind::Command(line.to_string()));
            let (out, changed) = s.session.run_changed(line);
            let t = s.session.last_trace();
            let panel = (!t.events.is_empty()).then(|| {
                let (list, steps) = crate::trace_view::list(t);
                s.steps = steps;
                (crate::trace_view::summary(line, t), list)
            });
            s.save();
            s.changed = changed;
            s.version += 1;
            s.announce = ansi::strip(&out.text());
            s.busy = true;
            (out.chunks, s.generation, s.version, !s.changed.is_empty(), panel)
        });
        self.lab.notify();
        self.screen.notify();
        crate::trace_view::show(panel.as_ref().map(|(a, b)| (a.as_str(), b.as_str())));
        if panel.is_some() {
            self.play_trace();
        }
        if changed {
            // The highlight of what changed fades after a moment.
            let this = *self;
            set_timeout(
                move || {
                    if this.update(|s| s.version == version && !std::mem::take(&mut s.changed).is_empty()) {
                        this.lab.notify();
                    }
                },
                Duration::from_millis(HIGHLIGHT_MS),
            );
        }
        self.pace(chunks.into(), gen);
    }

    fn output(&self, text: &str, stream: Stream) {
        self.screen(|s| s.push_output(text, stream));
    }

    /// Prints chunks one after another, waiting out their virtual delay (scaled down).
    fn pace(&self, mut chunks: VecDeque<Chunk>, gen: u64) {
        let this = *self;
        loop {
            if self.with(|s| s.generation) != gen {
                return;
            }
            let Some(c) = chunks.pop_front() else {
                self.screen(|s| s.busy = false);
                return self.pump();
            };
            if c.delay_ms > 0 {
                let ms = (c.delay_ms / PACE_DIVISOR).min(PACE_MAX_MS);
                set_timeout(
                    move || {
                        if this.with(|s| s.generation) == gen {
                            this.output(&c.text, c.stream);
                            this.pace(chunks, gen);
                        }
                    },
                    Duration::from_millis(ms),
                );
                return;
            }
            self.output(&c.text, c.stream);
        }
    }

    /// Highlights the last trace's steps one after another (after the diagram is redrawn).
    pub fn play_trace(&self) {
        let gen = self.update(|s| {
            s.anim += 1;
            s.anim
        });
        crate::trace_view::unlight();
        self.trace_step(gen, 0);
    }

    fn trace_step(&self, gen: u64, i: usize) {
        let this = *self;
        set_timeout(
            move || {
                let more = this.with(|s| {
                    let step = s.steps.get(i).filter(|_| s.anim == gen);
                    match step {
                        Some(st) => crate::trace_view::light(i, st),
                        None if s.anim == gen => crate::trace_view::unlight(),
                        None => {}
                    }
                    step.is_some()
                });
                if more {
                    this.trace_step(gen, i + 1);
                }
            },
            Duration::from_millis(STEP_MS),
        );
    }

    /// Stops the trace animation and removes its highlight.
    pub fn stop_trace(&self) {
        self.update(|s| s.anim += 1);
        crate::trace_view::unlight();
    }

    /// Stops pacing and drops queued lines.
    fn cancel(&self) {
        self.screen(|s| {
            s.generation += 1;
            s.queue.clear();
            s.busy = false;
        });
    }

    /// Ctrl-C: stop what runs, or abandon the line being typed.
    pub fn interrupt(&self, typed: &str) {
        self.stop_trace();
        if self.with(|s| s.busy) {
            self.cancel();
            self.output("^C\n", Stream::Stdout);
        } else {
            self.screen(|s| {
                s.queue.clear();
                s.push(LineKind::Command(format!("{typed}^C")));
            });
        }
    }

    pub fn clear_screen(&self) {
        self.screen(|s| s.lines.clear());
    }

    pub fn reset(&self) {
        let key = self.with(|s| s.key.clone());
        self.open(&key, Some(Vec::new()));
    }

    /// Rebuilds the lab without the last line that reached it.
    pub fn undo(&self) -> Option<String> {
        let mut log = self.log();
        // `clear` changed nothing in the lab: undo the command before it too.
        while log.last().is_some_and(|l| crate::session::is_terminal_builtin(l)) {
            log.pop();
        }
        let last = log.pop()?;
        let key = self.with(|s| s.key.clone());
        self.open(&key, Some(log));
        Some(last)
    }
}

impl Default for Shell {
    fn default() -> Self {
        Shell::new()
    }
}
