//! The `tcpdump` program: its command line, its header lines, the capture
//! loop, its trailer. PROVISIONAL: a minimal reading of argv until the
//! options and printer modules land.

use crate::netlink::sockets::PacketSockets;
use crate::output::{Output, Stream};

use super::capture::{self, Capture, Host, Writer};
use super::filter::{Filter, LinkType};

/// Runs `tcpdump` (argv[0] is its name), waiting on `host`.
pub async fn run_waiting(taps: &mut dyn PacketSockets, argv: &[String], host: &dyn Host) -> Output {
    let mut dev: Option<String> = None;
    let mut count = None;
    let mut words = Vec::new();
    let mut args = argv.iter().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-i" => dev = args.next().cloned(),
            "-c" => count = args.next().and_then(|c| c.parse().ok()),
            s if s.starts_with('-') => {}
            s => words.push(s.to_string()),
        }
    }
    let devices = taps.capture_devices();
    let any = dev.as_deref() == Some("any");
    let ifindex = match dev.as_deref() {
        Some("any") => None,
        Some(name) => match devices.iter().find(|d| d.name == name) {
            Some(d) => Some(d.ifindex),
            None => return Output::error(format!("tcpdump: {name}: No such device exists\n"), 1),
        },
        None => devices.iter().find(|d| !d.loopback).map(|d| d.ifindex),
    };
    let link = if any { LinkType::LinuxSll2 } else { LinkType::Ethernet };
    let filter = match Filter::compile(&words.join(" "), link) {
        Ok(f) => f,
        Err(e) => return Output::error(format!("tcpdump: {e}\n"), 1),
    };
    let mut w = Writer::new(host);
    let name = dev.unwrap_or_default();
    w.write(Stream::Stderr, "tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n".into());
    w.write(
        Stream::Stderr,
        format!("listening on {name}, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n"),
    );
    let loopbacks = devices.iter().filter(|d| d.loopback).map(|d| d.ifindex).collect();
    let mut print = |c: &crate::netlink::sockets::Captured| format!("{}\n", crate::packet::l2::frame_what(&c.frame));
    let cap = Capture { ifindex, count, filter: filter.as_ref(), loopbacks, print: &mut print };
    let n = capture::run(taps, &mut w, cap).await;
    capture::trailer(&mut w, n);
    w.finish(0)
}
