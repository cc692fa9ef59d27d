//! What a command prints, as a terminal would receive it.

/// Which file descriptor a piece of output was written to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// One write, with the virtual time (in milliseconds) that passed before it.
///
/// `delay_ms` lets a terminal pace output the way a real host would (ping
/// prints a line a second); nothing in sim-core ever waits in real time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    pub stream: Stream,
    pub text: String,
    pub delay_ms: u64,
}

/// Everything a command printed, and its exit status.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Output {
    pub chunks: Vec<Chunk>,
    pub status: i32,
}

impl Output {
    pub fn new() -> Output {
        Output::default()
    }

    /// An output with only a status and nothing printed.
    pub fn status(status: i32) -> Output {
        Output { chunks: Vec::new(), status }
    }

    /// A single message on stderr with the given status: how most tools fail.
    pub fn error(text: impl Into<String>, status: i32) -> Output {
        let mut out = Output::status(status);
        out.err(text);
        out
    }

    pub fn out(&mut self, text: impl Into<String>) {
        self.push(Stream::Stdout, text.into(), 0);
    }

    pub fn err(&mut self, text: impl Into<String>) {
        self.push(Stream::Stderr, text.into(), 0);
    }

    /// Writes `text` after `delay_ms` of virtual time.
    pub fn out_after(&mut self, delay_ms: u64, text: impl Into<String>) {
        self.push(Stream::Stdout, text.into(), delay_ms);
    }

    /// Writes `text` to stderr after `delay_ms` of virtual time.
    pub fn err_after(&mut self, delay_ms: u64, text: impl Into<String>) {
        self.push(Stream::Stderr, text.into(), delay_ms);
    }

    fn push(&mut self, stream: Stream, text: String, delay_ms: u64) {
        if text.is_empty() && delay_ms == 0 {
            return;
        }
        match self.chunks.last_mut() {
            Some(last) if last.stream == stream && delay_ms == 0 => last.text.push_str(&text),
            _ => self.chunks.push(Chunk { stream, text, delay_ms }),
        }
    }

    /// Appends everything `other` printed (its status is not taken).
    pub fn extend(&mut self, other: Output) {
        for c in other.chunks {
            self.push(c.stream, c.text, c.delay_ms);
        }
    }

    /// All text in the order it was written, as a terminal shows it.
    pub fn text(&self) -> String {
        self.chunks.iter().map(|c| c.text.as_str()).collect()
    }

    /// Only what went to stdout: what a pipe passes on.
    pub fn stdout(&self) -> String {
        self.of(Stream::Stdout)
    }

    pub fn stderr(&self) -> String {
        self.of(Stream::Stderr)
    }

    fn of(&self, stream: Stream) -> String {
        self.chunks.iter().filter(|c| c.stream == stream).map(|c| c.text.as_str()).collect()
    }
}
