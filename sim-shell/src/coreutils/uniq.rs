//! `uniq [INPUT [OUTPUT]]`: collapses adjacent equal lines of INPUT (stdin
//! for none or `-`); OUTPUT other than `-` is refused, as writing files
//! is not wired to the tools; `-c` counts, `-d` only repeated,
//! `-u` only unique, `-i` ignores case.

use super::args::{self, Arg, Spec};
use super::input::{quote, Input};
use crate::files::{FileError, Kind};
use crate::output::Output;

const SPEC: Spec = Spec {
    flags: "cdui",
    with_arg: "",
    longs: &[("count", false, 'c'), ("repeated", false, 'd'), ("unique", false, 'u'), ("ignore-case", false, 'i')],
    permute: true,
};

/// Runs uniq.
pub fn run(argv: &[String], input: &Input) -> Output {
    let parsed = match args::parse(&argv[1.min(argv.len())..], &SPEC) {
        Ok(p) => p,
        Err(e) => return args::usage_error("uniq", e, 1),
    };
    let mut flags = Vec::new();
    let mut operands = Vec::new();
    for a in parsed {
        match a {
            Arg::Opt(c, _) => flags.push(c),
            Arg::Operand(f) => operands.push(f),
        }
    }
    if let Some(extra) = operands.get(2) {
        return args::usage_error("uniq", format!("extra operand ‘{extra}’"), 1);
    }
    let name = operands.first().map_or("-", String::as_str);
    let text = match input.open(name) {
        Ok(text) => Ok(text),
        Err(FileError::NotFound) => {
            return Output::error(format!("uniq: {}: No such file or directory\n", quote(name, false)), 1)
        }
        Err(e) => Err(e),
    };
    // Writing OUTPUT is not wired: it fails as on a read-only disk.
    if let Some(output) = operands.get(1).filter(|o| *o != "-") {
        let why = match input.files.kind(input.cwd, output) {
            Some(Kind::Dir) => FileError::IsADirectory.text(),
            _ => "Read-only file system",
        };
        return Output::error(format!("uniq: {}: {why}\n", quote(output, false)), 1);
    }
    let Ok(text) = text else {
        return Output::error(format!("uniq: error reading {}\n", quote(name, true)), 1);
    };
    // `-i` folds ASCII letters only, as GNU uniq does in C.UTF-8.
    let same = |a: &str, b: &str| if flags.contains(&'i') { a.eq_ignore_ascii_case(b) } else { a == b };
    let mut groups: Vec<(&str, usize)> = Vec::new();
    for line in args::lines(text) {
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
