//! sim-shell: a small bash, and the text tools lessons pipe into.
//!
//! This crate knows nothing of networking, and its dependencies enforce it.
//! It parses a command line, expands words, and hands every simple command
//! that is not a builtin, a function or a shell to a [`Programs`]
//! implementation (sim-core's `Lab`, or lab-agent's real host), which
//! decides what `ip` or `grep` means. The text tools (grep, awk, sort,
//! head, tail, wc, cut, tr, uniq, cat, seq) live in [`coreutils`] as pure
//! functions of argv and an input (stdin, and the machine's [`files`] for
//! their file operands) that a `Programs` can dispatch to, with `rm` and
//! `touch`, which change those files.
//! [`Output`] is what any program prints: chunks of stdout and stderr,
//! each with the virtual time that passed before it.
//!
//! Time and processes are handed in, never taken: the shell reads no
//! clock (it only carries each chunk's virtual delay along), and what a
//! program does, how long it takes and whether it exists
//! ([`Programs::has`]) is the machine's business. Work is metered the same
//! way: every loop iteration, function call and brace-expanded word is a
//! step asked of [`Programs::spend`], so a machine with one virtual clock
//! and a process table can account for every shell it runs (and later
//! interrupt them).
//!
//! What is supported: `;`, `&&`, `||`, `|`, `|&`, newlines, `#` comments,
//! `'…'`, `"…"`, `$'…'`, backslash escapes, `$NAME`, `${NAME}`, `${#NAME}`,
//! `$?`, `$1`…, `$#`, `$@`, `"$@"` and the other special parameters, `~`,
//! `$(…)` and backquotes, `$((…))`, brace expansion (`{a,b}`, `{1..10..2}`,
//! `{01..10}`, `{a..e}`, nested, in bash's order: first, on the word as
//! typed), field splitting on `$IFS`, `NAME=value` (alone or before a
//! command), `for NAME in WORDS; do LIST; done`, `while`/`until LIST; do
//! LIST; done` with `break [N]`/`continue [N]`, `if/elif/else/fi`, `case
//! WORD in PAT|PAT) LIST;; esac` (glob patterns, `;&`, `;;&`), `[[ … ]]`
//! (patterns, `=~`, `&&`, `||`, `!`, integer tests), functions (`NAME()
//! { …; }`, `function NAME`, `return`, `shift`, `local`), `( LIST )`, `{ LIST; }`,
//! `!`, here-documents (`<<EOF`, `<<'EOF'`, `<<-EOF`) and here-strings
//! (`<<< word`), the builtins `echo`, `test`/`[`, `read`, `true`,
//! `false`, `:`, `export`, `unset`, `cd`, `exit`, the redirections that
//! make sense without a filesystem (`>/dev/null`, `2>&1`, `&>/dev/null`,
//! `</dev/null`), and `bash`/`sh` as programs: `bash -c 'LIST' [NAME
//! ARGS…]` or a script on stdin runs in a child environment that holds
//! only the exported variables (nothing set inside leaks out) and words its
//! errors as `bash -c` does (`bash: line 1: foo: command not found`).
//!
//! Decisions where a browser terminal cannot be a real bash:
//! - Errors are worded as an *interactive* bash words them
//!   (`bash: syntax error near unexpected token `;;'`), without the
//!   `bash: -c: line 1:` prefix of `bash -c` and without echoing the line.
//!   Syntax errors exit with status 2. Input of several lines runs one
//!   complete command at a time, as bash reads it: what comes before a
//!   syntax error runs, nothing after it does.
//! - An unterminated quote does not prompt for more input (there is no
//!   `PS2`): it fails at once with bash's end-of-input message,
//!   `bash: unexpected EOF while looking for matching `"'`, status 2.
//!   Likewise `a &&` or an unfinished `for` report
//!   `bash: syntax error: unexpected end of file`.
//! - Runaway work ends as Ctrl-C would end it. A command line may take
//!   [`STEP_BUDGET`] steps (loop iterations, function calls, brace words)
//!   in all, over every shell it starts; then everything stops, the
//!   terminal shows `^C`, and `$?` is 130. `while true; do :; done` thus
//!   ends instead of hanging the page (and `… | head -3` after it does not
//!   run: pipeline stages run one after another, not side by side).
//!   Functions nest at most 64 deep (`maximum function nesting level
//!   exceeded`), where bash would crash.
//! - Only the text tools read their stdin to the end; other programs
//!   (`ip`, `ping`, …) see it but leave it, as they do not read it, so a
//!   `while read` loop around them gets every line.
//! - `sh` is dash on Debian: `sh -c` runs this same shell, with dash's
//!   wording for `not found` and for syntax errors only.
//! - `LIST &` is handed to the machine as a background job
//!   ([`Programs::spawn`]); the shell keeps bash's job table (`jobs`,
//!   `wait`, `kill`, `$!`), but there is no job control: `fg` and `bg`
//!   answer `no job control`, as in `bash -c`. A machine without processes
//!   runs the job in the foreground.
//! - Writing to a file other than `/dev/null`, `/dev/stdout`,
//!   `/dev/stderr` fails with `Read-only file system`; reading one fails
//!   with `No such file or directory`; every file test (`-f`, `-d`, …) is
//!   false; `bash FILE` finds no file.
//! - `select`, `coproc`, `<>` and `for ((…))` report
//!   `bash: select: not supported by this shell` (status 2).
//! - `cd` succeeds and changes nothing; `exit` ends the line with its status.

mod arith;
mod ast;
mod brace;
mod builtins;
pub mod coreutils;
mod exec;
mod expand;
pub mod files;
mod lexer;
pub mod output;
mod parser;
mod pattern;

/// printf's formatting, which the site's on-demand module runs for the
/// builtin (`printf-format`; see `builtins/printf`).
pub use builtins::printf::formatted as printf_formatted;
pub use exec::{Mode, STEP_BUDGET};
pub use jobs::{job_notices, parse_signal, JobEntry, ProcStatus, SIGNALS};
pub use output::{Chunk, Output, Stream};
pub use parser::{parse, ParseError};

use litemap::LiteMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

mod jobs;

/// A future that runs on the machine's single thread (programs and shells
/// that wait for time or for other processes).
pub type LocalFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// A background job's shell, started on its new process's programs.
pub type JobShell = Box<dyn for<'p> FnOnce(&'p mut dyn Programs) -> LocalFuture<'p, Output>>;

/// Why [`Programs::spawn`] gave a job back.
pub enum NotSpawned {
    /// The machine has no processes: the shell runs the job itself.
    NoProcesses(Background),
    /// Too many processes run (`fork: Resource temporarily unavailable`).
    TryAgain(Background),
}

/// A background job (`LIST &`) handed to the machine, which runs it as a
/// new process beside the shell that started it.
pub struct Background {
    /// The job's shell, given the programs of its new process; what it
    /// printed, each chunk after the virtual time that passed before it
    /// (counted from the job's start), and its status.
    pub run: JobShell,
    /// The process name (`comm`): the program for a simple command (bash
    /// forks and execs it), `bash` for anything else (a subshell).
    pub comm: String,
    /// The job's text as typed (for the machine's process table).
    pub text: String,
    /// Whether the job ignores SIGINT: a non-interactive shell starts its
    /// background jobs so (bash without job control).
    pub ignore_int: bool,
}

/// The machine the shell runs on: its programs, and the work it allows.
///
/// Everything with time or processes behind it comes through here: the
/// shell never reads a clock, it only passes on the virtual time in each
/// [`Output`]'s chunks, and it asks [`Programs::spend`] before each loop
/// iteration, so a machine with one virtual clock and a process table can
/// account for (and one day interrupt) a shell's work.
/// Where a program's stdout or stderr goes while it runs (see
/// [`Programs::output_to`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputTo<'a> {
    /// Back to the shell, in the program's [`Output`].
    Returned,
    /// A file a redirection opened.
    File(&'a str),
    /// The terminal, as the program writes.
    Terminal,
}

/// [`OutputTo`], owned: for a machine that keeps where a program writes
/// past the call that said it (sim-core's lab and lab-agent's both do).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum OwnedOutputTo {
    /// Back to the shell, in the program's [`Output`].
    #[default]
    Returned,
    /// A file of the machine, as the program writes (a server's output,
    /// read by a later `cat` while it still runs).
    File(String),
    /// The terminal, as the program writes.
    Terminal,
}

impl From<OutputTo<'_>> for OwnedOutputTo {
    fn from(t: OutputTo<'_>) -> OwnedOutputTo {
        match t {
            OutputTo::Returned => OwnedOutputTo::Returned,
            OutputTo::File(p) => OwnedOutputTo::File(p.to_string()),
            OutputTo::Terminal => OwnedOutputTo::Terminal,
        }
    }
}

pub trait Programs {
    /// Runs one program: `argv[0]` is its name, `stdin` what was piped into it.
    fn run(&mut self, argv: &[String], stdin: &str) -> Output;

    /// Whether `name` is a program here; the shell reports `command not
    /// found` (worded for the shell that ran it) for the others.
    fn has(&mut self, _name: &str) -> bool {
        true
    }

    /// Takes `steps` of work (a loop iteration, a function call, a word
    /// of a brace expansion; 0 only asks) from what the machine allows
    /// the current command line. False once that is spent: the shell then
    /// stops as if the learner had pressed Ctrl-C. The shell also keeps its
    /// own count ([`STEP_BUDGET`]); a machine that starts shells itself
    /// (`ip netns exec NS bash -c …`) keeps one count for all of them here.
    fn spend(&mut self, _steps: u64) -> bool {
        true
    }

    /// Runs a program that may wait (for time, for another process): the
    /// machine suspends it and runs others meanwhile. The default runs it
    /// at once with [`Programs::run`].
    fn start<'a>(&'a mut self, argv: &'a [String], stdin: &'a str) -> LocalFuture<'a, Output> {
        let out = self.run(argv, stdin);
        Box::pin(std::future::ready(out))
    }

    /// Starts `job` as a new process in the background; its pid. A machine
    /// without processes hands it back and the shell runs it in the
    /// foreground; one with too many processes refuses it as `fork()`
    /// would (EAGAIN), and bash tries again a few times.
    fn spawn(&mut self, job: Background) -> Result<u32, NotSpawned> {
        Err(NotSpawned::NoProcesses(job))
    }

    /// A process's state; `None` if there is no such process.
    fn status(&mut self, _pid: u32) -> Option<ProcStatus> {
        None
    }

    /// Waits until process `pid` ends; its end (`None`: no such process).
    fn wait<'a>(&'a mut self, pid: u32) -> LocalFuture<'a, Option<ProcStatus>> {
        let st = self.status(pid);
        Box::pin(std::future::ready(st))
    }

    /// Sends signal `signal` to process `pid`; false if there is no such
    /// process (ESRCH).
    fn kill(&mut self, _pid: u32, _signal: i32) -> bool {
        false
    }

    /// Whether the machine shows a line's output as it goes: the shell then
    /// hands it [`Programs::show`] what each top-level command of the line
    /// printed as soon as that command ends, rather than all at the end.
    fn streams(&self) -> bool {
        false
    }

    /// What a top-level command of the line printed (see
    /// [`Programs::streams`]): each chunk's delay counts from the previous
    /// output of the line.
    fn show(&mut self, _out: Output) {}

    /// Opens the file at `path` for a redirection's writes (`>`: made
    /// empty, `>>`: kept, `append`); strerror's words when it cannot be.
    /// A machine without files writes none.
    fn create_file(&mut self, _path: &str, _append: bool) -> Result<(), &'static str> {
        Err("Read-only file system")
    }

    /// Adds what a command wrote through a redirection to a file that
    /// [`Programs::create_file`] opened.
    fn append_file(&mut self, _path: &str, _text: &str) {}

    /// Where the next program's stdout and stderr go as it writes: a file
    /// a redirection opened, the terminal itself (nothing between: not a
    /// pipe, a substitution, a redirected compound command), or back to
    /// the shell in its [`Output`]. A machine whose programs write as they
    /// go (a server) may then write there itself, at once, instead of
    /// handing the text back. Set before the program starts, cleared
    /// (both [`OutputTo::Returned`]) after.
    fn output_to(&mut self, _stdout: OutputTo<'_>, _stderr: OutputTo<'_>) {}

    /// The file at `path`, for `<`: its text, or strerror's words.
    fn read_file(&mut self, _path: &str) -> Result<String, &'static str> {
        Err("No such file or directory")
    }

    /// The machine's virtual clock (ms), for what the shell waits for
    /// itself (`wait`): the time that passed is carried as a delay.
    fn now_ms(&mut self) -> u64 {
        0
    }
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
    pub vars: LiteMap<String, Variable>,
    /// `$$`: the shell's process id.
    pub pid: u32,
    /// `$1`, `$2`, …: set by `bash -c … NAME ARGS` and function calls.
    pub positional: Vec<String>,
    /// Shell functions by name (a list: a handful at most, and one map
    /// type fewer in the wasm build).
    pub functions: Vec<(String, Arc<ast::Command>)>,
    /// The job table: background jobs started by this shell.
    pub jobs: Vec<JobEntry>,
    /// `$!`: the pid of the last background job.
    pub last_bg: Option<u32>,
}

impl Default for Env {
    /// A root login shell's usual environment.
    fn default() -> Env {
        let mut env = Env::empty();
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
    /// No variables at all (allocates nothing): a placeholder while a
    /// machine lends its environment to a running line.
    pub fn empty() -> Env {
        Env {
            last_status: 0,
            vars: LiteMap::new(),
            pid: 1042,
            positional: Vec::new(),
            functions: Vec::new(),
            jobs: Vec::new(),
            last_bg: None,
        }
    }

    /// The environment a program started by this shell sees: the exported
    /// variables only (and the next process id).
    pub fn exported_from(parent: &Env) -> Env {
        // Inserted in the parent's (sorted) order, each at the end: `collect`
        // into a LiteMap would link a sort for this one type.
        let mut vars = LiteMap::new();
        for (k, v) in parent.vars.iter().filter(|(_, v)| v.exported) {
            vars.insert(k.clone(), v.clone());
        }
        Env {
            last_status: 0,
            vars,
            pid: parent.pid + 1,
            positional: Vec::new(),
            functions: Vec::new(),
            jobs: Vec::new(),
            last_bg: None,
        }
    }

    /// A function's body, if one is defined by that name.
    pub(crate) fn function(&self, name: &str) -> Option<Arc<ast::Command>> {
        self.functions.iter().find(|(n, _)| n == name).map(|(_, body)| body.clone())
    }

    /// Defines (or redefines) a function.
    pub(crate) fn define(&mut self, name: &str, body: Arc<ast::Command>) {
        match self.functions.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = body,
            None => self.functions.push((name.to_string(), body)),
        }
    }

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
/// tests. For a machine whose programs run at once (the default
/// [`Programs::start`]); one whose programs wait drives [`line`] itself.
pub fn run_line_with_stdin(line: &str, stdin: &str, env: &mut Env, programs: &mut dyn Programs) -> Output {
    let f = self::line(line, stdin.to_string(), env, programs, Mode::Interactive);
    exec::block_on(f).unwrap_or_else(|| Output::status(130))
}

/// Runs one command line as a future, for a machine that runs programs
/// and jobs side by side: it waits where a program waits. `mode` says
/// whether this is a terminal's interactive bash ([`Mode::Interactive`]:
/// `bash: MESSAGE`, `[1] PID` when a job starts; the host prints
/// [`job_notices`] before its next prompt) or a `bash -c LINE`
/// ([`Mode::Command`]: the job table ends with the line; its processes go
/// on).
pub fn line<'a>(
    line: &'a str,
    stdin: String,
    env: &'a mut Env,
    programs: &'a mut dyn Programs,
    mode: Mode,
) -> LocalFuture<'a, Output> {
    Box::pin(async move {
        let mut sh = exec::Interp::new(env, programs, mode, "bash");
        if mode == Mode::Command {
            // A new `bash -c`: no jobs, and `$!` unset.
            sh.env.jobs.clear();
            sh.env.last_bg = None;
        }
        let mut stdin = stdin;
        let mut out = exec::run_source(&mut sh, line, &mut stdin).await;
        if sh.interrupted {
            // What the terminal shows when Ctrl-C stops a command.
            let delay = std::mem::take(&mut sh.pending_delay);
            out.extend(Output {
                chunks: vec![Chunk { stream: Stream::Stdout, text: "^C\n".into(), delay_ms: delay }],
                status: 0,
            });
            sh.env.last_status = 130;
        }
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
    })
}

/// Runs `bash ARGS` or `sh ARGS` (`argv[0]` names the shell) for a
/// [`Programs`] that starts a shell itself, as `ip netns exec NS bash -c …`
/// or `sudo bash -c …` do: the shell starts from the login environment
/// and hands its commands back to `programs`. When the steps run out it
/// ends with status 130 and prints nothing (the shell the learner typed at
/// shows the `^C`). Its programs run at once ([`Programs::run`]).
pub fn run_shell_program(argv: &[String], stdin: &str, programs: &mut dyn Programs) -> Output {
    run_shell_program_as(argv, stdin, programs, Env::default().pid + 1)
}

/// [`run_shell_program`] for a machine that gave the shell a process:
/// `pid` is its `$$`.
pub fn run_shell_program_as(argv: &[String], stdin: &str, programs: &mut dyn Programs, pid: u32) -> Output {
    let mut env = Env::default();
    let mut sh = exec::Interp::new(&mut env, programs, exec::Mode::Interactive, "bash");
    sh.sync = true;
    let mut out =
        exec::block_on(exec::shell_program(&mut sh, argv, stdin, Some(pid))).unwrap_or_else(|| Output::status(130));
    if sh.interrupted {
        out.status = 130;
    }
    out
}

/// Whether `name` is a shell this crate runs as a program (`bash`, `sh`).
pub fn is_shell(name: &str) -> bool {
    matches!(name.rsplit('/').next(), Some("bash" | "sh"))
}

/// Text tools (grep, head, …) as pure functions; `None` if not one of them.
pub fn run_coreutil(argv: &[String], stdin: &str) -> Option<Output> {
    coreutils::run_coreutil(argv, stdin)
}

/// Whether `name` is one of the text tools.
pub fn is_coreutil(name: &str) -> bool {
    coreutils::is_coreutil(name)
}
