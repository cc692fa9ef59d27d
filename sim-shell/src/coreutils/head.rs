//! `head`: the first lines (`-n N`, `-N`, `-n -N`) or bytes (`-c N`).

use super::args::{self, Arg, Spec};
use super::{count_arg, Count};
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
pub fn run(argv: &[String], stdin: &str) -> Output {
    run_tool("head", argv, stdin, &SPEC, |count, len| {
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
    stdin: &str,
    spec: &Spec,
    select: fn(Count, usize) -> Range<usize>,
) -> Output {
    let mut rest: Vec<String> = argv.iter().skip(1).cloned().collect();
    // Obsolete `-5` / `+5` as the first argument means `-n 5` / `-n +5`.
    if let Some(first) = rest.first() {
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
        Err(e) => return args::usage_error(name, e, 1),
    };
    let mut count = Count::First(10);
    let mut bytes = false;
    let mut files = Vec::new();
    for a in parsed {
        match a {
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
    let mut out = Output::new();
    for f in &files {
        if f == "-" {
            out.out(slice(stdin, bytes, |len| select(count, len)));
        } else {
            out.err(format!("{name}: cannot open '{f}' for reading: No such file or directory\n"));
            out.status = 1;
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
