//! A process's view of the lab: the [`Programs`] a task's shell runs on.
//! Programs that wait (`sleep`, `timeout`, `wait` for a job; later `nc`)
//! are futures here; the rest run at once on the shared [`Core`].

use std::cell::{RefCell, RefMut};
use std::rc::Rc;

use super::core::{Budget, Core};
use crate::iproute::Outcome;
use crate::kernel::{MntId, NsId};
use crate::output::Output;
use crate::sched::Sched;
#[cfg(feature = "jobs")]
use crate::sched::Timer;
#[cfg(feature = "jobs")]
use sim_shell::ProcStatus;
use sim_shell::{Background, LocalFuture, NotSpawned, Programs};

/// Where the lab lends its [`Core`] while tasks run (see `Lab::drive`).
pub(crate) type Slot = Rc<RefCell<Option<Core>>>;

/// What a task holds: the lab, the scheduler, and who it is.
pub(crate) struct Host {
    pub slot: Slot,
    /// What its waits wait on (only the complete lab's programs wait).
    #[cfg_attr(not(feature = "jobs"), allow(dead_code))]
    pub sched: Rc<Sched>,
    pub pid: u32,
    pub term: usize,
    pub ns: NsId,
    /// Its mount namespace (a preset's container's, inside `docker exec`).
    pub mnt: MntId,
    pub budget: Budget,
    /// A terminal's line: its output is shown command by command.
    pub streams: bool,
    /// Where the running program's stdout and stderr go as it writes
    /// (see [`Programs::output_to`]): programs that write as they go (nc)
    /// append to the file or show it on the terminal at once.
    pub out_to: [OutTo; 2],
}

/// Where a program's writes go, kept past the call (sim-shell's owned form).
pub(crate) use sim_shell::OwnedOutputTo as OutTo;

/// The lab's core, borrowed for one step (never across an await).
pub(crate) fn core(slot: &Slot) -> RefMut<'_, Core> {
    // Tasks run only inside `Lab::drive`, which lends the core first.
    RefMut::map(slot.borrow_mut(), |c| c.as_mut().expect("tasks run only while the lab lends its core"))
}

impl Host {
    pub(super) fn now(&self) -> u64 {
        core(&self.slot).kernel.now_ms
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

    /// The clock a program that waits on sockets or captures waits on.
    #[cfg(feature = "sockets")]
    fn clock(&self) -> super::wait::HostClock {
        super::wait::HostClock {
            sched: self.sched.clone(),
            slot: self.slot.clone(),
            pid: self.pid,
            out_to: self.out_to.clone(),
            term: self.term,
            line: self.streams,
        }
    }

    /// Starts `argv` in namespace `ns`: the programs that wait as futures,
    /// the others at once.
    pub(super) fn start_in<'a>(
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
                #[cfg(feature = "jobs")]
                "sleep" => self.sleep(rest).await,
                // Without jobs nothing runs beside a ping: it runs at once
                // (`Core::exec`), as it prints the same.
                #[cfg(feature = "jobs")]
                "ping" | "ping6" => {
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
                    let clock = self.clock();
                    let out = crate::tools::nc::run_waiting(&mut socks, argv, stdin, &clock).await;
                    socks.finish();
                    out
                }
                #[cfg(feature = "sockets")]
                "tcpdump" => {
                    let mut taps = super::sockets::LabTaps::new(self.slot.clone(), ns);
                    let clock = self.clock();
                    crate::tools::tcpdump::run_waiting(&mut taps, argv, &clock).await
                }
                #[cfg(feature = "sockets")]
                "curl" => {
                    let mut socks = super::sockets::LabSockets::new(self.slot.clone(), ns);
                    let clock = self.clock();
                    let slot = self.slot.clone();
                    let mut save = |path: &str, text: &str| core(&slot).save_file(path, text);
                    let out = crate::tools::curl::run_waiting(&mut socks, argv, &clock, &mut save).await;
                    socks.finish();
                    out
                }
                #[cfg(feature = "jobs")]
                "timeout" => self.timeout(ns, rest, stdin, nested).await,
                "sudo" => match crate::tools::sudo::inner(rest, &|p| Core::is_program(p)) {
                    Ok(inner) => self.start_in(ns, inner, stdin, nested).await,
                    Err(out) => out,
                },
                // The command docker or nsenter names runs here, so that
                // one that waits (a ping, a capture) waits as a task.
                #[cfg(feature = "presets")]
                "docker" | "nsenter" => {
                    let entered = {
                        let mut c = core(&self.slot);
                        c.mnt = self.mnt;
                        if name == "docker" {
                            c.docker_enter(rest)
                        } else {
                            c.nsenter_enter(ns, rest)
                        }
                    };
                    match entered {
                        super::presets::Entered::Done(out) => out,
                        super::presets::Entered::Run { ns, mnt, argv } => {
                            self.enter(ns);
                            let saved = std::mem::replace(&mut self.mnt, mnt);
                            let out = self.start_in(ns, &argv, stdin, nested + 1).await;
                            self.mnt = saved;
                            out
                        }
                    }
                }
                "ip" => {
                    let outcome = {
                        let mut c = core(&self.slot);
                        c.budget = self.budget;
                        c.mnt = self.mnt;
                        let o = c.ip(ns, rest, stdin, nested);
                        self.budget = c.budget;
                        o
                    };
                    match outcome {
                        Outcome::Done(o) => o,
                        Outcome::Exec { netns, argv } => {
                            let target = {
                                let mut c = core(&self.slot);
                                c.mnt = self.mnt;
                                c.netns_target(&netns, &argv, nested)
                            };
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
                    c.mnt = self.mnt;
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
        c.mnt = self.mnt;
        let out = c.exec(self.ns, argv, stdin, 0);
        self.budget = c.budget;
        out
    }

    fn has(&mut self, name: &str) -> bool {
        core(&self.slot).has(name)
    }

    fn spend(&mut self, steps: u64) -> bool {
        let now = self.now();
        self.budget.spend(steps, now)
    }

    fn start<'a>(&'a mut self, argv: &'a [String], stdin: &'a str) -> LocalFuture<'a, Output> {
        let ns = self.ns;
        Box::pin(async move {
            let t0 = self.now();
            let mut out = self.start_in(ns, argv, stdin, 0).await;
            #[cfg(all(feature = "mcast", feature = "ipv6"))]
            core(&self.slot).send_due_own_traffic();
            // What the program reported waiting may fall short of the clock
            // (a packet-engine run rounds it up to a millisecond): what
            // follows it is no earlier than the moment it ended.
            let passed = self.now().saturating_sub(t0);
            let told: u64 = out.chunks.iter().map(|c| c.delay_ms).sum();
            if passed > told {
                out.out_after(passed - told, "");
            }
            out
        })
    }

    fn spawn(&mut self, job: Background) -> Result<u32, NotSpawned> {
        #[cfg(feature = "jobs")]
        return self.spawn_job(job);
        // Without jobs, the line that started one runs in the complete lab.
        #[cfg(not(feature = "jobs"))]
        {
            core(&self.slot).lacked = Some("&".into());
            Err(NotSpawned::NoProcesses(job))
        }
    }

    #[cfg(feature = "jobs")]
    fn status(&mut self, pid: u32) -> Option<ProcStatus> {
        self.status_of(pid)
    }

    #[cfg(feature = "jobs")]
    fn wait<'a>(&'a mut self, pid: u32) -> LocalFuture<'a, Option<ProcStatus>> {
        self.wait_for(pid)
    }

    #[cfg(feature = "jobs")]
    fn kill(&mut self, pid: u32, signal: i32) -> bool {
        self.kill_pid(pid, signal)
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
