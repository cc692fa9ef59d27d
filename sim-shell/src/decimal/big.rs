//! A small unsigned big integer, just enough for exact decimal ⇄ binary
//! conversion: little-endian `u32` words, and only single-pass schoolbook
//! steps by a small factor (multiply, divide by 10⁹, subtract, compare).

use std::cmp::Ordering;

/// 10⁹: the most decimal digits one `u32` word holds.
pub const CHUNK: u32 = 1_000_000_000;

/// `words = words · k + carry` in place; returns what overflows the top word.
pub fn mul_small(words: &mut [u32], k: u32, mut carry: u32) -> u32 {
    for w in words.iter_mut() {
        let t = u64::from(*w) * u64::from(k) + u64::from(carry);
        *w = t as u32;
        carry = (t >> 32) as u32;
    }
    carry
}

/// `words = words / 10⁹` in place; returns the remainder.
pub fn div_chunk(words: &mut [u32]) -> u32 {
    let mut rem = 0u64;
    for w in words.iter_mut().rev() {
        let t = rem << 32 | u64::from(*w);
        *w = (t / u64::from(CHUNK)) as u32;
        rem = t % u64::from(CHUNK);
    }
    rem as u32
}

/// An unsigned integer; the top word is never zero (zero has no words).
#[derive(Default)]
pub struct Big(Vec<u32>);

impl Big {
    pub fn one() -> Big {
        Big(vec![1])
    }

    pub fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    pub fn bit_len(&self) -> i64 {
        self.0.last().map_or(0, |top| 32 * self.0.len() as i64 - i64::from(top.leading_zeros()))
    }

    /// `self = self · k + add`, for `k` ≥ 1.
    pub fn mul_add(&mut self, k: u32, add: u32) {
        let carry = mul_small(&mut self.0, k, add);
        if carry != 0 {
            self.0.push(carry);
        }
    }

    /// `self = self · 2^bits`.
    pub fn shl(&mut self, mut bits: i64) {
        while bits > 0 {
            let k = bits.min(31);
            self.mul_add(1 << k, 0);
            bits -= k;
        }
    }

    /// `self = self · 5^e`.
    pub fn mul_pow5(&mut self, mut e: i64) {
        while e > 0 {
            let k = e.min(13);
            self.mul_add(5u32.pow(k as u32), 0);
            e -= k;
        }
    }

    /// `self = self - other`; `other` must not be larger.
    pub fn sub(&mut self, other: &Big) {
        let mut borrow = false;
        for (i, w) in self.0.iter_mut().enumerate() {
            let (d, b1) = w.overflowing_sub(other.0.get(i).copied().unwrap_or(0));
            let (d, b2) = d.overflowing_sub(u32::from(borrow));
            *w = d;
            borrow = b1 || b2;
        }
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    pub fn compare(&self, other: &Big) -> Ordering {
        self.0.len().cmp(&other.0.len()).then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}
