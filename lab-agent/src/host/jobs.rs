//! Processes on the kernel engine: what the line's shell and each
//! background job run on ([`Host`]), their programs as real child
//! processes.
//!
//! The seam is the simulator's: sim-shell keeps bash's job table and hands
//! `LIST &` to [`Programs::spawn`] as a future (its own interpreter, on a
//! [`Host`] of the new job), which [`Procs`] runs beside the line; a
//! program is a real child read without blocking ([`child::Child`]), so a
//! job's `nc -l` serves while the line's `nc` connects.
//!
//! Pids: a job that runs one program (`ip netns exec b nc -l 8080 &`, whose
//! `comm` is not `bash`) has that program's real pid, as bash's fork and
//! exec give it, so `$!`, `ip netns pids` and `kill` agree; a job of
//! several commands, and sim-shell's own shells, get pids no real process
//! can have (`kernel::Shells`). `kill` reaches a real process only if it
//! lives in a namespace of the sandbox.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Instant;

use sim_core::iproute::Outcome;
use sim_core::output::Output;
use sim_shell::{Background, LocalFuture, NotSpawned, ProcStatus, Programs};

use super::child::{self, Spec};
use super::procs::{stamp, Proc, Procs, Task};
use super::running::{OutTo, Running};
use super::{is_external, is_program, timed, Core};
use crate::kernel::limits::Limits;
use crate::kernel::netns;

/// The programs a process (the line's shell, or a job) runs.
pub(crate) struct Host {
    core: Rc<RefCell<Core>>,
    procs: Rc<Procs>,
    /// The job's key (`None`: the line's shell).
    key: Option<u32>,
    ignore_int: bool,
    /// How the last real program ended, if by a signal.
    last_signal: Option<i32>,
    /// A job's own work left (a line's is the host's, reset per line):
    /// a loop in the background ends as the simulator's does.
    steps: u64,
    /// Where the next program's stdout and stderr go as it writes
    /// ([`Programs::output_to`]).
    out_to: [OutTo; 2],
    /// The terminal the line runs in (a job's: the one it started from).
    term: usize,
}

impl Host {
    /// The line's shell.
    pub fn line(core: Rc<RefCell<Core>>, procs: Rc<Procs>) -> Host {
        Host::line_in(core, procs, 0)
    }

    /// The shell of a line in terminal `term`.
    pub fn line_in(core: Rc<RefCell<Core>>, procs: Rc<Procs>, term: usize) -> Host {
        let out_to = Default::default();
        Host { core, procs, key: None, ignore_int: false, last_signal: None, steps: 0, out_to, term }
    }

    /// Starts `argv` in namespace `ns`: the system's programs as real
    /// processes it waits for, the others at once.
    fn start_in<'a>(
        &'a mut self,
        ns: Option<String>,
        argv: &'a [String],
        stdin: &'a str,
        nested: usize,
    ) -> LocalFuture<'a, Output> {
        Box::pin(async move {
            let Some(name) = argv.first() else { return Output::new() };
            let rest = &argv[1..];
            let t0 = Instant::now();
            match name.as_str() {
                "sudo" => match sim_core::tools::sudo::inner(rest, &is_program) {
                    Ok(inner) => self.start_in(ns, inner, stdin, nested).await,
                    Err(out) => out,
                },
                "ip" => {
                    let outcome = self.core.borrow_mut().ip(ns.as_deref(), rest, stdin, nested);
                    match outcome {
                        Outcome::Done(o) => timed(self.core.borrow_mut().noted(o), t0),
                        Outcome::Exec { netns, argv } => {
                            let checked = self.core.borrow().netns_check(&netns, &argv, nested);
                            match checked {
                                Ok(()) => self.start_in(Some(netns), &argv, stdin, nested + 1).await,
                                Err(out) => out,
                            }
                        }
                    }
                }
                n if is_external(n) => {
                    let gated = self.core.borrow_mut().gate(ns.as_deref(), argv);
                    match gated {
                        Ok(argv) => self.program(ns.as_deref(), &argv, stdin).await,
                        Err(refused) => refused,
                    }
                }
                _ => {
                    let out = self.core.borrow_mut().exec(ns.as_deref(), argv, stdin, nested);
                    timed(out, t0)
                }
            }
        })
    }

    /// One of the system's programs, as a real process this task waits for.
    async fn program(&mut self, ns: Option<&str>, argv: &[String], stdin: &str) -> Output {
        let Some(path) = child::find(&argv[0]) else {
            return Output::error(format!("bash: {}: command not found\n", argv[0]), 127);
        };
        self.core.borrow_mut().before_external();
        let merged = self.out_to[0] == self.out_to[1] && self.out_to[0] != OutTo::Returned;
        let spec = Spec { ns, path: &path, argv, stdin, ignore_int: self.ignore_int, merged };
        let child = match child::spawn(&spec) {
            Ok(c) => c,
            Err(out) => return out,
        };
        let pid = child.pid();
        if let Some(key) = self.key {
            self.procs.with(key, |p| {
                p.child = Some(pid);
                p.first.get_or_insert(pid);
            });
        }
        let running = Running {
            child: Some(child),
            procs: self.procs.clone(),
            core: self.core.clone(),
            out_to: self.out_to.clone(),
            term: self.term,
            out: Output::new(),
        };
        let (out, sig) = running.await;
        if let Some(key) = self.key {
            self.procs.with(key, |p| p.child = None);
        }
        self.last_signal = sig;
        self.core.borrow_mut().after_external();
        out
    }
}

/// Waits until job `pid` has ended.
struct Ended {
    procs: Rc<Procs>,
    pid: u32,
}

impl Future for Ended {
    type Output = ();
    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        let running = self.procs.table.borrow().iter().any(|p| p.pid == self.pid && p.state == ProcStatus::Running);
        if running {
            Poll::Pending
        } else {
            Poll::Ready(())
        }
    }
}

impl Programs for Host {
    fn run(&mut self, argv: &[String], stdin: &str) -> Output {
        self.core.borrow_mut().exec(None, argv, stdin, 0)
    }

    fn has(&mut self, name: &str) -> bool {
        is_program(name)
    }

    fn spend(&mut self, steps: u64) -> bool {
        if self.key.is_none() {
            return self.core.borrow_mut().spend(steps);
        }
        if self.steps == 0 || steps > self.steps {
            self.steps = 0;
            return false;
        }
        self.steps -= steps;
        true
    }

    fn start<'a>(&'a mut self, argv: &'a [String], stdin: &'a str) -> LocalFuture<'a, Output> {
        self.start_in(None, argv, stdin, 0)
    }

    fn spawn(&mut self, job: Background) -> Result<u32, NotSpawned> {
        let alive = self.procs.table.borrow().iter().filter(|p| p.state == ProcStatus::Running).count();
        // One limit, the session's: a paired session's note says which it
        // is; past the machine's own (`Limits::NONE`), bash's fork fails
        // with nothing more.
        let limits = self.core.borrow().rtnl.limits;
        if alive >= limits.jobs {
            if limits.jobs < Limits::NONE.jobs {
                self.procs.write(self.term, sim_core::output::Stream::Stderr, limits.jobs_note());
            }
            return Err(NotSpawned::TryAgain(job));
        }
        let key = self.core.borrow_mut().rtnl.shells.alloc();
        let simple = job.comm != "bash";
        self.procs.table.borrow_mut().push(Proc {
            key,
            pid: key,
            state: ProcStatus::Running,
            ignore_int: job.ignore_int,
            simple,
            child: None,
            first: None,
        });
        let mut host = Host {
            core: self.core.clone(),
            procs: self.procs.clone(),
            key: Some(key),
            ignore_int: job.ignore_int,
            last_signal: None,
            steps: sim_shell::STEP_BUDGET,
            out_to: Default::default(),
            term: self.term,
        };
        let run = job.run;
        let procs = self.procs.clone();
        let term = self.term;
        let mut task: Task = Box::pin(async move {
            let out = run(&mut host).await;
            let st = match host.last_signal {
                Some(sig) if simple => ProcStatus::Signaled(sig),
                _ => ProcStatus::Exited(out.status),
            };
            procs.with(key, |p| {
                if p.state == ProcStatus::Running {
                    p.state = st;
                }
            });
            let end = procs.now_ms();
            procs.events.borrow_mut().extend(stamp(term, end, out.chunks));
        });
        // Its first step now: a job of one program has started it, and
        // takes its pid.
        let mut cx = Context::from_waker(std::task::Waker::noop());
        if task.as_mut().poll(&mut cx).is_pending() {
            self.procs.tasks.borrow_mut().push((key, Some(task)));
        }
        let pid = self
            .procs
            .with(key, |p| {
                if p.simple {
                    if let Some(first) = p.first {
                        p.pid = first;
                    }
                }
                p.pid
            })
            .unwrap_or(key);
        Ok(pid)
    }

    fn status(&mut self, pid: u32) -> Option<ProcStatus> {
        self.procs.table.borrow().iter().rev().find(|p| p.pid == pid).map(|p| p.state)
    }

    fn wait<'a>(&'a mut self, pid: u32) -> LocalFuture<'a, Option<ProcStatus>> {
        Box::pin(async move {
            Ended { procs: self.procs.clone(), pid }.await;
            self.status(pid)
        })
    }

    fn kill(&mut self, pid: u32, signal: i32) -> bool {
        let job = {
            let table = self.procs.table.borrow();
            table.iter().rev().find(|p| p.pid == pid).map(|p| (p.key, p.state, p.simple, p.child, p.ignore_int))
        };
        let Some((key, state, simple, child, ignore_int)) = job else { return kill_in_sandbox(pid, signal) };
        if state != ProcStatus::Running || signal == 0 {
            return true;
        }
        if let (true, Some(c)) = (simple, child) {
            // Its program is the job's process: the signal is the program's.
            // SAFETY: kill(2) of our own child, not yet reaped.
            unsafe { libc::kill(c as libc::pid_t, signal) };
            return true;
        }
        // A job's shell: bash without job control ignores INT and QUIT in
        // it; CHLD, CONT, STOP change nothing here.
        if (ignore_int && matches!(signal, 2 | 3)) || matches!(signal, 17..=19) {
            return true;
        }
        self.procs.with(key, |p| p.state = ProcStatus::Signaled(signal));
        self.procs.cancel(key);
        true
    }

    fn now_ms(&mut self) -> u64 {
        self.procs.now_ms()
    }

    fn create_file(&mut self, path: &str, append: bool) -> Result<(), &'static str> {
        self.core.borrow_mut().create_file(path, append)
    }

    fn append_file(&mut self, path: &str, text: &str) {
        self.core.borrow_mut().append_file(path, text)
    }

    fn read_file(&mut self, path: &str) -> Result<String, &'static str> {
        self.core.borrow().read_file(path)
    }

    fn output_to(&mut self, stdout: sim_shell::OutputTo<'_>, stderr: sim_shell::OutputTo<'_>) {
        self.out_to = [stdout.into(), stderr.into()];
    }

    /// The line's shell hands over each command's output as it ends, so
    /// it is stamped then (see [`stamp`]).
    fn streams(&self) -> bool {
        self.key.is_none()
    }

    fn show(&mut self, out: Output) {
        let now = self.procs.now_ms();
        self.procs.events.borrow_mut().extend(stamp(self.term, now, out.chunks));
    }
}

/// `kill(2)` of a pid the shell got otherwise (`kill $(ip netns pids b)`),
/// only if it is a process of the sandbox: in its host namespace or one
/// mounted under its /run/netns, and not the agent itself. Anything else
/// is, as far as the lab knows, no such process. Quick (a few `stat`s),
/// as bash's loop over several pids is: `kill` of `timeout` and then of
/// its `nc` must reach nc before timeout has passed the signal on and
/// reaped it.
fn kill_in_sandbox(pid: u32, signal: i32) -> bool {
    use std::os::unix::fs::MetadataExt;
    // Outside a sandbox (`--inspect-host`) no other process is the lab's.
    if pid == std::process::id() || pid == 0 || pid > i32::MAX as u32 || !crate::sandbox::entered() {
        return false;
    }
    let id = |path: &str| std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()));
    let Some(theirs) = id(&format!("/proc/{pid}/ns/net")) else {
        // A zombie has no namespace left to read: a signal changes nothing
        // for it, and kill(2) succeeds (`timeout`'s child, dead of the
        // signal timeout passed on, before timeout reaps it).
        return is_zombie(pid);
    };
    let ours = id("/proc/self/ns/net") == Some(theirs)
        || netns::list().iter().any(|n| id(&format!("{}/{n}", netns::NETNS_RUN_DIR)) == Some(theirs));
    if !ours {
        return false;
    }
    // SAFETY: kill(2) of a process that lives in the sandbox's namespaces.
    unsafe { libc::kill(pid as libc::pid_t, signal) == 0 }
}

/// Whether process `pid` has ended and waits to be reaped (state `Z`).
fn is_zombie(pid: u32) -> bool {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { return false };
    // `PID (COMM) STATE …`: COMM may hold anything, so read after its last ')'.
    stat.rsplit_once(')').is_some_and(|(_, rest)| rest.trim_start().starts_with('Z'))
}
