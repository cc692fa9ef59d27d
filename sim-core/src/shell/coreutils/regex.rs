//! POSIX regular expressions (GNU grep's BRE and ERE dialects) translated
//! into `regex-lite` syntax, with GNU's error messages.
//!
//! The translation is a typed pass: [`translate`] reads the POSIX pattern
//! into [`Token`]s, and an emitter writes them in Rust regex syntax,
//! escaping what Rust treats as special and wrapping stacked repetitions
//! (`a**`) in groups. Back-references have no Rust equivalent and are
//! reported as unsupported. Matching is leftmost-first, not POSIX's
//! leftmost-longest; this only shows with `-o` on alternations.

use std::fmt;

/// Which dialect a pattern is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    /// grep's default: `\(`, `\{`, `\|`, `\+`, `\?` are operators.
    Basic,
    /// `grep -E`: `(`, `{`, `|`, `+`, `?` are operators.
    Extended,
    /// awk (mawk 1.3.4): extended, but `{` is an ordinary character.
    Awk,
}

/// A pattern that is not a valid POSIX regular expression, with GNU's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegexError {
    UnmatchedOpenParen,
    UnmatchedCloseParen,
    UnmatchedBracket,
    /// A pattern ending in `[` or `[^`.
    InvalidRegex,
    UnmatchedBrace,
    InvalidBraceContent,
    InvalidRangeEnd,
    InvalidClassName,
    /// `[:space:]` written without the outer brackets.
    ClassSyntax(String),
    TrailingBackslash,
    InvalidBackReference,
    BackReferenceUnsupported,
    /// The translated pattern was refused by the regex engine.
    Engine(String),
}

impl fmt::Display for RegexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RegexError::UnmatchedOpenParen => write!(f, "Unmatched ( or \\("),
            RegexError::UnmatchedCloseParen => write!(f, "Unmatched ) or \\)"),
            RegexError::UnmatchedBracket => write!(f, "Unmatched [, [^, [:, [., or [="),
            RegexError::InvalidRegex => write!(f, "Invalid regular expression"),
            RegexError::UnmatchedBrace => write!(f, "Unmatched \\{{"),
            RegexError::InvalidBraceContent => write!(f, "Invalid content of \\{{\\}}"),
            RegexError::InvalidRangeEnd => write!(f, "Invalid range end"),
            RegexError::InvalidClassName => write!(f, "Invalid character class name"),
            RegexError::ClassSyntax(name) => {
                write!(f, "character class syntax is [[:{name}:]], not [:{name}:]")
            }
            RegexError::TrailingBackslash => write!(f, "Trailing backslash"),
            RegexError::InvalidBackReference => write!(f, "Invalid back reference"),
            RegexError::BackReferenceUnsupported => {
                write!(f, "back-references are not supported by this grep")
            }
            RegexError::Engine(msg) => write!(f, "{msg}"),
        }
    }
}

impl std::error::Error for RegexError {}

/// A translated pattern and the warnings GNU grep would print for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Translation {
    pub pattern: String,
    /// E.g. `* at start of expression`.
    pub warnings: Vec<String>,
}

/// One element of a POSIX pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Literal(char),
    Any,
    /// A bracket expression, already in Rust syntax.
    Class(String),
    /// `\w`, `\s`, … already in Rust syntax.
    Escape(&'static str),
    /// `^`, `$`, `\b`, `\<`, … already in Rust syntax.
    Assertion(&'static str),
    Open,
    Close,
    Alt,
    /// `*`, `+`, `?` or `{n,m}`, in Rust syntax.
    Repeat(String),
}

const CLASS_NAMES: &[&str] =
    &["alpha", "digit", "alnum", "upper", "lower", "space", "blank", "punct", "print", "graph", "cntrl", "xdigit"];

/// Translates a POSIX pattern of `flavor` into Rust regex syntax.
pub fn translate(pat: &str, flavor: Flavor) -> Result<Translation, RegexError> {
    let tokens = tokenize(pat, flavor)?;
    emit(&tokens, flavor)
}

/// Translates and compiles; `ignore_case` adds `(?i)`.
pub fn compile(pat: &str, flavor: Flavor, ignore_case: bool) -> Result<(regex_lite::Regex, Vec<String>), RegexError> {
    let t = translate(pat, flavor)?;
    let full = if ignore_case { format!("(?i){}", t.pattern) } else { t.pattern };
    let re = regex_lite::Regex::new(&full).map_err(|e| RegexError::Engine(e.to_string()))?;
    Ok((re, t.warnings))
}

/// Escapes `s` so that it matches itself (for `grep -F`).
pub fn escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        push_literal(&mut out, c);
    }
    out
}

fn push_literal(out: &mut String, c: char) {
    if "\\.+*?()|[]{}^$#&-~".contains(c) {
        out.push('\\');
    }
    out.push(c);
}

fn tokenize(pat: &str, flavor: Flavor) -> Result<Vec<Token>, RegexError> {
    let chars: Vec<char> = pat.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    let basic = flavor == Flavor::Basic;
    // Whether the cursor is where a BRE `*` is literal and `^` an anchor.
    let at_start = |toks: &Vec<Token>| matches!(toks.last(), None | Some(Token::Open | Token::Alt));
    while let Some(&c) = chars.get(i) {
        i += 1;
        match c {
            '\\' => {
                let Some(&e) = chars.get(i) else {
                    return Err(RegexError::TrailingBackslash);
                };
                i += 1;
                let tok = match e {
                    '(' if basic => Token::Open,
                    ')' if basic => Token::Close,
                    '|' if basic => Token::Alt,
                    '+' | '?' if basic => {
                        if at_start(&toks) {
                            Token::Literal(e)
                        } else {
                            Token::Repeat(e.to_string())
                        }
                    }
                    '{' if basic => {
                        let (rep, next) = interval(&chars, i, true)?.ok_or(RegexError::UnmatchedBrace)?;
                        i = next;
                        Token::Repeat(rep)
                    }
                    'w' => Token::Escape("\\w"),
                    'W' => Token::Escape("\\W"),
                    's' => Token::Escape("\\s"),
                    'S' => Token::Escape("\\S"),
                    'b' => Token::Assertion("\\b"),
                    'B' => Token::Assertion("\\B"),
                    '<' => Token::Assertion("\\<"),
                    '>' => Token::Assertion("\\>"),
                    '`' => Token::Assertion("\\A"),
                    '\'' => Token::Assertion("\\z"),
                    '1'..='9' => {
                        let n = e as usize - '0' as usize;
                        let groups = toks.iter().filter(|t| **t == Token::Open).count();
                        return Err(if n > groups {
                            RegexError::InvalidBackReference
                        } else {
                            RegexError::BackReferenceUnsupported
                        });
                    }
                    other => Token::Literal(other),
                };
                toks.push(tok);
            }
            '[' => {
                let (class, next) = bracket(&chars, i)?;
                i = next;
                toks.push(Token::Class(class));
            }
            '.' => toks.push(Token::Any),
            '*' => {
                if basic && (at_start(&toks) || toks.last() == Some(&Token::Assertion("^"))) {
                    toks.push(Token::Literal('*'));
                } else {
                    toks.push(Token::Repeat("*".into()));
                }
            }
            '^' => {
                if !basic || at_start(&toks) {
                    toks.push(Token::Assertion("^"));
                } else {
                    toks.push(Token::Literal('^'));
                }
            }
            '$' => {
                let rest = &chars[i..];
                let at_end =
                    rest.is_empty() || (basic && (rest.starts_with(&['\\', ')']) || rest.starts_with(&['\\', '|'])));
                if !basic || at_end {
                    toks.push(Token::Assertion("$"));
                } else {
                    toks.push(Token::Literal('$'));
                }
            }
            '(' if !basic => toks.push(Token::Open),
            ')' if !basic => toks.push(Token::Close),
            '|' if !basic => toks.push(Token::Alt),
            '+' | '?' if !basic => toks.push(Token::Repeat(c.to_string())),
            '{' if flavor == Flavor::Extended => match interval(&chars, i, false)? {
                Some((rep, next)) => {
                    i = next;
                    toks.push(Token::Repeat(rep));
                }
                None => toks.push(Token::Literal('{')),
            },
            other => toks.push(Token::Literal(other)),
        }
    }
    Ok(toks)
}

/// Reads an interval's inside from `i` (after `{` or `\{`): `n`, `n,`,
/// `,m` or `n,m`, then `}` (ERE) or `\}` (BRE). `None` when an ERE brace is
/// not an interval (it is then a literal `{`).
fn interval(chars: &[char], mut i: usize, basic: bool) -> Result<Option<(String, usize)>, RegexError> {
    let num = |i: &mut usize| {
        let start = *i;
        while chars.get(*i).is_some_and(|c| c.is_ascii_digit()) {
            *i += 1;
        }
        let s: String = chars[start..*i].iter().collect();
        if s.is_empty() {
            Ok(None)
        } else {
            s.parse::<u32>().map(Some).map_err(|_| RegexError::InvalidBraceContent)
        }
    };
    let bad = |basic: bool| {
        if basic {
            Err(RegexError::InvalidBraceContent)
        } else {
            Ok(None)
        }
    };
    let min = num(&mut i)?;
    let comma = chars.get(i) == Some(&',');
    let max = if comma {
        i += 1;
        num(&mut i)?
    } else {
        if min.is_none() {
            return if basic && !chars[i..].contains(&'}') { Err(RegexError::UnmatchedBrace) } else { bad(basic) };
        }
        min
    };
    let closed =
        if basic { chars.get(i) == Some(&'\\') && chars.get(i + 1) == Some(&'}') } else { chars.get(i) == Some(&'}') };
    if !closed {
        if basic && !chars[i..].windows(2).any(|w| w == ['\\', '}']) {
            return Err(RegexError::UnmatchedBrace);
        }
        return bad(basic);
    }
    i += if basic { 2 } else { 1 };
    let min_v = min.unwrap_or(0);
    if let Some(m) = max {
        if m < min_v {
            return Err(RegexError::InvalidBraceContent);
        }
    }
    if min_v > 32767 || max.is_some_and(|m| m > 32767) {
        return Err(RegexError::InvalidBraceContent);
    }
    let rep = match (comma, max) {
        (false, _) => format!("{{{min_v}}}"),
        (true, None) => format!("{{{min_v},}}"),
        (true, Some(m)) => format!("{{{min_v},{m}}}"),
    };
    Ok(Some((rep, i)))
}

/// Reads a bracket expression from `i` (after `[`), returning it in Rust
/// syntax and the index after its `]`.
fn bracket(chars: &[char], mut i: usize) -> Result<(String, usize), RegexError> {
    let start = i;
    let mut out = String::from("[");
    if chars.get(i) == Some(&'^') {
        out.push('^');
        i += 1;
    }
    if i >= chars.len() {
        return Err(RegexError::InvalidRegex);
    }
    let first = i;
    loop {
        let Some(&c) = chars.get(i) else {
            return Err(RegexError::UnmatchedBracket);
        };
        if c == ']' && i > first {
            break;
        }
        i += 1;
        let lo = if c == '[' && matches!(chars.get(i), Some(':' | '=' | '.')) {
            let kind = chars[i];
            let body_start = i + 1;
            let mut j = body_start;
            while j + 1 < chars.len() && !(chars[j] == kind && chars[j + 1] == ']') {
                j += 1;
            }
            if j + 1 >= chars.len() {
                return Err(RegexError::UnmatchedBracket);
            }
            let name: String = chars[body_start..j].iter().collect();
            i = j + 2;
            if kind == ':' {
                if !CLASS_NAMES.contains(&name.as_str()) {
                    return Err(RegexError::InvalidClassName);
                }
                if chars.get(i) == Some(&'-') && chars.get(i + 1).is_some_and(|&c| c != ']') {
                    return Err(RegexError::InvalidRangeEnd);
                }
                out.push_str(&format!("[:{name}:]"));
                continue;
            }
            // `[=a=]` and `[.a.]`: the character itself.
            let mut it = name.chars();
            match (it.next(), it.next()) {
                (Some(ch), None) => ch,
                _ => return Err(RegexError::UnmatchedBracket),
            }
        } else {
            c
        };
        if chars.get(i) == Some(&'-') && chars.get(i + 1).is_some_and(|&n| n != ']') {
            let hi = chars[i + 1];
            i += 2;
            if hi < lo {
                return Err(RegexError::InvalidRangeEnd);
            }
            push_class_char(&mut out, lo);
            out.push('-');
            push_class_char(&mut out, hi);
        } else {
            push_class_char(&mut out, lo);
        }
    }
    let body: String = chars[start..i].iter().collect();
    if body.len() > 2 && body.starts_with(':') && body.ends_with(':') {
        return Err(RegexError::ClassSyntax(body.trim_matches(':').to_string()));
    }
    out.push(']');
    Ok((out, i + 1))
}

fn push_class_char(out: &mut String, c: char) {
    if "\\[]^-&~".contains(c) {
        out.push('\\');
    }
    out.push(c);
}

/// Writes tokens in Rust syntax.
fn emit(tokens: &[Token], flavor: Flavor) -> Result<Translation, RegexError> {
    let mut out = String::new();
    let mut warnings = Vec::new();
    let mut groups: Vec<usize> = Vec::new();
    // Where the last quantifiable atom starts in `out`, and whether a
    // repetition was just applied to it.
    let mut atom: Option<usize> = None;
    let mut repeated = false;
    for tok in tokens {
        match tok {
            Token::Literal(c) => {
                atom = Some(out.len());
                push_literal(&mut out, *c);
                repeated = false;
            }
            Token::Any => {
                atom = Some(out.len());
                out.push('.');
                repeated = false;
            }
            Token::Class(s) => {
                atom = Some(out.len());
                out.push_str(s);
                repeated = false;
            }
            Token::Escape(s) => {
                atom = Some(out.len());
                out.push_str(s);
                repeated = false;
            }
            Token::Assertion(s) => {
                atom = None;
                out.push_str(s);
            }
            Token::Open => {
                groups.push(out.len());
                out.push('(');
                atom = None;
            }
            Token::Close => match groups.pop() {
                Some(start) => {
                    out.push(')');
                    atom = Some(start);
                    repeated = false;
                }
                None if flavor != Flavor::Basic => {
                    atom = Some(out.len());
                    out.push_str("\\)");
                    repeated = false;
                }
                None => return Err(RegexError::UnmatchedCloseParen),
            },
            Token::Alt => {
                out.push('|');
                atom = None;
            }
            Token::Repeat(r) => match atom {
                None => {
                    let what = if r.starts_with('{') { "{...}" } else { r.as_str() };
                    let w = format!("{what} at start of expression");
                    if !warnings.contains(&w) {
                        warnings.push(w);
                    }
                }
                Some(start) => {
                    if repeated {
                        out.insert_str(start, "(?:");
                        out.push(')');
                    }
                    out.push_str(r);
                    repeated = true;
                }
            },
        }
    }
    if !groups.is_empty() {
        return Err(RegexError::UnmatchedOpenParen);
    }
    Ok(Translation { pattern: out, warnings })
}
