//! Splits an awk program into tokens. A `/` starts a regular expression
//! unless it follows an operand (then it divides), as in mawk.

use super::AwkError;

/// Built-in functions, in the order of [`BUILTIN_NAMES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    Length,
    Substr,
    Index,
    Split,
    Sub,
    Gsub,
    Match,
    Sprintf,
    Tolower,
    Toupper,
    Int,
    Sqrt,
    Exp,
    Log,
    Sin,
    Cos,
    Atan2,
    Rand,
    Srand,
    System,
    Close,
    Fflush,
}

/// The names of the [`Builtin`]s, in their order.
const BUILTIN_NAMES: [&str; 22] = [
    "length", "substr", "index", "split", "sub", "gsub", "match", "sprintf", "tolower", "toupper", "int", "sqrt",
    "exp", "log", "sin", "cos", "atan2", "rand", "srand", "system", "close", "fflush",
];

/// The [`Builtin`]s in the order of [`BUILTIN_NAMES`].
const BUILTINS: [Builtin; 22] = {
    use Builtin::*;
    [
        Length, Substr, Index, Split, Sub, Gsub, Match, Sprintf, Tolower, Toupper, Int, Sqrt, Exp, Log, Sin, Cos,
        Atan2, Rand, Srand, System, Close, Fflush,
    ]
};

impl Builtin {
    fn from_name(name: &str) -> Option<Builtin> {
        let i = BUILTIN_NAMES.iter().position(|n| *n == name)?;
        BUILTINS.get(i).copied()
    }

    /// The function's name in programs.
    pub fn name(self) -> &'static str {
        BUILTIN_NAMES.get(self as usize).copied().unwrap_or("")
    }
}

/// Reserved words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keyword {
    Begin,
    End,
    Function,
    If,
    Else,
    While,
    For,
    Do,
    Break,
    Continue,
    Next,
    Nextfile,
    Exit,
    Return,
    Delete,
    In,
    Getline,
    Print,
    Printf,
}

/// The spellings of the [`Keyword`]s, in their order.
const KEYWORD_NAMES: [&str; 19] = [
    "BEGIN", "END", "function", "if", "else", "while", "for", "do", "break", "continue", "next", "nextfile", "exit",
    "return", "delete", "in", "getline", "print", "printf",
];

/// The [`Keyword`]s in the order of [`KEYWORD_NAMES`].
const KEYWORDS: [Keyword; 19] = {
    use Keyword::*;
    [
        Begin, End, Function, If, Else, While, For, Do, Break, Continue, Next, Nextfile, Exit, Return, Delete, In,
        Getline, Print, Printf,
    ]
};

impl Keyword {
    fn from_name(name: &str) -> Option<Keyword> {
        let name = if name == "func" { "function" } else { name };
        let i = KEYWORD_NAMES.iter().position(|n| *n == name)?;
        KEYWORDS.get(i).copied()
    }
}

/// Punctuation and operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// `&&`
    AndAnd,
    /// `||`
    OrOr,
    /// `==`
    EqEq,
    /// `<=`
    Le,
    /// `>=`
    Ge,
    /// `!=`
    Ne,
    /// `++`
    Incr,
    /// `--`
    Decr,
    /// `+=`
    AddAssign,
    /// `-=`
    SubAssign,
    /// `*=`
    MulAssign,
    /// `/=`
    DivAssign,
    /// `%=`
    ModAssign,
    /// `^=`
    PowAssign,
    /// `>>`
    Append,
    /// `!~`
    NoMatch,
    /// `{`
    LBrace,
    /// `}`
    RBrace,
    /// `(`
    LParen,
    /// `)`
    RParen,
    /// `[`
    LBracket,
    /// `]`
    RBracket,
    /// `;`
    Semi,
    /// `,`
    Comma,
    /// `+`
    Plus,
    /// `-`
    Minus,
    /// `*`
    Star,
    /// `/`
    Slash,
    /// `%`
    Percent,
    /// `^`
    Caret,
    /// `!`
    Bang,
    /// `>`
    Gt,
    /// `<`
    Lt,
    /// `|`
    Pipe,
    /// `?`
    Question,
    /// `:`
    Colon,
    /// `~`
    Tilde,
    /// `$`
    Dollar,
    /// `=`
    Assign,
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Tok {
    Number(f64),
    /// A string literal; the token's text is it in quotes.
    Str,
    /// A regular expression literal, awk escapes already resolved; the
    /// token's text is it between slashes.
    Regex,
    /// A name; the token's text spells it.
    Name,
    /// A user function name directly followed by `(`.
    FuncName,
    Builtin(Builtin),
    Keyword(Keyword),
    /// Punctuation and operators; the token's text spells them.
    Op(Op),
    Newline,
    Eof,
}

/// A token with the line it is on and its spelling (for error messages).
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub line: usize,
    pub text: String,
}

/// The operators by spelling; a longer one comes before its prefixes.
const OPS: &[(&str, Op)] = &[
    ("&&", Op::AndAnd),
    ("||", Op::OrOr),
    ("==", Op::EqEq),
    ("<=", Op::Le),
    (">=", Op::Ge),
    ("!=", Op::Ne),
    ("++", Op::Incr),
    ("--", Op::Decr),
    ("+=", Op::AddAssign),
    ("-=", Op::SubAssign),
    ("*=", Op::MulAssign),
    ("/=", Op::DivAssign),
    ("%=", Op::ModAssign),
    ("^=", Op::PowAssign),
    (">>", Op::Append),
    ("!~", Op::NoMatch),
    ("{", Op::LBrace),
    ("}", Op::RBrace),
    ("(", Op::LParen),
    (")", Op::RParen),
    ("[", Op::LBracket),
    ("]", Op::RBracket),
    (";", Op::Semi),
    (",", Op::Comma),
    ("+", Op::Plus),
    ("-", Op::Minus),
    ("*", Op::Star),
    ("/", Op::Slash),
    ("%", Op::Percent),
    ("^", Op::Caret),
    ("!", Op::Bang),
    (">", Op::Gt),
    ("<", Op::Lt),
    ("|", Op::Pipe),
    ("?", Op::Question),
    (":", Op::Colon),
    ("~", Op::Tilde),
    ("$", Op::Dollar),
    ("=", Op::Assign),
];

/// Tokenizes `src`; the last token is `Eof`.
pub fn tokenize(src: &str) -> Result<Vec<Token>, Box<AwkError>> {
    let b = src.as_bytes();
    let mut out: Vec<Token> = Vec::new();
    let mut i = 0;
    let mut line = 1;
    while i < b.len() {
        let c = b[i];
        match c {
            b' ' | b'\t' | b'\r' => i += 1,
            b'\\' if b.get(i + 1) == Some(&b'\n') => {
                i += 2;
                line += 1;
            }
            b'\\' if b.get(i + 1) == Some(&b'\r') && b.get(i + 2) == Some(&b'\n') => {
                i += 3;
                line += 1;
            }
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'\n' => {
                out.push(Token { tok: Tok::Newline, line, text: "end of line".into() });
                line += 1;
                i += 1;
            }
            b'"' | b'/' if c == b'"' || !after_operand(out.last()) => {
                let regex = c == b'/';
                let (text, end) = literal(b, i, line, regex)?;
                i = end;
                let tok = if regex {
                    super::compile_regex(&text).map_err(|m| AwkError::syntax(line, m))?;
                    Tok::Regex
                } else {
                    Tok::Str
                };
                let quote = c as char;
                out.push(Token { tok, line, text: format!("{quote}{text}{quote}") });
            }
            b'0'..=b'9' | b'.' if c != b'.' || b.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
                    i += 1;
                }
                if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
                    let mut j = i + 1;
                    if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
                        j += 1;
                    }
                    if j < b.len() && b[j].is_ascii_digit() {
                        i = j;
                        while i < b.len() && b[i].is_ascii_digit() {
                            i += 1;
                        }
                    }
                }
                let text = String::from_utf8_lossy(&b[start..i]).into_owned();
                let value = super::value::str_to_num(&text);
                out.push(Token { tok: Tok::Number(value), line, text });
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                    i += 1;
                }
                let name = String::from_utf8_lossy(&b[start..i]).into_owned();
                let tok = if let Some(k) = Keyword::from_name(&name) {
                    Tok::Keyword(k)
                } else if let Some(f) = Builtin::from_name(&name) {
                    Tok::Builtin(f)
                } else if b.get(i) == Some(&b'(') {
                    Tok::FuncName
                } else {
                    Tok::Name
                };
                out.push(Token { tok, line, text: name });
            }
            _ => {
                let rest = &src[i..];
                let Some(&(text, op)) = OPS.iter().find(|(text, _)| rest.starts_with(text)) else {
                    let ch = rest.chars().next().unwrap_or('?');
                    return Err(AwkError::syntax(line, format!("syntax error at or near {ch}")));
                };
                i += text.len();
                out.push(Token { tok: Tok::Op(op), line, text: text.to_string() });
            }
        }
    }
    out.push(Token { tok: Tok::Eof, line, text: "end of file".into() });
    Ok(out)
}

/// Reads the string (`"…"`) or, when `regex`, the regex (`/…/`) literal
/// that starts at `b[start]`: its text, escapes resolved, and where it ends.
fn literal(b: &[u8], start: usize, line: usize, regex: bool) -> Result<(String, usize), Box<AwkError>> {
    let close = if regex { b'/' } else { b'"' };
    let mut i = start + 1;
    let mut s = Vec::new();
    let mut in_bracket = false;
    loop {
        match b.get(i) {
            None | Some(b'\n') => {
                let body = String::from_utf8_lossy(&b[start..i]).into_owned();
                let what = if regex { "regular expression" } else { "string constant" };
                return Err(AwkError::syntax(line, format!("runaway {what} {body} ...")));
            }
            Some(&c) if c == close && !in_bracket => {
                i += 1;
                break;
            }
            Some(b'\\') => {
                i += 1 + escape(&b[i + 1..], regex, &mut s);
            }
            Some(&other) => {
                if regex && other == b'[' && !in_bracket {
                    in_bracket = true;
                    // `[]…]` and `[^]…]`: a leading `]` is literal.
                    s.push(other);
                    i += 1;
                    if b.get(i) == Some(&b'^') {
                        s.push(b'^');
                        i += 1;
                    }
                    if b.get(i) == Some(&b']') {
                        s.push(b']');
                        i += 1;
                    }
                    continue;
                }
                if other == b']' {
                    in_bracket = false;
                }
                s.push(other);
                i += 1;
            }
        }
    }
    Ok((String::from_utf8_lossy(&s).into_owned(), i))
}

/// Whether a `/` after this token divides rather than starts a regex.
fn after_operand(prev: Option<&Token>) -> bool {
    match prev.map(|t| &t.tok) {
        Some(Tok::Number(_) | Tok::Str | Tok::Name | Tok::Regex) => true,
        Some(Tok::Builtin(Builtin::Length)) => true,
        Some(Tok::Op(op)) => matches!(op, Op::RParen | Op::RBracket | Op::Dollar | Op::Incr | Op::Decr),
        _ => false,
    }
}

/// Resolves one escape after a backslash onto `out`; returns the bytes
/// used. In a regex, escapes that mean something to the regex engine
/// (`\.`, `\(`, …) are kept.
fn escape(rest: &[u8], regex: bool, out: &mut Vec<u8>) -> usize {
    let Some(&c) = rest.first() else {
        out.push(b'\\');
        return 0;
    };
    let b = match c {
        b'n' => b'\n',
        b't' => b'\t',
        b'r' => b'\r',
        b'a' => 0x07,
        b'b' => 0x08,
        b'f' => 0x0c,
        b'v' => 0x0b,
        b'"' | b'/' => c,
        b'\\' if !regex => c,
        b'0'..=b'7' => {
            let mut n: u32 = 0;
            let mut used = 0;
            while used < 3 && rest.get(used).is_some_and(|d| (b'0'..=b'7').contains(d)) {
                n = n * 8 + u32::from(rest[used] - b'0');
                used += 1;
            }
            out.push((n & 0xff) as u8);
            return used;
        }
        _ => {
            out.push(b'\\');
            c
        }
    };
    out.push(b);
    1
}
