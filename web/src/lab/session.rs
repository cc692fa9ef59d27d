//! The learner's lab together with the command log that built it.

use super::verify::World;
use crate::session::is_terminal_builtin;
use sim_core::{Lab, Output, Snapshot};
use std::cell::OnceCell;

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
    /// Runs `lines` in a fresh lab; returns the session and what each line printed.
    pub fn replay(lines: &[String]) -> (LabSession, Vec<Output>) {
        let mut s = LabSession::default();
        let outs = lines.iter().map(|l| s.run(l)).collect();
        (s, outs)
    }

    /// Runs one line and records it. Terminal built-ins (`clear`) are recorded
    /// but never reach the engine.
    pub fn run(&mut self, line: &str) -> Output {
        self.snap = OnceCell::new();
        let out = if is_terminal_builtin(line) { Output::status(0) } else { self.lab.run(line) };
        self.log.push(line.to_string());
        out
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
        s.run("ip netns add orange");
        let clear = s.run("clear");
        let bad = s.run("nonsense-command");
        assert_eq!(s.log(), ["ip netns add orange", "clear", "nonsense-command"]);
        assert_eq!(clear.status, 0);
        assert_eq!(bad.status, 127);
        let (replayed, outs) = LabSession::replay(&s.log()[..2]);
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
            live.run(l);
        }
        let (replayed, _) = LabSession::replay(&lines);
        assert_eq!(replayed.snapshot(), live.snapshot());
        assert_eq!(replayed.snapshot().namespaces.len(), 2);
    }

    #[test]
    fn probes_do_not_touch_the_lab() {
        let mut s = LabSession::default();
        s.run("ip netns add orange");
        let before = s.log().len();
        let _ = s.probe("ip netns add green");
        assert_eq!(s.log().len(), before);
    }
}
