//! How a call to a program crosses from one wasm module to another: the
//! site's first load leaves some programs out (the text tools are about a
//! tenth of it) and runs them in a second module fetched when first used,
//! which shares no memory or types with the first. Both sides link this
//! file, so the two ends cannot disagree.
//!
//! A [`Call`] is argv, stdin and an opaque `state`: what the program reads
//! of the machine, encoded by the machine (iptables gets the namespace's
//! tables; the text tools the machine's files and working directory,
//! [`encode_files`], so a grep there reads the same files). A [`Reply`] is
//! the output and the state to write back (empty: nothing to write; `rm`
//! and `touch` send the files as they left them).
//!
//! Hand-made rather than serde: the whole format is a few length-prefixed
//! strings, and it must be read before anything else is (a serde format
//! would add its code to both modules for no gain). Little-endian:
//! - a call: `u32` argc, each argument as `u32` length + UTF-8, stdin as
//!   `u32` length + UTF-8, then the state as `u32` length + bytes;
//! - a reply: `i32` status, `u32` chunk count, each chunk as `u8` stream
//!   (0 stdout, 1 stderr), `u64` delay in ms, `u32` length + UTF-8, then
//!   the state as `u32` length + bytes;
//! - the text tools' state: `u32` file count, each file as path and text
//!   (`u32` length + UTF-8 each), the working directory (`u32` length +
//!   UTF-8), then `u8` 1 if stdin is a regular file, else 0; an empty
//!   state is no files, in `/root`, stdin a pipe.
//!
//! Decoding never panics: a short or malformed buffer is `None`.

use crate::files::Files;
use crate::output::{Chunk, Output, Stream};

/// A program to run elsewhere, with what it reads of the machine.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Call {
    pub argv: Vec<String>,
    pub stdin: String,
    pub state: Vec<u8>,
}

/// What it printed, and the state it leaves (empty when it changed nothing).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reply {
    pub output: Output,
    pub state: Vec<u8>,
}

/// Bumped whenever the format above changes; the tools' module exports it
/// and the site refuses a module of another version.
pub const VERSION: u32 = 3;

/// Encodes a call.
pub fn encode_call(call: &Call) -> Vec<u8> {
    let Call { argv, stdin, state } = call;
    let mut buf = Vec::with_capacity(16 + stdin.len() + state.len() + argv.iter().map(|a| a.len() + 4).sum::<usize>());
    put_u32(&mut buf, argv.len() as u32);
    for a in argv {
        put_str(&mut buf, a);
    }
    put_str(&mut buf, stdin);
    put_bytes(&mut buf, state);
    buf
}

/// Decodes a call.
pub fn decode_call(buf: &[u8]) -> Option<Call> {
    let mut r = Reader(buf);
    let argc = r.u32()? as usize;
    // Each argument takes at least its 4-byte length: a count larger than
    // the buffer allows is malformed (and must not reserve memory for it).
    if argc > r.0.len() / 4 {
        return None;
    }
    let argv = (0..argc).map(|_| r.string()).collect::<Option<Vec<_>>>()?;
    let stdin = r.string()?;
    let state = r.bytes()?.to_vec();
    r.0.is_empty().then_some(Call { argv, stdin, state })
}

/// Encodes a reply.
pub fn encode_reply(reply: &Reply) -> Vec<u8> {
    let out = &reply.output;
    let mut buf =
        Vec::with_capacity(12 + reply.state.len() + out.chunks.iter().map(|c| c.text.len() + 13).sum::<usize>());
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
    put_bytes(&mut buf, &reply.state);
    buf
}

/// Decodes a reply.
pub fn decode_reply(buf: &[u8]) -> Option<Reply> {
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
    let state = r.bytes()?.to_vec();
    r.0.is_empty().then_some(Reply { output: Output { chunks, status }, state })
}

/// What the text tools read of the machine: its files, the working
/// directory, and whether stdin is a regular file (`wc < FILE`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Machine {
    pub files: Files,
    pub cwd: String,
    pub stdin_is_file: bool,
}

impl Default for Machine {
    /// No files, in root's home, stdin a pipe: what an empty state means.
    fn default() -> Machine {
        Machine { files: Files::new(), cwd: crate::files::HOME.into(), stdin_is_file: false }
    }
}

/// Encodes the text tools' state (see [`Machine`]).
pub fn encode_files(files: &Files, cwd: &str, stdin_is_file: bool) -> Vec<u8> {
    let mut buf = Vec::new();
    put_u32(&mut buf, files.iter().count() as u32);
    for (path, text) in files.iter() {
        put_str(&mut buf, path);
        put_str(&mut buf, text);
    }
    put_str(&mut buf, cwd);
    buf.push(u8::from(stdin_is_file));
    buf
}

/// Decodes the text tools' state; an empty one is [`Machine::default`].
pub fn decode_files(buf: &[u8]) -> Option<Machine> {
    if buf.is_empty() {
        return Some(Machine::default());
    }
    let mut r = Reader(buf);
    let n = r.u32()? as usize;
    if n > r.0.len() / 8 {
        return None;
    }
    let files = (0..n).map(|_| Some((r.string()?, r.string()?))).collect::<Option<Files>>()?;
    let cwd = r.string()?;
    let stdin_is_file = match r.take(1)?[0] {
        0 => false,
        1 => true,
        _ => return None,
    };
    r.0.is_empty().then_some(Machine { files, cwd, stdin_is_file })
}

fn put_u32(buf: &mut Vec<u8>, n: u32) {
    buf.extend_from_slice(&n.to_le_bytes());
}

fn put_str(buf: &mut Vec<u8>, s: &str) {
    put_bytes(buf, s.as_bytes());
}

fn put_bytes(buf: &mut Vec<u8>, b: &[u8]) {
    put_u32(buf, b.len() as u32);
    buf.extend_from_slice(b);
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

    fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.u32()? as usize;
        self.take(n)
    }

    fn string(&mut self) -> Option<String> {
        String::from_utf8(self.bytes()?.to_vec()).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(words: &[&str], stdin: &str, state: &[u8]) -> Call {
        Call { argv: words.iter().map(|w| w.to_string()).collect(), stdin: stdin.into(), state: state.to_vec() }
    }

    fn reply(status: i32, out: &str, state: &[u8]) -> Reply {
        let mut output = Output::status(status);
        output.out(out);
        Reply { output, state: state.to_vec() }
    }

    #[test]
    fn a_call_comes_back_as_it_went() {
        let c = call(&["grep", "-c", "", "ünï"], "lo\neth0\n", &[1, 2, 0]);
        assert_eq!(decode_call(&encode_call(&c)), Some(c));
        assert_eq!(decode_call(&encode_call(&Call::default())), Some(Call::default()));
    }

    #[test]
    fn a_reply_comes_back_as_it_went() {
        let mut r = reply(2, "1\n", b"tables");
        r.output.err_after(5, "grep: x: No such file or directory\n");
        r.output.out("");
        assert_eq!(decode_reply(&encode_reply(&r)), Some(r));
    }

    #[test]
    fn every_truncation_and_a_trailing_byte_are_refused() {
        let c = encode_call(&call(&["awk", "{print $1}"], "a b\n", b"s"));
        let r = encode_reply(&reply(1, "x\n", b"s"));
        for n in 0..c.len() {
            assert_eq!(decode_call(&c[..n]), None, "call cut at {n}");
        }
        for n in 0..r.len() {
            assert_eq!(decode_reply(&r[..n]), None, "reply cut at {n}");
        }
        assert_eq!(decode_call(&[c, vec![0]].concat()), None);
        assert_eq!(decode_reply(&[r, vec![0]].concat()), None);
    }

    #[test]
    fn files_come_back_as_they_went() {
        let files: Files = [("/tmp/a", "hello\nmore\n"), ("/tmp/ünï", ""), ("/etc/x", "x")]
            .into_iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect();
        let state = encode_files(&files, "/tmp", true);
        let machine = Machine { files: files.clone(), cwd: "/tmp".into(), stdin_is_file: true };
        assert_eq!(decode_files(&state), Some(machine));
        assert_eq!(decode_files(&[]), Some(Machine::default()));
        for n in 1..state.len() {
            assert_eq!(decode_files(&state[..n]), None, "files cut at {n}");
        }
        assert_eq!(decode_files(&[state.clone(), vec![0]].concat()), None);
        let mut bad = state.clone();
        *bad.last_mut().unwrap() = 2;
        assert_eq!(decode_files(&bad), None);
        let c = Call { argv: vec!["grep".into(), "x".into(), "a".into()], stdin: String::new(), state };
        assert_eq!(decode_call(&encode_call(&c)), Some(c));
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
            let _ = decode_reply(&buf);
            let _ = decode_files(&buf);
        }
        assert_eq!(decode_files(&[0xff, 0xff, 0xff, 0xff]), None);
        // A huge count with nothing behind it reserves nothing.
        assert_eq!(decode_call(&[0xff, 0xff, 0xff, 0xff]), None);
        assert_eq!(decode_reply(&[0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]), None);
        // A stream byte that is neither stdout nor stderr.
        let mut bad = encode_reply(&reply(0, "x", b""));
        bad[8] = 7;
        assert_eq!(decode_reply(&bad), None);
    }
}
