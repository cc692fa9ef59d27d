//! `head`: the first lines (`-n N`, `-N`, `-n -N`) or bytes (`-c N`) of
//! each file, under `==> FILE <==` headers when there are several.

use super::args::{self, Arg, ArgError, Spec};
use super::input::{quote, Input};
use super::{count_arg, Count};
use crate::files::FileError;
use crate::output::Output;
use std::ops::Range;

const SPEC: Spec = Spec {
    flags: "qv",
    with_arg: "nc",
    longs: &[
        ("lines", true, 'n'),
        ("bytes", true, 'c'),
        ("quiet", false, 'q'),
        ("silent", false, 'q'),
        ("verbose", false, 'v'),
    ],
    permute: true,
};

/// Runs head.
pub fn run(argv: &[String], input: &Input) -> Output {
    run_tool("head", argv, input, &SPEC, |count, len| {
        0..match count {
            Count::First(n) | Count::From(n) => limit(n).min(len),
            Count::AllBut(n) => len.saturating_sub(limit(n)),
        }
    })
}

/// A count as an index: past the end of any input if it does not fit.
pub(super) fn limit(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// The shared body of head and tail: options, `-NUM`, file operands.
/// `select` says which units (lines, or bytes with `-c`) of `len` to print.
pub(super) fn run_tool(
    name: &str,
    argv: &[String],
    input: &Input,
    spec: &Spec,
    select: fn(Count, usize) -> Range<usize>,
) -> Output {
    let mut rest: Vec<String> = argv.iter().skip(1).cloned().collect();
    // Obsolete `-5` / `+5` as the first argument means `-n 5` / `-n +5`;
    // tail takes it only before one file at most.
    let obsolete = name == "head" || rest.len() <= 2;
    if let Some(first) = rest.first().filter(|_| obsolete) {
        let digits = first.get(1..).unwrap_or("");
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            if first.starts_with('-') {
                rest[0] = format!("-n{digits}");
            } else if first.starts_with('+') && name == "tail" {
                rest[0] = format!("-n+{digits}");
            }
        }
    }
    let parsed = match args::parse(&rest, spec) {
        Ok(p) => p,
        Err(ArgError::Invalid(c)) if c.is_ascii_digit() && name == "head" => {
            return args::usage_error(name, format!("invalid trailing option -- {c}"), 1)
        }
        Err(ArgError::Invalid(c)) if c.is_ascii_digit() => {
            return Output::error(format!("{name}: option used in invalid context -- {c}\n"), 1)
        }
        Err(e) => return args::usage_error(name, e, 1),
    };
    let mut count = Count::First(10);
    let mut bytes = false;
    let mut files = Vec::new();
    let mut headers = None;
    for a in parsed {
        match a {
            Arg::Opt('q', _) => headers = Some(false),
            Arg::Opt('v', _) => headers = Some(true),
            Arg::Opt(c @ ('n' | 'c'), Some(v)) => {
                bytes = c == 'c';
                match count_arg(&v, name == "tail") {
                    Some(n) => count = n,
                    None => {
                        let what = if bytes { "bytes" } else { "lines" };
                        return Output::error(format!("{name}: invalid number of {what}: ‘{v}’\n"), 1);
                    }
                }
            }
            Arg::Operand(f) => files.push(f),
            _ => {}
        }
    }
    if files.is_empty() {
        files.push("-".into());
    }
    let headers = headers.unwrap_or(files.len() > 1);
    let mut out = Output::new();
    let mut first = true;
    for f in &files {
        let text = input.open(f);
        if text != Err(FileError::NotFound) && headers {
            let shown = if f == "-" { "standard input" } else { f.as_str() };
            out.out(format!("{}==> {shown} <==\n", if first { "" } else { "\n" }));
            first = false;
        }
        match text {
            Ok(text) => out.out(slice(text, bytes, |len| select(count, len))),
            Err(FileError::IsADirectory) => {
                out.err(format!("{name}: error reading {}: Is a directory\n", quote(f, true)));
                out.status = 1;
            }
            Err(e) => {
                out.err(format!("{name}: cannot open {} for reading: {}\n", quote(f, true), e.text()));
                out.status = 1;
            }
        }
    }
    out
}

/// The units of `text` (bytes, or lines with their newlines) in `range`.
fn slice(text: &str, bytes: bool, range: impl Fn(usize) -> Range<usize>) -> String {
    if bytes {
        let b = text.as_bytes();
        return String::from_utf8_lossy(&b[range(b.len())]).into_owned();
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    lines[range(lines.len())].concat()
}
