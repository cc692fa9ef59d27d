//! `tail`: the last lines (`-n N`, `-N`) or everything from line N on
//! (`-n +N`); `-c` for bytes.

use super::args::Spec;
use super::head::run_tool;
use super::Count;
use crate::output::Output;

const SPEC: Spec = Spec {
    flags: "qvfF",
    with_arg: "nc",
    longs: &[
        ("lines", true, 'n'),
        ("bytes", true, 'c'),
        ("quiet", false, 'q'),
        ("silent", false, 'q'),
        ("verbose", false, 'v'),
        ("follow", false, 'f'),
    ],
    permute: true,
};

/// Runs tail.
pub fn run(argv: &[String], stdin: &str) -> Output {
    run_tool("tail", argv, stdin, &SPEC, |text, count, bytes| {
        let limit = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
        if bytes {
            let b = text.as_bytes();
            let start = match count {
                Count::First(n) | Count::AllBut(n) => b.len().saturating_sub(limit(n)),
                Count::From(n) => limit(n).saturating_sub(1).min(b.len()),
            };
            return String::from_utf8_lossy(&b[start..]).into_owned();
        }
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let start = match count {
            Count::First(n) | Count::AllBut(n) => lines.len().saturating_sub(limit(n)),
            Count::From(n) => limit(n).saturating_sub(1).min(lines.len()),
        };
        lines[start..].concat()
    })
}
