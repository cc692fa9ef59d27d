//! `ping` (iputils 20221126) over the packet engine, in virtual time.
//!
//! A count-less ping cannot run forever in a simulated terminal: it sends
//! four probes and then stops as if the user had pressed Ctrl-C (it prints
//! `^C` before the statistics). `-w DEADLINE` without `-c` runs until the
//! deadline instead.

use std::net::Ipv4Addr;

use crate::kernel::{Errno, Kernel, NsId};
use crate::output::Output;
use crate::packet::engine::Engine;
use crate::packet::fib::{self, Kind};
use crate::packet::ip::{SendError, DEFAULT_TTL};
use crate::packet::wire::{Icmp, Ipv4Packet};
use crate::packet::Trace;

mod opts;
mod stats;

pub use opts::{parse, Opts};

/// Probes a count-less ping sends before its simulated Ctrl-C.
pub const INTERRUPT_AFTER: u64 = 4;
/// iputils' `MIN_INTERVAL`, the shortest pause between sends, in ms.
const MIN_INTERVAL_MS: u64 = 10;

/// Runs `ping` in namespace `ns`. `argv[0]` is `ping`.
pub fn run(kernel: &mut Kernel, ns: NsId, argv: &[String]) -> Output {
    run_traced(kernel, ns, argv).0
}

/// Runs `ping` and also returns the trace of every packet it caused.
pub fn run_traced(kernel: &mut Kernel, ns: NsId, argv: &[String]) -> (Output, Trace) {
    let o = match opts::parse(argv) {
        Ok(o) => o,
        Err(out) => return (out, Trace::default()),
    };
    let mut pre = Output::new();
    for w in &o.warnings {
        pre.err(format!(
            "ping: option argument contains garbage: {w}\nping: this will become fatal error in the future\n"
        ));
    }
    let (out, trace) = ping(kernel, ns, &o, pre);
    (out, trace)
}

fn fail(mut out: Output, msg: String, status: i32) -> (Output, Trace) {
    out.err(msg);
    out.status = status;
    (out, Trace::default())
}

/// A small deterministic hash (FNV-1a) for idents and jitter.
fn mix(parts: &[u64]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.to_le_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

fn ping(kernel: &mut Kernel, ns: NsId, o: &Opts, mut out: Output) -> (Output, Trace) {
    let (dst, name) = match o.dest.parse::<Ipv4Addr>() {
        Ok(a) => (a, None),
        Err(_) if o.dest == "localhost" => (Ipv4Addr::LOCALHOST, Some("localhost".to_string())),
        Err(_) => return fail(out, format!("ping: {}: Temporary failure in name resolution\n", o.dest), 2),
    };
    let Some(n) = kernel.ns(ns) else { return fail(out, "ping: socket: Invalid argument\n".into(), 2) };
    // -I: an address to bind to, or a device.
    let (mut src, oif) = match &o.iface {
        None => (None, None),
        Some(i) => match i.parse::<Ipv4Addr>() {
            Ok(a) if fib::is_local(n, a) => (Some(a), None),
            Ok(_) => return fail(out, "ping: bind: Cannot assign requested address\n".into(), 2),
            Err(_) => match n.ifindex_of(i) {
                Some(idx) => (None, Some(idx)),
                None => return fail(out, format!("ping: SO_BINDTODEVICE {i}: No such device\n"), 2),
            },
        },
    };
    // connect(): the route decides the source address, or fails.
    let r = match fib::lookup(n, dst, oif) {
        Ok(r) => r,
        Err(e) if e.errno == Errno::EACCES => {
            return fail(
                out,
                "ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules\n".into(),
                2,
            )
        }
        Err(e) => {
            let (o, _) = fail(out, format!("ping: connect: {}\n", e.errno.text()), 2);
            return (o, connect_trace(kernel, ns, dst));
        }
    };
    if r.kind == Kind::Broadcast {
        return fail(
            out,
            "ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules\n".into(),
            2,
        );
    }
    if src.is_none() {
        src = match r.kind {
            Kind::Local => r.src.or(Some(dst)),
            _ => r.src,
        };
    }
    let src = src.unwrap_or(Ipv4Addr::UNSPECIFIED);
    let shown = match &name {
        Some(nm) => nm.clone(),
        None => dst.to_string(),
    };
    let from = match (&o.iface, oif) {
        (Some(i), Some(_)) => format!("from {src} {i}: "),
        (Some(_), None) => format!("from {src} : "),
        _ => String::new(),
    };
    out.out(format!("PING {shown} ({dst}) {from}{}({}) bytes of data.\n", o.size, o.size + 28));

    let ident = (mix(&[kernel.now_ms, u64::from(ns.0), u64::from(u32::from(dst))]) & 0xffff) as u16;
    let mut e = Engine::new(kernel);
    let t0 = e.now_us();
    let mut run = stats::Run::new(t0, o, name.map(|nm| format!("{nm} ({dst})")).unwrap_or_else(|| dst.to_string()));
    let count = o.count.unwrap_or(if o.deadline.is_some() { u64::MAX } else { INTERRUPT_AFTER });
    let deadline = o.deadline.map(|d| t0 + d * 1_000_000);
    let mut next_send = t0;
    let mut exit_at = u64::MAX;
    let mut oom_count = 0;
    loop {
        let target = if run.sent < count { next_send } else { exit_at };
        let target = deadline.map_or(target, |d| target.min(d));
        // Deliver everything due before the next step, stopping once done.
        while let Some(t) = e.next_event().filter(|t| *t <= target) {
            if !e.run_until(t) {
                break;
            }
            for m in e.take_inbox() {
                if m.ns == ns && m.pkt.payload.echo_id() == ident {
                    run.receive(&m, &mut out);
                }
            }
            if run.sent >= count && run.done(count) {
                break;
            }
        }
        if (run.sent >= count && run.done(count)) || e.exhausted {
            break;
        }
        e.run_until(target);
        if deadline.is_some_and(|d| e.now_us() >= d) {
            break;
        }
        if run.sent >= count {
            break;
        }
        let seq = (run.sent + 1) as u16;
        let payload = Icmp::EchoRequest { ident, seq, data_len: o.size };
        let pkt = Ipv4Packet::new(src, dst, o.ttl.unwrap_or(DEFAULT_TTL), payload);
        let now = e.now_us();
        // An IP packet cannot exceed 65535 bytes: sendmsg fails, nothing leaves.
        let sent = if o.size + 28 <= 65535 { e.send_probe(ns, pkt, oif, o.pmtudisc) } else { Ok(()) };
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
                let text = format!("ping: local error: message too long, mtu={mtu}\n");
                run.local_error(&mut out, now, text, true);
                if run.sent >= count && run.done(count) {
                    // Recorded: ping notices it is done an interval later.
                    e.run_until(now + o.interval_ms * 1000);
                    break;
                }
            }
            _ => {
                oom_count = 0;
                run.on_send(now);
            }
        }
        if run.sent >= count {
            let wait_ms = if run.received > 0 { (2 * run.tmax_us / 1000).max(o.interval_ms) } else { o.linger_ms };
            exit_at = e.now_us() + wait_ms * 1000;
        }
    }
    let interrupted = o.count.is_none() && o.deadline.is_none();
    let end = e.now_us();
    let trace = e.finish();
    if interrupted {
        out.out_after(0, "^C");
    }
    run.finish(end, o, &mut out);
    (out, trace)
}

/// The trace of a ping that could not even connect: why there was no route.
fn connect_trace(kernel: &Kernel, ns: NsId, dst: Ipv4Addr) -> Trace {
    use crate::kernel::addr::{in_prefix, IfAddr};
    use crate::packet::{DropReason, Event, What};
    let Some(n) = kernel.ns(ns) else { return Trace::default() };
    let down_with =
        |pred: &dyn Fn(&crate::kernel::link::Link) -> bool| n.links.values().find(|l| !l.admin_up && pred(l));
    let (reason, dev) = if dst.is_loopback() {
        (DropReason::LoopbackDown, down_with(&|l| l.is_loopback()).map(|l| l.name.clone()))
    } else if let Some(l) =
        down_with(&|l| l.addrs.iter().filter_map(IfAddr::v4).any(|a| in_prefix(dst, a.local, a.prefix)))
    {
        (DropReason::LinkDown, Some(l.name.clone()))
    } else {
        (DropReason::NoRoute, None)
    };
    let label = match kernel.ns_name(ns) {
        Some(x) => x.to_string(),
        None if ns == NsId::HOST => "host".to_string(),
        None => format!("netns{}", ns.0),
    };
    let what = What::Dropped { reason, what: format!("ping {dst}") };
    Trace { events: vec![Event { at_us: kernel.now_ms * 1000, ns: label, dev, what }] }
}
