//! One ping run's bookkeeping and what it prints: reply and error lines,
//! and the statistics block, spaced in virtual time.

use litemap::LiteMap;

use crate::netlink::sockets::{Datagram, Echo};
use crate::output::Output;
use crate::rng::mix;
use crate::tools::fixed::fixed;

use super::Opts;

/// Counts and times of one run.
pub struct Run {
    t0: u64,
    /// What replies are "from" (`localhost (127.0.0.1)` or the address).
    who: String,
    /// The address pinged: a reply from elsewhere is marked
    /// `(DIFFERENT ADDRESS!)` (a DNAT nobody undid; ping6 never checks).
    pub dst: Option<std::net::IpAddr>,
    /// An ICMPv6 ping: its errors' texts are ping6_common.c's.
    pub v6: bool,
    /// A multicast destination: duplicates are counted but not marked
    /// `(DUP!)` (iputils marks them only with `-v` then).
    pub multicast: bool,
    /// Replies to a probe already answered (`nrepeats`).
    pub repeats: u64,
    pub sent: u64,
    pub received: u64,
    pub errors: u64,
    pipesize: u64,
    sent_at: LiteMap<u16, u64>,
    answered: LiteMap<u16, bool>,
    rtts: Vec<u64>,
    pub tmax_us: u64,
    /// Time of the last send or receive (what `time Nms` reports).
    last_event: u64,
    /// Time of the last line printed, in ms (for chunk delays).
    last_emit_ms: u64,
    timing: bool,
    quiet: bool,
    size: usize,
}

/// Formats microseconds as iputils prints a round-trip time.
pub fn fmt_rtt(us: u64) -> String {
    let (ms, frac) = (us / 1000, us % 1000);
    if us >= 100_000 {
        format!("{ms}")
    } else if us >= 10_000 {
        format!("{ms}.{}", frac / 100)
    } else if us >= 1000 {
        format!("{ms}.{:02}", frac / 10)
    } else {
        format!("{ms}.{frac:03}")
    }
}

/// `%g` of a percentage, as ping prints packet loss.
fn fmt_g(v: f64) -> String {
    if v == v.trunc() {
        return format!("{}", v as i64);
    }
    let digits = 6 - (v.abs().log10().floor() as i32 + 1);
    let s = fixed(v, digits.max(0) as usize);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

impl Run {
    pub fn new(t0: u64, o: &Opts, who: String) -> Run {
        Run {
            t0,
            who,
            dst: None,
            v6: false,
            multicast: false,
            repeats: 0,
            sent: 0,
            received: 0,
            errors: 0,
            pipesize: 0,
            sent_at: LiteMap::new(),
            answered: LiteMap::new(),
            rtts: Vec::new(),
            tmax_us: 0,
            last_event: t0,
            last_emit_ms: t0 / 1000,
            timing: o.size >= 16,
            quiet: o.quiet,
            size: o.size,
        }
    }

    fn emit(&mut self, out: &mut Output, at_us: u64, text: String) {
        #[cfg(feature = "explain")]
        crate::explain::record::printed(crate::explain::ping::tag(&text));
        let ms = at_us / 1000;
        out.out_after(ms.saturating_sub(self.last_emit_ms), text);
        self.last_emit_ms = self.last_emit_ms.max(ms);
    }

    /// What the next replies are from (ping6 prints each reply's sender,
    /// a link-local one with its device).
    #[cfg(feature = "ipv6")]
    pub fn set_who(&mut self, who: String) {
        self.who = who;
    }

    /// A send that failed locally: only the time moves on (`cur_time`).
    pub fn on_attempt(&mut self, at: u64) {
        self.last_event = at;
    }

    /// A hard local error, printed on stderr when it happens; `counted`
    /// errors (EMSGSIZE, reported through the error queue) are `+N errors`.
    pub fn local_error(&mut self, out: &mut Output, at_us: u64, text: String, counted: bool) {
        if counted {
            self.errors += 1;
        }
        if !self.quiet {
            let ms = at_us / 1000;
            out.err_after(ms.saturating_sub(self.last_emit_ms), text);
            self.last_emit_ms = self.last_emit_ms.max(ms);
        }
    }

    pub fn on_send(&mut self, at: u64) {
        self.sent += 1;
        self.sent_at.insert(self.sent as u16, at);
        self.last_event = at;
    }

    /// All probes answered (by replies or errors).
    pub fn done(&self, count: u64) -> bool {
        self.received + self.errors >= count
    }

    fn acknowledge(&mut self, seq: u16) {
        let diff = (self.sent as u16).wrapping_sub(seq);
        if diff <= 0x7fff {
            self.pipesize = self.pipesize.max(u64::from(diff) + 1);
        }
    }

    /// A reply or an error reached the socket.
    pub fn receive(&mut self, m: &Datagram, out: &mut Output) {
        match m.echo {
            Echo::Reply { seq, data_len, ttl } => {
                let Some(at) = self.sent_at.get(&seq).copied() else { return };
                // gather_statistics(): a second answer is a duplicate; its
                // time counts in the statistics like any other.
                let dup = self.answered.insert(seq, true).is_some();
                if dup {
                    self.repeats += 1;
                } else {
                    self.received += 1;
                }
                self.acknowledge(seq);
                self.last_event = m.at_us;
                let rtt = m.at_us.saturating_sub(at) + 10 + mix(&[at, u64::from(seq)]) % 40;
                self.rtts.push(rtt);
                self.tmax_us = self.tmax_us.max(rtt);
                if !self.quiet {
                    let mut time = if self.timing { format!(" time={} ms", fmt_rtt(rtt)) } else { String::new() };
                    if dup && !self.multicast {
                        time.push_str(" (DUP!)");
                    }
                    let line = match self.dst.filter(|d| *d != m.from) {
                        Some(_) => format!(
                            "{} bytes from {}: icmp_seq={seq} ttl={ttl}{time} (DIFFERENT ADDRESS!)\n",
                            data_len + 8,
                            m.from
                        ),
                        None => format!("{} bytes from {}: icmp_seq={seq} ttl={ttl}{time}\n", data_len + 8, self.who),
                    };
                    self.emit(out, m.at_us, line);
                }
            }
            #[cfg(feature = "ipv6")]
            Echo::Unreachable6 { seq, .. } | Echo::TooBig { seq, .. } => self.error(m, seq, out),
            Echo::Unreachable { seq, .. } | Echo::TimeExceeded { seq } => self.error(m, seq, out),
        }
    }

    /// An ICMP error about one of our probes: `From ADDR icmp_seq=N TEXT`.
    fn error(&mut self, m: &Datagram, seq: u16, out: &mut Output) {
        if !self.sent_at.contains_key(&seq) {
            return;
        }
        self.errors += 1;
        self.acknowledge(seq);
        self.last_event = m.at_us;
        let text = match m.echo {
            Echo::Unreachable { code, .. } => code.text(),
            #[cfg(feature = "ipv6")]
            Echo::Unreachable6 { code, .. } => format!("Destination unreachable: {}", code.text()),
            #[cfg(feature = "ipv6")]
            Echo::TooBig { mtu, .. } => format!("Packet too big: mtu={mtu}"),
            _ if self.v6 => "Time exceeded: Hop limit".into(),
            _ => "Time to live exceeded".into(),
        };
        if !self.quiet {
            let from = if self.v6 { self.who.clone() } else { m.from.to_string() };
            let line = format!("From {from} icmp_seq={seq} {text}\n");
            self.emit(out, m.at_us, line);
        }
    }

    /// Prints the statistics block at `end` and sets the exit status.
    pub fn finish(&mut self, end: u64, o: &Opts, out: &mut Output) {
        let _ = self.size;
        let mut s = format!("\n--- {} ping statistics ---\n", o.dest_shown());
        s.push_str(&format!("{} packets transmitted, {} received", self.sent, self.received));
        if self.repeats > 0 {
            s.push_str(&format!(", +{} duplicates", self.repeats));
        }
        if self.errors > 0 {
            s.push_str(&format!(", +{} errors", self.errors));
        }
        if self.sent > 0 {
            let loss = (self.sent - self.received) as f64 * 100.0 / self.sent as f64;
            let time_ms = (self.last_event - self.t0) / 1000;
            s.push_str(&format!(", {}% packet loss, time {time_ms}ms", fmt_g(loss)));
        }
        s.push('\n');
        let mut tail = Vec::new();
        if self.received > 0 && self.timing {
            let n = self.rtts.len() as u64;
            let sum: u64 = self.rtts.iter().sum();
            let sum2: u128 = self.rtts.iter().map(|r| u128::from(*r) * u128::from(*r)).sum();
            let avg = sum / n;
            let var = (sum2 / u128::from(n)).saturating_sub(u128::from(avg) * u128::from(avg));
            let mdev = (var as f64).sqrt() as u64;
            let min = self.rtts.iter().min().copied().unwrap_or(0);
            let max = self.rtts.iter().max().copied().unwrap_or(0);
            let f = |v: u64| format!("{}.{:03}", v / 1000, v % 1000);
            tail.push(format!("rtt min/avg/max/mdev = {}/{}/{}/{} ms", f(min), f(avg), f(max), f(mdev)));
        }
        if self.pipesize > 1 {
            tail.push(format!("pipe {}", self.pipesize));
        }
        // finish()'s closing putchar('\n'), an empty line without replies.
        s.push_str(&tail.join(", "));
        s.push('\n');
        self.emit(out, end, s);
        let expect = o.count.unwrap_or(0);
        out.status = if self.received == 0 || (o.deadline.is_some() && self.received < expect) { 1 } else { 0 };
    }
}

impl Opts {
    /// The destination as the statistics header names it.
    pub fn dest_shown(&self) -> &str {
        &self.dest
    }
}
