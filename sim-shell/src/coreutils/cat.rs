//! `cat`: copies its files (stdin for none or `-`) in order, optionally
//! numbering lines (`-n`, `-b`), squeezing blank ones (`-s`) or marking
//! line ends (`-E`), tabs (`-T`) and other control characters (`-v`;
//! `-A` is all three), as GNU cat 9.1 shows them (`^M`, `^I`, `M-…`).

use super::args::{self, Arg, Spec};
use super::input::{quote, Input};
use crate::output::Output;

const SPEC: Spec = Spec {
    flags: "nbEsAuTv",
    with_arg: "",
    longs: &[
        ("number", false, 'n'),
        ("number-nonblank", false, 'b'),
        ("show-ends", false, 'E'),
        ("squeeze-blank", false, 's'),
        ("show-all", false, 'A'),
        ("show-tabs", false, 'T'),
        ("show-nonprinting", false, 'v'),
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
        let all = flags.contains(&'A');
        let (v, t) = (all || flags.contains(&'v'), all || flags.contains(&'T'));
        if v || t {
            s.push_str(&visible(body.unwrap_or(line), v, t));
        } else {
            s.push_str(body.unwrap_or(line));
        }
        if body.is_some() {
            if flags.contains(&'E') || flags.contains(&'A') {
                s.push('$');
            }
            s.push('\n');
        }
    }
    s
}

/// `-v`'s and `-T`'s forms of a line's bytes: `^X` for a control
/// character (tab only with `-T`), `^?` for DEL, `M-` before a byte's
/// low seven bits when the high one is set.
fn visible(body: &str, v: bool, t: bool) -> String {
    let mut s = String::new();
    let mut raw = Vec::new();
    for &b in body.as_bytes() {
        if !v && b >= 0x80 {
            raw.push(b);
            continue;
        }
        s.push_str(&String::from_utf8_lossy(&std::mem::take(&mut raw)));
        let low = if b >= 0x80 {
            s.push_str("M-");
            b & 0x7f
        } else {
            b
        };
        match low {
            b'\t' if !t => s.push('\t'),
            0..=31 if v || low == b'\t' => {
                s.push('^');
                s.push(char::from(low + 64));
            }
            127 if v => s.push_str("^?"),
            _ => s.push(char::from(low)),
        }
    }
    s.push_str(&String::from_utf8_lossy(&raw));
    s
}

#[cfg(test)]
mod tests {
    use super::visible;

    #[test]
    fn show_all_marks_what_gnu_cat_marks() {
        // `printf 'a\tb\r\x01\x7f\xc3\xa9\n' | cat -A` on Debian 12.
        assert_eq!(visible("a\tb\r\u{1}\u{7f}\u{e9}", true, true), "a^Ib^M^A^?M-CM-)");
        assert_eq!(visible("a\tb\u{e9}", false, true), "a^Ib\u{e9}");
        assert_eq!(visible("a\tb\r", true, false), "a\tb^M");
    }
}
