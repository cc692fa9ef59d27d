//! How a call to a text tool crosses from one wasm module to another: the
//! site's first load leaves the tools out (they are about a tenth of it)
//! and runs them in a second module fetched when first used, which shares
//! no memory or types with the first. Both sides link this file, so the
//! two ends cannot disagree.
//!
//! Hand-made rather than serde: the whole format is a few length-prefixed
//! strings, and the tools' module links no serde at all (a serde format
//! would add its code to both modules for no gain). Little-endian:
//! - a call: `u32` argc, each argument as `u32` length + UTF-8, then stdin
//!   as `u32` length + UTF-8;
//! - an output: `i32` status, `u32` chunk count, each chunk as `u8` stream
//!   (0 stdout, 1 stderr), `u64` delay in ms, `u32` length + UTF-8.
//!
//! Decoding never panics: a short or malformed buffer is `None`.

use crate::output::{Chunk, Output, Stream};

/// Bumped whenever the format above changes; the tools' module exports it
/// and the site refuses a module of another version.
pub const VERSION: u32 = 1;

/// Encodes a call.
pub fn encode_call(argv: &[String], stdin: &str) -> Vec<u8> {
    let mut buf = Vec::with_capacity(16 + stdin.len() + argv.iter().map(|a| a.len() + 4).sum::<usize>());
    put_u32(&mut buf, argv.len() as u32);
    for a in argv {
        put_str(&mut buf, a);
    }
    put_str(&mut buf, stdin);
    buf
}

/// Decodes a call: `(argv, stdin)`.
pub fn decode_call(buf: &[u8]) -> Option<(Vec<String>, String)> {
    let mut r = Reader(buf);
    let argc = r.u32()? as usize;
    // Each argument takes at least its 4-byte length: a count larger than
    // the buffer allows is malformed (and must not reserve memory for it).
    if argc > r.0.len() / 4 {
        return None;
    }
    let argv = (0..argc).map(|_| r.string()).collect::<Option<Vec<_>>>()?;
    let stdin = r.string()?;
    r.0.is_empty().then_some((argv, stdin))
}

/// Encodes what a tool printed.
pub fn encode_output(out: &Output) -> Vec<u8> {
    let mut buf = Vec::with_capacity(8 + out.chunks.iter().map(|c| c.text.len() + 13).sum::<usize>());
    buf.extend_from_slice(&out.status.to_le_bytes());
    put_u32(&mut buf, out.chunks.len() as u32);
    for c in &out.chunks {
        buf.push(match c.stream {
            Stream::Stdout => 0,
            Stream::Stderr => 1,
        });
        buf.extend_from_slice(&c.delay_ms.to_le_bytes());
        put_str(&mut buf, &c.text);
    }
    buf
}

/// Decodes what a tool printed.
pub fn decode_output(buf: &[u8]) -> Option<Output> {
    let mut r = Reader(buf);
    let status = r.u32()? as i32;
    let n = r.u32()? as usize;
    if n > r.0.len() / 13 {
        return None;
    }
    let mut chunks = Vec::with_capacity(n);
    for _ in 0..n {
        let stream = match r.take(1)?[0] {
            0 => Stream::Stdout,
            1 => Stream::Stderr,
            _ => return None,
        };
        let delay_ms = u64::from_le_bytes(r.take(8)?.try_into().ok()?);
        chunks.push(Chunk { stream, text: r.string()?, delay_ms });
    }
    r.0.is_empty().then_some(Output { chunks, status })
}

fn put_u32(buf: &mut Vec<u8>, n: u32) {
    buf.extend_from_slice(&n.to_le_bytes());
}

fn put_str(buf: &mut Vec<u8>, s: &str) {
    put_u32(buf, s.len() as u32);
    buf.extend_from_slice(s.as_bytes());
}

/// What is left of the buffer.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.0.len() {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn string(&mut self) -> Option<String> {
        let n = self.u32()? as usize;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn a_call_comes_back_as_it_went() {
        let a = argv(&["grep", "-c", "", "ünï"]);
        let buf = encode_call(&a, "lo\neth0\n");
        assert_eq!(decode_call(&buf), Some((a, "lo\neth0\n".to_string())));
        assert_eq!(decode_call(&encode_call(&[], "")), Some((vec![], String::new())));
    }

    #[test]
    fn an_output_comes_back_as_it_went() {
        let mut out = Output::status(2);
        out.out("1\n");
        out.err_after(5, "grep: x: No such file or directory\n");
        out.out("");
        assert_eq!(decode_output(&encode_output(&out)), Some(out));
    }

    #[test]
    fn every_truncation_and_a_trailing_byte_are_refused() {
        let call = encode_call(&argv(&["awk", "{print $1}"]), "a b\n");
        let mut out = Output::status(1);
        out.out("x\n");
        let out = encode_output(&out);
        for n in 0..call.len() {
            assert_eq!(decode_call(&call[..n]), None, "call cut at {n}");
        }
        for n in 0..out.len() {
            assert_eq!(decode_output(&out[..n]), None, "output cut at {n}");
        }
        assert_eq!(decode_call(&[call.clone(), vec![0]].concat()), None);
        assert_eq!(decode_output(&[out, vec![0]].concat()), None);
    }

    #[test]
    fn garbage_is_refused_without_a_panic() {
        let mut seed = 0x2545_f491_u32;
        for len in 0..200 {
            let buf: Vec<u8> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 17;
                    seed ^= seed << 5;
                    (seed >> 24) as u8
                })
                .collect();
            let _ = decode_call(&buf);
            let _ = decode_output(&buf);
        }
        // A huge count with nothing behind it reserves nothing.
        assert_eq!(decode_call(&[0xff, 0xff, 0xff, 0xff]), None);
        assert_eq!(decode_output(&[0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]), None);
        // A stream byte that is neither stdout nor stderr.
        let mut bad = encode_output(&{
            let mut o = Output::new();
            o.out("x");
            o
        });
        bad[8] = 7;
        assert_eq!(decode_output(&bad), None);
    }
}
