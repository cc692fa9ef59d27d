//! The built-in functions: string, arithmetic and I/O helpers.

use super::{Array, Interp, R};
use crate::coreutils::awk::ast::{Expr, LValue};
use crate::coreutils::awk::lexer::Builtin;
use crate::coreutils::awk::value::Value;
use crate::coreutils::awk::AwkError;
use crate::coreutils::regex::Regex;

impl<'p> Interp<'p> {
    pub(super) fn builtin(&mut self, f: Builtin, args: &[Expr]) -> R<Value> {
        let convfmt = self.convfmt();

        Ok(match f {
            Builtin::Length => match args.first() {
                None => Value::Num(self.record.len() as f64),
                Some(Expr::LValue(LValue::Var(n))) if self.is_array(n) => {
                    let ak = self.array_key(n);
                    Value::Num(self.arrays.get(&ak).map_or(0, Array::len) as f64)
                }
                Some(e) => Value::Num(self.eval_str_with(e, &convfmt)?.len() as f64),
            },
            Builtin::Substr => {
                let s = self.eval_str_with(&args[0], &convfmt)?;
                let start = self.eval_num(&args[1])?;
                let len = if args.len() > 2 { Some(self.eval_num(&args[2])?) } else { None };
                Value::Str(substr(&s, start, len))
            }
            Builtin::Index => {
                let s = self.eval_str_with(&args[0], &convfmt)?;
                let t = self.eval_str_with(&args[1], &convfmt)?;
                Value::Num(s.find(&t).map_or(0, |i| i + 1) as f64)
            }
            Builtin::Split => {
                let s = self.eval_str_with(&args[0], &convfmt)?;
                let Expr::LValue(LValue::Var(arr)) = &args[1] else {
                    return Ok(Value::Num(0.0));
                };
                let parts = match args.get(2) {
                    None => {
                        let fs = self.var_str("FS");
                        self.split_with(&s, &fs, false)?
                    }
                    Some(Expr::Regex(src)) => self.split_with(&s, src, true)?,
                    Some(e) => {
                        let sep = self.eval_str_with(e, &convfmt)?;
                        self.split_with(&s, &sep, false)?
                    }
                };
                let ak = self.array_key(arr);
                let mut a = Array::default();
                for (i, p) in parts.iter().enumerate() {
                    a.insert(&(i + 1).to_string(), Value::StrNum(p.clone()));
                }
                self.arrays.insert(&ak, a);
                Value::Num(parts.len() as f64)
            }
            Builtin::Sub | Builtin::Gsub => {
                let re = self.regex_arg(&args[0])?;
                let repl = self.eval_str_with(&args[1], &convfmt)?;
                // Without a target, `$0`.
                let target = match args.get(2) {
                    Some(Expr::LValue(lv)) => Some(lv),
                    _ => None,
                };
                let text = match target {
                    Some(lv) => self.get(lv)?.to_str(&convfmt),
                    None => self.record.clone(),
                };
                let (result, n) = substitute(&re, &text, &repl, f == Builtin::Gsub);
                if n > 0 {
                    match target {
                        Some(lv) => {
                            self.set(lv, Value::Str(result))?;
                        }
                        None => self.set_record(result),
                    }
                }
                Value::Num(n as f64)
            }
            Builtin::Match => {
                let s = self.eval_str_with(&args[0], &convfmt)?;
                let re = self.regex_arg(&args[1])?;
                let (start, len) = match re.find_at(&s, 0) {
                    Some((s, e)) => (s as f64 + 1.0, (e - s) as f64),
                    None => (0.0, -1.0),
                };
                self.globals.insert("RSTART", Value::Num(start));
                self.globals.insert("RLENGTH", Value::Num(len));
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
            Builtin::Tolower | Builtin::Toupper => {
                let mut s = self.eval_str_with(&args[0], &convfmt)?;
                if f == Builtin::Tolower {
                    s.make_ascii_lowercase();
                } else {
                    s.make_ascii_uppercase();
                }
                Value::Str(s)
            }
            Builtin::Int | Builtin::Sqrt | Builtin::Exp | Builtin::Log | Builtin::Sin | Builtin::Cos => {
                let x = self.eval_num(&args[0])?;
                Value::Num(match f {
                    Builtin::Int => x.trunc(),
                    Builtin::Sqrt => x.sqrt(),
                    Builtin::Exp => x.exp(),
                    Builtin::Log => x.ln(),
                    Builtin::Sin => super::c_nan(x.sin(), &[x]),
                    _ => super::c_nan(x.cos(), &[x]),
                })
            }
            Builtin::Atan2 => {
                let y = self.eval_num(&args[0])?;
                let x = self.eval_num(&args[1])?;
                Value::Num(super::c_nan(y.atan2(x), &[x, y]))
            }
            Builtin::Rand => {
                // A fixed-seed generator: runs are reproducible.
                self.rand_state = self.rand_state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                Value::Num((self.rand_state >> 11) as f64 / (1u64 << 53) as f64)
            }
            Builtin::Srand => {
                let previous = self.rand_seed;
                let seed = if args.is_empty() { 0.0 } else { self.eval_num(&args[0])? };
                self.rand_seed = seed;
                self.rand_state = seed.to_bits();
                Value::Num(previous)
            }
            Builtin::System => return Err(AwkError::Fatal("system() is not available in this awk".into()).into()),
            Builtin::Close if args.len() == 1 => {
                let name = self.eval_str(&args[0])?;
                Value::Num(self.close(&name))
            }
            Builtin::Close | Builtin::Fflush => {
                for a in args {
                    self.eval(a)?;
                }
                Value::Num(0.0)
            }
        })
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
        let Some((start, end)) = re.find_at(text, pos) else {
            break;
        };
        let empty = start == end;
        if empty && last_end == Some(start) {
            // No empty match right after the previous match.
            let Some(c) = text[start..].chars().next() else {
                break;
            };
            out.push_str(&text[pos..start + c.len_utf8()]);
            pos = start + c.len_utf8();
            continue;
        }
        out.push_str(&text[pos..start]);
        out.push_str(&expand(&text[start..end]));
        count += 1;
        last_end = Some(end);
        if empty {
            match text[start..].chars().next() {
                Some(c) => {
                    out.push(c);
                    pos = start + c.len_utf8();
                }
                None => {
                    pos = text.len() + 1;
                }
            }
        } else {
            pos = end;
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
