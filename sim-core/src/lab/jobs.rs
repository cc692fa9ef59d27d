//! The lab's side of processes that wait: `sleep`, `timeout`, and the
//! background jobs a shell starts (their process, their task, signals).
//! Only the complete lab has them (the `jobs` feature; see `basic.rs`).

use super::core::{Budget, Core};
use super::host::{core, Host};
use super::terminal::Event;
use super::wait::{Child, Race};
use crate::kernel::NsId;
use crate::output::Output;
use crate::procs::Proc;
use crate::sched::{Timer, WaitPid};
use crate::tools::sleep as gnu;
use sim_shell::{Background, LocalFuture, NotSpawned, ProcStatus};

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
    /// Waits `ms` of virtual time; how much passed (more if a program that
    /// runs at once moved the clock further meanwhile).
    async fn pause(&self, ms: u64) -> u64 {
        let t0 = self.now();
        Timer { sched: self.sched.clone(), at: t0 + ms, armed: false }.await;
        self.now() - t0
    }

    /// `sleep`: waits, and tells the terminal how long it waited.
    pub(super) async fn sleep(&self, args: &[String]) -> Output {
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
    pub(super) async fn timeout(&mut self, ns: NsId, args: &[String], stdin: &str, nested: usize) -> Output {
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
        let mut inner = self.start_in(ns, &t.argv, stdin, nested);
        let raced = match killed {
            Some(killed) => {
                let either = Box::pin(async move {
                    let _ = (Race { first: timer, second: killed }).await;
                });
                (Race { first: &mut inner, second: either }).await
            }
            None => (Race { first: &mut inner, second: timer }).await,
        };
        // A command that handles the signal (tcpdump) is sent it and
        // finishes: its last words are its output, timeout's status stays.
        let caught = raced.is_err() && child.as_ref().is_some_and(|c| c.catch(&slot, t.signal));
        let raced = match raced {
            Err(()) if caught => Err(Some((&mut inner).await)),
            Err(()) => Err(None),
            Ok(out) => Ok(out),
        };
        drop(inner);
        self.pid = parent;
        let child_signal = child.as_ref().and_then(|c| c.signal(&slot));
        if let Some(c) = child {
            let state = match &raced {
                Ok(o) | Err(Some(o)) => ProcStatus::Exited(o.status),
                Err(None) => ProcStatus::Signaled(t.signal),
            };
            c.end(&slot, state);
        }
        if let (Err(None), Some(sig)) = (&raced, child_signal) {
            // Killed by someone else: timeout exits as its command did.
            let waited = core(&slot).kernel.now_ms - t0;
            let mut out = Output::status(128 + sig);
            out.out_after(waited, "");
            return out;
        }
        match raced {
            Ok(out) => out,
            Err(Some(mut out)) => {
                out.status = if t.preserve { out.status } else { 124 };
                out
            }
            Err(None) => {
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

    pub(super) fn spawn_job(&mut self, job: Background) -> Result<u32, NotSpawned> {
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
            catches: false,
            pending: None,
        };
        let Some(pid) = core(&self.slot).kernel.procs.start(proc) else { return Err(NotSpawned::TryAgain(job)) };
        let mut host = Host {
            slot: self.slot.clone(),
            sched: self.sched.clone(),
            pid,
            term: self.term,
            ns: self.ns,
            mnt: self.mnt,
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

    pub(super) fn status_of(&mut self, pid: u32) -> Option<ProcStatus> {
        core(&self.slot).kernel.procs.get(pid).map(|p| p.state)
    }

    pub(super) fn wait_for<'a>(&'a mut self, pid: u32) -> LocalFuture<'a, Option<ProcStatus>> {
        Box::pin(async move {
            WaitPid { sched: self.sched.clone(), pid }.await;
            self.status_of(pid)
        })
    }

    pub(super) fn kill_pid(&mut self, pid: u32, signal: i32) -> bool {
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
            if p.catches && matches!(signal, 1 | 2 | 15) {
                // Its handler runs: the program sees it and ends itself.
                p.pending = Some(signal);
                return true;
            }
            p.state = ProcStatus::Signaled(signal);
            // A preset's container stops with its first process.
            #[cfg(feature = "presets")]
            {
                let now = c.kernel.now_ms;
                if let Some(k) = c.containers.iter_mut().find(|k| k.pid == pid) {
                    k.exited = Some((128 + signal, now));
                }
            }
        }
        self.sched.cancel(pid);
        core(&self.slot).kernel.reap_namespaces();
        true
    }
}
