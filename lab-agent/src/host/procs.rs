//! The kernel engine's process table and executor: the line's shell and
//! its background jobs as tasks on the agent's one thread, polled with a
//! no-op waker until the line ends (a short sleep whenever none moved),
//! and what the jobs printed, stamped with the real time it was written
//! and merged with the line's output (see `jobs.rs` for the processes
//! themselves).

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use sim_core::output::{Output, Stream};
use sim_shell::{LocalFuture, ProcStatus};

use super::child;

/// A job's work.
pub(super) type Task = Pin<Box<dyn Future<Output = ()>>>;

/// One background job.
pub(super) struct Proc {
    /// The table's own key (a pid no real process has).
    pub(super) key: u32,
    /// The pid `$!` and `jobs -l` show: its program's real one for a job
    /// of one program, else the key.
    pub(super) pid: u32,
    pub(super) state: ProcStatus,
    pub(super) ignore_int: bool,
    /// A job of one program (bash execs it in the job's process).
    pub(super) simple: bool,
    /// The real process it runs now, if any.
    pub(super) child: Option<u32>,
    /// The first real process it started.
    pub(super) first: Option<u32>,
}

/// Output written at a time (ms on the host's clock), to a terminal.
pub(super) struct Event {
    at_ms: u64,
    stream: Stream,
    text: String,
    term: usize,
}

/// The process table, the jobs' tasks and their output.
pub(crate) struct Procs {
    pub(super) table: RefCell<Vec<Proc>>,
    pub(super) tasks: RefCell<Vec<(u32, Option<Task>)>>,
    pub(super) events: RefCell<Vec<Event>>,
    pub(super) clock: Instant,
    /// Set when a task ends or a child's output arrives (worth polling again at once).
    pub(super) moved: Cell<bool>,
}

impl Procs {
    pub fn new() -> Rc<Procs> {
        Rc::new(Procs {
            table: RefCell::new(Vec::new()),
            tasks: RefCell::new(Vec::new()),
            events: RefCell::new(Vec::new()),
            clock: Instant::now(),
            moved: Cell::new(false),
        })
    }

    /// Milliseconds since the host started.
    pub fn now_ms(&self) -> u64 {
        self.clock.elapsed().as_millis() as u64
    }

    /// Runs `line` to its end, and the jobs beside it; `None` if it ran
    /// longer than [`child::LIMIT`] (it is then dropped, and its programs
    /// are killed).
    pub fn drive<T>(&self, mut line: LocalFuture<'_, T>) -> Option<T> {
        let start = Instant::now();
        let mut cx = Context::from_waker(std::task::Waker::noop());
        loop {
            self.moved.set(false);
            if let Poll::Ready(v) = line.as_mut().poll(&mut cx) {
                self.poll_tasks();
                return Some(v);
            }
            self.poll_tasks();
            if start.elapsed() > child::LIMIT {
                return None;
            }
            if !self.moved.get() {
                std::thread::sleep(Duration::from_millis(2));
            }
        }
    }

    /// Lets the jobs' ends that are just happening (a job killed by the
    /// line) be seen, as bash sees them before its next prompt: the jobs
    /// are polled again after a few milliseconds.
    pub fn catch_up(&self) {
        if !self.tasks.borrow().is_empty() {
            std::thread::sleep(Duration::from_millis(5));
            self.poll_tasks();
        }
    }

    /// What was written to terminal `term` so far, in time order, every
    /// delay zero: the time has passed already (a paired page shows it as
    /// it comes).
    pub fn take_written_to(&self, term: usize) -> Output {
        let (mine, others): (Vec<Event>, Vec<Event>) =
            std::mem::take(&mut *self.events.borrow_mut()).into_iter().partition(|e| e.term == term);
        *self.events.borrow_mut() = others;
        written(mine)
    }

    /// Polls every job once.
    pub(super) fn poll_tasks(&self) {
        let keys: Vec<u32> = self.tasks.borrow().iter().map(|(k, _)| *k).collect();
        let mut cx = Context::from_waker(std::task::Waker::noop());
        for key in keys {
            let task = {
                let mut tasks = self.tasks.borrow_mut();
                tasks.iter_mut().find(|(k, _)| *k == key).and_then(|(_, t)| t.take())
            };
            let Some(mut task) = task else { continue };
            let done = task.as_mut().poll(&mut cx).is_ready();
            let mut tasks = self.tasks.borrow_mut();
            let slot = tasks.iter().position(|(k, _)| *k == key);
            match (done, slot) {
                (false, Some(i)) => tasks[i].1 = Some(task),
                (true, Some(i)) => {
                    tasks.remove(i);
                    self.moved.set(true);
                }
                // Killed while it ran: dropped below, outside the borrow.
                (_, None) => {}
            }
            drop(tasks);
        }
    }

    /// Whether any job's work goes on.
    pub fn has_tasks(&self) -> bool {
        !self.tasks.borrow().is_empty()
    }

    /// Drops a killed job's work (its programs die with it).
    pub(super) fn cancel(&self, key: u32) {
        let task = {
            let mut tasks = self.tasks.borrow_mut();
            tasks.iter().position(|(k, _)| *k == key).and_then(|i| tasks.remove(i).1)
        };
        drop(task);
    }

    pub(super) fn with<T>(&self, key: u32, f: impl FnOnce(&mut Proc) -> T) -> Option<T> {
        self.table.borrow_mut().iter_mut().find(|p| p.key == key).map(f)
    }

    /// What a program wrote to the terminal just now, as it came.
    pub(super) fn write(&self, term: usize, stream: Stream, text: String) {
        let at_ms = self.now_ms();
        self.events.borrow_mut().push(Event { at_ms, stream, text, term });
    }

    /// What the line printed last (its earlier commands' output came
    /// through [`Programs::show`]) and what the jobs wrote meanwhile, in
    /// time order; delays from `t0`.
    pub fn merge(&self, t0: u64, out: Output) -> Output {
        let mut events = std::mem::take(&mut *self.events.borrow_mut());
        events.extend(stamp(0, self.now_ms(), out.chunks));
        // At equal times (ms), in the order they were seen.
        events.sort_by_key(|e| e.at_ms);
        let mut merged = Output::status(out.status);
        let mut at = t0;
        for e in events {
            let delay = e.at_ms.saturating_sub(at);
            at = at.max(e.at_ms);
            match e.stream {
                Stream::Stdout => merged.out_after(delay, e.text),
                Stream::Stderr => merged.err_after(delay, e.text),
            }
        }
        merged.status = out.status;
        merged
    }
}

/// Events as output, in time order, every delay zero.
fn written(mut events: Vec<Event>) -> Output {
    events.sort_by_key(|e| e.at_ms);
    let mut out = Output::new();
    for e in events {
        match e.stream {
            Stream::Stdout => out.out(e.text),
            Stream::Stderr => out.err(e.text),
        }
    }
    out
}

/// Chunks that ended at `end_ms`, as timed events: counted back from the
/// end, so that time the delays do not carry (a job's start, work done at
/// once) cannot shift them; what a program printed last is stamped when
/// it was read.
pub(super) fn stamp(term: usize, end_ms: u64, chunks: Vec<sim_shell::Chunk>) -> Vec<Event> {
    let mut at = end_ms;
    let mut events = Vec::new();
    for c in chunks.into_iter().rev() {
        if !c.text.is_empty() {
            events.push(Event { at_ms: at, stream: c.stream, text: c.text, term });
        }
        at = at.saturating_sub(c.delay_ms);
    }
    events.reverse();
    events
}
