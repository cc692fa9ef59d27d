//! A real program awaited by the task that started it, and where what it
//! writes goes ([`OutTo`]): back to the shell, into a file of the lab, or
//! to the terminal, as it comes.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use sim_core::output::{Output, Stream};

use super::child::{self, Child};
use super::procs::Procs;
use super::Core;

/// Where a program's writes go, kept past the call (sim-shell's owned form).
pub(super) use sim_shell::OwnedOutputTo as OutTo;

/// A real child, awaited; what it writes goes where the shell said
/// ([`OutTo`]) as it comes.
pub(super) struct Running {
    pub(super) child: Option<Child>,
    pub(super) procs: Rc<Procs>,
    pub(super) core: Rc<RefCell<Core>>,
    pub(super) out_to: [OutTo; 2],
    /// The terminal it writes to (its line's, or its job's).
    pub(super) term: usize,
    /// What goes back to the shell, and the time that passed.
    pub(super) out: Output,
}

impl Running {
    /// Sends on what the child wrote since the last time.
    fn route(&mut self, written: Output) {
        for c in written.chunks {
            let to = &self.out_to[usize::from(c.stream == Stream::Stderr)];
            match to {
                OutTo::Returned => match c.stream {
                    Stream::Stdout => self.out.out_after(c.delay_ms, c.text),
                    Stream::Stderr => self.out.err_after(c.delay_ms, c.text),
                },
                OutTo::File(path) => {
                    self.core.borrow_mut().append_file(path, &c.text);
                    self.out.out_after(c.delay_ms, "");
                }
                OutTo::Terminal => {
                    if !c.text.is_empty() {
                        self.procs.write(self.term, c.stream, c.text);
                        self.procs.moved.set(true);
                    }
                    self.out.out_after(c.delay_ms, "");
                }
            }
        }
    }
}

impl Future for Running {
    type Output = (Output, Option<i32>);
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Self::Output> {
        let Some(c) = self.child.as_mut() else { return Poll::Ready((Output::status(1), None)) };
        let done = c.pump();
        let over = !done && c.age() > child::LIMIT;
        let written = c.drain();
        self.route(written);
        if !done && !over {
            return Poll::Pending;
        }
        let mut c = self.child.take().expect("checked above");
        c.stop();
        let (rest, sig) = c.finish();
        let status = rest.status;
        self.route(rest);
        self.procs.moved.set(true);
        let mut out = std::mem::take(&mut self.out);
        out.status = status;
        Poll::Ready((out, sig))
    }
}
