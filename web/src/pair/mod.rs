//! Pairing the page with a real Linux VM (`lab-agent serve`): the
//! connection's state as the panel shows it, which engine runs the lines
//! (the simulator, the VM, or both), and what the two printed differently.
//!
//! `agent.rs` is the WebSocket; `diff.rs` compares the two engines (masked
//! outputs, the diagram's differences). `crate::pair_view` draws the "Pair
//! with a VM" panel and the side-by-side view; the shell routes the lines
//! (`shell/vm.rs`).

pub mod agent;
pub mod diff;

use lab_protocol::{HostFacts, Refusal};
#[cfg(any(feature = "pair", test))]
use leptos::prelude::*;
use std::sync::Arc;

/// What runs the learner's lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// The simulator in the page's worker.
    #[default]
    Sim,
    /// The paired VM: its output, its state on the diagram, its progress.
    Vm,
    /// Both: the terminal shows the simulator's output and marks every
    /// line whose output differs from the VM's.
    Both,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Sim => "sim",
            Mode::Vm => "vm",
            Mode::Both => "both",
        }
    }
}

/// The connection to an agent, as the panel says it.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Status {
    #[default]
    Unpaired,
    Connecting(String),
    /// The connection dropped; the page takes the session up again.
    Resuming(String),
    Paired(HostFacts),
    Refused(Refusal, String),
    /// The socket never opened.
    Unreachable(String),
    /// The agent spoke this other version of the protocol.
    Version(u32),
    /// It closed: by the learner (`true`) or by the agent.
    Closed(bool),
}

impl Status {
    /// The sentence of `data-testid="pair-status"`.
    pub fn text(&self) -> String {
        match self {
            Status::Unpaired => "Not paired: commands run on the simulator.".into(),
            Status::Connecting(url) => format!("Connecting to {url}…"),
            Status::Resuming(url) => format!("The connection to {url} dropped; taking the session up again…"),
            Status::Paired(h) => format!("connected to {} (Linux {})", h.hostname, h.kernel),
            Status::Refused(Refusal::Token, _) => {
                "Refused: wrong token. Use the link lab-agent serve printed, or the token it was given.".into()
            }
            Status::Refused(Refusal::Origin, _) => format!(
                "Refused: the agent does not allow this page's origin ({}); start it with --allow-origin {0}.",
                crate::browser::origin()
            ),
            Status::Refused(Refusal::Protocol, m) => format!("Refused: protocol version mismatch ({m})."),
            Status::Refused(Refusal::Full, m) => format!("Refused: the agent serves as many sessions as it may ({m})."),
            Status::Unreachable(url) => {
                format!("The agent at {url} is unreachable: is lab-agent serve running there, and the address right?")
            }
            Status::Version(v) => format!(
                "Protocol version mismatch: the agent speaks version {v}, this page {}; update one of them.",
                lab_protocol::VERSION
            ),
            Status::Closed(true) => "Disconnected.".into(),
            Status::Closed(false) => "Disconnected: the agent closed the connection.".into(),
        }
    }

    pub fn paired(&self) -> bool {
        matches!(self, Status::Paired(_))
    }
}

/// A line whose output differs on the two engines, after masking.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Diff {
    /// The terminal line of the mark (keys the list).
    pub id: u64,
    pub line: String,
    pub sim: String,
    pub vm: String,
}

/// A signal of the pairing: the real one in the paired page (and the
/// tests); in the first load's page, where nothing reads them (no panel is
/// mounted, the shell's mode is the constant `Sim`, so the code that
/// writes them is dead), a stand-in that holds nothing ([`Unused`]), so
/// that page creates no signals for a pairing it cannot make.
#[cfg(any(feature = "pair", test))]
pub type Sig<T> = RwSignal<T>;
#[cfg(not(any(feature = "pair", test)))]
pub type Sig<T> = Unused<T>;

/// The first load's stand-in for a pairing signal: the methods the shell
/// calls, doing nothing.
#[cfg(not(any(feature = "pair", test)))]
pub struct Unused<T>(std::marker::PhantomData<T>);

#[cfg(not(any(feature = "pair", test)))]
impl<T> Clone for Unused<T> {
    fn clone(&self) -> Self {
        *self
    }
}
#[cfg(not(any(feature = "pair", test)))]
impl<T> Copy for Unused<T> {}

#[cfg(not(any(feature = "pair", test)))]
impl<T: Default> Unused<T> {
    fn new(_: T) -> Self {
        Unused(std::marker::PhantomData)
    }
    pub fn set(&self, _: T) {}
    pub fn update(&self, _: impl FnOnce(&mut T)) {}
    pub fn get_untracked(&self) -> T {
        T::default()
    }
    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(&T::default())
    }
}

/// The pairing's signals: the panel reads them, the shell writes them.
#[derive(Clone, Copy)]
pub struct Pairing {
    pub status: Sig<Status>,
    pub mode: Sig<Mode>,
    /// The panel is shown.
    pub shown: Sig<bool>,
    /// The agent's address and token from a pairing link, for the fields.
    pub link: Sig<(String, String)>,
    /// A switch that waits for the learner's agreement to run the
    /// session's lines on the VM: the mode asked for, and how many lines.
    pub ask: Sig<Option<(Mode, usize)>>,
    /// What differed with `both`, newest last.
    pub diffs: Sig<Vec<Arc<Diff>>>,
    /// What differs between the two engines' states, in words.
    pub state_diffs: Sig<Vec<String>>,
}

impl Pairing {
    pub fn new() -> Pairing {
        Pairing {
            status: Sig::new(Status::Unpaired),
            mode: Sig::new(Mode::Sim),
            // The paired page is where one pairs: its panel starts open.
            shown: Sig::new(true),
            link: Sig::new((String::new(), String::new())),
            ask: Sig::new(None),
            diffs: Sig::new(Vec::new()),
            state_diffs: Sig::new(Vec::new()),
        }
    }
}

impl Default for Pairing {
    fn default() -> Self {
        Pairing::new()
    }
}

/// The agent's address and token in a pairing fragment
/// (`/pair?agent=ws://HOST:PORT&token=TOKEN`), or `None` if it is not one.
pub fn parse_link(fragment: &str) -> Option<(String, String)> {
    let query = fragment.strip_prefix("/pair")?.trim_start_matches('/');
    let query = query.strip_prefix('?').unwrap_or(query);
    let (mut agent, mut token) = (String::new(), String::new());
    for pair in query.split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = percent_decode(v);
        match k {
            "agent" => agent = v,
            "token" => token = v,
            _ => {}
        }
    }
    Some((agent, token))
}

/// `%XX` escapes decoded (a token or an address may carry them); anything
/// else as it is.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (b[i], b.get(i + 1).copied().and_then(hex), b.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests;
