//! Several terminals on one real-kernel lab, as a paired page has them:
//! each runs its own line at once (a server waiting in one, its client in
//! another), all on the agent's one thread. A line is a future of the
//! shell with the terminal's own environment and job table; [`KernelLab::step`]
//! polls every running line and every job once and hands back what each
//! terminal was written and which lines ended. What programs write is
//! tagged with the terminal of the line (or job) that ran them.

use std::cell::RefCell;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Instant;

use sim_core::output::Output;
use sim_shell::{self as shell, Env, LocalFuture, Mode};

use super::child;
use super::jobs::Host;
use super::{zero_delays, KernelLab};

/// Terminals a page may open on one lab (as the site's own lab).
pub const MAX_TERMINALS: usize = 8;

/// One terminal: its shell's state and the line it runs.
#[derive(Default)]
pub(super) struct Term {
    env: Rc<RefCell<Env>>,
    line: Option<(LocalFuture<'static, Output>, Instant)>,
}

/// What one [`KernelLab::step`] brought.
#[derive(Default)]
pub struct Step {
    /// What each terminal was written since the last step (delays zero).
    pub written: Vec<(usize, Output)>,
    /// Lines that ended, by terminal: the rest of their output (and their
    /// jobs' notices), with their status.
    pub ended: Vec<(usize, Output)>,
    /// Something moved: worth stepping again at once.
    pub moved: bool,
}

impl KernelLab {
    fn term(&mut self, t: usize) -> &mut Term {
        if self.terms.len() <= t {
            self.terms.resize_with(t + 1, Term::default);
        }
        &mut self.terms[t]
    }

    /// Whether terminal `t` runs a line.
    pub fn is_running(&self, t: usize) -> bool {
        self.terms.get(t).is_some_and(|x| x.line.is_some())
    }

    /// Whether any terminal runs a line.
    pub fn any_running(&self) -> bool {
        self.terms.iter().any(|x| x.line.is_some())
    }

    /// Starts `line` in terminal `t` (a later terminal's number opens it),
    /// as its interactive bash would; [`KernelLab::step`] runs it. A
    /// terminal that runs a line already is left alone.
    // The line holds its terminal's environment across its awaits: nothing
    // else borrows it until the line's future has ended or been dropped
    // (`finish` and `interrupt` borrow it after).
    #[allow(clippy::await_holding_refcell_ref)]
    pub fn start_in(&mut self, t: usize, line: &str) {
        let t = t.min(MAX_TERMINALS - 1);
        if self.is_running(t) {
            return;
        }
        self.core.borrow_mut().steps = shell::STEP_BUDGET;
        let host = Host::line_in(self.core.clone(), self.procs.clone(), t);
        let env = self.term(t).env.clone();
        let line = line.to_string();
        let run: LocalFuture<'static, Output> = Box::pin(async move {
            let mut host = host;
            let mut env = env.borrow_mut();
            shell::line(&line, String::new(), &mut env, &mut host, Mode::Interactive).await
        });
        self.term(t).line = Some((run, Instant::now()));
    }

    /// Polls every running line and every job once. A line that has run
    /// [`child::LIMIT`] is stopped as Ctrl-C would stop it.
    pub fn step(&mut self) -> Step {
        let mut step = Step::default();
        let mut cx = Context::from_waker(std::task::Waker::noop());
        self.procs.moved.set(false);
        for t in 0..self.terms.len() {
            let Some((run, started)) = self.terms[t].line.as_mut() else { continue };
            match run.as_mut().poll(&mut cx) {
                Poll::Ready(out) => {
                    self.terms[t].line = None;
                    let out = self.finish(t, out);
                    step.ended.push((t, out));
                }
                Poll::Pending if started.elapsed() > child::LIMIT => {
                    if let Some(out) = self.interrupt(t) {
                        step.ended.push((t, out));
                    }
                }
                Poll::Pending => {}
            }
        }
        self.procs.poll_tasks();
        for t in 0..self.terms.len().max(1) {
            let written = self.procs.take_written_to(t);
            if !written.chunks.is_empty() {
                step.written.push((t, written));
            }
        }
        step.moved = self.procs.moved.get() || !step.ended.is_empty() || !step.written.is_empty();
        step
    }

    /// Ctrl-C in terminal `t`: its line stops (its programs are killed;
    /// its background jobs go on), `^C`, status 130.
    pub fn interrupt(&mut self, t: usize) -> Option<Output> {
        let (run, _) = self.terms.get_mut(t)?.line.take()?;
        drop(run);
        self.terms[t].env.borrow_mut().last_status = 130;
        let mut out = Output::status(130);
        out.out("^C\n");
        Some(self.finish(t, out))
    }

    /// A line's end in terminal `t`: the jobs' notices bash prints before
    /// its next prompt.
    fn finish(&mut self, t: usize, out: Output) -> Output {
        self.procs.catch_up();
        let mut host = Host::line_in(self.core.clone(), self.procs.clone(), t);
        let env = self.terms[t].env.clone();
        let notices = shell::job_notices(&mut env.borrow_mut(), &mut host);
        let mut out = zero_delays(out);
        let status = out.status;
        out.chunks.extend(notices.chunks);
        out.status = status;
        out
    }
}
