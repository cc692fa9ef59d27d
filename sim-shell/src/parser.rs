//! Builds a [`Script`] from tokens by recursive descent, reporting errors
//! the way bash words them.

use super::ast::{
    AndOr, Assignment, Command, Connector, ForLoop, Pipeline, Redirect, RedirectOp, Script, SimpleCommand, Word,
    WordPart,
};
use super::lexer::{tokenize, Op, Token, TokenKind};
use std::fmt;

/// Why a command line could not be parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// A token that cannot stand where it is, by its text (`newline` for a
    /// line end).
    UnexpectedToken(String),
    /// The line ended inside a construct (`a &&`, `for x in a; do b`).
    UnexpectedEof,
    /// An unterminated `'` or `"`.
    UnmatchedQuote(char),
    /// An unterminated `$(`, `${` or backquote: the closing character.
    UnmatchedEof(char),
    /// Nesting deeper than this shell follows.
    TooDeep,
    /// Valid bash that this shell does not run (`if`, here-documents, …).
    Unsupported(String),
}

impl fmt::Display for ParseError {
    /// The message an interactive bash prints, without the trailing newline.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::UnexpectedToken(t) => {
                write!(f, "bash: syntax error near unexpected token `{t}'")
            }
            ParseError::UnexpectedEof => write!(f, "bash: syntax error: unexpected end of file"),
            ParseError::UnmatchedQuote(c) => {
                write!(f, "bash: unexpected EOF while looking for matching `{c}'")
            }
            ParseError::UnmatchedEof(c) => {
                write!(f, "bash: unexpected EOF while looking for matching `{c}'")
            }
            ParseError::TooDeep => write!(f, "bash: syntax error: nesting too deep"),
            ParseError::Unsupported(what) => write!(f, "bash: {what}: not supported by this shell"),
        }
    }
}

impl std::error::Error for ParseError {}

/// How deep `for`, groups and substitutions may nest.
const MAX_DEPTH: usize = 64;

/// Parses a whole command line (possibly several lines).
pub fn parse(src: &str) -> Result<Script, Box<ParseError>> {
    parse_tokens(tokenize(src)?, 0)
}

/// Parses a token stream ending in `Eof`; `depth` counts enclosing
/// substitutions.
pub(super) fn parse_tokens(tokens: Vec<Token>, depth: usize) -> Result<Script, Box<ParseError>> {
    if depth > MAX_DEPTH {
        return Err(Box::new(ParseError::TooDeep));
    }
    let mut p = Parser { tokens, pos: 0, depth };
    let script = p.list(&[])?;
    match p.kind() {
        TokenKind::Eof => Ok(script),
        _ => Err(p.unexpected()),
    }
}

/// Words that are reserved in command position and that this shell does
/// not implement.
const UNSUPPORTED_KEYWORDS: &[&str] = &["if", "while", "until", "case", "select", "function", "[[", "coproc"];

/// Reserved words that can only close or continue a construct.
const CLOSERS: &[&str] = &["do", "done", "then", "else", "elif", "fi", "esac", "}"];

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    depth: usize,
}

static EOF: Token = Token { kind: TokenKind::Eof, text: String::new() };

impl Parser {
    fn tok(&self) -> &Token {
        self.tokens.get(self.pos).unwrap_or(&EOF)
    }

    fn kind(&self) -> &TokenKind {
        &self.tok().kind
    }

    fn advance(&mut self) -> Token {
        let t = self.tok().clone();
        if self.pos < self.tokens.len() {
            self.pos += 1;
        }
        t
    }

    fn is_op(&self, op: Op) -> bool {
        matches!(self.kind(), TokenKind::Op(o) if *o == op)
    }

    /// The current token if it is an unquoted plain word.
    fn plain(&self) -> Option<&str> {
        match self.kind() {
            TokenKind::Word(w) => w.as_plain(),
            _ => None,
        }
    }

    /// The error for the current token.
    fn unexpected(&self) -> Box<ParseError> {
        Box::new(match self.kind() {
            TokenKind::Eof => ParseError::UnexpectedEof,
            _ => ParseError::UnexpectedToken(self.tok().text.clone()),
        })
    }

    fn skip_newlines(&mut self) {
        while matches!(self.kind(), TokenKind::Newline) {
            self.pos += 1;
        }
    }

    fn enter(&mut self) -> Result<(), Box<ParseError>> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Box::new(ParseError::TooDeep));
        }
        Ok(())
    }

    /// A list of and-or lists, ending before end of input, `)`, or one of
    /// the reserved words in `stops`.
    fn list(&mut self, stops: &[&str]) -> Result<Script, Box<ParseError>> {
        let mut items = Vec::new();
        self.skip_newlines();
        loop {
            let at_end = matches!(self.kind(), TokenKind::Eof)
                || self.is_op(Op::RParen)
                || self.plain().is_some_and(|w| stops.contains(&w));
            if at_end {
                break;
            }
            items.push(self.and_or()?);
            if self.is_op(Op::Semi) || self.is_op(Op::Amp) {
                self.advance();
                self.skip_newlines();
            } else if matches!(self.kind(), TokenKind::Newline) {
                self.skip_newlines();
            } else {
                break;
            }
        }
        Ok(Script { items })
    }

    fn and_or(&mut self) -> Result<AndOr, Box<ParseError>> {
        let first = self.pipeline()?;
        let mut rest = Vec::new();
        loop {
            let conn = if self.is_op(Op::AndIf) {
                Connector::And
            } else if self.is_op(Op::OrIf) {
                Connector::Or
            } else {
                break;
            };
            self.advance();
            self.skip_newlines();
            rest.push((conn, self.pipeline()?));
        }
        Ok(AndOr { first, rest })
    }

    fn pipeline(&mut self) -> Result<Pipeline, Box<ParseError>> {
        let mut negated = false;
        while self.plain() == Some("!") {
            self.advance();
            negated = !negated;
        }
        let mut commands = vec![self.command()?];
        loop {
            let stderr_too = if self.is_op(Op::Pipe) {
                false
            } else if self.is_op(Op::PipeAmp) {
                true
            } else {
                break;
            };
            self.advance();
            if stderr_too {
                if let Some(last) = commands.last_mut() {
                    redirects_of(last).push(Redirect { fd: 2, op: RedirectOp::Dup, target: Word::literal("1") });
                }
            }
            self.skip_newlines();
            commands.push(self.command()?);
        }
        Ok(Pipeline { negated, commands })
    }

    fn command(&mut self) -> Result<Command, Box<ParseError>> {
        if let Some(word) = self.plain() {
            if word == "for" {
                return self.for_loop();
            }
            if word == "{" {
                return self.group();
            }
            if CLOSERS.contains(&word) {
                return Err(self.unexpected());
            }
            if UNSUPPORTED_KEYWORDS.contains(&word) {
                return Err(Box::new(ParseError::Unsupported(word.to_string())));
            }
        }
        if self.is_op(Op::LParen) {
            return self.subshell();
        }
        self.simple_command().map(Command::Simple)
    }

    fn simple_command(&mut self) -> Result<SimpleCommand, Box<ParseError>> {
        let mut cmd = SimpleCommand::default();
        loop {
            match self.kind() {
                TokenKind::Word(w) => {
                    let w = w.clone();
                    self.advance();
                    match assignment(&w) {
                        Some(a) if cmd.words.is_empty() => cmd.assignments.push(a),
                        _ => cmd.words.push(w),
                    }
                }
                TokenKind::IoNumber(_)
                | TokenKind::Op(Op::Less | Op::Great | Op::DGreat | Op::LessAnd | Op::GreatAnd | Op::AndGreat) => {
                    let r = self.redirect()?;
                    cmd.redirects.push(r);
                }
                TokenKind::Op(Op::Unsupported) if self.tok().text.starts_with('<') => {
                    return Err(Box::new(ParseError::Unsupported(format!(
                        "{}: here-documents and here-strings",
                        self.tok().text
                    ))));
                }
                _ => break,
            }
        }
        if cmd.words.is_empty() && cmd.assignments.is_empty() && cmd.redirects.is_empty() {
            return Err(self.unexpected());
        }
        Ok(cmd)
    }

    /// One redirection, at an fd number or a redirection operator.
    fn redirect(&mut self) -> Result<Redirect, Box<ParseError>> {
        let explicit_fd = match self.kind() {
            TokenKind::IoNumber(n) => {
                let n = *n;
                self.advance();
                Some(n)
            }
            _ => None,
        };
        let (op, default_fd) = match self.kind() {
            TokenKind::Op(Op::Less) => (RedirectOp::Input, 0),
            TokenKind::Op(Op::Great | Op::DGreat) => (RedirectOp::Output, 1),
            TokenKind::Op(Op::LessAnd) => (RedirectOp::Dup, 0),
            TokenKind::Op(Op::GreatAnd) => (RedirectOp::Dup, 1),
            TokenKind::Op(Op::AndGreat) if explicit_fd.is_none() => (RedirectOp::Both, 1),
            _ => return Err(self.unexpected()),
        };
        self.advance();
        let target = match self.kind() {
            TokenKind::Word(w) => w.clone(),
            TokenKind::Eof => return Err(Box::new(ParseError::UnexpectedToken("newline".into()))),
            _ => return Err(self.unexpected()),
        };
        self.advance();
        Ok(Redirect { fd: explicit_fd.unwrap_or(default_fd), op, target })
    }

    /// Redirections after a compound command.
    fn trailing_redirects(&mut self) -> Result<Vec<Redirect>, Box<ParseError>> {
        let mut out = Vec::new();
        while matches!(
            self.kind(),
            TokenKind::IoNumber(_)
                | TokenKind::Op(Op::Less | Op::Great | Op::DGreat | Op::LessAnd | Op::GreatAnd | Op::AndGreat)
        ) {
            out.push(self.redirect()?);
        }
        Ok(out)
    }

    /// `for NAME [in WORDS] ; do LIST ; done`, at `for`.
    fn for_loop(&mut self) -> Result<Command, Box<ParseError>> {
        self.enter()?;
        self.advance(); // `for`
        if self.is_op(Op::LParen) {
            return Err(Box::new(ParseError::Unsupported("for ((…))".into())));
        }
        let var = match self.kind() {
            TokenKind::Word(_) => self.advance().text,
            _ => return Err(self.unexpected()),
        };
        self.skip_newlines();
        let mut words = None;
        if self.plain() == Some("in") {
            self.advance();
            let mut list = Vec::new();
            while let TokenKind::Word(w) = self.kind() {
                list.push(w.clone());
                self.advance();
            }
            if self.is_op(Op::Semi) || matches!(self.kind(), TokenKind::Newline) {
                self.advance();
            } else {
                return Err(self.unexpected());
            }
            words = Some(list);
        } else if self.is_op(Op::Semi) {
            self.advance();
        }
        self.skip_newlines();
        if self.plain() != Some("do") {
            return Err(self.unexpected());
        }
        self.advance();
        let body = self.list(&["done"])?;
        if body.items.is_empty() || self.plain() != Some("done") {
            return Err(self.unexpected());
        }
        self.advance();
        self.depth -= 1;
        let redirects = self.trailing_redirects()?;
        Ok(Command::For(ForLoop { var, words, body }, redirects))
    }

    /// `{ LIST; }`, at `{`.
    fn group(&mut self) -> Result<Command, Box<ParseError>> {
        self.enter()?;
        self.advance();
        let body = self.list(&["}"])?;
        if body.items.is_empty() || self.plain() != Some("}") {
            return Err(self.unexpected());
        }
        self.advance();
        self.depth -= 1;
        let redirects = self.trailing_redirects()?;
        Ok(Command::Group(body, redirects))
    }

    /// `( LIST )`, at `(`.
    fn subshell(&mut self) -> Result<Command, Box<ParseError>> {
        self.enter()?;
        self.advance();
        let body = self.list(&[])?;
        if body.items.is_empty() || !self.is_op(Op::RParen) {
            return Err(self.unexpected());
        }
        self.advance();
        self.depth -= 1;
        let redirects = self.trailing_redirects()?;
        Ok(Command::Subshell(body, redirects))
    }
}

/// The redirections of any command, to attach `|&`'s `2>&1`.
fn redirects_of(cmd: &mut Command) -> &mut Vec<Redirect> {
    match cmd {
        Command::Simple(s) => &mut s.redirects,
        Command::For(_, r) | Command::Subshell(_, r) | Command::Group(_, r) => r,
    }
}

/// `NAME=value` if the word starts with an unquoted valid name and `=`.
fn assignment(word: &Word) -> Option<Assignment> {
    let Some(WordPart::Literal(first)) = word.parts.first() else {
        return None;
    };
    let eq = first.find('=')?;
    let name = &first[..eq];
    if !is_name(name) {
        return None;
    }
    let mut parts = Vec::with_capacity(word.parts.len());
    let rest = &first[eq + 1..];
    if !rest.is_empty() {
        parts.push(WordPart::Literal(rest.to_string()));
    }
    parts.extend(word.parts.iter().skip(1).cloned());
    Some(Assignment { name: name.to_string(), value: Word { parts } })
}

/// Whether `s` is a valid shell variable name.
pub fn is_name(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}
