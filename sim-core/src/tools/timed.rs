//! What a program that waits writes as virtual time passes (nc, curl,
//! tcpdump): each write goes where the machine shows it at once (its
//! terminal, a file it was redirected to: `Clock::write`), else into the
//! `Output` the program returns; either way the output keeps the time that
//! passed before it, so what follows is stamped right.

use crate::output::{Output, Stream};
use crate::tools::nc::Clock;

/// The output so far and when it was last written to.
#[derive(Debug, Default)]
pub struct Timed {
    out: Output,
    /// When the last write happened (ms): the next one's delay counts
    /// from there.
    at_ms: u64,
}

impl Timed {
    /// Output that starts at `start_us`.
    pub fn new(start_us: u64) -> Timed {
        Timed { out: Output::new(), at_ms: start_us / 1000 }
    }

    /// Writes `text` on `stream` at `now_us`.
    pub fn write(&mut self, clock: &dyn Clock, now_us: u64, stream: Stream, text: String) {
        let ms = now_us / 1000;
        let d = ms.saturating_sub(self.at_ms);
        self.at_ms = self.at_ms.max(ms);
        let text = if clock.write(stream, &text) { String::new() } else { text };
        match stream {
            Stream::Stdout => self.out.out_after(d, text),
            Stream::Stderr => self.out.err_after(d, text),
        }
    }

    /// The output, with the time that passed until `now_us` and `status`.
    pub fn finish(mut self, now_us: u64, status: i32) -> Output {
        self.out.out_after((now_us / 1000).saturating_sub(self.at_ms), "");
        self.out.status = status;
        self.out
    }
}
