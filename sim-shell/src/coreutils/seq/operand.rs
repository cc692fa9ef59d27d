//! Reading seq's operands and formats as coreutils' `seq.c` does: each
//! number's width and precision as written decide the default format.

use super::usage_error;
use crate::output::Output;

/// An operand: its value, and the width and precision it was written with
/// (`None`: not plain decimal).
#[derive(Clone, Copy)]
pub struct Operand {
    pub value: f64,
    pub width: i64,
    pub precision: Option<i64>,
}

/// Plain decimal text: `str::parse::<f64>`'s syntax (which rounds as
/// `strtold` then a cast to double would, for the operands seq prints)
/// less its `inf`/`nan` words, which [`parse_number`] reads itself.
pub(super) fn decimal(s: &str) -> Option<f64> {
    if s.bytes().any(|b| matches!(b.to_ascii_lowercase(), b'i' | b'n')) {
        return None;
    }
    s.parse().ok()
}

/// `strtold` over the whole operand: decimal, `0x` hex integers, `inf`.
fn parse_number(arg: &str) -> Option<f64> {
    let t = arg.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let v = if let Some(hex) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        hex.bytes().fold(0.0, |acc, b| acc * 16.0 + f64::from((b as char).to_digit(16).unwrap_or(0)))
    } else {
        let lower = body.to_ascii_lowercase();
        if lower == "inf" || lower == "infinity" {
            f64::INFINITY
        } else if lower == "nan" {
            f64::NAN
        } else if body.is_empty() || body.starts_with(['+', '-']) {
            return None;
        } else {
            decimal(body)?
        }
    };
    Some(if neg { -v } else { v })
}

/// coreutils' `scan_arg`.
pub fn scan(arg: &str) -> Result<Operand, Output> {
    let Some(value) = parse_number(arg) else {
        return Err(usage_error(format!("invalid floating point argument: ‘{arg}’")));
    };
    if value.is_nan() {
        return Err(usage_error(format!("invalid ‘not-a-number’ argument: ‘{arg}’")));
    }
    let a = arg.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '+');
    let mut op = Operand { value, width: 0, precision: None };
    let point = a.find('.');
    if point.is_none() && !a.contains('p') {
        op.precision = Some(0);
    }
    if !a.contains(['x', 'X']) && value.is_finite() {
        let mut fraction_len = 0i64;
        op.width = a.len() as i64;
        if let Some(p) = point {
            let after = &a[p + 1..];
            fraction_len = after.find(['e', 'E']).unwrap_or(after.len()) as i64;
            op.precision = Some(fraction_len);
            let before_is_digit = p > 0 && a.as_bytes()[p - 1].is_ascii_digit();
            op.width += if fraction_len == 0 { -1 } else { i64::from(!before_is_digit) };
        }
        if let Some(e) = a.find(['e', 'E']) {
            let exponent: i64 = exponent_of(&a[e + 1..]);
            let prec = op.precision.unwrap_or(i64::from(i32::MAX));
            let prec = prec + if exponent < 0 { -exponent } else { -prec.min(exponent) };
            op.precision = Some(prec);
            op.width -= (a.len() - e) as i64;
            let mut exponent = exponent;
            if exponent < 0 {
                match point {
                    Some(p) if e == p + 1 => op.width += 1,
                    Some(_) => {}
                    None => op.width += 1,
                }
                exponent = -exponent;
            } else {
                if point.is_some() && prec == 0 && fraction_len > 0 {
                    op.width -= 1;
                }
                exponent -= fraction_len.min(exponent);
            }
            op.width += exponent;
        }
    }
    Ok(op)
}

/// `strtol` of an exponent: sign and leading digits.
fn exponent_of(s: &str) -> i64 {
    let (neg, digits) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let n = digits
        .bytes()
        .take_while(u8::is_ascii_digit)
        .fold(0i64, |acc, b| acc.saturating_mul(10).saturating_add(i64::from(b - b'0')));
    if neg {
        -n
    } else {
        n
    }
}

/// coreutils' `get_default_format`.
pub fn default_format(first: Operand, step: Operand, last: Operand, equal_width: bool) -> String {
    let (Some(fp), Some(sp), Some(lp)) = (first.precision, step.precision, last.precision) else {
        return "%g".into();
    };
    let prec = fp.max(sp);
    if !equal_width {
        return format!("%.{prec}f");
    }
    let mut first_width = first.width + (prec - fp);
    let mut last_width = last.width + (prec - lp);
    if lp > 0 && prec == 0 {
        last_width -= 1;
    }
    if lp == 0 && prec > 0 {
        last_width += 1;
    }
    if fp == 0 && prec > 0 {
        first_width += 1;
    }
    format!("%0{}.{prec}f", first_width.max(last_width).max(0))
}

/// Checks a `-f` format: exactly one `%e`/`%f`/`%g`/`%a` conversion.
pub fn check_format(fmt: &str) -> Result<(), String> {
    let b = fmt.as_bytes();
    let mut i = 0;
    // Text before the conversion, `%%` included.
    loop {
        match b.get(i) {
            None => return Err(format!("format ‘{fmt}’ has no % directive")),
            Some(b'%') if b.get(i + 1) == Some(&b'%') => i += 2,
            Some(b'%') => break,
            Some(_) => i += 1,
        }
    }
    i += 1;
    while b.get(i).is_some_and(|c| b"-+#0 '".contains(c)) {
        i += 1;
    }
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
    }
    if b.get(i) == Some(&b'L') {
        i += 1;
    }
    match b.get(i) {
        None => return Err(format!("format ‘{fmt}’ ends in %")),
        Some(c) if !b"efgaEFGA".contains(c) => {
            let c = fmt[i..].chars().next().unwrap_or('?');
            return Err(format!("format ‘{fmt}’ has unknown %{c} directive"));
        }
        Some(_) => i += 1,
    }
    while i < b.len() {
        if b[i] == b'%' {
            if b.get(i + 1) != Some(&b'%') {
                return Err(format!("format ‘{fmt}’ has too many % directives"));
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    Ok(())
}
