//! `uniq`: collapses adjacent equal lines; `-c` counts, `-d` only repeated,
//! `-u` only unique, `-i` ignores case.

use super::args::{self, Arg, Spec};
use crate::output::Output;

const SPEC: Spec = Spec {
    flags: "cdui",
    with_arg: "",
    longs: &[("count", false, 'c'), ("repeated", false, 'd'), ("unique", false, 'u'), ("ignore-case", false, 'i')],
    permute: true,
};

/// Runs uniq.
pub fn run(argv: &[String], stdin: &str) -> Output {
    let parsed = match args::parse(&argv[1.min(argv.len())..], &SPEC) {
        Ok(p) => p,
        Err(e) => return args::usage_error("uniq", e, 1),
    };
    let mut flags = Vec::new();
    for a in parsed {
        match a {
            Arg::Opt(c, _) => flags.push(c),
            Arg::Operand(f) if f == "-" => {}
            Arg::Operand(f) => return Output::error(format!("uniq: {f}: No such file or directory\n"), 1),
        }
    }
    // `-i` folds ASCII letters only, as GNU uniq does in C.UTF-8.
    let same = |a: &str, b: &str| if flags.contains(&'i') { a.eq_ignore_ascii_case(b) } else { a == b };
    let mut groups: Vec<(&str, usize)> = Vec::new();
    for line in args::lines(stdin) {
        match groups.last_mut() {
            Some((first, n)) if same(first, line) => *n += 1,
            _ => groups.push((line, 1)),
        }
    }
    let mut out = Output::new();
    for (line, n) in groups {
        if flags.contains(&'d') && n < 2 || flags.contains(&'u') && n > 1 {
            continue;
        }
        if flags.contains(&'c') {
            out.out(format!("{n:>7} {line}\n"));
        } else {
            out.out(format!("{line}\n"));
        }
    }
    out
}
