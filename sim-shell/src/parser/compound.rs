//! Compound commands: `for`, `while`/`until`, `if`, `case`, `{ }`, `( )`,
//! `[[ ]]` and function definitions.

use super::{is_function_name, ParseError, Parser};
use crate::ast::{
    CaseArm, CaseCommand, CaseEnd, Command, CondExpr, ForLoop, FunctionDef, IfCommand, Script, WhileLoop, Word,
    WordPart,
};
use crate::builtins::is_unary_operator;
use crate::lexer::{Op, TokenKind};
use std::sync::Arc;

impl Parser<'_> {
    /// A list that must not be empty and must end at the reserved word
    /// `end` (consumed).
    fn body_until(&mut self, stops: &[&str], end: &[&str]) -> Result<(Script, String), Box<ParseError>> {
        let body = self.list(stops)?;
        match self.plain() {
            Some(w) if !body.items.is_empty() && end.contains(&w) => {
                let w = w.to_string();
                self.advance();
                Ok((body, w))
            }
            _ => Err(self.unexpected()),
        }
    }

    /// `if LIST; then LIST; [elif …] [else LIST;] fi`, at `if`.
    pub(super) fn if_command(&mut self) -> Result<Command, Box<ParseError>> {
        self.enter()?;
        self.advance();
        let mut branches = Vec::new();
        let mut otherwise = None;
        loop {
            let (cond, _) = self.body_until(&["then"], &["then"])?;
            let (body, end) = self.body_until(&["elif", "else", "fi"], &["elif", "else", "fi"])?;
            branches.push((cond, body));
            match end.as_str() {
                "elif" => continue,
                "else" => {
                    let (body, _) = self.body_until(&["fi"], &["fi"])?;
                    otherwise = Some(body);
                    break;
                }
                _ => break,
            }
        }
        self.depth -= 1;
        let redirects = self.trailing_redirects()?;
        Ok(Command::If(IfCommand { branches, otherwise }, redirects))
    }

    /// `while LIST; do LIST; done` (or `until`), at the keyword.
    pub(super) fn while_loop(&mut self) -> Result<Command, Box<ParseError>> {
        self.enter()?;
        let until = self.advance().text == "until";
        let (cond, _) = self.body_until(&["do"], &["do"])?;
        let (body, _) = self.body_until(&["done"], &["done"])?;
        self.depth -= 1;
        let redirects = self.trailing_redirects()?;
        Ok(Command::While(WhileLoop { until, cond, body }, redirects))
    }

    /// `case WORD in [(]PATTERN[|PATTERN]…) LIST ;; … esac`, at `case`.
    pub(super) fn case_command(&mut self) -> Result<Command, Box<ParseError>> {
        self.enter()?;
        self.advance();
        let Some(word) = self.take_word() else {
            return Err(self.unexpected());
        };
        self.skip_newlines();
        if self.plain() != Some("in") {
            return Err(self.unexpected());
        }
        self.advance();
        self.skip_newlines();
        let mut arms = Vec::new();
        while self.plain() != Some("esac") {
            if self.is_op(Op::LParen) {
                self.advance();
            }
            let mut patterns = Vec::new();
            loop {
                let Some(p) = self.take_word() else {
                    return Err(self.unexpected());
                };
                patterns.push(p);
                if !self.is_op(Op::Pipe) {
                    break;
                }
                self.advance();
            }
            if !self.is_op(Op::RParen) {
                return Err(self.unexpected());
            }
            self.advance();
            let body = self.list(&["esac"])?;
            let end = match self.kind() {
                TokenKind::Op(Op::DoubleSemi) => CaseEnd::Break,
                TokenKind::Op(Op::SemiAnd) => CaseEnd::FallThrough,
                TokenKind::Op(Op::DSemiAnd) => CaseEnd::Continue,
                _ if self.plain() == Some("esac") => {
                    arms.push(CaseArm { patterns, body, end: CaseEnd::Break });
                    break;
                }
                _ => return Err(self.unexpected()),
            };
            self.advance();
            self.skip_newlines();
            arms.push(CaseArm { patterns, body, end });
        }
        self.advance(); // `esac`
        self.depth -= 1;
        let redirects = self.trailing_redirects()?;
        Ok(Command::Case(CaseCommand { word, arms }, redirects))
    }

    /// `NAME () COMPOUND-COMMAND`, at the name.
    pub(super) fn function_def(&mut self) -> Result<Command, Box<ParseError>> {
        let name = self.advance().text.to_string();
        self.advance(); // `(`
        self.advance(); // `)`
        self.function_body(name)
    }

    /// `function NAME [()] COMPOUND-COMMAND`, at `function`.
    pub(super) fn function_keyword(&mut self) -> Result<Command, Box<ParseError>> {
        self.advance();
        let name = match self.kind() {
            TokenKind::Word(_) if is_function_name(self.tok().text) => self.advance().text.to_string(),
            TokenKind::Eof => return Err(Box::new(ParseError::UnexpectedToken("newline".into()))),
            _ => return Err(self.unexpected()),
        };
        if self.is_op(Op::LParen) && matches!(self.peek_kind(1), TokenKind::Op(Op::RParen)) {
            self.advance();
            self.advance();
        }
        self.function_body(name)
    }

    fn function_body(&mut self, name: String) -> Result<Command, Box<ParseError>> {
        self.skip_newlines();
        let compound = self.is_op(Op::LParen)
            || matches!(self.plain(), Some("{" | "if" | "while" | "until" | "for" | "case" | "[["));
        if !compound {
            return Err(self.unexpected());
        }
        self.enter()?;
        let body = self.command()?;
        self.depth -= 1;
        Ok(Command::Function(FunctionDef { name, body: Arc::new(body) }))
    }

    /// `[[ EXPRESSION ]]`, at `[[`.
    pub(super) fn cond_command(&mut self) -> Result<Command, Box<ParseError>> {
        self.enter()?;
        let line = self.advance().line;
        let expr = self.cond_or()?;
        if self.plain() != Some("]]") {
            if matches!(self.kind(), TokenKind::Eof) {
                return Err(Box::new(ParseError::CondEof));
            }
            return Err(self.unexpected());
        }
        self.advance();
        self.depth -= 1;
        let redirects = self.trailing_redirects()?;
        Ok(Command::Cond(expr, line, redirects))
    }

    fn cond_or(&mut self) -> Result<CondExpr, Box<ParseError>> {
        let mut left = self.cond_and()?;
        while self.is_op(Op::OrIf) {
            self.advance();
            self.skip_newlines();
            let right = self.cond_and()?;
            left = CondExpr::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn cond_and(&mut self) -> Result<CondExpr, Box<ParseError>> {
        let mut left = self.cond_not()?;
        while self.is_op(Op::AndIf) {
            self.advance();
            self.skip_newlines();
            let right = self.cond_not()?;
            left = CondExpr::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn cond_not(&mut self) -> Result<CondExpr, Box<ParseError>> {
        self.skip_newlines();
        if self.plain() == Some("!") {
            self.advance();
            self.enter()?;
            let inner = self.cond_not()?;
            self.depth -= 1;
            return Ok(CondExpr::Not(Box::new(inner)));
        }
        self.cond_primary()
    }

    fn cond_primary(&mut self) -> Result<CondExpr, Box<ParseError>> {
        if self.is_op(Op::LParen) {
            self.advance();
            self.enter()?;
            let inner = self.cond_or()?;
            self.depth -= 1;
            if !self.is_op(Op::RParen) {
                return Err(self.unexpected());
            }
            self.advance();
            return Ok(inner);
        }
        let first = self.cond_word()?;
        if first.as_plain().is_some_and(is_unary_operator) && self.at_cond_word() {
            let op = first.as_plain().unwrap_or_default().to_string();
            return Ok(CondExpr::Unary(op, self.cond_word()?));
        }
        let op = match self.kind() {
            TokenKind::Op(Op::Less) => Some("<".to_string()),
            TokenKind::Op(Op::Great) => Some(">".to_string()),
            TokenKind::Word(w) => w.as_plain().filter(|o| is_binary(o)).map(str::to_string),
            _ => None,
        };
        match op {
            Some(op) if op == "=~" => {
                self.advance();
                Ok(CondExpr::Binary(first, op, self.cond_regex()?))
            }
            Some(op) => {
                self.advance();
                Ok(CondExpr::Binary(first, op, self.cond_word()?))
            }
            None => Ok(CondExpr::Word(first)),
        }
    }

    /// The right side of `=~`: bash reads it as one word in which `(`, `)`
    /// and `|` are regex characters, up to `]]`, `&&` or `||` (or a `)`
    /// that closes a group of the expression).
    fn cond_regex(&mut self) -> Result<Word, Box<ParseError>> {
        let mut parts = Vec::new();
        let mut depth = 0usize;
        loop {
            let text = match self.kind() {
                TokenKind::Word(_) if self.plain() != Some("]]") => {
                    parts.extend(self.take_word().unwrap_or_default().parts);
                    continue;
                }
                TokenKind::Op(Op::LParen) => {
                    depth += 1;
                    "("
                }
                TokenKind::Op(Op::RParen) if depth > 0 => {
                    depth -= 1;
                    ")"
                }
                TokenKind::Op(Op::Pipe) => "|",
                TokenKind::Op(Op::Less) => "<",
                TokenKind::Op(Op::Great) => ">",
                _ => break,
            };
            parts.push(WordPart::Literal(text.to_string()));
            self.advance();
        }
        if parts.is_empty() {
            return Err(self.unexpected());
        }
        Ok(Word { parts, braces: None })
    }

    /// Whether a word that is not `]]` comes next.
    fn at_cond_word(&self) -> bool {
        matches!(self.kind(), TokenKind::Word(_)) && self.plain() != Some("]]")
    }

    fn cond_word(&mut self) -> Result<Word, Box<ParseError>> {
        if !self.at_cond_word() {
            if matches!(self.kind(), TokenKind::Eof) {
                return Err(Box::new(ParseError::CondToken("EOF".into())));
            }
            return Err(self.unexpected());
        }
        match self.advance().kind {
            TokenKind::Word(mut w) => {
                w.braces = None;
                Ok(w)
            }
            _ => Err(self.unexpected()),
        }
    }

    /// `for NAME [in WORDS] ; do LIST ; done`, at `for`.
    pub(super) fn for_loop(&mut self) -> Result<Command, Box<ParseError>> {
        self.enter()?;
        self.advance(); // `for`
        if self.is_op(Op::LParen) {
            return Err(Box::new(ParseError::Unsupported("for ((…))".into())));
        }
        let var = match self.kind() {
            TokenKind::Word(_) => self.advance().text.to_string(),
            _ => return Err(self.unexpected()),
        };
        self.skip_newlines();
        let mut words = None;
        if self.plain() == Some("in") {
            self.advance();
            let mut list = Vec::new();
            while let Some(w) = self.take_word() {
                list.push(w);
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
    pub(super) fn group(&mut self) -> Result<Command, Box<ParseError>> {
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
    pub(super) fn subshell(&mut self) -> Result<Command, Box<ParseError>> {
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

/// `[[`'s binary operators (`<` and `>` are operator tokens).
fn is_binary(op: &str) -> bool {
    matches!(op, "==" | "=" | "!=" | "=~" | "-eq" | "-ne" | "-lt" | "-le" | "-gt" | "-ge" | "-nt" | "-ot" | "-ef")
}
