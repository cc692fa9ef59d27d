//! A process's view of the lab: the [`Programs`] a task's shell runs on.
//! Programs that wait (`sleep`, `timeout`, `wait` for a job; later `nc`)
//! are futures here; the rest run at once on the shared [`Core`].

use std::cell::{RefCell, RefMut};
use std::rc::Rc;

use super::core::{Budget, Core, Event};
use super::wait::{Child, Race};
use crate::iproute::Outcome;
use crate::kernel::NsId;
use crate::output::Output;
use crate::procs::Proc;
use crate::sched::{Sched, Timer, WaitPid};
use crate::tools::sleep as gnu;
use sim_shell::{Background, LocalFuture, NotSpawned, ProcStatus, Programs};

/// Where the lab lends its [`Core`] while tasks run (see `Lab::drive`).
pub(crate) type Slot = Rc<RefCell<Option<Core>>>;

/// What a task holds: the lab, the scheduler, and who it is.
pub(crate) struct Host {
    pub slot: Slot,
    pub sched: Rc<Sched>,
    pub pid: u32,
    pub term: usize,
    pub ns: NsId,
    pub budget: Budget,
    /// A terminal's line: its output is shown command by command.
    pub streams: bool,
    /// Where the running program's stdout and stderr go as it writes
    /// (see [`Programs::output_to`]): programs that write as they go (nc)
    /// append to the file or show it on the terminal at once.
    pub out_to: [OutTo; 2],
}

/// An owned [`sim_shell::OutputTo`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) enum OutTo {
    #[default]
    Returned,
    File(String),
    Terminal,
}

impl From<sim_shell::OutputTo<'_>> for OutTo {
    fn from(t: sim_shell::OutputTo<'_>) -> OutTo {
        match t {
            sim_shell::OutputTo::Returned => OutTo::Returned,
            sim_shell::OutputTo::File(p) => OutTo::File(p.to_string()),
            sim_shell::OutputTo::Terminal => OutTo::Terminal,
        }
    }
}

/// The lab's core, borrowed for one step (never across an await).
pub(crate) fn core(slot: &Slot) -> RefMut<'_, Core> {
    // Tasks run only inside `Lab::drive`, which lends the core first.
    RefMut::map(slot.borrow_mut(), |c| c.as_mut().expect("tasks run only while the lab lends its core"))
}

/// Stamps what a job printed (delays counted from `start_ms`) with the
/// virtual times it was written at.
pub(crate) fn stamp(start_ms: u64, out: Output) -> Vec<Event> {
    let mut at = start_ms;
    let mut events = Vec::new();
    for c in out.chunks {
        at += c.delay_ms;
        if !c.text.is_empty() {
            events.push(Event { at_ms: at, stream: c.stream, text: c.text, line: false });
        }
    }
    events
}

impl Host {
    fn now(&self) -> u64 {
        core(&self.slot).kernel.now_ms
    }

    /// Waits `ms` of virtual time; how much passed (more if a program that
    /// runs at once moved the clock further meanwhile).
    async fn pause(&self, ms: u64) -> u64 {
        let t0 = self.now();
        Timer { sched: self.sched.clone(), at: t0 + ms, armed: false }.await;
        self.now() - t0
    }

    /// `sleep`: waits, and tells the terminal how long it waited.
    async fn sleep(&self, args: &[String]) -> Output {
        match gnu::sleep_args(args) {
            Ok(ms) => {
                let waited = self.pause(ms).await;
                let mut out = Output::new();
                out.out_after(waited, "");
                out
            }
            Err(out) => out,
        }
    }

    /// `timeout DURATION COMMAND…`: the command, stopped by a signal if it
    /// has not ended in time (status 124).
    async fn timeout(&mut self, ns: NsId, args: &[String], stdin: &str, nested: usize) -> Output {
        let t = match gnu::timeout_args(args) {
            Ok(t) => t,
            Err(out) => return out,
        };
        if !Core::is_program(&t.argv[0]) {
            return Output::error(
                format!("timeout: failed to run command ‘{}’: No such file or directory\n", t.argv[0]),
                127,
            );
        }
        let t0 = self.now();
        let timer = Timer { sched: self.sched.clone(), at: t0 + t.ms, armed: false };
        let slot = self.slot.clone();
        // The command is a process of its own (`ip netns pids` counts
        // both), which a `kill` may end before the timer does.
        let child = Child::start(self, ns, &t.argv);
        let parent = self.pid;
        if let Some(c) = &child {
            self.pid = c.pid;
        }
        let killed = child.as_ref().map(|c| c.pid).map(|pid| {
            let slot = slot.clone();
            let ended = move || core(&slot).kernel.procs.get(pid).is_none_or(|p| p.state != ProcStatus::Running);
            crate::sched::WhenEnded { sched: self.sched.clone(), pid, ended }
        });
        let inner = self.start_in(ns, &t.argv, stdin, nested);
        let raced = match killed {
            Some(killed) => {
                let either = Box::pin(async move {
                    let _ = (Race { first: timer, second: killed }).await;
                });
                (Race { first: inner, second: either }).await
            }
            None => (Race { first: inner, second: timer }).await,
        };
        self.pid = parent;
        let child_signal = child.as_ref().and_then(|c| c.signal(&slot));
        if let Some(c) = child {
            c.end(&slot, raced.as_ref().map_or(ProcStatus::Signaled(t.signal), |o| ProcStatus::Exited(o.status)));
        }
        if let (Err(()), Some(sig)) = (&raced, child_signal) {
            // Killed by someone else: timeout exits as its command did.
            let waited = core(&slot).kernel.now_ms - t0;
            let mut out = Output::status(128 + sig);
            out.out_after(waited, "");
            return out;
        }
        match raced {
            Ok(out) => out,
            Err(()) => {
                let waited = core(&slot).kernel.now_ms - t0;
                let mut out = Output::status(if t.preserve { 128 + t.signal } else { 124 });
                out.out_after(waited, "");
                if t.signal == 9 {
                    out.status = 137;
                }
                out
            }
        }
    }

    /// `setns()` by a background job's process (`ip netns exec NS PROG &`
    /// execs PROG in NS): the process table says where it now is. A
    /// terminal's shell stays where it is (its foreground commands are
    /// not processes of the table yet).
    fn enter(&mut self, ns: NsId) {
        let mut c = core(&self.slot);
        if c.terms.iter().any(|t| t.pid == self.pid) {
            return;
        }
        if let Some(p) = c.kernel.procs.get_mut(self.pid) {
            p.ns = ns;
        }
    }

    /// Starts `argv` in namespace `ns`: the programs that wait as futures,
    /// the others at once.
    fn start_in<'a>(
        &'a mut self,
        ns: NsId,
        argv: &'a [String],
        stdin: &'a str,
        nested: usize,
    ) -> LocalFuture<'a, Output> {
        Box::pin(async move {
            let Some(name) = argv.first() else { return Output::new() };
            let rest = &argv[1..];
            match name.as_str() {
                "sleep" => self.sleep(rest).await,
                "ping" => {
                    let mut socks = super::sockets::LabSockets::new(self.slot.clone(), ns);
                    let sched = self.sched.clone();
                    let pace = move |at_us: u64| -> LocalFuture<'static, ()> {
                        Box::pin(Timer { sched: sched.clone(), at: at_us.div_ceil(1000), armed: false })
                    };
                    let out = crate::tools::ping::run_paced(&mut socks, argv, &pace).await;
                    socks.finish();
                    out
                }
                #[cfg(feature = "sockets")]
                "nc" => {
                    let mut socks = super::sockets::LabSockets::new(self.slot.clone(), ns);
                    let clock = super::wait::HostClock {
                        sched: self.sched.clone(),
                        slot: self.slot.clone(),
                        pid: self.pid,
                        out_to: self.out_to.clone(),
                        term: self.term,
                        line: self.streams,
                    };
                    let out = crate::tools::nc::run_waiting(&mut socks, argv, stdin, &clock).await;
                    socks.finish();
                    out
                }
                "timeout" => self.timeout(ns, rest, stdin, nested).await,
                "sudo" => match crate::tools::sudo::inner(rest, &|p| Core::is_program(p)) {
                    Ok(inner) => self.start_in(ns, inner, stdin, nested).await,
                    Err(out) => out,
                },
                "ip" => {
                    let outcome = {
                        let mut c = core(&self.slot);
                        c.budget = self.budget;
                        let o = c.ip(ns, rest, stdin, nested);
                        self.budget = c.budget;
                        o
                    };
                    match outcome {
                        Outcome::Done(o) => o,
                        Outcome::Exec { netns, argv } => {
                            let target = core(&self.slot).netns_target(&netns, &argv, nested);
                            match target {
                                Ok(target) => {
                                    self.enter(target);
                                    self.start_in(target, &argv, stdin, nested + 1).await
                                }
                                Err(out) => out,
                            }
                        }
                    }
                }
                _ => {
                    let mut c = core(&self.slot);
                    c.budget = self.budget;
                    let out = c.exec(ns, argv, stdin, nested);
                    self.budget = c.budget;
                    out
                }
            }
        })
    }
}

impl Programs for Host {
    fn run(&mut self, argv: &[String], stdin: &str) -> Output {
        let mut c = core(&self.slot);
        c.budget = self.budget;
        let out = c.exec(self.ns, argv, stdin, 0);
        self.budget = c.budget;
        out
    }

    fn has(&mut self, name: &str) -> bool {
        Core::is_program(name)
    }

    fn spend(&mut self, steps: u64) -> bool {
        let now = self.now();
        self.budget.spend(steps, now)
    }

    fn start<'a>(&'a mut self, argv: &'a [String], stdin: &'a str) -> LocalFuture<'a, Output> {
        let ns = self.ns;
        self.start_in(ns, argv, stdin, 0)
    }

    fn spawn(&mut self, job: Background) -> Result<u32, NotSpawned> {
        let now = self.now();
        let proc = Proc {
            pid: 0,
            ppid: self.pid,
            ns: self.ns,
            comm: job.comm.clone(),
            cmdline: job.text.clone(),
            term: self.term,
            state: ProcStatus::Running,
            ignore_int: job.ignore_int,
            started_ms: now,
        };
        let Some(pid) = core(&self.slot).kernel.procs.start(proc) else { return Err(NotSpawned::TryAgain(job)) };
        let mut host = Host {
            slot: self.slot.clone(),
            sched: self.sched.clone(),
            pid,
            term: self.term,
            ns: self.ns,
            budget: Budget::new(now),
            streams: false,
            out_to: Default::default(),
        };
        let run = job.run;
        let task = Box::pin(async move {
            let out = run(&mut host).await;
            let mut c = core(&host.slot);
            c.kernel.procs.end(pid, ProcStatus::Exited(out.status));
            c.kernel.reap_namespaces();
            let events = stamp(now, out);
            if let Some(t) = c.terms.get_mut(host.term) {
                t.events.extend(events);
            }
        });
        self.sched.spawn(pid, task);
        Ok(pid)
    }

    fn status(&mut self, pid: u32) -> Option<ProcStatus> {
        core(&self.slot).kernel.procs.get(pid).map(|p| p.state)
    }

    fn wait<'a>(&'a mut self, pid: u32) -> LocalFuture<'a, Option<ProcStatus>> {
        Box::pin(async move {
            WaitPid { sched: self.sched.clone(), pid }.await;
            self.status(pid)
        })
    }

    fn kill(&mut self, pid: u32, signal: i32) -> bool {
        {
            let mut c = core(&self.slot);
            let shells: Vec<u32> = c.terms.iter().map(|t| t.pid).collect();
            let Some(p) = c.kernel.procs.get_mut(pid) else { return false };
            let ignored = p.state != ProcStatus::Running
                || signal == 0
                || (signal == 2 && p.ignore_int)
                // SIGCHLD, SIGCONT, SIGSTOP: nothing a job here notices.
                || matches!(signal, 17..=19)
                // A terminal's interactive bash ignores TERM and INT; the
                // lab keeps its terminals whatever they are sent.
                || shells.contains(&pid);
            if ignored {
                return true;
            }
            p.state = ProcStatus::Signaled(signal);
        }
        self.sched.cancel(pid);
        core(&self.slot).kernel.reap_namespaces();
        true
    }

    fn now_ms(&mut self) -> u64 {
        self.now()
    }

    fn create_file(&mut self, path: &str, append: bool) -> Result<(), &'static str> {
        core(&self.slot).create_file(path, append)
    }

    fn append_file(&mut self, path: &str, text: &str) {
        core(&self.slot).append_file(path, text)
    }

    fn read_file(&mut self, path: &str) -> Result<String, &'static str> {
        core(&self.slot).read_file(path)
    }

    fn output_to(&mut self, stdout: sim_shell::OutputTo<'_>, stderr: sim_shell::OutputTo<'_>) {
        self.out_to = [stdout.into(), stderr.into()];
    }

    fn streams(&self) -> bool {
        self.streams
    }

    fn show(&mut self, out: Output) {
        if let Some(t) = core(&self.slot).terms.get_mut(self.term) {
            t.line_output(out);
        }
    }
}
