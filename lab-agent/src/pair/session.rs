//! One learner's session on a paired VM: `lab-agent session`, a child of
//! `lab-agent serve`, in a sandbox of its own (fresh network, mount and
//! UTS namespaces, the machine's files read-only: [`crate::sandbox`]).
//! It reads lab-protocol requests, one JSON text a line, on stdin and
//! writes events the same way on stdout:
//! the worker's side of the protocol over a real kernel. Its end (stdin
//! closed, or killed by the server, or the server killed: it dies with
//! it) takes every namespace, device, socket and process of the session
//! with it.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{BufRead, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use lab_protocol::{decode, encode, replayed_id, scrollback, Chunk, Entry, Event, LabState, LessonChecks, Request};
use lesson_format::progress::advance;
use lesson_format::verify::World;
use sim_core::output::Output;
use sim_core::Snapshot;

use crate::host::terminals::MAX_TERMINALS;
use crate::host::KernelLab;
use crate::kernel::Limits;

/// How long the loop waits for a request while a line runs, and while
/// only background jobs do.
const BUSY_POLL: Duration = Duration::from_millis(2);
const JOBS_POLL: Duration = Duration::from_millis(20);
/// A line still running this long after it started is announced
/// `Waiting` (the page then lets its other terminals run lines).
const WAITING_AFTER: Duration = Duration::from_millis(200);
/// In a replay, a line that prints nothing and has not ended for this
/// long is taken as waiting (a server), and the replay goes on.
const REPLAY_SETTLE: Duration = Duration::from_millis(1000);

/// Runs a session on stdin/stdout until stdin closes. The caller has
/// entered the sandbox already (while it had one thread).
pub fn run(mut lab: KernelLab) {
    lab.set_limits(Limits::PAIRED);
    let requests = read_requests();
    let mut s = Session {
        lab: RefCell::new(lab),
        lesson: None,
        lines: Vec::new(),
        sent: None,
        running: vec![None; MAX_TERMINALS],
        queued: vec![VecDeque::new(); MAX_TERMINALS],
    };
    emit(&Event::Ready { engine: "kernel".into() });
    let mut moved = false;
    loop {
        let wait = if moved {
            Some(Duration::ZERO)
        } else if s.lab.get_mut().any_running() {
            Some(BUSY_POLL)
        } else if s.lab.get_mut().has_jobs() {
            Some(JOBS_POLL)
        } else {
            None
        };
        let got = match wait {
            Some(d) => requests.recv_timeout(d),
            None => requests.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match got {
            Ok(read) => {
                s.read(read);
                while let Ok(more) = requests.try_recv() {
                    s.read(more);
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        moved = s.step();
    }
}

/// What a line of stdin was: a request, or why it was not one.
type Read = Result<Request, String>;

/// Stdin's lines, decoded on a thread of their own, so requests (Ctrl-C,
/// another terminal's line) arrive while lines run.
fn read_requests() -> Receiver<Read> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines() {
            let Ok(line) = line else { return };
            if tx.send(decode::<Request>(&line).map_err(|e| e.to_string())).is_err() {
                return;
            }
        }
    });
    rx
}

fn emit(ev: &Event) {
    let mut out = std::io::stdout().lock();
    // The server reads until we end; a write error means it is gone.
    let _ = writeln!(out, "{}", encode(ev));
    let _ = out.flush();
}

/// A line running in a terminal: its request id, when it started, and
/// whether the page was told it waits.
#[derive(Clone, Copy)]
struct Line {
    id: u64,
    started: Instant,
    announced: bool,
}

struct Session {
    lab: RefCell<KernelLab>,
    lesson: Option<LessonChecks>,
    /// Every line run, oldest first (what `ran` checks read).
    lines: Vec<String>,
    /// The picture last sent, so an unchanged one is not sent again.
    sent: Option<Snapshot>,
    /// Per terminal, the line it runs.
    running: Vec<Option<Line>>,
    /// Per terminal, lines sent before its running line ended (a page
    /// sends the next after `Done`; another client may not).
    queued: Vec<VecDeque<(u64, String)>>,
}

impl Session {
    fn read(&mut self, read: Read) {
        match read {
            Ok(req) => self.handle(req),
            Err(message) => emit(&Event::Error { message }),
        }
    }

    fn handle(&mut self, req: Request) {
        match req {
            // A fresh sandbox is the server's to make: it starts a new
            // session for an `Open` after commands, so the lab is fresh.
            Request::Open { lines, lesson, preset } => self.open(&lines, lesson, preset.as_deref()),
            Request::Run { id, line, term } => {
                let t = (term as usize).min(MAX_TERMINALS - 1);
                if self.running[t].is_some() {
                    self.queued[t].push_back((id, line));
                } else {
                    self.start(t, id, &line);
                }
            }
            Request::Interrupt { term } => {
                let t = (term as usize).min(MAX_TERMINALS - 1);
                let (Some(line), Some(out)) = (self.running[t], self.lab.get_mut().interrupt(t)) else { return };
                self.end(t, line.id, out);
            }
            // The system's programs print no tags: nothing to explain.
            Request::Explain { entry } => emit(&Event::Explained { entry, notes: Vec::new() }),
            Request::Hello { .. } => {}
        }
    }

    fn start(&mut self, t: usize, id: u64, line: &str) {
        self.lines.push(line.to_string());
        self.running[t] = Some(Line { id, started: Instant::now(), announced: false });
        self.lab.get_mut().start_in(t, line);
    }

    /// Runs the lab a step; tells the page what came of it. Whether
    /// anything moved.
    fn step(&mut self) -> bool {
        let step = self.lab.get_mut().step();
        for (t, written) in step.written {
            let chunks = chunks(&written);
            match self.running[t] {
                Some(line) => emit(&Event::Output { id: line.id, chunks }),
                None => emit(&Event::Printed { term: t as u32, chunks }),
            }
        }
        for (t, out) in step.ended {
            if let Some(line) = self.running[t] {
                self.end(t, line.id, out);
            }
        }
        for t in 0..MAX_TERMINALS {
            let Some(line) = self.running[t].as_mut() else { continue };
            if !line.announced && line.started.elapsed() > WAITING_AFTER {
                line.announced = true;
                let id = line.id;
                let state = self.state();
                emit(&Event::Waiting { id, state });
            }
        }
        step.moved
    }

    /// Line `id` of terminal `t` ended with `out`: its last output, its
    /// `Done`, and the terminal's next queued line.
    fn end(&mut self, t: usize, id: u64, out: Output) {
        self.running[t] = None;
        send_output(id, &out);
        let state = self.state();
        emit(&Event::Done { id, status: out.status, state });
        if let Some((id, line)) = self.queued[t].pop_front() {
            self.start(t, id, &line);
        }
    }

    /// Replays a saved session: each entry's line runs to its end, or
    /// until it has printed nothing for a while without ending (a server
    /// waiting for a client), which is then reported as waiting. A session
    /// that starts from a lab preset runs the preset's real-host script
    /// first, printing nothing; a preset this agent cannot build (no script,
    /// or a line its kernel engine cannot run) is refused: `Error` alone
    /// (the next `Open` gets a fresh sandbox).
    fn open(&mut self, entries: &[String], lesson: Option<LessonChecks>, preset: Option<&str>) {
        if let Some(Err(e)) = preset.map(|name| self.lab.get_mut().build_preset(name)) {
            let message =
                format!("{e}: this agent cannot build it on a real kernel, so the session runs on the simulator only");
            return emit(&Event::Error { message });
        }
        // Then a troubleshooting lesson's broken lab, printing nothing too.
        for line in lesson.iter().flat_map(|l| &l.setup) {
            self.lab.get_mut().run(line);
        }
        self.lesson = lesson;
        let mut outs: Vec<Output> = Vec::new();
        let mut waiting: Vec<(usize, u64)> = Vec::new();
        for (i, text) in entries.iter().enumerate() {
            let entry = Entry::decode(text);
            let t = (entry.term() as usize).min(MAX_TERMINALS - 1);
            let mut out = Output::new();
            match entry {
                Entry::Interrupt { .. } => {
                    if let Some(o) = self.lab.get_mut().interrupt(t) {
                        out.extend(o);
                    }
                    out.status = 130;
                    waiting.retain(|w| w.0 != t);
                }
                Entry::Line { line, .. } => {
                    if let Some(o) = self.lab.get_mut().interrupt(t) {
                        out.extend(o);
                    }
                    waiting.retain(|w| w.0 != t);
                    self.lines.push(line.clone());
                    self.lab.get_mut().start_in(t, &line);
                    let mut quiet = Instant::now();
                    loop {
                        let step = self.lab.get_mut().step();
                        for (_, w) in step.written.into_iter().filter(|(x, _)| *x == t) {
                            out.extend(w);
                            quiet = Instant::now();
                        }
                        if let Some((_, o)) = step.ended.into_iter().find(|(x, _)| *x == t) {
                            let status = o.status;
                            out.extend(o);
                            out.status = status;
                            break;
                        }
                        if quiet.elapsed() > REPLAY_SETTLE {
                            let id = replayed_id(i);
                            self.running[t] = Some(Line { id, started: Instant::now(), announced: true });
                            waiting.push((t, id));
                            break;
                        }
                        if !step.moved {
                            std::thread::sleep(BUSY_POLL);
                        }
                    }
                }
            }
            outs.push(out);
        }
        let (earlier, outputs) = scrollback(&outs);
        let state = self.state();
        let waiting = waiting.into_iter().map(|w| w.1).collect();
        emit(&Event::Opened { earlier, outputs, state, waiting });
    }

    fn state(&mut self) -> LabState {
        let snap = self.lab.get_mut().snapshot();
        let progress = self.lesson.as_ref().map(|l| {
            let world = KernelWorld { lab: &self.lab, snap: &snap, lines: &self.lines };
            advance(l, &world)
        });
        if let (Some(l), Some(p)) = (self.lesson.as_mut(), progress.as_ref()) {
            l.ticked = p.ticked;
        }
        let snapshot = (self.sent.as_ref() != Some(&snap)).then(|| snap.clone());
        self.sent = Some(snap);
        LabState { snapshot, trace: None, progress }
    }
}

fn chunks(out: &Output) -> Vec<Chunk> {
    out.chunks.iter().filter(|c| !c.text.is_empty()).map(Chunk::from).collect()
}

fn send_output(id: u64, out: &Output) {
    let chunks = chunks(out);
    if !chunks.is_empty() {
        emit(&Event::Output { id, chunks });
    }
}

/// What a lesson's checks look at on the VM: its picture, the lines run,
/// and probes run on the VM itself, in the learner's sandbox (so what a
/// probe leaves, such as a neighbour entry, stays: content/README.md).
struct KernelWorld<'a> {
    lab: &'a RefCell<KernelLab>,
    snap: &'a Snapshot,
    lines: &'a [String],
}

impl World for KernelWorld<'_> {
    fn snapshot(&self) -> &Snapshot {
        self.snap
    }

    fn history(&self) -> &[String] {
        self.lines
    }

    fn probe(&self, line: &str) -> (i32, String) {
        let out = self.lab.borrow_mut().run_command(line);
        (out.status, out.chunks.iter().map(|c| c.text.as_str()).collect())
    }
}
