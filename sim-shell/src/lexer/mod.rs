//! Splits a command line into tokens: words (with their quoting kept as
//! [`WordPart`]s), operators and newlines.
//!
//! Reserved words (`for`, `do`, `done`, …) are ordinary words here; the
//! parser recognises them by position. `$(…)` and backquotes are lexed and
//! parsed recursively, so a word can hold a whole [`Script`].
//!
//! A lexing error does not throw the tokens before it away: the stream
//! ends in a [`TokenKind::Error`] there, so the commands before it can
//! still run (as `bash -c` runs a script's lines until the broken one).
//! Here-document bodies are read at the newline after their operator
//! (see [`heredoc`]).

mod heredoc;
mod word;

use super::ast::Word;
use super::ParseError;
pub use heredoc::HereDoc;

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
    /// `<<<`
    TLess,
    /// `<<` or `<<-` not followed by a delimiter word.
    DLess,
    /// `;&`
    SemiAnd,
    /// `;;&`
    DSemiAnd,
    /// `<>`: valid bash this shell does not run.
    Unsupported,
}

/// What a token is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word(Word),
    /// Digits directly before a redirection operator (`2>`).
    IoNumber(u32),
    Op(Op),
    /// `<<WORD` or `<<-WORD` with its body.
    HereDoc(Box<HereDoc>),
    Newline,
    Eof,
    /// The input cannot be lexed from here on.
    Error(Box<ParseError>),
}

/// A token, its text as typed (for error messages; borrowed from the
/// source, so a token costs no copy of it) and its line (from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: TokenKind,
    pub text: &'a str,
    pub line: usize,
}

impl Token<'_> {
    /// The end of input, where no token has a place in the source.
    pub const EOF: Token<'static> = Token { kind: TokenKind::Eof, text: "", line: 0 };
}

/// The longest word or nesting the lexer accepts; deeper input is an error
/// rather than a stack overflow.
const MAX_DEPTH: usize = 64;

/// Tokenizes `src` completely. The result always ends with `Eof`, or with
/// `Error` where lexing failed.
pub fn tokenize(src: &str) -> Vec<Token<'_>> {
    let mut lx = Lexer::new(src, 0);
    let mut out = Vec::new();
    if let Err(e) = lx.tokens(Close::Eof, &mut out) {
        let at = if matches!(*e, ParseError::UnmatchedQuote(_)) { lx.quote_start } else { lx.pos };
        let line = lx.line_of(at);
        out.push(Token { kind: TokenKind::Error(e), text: "", line });
    }
    out
}

/// Lexes `text` as exactly one word (a brace expansion's result); `None`
/// if it is not one.
pub fn lex_word(text: &str) -> Option<Word> {
    let mut lx = Lexer::new(text, 0);
    let word = lx.word().ok()?;
    (lx.pos == text.len()).then_some(word)
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
    /// Lines before this text (for the inside of backquotes).
    line_base: usize,
    /// A position and its line, to count newlines incrementally.
    line_cache: std::cell::Cell<(usize, usize)>,
    /// Here-documents whose bodies start after the next newline: their
    /// token indexes in the stream being built.
    pending: Vec<usize>,
    /// Where the last quote opened (an unterminated one is reported there).
    quote_start: usize,
}

/// Whether a word after these tokens is in command position (where `case`
/// and `esac` are reserved words).
fn at_command_start(before: &[Token<'_>]) -> bool {
    match before.last().map(|t| &t.kind) {
        None | Some(TokenKind::Newline) => true,
        Some(TokenKind::Op(op)) => !matches!(
            op,
            Op::Less | Op::Great | Op::DGreat | Op::LessAnd | Op::GreatAnd | Op::AndGreat | Op::TLess | Op::DLess
        ),
        Some(TokenKind::Word(w)) => {
            matches!(w.as_plain(), Some("then" | "do" | "else" | "elif" | "if" | "while" | "until" | "{" | "!"))
        }
        _ => false,
    }
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
    fn new(text: &'a str, line_base: usize) -> Lexer<'a> {
        Lexer {
            src: text.as_bytes(),
            text,
            pos: 0,
            depth: 0,
            line_base,
            line_cache: std::cell::Cell::new((0, 1)),
            pending: Vec::new(),
            quote_start: 0,
        }
    }

    /// The line (from 1) of byte offset `pos`.
    fn line_of(&self, pos: usize) -> usize {
        let (mut at, mut line) = self.line_cache.get();
        if pos < at {
            (at, line) = (0, 1);
        }
        let end = pos.min(self.src.len());
        line += self.src[at.min(end)..end].iter().filter(|&&b| b == b'\n').count();
        at = end;
        self.line_cache.set((at, line));
        self.line_base + line
    }

    fn token(&self, kind: TokenKind, text: &'a str, start: usize) -> Token<'a> {
        Token { kind, text, line: self.line_of(start) }
    }

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
    fn slice(&self, from: usize, to: usize) -> &'a str {
        self.text.get(from..to).unwrap_or_default()
    }

    /// Reads tokens into `out` until `close`. For `Close::Paren` the
    /// closing `)` is consumed and not returned; the value is the offset
    /// after it.
    fn tokens(&mut self, close: Close, out: &mut Vec<Token<'a>>) -> Result<usize, Box<ParseError>> {
        let mut parens = 0usize;
        // `case` commands open in this stream: their patterns end in a `)`
        // that does not close a `$(`.
        let mut cases = 0usize;
        loop {
            self.skip_blanks();
            let start = self.pos;
            let Some(b) = self.peek() else {
                if close == Close::Paren {
                    return Err(Box::new(ParseError::UnmatchedEof(')')));
                }
                self.read_heredocs(out)?;
                out.push(self.token(TokenKind::Eof, "", start));
                return Ok(self.pos);
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
                out.push(self.token(TokenKind::Newline, "newline", start));
                self.read_heredocs(out)?;
                continue;
            }
            if close == Close::Paren && b == b')' && parens == 0 && cases == 0 {
                self.pos += 1;
                out.push(self.token(TokenKind::Eof, "", start));
                return Ok(self.pos);
            }
            // Every operator starts with one of these (checked first: most
            // tokens are words).
            let op = if matches!(b, b';' | b'&' | b'|' | b'(' | b')' | b'<' | b'>') { self.operator() } else { None };
            if let Some(op) = op {
                match op {
                    Op::LParen => parens += 1,
                    Op::RParen => parens = parens.saturating_sub(1),
                    Op::DLess => {
                        let strip = self.peek() == Some(b'-');
                        if strip {
                            self.pos += 1;
                        }
                        if let Some(doc) = self.heredoc_start(strip)? {
                            self.pending.push(out.len());
                            out.push(self.token(TokenKind::HereDoc(Box::new(doc)), self.slice(start, self.pos), start));
                            continue;
                        }
                    }
                    _ => {}
                }
                let text = self.slice(start, self.pos).trim_end();
                out.push(self.token(TokenKind::Op(op), text, start));
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
                    out.push(self.token(TokenKind::IoNumber(fd), text, start));
                    continue;
                }
            }
            if at_command_start(out) {
                match word.as_plain() {
                    Some("case") => cases += 1,
                    Some("esac") => cases = cases.saturating_sub(1),
                    _ => {}
                }
            }
            let word = super::brace::mark(word, text);
            out.push(self.token(TokenKind::Word(word), text, start));
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
            (";;&", Op::DSemiAnd),
            ("&>>", Op::AndGreat),
            ("<<<", Op::TLess),
            (";;", Op::DoubleSemi),
            (";&", Op::SemiAnd),
            ("&&", Op::AndIf),
            ("||", Op::OrIf),
            ("|&", Op::PipeAmp),
            (">>", Op::DGreat),
            (">|", Op::Great),
            (">&", Op::GreatAnd),
            ("<&", Op::LessAnd),
            ("&>", Op::AndGreat),
            ("<<", Op::DLess),
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
}
