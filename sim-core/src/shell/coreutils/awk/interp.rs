//! Runs a parsed awk [`Program`] over its input records.

use super::ast::{BinOp, CmpOp, Dest, Expr, LValue, Pattern, Program, Stmt};
use super::format::{self, FormatError};
use super::lexer::Builtin;
use super::value::{num_to_str, Value};
use super::AwkError;
use crate::output::Output;
use regex_lite::Regex;
use std::cmp::Ordering;
use std::collections::HashMap;

/// How deep user function calls may recurse.
const MAX_CALL_DEPTH: usize = 64;

/// An associative array that remembers insertion order (mawk iterates in
/// hash order, which no lesson should depend on).
#[derive(Clone, Debug, Default)]
struct Array {
    keys: Vec<String>,
    values: HashMap<String, Value>,
}

impl Array {
    fn get_or_create(&mut self, key: &str) -> &mut Value {
        if !self.values.contains_key(key) {
            self.keys.push(key.to_string());
        }
        self.values.entry(key.to_string()).or_insert(Value::Uninit)
    }

    fn remove(&mut self, key: &str) {
        if self.values.remove(key).is_some() {
            self.keys.retain(|k| k != key);
        }
    }
}

/// How a statement ended.
enum Flow {
    Normal,
    Next,
    Exit,
    Break,
    Continue,
    Return(Value),
}

/// A user function's local variables.
#[derive(Default)]
struct Frame {
    locals: HashMap<String, Value>,
    /// Array parameters: the key of the array they refer to in `arrays`.
    array_refs: HashMap<String, String>,
    depth: usize,
}

/// Interpreter state.
pub struct Interp<'p> {
    prog: &'p Program,
    globals: HashMap<String, Value>,
    arrays: HashMap<String, Array>,
    frames: Vec<Frame>,
    record: String,
    fields: Vec<String>,
    split_done: bool,
    input: Vec<String>,
    next_input: usize,
    input_read: bool,
    stdin: &'p str,
    pub out: Output,
    regexes: HashMap<String, Regex>,
    ranges: Vec<bool>,
    rand_state: u64,
    rand_seed: f64,
    pub exit_status: i32,
    in_begin: bool,
    /// A file operand: there is no filesystem, so after BEGIN awk fails to
    /// open it.
    pub missing_input: Option<String>,
}

type R<T> = Result<T, AwkError>;

impl<'p> Interp<'p> {
    pub fn new(prog: &'p Program, stdin: &'p str) -> Interp<'p> {
        let mut globals = HashMap::new();
        for (k, v) in [("FS", " "), ("OFS", " "), ("ORS", "\n"), ("RS", "\n"), ("SUBSEP", "\x1c"), ("CONVFMT", "%.6g"), ("OFMT", "%.6g"), ("FILENAME", "")] {
            globals.insert(k.to_string(), Value::Str(v.to_string()));
        }
        for k in ["NR", "FNR", "RSTART", "RLENGTH"] {
            globals.insert(k.to_string(), Value::Num(0.0));
        }
        globals.insert("RLENGTH".into(), Value::Num(-1.0));
        Interp {
            prog,
            globals,
            arrays: HashMap::new(),
            frames: Vec::new(),
            record: String::new(),
            fields: Vec::new(),
            split_done: true,
            input: Vec::new(),
            next_input: 0,
            input_read: false,
            stdin,
            out: Output::new(),
            regexes: HashMap::new(),
            ranges: vec![false; prog.rules.len()],
            rand_state: 0,
            rand_seed: 0.0,
            exit_status: 0,
            in_begin: true,
            missing_input: None,
        }
    }

    /// Sets a variable before the program runs (`-v`, `var=value`).
    pub fn assign(&mut self, name: &str, value: &str) {
        self.set_var(name, Value::StrNum(value.to_string()));
    }

    /// Runs BEGIN, the main loop over stdin (unless there are only BEGIN
    /// actions), and END.
    pub fn run(&mut self) -> R<()> {
        let prog = self.prog;
        let mut exiting = false;
        for block in &prog.begin {
            if let Flow::Exit = self.block(block)? {
                exiting = true;
                break;
            }
        }
        self.in_begin = false;
        if let Some(f) = &self.missing_input {
            if !exiting && (!prog.rules.is_empty() || !prog.end.is_empty()) {
                return Err(AwkError::Fatal(format!("cannot open {f} (No such file or directory)")));
            }
        }
        if !exiting && (!prog.rules.is_empty() || !prog.end.is_empty()) {
            self.globals.insert("FILENAME".into(), Value::Str("-".into()));
            'records: while self.next_record() {
                for (i, rule) in prog.rules.iter().enumerate() {
                    if !self.matches(i, &rule.pattern)? {
                        continue;
                    }
                    let flow = match &rule.action {
                        Some(stmts) => self.block(stmts)?,
                        None => {
                            let line = format!("{}{}", self.record, self.var_str("ORS"));
                            self.out.out(line);
                            Flow::Normal
                        }
                    };
                    match flow {
                        Flow::Next => continue 'records,
                        Flow::Exit => {
                            exiting = true;
                            break 'records;
                        }
                        _ => {}
                    }
                }
            }
        }
        let _ = exiting;
        for block in &prog.end {
            if let Flow::Exit = self.block(block)? {
                break;
            }
        }
        Ok(())
    }

    fn matches(&mut self, i: usize, pattern: &Pattern) -> R<bool> {
        Ok(match pattern {
            Pattern::All => true,
            Pattern::Expr(e) => self.cond(e)?,
            Pattern::Range(start, stop) => {
                if self.ranges[i] {
                    if self.cond(stop)? {
                        self.ranges[i] = false;
                    }
                    true
                } else if self.cond(start)? {
                    self.ranges[i] = !self.cond(stop)?;
                    true
                } else {
                    false
                }
            }
        })
    }

    // ---- input ----

    /// Splits stdin into records by RS the first time it is needed.
    fn read_input(&mut self) {
        if self.input_read {
            return;
        }
        self.input_read = true;
        let rs = self.var_str("RS");
        let text = self.stdin;
        self.input = if rs == "\n" {
            super::super::args::lines(text).into_iter().map(String::from).collect()
        } else if rs.is_empty() {
            text.split("\n\n").map(|p| p.trim_matches('\n').to_string()).filter(|p| !p.is_empty()).collect()
        } else if rs.chars().count() == 1 {
            let mut v: Vec<String> = text.split(rs.as_str()).map(String::from).collect();
            if v.last().is_some_and(|l| l.is_empty() || l == "\n") {
                v.pop();
            }
            v
        } else {
            match self.regex(&rs) {
                Ok(re) => {
                    let mut v: Vec<String> = re.split(text).map(String::from).collect();
                    if v.last().is_some_and(String::is_empty) {
                        v.pop();
                    }
                    v
                }
                Err(_) => vec![text.to_string()],
            }
        };
    }

    fn take_record(&mut self) -> Option<String> {
        self.read_input();
        let r = self.input.get(self.next_input).cloned()?;
        self.next_input += 1;
        for k in ["NR", "FNR"] {
            let n = self.globals.get(k).map_or(0.0, Value::to_num) + 1.0;
            self.globals.insert(k.into(), Value::Num(n));
        }
        Some(r)
    }

    fn next_record(&mut self) -> bool {
        match self.take_record() {
            Some(r) => {
                self.set_record(r);
                true
            }
            None => false,
        }
    }

    // ---- fields ----

    fn set_record(&mut self, r: String) {
        self.record = r;
        self.split_done = false;
    }

    fn ensure_split(&mut self) -> R<()> {
        if self.split_done {
            return Ok(());
        }
        let fs = self.var_str("FS");
        let record = std::mem::take(&mut self.record);
        self.fields = self.split_with(&record, &fs, false)?;
        self.record = record;
        self.split_done = true;
        Ok(())
    }

    /// Splits `text` the way FS (or split's third argument) says.
    fn split_with(&mut self, text: &str, sep: &str, sep_is_regex: bool) -> R<Vec<String>> {
        if !sep_is_regex && sep == " " {
            return Ok(text.split([' ', '\t', '\n']).filter(|f| !f.is_empty()).map(String::from).collect());
        }
        if text.is_empty() {
            return Ok(Vec::new());
        }
        if !sep_is_regex && sep.is_empty() {
            return Ok(text.chars().map(String::from).collect());
        }
        if !sep_is_regex && sep.chars().count() == 1 && sep != "\\" {
            return Ok(text.split(sep).map(String::from).collect());
        }
        let re = self.regex(sep)?;
        Ok(re.split(text).map(String::from).collect())
    }

    fn field_index(&mut self, e: &Expr) -> R<usize> {
        let n = self.eval(e)?.to_num();
        if n < 0.0 {
            return Err(self.runtime(format!("negative field index ${}", n as i64)));
        }
        Ok(n as usize)
    }

    fn get_field(&mut self, i: usize) -> R<Value> {
        if i == 0 {
            return Ok(Value::StrNum(self.record.clone()));
        }
        self.ensure_split()?;
        Ok(Value::StrNum(self.fields.get(i - 1).cloned().unwrap_or_default()))
    }

    fn set_field(&mut self, i: usize, v: String) -> R<()> {
        if i == 0 {
            self.set_record(v);
            return Ok(());
        }
        self.ensure_split()?;
        if i > self.fields.len() {
            self.fields.resize(i, String::new());
        }
        self.fields[i - 1] = v;
        self.rebuild();
        Ok(())
    }

    fn set_nf(&mut self, n: usize) -> R<()> {
        self.ensure_split()?;
        self.fields.resize(n, String::new());
        self.rebuild();
        Ok(())
    }

    fn rebuild(&mut self) {
        let ofs = self.var_str("OFS");
        self.record = self.fields.join(&ofs);
    }

    // ---- variables ----

    fn var_str(&self, name: &str) -> String {
        let convfmt = self.globals.get("CONVFMT").map_or("%.6g".to_string(), |v| v.to_str("%.6g"));
        self.globals.get(name).map(|v| v.to_str(&convfmt)).unwrap_or_default()
    }

    fn convfmt(&self) -> String {
        self.var_str("CONVFMT")
    }

    fn get_var(&mut self, name: &str) -> R<Value> {
        if let Some(frame) = self.frames.last() {
            if let Some(v) = frame.locals.get(name) {
                return Ok(v.clone());
            }
        }
        if name == "NF" {
            self.ensure_split()?;
            return Ok(Value::Num(self.fields.len() as f64));
        }
        Ok(self.globals.get(name).cloned().unwrap_or(Value::Uninit))
    }

    fn set_var(&mut self, name: &str, v: Value) {
        if let Some(frame) = self.frames.last_mut() {
            if let Some(slot) = frame.locals.get_mut(name) {
                *slot = v;
                return;
            }
        }
        if name == "NF" {
            let n = v.to_num().max(0.0) as usize;
            // Errors cannot happen here: splitting with the current FS was
            // already possible when NF was read or set.
            let _ = self.set_nf(n);
            return;
        }
        self.globals.insert(name.to_string(), v);
    }

    /// The key in `arrays` that the name `name` refers to here.
    fn array_key(&mut self, name: &str) -> String {
        if let Some(frame) = self.frames.last_mut() {
            if let Some(k) = frame.array_refs.get(name) {
                return k.clone();
            }
            if frame.locals.contains_key(name) {
                let key = format!("{name}\u{0}{}", frame.depth);
                frame.locals.remove(name);
                frame.array_refs.insert(name.to_string(), key.clone());
                return key;
            }
        }
        name.to_string()
    }

    fn subscript(&mut self, keys: &[Expr]) -> R<String> {
        let convfmt = self.convfmt();
        let mut parts = Vec::new();
        for k in keys {
            parts.push(self.eval(k)?.to_str(&convfmt));
        }
        Ok(parts.join(&self.var_str("SUBSEP")))
    }

    fn get(&mut self, lv: &LValue) -> R<Value> {
        match lv {
            LValue::Var(name) => self.get_var(name),
            LValue::Field(e) => {
                let i = self.field_index(e)?;
                self.get_field(i)
            }
            LValue::Index(name, keys) => {
                let key = self.subscript(keys)?;
                let ak = self.array_key(name);
                Ok(self.arrays.entry(ak).or_default().get_or_create(&key).clone())
            }
        }
    }

    fn set(&mut self, lv: &LValue, v: Value) -> R<Value> {
        match lv {
            LValue::Var(name) => self.set_var(name, v.clone()),
            LValue::Field(e) => {
                let i = self.field_index(e)?;
                let s = v.to_str(&self.convfmt());
                self.set_field(i, s)?;
            }
            LValue::Index(name, keys) => {
                let key = self.subscript(keys)?;
                let ak = self.array_key(name);
                *self.arrays.entry(ak).or_default().get_or_create(&key) = v.clone();
            }
        }
        Ok(v)
    }

    // ---- statements ----

    fn block(&mut self, stmts: &[Stmt]) -> R<Flow> {
        for s in stmts {
            let flow = self.stmt(s)?;
            if !matches!(flow, Flow::Normal) {
                return Ok(flow);
            }
        }
        Ok(Flow::Normal)
    }

    fn stmt(&mut self, s: &Stmt) -> R<Flow> {
        match s {
            Stmt::Expr(e) => {
                self.eval(e)?;
            }
            Stmt::Print(args, dest) => {
                let ofmt = self.var_str("OFMT");
                let mut parts = Vec::new();
                if args.is_empty() {
                    parts.push(self.record.clone());
                }
                for a in args {
                    let items = match a {
                        Expr::Group(list) => list.iter().collect::<Vec<_>>(),
                        other => vec![other],
                    };
                    for item in items {
                        let v = self.eval(item)?;
                        parts.push(match v {
                            Value::Num(n) => num_to_str(n, &ofmt),
                            other => other.to_str(&ofmt),
                        });
                    }
                }
                let text = format!("{}{}", parts.join(&self.var_str("OFS")), self.var_str("ORS"));
                self.write(dest, text)?;
            }
            Stmt::Printf(args, dest) => {
                let mut values = Vec::new();
                for a in args {
                    match a {
                        Expr::Group(list) => {
                            for item in list {
                                values.push(self.eval(item)?);
                            }
                        }
                        other => values.push(self.eval(other)?),
                    }
                }
                let fmt = values.first().map(|v| v.to_str(&self.convfmt())).unwrap_or_default();
                let convfmt = self.convfmt();
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
            Stmt::While(c, body) => {
                while self.cond(c)? {
                    match self.stmt(body)? {
                        Flow::Break => break,
                        Flow::Normal | Flow::Continue => {}
                        other => return Ok(other),
                    }
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
                let keys = self.arrays.get(&ak).map(|a| a.keys.clone()).unwrap_or_default();
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
            Stmt::Exit(code) => {
                if let Some(c) = code {
                    self.exit_status = self.eval(c)?.to_num() as i32;
                }
                return Ok(Flow::Exit);
            }
            Stmt::Break => return Ok(Flow::Break),
            Stmt::Continue => return Ok(Flow::Continue),
            Stmt::Return(v) => {
                let v = match v {
                    Some(e) => self.eval(e)?,
                    None => Value::Uninit,
                };
                return Ok(Flow::Return(v));
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
                        self.arrays.insert(ak, Array::default());
                    }
                }
            }
        }
        Ok(Flow::Normal)
    }

    fn write(&mut self, dest: &Dest, text: String) -> R<()> {
        match dest {
            Dest::Stdout => self.out.out(text),
            Dest::File(e) => {
                let name = self.eval(e)?.to_str(&self.convfmt());
                match name.as_str() {
                    "/dev/stdout" | "-" => self.out.out(text),
                    "/dev/stderr" => self.out.err(text),
                    _ => return Err(AwkError::Fatal(format!("cannot open \"{name}\" for output (Read-only file system)"))),
                }
            }
            Dest::Pipe(e) => {
                let cmd = self.eval(e)?.to_str(&self.convfmt());
                return Err(AwkError::Fatal(format!("cannot run \"{cmd}\": this awk has no pipes")));
            }
        }
        Ok(())
    }

    fn format(&mut self, fmt: &str, args: &[Value], what: &str) -> R<String> {
        let convfmt = self.convfmt();
        format::sprintf(fmt, args, &convfmt).map_err(|(_, e)| self.format_error(e, fmt, what))
    }

    fn format_error(&self, e: FormatError, fmt: &str, what: &str) -> AwkError {
        match e {
            FormatError::NotEnoughArgs => self.runtime(format!("not enough arguments passed to {what}(\"{fmt}\")")),
            FormatError::BadConversion(c) => self.runtime(format!("bad conversion character '{c}' in {what}(\"{fmt}\")")),
        }
    }

    /// A run-time error with the record position, as mawk reports it.
    fn runtime(&self, msg: String) -> AwkError {
        let filename = self.var_str("FILENAME");
        let fnr = self.globals.get("FNR").map_or(0.0, Value::to_num);
        let nr = self.globals.get("NR").map_or(0.0, Value::to_num);
        AwkError::Runtime(format!("{msg}\n\tFILENAME=\"{filename}\" FNR={fnr} NR={nr}"))
    }

    // ---- expressions ----

    fn cond(&mut self, e: &Expr) -> R<bool> {
        Ok(self.eval(e)?.truthy())
    }

    pub fn regex(&mut self, src: &str) -> R<Regex> {
        if let Some(re) = self.regexes.get(src) {
            return Ok(re.clone());
        }
        let re = super::compile_regex(src).map_err(|msg| self.runtime(msg))?;
        self.regexes.insert(src.to_string(), re.clone());
        Ok(re)
    }

    /// The regex an argument stands for: a literal, or a string's value.
    fn regex_arg(&mut self, e: &Expr) -> R<Regex> {
        match e {
            Expr::Regex(src) => self.regex(src),
            other => {
                let s = self.eval(other)?.to_str(&self.convfmt());
                self.regex(&s)
            }
        }
    }

    fn eval(&mut self, e: &Expr) -> R<Value> {
        Ok(match e {
            Expr::Num(n) => Value::Num(*n),
            Expr::Str(s) => Value::Str(s.clone()),
            Expr::Regex(src) => {
                let re = self.regex(src)?;
                Value::Num(f64::from(u8::from(re.is_match(&self.record))))
            }
            Expr::LValue(lv) => self.get(lv)?,
            Expr::Assign(op, lv, rhs) => {
                let r = self.eval(rhs)?;
                let v = match op {
                    None => match r {
                        Value::Uninit => Value::Uninit,
                        other => other,
                    },
                    Some(op) => {
                        let l = self.get(lv)?.to_num();
                        Value::Num(arith(*op, l, r.to_num()))
                    }
                };
                self.set(lv, v)?
            }
            Expr::Incr(lv, delta, pre) => {
                let old = self.get(lv)?.to_num();
                self.set(lv, Value::Num(old + delta))?;
                Value::Num(if *pre { old + delta } else { old })
            }
            Expr::Cond(c, a, b) => {
                if self.cond(c)? {
                    self.eval(a)?
                } else {
                    self.eval(b)?
                }
            }
            Expr::And(a, b) => Value::Num(f64::from(u8::from(self.cond(a)? && self.cond(b)?))),
            Expr::Or(a, b) => Value::Num(f64::from(u8::from(self.cond(a)? || self.cond(b)?))),
            Expr::Not(a) => Value::Num(f64::from(u8::from(!self.cond(a)?))),
            Expr::Neg(a) => Value::Num(-self.eval(a)?.to_num()),
            Expr::Plus(a) => Value::Num(self.eval(a)?.to_num()),
            Expr::Binary(op, a, b) => {
                let x = self.eval(a)?.to_num();
                let y = self.eval(b)?.to_num();
                Value::Num(arith(*op, x, y))
            }
            Expr::Cmp(op, a, b) => {
                let x = self.eval(a)?;
                let y = self.eval(b)?;
                let ord = self.compare(&x, &y);
                let r = match op {
                    CmpOp::Lt => ord == Some(Ordering::Less),
                    CmpOp::Le => matches!(ord, Some(Ordering::Less | Ordering::Equal)),
                    CmpOp::Eq => ord == Some(Ordering::Equal),
                    CmpOp::Ne => ord != Some(Ordering::Equal),
                    CmpOp::Gt => ord == Some(Ordering::Greater),
                    CmpOp::Ge => matches!(ord, Some(Ordering::Greater | Ordering::Equal)),
                };
                Value::Num(f64::from(u8::from(r)))
            }
            Expr::Match(negated, lhs, rhs) => {
                let s = self.eval(lhs)?.to_str(&self.convfmt());
                let re = self.regex_arg(rhs)?;
                Value::Num(f64::from(u8::from(re.is_match(&s) != *negated)))
            }
            Expr::Concat(a, b) => {
                let convfmt = self.convfmt();
                let x = self.eval(a)?.to_str(&convfmt);
                let y = self.eval(b)?.to_str(&convfmt);
                Value::Str(x + &y)
            }
            Expr::In(keys, arr) => {
                let key = self.subscript(keys)?;
                let ak = self.array_key(arr);
                Value::Num(f64::from(u8::from(self.arrays.get(&ak).is_some_and(|a| a.values.contains_key(&key)))))
            }
            Expr::Group(list) => {
                // `(a, b)` outside print/in: mawk rejects it at parse time;
                // here the last value stands.
                let mut v = Value::Uninit;
                for e in list {
                    v = self.eval(e)?;
                }
                v
            }
            Expr::Getline(target) => match self.take_record() {
                Some(r) => {
                    match target {
                        Some(lv) => {
                            self.set(lv, Value::StrNum(r))?;
                        }
                        None => self.set_record(r),
                    }
                    Value::Num(1.0)
                }
                None => Value::Num(0.0),
            },
            Expr::UserCall(name, args) => self.call(name, args)?,
            Expr::Call(f, args) => self.builtin(*f, args)?,
        })
    }

    /// awk comparison: numeric when both sides are numbers (or numeric
    /// strings from input), otherwise as strings.
    fn compare(&self, x: &Value, y: &Value) -> Option<Ordering> {
        if x.is_numeric() && y.is_numeric() {
            return x.to_num().partial_cmp(&y.to_num());
        }
        let convfmt = self.convfmt();
        Some(x.to_str(&convfmt).as_bytes().cmp(y.to_str(&convfmt).as_bytes()))
    }

    fn call(&mut self, name: &str, args: &[Expr]) -> R<Value> {
        let prog = self.prog;
        let Some(func) = prog.functions.get(name) else {
            return Err(AwkError::Fatal(format!("function {name} never defined")));
        };
        if self.frames.len() >= MAX_CALL_DEPTH {
            return Err(self.runtime("function call nesting too deep".into()));
        }
        let mut frame = Frame { depth: self.frames.len() + 1, ..Frame::default() };
        for (i, param) in func.params.iter().enumerate() {
            match args.get(i) {
                Some(Expr::LValue(LValue::Var(arg))) if self.is_array(arg) => {
                    let key = self.array_key(arg);
                    frame.array_refs.insert(param.clone(), key);
                }
                Some(e) => {
                    let v = self.eval(e)?;
                    frame.locals.insert(param.clone(), v);
                }
                None => {
                    frame.locals.insert(param.clone(), Value::Uninit);
                }
            }
        }
        self.frames.push(frame);
        let flow = self.block(&func.body);
        if let Some(done) = self.frames.pop() {
            for key in done.array_refs.values().filter(|k| k.ends_with(&format!("\u{0}{}", done.depth))) {
                self.arrays.remove(key);
            }
        }
        Ok(match flow? {
            Flow::Return(v) => v,
            _ => Value::Uninit,
        })
    }

    fn is_array(&mut self, name: &str) -> bool {
        if let Some(frame) = self.frames.last() {
            if frame.array_refs.contains_key(name) {
                return true;
            }
            if frame.locals.contains_key(name) {
                return false;
            }
        }
        self.arrays.contains_key(name)
    }

    fn builtin(&mut self, f: Builtin, args: &[Expr]) -> R<Value> {
        let convfmt = self.convfmt();
        let num = |me: &mut Self, i: usize| -> R<f64> { Ok(me.eval(&args[i])?.to_num()) };
        Ok(match f {
            Builtin::Length => match args.first() {
                None => Value::Num(self.record.len() as f64),
                Some(Expr::LValue(LValue::Var(n))) if self.is_array(n) => {
                    let ak = self.array_key(n);
                    Value::Num(self.arrays.get(&ak).map_or(0, |a| a.keys.len()) as f64)
                }
                Some(e) => Value::Num(self.eval(e)?.to_str(&convfmt).len() as f64),
            },
            Builtin::Substr => {
                let s = self.eval(&args[0])?.to_str(&convfmt);
                let start = num(self, 1)?;
                let len = if args.len() > 2 { Some(num(self, 2)?) } else { None };
                Value::Str(substr(&s, start, len))
            }
            Builtin::Index => {
                let s = self.eval(&args[0])?.to_str(&convfmt);
                let t = self.eval(&args[1])?.to_str(&convfmt);
                Value::Num(s.find(&t).map_or(0, |i| i + 1) as f64)
            }
            Builtin::Split => {
                let s = self.eval(&args[0])?.to_str(&convfmt);
                let Expr::LValue(LValue::Var(arr)) = &args[1] else { return Ok(Value::Num(0.0)) };
                let parts = match args.get(2) {
                    None => {
                        let fs = self.var_str("FS");
                        self.split_with(&s, &fs, false)?
                    }
                    Some(Expr::Regex(src)) => self.split_with(&s, src, true)?,
                    Some(e) => {
                        let sep = self.eval(e)?.to_str(&convfmt);
                        self.split_with(&s, &sep, false)?
                    }
                };
                let ak = self.array_key(arr);
                let mut a = Array::default();
                for (i, p) in parts.iter().enumerate() {
                    *a.get_or_create(&(i + 1).to_string()) = Value::StrNum(p.clone());
                }
                self.arrays.insert(ak, a);
                Value::Num(parts.len() as f64)
            }
            Builtin::Sub | Builtin::Gsub => {
                let re = self.regex_arg(&args[0])?;
                let repl = self.eval(&args[1])?.to_str(&convfmt);
                let target = match args.get(2) {
                    Some(Expr::LValue(lv)) => lv.clone(),
                    _ => LValue::Field(Box::new(Expr::Num(0.0))),
                };
                let text = self.get(&target)?.to_str(&convfmt);
                let (result, n) = substitute(&re, &text, &repl, f == Builtin::Gsub);
                if n > 0 {
                    self.set(&target, Value::Str(result))?;
                }
                Value::Num(n as f64)
            }
            Builtin::Match => {
                let s = self.eval(&args[0])?.to_str(&convfmt);
                let re = self.regex_arg(&args[1])?;
                let (start, len) = match re.find(&s) {
                    Some(m) => (m.start() as f64 + 1.0, m.len() as f64),
                    None => (0.0, -1.0),
                };
                self.globals.insert("RSTART".into(), Value::Num(start));
                self.globals.insert("RLENGTH".into(), Value::Num(len));
                Value::Num(start)
            }
            Builtin::Sprintf => {
                let mut values = Vec::new();
                for a in args {
                    values.push(self.eval(a)?);
                }
                let fmt = values[0].to_str(&convfmt);
                Value::Str(self.format(&fmt, &values[1..], "sprintf")?)
            }
            Builtin::Tolower => Value::Str(self.eval(&args[0])?.to_str(&convfmt).to_ascii_lowercase()),
            Builtin::Toupper => Value::Str(self.eval(&args[0])?.to_str(&convfmt).to_ascii_uppercase()),
            Builtin::Int => Value::Num(num(self, 0)?.trunc()),
            Builtin::Sqrt => Value::Num(num(self, 0)?.sqrt()),
            Builtin::Exp => Value::Num(num(self, 0)?.exp()),
            Builtin::Log => Value::Num(num(self, 0)?.ln()),
            Builtin::Sin => Value::Num(num(self, 0)?.sin()),
            Builtin::Cos => Value::Num(num(self, 0)?.cos()),
            Builtin::Atan2 => {
                let y = num(self, 0)?;
                Value::Num(y.atan2(num(self, 1)?))
            }
            Builtin::Rand => {
                // A fixed-seed generator: runs are reproducible.
                self.rand_state = self.rand_state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                Value::Num((self.rand_state >> 11) as f64 / (1u64 << 53) as f64)
            }
            Builtin::Srand => {
                let previous = self.rand_seed;
                let seed = if args.is_empty() { 0.0 } else { num(self, 0)? };
                self.rand_seed = seed;
                self.rand_state = seed.to_bits();
                Value::Num(previous)
            }
            Builtin::System => return Err(AwkError::Fatal("system() is not available in this awk".into())),
            Builtin::Close | Builtin::Fflush => {
                for a in args {
                    self.eval(a)?;
                }
                Value::Num(0.0)
            }
        })
    }
}

fn arith(op: BinOp, x: f64, y: f64) -> f64 {
    match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div => x / y,
        // glibc's fmod(x, 0) is a NaN that prints as "-nan".
        BinOp::Mod if y == 0.0 => -f64::NAN,
        BinOp::Mod => x % y,
        BinOp::Pow => x.powf(y),
    }
}

/// `substr(s, start, len)` on bytes, as mawk counts; positions are
/// truncated toward zero.
fn substr(s: &str, start: f64, len: Option<f64>) -> String {
    let b = s.as_bytes();
    let mut begin = if start.is_nan() { 0 } else { start.trunc().clamp(-1e15, 1e15) as i64 };
    let mut length = match len {
        Some(l) if l.is_nan() => 0,
        Some(l) => l.trunc().clamp(-1e15, 1e15) as i64,
        None => i64::MAX / 2,
    };
    if begin < 1 {
        // mawk 1.3.4 lengthens, rather than shortens, the span here.
        length -= begin;
        begin = 1;
    }
    if length <= 0 || begin as usize > b.len() {
        return String::new();
    }
    let from = (begin - 1) as usize;
    let to = from.saturating_add(length as usize).min(b.len());
    String::from_utf8_lossy(&b[from..to]).into_owned()
}

/// sub/gsub: replaces the first (or every) match; `&` in `repl` is the
/// matched text and `\&` a literal `&`. Returns the text and the count.
fn substitute(re: &Regex, text: &str, repl: &str, global: bool) -> (String, usize) {
    let expand = |m: &str| {
        let mut out = String::new();
        let mut chars = repl.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' if chars.peek() == Some(&'&') => {
                    chars.next();
                    out.push('&');
                }
                '\\' if chars.peek() == Some(&'\\') => {
                    chars.next();
                    out.push('\\');
                }
                '&' => out.push_str(m),
                other => out.push(other),
            }
        }
        out
    };
    let mut out = String::new();
    let mut pos = 0;
    let mut count = 0;
    let mut last_end: Option<usize> = None;
    while pos <= text.len() {
        let Some(m) = re.find_at(text, pos) else { break };
        let empty = m.start() == m.end();
        if empty && last_end == Some(m.start()) {
            // No empty match right after the previous match.
            let Some(c) = text[m.start()..].chars().next() else { break };
            out.push_str(&text[pos..m.start() + c.len_utf8()]);
            pos = m.start() + c.len_utf8();
            continue;
        }
        out.push_str(&text[pos..m.start()]);
        out.push_str(&expand(m.as_str()));
        count += 1;
        last_end = Some(m.end());
        if empty {
            match text[m.start()..].chars().next() {
                Some(c) => {
                    out.push(c);
                    pos = m.start() + c.len_utf8();
                }
                None => {
                    pos = text.len() + 1;
                }
            }
        } else {
            pos = m.end();
        }
        if !global {
            break;
        }
    }
    if pos <= text.len() {
        out.push_str(&text[pos..]);
    }
    (out, count)
}
