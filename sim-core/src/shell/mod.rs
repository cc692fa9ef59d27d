//! A small bash: the part of the shell language the lessons use.
//!
//! The shell knows nothing of networking. It parses a command line, expands
//! words, and hands every simple command to a [`Programs`] implementation
//! (the [`crate::Lab`] in practice), which decides what `ip` or `grep` means.

use crate::output::Output;

/// Runs programs for the shell.
pub trait Programs {
    /// Runs one program: `argv[0]` is its name, `stdin` what was piped into it.
    fn run(&mut self, argv: &[String], stdin: &str) -> Output;
}

/// Shell state that lives across command lines: variables and `$?`.
#[derive(Clone, Debug, Default)]
pub struct Env {
    pub last_status: i32,
}

/// Parses and runs one command line.
pub fn run_line(line: &str, env: &mut Env, programs: &mut dyn Programs) -> Output {
    // Placeholder until the real shell lands: whitespace-split argv.
    let argv: Vec<String> = line.split_whitespace().map(String::from).collect();
    if argv.is_empty() {
        return Output::status(env.last_status);
    }
    let out = programs.run(&argv, "");
    env.last_status = out.status;
    out
}

/// Text tools (grep, head, …) as pure functions; `None` if not one of them.
pub fn run_coreutil(_argv: &[String], _stdin: &str) -> Option<Output> {
    None
}

/// Whether `name` is one of the text tools.
pub fn is_coreutil(_name: &str) -> bool {
    false
}
