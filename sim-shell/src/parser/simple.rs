//! Simple commands: assignments, words and redirections.

use super::{is_name, ParseError, Parser};
use crate::ast::{Assignment, Redirect, RedirectOp, SimpleCommand, Word, WordPart};
use crate::lexer::{Op, TokenKind};

impl Parser<'_> {
    pub(super) fn simple_command(&mut self) -> Result<SimpleCommand, Box<ParseError>> {
        let mut cmd = SimpleCommand { line: self.tok().line, ..SimpleCommand::default() };
        loop {
            if let Some(w) = self.take_word() {
                if cmd.words.is_empty() {
                    match assignment(w) {
                        Ok(a) => cmd.assignments.push(a),
                        Err(w) => cmd.words.push(w),
                    }
                } else {
                    cmd.words.push(w);
                }
                continue;
            }
            match self.kind() {
                _ if self.at_redirect() => {
                    let r = self.redirect()?;
                    cmd.redirects.push(r);
                }
                TokenKind::Op(Op::Unsupported) => {
                    return Err(Box::new(ParseError::Unsupported(self.tok().text.to_string())));
                }
                _ => break,
            }
        }
        if cmd.words.is_empty() && cmd.assignments.is_empty() && cmd.redirects.is_empty() {
            return Err(self.unexpected());
        }
        Ok(cmd)
    }

    /// Whether a redirection starts here.
    pub(super) fn at_redirect(&self) -> bool {
        matches!(
            self.kind(),
            TokenKind::IoNumber(_)
                | TokenKind::HereDoc(_)
                | TokenKind::Op(
                    Op::Less
                        | Op::Great
                        | Op::DGreat
                        | Op::LessAnd
                        | Op::GreatAnd
                        | Op::AndGreat
                        | Op::TLess
                        | Op::DLess
                )
        )
    }

    /// One redirection, at an fd number or a redirection operator.
    pub(super) fn redirect(&mut self) -> Result<Redirect, Box<ParseError>> {
        let explicit_fd = match self.kind() {
            TokenKind::IoNumber(n) => {
                let n = *n;
                self.advance();
                Some(n)
            }
            _ => None,
        };
        if matches!(self.kind(), TokenKind::HereDoc(_)) {
            if let TokenKind::HereDoc(doc) = self.advance().kind {
                let op = RedirectOp::HereDoc(doc.unterminated);
                return Ok(Redirect { fd: explicit_fd.unwrap_or(0), op, target: doc.body });
            }
        }
        let (op, default_fd) = match self.kind() {
            TokenKind::Op(Op::TLess) => (RedirectOp::HereString, 0),
            TokenKind::Op(Op::Less) => (RedirectOp::Input, 0),
            TokenKind::Op(Op::Great) => (RedirectOp::Output, 1),
            TokenKind::Op(Op::DGreat) => (RedirectOp::Append, 1),
            TokenKind::Op(Op::LessAnd) => (RedirectOp::Dup, 0),
            TokenKind::Op(Op::GreatAnd) => (RedirectOp::Dup, 1),
            TokenKind::Op(Op::AndGreat) if explicit_fd.is_none() => (RedirectOp::Both, 1),
            // `<<` without a delimiter word: the error is about what follows.
            TokenKind::Op(Op::DLess) => (RedirectOp::Input, 0),
            _ => return Err(self.unexpected()),
        };
        self.advance();
        let target = match self.kind() {
            TokenKind::Word(_) => self.take_word().unwrap_or_default(),
            TokenKind::Eof | TokenKind::Newline => return Err(Box::new(ParseError::UnexpectedToken("newline".into()))),
            _ => return Err(self.unexpected()),
        };
        Ok(Redirect { fd: explicit_fd.unwrap_or(default_fd), op, target })
    }

    /// Redirections after a compound command.
    pub(super) fn trailing_redirects(&mut self) -> Result<Vec<Redirect>, Box<ParseError>> {
        let mut out = Vec::new();
        while self.at_redirect() {
            out.push(self.redirect()?);
        }
        Ok(out)
    }
}

/// `NAME=value` if the word starts with an unquoted valid name and `=`;
/// the word itself if not.
fn assignment(mut word: Word) -> Result<Assignment, Word> {
    let Some(WordPart::Literal(first)) = word.parts.first_mut() else {
        return Err(word);
    };
    let Some(eq) = first.find('=').filter(|&eq| is_name(&first[..eq])) else {
        return Err(word);
    };
    let rest = first.split_off(eq + 1);
    first.truncate(eq);
    let name = std::mem::replace(first, rest);
    if matches!(&word.parts[0], WordPart::Literal(s) if s.is_empty()) {
        word.parts.remove(0);
    }
    Ok(Assignment { name, value: Word { parts: word.parts, braces: None } })
}
