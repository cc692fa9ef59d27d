//! `ip -batch FILE` and `ip -batch -` (ip.c's `batch()`): one command a
//! line, read as `getcmdline()` and `makeargs()` read them.
//!
//! A command that fails by returning (a kernel error, a missing device:
//! exit status 1 or 2) prints `Command failed FILE:LINE` and stops the batch
//! unless `-force`; one that calls `exit()` in iproute2 (usage, invalid
//! arguments: status 255) ends `ip` there and then.

use super::{Opts, Outcome};
use crate::netlink::Netlink;
use crate::output::Output;

/// What runs the lines of a batch: the namespace's kernel for each line,
/// and `ip netns exec`, which only the caller can carry out.
pub trait Host {
    fn with_netlink(&mut self, f: &mut dyn FnMut(&mut dyn Netlink) -> Outcome) -> Outcome;
    fn netns_exec(&mut self, netns: &str, argv: &[String]) -> Output;
}

/// A host with a kernel and no programs to run.
pub struct NetlinkOnly<'a>(pub &'a mut dyn Netlink);

impl Host for NetlinkOnly<'_> {
    fn with_netlink(&mut self, f: &mut dyn FnMut(&mut dyn Netlink) -> Outcome) -> Outcome {
        f(self.0)
    }

    fn netns_exec(&mut self, _netns: &str, argv: &[String]) -> Output {
        let prog = argv.first().map_or("", String::as_str);
        Output::error(format!("exec of \"{prog}\" failed: No such file or directory\n"), 1)
    }
}

/// `getcmdline()`: the commands of a batch with the number of the (last)
/// line each ends on. `#` starts a comment anywhere; a line ending in `\`
/// goes on on the next. The flag: the text ended inside such a line
/// ("Missing continuation line", which ends the batch there).
pub fn lines(text: &str) -> (Vec<(usize, String)>, bool) {
    let strip = |l: &str| l.split('#').next().unwrap_or("").to_string();
    let mut out = Vec::new();
    let mut raw = text.split_inclusive('\n').enumerate();
    while let Some((n, l)) = raw.next() {
        let mut no = n + 1;
        let mut line = strip(l);
        while let Some(head) = line.strip_suffix("\\\n").map(str::to_string) {
            let Some((m, next)) = raw.next() else {
                return (out, true);
            };
            no = m + 1;
            line = head + &strip(next);
        }
        out.push((no, line));
    }
    (out, false)
}

/// `makeargs()`: words split at blanks; a word that starts with a quote
/// runs to the same quote. `None` for an unterminated quote.
pub fn makeargs(line: &str) -> Option<Vec<String>> {
    let ws = |c: char| matches!(c, ' ' | '\t' | '\r' | '\n');
    let mut argv = Vec::new();
    let mut rest = line;
    loop {
        rest = rest.trim_start_matches(ws);
        let Some(c) = rest.chars().next() else { return Some(argv) };
        if c == '\'' || c == '"' {
            let body = &rest[1..];
            let end = body.find(c)?;
            argv.push(body[..end].to_string());
            rest = &body[end + 1..];
        } else {
            let end = rest.find(ws).unwrap_or(rest.len());
            argv.push(rest[..end].to_string());
            rest = &rest[end..];
        }
    }
}

/// Runs a batch; `stdin` is what `-` reads. The simulator has no files.
pub fn run(host: &mut dyn Host, opts: &Opts, name: &str, stdin: &str) -> Output {
    // `/dev/stdin` is the one file the simulator has.
    if name != "-" && name != "/dev/stdin" {
        return Output::error(format!("Cannot open file \"{name}\" for reading: No such file or directory\n"), 1);
    }
    let mut out = Output::new();
    let (lines, cut_short) = lines(stdin);
    for (no, line) in lines {
        let Some(argv) = makeargs(&line) else {
            out.err("Unterminated quoted string\n");
            out.status = 1;
            return out;
        };
        if argv.is_empty() {
            continue;
        }
        let outcome = host.with_netlink(&mut |nl| super::run_line(nl, opts, &argv));
        let o = match outcome {
            Outcome::Done(o) => o,
            Outcome::Exec { netns, argv } => host.netns_exec(&netns, &argv),
        };
        let status = o.status;
        out.extend(o);
        match status {
            0 => {}
            // iproute2 called exit(): nothing after it runs.
            255 => {
                out.status = 255;
                return out;
            }
            _ => {
                out.err(format!("Command failed {name}:{no}\n"));
                out.status = 1;
                if !opts.force {
                    return out;
                }
            }
        }
    }
    if cut_short {
        out.err("Missing continuation line\n");
    }
    out
}
