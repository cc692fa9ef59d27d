//! `printf`/`sprintf` formatting and C's `%d %i %o %x %X %u %c %s %e %f %g`
//! conversions with flags, width and precision.

use super::value::Value;

/// Why a format could not be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// More conversions than arguments.
    NotEnoughArgs,
    /// A conversion character printf does not know.
    BadConversion(char),
}

/// One parsed `%` conversion.
#[derive(Default)]
struct Spec {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
    width: Option<usize>,
    precision: Option<usize>,
}

/// Formats `args` by `fmt`; `convfmt` turns numbers into strings for `%s`.
/// An error comes with the text formatted before it.
pub fn sprintf(fmt: &str, args: &[Value], convfmt: &str) -> Result<String, (String, FormatError)> {
    let mut out = String::new();
    match format_into(&mut out, fmt, args, convfmt) {
        Ok(()) => Ok(out),
        Err(e) => Err((out, e)),
    }
}

fn format_into(out: &mut String, fmt: &str, args: &[Value], convfmt: &str) -> Result<(), FormatError> {
    let mut args = args.iter();
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut spec = Spec::default();
        while let Some(&f) = chars.peek() {
            match f {
                '-' => spec.left = true,
                '+' => spec.plus = true,
                ' ' => spec.space = true,
                '#' => spec.alt = true,
                '0' => spec.zero = true,
                _ => break,
            }
            chars.next();
        }
        let number = |chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
                      args: &mut std::slice::Iter<'_, Value>|
         -> Result<Option<usize>, FormatError> {
            if chars.peek() == Some(&'*') {
                chars.next();
                // Capped where std's formatter, which did %f before, panicked.
                let v = args.next().ok_or(FormatError::NotEnoughArgs)?.to_num();
                return Ok(Some(v.clamp(0.0, 65535.0) as usize));
            }
            let mut n: Option<usize> = None;
            while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                n = Some(n.unwrap_or(0).saturating_mul(10).saturating_add(d as usize).min(4096));
                chars.next();
            }
            Ok(n)
        };
        spec.width = number(&mut chars, &mut args)?;
        if chars.peek() == Some(&'.') {
            chars.next();
            spec.precision = Some(number(&mut chars, &mut args)?.unwrap_or(0));
        }
        // Length modifiers mean nothing here.
        while matches!(chars.peek(), Some('h' | 'l' | 'L' | 'q' | 'j' | 'z' | 't')) {
            chars.next();
        }
        let Some(conv) = chars.next() else {
            out.push('%');
            break;
        };
        if conv == '%' {
            out.push('%');
            continue;
        }
        let arg = args.next().ok_or(FormatError::NotEnoughArgs)?;
        let body = match conv {
            'd' | 'i' => signed(arg.to_num(), &spec),
            'o' | 'x' | 'X' | 'u' => unsigned(arg.to_num(), conv, &spec),
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => float(arg.to_num(), conv, &spec),
            'c' => {
                let s = match arg {
                    Value::Num(n) => char::from_u32(*n as u32).map(String::from).unwrap_or_default(),
                    other => other.to_str(convfmt).chars().next().map(String::from).unwrap_or_default(),
                };
                pad(s, &spec, false)
            }
            's' => {
                let mut s = arg.to_str(convfmt);
                if let Some(p) = spec.precision {
                    s = s.chars().take(p).collect();
                }
                pad(s, &spec, false)
            }
            other => return Err(FormatError::BadConversion(other)),
        };
        out.push_str(&body);
    }
    Ok(())
}

/// Pads to the field width; `numeric` allows zero padding after the sign.
fn pad(s: String, spec: &Spec, numeric: bool) -> String {
    let width = spec.width.unwrap_or(0);
    let len = s.chars().count();
    if len >= width {
        return s;
    }
    let fill = width - len;
    if spec.left {
        return format!("{s}{}", " ".repeat(fill));
    }
    if numeric && spec.zero {
        let sign_len = usize::from(s.starts_with(['-', '+', ' ']));
        let prefix_len =
            if s[sign_len..].starts_with("0x") || s[sign_len..].starts_with("0X") { sign_len + 2 } else { sign_len };
        return format!("{}{}{}", &s[..prefix_len], "0".repeat(fill), &s[prefix_len..]);
    }
    format!("{}{s}", " ".repeat(fill))
}

fn sign_prefix(negative: bool, spec: &Spec) -> &'static str {
    if negative {
        "-"
    } else if spec.plus {
        "+"
    } else if spec.space {
        " "
    } else {
        ""
    }
}

fn signed(v: f64, spec: &Spec) -> String {
    let n = if v.is_nan() { i64::MIN } else { v.trunc().clamp(i64::MIN as f64, i64::MAX as f64) as i64 };
    let mut digits = n.unsigned_abs().to_string();
    if let Some(p) = spec.precision {
        if p == 0 && n == 0 {
            digits.clear();
        }
        while digits.len() < p {
            digits.insert(0, '0');
        }
    }
    let s = format!("{}{digits}", sign_prefix(n < 0, spec));
    pad(s, spec, spec.precision.is_none())
}

fn unsigned(v: f64, conv: char, spec: &Spec) -> String {
    let n = if v < 0.0 { (v.trunc() as i64) as u64 } else { v.trunc().min(u64::MAX as f64) as u64 };
    let radix = match conv {
        'o' => 8,
        'x' | 'X' => 16,
        _ => 10,
    };
    let mut digits = String::new();
    let mut m = n;
    loop {
        digits.insert(0, char::from_digit((m % radix) as u32, 16).unwrap_or('0'));
        m /= radix;
        if m == 0 {
            break;
        }
    }
    if conv == 'X' {
        digits.make_ascii_uppercase();
    }
    if let Some(p) = spec.precision {
        while digits.len() < p {
            digits.insert(0, '0');
        }
    }
    if spec.alt && n != 0 {
        match conv {
            'o' if !digits.starts_with('0') => digits.insert(0, '0'),
            'x' => digits.insert_str(0, "0x"),
            'X' => digits.insert_str(0, "0X"),
            _ => {}
        }
    }
    pad(digits, spec, spec.precision.is_none())
}

fn float(v: f64, conv: char, spec: &Spec) -> String {
    let upper = conv.is_ascii_uppercase();
    let body = if v.is_nan() {
        let s = if v.is_sign_negative() { "-nan" } else { "nan" };
        return pad(if upper { s.to_ascii_uppercase() } else { s.to_string() }, spec, false);
    } else if v.is_infinite() {
        let s = format!("{}inf", sign_prefix(v < 0.0, spec));
        return pad(if upper { s.to_ascii_uppercase() } else { s }, spec, false);
    } else {
        let p = spec.precision.unwrap_or(6);
        let a = v.abs();
        let text = match conv.to_ascii_lowercase() {
            'f' => fixed(a, p),
            'e' => exp_form(a, p),
            _ => general(a, p, spec.alt),
        };
        format!("{}{text}", sign_prefix(v.is_sign_negative() && v != 0.0 || (v == 0.0 && v.is_sign_negative()), spec))
    };
    pad(if upper { body.to_ascii_uppercase() } else { body }, spec, true)
}

/// `a` with `p` digits after the point, rounded as glibc's `%f` rounds.
fn fixed(a: f64, p: usize) -> String {
    // A double's exact value has at most 1074 decimals: past them come
    // zeros (and core takes at most 65535).
    let k = p.min(1100);
    let mut s = format!("{a:.k$}");
    s.extend(std::iter::repeat_n('0', p - k));
    s
}

/// The first `n` (≥ 1) significant digits of `a` (finite, ≥ 0) and the
/// decimal exponent of the first. core's exact formatting rounds on the
/// exact binary value, ties to even, as glibc's printf does, so `%e`, `%g`,
/// OFMT and CONVFMT print mawk's digits.
fn significant(a: f64, n: usize) -> (String, i32) {
    // A double's exact value has at most 767 significant digits: past them
    // come zeros (and core takes at most 65535).
    let k = n.clamp(1, 800);
    let s = format!("{a:.*e}", k - 1);
    let (digits, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let mut digits = digits.replace('.', "");
    digits.extend(std::iter::repeat_n('0', n.saturating_sub(k)));
    (digits, exp.parse().unwrap_or(0))
}

/// `%e`: d.ddde+XX.
fn exp_form(a: f64, p: usize) -> String {
    let (d, x) = significant(a, p + 1);
    let mut s = d[..1].to_string();
    if p > 0 {
        s.push('.');
        s.push_str(&d[1..]);
    }
    s.push('e');
    s.push(if x < 0 { '-' } else { '+' });
    if x.abs() < 10 {
        s.push('0');
    }
    s + &x.unsigned_abs().to_string()
}

/// `%g`: the shorter of `%e` and `%f` for `p` significant digits, without
/// trailing zeros unless `#`.
fn general(a: f64, p: usize, alt: bool) -> String {
    let p = p.max(1);
    if a == 0.0 {
        return if alt { fixed(0.0, p - 1) } else { "0".into() };
    }
    let exp = significant(a, p).1;
    let text = if exp < -4 || exp >= p as i32 {
        exp_form(a, p - 1)
    } else {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        fixed(a, decimals)
    };
    if alt {
        return text;
    }
    strip_zeros(&text)
}

fn strip_zeros(s: &str) -> String {
    let (num, exp) = match s.find('e') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    if !num.contains('.') {
        return s.to_string();
    }
    let trimmed = num.trim_end_matches('0').trim_end_matches('.');
    format!("{trimmed}{exp}")
}

#[cfg(test)]
mod tests {
    use super::Value;
    use std::ffi::{c_char, c_int, CString};

    extern "C" {
        fn snprintf(buf: *mut c_char, n: usize, fmt: *const c_char, ...) -> c_int;
    }

    /// What the C library's printf makes of one double.
    fn c_format(fmt: &str, v: f64) -> String {
        let f = CString::new(fmt).unwrap();
        let mut buf = vec![0u8; 2048];
        let n = unsafe { snprintf(buf.as_mut_ptr().cast(), buf.len(), f.as_ptr(), v) };
        buf.truncate(n as usize);
        String::from_utf8(buf).unwrap()
    }

    /// A `*` precision past what std's formatter took (it panicked) is
    /// capped, not a hang generating 10^18 digits.
    #[test]
    fn huge_star_precision_is_capped() {
        for conv in ['f', 'e', 'g'] {
            let fmt = format!("%.*{conv}");
            for v in [0.1, 1e-5, 1e-300, 5e-324, 1e300] {
                let s = super::sprintf(&fmt, &[Value::Num(1e18), Value::Num(v)], "%.6g").unwrap();
                assert!(s.len() <= 65535 + 320, "{fmt}: {} bytes", s.len());
            }
        }
    }

    /// %e, %g and %f (not yet with `#`) print what C prints.
    #[test]
    fn floats_agree_with_c() {
        let mut s = 0x2545f4914f6cdd1du64;
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        let fixed =
            [0.5, 1.5, 2.5, 0.125, 9.5, 99.5, 999999.5, 0.05, 1e22, 9.9999995, 0.00099999995, 123456789.0, 1e-310];
        for i in 0..60_000 {
            let r = next();
            let v = match i % 4 {
                0 => f64::from_bits(r),
                1 => fixed[(r % fixed.len() as u64) as usize] * if r & 1 == 0 { 1.0 } else { -1.0 },
                2 => ((r >> 20) % 100_000) as f64 / [1.0, 10.0, 100.0, 1000.0, 8.0][(r % 5) as usize],
                _ => (r >> 11) as f64 / (1u64 << 53) as f64 * 10f64.powi((r % 40) as i32 - 20),
            };
            if !v.is_finite() {
                continue;
            }
            for conv in ['e', 'g', 'f'] {
                let p = next() % 20;
                for fmt in [format!("%.{p}{conv}"), format!("%+012.{p}{conv}"), format!("%{conv}")] {
                    if conv == 'f' && v.abs() > 1e30 {
                        continue;
                    }
                    let ours = super::sprintf(&fmt, &[Value::Num(v)], "%.6g").unwrap();
                    assert_eq!(ours, c_format(&fmt, v), "{fmt} of {v:?}");
                }
            }
        }
    }
}
