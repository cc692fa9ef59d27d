//! Runs a parsed [`Script`]: and-or lists, pipelines, loops, redirections,
//! builtins, and everything else through [`Programs`].

mod compound;
mod program;
mod redirect;

use super::ast::{AndOr, Command, Connector, Pipeline, Script, SimpleCommand};
use super::builtins;
use super::{Env, LocalFuture, Programs};
use crate::output::{Chunk, Output, Stream};
use std::borrow::Cow;

pub use program::{run_source, shell_program, Mode};

/// How deep subshells, command substitutions, shells started by `bash -c`
/// and function calls may nest at run time.
const MAX_DEPTH: usize = 64;

/// How much work one command line may do: loop iterations, function calls
/// and words made by brace expansion each take one step. A learner whose
/// `while true` spins would press Ctrl-C; when the steps run out the line
/// ends as it would then (see the crate documentation).
pub const STEP_BUDGET: u64 = 100_000;

/// Runs `f` to its end at once: `None` if it waits (nothing the shell runs
/// in [`Interp::sync`] mode does; a [`Programs`] whose `start` waits must
/// be driven by the machine's own executor).
pub(crate) fn block_on<T>(f: impl std::future::Future<Output = T>) -> Option<T> {
    // On the heap: a shell that starts shells nests these.
    let mut f = Box::pin(f);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match f.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(v) => Some(v),
        std::task::Poll::Pending => None,
    }
}

/// A `break`, `continue` or `return` on its way out of loops and functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// `break N`: leave N loops.
    Break(usize),
    /// `continue N`: leave N-1 loops and go on with the next iteration.
    Continue(usize),
    /// `return`: leave the function.
    Return,
}

/// The interpreter: the environment, the programs, and run-time state.
pub(super) struct Interp<'a> {
    pub env: &'a mut Env,
    pub programs: &'a mut dyn Programs,
    /// Set by `exit` and by expansion errors: nothing more runs in this
    /// (sub)shell.
    pub exiting: bool,
    /// What expansions printed (stderr of `$(…)`, error messages) and the
    /// virtual time they took, to be put before the command's own output.
    pub side: Output,
    /// Virtual time consumed by output nobody saw (a pipe stage's stdout,
    /// a substitution): added before the next thing printed.
    pub pending_delay: u64,
    /// The status of the last `$(…)` run while expanding the current
    /// command: what a bare assignment like `x=$(false)` returns.
    pub subst_status: Option<i32>,
    pub depth: usize,
    /// Compound commands around the running one whose redirections send
    /// its stdout or stderr elsewhere.
    pub redirected: usize,
    /// `$0`, and the name error messages start with (borrowed while it is
    /// the shell's own name, as on every command line typed).
    pub name: Cow<'static, str>,
    /// How the shell reads its commands (how errors are worded).
    pub mode: Mode,
    /// The line of the command running (for `bash -c`'s messages).
    pub line: usize,
    /// Steps left of [`STEP_BUDGET`], shared with subshells.
    pub steps: u64,
    /// The steps ran out: everything stops as Ctrl-C would stop it.
    pub interrupted: bool,
    /// Loops around the running command.
    pub loops: usize,
    /// Function calls around the running command.
    pub calls: usize,
    /// A `break`, `continue` or `return` in progress.
    pub flow: Option<Flow>,
    /// For each running function call, the variables `local` shadowed and
    /// what they held before (restored when the call returns).
    pub locals: Vec<Vec<(String, Option<crate::Variable>)>>,
    /// Nothing may wait (inside `$(…)`, which expansion runs to its end at
    /// once): programs run through [`Programs::run`] and `&` in the
    /// foreground.
    pub sync: bool,
    /// Scripts being run around the current command: the outermost one
    /// (1) at depth 0 is the line itself, whose commands' output a machine
    /// that streams is shown as each ends.
    pub scripts: usize,
}

/// What a child shell runs.
pub(crate) enum Body<'b> {
    Command(&'b Command),
    Script(&'b Script),
    /// A shell started as a program: its source, how it reads it, its name.
    Source {
        src: &'b str,
        mode: Mode,
        name: String,
    },
}

impl<'a> Interp<'a> {
    pub fn new(env: &'a mut Env, programs: &'a mut dyn Programs, mode: Mode, name: &'static str) -> Interp<'a> {
        Interp {
            env,
            programs,
            exiting: false,
            side: Output::new(),
            pending_delay: 0,
            subst_status: None,
            depth: 0,
            redirected: 0,
            name: Cow::Borrowed(name),
            mode,
            line: 1,
            steps: STEP_BUDGET,
            interrupted: false,
            loops: 0,
            calls: 0,
            flow: None,
            locals: Vec::new(),
            sync: false,
            scripts: 0,
        }
    }

    /// Whether the running list must stop: `exit`, an interrupt, or a
    /// `break`/`continue`/`return` on its way out.
    pub fn stopping(&self) -> bool {
        self.exiting || self.flow.is_some()
    }

    /// What error messages start with: `bash: ` at the prompt, `bash: line
    /// N: ` in a script (`bash -c` or stdin; `sh: N: ` for dash).
    pub fn prefix(&self) -> String {
        match self.mode {
            _ if self.dash() => format!("{}: {}: ", self.name, self.line),
            Mode::Command | Mode::Stdin => format!("{}: line {}: ", self.name, self.line),
            Mode::Interactive => format!("{}: ", self.name),
        }
    }

    /// Whether this is `sh` reading a script: Debian's `sh` is dash, whose
    /// messages read `sh: LINE: …`.
    pub fn dash(&self) -> bool {
        self.mode != Mode::Interactive && self.name == "sh"
    }

    /// Takes `n` steps of the line's budget (and of the machine's, through
    /// [`Programs::spend`]); false, and everything stops, once it is spent.
    pub fn step(&mut self, n: u64) -> bool {
        if self.interrupted {
            return false;
        }
        if self.steps < n || !self.programs.spend(n) {
            self.interrupt();
            return false;
        }
        self.steps -= n;
        true
    }

    /// Stops everything, as Ctrl-C would.
    pub fn interrupt(&mut self) {
        self.interrupted = true;
        self.exiting = true;
        self.env.last_status = 130;
    }

    /// Runs every item of `script`; the status is the last one's. (Boxed:
    /// the interpreter's functions call each other recursively.)
    pub fn run_script<'s>(&'s mut self, script: &'s Script, stdin: &'s mut String) -> LocalFuture<'s, Output> {
        Box::pin(async move {
            self.scripts += 1;
            let top = self.scripts == 1 && self.depth == 0 && !self.sync && self.programs.streams();
            let mut out = Output::status(self.env.last_status);
            for item in &script.items {
                if self.stopping() {
                    break;
                }
                let o = match &item.background {
                    #[cfg(feature = "jobs")]
                    Some(text) if !self.sync => Box::pin(self.background(item, text)).await,
                    // Without jobs (the site's basic lab, whose host sends a
                    // line with `&` to the complete lab before it runs) the
                    // list runs in the foreground.
                    _ => self.run_and_or(item, stdin).await,
                };
                out.status = o.status;
                out.extend(o);
                if top && !out.chunks.is_empty() {
                    let shown = Output { chunks: std::mem::take(&mut out.chunks), status: out.status };
                    self.programs.show(shown);
                }
            }
            self.scripts -= 1;
            out
        })
    }

    /// Runs an and-or list: the pipelines joined by `&&` and `||`.
    pub(crate) async fn run_and_or(&mut self, list: &AndOr, stdin: &mut String) -> Output {
        let mut out = self.run_pipeline(&list.first, stdin).await;
        for (conn, pipeline) in &list.rest {
            if self.stopping() {
                break;
            }
            let run = match conn {
                Connector::And => out.status == 0,
                Connector::Or => out.status != 0,
            };
            if run {
                let o = self.run_pipeline(pipeline, stdin).await;
                out.status = o.status;
                out.extend(o);
            }
        }
        out
    }

    /// Runs a pipeline: each stage's stdout is the next one's stdin, every
    /// stage's stderr goes to the terminal, the status is the last stage's.
    async fn run_pipeline(&mut self, p: &Pipeline, stdin: &mut String) -> Output {
        let mut term = Output::new();
        let mut status = 0;
        let mut piped = String::new();
        let last = p.commands.len().saturating_sub(1);
        let alone = p.commands.len() == 1;
        for (i, cmd) in p.commands.iter().enumerate() {
            let mut input = std::mem::take(&mut piped);
            let input = if i == 0 { &mut *stdin } else { &mut input };
            // Each stage of a real pipeline runs in a subshell: what it sets
            // (`… | read x`) does not stay.
            let o = if alone {
                self.run_command(cmd, input).await
            } else {
                Box::pin(self.subshell(Body::Command(cmd), input)).await
            };
            status = o.status;
            if i == last {
                self.show(&mut term, o);
            } else {
                for c in o.chunks {
                    match c.stream {
                        Stream::Stdout => {
                            piped.push_str(&c.text);
                            self.pending_delay += c.delay_ms;
                        }
                        Stream::Stderr => self.show_chunk(&mut term, c),
                    }
                }
            }
            if self.interrupted {
                break;
            }
        }
        if p.negated {
            status = i32::from(status == 0);
        }
        self.env.last_status = status;
        term.status = status;
        term
    }

    /// Appends `o`'s chunks to `term`, the first one after any pending delay.
    pub fn show(&mut self, term: &mut Output, o: Output) {
        for c in o.chunks {
            self.show_chunk(term, c);
        }
    }

    fn show_chunk(&mut self, term: &mut Output, mut c: Chunk) {
        c.delay_ms += std::mem::take(&mut self.pending_delay);
        term.extend(Output { chunks: vec![c], status: 0 });
    }

    fn run_command<'s>(&'s mut self, cmd: &'s Command, stdin: &'s mut String) -> LocalFuture<'s, Output> {
        Box::pin(async move {
            let redirects = match cmd {
                Command::Simple(s) => return Box::pin(self.run_simple(s, stdin)).await,
                Command::Function(f) => {
                    self.env.define(&f.name, f.body.clone());
                    self.env.last_status = 0;
                    return Output::status(0);
                }
                Command::For(_, r)
                | Command::If(_, r)
                | Command::While(_, r)
                | Command::Case(_, r)
                | Command::Cond(_, _, r)
                | Command::Group(_, r)
                | Command::Subshell(_, r) => r,
            };
            if let Command::Cond(_, line, _) = cmd {
                self.line = *line;
            }
            let mut redir = match self.redirect_setup(redirects) {
                Ok(r) => r,
                Err(out) => return out,
            };
            // Output sent elsewhere: what runs inside does not reach the
            // terminal as it writes.
            let moved = redir.as_ref().is_some_and(|r| r.moves_output());
            self.redirected += usize::from(moved);
            let input = match redir.as_mut().and_then(|r| r.stdin.as_mut()) {
                Some(replaced) => replaced,
                None => stdin,
            };
            let out = match cmd {
                Command::For(f, _) => Box::pin(self.run_for(f, input)).await,
                Command::If(c, _) => Box::pin(self.run_if(c, input)).await,
                Command::While(w, _) => Box::pin(self.run_while(w, input)).await,
                Command::Case(c, _) => Box::pin(self.run_case(c, input)).await,
                Command::Cond(c, _, _) => self.run_cond(c),
                Command::Group(body, _) => self.run_script(body, input).await,
                Command::Subshell(body, _) => Box::pin(self.subshell(Body::Script(body), input)).await,
                Command::Simple(_) | Command::Function(_) => Output::new(),
            };
            self.redirected -= usize::from(moved);
            self.redirect_finish(redir, out)
        })
    }

    /// Runs `body` in a copy of the environment, as `( … )` and `$( … )` do.
    ///
    /// A `( … )` starts with no jobs (they belong to the shell that started
    /// them); a pipeline's stages and `$(…)` still list them, as bash's do
    /// (`jobs | wc -l`, `$(jobs)`).
    pub async fn subshell(&mut self, body: Body<'_>, stdin: &mut String) -> Output {
        let mut env = self.env.clone();
        if matches!(body, Body::Script(_)) && !self.sync {
            env.jobs.clear();
        }
        self.child(&mut env, body, stdin).await
    }

    /// Runs `body` in a shell over `env` that shares this one's programs,
    /// steps and nesting: a subshell, or a shell started by `bash -c`.
    pub async fn child(&mut self, env: &mut Env, body: Body<'_>, stdin: &mut String) -> Output {
        if self.depth >= MAX_DEPTH {
            return Output::error(format!("{}maximum subshell nesting exceeded\n", self.prefix()), 1);
        }
        let mut sub = Interp {
            env,
            programs: &mut *self.programs,
            exiting: false,
            side: Output::new(),
            pending_delay: 0,
            subst_status: None,
            depth: self.depth + 1,
            redirected: 0,
            name: self.name.clone(),
            mode: self.mode,
            line: self.line,
            steps: self.steps,
            interrupted: false,
            loops: self.loops,
            calls: self.calls,
            flow: None,
            // The subshell's copies: what it shadows dies with its env.
            locals: self.locals.iter().map(|_| Vec::new()).collect(),
            sync: self.sync,
            scripts: 0,
        };
        let mut out = match body {
            Body::Command(cmd) => sub.run_command(cmd, stdin).await,
            Body::Script(script) => sub.run_script(script, stdin).await,
            Body::Source { src, mode, name } => {
                sub.mode = mode;
                sub.name = name.into();
                sub.line = 1;
                sub.loops = 0;
                sub.calls = 0;
                sub.locals.clear();
                Box::pin(program::run_source(&mut sub, src, stdin)).await
            }
        };
        out.status = sub.env.last_status;
        let (steps, interrupted, delay) = (sub.steps, sub.interrupted, sub.pending_delay);
        self.steps = steps;
        self.pending_delay += delay;
        if interrupted {
            self.interrupt();
        }
        out
    }

    /// Reports an expansion error after what the expansion already printed.
    /// As in bash, it abandons the rest of the command line.
    pub fn expansion_failed(&mut self, e: super::expand::ExpandError) -> Output {
        self.exiting = true;
        let mut out = std::mem::take(&mut self.side);
        if e == super::expand::ExpandError::Interrupted {
            out.status = 130;
            return out;
        }
        out.err(format!("{}{e}\n", self.prefix()));
        out.status = 1;
        self.env.last_status = 1;
        out
    }

    async fn run_simple(&mut self, cmd: &SimpleCommand, stdin: &mut String) -> Output {
        self.subst_status = None;
        self.line = cmd.line;
        let mut argv = Vec::with_capacity(cmd.words.len());
        for w in &cmd.words {
            if let Err(e) = self.expand_word_into(w, &mut argv) {
                return self.expansion_failed(e);
            }
        }
        let mut values = Vec::new();
        for a in &cmd.assignments {
            match self.expand_joined(&a.value) {
                Ok(v) => values.push((a.name.clone(), v)),
                Err(e) => return self.expansion_failed(e),
            }
        }
        if argv.is_empty() {
            // Plain assignments stay in the shell; the status is that of the
            // last command substitution, if any.
            let status = self.subst_status.unwrap_or(0);
            for (name, value) in values {
                self.env.set(&name, value);
            }
            let mut out = std::mem::take(&mut self.side);
            // Redirections on an empty command are still checked.
            let r = match self.redirect_setup(&cmd.redirects) {
                Ok(redir) => self.redirect_finish(redir, Output::status(0)),
                Err(out) => out,
            };
            let status = if r.status != 0 { r.status } else { status };
            out.extend(r);
            out.status = status;
            self.env.last_status = status;
            return out;
        }
        // `VAR=x cmd`: exported for the command's duration only (builtins,
        // functions and child shells see them; other programs do not read
        // their environment).
        let mut saved = Vec::new();
        for (name, value) in values {
            saved.push((name.clone(), self.env.vars.get(&name).cloned()));
            self.env.set(&name, value);
            self.env.set_exported(&name, true);
        }
        let side = std::mem::take(&mut self.side);
        let mut out = match self.redirect_setup(&cmd.redirects) {
            Ok(mut redir) => {
                // Where its output goes as it writes (see Programs::output_to).
                let direct = !self.sync && self.depth == 0 && self.calls == 0 && self.redirected == 0;
                let owned = |t: crate::OutputTo<'_>| match t {
                    crate::OutputTo::File(p) => Target::File(p.to_string()),
                    crate::OutputTo::Terminal => Target::Terminal,
                    crate::OutputTo::Returned => Target::Returned,
                };
                let targets = match &redir {
                    Some(r) => (owned(r.target(1, direct)), owned(r.target(2, direct))),
                    None if direct => (Target::Terminal, Target::Terminal),
                    None => (Target::Returned, Target::Returned),
                };
                let to_files = targets != (Target::Returned, Target::Returned);
                let input = match redir.as_mut().and_then(|r| r.stdin.as_mut()) {
                    Some(replaced) => replaced,
                    None => &mut *stdin,
                };
                if to_files {
                    self.programs.output_to(targets.0.as_output_to(), targets.1.as_output_to());
                }
                let out = self.run_argv(&argv, input).await;
                if to_files {
                    self.programs.output_to(crate::OutputTo::Returned, crate::OutputTo::Returned);
                }
                self.redirect_finish(redir, out)
            }
            Err(out) => out,
        };
        for (name, old) in saved.into_iter().rev() {
            match old {
                Some(v) => {
                    self.env.vars.insert(name, v);
                }
                None => {
                    self.env.vars.remove(&name);
                }
            }
        }
        let status = out.status;
        let mut all = side;
        all.extend(std::mem::take(&mut out));
        all.status = status;
        self.env.last_status = all.status;
        all
    }

    /// Runs one expanded command: a function, a builtin, a shell, or a
    /// program.
    async fn run_argv(&mut self, argv: &[String], stdin: &mut String) -> Output {
        let Some(name) = argv.first() else { return Output::new() };
        if let Some(body) = self.env.function(name) {
            return Box::pin(self.call_function(&body, argv, stdin)).await;
        }
        #[cfg(feature = "jobs")]
        if name == "wait" {
            return Box::pin(crate::jobs::builtins::wait(self, &argv[1..])).await;
        }
        if let Some(out) = builtins::run(self, argv, stdin) {
            return out;
        }
        if matches!(name.as_str(), "bash" | "sh") {
            let input = std::mem::take(stdin);
            return Box::pin(program::shell_program(self, argv, &input, None)).await;
        }
        if !self.programs.has(name) {
            return if name.contains('/') {
                Output::error(format!("{}: {name}: No such file or directory\n", self.name), 127)
            } else if self.dash() {
                Output::error(format!("{}{name}: not found\n", self.prefix()), 127)
            } else {
                Output::error(format!("{}{name}: command not found\n", self.prefix()), 127)
            };
        }
        // The text tools read their stdin to the end; the other programs
        // (`ip`, `ping`, …) do not read it, so a `while read` loop around
        // them goes on to its next line.
        let input = if crate::coreutils::is_coreutil(name) { std::mem::take(stdin) } else { stdin.clone() };
        let out = if self.sync { self.programs.run(argv, &input) } else { self.programs.start(argv, &input).await };
        if !self.env.jobs.is_empty() {
            self.forget_ended_jobs();
        }
        if !self.programs.spend(0) {
            // The machine ran out of steps (a shell the program started
            // was interrupted): so is this one.
            self.interrupt();
        }
        out
    }
}

/// An owned [`crate::OutputTo`], kept while the program runs.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Target {
    Returned,
    File(String),
    Terminal,
}

impl Target {
    fn as_output_to(&self) -> crate::OutputTo<'_> {
        match self {
            Target::Returned => crate::OutputTo::Returned,
            Target::File(p) => crate::OutputTo::File(p),
            Target::Terminal => crate::OutputTo::Terminal,
        }
    }
}
