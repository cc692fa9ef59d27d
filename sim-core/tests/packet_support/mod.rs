//! A test host for the packet engine: the Lab, with the last command
//! line's trace kept in a field.

#![allow(dead_code)]

use sim_core::output::Output;
use sim_core::packet::Trace;
use sim_core::Lab;

/// A lab that keeps the last command line's trace where tests look for it.
pub struct Host {
    lab: Lab,
    pub trace: Trace,
}

impl Host {
    pub fn new(seed: u64) -> Host {
        Host { lab: Lab::with_seed(seed), trace: Trace::default() }
    }

    pub fn run(&mut self, line: &str) -> Output {
        let out = self.lab.run(line);
        self.trace = self.lab.last_trace().clone();
        out
    }
}

/// Replays a scenario; returns the transcript and every command's trace.
pub fn replay(script: &str, seed: u64) -> (String, Vec<(String, Trace)>) {
    let mut h = Host::new(seed);
    let mut lines = Vec::new();
    let mut traces = Vec::new();
    for cmd in sim_core::transcript::commands(script) {
        lines.push(format!("$ {cmd}"));
        let out = h.run(&cmd);
        let text = out.text();
        if !text.is_empty() {
            lines.extend(text.trim_end_matches('\n').split('\n').map(str::to_string));
        }
        if out.status != 0 {
            lines.push(format!("[exit {}]", out.status));
        }
        traces.push((cmd, h.trace.clone()));
    }
    (lines.join("\n") + "\n", traces)
}

/// Whether a command belongs to the packet engine.
pub fn is_packet_cmd(cmd: &str) -> bool {
    cmd.contains("ping ")
        || cmd.ends_with("ping")
        || cmd.contains("route get")
        || cmd.contains("neigh")
        || cmd.contains("iptables")
}
