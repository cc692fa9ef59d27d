//! A small awk that behaves like Debian's mawk 1.3.4 for what lessons use:
//! patterns (`/re/`, expressions, ranges, `BEGIN`/`END`), actions with
//! `print`/`printf`, `if`/`while`/`for`, arrays, user functions, fields
//! (`$N`, `NF`, assignment rebuilding `$0`), `-F`, `-v`, and the string
//! and arithmetic built-ins.
//!
//! Pieces: [`lexer`] → [`parser`] (→ [`ast`]) → [`interp`], with
//! [`value`] for conversions and [`format`] for printf.
//!
//! File operands are read from the machine's files (with FILENAME and
//! FNR), `var=value` operands assigned as they are reached; `getline [var]
//! < FILE` reads one too, until `close(FILE)`.
//!
//! Differences from mawk, by design: nothing writes files, so `print >
//! "file"`, pipes and `system()` fail; `for (k in a)` visits keys in insertion order (mawk's is its hash
//! order); `rand()` is reproducible; `substr` with a start below 1 follows
//! POSIX's arithmetic rather than mawk's.

pub mod ast;
pub mod format;
pub mod interp;
pub mod lexer;
pub mod map;
pub mod parser;
pub mod value;

use super::input::Input;
use super::regex::{self, Flavor, Regex, RegexError};
use crate::output::Output;
use std::fmt;

/// Why awk stopped: every variant exits with status 2.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AwkError {
    /// A compile-time error at a program line.
    Syntax { line: usize, message: String },
    /// A run-time error; the message includes mawk's position line.
    Runtime(String),
    /// Any other fatal error (`awk: MESSAGE`).
    Fatal(String),
}

impl AwkError {
    /// A syntax error, boxed as the lexer and parser pass it on.
    pub fn syntax(line: usize, message: String) -> Box<AwkError> {
        Box::new(AwkError::Syntax { line, message })
    }
}

impl fmt::Display for AwkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AwkError::Syntax { line, message } => write!(f, "awk: line {line}: {message}"),
            AwkError::Runtime(m) => write!(f, "awk: run time error: {m}"),
            AwkError::Fatal(m) => write!(f, "awk: {m}"),
        }
    }
}

impl std::error::Error for AwkError {}

/// Compiles an awk (POSIX extended, without intervals: mawk 1.3.4 reads
/// `{` literally) regular expression; the error is mawk's wording.
pub fn compile_regex(src: &str) -> Result<Regex, String> {
    regex::compile(src, Flavor::Awk, false).map_err(|e| {
        let why = match e {
            RegexError::UnmatchedOpenParen => "missing ')'".into(),
            RegexError::UnmatchedBracket | RegexError::InvalidRegex => "bad class -- [], [^] or [".into(),
            other => other.to_string(),
        };
        format!("regular expression compile failed ({why})\n{src}")
    })
}

const VERSION_OUT: &str =
    "mawk 1.3.4 20200120\nCopyright 2008-2019,2020, Thomas E. Dickey\nCopyright 1991-1996,2014, Michael D. Brennan\n\n";
const VERSION_ERR: &str = "random-funcs:       srandom/random\nregex-funcs:        internal\ncompiled limits:\nsprintf buffer      8192\nmaximum-integer     2147483647\n";

const USAGE: &str = "Usage: mawk [Options] [Program] [file ...]

Program:
    The -f option value is the name of a file containing program text.
    If no -f option is given, a \"--\" ends option processing; the following
    parameters are the program text.

Options:
    -f program-file  Program  text is read from file instead of from the
                     command-line.  Multiple -f options are accepted.
    -F value         sets the field separator, FS, to value.
    -v var=value     assigns value to program variable var.
    --               unambiguous end of options.

    Implementation-specific options are prefixed with \"-W\".  They can be
    abbreviated:

    -W version       show version information and exit.
    -W dump          show assembler-like listing of program and exit.
    -W help          show this message and exit.
    -W interactive   set unbuffered output, line-buffered input.
    -W exec file     use file as program as well as last option.
    -W random=number set initial random seed.
    -W sprintf=number adjust size of sprintf buffer.
    -W posix_space   do not consider \"\\n\" a space.
    -W usage         show this message and exit.
";

/// Resolves awk escapes in a `-v` value or `-F` separator.
pub(crate) fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some('"') => out.push('"'),
            Some('/') => out.push('/'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Runs awk.
pub fn run(argv: &[String], input: &Input) -> Output {
    let mut fs: Option<String> = None;
    let mut assigns: Vec<(String, String)> = Vec::new();
    let mut i = 1;
    let lacks = |opt: &str| Output::error(format!("awk: option {opt} lacks argument\n"), 2);
    while let Some(a) = argv.get(i) {
        if a == "--" {
            i += 1;
            break;
        }
        if !a.starts_with('-') || a == "-" {
            break;
        }
        let (opt, attached) = a.split_at(2.min(a.len()));
        let value = |i: &mut usize| -> Option<String> {
            if !attached.is_empty() {
                return Some(attached.to_string());
            }
            *i += 1;
            argv.get(*i).cloned()
        };
        match opt {
            "-F" => match value(&mut i) {
                Some(v) => fs = Some(v),
                None => return lacks("-F"),
            },
            "-v" => match value(&mut i) {
                Some(v) => match v.split_once('=') {
                    Some((name, val)) if super::super::parser::is_name(name) => {
                        assigns.push((name.to_string(), unescape(val)))
                    }
                    _ => return Output::error(format!("awk: improper assignment: -v {v}\n"), 2),
                },
                None => return lacks("-v"),
            },
            "-f" => match value(&mut i) {
                Some(f) => return Output::error(format!("awk: cannot open {f} (No such file or directory)\n"), 2),
                None => return lacks("-f"),
            },
            "-W" => {
                let w = value(&mut i).unwrap_or_default();
                if w.starts_with('v') {
                    let mut out = Output::new();
                    out.out(VERSION_OUT);
                    out.err(VERSION_ERR);
                    return out;
                }
                if w.starts_with('h') || w.starts_with('u') {
                    let mut out = Output::new();
                    out.out(USAGE);
                    return out;
                }
            }
            _ => return Output::error(format!("awk: not an option: {a}\n"), 2),
        }
        i += 1;
    }
    let Some(program_text) = argv.get(i) else {
        return Output::error(USAGE, 2);
    };
    let operands = &argv[i + 1..];
    let program = match parser::parse(program_text) {
        Ok(p) => p,
        Err(e) => return Output::error(format!("{e}\n"), 2),
    };
    let mut it = interp::Interp::new(&program, input, operands.to_vec());
    if let Some(fs) = fs {
        // `-F t` is a tab, as POSIX asks; mawk reads it literally.
        let fs = if fs == "\\t" { "\t".to_string() } else { unescape(&fs) };
        it.assign("FS", &fs);
    }
    for (name, value) in &assigns {
        it.assign(name, value);
    }
    let result = it.run();
    let mut out = std::mem::take(&mut it.out);
    match result {
        Ok(()) => out.status = it.exit_status,
        Err(e) => {
            out.err(format!("{e}\n"));
            out.status = 2;
        }
    }
    out
}
