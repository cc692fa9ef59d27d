//! What a process's task waits on besides timers and other tasks: two
//! futures raced (`timeout`), the process `timeout` runs its command as,
//! and the clock nc waits on.

use std::future::Future;
use std::pin::Pin;
#[cfg(feature = "sockets")]
use std::rc::Rc;
use std::task::{Context, Poll};

use super::host::{core, Host, Slot};
use crate::kernel::NsId;
use crate::procs::Proc;
#[cfg(feature = "sockets")]
use crate::sched::Sched;
#[cfg(feature = "sockets")]
use sim_shell::LocalFuture;
use sim_shell::ProcStatus;

/// A process's clock for programs that wait on sockets (nc).
#[cfg(feature = "sockets")]
pub(super) struct HostClock {
    pub sched: Rc<Sched>,
    pub slot: Slot,
    pub pid: u32,
    pub out_to: [super::host::OutTo; 2],
    /// The terminal it writes to, and whether as the terminal's line
    /// (else as a background job).
    pub term: usize,
    pub line: bool,
}

#[cfg(feature = "sockets")]
impl crate::tools::nc::Clock for HostClock {
    fn now_us(&self) -> u64 {
        core(&self.slot).kernel.now_ms * 1000
    }

    fn wait<'a>(&'a self, until_us: Option<u64>, changed: &'a mut dyn FnMut() -> bool) -> LocalFuture<'a, bool> {
        let at = until_us.map(|t| t.div_ceil(1000));
        Box::pin(async move {
            crate::sched::Watch { sched: self.sched.clone(), at, armed: false, changed }.await;
            true
        })
    }

    fn pid(&self) -> u32 {
        self.pid
    }

    fn write(&self, stream: crate::output::Stream, text: &str) -> bool {
        let i = usize::from(stream == crate::output::Stream::Stderr);
        let mut c = core(&self.slot);
        match &self.out_to[i] {
            super::host::OutTo::Returned => return false,
            super::host::OutTo::File(path) => c.append_file(path, text),
            super::host::OutTo::Terminal => {
                let at_ms = c.kernel.now_ms;
                if let Some(t) = c.terms.get_mut(self.term) {
                    t.events.push(super::terminal::Event { at_ms, stream, text: text.to_string(), line: self.line });
                }
            }
        }
        true
    }
}

#[cfg(feature = "sockets")]
impl crate::tools::tcpdump::capture::Host for HostClock {
    fn catch_signals(&self) {
        let mut c = core(&self.slot);
        // A terminal's shell runs a foreground program as itself: Ctrl-C
        // reaches that one through the terminal (`Terminal::sigint`).
        if c.terms.iter().any(|t| t.pid == self.pid) {
            return;
        }
        if let Some(p) = c.kernel.procs.get_mut(self.pid) {
            p.catches = true;
        }
    }

    fn signalled(&self) -> Option<i32> {
        let c = core(&self.slot);
        let own = c.kernel.procs.get(self.pid).and_then(|p| p.pending);
        own.or_else(|| (self.line && c.terms.get(self.term).is_some_and(|t| t.sigint)).then_some(2))
    }
}

/// The process a `timeout` runs its command as: in the table while it
/// runs, ended when `timeout` ends (however it ends: dropped too).
pub(super) struct Child {
    pub pid: u32,
    slot: Slot,
    done: bool,
}

impl Child {
    pub fn start(host: &Host, ns: NsId, argv: &[String]) -> Option<Child> {
        let mut c = core(&host.slot);
        let now = c.kernel.now_ms;
        let proc = Proc {
            pid: 0,
            ppid: host.pid,
            ns,
            comm: sim_shell::coreutils::program_name(argv).to_string(),
            cmdline: argv.join(" "),
            term: host.term,
            state: ProcStatus::Running,
            ignore_int: false,
            started_ms: now,
            catches: false,
            pending: None,
        };
        let pid = c.kernel.procs.start(proc)?;
        Some(Child { pid, slot: host.slot.clone(), done: false })
    }

    /// The signal that ended it, if one did.
    pub fn signal(&self, slot: &Slot) -> Option<i32> {
        match core(slot).kernel.procs.get(self.pid).map(|p| p.state) {
            Some(ProcStatus::Signaled(s)) => Some(s),
            _ => None,
        }
    }

    /// Sends it `signal` if it handles the signal itself (`Proc::catches`);
    /// whether it did.
    pub fn catch(&self, slot: &Slot, signal: i32) -> bool {
        let mut c = core(slot);
        let Some(p) = c.kernel.procs.get_mut(self.pid) else { return false };
        let caught = p.catches && matches!(signal, 1 | 2 | 15) && p.state == ProcStatus::Running;
        if caught {
            p.pending = Some(signal);
        }
        caught
    }

    pub fn end(mut self, slot: &Slot, state: ProcStatus) {
        self.done = true;
        let mut c = core(slot);
        c.kernel.procs.end(self.pid, state);
        c.kernel.reap_namespaces();
    }
}

impl Drop for Child {
    /// `timeout` killed: its command goes with it.
    fn drop(&mut self) {
        if self.done {
            return;
        }
        let Ok(mut slot) = self.slot.try_borrow_mut() else { return };
        if let Some(c) = slot.as_mut() {
            c.kernel.procs.end(self.pid, ProcStatus::Signaled(15));
        }
    }
}

/// Two futures raced: the first's output if it ends first (it is polled
/// first), `Err` if the second does (and the first is dropped).
pub(super) struct Race<A, B> {
    pub first: A,
    pub second: B,
}

impl<A: Future + Unpin, B: Future<Output = ()> + Unpin> Future for Race<A, B> {
    type Output = Result<A::Output, ()>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if let Poll::Ready(v) = Pin::new(&mut self.first).poll(cx) {
            return Poll::Ready(Ok(v));
        }
        if let Poll::Ready(()) = Pin::new(&mut self.second).poll(cx) {
            return Poll::Ready(Err(()));
        }
        Poll::Pending
    }
}
