//! The messages between nslab's page and the lab that runs its commands.
//!
//! Today the lab is sim-core in a Web Worker beside the page; pairing with a
//! VM will carry the same messages over a WebSocket to `lab-agent`, and
//! several terminals and explained output will extend them. Every message
//! travels inside an [`Envelope`] that names the protocol's [`VERSION`]; a
//! side that reads another version answers [`Event::Error`] and does nothing
//! else. The wire form is JSON: one text per message ([`encode`],
//! [`decode`], the `json` feature). Between the page and its worker, which
//! run the same wasm module, the same messages travel as postcard bytes
//! (`web/src/wire.rs`), so the site links no JSON parser. Every field is
//! always written (postcard has no names to leave a field out by); a JSON
//! reader may leave out the ones marked `default`.
//!
//! A conversation:
//!
//! ```text
//! lab  → page  Ready { engine }                  the lab has started
//! page → lab   Open { lines, lesson, preset }    start over, replay a saved session
//! lab  → page  Opened { earlier, outputs, state } what the lines printed; the lab now
//! page → lab   Run { id, line, term }            one line, as typed in a terminal
//! lab  → page  Output { id, chunks }             zero or more times, in order
//! lab  → page  Waiting { id, state }             the line waits on another terminal
//! lab  → page  Done { id, status, state }        the line ended
//! lab  → page  Printed { term, chunks }          a terminal's jobs wrote, no line running
//! page → lab   Interrupt { term }                Ctrl-C (see below)
//! page → lab   Explain { entry }                 what a line's output means (below)
//! lab  → page  Explained { entry, notes }        its spans, each explained
//! lab  → page  NeedsComplete { what }            instead of Opened/Done: see below
//! ```
//!
//! **Over a WebSocket to `lab-agent serve`** (a real kernel, see
//! `lab-agent/PROTOCOL.md`) the page speaks first:
//!
//! ```text
//! page → agent Hello { token, resume }           the pairing token; a session to resume
//! agent → page Paired { host, session }          or Refused { reason, message }, then close
//! agent → page Ready { engine: "kernel" }        then as with a worker
//! ```
//!
//! The agent streams a running line's output as the kernel's programs
//! write it (`delay_ms` 0: the time has passed already), and stops a
//! running line on `Interrupt` (`Done` with status 130).
//!
//! Each terminal runs one line at a time; the page sends a terminal's next
//! `Run` after its previous `Done`. A line that waits for another
//! terminal (a server for its client) is announced `Waiting`, and the lab
//! goes on reading requests: the other terminals' lines run meanwhile, and
//! after each request the lab sends what the waiting lines and the idle
//! terminals' jobs printed. A page may send before `Ready`: the lab reads requests
//! in order once it runs (the worker's script holds them until then). **Interrupt** asks the lab to stop the running line. A
//! lab on the page's machine runs a line to its end without reading messages
//! (a Web Worker has no way to read one mid-command without shared memory,
//! which static hosts cannot enable), so the page ends that worker instead,
//! starts a new one and sends `Open` with the session minus the interrupted
//! line: the lab returns to its state before that line. A lab that can stop
//! a line (a real kernel) answers `Done` with status 130.
//!
//! **Explain** asks for the notes of the output of session entry `entry`
//! (its index in the session log, as the page counts it): each a span of
//! one of its chunks with what the field means and why it has its value
//! (`sim_core::explain`). The notes were made right after the line ran,
//! from the lab as it was then. A lab answers `Explained`, with no notes
//! for an entry it has none for (a line it ran before it kept them, an
//! interrupt, output a pipe filtered); the basic lab answers
//! `NeedsComplete { what: "explain" }`, since explanations are the
//! complete lab's, and the page switches labs as below, then asks again.
//! A lab-agent answers no notes: the system's programs print untagged.
//!
//! **NeedsComplete** comes from the site's first-load lab, which is built
//! without background jobs and sockets: a `Run` (or an `Open` whose lines)
//! using them is answered with it and nothing else. The page then starts
//! the complete lab and sends it `Open` with the session so far, then the
//! `Run` again. The complete lab runs every line the basic one runs, the
//! same way, so the replay rebuilds the same state.

use serde::{Deserialize, Serialize};
pub use sim_core::explain::{Named, Note};
pub use sim_core::Snapshot;

/// The protocol's version; both sides send it in every envelope.
pub const VERSION: u32 = 8;

/// How many lines of text a replay's outputs carry at most: a terminal's
/// scrollback. A long session's early output would scroll off a terminal
/// anyway; carrying it cost a reload most of its time (a 1000-line
/// session printed some 50 000 lines).
pub const REPLAY_LINES: usize = 2000;

/// A message as it travels: the version, then the message itself.
///
/// The message is an externally tagged enum (`{"run":{…}}`) in a plain
/// field: serde reads that in one pass, where an internally tagged or
/// flattened one buffers the whole message first (and that buffering code
/// was a tenth of the site's serde bytes).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub v: u32,
    pub msg: T,
}

/// Page → lab.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Request {
    /// Starts a fresh lab and replays `lines` (a saved session, each entry
    /// as [`Entry::encode`] writes it) in it; `lesson` names the steps
    /// whose checks the lab evaluates after each line. With `preset` the
    /// lab starts as that prepared lab (`sim_core::lab::presets::NAMES`:
    /// `cloud-host`, `docker-host`, `kind-node`) rather than an empty
    /// host, then runs the lesson's setup, then `lines`. The site's basic
    /// lab answers a preset with [`Event::NeedsComplete`]; a lab that does
    /// not know the name (or cannot build it: a lab-agent without the
    /// preset's script) answers [`Event::Error`] alone.
    Open {
        lines: Vec<String>,
        lesson: Option<LessonChecks>,
        #[serde(default)]
        preset: Option<String>,
    },
    /// Runs one line as the learner typed it, in terminal `term` (0, the
    /// first, unless the page opened more; a new number opens one).
    Run {
        id: u64,
        line: String,
        #[serde(default)]
        term: u32,
    },
    /// Ctrl-C in terminal `term`: stop its running line (see the module's
    /// documentation).
    Interrupt {
        #[serde(default)]
        term: u32,
    },
    /// Asks for the notes of session entry `entry`'s output (see the
    /// module's documentation).
    Explain { entry: u32 },
    /// The first message on a WebSocket to a lab-agent: the token it
    /// printed, and the `session` of an earlier [`Event::Paired`] to take
    /// up again after a lost connection (within the agent's grace period).
    /// A Web Worker ignores it.
    Hello {
        token: String,
        #[serde(default)]
        resume: Option<String>,
    },
}

/// One entry of a session log as pages save it: a line run in a terminal,
/// or Ctrl-C that stopped a line waiting there. Saved as text, one entry a
/// line ([`Entry::encode`]), so that a log of the first terminal's lines
/// alone is what it always was: the lines themselves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    Line { term: u32, line: String },
    Interrupt { term: u32 },
}

/// Marks an entry of another terminal than the first, or a Ctrl-C:
/// `\x1e` TERM `\x1f` LINE, with `\x03` for Ctrl-C. Neither character can be
/// typed into the terminal's one-line input.
const ENTRY_MARK: char = '\u{1e}';
const ENTRY_SEP: char = '\u{1f}';
const ENTRY_CTRL_C: &str = "\u{3}";

impl Entry {
    pub fn term(&self) -> u32 {
        match self {
            Entry::Line { term, .. } | Entry::Interrupt { term } => *term,
        }
    }

    /// The entry as a saved session holds it.
    pub fn encode(&self) -> String {
        match self {
            Entry::Line { term: 0, line } if !line.starts_with(ENTRY_MARK) => line.clone(),
            Entry::Line { term, line } => format!("{ENTRY_MARK}{term}{ENTRY_SEP}{line}"),
            Entry::Interrupt { term } => format!("{ENTRY_MARK}{term}{ENTRY_SEP}{ENTRY_CTRL_C}"),
        }
    }

    /// Reads an entry; text that is not a marked entry is a line of the
    /// first terminal.
    pub fn decode(text: &str) -> Entry {
        let marked = text.strip_prefix(ENTRY_MARK).and_then(|rest| rest.split_once(ENTRY_SEP));
        match marked.and_then(|(n, rest)| Some((n.parse::<u32>().ok()?, rest))) {
            Some((term, ENTRY_CTRL_C)) => Entry::Interrupt { term },
            Some((term, line)) => Entry::Line { term, line: line.to_string() },
            None => Entry::Line { term: 0, line: text.to_string() },
        }
    }
}

/// The request id the lab gives a replayed line that still runs when the
/// replay ends (the `entry`th of the session): its later `Output` and
/// `Done` carry it. Pages number their own requests from 1 upwards.
pub fn replayed_id(entry: usize) -> u64 {
    u64::MAX - entry as u64
}

/// The session entry a [`replayed_id`] stands for.
pub fn replayed_entry(id: u64) -> usize {
    (u64::MAX - id) as usize
}

/// Lab → page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// The lab has started (its envelope says which version it speaks);
    /// `engine` says what runs the commands, e.g. `simulator`.
    Ready { engine: String },
    /// A session was replayed: what its lines printed, in order. The
    /// last lines' outputs, as many as fit in [`REPLAY_LINES`] lines of
    /// text, are in `outputs` (the last line's always); the lines before
    /// them have their exit statuses alone, in `earlier`.
    /// `waiting` lists the lines that still run (by [`replayed_id`]).
    Opened {
        earlier: Vec<i32>,
        outputs: Vec<CommandOutput>,
        state: LabState,
        #[serde(default)]
        waiting: Vec<u64>,
    },
    /// Output of the running line, each chunk after its delay of virtual time.
    Output { id: u64, chunks: Vec<Chunk> },
    /// The line waits for something only another terminal's lines can
    /// bring (a server for its client): the lab reads requests meanwhile,
    /// and sends its `Output` and `Done` as they come. Ctrl-C in its
    /// terminal is then an `Interrupt` the lab itself answers. `state`
    /// is the lab as the line left it when it began to wait (a capture it
    /// opened shows on the diagram).
    Waiting {
        id: u64,
        #[serde(default)]
        state: LabState,
    },
    /// What terminal `term`'s background jobs printed while no line ran there.
    Printed { term: u32, chunks: Vec<Chunk> },
    /// The running line ended with `status`.
    Done { id: u64, status: i32, state: LabState },
    /// The notes of session entry `entry`'s output, in the order of the
    /// text they cover.
    Explained { entry: u32, notes: Vec<Note> },
    /// A message the lab could not read (bad JSON, another version).
    Error { message: String },
    /// The lab cannot run what the last request asks for: it is the
    /// site's basic lab, and the line (or a line of the session being
    /// opened) uses `what` (`&`, `sleep`, `nc`, …), which only the
    /// complete lab has. Nothing else is sent for that request; the page
    /// starts the complete lab and sends the session and the request
    /// there (see `web/src/client.rs`).
    NeedsComplete { what: String },
    /// The agent accepted the token: what it runs on, and the session's
    /// name, which a later [`Request::Hello`] may resume.
    Paired { host: HostFacts, session: String, resumed: bool },
    /// The agent will not pair: why, for the learner, then it closes.
    Refused { reason: Refusal, message: String },
}

/// The machine a paired lab-agent runs on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostFacts {
    pub hostname: String,
    /// `uname -r`.
    pub kernel: String,
    /// `ip -V`'s version, e.g. `6.1.0`.
    pub iproute2: String,
    /// The agent looks at the machine's own namespaces, read-only
    /// (`lab-agent serve --inspect-host`), rather than a sandbox.
    #[serde(default)]
    pub inspect: bool,
}

/// Why an agent refused to pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// No token, or not the agent's.
    Token,
    /// The page's origin is not one the agent allows.
    Origin,
    /// The first message was not a `Hello` of this version.
    Protocol,
    /// The agent serves as many sessions as it may.
    Full,
}

/// One write of a command, as a terminal receives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chunk {
    pub text: String,
    /// Written to stderr rather than stdout.
    #[serde(default)]
    pub err: bool,
    /// Milliseconds of the lab's virtual time before this write.
    #[serde(default)]
    pub delay_ms: u64,
}

/// Everything a line printed and its exit status.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommandOutput {
    pub chunks: Vec<Chunk>,
    pub status: i32,
}

/// The lab after a line (or a replay): what the diagram, the lesson and the
/// "Packet path" panel show.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LabState {
    /// `None` when nothing a diagram shows changed since the last state sent.
    pub snapshot: Option<Snapshot>,
    /// What every packet of the line did; `None` when it moved none.
    pub trace: Option<TraceView>,
    /// The lesson's progress, when the session has a lesson.
    pub progress: Option<Progress>,
}

/// The steps of a lesson, each as its check lines (the check language of
/// `content/README.md`), and how many the learner has ticked already.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonChecks {
    pub steps: Vec<Vec<String>>,
    pub ticked: usize,
    /// Lines the lab runs before the session's own, printing nothing and
    /// counting for no `ran` check: a troubleshooting lesson's broken lab.
    #[serde(default)]
    pub setup: Vec<String>,
}

/// How far a lesson is: steps tick in order and stay ticked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub ticked: usize,
    /// The checks of the first unticked step (empty when all are ticked).
    pub current: Vec<CheckRow>,
}

/// One check of a step, labelled for the learner.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckRow {
    pub label: String,
    pub ok: bool,
    /// Why it does not hold yet; empty when the label says it.
    pub why: String,
}

/// A line's packet trace in plain words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraceView {
    /// One sentence for the live region, e.g. "ping: 2 replies via veth-red → veth-blue".
    pub summary: String,
    pub steps: Vec<TraceStep>,
}

/// One thing a packet did, where it did it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraceStep {
    /// The namespace's name as the diagram labels it (`host` for the host).
    pub ns: String,
    pub dev: Option<String>,
    pub text: String,
    /// The packet was dropped here.
    #[serde(default)]
    pub drop: bool,
}

/// Why a message could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON, or not a message of this protocol.
    Malformed(String),
    /// A message of another version of the protocol.
    Version(u32),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Malformed(e) => write!(f, "unreadable message: {e}"),
            DecodeError::Version(v) => write!(f, "protocol version {v} is not {VERSION}"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// The JSON text of `msg` in an envelope of this version.
#[cfg(feature = "json")]
pub fn encode<T: Serialize>(msg: &T) -> String {
    #[derive(Serialize)]
    struct Out<'a, T> {
        v: u32,
        msg: &'a T,
    }
    // Serialising these types cannot fail: no maps with non-string keys, no
    // floats, no custom serialisers.
    serde_json::to_string(&Out { v: VERSION, msg }).unwrap_or_default()
}

/// Reads a message of this version from its JSON text.
#[cfg(feature = "json")]
pub fn decode<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, DecodeError> {
    #[derive(Deserialize)]
    struct Version {
        v: u32,
    }
    let v = serde_json::from_str::<Version>(text).map_err(|e| DecodeError::Malformed(e.to_string()))?.v;
    if v != VERSION {
        return Err(DecodeError::Version(v));
    }
    serde_json::from_str::<Envelope<T>>(text).map(|e| e.msg).map_err(|e| DecodeError::Malformed(e.to_string()))
}

/// A replay's outputs as [`Event::Opened`] carries them: the statuses of
/// the lines whose output would have scrolled off, then the last outputs
/// that fit in [`REPLAY_LINES`] lines of text (the last one always).
pub fn scrollback(outs: &[sim_core::Output]) -> (Vec<i32>, Vec<CommandOutput>) {
    let mut lines = 0;
    let mut first = outs.len();
    while first > 0 {
        let text: usize = outs[first - 1].chunks.iter().map(|c| c.text.matches('\n').count().max(1)).sum();
        if lines + text > REPLAY_LINES && first < outs.len() {
            break;
        }
        lines += text + 1; // and its command line
        first -= 1;
    }
    (outs[..first].iter().map(|o| o.status).collect(), outs[first..].iter().map(CommandOutput::from).collect())
}

impl From<&sim_core::Chunk> for Chunk {
    fn from(c: &sim_core::Chunk) -> Chunk {
        Chunk { text: c.text.clone(), err: c.stream == sim_core::Stream::Stderr, delay_ms: c.delay_ms }
    }
}

impl From<&sim_core::Output> for CommandOutput {
    fn from(o: &sim_core::Output) -> CommandOutput {
        CommandOutput { chunks: o.chunks.iter().map(Chunk::from).collect(), status: o.status }
    }
}

#[cfg(all(test, feature = "json"))]
mod tests;
