//! The lab's scheduler: a small deterministic single-threaded executor.
//!
//! Every process of the lab (a terminal's shell running a line, a
//! background job) is a task: a boxed future keyed by its pid. Tasks wait
//! only on what the scheduler itself knows, so no waker ever leaves this
//! module: a [`Timer`] puts the task in the timer heap (keyed by deadline,
//! then by the order timers were set, so equal deadlines fire in a fixed
//! order), a [`WaitPid`] in the list of tasks to wake when a process ends.
//! Futures are polled with a no-op waker and re-check their condition when
//! polled again, so a spurious poll is harmless.
//!
//! The scheduler never moves the clock itself: [`Sched::next_deadline`]
//! says when the next timer is due, and the `Lab` decides whether to jump
//! there (fast-forward) or let page time bring it (`Lab::advance_to`).
//! Nothing here reads a real clock.

use std::cell::{Cell, RefCell};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// A process's work.
pub type Task = Pin<Box<dyn Future<Output = ()>>>;

/// The scheduler's state. Shared (`Rc`) by the lab and every task's
/// handle; each field is borrowed only inside one method, never across a
/// poll.
#[derive(Default)]
pub struct Sched {
    /// Tasks by pid; `None` while one is being polled.
    tasks: RefCell<Vec<(u32, Option<Task>)>>,
    /// Tasks to poll, in the order they were woken.
    ready: RefCell<VecDeque<u32>>,
    /// (deadline ms, sequence, pid).
    timers: RefCell<BinaryHeap<Reverse<(u64, u64, u32)>>>,
    /// Who waits for whom: (waited pid, waiting pid).
    waiters: RefCell<Vec<(u32, u32)>>,
    seq: Cell<u64>,
    /// The task being polled.
    current: Cell<u32>,
    /// The clock as the lab last told it (ms).
    now: Cell<u64>,
    /// Tasks that wait for something other tasks may change (a socket's
    /// state): polled again whenever the others have nothing left to do.
    watchers: RefCell<Vec<u32>>,
    /// Set when a [`Watch`] found what it waited for.
    progress: Cell<bool>,
}

impl Sched {
    pub fn new() -> Rc<Sched> {
        Rc::new(Sched::default())
    }

    /// Adds a task for process `pid`, ready to run.
    pub fn spawn(&self, pid: u32, task: Task) {
        self.tasks.borrow_mut().push((pid, Some(task)));
        self.ready.borrow_mut().push_back(pid);
    }

    /// Whether process `pid` still has work.
    pub fn has(&self, pid: u32) -> bool {
        self.tasks.borrow().iter().any(|(p, _)| *p == pid)
    }

    /// Drops process `pid`'s work (a signal ended it): its future is
    /// dropped after the borrow is released, so nothing it owns runs
    /// inside it. A task being polled is dropped when its poll returns.
    pub fn cancel(&self, pid: u32) {
        let task = {
            let mut tasks = self.tasks.borrow_mut();
            match tasks.iter().position(|(p, _)| *p == pid) {
                Some(i) => tasks.remove(i).1,
                None => None,
            }
        };
        drop(task);
        self.wake_waiters(pid);
    }

    /// The clock, as the lab last set it.
    pub fn now(&self) -> u64 {
        self.now.get()
    }

    /// Sets the clock (the lab does, after moving the kernel's) and wakes
    /// the tasks whose timers are due.
    pub fn set_now(&self, now: u64) {
        self.now.set(now);
        let mut timers = self.timers.borrow_mut();
        while let Some(Reverse((at, _, pid))) = timers.peek().copied() {
            if at > now {
                break;
            }
            timers.pop();
            self.ready.borrow_mut().push_back(pid);
        }
    }

    /// When the earliest timer is due, if any task waits for one.
    pub fn next_deadline(&self) -> Option<u64> {
        self.timers.borrow().peek().map(|Reverse((at, _, _))| *at)
    }

    /// Whether a task is ready to run.
    pub fn runnable(&self) -> bool {
        !self.ready.borrow().is_empty()
    }

    /// Polls the ready tasks, in order, until none is ready. `ended` is
    /// called with the pid of each task that finished.
    pub fn run_ready(&self, ended: &mut dyn FnMut(u32)) {
        loop {
            let Some(pid) = self.ready.borrow_mut().pop_front() else { break };
            let task = {
                let mut tasks = self.tasks.borrow_mut();
                tasks.iter_mut().find(|(p, _)| *p == pid).and_then(|(_, t)| t.take())
            };
            let Some(mut task) = task else { continue };
            self.current.set(pid);
            let mut cx = Context::from_waker(Waker::noop());
            let done = task.as_mut().poll(&mut cx).is_ready();
            let gone = {
                let mut tasks = self.tasks.borrow_mut();
                match tasks.iter().position(|(p, _)| *p == pid) {
                    Some(i) if done => {
                        tasks.remove(i);
                        true
                    }
                    Some(i) => {
                        tasks[i].1 = Some(task);
                        continue;
                    }
                    // Cancelled while it ran: drop it below.
                    None => true,
                }
            };
            if gone {
                // `task` drops here, outside every borrow.
                if done {
                    ended(pid);
                }
                self.wake_waiters(pid);
            }
        }
    }

    fn wake_waiters(&self, pid: u32) {
        let mut waiters = self.waiters.borrow_mut();
        let mut ready = self.ready.borrow_mut();
        waiters.retain(|(waited, waiting)| {
            if *waited == pid {
                ready.push_back(*waiting);
                false
            } else {
                true
            }
        });
    }

    /// Makes every watching task ready again; whether there was any.
    pub fn wake_watchers(&self) -> bool {
        let watchers = std::mem::take(&mut *self.watchers.borrow_mut());
        let any = !watchers.is_empty();
        self.ready.borrow_mut().extend(watchers);
        any
    }

    /// Whether a [`Watch`] ended since the last call.
    pub fn take_progress(&self) -> bool {
        self.progress.replace(false)
    }

    fn add_watcher(&self) {
        let me = self.current.get();
        let mut watchers = self.watchers.borrow_mut();
        if !watchers.contains(&me) {
            watchers.push(me);
        }
    }

    fn add_timer(&self, at: u64) {
        let seq = self.seq.get() + 1;
        self.seq.set(seq);
        self.timers.borrow_mut().push(Reverse((at, seq, self.current.get())));
    }

    fn add_waiter(&self, pid: u32) {
        let me = self.current.get();
        let mut waiters = self.waiters.borrow_mut();
        if !waiters.contains(&(pid, me)) {
            waiters.push((pid, me));
        }
    }
}

/// Waits until the clock reaches `at` (ms).
pub struct Timer {
    pub sched: Rc<Sched>,
    pub at: u64,
    pub armed: bool,
}

impl Future for Timer {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if self.sched.now() >= self.at {
            return Poll::Ready(());
        }
        if !self.armed {
            self.armed = true;
            self.sched.add_timer(self.at);
        }
        Poll::Pending
    }
}

/// Waits until process `pid` has no more work (it ended or was killed).
pub struct WaitPid {
    pub sched: Rc<Sched>,
    pub pid: u32,
}

impl Future for WaitPid {
    type Output = ();
    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if !self.sched.has(self.pid) {
            return Poll::Ready(());
        }
        self.sched.add_waiter(self.pid);
        Poll::Pending
    }
}

/// Waits until the clock reaches `at` (ms), if given, or until `changed`
/// says that what the task watches changed; it is asked again each time
/// the other tasks have nothing left to do (see [`Sched::wake_watchers`]).
pub struct Watch<'a> {
    pub sched: Rc<Sched>,
    pub at: Option<u64>,
    pub armed: bool,
    pub changed: &'a mut dyn FnMut() -> bool,
}

impl Future for Watch<'_> {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if self.at.is_some_and(|at| self.sched.now() >= at) {
            return Poll::Ready(());
        }
        if (self.changed)() {
            self.sched.progress.set(true);
            return Poll::Ready(());
        }
        if let (Some(at), false) = (self.at, self.armed) {
            self.armed = true;
            self.sched.add_timer(at);
        }
        self.sched.add_watcher();
        Poll::Pending
    }
}

/// Waits until `ended()` holds, asked again whenever process `pid` is
/// signalled or ends (a child without work of its own, such as the
/// program `timeout` runs: a `kill` of it wakes its parent here).
pub struct WhenEnded<F> {
    pub sched: Rc<Sched>,
    pub pid: u32,
    pub ended: F,
}

impl<F: FnMut() -> bool + Unpin> Future for WhenEnded<F> {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if (self.ended)() {
            return Poll::Ready(());
        }
        self.sched.add_waiter(self.pid);
        Poll::Pending
    }
}

/// Runs a future that never waits (a program driven at once) to its end;
/// `None` if it waited after all.
pub fn block_on<T>(f: impl Future<Output = T>) -> Option<T> {
    let mut f = Box::pin(f);
    match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => Some(v),
        Poll::Pending => None,
    }
}
