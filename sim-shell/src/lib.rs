//! sim-shell: a small bash, and the text tools lessons pipe into.
//!
//! This crate knows nothing of networking, and its dependencies enforce it.
//! It parses a command line, expands words, and hands every simple command
//! that is not a builtin to a [`Programs`] implementation (sim-core's `Lab`,
//! or lab-agent's real host), which decides what `ip` or `grep` means. The
//! text tools (grep, awk, sort, head, tail, wc, cut, tr, uniq, cat) live in
//! [`coreutils`] as pure functions of argv and stdin that a `Programs` can
//! dispatch to. [`Output`] is what any program prints: chunks of stdout and
//! stderr, each with the virtual time that passed before it.
//!
//! What is supported: `;`, `&&`, `||`, `|`, `|&`, newlines, `#` comments,
//! `'…'`, `"…"`, `$'…'`, backslash escapes, `$NAME`, `${NAME}`, `${#NAME}`,
//! `$?` and the other special parameters, `~`, `$(…)` and backquotes,
//! `$((…))`, field splitting on `$IFS`, `NAME=value` (alone or before a
//! command), `for NAME in WORDS; do LIST; done`, `( LIST )`, `{ LIST; }`,
//! `!`, and the redirections that make sense without a filesystem
//! (`>/dev/null`, `2>&1`, `&>/dev/null`, `</dev/null`).
//!
//! Decisions where a browser terminal cannot be a real bash:
//! - Errors are worded as an *interactive* bash words them
//!   (`bash: syntax error near unexpected token `;;'`), without the
//!   `bash: -c: line 1:` prefix of `bash -c` and without echoing the line.
//!   Syntax errors exit with status 2 and nothing on the line runs.
//! - An unterminated quote does not prompt for more input (there is no
//!   `PS2`): it fails at once with bash's end-of-input message,
//!   `bash: unexpected EOF while looking for matching `"'`, status 2.
//!   Likewise `a &&` or an unfinished `for` report
//!   `bash: syntax error: unexpected end of file`.
//! - `&` runs the command in the foreground (virtual time makes waiting
//!   free); there is no job control.
//! - Writing to a file other than `/dev/null`, `/dev/stdout`,
//!   `/dev/stderr` fails with `Read-only file system`; reading one fails
//!   with `No such file or directory`.
//! - `if`, `while`, `until`, `case`, functions, here-documents and brace
//!   expansion are not implemented: the keywords report
//!   `bash: if: not supported by this shell` (status 2).
//! - `cd` succeeds and changes nothing; `exit` ends the line with its status.

mod arith;
mod ast;
mod builtins;
pub mod coreutils;
mod exec;
mod expand;
mod lexer;
pub mod output;
mod parser;

pub use output::{Chunk, Output, Stream};
pub use parser::{parse, ParseError};

use std::collections::BTreeMap;

/// Runs programs for the shell.
pub trait Programs {
    /// Runs one program: `argv[0]` is its name, `stdin` what was piped into it.
    fn run(&mut self, argv: &[String], stdin: &str) -> Output;
}

/// A shell variable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variable {
    pub value: String,
    /// Marked with `export` (shown by `export` with no arguments).
    pub exported: bool,
}

/// Shell state that lives across command lines: variables and `$?`.
#[derive(Clone, Debug)]
pub struct Env {
    /// `$?`: the status of the last pipeline.
    pub last_status: i32,
    /// Variables by name.
    pub vars: BTreeMap<String, Variable>,
    /// `$$`: the shell's process id.
    pub pid: u32,
}

impl Default for Env {
    /// A root login shell's usual environment.
    fn default() -> Env {
        let mut env = Env { last_status: 0, vars: BTreeMap::new(), pid: 1042 };
        for (name, value) in [
            ("HOME", "/root"),
            ("LOGNAME", "root"),
            ("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            ("PWD", "/root"),
            ("SHELL", "/bin/bash"),
            ("USER", "root"),
        ] {
            env.set(name, value.to_string());
            env.set_exported(name, true);
        }
        env
    }
}

impl Env {
    /// A variable's value, if it is set.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.vars.get(name).map(|v| v.value.as_str())
    }

    /// Sets a variable, keeping its export flag.
    pub fn set(&mut self, name: &str, value: String) {
        match self.vars.get_mut(name) {
            Some(v) => v.value = value,
            None => {
                self.vars.insert(name.to_string(), Variable { value, exported: false });
            }
        }
    }

    /// Marks a variable as exported or not, creating it empty if needed.
    pub fn set_exported(&mut self, name: &str, exported: bool) {
        self.vars.entry(name.to_string()).or_insert_with(|| Variable { value: String::new(), exported }).exported =
            exported;
    }
}

/// Parses and runs one command line (which may hold several lines).
pub fn run_line(line: &str, env: &mut Env, programs: &mut dyn Programs) -> Output {
    run_line_with_stdin(line, "", env, programs)
}

/// Like [`run_line`], with `stdin` for the first command that reads it (as
/// `bash -c LINE < file` would): `ip netns exec` passing its input on, or
/// tests.
pub fn run_line_with_stdin(line: &str, stdin: &str, env: &mut Env, programs: &mut dyn Programs) -> Output {
    let script = match parser::parse(line) {
        Ok(s) => s,
        Err(e) => {
            env.last_status = 2;
            return Output::error(format!("{e}\n"), 2);
        }
    };
    let mut sh = exec::Interp::new(env, programs);
    let mut stdin = stdin.to_string();
    let mut out = sh.run_script(&script, &mut stdin);
    if sh.pending_delay > 0 {
        // Time that passed with nothing shown (`ping … >/dev/null`).
        let delay = std::mem::take(&mut sh.pending_delay);
        out.extend(Output {
            chunks: vec![Chunk { stream: Stream::Stdout, text: String::new(), delay_ms: delay }],
            status: 0,
        });
    }
    out.status = sh.env.last_status;
    out
}

/// Text tools (grep, head, …) as pure functions; `None` if not one of them.
pub fn run_coreutil(argv: &[String], stdin: &str) -> Option<Output> {
    coreutils::run_coreutil(argv, stdin)
}

/// Whether `name` is one of the text tools.
pub fn is_coreutil(name: &str) -> bool {
    coreutils::is_coreutil(name)
}
