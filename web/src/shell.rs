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

use crate::ansi::{self, Style};
use crate::browser;
use crate::client::LabClient;
use crate::state::LabSignals;
use crate::terminal_line::{LineKind, Run, TermLine};
use gloo_timers::callback::Timeout;
use lab_protocol::{Chunk, CommandOutput, Entry, Event, LabState, LessonChecks, Request};
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
}

/// Terminals a page opens on one lab at most (the lab's own limit).
pub const MAX_TABS: u32 = 8;

/// Why the lab is replaying a session.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Opening {
    /// A session is opened: its lines and their output go on screen.
    Restore,
    /// The worker was restarted (after Ctrl-C, or for the complete lab):
    /// the screen already shows it all.
    Resync,
}

/// A line the lab runs.
#[derive(Clone)]
struct Running {
    id: u64,
    line: String,
    /// Its entry in the log.
    entry: usize,
    /// The lab said it waits for another terminal (and reads requests).
    waiting: bool,
}

/// One terminal's bookkeeping.
#[derive(Default)]
struct Term {
    /// Its screen while another terminal is in front.
    lines: Vec<Arc<TermLine>>,
    running: Option<Running>,
    history: Vec<String>,
    style: Style,
}

/// The bookkeeping behind the terminals.
#[derive(Default)]
pub struct Engine {
    client: Option<LabClient>,
    /// Storage key of the session, e.g. `nslab.session.sandbox`.
    key: String,
    /// Every entry that reached the lab (or a terminal: `clear`), as
    /// lab-protocol's `Entry::encode` writes it, and its status.
    log: Vec<String>,
    statuses: Vec<i32>,
    /// The steps of the open lesson, sent with every `Open`.
    lesson: Option<LessonChecks>,
    terms: Vec<Term>,
    active: usize,
    /// Lines typed (or pasted, or clicked) while their terminal was busy.
    /// This and `paced` are `Vec`s taken from the front: they hold a few
    /// entries, and `VecDeque`'s code for their two element types cost
    /// 1.2 KB of the first load's gzip.
    queue: Vec<(usize, String)>,
    opening: Option<Opening>,
    next_id: u64,
    next_line: u64,
    /// Output waiting for its pacing delay, with its terminal; bumped
    /// `generation` drops it.
    paced: Vec<(usize, Chunk)>,
    pacing: bool,
    generation: u64,
    /// Notices given while a session was being replayed.
    notices: Vec<String>,
}

impl Engine {
    /// The terminal whose line has request id `id`.
    fn term_of(&self, id: u64) -> Option<usize> {
        self.terms.iter().position(|t| t.running.as_ref().is_some_and(|r| r.id == id))
    }

    /// A line runs and the lab reads no request until it ends.
    fn executing(&self) -> bool {
        self.terms.iter().any(|t| t.running.as_ref().is_some_and(|r| !r.waiting))
    }

    fn term(&mut self, term: usize) -> &mut Term {
        let term = term.min(MAX_TABS as usize - 1);
        if self.terms.len() <= term {
            self.terms.resize_with(term + 1, Term::default);
        }
        &mut self.terms[term]
    }
}

/// Handle to the terminals; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Shell {
    pub screen: Screen,
    pub lab: LabSignals,
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
    fn push(&self, term: usize, kinds: Vec<LineKind>) {
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

    fn output_kind(&self, term: usize, c: &Chunk) -> LineKind {
        self.with(|e| {
            let style = &mut e.term(term).style;
            let runs = ansi::parse(&c.text, style).into_iter().map(|s| Run { class: s.style.class(), text: s.text });
            LineKind::Output { runs: runs.collect(), err: c.err }
        })
    }

    /// The busy mark of the terminal in front.
    fn refresh_busy(&self) {
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
        let list = Run { text: choices.join("  ") + "\n", class: String::new() };
        let term = self.with(|e| e.active);
        self.push(term, vec![LineKind::Command(line.to_string()), LineKind::Output { runs: vec![list], err: false }]);
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
    /// with the checks of `lesson`, replaying it to rebuild the lab and the screens.
    pub fn open(&self, key: &str, lines: Option<Vec<String>>, lesson: Option<LessonChecks>) {
        self.stop();
        let lines = lines.unwrap_or_else(|| browser::load_lines(key));
        let tabs = lines.iter().map(|l| Entry::decode(l).term() + 1).max().unwrap_or(1).min(MAX_TABS);
        self.with(|e| {
            e.key = key.to_string();
            e.log = lines.clone();
            e.statuses.clear();
            e.lesson = lesson.clone();
            e.opening = Some(Opening::Restore);
            e.notices.clear();
            for t in &mut e.terms {
                *t = Term { history: std::mem::take(&mut t.history), ..Term::default() };
            }
            e.active = 0;
            browser::save_lines(&e.key, &e.log);
        });
        self.screen.lines.set(Vec::new());
        self.screen.tabs.set(tabs);
        self.screen.active.set(0);
        self.screen.busy.set(true);
        let ticked = lesson.as_ref().map_or(0, |l| l.ticked);
        self.lab.progress.set(lab_protocol::Progress { ticked, current: Vec::new() });
        self.send(Request::Open { lines, lesson });
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
        self.push(term, vec![LineKind::Command(line.to_string())]);
        self.lab.trace.set(None);
        let id = self.with(|e| {
            e.next_id += 1;
            let id = e.next_id;
            // Logged as sent: the lab runs requests in the order they come.
            e.log.push(entry);
            e.statuses.push(0);
            browser::save_lines(&e.key, &e.log);
            let running = Running { id, line: line.to_string(), entry: e.log.len() - 1, waiting: false };
            e.term(term).running = Some(running);
            id
        });
        self.refresh_busy();
        self.send(Request::Run { id, line: line.to_string(), term: term as u32 });
    }

    fn on_event(&self, ev: Event) {
        match ev {
            Event::Ready { .. } => {}
            Event::Opened { earlier, outputs, state, waiting } => self.opened(earlier, outputs, state, waiting),
            Event::Output { id, chunks } => {
                let Some(term) = self.with(|e| e.term_of(id)) else { return };
                if self.with(|e| e.active == term) {
                    self.screen.announce.set(chunks.iter().map(|c| ansi::strip(&c.text)).collect());
                }
                self.with(|e| e.paced.extend(chunks.into_iter().map(|c| (term, c))));
                self.pace();
            }
            Event::Printed { term, chunks } => {
                let term = term as usize;
                self.with(|e| e.paced.extend(chunks.into_iter().map(|c| (term, c))));
                self.pace();
            }
            Event::Waiting { id } => {
                self.with(|e| {
                    let term = e.term_of(id)?;
                    e.terms[term].running.as_mut()?.waiting = true;
                    Some(())
                });
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
        }
    }

    /// The basic lab cannot run what was asked (`what`: `&`, `nc`, …):
    /// switch to the complete lab, replay the session there, and send the
    /// request again — an `Open` still replaying, or the line that runs.
    fn upgrade(&self, what: &str) {
        let Some(client) = self.with(|e| e.client.clone()) else { return };
        if !client.upgrade() {
            return self.notice(format!("# nslab: the lab cannot run `{what}`"));
        }
        let (lines, lesson, rerun) = self.with(|e| {
            e.opening.get_or_insert(Opening::Resync);
            let rerun = e.terms.iter().enumerate().find_map(|(t, term)| {
                let r = term.running.as_ref().filter(|r| !r.waiting)?;
                Some((t, r.clone()))
            });
            // The log holds the line already: the replay leaves it out.
            let upto = rerun.as_ref().map_or(e.log.len(), |(_, r)| r.entry);
            (e.log[..upto].to_vec(), e.lesson.clone(), rerun)
        });
        client.send(&Request::Open { lines, lesson });
        if let Some((term, r)) = rerun {
            client.send(&Request::Run { id: r.id, line: r.line, term: term as u32 });
        }
    }

    /// A replay ended: show it (unless the screens already do) and the lab.
    /// The entries of `earlier` (their statuses) had output that would
    /// have scrolled off; `outputs` is what the rest printed; `waiting`
    /// are the lines that still run.
    fn opened(&self, earlier: Vec<i32>, outputs: Vec<CommandOutput>, state: LabState, waiting: Vec<u64>) {
        let Some(opening) = self.with(|e| e.opening.take()) else { return };
        crate::mark_once("lab-opened");
        let log = self.log();
        if opening == Opening::Restore {
            let mut kinds: Vec<Vec<LineKind>> = Vec::new();
            for (text, out) in log.iter().skip(earlier.len()).zip(&outputs) {
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
                kinds[term].extend(out.chunks.iter().map(|c| self.output_kind(term, c)));
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
                let entry = (u64::MAX - id) as usize;
                if let Some(Entry::Line { term, line }) = log.get(entry).map(|l| Entry::decode(l)) {
                    e.term(term as usize).running = Some(Running { id, line, entry, waiting: true });
                }
            }
        });
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
                Some(Ok((term, c))) => {
                    let kind = self.output_kind(term, &c);
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
                        if let Some(Some((term, c))) = c {
                            let kind = this.output_kind(term, &c);
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
        if running.as_ref().is_some_and(|r| r.waiting) {
            // It waits, and the lab reads requests: the lab stops it (its
            // `^C` and status come back as the line's output and end).
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
            let (client, lines, lesson) = self.with(|e| {
                e.terms[term].running = None;
                e.log.truncate(r.entry);
                e.statuses.truncate(r.entry);
                browser::save_lines(&e.key, &e.log);
                e.opening = Some(Opening::Resync);
                (e.client.clone(), e.log.clone(), e.lesson.clone())
            });
            if let Some(c) = client {
                c.restart();
                c.send(&Request::Open { lines, lesson });
            }
        }
        if busy {
            self.push(
                term,
                vec![LineKind::Output { runs: vec![Run { text: "^C\n".into(), class: String::new() }], err: false }],
            );
        } else {
            self.push(term, vec![LineKind::Command(format!("{typed}^C"))]);
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

impl Default for Shell {
    fn default() -> Self {
        Shell::new()
    }
}
