//! tcpdump's capture loop, in virtual time: it opens a packet socket on
//! the chosen device, prints each frame its filter accepts as the lab's
//! clock reaches it, and ends at `-c`'s count, at a signal it handles
//! (SIGINT, SIGTERM, SIGHUP: it prints its counts and exits 0), or when
//! nothing can ever come (a program run at once, where nothing waits).

use crate::netlink::sockets::{Captured, PacketSockets, PktType, TapId};
use crate::output::{Output, Stream};
use crate::tools::nc::Clock;
use crate::tools::timed::Timed;
use sim_shell::LocalFuture;

use super::filter::Filter;
use super::msg::Ending;

/// What tcpdump waits on: nc's clock, and the signals it handles.
pub trait Host: Clock {
    /// Installs its handlers for SIGINT, SIGTERM and SIGHUP.
    fn catch_signals(&self) {}
    /// A handled signal that came and was not acted on yet.
    fn signalled(&self) -> Option<i32> {
        None
    }
}

impl Host for crate::tools::nc::AtOnce {}

/// libpcap hands frames over in blocks (TPACKET_V3): a frame that comes
/// within this long after the one that reached `-c`'s count, and that
/// the kernel made at that instant, is still counted as "received by
/// filter" (README of `tests/data/capture`).
pub const BLOCK_US: u64 = 1000;

/// What one capture is asked to do.
pub struct Plan<'a> {
    /// The device (`None`: `any`).
    pub ifindex: Option<u32>,
    pub count: Option<u64>,
    pub filter: Option<&'a Filter>,
    /// `-Q`: only what arrives (`Some(false)`) or only what leaves (`Some(true)`).
    pub outgoing: Option<bool>,
    /// Loopback devices by ifindex: libpcap drops their outgoing copy
    /// (the same packet comes back in), after the kernel counted it.
    pub loopbacks: Vec<u32>,
    /// Prints one frame: everything after the timestamp (nothing: `-w`
    /// writes it to its file instead).
    pub print: &'a mut dyn FnMut(&Captured) -> String,
}

/// Where tcpdump writes (`Timed`: at once where the host shows it),
/// stamped with its host's clock.
pub struct Writer<'a> {
    pub host: &'a dyn Host,
    out: Timed,
}

impl<'a> Writer<'a> {
    pub fn new(host: &'a dyn Host) -> Writer<'a> {
        Writer { host, out: Timed::new(host.now_us()) }
    }

    pub fn write(&mut self, stream: Stream, text: String) {
        self.out.write(self.host, self.host.now_us(), stream, text);
    }

    /// The output, with the time that passed since the last write.
    pub fn finish(self, status: i32) -> Output {
        self.out.finish(self.host.now_us(), status)
    }
}

/// Runs the capture until it ends (the caller writes the header lines
/// before and the trailer after).
pub fn run<'a>(taps: &'a mut dyn PacketSockets, w: &'a mut Writer<'_>, cap: Plan<'a>) -> LocalFuture<'a, Ending> {
    Box::pin(async move {
        let tap = taps.capture_open(cap.ifindex);
        w.host.catch_signals();
        let counts = capture(taps, w, tap, cap).await;
        taps.capture_close(tap);
        counts
    })
}

async fn capture(taps: &mut dyn PacketSockets, w: &mut Writer<'_>, tap: TapId, cap: Plan<'_>) -> Ending {
    let mut n = Ending::default();
    // When the frame that reached the count was seen.
    let mut full_at: Option<u64> = None;
    let mut yielded = false;
    loop {
        for c in taps.capture_take(tap) {
            if full_at.is_some_and(|t| c.at_us > t + BLOCK_US) {
                continue;
            }
            let out = c.pkt_type == PktType::Outgoing;
            if cap.outgoing.is_some_and(|o| o != out) || !cap.filter.is_none_or(|f| f.matches(&c.frame)) {
                continue;
            }
            n.received += 1;
            let own_echo = c.pkt_type == PktType::Outgoing && cap.loopbacks.contains(&c.ifindex);
            if own_echo || full_at.is_some() {
                continue;
            }
            let text = (cap.print)(&c);
            if !text.is_empty() {
                let line = format!("{} {text}", super::clock_text(c.at_us));
                #[cfg(feature = "explain")]
                crate::explain::record::printed(crate::explain::tcpdump::tag(&line));
                w.write(Stream::Stdout, line);
            }
            n.captured += 1;
            if cap.count.is_some_and(|max| n.captured >= max) {
                full_at = Some(c.at_us);
            }
        }
        if full_at.is_some() && yielded {
            return n;
        }
        if w.host.signalled().is_some() {
            n.signalled = true;
            return n;
        }
        // Once full, it looks once more after what is due at this instant
        // ran (the reply to the ping it counted).
        let until = full_at.map(|_| w.host.now_us());
        yielded = full_at.is_some();
        let go = {
            let taps: &dyn PacketSockets = &*taps;
            let host = w.host;
            let mut changed = || taps.capture_pending(tap) > 0 || host.signalled().is_some();
            host.wait(until, &mut changed).await
        };
        if !go {
            // Nothing can come any more: it ends as if interrupted.
            n.signalled = full_at.is_none();
            return n;
        }
    }
}

/// The trailer: the newline a signal leaves on stdout, the counts on stderr.
pub fn trailer(w: &mut Writer<'_>, ending: Ending) {
    let (out, err) = ending.trailer();
    if !out.is_empty() {
        w.write(Stream::Stdout, out);
    }
    w.write(Stream::Stderr, err);
}
