//! `curl` 7.88.1 over the socket seam, in virtual time: one HTTP/1.1
//! request per URL (`GET`, `HEAD` with `-I`, `POST` with `-d`, `-X`),
//! the reply read to its Content-Length or the connection's end, and
//! curl's texts: `-v`'s `*`/`>`/`<`/`{` lines on stderr as they happen,
//! the error line (`curl: (7) …`, shown without `-s` or with `-S`), the
//! body, `-i`/`-I`'s headers and `-w` on stdout at the end (stdout is a
//! pipe or a file in every recording: fully buffered), exit codes.
//!
//! curl waits as nc does, through [`Clock`] (nc's): until its run's next
//! event, a timeout (`--connect-timeout`, `-m`), or a change in what its
//! socket polls as. No progress meter is ever printed: every recording
//! runs curl with `-s` or its stderr thrown away, and at a terminal curl
//! shows none (its speeds would vary anyway). Texts, statuses and
//! timings are the recordings' (`tests/data/capture/curl.txt`).

use crate::netlink::sockets::{InetSockets, SockId};
use crate::output::{Output, Stream};
use crate::tools::nc::AtOnce;
pub use crate::tools::nc::Clock;
use crate::tools::timed::Timed;

mod http;
mod opts;
mod transfer;
mod url;
mod write_out;

pub use opts::{parse, Opts, Parsed};

/// Where `-o FILE` goes: writes `text` as the file's contents; false
/// when it cannot be written (a missing folder).
pub type Save<'a> = &'a mut dyn FnMut(&str, &str) -> bool;

/// Runs `curl` to its end at once (see [`AtOnce`]). `argv[0]` is `curl`.
pub fn run(socks: &mut dyn InetSockets, argv: &[String], pid: u32, save: Save<'_>) -> Output {
    let clock = AtOnce::new(socks.now_us(), pid);
    crate::sched::block_on(run_waiting(socks, argv, &clock, save)).unwrap_or_default()
}

/// Runs `curl`, waiting on `clock`.
pub async fn run_waiting(socks: &mut dyn InetSockets, argv: &[String], clock: &dyn Clock, save: Save<'_>) -> Output {
    let o = match opts::parse(argv) {
        Parsed::Run(o) => o,
        Parsed::Done(out) => return out,
    };
    let start = clock.now_us().max(socks.now_us());
    let mut cx = Cx { socks, clock, out: Timed::new(start), stdout: String::new() };
    let mut status = 0;
    for (n, u) in o.urls.iter().enumerate() {
        let mut t = transfer::perform(&mut cx, &o, u, n).await;
        let mut shown = String::new();
        if o.include || o.head {
            shown.extend(t.head.iter().flat_map(|h| h.lines.iter().map(String::as_str)));
        }
        if !o.head && t.error.as_ref().is_none_or(|(c, _)| *c != 22) {
            shown.push_str(&String::from_utf8_lossy(&t.body));
        }
        match o.output.as_deref() {
            Some("/dev/null") => {}
            // curl opens the file when the first bytes come.
            Some(path) if !shown.is_empty() => {
                if !save(path, &shown) && t.error.is_none() {
                    t.error = Some((23, "Failure writing output to destination".into()));
                }
            }
            Some(_) => {}
            None => cx.stdout.push_str(&shown),
        }
        if let Some((code, msg)) = &t.error {
            status = *code;
            if !o.silent || o.show_error {
                cx.write(Stream::Stderr, format!("curl: ({code}) {msg}\n"));
            }
        }
        if let Some(w) = &o.write_out {
            let (text, warnings) = write_out::expand(w, &t);
            cx.stdout.push_str(&text);
            for v in warnings {
                cx.write(Stream::Stderr, format!("curl: unknown --write-out variable: '{v}'\n"));
            }
        }
    }
    let text = std::mem::take(&mut cx.stdout);
    cx.write(Stream::Stdout, text);
    let end = cx.now_us();
    cx.out.finish(end, status)
}

/// What curl works with: its sockets, its clock, what it printed.
pub(super) struct Cx<'a> {
    pub socks: &'a mut dyn InetSockets,
    pub clock: &'a dyn Clock,
    pub out: Timed,
    /// stdout, written at the end (a pipe's buffer).
    pub stdout: String,
}

impl Cx<'_> {
    pub fn now_us(&self) -> u64 {
        self.clock.now_us().max(self.socks.now_us())
    }

    /// Writes on `stream` where the machine shows it at once, else into
    /// the output curl returns, stamped with the time that passed.
    pub fn write(&mut self, stream: Stream, text: String) {
        let now = self.now_us();
        self.out.write(self.clock, now, stream, text);
    }

    /// Waits until `until_us`, the engine's next event or a change of
    /// `s`; false: nothing can come any more.
    pub async fn idle(&mut self, s: SockId, until_us: Option<u64>) -> bool {
        crate::tools::nc::idle(self.socks, self.clock, &[s], until_us).await
    }

    /// Lets the engine reach the clock (after others ran).
    pub fn catch_up(&mut self) {
        let now = self.now_us();
        self.socks.run_until(now);
    }
}

#[cfg(test)]
mod tests;
