//! `cat`: copies stdin, optionally numbering lines (`-n`, `-b`) or marking
//! line ends (`-E`).

use super::args::{self, Arg, Spec};
use crate::output::Output;

const SPEC: Spec = Spec {
    flags: "nbEsAuT",
    with_arg: "",
    longs: &[
        ("number", false, 'n'),
        ("number-nonblank", false, 'b'),
        ("show-ends", false, 'E'),
        ("squeeze-blank", false, 's'),
    ],
    permute: true,
};

/// Runs cat.
pub fn run(argv: &[String], stdin: &str) -> Output {
    let parsed = match args::parse(&argv[1.min(argv.len())..], &SPEC) {
        Ok(p) => p,
        Err(e) => return args::usage_error("cat", e, 1),
    };
    let mut flags = Vec::new();
    let mut files = Vec::new();
    for a in parsed {
        match a {
            Arg::Opt(c, _) => flags.push(c),
            Arg::Operand(f) => files.push(f),
        }
    }
    if files.is_empty() {
        files.push("-".into());
    }
    let mut out = Output::new();
    let mut n = 0;
    for f in &files {
        if f != "-" {
            out.err(format!("cat: {f}: No such file or directory\n"));
            out.status = 1;
            continue;
        }
        if flags.is_empty() {
            out.out(stdin);
            continue;
        }
        let mut prev_blank = false;
        for line in stdin.split_inclusive('\n') {
            let body = line.strip_suffix('\n');
            let blank = body == Some("");
            if flags.contains(&'s') && blank && prev_blank {
                continue;
            }
            prev_blank = blank;
            let mut s = String::new();
            if flags.contains(&'b') && !blank || flags.contains(&'n') && !flags.contains(&'b') {
                n += 1;
                s.push_str(&format!("{n:>6}\t"));
            }
            s.push_str(body.unwrap_or(line));
            if body.is_some() {
                if flags.contains(&'E') || flags.contains(&'A') {
                    s.push('$');
                }
                s.push('\n');
            }
            out.out(s);
        }
    }
    out
}
