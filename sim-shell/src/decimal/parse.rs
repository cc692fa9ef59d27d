//! Decimal text to the nearest f64, ties to even.
//!
//! Few digits and a small exponent take Clinger's fast path: the digits and
//! the power of ten are both exact doubles, so one IEEE multiply or divide
//! rounds correctly. Everything else is exact: the value as a fraction of
//! two big integers, divided bit by bit into a 66-bit quotient whose
//! remainder decides the rounding.

use super::big::Big;
use std::cmp::Ordering;

/// Significant digits kept; the rest only count as a sticky nonzero digit.
/// Doubles and the midpoints between them have at most 767 significant
/// digits, so no midpoint lies between a number and its truncation.
const MAX_DIGITS: usize = 800;

/// Parses `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`, the
/// whole of `s`: what `str::parse::<f64>` accepts, less "inf" and "nan".
pub fn parse(s: &str) -> Option<f64> {
    let (negative, b) = sign(s.as_bytes());
    let int = &b[..digit_run(b)];
    let (frac, rest) = match b[int.len()..].split_first() {
        Some((b'.', after)) => after.split_at(digit_run(after)),
        _ => (&b[..0], &b[int.len()..]),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let exp = match rest.split_first() {
        None => 0,
        Some((b'e' | b'E', e)) => exponent(e)?,
        Some(_) => return None,
    };
    let v = to_f64(int.iter().chain(frac), exp - frac.len() as i64);
    Some(if negative { -v } else { v })
}

fn sign(b: &[u8]) -> (bool, &[u8]) {
    match b.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, b),
    }
}

fn digit_run(b: &[u8]) -> usize {
    b.iter().take_while(|c| c.is_ascii_digit()).count()
}

/// `[+-]? digits` to the end, saturating far beyond any double's range.
fn exponent(b: &[u8]) -> Option<i64> {
    let (negative, digits) = sign(b);
    if digits.is_empty() || digit_run(digits) < digits.len() {
        return None;
    }
    let n = digits.iter().fold(0i64, |n, c| (n * 10 + i64::from(c - b'0')).min(1 << 40));
    Some(if negative { -n } else { n })
}

/// The ASCII digits `digits` times 10^`exp10`, rounded.
fn to_f64<'a>(digits: impl Iterator<Item = &'a u8>, mut exp10: i64) -> f64 {
    let mut kept: Vec<u8> = Vec::new();
    let mut sticky = false;
    for c in digits {
        let d = c - b'0';
        if kept.len() < MAX_DIGITS {
            if !kept.is_empty() || d != 0 {
                kept.push(d);
            }
        } else {
            exp10 += 1;
            sticky |= d != 0;
        }
    }
    if sticky {
        kept.push(1);
        exp10 -= 1;
    }
    while kept.last() == Some(&0) {
        kept.pop();
        exp10 += 1;
    }
    // The value is 0.kept · 10^magnitude.
    let magnitude = kept.len() as i64 + exp10;
    if kept.is_empty() || magnitude <= -324 {
        return 0.0;
    }
    if magnitude >= 310 {
        return f64::INFINITY;
    }
    if kept.len() <= 15 && exp10.abs() <= 22 {
        let m = kept.iter().fold(0u64, |m, &d| m * 10 + u64::from(d)) as f64;
        let p = (0..exp10.abs()).fold(1.0, |p, _| p * 10.0);
        return if exp10 < 0 { m / p } else { m * p };
    }
    // value = num / den · 2^exp10, with 10^exp10 = 5^exp10 · 2^exp10.
    let mut num = Big::default();
    for chunk in kept.chunks(9) {
        let n = chunk.iter().fold(0, |n, &d| n * 10 + u32::from(d));
        num.mul_add(10u32.pow(chunk.len() as u32), n);
    }
    let mut den = Big::one();
    if exp10 > 0 {
        num.mul_pow5(exp10);
    } else {
        den.mul_pow5(-exp10);
    }
    // Scale to num / den in (2^64, 2^66): value = num / den · 2^(exp10 - t).
    let t = 65 + den.bit_len() - num.bit_len();
    num.shl(t);
    den.shl(65 - t.min(0));
    // Restoring division: one quotient bit per step, den = divisor · 2^65.
    let mut q: u128 = 0;
    for _ in 0..66 {
        q <<= 1;
        if num.compare(&den) != Ordering::Less {
            num.sub(&den);
            q |= 1;
        }
        num.shl(1);
    }
    round(q, exp10 - t, !num.is_zero())
}

/// The double nearest `(q + r) · 2^e`, where 2^64 ≤ q < 2^66 and the
/// remainder 0 ≤ r < 1 is nonzero when `sticky`.
fn round(q: u128, e: i64, sticky: bool) -> f64 {
    let len = 128 - i64::from(q.leading_zeros());
    // 53 bits, fewer where doubles go subnormal (below 2^-1022).
    let shift = (len - 53).max(-1074 - e).clamp(1, 127) as u32;
    let (kept, rest, half) = (q >> shift, q & ((1 << shift) - 1), 1 << (shift - 1));
    let up = rest > half || rest == half && (sticky || kept & 1 == 1);
    let kept = (kept + u128::from(up)) as u64;
    // kept · 2^e' with e' ≥ -1074: the exponent field is e' + 1074, plus one
    // for kept's leading bit 2^52 when it is normal (and two at 2^53).
    let field = (e + i64::from(shift) + 1074).clamp(0, 2047) as u64;
    let bits = (field << 52).saturating_add(kept);
    if bits >= f64::INFINITY.to_bits() {
        return f64::INFINITY;
    }
    f64::from_bits(bits)
}
