//! The learner's lab together with the command log that built it.

use super::verify::World;
use crate::session::is_terminal_builtin;
use sim_core::{Lab, Output, Snapshot};
use std::cell::OnceCell;

/// What a line needs that this lab was built without (`&`, `nc`, …): only
/// the complete lab runs it (`sim_core::lab::basic`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lacks(pub String);

/// A lab and its history. Everything here can be rebuilt from `log` alone,
/// because the engine is deterministic.
pub struct LabSession {
    lab: Lab,
    log: Vec<String>,
    /// The lab's picture, taken when first asked for after a line: a
    /// snapshot of a large lab costs more than most commands, and the
    /// output of a line goes to the page before it is taken.
    snap: OnceCell<Snapshot>,
}

impl Default for LabSession {
    fn default() -> Self {
        LabSession { lab: Lab::new(), log: Vec::new(), snap: OnceCell::new() }
    }
}

impl LabSession {
    /// Runs `lines` in a fresh lab; returns the session and what each line
    /// printed, or what a line needs that this lab lacks (see [`Lacks`]).
    pub fn replay(lines: &[String]) -> Result<(LabSession, Vec<Output>), Lacks> {
        let mut s = LabSession::default();
        let outs = lines.iter().map(|l| s.run(l)).collect::<Result<_, _>>()?;
        Ok((s, outs))
    }

    /// Runs one line and records it. Terminal built-ins (`clear`) are recorded
    /// but never reach the engine. A line that needs what the site's basic
    /// lab lacks is an error, and the session must not be used after it
    /// (the line may have run in part): the complete lab replays it.
    pub fn run(&mut self, line: &str) -> Result<Output, Lacks> {
        if let Some(what) = sim_core::lab::basic::lacks(line) {
            return Err(Lacks(what.to_string()));
        }
        self.snap = OnceCell::new();
        let out = if is_terminal_builtin(line) { Output::status(0) } else { self.lab.run(line) };
        if let Some(what) = self.lab.take_lacked() {
            return Err(Lacks(what));
        }
        self.log.push(line.to_string());
        Ok(out)
    }

    /// What every packet did during the last line.
    pub fn last_trace(&self) -> &sim_core::packet::Trace {
        self.lab.last_trace()
    }

    pub fn log(&self) -> &[String] {
        &self.log
    }
}

impl World for LabSession {
    fn snapshot(&self) -> &Snapshot {
        self.snap.get_or_init(|| self.lab.snapshot())
    }

    fn history(&self) -> &[String] {
        &self.log
    }

    /// Runs `line` on a copy of the lab, leaving the learner's untouched.
    fn probe(&self, line: &str) -> (i32, String) {
        let mut copy = self.lab.clone();
        let out = copy.run(line);
        (out.status, out.text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_keeps_every_line_and_clear_never_reaches_the_lab() {
        let mut s = LabSession::default();
        s.run("ip netns add orange").unwrap();
        let clear = s.run("clear").unwrap();
        let bad = s.run("nonsense-command").unwrap();
        assert_eq!(s.log(), ["ip netns add orange", "clear", "nonsense-command"]);
        assert_eq!(clear.status, 0);
        assert_eq!(bad.status, 127);
        let (replayed, outs) = LabSession::replay(&s.log()[..2]).unwrap();
        assert_eq!(replayed.log().len(), 2);
        assert_eq!(outs.len(), 2);
    }

    #[test]
    fn replay_ends_with_the_same_state_as_running() {
        let lines: Vec<String> = ["ip netns add a", "ip link add x type veth peer name y", "ip link set x netns a"]
            .map(String::from)
            .to_vec();
        let mut live = LabSession::default();
        for l in &lines {
            live.run(l).unwrap();
        }
        let (replayed, _) = LabSession::replay(&lines).unwrap();
        assert_eq!(replayed.snapshot(), live.snapshot());
        assert_eq!(replayed.snapshot().namespaces.len(), 2);
    }

    #[test]
    fn a_line_the_lab_lacks_is_an_error_in_the_basic_build_only() {
        let mut s = LabSession::default();
        let lacks = s.run("sleep 1 &").err();
        if sim_core::lab::basic::is_complete() {
            assert_eq!(lacks, None);
        } else {
            assert_eq!(lacks, Some(Lacks("&".into())));
            // A program's name made by an expansion is noticed as it runs.
            let mut s = LabSession::default();
            assert_eq!(s.run("p=n; ${p}c -h").err(), Some(Lacks("nc".into())));
        }
    }

    #[test]
    fn probes_do_not_touch_the_lab() {
        let mut s = LabSession::default();
        s.run("ip netns add orange").unwrap();
        let before = s.log().len();
        let _ = s.probe("ip netns add green");
        assert_eq!(s.log().len(), before);
    }
}
