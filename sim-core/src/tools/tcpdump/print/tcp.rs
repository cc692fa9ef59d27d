//! print-tcp.c: `SRC.PORT > DST.PORT: Flags [S.], seq N, ack N, win N,
//! options [...], length N` (`-q`: `tcp N`), with sequence numbers made
//! relative as tcpdump does: a conversation is recorded by the first
//! segment with ACK set it sees (or any SYN-ACK), whose numbers print
//! absolute; later segments print relative to it. A SYN without ACK
//! records nothing, so a RST answering a SYN prints `ack ISN+1`, and its
//! second copy (`any`) `ack 1`. Port 80 and 8080 payloads go to the HTTP
//! printer.

use std::collections::HashMap;
use std::net::Ipv4Addr;

use super::{names, PrintOpts};
use crate::netlink::sockets::{Ipv4Packet, TcpSegment};
use crate::tools::tcpdump::bytes;

/// tcpdump's `tcp_seq_hash4`: one entry per conversation, keyed by its
/// addresses and ports in a fixed order (lower port first), holding the
/// initial sequence numbers of the two directions.
#[derive(Clone, Debug, Default)]
pub(super) struct Conversations(HashMap<(Ipv4Addr, Ipv4Addr, u32), (u32, u32)>);

/// `tcp_flag_values` in tcpdump's order.
fn flags(bits: u8) -> String {
    let s: String =
        [(0x01, 'F'), (0x02, 'S'), (0x04, 'R'), (0x08, 'P'), (0x10, '.'), (0x20, 'U'), (0x40, 'E'), (0x80, 'W')]
            .iter()
            .filter(|(b, _)| bits & b != 0)
            .map(|(_, c)| *c)
            .collect();
    if s.is_empty() {
        "none".into()
    } else {
        s
    }
}

pub(super) fn print(
    out: &mut String,
    p: &Ipv4Packet,
    t: &TcpSegment,
    length: usize,
    fragmented: bool,
    o: &PrintOpts,
    conns: &mut Conversations,
) {
    let n = o.names();
    out.push_str(&names::endpoints(p, t.sport, t.dport, false, n));
    let hlen = t.header_len();
    let data_len = length.saturating_sub(hlen);
    if o.quiet {
        out.push_str(&format!("tcp {data_len}"));
        return;
    }
    out.push_str(&format!("Flags [{}]", flags(t.flags.0)));
    let (mut seq, mut ack) = (t.seq, t.ack);
    if t.flags.ack() {
        let rev = t.sport > t.dport || (t.sport == t.dport && p.src.octets() > p.dst.octets());
        let key = if rev {
            (p.dst, p.src, u32::from(t.dport) << 16 | u32::from(t.sport))
        } else {
            (p.src, p.dst, u32::from(t.sport) << 16 | u32::from(t.dport))
        };
        match conns.0.get(&key) {
            Some(&(th_seq, th_ack)) if !t.flags.syn() => {
                if rev {
                    (seq, ack) = (seq.wrapping_sub(th_ack), ack.wrapping_sub(th_seq));
                } else {
                    (seq, ack) = (seq.wrapping_sub(th_seq), ack.wrapping_sub(th_ack));
                }
            }
            _ => {
                let entry = if rev { (ack.wrapping_sub(1), seq) } else { (seq, ack.wrapping_sub(1)) };
                conns.0.insert(key, entry);
            }
        }
    }
    if o.verbose > 0 && !fragmented {
        // Linux leaves the sum to the device (see `bytes`): it is never
        // right as a capture on a veth sees it.
        let b = bytes::ip_bytes(p);
        let sum = u16::from_be_bytes([b[20 + 16], b[20 + 17]]);
        let should = bytes::full_transport_checksum(&b);
        if sum == should {
            out.push_str(&format!(", cksum 0x{sum:04x} (correct)"));
        } else {
            out.push_str(&format!(", cksum 0x{sum:04x} (incorrect -> 0x{should:04x})"));
        }
    }
    if o.verbose > 1 || data_len > 0 || t.flags.syn() || t.flags.fin() || t.flags.rst() {
        out.push_str(&format!(", seq {seq}"));
        if data_len > 0 {
            out.push_str(&format!(":{}", seq.wrapping_add(data_len as u32)));
        }
    }
    if t.flags.ack() {
        out.push_str(&format!(", ack {ack}"));
    }
    out.push_str(&format!(", win {}", t.window));
    if !t.options.is_empty() {
        let opts: Vec<String> = t.options.iter().map(|o| o.to_string()).collect();
        out.push_str(&format!(", options [{}]", opts.join(",")));
    }
    out.push_str(&format!(", length {data_len}"));
    if data_len > 0 && [80, 8080].iter().any(|&x| t.sport == x || t.dport == x) {
        out.push_str(": ");
        http(out, &t.data, o);
    }
}

/// The request methods `http_print()` knows (print-http.c's `httpcmds`).
const HTTP_CMDS: &[&str] = &[
    "GET",
    "PUT",
    "COPY",
    "HEAD",
    "LOCK",
    "MOVE",
    "POLL",
    "POST",
    "BCOPY",
    "BMOVE",
    "MKCOL",
    "TRACE",
    "LABEL",
    "MERGE",
    "DELETE",
    "SEARCH",
    "UNLOCK",
    "REPORT",
    "UPDATE",
    "NOTIFY",
    "BDELETE",
    "CONNECT",
    "OPTIONS",
    "CHECKIN",
    "PROPFIND",
    "CHECKOUT",
    "CCM_POST",
    "SUBSCRIBE",
    "PROPPATCH",
    "BPROPFIND",
    "BPROPPATCH",
    "UNCHECKOUT",
    "MKACTIVITY",
    "MKWORKSPACE",
    "UNSUBSCRIBE",
    "RPC_CONNECT",
    "VERSION-CONTROL",
    "BASELINE-CONTROL",
];

/// `txtproto_print()` for HTTP: `HTTP`, and a request or response line
/// after `: ` (`-v`: `, length: N` and every text line after `\n\t`).
fn http(out: &mut String, data: &[u8], o: &PrintOpts) {
    out.push_str("HTTP");
    let mut print_this = false;
    let mut at = fetch_token(data, 0);
    if let Some((first, next)) = at {
        print_this = HTTP_CMDS.iter().any(|c| c.as_bytes().eq_ignore_ascii_case(first));
        at = fetch_token(data, next);
    }
    if let Some((second, _)) = at {
        print_this |= second.len() == 3 && second.iter().all(u8::is_ascii_digit);
    }
    if !print_this {
        return;
    }
    if o.verbose > 0 {
        out.push_str(&format!(", length: {}", data.len()));
        let mut at = 0;
        while at < data.len() {
            match txt_line(out, "\n\t", data, at) {
                Some(next) => at = next,
                None => break,
            }
        }
    } else {
        txt_line(out, ": ", data, 0);
    }
}

/// `fetch_token()`: the printable token at `at` and where the next one
/// starts (after spaces and tabs), or `None`.
fn fetch_token(data: &[u8], at: usize) -> Option<(&[u8], usize)> {
    let rest = data.get(at..)?;
    let len = rest.iter().position(|c| matches!(c, b' ' | b'\t' | b'\r' | b'\n')).unwrap_or(rest.len());
    let token = &rest[..len];
    if token.is_empty() || token.len() > 127 || !token.iter().all(|c| (0x20..0x7f).contains(c)) {
        return None;
    }
    let blanks = rest[len..].iter().take_while(|c| matches!(c, b' ' | b'\t')).count();
    Some((token, at + len + blanks))
}

/// `print_txt_line()`: the line from `at` (without its CRLF or LF) after
/// `prefix`; the index after it, or `None` where printing stops.
fn txt_line(out: &mut String, prefix: &str, data: &[u8], at: usize) -> Option<usize> {
    let mut i = at;
    while i < data.len() {
        let c = data[i];
        let end = match c {
            b'\n' => Some(i + 1),
            b'\r' if data.get(i + 1) == Some(&b'\n') => Some(i + 2),
            b'\r' => return None,
            c if !(0x20..0x7f).contains(&c) && c != b'\t' => return None,
            _ => None,
        };
        if let Some(next) = end {
            out.push_str(prefix);
            out.push_str(&String::from_utf8_lossy(&data[at..i]));
            return Some(next);
        }
        i += 1;
    }
    out.push_str(prefix);
    out.push_str(&String::from_utf8_lossy(&data[at..]));
    out.push_str(" [|http]");
    None
}
