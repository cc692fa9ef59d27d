//! `test` and `[`, a port of bash 5.2's `test.c`: POSIX's rules by the
//! number of arguments, then a recursive descent over `!`, `-a`, `-o` and
//! parentheses. With no filesystem every file test is false.

use crate::exec::Interp;
use crate::output::Output;

/// Why an expression is malformed: bash's message after `test: `.
struct SyntaxError(String);

type Result<T> = std::result::Result<T, SyntaxError>;

/// Runs `test ARGS` or `[ ARGS ]`: status 0 (true), 1 (false) or 2 (error).
pub fn run(sh: &mut Interp<'_>, name: &str, args: &[String]) -> Output {
    let mut args = args;
    if name == "[" {
        match args.split_last() {
            Some((last, rest)) if last == "]" => args = rest,
            _ => return Output::error(format!("{}[: missing `]'\n", sh.prefix()), 2),
        }
    }
    let mut t = Test { args, pos: 0 };
    match t.posix() {
        Ok(true) => Output::status(0),
        Ok(false) => Output::status(1),
        Err(SyntaxError(msg)) => Output::error(format!("{}{name}: {msg}\n", sh.prefix()), 2),
    }
}

struct Test<'a> {
    args: &'a [String],
    pos: usize,
}

impl<'a> Test<'a> {
    fn arg(&self, i: usize) -> &'a str {
        self.args.get(i).map_or("", String::as_str)
    }

    fn posix(&mut self) -> Result<bool> {
        let n = self.args.len();
        let value = match n {
            0 => false,
            1 => {
                self.pos = 1;
                !self.arg(0).is_empty()
            }
            2 => self.two()?,
            3 => self.three()?,
            4 if self.arg(0) == "!" => {
                self.pos = 1;
                !self.three()?
            }
            4 if self.arg(0) == "(" && self.arg(3) == ")" => {
                self.pos = 1;
                let v = self.two()?;
                self.pos = 4;
                v
            }
            _ => self.expr()?,
        };
        if self.pos < n {
            return Err(SyntaxError(if self.arg(self.pos).starts_with('-') && is_binop(self.arg(self.pos)) {
                format!("syntax error: `{}' unexpected", self.arg(self.pos))
            } else {
                "too many arguments".to_string()
            }));
        }
        Ok(value)
    }

    /// Two arguments from `pos`.
    fn two(&mut self) -> Result<bool> {
        let (a, b) = (self.arg(self.pos).to_string(), self.arg(self.pos + 1).to_string());
        self.pos += 2;
        if a == "!" {
            return Ok(b.is_empty());
        }
        if a.len() == 2 && a.starts_with('-') && is_unary_operator(&a) {
            return Ok(unary(&a, &b));
        }
        Err(SyntaxError(format!("{a}: unary operator expected")))
    }

    /// Three arguments from `pos`.
    fn three(&mut self) -> Result<bool> {
        let p = self.pos;
        let (a, op, b) = (self.arg(p), self.arg(p + 1), self.arg(p + 2));
        if is_binop(op) {
            self.pos = p + 3;
            return binary(a, op, b);
        }
        if op == "-a" || op == "-o" {
            self.pos = p + 3;
            let (x, y) = (!a.is_empty(), !b.is_empty());
            return Ok(if op == "-a" { x && y } else { x || y });
        }
        if a == "!" {
            self.pos = p + 1;
            return Ok(!self.two()?);
        }
        if a == "(" && b == ")" {
            self.pos = p + 3;
            return Ok(!op.is_empty());
        }
        Err(SyntaxError(format!("{op}: binary operator expected")))
    }

    fn expr(&mut self) -> Result<bool> {
        if self.pos >= self.args.len() {
            return Err(SyntaxError("argument expected".into()));
        }
        self.or()
    }

    fn or(&mut self) -> Result<bool> {
        let value = self.and()?;
        if self.arg(self.pos) == "-o" && self.pos < self.args.len() {
            self.pos += 1;
            let other = self.or()?;
            return Ok(value || other);
        }
        Ok(value)
    }

    fn and(&mut self) -> Result<bool> {
        let value = self.term()?;
        if self.arg(self.pos) == "-a" && self.pos < self.args.len() {
            self.pos += 1;
            let other = self.and()?;
            return Ok(value && other);
        }
        Ok(value)
    }

    fn term(&mut self) -> Result<bool> {
        let n = self.args.len();
        if self.pos >= n {
            return Err(SyntaxError("argument expected".into()));
        }
        if self.arg(self.pos) == "!" {
            let mut negate = false;
            while self.pos < n && self.arg(self.pos) == "!" {
                self.pos += 1;
                negate = !negate;
            }
            return Ok(self.term()? != negate);
        }
        if self.arg(self.pos) == "(" {
            self.pos += 1;
            let value = self.expr()?;
            match self.args.get(self.pos) {
                None => return Err(SyntaxError("`)' expected".into())),
                Some(a) if a != ")" => return Err(SyntaxError(format!("`)' expected, found {a}"))),
                Some(_) => self.pos += 1,
            }
            return Ok(value);
        }
        if self.pos + 3 <= n && is_binop(self.arg(self.pos + 1)) {
            let p = self.pos;
            self.pos += 3;
            return binary(self.arg(p), self.arg(p + 1), self.arg(p + 2));
        }
        if is_unary_operator(self.arg(self.pos)) {
            let op = self.arg(self.pos).to_string();
            if self.pos + 1 >= n {
                return Err(SyntaxError(format!("{op}: unary operator expected")));
            }
            let v = unary(&op, self.arg(self.pos + 1));
            self.pos += 2;
            return Ok(v);
        }
        let v = !self.arg(self.pos).is_empty();
        self.pos += 1;
        Ok(v)
    }
}

/// bash's `test_unop()`: the unary operators of `test` and of `[[`, whose
/// parser (parse.y's `cond_term`) asks test.c too.
pub(crate) fn is_unary_operator(op: &str) -> bool {
    matches!(
        op,
        "-z" | "-n"
            | "-e"
            | "-f"
            | "-d"
            | "-r"
            | "-w"
            | "-x"
            | "-s"
            | "-h"
            | "-L"
            | "-a"
            | "-b"
            | "-c"
            | "-p"
            | "-S"
            | "-g"
            | "-u"
            | "-k"
            | "-O"
            | "-G"
            | "-N"
            | "-t"
            | "-v"
            | "-o"
            | "-R"
    )
}

fn is_binop(op: &str) -> bool {
    matches!(op, "=" | "==" | "!=" | "<" | ">" | "-eq" | "-ne" | "-lt" | "-le" | "-gt" | "-ge" | "-nt" | "-ot" | "-ef")
}

fn unary(op: &str, arg: &str) -> bool {
    match op {
        "-z" => arg.is_empty(),
        "-n" => !arg.is_empty(),
        // No files, no terminals, no shell options set.
        _ => false,
    }
}

fn binary(a: &str, op: &str, b: &str) -> Result<bool> {
    Ok(match op {
        "=" | "==" => a == b,
        "!=" => a != b,
        "<" => a < b,
        ">" => a > b,
        "-nt" | "-ot" | "-ef" => false,
        _ => {
            let (x, y) = (integer(a)?, integer(b)?);
            match op {
                "-eq" => x == y,
                "-ne" => x != y,
                "-lt" => x < y,
                "-le" => x <= y,
                "-gt" => x > y,
                _ => x >= y,
            }
        }
    })
}

/// bash's `legal_number`: blanks, an optional sign, digits, blanks; it must
/// fit in 64 bits.
fn integer(s: &str) -> Result<i64> {
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace());
    let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(SyntaxError(format!("{s}: integer expression expected")));
    }
    t.strip_prefix('+').unwrap_or(t).parse().map_err(|_| SyntaxError(format!("{s}: integer expression expected")))
}
