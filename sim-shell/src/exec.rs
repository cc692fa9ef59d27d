//! Runs a parsed [`Script`]: and-or lists, pipelines, loops, redirections,
//! builtins, and everything else through [`Programs`].

use super::ast::{AndOr, Command, Connector, ForLoop, Pipeline, Redirect, RedirectOp, Script, SimpleCommand};
use super::builtins;
use super::parser::is_name;
use super::{Env, Programs};
use crate::output::{Chunk, Output, Stream};

/// How deep subshells and command substitutions may nest at run time.
const MAX_DEPTH: usize = 64;

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
}

/// Where a file descriptor's writes end up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sink {
    Stdout,
    Stderr,
    Null,
}

impl<'a> Interp<'a> {
    pub fn new(env: &'a mut Env, programs: &'a mut dyn Programs) -> Interp<'a> {
        Interp { env, programs, exiting: false, side: Output::new(), pending_delay: 0, subst_status: None, depth: 0 }
    }

    /// Runs every item of `script`; the status is the last one's.
    pub fn run_script(&mut self, script: &Script, stdin: &mut String) -> Output {
        let mut out = Output::status(self.env.last_status);
        for item in &script.items {
            if self.exiting {
                break;
            }
            let o = self.run_and_or(item, stdin);
            out.status = o.status;
            out.extend(o);
        }
        out
    }

    fn run_and_or(&mut self, list: &AndOr, stdin: &mut String) -> Output {
        let mut out = self.run_pipeline(&list.first, stdin);
        for (conn, pipeline) in &list.rest {
            if self.exiting {
                break;
            }
            let run = match conn {
                Connector::And => out.status == 0,
                Connector::Or => out.status != 0,
            };
            if run {
                let o = self.run_pipeline(pipeline, stdin);
                out.status = o.status;
                out.extend(o);
            }
        }
        out
    }

    /// Runs a pipeline: each stage's stdout is the next one's stdin, every
    /// stage's stderr goes to the terminal, the status is the last stage's.
    fn run_pipeline(&mut self, p: &Pipeline, stdin: &mut String) -> Output {
        let mut term = Output::new();
        let mut status = 0;
        let mut piped = String::new();
        let last = p.commands.len().saturating_sub(1);
        for (i, cmd) in p.commands.iter().enumerate() {
            let o = if i == 0 {
                self.run_command(cmd, stdin)
            } else {
                let mut input = std::mem::take(&mut piped);
                self.run_command(cmd, &mut input)
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
            if self.exiting && p.commands.len() > 1 {
                // `exit` in a pipeline only leaves that stage's subshell.
                self.exiting = false;
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

    fn run_command(&mut self, cmd: &Command, stdin: &mut String) -> Output {
        match cmd {
            Command::Simple(s) => self.run_simple(s, stdin),
            Command::For(f, redirects) => self.with_redirects(redirects, stdin, |me, input| me.run_for(f, input)),
            Command::Group(body, redirects) => {
                self.with_redirects(redirects, stdin, |me, input| me.run_script(body, input))
            }
            Command::Subshell(body, redirects) => {
                self.with_redirects(redirects, stdin, |me, input| me.subshell(|sub| sub.run_script(body, input)))
            }
        }
    }

    /// Runs `f` in a copy of the environment, as `( … )` and `$( … )` do.
    pub fn subshell(&mut self, f: impl FnOnce(&mut Interp<'_>) -> Output) -> Output {
        if self.depth >= MAX_DEPTH {
            return Output::error("bash: maximum subshell nesting exceeded\n", 1);
        }
        let mut env = self.env.clone();
        let mut sub = Interp {
            env: &mut env,
            programs: &mut *self.programs,
            exiting: false,
            side: Output::new(),
            pending_delay: 0,
            subst_status: None,
            depth: self.depth + 1,
        };
        let mut out = f(&mut sub);
        out.status = sub.env.last_status;
        out
    }

    fn run_for(&mut self, f: &ForLoop, stdin: &mut String) -> Output {
        if !is_name(&f.var) {
            self.env.last_status = 1;
            return Output::error(format!("bash: `{}': not a valid identifier\n", f.var), 1);
        }
        let mut items = Vec::new();
        if let Some(words) = &f.words {
            for w in words {
                match self.expand_word(w) {
                    Ok(fields) => items.extend(fields),
                    Err(e) => return self.expansion_failed(e),
                }
            }
        }
        let mut out = std::mem::take(&mut self.side);
        out.status = 0;
        for item in items {
            if self.exiting {
                break;
            }
            self.env.set(&f.var, item);
            let o = self.run_script(&f.body, stdin);
            out.status = o.status;
            out.extend(o);
        }
        self.env.last_status = out.status;
        out
    }

    /// Reports an expansion error after what the expansion already printed.
    /// As in bash, it abandons the rest of the command line.
    pub fn expansion_failed(&mut self, e: super::expand::ExpandError) -> Output {
        self.exiting = true;
        let mut out = std::mem::take(&mut self.side);
        out.err(format!("{e}\n"));
        out.status = 1;
        self.env.last_status = 1;
        out
    }

    fn run_simple(&mut self, cmd: &SimpleCommand, stdin: &mut String) -> Output {
        self.subst_status = None;
        let mut argv = Vec::new();
        for w in &cmd.words {
            match self.expand_word(w) {
                Ok(fields) => argv.extend(fields),
                Err(e) => return self.expansion_failed(e),
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
            let r = self.with_redirects(&cmd.redirects, stdin, |_, _| Output::status(0));
            let status = if r.status != 0 { r.status } else { status };
            out.extend(r);
            out.status = status;
            self.env.last_status = status;
            return out;
        }
        // `VAR=x cmd`: the values only reach cmd's environment, which the
        // simulated programs do not read; they are expanded and dropped.
        let _ = values;
        let side = std::mem::take(&mut self.side);
        let mut out = self.with_redirects(&cmd.redirects, stdin, |me, input| me.run_argv(&argv, input));
        let status = out.status;
        let mut all = side;
        all.extend(std::mem::take(&mut out));
        all.status = status;
        self.env.last_status = all.status;
        all
    }

    /// Runs one expanded command: a builtin, or a program.
    fn run_argv(&mut self, argv: &[String], stdin: &mut String) -> Output {
        if let Some(out) = builtins::run(self, argv) {
            return out;
        }
        let input = std::mem::take(stdin);
        self.programs.run(argv, &input)
    }

    /// Applies `redirects` around `run`: stdin from `<`, and the streams of
    /// what `run` printed sent where `>`, `2>&1`, … say.
    fn with_redirects(
        &mut self,
        redirects: &[Redirect],
        stdin: &mut String,
        run: impl FnOnce(&mut Self, &mut String) -> Output,
    ) -> Output {
        if redirects.is_empty() {
            return run(self, stdin);
        }
        let mut fds = [Sink::Stdout, Sink::Stdout, Sink::Stderr];
        let mut replaced_stdin: Option<String> = None;
        for r in redirects {
            let target = match self.expand_word(&r.target) {
                Ok(fields) if fields.len() == 1 => fields.into_iter().next().unwrap_or_default(),
                Ok(_) => {
                    let text = self.word_text(&r.target);
                    return self.redirect_error(format!("bash: {text}: ambiguous redirect\n"));
                }
                Err(e) => return self.expansion_failed(e),
            };
            let fd = r.fd as usize;
            match r.op {
                RedirectOp::Input => {
                    if target == "/dev/null" {
                        if fd == 0 {
                            replaced_stdin = Some(String::new());
                        }
                    } else {
                        return self.redirect_error(format!("bash: {target}: No such file or directory\n"));
                    }
                }
                RedirectOp::Output | RedirectOp::Both => {
                    let sink = match target.as_str() {
                        "/dev/null" => Sink::Null,
                        "/dev/stdout" => fds[1],
                        "/dev/stderr" => fds[2],
                        _ => return self.redirect_error(format!("bash: {target}: Read-only file system\n")),
                    };
                    if r.op == RedirectOp::Both {
                        fds[1] = sink;
                        fds[2] = sink;
                    } else if fd < 3 {
                        fds[fd] = sink;
                    }
                }
                RedirectOp::Dup => {
                    let sink = match target.as_str() {
                        "-" => Sink::Null,
                        "0" | "1" | "2" => match target.parse::<usize>() {
                            Ok(n) if n > 0 => fds[n],
                            _ => Sink::Stdout,
                        },
                        _ => return self.redirect_error(format!("bash: {target}: Bad file descriptor\n")),
                    };
                    if fd < 3 && fd > 0 {
                        fds[fd] = sink;
                    }
                }
            }
        }
        let out = match replaced_stdin.as_mut() {
            Some(empty) => run(self, empty),
            None => run(self, stdin),
        };
        let mut routed = Output::status(out.status);
        for c in out.chunks {
            let sink = match c.stream {
                Stream::Stdout => fds[1],
                Stream::Stderr => fds[2],
            };
            let (stream, text) = match sink {
                Sink::Stdout => (Stream::Stdout, c.text),
                Sink::Stderr => (Stream::Stderr, c.text),
                Sink::Null => (Stream::Stdout, String::new()),
            };
            routed.extend(Output { chunks: vec![Chunk { stream, text, delay_ms: c.delay_ms }], status: 0 });
        }
        routed
    }

    fn redirect_error(&mut self, msg: String) -> Output {
        let mut out = std::mem::take(&mut self.side);
        out.err(msg);
        out.status = 1;
        out
    }
}
