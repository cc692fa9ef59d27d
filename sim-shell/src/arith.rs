//! `$((…))`: integer arithmetic over 64-bit signed numbers, with the usual
//! C operators bash supports and `**` (no assignment operators).

use std::fmt;

/// Why an arithmetic expression failed, worded like bash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArithError {
    pub expr: String,
    pub message: &'static str,
    pub token: String,
}

impl fmt::Display for ArithError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} (error token is \"{}\")", self.expr.trim(), self.message, self.token)
    }
}

/// Evaluates `expr`. `lookup` gives variables' values; `status` is `$?`.
pub fn eval(expr: &str, lookup: &dyn Fn(&str) -> Option<String>, status: i32) -> Result<i64, Box<ArithError>> {
    let text = substitute(expr, lookup, status);
    let mut p = Arith { src: text.as_bytes(), pos: 0, expr: &text, lookup, depth: 0 };
    let v = p.ternary()?;
    p.blanks();
    if p.pos < p.src.len() {
        return Err(p.error("syntax error in expression"));
    }
    Ok(v)
}

/// Replaces `$NAME`, `${NAME}` and `$?` by their values.
fn substitute(expr: &str, lookup: &dyn Fn(&str) -> Option<String>, status: i32) -> String {
    let mut out = String::new();
    let mut rest = expr;
    while let Some(i) = rest.find('$') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        if let Some(r) = after.strip_prefix('?') {
            out.push_str(&status.to_string());
            rest = r;
        } else if let Some(r) = after.strip_prefix('{') {
            let end = r.find('}').unwrap_or(r.len());
            out.push_str(&lookup(&r[..end]).unwrap_or_default());
            rest = r.get(end + 1..).unwrap_or("");
        } else {
            let end = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(after.len());
            out.push_str(&lookup(&after[..end]).unwrap_or_default());
            rest = &after[end..];
        }
    }
    out.push_str(rest);
    out
}

struct Arith<'a> {
    src: &'a [u8],
    pos: usize,
    expr: &'a str,
    lookup: &'a dyn Fn(&str) -> Option<String>,
    depth: usize,
}

/// Binary operators by precedence level, lowest first.
const LEVELS: &[&[&str]] = &[
    &["||"],
    &["&&"],
    &["|"],
    &["^"],
    &["&"],
    &["==", "!="],
    &["<=", ">=", "<", ">"],
    &["<<", ">>"],
    &["+", "-"],
    &["*", "/", "%"],
];

impl<'a> Arith<'a> {
    fn error(&self, message: &'static str) -> Box<ArithError> {
        let token = self.expr.get(self.pos..).unwrap_or("").trim().to_string();
        Box::new(ArithError { expr: self.expr.to_string(), message, token })
    }

    fn blanks(&mut self) {
        while self.src.get(self.pos).is_some_and(|b| b.is_ascii_whitespace()) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, s: &str) -> bool {
        self.blanks();
        if self.src[self.pos..].starts_with(s.as_bytes()) {
            // `|` must not eat the start of `||`, nor `<` of `<<`.
            let next = self.src.get(self.pos + s.len()).copied();
            if s.len() == 1 && next == Some(s.as_bytes()[0]) && b"|&<>".contains(&s.as_bytes()[0]) {
                return false;
            }
            if (s == "<" || s == ">") && next == Some(b'=') {
                return false;
            }
            // `*` must not eat the start of `**`.
            if s == "*" && next == Some(b'*') {
                return false;
            }
            self.pos += s.len();
            return true;
        }
        false
    }

    fn ternary(&mut self) -> Result<i64, Box<ArithError>> {
        let cond = self.binary(0)?;
        if self.eat("?") {
            let a = self.ternary()?;
            if !self.eat(":") {
                return Err(self.error("`:' expected for conditional expression"));
            }
            let b = self.ternary()?;
            return Ok(if cond != 0 { a } else { b });
        }
        Ok(cond)
    }

    fn binary(&mut self, level: usize) -> Result<i64, Box<ArithError>> {
        let Some(ops) = LEVELS.get(level) else {
            return self.power();
        };
        let mut lhs = self.binary(level + 1)?;
        'outer: loop {
            for op in *ops {
                if self.eat(op) {
                    let at = self.pos;
                    let rhs = self.binary(level + 1)?;
                    lhs = match *op {
                        "||" => i64::from(lhs != 0 || rhs != 0),
                        "&&" => i64::from(lhs != 0 && rhs != 0),
                        "|" => lhs | rhs,
                        "^" => lhs ^ rhs,
                        "&" => lhs & rhs,
                        "==" => i64::from(lhs == rhs),
                        "!=" => i64::from(lhs != rhs),
                        "<=" => i64::from(lhs <= rhs),
                        ">=" => i64::from(lhs >= rhs),
                        "<" => i64::from(lhs < rhs),
                        ">" => i64::from(lhs > rhs),
                        "<<" => lhs.wrapping_shl(rhs as u32),
                        ">>" => lhs.wrapping_shr(rhs as u32),
                        "+" => lhs.wrapping_add(rhs),
                        "-" => lhs.wrapping_sub(rhs),
                        "*" => lhs.wrapping_mul(rhs),
                        _ if rhs == 0 => {
                            self.pos = at;
                            return Err(self.error("division by 0"));
                        }
                        "/" => lhs.wrapping_div(rhs),
                        _ => lhs.wrapping_rem(rhs),
                    };
                    continue 'outer;
                }
            }
            return Ok(lhs);
        }
    }

    /// `a ** b`: above `*`, below the unary operators, right-associative.
    fn power(&mut self) -> Result<i64, Box<ArithError>> {
        let base = self.unary()?;
        if !self.eat("**") {
            return Ok(base);
        }
        let at = self.pos;
        self.depth += 1;
        if self.depth > 64 {
            return Err(self.error("expression nesting too deep"));
        }
        let exp = self.power()?;
        self.depth -= 1;
        if exp < 0 {
            // bash names the exponent's last operand.
            let done = self.expr.get(at..self.pos).unwrap_or("").trim_end();
            let word = done.rfind(|c: char| !c.is_ascii_alphanumeric() && c != '_').map_or(0, |i| i + 1);
            self.pos = at + word;
            return Err(self.error("exponent less than 0"));
        }
        Ok(base.wrapping_pow(u32::try_from(exp).unwrap_or(u32::MAX)))
    }

    fn unary(&mut self) -> Result<i64, Box<ArithError>> {
        self.depth += 1;
        if self.depth > 64 {
            return Err(self.error("expression nesting too deep"));
        }
        let v = if self.eat("-") {
            self.unary()?.wrapping_neg()
        } else if self.eat("+") {
            self.unary()?
        } else if self.eat("!") {
            i64::from(self.unary()? == 0)
        } else if self.eat("~") {
            !self.unary()?
        } else {
            self.primary()?
        };
        self.depth -= 1;
        Ok(v)
    }

    fn primary(&mut self) -> Result<i64, Box<ArithError>> {
        self.blanks();
        if self.eat("(") {
            let v = self.ternary()?;
            if !self.eat(")") {
                return Err(self.error("missing `)'"));
            }
            return Ok(v);
        }
        let start = self.pos;
        while self.src.get(self.pos).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_') {
            self.pos += 1;
        }
        let word = self.expr.get(start..self.pos).unwrap_or("");
        if word.is_empty() {
            return Err(self.error("syntax error: operand expected"));
        }
        if word.as_bytes()[0].is_ascii_digit() {
            return parse_number(word).ok_or_else(|| {
                self.pos = start;
                self.error("value too great for base")
            });
        }
        let value = (self.lookup)(word).unwrap_or_default();
        Ok(value.trim().parse::<i64>().unwrap_or(0))
    }
}

/// A C-style integer literal: decimal, `0x` hex or leading-zero octal.
fn parse_number(s: &str) -> Option<i64> {
    if let Some(hex) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        return i64::from_str_radix(hex, 16).ok();
    }
    if s.len() > 1 && s.starts_with('0') {
        return i64::from_str_radix(&s[1..], 8).ok();
    }
    s.parse().ok()
}
