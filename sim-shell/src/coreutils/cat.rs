//! `cat`: copies its files (stdin for none or `-`) in order, optionally
//! numbering lines (`-n`, `-b`), squeezing blank ones (`-s`) or marking
//! line ends (`-E`).

use super::args::{self, Arg, Spec};
use super::input::{quote, Input};
use crate::output::Output;

const SPEC: Spec = Spec {
    flags: "nbEsAuT",
    with_arg: "",
    longs: &[
        ("number", false, 'n'),
        ("number-nonblank", false, 'b'),
        ("show-ends", false, 'E'),
        ("squeeze-blank", false, 's'),
    ],
    permute: true,
};

/// Numbering and squeezing carry on across files, as one stream: a last
/// line without a newline goes on in the next file.
#[derive(Default)]
struct State {
    n: u64,
    mid_line: bool,
    prev_blank: bool,
}

/// Runs cat.
pub fn run(argv: &[String], input: &Input) -> Output {
    let parsed = match args::parse(&argv[1.min(argv.len())..], &SPEC) {
        Ok(p) => p,
        Err(e) => return args::usage_error("cat", e, 1),
    };
    let mut flags = Vec::new();
    let mut files = Vec::new();
    for a in parsed {
        match a {
            Arg::Opt(c, _) => flags.push(c),
            Arg::Operand(f) => files.push(f),
        }
    }
    if files.is_empty() {
        files.push("-".into());
    }
    let mut out = Output::new();
    let mut state = State::default();
    for f in &files {
        let text = match input.open(f) {
            Ok(t) => t,
            Err(e) => {
                out.err(format!("cat: {}: {}\n", quote(f, false), e.text()));
                out.status = 1;
                continue;
            }
        };
        if flags.is_empty() {
            out.out(text);
        } else {
            out.out(decorate(text, &flags, &mut state));
        }
    }
    out
}

/// `text` numbered, squeezed or marked as `flags` ask.
fn decorate(text: &str, flags: &[char], state: &mut State) -> String {
    let mut s = String::new();
    for line in text.split_inclusive('\n') {
        let body = line.strip_suffix('\n');
        let at_start = !state.mid_line;
        let blank = at_start && body == Some("");
        state.mid_line = body.is_none();
        if flags.contains(&'s') && blank && state.prev_blank {
            continue;
        }
        state.prev_blank = blank;
        let number = flags.contains(&'b') && !blank || flags.contains(&'n') && !flags.contains(&'b');
        if at_start && number {
            state.n += 1;
            s.push_str(&format!("{:>6}\t", state.n));
        }
        s.push_str(body.unwrap_or(line));
        if body.is_some() {
            if flags.contains(&'E') || flags.contains(&'A') {
                s.push('$');
            }
            s.push('\n');
        }
    }
    s
}
