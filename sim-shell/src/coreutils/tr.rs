//! `tr`: translates (`tr SET1 SET2`), deletes (`-d`) or squeezes (`-s`)
//! characters; sets know ranges, escapes and `[:class:]`.

use super::args::{self, Arg, Spec};
use crate::output::Output;

const SPEC: Spec = Spec {
    flags: "dscC",
    with_arg: "",
    longs: &[("delete", false, 'd'), ("squeeze-repeats", false, 's'), ("complement", false, 'c')],
    permute: true,
};

/// Runs tr.
pub fn run(argv: &[String], stdin: &str) -> Output {
    let try_help = "Try 'tr --help' for more information.\n";
    let parsed = match args::parse(&argv[1.min(argv.len())..], &SPEC) {
        Ok(p) => p,
        Err(e) => return Output::error(format!("tr: {e}\n{try_help}"), 1),
    };
    let (mut delete, mut squeeze, mut complement) = (false, false, false);
    let mut sets = Vec::new();
    for a in parsed {
        match a {
            Arg::Opt('d', _) => delete = true,
            Arg::Opt('s', _) => squeeze = true,
            Arg::Opt('c' | 'C', _) => complement = true,
            Arg::Opt(..) => {}
            Arg::Operand(s) => sets.push(s),
        }
    }
    let needed = if delete != squeeze { 1 } else { 2 };
    let allowed = if delete && !squeeze { 1 } else { 2 };
    if sets.is_empty() {
        return Output::error(format!("tr: missing operand\n{try_help}"), 1);
    }
    if sets.len() < needed {
        let why = if delete {
            "Two strings must be given when both deleting and squeezing repeats.\n"
        } else {
            "Two strings must be given when translating.\n"
        };
        return Output::error(format!("tr: missing operand after ‘{}’\n{why}{try_help}", sets[sets.len() - 1]), 1);
    }
    if sets.len() > allowed {
        let hint = if delete && !squeeze && sets.len() == 2 {
            "Only one string may be given when deleting without squeezing repeats.\n"
        } else {
            ""
        };
        return Output::error(format!("tr: extra operand ‘{}’\n{hint}{try_help}", sets[allowed]), 1);
    }
    let set1 = expand(&sets[0]);
    let in1 = |c: char| set1.contains(&c) != complement;
    let mut text = String::new();
    if delete {
        text = stdin.chars().filter(|&c| !in1(c)).collect();
        if squeeze {
            let set2 = expand(&sets[1]);
            text = squeeze_chars(&text, |c| set2.contains(&c));
        }
    } else if sets.len() == 2 {
        let set2 = expand(&sets[1]);
        for c in stdin.chars() {
            let mapped = if complement {
                if in1(c) {
                    set2.last().copied().unwrap_or(c)
                } else {
                    c
                }
            } else {
                match set1.iter().rposition(|&x| x == c) {
                    Some(i) => set2.get(i).or(set2.last()).copied().unwrap_or(c),
                    None => c,
                }
            };
            text.push(mapped);
        }
        if squeeze {
            text = squeeze_chars(&text, |c| set2.contains(&c));
        }
    } else {
        text = squeeze_chars(stdin, in1);
    }
    let mut out = Output::new();
    out.out(text);
    out
}

fn squeeze_chars(s: &str, member: impl Fn(char) -> bool) -> String {
    let mut out = String::new();
    let mut last = None;
    for c in s.chars() {
        if last == Some(c) && member(c) {
            continue;
        }
        out.push(c);
        last = Some(c);
    }
    out
}

/// Expands a set: `a-z`, `\n`, `\\`, `[:upper:]` and the like.
fn expand(set: &str) -> Vec<char> {
    let chars: Vec<char> = set.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '[' && chars.get(i + 1) == Some(&':') {
            if let Some(end) = (i + 2..chars.len().saturating_sub(1)).find(|&j| chars[j] == ':' && chars[j + 1] == ']')
            {
                let name: String = chars[i + 2..end].iter().collect();
                let members: Vec<char> = (0u8..128)
                    .map(char::from)
                    .filter(|c| match name.as_str() {
                        "upper" => c.is_ascii_uppercase(),
                        "lower" => c.is_ascii_lowercase(),
                        "digit" => c.is_ascii_digit(),
                        "alpha" => c.is_ascii_alphabetic(),
                        "alnum" => c.is_ascii_alphanumeric(),
                        "space" => c.is_ascii_whitespace() || *c == '\x0b',
                        "blank" => *c == ' ' || *c == '\t',
                        "punct" => c.is_ascii_punctuation(),
                        "xdigit" => c.is_ascii_hexdigit(),
                        "cntrl" => c.is_ascii_control(),
                        "print" => c.is_ascii_graphic() || *c == ' ',
                        "graph" => c.is_ascii_graphic(),
                        _ => false,
                    })
                    .collect();
                out.extend(members);
                i = end + 2;
                continue;
            }
        }
        let (c, next) = one(&chars, i);
        if chars.get(next) == Some(&'-') && next + 1 < chars.len() {
            let (hi, after) = one(&chars, next + 1);
            if hi >= c {
                out.extend((c as u32..=hi as u32).filter_map(char::from_u32));
                i = after;
                continue;
            }
        }
        out.push(c);
        i = next;
    }
    out
}

/// One possibly escaped character at `i`, and the index after it.
fn one(chars: &[char], i: usize) -> (char, usize) {
    if chars[i] != '\\' || i + 1 >= chars.len() {
        return (chars[i], i + 1);
    }
    let c = match chars[i + 1] {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        'a' => '\x07',
        'b' => '\x08',
        'f' => '\x0c',
        'v' => '\x0b',
        other => other,
    };
    (c, i + 2)
}
