//! Runs a parsed awk [`Program`] over its input records. Statements run
//! in [`stmt`], records and fields live in [`record`], the built-in
//! functions in [`builtins`]; expressions are evaluated here.

mod builtins;
mod record;
mod stmt;

use super::ast::{BinOp, CmpOp, Expr, LValue, Pattern, Program};
use super::map::Map;
use super::value::Value;
use super::AwkError;
use crate::coreutils::input::Input;
use crate::coreutils::regex::Regex;
use crate::output::Output;
use std::cmp::Ordering;
use std::rc::Rc;

/// How deep user function calls may recurse.
const MAX_CALL_DEPTH: usize = 64;

/// An associative array; it remembers insertion order (mawk iterates in
/// hash order, which no lesson should depend on).
type Array = Map<Value>;

/// The element `key` of `a`, created uninitialised if missing.
fn element<'a>(a: &'a mut Array, key: &str) -> &'a mut Value {
    a.get_or_insert_with(key, || Value::Uninit)
}

/// How a statement ended.
enum Flow {
    Normal,
    Next,
    Exit,
    Break,
    Continue,
    /// `return`; the value waits in `Interp::returned`.
    Return,
}

/// A user function's local variables.
#[derive(Default)]
struct Frame {
    locals: Map<Value>,
    /// Array parameters: the key of the array they refer to in `arrays`.
    array_refs: Map<String>,
    depth: usize,
}

/// Interpreter state.
pub struct Interp<'p> {
    prog: &'p Program,
    globals: Map<Value>,
    arrays: Map<Array>,
    frames: Vec<Frame>,
    record: String,
    fields: Vec<String>,
    split_done: bool,
    /// The records of the input being read, and the next one's index.
    input: Vec<String>,
    next_input: usize,
    /// Where the main input comes from: the file operands and `var=value`
    /// assignments, in order (stdin when there is no file among them).
    source: &'p Input<'p>,
    operands: Vec<String>,
    next_operand: usize,
    /// Whether an input was opened (stdin is read only when none was).
    opened: bool,
    /// The files `getline < FILE` reads: their records and the next one's
    /// index, until `close(FILE)`.
    reading: Map<(Vec<String>, usize)>,
    pub out: Output,
    regexes: Map<Rc<Regex>>,
    ranges: Vec<bool>,
    rand_state: u64,
    rand_seed: f64,
    pub exit_status: i32,
    in_begin: bool,
    /// The value of the `return` under way.
    returned: Value,
}

/// Errors are boxed: a `?` then moves one pointer, not the whole error.
type R<T> = Result<T, Box<AwkError>>;

impl<'p> Interp<'p> {
    pub fn new(prog: &'p Program, source: &'p Input<'p>, operands: Vec<String>) -> Interp<'p> {
        let mut globals = Map::default();
        for (k, v) in [
            ("FS", " "),
            ("OFS", " "),
            ("ORS", "\n"),
            ("RS", "\n"),
            ("SUBSEP", "\x1c"),
            ("CONVFMT", "%.6g"),
            ("OFMT", "%.6g"),
            ("FILENAME", ""),
        ] {
            globals.insert(k, Value::Str(v.to_string()));
        }
        for k in ["NR", "FNR", "RSTART", "RLENGTH"] {
            globals.insert(k, Value::Num(0.0));
        }
        globals.insert("RLENGTH", Value::Num(-1.0));
        Interp {
            prog,
            globals,
            arrays: Map::default(),
            frames: Vec::new(),
            record: String::new(),
            fields: Vec::new(),
            split_done: true,
            input: Vec::new(),
            next_input: 0,
            source,
            operands,
            next_operand: 0,
            opened: false,
            reading: Map::default(),
            out: Output::new(),
            regexes: Map::default(),
            ranges: vec![false; prog.rules.len()],
            rand_state: 0,
            rand_seed: 0.0,
            exit_status: 0,
            in_begin: true,
            returned: Value::Uninit,
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
        if !exiting && (!prog.rules.is_empty() || !prog.end.is_empty()) {
            'records: while self.next_record()? {
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
                        Flow::Exit => break 'records,
                        _ => {}
                    }
                }
            }
        }
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
        self.globals.insert(name, v);
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
                frame.array_refs.insert(name, key.clone());
                return key;
            }
        }
        name.to_string()
    }

    fn subscript(&mut self, keys: &[Expr]) -> R<String> {
        let convfmt = self.convfmt();
        let mut parts = Vec::new();
        for k in keys {
            parts.push(self.eval_str_with(k, &convfmt)?);
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
                Ok(element(self.arrays.get_or_insert_with(&ak, Array::default), &key).clone())
            }
        }
    }

    /// A line `getline` read: into `target`, or as the new record; 1.
    fn got_line(&mut self, target: Option<&LValue>, line: String) -> R<Value> {
        match target {
            Some(lv) => {
                self.set(lv, Value::StrNum(line))?;
            }
            None => self.set_record(line),
        }
        Ok(Value::Num(1.0))
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
                *element(self.arrays.get_or_insert_with(&ak, Array::default), &key) = v.clone();
            }
        }
        Ok(v)
    }

    /// A run-time error with the record position, as mawk reports it.
    fn runtime(&self, msg: String) -> Box<AwkError> {
        let filename = self.var_str("FILENAME");
        let fnr = self.globals.get("FNR").map_or(0.0, Value::to_num) as i64;
        let nr = self.globals.get("NR").map_or(0.0, Value::to_num) as i64;
        Box::new(AwkError::Runtime(format!("{msg}\n\tFILENAME=\"{filename}\" FNR={fnr} NR={nr}")))
    }

    // ---- expressions ----

    fn cond(&mut self, e: &Expr) -> R<bool> {
        Ok(self.eval(e)?.truthy())
    }

    pub fn regex(&mut self, src: &str) -> R<Rc<Regex>> {
        if let Some(re) = self.regexes.get(src) {
            return Ok(re.clone());
        }
        let re = Rc::new(super::compile_regex(src).map_err(|msg| self.runtime(msg))?);
        self.regexes.insert(src, re.clone());
        Ok(re)
    }

    /// The regex an argument stands for: a literal, or a string's value.
    fn regex_arg(&mut self, e: &Expr) -> R<Rc<Regex>> {
        match e {
            Expr::Regex(src) => self.regex(src),
            other => {
                let s = self.eval_str(other)?;
                self.regex(&s)
            }
        }
    }

    /// `e` as a string, numbers converted with `convfmt`.
    fn eval_str_with(&mut self, e: &Expr, convfmt: &str) -> R<String> {
        Ok(self.eval(e)?.to_str(convfmt))
    }

    /// `e` as a string, numbers converted with CONVFMT as it is after `e`.
    fn eval_str(&mut self, e: &Expr) -> R<String> {
        let v = self.eval(e)?;
        Ok(v.to_str(&self.convfmt()))
    }

    fn eval_num(&mut self, e: &Expr) -> R<f64> {
        Ok(self.eval(e)?.to_num())
    }

    fn eval(&mut self, e: &Expr) -> R<Value> {
        Ok(match e {
            Expr::Num(n) => Value::Num(*n),
            Expr::Str(s) => Value::Str(s.clone()),
            Expr::Regex(src) => {
                let re = self.regex(src)?;
                flag(re.is_match(&self.record))
            }
            Expr::LValue(lv) => self.get(lv)?,
            Expr::Assign(op, lv, rhs) => {
                let r = self.eval(rhs)?;
                let v = match op {
                    None => r,
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
            Expr::Logical(or, a, b) => {
                // `||` stops at a true operand, `&&` at a false one.
                let x = self.cond(a)?;
                flag(if x == *or { x } else { self.cond(b)? })
            }
            Expr::Not(a) => flag(!self.cond(a)?),
            Expr::Neg(a) => Value::Num(-self.eval_num(a)?),
            Expr::Plus(a) => Value::Num(self.eval_num(a)?),
            Expr::Binary(op, a, b) => {
                let x = self.eval_num(a)?;
                let y = self.eval_num(b)?;
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
                flag(r)
            }
            Expr::Match(negated, lhs, rhs) => {
                let s = self.eval_str(lhs)?;
                let re = self.regex_arg(rhs)?;
                flag(re.is_match(&s) != *negated)
            }
            Expr::Concat(a, b) => {
                let convfmt = self.convfmt();
                let x = self.eval_str_with(a, &convfmt)?;
                let y = self.eval_str_with(b, &convfmt)?;
                Value::Str(x + &y)
            }
            Expr::In(keys, arr) => {
                let key = self.subscript(keys)?;
                let ak = self.array_key(arr);
                flag(self.arrays.get(&ak).is_some_and(|a| a.contains_key(&key)))
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
            Expr::Getline(target) => match self.take_record()? {
                Some(r) => self.got_line(target.as_ref(), r)?,
                None => Value::Num(0.0),
            },
            Expr::GetlineFrom(target, file) => {
                let name = self.eval_str(file)?;
                match self.take_record_from(&name)? {
                    Some(r) => self.got_line(target.as_ref(), r)?,
                    None if self.reading.contains_key(&name) => Value::Num(0.0),
                    None => Value::Num(-1.0),
                }
            }
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
            return Err(AwkError::Fatal(format!("function {name} never defined")).into());
        };
        if self.frames.len() >= MAX_CALL_DEPTH {
            return Err(self.runtime("function call nesting too deep".into()));
        }
        let mut frame = Frame { depth: self.frames.len() + 1, ..Frame::default() };
        for (i, param) in func.params.iter().enumerate() {
            match args.get(i) {
                Some(Expr::LValue(LValue::Var(arg))) if self.is_array(arg) => {
                    let key = self.array_key(arg);
                    frame.array_refs.insert(param, key);
                }
                Some(e) => {
                    let v = self.eval(e)?;
                    frame.locals.insert(param, v);
                }
                None => {
                    frame.locals.insert(param, Value::Uninit);
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
            Flow::Return => std::mem::replace(&mut self.returned, Value::Uninit),
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
}

/// awk's truth values: 1 and 0.
fn flag(b: bool) -> Value {
    Value::Num(if b { 1.0 } else { 0.0 })
}

fn arith(op: BinOp, x: f64, y: f64) -> f64 {
    match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div => x / y,
        // glibc's fmod(x, 0) is a NaN that prints as "-nan".
        BinOp::Mod if y == 0.0 => -f64::NAN,
        BinOp::Mod => c_nan(x % y, &[x, y]),
        BinOp::Pow => c_nan(x.powf(y), &[x, y]),
    }
}

/// A C maths function's result as glibc gives it on x86, which is what
/// mawk prints: a NaN operand comes back as it was, and an invalid
/// operation (`sin(inf)`, `fmod(inf, y)`, `pow(-8, 1/3)`) gives the x86
/// default NaN, whose sign bit is set ("-nan"). std's `f64` maths is glibc's
/// natively, but in WebAssembly a new NaN's sign is the engine's, so the
/// sign is fixed here; the digits of finite results are std's (glibc's
/// natively, within an ulp of it in WebAssembly, where std links the libm
/// crate's port of musl).
pub(super) fn c_nan(r: f64, operands: &[f64]) -> f64 {
    if !r.is_nan() {
        return r;
    }
    operands.iter().copied().find(|x| x.is_nan()).unwrap_or(-f64::NAN)
}
