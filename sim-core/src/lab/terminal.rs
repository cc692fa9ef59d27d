//! One terminal of the lab: what it printed that the host has not taken
//! yet (stamped with virtual time), and where its running line is.

use crate::output::{Output, Stream};
use sim_shell as shell;

/// One terminal (its shell's environment is the `Lab`'s): what it
/// printed that the host has not taken yet, and its running line.
#[derive(Clone, Debug)]
pub(crate) struct Terminal {
    /// The shell's pid.
    pub pid: u32,
    /// Output of background jobs, stamped with the virtual time it was
    /// written at, not yet taken by the host.
    pub events: Vec<Event>,
    /// The running line's output, once it ended.
    pub done: Option<Output>,
    /// When the running line started.
    pub line_start_ms: u64,
    /// Where the line's own output has got to (its delays add up from
    /// the line's start).
    pub cursor_ms: u64,
    /// The time of the last output handed to the host: the next one's
    /// delay counts from there.
    pub shown_ms: u64,
    /// How the running line is read.
    pub mode: shell::Mode,
    /// Ctrl-C was pressed and a foreground program that handles SIGINT
    /// (tcpdump) has yet to act on it.
    pub sigint: bool,
}

/// Something a terminal shows: text on a stream at a virtual time (ms).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub at_ms: u64,
    pub stream: Stream,
    pub text: String,
    /// Written by the terminal's line (not by one of its jobs): at the same
    /// time, the line's comes first (it ran before the jobs it started).
    pub line: bool,
}

impl Terminal {
    /// Stamps what the running line printed, each chunk after its delay.
    pub fn line_output(&mut self, out: Output) {
        for c in out.chunks {
            self.cursor_ms += c.delay_ms;
            self.events.push(Event { at_ms: self.cursor_ms, stream: c.stream, text: c.text, line: true });
        }
    }
}

impl Terminal {
    pub fn new(pid: u32) -> Terminal {
        Terminal {
            pid,
            events: Vec::new(),
            done: None,
            line_start_ms: 0,
            cursor_ms: 0,
            shown_ms: 0,
            mode: shell::Mode::Interactive,
            sigint: false,
        }
    }
}
