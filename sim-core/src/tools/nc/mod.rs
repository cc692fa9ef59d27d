//! `nc` (OpenBSD netcat, Debian 1.219-1) over the socket seam, in virtual
//! time: a client (`nc HOST PORT…`, `-z` to scan, `-u` for UDP with its
//! `X` probes) or a server (`nc -l [ADDR] PORT`, `-k` to go on), copying
//! stdin to the connection and the connection to stdout as netcat's
//! `readwrite()` does, with its exit rules (`-N`, `-q`, `-w`).
//!
//! nc waits as ping does, through its host: [`Clock::wait`] lets virtual
//! time pass (other processes run meanwhile) until a moment nc asks for —
//! its packet-engine run's next event, a `-w` timeout, a probe — or until
//! something it polls changes (a connection to accept, data from a peer
//! that another process's run delivered). Texts, exit statuses and timings
//! are the recordings' (`tests/data/sockets/nc-*.txt`, README there).

use std::net::Ipv4Addr;

use crate::netlink::sockets::{InetSockets, Readiness, SockId};
use crate::output::{Output, Stream};
use crate::tools::timed::Timed;
use sim_shell::LocalFuture;

mod client;
mod io;
mod msg;
mod opts;
mod server;
mod services;

pub use msg::Fail;
pub use opts::{parse, Opts};

/// What nc waits on: its machine's clock and scheduler.
pub trait Clock {
    /// The machine's virtual time (µs).
    fn now_us(&self) -> u64;
    /// Lets time pass until `until_us`, or until `changed()` (asked each
    /// time another process did something) is true. False when nothing
    /// can ever end the wait (a program run at once, with no time to
    /// wait for): nc then ends as if interrupted.
    fn wait<'a>(&'a self, until_us: Option<u64>, changed: &'a mut dyn FnMut() -> bool) -> LocalFuture<'a, bool>;
    /// nc's process id, for `ss -p`.
    fn pid(&self) -> u32;
    /// Writes `text` where the stream goes, at once, if the machine does
    /// that (a file it was redirected to, its terminal); false: nc keeps
    /// it in the output it returns.
    fn write(&self, _stream: Stream, _text: &str) -> bool {
        false
    }
}

/// A [`Clock`] for a machine where nothing waits (`$(…)`, a shell that
/// `ip netns exec` started): time jumps to each moment nc asks for.
pub struct AtOnce {
    now: std::cell::Cell<u64>,
    pid: u32,
}

impl AtOnce {
    pub fn new(now_us: u64, pid: u32) -> AtOnce {
        AtOnce { now: std::cell::Cell::new(now_us), pid }
    }
}

impl Clock for AtOnce {
    fn now_us(&self) -> u64 {
        self.now.get()
    }
    fn wait<'a>(&'a self, until_us: Option<u64>, _: &'a mut dyn FnMut() -> bool) -> LocalFuture<'a, bool> {
        let go = until_us.inspect(|t| self.now.set(self.now.get().max(*t))).is_some();
        Box::pin(std::future::ready(go))
    }
    fn pid(&self) -> u32 {
        self.pid
    }
}

/// Runs `nc` to its end at once (see [`AtOnce`]). `argv[0]` is `nc`.
pub fn run(socks: &mut dyn InetSockets, argv: &[String], stdin: &str, pid: u32) -> Output {
    let clock = AtOnce::new(socks.now_us(), pid);
    crate::sched::block_on(run_waiting(socks, argv, stdin, &clock)).unwrap_or_default()
}

/// Runs `nc`, waiting on `clock`.
pub async fn run_waiting(socks: &mut dyn InetSockets, argv: &[String], stdin: &str, clock: &dyn Clock) -> Output {
    let o = match opts::parse(argv) {
        Ok(o) => o,
        Err(f) => return f.output(),
    };
    let start = clock.now_us().max(socks.now_us());
    let mut cx = Cx { socks, clock, out: Timed::new(start) };
    let status = if o.unix {
        cx.fail(format!("{}: No such file or directory", o.host.as_deref().unwrap_or_default()))
    } else if o.listen {
        server::serve(&mut cx, &o, stdin).await
    } else {
        client::connect_all(&mut cx, &o, stdin).await
    };
    let end = cx.now_us();
    cx.out.finish(end, status)
}

/// What nc works with: its sockets, its clock, and what it printed.
pub(super) struct Cx<'a> {
    pub socks: &'a mut dyn InetSockets,
    pub clock: &'a dyn Clock,
    pub out: Timed,
}

impl Cx<'_> {
    pub fn now_us(&self) -> u64 {
        self.clock.now_us().max(self.socks.now_us())
    }

    /// Writes to stdout.
    pub fn print(&mut self, text: String) {
        self.write(Stream::Stdout, text);
    }

    /// Writes on `stream` now (`Timed::write`).
    fn write(&mut self, stream: Stream, text: String) {
        let now = self.now_us();
        self.out.write(self.clock, now, stream, text);
    }

    /// `warn()`/`warnx()`: `nc: …` on stderr.
    pub fn warn(&mut self, text: String) {
        self.warn_plain(format!("nc: {text}\n"));
    }

    /// A line on stderr as it is (`Connection to … succeeded!`).
    pub fn warn_plain(&mut self, text: String) {
        self.write(Stream::Stderr, text);
    }

    /// `errx(1, …)`: the status to exit with.
    pub fn fail(&mut self, text: String) -> i32 {
        self.warn(text);
        1
    }

    /// Waits until `until_us` (if any), the engine's next event, or a
    /// change in what `watch`'s sockets would poll as; then lets the
    /// engine catch up with the clock. False: nothing can come any more.
    pub async fn idle(&mut self, watch: &[SockId], until_us: Option<u64>) -> bool {
        idle(self.socks, self.clock, watch, until_us).await
    }

    /// Lets the engine reach the clock (after others ran).
    pub fn catch_up(&mut self) {
        let now = self.now_us();
        self.socks.run_until(now);
    }
}

/// Waits on `clock` until `until_us` (if any), the engine's next event, or
/// a change in what `watch`'s sockets would poll as; then lets the engine
/// catch up with the clock. False: nothing can come any more. (nc's and
/// curl's wait.)
pub(crate) async fn idle(
    socks: &mut dyn InetSockets,
    clock: &dyn Clock,
    watch: &[SockId],
    until_us: Option<u64>,
) -> bool {
    // The clock counts milliseconds, packets cross a wire in
    // microseconds: what the run has due within the current
    // millisecond happens now, without waiting for the next one (a
    // server's FIN reaches its peer before the next command starts).
    let horizon = (clock.now_us() / 1000 + 1) * 1000;
    if let Some(t) = socks.next_event().filter(|t| *t < horizon) {
        return socks.run_until(t);
    }
    let go = {
        let socks: &dyn InetSockets = &*socks;
        let polled =
            |s: &dyn InetSockets| -> Vec<Option<Readiness>> { watch.iter().map(|x| s.poll(*x).ok()).collect() };
        let before = polled(socks);
        let next = socks.next_event();
        let target = match (until_us, next) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let mut changed = || polled(socks) != before || socks.next_event().is_some_and(|t| next.is_none_or(|n| t < n));
        clock.wait(target, &mut changed).await
    };
    let now = clock.now_us().max(socks.now_us());
    socks.run_until(now);
    go
}

/// `inet_aton()`: `a.b.c.d`, `a.b.c`, `a.b`, `a`, each part decimal, octal
/// (`0…`) or hex (`0x…`), the last one filling the remaining bytes.
pub(super) fn inet_aton(s: &str) -> Option<Ipv4Addr> {
    let parts: Vec<&str> = s.split('.').collect();
    if parts.len() > 4 {
        return None;
    }
    let mut nums = Vec::new();
    for p in &parts {
        let (digits, radix) = if let Some(h) = p.strip_prefix("0x").or_else(|| p.strip_prefix("0X")) {
            (h, 16)
        } else if p.len() > 1 && p.starts_with('0') {
            (&p[1..], 8)
        } else {
            (*p, 10)
        };
        if p.is_empty() || (digits.is_empty() && radix != 16) {
            return None;
        }
        nums.push(if digits.is_empty() { 0 } else { u64::from_str_radix(digits, radix).ok()? });
    }
    let (last, head) = nums.split_last()?;
    if head.iter().any(|n| *n > 255) || *last >= 1u64 << (8 * (4 - head.len())) {
        return None;
    }
    let v = head.iter().enumerate().fold(*last, |v, (i, n)| v | (n << (24 - 8 * i)));
    Some(Ipv4Addr::from(v as u32))
}

#[cfg(test)]
mod tests;
