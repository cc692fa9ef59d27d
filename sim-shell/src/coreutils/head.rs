//! `head`: the first lines (`-n N`, `-N`, `-n -N`) or bytes (`-c N`).

use super::args::{self, Arg, Spec};
use super::{count_arg, Count};
use crate::output::Output;

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
    run_tool("head", argv, stdin, &SPEC, |text, count, bytes| {
        let limit = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
        if bytes {
            let b = text.as_bytes();
            let end = match count {
                Count::First(n) | Count::From(n) => limit(n).min(b.len()),
                Count::AllBut(n) => b.len().saturating_sub(limit(n)),
            };
            return String::from_utf8_lossy(&b[..end]).into_owned();
        }
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let end = match count {
            Count::First(n) | Count::From(n) => limit(n).min(lines.len()),
            Count::AllBut(n) => lines.len().saturating_sub(limit(n)),
        };
        lines[..end].concat()
    })
}

/// The shared body of head and tail: options, `-NUM`, file operands.
pub(super) fn run_tool(
    name: &str,
    argv: &[String],
    stdin: &str,
    spec: &Spec,
    select: fn(&str, Count, bool) -> String,
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
        Err(e) => return Output::error(format!("{name}: {e}\nTry '{name} --help' for more information.\n"), 1),
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
            out.out(select(stdin, count, bytes));
        } else {
            out.err(format!("{name}: cannot open '{f}' for reading: No such file or directory\n"));
            out.status = 1;
        }
    }
    out
}
