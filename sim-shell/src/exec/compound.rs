//! Compound commands at run time: `for`, `while`/`until`, `if`, `case`,
//! `[[ ]]`, and function calls. Every loop iteration and call takes a step
//! of the line's budget.

use super::{Flow, Interp, MAX_DEPTH};
use crate::ast::{CaseCommand, CaseEnd, Command, CondExpr, ForLoop, IfCommand, Script, WhileLoop};
use crate::output::Output;
use crate::parser::is_name;
use crate::pattern;

impl<'a> Interp<'a> {
    /// Runs a loop body once; false when the loop must end (`break`,
    /// `return`, `exit`, an interrupt).
    async fn loop_body(&mut self, body: &Script, stdin: &mut String, out: &mut Output) -> bool {
        self.loops += 1;
        let o = self.run_script(body, stdin).await;
        self.loops -= 1;
        out.status = o.status;
        out.extend(o);
        self.after_iteration()
    }

    /// Takes a `break N`/`continue N` that reached this loop; whether the
    /// loop goes on.
    fn after_iteration(&mut self) -> bool {
        match self.flow {
            Some(Flow::Break(n)) => {
                self.flow = (n > 1).then(|| Flow::Break(n - 1));
                false
            }
            Some(Flow::Continue(n)) if n > 1 => {
                self.flow = Some(Flow::Continue(n - 1));
                false
            }
            Some(Flow::Continue(_)) => {
                self.flow = None;
                !self.exiting
            }
            Some(Flow::Return) => false,
            None => !self.exiting,
        }
    }

    pub(super) async fn run_for(&mut self, f: &ForLoop, stdin: &mut String) -> Output {
        if !is_name(&f.var) {
            self.env.last_status = 1;
            return Output::error(format!("{}`{}': not a valid identifier\n", self.prefix(), f.var), 1);
        }
        let mut items = Vec::new();
        match &f.words {
            Some(words) => {
                for w in words {
                    if let Err(e) = self.expand_word_into(w, &mut items) {
                        return self.expansion_failed(e);
                    }
                }
            }
            None => items = self.env.positional.clone(),
        }
        let mut out = std::mem::take(&mut self.side);
        out.status = 0;
        for item in items {
            if !self.step(1) {
                break;
            }
            self.env.set(&f.var, item);
            if !self.loop_body(&f.body, stdin, &mut out).await {
                break;
            }
        }
        self.env.last_status = if self.interrupted { 130 } else { out.status };
        out.status = self.env.last_status;
        out
    }

    pub(super) async fn run_while(&mut self, w: &WhileLoop, stdin: &mut String) -> Output {
        let mut out = Output::status(0);
        let mut status = 0;
        loop {
            if !self.step(1) {
                break;
            }
            self.loops += 1;
            let c = self.run_script(&w.cond, stdin).await;
            self.loops -= 1;
            out.extend(c);
            if !self.after_iteration() {
                break;
            }
            if (self.env.last_status == 0) == w.until {
                break;
            }
            if !self.loop_body(&w.body, stdin, &mut out).await {
                status = out.status;
                break;
            }
            status = out.status;
        }
        self.env.last_status = if self.interrupted { 130 } else { status };
        out.status = self.env.last_status;
        out
    }

    pub(super) async fn run_if(&mut self, c: &IfCommand, stdin: &mut String) -> Output {
        let mut out = Output::status(0);
        for (cond, body) in &c.branches {
            let o = self.run_script(cond, stdin).await;
            out.extend(o);
            if self.stopping() {
                out.status = self.env.last_status;
                return out;
            }
            if self.env.last_status == 0 {
                let o = self.run_script(body, stdin).await;
                out.status = o.status;
                out.extend(o);
                return out;
            }
        }
        match &c.otherwise {
            Some(body) => {
                let o = self.run_script(body, stdin).await;
                out.status = o.status;
                out.extend(o);
            }
            None => self.env.last_status = 0,
        }
        out
    }

    pub(super) async fn run_case(&mut self, c: &CaseCommand, stdin: &mut String) -> Output {
        let word = match self.expand_joined(&c.word) {
            Ok(w) => w,
            Err(e) => return self.expansion_failed(e),
        };
        let mut out = std::mem::take(&mut self.side);
        out.status = 0;
        let mut falling = false;
        for arm in &c.arms {
            if !falling {
                let mut matched = false;
                for p in &arm.patterns {
                    match self.expand_pattern(p) {
                        Ok(pat) if pattern::matches(&pat, &word) => {
                            matched = true;
                            break;
                        }
                        Ok(_) => {}
                        Err(e) => return self.expansion_failed(e),
                    }
                }
                if !matched {
                    continue;
                }
            }
            let o = self.run_script(&arm.body, stdin).await;
            out.status = o.status;
            out.extend(o);
            match arm.end {
                CaseEnd::Break => break,
                CaseEnd::FallThrough => falling = true,
                CaseEnd::Continue => falling = false,
            }
            if self.stopping() {
                break;
            }
        }
        self.env.last_status = out.status;
        out
    }

    /// `[[ … ]]`: status 0 when true, 1 when false.
    pub(super) fn run_cond(&mut self, c: &CondExpr) -> Output {
        let result = self.cond(c);
        let mut out = std::mem::take(&mut self.side);
        match result {
            Ok(true) => out.status = 0,
            Ok(false) => out.status = 1,
            Err(e) => {
                let mut o = self.expansion_failed(e);
                o.status = 1;
                out.extend(o);
                out.status = 1;
            }
        }
        self.env.last_status = out.status;
        out
    }

    fn cond(&mut self, c: &CondExpr) -> Result<bool, crate::expand::ExpandError> {
        Ok(match c {
            CondExpr::Word(w) => !self.expand_joined(w)?.is_empty(),
            CondExpr::Not(inner) => !self.cond(inner)?,
            CondExpr::And(a, b) => self.cond(a)? && self.cond(b)?,
            CondExpr::Or(a, b) => self.cond(a)? || self.cond(b)?,
            CondExpr::Unary(op, w) => {
                let v = self.expand_joined(w)?;
                match op.as_str() {
                    "-z" => v.is_empty(),
                    "-n" => !v.is_empty(),
                    "-v" => self.env.get(&v).is_some(),
                    "-o" => false,
                    // No files: every file test is false.
                    _ => false,
                }
            }
            CondExpr::Binary(l, op, r) => {
                let left = self.expand_joined(l)?;
                match op.as_str() {
                    "==" | "=" | "!=" => {
                        let pat = self.expand_pattern(r)?;
                        pattern::matches(&pat, &left) == (op != "!=")
                    }
                    "=~" => {
                        let re = self.expand_regex(r)?;
                        use crate::coreutils::regex::{compile, Flavor};
                        compile(&re, Flavor::Extended, false).is_ok_and(|re| re.is_match(&left))
                    }
                    "<" => left < self.expand_joined(r)?,
                    ">" => left > self.expand_joined(r)?,
                    "-nt" | "-ot" | "-ef" => false,
                    _ => {
                        let right = self.expand_joined(r)?;
                        let (a, b) = (self.arith_value(&left)?, self.arith_value(&right)?);
                        match op.as_str() {
                            "-eq" => a == b,
                            "-ne" => a != b,
                            "-lt" => a < b,
                            "-le" => a <= b,
                            "-gt" => a > b,
                            _ => a >= b,
                        }
                    }
                }
            }
        })
    }

    /// Calls a shell function: `$1`… are its arguments while it runs.
    pub(super) async fn call_function(&mut self, body: &Command, argv: &[String], stdin: &mut String) -> Output {
        if self.depth + self.calls >= MAX_DEPTH {
            let msg = format!("{}{}: maximum function nesting level exceeded ({MAX_DEPTH})\n", self.prefix(), argv[0]);
            self.exiting = true;
            return Output::error(msg, 1);
        }
        if !self.step(1) {
            return Output::status(130);
        }
        let saved = std::mem::replace(&mut self.env.positional, argv[1..].to_vec());
        let (loops, line) = (self.loops, self.line);
        self.calls += 1;
        self.loops = 0;
        self.locals.push(Vec::new());
        let mut out = self.run_command(body, stdin).await;
        for (name, old) in self.locals.pop().unwrap_or_default().into_iter().rev() {
            match old {
                Some(v) => {
                    self.env.vars.insert(name, v);
                }
                None => {
                    self.env.vars.remove(&name);
                }
            }
        }
        self.calls -= 1;
        self.loops = loops;
        self.line = line;
        self.env.positional = saved;
        if self.flow == Some(Flow::Return) {
            self.flow = None;
        }
        out.status = self.env.last_status;
        out
    }
}
