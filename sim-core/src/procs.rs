//! The lab's process table: what `$!`, `jobs -l`, `kill PID`, `ip netns
//! pids` and `ip netns identify` (and later `ss -p`) read.
//!
//! Pids are allocated one after another from [`FIRST_PID`], as on a Linux
//! host some time after boot, and never reused within a lab. Every
//! terminal's shell is a process (the first is [`SHELL_PID`], the `$$`
//! the shell always had); each background job is one more, its parent the
//! shell that started it. A process keeps its entry after it ends (a
//! zombie, until the table trims the oldest) so that `wait` can read its
//! status.

use crate::kernel::NsId;
use sim_shell::ProcStatus;

/// The first terminal's shell: `$$` (and `ip link … netns 1042` names its
/// namespace, as recorded).
pub const SHELL_PID: u32 = 1042;
/// The first pid given to a process started in the lab.
pub const FIRST_PID: u32 = SHELL_PID + 1;
/// Processes that may run at once in one lab; one more is refused as
/// `fork()` would be (EAGAIN), so a loop of `&` cannot exhaust the page.
pub const MAX_RUNNING: usize = 64;
/// Ended processes kept for `wait` before the oldest are forgotten.
const MAX_ZOMBIES: usize = 64;

/// One process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proc {
    pub pid: u32,
    pub ppid: u32,
    /// Its network namespace.
    pub ns: NsId,
    /// The program's name, as `ps -o comm` shows it.
    pub comm: String,
    /// Its command line, as typed.
    pub cmdline: String,
    /// The terminal it was started from.
    pub term: usize,
    pub state: ProcStatus,
    /// SIGINT is ignored (a background job of a shell without job control).
    pub ignore_int: bool,
    /// When it started (virtual ms).
    pub started_ms: u64,
    /// It handles SIGINT, SIGTERM and SIGHUP itself (tcpdump prints its
    /// counts and exits): `kill` leaves the signal in `pending` for it.
    pub catches: bool,
    /// A caught signal it has not acted on yet.
    pub pending: Option<i32>,
}

impl Proc {
    /// A process running in `ns` since the lab began, a child of init on
    /// terminal 0 (its pid is given by [`Procs::start`]).
    pub fn running(ns: NsId, comm: &str, cmdline: &str) -> Proc {
        Proc {
            pid: 0,
            ppid: 1,
            ns,
            comm: comm.into(),
            cmdline: cmdline.into(),
            term: 0,
            state: ProcStatus::Running,
            ignore_int: false,
            started_ms: 0,
            catches: false,
            pending: None,
        }
    }
}

/// Every process of the lab, by pid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Procs {
    list: Vec<Proc>,
    next: u32,
}

impl Default for Procs {
    fn default() -> Procs {
        Procs::new()
    }
}

impl Procs {
    /// The table of a fresh lab: the first terminal's shell.
    pub fn new() -> Procs {
        let mut procs = Procs { list: Vec::new(), next: FIRST_PID };
        procs.list.push(Proc { pid: SHELL_PID, ..Proc::running(NsId::HOST, "bash", "-bash") });
        procs
    }

    /// Adds a process (the next pid); `None` when [`MAX_RUNNING`] run already.
    pub fn start(&mut self, mut p: Proc) -> Option<u32> {
        if self.running().count() >= MAX_RUNNING {
            return None;
        }
        p.pid = self.next;
        self.next += 1;
        self.list.push(p);
        let pid = self.next - 1;
        let dead = self.list.iter().filter(|p| p.state != ProcStatus::Running).count();
        if dead > MAX_ZOMBIES {
            if let Some(i) = self.list.iter().position(|p| p.state != ProcStatus::Running) {
                self.list.remove(i);
            }
        }
        Some(pid)
    }

    pub fn get(&self, pid: u32) -> Option<&Proc> {
        self.list.iter().find(|p| p.pid == pid)
    }

    pub fn get_mut(&mut self, pid: u32) -> Option<&mut Proc> {
        self.list.iter_mut().find(|p| p.pid == pid)
    }

    /// The processes still running, in pid order.
    pub fn running(&self) -> impl Iterator<Item = &Proc> {
        self.list.iter().filter(|p| p.state == ProcStatus::Running)
    }

    /// Records that `pid` ended (if it was running).
    pub fn end(&mut self, pid: u32, state: ProcStatus) {
        if let Some(p) = self.get_mut(pid) {
            if p.state == ProcStatus::Running {
                p.state = state;
            }
        }
    }

    /// The pid the next process will get.
    pub fn next_pid(&self) -> u32 {
        self.next
    }
}
