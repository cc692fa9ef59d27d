//! Words: quoting, parameter and command substitutions, arithmetic and
//! `$'…'`, each lexed into [`WordPart`]s (a substitution's inside is
//! parsed into a whole [`Script`]).

use super::{is_meta, is_name_char, is_name_start, Close, Lexer, MAX_DEPTH};
use crate::ast::{Param, Script, Word, WordPart};
use crate::parser;
use crate::ParseError;

impl<'a> Lexer<'a> {
    /// Reads one word in unquoted context, up to the next metacharacter.
    pub(super) fn word(&mut self) -> Result<Word, Box<ParseError>> {
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
                    self.quote_start = self.pos;
                    self.pos += 1;
                    parts.push(WordPart::Quoted(self.single_quoted()?));
                }
                b'"' => {
                    flush(&mut lit, &mut parts);
                    self.quote_start = self.pos;
                    self.pos += 1;
                    parts.push(WordPart::DoubleQuoted(self.double_quoted(false)?));
                }
                b'$' | b'`' => match self.dollar_or_backquote(false)? {
                    Some(part) => {
                        flush(&mut lit, &mut parts);
                        parts.push(part);
                    }
                    None => lit.push('$'),
                },
                _ => {
                    // A run of ordinary characters, copied at once (it ends
                    // at an ASCII byte, so on a character boundary).
                    let start = self.pos;
                    while self
                        .peek()
                        .is_some_and(|b| !is_meta(b) && !matches!(b, b'\r' | b'\\' | b'\'' | b'"' | b'$' | b'`'))
                    {
                        self.pos += 1;
                    }
                    lit.push_str(self.slice(start, self.pos));
                }
            }
        }
        flush(&mut lit, &mut parts);
        Ok(Word { parts, braces: None })
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
                return Ok(s.to_string());
            }
            self.pos += 1;
        }
        Err(Box::new(ParseError::UnmatchedQuote('\'')))
    }

    /// The parts of `"…"`; the opening quote is already consumed. With
    /// `heredoc`, the parts of a here-document's body instead: up to the
    /// end of the text, `"` being an ordinary character.
    pub(super) fn double_quoted(&mut self, heredoc: bool) -> Result<Vec<WordPart>, Box<ParseError>> {
        let mut parts = Vec::new();
        let mut lit = String::new();
        loop {
            let Some(b) = self.peek() else {
                if heredoc {
                    break;
                }
                return Err(Box::new(ParseError::UnmatchedQuote('"')));
            };
            match b {
                b'"' if !heredoc => {
                    self.pos += 1;
                    break;
                }
                b'\\' => {
                    self.pos += 1;
                    match self.peek() {
                        Some(b'"') if heredoc => lit.push('\\'),
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
                        return Ok(Some(WordPart::Param(brace_param(inner))));
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
                self.double_quoted(false).map(|p| Some(WordPart::DoubleQuoted(p)))
            }
            c if is_name_start(c) => {
                let start = self.pos;
                while self.peek().is_some_and(is_name_char) {
                    self.pos += 1;
                }
                Ok(Some(WordPart::Param(Param::Named(self.slice(start, self.pos).to_string()))))
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
        let mut tokens = Vec::new();
        let pending = std::mem::take(&mut self.pending);
        let end = self.tokens(Close::Paren, &mut tokens);
        self.pending = pending;
        self.pos = end?;
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
        let mut sub = Lexer::new(&inner, self.line_of(self.pos).saturating_sub(1));
        sub.depth = self.depth;
        let mut tokens = Vec::new();
        sub.tokens(Close::Eof, &mut tokens)?;
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
                    let text = self.slice(start, self.pos).to_string();
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
