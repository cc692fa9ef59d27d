//! The terminal's engine room: sends lines to the lab, paces what comes
//! back, keeps the screen, the command log and the saved session.
//!
//! What the page shows lives in signals ([`Screen`], [`LabSignals`]); the
//! bookkeeping nobody draws (the log, the queue of typed lines, pacing)
//! lives in one [`Engine`] in a local stored value.

use crate::ansi::{self, Style};
use crate::browser;
use crate::client::LabClient;
use crate::state::LabSignals;
use crate::terminal_line::{LineKind, Run, TermLine};
use gloo_timers::callback::Timeout;
use lab_protocol::{Chunk, CommandOutput, Event, LabState, LessonChecks, Request};
use leptos::prelude::*;
use std::collections::VecDeque;
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

/// What the terminal shows.
#[derive(Clone, Copy)]
pub struct Screen {
    pub lines: RwSignal<Vec<Arc<TermLine>>>,
    /// A line runs (or its output is still being paced).
    pub busy: RwSignal<bool>,
    /// The last command's output as text, for the screen-reader live region.
    pub announce: RwSignal<String>,
}

/// Why the lab is replaying a session.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Opening {
    /// A session is opened: its lines and their output go on screen.
    Restore,
    /// The worker was restarted after Ctrl-C: the screen already shows it all.
    Resync,
}

/// The bookkeeping behind the terminal.
#[derive(Default)]
pub struct Engine {
    client: Option<LabClient>,
    /// Storage key of the session, e.g. `nslab.session.sandbox`.
    key: String,
    /// Every line that reached the lab (or the terminal: `clear`), and its status.
    log: Vec<String>,
    statuses: Vec<i32>,
    /// The steps of the open lesson, sent with every `Open`.
    lesson: Option<LessonChecks>,
    history: Vec<String>,
    /// Lines typed (or pasted, or clicked) while another runs.
    queue: VecDeque<String>,
    /// The line the lab runs now: its request id and text.
    running: Option<(u64, String)>,
    opening: Option<Opening>,
    next_id: u64,
    next_line: u64,
    /// Output waiting for its pacing delay; bumped `generation` drops it.
    paced: VecDeque<Chunk>,
    pacing: bool,
    generation: u64,
    style: Style,
    /// Notices given while a session was being replayed.
    notices: Vec<String>,
}

/// Handle to the terminal; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Shell {
    pub screen: Screen,
    pub lab: LabSignals,
    engine: StoredValue<Engine, LocalStorage>,
}

impl Shell {
    pub fn new() -> Shell {
        let engine = Engine { history: browser::load_lines(HISTORY_KEY), ..Engine::default() };
        let shell = Shell {
            screen: Screen {
                lines: RwSignal::new(Vec::new()),
                busy: RwSignal::new(true),
                announce: RwSignal::new(String::new()),
            },
            lab: LabSignals::new(),
            engine: StoredValue::new_local(engine),
        };
        let client = LabClient::start(move |ev| shell.on_event(ev));
        shell.engine.update_value(|e| e.client = Some(client));
        shell
    }

    fn with<R>(&self, f: impl FnOnce(&mut Engine) -> R) -> R {
        self.engine.try_update_value(f).expect("the shell outlives its page")
    }

    fn send(&self, req: Request) {
        if let Some(c) = self.with(|e| e.client.clone()) {
            c.send(&req);
        }
    }

    pub fn log(&self) -> Vec<String> {
        self.with(|e| e.log.clone())
    }

    pub fn statuses(&self) -> Vec<i32> {
        self.with(|e| e.statuses.clone())
    }

    pub fn history(&self) -> Vec<String> {
        self.with(|e| e.history.clone())
    }

    /// Adds lines at the bottom of the screen, dropping the oldest beyond the scrollback.
    fn push(&self, kinds: Vec<LineKind>) {
        if kinds.is_empty() {
            return;
        }
        let first = self.with(|e| {
            let n = e.next_line;
            e.next_line += kinds.len() as u64;
            n
        });
        self.screen.lines.update(|lines| {
            lines.extend(
                kinds.into_iter().enumerate().map(|(i, kind)| Arc::new(TermLine { id: first + i as u64, kind })),
            );
            if lines.len() > SCROLLBACK {
                lines.drain(..lines.len() - SCROLLBACK);
            }
        });
    }

    fn output_kind(&self, c: &Chunk) -> LineKind {
        self.with(|e| {
            let runs =
                ansi::parse(&c.text, &mut e.style).into_iter().map(|s| Run { class: s.style.class(), text: s.text });
            LineKind::Output { runs: runs.collect(), err: c.err }
        })
    }

    /// A message from the site; while a session is being replayed it waits
    /// to appear under the replayed lines.
    pub fn notice(&self, text: impl Into<String>) {
        let text = text.into();
        let waiting = self.with(|e| {
            e.opening == Some(Opening::Restore) && {
                e.notices.push(text.clone());
                true
            }
        });
        if !waiting {
            self.push(vec![LineKind::Notice(text)]);
        }
    }

    /// What bash prints on a second Tab: the line so far, then the choices.
    pub fn list_choices(&self, line: &str, choices: &[String]) {
        let list = Run { text: choices.join("  ") + "\n", class: String::new() };
        self.push(vec![LineKind::Command(line.to_string()), LineKind::Output { runs: vec![list], err: false }]);
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
    /// with the checks of `lesson`, replaying it to rebuild the lab and the screen.
    pub fn open(&self, key: &str, lines: Option<Vec<String>>, lesson: Option<LessonChecks>) {
        self.stop();
        let lines = lines.unwrap_or_else(|| browser::load_lines(key));
        self.with(|e| {
            e.key = key.to_string();
            e.log = lines.clone();
            e.statuses.clear();
            e.lesson = lesson.clone();
            e.opening = Some(Opening::Restore);
            e.notices.clear();
            e.style = Style::default();
            browser::save_lines(&e.key, &e.log);
        });
        self.screen.lines.set(Vec::new());
        self.screen.busy.set(true);
        let ticked = lesson.as_ref().map_or(0, |l| l.ticked);
        self.lab.progress.set(lab_protocol::Progress { ticked, current: Vec::new() });
        self.send(Request::Open { lines, lesson });
    }

    /// Queues a line as if typed and Enter pressed.
    pub fn submit(&self, line: &str) {
        self.with(|e| e.queue.push_back(line.to_string()));
        self.pump();
    }

    fn pump(&self) {
        let next = self.with(|e| {
            let idle = e.running.is_none() && !e.pacing && e.opening.is_none();
            if idle {
                e.queue.pop_front()
            } else {
                None
            }
        });
        match next {
            Some(line) => self.execute(line.trim_end()),
            None => self.screen.busy.set(self.with(|e| e.running.is_some() || e.pacing || e.opening.is_some())),
        }
    }

    fn remember(&self, line: &str) {
        self.with(|e| {
            if e.history.last().map(String::as_str) != Some(line) {
                e.history.push(line.to_string());
            }
            if e.history.len() > HISTORY_MAX {
                e.history.drain(..e.history.len() - HISTORY_MAX);
            }
            browser::save_lines(HISTORY_KEY, &e.history);
        });
    }

    fn execute(&self, line: &str) {
        if line.trim().is_empty() {
            self.push(vec![LineKind::Command(String::new())]);
            return self.pump();
        }
        self.remember(line);
        if crate::session::is_terminal_builtin(line) {
            self.with(|e| {
                e.log.push(line.to_string());
                e.statuses.push(0);
                browser::save_lines(&e.key, &e.log);
            });
            self.screen.lines.set(Vec::new());
            return self.pump();
        }
        self.push(vec![LineKind::Command(line.to_string())]);
        self.lab.trace.set(None);
        self.screen.busy.set(true);
        let id = self.with(|e| {
            e.next_id += 1;
            e.running = Some((e.next_id, line.to_string()));
            e.next_id
        });
        self.send(Request::Run { id, line: line.to_string() });
    }

    fn on_event(&self, ev: Event) {
        match ev {
            Event::Ready { .. } => {}
            Event::Opened { earlier, outputs, state } => self.opened(earlier, outputs, state),
            Event::Output { id, chunks } => {
                if self.with(|e| e.running.as_ref().is_some_and(|r| r.0 == id)) {
                    self.screen.announce.set(chunks.iter().map(|c| ansi::strip(&c.text)).collect());
                    self.with(|e| e.paced.extend(chunks));
                    self.pace();
                }
            }
            Event::Done { id, status, state } => {
                let Some((_, line)) = self.with(|e| e.running.take_if(|r| r.0 == id)) else { return };
                self.with(|e| {
                    e.log.push(line);
                    e.statuses.push(status);
                    browser::save_lines(&e.key, &e.log);
                });
                self.apply(state, true);
                self.pump();
            }
            Event::Error { message } => self.notice(format!("# nslab: {message}")),
            Event::NeedsComplete { what } => self.upgrade(&what),
        }
    }

    /// The basic lab cannot run what was asked (`what`: `&`, `nc`, …):
    /// switch to the complete lab, replay the session there, and send the
    /// request again — an `Open` still replaying, or the running line.
    fn upgrade(&self, what: &str) {
        let Some(client) = self.with(|e| e.client.clone()) else { return };
        if !client.upgrade() {
            return self.notice(format!("# nslab: the lab cannot run `{what}`"));
        }
        let (lines, lesson, running) = self.with(|e| {
            e.opening.get_or_insert(Opening::Resync);
            (e.log.clone(), e.lesson.clone(), e.running.clone())
        });
        client.send(&Request::Open { lines, lesson });
        if let Some((id, line)) = running {
            client.send(&Request::Run { id, line });
        }
    }

    /// A replay ended: show it (unless the screen already does) and the lab.
    /// The lines of `earlier` (their statuses) had output that would have
    /// scrolled off; `outputs` is what the rest printed.
    fn opened(&self, earlier: Vec<i32>, outputs: Vec<CommandOutput>, state: LabState) {
        let Some(opening) = self.with(|e| e.opening.take()) else { return };
        crate::mark_once("lab-opened");
        if opening == Opening::Restore {
            let log = self.log();
            let mut kinds = Vec::new();
            for (line, out) in log.iter().skip(earlier.len()).zip(&outputs) {
                if crate::session::is_terminal_builtin(line) {
                    kinds.clear();
                    continue;
                }
                kinds.push(LineKind::Command(line.clone()));
                kinds.extend(out.chunks.iter().map(|c| self.output_kind(c)));
            }
            let keep = kinds.len().saturating_sub(SCROLLBACK);
            kinds.extend(self.with(|e| std::mem::take(&mut e.notices)).into_iter().map(LineKind::Notice));
            self.push(kinds.split_off(keep));
            self.with(|e| e.statuses = earlier.into_iter().chain(outputs.iter().map(|o| o.status)).collect());
            self.lab.changed.set(Arc::default());
        }
        self.apply(state, false);
        crate::mark_ready();
        self.pump();
    }

    /// Shows what the lab reported after a line (`highlight`: mark what changed).
    fn apply(&self, state: LabState, highlight: bool) {
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

    /// Prints output one chunk after another, waiting out each virtual delay (scaled down).
    fn pace(&self) {
        let this = *self;
        loop {
            let (next, gen) = self.with(|e| {
                let gen = e.generation;
                let front_delay = e.paced.front().map(|c| c.delay_ms);
                match front_delay {
                    Some(d) if d > 0 && !e.pacing => {
                        e.pacing = true;
                        (Some(Err(d)), gen)
                    }
                    Some(0) => (e.paced.pop_front().map(Ok), gen),
                    Some(_) => (None, gen), // a timeout is already waiting
                    None => (None, gen),
                }
            });
            match next {
                Some(Ok(c)) => {
                    let kind = self.output_kind(&c);
                    self.push(vec![kind]);
                }
                Some(Err(delay)) => {
                    let ms = (delay / PACE_DIVISOR).min(PACE_MAX_MS as u64) as u32;
                    Timeout::new(ms, move || {
                        let c = this.with(|e| {
                            (e.generation == gen).then(|| {
                                e.pacing = false;
                                e.paced.pop_front()
                            })
                        });
                        if let Some(Some(c)) = c {
                            let kind = this.output_kind(&c);
                            this.push(vec![kind]);
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
            self.pump();
        }
    }

    /// Drops paced output and queued lines; a running line is left to the caller.
    fn stop(&self) {
        self.with(|e| {
            e.generation += 1;
            e.paced.clear();
            e.pacing = false;
            e.queue.clear();
        });
        self.lab.trace.set(None);
    }

    /// Ctrl-C: stop what runs, or abandon the line being typed.
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
        let running = self.with(|e| e.running.take().is_some());
        let busy = running || self.with(|e| e.pacing || !e.paced.is_empty());
        self.stop();
        if running {
            // The lab cannot hear Ctrl-C mid-line: end it, start a new one
            // from the session without that line.
            let (client, lines, lesson) = self.with(|e| {
                e.opening = Some(Opening::Resync);
                (e.client.clone(), e.log.clone(), e.lesson.clone())
            });
            if let Some(c) = client {
                c.restart();
                c.send(&Request::Open { lines, lesson });
            }
        }
        if busy {
            self.push(vec![LineKind::Output {
                runs: vec![Run { text: "^C\n".into(), class: String::new() }],
                err: false,
            }]);
        } else {
            self.push(vec![LineKind::Command(format!("{typed}^C"))]);
        }
        self.pump();
    }

    pub fn clear_screen(&self) {
        self.screen.lines.set(Vec::new());
    }

    /// Opens this session again with `lines`, and its lesson's checks.
    fn reopen(&self, lines: Vec<String>) {
        let (key, lesson) = self.with(|e| (e.key.clone(), e.lesson.clone()));
        self.open(&key, Some(lines), lesson);
    }

    /// Starts the session over from a fresh host.
    pub fn reset(&self) {
        self.reopen(Vec::new());
    }

    /// Starts the lesson over: a fresh host, no step ticked.
    pub fn start_over(&self) {
        self.with(|e| e.lesson.iter_mut().for_each(|l| l.ticked = 0));
        self.reopen(Vec::new());
    }

    /// Rebuilds the lab without the last line that reached it.
    pub fn undo(&self) -> Option<String> {
        let mut log = self.log();
        // `clear` changed nothing in the lab: undo the command before it too.
        while log.last().is_some_and(|l| crate::session::is_terminal_builtin(l)) {
            log.pop();
        }
        let last = log.pop()?;
        self.reopen(log);
        Some(last)
    }
}

impl Default for Shell {
    fn default() -> Self {
        Shell::new()
    }
}
