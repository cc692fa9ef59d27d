//! tcpdump's texts: `print_version()`, `print_usage()`, `error()`'s
//! `tcpdump: …` lines, the lines a live capture starts and ends with, and
//! `show_devices_and_exit()`'s listing.

use super::device::{Connection, Listed};
use super::dlt::Dlt;
use crate::output::Output;

/// libpcap's `MAXIMUM_SNAPLEN`.
pub const MAXIMUM_SNAPLEN: u32 = 262144;

/// `print_version()` (Debian 12's build: OpenSSL, no libsmi).
pub const VERSION: &str = "tcpdump version 4.99.3
libpcap version 1.10.3 (with TPACKET_V3)
OpenSSL 3.0.19 27 Jan 2026
";

/// `print_usage()` after the version lines.
pub const USAGE: &str = "Usage: tcpdump [-AbdDefhHIJKlLnNOpqStuUvxX#] [ -B size ] [ -c count ] [--count]
\t\t[ -C file_size ] [ -E algo:secret ] [ -F file ] [ -G seconds ]
\t\t[ -i interface ] [ --immediate-mode ] [ -j tstamptype ]
\t\t[ -M secret ] [ --number ] [ --print ] [ -Q in|out|inout ]
\t\t[ -r file ] [ -s snaplen ] [ -T type ] [ --version ]
\t\t[ -V file ] [ -w file ] [ -W filecount ] [ -y datalinktype ]
\t\t[ --time-stamp-precision precision ] [ --micro ] [ --nano ]
\t\t[ -z postrotate-command ] [ -Z user ] [ expression ]
";

/// Why tcpdump stops before capturing: what it prints, where, and its
/// status (1 for errors; 0 for `-h`, `--version` and `-D`, on stdout).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fail {
    pub text: String,
    pub status: i32,
    pub stdout: bool,
}

impl Fail {
    /// `error(…)`: `tcpdump: TEXT`, exit 1.
    pub fn error(text: String) -> Fail {
        Fail { text: format!("tcpdump: {text}\n"), status: 1, stdout: false }
    }

    /// getopt's complaint (if any), then `print_usage(stderr)`, exit 1.
    pub fn usage(complaint: String) -> Fail {
        let line = if complaint.is_empty() { complaint } else { format!("tcpdump: {complaint}\n") };
        Fail { text: format!("{line}{VERSION}{USAGE}"), status: 1, stdout: false }
    }

    /// `-h`: the usage on stdout, exit 0.
    pub fn help() -> Fail {
        Fail { text: format!("{VERSION}{USAGE}"), status: 0, stdout: true }
    }

    /// `--version`.
    pub fn version() -> Fail {
        Fail { text: VERSION.to_string(), status: 0, stdout: true }
    }

    /// `-D`'s listing.
    pub fn listing(devices: &[Listed]) -> Fail {
        Fail { text: list_devices(devices), status: 0, stdout: true }
    }

    /// This text before the rest, on stderr (`tcpdump: data link type …`).
    pub(super) fn after(self, before: &str) -> Fail {
        Fail { text: format!("{before}{}", self.text), ..self }
    }

    pub fn output(self) -> Output {
        let mut out = Output::status(self.status);
        if self.stdout {
            out.out(self.text);
        } else {
            out.err(self.text);
        }
        out
    }
}

/// The stderr lines before the first packet: `verbose output suppressed`
/// (not with `-v` or `-w`: then the prefix alone), and `listening on …`.
pub fn header(device: &str, dlt: Dlt, snaplen: u32, verbose: bool, writing: bool) -> String {
    let first = if verbose || writing {
        "tcpdump: ".to_string()
    } else {
        "tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n".to_string()
    };
    let (name, descr) = (dlt.name(), dlt.description());
    format!("{first}listening on {device}, link-type {name} ({descr}), snapshot length {snaplen} bytes\n")
}

/// `tcpdump: data link type NAME`, printed when `-y` (or `-i any`'s
/// default) set the link type.
pub fn data_link_type(dlt: Dlt) -> String {
    format!("tcpdump: data link type {}\n", dlt.name())
}

/// `tcpdump: WARNING: …`.
pub fn warning(text: &str) -> String {
    format!("tcpdump: WARNING: {text}\n")
}

fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// How a capture ended, and its counts: the last lines it prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ending {
    pub captured: u64,
    pub received: u64,
    pub dropped: u64,
    /// Ended by SIGTERM or SIGINT (not by `-c`).
    pub signalled: bool,
    /// `-w`: no empty line on stdout.
    pub writing: bool,
}

impl Ending {
    /// What goes to stdout (the empty line a signal leaves) and to stderr
    /// (`info(1)`'s three lines).
    pub fn trailer(&self) -> (String, String) {
        let out = if self.signalled && !self.writing { "\n" } else { "" };
        let Ending { captured: c, received: r, dropped: d, .. } = *self;
        let err = format!(
            "{c} packet{} captured\n{r} packet{} received by filter\n{d} packet{} dropped by kernel\n",
            plural(c),
            plural(r),
            plural(d)
        );
        (out.to_string(), err)
    }
}

/// `show_devices_and_exit()`: `N.NAME (DESCRIPTION) [FLAGS]` in
/// `pcap_findalldevs()`'s order.
pub fn list_devices(devices: &[Listed]) -> String {
    let mut s = String::new();
    for (i, d) in devices.iter().enumerate() {
        s += &format!("{}.{}", i + 1, d.name);
        if let Some(descr) = d.description {
            s += &format!(" ({descr})");
        }
        if d.up || d.running || d.loopback || d.wireless || d.connection != Connection::Unknown {
            let words: Vec<&str> =
                [(d.up, "Up"), (d.running, "Running"), (d.loopback, "Loopback"), (d.wireless, "Wireless")]
                    .into_iter()
                    .filter_map(|(on, w)| on.then_some(w))
                    .collect();
            s += " [";
            s += if words.is_empty() { "none".to_string() } else { words.join(", ") }.as_str();
            s += match (d.wireless, d.connection) {
                (_, Connection::NotApplicable) => "",
                (true, Connection::Unknown) => ", Association status unknown",
                (true, Connection::Connected) => ", Associated",
                (true, Connection::Disconnected) => ", Not associated",
                (false, Connection::Unknown) => ", Connection status unknown",
                (false, Connection::Connected) => ", Connected",
                (false, Connection::Disconnected) => ", Disconnected",
            };
            s += "]";
        }
        s += "\n";
    }
    s
}

/// `pcap_statustostr(PCAP_ERROR_NO_SUCH_DEVICE)` with the reason libpcap
/// adds: `NAME: No such device exists` and `(No such device exists)`.
pub fn no_such_device(name: &str) -> Fail {
    Fail::error(format!("{name}: No such device exists\n(No such device exists)"))
}

/// `PCAP_ERROR_IFACE_NOT_UP`.
pub fn not_up(name: &str) -> Fail {
    Fail::error(format!("{name}: That device is not up"))
}
