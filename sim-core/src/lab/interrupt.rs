//! Ctrl-C in a terminal: the foreground line stops, unless a program in
//! it handles SIGINT and ends by itself (tcpdump's counts).

use super::terminal::Event;
use super::{LineState, Progress};
use crate::output::Output;

impl super::Lab {
    /// Ctrl-C in terminal `term`: its foreground line stops (`^C`, status
    /// 130); its background jobs go on, as bash's do.
    pub fn interrupt(&mut self, term: usize) -> Progress {
        if term >= self.envs.len() || !self.running(term) {
            return Progress { output: Output::new(), state: LineState::Idle };
        }
        if let Some(p) = self.interrupt_handled(term) {
            return p;
        }
        let pid = self.core().terms[term].pid;
        // Lent: what the line held (a ping's engine run) ends on the kernel.
        let lent = self.core.take();
        *self.slot.borrow_mut() = lent;
        self.sched.cancel(pid);
        self.core = self.slot.borrow_mut().take();
        let mut out = Output::new();
        out.out("^C\n");
        self.envs[term].borrow_mut().last_status = 130;
        out.status = 130;
        let now = self.now_ms();
        let t = &mut self.core_mut().terms[term];
        // What the line printed so far was shown; the ^C comes now.
        t.cursor_ms = t.cursor_ms.max(now);
        t.done = Some(out);
        self.progress(term)
    }

    /// Ctrl-C for a foreground program that handles SIGINT itself: the
    /// terminal echoes `^C`, the program finishes (tcpdump's counts), and
    /// if the line then ends, that is its end. `None`: nothing handled it
    /// and the line is still to be stopped (the `^C` is taken back).
    fn interrupt_handled(&mut self, term: usize) -> Option<Progress> {
        let now = self.now_ms();
        let t = &mut self.core_mut().terms[term];
        t.sigint = true;
        let echo = Event { at_ms: now, stream: crate::output::Stream::Stdout, text: "^C".into(), line: true };
        t.events.push(echo.clone());
        self.drive(None, None);
        let t = &mut self.core_mut().terms[term];
        t.sigint = false;
        if t.done.is_some() {
            return Some(self.progress(term));
        }
        if let Some(i) = t.events.iter().position(|e| *e == echo) {
            t.events.remove(i);
        }
        None
    }
}
