//! The bookkeeping behind the terminals, which nothing draws: the
//! session log, each terminal's screen while it is not in front, its
//! running line and history, the queue of typed lines, pacing.

use super::vm::Mirror;
use super::MAX_TABS;
use crate::ansi::Style;
use crate::client::LabClient;
use crate::explain::Book;
use crate::pair::agent::AgentClient;
use crate::terminal_line::{LineKind, Src, TermLine};
use lab_protocol::{Chunk, LessonChecks, Request, Snapshot};
use std::sync::Arc;

/// Why the lab is replaying a session.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Opening {
    /// A session is opened: its lines and their output go on screen.
    Restore,
    /// The worker was restarted (after Ctrl-C, or for the complete lab):
    /// the screen already shows it all.
    Resync,
}

/// A line the lab runs.
#[derive(Clone)]
pub(super) struct Running {
    pub(super) id: u64,
    pub(super) line: String,
    /// Its entry in the log.
    pub(super) entry: usize,
    /// The lab said it waits for another terminal (and reads requests).
    pub(super) waiting: bool,
    /// Its first output came (the lab's notes are on that one only:
    /// what it printed before it waited).
    pub(super) printed: bool,
}

/// One terminal's bookkeeping.
#[derive(Default)]
pub(super) struct Term {
    /// Its screen while another terminal is in front.
    pub(super) lines: Vec<Arc<TermLine>>,
    pub(super) running: Option<Running>,
    pub(super) history: Vec<String>,
    pub(super) style: Style,
}

/// The bookkeeping behind the terminals.
#[derive(Default)]
pub struct Engine {
    pub(super) client: Option<LabClient>,
    /// Storage key of the session, e.g. `nslab.session.sandbox`.
    pub(super) key: String,
    /// Every entry that reached the lab (or a terminal: `clear`), as
    /// lab-protocol's `Entry::encode` writes it, and its status.
    pub(super) log: Vec<String>,
    pub(super) statuses: Vec<i32>,
    /// The steps of the open lesson, sent with every `Open`.
    pub(super) lesson: Option<LessonChecks>,
    /// The lab preset the session starts from, sent with every `Open`.
    pub(super) preset: Option<String>,
    pub(super) terms: Vec<Term>,
    pub(super) active: usize,
    /// Lines typed (or pasted, or clicked) while their terminal was busy.
    /// This and `paced` are `Vec`s taken from the front: they hold a few
    /// entries, and `VecDeque`'s code for their two element types cost
    /// 1.2 KB of the first load's gzip.
    pub(super) queue: Vec<(usize, String)>,
    pub(super) opening: Option<Opening>,
    pub(super) next_id: u64,
    pub(super) next_line: u64,
    /// Output waiting for its pacing delay, with its terminal and where
    /// it came from; bumped `generation` drops it.
    pub(super) paced: Vec<(usize, Chunk, Src)>,
    pub(super) pacing: bool,
    pub(super) generation: u64,
    /// Notices given while a session was being replayed.
    pub(super) notices: Vec<String>,
    /// The paired VM's connection, the address and token it was opened
    /// with, the agent's name for the session (to take it up again after a
    /// dropped connection) and how many tries at that were made.
    pub(super) agent: Option<AgentClient>,
    pub(super) agent_url: String,
    pub(super) agent_token: String,
    pub(super) agent_session: Option<String>,
    pub(super) resume_tries: usize,
    /// With both engines: the lines not yet ended on both.
    pub(super) mirror: Vec<Mirror>,
    /// Marks of lines that differ, waiting for their paced output: the
    /// terminal, the line's prompt (a terminal line id), the mark.
    pub(super) marks: Vec<(usize, u64, LineKind)>,
    /// With both engines: the VM's state as it last sent it.
    pub(super) vm_snapshot: Option<Arc<Snapshot>>,
    /// The lab's notes on the session's output, and the open explanation.
    pub(super) notes: Book,
}

impl Engine {
    /// The terminal whose line has request id `id`.
    pub(super) fn term_of(&self, id: u64) -> Option<usize> {
        self.terms.iter().position(|t| t.running.as_ref().is_some_and(|r| r.id == id))
    }

    /// A line runs and the lab reads no request until it ends.
    pub(super) fn executing(&self) -> bool {
        self.terms.iter().any(|t| t.running.as_ref().is_some_and(|r| !r.waiting))
    }

    pub(super) fn mirror_of(&mut self, id: u64) -> Option<&mut Mirror> {
        self.mirror.iter_mut().find(|m| m.id == id)
    }

    /// The `Open` that rebuilds this session's lab with `lines`.
    pub(super) fn open_request(&self, lines: Vec<String>) -> Request {
        Request::Open { lines, lesson: self.lesson.clone(), preset: self.preset.clone() }
    }

    pub(super) fn term(&mut self, term: usize) -> &mut Term {
        let term = term.min(MAX_TABS as usize - 1);
        if self.terms.len() <= term {
            self.terms.resize_with(term + 1, Term::default);
        }
        &mut self.terms[term]
    }
}
