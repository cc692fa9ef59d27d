//! The simulated host as a whole: a kernel, the tools, and a shell.

use crate::output::Output;
use crate::shell::{self, Env, Programs};
use crate::snapshot::Snapshot;

/// One simulated Linux host with its namespaces, driven by command lines.
///
/// ```
/// let mut lab = sim_core::Lab::new();
/// let out = lab.run("ip link show lo");
/// assert_eq!(out.status, 0);
/// ```
pub struct Lab {
    env: Env,
    seed: u64,
}

impl Default for Lab {
    fn default() -> Self {
        Lab::new()
    }
}

impl Lab {
    /// A fresh host with the default seed.
    pub fn new() -> Lab {
        Lab::with_seed(0)
    }

    /// A fresh host whose MAC addresses derive from `seed`.
    pub fn with_seed(seed: u64) -> Lab {
        Lab { env: Env::default(), seed }
    }

    /// Runs one command line as root on the host, as a terminal would.
    pub fn run(&mut self, line: &str) -> Output {
        let mut env = std::mem::take(&mut self.env);
        let out = shell::run_line(line, &mut env, self);
        self.env = env;
        out
    }

    /// The current state, for diagrams and lesson checks.
    pub fn snapshot(&self) -> Snapshot {
        let _ = self.seed;
        Snapshot::default()
    }
}

impl Programs for Lab {
    fn run(&mut self, argv: &[String], _stdin: &str) -> Output {
        Output::error(format!("bash: {}: command not found\n", argv[0]), 127)
    }
}
