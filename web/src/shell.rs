//! The terminal's engine room: runs lines on the lab, paces their output,
//! keeps the screen, the history and the saved session.

use crate::ansi::{self, Style};
use crate::browser;
use crate::html::Html;
use crate::lab_session::LabSession;
use crate::layout;
use crate::verify::World;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use sim_core::{Output, Snapshot, Stream};
use std::collections::{BTreeSet, VecDeque};

pub const PROMPT: &str = "root@host:~#";
const HISTORY_KEY: &str = "nslab.history";
const HISTORY_MAX: usize = 500;
/// Ping prints a line a second; the page shows them ten times faster.
const PACE_DIVISOR: u64 = 10;
const PACE_MAX_MS: u64 = 250;
/// Scrollback kept on screen, like a terminal's.
const SCROLLBACK: usize = 3000;

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
            LineKind::Command(cmd) => h.r("<div class=\"t-cmd\"><span class=\"t-prompt\">").r(PROMPT).r("</span> ").t(cmd),
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

/// Handle to the terminal state; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Shell {
    session: StoredValue<LabSession, LocalStorage>,
    pub snap: RwSignal<Snapshot>,
    /// Keys of diagram elements the last command changed.
    pub changed: RwSignal<BTreeSet<String>>,
    pub lines: RwSignal<Vec<Line>>,
    pub busy: RwSignal<bool>,
    /// Bumped after every change to the lab: lesson checks follow it.
    pub version: RwSignal<u64>,
    /// The last command's output as text, for the screen-reader live region.
    pub announce: RwSignal<String>,
    pub history: StoredValue<Vec<String>>,
    key: StoredValue<String>,
    queue: StoredValue<VecDeque<String>>,
    next_id: StoredValue<u64>,
    generation: StoredValue<u64>,
    style: StoredValue<Style>,
    /// While replaying, lines collect here and reach the screen at once.
    batch: StoredValue<Option<Vec<Line>>>,
}

impl Shell {
    pub fn new() -> Shell {
        Shell {
            session: StoredValue::new_local(LabSession::default()),
            snap: RwSignal::new(Snapshot::default()),
            changed: RwSignal::new(BTreeSet::new()),
            lines: RwSignal::new(Vec::new()),
            busy: RwSignal::new(false),
            version: RwSignal::new(0),
            announce: RwSignal::new(String::new()),
            history: StoredValue::new(browser::load_lines(HISTORY_KEY)),
            key: StoredValue::new(String::new()),
            queue: StoredValue::new(VecDeque::new()),
            next_id: StoredValue::new(0),
            generation: StoredValue::new(0),
            style: StoredValue::new(Style::default()),
            batch: StoredValue::new(None),
        }
    }

    /// Reads the lab for checks and completion.
    pub fn with_session<R>(&self, f: impl FnOnce(&LabSession) -> R) -> R {
        self.session.with_value(f)
    }

    pub fn log(&self) -> Vec<String> {
        self.session.with_value(|s| s.log().to_vec())
    }

    pub fn statuses(&self) -> Vec<i32> {
        self.session.with_value(|s| s.statuses().to_vec())
    }

    fn id(&self) -> u64 {
        self.next_id.update_value(|n| *n += 1);
        self.next_id.get_value()
    }

    fn push(&self, kind: LineKind) {
        let line = Line { id: self.id(), html: kind.html() };
        let mut line = Some(line);
        self.batch.update_value(|b| {
            if let Some(b) = b {
                b.push(line.take().unwrap());
            }
        });
        if let Some(line) = line {
            self.lines.update(|l| {
                l.push(line);
                if l.len() > SCROLLBACK {
                    l.drain(..l.len() - SCROLLBACK);
                }
            });
        }
    }

    fn clear_lines(&self) {
        self.batch.update_value(|b| {
            if let Some(b) = b {
                b.clear();
            }
        });
        self.lines.set(Vec::new());
    }

    /// What bash prints on a second Tab: the line so far, then the choices.
    pub fn list_choices(&self, line: &str, choices: &[String]) {
        self.push(LineKind::Command(line.to_string()));
        let mut h = Html::default();
        h.t(&(choices.join("  ") + "\n"));
        self.push(LineKind::Output { html: h.0, stderr: false });
    }

    pub fn notice(&self, text: impl Into<String>) {
        self.push(LineKind::Notice(text.into()));
    }

    fn push_output(&self, text: &str, stream: Stream) {
        let mut style = self.style.get_value();
        let mut h = Html::default();
        for s in ansi::parse(text, &mut style) {
            let class = s.style.class();
            if class.is_empty() {
                h.t(&s.text);
            } else {
                h.r("<span class=\"").r(&class).r("\">").t(&s.text).r("</span>");
            }
        }
        self.style.set_value(style);
        self.push(LineKind::Output { html: h.0, stderr: stream == Stream::Stderr });
    }

    /// Switches to the session saved under `key` (or `lines`, when given),
    /// replaying it to rebuild the lab and the screen.
    pub fn open(&self, key: &str, lines: Option<Vec<String>>) {
        self.cancel();
        self.key.set_value(key.to_string());
        let lines = lines.unwrap_or_else(|| browser::load_lines(key));
        let (session, outs) = LabSession::replay(&lines);
        self.style.set_value(Style::default());
        self.batch.set_value(Some(Vec::new()));
        for (line, out) in lines.iter().zip(&outs) {
            self.render(line, out);
        }
        let mut screen = self.batch.try_update_value(|b| b.take()).flatten().unwrap_or_default();
        if screen.len() > SCROLLBACK {
            screen.drain(..screen.len() - SCROLLBACK);
        }
        self.lines.set(screen);
        let snap = session.snapshot().clone();
        self.session.set_value(session);
        self.snap.set(snap);
        self.changed.set(BTreeSet::new());
        self.save();
        self.version.update(|v| *v += 1);
    }

    fn render(&self, line: &str, out: &Output) {
        if crate::session::is_terminal_builtin(line) {
            self.clear_lines();
            return;
        }
        self.push(LineKind::Command(line.to_string()));
        for c in &out.chunks {
            self.push_output(&c.text, c.stream);
        }
    }

    fn save(&self) {
        let key = self.key.get_value();
        if !key.is_empty() {
            browser::save_lines(&key, &self.log());
        }
    }

    /// Queues a line as if typed and Enter pressed.
    pub fn submit(&self, line: &str) {
        self.queue.update_value(|q| q.push_back(line.to_string()));
        self.pump();
    }

    fn pump(&self) {
        if self.busy.get_untracked() {
            return;
        }
        let mut next = None;
        self.queue.update_value(|q| next = q.pop_front());
        if let Some(line) = next {
            self.execute(&line);
        }
    }

    /// One step through the history from `pos` (None: the line being
    /// edited, kept in `draft`); returns the line to show, if any.
    pub fn history_step(&self, pos: &mut Option<usize>, draft: &mut String, line: &str, up: bool) -> Option<String> {
        self.history.with_value(|hist| {
            if hist.is_empty() {
                return None;
            }
            let next = match (*pos, up) {
                (None, true) => {
                    *draft = line.to_string();
                    Some(hist.len() - 1)
                }
                (Some(0), true) => Some(0),
                (Some(p), true) => Some(p - 1),
                (Some(p), false) if p + 1 < hist.len() => Some(p + 1),
                (_, false) => None,
            };
            *pos = next;
            Some(next.map(|p| hist[p].clone()).unwrap_or_else(|| draft.clone()))
        })
    }

    fn remember(&self, line: &str) {
        self.history.update_value(|h| {
            if h.last().map(String::as_str) != Some(line) {
                h.push(line.to_string());
            }
            if h.len() > HISTORY_MAX {
                h.drain(..h.len() - HISTORY_MAX);
            }
            browser::save_lines(HISTORY_KEY, h);
        });
    }

    fn execute(&self, line: &str) {
        let line = line.trim_end();
        if line.trim().is_empty() {
            self.push(LineKind::Command(String::new()));
            return self.pump();
        }
        self.remember(line);
        if crate::session::is_terminal_builtin(line) {
            self.session.update_value(|s| {
                s.run(line);
            });
            self.save();
            self.lines.set(Vec::new());
            return self.pump();
        }
        self.push(LineKind::Command(line.to_string()));
        let old = self.snap.get_untracked();
        let mut out = Output::default();
        self.session.update_value(|s| out = s.run(line));
        self.save();
        let new = self.session.with_value(|s| s.snapshot().clone());
        self.changed.set(layout::changed(&old, &new));
        self.snap.set(new);
        self.version.update(|v| *v += 1);
        self.announce.set(ansi::strip(&out.text()));
        self.busy.set(true);
        self.pace(out.chunks.into(), self.generation.get_value());
    }

    /// Prints chunks one after another, waiting out their virtual delay (scaled down).
    fn pace(&self, mut chunks: VecDeque<sim_core::Chunk>, gen: u64) {
        let this = *self;
        loop {
            if self.generation.get_value() != gen {
                return;
            }
            let Some(c) = chunks.front() else {
                self.busy.set(false);
                return self.pump();
            };
            if c.delay_ms > 0 {
                let ms = (c.delay_ms / PACE_DIVISOR).min(PACE_MAX_MS) as u32;
                let c = chunks.pop_front().unwrap();
                Timeout::new(ms, move || {
                    if this.generation.get_value() == gen {
                        this.push_output(&c.text, c.stream);
                        this.pace(chunks, gen);
                    }
                })
                .forget();
                return;
            }
            let c = chunks.pop_front().unwrap();
            self.push_output(&c.text, c.stream);
        }
    }

    /// Stops pacing and drops queued lines.
    fn cancel(&self) {
        self.generation.update_value(|g| *g += 1);
        self.queue.update_value(|q| q.clear());
        self.busy.set(false);
    }

    /// Ctrl-C: stop what runs, or abandon the line being typed.
    pub fn interrupt(&self, typed: &str) {
        if self.busy.get_untracked() {
            self.cancel();
            self.push_output("^C\n", Stream::Stdout);
        } else {
            self.queue.update_value(|q| q.clear());
            self.push(LineKind::Command(format!("{typed}^C")));
        }
    }

    pub fn clear_screen(&self) {
        self.lines.set(Vec::new());
    }

    pub fn reset(&self) {
        let key = self.key.get_value();
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
        let key = self.key.get_value();
        self.open(&key, Some(log));
        Some(last)
    }
}

impl Default for Shell {
    fn default() -> Self {
        Shell::new()
    }
}
