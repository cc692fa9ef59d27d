//! `grep`: GNU grep 3.8 over its files (stdin for none or `-`), with
//! BRE/ERE/fixed patterns, `-v -i -w -x -c -o -n -q -l -L -s -m -e -f -A
//! -B -C -H -h` and clustered flags. A directory operand fails to read
//! (`Is a directory`) and counts as an empty file; there is no `-r`.

use super::args::{self, Arg, Spec};
use super::input::Input;
use super::regex::{self, Flavor, Node, Regex};
use crate::files::FileError;
use crate::output::Output;

const SPEC: Spec = Spec {
    flags: "EFGPiyvwxcoqsnhHlLUTZza",
    with_arg: "efmABC",
    longs: &[
        ("regexp", true, 'e'),
        ("file", true, 'f'),
        ("extended-regexp", false, 'E'),
        ("fixed-strings", false, 'F'),
        ("basic-regexp", false, 'G'),
        ("perl-regexp", false, 'P'),
        ("ignore-case", false, 'i'),
        // Every input here is text: `-a` changes nothing.
        ("text", false, 'a'),
        ("invert-match", false, 'v'),
        ("word-regexp", false, 'w'),
        ("line-regexp", false, 'x'),
        ("count", false, 'c'),
        ("only-matching", false, 'o'),
        ("quiet", false, 'q'),
        ("silent", false, 'q'),
        ("no-messages", false, 's'),
        ("line-number", false, 'n'),
        ("with-filename", false, 'H'),
        ("no-filename", false, 'h'),
        ("files-with-matches", false, 'l'),
        ("files-without-match", false, 'L'),
        ("max-count", true, 'm'),
        ("after-context", true, 'A'),
        ("before-context", true, 'B'),
        ("context", true, 'C'),
        ("text", false, 'a'),
    ],
    permute: true,
};

const USAGE: &str = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

/// Everything the options decided.
#[derive(Default)]
struct Options {
    flavor: Option<Flavor>,
    fixed: bool,
    perl: bool,
    ignore_case: bool,
    invert: bool,
    word: bool,
    line: bool,
    count: bool,
    only: bool,
    quiet: bool,
    no_messages: bool,
    numbers: bool,
    with_filename: Option<bool>,
    list: Option<bool>,
    max: Option<u64>,
    after: usize,
    before: usize,
    patterns: Option<Vec<String>>,
}

/// How the compiled patterns match a line.
struct Matcher {
    re: Regex,
    /// For `-w`: the same pattern anchored at both ends, to retry shorter
    /// matches the way GNU grep does.
    whole: Option<Regex>,
    /// No patterns at all (`-f` of an empty file): nothing matches.
    none: bool,
}

impl Matcher {
    /// The first match in `line` at or after byte `from`, honouring `-w`.
    fn find(&self, line: &str, from: usize) -> Option<(usize, usize)> {
        if self.none {
            return None;
        }
        let Some(whole) = &self.whole else {
            return self.re.find_at(line, from);
        };
        let mut pos = from;
        while pos <= line.len() {
            let (s, mut e) = self.re.find_at(line, pos)?;
            if !word_char_before(line, s) {
                loop {
                    if !word_char_at(line, e) && whole.is_match(&line[s..e]) {
                        return Some((s, e));
                    }
                    if e <= s {
                        break;
                    }
                    e = prev_boundary(line, e);
                }
            }
            pos = next_boundary(line, s);
            if s >= line.len() {
                break;
            }
        }
        None
    }

    fn is_match(&self, line: &str) -> bool {
        self.find(line, 0).is_some()
    }
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn word_char_before(s: &str, i: usize) -> bool {
    s[..i].chars().next_back().is_some_and(is_word)
}

fn word_char_at(s: &str, i: usize) -> bool {
    s[i..].chars().next().is_some_and(is_word)
}

fn next_boundary(s: &str, i: usize) -> usize {
    i + s[i..].chars().next().map_or(1, char::len_utf8)
}

fn prev_boundary(s: &str, i: usize) -> usize {
    i - s[..i].chars().next_back().map_or(1, char::len_utf8)
}

/// Runs grep.
pub fn run(argv: &[String], input: &Input) -> Output {
    let mut out = Output::new();
    // `--color[=WHEN]` only changes how a terminal shows matches.
    let rest: Vec<String> = argv.iter().skip(1).filter(|a| !a.starts_with("--colo")).cloned().collect();
    let parsed = match args::parse(&rest, &SPEC) {
        Ok(p) => p,
        Err(e) => return Output::error(format!("grep: {e}\n{USAGE}"), 2),
    };
    let mut o = Options::default();
    let mut operands = Vec::new();
    for a in parsed {
        match a {
            Arg::Operand(s) => operands.push(s),
            Arg::Opt(c, v) => {
                let v = v.unwrap_or_default();
                match c {
                    'E' => o.flavor = Some(Flavor::Extended),
                    'G' => o.flavor = Some(Flavor::Basic),
                    'F' => o.fixed = true,
                    'P' => o.perl = true,
                    'i' | 'y' => o.ignore_case = true,
                    'v' => o.invert = true,
                    'w' => o.word = true,
                    'x' => o.line = true,
                    'c' => o.count = true,
                    'o' => o.only = true,
                    'q' => o.quiet = true,
                    's' => o.no_messages = true,
                    'n' => o.numbers = true,
                    'H' => o.with_filename = Some(true),
                    'h' => o.with_filename = Some(false),
                    'l' => o.list = Some(true),
                    'L' => o.list = Some(false),
                    // `-a`/`--text`: binary input read as text; the lab's
                    // input is always text (tcpdump -A's output piped on).
                    'a' => {}
                    'e' => o.patterns.get_or_insert_with(Vec::new).extend(v.split('\n').map(String::from)),
                    'f' => match input.open(&v) {
                        Ok(text) => o
                            .patterns
                            .get_or_insert_with(Vec::new)
                            .extend(args::lines(text).into_iter().map(String::from)),
                        Err(e) => return Output::error(format!("grep: {v}: {}\n", e.text()), 2),
                    },
                    'm' => match v.trim().parse::<i64>() {
                        Ok(n) => o.max = Some(n.max(0) as u64),
                        Err(_) => return Output::error("grep: invalid max count\n", 2),
                    },
                    'A' | 'B' | 'C' => {
                        let Ok(n) = v.trim().parse::<usize>() else {
                            return Output::error(format!("grep: {v}: invalid context length argument\n"), 2);
                        };
                        if c != 'B' {
                            o.after = n;
                        }
                        if c != 'A' {
                            o.before = n;
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    let patterns = match o.patterns.take() {
        Some(p) => p,
        None => {
            if operands.is_empty() {
                return Output::error(USAGE, 2);
            }
            operands.remove(0).split('\n').map(String::from).collect()
        }
    };
    let matcher = match build_matcher(&patterns, &o, &mut out) {
        Ok(m) => m,
        Err(msg) => {
            out.err(msg);
            out.status = 2;
            return out;
        }
    };
    if operands.is_empty() {
        operands.push("-".into());
    }
    let show_name = o.with_filename.unwrap_or(operands.len() > 1);
    let mut any_selected = false;
    let mut error = false;
    for name in &operands {
        let text = match input.open(name) {
            Ok(text) => text,
            Err(e) => {
                if !o.no_messages {
                    out.err(format!("grep: {name}: {}\n", e.text()));
                }
                error = true;
                if e == FileError::NotFound {
                    continue;
                }
                // A directory opens, and its read fails: it counts as an
                // empty file for `-c` and `-L`.
                ""
            }
        };
        let name = if name == "-" { "(standard input)" } else { name.as_str() };
        if search(text, name, show_name, &matcher, &o, &mut out) {
            any_selected = true;
            if o.quiet {
                break;
            }
        }
    }
    out.status = if any_selected && (o.quiet || !error) {
        0
    } else if error {
        2
    } else {
        1
    };
    out
}

/// Compiles the pattern list; warnings go to `out`, errors come back as
/// grep's message.
fn build_matcher(patterns: &[String], o: &Options, out: &mut Output) -> Result<Matcher, String> {
    let flavor = if o.perl { Flavor::Perl } else { o.flavor.unwrap_or(Flavor::Basic) };
    let failed = |e: regex::RegexError| format!("grep: {e}\n");
    let mut alternatives = Vec::new();
    for p in patterns {
        if o.fixed {
            alternatives.push(Node::literal(p));
        } else {
            let parsed = regex::parse(p, flavor).map_err(failed)?;
            for w in parsed.warnings {
                out.err(format!("grep: warning: {w}\n"));
            }
            alternatives.push(parsed.node);
        }
    }
    let any = Node::Alt(alternatives);
    let whole = Node::whole(any.clone());
    let re = Regex::new(if o.line { &whole } else { &any }, o.ignore_case).map_err(failed)?;
    let whole = if o.word && !o.line { Some(Regex::new(&whole, o.ignore_case).map_err(failed)?) } else { None };
    Ok(Matcher { re, whole, none: patterns.is_empty() })
}

/// Searches one input; returns whether any line was selected.
/// `name` is what `-l`, `-L` and, when `show_name`, each line's prefix say.
fn search(text: &str, name: &str, show_name: bool, m: &Matcher, o: &Options, out: &mut Output) -> bool {
    let label = show_name.then_some(name);
    let lines = args::lines(text);
    let selected: Vec<bool> = lines.iter().map(|l| m.is_match(l) != o.invert).collect();
    let mut count = 0u64;
    let mut printed_upto: Option<usize> = None; // last line index printed
    let mut after_left = 0usize;
    let context = o.after > 0 || o.before > 0;
    let silent = o.quiet || o.count || o.list.is_some();
    for (i, line) in lines.iter().enumerate() {
        if o.max.is_some_and(|max| count >= max) {
            // After the last allowed match, only its trailing context.
            if after_left > 0 && !selected[i] && !silent {
                print_line(out, label, i, '-', line, o);
                printed_upto = Some(i);
                after_left -= 1;
                continue;
            }
            break;
        }
        if selected[i] {
            count += 1;
            if silent {
                if o.quiet {
                    break;
                }
                continue;
            }
            let from = i.saturating_sub(o.before);
            let start = printed_upto.map_or(from, |p| from.max(p + 1));
            if context && printed_upto.is_some_and(|p| start > p + 1) {
                out.out("--\n");
            }
            for (j, l) in lines.iter().enumerate().take(i).skip(start) {
                print_line(out, label, j, '-', l, o);
            }
            if o.only {
                if !o.invert {
                    let mut pos = 0;
                    while let Some((s, e)) = m.find(line, pos) {
                        if e > s {
                            print_line(out, label, i, ':', &line[s..e], o);
                            pos = e;
                        } else if s < line.len() {
                            pos = next_boundary(line, s);
                        } else {
                            break;
                        }
                    }
                }
            } else {
                print_line(out, label, i, ':', line, o);
            }
            printed_upto = Some(i);
            after_left = o.after;
        } else if after_left > 0 && !silent {
            print_line(out, label, i, '-', line, o);
            printed_upto = Some(i);
            after_left -= 1;
        }
    }
    if o.count && o.list.is_none() {
        match label {
            Some(l) => out.out(format!("{l}:{count}\n")),
            None => out.out(format!("{count}\n")),
        }
    }
    match o.list {
        Some(true) if count > 0 && !o.quiet => out.out(format!("{name}\n")),
        Some(false) if count == 0 && !o.quiet => out.out(format!("{name}\n")),
        _ => {}
    }
    count > 0
}

fn print_line(out: &mut Output, label: Option<&str>, index: usize, sep: char, text: &str, o: &Options) {
    let mut s = String::new();
    if let Some(l) = label {
        s.push_str(l);
        s.push(sep);
    }
    if o.numbers {
        s.push_str(&(index + 1).to_string());
        s.push(sep);
    }
    s.push_str(text);
    s.push('\n');
    out.out(s);
}
