//! `wc`: line, word, character, byte and longest-line counts of each file
//! (stdin for none or `-`), and their total when there are several.

use super::args::{self, Arg, Spec};
use super::input::{quote, Input};
use crate::files::FileError;
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
pub fn run(argv: &[String], input: &Input) -> Output {
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
    let kinds: Vec<char> = ['l', 'w', 'm', 'c', 'L'].into_iter().filter(|c| want.contains(c)).collect();
    let named = !files.is_empty();
    if !named {
        files.push("-".into());
    }
    let opened: Vec<Result<&str, FileError>> = files.iter().map(|f| input.open(f)).collect();
    let width = number_width(&files, &opened, kinds.len(), input.stdin_is_file);
    let mut out = Output::new();
    let mut total = vec![0u64; kinds.len()];
    for (f, text) in files.iter().zip(&opened) {
        let text = match text {
            Ok(t) => *t,
            Err(FileError::IsADirectory) => {
                // A directory opens, its read fails, and its counts are 0.
                out.err(format!("wc: {}: Is a directory\n", quote(f, false)));
                out.status = 1;
                ""
            }
            Err(_) if f.is_empty() => {
                out.err("wc: invalid zero-length file name\n");
                out.status = 1;
                continue;
            }
            Err(e) => {
                out.err(format!("wc: {}: {}\n", quote(f, false), e.text()));
                out.status = 1;
                continue;
            }
        };
        let counts: Vec<u64> = kinds.iter().map(|&k| count(text, k)).collect();
        for ((t, n), k) in total.iter_mut().zip(&counts).zip(&kinds) {
            *t = if *k == 'L' { (*t).max(*n) } else { *t + n };
        }
        out.out(row(&counts, width, named.then_some(f.as_str())));
    }
    if files.len() > 1 {
        out.out(row(&total, width, Some("total")));
    }
    out
}

/// The width of every column, as GNU wc decides it before reading: 1 for
/// a lone count of one input; else the digits of the regular files' sizes
/// in all, but at least 7 when an input is not a regular file (a directory,
/// or stdin from a pipe or a terminal). Missing files count for nothing.
fn number_width(files: &[String], opened: &[Result<&str, FileError>], kinds: usize, stdin_is_file: bool) -> usize {
    if files.len() == 1 && kinds == 1 {
        return 1;
    }
    let mut minimum = 1;
    let mut size = 0;
    for (f, text) in files.iter().zip(opened) {
        match text {
            Ok(t) if f != "-" || stdin_is_file => size += t.len(),
            Err(FileError::NotFound) => {}
            _ => minimum = 7,
        }
    }
    size.to_string().len().max(minimum)
}

/// One line: the counts right-aligned to `width`, then the name if any.
fn row(counts: &[u64], width: usize, name: Option<&str>) -> String {
    let mut line = counts.iter().map(|n| format!("{n:>width$}")).collect::<Vec<_>>().join(" ");
    if let Some(name) = name {
        line.push(' ');
        line.push_str(name);
    }
    line.push('\n');
    line
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
