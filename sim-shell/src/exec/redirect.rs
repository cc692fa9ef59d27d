//! Redirections: where a command's stdin comes from (`<`, here-documents,
//! here-strings) and where its stdout and stderr go (`>`, `2>&1`, …).
//! `/dev/null`, `/dev/stdout` and `/dev/stderr` are the shell's; other
//! files are the machine's ([`crate::Programs::create_file`], `read_file`):
//! a file is made empty when the command starts (`>>` keeps it) and gets
//! what the command wrote when it ends.

use super::Interp;
use crate::ast::{Redirect, RedirectOp};
use crate::output::{Chunk, Output, Stream};

/// Where a file descriptor's writes end up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sink {
    Stdout,
    Stderr,
    Null,
    /// The i-th file the command's redirections opened.
    File(usize),
}

/// A command's redirections, read: where its file descriptors write, and
/// the stdin that replaces its own, if any.
pub(super) struct Redirected {
    fds: [Sink; 3],
    files: Vec<String>,
    warnings: Output,
    pub stdin: Option<String>,
}

impl Redirected {
    /// Where file descriptor `fd` (1 or 2) writes as the program runs;
    /// `direct`: the shell's own stdout and stderr are the terminal's.
    pub(super) fn target(&self, fd: usize, direct: bool) -> crate::OutputTo<'_> {
        match self.fds.get(fd) {
            Some(Sink::File(i)) => self.files.get(*i).map_or(crate::OutputTo::Returned, |p| crate::OutputTo::File(p)),
            Some(Sink::Stdout | Sink::Stderr) if direct => crate::OutputTo::Terminal,
            _ => crate::OutputTo::Returned,
        }
    }

    /// Whether stdout or stderr goes somewhere else than the shell's own.
    pub(super) fn moves_output(&self) -> bool {
        self.fds[1] != Sink::Stdout || self.fds[2] != Sink::Stderr
    }
}

impl<'a> Interp<'a> {
    /// Reads `redirects` before the command runs: stdin from `<`, and where
    /// `>`, `2>&1`, … send its streams (`None`: nowhere else). An error is
    /// the command's whole output.
    pub(super) fn redirect_setup(&mut self, redirects: &[Redirect]) -> Result<Option<Redirected>, Output> {
        if redirects.is_empty() {
            return Ok(None);
        }
        let mut fds = [Sink::Stdout, Sink::Stdout, Sink::Stderr];
        // Here-document warnings come when the line is read, whatever the
        // command's redirections.
        let mut warnings = Output::new();
        let mut replaced_stdin: Option<String> = None;
        let mut files = Vec::new();
        for r in redirects {
            if let RedirectOp::HereDoc(warning) = &r.op {
                if let Some(w) = warning {
                    warnings.err(format!("{}warning: {w}\n", self.prefix()));
                }
                let body = match self.expand_joined(&r.target) {
                    Ok(text) => text,
                    Err(e) => return Err(self.expansion_failed(e)),
                };
                if r.fd == 0 {
                    replaced_stdin = Some(body);
                }
                continue;
            }
            if r.op == RedirectOp::HereString {
                let text = match self.expand_joined(&r.target) {
                    Ok(text) => text + "\n",
                    Err(e) => return Err(self.expansion_failed(e)),
                };
                if r.fd == 0 {
                    replaced_stdin = Some(text);
                }
                continue;
            }
            let target = match self.expand_word(&r.target) {
                Ok(fields) if fields.len() == 1 => fields.into_iter().next().unwrap_or_default(),
                Ok(_) => {
                    let text = self.word_text(&r.target);
                    return Err(self.redirect_error(format!("{}{text}: ambiguous redirect\n", self.prefix())));
                }
                Err(e) => return Err(self.expansion_failed(e)),
            };
            let fd = r.fd as usize;
            match r.op {
                RedirectOp::Input => {
                    if target == "/dev/null" {
                        if fd == 0 {
                            replaced_stdin = Some(String::new());
                        }
                    } else {
                        match self.programs.read_file(&target) {
                            Ok(text) if fd == 0 => replaced_stdin = Some(text),
                            Ok(_) => {}
                            Err(why) => {
                                let msg = format!("{}{target}: {why}\n", self.prefix());
                                return Err(self.redirect_error(msg));
                            }
                        }
                    }
                }
                RedirectOp::HereDoc(_) | RedirectOp::HereString => {}
                RedirectOp::Output | RedirectOp::Append | RedirectOp::Both => {
                    let sink = match target.as_str() {
                        "/dev/null" => Sink::Null,
                        "/dev/stdout" => fds[1],
                        "/dev/stderr" => fds[2],
                        _ => match self.programs.create_file(&target, r.op == RedirectOp::Append) {
                            Ok(()) => {
                                files.push(target.clone());
                                Sink::File(files.len() - 1)
                            }
                            Err(why) => {
                                let msg = format!("{}{target}: {why}\n", self.prefix());
                                return Err(self.redirect_error(msg));
                            }
                        },
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
                        _ => {
                            let msg = format!("{}{target}: Bad file descriptor\n", self.prefix());
                            return Err(self.redirect_error(msg));
                        }
                    };
                    if fd < 3 && fd > 0 {
                        fds[fd] = sink;
                    }
                }
            }
        }
        Ok(Some(Redirected { fds, files, warnings, stdin: replaced_stdin }))
    }

    /// Sends what a command printed where its redirections say.
    pub(super) fn redirect_finish(&mut self, redirected: Option<Redirected>, out: Output) -> Output {
        let Some(Redirected { fds, files, warnings, .. }) = redirected else { return out };
        let mut routed = warnings;
        routed.status = out.status;
        for c in out.chunks {
            let sink = match c.stream {
                Stream::Stdout => fds[1],
                Stream::Stderr => fds[2],
            };
            let (stream, text) = match sink {
                Sink::Stdout => (Stream::Stdout, c.text),
                Sink::Stderr => (Stream::Stderr, c.text),
                Sink::Null => (Stream::Stdout, String::new()),
                Sink::File(i) => {
                    if let Some(path) = files.get(i) {
                        self.programs.append_file(path, &c.text);
                    }
                    (Stream::Stdout, String::new())
                }
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
