//! `seq` (GNU coreutils 9.1): numbers from FIRST to LAST by INCREMENT,
//! `-s SEP`, `-w` (equal width), `-f FORMAT` (one `%e`/`%f`/`%g`
//! conversion). Follows coreutils' `seq.c`: the default format is `%.Nf`
//! with the largest precision of the operands as written (`%g` when one is
//! not plain decimal), and the last number is printed when it only misses
//! LAST by rounding. Numbers are doubles here, not `long double`.
//!
//! An endless or huge sequence (`seq inf`) stops after [`MAX_NUMBERS`]
//! numbers: the shell runs a pipeline's stages one after another, so the
//! reader that would have stopped it never gets the chance.

mod operand;

use super::awk::format::sprintf;
use super::awk::value::Value;
use crate::output::Output;
use operand::{check_format, default_format, scan, Operand};

/// The most numbers one `seq` prints.
pub const MAX_NUMBERS: usize = 1_000_000;

const HELP: &str = "Usage: seq [OPTION]... LAST
  or:  seq [OPTION]... FIRST LAST
  or:  seq [OPTION]... FIRST INCREMENT LAST
Print numbers from FIRST to LAST, in steps of INCREMENT.

Mandatory arguments to long options are mandatory for short options too.
  -f, --format=FORMAT      use printf style floating-point FORMAT
  -s, --separator=STRING   use STRING to separate numbers (default: \\n)
  -w, --equal-width        equalize width by padding with leading zeroes
      --help        display this help and exit
      --version     output version information and exit

If FIRST or INCREMENT is omitted, it defaults to 1.  That is, an
omitted INCREMENT defaults to 1 even when LAST is smaller than FIRST.
The sequence of numbers ends when the sum of the current number and
INCREMENT would become greater than LAST.
FIRST, INCREMENT, and LAST are interpreted as floating point values.
INCREMENT is usually positive if FIRST is smaller than LAST, and
INCREMENT is usually negative if FIRST is greater than LAST.
INCREMENT must not be 0; none of FIRST, INCREMENT and LAST may be NaN.
FORMAT must be suitable for printing one argument of type 'double';
it defaults to %.PRECf if FIRST, INCREMENT, and LAST are all fixed point
decimal numbers with maximum precision PREC, and to %g otherwise.

GNU coreutils online help: <https://www.gnu.org/software/coreutils/>
Report any translation bugs to <https://translationproject.org/team/>
Full documentation <https://www.gnu.org/software/coreutils/seq>
or available locally via: info '(coreutils) seq invocation'
";

const VERSION: &str = "seq (GNU coreutils) 9.1
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by Ulrich Drepper.
";

/// A parsed command line.
struct Options {
    format: Option<String>,
    separator: String,
    equal_width: bool,
    operands: Vec<String>,
}

fn usage_error(msg: String) -> Output {
    super::args::usage_error("seq", msg, 1)
}

/// Runs seq.
pub fn run(argv: &[String], _stdin: &str) -> Output {
    let opts = match options(argv) {
        Ok(o) => o,
        Err(out) => return out,
    };
    match opts.operands.len() {
        0 => return usage_error("missing operand".into()),
        n if n > 3 => return usage_error(format!("extra operand ‘{}’", opts.operands[3])),
        _ => {}
    }
    if let Some(f) = &opts.format {
        if let Err(msg) = check_format(f) {
            return Output::error(format!("seq: {msg}\n"), 1);
        }
        if opts.equal_width {
            return usage_error("format string may not be specified when printing equal width strings".into());
        }
    }
    let mut parsed = Vec::new();
    for (i, a) in opts.operands.iter().enumerate() {
        let op = match scan(a) {
            Ok(op) => op,
            Err(out) => return out,
        };
        if i == 1 && opts.operands.len() == 3 && op.value == 0.0 {
            return usage_error(format!("invalid Zero increment value: ‘{a}’"));
        }
        parsed.push(op);
    }
    let one = Operand { value: 1.0, width: 1, precision: Some(0) };
    let (first, step, last) = match parsed.as_slice() {
        [l] => (one, one, *l),
        [f, l] => (*f, one, *l),
        [f, s, l] => (*f, *s, *l),
        _ => return Output::new(),
    };
    let format = opts.format.clone().unwrap_or_else(|| default_format(first, step, last, opts.equal_width));
    let mut out = Output::new();
    out.out(numbers(&format, &opts.separator, first.value, step.value, last.value));
    out
}

fn options(argv: &[String]) -> Result<Options, Output> {
    let mut o = Options { format: None, separator: "\n".into(), equal_width: false, operands: Vec::new() };
    let mut i = 1;
    while let Some(a) = argv.get(i) {
        let b = a.as_bytes();
        if b.len() > 1 && b[0] == b'-' && (b[1] == b'.' || b[1].is_ascii_digit()) {
            break; // a negative number
        }
        if a == "--" {
            i += 1;
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            let (name, value) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            let names = ["format", "separator", "equal-width", "help", "version"];
            let found: Vec<&str> = names.iter().copied().filter(|n| n.starts_with(name)).collect();
            let full = match found.as_slice() {
                [one] => *one,
                [] => return Err(usage_error(format!("unrecognized option '{a}'"))),
                _ => return Err(usage_error(format!("option '--{name}' is ambiguous"))),
            };
            i += 1;
            match full {
                "help" => return Err(printed(HELP)),
                "version" => return Err(printed(VERSION)),
                "equal-width" => o.equal_width = true,
                _ => {
                    let v = match value {
                        Some(v) => v,
                        None => match argv.get(i) {
                            Some(v) => {
                                i += 1;
                                v.clone()
                            }
                            None => return Err(usage_error(format!("option '--{full}' requires an argument"))),
                        },
                    };
                    if full == "format" {
                        o.format = Some(v);
                    } else {
                        o.separator = v;
                    }
                }
            }
            continue;
        }
        let Some(cluster) = a.strip_prefix('-').filter(|c| !c.is_empty()) else {
            break;
        };
        i += 1;
        for (pos, c) in cluster.char_indices() {
            match c {
                'w' => o.equal_width = true,
                'f' | 's' => {
                    let rest = &cluster[pos + 1..];
                    let v = if !rest.is_empty() {
                        rest.to_string()
                    } else if let Some(v) = argv.get(i) {
                        i += 1;
                        v.clone()
                    } else {
                        return Err(usage_error(format!("option requires an argument -- '{c}'")));
                    };
                    if c == 'f' {
                        o.format = Some(v);
                    } else {
                        o.separator = v;
                    }
                    break;
                }
                _ => return Err(usage_error(format!("invalid option -- '{c}'"))),
            }
        }
    }
    o.operands = argv.get(i..).map(<[String]>::to_vec).unwrap_or_default();
    Ok(o)
}

/// `text` on stdout, status 0 (`--help`, `--version`).
fn printed(text: &str) -> Output {
    let mut out = Output::new();
    out.out(text);
    out
}

fn show(format: &str, x: f64) -> String {
    match sprintf(format, &[Value::Num(x)], "%.6g") {
        Ok(s) | Err((s, _)) => s,
    }
}

/// coreutils' `print_numbers`.
fn numbers(format: &str, separator: &str, first: f64, step: f64, last: f64) -> String {
    let out_of_range = |x: f64| if step < 0.0 { x < last } else { last < x };
    let mut text = String::new();
    if out_of_range(first) {
        return text;
    }
    let mut x = first;
    let mut i = 1u64;
    loop {
        let shown = show(format, x);
        text.push_str(&shown);
        if i as usize >= MAX_NUMBERS {
            break;
        }
        x = first + i as f64 * step;
        i += 1;
        if out_of_range(x) {
            // The number just past LAST is printed when it prints as LAST
            // and differently from the one before (rounding).
            let next = show(format, x);
            let same_as_last = operand::decimal(next.trim()).is_some_and(|v| v == last);
            if !(same_as_last && next != shown) {
                break;
            }
        }
        text.push_str(separator);
    }
    text.push('\n');
    text
}
