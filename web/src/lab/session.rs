//! The learner's lab together with the session log that built it: the
//! lines run in each terminal, and the Ctrl-Cs that stopped waiting ones
//! (lab-protocol's `Entry`, saved as text).

use super::verify::World;
use crate::session::is_terminal_builtin;
use lab_protocol::Entry;
use sim_core::lab::{LineState, Progress};
use sim_core::{Lab, Output, Snapshot};
use std::cell::OnceCell;

/// Terminals a page may open on one lab.
pub const MAX_TERMINALS: u32 = 8;

/// What a line needs that this lab was built without (`&`, `nc`, …): only
/// the complete lab runs it (`sim_core::lab::basic`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lacks(pub String);

/// A lab and its history. Everything here can be rebuilt from `log` alone,
/// because the engine is deterministic.
pub struct LabSession {
    lab: Lab,
    /// The entries, encoded as saved (`Entry::encode`).
    log: Vec<String>,
    /// The lines alone, in order (what the lesson checks read).
    lines: Vec<String>,
    /// The lab's picture, taken when first asked for after a line: a
    /// snapshot of a large lab costs more than most commands, and the
    /// output of a line goes to the page before it is taken.
    snap: OnceCell<Snapshot>,
    /// What the lab said about each entry's output (`Lab::explain`, right
    /// after its line ran), by the entry's index in `log`: the last
    /// [`NOTED`] entries that had any, oldest first.
    #[cfg(feature = "complete")]
    notes: Vec<(u32, Vec<sim_core::explain::Note>)>,
}

/// Entries whose notes a session keeps (older ones are dropped).
#[cfg(feature = "complete")]
pub const NOTED: usize = 500;

/// What a replay printed: each entry's output (a line's, with what its
/// terminal's jobs printed until the next line there), and the entries
/// whose lines still run.
pub struct Replayed {
    pub outputs: Vec<Output>,
    pub waiting: Vec<usize>,
}

impl Default for LabSession {
    fn default() -> Self {
        LabSession {
            lab: Lab::new(),
            log: Vec::new(),
            lines: Vec::new(),
            snap: OnceCell::new(),
            #[cfg(feature = "complete")]
            notes: Vec::new(),
        }
    }
}

impl LabSession {
    /// Replays a saved session in a fresh lab, or says what a line of it
    /// needs that this lab lacks (see [`Lacks`]).
    pub fn replay(entries: &[String]) -> Result<(LabSession, Replayed), Lacks> {
        LabSession::replay_after(None, &[], entries)
    }

    /// Replays a saved session in a lab that starts as `preset` (a lab
    /// preset's name, or an empty host), after `setup`'s lines: those print
    /// nothing and leave no trace in the session (its log and its lines),
    /// the lab a troubleshooting lesson starts from. The caller has checked
    /// that `preset` names a preset (`sim_core::lab::presets::exists`).
    pub fn replay_after(
        preset: Option<&str>,
        setup: &[String],
        entries: &[String],
    ) -> Result<(LabSession, Replayed), Lacks> {
        let mut s = LabSession { lab: first_lab(preset)?, ..LabSession::default() };
        for line in setup {
            s.run_in(0, line)?;
        }
        s.log.clear();
        s.lines.clear();
        // The setup's notes were kept under indices the session's own
        // entries take now.
        #[cfg(feature = "complete")]
        s.notes.clear();
        let mut outputs: Vec<Output> = Vec::with_capacity(entries.len());
        // Per terminal: the entry its running line came from, and its last line's.
        let mut running: Vec<Option<usize>> = Vec::new();
        let mut last: Vec<Option<usize>> = Vec::new();
        for (i, text) in entries.iter().enumerate() {
            let entry = Entry::decode(text);
            let term = entry.term().min(MAX_TERMINALS - 1) as usize;
            if running.len() <= term {
                running.resize(term + 1, None);
                last.resize(term + 1, None);
            }
            let p = match &entry {
                Entry::Line { line, .. } => s.run_in(term as u32, line)?,
                Entry::Interrupt { .. } => s.interrupt(term as u32),
            };
            let at = match entry {
                Entry::Line { .. } => {
                    last[term] = Some(i);
                    outputs.push(Output::new());
                    Some(i)
                }
                Entry::Interrupt { .. } => {
                    outputs.push(Output::status(130));
                    running[term].take()
                }
            };
            settle(&mut outputs, at, p, &mut running[term], i);
            for t in 0..running.len() {
                if t != term {
                    let p = s.poll(t as u32);
                    let at = running[t].or(last[t]);
                    settle(&mut outputs, at, p, &mut running[t], usize::MAX);
                }
            }
        }
        let waiting = running.into_iter().flatten().collect();
        Ok((s, Replayed { outputs, waiting }))
    }

    /// Runs one line in the first terminal to its end, and records it.
    pub fn run(&mut self, line: &str) -> Result<Output, Lacks> {
        let p = self.run_in(0, line)?;
        Ok(match p.state {
            LineState::Running => {
                let mut out = p.output;
                out.extend(self.interrupt(0).output);
                out.status = 130;
                out
            }
            LineState::Done(status) => Output { status, ..p.output },
            LineState::Idle => p.output,
        })
    }

    /// Starts one line in terminal `term` (opening terminals up to it) and
    /// records it: it runs until it ends, or until it waits for something
    /// only another terminal can bring (`Running`). Terminal built-ins
    /// (`clear`) are recorded but never reach the engine. A line that
    /// needs what the site's basic lab lacks is an error, and the session
    /// must not be used after it (the line may have run in part): the
    /// complete lab replays it.
    pub fn run_in(&mut self, term: u32, line: &str) -> Result<Progress, Lacks> {
        if let Some(what) = sim_core::lab::basic::lacks(line) {
            return Err(Lacks(what.to_string()));
        }
        let term = term.min(MAX_TERMINALS - 1);
        while self.lab.terminals() <= term as usize {
            self.lab.open_terminal();
        }
        self.snap = OnceCell::new();
        let p = if is_terminal_builtin(line) {
            Progress { output: Output::new(), state: LineState::Done(0) }
        } else {
            self.lab.run_in(term as usize, line)
        };
        if let Some(what) = self.lab.take_lacked() {
            return Err(Lacks(what));
        }
        self.log.push(Entry::Line { term, line: line.to_string() }.encode());
        self.lines.push(line.to_string());
        #[cfg(feature = "complete")]
        self.note(&p.output);
        Ok(p)
    }

    /// Keeps what the lab says about the output of the entry just logged.
    #[cfg(feature = "complete")]
    fn note(&mut self, out: &Output) {
        let notes = self.lab.explain(out);
        if notes.is_empty() {
            return;
        }
        if self.notes.len() == NOTED {
            self.notes.remove(0);
        }
        self.notes.push((self.log.len() as u32 - 1, notes));
    }

    /// The notes on the output of entry `entry` of the log (none for an
    /// entry that had none, or was dropped: see [`NOTED`]).
    #[cfg(feature = "complete")]
    pub fn notes(&self, entry: u32) -> Vec<sim_core::explain::Note> {
        let at = self.notes.binary_search_by_key(&entry, |n| n.0);
        at.map(|i| self.notes[i].1.clone()).unwrap_or_default()
    }

    /// What terminal `term` printed since it was last asked.
    pub fn poll(&mut self, term: u32) -> Progress {
        self.snap = OnceCell::new();
        self.lab.poll(term as usize)
    }

    /// Ctrl-C for a line that waits in terminal `term`; recorded.
    pub fn interrupt(&mut self, term: u32) -> Progress {
        self.snap = OnceCell::new();
        self.log.push(Entry::Interrupt { term }.encode());
        self.lab.interrupt(term as usize)
    }

    /// The terminals open on the lab.
    pub fn terminals(&self) -> u32 {
        self.lab.terminals() as u32
    }

    /// What every packet did during the last line.
    pub fn last_trace(&self) -> &sim_core::packet::Trace {
        self.lab.last_trace()
    }

    /// The session's entries, as saved.
    pub fn log(&self) -> &[String] {
        &self.log
    }
}

/// The lab a session starts from: an empty host, or the preset `name`.
/// Only the complete lab builds presets (the web crate's `complete` feature
/// turns sim-core's `presets` on; sim-core's own feature is not visible
/// here): the basic one answers that it lacks them, and the page switches
/// to the complete lab as for `nc` or `&`.
fn first_lab(preset: Option<&str>) -> Result<Lab, Lacks> {
    let Some(name) = preset else { return Ok(Lab::new()) };
    #[cfg(feature = "complete")]
    if let Some(lab) = Lab::with_preset(name) {
        return Ok(lab);
    }
    Err(Lacks(format!("preset {name}")))
}

/// Adds what a terminal printed to the output of entry `at`, and its
/// status when its line ended (`running` then forgets it); a line still
/// running is remembered as entry `started` (`usize::MAX`: not new).
fn settle(outputs: &mut [Output], at: Option<usize>, p: Progress, running: &mut Option<usize>, started: usize) {
    let Some(at) = at else { return };
    let out = &mut outputs[at];
    let status = out.status;
    out.extend(p.output);
    out.status = status;
    match p.state {
        LineState::Done(st) => {
            out.status = st;
            if *running == Some(at) {
                *running = None;
            }
        }
        LineState::Running if started != usize::MAX => *running = Some(started),
        _ => {}
    }
}

impl World for LabSession {
    fn snapshot(&self) -> &Snapshot {
        self.snap.get_or_init(|| self.lab.snapshot())
    }

    fn history(&self) -> &[String] {
        &self.lines
    }

    /// Runs `line` on a copy of the lab, leaving the learner's untouched.
    fn probe(&self, line: &str) -> (i32, String) {
        let mut copy = self.lab.clone();
        let out = copy.run(line);
        (out.status, out.text())
    }
}

#[cfg(test)]
mod tests;
