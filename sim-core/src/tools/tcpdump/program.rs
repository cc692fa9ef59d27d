//! The `tcpdump` program, in tcpdump.c's order: the option loop
//! ([`super::opts`]), its warnings, the checks before capturing
//! ([`super::device`]: `-h`, `--version`, `-D`, the device, the link type,
//! the filter), the header lines, the capture ([`super::capture`]) with
//! each packet printed ([`super::print`]), the trailer.

use crate::netlink::sockets::{CaptureDevice, Captured, PacketSockets};
use crate::output::{Output, Stream};

use super::capture::{self, Host, Plan, Writer};
use super::device::{DeviceInfo, SaveFiles};
use super::dlt::Dlt;
use super::msg::Ending;
use super::opts::Direction;

/// The simulator keeps no savefiles: `-r` finds none, and `-w` checks
/// only that the file could be made (it writes nothing into it).
struct NoSaveFiles;

impl SaveFiles for NoSaveFiles {
    fn read(&self, _: &str) -> Result<Vec<u8>, &'static str> {
        Err("No such file or directory")
    }
    fn create(&self, path: &str) -> Result<(), &'static str> {
        if sim_shell::files::can_create(path) {
            Ok(())
        } else {
            Err("No such file or directory")
        }
    }
}

fn info(d: &CaptureDevice) -> DeviceInfo {
    DeviceInfo { name: d.name.clone(), up: d.up, running: d.running, loopback: d.loopback, carrier: d.carrier }
}

/// Runs `tcpdump` (`argv[0]` is its name), waiting on `host`.
pub async fn run_waiting(taps: &mut dyn PacketSockets, argv: &[String], host: &dyn Host) -> Output {
    let args: Vec<&str> = argv.iter().skip(1).map(String::as_str).collect();
    let fail = |f: super::Fail| f.output();
    let opts = match super::parse(&args) {
        Ok(o) => o,
        Err(f) => return fail(f),
    };
    let devices = taps.capture_devices();
    let infos: Vec<DeviceInfo> = devices.iter().map(info).collect();
    let mut w = Writer::new(host);
    if !opts.warnings.is_empty() {
        w.write(Stream::Stderr, opts.warnings.clone());
    }
    let cap = match super::check(&opts, &infos, &NoSaveFiles) {
        Ok(c) => c,
        Err(f) => {
            let status = f.status;
            w.write(if f.stdout { Stream::Stdout } else { Stream::Stderr }, f.text);
            return w.finish(status);
        }
    };
    if !cap.notes.is_empty() {
        w.write(Stream::Stderr, cap.notes.clone());
    }
    w.write(Stream::Stderr, cap.header(&opts));
    let any = cap.device == "any";
    let ifindex = if any { None } else { devices.iter().find(|d| d.name == cap.device).map(|d| d.ifindex) };
    let names: Vec<(u32, String)> = devices.iter().map(|d| (d.ifindex, d.name.clone())).collect();
    let mut printer = super::print::Printer::new(super::print::PrintOpts::of(&opts, cap.dlt != Dlt::En10mb));
    let writing = opts.write_file.is_some();
    let mut print = |c: &Captured| {
        if writing {
            return String::new();
        }
        let name = names.iter().find(|(i, _)| *i == c.ifindex).map_or("", |(_, n)| n.as_str());
        printer.packet(c, name)
    };
    let plan = Plan {
        ifindex,
        count: opts.count,
        filter: cap.filter.as_ref(),
        outgoing: match opts.direction {
            Some(Direction::In) => Some(false),
            Some(Direction::Out) => Some(true),
            Some(Direction::InOut) | None => None,
        },
        loopbacks: devices.iter().filter(|d| d.loopback).map(|d| d.ifindex).collect(),
        print: &mut print,
    };
    let n = capture::run(taps, &mut w, plan).await;
    capture::trailer(&mut w, Ending { writing: opts.write_file.is_some(), ..n });
    w.finish(0)
}
