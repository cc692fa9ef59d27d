//! `tail`: the last lines (`-n N`, `-N`) or everything from line N on
//! (`-n +N`); `-c` for bytes.

use super::args::Spec;
use super::head::{limit, run_tool};
use super::input::Input;
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
pub fn run(argv: &[String], input: &Input) -> Output {
    run_tool("tail", argv, input, &SPEC, |count, len| {
        let start = match count {
            Count::First(n) | Count::AllBut(n) => len.saturating_sub(limit(n)),
            Count::From(n) => limit(n).saturating_sub(1).min(len),
        };
        start..len
    })
}
