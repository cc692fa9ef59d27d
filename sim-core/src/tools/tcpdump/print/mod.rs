//! tcpdump 4.99.3's packet printer as a pure function of a captured
//! frame (and the per-connection TCP state tcpdump keeps for relative
//! sequence numbers): what follows `HH:MM:SS.uuuuuu ` (`clock_text`) for
//! each packet.
//! One file per layer as tcpdump's print-*.c: `link.rs` (Ethernet's and
//! LINUX_SLL2's `-e` heads, `any`'s interface and direction columns),
//! `arp.rs`, `ip.rs` (`-v`'s header, fragments), `icmp.rs`, `tcp.rs`,
//! `udp.rs` (with the few payload decoders the recordings show),
//! `dump.rs` (`-x`, `-X`, `-A`) and `names.rs` (ports, OUIs, protocols
//! as tcpdump names them without `-n`). The referee is the recordings in
//! `tests/data/capture/`.

mod arp;
mod dump;
mod icmp;
mod ip;
#[cfg(feature = "ipv6")]
mod ip6;
mod link;
mod names;
mod tcp;
mod udp;

#[cfg(test)]
mod tests;

use crate::netlink::sockets::{Captured, EthPayload};

/// `-x`, `-xx`, `-X`, `-XX`, `-A`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dump {
    #[default]
    None,
    /// `-x`: hex of the packet after the link header.
    Hex,
    /// `-xx`: hex of the whole frame.
    HexLink,
    /// `-X`: hex and ASCII after the link header.
    HexAscii,
    /// `-XX`: hex and ASCII of the whole frame.
    HexAsciiLink,
    /// `-A`: the packet after the link header as text.
    Ascii,
    /// `-AA`: the whole frame as text.
    AsciiLink,
}

/// The options that change how a packet prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PrintOpts {
    /// 0, 1 (`-n`) or 2 (`-nn`). tcpdump 4.99 prints no host names either
    /// way here (no DNS); any `-n` prints ports and MACs as numbers.
    pub numeric: u8,
    /// `-e`: the link-level header.
    pub link: bool,
    /// How many `-v`.
    pub verbose: u8,
    /// `-q`.
    pub quiet: bool,
    pub dump: Dump,
    /// Capturing on `any` (LINUX_SLL2: each line names the device and the
    /// direction).
    pub any: bool,
}

impl PrintOpts {
    /// The printing options of a command line; `any` when the link type
    /// is LINUX_SLL2. print.c's `pretty_print_packet()` takes `-X` before
    /// `-x` before `-A`, each counted twice or more for the link header.
    pub fn of(o: &super::Opts, any: bool) -> PrintOpts {
        let d = o.dump;
        let dump = match (d.hex_ascii, d.hex, d.ascii) {
            (1, ..) => Dump::HexAscii,
            (2.., ..) => Dump::HexAsciiLink,
            (0, 1, _) => Dump::Hex,
            (0, 2.., _) => Dump::HexLink,
            (0, 0, 1) => Dump::Ascii,
            (0, 0, 2..) => Dump::AsciiLink,
            (0, 0, 0) => Dump::None,
        };
        PrintOpts { numeric: o.numeric, link: o.link, verbose: o.verbose, quiet: o.quiet, dump, any }
    }

    fn names(&self) -> bool {
        self.numeric == 0
    }
}

/// The printer: options, and tcpdump's table of TCP conversations.
#[derive(Clone, Debug, Default)]
pub struct Printer {
    opts: PrintOpts,
    tcp: tcp::Conversations,
}

impl Printer {
    pub fn new(opts: PrintOpts) -> Printer {
        Printer { opts, tcp: tcp::Conversations::default() }
    }

    /// Everything tcpdump prints for one packet after `HH:MM:SS.uuuuuu `:
    /// the rest of the first line and any continuation lines (`-v`'s, the
    /// dumps), each ending in `'\n'`. `ifname` is the device's name (for
    /// `any`).
    pub fn packet(&mut self, c: &Captured, ifname: &str) -> String {
        let o = self.opts;
        let mut out = String::new();
        if o.any {
            link::sll2_head(&mut out, c, ifname, &o);
        } else if o.link {
            link::ether_head(&mut out, &c.frame, &o);
        }
        match &c.frame.payload {
            EthPayload::Arp(a) => arp::print(&mut out, a, &o),
            EthPayload::Ipv4(p) => ip::print(&mut out, p, &o, &mut self.tcp),
            #[cfg(feature = "ipv6")]
            EthPayload::Ipv6(p) => ip6::print(&mut out, p, o.link),
        }
        dump::print(&mut out, c, &o);
        out.push('\n');
        out
    }
}
