//! `cut`: selects fields (`-d SEP -f LIST`), characters (`-c`) or bytes
//! (`-b`) of each line of its files (stdin for none or `-`).

use super::args::{self, Arg, Spec};
use super::input::{quote, Input};
use crate::output::Output;

const SPEC: Spec = Spec {
    flags: "sn",
    with_arg: "dfcbO",
    longs: &[
        ("delimiter", true, 'd'),
        ("fields", true, 'f'),
        ("characters", true, 'c'),
        ("bytes", true, 'b'),
        ("only-delimited", false, 's'),
        ("output-delimiter", true, 'O'),
    ],
    permute: true,
};

/// Inclusive 1-based ranges; `usize::MAX` is "to the end".
type Ranges = Vec<(usize, usize)>;

/// Runs cut.
pub fn run(argv: &[String], input: &Input) -> Output {
    let usage = |msg: &str| args::usage_error("cut", msg, 1);
    let parsed = match args::parse(&argv[1.min(argv.len())..], &SPEC) {
        Ok(p) => p,
        Err(e) => return usage(&e.to_string()),
    };
    let mut delim = '\t';
    let mut out_delim = None;
    let mut mode = None;
    let mut only_delimited = false;
    let mut operands = Vec::new();
    for a in parsed {
        match a {
            Arg::Opt('d', Some(d)) => {
                let mut chars = d.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => delim = c,
                    _ => return usage("the delimiter must be a single character"),
                }
            }
            Arg::Opt('O', Some(d)) => out_delim = Some(d),
            Arg::Opt('s', _) => only_delimited = true,
            Arg::Opt(c @ ('f' | 'c' | 'b'), Some(list)) => {
                if mode.is_some() {
                    return usage("only one type of list may be specified");
                }
                match parse_list(&list) {
                    Ok(r) => mode = Some((c, r)),
                    Err(msg) => return usage(&msg),
                }
            }
            Arg::Operand(f) => operands.push(f),
            _ => {}
        }
    }
    let Some((kind, ranges)) = mode else {
        return usage("you must specify a list of bytes, characters, or fields");
    };
    if operands.is_empty() {
        operands.push("-".into());
    }
    let mut out = Output::new();
    for f in &operands {
        match input.open(f) {
            Ok(text) => out.out(cut(text, kind, &ranges, delim, out_delim.as_deref(), only_delimited)),
            Err(e) => {
                out.err(format!("cut: {}: {}\n", quote(f, false), e.text()));
                out.status = 1;
            }
        }
    }
    out
}

/// The selected parts of each line of `input`.
fn cut(input: &str, kind: char, ranges: &Ranges, delim: char, out_delim: Option<&str>, only_delimited: bool) -> String {
    let selected = |i: usize| ranges.iter().any(|&(a, b)| i >= a && i <= b);
    let mut text = String::new();
    for line in args::lines(input) {
        if kind == 'f' {
            if !line.contains(delim) {
                if !only_delimited {
                    text.push_str(line);
                    text.push('\n');
                }
                continue;
            }
            let sep = out_delim.map_or_else(|| delim.to_string(), str::to_string);
            let fields: Vec<&str> =
                line.split(delim).enumerate().filter(|(i, _)| selected(i + 1)).map(|(_, f)| f).collect();
            text.push_str(&fields.join(&sep));
        } else {
            let picked: String = line.chars().enumerate().filter(|(i, _)| selected(i + 1)).map(|(_, c)| c).collect();
            text.push_str(&picked);
        }
        text.push('\n');
    }
    text
}

/// `N`, `N-M`, `N-`, `-M`, comma-separated.
fn parse_list(list: &str) -> Result<Ranges, String> {
    let mut ranges = Vec::new();
    for part in list.split(',') {
        let num = |s: &str| -> Result<usize, String> {
            let n: usize = s.parse().map_err(|_| format!("invalid field value ‘{s}’"))?;
            if n == 0 {
                return Err("fields are numbered from 1".into());
            }
            Ok(n)
        };
        let r = match part.split_once('-') {
            None => {
                let n = num(part)?;
                (n, n)
            }
            Some(("", "")) => return Err("invalid range with no endpoint: -".into()),
            Some((a, "")) => (num(a)?, usize::MAX),
            Some(("", b)) => (1, num(b)?),
            Some((a, b)) => {
                let (a, b) = (num(a)?, num(b)?);
                if b < a {
                    return Err("invalid decreasing range".into());
                }
                (a, b)
            }
        };
        ranges.push(r);
    }
    Ok(ranges)
}
