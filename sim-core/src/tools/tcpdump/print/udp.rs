//! print-udp.c: `SRC.PORT > DST.PORT: UDP, length N`, and the payload
//! printers the recordings reach (none under `-q`): DNS on 53 and 5353
//! (`domain [length 3 < 12] (invalid)`; longer messages are not decoded
//! here and print as plain UDP), TFTP on 69 (`TFTP, length 3,
//! tftp-#26729`: its opcode).

use super::{names, PrintOpts};
use crate::netlink::sockets::{Ipv4Packet, UdpDatagram};
use crate::tools::tcpdump::bytes;

pub(super) fn print(out: &mut String, p: &Ipv4Packet, u: &UdpDatagram, length: usize, o: &PrintOpts) {
    let n = o.names();
    out.push_str(&names::endpoints(p, u.sport, u.dport, true, n));
    let ulen = u.data.len();
    if o.verbose > 1 && p.frag.is_none_or(|f| !f.more) {
        // `-vv` checks the sum, which a veth leaves partial (see `bytes`).
        let b = bytes::ip_bytes(p);
        let (sum, should) = (u16::from_be_bytes([b[26], b[27]]), bytes::full_transport_checksum(&b));
        if sum == should {
            out.push_str("[udp sum ok] ");
        } else {
            out.push_str(&format!("[bad udp cksum 0x{sum:04x} -> 0x{should:04x}!] "));
        }
    }
    let has = |port: u16| u.sport == port || u.dport == port;
    if !o.quiet {
        if (has(53) || has(5353)) && ulen < 12 {
            out.push_str(&format!("domain [length {ulen} < 12] (invalid)"));
            return;
        }
        if has(69) && ulen >= 2 {
            let op = u16::from_be_bytes([u.data[0], u.data[1]]);
            let name = match op {
                1 => "RRQ",
                2 => "WRQ",
                3 => "DATA",
                4 => "ACK",
                5 => "ERROR",
                6 => "OACK",
                _ => "",
            };
            if name.is_empty() {
                out.push_str(&format!("TFTP, length {ulen}, tftp-#{op}"));
                return;
            }
        }
    }
    let avail = length.saturating_sub(8);
    if ulen > avail && p.frag.is_none() {
        out.push_str(&format!("UDP, bad length {ulen} > {avail}"));
    } else {
        out.push_str(&format!("UDP, length {ulen}"));
    }
}
