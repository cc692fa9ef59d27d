//! Expressions, from assignment down to primaries, in awk's precedence
//! order: `?:`, `||`, `&&`, `in`, `~`, comparisons, concatenation, `+ -`,
//! `* / %`, unary `! - +`, `^`, `++ --`, `$`.

use super::{AwkError, Parsed, Parser};
use crate::coreutils::awk::ast::{BinOp, CmpOp, Expr, LValue};
use crate::coreutils::awk::lexer::{Builtin, Keyword, Op, Tok};

impl Parser {
    pub(super) fn expr_list(&mut self, no_gt: bool) -> Parsed<Vec<Expr>> {
        let mut list = vec![self.expr(no_gt)?];
        while self.eat_op(Op::Comma) {
            self.newlines();
            list.push(self.expr(no_gt)?);
        }
        Ok(list)
    }

    /// expr: ternary, or an assignment (right associative).
    pub(super) fn expr(&mut self, no_gt: bool) -> Parsed<Expr> {
        self.enter()?;
        let lhs = self.ternary(no_gt)?;
        let op = match self.peek() {
            Tok::Op(Op::Assign) => Some(None),
            Tok::Op(Op::AddAssign) => Some(Some(BinOp::Add)),
            Tok::Op(Op::SubAssign) => Some(Some(BinOp::Sub)),
            Tok::Op(Op::MulAssign) => Some(Some(BinOp::Mul)),
            Tok::Op(Op::DivAssign) => Some(Some(BinOp::Div)),
            Tok::Op(Op::ModAssign) => Some(Some(BinOp::Mod)),
            Tok::Op(Op::PowAssign) => Some(Some(BinOp::Pow)),
            _ => None,
        };
        let result = match (op, lhs) {
            (Some(op), Expr::LValue(lv)) => {
                self.advance();
                self.newlines();
                let rhs = self.expr(no_gt)?;
                Expr::Assign(op, lv, Box::new(rhs))
            }
            (_, lhs) => lhs,
        };
        self.depth -= 1;
        Ok(result)
    }

    pub(super) fn ternary(&mut self, no_gt: bool) -> Parsed<Expr> {
        let cond = self.logical(no_gt, true)?;
        if self.eat_op(Op::Question) {
            self.newlines();
            let a = self.expr(no_gt)?;
            self.newlines();
            if !self.eat_op(Op::Colon) {
                return Err(self.error());
            }
            self.newlines();
            let b = self.expr(no_gt)?;
            return Ok(Expr::Cond(Box::new(cond), Box::new(a), Box::new(b)));
        }
        Ok(cond)
    }

    /// `a || b` (when `or`) or `a && b`, left associative.
    pub(super) fn logical(&mut self, no_gt: bool, or: bool) -> Parsed<Expr> {
        let operand = |p: &mut Self| if or { p.logical(no_gt, false) } else { p.in_expr(no_gt) };
        let mut lhs = operand(self)?;
        while self.eat_op(if or { Op::OrOr } else { Op::AndAnd }) {
            self.newlines();
            lhs = Expr::Logical(or, Box::new(lhs), Box::new(operand(self)?));
        }
        Ok(lhs)
    }

    pub(super) fn in_expr(&mut self, no_gt: bool) -> Parsed<Expr> {
        let mut lhs = self.matching(no_gt)?;
        while self.at_kw(Keyword::In) {
            self.advance();
            let Tok::Name = self.bump() else {
                self.pos -= 1;
                return Err(self.error());
            };
            let arr = self.text_of(self.pos - 1);
            let keys = match lhs {
                Expr::Group(list) => list,
                other => vec![other],
            };
            lhs = Expr::In(keys, arr);
        }
        Ok(lhs)
    }

    pub(super) fn matching(&mut self, no_gt: bool) -> Parsed<Expr> {
        let mut lhs = self.relational(no_gt)?;
        loop {
            let negated = if self.eat_op(Op::Tilde) {
                false
            } else if self.eat_op(Op::NoMatch) {
                true
            } else {
                return Ok(lhs);
            };
            let rhs = self.relational(no_gt)?;
            lhs = Expr::Match(negated, Box::new(lhs), Box::new(rhs));
        }
    }

    pub(super) fn relational(&mut self, no_gt: bool) -> Parsed<Expr> {
        let lhs = self.concat()?;
        let op = match self.peek() {
            Tok::Op(Op::Lt) => CmpOp::Lt,
            Tok::Op(Op::Le) => CmpOp::Le,
            Tok::Op(Op::EqEq) => CmpOp::Eq,
            Tok::Op(Op::Ne) => CmpOp::Ne,
            Tok::Op(Op::Gt) if !no_gt => CmpOp::Gt,
            Tok::Op(Op::Ge) => CmpOp::Ge,
            _ => return Ok(lhs),
        };
        self.advance();
        let rhs = self.concat()?;
        Ok(Expr::Cmp(op, Box::new(lhs), Box::new(rhs)))
    }

    /// Whether the next token can start an operand of a concatenation.
    pub(super) fn starts_operand(&self) -> bool {
        matches!(
            self.peek(),
            Tok::Number(_)
                | Tok::Str
                | Tok::Regex
                | Tok::Name
                | Tok::FuncName
                | Tok::Builtin(_)
                | Tok::Op(Op::Dollar | Op::LParen)
        )
    }

    pub(super) fn concat(&mut self) -> Parsed<Expr> {
        let mut lhs = self.arith(false)?;
        while self.starts_operand() {
            let rhs = self.arith(false)?;
            lhs = Expr::Concat(Box::new(lhs), Box::new(rhs));
        }
        Ok(lhs)
    }

    /// `a + b`, `a - b` or, when `mul`, `a * b`, `a / b`, `a % b`; left
    /// associative.
    pub(super) fn arith(&mut self, mul: bool) -> Parsed<Expr> {
        let operand = |p: &mut Self| if mul { p.unary() } else { p.arith(true) };
        let mut lhs = operand(self)?;
        loop {
            let op = match (self.peek(), mul) {
                (Tok::Op(Op::Plus), false) => BinOp::Add,
                (Tok::Op(Op::Minus), false) => BinOp::Sub,
                (Tok::Op(Op::Star), true) => BinOp::Mul,
                (Tok::Op(Op::Slash), true) => BinOp::Div,
                (Tok::Op(Op::Percent), true) => BinOp::Mod,
                _ => return Ok(lhs),
            };
            self.advance();
            let rhs = operand(self)?;
            lhs = Expr::Binary(op, Box::new(lhs), Box::new(rhs));
        }
    }

    pub(super) fn unary(&mut self) -> Parsed<Expr> {
        self.enter()?;
        let e = match self.peek() {
            Tok::Op(Op::Bang) => {
                self.advance();
                Expr::Not(Box::new(self.unary()?))
            }
            Tok::Op(Op::Minus) => {
                self.advance();
                Expr::Neg(Box::new(self.unary()?))
            }
            Tok::Op(Op::Plus) => {
                self.advance();
                Expr::Plus(Box::new(self.unary()?))
            }
            _ => self.power()?,
        };
        self.depth -= 1;
        Ok(e)
    }

    pub(super) fn power(&mut self) -> Parsed<Expr> {
        let base = self.postfix()?;
        if self.eat_op(Op::Caret) {
            // Right associative, and `2^-1` is allowed.
            let exp = self.unary()?;
            return Ok(Expr::Binary(BinOp::Pow, Box::new(base), Box::new(exp)));
        }
        Ok(base)
    }

    pub(super) fn postfix(&mut self) -> Parsed<Expr> {
        let e = self.primary()?;
        match e {
            Expr::LValue(lv) if self.at_op(Op::Incr) || self.at_op(Op::Decr) => {
                let delta = if self.at_op(Op::Incr) { 1.0 } else { -1.0 };
                self.advance();
                Ok(Expr::Incr(lv, delta, false))
            }
            e => Ok(e),
        }
    }

    pub(super) fn lvalue(&mut self) -> Parsed<LValue> {
        match self.primary()? {
            Expr::LValue(lv) => Ok(lv),
            _ => Err(self.error()),
        }
    }

    pub(super) fn primary(&mut self) -> Parsed<Expr> {
        self.enter()?;
        let e = self.primary_inner()?;
        self.depth -= 1;
        Ok(e)
    }

    pub(super) fn primary_inner(&mut self) -> Parsed<Expr> {
        match self.bump() {
            Tok::Number(n) => Ok(Expr::Num(n)),
            Tok::Str | Tok::Regex => {
                // The literal's text without its quotes or slashes.
                let text = &self.toks[self.pos - 1].text;
                let body = text[1..text.len() - 1].to_string();
                Ok(if text.starts_with('"') { Expr::Str(body) } else { Expr::Regex(body) })
            }
            Tok::Op(Op::Dollar) => {
                let index = match self.peek() {
                    Tok::Op(Op::Minus) => {
                        self.advance();
                        Expr::Neg(Box::new(self.primary()?))
                    }
                    Tok::Op(Op::Incr | Op::Decr) => {
                        let delta = if self.at_op(Op::Incr) { 1.0 } else { -1.0 };
                        self.advance();
                        Expr::Incr(self.lvalue()?, delta, true)
                    }
                    _ => self.primary()?,
                };
                Ok(Expr::LValue(LValue::Field(Box::new(index))))
            }
            Tok::Op(op @ (Op::Incr | Op::Decr)) => {
                let delta = if op == Op::Incr { 1.0 } else { -1.0 };
                Ok(Expr::Incr(self.lvalue()?, delta, true))
            }
            Tok::Op(Op::LParen) => {
                self.newlines();
                let list = self.expr_list(false)?;
                self.newlines();
                self.expect_op(Op::RParen)?;
                let mut list = list;
                if list.len() == 1 {
                    Ok(list.pop().unwrap_or(Expr::Num(0.0)))
                } else {
                    Ok(Expr::Group(list))
                }
            }
            Tok::Op(Op::Minus) => Ok(Expr::Neg(Box::new(self.unary()?))),
            Tok::Op(Op::Bang) => Ok(Expr::Not(Box::new(self.unary()?))),
            Tok::Name => {
                let name = self.text_of(self.pos - 1);
                if self.eat_op(Op::LBracket) {
                    let keys = self.expr_list(false)?;
                    self.expect_op(Op::RBracket)?;
                    return Ok(Expr::LValue(LValue::Index(name, keys)));
                }
                Ok(Expr::LValue(LValue::Var(name)))
            }
            Tok::FuncName => {
                let name = self.text_of(self.pos - 1);
                self.expect_op(Op::LParen)?;
                self.check_call_args()?;
                let args = if self.at_op(Op::RParen) { Vec::new() } else { self.expr_list(false)? };
                self.expect_op(Op::RParen)?;
                Ok(Expr::UserCall(name, args))
            }
            Tok::Builtin(f) => self.builtin(f),
            Tok::Keyword(Keyword::Getline) => {
                let target = match self.peek() {
                    Tok::Name | Tok::Op(Op::Dollar) => Some(self.lvalue()?),
                    _ => None,
                };
                if self.eat_op(Op::Lt) {
                    // What follows `<` is a primary: `getline < "a" "b"`
                    // reads "a", then concatenates "b".
                    return Ok(Expr::GetlineFrom(target, Box::new(self.primary()?)));
                }
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
    pub(super) fn check_call_args(&self) -> Parsed<()> {
        if let Some(t) = self.token() {
            if matches!(t.tok, Tok::Op(Op::RBrace | Op::Semi) | Tok::Newline) {
                return Err(super::missing_paren(t));
            }
        }
        Ok(())
    }

    pub(super) fn builtin(&mut self, f: Builtin) -> Parsed<Expr> {
        if !self.at_op(Op::LParen) {
            if f == Builtin::Length {
                return Ok(Expr::Call(f, Vec::new()));
            }
            return Err(self.error());
        }
        self.advance();
        self.newlines();
        self.check_call_args()?;
        let args = if self.at_op(Op::RParen) { Vec::new() } else { self.expr_list(false)? };
        self.newlines();
        self.expect_op(Op::RParen)?;
        let (min, max) = match f {
            Builtin::Length | Builtin::Srand | Builtin::Fflush => (0, 1),
            Builtin::Rand => (0, 0),
            Builtin::Substr => (2, 3),
            Builtin::Index | Builtin::Match | Builtin::Atan2 => (2, 2),
            Builtin::Split | Builtin::Sub | Builtin::Gsub => (2, 3),
            Builtin::Sprintf => (1, usize::MAX),
            _ => (1, 1),
        };
        let problem = if args.len() < min || args.len() > max {
            format!("wrong number of arguments in call to {}", f.name())
        } else if matches!(f, Builtin::Sub | Builtin::Gsub) && args.len() == 3 && !matches!(args[2], Expr::LValue(_)) {
            "syntax error at or near )".into()
        } else if f == Builtin::Split && !matches!(args[1], Expr::LValue(LValue::Var(_))) {
            "type error in arg(2) in call to split".into()
        } else {
            return Ok(Expr::Call(f, args));
        };
        // Reported at the closing `)`.
        Err(AwkError::syntax(self.toks[self.pos - 1].line, problem))
    }
}
