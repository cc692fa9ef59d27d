//! `cat`: copies its files (stdin for none or `-`) in order, optionally
//! numbering lines (`-n`, `-b`), squeezing blank ones (`-s`), marking
//! line ends (`-E`), showing tabs (`-T`) and other control bytes (`-v`:
//! `^M` for curl's `\r`; `-A` is `-vET`, `-e` `-vE`, `-t` `-vT`).

use super::args::{self, Arg, Spec};
use super::input::{quote, Input};
use crate::output::Output;

const SPEC: Spec = Spec {
    flags: "nbEsAuTvet",
    with_arg: "",
    longs: &[
        ("number", false, 'n'),
        ("number-nonblank", false, 'b'),
        ("show-ends", false, 'E'),
        ("squeeze-blank", false, 's'),
        ("show-all", false, 'A'),
        ("show-nonprinting", false, 'v'),
        ("show-tabs", false, 'T'),
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
            // The combined ones, spelled out.
            Arg::Opt('A', _) => flags.extend(['v', 'E', 'T']),
            Arg::Opt('e', _) => flags.extend(['v', 'E']),
            Arg::Opt('t', _) => flags.extend(['v', 'T']),
            // `-u` (unbuffered) is ignored, as GNU cat ignores it.
            Arg::Opt('u', _) => {}
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
        show(&mut s, body.unwrap_or(line), flags.contains(&'v'), flags.contains(&'T'));
        if body.is_some() {
            if flags.contains(&'E') {
                s.push('$');
            }
            s.push('\n');
        }
    }
    s
}

/// A line's bytes as `-v` and `-T` show them (GNU cat's notation): control
/// bytes as `^X` (`^M`, `^?`), bytes above 127 as `M-` and the same, a tab
/// as `^I` with `-T` only.
fn show(s: &mut String, line: &str, nonprinting: bool, tabs: bool) {
    if !nonprinting {
        s.push_str(&if tabs { line.replace('\t', "^I") } else { line.to_string() });
        return;
    }
    for &b in line.as_bytes() {
        if b >= 128 {
            s.push_str("M-");
        }
        match b & 127 {
            b'\t' if !tabs => s.push('\t'),
            c @ 0..=31 => {
                s.push('^');
                s.push(char::from(c + 64));
            }
            127 => s.push_str("^?"),
            c => s.push(char::from(c)),
        }
    }
}
