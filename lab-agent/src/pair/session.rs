//! One learner's session on a paired VM: `lab-agent session`, a child of
//! `lab-agent serve`, in a sandbox of its own (fresh network and mount
//! namespaces, [`crate::sandbox`]). It reads lab-protocol requests, one
//! JSON text a line, on stdin and writes events the same way on stdout:
//! the worker's side of the protocol over a real kernel. Its end (stdin
//! closed, or killed by the server, or the server killed: it dies with
//! it) takes every namespace, device, socket and process of the session
//! with it.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{BufRead, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use lab_protocol::{decode, encode, Chunk, CommandOutput, Event, LabState, LessonChecks, Request, REPLAY_LINES};
use lesson_format::progress::advance;
use lesson_format::verify::World;
use sim_core::output::Output;
use sim_core::Snapshot;

use crate::host::KernelLab;
use crate::kernel::Limits;

/// How often background jobs are looked at while no line runs.
const IDLE_POLL: Duration = Duration::from_millis(50);

/// Runs a session on stdin/stdout until stdin closes. The caller has
/// entered the sandbox already (while it had one thread).
pub fn run(mut lab: KernelLab) {
    lab.set_limits(Limits::PAIRED);
    let requests = read_requests();
    let mut s =
        Session { lab: RefCell::new(lab), lesson: None, lines: Vec::new(), sent: None, pending: VecDeque::new() };
    emit(&Event::Ready { engine: "kernel".into() });
    loop {
        let next = match s.pending.pop_front() {
            Some(r) => Ok(r),
            None if s.lab.borrow().has_jobs() => requests.recv_timeout(IDLE_POLL),
            None => requests.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match next {
            Ok(Ok(req)) => s.handle(req, &requests),
            Ok(Err(message)) => emit(&Event::Error { message }),
            Err(RecvTimeoutError::Timeout) => s.idle(),
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// What a line of stdin was: a request, or why it was not one.
type Read = Result<Request, String>;

/// Stdin's lines, decoded on a thread of their own so a running line can
/// see an `Interrupt` arrive.
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

struct Session {
    lab: RefCell<KernelLab>,
    lesson: Option<LessonChecks>,
    /// Every line run, oldest first (what `ran` checks read).
    lines: Vec<String>,
    /// The picture last sent, so an unchanged one is not sent again.
    sent: Option<Snapshot>,
    /// Requests that arrived while a line ran (another terminal's lines
    /// wait for it: the VM runs one line at a time).
    pending: VecDeque<Read>,
}

impl Session {
    fn handle(&mut self, req: Request, requests: &Receiver<Read>) {
        match req {
            // A fresh sandbox is the server's to make: it starts a new
            // session for every `Open`, so here the lab is fresh already.
            Request::Open { lines, lesson } => {
                self.lesson = lesson;
                let outs: Vec<Output> = lines
                    .iter()
                    .map(|l| lab_protocol::Entry::decode(l))
                    .filter_map(|e| match e {
                        lab_protocol::Entry::Line { line, .. } => Some(line),
                        lab_protocol::Entry::Interrupt { .. } => None,
                    })
                    .map(|line| {
                        self.lines.push(line.clone());
                        self.lab.get_mut().run(&line)
                    })
                    .collect();
                let (earlier, outputs) = scrollback(&outs);
                let state = self.state();
                emit(&Event::Opened { earlier, outputs, state, waiting: Vec::new() });
            }
            Request::Run { id, line, .. } => self.run(id, &line, requests),
            // Nothing runs: a Ctrl-C at an idle prompt does nothing.
            Request::Interrupt { .. } | Request::Hello { .. } => {}
        }
    }

    fn run(&mut self, id: u64, line: &str, requests: &Receiver<Read>) {
        self.lines.push(line.to_string());
        let pending = &mut self.pending;
        let mut watch = |written: Output| {
            send_output(id, &written);
            let mut go_on = true;
            while let Ok(r) = requests.try_recv() {
                match r {
                    Ok(Request::Interrupt { .. }) => go_on = false,
                    other => pending.push_back(other),
                }
            }
            go_on
        };
        let out = self.lab.get_mut().run_watched(line, &mut watch);
        send_output(id, &out);
        let state = self.state();
        emit(&Event::Done { id, status: out.status, state });
    }

    /// No line runs: what the jobs printed.
    fn idle(&mut self) {
        let out = self.lab.get_mut().poll_jobs();
        let chunks = chunks(&out);
        if !chunks.is_empty() {
            emit(&Event::Printed { term: 0, chunks });
        }
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

/// A replay's outputs as `Opened` carries them: the last ones that fit in
/// [`REPLAY_LINES`] lines of text, the statuses of those before.
fn scrollback(outs: &[Output]) -> (Vec<i32>, Vec<CommandOutput>) {
    let mut lines = 0;
    let mut first = outs.len();
    while first > 0 {
        let text: usize = outs[first - 1].chunks.iter().map(|c| c.text.matches('\n').count().max(1)).sum();
        if lines + text > REPLAY_LINES && first < outs.len() {
            break;
        }
        lines += text + 1;
        first -= 1;
    }
    let zeroed = |o: &Output| {
        let mut c = CommandOutput::from(o);
        c.chunks.iter_mut().for_each(|c| c.delay_ms = 0);
        c
    };
    (outs[..first].iter().map(|o| o.status).collect(), outs[first..].iter().map(zeroed).collect())
}
