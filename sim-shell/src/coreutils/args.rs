//! GNU-style option parsing shared by the text tools: clustered short
//! flags (`-vi`), attached or separate option arguments (`-n5`, `-n 5`),
//! long options with unique-prefix matching (`--count`, `--max=3`), `--`,
//! and operands mixed with options unless the tool stops at the first
//! operand.

use std::fmt;

use crate::output::Output;

/// What a tool accepts.
pub struct Spec {
    /// Short options that take no argument.
    pub flags: &'static str,
    /// Short options that take an argument.
    pub with_arg: &'static str,
    /// Long options: name, whether it takes an argument, and the short
    /// option it stands for.
    pub longs: &'static [(&'static str, bool, char)],
    /// Options may follow operands (GNU) or not (POSIX, awk).
    pub permute: bool,
}

/// One parsed item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// An option by its short letter, with its argument if it takes one.
    Opt(char, Option<String>),
    Operand(String),
}

/// A usage error, worded as GNU getopt words it (without the program name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArgError {
    Invalid(char),
    MissingArg(char),
    UnknownLong(String),
    AmbiguousLong(String),
    LongNeedsArg(String),
    LongTakesNoArg(String),
}

impl fmt::Display for ArgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArgError::Invalid(c) => write!(f, "invalid option -- '{c}'"),
            ArgError::MissingArg(c) => write!(f, "option requires an argument -- '{c}'"),
            ArgError::UnknownLong(s) => write!(f, "unrecognized option '--{s}'"),
            ArgError::AmbiguousLong(s) => write!(f, "option '--{s}' is ambiguous"),
            ArgError::LongNeedsArg(s) => write!(f, "option '--{s}' requires an argument"),
            ArgError::LongTakesNoArg(s) => write!(f, "option '--{s}' doesn't allow an argument"),
        }
    }
}

impl std::error::Error for ArgError {}

/// A usage error as coreutils reports it (`error()`, then `usage
/// (EXIT_FAILURE)`, which is `emit_try_help()`): `TOOL: MSG`, then where
/// the help is.
pub fn usage_error(tool: &str, msg: impl fmt::Display, status: i32) -> Output {
    Output::error(format!("{tool}: {msg}\nTry '{tool} --help' for more information.\n"), status)
}

/// Parses `args` (without argv\[0\]) against `spec`.
pub fn parse(args: &[String], spec: &Spec) -> Result<Vec<Arg>, ArgError> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(a) = args.get(i) {
        i += 1;
        if a == "--" {
            out.extend(args[i..].iter().cloned().map(Arg::Operand));
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            let (name, value) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            let exact = spec.longs.iter().find(|(l, _, _)| *l == name);
            let found = match exact {
                Some(l) => l,
                None => {
                    let mut matches = spec.longs.iter().filter(|(l, _, _)| l.starts_with(name));
                    match (matches.next(), matches.next()) {
                        (Some(l), None) => l,
                        (None, _) => return Err(ArgError::UnknownLong(long.to_string())),
                        (Some(_), Some(_)) => return Err(ArgError::AmbiguousLong(name.to_string())),
                    }
                }
            };
            let (full, takes, short) = *found;
            match (takes, value) {
                (true, Some(v)) => out.push(Arg::Opt(short, Some(v))),
                (true, None) => match args.get(i) {
                    Some(v) => {
                        i += 1;
                        out.push(Arg::Opt(short, Some(v.clone())));
                    }
                    None => return Err(ArgError::LongNeedsArg(full.to_string())),
                },
                (false, Some(_)) => return Err(ArgError::LongTakesNoArg(full.to_string())),
                (false, None) => out.push(Arg::Opt(short, None)),
            }
            continue;
        }
        let Some(cluster) = a.strip_prefix('-').filter(|c| !c.is_empty()) else {
            if spec.permute {
                out.push(Arg::Operand(a.clone()));
                continue;
            }
            out.extend(args[i - 1..].iter().cloned().map(Arg::Operand));
            break;
        };
        for (pos, c) in cluster.char_indices() {
            if spec.with_arg.contains(c) {
                let rest = &cluster[pos + c.len_utf8()..];
                if !rest.is_empty() {
                    out.push(Arg::Opt(c, Some(rest.to_string())));
                } else if let Some(v) = args.get(i) {
                    i += 1;
                    out.push(Arg::Opt(c, Some(v.clone())));
                } else {
                    return Err(ArgError::MissingArg(c));
                }
                break;
            }
            if spec.flags.contains(c) {
                out.push(Arg::Opt(c, None));
            } else {
                return Err(ArgError::Invalid(c));
            }
        }
    }
    Ok(out)
}

/// Splits text into lines without their `\n`; a last line without `\n`
/// counts too.
pub fn lines(text: &str) -> Vec<&str> {
    let mut v: Vec<&str> = text.split('\n').collect();
    if text.is_empty() || text.ends_with('\n') {
        v.pop();
    }
    v
}
