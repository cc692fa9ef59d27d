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

use super::awk::format::sprintf;
use super::awk::value::Value;
use crate::decimal;
use crate::output::Output;

/// The most numbers one `seq` prints.
pub const MAX_NUMBERS: usize = 1_000_000;

const TRY: &str = "Try 'seq --help' for more information.\n";

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

/// An operand: its value, and the width and precision it was written with
/// (`None`: not plain decimal).
#[derive(Clone, Copy)]
struct Operand {
    value: f64,
    width: i64,
    precision: Option<i64>,
}

fn usage_error(msg: String) -> Output {
    Output::error(format!("seq: {msg}\n{TRY}"), 1)
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

/// `strtold` over the whole operand: decimal, `0x` hex integers, `inf`.
fn parse_number(arg: &str) -> Option<f64> {
    let t = arg.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let v = if let Some(hex) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        hex.bytes().fold(0.0, |acc, b| acc * 16.0 + f64::from((b as char).to_digit(16).unwrap_or(0)))
    } else {
        let lower = body.to_ascii_lowercase();
        if lower == "inf" || lower == "infinity" {
            f64::INFINITY
        } else if lower == "nan" {
            f64::NAN
        } else if body.is_empty() || body.starts_with(['+', '-']) {
            return None;
        } else {
            decimal::parse(body)?
        }
    };
    Some(if neg { -v } else { v })
}

/// coreutils' `scan_arg`.
fn scan(arg: &str) -> Result<Operand, Output> {
    let Some(value) = parse_number(arg) else {
        return Err(usage_error(format!("invalid floating point argument: ‘{arg}’")));
    };
    if value.is_nan() {
        return Err(usage_error(format!("invalid ‘not-a-number’ argument: ‘{arg}’")));
    }
    let a = arg.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '+');
    let mut op = Operand { value, width: 0, precision: None };
    let point = a.find('.');
    if point.is_none() && !a.contains('p') {
        op.precision = Some(0);
    }
    if !a.contains(['x', 'X']) && value.is_finite() {
        let mut fraction_len = 0i64;
        op.width = a.len() as i64;
        if let Some(p) = point {
            let after = &a[p + 1..];
            fraction_len = after.find(['e', 'E']).unwrap_or(after.len()) as i64;
            op.precision = Some(fraction_len);
            let before_is_digit = p > 0 && a.as_bytes()[p - 1].is_ascii_digit();
            op.width += if fraction_len == 0 { -1 } else { i64::from(!before_is_digit) };
        }
        if let Some(e) = a.find(['e', 'E']) {
            let exponent: i64 = exponent_of(&a[e + 1..]);
            let prec = op.precision.unwrap_or(i64::from(i32::MAX));
            let prec = prec + if exponent < 0 { -exponent } else { -prec.min(exponent) };
            op.precision = Some(prec);
            op.width -= (a.len() - e) as i64;
            let mut exponent = exponent;
            if exponent < 0 {
                match point {
                    Some(p) if e == p + 1 => op.width += 1,
                    Some(_) => {}
                    None => op.width += 1,
                }
                exponent = -exponent;
            } else {
                if point.is_some() && prec == 0 && fraction_len > 0 {
                    op.width -= 1;
                }
                exponent -= fraction_len.min(exponent);
            }
            op.width += exponent;
        }
    }
    Ok(op)
}

/// `strtol` of an exponent: sign and leading digits.
fn exponent_of(s: &str) -> i64 {
    let (neg, digits) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let n = digits
        .bytes()
        .take_while(u8::is_ascii_digit)
        .fold(0i64, |acc, b| acc.saturating_mul(10).saturating_add(i64::from(b - b'0')));
    if neg {
        -n
    } else {
        n
    }
}

/// coreutils' `get_default_format`.
fn default_format(first: Operand, step: Operand, last: Operand, equal_width: bool) -> String {
    let (Some(fp), Some(sp), Some(lp)) = (first.precision, step.precision, last.precision) else {
        return "%g".into();
    };
    let prec = fp.max(sp);
    if !equal_width {
        return format!("%.{prec}f");
    }
    let mut first_width = first.width + (prec - fp);
    let mut last_width = last.width + (prec - lp);
    if lp > 0 && prec == 0 {
        last_width -= 1;
    }
    if lp == 0 && prec > 0 {
        last_width += 1;
    }
    if fp == 0 && prec > 0 {
        first_width += 1;
    }
    format!("%0{}.{prec}f", first_width.max(last_width).max(0))
}

/// Checks a `-f` format: exactly one `%e`/`%f`/`%g`/`%a` conversion.
fn check_format(fmt: &str) -> Result<(), String> {
    let b = fmt.as_bytes();
    let mut i = 0;
    // Text before the conversion, `%%` included.
    loop {
        match b.get(i) {
            None => return Err(format!("format ‘{fmt}’ has no % directive")),
            Some(b'%') if b.get(i + 1) == Some(&b'%') => i += 2,
            Some(b'%') => break,
            Some(_) => i += 1,
        }
    }
    i += 1;
    while b.get(i).is_some_and(|c| b"-+#0 '".contains(c)) {
        i += 1;
    }
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
    }
    if b.get(i) == Some(&b'L') {
        i += 1;
    }
    match b.get(i) {
        None => return Err(format!("format ‘{fmt}’ ends in %")),
        Some(c) if !b"efgaEFGA".contains(c) => {
            let c = fmt[i..].chars().next().unwrap_or('?');
            return Err(format!("format ‘{fmt}’ has unknown %{c} directive"));
        }
        Some(_) => i += 1,
    }
    while i < b.len() {
        if b[i] == b'%' {
            if b.get(i + 1) != Some(&b'%') {
                return Err(format!("format ‘{fmt}’ has too many % directives"));
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    Ok(())
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
            let same_as_last = decimal::parse(next.trim()).is_some_and(|v| v == last);
            if !(same_as_last && next != shown) {
                break;
            }
        }
        text.push_str(separator);
    }
    text.push('\n');
    text
}
