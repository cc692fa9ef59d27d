//! printf's conversions: the format walked once per round of arguments.

use super::escape::{escape, quote, unescape_b};

pub(super) struct Printer<'a> {
    pub args: &'a [String],
    pub next: usize,
    pub text: String,
    pub errors: String,
    pub status: i32,
}

/// A conversion's flags, width and precision.
#[derive(Default)]
struct Spec {
    left: bool,
    plus: bool,
    space: bool,
    zero: bool,
    alt: bool,
    width: Option<usize>,
    precision: Option<usize>,
}

impl Printer<'_> {
    fn arg(&mut self) -> Option<&str> {
        let a = self.args.get(self.next).map(String::as_str);
        if a.is_some() {
            self.next += 1;
        }
        a
    }

    /// `strtoimax` as bash's `getintmax()` uses it.
    fn number(&mut self, prefix: &str) -> i64 {
        let Some(a) = self.arg().map(str::to_string) else { return 0 };
        if let Some(c) = a.strip_prefix(['\'', '"']) {
            return c.chars().next().map_or(0, |c| c as i64);
        }
        let t = a.trim_start();
        let (neg, body) = match t.as_bytes().first() {
            Some(b'-') => (true, &t[1..]),
            Some(b'+') => (false, &t[1..]),
            _ => (false, t),
        };
        let (digits, radix) = if let Some(h) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
            (h, 16)
        } else if body.len() > 1 && body.starts_with('0') {
            (&body[1..], 8)
        } else {
            (body, 10)
        };
        let end = digits.find(|c: char| !c.is_digit(radix)).unwrap_or(digits.len());
        let v = i64::from_str_radix(&digits[..end], radix).unwrap_or(0);
        if end < digits.len() || digits.is_empty() {
            self.errors += &format!("{prefix}printf: {a}: invalid number\n");
            self.status = 1;
        }
        if neg {
            -v
        } else {
            v
        }
    }

    fn float(&mut self, prefix: &str) -> f64 {
        let Some(a) = self.arg().map(str::to_string) else { return 0.0 };
        match a.trim().parse::<f64>() {
            Ok(v) => v,
            Err(_) => {
                self.errors += &format!("{prefix}printf: {a}: invalid number\n");
                self.status = 1;
                0.0
            }
        }
    }

    /// One pass over the format; true when `\c` in a `%b` stopped output.
    pub fn format(&mut self, format: &str, prefix: &str) -> bool {
        let f: Vec<char> = format.chars().collect();
        let mut i = 0;
        while i < f.len() {
            match f[i] {
                '\\' => {
                    let (s, used, _) = escape(&f[i + 1..], false);
                    self.text += &s;
                    i += 1 + used;
                }
                '%' if f.get(i + 1) == Some(&'%') => {
                    self.text.push('%');
                    i += 2;
                }
                '%' => {
                    i += 1;
                    let mut spec = Spec::default();
                    while let Some(c) = f.get(i) {
                        match c {
                            '-' => spec.left = true,
                            '+' => spec.plus = true,
                            ' ' => spec.space = true,
                            '0' => spec.zero = true,
                            '#' => spec.alt = true,
                            _ => break,
                        }
                        i += 1;
                    }
                    if f.get(i) == Some(&'*') {
                        let w = self.number(prefix);
                        spec.left |= w < 0;
                        spec.width = Some(w.unsigned_abs() as usize);
                        i += 1;
                    } else {
                        let start = i;
                        while f.get(i).is_some_and(char::is_ascii_digit) {
                            i += 1;
                        }
                        spec.width = f[start..i].iter().collect::<String>().parse().ok();
                    }
                    if f.get(i) == Some(&'.') {
                        i += 1;
                        if f.get(i) == Some(&'*') {
                            spec.precision = Some(self.number(prefix).max(0) as usize);
                            i += 1;
                        } else {
                            let start = i;
                            while f.get(i).is_some_and(char::is_ascii_digit) {
                                i += 1;
                            }
                            spec.precision = Some(f[start..i].iter().collect::<String>().parse().unwrap_or(0));
                        }
                    }
                    // Length modifiers mean nothing to bash.
                    while f.get(i).is_some_and(|c| matches!(c, 'h' | 'l' | 'L' | 'j' | 'z' | 't')) {
                        i += 1;
                    }
                    let Some(&conv) = f.get(i) else {
                        self.errors += &format!("{prefix}printf: `%': missing format character\n");
                        self.status = 1;
                        return true;
                    };
                    i += 1;
                    if self.convert(conv, &spec, prefix) {
                        return true;
                    }
                }
                c => {
                    self.text.push(c);
                    i += 1;
                }
            }
        }
        false
    }

    /// One conversion; true when `%b`'s `\c` stops everything.
    fn convert(&mut self, conv: char, spec: &Spec, prefix: &str) -> bool {
        let body = match conv {
            's' | 'q' => {
                let a = self.arg().unwrap_or("").to_string();
                let a = if conv == 'q' { quote(&a) } else { a };
                match spec.precision {
                    Some(p) => a.chars().take(p).collect(),
                    None => a,
                }
            }
            'b' => {
                let a: Vec<char> = self.arg().unwrap_or("").chars().collect();
                let (s, stop) = unescape_b(&a);
                self.text += &pad(&s, spec);
                return stop;
            }
            'c' => self.arg().and_then(|a| a.chars().next()).map(String::from).unwrap_or_default(),
            'd' | 'i' => {
                let v = self.number(prefix);
                let mut digits = v.unsigned_abs().to_string();
                if let Some(p) = spec.precision {
                    digits = format!("{digits:0>p$}");
                }
                let sign = if v < 0 {
                    "-"
                } else if spec.plus {
                    "+"
                } else if spec.space {
                    " "
                } else {
                    ""
                };
                return self.numeric(sign, &digits, spec);
            }
            'u' | 'o' | 'x' | 'X' => {
                let v = self.number(prefix) as u64;
                let mut digits = match conv {
                    'u' => v.to_string(),
                    'o' => format!("{v:o}"),
                    'x' => format!("{v:x}"),
                    _ => format!("{v:X}"),
                };
                if let Some(p) = spec.precision {
                    digits = format!("{digits:0>p$}");
                }
                let alt = match conv {
                    'o' if spec.alt && !digits.starts_with('0') => "0",
                    'x' if spec.alt && v != 0 => "0x",
                    'X' if spec.alt && v != 0 => "0X",
                    _ => "",
                };
                return self.numeric(alt, &digits, spec);
            }
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                let v = self.float(prefix);
                let p = spec.precision.unwrap_or(6);
                let digits = match conv {
                    'f' | 'F' => format!("{:.p$}", v.abs()),
                    'e' | 'E' => c_exp(v.abs(), p, conv == 'E'),
                    _ => c_g(v.abs(), p.max(1), conv == 'G'),
                };
                let sign = if v.is_sign_negative() && v != 0.0 {
                    "-"
                } else if spec.plus {
                    "+"
                } else if spec.space {
                    " "
                } else {
                    ""
                };
                return self.numeric(sign, &digits, spec);
            }
            other => {
                self.errors += &format!("{prefix}printf: `{other}': invalid format character\n");
                self.status = 1;
                return true;
            }
        };
        self.text += &pad(&body, spec);
        false
    }

    fn numeric(&mut self, sign: &str, digits: &str, spec: &Spec) -> bool {
        let width = spec.width.unwrap_or(0);
        let len = sign.len() + digits.chars().count();
        if spec.zero && !spec.left && spec.precision.is_none() && len < width {
            self.text += sign;
            self.text += &"0".repeat(width - len);
            self.text += digits;
        } else {
            self.text += &pad(&format!("{sign}{digits}"), spec);
        }
        false
    }
}

fn pad(s: &str, spec: &Spec) -> String {
    let width = spec.width.unwrap_or(0);
    let len = s.chars().count();
    if len >= width {
        return s.to_string();
    }
    let fill = " ".repeat(width - len);
    if spec.left {
        format!("{s}{fill}")
    } else {
        format!("{fill}{s}")
    }
}

/// C's `%e`: at least two exponent digits.
fn c_exp(v: f64, p: usize, upper: bool) -> String {
    let s = format!("{v:.p$e}");
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let (sign, digits) = match exp.strip_prefix('-') {
        Some(d) => ('-', d),
        None => ('+', exp),
    };
    let e = if upper { 'E' } else { 'e' };
    format!("{mant}{e}{sign}{digits:0>2}")
}

/// C's `%g`: `%e` or `%f` by the exponent, trailing zeros dropped.
fn c_g(v: f64, p: usize, upper: bool) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let exp = v.log10().floor() as i64;
    let trim = |s: String| -> String {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    if exp < -4 || exp >= p as i64 {
        let s = c_exp(v, p - 1, upper);
        let (m, e) = s.split_once(['e', 'E']).unwrap_or((&s, ""));
        format!("{}{}{e}", trim(m.to_string()), if upper { 'E' } else { 'e' })
    } else {
        let decimals = (p as i64 - 1 - exp).max(0) as usize;
        trim(format!("{v:.decimals$}"))
    }
}
