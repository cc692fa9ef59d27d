//! The simulated host as a whole: a kernel, its processes, the tools, and
//! the terminals whose shells run them.
//!
//! Every process is a task of one deterministic scheduler (`sched.rs`):
//! each terminal's shell while it runs a line, and each background job.
//! They share the lab's [`Core`] (kernel, process table, terminals), which
//! the `Lab` lends them through an `Rc<RefCell<…>>` only while it drives
//! them, and which they borrow only between awaits. There is one clock,
//! the kernel's virtual time, which moves only when the foreground of the
//! terminal being run waits for a timer and nothing else can run
//! (fast-forward to the next timer), or when the host calls
//! [`Lab::advance_to`] with page time; never backwards.

pub mod basic;
mod core;
mod host;
mod interrupt;
#[cfg(feature = "jobs")]
mod jobs;
pub mod presets;
#[cfg(feature = "jobs")]
mod sockets;
mod terminal;
#[cfg(feature = "jobs")]
mod wait;

use std::cell::RefCell;
use std::rc::Rc;

use self::core::{Budget, Core, Terminal};
use self::host::{core, Host, Slot};
pub use self::terminal::Event;
use crate::kernel::{Kernel, NsId};
use crate::output::Output;
use crate::packet::Trace;
use crate::procs::{Proc, Procs};
use crate::sched::Sched;
use crate::snapshot::{self, Snapshot};
use sim_shell::{self as shell, Env, Mode, ProcStatus};

/// One simulated Linux host with its namespaces, driven by command lines.
///
/// ```
/// let mut lab = sim_core::Lab::new();
/// let out = lab.run("ip link show lo");
/// assert_eq!(out.status, 0);
/// ```
pub struct Lab {
    /// `None` only while [`Lab::drive`] lends it to the tasks.
    core: Option<Core>,
    slot: Slot,
    sched: Rc<Sched>,
    /// Each terminal's shell environment (lent to the line it runs).
    envs: Vec<Rc<RefCell<Env>>>,
}

/// Where a terminal's line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineState {
    /// No line was started, or its end was reported already.
    Idle,
    /// It waits (for something other than time: another terminal's work).
    Running,
    /// It ended with this status.
    Done(i32),
}

/// What a terminal printed since it was last asked (each chunk's delay
/// counted from the previous output), and where its line is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub output: Output,
    pub state: LineState,
}

impl Default for Lab {
    fn default() -> Self {
        Lab::new()
    }
}

impl Clone for Lab {
    /// A copy of the lab's state (for lesson checks): its kernel,
    /// terminals and process table, but not the work in progress: the
    /// copy's background processes stay in its table as they were, and
    /// nothing runs them.
    fn clone(&self) -> Lab {
        Lab {
            core: Some(self.core().clone()),
            slot: Rc::new(RefCell::new(None)),
            sched: Sched::new(),
            envs: self.envs.iter().map(|e| Rc::new(RefCell::new(e.borrow().clone()))).collect(),
        }
    }
}

impl std::fmt::Debug for Lab {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lab").field("core", &self.core).finish_non_exhaustive()
    }
}

impl Lab {
    /// A fresh host with the default seed.
    pub fn new() -> Lab {
        Lab::with_seed(0)
    }

    /// A fresh host whose MAC addresses derive from `seed`.
    pub fn with_seed(seed: u64) -> Lab {
        let core = Core::new(seed);
        let env = Env { pid: crate::procs::SHELL_PID, ..Env::default() };
        Lab {
            core: Some(core),
            slot: Rc::new(RefCell::new(None)),
            sched: Sched::new(),
            envs: vec![Rc::new(RefCell::new(env))],
        }
    }

    fn core(&self) -> &Core {
        self.core.as_ref().expect("the lab holds its core between calls")
    }

    fn core_mut(&mut self) -> &mut Core {
        self.core.as_mut().expect("the lab holds its core between calls")
    }

    /// Runs one command line in the first terminal, as its interactive
    /// bash would, to its end: while it waits for time, time jumps.
    pub fn run(&mut self, line: &str) -> Output {
        self.run_to_end(0, line, Mode::Interactive)
    }

    /// Runs one command line as `bash -c LINE` would (how recordings are
    /// made): `bash: line 1: …` errors, no job notices, and the line's
    /// jobs leave the table with it while their processes go on.
    pub fn run_command(&mut self, line: &str) -> Output {
        self.run_to_end(0, line, Mode::Command)
    }

    fn run_to_end(&mut self, term: usize, line: &str, mode: Mode) -> Output {
        let p = self.run_in_mode(term, line, mode);
        match p.state {
            LineState::Running => {
                // Nothing but another terminal could wake it: a caller that
                // wants it to end gets what Ctrl-C would give.
                let mut out = p.output;
                out.extend(self.interrupt(term).output);
                out.status = 130;
                out
            }
            LineState::Done(status) => Output { status, ..p.output },
            LineState::Idle => p.output,
        }
    }

    /// Opens another terminal on this lab: a new interactive shell (a
    /// process of its own); its number.
    pub fn open_terminal(&mut self) -> usize {
        let c = self.core_mut();
        let now = c.kernel.now_ms;
        let proc = Proc {
            pid: 0,
            ppid: 1,
            ns: NsId::HOST,
            comm: "bash".into(),
            cmdline: "-bash".into(),
            term: c.terms.len(),
            state: ProcStatus::Running,
            ignore_int: false,
            started_ms: now,
            catches: false,
            pending: None,
        };
        // A terminal is opened even past the process cap: it is the page's.
        let pid = c.kernel.procs.start(proc).unwrap_or(c.kernel.procs.next_pid());
        let env = Env { pid, ..Env::default() };
        c.terms.push(Terminal::new(pid));
        self.envs.push(Rc::new(RefCell::new(env)));
        self.envs.len() - 1
    }

    /// How many terminals are open.
    pub fn terminals(&self) -> usize {
        self.envs.len()
    }

    /// Starts `line` in terminal `term` (its interactive bash) and runs it
    /// while it can: while its foreground waits for time and nothing else
    /// can run, time jumps to the next timer. It returns when the line
    /// ended, or when it waits for something only another terminal's work
    /// or the page's time can bring (`Running`; see [`Lab::poll`]).
    pub fn run_in(&mut self, term: usize, line: &str) -> Progress {
        self.run_in_mode(term, line, Mode::Interactive)
    }

    /// Starts `line` in terminal `term` without moving the clock: it runs
    /// until it first waits, and then as page time ([`Lab::advance_to`])
    /// brings what it waits for; [`Lab::poll`] tells when it ended, and
    /// [`Lab::interrupt`] stops it at the page's time.
    pub fn start_in(&mut self, term: usize, line: &str) -> Progress {
        self.start_line(term, line, Mode::Interactive, false)
    }

    fn run_in_mode(&mut self, term: usize, line: &str, mode: Mode) -> Progress {
        self.start_line(term, line, mode, true)
    }

    fn start_line(&mut self, term: usize, line: &str, mode: Mode, fast_forward: bool) -> Progress {
        if term >= self.envs.len() || self.running(term) {
            return Progress { output: Output::status(1), state: LineState::Idle };
        }
        let now = self.core().kernel.now_ms;
        {
            let c = self.core_mut();
            c.trace = Trace::default();
            let t = &mut c.terms[term];
            t.line_start_ms = now;
            t.cursor_ms = now;
            t.shown_ms = now;
            t.mode = mode;
            t.done = None;
        }
        #[cfg(feature = "explain")]
        crate::explain::record::begin();
        let pid = self.core().terms[term].pid;
        let mut host = self.host(pid, term, Budget::new(now));
        host.streams = true;
        let home = self.envs[term].clone();
        let mut lent = Lent { env: home.replace(Env::empty()), home };
        let slot = self.slot.clone();
        let line = line.to_string();
        let task = Box::pin(async move {
            let out = shell::line(&line, String::new(), &mut lent.env, &mut host, mode).await;
            drop(lent);
            core(&slot).terms[term].done = Some(out);
        });
        self.sched.spawn(pid, task);
        self.drive(fast_forward.then_some(term), None);
        #[cfg(feature = "explain")]
        {
            self.core_mut().printed = crate::explain::record::end();
        }
        self.progress(term)
    }

    /// The notes of `out`, the output of the line this lab ran last (see
    /// `sim_core::explain`): ask right after it, while the lab is as the
    /// line left it.
    #[cfg(feature = "explain")]
    pub fn explain(&self, out: &Output) -> Vec<crate::explain::Note> {
        let c = self.core();
        let facts = crate::explain::notes::Facts { kernel: &c.kernel, trace: &c.trace };
        crate::explain::notes(&facts, &c.printed, out)
    }

    /// What terminal `term` printed since it was last asked, and where its
    /// line is. Time does not move.
    pub fn poll(&mut self, term: usize) -> Progress {
        if term >= self.envs.len() {
            return Progress { output: Output::new(), state: LineState::Idle };
        }
        self.progress(term)
    }

    /// Page time: lets the clock reach `now_ms` (the host's floor), firing
    /// every timer due on the way in order, and running what they wake.
    /// Never moves the clock back.
    pub fn advance_to(&mut self, now_ms: u64) {
        self.drive(None, Some(now_ms));
    }

    /// What the last line asked for that only the complete lab has (see
    /// [`basic`]): a program's name, or `&` for a background job. Its
    /// output is then not what Linux would print, and the host runs it
    /// again in the complete lab. Clears the note.
    pub fn take_lacked(&mut self) -> Option<String> {
        std::mem::take(&mut self.core_mut().lacked)
    }

    /// The virtual clock (ms).
    pub fn now_ms(&self) -> u64 {
        self.core().kernel.now_ms
    }

    /// The lab's processes (running ones, and ended ones `wait` may still
    /// ask about).
    pub fn procs(&self) -> &Procs {
        &self.core().kernel.procs
    }

    /// The current state, for diagrams and lesson checks.
    pub fn snapshot(&self) -> Snapshot {
        snapshot::of(&self.core().kernel)
    }

    /// The simulated kernel, read-only.
    pub fn kernel(&self) -> &Kernel {
        &self.core().kernel
    }

    /// What every packet did during the last command line (ARP, bridging,
    /// routing, NAT, delivery, drops with their reasons).
    pub fn last_trace(&self) -> &Trace {
        &self.core().trace
    }

    fn running(&self, term: usize) -> bool {
        let t = &self.core().terms[term];
        self.sched.has(t.pid) && t.done.is_none()
    }

    fn host(&self, pid: u32, term: usize, budget: Budget) -> Host {
        Host {
            slot: self.slot.clone(),
            sched: self.sched.clone(),
            pid,
            term,
            ns: NsId::HOST,
            mnt: crate::kernel::MntId::HOST,
            budget,
            streams: false,
            out_to: Default::default(),
        }
    }

    /// Runs the tasks: until terminal `fg`'s line ends, jumping time to
    /// each next timer while it waits for one (fast-forward), or until
    /// the clock reaches `until` (page time).
    fn drive(&mut self, fg: Option<usize>, until: Option<u64>) {
        let lent = self.core.take();
        *self.slot.borrow_mut() = lent;
        let mut rounds = 0;
        loop {
            self.sched.set_now(core(&self.slot).kernel.now_ms);
            self.sched.run_ready(&mut |_| {});
            let now = core(&self.slot).kernel.now_ms;
            self.sched.set_now(now);
            if self.sched.runnable() {
                continue;
            }
            // Processes that watch sockets look again: what the others did
            // may concern them (bounded, should two keep waking each other).
            self.sched.take_progress();
            if rounds < WATCH_ROUNDS && self.sched.wake_watchers() {
                rounds += 1;
                self.sched.run_ready(&mut |_| {});
                if self.sched.take_progress() || self.sched.runnable() {
                    continue;
                }
            }
            rounds = 0;
            if let Some(term) = fg {
                let t = &core(&self.slot).terms[term];
                if t.done.is_some() || !self.sched.has(t.pid) {
                    break;
                }
            }
            let next = self.sched.next_deadline();
            let target = match (fg, until, next) {
                (Some(_), _, Some(at)) => at,
                (None, Some(limit), Some(at)) if at <= limit => at,
                (None, Some(limit), _) if limit > now => limit,
                _ => break,
            };
            core(&self.slot).advance_clock(target);
        }
        self.core = self.slot.borrow_mut().take();
    }

    /// Takes what terminal `term` has to show: its background jobs' output
    /// and, once its line ended, the line's own, merged by virtual time.
    fn progress(&mut self, term: usize) -> Progress {
        let running = self.running(term);
        let c = self.core_mut();
        let t = &mut c.terms[term];
        let done = t.done.take();
        if let Some(fg) = &done {
            t.line_output(Output { chunks: fg.chunks.clone(), status: fg.status });
        }
        let mut events = std::mem::take(&mut t.events);
        // In time order; at the same time, in the order it was written (the
        // line hands each command's output over as the command ends, so
        // what it printed after a `wait` follows what the job printed).
        crate::sort::sort_by(&mut events, |a, b| a.at_ms.cmp(&b.at_ms));
        let output = output_of(&events, t.shown_ms);
        t.shown_ms = events.last().map_or(t.shown_ms, |e| e.at_ms.max(t.shown_ms));
        let Some(fg) = done else {
            let state = if running { LineState::Running } else { LineState::Idle };
            return Progress { output, state };
        };
        let (mode, status) = (t.mode, fg.status);
        let mut output = output;
        if mode == Mode::Interactive && cfg!(feature = "jobs") {
            // Before the next prompt: what became of the terminal's jobs.
            let mut host = self.host(0, term, Budget::new(0));
            let env = self.envs[term].clone();
            let lent = self.core.take();
            *self.slot.borrow_mut() = lent;
            output.extend(shell::job_notices(&mut env.borrow_mut(), &mut host));
            self.core = self.slot.borrow_mut().take();
        }
        output.status = status;
        Progress { output, state: LineState::Done(status) }
    }
}

/// How many times, at one instant, the watching processes are asked again
/// after one of them acted.
const WATCH_ROUNDS: u32 = 10_000;

/// A terminal's environment, lent to the line it runs; it goes back when
/// the line ends or is dropped (Ctrl-C), so no borrow spans an await.
struct Lent {
    env: Env,
    home: Rc<RefCell<Env>>,
}

impl Drop for Lent {
    fn drop(&mut self) {
        self.home.replace(std::mem::replace(&mut self.env, Env::empty()));
    }
}

/// Events as an output whose first delay counts from `start_ms`.
fn output_of(events: &[Event], start_ms: u64) -> Output {
    let mut out = Output::new();
    let mut at = start_ms;
    for e in events {
        let delay = e.at_ms.saturating_sub(at);
        at = at.max(e.at_ms);
        match e.stream {
            crate::output::Stream::Stdout => out.out_after(delay, e.text.clone()),
            crate::output::Stream::Stderr => out.err_after(delay, e.text.clone()),
        }
    }
    out
}

// Processes, jobs and terminals: the complete lab's.
#[cfg(all(test, feature = "jobs"))]
mod tests;
