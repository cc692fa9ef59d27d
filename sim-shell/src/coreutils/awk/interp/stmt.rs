//! Statements: control flow, print/printf and where they write.

use super::{Array, Flow, Interp, R};
use crate::coreutils::awk::ast::{Dest, Expr, Stmt};
use crate::coreutils::awk::format::{self, FormatError};
use crate::coreutils::awk::value::Value;
use crate::coreutils::awk::AwkError;

impl<'p> Interp<'p> {
    pub(super) fn block(&mut self, stmts: &[Stmt]) -> R<Flow> {
        for s in stmts {
            let flow = self.stmt(s)?;
            if !matches!(flow, Flow::Normal) {
                return Ok(flow);
            }
        }
        Ok(Flow::Normal)
    }

    pub(super) fn stmt(&mut self, s: &Stmt) -> R<Flow> {
        match s {
            Stmt::Expr(e) => {
                self.eval(e)?;
            }
            Stmt::Print(args, dest) | Stmt::Printf(args, dest) => {
                // print converts numbers with OFMT as it was before its arguments.
                let ofmt = self.var_str("OFMT");
                let mut values = Vec::new();
                for a in args {
                    for item in group_items(a) {
                        values.push(self.eval(item)?);
                    }
                }
                if let Stmt::Print(..) = s {
                    let mut parts: Vec<String> = values.iter().map(|v| v.to_str(&ofmt)).collect();
                    if args.is_empty() {
                        parts.push(self.record.clone());
                    }
                    let text = format!("{}{}", parts.join(&self.var_str("OFS")), self.var_str("ORS"));
                    self.write(dest, text)?;
                    return Ok(Flow::Normal);
                }
                let convfmt = self.convfmt();
                let fmt = values.first().map(|v| v.to_str(&convfmt)).unwrap_or_default();
                match format::sprintf(&fmt, &values[1.min(values.len())..], &convfmt) {
                    Ok(text) => self.write(dest, text)?,
                    Err((partial, e)) => {
                        // mawk has written what came before the failing conversion.
                        self.write(dest, partial)?;
                        return Err(self.format_error(e, &fmt, "printf"));
                    }
                }
            }
            Stmt::If(c, then, other) => {
                if self.cond(c)? {
                    return self.stmt(then);
                } else if let Some(o) = other {
                    return self.stmt(o);
                }
            }
            Stmt::Do(body, c) => loop {
                match self.stmt(body)? {
                    Flow::Break => break,
                    Flow::Normal | Flow::Continue => {}
                    other => return Ok(other),
                }
                if !self.cond(c)? {
                    break;
                }
            },
            Stmt::For(init, c, step, body) => {
                if let Some(i) = init {
                    self.eval(i)?;
                }
                loop {
                    if let Some(c) = c {
                        if !self.cond(c)? {
                            break;
                        }
                    }
                    match self.stmt(body)? {
                        Flow::Break => break,
                        Flow::Normal | Flow::Continue => {}
                        other => return Ok(other),
                    }
                    if let Some(s) = step {
                        self.eval(s)?;
                    }
                }
            }
            Stmt::ForIn(var, arr, body) => {
                let ak = self.array_key(arr);
                let keys: Vec<String> =
                    self.arrays.get(&ak).map(|a| a.keys().map(String::from).collect()).unwrap_or_default();
                for k in keys {
                    self.set_var(var, Value::StrNum(k));
                    match self.stmt(body)? {
                        Flow::Break => break,
                        Flow::Normal | Flow::Continue => {}
                        other => return Ok(other),
                    }
                }
            }
            Stmt::Block(stmts) => return self.block(stmts),
            Stmt::Next => {
                if self.in_begin {
                    return Err(self.runtime("improper use of next".into()));
                }
                return Ok(Flow::Next);
            }
            Stmt::Nextfile => {
                if self.in_begin {
                    return Err(self.runtime("improper use of nextfile".into()));
                }
                self.skip_file();
                return Ok(Flow::Next);
            }
            Stmt::Exit(code) => {
                if let Some(c) = code {
                    self.exit_status = self.eval_num(c)? as i32;
                }
                return Ok(Flow::Exit);
            }
            Stmt::Break => return Ok(Flow::Break),
            Stmt::Continue => return Ok(Flow::Continue),
            Stmt::Return(v) => {
                self.returned = match v {
                    Some(e) => self.eval(e)?,
                    None => Value::Uninit,
                };
                return Ok(Flow::Return);
            }
            Stmt::Delete(name, keys) => {
                let ak = self.array_key(name);
                match keys {
                    Some(keys) => {
                        let key = self.subscript(keys)?;
                        if let Some(a) = self.arrays.get_mut(&ak) {
                            a.remove(&key);
                        }
                    }
                    None => {
                        self.arrays.insert(&ak, Array::default());
                    }
                }
            }
        }
        Ok(Flow::Normal)
    }

    pub(super) fn write(&mut self, dest: &Dest, text: String) -> R<()> {
        let (Dest::File(e) | Dest::Pipe(e)) = dest else {
            self.out.out(text);
            return Ok(());
        };
        let name = self.eval_str(e)?;
        let why = match (dest, name.as_str()) {
            (Dest::File(_), "/dev/stdout" | "-") => {
                self.out.out(text);
                return Ok(());
            }
            (Dest::File(_), "/dev/stderr") => {
                self.out.err(text);
                return Ok(());
            }
            (Dest::File(_), _) => format!("cannot open \"{name}\" for output (Read-only file system)"),
            _ => format!("cannot run \"{name}\": this awk has no pipes"),
        };
        Err(AwkError::Fatal(why).into())
    }

    pub(super) fn format(&mut self, fmt: &str, args: &[Value], what: &str) -> R<String> {
        let convfmt = self.convfmt();
        format::sprintf(fmt, args, &convfmt).map_err(|(_, e)| self.format_error(e, fmt, what))
    }

    pub(super) fn format_error(&self, e: FormatError, fmt: &str, what: &str) -> Box<AwkError> {
        match e {
            FormatError::NotEnoughArgs => self.runtime(format!("not enough arguments passed to {what}(\"{fmt}\")")),
            FormatError::BadConversion(c) => {
                self.runtime(format!("bad conversion character '{c}' in {what}(\"{fmt}\")"))
            }
        }
    }
}

/// The expressions a print argument stands for: a `(a, b)` group's
/// members, or the argument itself.
fn group_items(e: &Expr) -> &[Expr] {
    match e {
        Expr::Group(list) => list,
        other => std::slice::from_ref(other),
    }
}
