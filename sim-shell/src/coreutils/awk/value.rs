//! awk values and their conversions: numbers print as integers when they
//! are whole (and fit in 32 bits, as in mawk), otherwise with `%.6g`;
//! strings become numbers by their leading numeric prefix (as `strtod`).

use super::format;

/// A run-time value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Never assigned: both "" and 0.
    Uninit,
    Num(f64),
    Str(String),
    /// A string from input (fields, `getline`, `split`): compares as a
    /// number when it looks like one.
    StrNum(String),
}

impl Value {
    pub fn to_num(&self) -> f64 {
        match self {
            Value::Uninit => 0.0,
            Value::Num(n) => *n,
            Value::Str(s) | Value::StrNum(s) => str_to_num(s),
        }
    }

    /// The string value, numbers converted with `convfmt`.
    pub fn to_str(&self, convfmt: &str) -> String {
        match self {
            Value::Uninit => String::new(),
            Value::Num(n) => num_to_str(*n, convfmt),
            Value::Str(s) | Value::StrNum(s) => s.clone(),
        }
    }

    pub fn truthy(&self) -> bool {
        match self {
            Value::Uninit => false,
            Value::Num(n) => *n != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::StrNum(s) => {
                if looks_numeric(s) {
                    str_to_num(s) != 0.0
                } else {
                    !s.is_empty()
                }
            }
        }
    }

    /// Whether comparisons treat this value as a number.
    pub fn is_numeric(&self) -> bool {
        match self {
            Value::Uninit | Value::Num(_) => true,
            Value::Str(_) => false,
            Value::StrNum(s) => looks_numeric(s),
        }
    }
}

/// Formats a number as awk prints it: whole numbers in the 32-bit range as
/// integers, others with `fmt` (CONVFMT or OFMT).
pub fn num_to_str(n: f64, fmt: &str) -> String {
    if n.fract() == 0.0 && n.abs() <= 2147483647.0 {
        return format!("{}", n as i64);
    }
    // A format without a conversion for the number prints as it is.
    format::sprintf(fmt, &[Value::Num(n)], fmt).unwrap_or_else(|(text, _)| text)
}

/// Whether `s` is entirely a number, allowing surrounding blanks (what
/// POSIX calls a numeric string).
pub fn looks_numeric(s: &str) -> bool {
    let t = s.trim_matches(|c| c == ' ' || c == '\t' || c == '\n');
    if t.is_empty() {
        return false;
    }
    let (_, used) = prefix_num(t);
    used == t.len()
}

/// The value of the longest numeric prefix of `s` (0 if none).
pub fn str_to_num(s: &str) -> f64 {
    prefix_num(s.trim_start_matches([' ', '\t', '\n'])).0
}

/// Parses a decimal (or `0x` hex, or inf/nan) number at the start of `s`,
/// like C's `strtod`; returns the value and the bytes used.
fn prefix_num(s: &str) -> (f64, usize) {
    let b = s.as_bytes();
    let mut i = 0;
    let neg = match b.first() {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let sign = if neg { -1.0 } else { 1.0 };
    let rest = &b[i..];
    let at = |word: &[u8]| rest.get(..word.len()).is_some_and(|w| w.eq_ignore_ascii_case(word));
    if at(b"inf") {
        let len = if at(b"infinity") { 8 } else { 3 };
        return (sign * f64::INFINITY, i + len);
    }
    if at(b"nan") {
        return (if neg { -f64::NAN } else { f64::NAN }, i + 3);
    }
    if (at(b"0x")) && rest.get(2).is_some_and(u8::is_ascii_hexdigit) {
        let n = rest[2..].iter().take_while(|c| c.is_ascii_hexdigit()).count();
        let v =
            rest[2..2 + n].iter().fold(0.0, |acc, &c| acc * 16.0 + f64::from((c as char).to_digit(16).unwrap_or(0)));
        return (sign * v, i + 2 + n);
    }
    let start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    let mantissa = &s[start..i];
    if mantissa.is_empty() || mantissa == "." {
        return (0.0, 0);
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        if j < b.len() && b[j].is_ascii_digit() {
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            i = j;
        }
    }
    // What is left is std's syntax too: digits, a point, an exponent.
    let v: f64 = s[start..i].parse().unwrap_or(0.0);
    (sign * v, i)
}
