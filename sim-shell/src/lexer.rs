//! Splits a command line into tokens: words (with their quoting kept as
//! [`WordPart`]s), operators and newlines.
//!
//! Reserved words (`for`, `do`, `done`, …) are ordinary words here; the
//! parser recognises them by position. `$(…)` and backquotes are lexed and
//! parsed recursively, so a word can hold a whole [`Script`].

use super::ast::{Param, Script, Word, WordPart};
use super::parser;
use super::ParseError;

/// An operator token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Semi,
    DoubleSemi,
    Amp,
    AndIf,
    Pipe,
    PipeAmp,
    OrIf,
    LParen,
    RParen,
    /// `<`
    Less,
    /// `>` (also `>|`)
    Great,
    /// `>>`
    DGreat,
    /// `<&`
    LessAnd,
    /// `>&`
    GreatAnd,
    /// `&>` and `&>>`
    AndGreat,
    /// `<<`, `<<<`, `<>`, `;&`, `;;&`: valid bash this shell does not run.
    Unsupported,
}

/// What a token is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word(Word),
    /// Digits directly before a redirection operator (`2>`).
    IoNumber(u32),
    Op(Op),
    Newline,
    Eof,
}

/// A token and its text as typed, for error messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub text: String,
}

/// The longest word or nesting the lexer accepts; deeper input is an error
/// rather than a stack overflow.
const MAX_DEPTH: usize = 64;

/// Tokenizes `src` completely. The result always ends with `Eof`, or the
/// lexing error comes back instead.
pub fn tokenize(src: &str) -> Result<Vec<Token>, Box<ParseError>> {
    let mut lx = Lexer { src: src.as_bytes(), text: src, pos: 0, depth: 0 };
    let (tokens, _) = lx.tokens(Close::Eof)?;
    Ok(tokens)
}

/// What ends a token stream.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Close {
    Eof,
    /// The `)` of `$(…)`, at parenthesis depth zero.
    Paren,
}

struct Lexer<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    depth: usize,
}

fn is_meta(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b';' | b'&' | b'|' | b'(' | b')' | b'<' | b'>')
}

fn is_name_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_name_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'a> Lexer<'a> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn peek_at(&self, n: usize) -> Option<u8> {
        self.src.get(self.pos + n).copied()
    }

    fn starts_with(&self, s: &str) -> bool {
        self.src[self.pos..].starts_with(s.as_bytes())
    }

    /// The source text between two byte offsets (always on char boundaries:
    /// the lexer only stops at ASCII bytes).
    fn slice(&self, from: usize, to: usize) -> String {
        self.text.get(from..to).unwrap_or_default().to_string()
    }

    /// Reads tokens until `close`. For `Close::Paren` the closing `)` is
    /// consumed and not returned; the second value is the offset after it.
    fn tokens(&mut self, close: Close) -> Result<(Vec<Token>, usize), Box<ParseError>> {
        let mut out = Vec::new();
        let mut parens = 0usize;
        loop {
            self.skip_blanks();
            let start = self.pos;
            let Some(b) = self.peek() else {
                if close == Close::Paren {
                    return Err(Box::new(ParseError::UnmatchedEof(')')));
                }
                out.push(Token { kind: TokenKind::Eof, text: String::new() });
                return Ok((out, self.pos));
            };
            if b == b'#' {
                while let Some(c) = self.peek() {
                    if c == b'\n' {
                        break;
                    }
                    self.pos += 1;
                }
                continue;
            }
            if b == b'\n' {
                self.pos += 1;
                out.push(Token { kind: TokenKind::Newline, text: "newline".into() });
                continue;
            }
            if close == Close::Paren && b == b')' && parens == 0 {
                self.pos += 1;
                out.push(Token { kind: TokenKind::Eof, text: String::new() });
                return Ok((out, self.pos));
            }
            if let Some(op) = self.operator() {
                match op {
                    Op::LParen => parens += 1,
                    Op::RParen => parens = parens.saturating_sub(1),
                    _ => {}
                }
                out.push(Token { kind: TokenKind::Op(op), text: self.slice(start, self.pos) });
                continue;
            }
            let word = self.word()?;
            if self.pos == start {
                // Cannot happen (every byte starts an operator, a blank or a
                // word), but never loop forever on a surprise.
                self.pos += 1;
                continue;
            }
            let text = self.slice(start, self.pos);
            // `2>file`: an all-digit word glued to a redirection is an fd.
            if matches!(self.peek(), Some(b'<' | b'>')) && !text.is_empty() && text.bytes().all(|c| c.is_ascii_digit())
            {
                if let Ok(fd) = text.parse::<u32>() {
                    out.push(Token { kind: TokenKind::IoNumber(fd), text });
                    continue;
                }
            }
            out.push(Token { kind: TokenKind::Word(word), text });
        }
    }

    /// Skips blanks and backslash-newline continuations.
    fn skip_blanks(&mut self) {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\r') => self.pos += 1,
                Some(b'\\') if self.peek_at(1) == Some(b'\n') => self.pos += 2,
                _ => return,
            }
        }
    }

    /// Reads an operator at the cursor, if there is one.
    fn operator(&mut self) -> Option<Op> {
        const OPS: &[(&str, Op)] = &[
            (";;&", Op::Unsupported),
            ("&>>", Op::AndGreat),
            ("<<<", Op::Unsupported),
            (";;", Op::DoubleSemi),
            (";&", Op::Unsupported),
            ("&&", Op::AndIf),
            ("||", Op::OrIf),
            ("|&", Op::PipeAmp),
            (">>", Op::DGreat),
            (">|", Op::Great),
            (">&", Op::GreatAnd),
            ("<&", Op::LessAnd),
            ("&>", Op::AndGreat),
            ("<<", Op::Unsupported),
            ("<>", Op::Unsupported),
            (";", Op::Semi),
            ("&", Op::Amp),
            ("|", Op::Pipe),
            ("(", Op::LParen),
            (")", Op::RParen),
            ("<", Op::Less),
            (">", Op::Great),
        ];
        for (s, op) in OPS {
            if self.starts_with(s) {
                self.pos += s.len();
                return Some(*op);
            }
        }
        None
    }

    /// Reads one word in unquoted context, up to the next metacharacter.
    fn word(&mut self) -> Result<Word, Box<ParseError>> {
        let mut parts = Vec::new();
        let mut lit = String::new();
        while let Some(b) = self.peek() {
            if is_meta(b) || b == b'\r' {
                break;
            }
            match b {
                b'\\' => {
                    self.pos += 1;
                    match self.next_char() {
                        None => lit.push('\\'),
                        Some('\n') => {}
                        Some(c) => {
                            flush(&mut lit, &mut parts);
                            parts.push(WordPart::Quoted(c.to_string()));
                        }
                    }
                }
                b'\'' => {
                    flush(&mut lit, &mut parts);
                    self.pos += 1;
                    parts.push(WordPart::Quoted(self.single_quoted()?));
                }
                b'"' => {
                    flush(&mut lit, &mut parts);
                    self.pos += 1;
                    parts.push(WordPart::DoubleQuoted(self.double_quoted()?));
                }
                b'$' | b'`' => match self.dollar_or_backquote(false)? {
                    Some(part) => {
                        flush(&mut lit, &mut parts);
                        parts.push(part);
                    }
                    None => lit.push('$'),
                },
                _ => {
                    if let Some(c) = self.next_char() {
                        lit.push(c);
                    }
                }
            }
        }
        flush(&mut lit, &mut parts);
        Ok(Word { parts })
    }

    /// Consumes one UTF-8 character.
    fn next_char(&mut self) -> Option<char> {
        let c = self.text.get(self.pos..)?.chars().next()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// The body of `'…'`; the opening quote is already consumed.
    fn single_quoted(&mut self) -> Result<String, Box<ParseError>> {
        let start = self.pos;
        while let Some(b) = self.peek() {
            if b == b'\'' {
                let s = self.slice(start, self.pos);
                self.pos += 1;
                return Ok(s);
            }
            self.pos += 1;
        }
        Err(Box::new(ParseError::UnmatchedQuote('\'')))
    }

    /// The parts of `"…"`; the opening quote is already consumed.
    fn double_quoted(&mut self) -> Result<Vec<WordPart>, Box<ParseError>> {
        let mut parts = Vec::new();
        let mut lit = String::new();
        loop {
            let Some(b) = self.peek() else {
                return Err(Box::new(ParseError::UnmatchedQuote('"')));
            };
            match b {
                b'"' => {
                    self.pos += 1;
                    break;
                }
                b'\\' => {
                    self.pos += 1;
                    match self.peek() {
                        Some(b'$' | b'`' | b'"' | b'\\') => {
                            if let Some(c) = self.next_char() {
                                lit.push(c);
                            }
                        }
                        Some(b'\n') => self.pos += 1,
                        _ => lit.push('\\'),
                    }
                }
                b'$' | b'`' => match self.dollar_or_backquote(true)? {
                    Some(part) => {
                        flush_quoted(&mut lit, &mut parts);
                        parts.push(part);
                    }
                    None => lit.push('$'),
                },
                _ => {
                    if let Some(c) = self.next_char() {
                        lit.push(c);
                    }
                }
            }
        }
        flush_quoted(&mut lit, &mut parts);
        Ok(parts)
    }

    /// Reads an expansion starting at `$` or a backquote. `None` means a
    /// lone `$` (consumed) that stands for itself.
    fn dollar_or_backquote(&mut self, in_dquote: bool) -> Result<Option<WordPart>, Box<ParseError>> {
        if self.peek() == Some(b'`') {
            self.pos += 1;
            return self.backquote().map(Some);
        }
        self.pos += 1; // the `$`
        let Some(b) = self.peek() else {
            return Ok(None);
        };
        match b {
            b'{' => {
                self.pos += 1;
                let start = self.pos;
                while let Some(c) = self.peek() {
                    if c == b'}' {
                        let inner = self.slice(start, self.pos);
                        self.pos += 1;
                        return Ok(Some(WordPart::Param(brace_param(&inner))));
                    }
                    self.pos += 1;
                }
                Err(Box::new(ParseError::UnmatchedEof('}')))
            }
            b'(' if self.peek_at(1) == Some(b'(') => {
                self.pos += 2;
                self.arith().map(Some)
            }
            b'(' => {
                self.pos += 1;
                self.command_subst().map(Some)
            }
            b'\'' if !in_dquote => {
                self.pos += 1;
                self.ansi_c().map(|s| Some(WordPart::Quoted(s)))
            }
            b'"' if !in_dquote => {
                // `$"…"` is a translatable string: the same as `"…"`.
                self.pos += 1;
                self.double_quoted().map(|p| Some(WordPart::DoubleQuoted(p)))
            }
            c if is_name_start(c) => {
                let start = self.pos;
                while self.peek().is_some_and(is_name_char) {
                    self.pos += 1;
                }
                Ok(Some(WordPart::Param(Param::Named(self.slice(start, self.pos)))))
            }
            c if c.is_ascii_digit() || b"?$#@*!-".contains(&c) => {
                self.pos += 1;
                Ok(Some(WordPart::Param(Param::Special(c as char))))
            }
            _ => Ok(None),
        }
    }

    fn nested(&mut self) -> Result<(), Box<ParseError>> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Box::new(ParseError::TooDeep));
        }
        Ok(())
    }

    /// `$(…)`; `$(` is already consumed.
    fn command_subst(&mut self) -> Result<WordPart, Box<ParseError>> {
        self.nested()?;
        let (tokens, end) = self.tokens(Close::Paren)?;
        self.pos = end;
        self.depth -= 1;
        let script = parser::parse_tokens(tokens, self.depth + 1)?;
        Ok(WordPart::CommandSubst(script))
    }

    /// `` `…` ``; the opening backquote is already consumed. Backslash
    /// escapes `` ` ``, `$` and `\` inside, as in bash.
    fn backquote(&mut self) -> Result<WordPart, Box<ParseError>> {
        self.nested()?;
        let mut inner = String::new();
        loop {
            match self.next_char() {
                None => return Err(Box::new(ParseError::UnmatchedEof('`'))),
                Some('`') => break,
                Some('\\') => match self.peek() {
                    Some(b'`' | b'$' | b'\\') => {
                        if let Some(c) = self.next_char() {
                            inner.push(c);
                        }
                    }
                    _ => inner.push('\\'),
                },
                Some(c) => inner.push(c),
            }
        }
        let mut sub = Lexer { src: inner.as_bytes(), text: &inner, pos: 0, depth: self.depth };
        let (tokens, _) = sub.tokens(Close::Eof)?;
        self.depth -= 1;
        let script: Script = parser::parse_tokens(tokens, self.depth + 1)?;
        Ok(WordPart::CommandSubst(script))
    }

    /// `$((…))`; `$((` is already consumed. The text up to the matching
    /// `))` is kept for the arithmetic evaluator.
    fn arith(&mut self) -> Result<WordPart, Box<ParseError>> {
        let start = self.pos;
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b'(' => depth += 1,
                b')' if depth > 0 => depth -= 1,
                b')' if self.peek_at(1) == Some(b')') => {
                    let text = self.slice(start, self.pos);
                    self.pos += 2;
                    return Ok(WordPart::Arith(text));
                }
                _ => {}
            }
            self.pos += 1;
        }
        Err(Box::new(ParseError::UnmatchedEof(')')))
    }

    /// `$'…'` with C escapes; `$'` is already consumed.
    fn ansi_c(&mut self) -> Result<String, Box<ParseError>> {
        let mut s = String::new();
        loop {
            match self.next_char() {
                None => return Err(Box::new(ParseError::UnmatchedQuote('\''))),
                Some('\'') => return Ok(s),
                Some('\\') => match self.next_char() {
                    None => return Err(Box::new(ParseError::UnmatchedQuote('\''))),
                    Some(c) => match c {
                        'n' => s.push('\n'),
                        't' => s.push('\t'),
                        'r' => s.push('\r'),
                        'a' => s.push('\x07'),
                        'b' => s.push('\x08'),
                        'e' | 'E' => s.push('\x1b'),
                        'f' => s.push('\x0c'),
                        'v' => s.push('\x0b'),
                        '\\' | '\'' | '"' | '?' => s.push(c),
                        other => {
                            s.push('\\');
                            s.push(other);
                        }
                    },
                },
                Some(c) => s.push(c),
            }
        }
    }
}

/// Interprets the inside of `${…}`.
fn brace_param(inner: &str) -> Param {
    let bytes = inner.as_bytes();
    let is_name = |s: &str| s.bytes().next().is_some_and(is_name_start) && s.bytes().all(is_name_char);
    if is_name(inner) {
        return Param::Named(inner.to_string());
    }
    if bytes.len() == 1 && (bytes[0].is_ascii_digit() || b"?$#@*!-".contains(&bytes[0])) {
        return Param::Special(bytes[0] as char);
    }
    if let Some(name) = inner.strip_prefix('#') {
        if is_name(name) {
            return Param::Length(name.to_string());
        }
    }
    Param::Bad(inner.to_string())
}

fn flush(lit: &mut String, parts: &mut Vec<WordPart>) {
    if !lit.is_empty() {
        parts.push(WordPart::Literal(std::mem::take(lit)));
    }
}

fn flush_quoted(lit: &mut String, parts: &mut Vec<WordPart>) {
    if !lit.is_empty() {
        parts.push(WordPart::Quoted(std::mem::take(lit)));
    }
}
