//! print-ascii.c's dumps after a packet's line: `-x` (hex), `-X` (hex
//! and ASCII), `-A` (text: unprintable bytes as `.`, lines broken at LF,
//! a CR before LF dropped), from the network header, or with `-xx`/`-XX`/`-AA`
//! from the link header (LINUX_SLL2's on `any`).

use super::{link, Dump, PrintOpts};
use crate::netlink::sockets::Captured;
use crate::tools::tcpdump::bytes;

pub(super) fn print(out: &mut String, c: &Captured, o: &PrintOpts) {
    let data = || match o.dump {
        Dump::HexLink | Dump::HexAsciiLink | Dump::AsciiLink if o.any => {
            let mut b = link::sll2_bytes(c);
            b.extend(bytes::payload_bytes(&c.frame));
            b
        }
        Dump::HexLink | Dump::HexAsciiLink | Dump::AsciiLink => bytes::frame_bytes(&c.frame),
        _ => bytes::payload_bytes(&c.frame),
    };
    match o.dump {
        Dump::None => {}
        Dump::Hex | Dump::HexLink => hex(out, &data()),
        Dump::HexAscii | Dump::HexAsciiLink => hex_ascii(out, &data()),
        Dump::Ascii | Dump::AsciiLink => ascii(out, &data()),
    }
}

fn graph(b: u8) -> char {
    if (0x21..0x7f).contains(&b) {
        b as char
    } else {
        '.'
    }
}

/// `hex_print_with_offset()`: `\n\t0x0000: ` then ` xxxx` per two bytes,
/// eight to a line.
fn hex(out: &mut String, data: &[u8]) {
    for (line, chunk) in data.chunks(16).enumerate() {
        out.push_str(&format!("\n\t0x{:04x}: ", line * 16));
        for pair in chunk.chunks(2) {
            out.push(' ');
            for b in pair {
                out.push_str(&format!("{b:02x}"));
            }
        }
    }
}

/// `hex_and_ascii_print_with_offset()`: the hex column padded to 40,
/// two spaces, the printable bytes.
fn hex_ascii(out: &mut String, data: &[u8]) {
    for (line, chunk) in data.chunks(16).enumerate() {
        let mut hex = String::new();
        for pair in chunk.chunks(2) {
            hex.push(' ');
            for b in pair {
                hex.push_str(&format!("{b:02x}"));
            }
        }
        let text: String = chunk.iter().map(|&b| graph(b)).collect();
        out.push_str(&format!("\n\t0x{:04x}: {hex:<40}  {text}", line * 16));
    }
}

/// `ascii_print()`.
fn ascii(out: &mut String, data: &[u8]) {
    out.push('\n');
    for (i, &b) in data.iter().enumerate() {
        let left = data.len() - i - 1;
        match b {
            b'\r' => {
                if left > 1 && data[i + 1] != b'\n' {
                    out.push('.');
                }
            }
            b'\t' | b' ' | b'\n' => out.push(b as char),
            _ => out.push(graph(b)),
        }
    }
}
