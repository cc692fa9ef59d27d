//! Builds a [`Program`] from tokens by recursive descent, reporting errors
//! as mawk does (`awk: line 1: syntax error at or near }`). Programs and
//! statements are parsed here, expressions in [`expr`].

mod expr;

use super::ast::{Dest, Expr, Function, Pattern, Program, Rule, Stmt};
use super::lexer::{tokenize, Keyword, Op, Tok, Token};
use super::AwkError;

/// A parse result; the error is boxed so that `?` moves one pointer.
type Parsed<T> = Result<T, Box<AwkError>>;

/// How deep expressions and statements may nest.
const MAX_DEPTH: usize = 200;

/// Parses program text.
pub fn parse(src: &str) -> Result<Program, Box<AwkError>> {
    let toks = tokenize(src)?;
    let mut p = Parser { toks, pos: 0, depth: 0, prog: Program::default() };
    p.program()?;
    Ok(p.prog)
}

struct Parser {
    toks: Vec<Token>,
    pos: usize,
    depth: usize,
    prog: Program,
}

fn is_op(t: &Tok, op: Op) -> bool {
    matches!(t, Tok::Op(o) if *o == op)
}

/// mawk's error for a `)` it expected before `t`.
fn missing_paren(t: &Token) -> Box<AwkError> {
    AwkError::syntax(t.line, format!("missing ) near {}", t.text))
}

impl Parser {
    fn peek(&self) -> &Tok {
        self.toks.get(self.pos).map_or(&Tok::Eof, |t| &t.tok)
    }

    fn token(&self) -> Option<&Token> {
        self.toks.get(self.pos)
    }

    fn bump(&mut self) -> Tok {
        let t = *self.peek();
        self.advance();
        t
    }

    /// The text of token `i`, as written.
    fn text_of(&self, i: usize) -> String {
        self.toks[i].text.clone()
    }

    /// Moves past the current token.
    fn advance(&mut self) {
        if self.pos < self.toks.len() {
            self.pos += 1;
        }
    }

    /// The token `n` places after the current one.
    fn peek_at(&self, n: usize) -> Option<&Tok> {
        self.toks.get(self.pos + n).map(|t| &t.tok)
    }

    fn at_op(&self, op: Op) -> bool {
        is_op(self.peek(), op)
    }

    fn at_kw(&self, k: Keyword) -> bool {
        matches!(self.peek(), Tok::Keyword(x) if *x == k)
    }

    fn eat_op(&mut self, op: Op) -> bool {
        if self.at_op(op) {
            self.pos += 1;
            return true;
        }
        false
    }

    /// The error for the current token.
    fn error(&self) -> Box<AwkError> {
        match self.token() {
            Some(t) if !matches!(t.tok, Tok::Eof) => {
                AwkError::syntax(t.line, format!("syntax error at or near {}", t.text))
            }
            _ if self.depth_braces() > 0 => AwkError::syntax(self.eof_line(), "missing } near end of file".into()),
            _ => AwkError::syntax(self.eof_line(), "syntax error at or near end of file".into()),
        }
    }

    fn eof_line(&self) -> usize {
        self.toks.last().map_or(1, |t| t.line) + 1
    }

    /// How many `{` are open before the cursor.
    fn depth_braces(&self) -> usize {
        let mut n: isize = 0;
        for t in &self.toks[..self.pos.min(self.toks.len())] {
            if is_op(&t.tok, Op::LBrace) {
                n += 1;
            } else if is_op(&t.tok, Op::RBrace) {
                n -= 1;
            }
        }
        n.max(0) as usize
    }

    fn expect_op(&mut self, op: Op) -> Parsed<()> {
        if self.eat_op(op) {
            return Ok(());
        }
        if op == Op::RParen && !matches!(self.peek(), Tok::Eof) {
            if let Some(t) = self.token() {
                return Err(missing_paren(t));
            }
        }
        Err(self.error())
    }

    fn enter(&mut self) -> Parsed<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error());
        }
        Ok(())
    }

    fn newlines(&mut self) {
        while matches!(self.peek(), Tok::Newline) {
            self.pos += 1;
        }
    }

    fn terminators(&mut self) {
        while matches!(self.peek(), Tok::Newline) || self.at_op(Op::Semi) {
            self.pos += 1;
        }
    }

    fn program(&mut self) -> Parsed<()> {
        self.terminators();
        while !matches!(self.peek(), Tok::Eof) {
            self.item()?;
            self.terminators();
        }
        Ok(())
    }

    fn item(&mut self) -> Parsed<()> {
        match self.peek() {
            &Tok::Keyword(k @ (Keyword::Begin | Keyword::End)) => {
                self.advance();
                self.newlines();
                let b = self.block()?;
                if k == Keyword::Begin { &mut self.prog.begin } else { &mut self.prog.end }.push(b);
            }
            Tok::Keyword(Keyword::Function) => self.function()?,
            Tok::Op(Op::LBrace) => {
                let b = self.block()?;
                self.prog.rules.push(Rule { pattern: Pattern::All, action: Some(b) });
            }
            _ => {
                let first = self.expr(false)?;
                let pattern = if self.eat_op(Op::Comma) {
                    self.newlines();
                    Pattern::Range(first, self.expr(false)?)
                } else {
                    Pattern::Expr(first)
                };
                let action = if self.at_op(Op::LBrace) { Some(self.block()?) } else { None };
                if action.is_none() && !matches!(self.peek(), Tok::Newline | Tok::Eof | Tok::Op(Op::Semi)) {
                    return Err(self.error());
                }
                self.prog.rules.push(Rule { pattern, action });
            }
        }
        Ok(())
    }

    fn function(&mut self) -> Parsed<()> {
        self.advance();
        let name = match self.bump() {
            Tok::Name | Tok::FuncName => self.text_of(self.pos - 1),
            _ => {
                self.pos -= 1;
                return Err(self.error());
            }
        };
        self.expect_op(Op::LParen)?;
        let mut params = Vec::new();
        while let Tok::Name = self.peek() {
            params.push(self.text_of(self.pos));
            self.advance();
            if !self.eat_op(Op::Comma) {
                break;
            }
            self.newlines();
        }
        self.expect_op(Op::RParen)?;
        self.newlines();
        let body = self.block()?;
        self.prog.functions.insert(&name, Function { params, body });
        Ok(())
    }

    fn block(&mut self) -> Parsed<Vec<Stmt>> {
        if !self.eat_op(Op::LBrace) {
            return Err(self.error());
        }
        self.enter()?;
        let mut stmts = Vec::new();
        loop {
            self.terminators();
            if self.eat_op(Op::RBrace) {
                break;
            }
            if matches!(self.peek(), Tok::Eof) {
                return Err(self.error());
            }
            stmts.push(self.stmt()?);
        }
        self.depth -= 1;
        Ok(stmts)
    }

    /// A statement body after `if (…)`, `while (…)`, …
    fn body(&mut self) -> Parsed<Stmt> {
        self.newlines();
        if self.eat_op(Op::Semi) {
            return Ok(Stmt::Block(Vec::new()));
        }
        self.stmt()
    }

    fn stmt(&mut self) -> Parsed<Stmt> {
        self.enter()?;
        let s = self.stmt_inner()?;
        self.depth -= 1;
        Ok(s)
    }

    fn stmt_inner(&mut self) -> Parsed<Stmt> {
        match *self.peek() {
            Tok::Op(Op::LBrace) => Ok(Stmt::Block(self.block()?)),
            Tok::Keyword(Keyword::If) => {
                self.advance();
                self.expect_op(Op::LParen)?;
                let cond = self.expr(false)?;
                self.expect_op(Op::RParen)?;
                let then = self.body()?;
                // `else` may follow after terminators.
                let save = self.pos;
                self.terminators();
                if self.at_kw(Keyword::Else) {
                    self.advance();
                    let other = self.body()?;
                    return Ok(Stmt::If(cond, Box::new(then), Some(Box::new(other))));
                }
                self.pos = save;
                Ok(Stmt::If(cond, Box::new(then), None))
            }
            Tok::Keyword(Keyword::While) => {
                self.advance();
                self.expect_op(Op::LParen)?;
                let cond = self.expr(false)?;
                self.expect_op(Op::RParen)?;
                // `while (c) s` runs as `for (; c; ) s`.
                let body = self.body()?;
                Ok(Stmt::For(None, Some(cond), None, Box::new(body)))
            }
            Tok::Keyword(Keyword::Do) => {
                self.advance();
                let body = self.body()?;
                self.terminators();
                if !self.at_kw(Keyword::While) {
                    return Err(self.error());
                }
                self.advance();
                self.expect_op(Op::LParen)?;
                let cond = self.expr(false)?;
                self.expect_op(Op::RParen)?;
                self.end_simple()?;
                Ok(Stmt::Do(Box::new(body), cond))
            }
            Tok::Keyword(Keyword::For) => self.for_stmt(),
            Tok::Op(Op::Semi) => {
                self.advance();
                Ok(Stmt::Block(Vec::new()))
            }
            _ => {
                let s = self.simple_stmt()?;
                self.end_simple()?;
                Ok(s)
            }
        }
    }

    fn for_stmt(&mut self) -> Parsed<Stmt> {
        self.advance();
        self.expect_op(Op::LParen)?;
        // `for (k in a)`
        if let (Tok::Name, Some(Tok::Keyword(Keyword::In)), Some(Tok::Name), Some(Tok::Op(Op::RParen))) =
            (self.peek(), self.peek_at(1), self.peek_at(2), self.peek_at(3))
        {
            let (k, a) = (self.text_of(self.pos), self.text_of(self.pos + 2));
            self.pos += 4;
            let body = self.body()?;
            return Ok(Stmt::ForIn(k, a, Box::new(body)));
        }
        let init = if self.at_op(Op::Semi) { None } else { Some(self.expr(false)?) };
        self.expect_op(Op::Semi)?;
        self.newlines();
        let cond = if self.at_op(Op::Semi) { None } else { Some(self.expr(false)?) };
        self.expect_op(Op::Semi)?;
        self.newlines();
        let step = if self.at_op(Op::RParen) { None } else { Some(self.expr(false)?) };
        self.expect_op(Op::RParen)?;
        let body = self.body()?;
        Ok(Stmt::For(init, cond, step, Box::new(body)))
    }

    /// A statement ends at `;`, a newline, or before `}`.
    fn end_simple(&mut self) -> Parsed<()> {
        match self.peek() {
            Tok::Op(Op::Semi) | Tok::Newline => {
                self.advance();
                Ok(())
            }
            Tok::Op(Op::RBrace) | Tok::Eof => Ok(()),
            _ => Err(self.error()),
        }
    }

    fn simple_stmt(&mut self) -> Parsed<Stmt> {
        match *self.peek() {
            Tok::Keyword(k @ (Keyword::Print | Keyword::Printf)) => {
                self.advance();
                let args = self.print_args()?;
                let dest = self.dest()?;
                if k == Keyword::Print {
                    Ok(Stmt::Print(args, dest))
                } else {
                    if args.is_empty() {
                        return Err(self.error());
                    }
                    Ok(Stmt::Printf(args, dest))
                }
            }
            Tok::Keyword(k @ (Keyword::Next | Keyword::Nextfile | Keyword::Break | Keyword::Continue)) => {
                self.advance();
                Ok(match k {
                    Keyword::Break => Stmt::Break,
                    Keyword::Continue => Stmt::Continue,
                    Keyword::Nextfile => Stmt::Nextfile,
                    _ => Stmt::Next,
                })
            }
            Tok::Keyword(k @ (Keyword::Exit | Keyword::Return)) => {
                self.advance();
                let value = if matches!(self.peek(), Tok::Op(Op::Semi) | Tok::Op(Op::RBrace) | Tok::Newline | Tok::Eof)
                {
                    None
                } else {
                    Some(self.expr(false)?)
                };
                Ok(if k == Keyword::Exit { Stmt::Exit(value) } else { Stmt::Return(value) })
            }
            Tok::Keyword(Keyword::Delete) => {
                self.advance();
                let Tok::Name = self.bump() else {
                    self.pos -= 1;
                    return Err(self.error());
                };
                let name = self.text_of(self.pos - 1);
                if self.eat_op(Op::LBracket) {
                    let keys = self.expr_list(false)?;
                    self.expect_op(Op::RBracket)?;
                    return Ok(Stmt::Delete(name, Some(keys)));
                }
                Ok(Stmt::Delete(name, None))
            }
            _ => Ok(Stmt::Expr(self.expr(false)?)),
        }
    }

    /// Whether print's arguments end here: at the statement's end or a
    /// redirection.
    fn at_print_end(&self) -> bool {
        matches!(self.peek(), Tok::Op(Op::Semi | Op::RBrace | Op::Gt | Op::Append | Op::Pipe) | Tok::Newline | Tok::Eof)
    }

    /// The argument list of print/printf, where a top-level `>` redirects.
    fn print_args(&mut self) -> Parsed<Vec<Expr>> {
        if self.at_print_end() {
            return Ok(Vec::new());
        }
        // `print (a, b) > x`: a parenthesised list.
        if self.at_op(Op::LParen) {
            let save = self.pos;
            self.advance();
            if let Ok(list) = self.expr_list(false) {
                if self.eat_op(Op::RParen) && self.at_print_end() {
                    return Ok(list);
                }
            }
            self.pos = save;
        }
        self.expr_list(true)
    }

    fn dest(&mut self) -> Parsed<Dest> {
        if self.eat_op(Op::Gt) || self.eat_op(Op::Append) {
            return Ok(Dest::File(self.concat()?));
        }
        if self.eat_op(Op::Pipe) {
            return Ok(Dest::Pipe(self.concat()?));
        }
        Ok(Dest::Stdout)
    }
}
