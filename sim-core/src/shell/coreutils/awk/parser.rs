//! Builds a [`Program`] from tokens by recursive descent, reporting errors
//! as mawk does (`awk: line 1: syntax error at or near }`).

use super::ast::{BinOp, CmpOp, Dest, Expr, Function, LValue, Pattern, Program, Rule, Stmt};
use super::lexer::{tokenize, Builtin, Keyword, Tok, Token};
use super::AwkError;

/// How deep expressions and statements may nest.
const MAX_DEPTH: usize = 200;

/// Parses program text.
pub fn parse(src: &str) -> Result<Program, AwkError> {
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

fn is_op(t: &Tok, op: &str) -> bool {
    matches!(t, Tok::Op(o) if *o == op)
}

impl Parser {
    fn peek(&self) -> &Tok {
        self.toks.get(self.pos).map_or(&Tok::Eof, |t| &t.tok)
    }

    fn token(&self) -> Option<&Token> {
        self.toks.get(self.pos)
    }

    fn bump(&mut self) -> Tok {
        let t = self.peek().clone();
        if self.pos < self.toks.len() {
            self.pos += 1;
        }
        t
    }

    fn at_op(&self, op: &str) -> bool {
        is_op(self.peek(), op)
    }

    fn at_kw(&self, k: Keyword) -> bool {
        matches!(self.peek(), Tok::Keyword(x) if *x == k)
    }

    fn eat_op(&mut self, op: &str) -> bool {
        if self.at_op(op) {
            self.pos += 1;
            return true;
        }
        false
    }

    /// The error for the current token.
    fn error(&self) -> AwkError {
        match self.token() {
            Some(t) if !matches!(t.tok, Tok::Eof) => AwkError::syntax(t.line, format!("syntax error at or near {}", t.text)),
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
            if is_op(&t.tok, "{") {
                n += 1;
            } else if is_op(&t.tok, "}") {
                n -= 1;
            }
        }
        n.max(0) as usize
    }

    fn expect_op(&mut self, op: &str) -> Result<(), AwkError> {
        if self.eat_op(op) {
            return Ok(());
        }
        if op == ")" && !matches!(self.peek(), Tok::Eof) {
            let t = self.token().cloned();
            if let Some(t) = t {
                return Err(AwkError::syntax(t.line, format!("missing ) near {}", t.text)));
            }
        }
        Err(self.error())
    }

    fn enter(&mut self) -> Result<(), AwkError> {
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
        while matches!(self.peek(), Tok::Newline) || self.at_op(";") {
            self.pos += 1;
        }
    }

    fn program(&mut self) -> Result<(), AwkError> {
        self.terminators();
        while !matches!(self.peek(), Tok::Eof) {
            self.item()?;
            self.terminators();
        }
        Ok(())
    }

    fn item(&mut self) -> Result<(), AwkError> {
        match self.peek() {
            Tok::Keyword(Keyword::Begin) => {
                self.bump();
                self.newlines();
                let b = self.block()?;
                self.prog.begin.push(b);
            }
            Tok::Keyword(Keyword::End) => {
                self.bump();
                self.newlines();
                let b = self.block()?;
                self.prog.end.push(b);
            }
            Tok::Keyword(Keyword::Function) => self.function()?,
            Tok::Op("{") => {
                let b = self.block()?;
                self.prog.rules.push(Rule { pattern: Pattern::All, action: Some(b) });
            }
            _ => {
                let first = self.expr(false)?;
                let pattern = if self.eat_op(",") {
                    self.newlines();
                    Pattern::Range(first, self.expr(false)?)
                } else {
                    Pattern::Expr(first)
                };
                let action = if self.at_op("{") { Some(self.block()?) } else { None };
                if action.is_none() && !matches!(self.peek(), Tok::Newline | Tok::Eof | Tok::Op(";")) {
                    return Err(self.error());
                }
                self.prog.rules.push(Rule { pattern, action });
            }
        }
        Ok(())
    }

    fn function(&mut self) -> Result<(), AwkError> {
        self.bump();
        let name = match self.bump() {
            Tok::Name(n) | Tok::FuncName(n) => n,
            _ => {
                self.pos -= 1;
                return Err(self.error());
            }
        };
        self.expect_op("(")?;
        let mut params = Vec::new();
        while let Tok::Name(p) = self.peek().clone() {
            self.bump();
            params.push(p);
            if !self.eat_op(",") {
                break;
            }
            self.newlines();
        }
        self.expect_op(")")?;
        self.newlines();
        let body = self.block()?;
        self.prog.functions.insert(name, Function { params, body });
        Ok(())
    }

    fn block(&mut self) -> Result<Vec<Stmt>, AwkError> {
        if !self.eat_op("{") {
            return Err(self.error());
        }
        self.enter()?;
        let mut stmts = Vec::new();
        loop {
            self.terminators();
            if self.eat_op("}") {
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
    fn body(&mut self) -> Result<Stmt, AwkError> {
        self.newlines();
        if self.eat_op(";") {
            return Ok(Stmt::Block(Vec::new()));
        }
        self.stmt()
    }

    fn stmt(&mut self) -> Result<Stmt, AwkError> {
        self.enter()?;
        let s = self.stmt_inner()?;
        self.depth -= 1;
        Ok(s)
    }

    fn stmt_inner(&mut self) -> Result<Stmt, AwkError> {
        match self.peek().clone() {
            Tok::Op("{") => Ok(Stmt::Block(self.block()?)),
            Tok::Keyword(Keyword::If) => {
                self.bump();
                self.expect_op("(")?;
                let cond = self.expr(false)?;
                self.expect_op(")")?;
                let then = self.body()?;
                // `else` may follow after terminators.
                let save = self.pos;
                self.terminators();
                if self.at_kw(Keyword::Else) {
                    self.bump();
                    let other = self.body()?;
                    return Ok(Stmt::If(cond, Box::new(then), Some(Box::new(other))));
                }
                self.pos = save;
                Ok(Stmt::If(cond, Box::new(then), None))
            }
            Tok::Keyword(Keyword::While) => {
                self.bump();
                self.expect_op("(")?;
                let cond = self.expr(false)?;
                self.expect_op(")")?;
                if self.at_op(";") {
                    self.bump();
                    return Ok(Stmt::While(cond, Box::new(Stmt::Block(Vec::new()))));
                }
                let body = self.body()?;
                Ok(Stmt::While(cond, Box::new(body)))
            }
            Tok::Keyword(Keyword::Do) => {
                self.bump();
                let body = self.body()?;
                self.terminators();
                if !self.at_kw(Keyword::While) {
                    return Err(self.error());
                }
                self.bump();
                self.expect_op("(")?;
                let cond = self.expr(false)?;
                self.expect_op(")")?;
                self.end_simple()?;
                Ok(Stmt::Do(Box::new(body), cond))
            }
            Tok::Keyword(Keyword::For) => self.for_stmt(),
            Tok::Op(";") => {
                self.bump();
                Ok(Stmt::Block(Vec::new()))
            }
            _ => {
                let s = self.simple_stmt()?;
                self.end_simple()?;
                Ok(s)
            }
        }
    }

    fn for_stmt(&mut self) -> Result<Stmt, AwkError> {
        self.bump();
        self.expect_op("(")?;
        // `for (k in a)`
        if let (Tok::Name(k), Some(Tok::Keyword(Keyword::In)), Some(Tok::Name(a)), Some(Tok::Op(")"))) = (
            self.peek().clone(),
            self.toks.get(self.pos + 1).map(|t| t.tok.clone()),
            self.toks.get(self.pos + 2).map(|t| t.tok.clone()),
            self.toks.get(self.pos + 3).map(|t| t.tok.clone()),
        ) {
            self.pos += 4;
            let body = self.body()?;
            return Ok(Stmt::ForIn(k, a, Box::new(body)));
        }
        let init = if self.at_op(";") { None } else { Some(self.simple_expr_stmt()?) };
        self.expect_op(";")?;
        self.newlines();
        let cond = if self.at_op(";") { None } else { Some(self.expr(false)?) };
        self.expect_op(";")?;
        self.newlines();
        let step = if self.at_op(")") { None } else { Some(self.simple_expr_stmt()?) };
        self.expect_op(")")?;
        if self.at_op(";") {
            self.bump();
            return Ok(Stmt::For(init, cond, step, Box::new(Stmt::Block(Vec::new()))));
        }
        let body = self.body()?;
        Ok(Stmt::For(init, cond, step, Box::new(body)))
    }

    fn simple_expr_stmt(&mut self) -> Result<Expr, AwkError> {
        self.expr(false)
    }

    /// A statement ends at `;`, a newline, or before `}`.
    fn end_simple(&mut self) -> Result<(), AwkError> {
        match self.peek() {
            Tok::Op(";") | Tok::Newline => {
                self.bump();
                Ok(())
            }
            Tok::Op("}") | Tok::Eof => Ok(()),
            _ => Err(self.error()),
        }
    }

    fn simple_stmt(&mut self) -> Result<Stmt, AwkError> {
        match self.peek().clone() {
            Tok::Keyword(k @ (Keyword::Print | Keyword::Printf)) => {
                self.bump();
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
            Tok::Keyword(Keyword::Next) => {
                self.bump();
                Ok(Stmt::Next)
            }
            Tok::Keyword(Keyword::Nextfile) => {
                self.bump();
                Ok(Stmt::Next)
            }
            Tok::Keyword(Keyword::Break) => {
                self.bump();
                Ok(Stmt::Break)
            }
            Tok::Keyword(Keyword::Continue) => {
                self.bump();
                Ok(Stmt::Continue)
            }
            Tok::Keyword(k @ (Keyword::Exit | Keyword::Return)) => {
                self.bump();
                let value = if matches!(self.peek(), Tok::Op(";") | Tok::Op("}") | Tok::Newline | Tok::Eof) {
                    None
                } else {
                    Some(self.expr(false)?)
                };
                Ok(if k == Keyword::Exit { Stmt::Exit(value) } else { Stmt::Return(value) })
            }
            Tok::Keyword(Keyword::Delete) => {
                self.bump();
                let Tok::Name(name) = self.bump() else {
                    self.pos -= 1;
                    return Err(self.error());
                };
                if self.eat_op("[") {
                    let keys = self.expr_list(false)?;
                    self.expect_op("]")?;
                    return Ok(Stmt::Delete(name, Some(keys)));
                }
                Ok(Stmt::Delete(name, None))
            }
            _ => Ok(Stmt::Expr(self.expr(false)?)),
        }
    }

    /// The argument list of print/printf, where a top-level `>` redirects.
    fn print_args(&mut self) -> Result<Vec<Expr>, AwkError> {
        if matches!(self.peek(), Tok::Op(";" | "}" | ">" | ">>" | "|") | Tok::Newline | Tok::Eof) {
            return Ok(Vec::new());
        }
        // `print (a, b) > x`: a parenthesised list.
        if self.at_op("(") {
            let save = self.pos;
            self.bump();
            if let Ok(list) = self.expr_list(false) {
                if self.eat_op(")") && matches!(self.peek(), Tok::Op(";" | "}" | ">" | ">>" | "|") | Tok::Newline | Tok::Eof) {
                    return Ok(list);
                }
            }
            self.pos = save;
        }
        self.expr_list(true)
    }

    fn dest(&mut self) -> Result<Dest, AwkError> {
        if self.eat_op(">") || self.eat_op(">>") {
            return Ok(Dest::File(self.concat(true)?));
        }
        if self.eat_op("|") {
            return Ok(Dest::Pipe(self.concat(true)?));
        }
        Ok(Dest::Stdout)
    }

    fn expr_list(&mut self, no_gt: bool) -> Result<Vec<Expr>, AwkError> {
        let mut list = vec![self.expr(no_gt)?];
        while self.eat_op(",") {
            self.newlines();
            list.push(self.expr(no_gt)?);
        }
        Ok(list)
    }

    /// expr: ternary, or an assignment (right associative).
    fn expr(&mut self, no_gt: bool) -> Result<Expr, AwkError> {
        self.enter()?;
        let lhs = self.ternary(no_gt)?;
        let op = match self.peek() {
            Tok::Op("=") => Some(None),
            Tok::Op("+=") => Some(Some(BinOp::Add)),
            Tok::Op("-=") => Some(Some(BinOp::Sub)),
            Tok::Op("*=") => Some(Some(BinOp::Mul)),
            Tok::Op("/=") => Some(Some(BinOp::Div)),
            Tok::Op("%=") => Some(Some(BinOp::Mod)),
            Tok::Op("^=") => Some(Some(BinOp::Pow)),
            _ => None,
        };
        let result = match (op, lhs) {
            (Some(op), Expr::LValue(lv)) => {
                self.bump();
                self.newlines();
                let rhs = self.expr(no_gt)?;
                Expr::Assign(op, lv, Box::new(rhs))
            }
            (_, lhs) => lhs,
        };
        self.depth -= 1;
        Ok(result)
    }

    fn ternary(&mut self, no_gt: bool) -> Result<Expr, AwkError> {
        let cond = self.or(no_gt)?;
        if self.eat_op("?") {
            self.newlines();
            let a = self.expr(no_gt)?;
            self.newlines();
            if !self.eat_op(":") {
                return Err(self.error());
            }
            self.newlines();
            let b = self.expr(no_gt)?;
            return Ok(Expr::Cond(Box::new(cond), Box::new(a), Box::new(b)));
        }
        Ok(cond)
    }

    fn or(&mut self, no_gt: bool) -> Result<Expr, AwkError> {
        let mut lhs = self.and(no_gt)?;
        while self.eat_op("||") {
            self.newlines();
            lhs = Expr::Or(Box::new(lhs), Box::new(self.and(no_gt)?));
        }
        Ok(lhs)
    }

    fn and(&mut self, no_gt: bool) -> Result<Expr, AwkError> {
        let mut lhs = self.in_expr(no_gt)?;
        while self.eat_op("&&") {
            self.newlines();
            lhs = Expr::And(Box::new(lhs), Box::new(self.in_expr(no_gt)?));
        }
        Ok(lhs)
    }

    fn in_expr(&mut self, no_gt: bool) -> Result<Expr, AwkError> {
        let mut lhs = self.matching(no_gt)?;
        while self.at_kw(Keyword::In) {
            self.bump();
            let Tok::Name(arr) = self.bump() else {
                self.pos -= 1;
                return Err(self.error());
            };
            let keys = match lhs {
                Expr::Group(list) => list,
                other => vec![other],
            };
            lhs = Expr::In(keys, arr);
        }
        Ok(lhs)
    }

    fn matching(&mut self, no_gt: bool) -> Result<Expr, AwkError> {
        let mut lhs = self.relational(no_gt)?;
        loop {
            let negated = if self.eat_op("~") {
                false
            } else if self.eat_op("!~") {
                true
            } else {
                return Ok(lhs);
            };
            let rhs = self.relational(no_gt)?;
            lhs = Expr::Match(negated, Box::new(lhs), Box::new(rhs));
        }
    }

    fn relational(&mut self, no_gt: bool) -> Result<Expr, AwkError> {
        let lhs = self.concat(no_gt)?;
        let op = match self.peek() {
            Tok::Op("<") => CmpOp::Lt,
            Tok::Op("<=") => CmpOp::Le,
            Tok::Op("==") => CmpOp::Eq,
            Tok::Op("!=") => CmpOp::Ne,
            Tok::Op(">") if !no_gt => CmpOp::Gt,
            Tok::Op(">=") => CmpOp::Ge,
            _ => return Ok(lhs),
        };
        self.bump();
        let rhs = self.concat(no_gt)?;
        Ok(Expr::Cmp(op, Box::new(lhs), Box::new(rhs)))
    }

    /// Whether the next token can start an operand of a concatenation.
    fn starts_operand(&self) -> bool {
        matches!(
            self.peek(),
            Tok::Number(_) | Tok::Str(_) | Tok::Regex(_) | Tok::Name(_) | Tok::FuncName(_) | Tok::Builtin(_) | Tok::Op("$" | "(")
        )
    }

    fn concat(&mut self, no_gt: bool) -> Result<Expr, AwkError> {
        let mut lhs = self.additive()?;
        while self.starts_operand() {
            let rhs = self.additive()?;
            lhs = Expr::Concat(Box::new(lhs), Box::new(rhs));
        }
        let _ = no_gt;
        Ok(lhs)
    }

    fn additive(&mut self) -> Result<Expr, AwkError> {
        let mut lhs = self.multiplicative()?;
        loop {
            let op = match self.peek() {
                Tok::Op("+") => BinOp::Add,
                Tok::Op("-") => BinOp::Sub,
                _ => return Ok(lhs),
            };
            self.bump();
            let rhs = self.multiplicative()?;
            lhs = Expr::Binary(op, Box::new(lhs), Box::new(rhs));
        }
    }

    fn multiplicative(&mut self) -> Result<Expr, AwkError> {
        let mut lhs = self.unary()?;
        loop {
            let op = match self.peek() {
                Tok::Op("*") => BinOp::Mul,
                Tok::Op("/") => BinOp::Div,
                Tok::Op("%") => BinOp::Mod,
                _ => return Ok(lhs),
            };
            self.bump();
            let rhs = self.unary()?;
            lhs = Expr::Binary(op, Box::new(lhs), Box::new(rhs));
        }
    }

    fn unary(&mut self) -> Result<Expr, AwkError> {
        self.enter()?;
        let e = match self.peek() {
            Tok::Op("!") => {
                self.bump();
                Expr::Not(Box::new(self.unary()?))
            }
            Tok::Op("-") => {
                self.bump();
                Expr::Neg(Box::new(self.unary()?))
            }
            Tok::Op("+") => {
                self.bump();
                Expr::Plus(Box::new(self.unary()?))
            }
            _ => self.power()?,
        };
        self.depth -= 1;
        Ok(e)
    }

    fn power(&mut self) -> Result<Expr, AwkError> {
        let base = self.postfix()?;
        if self.eat_op("^") {
            // Right associative, and `2^-1` is allowed.
            let exp = self.unary()?;
            return Ok(Expr::Binary(BinOp::Pow, Box::new(base), Box::new(exp)));
        }
        Ok(base)
    }

    fn postfix(&mut self) -> Result<Expr, AwkError> {
        let e = self.primary()?;
        if let Expr::LValue(lv) = &e {
            if self.at_op("++") || self.at_op("--") {
                let delta = if self.at_op("++") { 1.0 } else { -1.0 };
                self.bump();
                return Ok(Expr::Incr(lv.clone(), delta, false));
            }
        }
        Ok(e)
    }

    fn lvalue(&mut self) -> Result<LValue, AwkError> {
        match self.primary()? {
            Expr::LValue(lv) => Ok(lv),
            _ => Err(self.error()),
        }
    }

    fn primary(&mut self) -> Result<Expr, AwkError> {
        self.enter()?;
        let e = self.primary_inner()?;
        self.depth -= 1;
        Ok(e)
    }

    fn primary_inner(&mut self) -> Result<Expr, AwkError> {
        match self.bump() {
            Tok::Number(n) => Ok(Expr::Num(n)),
            Tok::Str(s) => Ok(Expr::Str(s)),
            Tok::Regex(r) => Ok(Expr::Regex(r)),
            Tok::Op("$") => {
                let index = match self.peek() {
                    Tok::Op("-") => {
                        self.bump();
                        Expr::Neg(Box::new(self.primary()?))
                    }
                    Tok::Op("++" | "--") => {
                        let delta = if self.at_op("++") { 1.0 } else { -1.0 };
                        self.bump();
                        Expr::Incr(self.lvalue()?, delta, true)
                    }
                    _ => self.primary()?,
                };
                Ok(Expr::LValue(LValue::Field(Box::new(index))))
            }
            Tok::Op(op @ ("++" | "--")) => {
                let delta = if op == "++" { 1.0 } else { -1.0 };
                Ok(Expr::Incr(self.lvalue()?, delta, true))
            }
            Tok::Op("(") => {
                self.newlines();
                let list = self.expr_list(false)?;
                self.newlines();
                self.expect_op(")")?;
                let mut list = list;
                if list.len() == 1 {
                    Ok(list.pop().unwrap_or(Expr::Num(0.0)))
                } else {
                    Ok(Expr::Group(list))
                }
            }
            Tok::Op("-") => Ok(Expr::Neg(Box::new(self.unary()?))),
            Tok::Op("!") => Ok(Expr::Not(Box::new(self.unary()?))),
            Tok::Name(name) => {
                if self.eat_op("[") {
                    let keys = self.expr_list(false)?;
                    self.expect_op("]")?;
                    return Ok(Expr::LValue(LValue::Index(name, keys)));
                }
                Ok(Expr::LValue(LValue::Var(name)))
            }
            Tok::FuncName(name) => {
                self.expect_op("(")?;
                self.check_call_args()?;
                let args = if self.at_op(")") { Vec::new() } else { self.expr_list(false)? };
                self.expect_op(")")?;
                Ok(Expr::UserCall(name, args))
            }
            Tok::Builtin(f) => self.builtin(f),
            Tok::Keyword(Keyword::Getline) => {
                let target = match self.peek() {
                    Tok::Name(_) | Tok::Op("$") => Some(self.lvalue()?),
                    _ => None,
                };
                Ok(Expr::Getline(target))
            }
            _ => {
                self.pos -= 1;
                Err(self.error())
            }
        }
    }

    /// After a call's `(`: a token that cannot start an argument means the
    /// `)` is missing, as mawk words it.
    fn check_call_args(&self) -> Result<(), AwkError> {
        if let Some(t) = self.token() {
            if matches!(t.tok, Tok::Op("}" | ";") | Tok::Newline) {
                return Err(AwkError::syntax(t.line, format!("missing ) near {}", t.text)));
            }
        }
        Ok(())
    }

    fn builtin(&mut self, f: Builtin) -> Result<Expr, AwkError> {
        if !self.at_op("(") {
            if f == Builtin::Length {
                return Ok(Expr::Call(f, Vec::new()));
            }
            return Err(self.error());
        }
        self.bump();
        self.newlines();
        self.check_call_args()?;
        let args = if self.at_op(")") { Vec::new() } else { self.expr_list(false)? };
        self.newlines();
        self.expect_op(")")?;
        let (min, max) = match f {
            Builtin::Length | Builtin::Srand | Builtin::Fflush => (0, 1),
            Builtin::Rand => (0, 0),
            Builtin::Substr => (2, 3),
            Builtin::Index | Builtin::Match | Builtin::Atan2 => (2, 2),
            Builtin::Split | Builtin::Sub | Builtin::Gsub => (2, 3),
            Builtin::Sprintf => (1, usize::MAX),
            _ => (1, 1),
        };
        if args.len() < min || args.len() > max {
            let t = &self.toks[self.pos - 1];
            return Err(AwkError::syntax(t.line, format!("wrong number of arguments in call to {}", builtin_name(f))));
        }
        if matches!(f, Builtin::Sub | Builtin::Gsub) && args.len() == 3 && !matches!(args[2], Expr::LValue(_)) {
            let t = &self.toks[self.pos - 1];
            return Err(AwkError::syntax(t.line, "syntax error at or near )".into()));
        }
        if f == Builtin::Split && !matches!(args[1], Expr::LValue(LValue::Var(_))) {
            let t = &self.toks[self.pos - 1];
            return Err(AwkError::syntax(t.line, "type error in arg(2) in call to split".into()));
        }
        Ok(Expr::Call(f, args))
    }
}

fn builtin_name(f: Builtin) -> String {
    format!("{f:?}").to_lowercase()
}
