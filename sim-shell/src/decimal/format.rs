//! A finite double's exact decimal value, rounded at a chosen digit as
//! glibc's printf (and Rust's `{:.N}` and `{:.Ne}`) round it: on the exact
//! binary value, ties to even.
//!
//! |v| = m · 2^e is scaled by 2^(32·w) to a whole number whose low w words
//! are the fraction, left-aligned. The whole part gives its digits by
//! division by 10⁹; the fraction gives nine more each time it is multiplied
//! by 10⁹, as the carry out of its top word. What is left decides rounding.

use super::big::{div_chunk, mul_small, CHUNK};

/// Where to round.
#[derive(Clone, Copy)]
enum Cut {
    /// After this many digits past the decimal point.
    Fraction(usize),
    /// After this many significant digits (at least one).
    Significant(usize),
}

/// `v` with `frac` digits after the point: `format!("{v:.frac$}")`.
pub fn fixed(v: f64, frac: usize) -> String {
    if !v.is_finite() {
        return non_finite(v).into();
    }
    let (mut ds, _) = rounded(v.abs(), Cut::Fraction(frac));
    while ds.len() <= frac {
        ds.insert(0, b'0');
    }
    if frac > 0 {
        ds.insert(ds.len() - frac, b'.');
    }
    if v.is_sign_negative() {
        ds.insert(0, b'-');
    }
    ds.into_iter().map(char::from).collect()
}

/// The first `n` (at least 1) significant digits of |v| and the decimal
/// exponent of the first: 1234.5 to 3 digits is ("123", 3), as
/// `format!("{v:.2e}")` writes 1.23e3. Zero is n zeros with exponent 0.
pub fn significant(v: f64, n: usize) -> (String, i32) {
    let n = n.max(1);
    if v == 0.0 || !v.is_finite() {
        return ("0".repeat(n), 0);
    }
    let (ds, top) = rounded(v.abs(), Cut::Significant(n));
    let zeros = ds.iter().take_while(|&&d| d == b'0').count();
    (ds[zeros..].iter().take(n).map(|&d| char::from(d)).collect(), top - zeros as i32)
}

fn non_finite(v: f64) -> &'static str {
    if v.is_nan() {
        "NaN"
    } else if v < 0.0 {
        "-inf"
    } else {
        "inf"
    }
}

/// The digits of `a` (finite, ≥ 0; nonzero for `Significant`) up to the
/// cut, rounded, as ASCII, with the decimal exponent of the first. Leading
/// zeros stay: a fraction's digits start right after the point.
fn rounded(a: f64, cut: Cut) -> (Vec<u8>, i32) {
    let (m, e) = split(a);
    let w = (-e).max(0).unsigned_abs().div_ceil(32) as usize;
    let shift = (e + 32 * w as i32).unsigned_abs();
    let wide = u128::from(m) << (shift % 32);
    let mut words = vec![0u32; (shift / 32) as usize];
    words.extend([wide as u32, (wide >> 32) as u32, (wide >> 64) as u32]);
    if words.len() < w {
        words.resize(w, 0);
    }
    let (frac, int) = words.split_at_mut(w);

    let mut ds = whole_digits(int);
    let int_len = ds.len();
    let want = loop {
        let want = match cut {
            Cut::Fraction(f) => Some(int_len.saturating_add(f)),
            Cut::Significant(n) => ds.iter().position(|&d| d != 0).map(|z| z.saturating_add(n)),
        };
        // One digit past the cut at least, to round on.
        if let Some(want) = want.filter(|&want| want < ds.len()) {
            break want;
        }
        push_chunk(&mut ds, mul_small(frac, CHUNK, 0));
    };

    let (tail_first, tail_rest) = (ds[want], &ds[want + 1..]);
    let up = match tail_first.cmp(&5) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => {
            tail_rest.iter().any(|&d| d != 0)
                || frac.iter().any(|&w| w != 0)
                || ds[..want].last().is_some_and(|d| d % 2 == 1)
        }
    };
    ds.truncate(want);
    let mut top = int_len as i32 - 1;
    if up && carry_one(&mut ds) {
        top += 1;
    }
    for d in &mut ds {
        *d += b'0';
    }
    (ds, top)
}

/// |v| as m · 2^e with m < 2^53.
fn split(v: f64) -> (u64, i32) {
    let bits = v.to_bits();
    let field = (bits >> 52 & 0x7ff) as i32;
    let m = bits & ((1 << 52) - 1);
    if field == 0 {
        (m, -1074)
    } else {
        (m | 1 << 52, field - 1075)
    }
}

/// The decimal digits (values 0-9) of a whole number; none for zero.
fn whole_digits(words: &mut [u32]) -> Vec<u8> {
    let mut chunks = Vec::new();
    while words.iter().any(|&w| w != 0) {
        chunks.push(div_chunk(words));
    }
    let mut ds = Vec::new();
    for &c in chunks.iter().rev() {
        push_chunk(&mut ds, c);
    }
    let zeros = ds.iter().take_while(|&&d| d == 0).count();
    ds.drain(..zeros);
    ds
}

/// The nine digits of `chunk` (< 10⁹), leading zeros included.
fn push_chunk(ds: &mut Vec<u8>, chunk: u32) {
    let mut unit = CHUNK / 10;
    while unit > 0 {
        ds.push((chunk / unit % 10) as u8);
        unit /= 10;
    }
}

/// Adds one to the last digit; true when it carried out into a new first
/// digit.
fn carry_one(ds: &mut Vec<u8>) -> bool {
    for d in ds.iter_mut().rev() {
        if *d < 9 {
            *d += 1;
            return false;
        }
        *d = 0;
    }
    ds.insert(0, 1);
    true
}
