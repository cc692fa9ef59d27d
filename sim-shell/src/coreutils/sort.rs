//! `sort` in the C locale, of all its files (stdin for none or `-`) as
//! one: byte order, `-n` numeric, `-r`, `-u`, `-f`, `-b`, `-k
//! START[,END]` keys and `-t SEP`; `-o FILE` is refused (nothing writes
//! files but `rm` and `touch`).

use super::args::{self, Arg, Spec};
use super::input::{quote, Input};
use crate::files::{FileError, Kind};
use crate::output::Output;
use std::cmp::Ordering;

const SPEC: Spec = Spec {
    flags: "nrufbsgh",
    with_arg: "kto",
    longs: &[
        ("numeric-sort", false, 'n'),
        ("reverse", false, 'r'),
        ("unique", false, 'u'),
        ("ignore-case", false, 'f'),
        ("ignore-leading-blanks", false, 'b'),
        ("stable", false, 's'),
        ("key", true, 'k'),
        ("field-separator", true, 't'),
        ("output", true, 'o'),
    ],
    permute: true,
};

/// A `-k` key: 1-based first and last field, and its own modifiers.
#[derive(Clone, Debug, Default)]
struct Key {
    start: usize,
    end: Option<usize>,
    numeric: bool,
    reverse: bool,
    blanks: bool,
    fold: bool,
}

struct Options {
    keys: Vec<Key>,
    global: Key,
    unique: bool,
    stable: bool,
    sep: Option<char>,
}

/// Runs sort.
pub fn run(argv: &[String], input: &Input) -> Output {
    let usage = |msg: String| args::usage_error("sort", msg, 2);
    let parsed = match args::parse(&argv[1.min(argv.len())..], &SPEC) {
        Ok(p) => p,
        Err(e) => return usage(e.to_string()),
    };
    let mut o = Options {
        keys: Vec::new(),
        global: Key { start: 1, ..Key::default() },
        unique: false,
        stable: false,
        sep: None,
    };
    let mut operands = Vec::new();
    let mut output = None;
    for a in parsed {
        match a {
            Arg::Opt('n' | 'g' | 'h', _) => o.global.numeric = true,
            Arg::Opt('r', _) => o.global.reverse = true,
            Arg::Opt('u', _) => o.unique = true,
            Arg::Opt('f', _) => o.global.fold = true,
            Arg::Opt('b', _) => o.global.blanks = true,
            Arg::Opt('s', _) => o.stable = true,
            Arg::Opt('k', Some(spec)) => match parse_key(&spec) {
                Some(k) => o.keys.push(k),
                None => {
                    return Output::error(
                        format!("sort: invalid number at field start: invalid count at start of ‘{spec}’\n"),
                        2,
                    )
                }
            },
            Arg::Opt('o', Some(file)) => output = Some(file),
            Arg::Opt('t', Some(sep)) => {
                let mut chars = sep.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => o.sep = Some(c),
                    _ => return Output::error(format!("sort: multi-character tab ‘{sep}’\n"), 2),
                }
            }
            Arg::Operand(f) => operands.push(f),
            _ => {}
        }
    }
    if operands.is_empty() {
        operands.push("-".into());
    }
    // Every input is read before anything is printed; the first that
    // fails ends sort.
    let mut lines = Vec::new();
    for f in &operands {
        match input.open(f) {
            Ok(text) => lines.extend(args::lines(text)),
            Err(FileError::IsADirectory) => {
                return Output::error(format!("sort: read failed: {}: Is a directory\n", quote(f, false)), 2)
            }
            Err(e) => return Output::error(format!("sort: cannot read: {}: {}\n", quote(f, false), e.text()), 2),
        }
    }
    // `-o FILE` is opened once every input is read; writing is not wired
    // to the tools, so it fails as on a read-only disk.
    if let Some(file) = output {
        let why = match input.files.kind(input.cwd, &file) {
            Some(Kind::Dir) => FileError::IsADirectory.text(),
            _ => "Read-only file system",
        };
        return Output::error(format!("sort: open failed: {}: {why}\n", quote(&file, false)), 2);
    }
    lines.sort_by(|a, b| compare(a, b, &o));
    if o.unique {
        lines.dedup_by(|b, a| key_compare(a, b, &o) == Ordering::Equal);
    }
    let mut out = Output::new();
    let mut text = String::new();
    for l in lines {
        text.push_str(l);
        text.push('\n');
    }
    out.out(text);
    out
}

/// `N[.C][flags][,M[.C][flags]]` (character offsets are ignored).
fn parse_key(spec: &str) -> Option<Key> {
    let mut key = Key::default();
    let (first, second) = match spec.split_once(',') {
        Some((a, b)) => (a, Some(b)),
        None => (spec, None),
    };
    let field = |part: &str, key: &mut Key| -> Option<usize> {
        let digits: String = part.chars().take_while(|c| c.is_ascii_digit()).collect();
        let rest = &part[digits.len()..];
        let rest = rest.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
        for c in rest.chars() {
            match c {
                'n' | 'g' | 'h' => key.numeric = true,
                'r' => key.reverse = true,
                'b' => key.blanks = true,
                'f' => key.fold = true,
                _ => return None,
            }
        }
        digits.parse().ok()
    };
    key.start = field(first, &mut key).filter(|&n| n > 0)?;
    if let Some(s) = second {
        key.end = Some(field(s, &mut key)?);
    }
    Some(key)
}

fn compare(a: &str, b: &str, o: &Options) -> Ordering {
    let ord = key_compare(a, b, o);
    if ord != Ordering::Equal || o.unique || o.stable {
        return ord;
    }
    // Last resort: the whole lines, byte by byte.
    let last = a.as_bytes().cmp(b.as_bytes());
    if o.global.reverse {
        last.reverse()
    } else {
        last
    }
}

fn key_compare(a: &str, b: &str, o: &Options) -> Ordering {
    if o.keys.is_empty() {
        return compare_field(a, b, &o.global);
    }
    for k in &o.keys {
        let plain = !(k.numeric || k.reverse || k.blanks || k.fold);
        let eff = if plain { Key { start: k.start, end: k.end, ..o.global.clone() } } else { k.clone() };
        let ord = compare_field(extract(a, k, o.sep), extract(b, k, o.sep), &eff);
        if ord != Ordering::Equal {
            return ord;
        }
    }
    Ordering::Equal
}

fn compare_field(a: &str, b: &str, k: &Key) -> Ordering {
    let (a, b) = if k.blanks { (a.trim_start(), b.trim_start()) } else { (a, b) };
    let ord = if k.numeric {
        numeric(a).partial_cmp(&numeric(b)).unwrap_or(Ordering::Equal)
    } else if k.fold {
        // As GNU sort's toupper() in C.UTF-8: ASCII letters only.
        a.bytes().map(|c| c.to_ascii_uppercase()).cmp(b.bytes().map(|c| c.to_ascii_uppercase()))
    } else {
        a.as_bytes().cmp(b.as_bytes())
    };
    if k.reverse {
        ord.reverse()
    } else {
        ord
    }
}

/// The leading number of `s` (after blanks), 0 if there is none.
fn numeric(s: &str) -> f64 {
    let s = s.trim_start();
    let mut end = 0;
    for (i, c) in s.char_indices() {
        let ok = c.is_ascii_digit() || (i == 0 && c == '-') || (c == '.' && !s[..i].contains('.'));
        if !ok {
            break;
        }
        end = i + c.len_utf8();
    }
    s[..end].parse().unwrap_or(0.0)
}

/// The text of key `k` in `line`: with no separator, a field is a run of
/// blanks followed by non-blanks.
fn extract<'a>(line: &'a str, k: &Key, sep: Option<char>) -> &'a str {
    let mut bounds = Vec::new(); // (start, end) of each field
    match sep {
        Some(c) => {
            let mut start = 0;
            for (i, ch) in line.char_indices() {
                if ch == c {
                    bounds.push((start, i));
                    start = i + ch.len_utf8();
                }
            }
            bounds.push((start, line.len()));
        }
        None => {
            let b = line.as_bytes();
            let mut i = 0;
            while i < b.len() {
                let start = i;
                while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
                    i += 1;
                }
                while i < b.len() && b[i] != b' ' && b[i] != b'\t' {
                    i += 1;
                }
                bounds.push((start, i));
            }
        }
    }
    let Some(&(start, _)) = bounds.get(k.start - 1) else {
        return "";
    };
    let end = match k.end {
        Some(e) if e > 0 => bounds.get(e - 1).map_or(line.len(), |&(_, end)| end),
        _ => line.len(),
    };
    line.get(start..end.max(start)).unwrap_or("")
}
