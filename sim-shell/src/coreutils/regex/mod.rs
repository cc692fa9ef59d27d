//! POSIX regular expressions (GNU grep's BRE and ERE dialects, and mawk's)
//! with GNU's error messages, matched by a small engine of our own.
//!
//! [`parse`] reads a pattern into [`Token`]s and then into a [`Node`] tree,
//! collecting the warnings GNU grep prints (`* at start of expression`).
//! [`Regex::new`] compiles a tree into a Thompson NFA that [`pike`] runs
//! in one pass over the text (time O(text × pattern), never exponential).
//! Matches are POSIX's leftmost-longest. Back-references are reported as
//! unsupported. Character classes, `\w`, `\b` and case folding are ASCII,
//! as in the C locale; `.` matches any character but a newline.
//!
//! Why our own engine rather than a kept crate: POSIX requires the
//! leftmost-*longest* match (`echo abcd | grep -o 'a\|ab\|abcd'` prints
//! `abcd`), and `grep -o` and awk's `match`, `sub` and `gsub` print or
//! replace exactly that span. The `regex` crate (and
//! `regex-lite`, `fancy-regex`) implement Perl's leftmost-*first*
//! semantics, which would print `a`; none offers POSIX's rule, BRE syntax
//! or GNU's error texts.

mod pike;

pub use pike::Regex;
use std::fmt;

/// Which dialect a pattern is written in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// grep's default: `\(`, `\{`, `\|`, `\+`, `\?` are operators.
    Basic,
    /// `grep -E`: `(`, `{`, `|`, `+`, `?` are operators.
    Extended,
    /// awk (mawk 1.3.4): extended, but `{` is an ordinary character.
    Awk,
    /// `grep -P`, approximated: extended, plus `\d` and `\D`.
    Perl,
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
    /// Too many instructions once intervals are expanded, or groups nested
    /// too deeply.
    TooBig,
}

impl fmt::Display for RegexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            RegexError::UnmatchedOpenParen => "Unmatched ( or \\(",
            RegexError::UnmatchedCloseParen => "Unmatched ) or \\)",
            RegexError::UnmatchedBracket => "Unmatched [, [^, [:, [., or [=",
            RegexError::InvalidRegex => "Invalid regular expression",
            RegexError::UnmatchedBrace => "Unmatched \\{",
            RegexError::InvalidBraceContent => "Invalid content of \\{\\}",
            RegexError::InvalidRangeEnd => "Invalid range end",
            RegexError::InvalidClassName => "Invalid character class name",
            RegexError::ClassSyntax(name) => {
                return write!(f, "character class syntax is [[:{name}:]], not [:{name}:]");
            }
            RegexError::TrailingBackslash => "Trailing backslash",
            RegexError::InvalidBackReference => "Invalid back reference",
            RegexError::BackReferenceUnsupported => "back-references are not supported by this grep",
            RegexError::TooBig => "Regular expression too big",
        };
        f.write_str(text)
    }
}

/// A zero-width assertion.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Assert {
    /// `^`, `` \` ``: the start of the text.
    Start,
    /// `$`, `\'`: the end of the text.
    End,
    /// `\b`
    Word,
    /// `\B`
    NotWord,
    /// `\<`
    WordStart,
    /// `\>`
    WordEnd,
}

/// A bracket expression or class escape: inclusive ranges of characters.
#[derive(Clone, PartialEq, Eq)]
pub struct Class {
    pub negated: bool,
    pub ranges: Vec<(char, char)>,
}

impl Class {
    /// Whether `c` is in the class; with `fold`, either ASCII case counts.
    pub fn matches(&self, c: char, fold: bool) -> bool {
        let has = |c: char| self.ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi);
        let found = has(c) || fold && (has(c.to_ascii_lowercase()) || has(c.to_ascii_uppercase()));
        found != self.negated
    }

    /// A named class (`alpha`, …, and `word` for `\w`), or `None`.
    fn named(name: &str, negated: bool) -> Option<Class> {
        let i = CLASS_NAMES.iter().position(|n| *n == name)?;
        let bytes = CLASS_RANGES[i].as_bytes();
        let ranges = bytes.chunks(2).map(|p| (char::from(p[0]), char::from(p[p.len() - 1]))).collect();
        Some(Class { negated, ranges })
    }
}

/// The POSIX class names, then `word` (for `\w`).
const CLASS_NAMES: &[&str] = &[
    "alpha", "digit", "alnum", "upper", "lower", "space", "blank", "punct", "print", "graph", "cntrl", "xdigit", "word",
];

/// Each class of [`CLASS_NAMES`] as pairs of bytes, each pair a range.
const CLASS_RANGES: &[&str] = &[
    "AZaz",
    "09",
    "09AZaz",
    "AZ",
    "az",
    "\t\r  ",
    "\t\t  ",
    "!/:@[`{~",
    " ~",
    "!~",
    "\0\x1f\x7f\x7f",
    "09AFaf",
    "09AZ__az",
];

/// A parsed pattern.
#[derive(Clone)]
pub enum Node {
    /// Matches the empty string.
    Empty,
    Char(char),
    /// `.`: any character but a newline.
    Any,
    Class(Box<Class>),
    Assert(Assert),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    /// The node at least `min` times and at most `max` (no bound if `None`).
    Repeat(Box<Node>, u32, Option<u32>),
}

impl Node {
    /// A node that matches `s` literally (`grep -F`).
    pub fn literal(s: &str) -> Node {
        Node::Concat(s.chars().map(Node::Char).collect())
    }

    /// `node` anchored at both ends of the text (`grep -x`).
    pub fn whole(node: Node) -> Node {
        Node::Concat(vec![Node::Assert(Assert::Start), node, Node::Assert(Assert::End)])
    }
}

/// A parsed pattern and the warnings GNU grep would print for it.
pub struct Parsed {
    pub node: Node,
    /// E.g. `* at start of expression`.
    pub warnings: Vec<String>,
}

/// One element of a POSIX pattern.
#[derive(Clone, PartialEq, Eq)]
enum Token {
    Char(char),
    Any,
    Class(Class),
    Assert(Assert),
    Open,
    Close,
    Alt,
    /// `*`, `+`, `?` or an interval (`{`): the operator, min and max.
    Repeat(char, u32, Option<u32>),
}

/// How deeply groups may nest.
const MAX_NESTING: usize = 250;

/// Parses a pattern of `flavor`.
pub fn parse(pat: &str, flavor: Flavor) -> Result<Parsed, RegexError> {
    let tokens = tokenize(pat, flavor)?;
    build(tokens, flavor)
}

/// Parses and compiles a pattern.
pub fn compile(pat: &str, flavor: Flavor, ignore_case: bool) -> Result<Regex, RegexError> {
    Regex::new(&parse(pat, flavor)?.node, ignore_case)
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
        let tok = match c {
            '\\' => {
                let Some(&e) = chars.get(i) else {
                    return Err(RegexError::TrailingBackslash);
                };
                i += 1;
                match e {
                    '(' if basic => Token::Open,
                    ')' if basic => Token::Close,
                    '|' if basic => Token::Alt,
                    '+' | '?' if basic => {
                        if at_start(&toks) {
                            Token::Char(e)
                        } else {
                            repeat_op(e)
                        }
                    }
                    '{' if basic => {
                        let (min, max, next) = interval(&chars, i, true)?.ok_or(RegexError::UnmatchedBrace)?;
                        i = next;
                        Token::Repeat('{', min, max)
                    }
                    'w' | 'W' | 's' | 'S' => {
                        let name = if e.eq_ignore_ascii_case(&'w') { "word" } else { "space" };
                        class_token(name, e.is_ascii_uppercase())
                    }
                    'd' | 'D' if flavor == Flavor::Perl => class_token("digit", e == 'D'),
                    'b' => Token::Assert(Assert::Word),
                    'B' => Token::Assert(Assert::NotWord),
                    '<' => Token::Assert(Assert::WordStart),
                    '>' => Token::Assert(Assert::WordEnd),
                    '`' => Token::Assert(Assert::Start),
                    '\'' => Token::Assert(Assert::End),
                    '1'..='9' => {
                        let n = e as usize - '0' as usize;
                        let groups = toks.iter().filter(|t| **t == Token::Open).count();
                        return Err(if n > groups {
                            RegexError::InvalidBackReference
                        } else {
                            RegexError::BackReferenceUnsupported
                        });
                    }
                    other => Token::Char(other),
                }
            }
            '[' => {
                let (class, next) = bracket(&chars, i)?;
                i = next;
                Token::Class(class)
            }
            '.' => Token::Any,
            '*' => {
                if basic && (at_start(&toks) || toks.last() == Some(&Token::Assert(Assert::Start))) {
                    Token::Char('*')
                } else {
                    repeat_op('*')
                }
            }
            '^' if !basic || at_start(&toks) => Token::Assert(Assert::Start),
            '$' => {
                let rest = &chars[i..];
                let at_end =
                    rest.is_empty() || (basic && (rest.starts_with(&['\\', ')']) || rest.starts_with(&['\\', '|'])));
                if !basic || at_end {
                    Token::Assert(Assert::End)
                } else {
                    Token::Char('$')
                }
            }
            '(' if !basic => Token::Open,
            ')' if !basic => Token::Close,
            '|' if !basic => Token::Alt,
            '+' | '?' if !basic => repeat_op(c),
            '{' if matches!(flavor, Flavor::Extended | Flavor::Perl) => match interval(&chars, i, false)? {
                Some((min, max, next)) => {
                    i = next;
                    Token::Repeat('{', min, max)
                }
                None => Token::Char('{'),
            },
            other => Token::Char(other),
        };
        toks.push(tok);
    }
    Ok(toks)
}

/// `*`, `+` or `?` as a repetition.
fn repeat_op(op: char) -> Token {
    match op {
        '*' => Token::Repeat(op, 0, None),
        '+' => Token::Repeat(op, 1, None),
        _ => Token::Repeat(op, 0, Some(1)),
    }
}

fn class_token(name: &str, negated: bool) -> Token {
    Token::Class(Class::named(name, negated).unwrap_or(Class { negated, ranges: Vec::new() }))
}

/// Reads an interval's inside from `i` (after `{` or `\{`): `n`, `n,`,
/// `,m` or `n,m`, then `}` (ERE) or `\}` (BRE). Returns min, max and the
/// index after it; `None` when an ERE brace is not an interval (it is then
/// a literal `{`).
fn interval(chars: &[char], mut i: usize, basic: bool) -> Result<Option<(u32, Option<u32>, usize)>, RegexError> {
    let num = |i: &mut usize| -> Result<Option<u32>, RegexError> {
        let mut n: Option<u32> = None;
        while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
            let v = n.unwrap_or(0).checked_mul(10).and_then(|v| v.checked_add(d));
            n = Some(v.ok_or(RegexError::InvalidBraceContent)?);
            *i += 1;
        }
        Ok(n)
    };
    let bad = |basic: bool| if basic { Err(RegexError::InvalidBraceContent) } else { Ok(None) };
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
    if max.is_some_and(|m| m < min_v) || min_v > 32767 || max.is_some_and(|m| m > 32767) {
        return Err(RegexError::InvalidBraceContent);
    }
    Ok(Some((min_v, max, i)))
}

/// Reads a bracket expression from `i` (after `[`), returning it and the
/// index after its `]`.
fn bracket(chars: &[char], mut i: usize) -> Result<(Class, usize), RegexError> {
    let start = i;
    let mut class = Class { negated: false, ranges: Vec::new() };
    if chars.get(i) == Some(&'^') {
        class.negated = true;
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
        let lo = match chars.get(i) {
            Some(&kind @ (':' | '=' | '.')) if c == '[' => {
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
                    let named = Class::named(&name, false).filter(|_| name != "word");
                    let Some(named) = named else {
                        return Err(RegexError::InvalidClassName);
                    };
                    if chars.get(i) == Some(&'-') && chars.get(i + 1).is_some_and(|&c| c != ']') {
                        return Err(RegexError::InvalidRangeEnd);
                    }
                    class.ranges.extend(named.ranges);
                    continue;
                }
                // `[=a=]` and `[.a.]`: the character itself.
                let mut it = name.chars();
                match (it.next(), it.next()) {
                    (Some(ch), None) => ch,
                    _ => return Err(RegexError::UnmatchedBracket),
                }
            }
            _ => c,
        };
        let mut hi = lo;
        if chars.get(i) == Some(&'-') {
            if let Some(&h) = chars.get(i + 1).filter(|&&n| n != ']') {
                if h < lo {
                    return Err(RegexError::InvalidRangeEnd);
                }
                hi = h;
                i += 2;
            }
        }
        class.ranges.push((lo, hi));
    }
    let body = &chars[start..i];
    if body.len() > 2 && body[0] == ':' && body[body.len() - 1] == ':' {
        return Err(RegexError::ClassSyntax(body[1..body.len() - 1].iter().collect()));
    }
    Ok((class, i + 1))
}

/// One level of grouping while building the tree: the finished
/// alternatives, the current sequence, and whether its last item may take
/// a repetition.
#[derive(Default)]
struct Level {
    alts: Vec<Node>,
    seq: Vec<Node>,
    quantifiable: bool,
}

impl Level {
    fn finish(mut self) -> Node {
        let seq = |mut v: Vec<Node>| if v.len() == 1 { v.pop().unwrap_or(Node::Empty) } else { Node::Concat(v) };
        if self.alts.is_empty() {
            return seq(self.seq);
        }
        self.alts.push(seq(self.seq));
        Node::Alt(self.alts)
    }

    fn atom(&mut self, n: Node) {
        self.seq.push(n);
        self.quantifiable = true;
    }
}

/// Builds the tree from tokens, without recursion.
fn build(tokens: Vec<Token>, flavor: Flavor) -> Result<Parsed, RegexError> {
    let mut warnings: Vec<String> = Vec::new();
    let mut stack: Vec<Level> = Vec::new();
    let mut cur = Level::default();
    for tok in tokens {
        match tok {
            Token::Char(c) => cur.atom(Node::Char(c)),
            Token::Any => cur.atom(Node::Any),
            Token::Class(c) => cur.atom(Node::Class(Box::new(c))),
            Token::Assert(a) => {
                cur.seq.push(Node::Assert(a));
                cur.quantifiable = false;
            }
            Token::Open => {
                if stack.len() >= MAX_NESTING {
                    return Err(RegexError::TooBig);
                }
                stack.push(std::mem::take(&mut cur));
            }
            Token::Close => match stack.pop() {
                Some(outer) => {
                    let inner = std::mem::replace(&mut cur, outer);
                    cur.atom(inner.finish());
                }
                None if flavor != Flavor::Basic => cur.atom(Node::Char(')')),
                None => return Err(RegexError::UnmatchedCloseParen),
            },
            Token::Alt => {
                let seq = std::mem::take(&mut cur.seq);
                cur.alts.push(Level { seq, ..Level::default() }.finish());
                cur.quantifiable = false;
            }
            Token::Repeat(op, min, max) => match cur.seq.pop() {
                Some(last) if cur.quantifiable => cur.seq.push(Node::Repeat(Box::new(last), min, max)),
                other => {
                    cur.seq.extend(other);
                    let w = if op == '{' { "{...}".to_string() } else { op.to_string() } + " at start of expression";
                    if !warnings.contains(&w) {
                        warnings.push(w);
                    }
                }
            },
        }
    }
    if !stack.is_empty() {
        return Err(RegexError::UnmatchedOpenParen);
    }
    Ok(Parsed { node: cur.finish(), warnings })
}
