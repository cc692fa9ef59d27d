//! `ping` (iputils 20221126) over the packet engine, in virtual time.
//!
//! A count-less ping cannot run forever in a simulated terminal: it sends
//! four probes and then stops as if the user had pressed Ctrl-C (it prints
//! `^C` before the statistics). `-w DEADLINE` without `-c` runs until the
//! deadline instead.
//!
//! No ping keeps the page waiting either: whatever its count, deadline and
//! interval, one that has run for [`RUN_LIMIT_MS`] of virtual time (five
//! minutes, as long as the shell lets a loop run) or sent [`PROBES_MAX`]
//! probes stops the same way, with `^C` and the statistics. No lesson or
//! recording comes near either bound (they send a handful of probes).

use std::net::Ipv4Addr;

use crate::netlink::sockets::{Datagram, EchoRequest, Errno, RouteKind, SendError, SockId, SockType, Sockets, LOOP_US};
use crate::output::Output;
use crate::rng::mix;

pub(crate) mod millis;
mod opts;
#[cfg(feature = "ipv6")]
mod six;
mod stats;

#[cfg(feature = "text-tools")]
pub(crate) use opts::USAGE_TEXT;
pub use opts::{parse, Family, Opts};

/// Probes a count-less ping sends before its simulated Ctrl-C.
pub const INTERRUPT_AFTER: u64 = 4;
pub use super::RUN_LIMIT_MS;
/// Probes after which any ping is interrupted (`ping -i 0` sends them all
/// at one virtual instant, so the time limit alone never ends it).
pub const PROBES_MAX: u64 = 10_000;
/// iputils' `MIN_INTERVAL`, the shortest pause between sends, in ms.
const MIN_INTERVAL_MS: u64 = 10;

/// Lets virtual time reach a moment (µs) before ping acts at it: a
/// machine that runs other programs meanwhile suspends ping there.
pub type Pace<'a> = &'a dyn Fn(u64) -> sim_shell::LocalFuture<'static, ()>;

/// Runs `ping` over a kernel's sockets, to its end at once. `argv[0]` is `ping`.
pub fn run(socks: &mut dyn Sockets, argv: &[String]) -> Output {
    let at_once: Pace<'_> = &|_| Box::pin(std::future::ready(()));
    crate::sched::block_on(run_paced(socks, argv, at_once)).unwrap_or_default()
}

/// Runs `ping`, waiting on `pace` before each moment it acts at (a probe
/// to send, a reply due, its end).
pub async fn run_paced(socks: &mut dyn Sockets, argv: &[String], pace: Pace<'_>) -> Output {
    let o = match opts::parse(argv) {
        Ok(o) => o,
        Err(out) => return out,
    };
    let mut pre = Output::new();
    for w in &o.warnings {
        pre.err(format!(
            "{p}: option argument contains garbage: {w}\n{p}: this will become fatal error in the future\n",
            p = o.prog
        ));
    }
    ping(socks, &o, pre, pace).await
}

/// One answer for the run (ping6 names each reply's sender itself).
fn receive(socks: &dyn Sockets, run: &mut stats::Run, m: &Datagram, out: &mut Output) {
    #[cfg(feature = "ipv6")]
    if run.v6 {
        run.set_who(six::sender(socks, m));
    }
    let _ = socks;
    run.receive(m, out);
}

fn fail(mut out: Output, msg: String, status: i32) -> Output {
    out.err(msg);
    out.status = status;
    out
}

const BROADCAST: &str = "ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules\n";

async fn ping(socks: &mut dyn Sockets, o: &Opts, mut out: Output, pace: Pace<'_>) -> Output {
    let literal = o.dest.parse::<Ipv4Addr>().ok();
    if literal.is_some() && o.family == Family::V6 {
        return fail(out, format!("{}: {}: Address family for hostname not supported\n", o.prog, o.dest), 2);
    }
    #[cfg(feature = "ipv6")]
    if literal.is_none() && (o.family == Family::V6 || six::is_literal(&o.dest)) {
        return match six::start(socks, o, &mut out) {
            Ok((sock, ident, run)) => probes(socks, o, out, pace, sock, ident, run).await,
            Err(status) => {
                out.status = status;
                out
            }
        };
    }
    let (dst, name) = match literal {
        Some(a) => (a, None),
        None => match socks.resolve(&o.dest) {
            Some(a) => (a, Some(o.dest.clone())),
            None => return fail(out, format!("ping: {}: Temporary failure in name resolution\n", o.dest), 2),
        },
    };
    let Ok(sock) = socks.socket(SockType::IcmpEcho) else {
        return fail(out, "ping: socket: Invalid argument\n".into(), 2);
    };
    // -I: an address to bind to, or a device.
    let mut bound_dev = false;
    if let Some(i) = &o.iface {
        match i.parse::<Ipv4Addr>() {
            Ok(a) => {
                if socks.bind(sock, a.into()).is_err() {
                    return fail(out, "ping: bind: Cannot assign requested address\n".into(), 2);
                }
            }
            Err(_) => {
                if socks.bind_device(sock, i).is_err() {
                    return fail(out, format!("ping: SO_BINDTODEVICE {i}: No such device\n"), 2);
                }
                bound_dev = true;
            }
        }
    }
    // connect(): the route decides the source address, or fails.
    let conn = match socks.connect(sock, dst.into()) {
        Ok(c) => c,
        Err(Errno::EACCES) => return fail(out, BROADCAST.into(), 2),
        Err(e) => return fail(out, format!("ping: connect: {}\n", e.text()), 2),
    };
    if conn.kind == RouteKind::Broadcast {
        return fail(out, BROADCAST.into(), 2);
    }
    let src = conn.src;
    let shown = match &name {
        Some(nm) => nm.clone(),
        None => dst.to_string(),
    };
    let from = match &o.iface {
        Some(i) if bound_dev => format!("from {src} {i}: "),
        Some(_) => format!("from {src} : "),
        None => String::new(),
    };
    let head = format!("PING {shown} ({dst}) {from}{}({}) bytes of data.\n", o.size, o.size + 28);
    #[cfg(feature = "explain")]
    crate::explain::record::printed(crate::explain::ping::tag(&head));
    out.out(head);

    let t0 = socks.now_us();
    let mut run = stats::Run::new(t0, o, name.map(|nm| format!("{nm} ({dst})")).unwrap_or_else(|| dst.to_string()));
    run.dst = (!dst.is_broadcast() && !dst.is_multicast()).then_some(dst.into());
    run.multicast = dst.is_multicast();
    probes(socks, o, out, pace, sock, conn.ident, run).await
}

/// Sends the probes and takes their answers until the count, the
/// deadline or the limits end the run, then prints the statistics.
async fn probes(
    socks: &mut dyn Sockets,
    o: &Opts,
    mut out: Output,
    pace: Pace<'_>,
    sock: SockId,
    ident: u16,
    mut run: stats::Run,
) -> Output {
    let t0 = socks.now_us();
    let asked = o.count.unwrap_or(if o.deadline.is_some() { u64::MAX } else { INTERRUPT_AFTER });
    let count = asked.min(PROBES_MAX);
    let asked_deadline = o.deadline.map_or(u64::MAX, |d| t0.saturating_add(d.saturating_mul(1_000_000)));
    let limit = t0 + RUN_LIMIT_MS * 1000;
    let deadline = asked_deadline.min(limit);
    // With a deadline the count is of answers: ping sends until it has
    // them or the deadline comes (pinger() stops at the count only without
    // one).
    let sends = if o.deadline.is_some() { PROBES_MAX } else { count };
    let mut next_send = t0;
    let mut exit_at = u64::MAX;
    let mut oom_count = 0;
    loop {
        let target = if run.sent < sends { next_send } else { exit_at };
        let target = target.min(deadline);
        // Deliver everything due before the next step, stopping once done.
        while let Some(t) = socks.next_event().filter(|t| *t <= target) {
            pace(t).await;
            if !socks.run_until(t) {
                break;
            }
            for m in socks.recv(sock) {
                receive(socks, &mut run, &m, &mut out);
            }
            if run.done(count) {
                break;
            }
        }
        if (run.done(count)) || socks.exhausted() {
            break;
        }
        pace(target).await;
        socks.run_until(target);
        if socks.now_us() >= deadline {
            break;
        }
        if run.sent >= sends {
            break;
        }
        let seq = (run.sent + 1) as u16;
        let req = EchoRequest { seq, data_len: o.size, ttl: o.ttl, pmtudisc: o.pmtudisc, tos: o.tos };
        let now = socks.now_us();
        // An IP packet cannot exceed 65535 bytes: sendmsg fails, nothing leaves.
        // (An IPv6 payload's limit is the kernel's to tell.)
        let sent = if run.v6 || o.size + 28 <= 65535 { socks.send_echo(sock, req) } else { Ok(()) };
        let jitter = o.interval_ms * 16 / 1000 + mix(&[u64::from(ident), run.sent]) % (o.interval_ms / 200 + 1);
        next_send = now + (o.interval_ms + jitter) * 1000;
        match sent {
            Err(SendError::NoBufs) => {
                // pinger(): the device queue is "full"; try again (the token
                // bucket allows it an interval later) until oom_count times
                // half an interval reaches the linger time, then give up on
                // this probe. oom_count is only reset by a successful send.
                oom_count += 1;
                let nores = (o.interval_ms / 2).clamp(MIN_INTERVAL_MS, 500);
                run.on_attempt(now);
                next_send = now + (o.interval_ms + 1) * 1000;
                if oom_count * nores < o.linger_ms {
                    continue;
                }
                run.on_send(now);
                run.local_error(&mut out, now, "ping: sendmsg: No buffer space available\n".into(), false);
            }
            Err(SendError::MsgSize { mtu }) => {
                run.on_send(now);
                let text = if run.v6 {
                    format!("{}: local error: message too long, mtu: {mtu}\n", o.prog)
                } else {
                    format!("ping: local error: message too long, mtu={mtu}\n")
                };
                run.local_error(&mut out, now, text, true);
                if run.done(count) {
                    // Recorded: ping notices it is done an interval later.
                    pace(now + o.interval_ms * 1000).await;
                    socks.run_until(now + o.interval_ms * 1000);
                    break;
                }
            }
            Err(SendError::NotPermitted) => {
                // An OUTPUT REJECT: its ICMP error came back through lo and
                // is read from the error queue before sendmsg's failure is
                // reported (recorded order).
                oom_count = 0;
                run.on_send(now);
                pace(now + LOOP_US).await;
                socks.run_until(now + LOOP_US);
                for m in socks.recv(sock) {
                    receive(socks, &mut run, &m, &mut out);
                }
                run.local_error(&mut out, now, "ping: sendmsg: Operation not permitted\n".into(), false);
            }
            _ => {
                oom_count = 0;
                run.on_send(now);
            }
        }
        if run.sent >= sends {
            let wait_ms = if run.received > 0 { (2 * run.tmax_us / 1000).max(o.interval_ms) } else { o.linger_ms };
            exit_at = socks.now_us() + wait_ms * 1000;
        }
    }
    let end = socks.now_us();
    let interrupted = (o.count.is_none() && o.deadline.is_none())
        || (asked > PROBES_MAX && run.sent >= PROBES_MAX)
        || (asked_deadline > limit && end >= limit);
    if interrupted {
        out.out_after(0, "^C");
    }
    run.finish(end, o, &mut out);
    out
}
