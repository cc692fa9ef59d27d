//! `wc`: line, word, character, byte and longest-line counts of stdin.

use super::args::{self, Arg, Spec};
use crate::output::Output;

const SPEC: Spec = Spec {
    flags: "lwcmL",
    with_arg: "",
    longs: &[
        ("lines", false, 'l'),
        ("words", false, 'w'),
        ("bytes", false, 'c'),
        ("chars", false, 'm'),
        ("max-line-length", false, 'L'),
    ],
    permute: true,
};

/// Runs wc.
pub fn run(argv: &[String], stdin: &str) -> Output {
    let parsed = match args::parse(&argv[1.min(argv.len())..], &SPEC) {
        Ok(p) => p,
        Err(e) => return args::usage_error("wc", e, 1),
    };
    let mut want = Vec::new();
    let mut files = Vec::new();
    for a in parsed {
        match a {
            Arg::Opt(c, _) => want.push(c),
            Arg::Operand(f) => files.push(f),
        }
    }
    if want.is_empty() {
        want = vec!['l', 'w', 'c'];
    }
    let counts: Vec<u64> =
        ['l', 'w', 'm', 'c', 'L'].iter().filter(|c| want.contains(c)).map(|c| count(stdin, *c)).collect();
    let mut out = Output::new();
    if files.is_empty() {
        // For stdin GNU wc pads every count to 7 columns when it prints more
        // than one, and prints a lone count bare.
        let line = if counts.len() == 1 {
            counts[0].to_string()
        } else {
            counts.iter().map(|n| format!("{n:>7}")).collect::<Vec<_>>().join(" ")
        };
        out.out(format!("{line}\n"));
        return out;
    }
    for f in &files {
        if f == "-" {
            let width = counts.iter().max().map_or(1, |n| n.to_string().len());
            let line = counts.iter().map(|n| format!("{n:>width$}")).collect::<Vec<_>>().join(" ");
            out.out(format!("{line} -\n"));
        } else {
            out.err(format!("wc: {f}: No such file or directory\n"));
            out.status = 1;
        }
    }
    out
}

fn count(text: &str, what: char) -> u64 {
    let n = match what {
        'l' => text.bytes().filter(|&b| b == b'\n').count(),
        'w' => text.split_whitespace().count(),
        'm' => text.chars().count(),
        'c' => text.len(),
        _ => text.split('\n').map(display_width).max().unwrap_or(0),
    };
    n as u64
}

/// The width of a line on a terminal, with tab stops every 8 columns.
fn display_width(line: &str) -> usize {
    line.chars().fold(0, |col, c| if c == '\t' { (col / 8 + 1) * 8 } else { col + 1 })
}
