//! Builds a [`Script`] from tokens by recursive descent, reporting errors
//! the way bash words them.

use super::ast::{AndOr, Command, Connector, Pipeline, Redirect, RedirectOp, Script, Word};
use super::lexer::{tokenize, Op, Token, TokenKind};
use std::fmt;

mod compound;
mod simple;

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
    /// Valid bash that this shell does not run (`select`, `<>`, …).
    Unsupported(String),
    /// `[[` whose `]]` never comes.
    CondEof,
    /// A token that cannot stand in a `[[ … ]]` expression (`EOF` at its end).
    CondToken(String),
}

impl ParseError {
    /// The message without the `bash: ` an interactive shell puts first.
    pub fn message(&self) -> String {
        match self {
            ParseError::UnexpectedToken(t) => format!("syntax error near unexpected token `{t}'"),
            ParseError::UnexpectedEof => "syntax error: unexpected end of file".to_string(),
            ParseError::UnmatchedQuote(c) | ParseError::UnmatchedEof(c) => {
                format!("unexpected EOF while looking for matching `{c}'")
            }
            ParseError::TooDeep => "syntax error: nesting too deep".to_string(),
            ParseError::Unsupported(what) => format!("{what}: not supported by this shell"),
            ParseError::CondEof => "unexpected EOF while looking for `]]'".to_string(),
            ParseError::CondToken(t) => format!("unexpected token `{t}' in conditional command"),
        }
    }
}

impl fmt::Display for ParseError {
    /// The message an interactive bash prints, without the trailing newline.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bash: {}", self.message())
    }
}

impl std::error::Error for ParseError {}

/// How deep `for`, groups and substitutions may nest.
const MAX_DEPTH: usize = 64;

/// A syntax error and the line (from 1) bash reports it on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub error: Box<ParseError>,
    pub line: usize,
}

/// Parses a whole command line (possibly several lines).
pub fn parse(src: &str) -> Result<Script, Box<ParseError>> {
    let mut commands = Commands::new(src);
    let mut script = Script::default();
    while let Some(next) = commands.next_command() {
        script.items.extend(next.map_err(|e| e.error)?.items);
    }
    Ok(script)
}

/// The complete commands of a text, one line's worth at a time, as bash
/// reads a script: each can run before the next is parsed, so a syntax
/// error stops the text only from where it is.
pub struct Commands<'a> {
    parser: Parser<'a>,
    /// The line an error at the end of the text is reported on.
    eof_line: usize,
}

impl<'a> Commands<'a> {
    pub fn new(src: &'a str) -> Commands<'a> {
        Commands { parser: Parser { tokens: tokenize(src), pos: 0, depth: 0 }, eof_line: src.lines().count() + 1 }
    }

    /// The next complete command (an and-or list up to a newline), `None`
    /// at the end.
    pub fn next_command(&mut self) -> Option<Result<Script, SyntaxError>> {
        let p = &mut self.parser;
        p.skip_newlines();
        if matches!(p.kind(), TokenKind::Eof) {
            return None;
        }
        let result = p.line_list().and_then(|script| match p.kind() {
            TokenKind::Eof | TokenKind::Newline => Ok(script),
            _ => Err(p.unexpected()),
        });
        Some(result.map_err(|error| {
            let line = match (&*error, p.kind()) {
                (ParseError::UnexpectedEof | ParseError::UnmatchedEof(_) | ParseError::CondEof, _) => self.eof_line,
                (_, TokenKind::Eof) => self.eof_line,
                _ => p.tok().line,
            };
            // Nothing after a syntax error is read.
            p.pos = p.tokens.len();
            SyntaxError { error, line }
        }))
    }
}

/// Parses a token stream ending in `Eof`; `depth` counts enclosing
/// substitutions.
pub(super) fn parse_tokens(tokens: Vec<Token<'_>>, depth: usize) -> Result<Script, Box<ParseError>> {
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

/// Reserved words that can only close or continue a construct.
const CLOSERS: &[&str] = &["do", "done", "then", "else", "elif", "fi", "esac", "}"];

/// Reserved words this shell does not implement.
const UNSUPPORTED_KEYWORDS: &[&str] = &["select", "coproc"];

/// The parser consumes its tokens: each is moved out of the stream as it is
/// passed (the parser never goes back), so no word is copied.
pub(super) struct Parser<'a> {
    tokens: Vec<Token<'a>>,
    pos: usize,
    depth: usize,
}

static EOF: Token<'static> = Token::EOF;

impl<'a> Parser<'a> {
    fn tok(&self) -> &Token<'a> {
        self.tokens.get(self.pos).unwrap_or(&EOF)
    }

    fn kind(&self) -> &TokenKind {
        &self.tok().kind
    }

    fn peek_kind(&self, n: usize) -> &TokenKind {
        &self.tokens.get(self.pos + n).unwrap_or(&EOF).kind
    }

    /// Moves past the current token, taking it out of the stream.
    fn advance(&mut self) -> Token<'a> {
        match self.tokens.get_mut(self.pos) {
            Some(t) => {
                self.pos += 1;
                // The text stays: a background job's is shown by `jobs`.
                std::mem::replace(t, Token { kind: TokenKind::Eof, text: t.text, line: t.line })
            }
            None => Token::EOF,
        }
    }

    /// The current token's word, taken (and passed), if it is a word.
    fn take_word(&mut self) -> Option<Word> {
        if !matches!(self.kind(), TokenKind::Word(_)) {
            return None;
        }
        match self.advance().kind {
            TokenKind::Word(w) => Some(w),
            _ => None,
        }
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
            TokenKind::Error(e) => return e.clone(),
            _ => ParseError::UnexpectedToken(self.tok().text.to_string()),
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

    /// Whether the current token ends a list: end of input, `)`, a case
    /// arm's `;;`, or one of the reserved words in `stops`.
    fn at_list_end(&self, stops: &[&str]) -> bool {
        matches!(
            self.kind(),
            TokenKind::Eof
                | TokenKind::Error(_)
                | TokenKind::Op(Op::RParen | Op::DoubleSemi | Op::SemiAnd | Op::DSemiAnd)
        ) || self.plain().is_some_and(|w| stops.contains(&w))
    }

    /// A list of and-or lists, ending before end of input, `)`, `;;`, or
    /// one of the reserved words in `stops`.
    fn list(&mut self, stops: &[&str]) -> Result<Script, Box<ParseError>> {
        let mut items = Vec::new();
        self.skip_newlines();
        loop {
            if self.at_list_end(stops) {
                break;
            }
            let start = self.pos;
            items.push(self.and_or()?);
            if self.is_op(Op::Semi) || self.is_op(Op::Amp) {
                self.mark_background(&mut items, start);
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

    /// The and-or lists of one line: up to a newline or the end.
    fn line_list(&mut self) -> Result<Script, Box<ParseError>> {
        let mut items = Vec::new();
        loop {
            if self.at_list_end(&[]) {
                break;
            }
            let start = self.pos;
            items.push(self.and_or()?);
            self.mark_background(&mut items, start);
            if (self.is_op(Op::Semi) || self.is_op(Op::Amp))
                && !matches!(self.peek_kind(1), TokenKind::Newline | TokenKind::Eof)
            {
                self.advance();
            } else {
                if self.is_op(Op::Semi) || self.is_op(Op::Amp) {
                    self.advance();
                }
                break;
            }
        }
        if items.is_empty() {
            return Err(self.unexpected());
        }
        Ok(Script { items })
    }

    /// At a `&` after the last of `items` (which began at token `start`):
    /// marks it a background job, with its tokens' text, which `jobs` shows.
    fn mark_background(&mut self, items: &mut [AndOr], start: usize) {
        let Some(last) = items.last_mut() else { return };
        if !self.is_op(Op::Amp) || last.background.is_some() {
            return;
        }
        let mut text = String::new();
        // Passed tokens keep only their text (see `advance`).
        for t in &self.tokens[start.min(self.pos)..self.pos] {
            match t.text {
                "" | "\n" => continue,
                ";" => {
                    text.push(';');
                    continue;
                }
                _ => {}
            }
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(t.text);
        }
        last.background = Some(text);
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
        Ok(AndOr { first, rest, background: None })
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
                if let Some(redirects) = commands.last_mut().and_then(redirects_of) {
                    redirects.push(Redirect { fd: 2, op: RedirectOp::Dup, target: Word::literal("1") });
                }
            }
            self.skip_newlines();
            commands.push(self.command()?);
        }
        Ok(Pipeline { negated, commands })
    }

    fn command(&mut self) -> Result<Command, Box<ParseError>> {
        if let Some(word) = self.plain() {
            match word {
                "for" => return self.for_loop(),
                "{" => return self.group(),
                "if" => return self.if_command(),
                "while" | "until" => return self.while_loop(),
                "case" => return self.case_command(),
                "[[" => return self.cond_command(),
                "function" => return self.function_keyword(),
                w if CLOSERS.contains(&w) => return Err(self.unexpected()),
                w if UNSUPPORTED_KEYWORDS.contains(&w) => {
                    return Err(Box::new(ParseError::Unsupported(w.to_string())));
                }
                w if is_function_name(w)
                    && matches!(self.peek_kind(1), TokenKind::Op(Op::LParen))
                    && matches!(self.peek_kind(2), TokenKind::Op(Op::RParen)) =>
                {
                    return self.function_def();
                }
                _ => {}
            }
        }
        if self.is_op(Op::LParen) {
            return self.subshell();
        }
        self.simple_command().map(Command::Simple)
    }
}

/// The redirections of any command, to attach `|&`'s `2>&1` (a function
/// definition has none: it prints nothing).
fn redirects_of(cmd: &mut Command) -> Option<&mut Vec<Redirect>> {
    Some(match cmd {
        Command::Simple(s) => &mut s.redirects,
        Command::For(_, r)
        | Command::Subshell(_, r)
        | Command::Group(_, r)
        | Command::If(_, r)
        | Command::While(_, r)
        | Command::Case(_, r)
        | Command::Cond(_, _, r) => r,
        Command::Function(_) => return None,
    })
}

/// Whether bash accepts `s` as a function name: a word without quotes,
/// `$`, or glob or brace characters.
fn is_function_name(s: &str) -> bool {
    !s.is_empty() && !s.bytes().all(|b| b.is_ascii_digit()) && !s.contains(['$', '=', '\\', '`', '\'', '"'])
}

/// Whether `s` is a valid shell variable name.
pub fn is_name(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}
