//! `-i` and `-W`: seconds with decimals to whole milliseconds, exactly as
//! `(text.parse::<f64>().unwrap_or(0.0) * 1000.0).round() as u64` gives
//! them.
//!
//! Hand-made rather than `str::parse::<f64>`: core's parser links the
//! Eisel-Lemire table of powers of five (10 KB) and its fallbacks, and ping was
//! its only caller in the site's first load: 14.4 KB gzip (373.7 → 359.3 KB
//! of wasm). Inputs with at most 15 digits and 22 decimals (every interval
//! anyone types) take Clinger's fast path, as core does: one correctly
//! rounded division of two exact doubles. Longer ones are rounded exactly
//! with a small big integer. The tests compare it with `parse`.

/// Exact powers of ten as doubles (10^22 is the last one).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// Whole milliseconds of `text` seconds: 0 when it is not a number.
pub fn millis(text: &str) -> u64 {
    (seconds(text).unwrap_or(0.0) * 1000.0).round() as u64
}

/// The double nearest to `text` (digits with at most one dot), as `parse`
/// gives it, for values from 10^-18 to 10^20; below, 0 and above, infinity,
/// which [`millis`] turns into the same 0 and `u64::MAX`.
fn seconds(text: &str) -> Option<f64> {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let digits = || int.bytes().chain(frac.bytes());
    if int.len() + frac.len() == 0 || !digits().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut exp = -(frac.len() as i64);
    let mut n: Vec<u8> = digits().skip_while(|&b| b == b'0').map(|b| b - b'0').collect();
    while n.last() == Some(&0) {
        n.pop();
        exp += 1;
    }
    if n.is_empty() {
        return Some(0.0);
    }
    let top = n.len() as i64 + exp; // 10^(top-1) <= value < 10^top
    if top < -17 {
        return Some(0.0);
    }
    if top > 20 {
        return Some(f64::INFINITY);
    }
    if n.len() <= 15 && exp.abs() <= 22 {
        let m = n.iter().fold(0u64, |m, &d| m * 10 + u64::from(d)) as f64;
        return Some(if exp >= 0 { m * POW10[exp as usize] } else { m / POW10[exp.unsigned_abs() as usize] });
    }
    // value = num / den; find q in [2^52, 2^53) and s with value ≈ q·2^s.
    let mut num = Big::default();
    for &d in &n {
        num.mul_add(10, u32::from(d));
    }
    let mut den = Big::from(1);
    for _ in 0..exp.unsigned_abs() {
        let scaled = if exp > 0 { &mut num } else { &mut den };
        scaled.mul_add(10, 0);
    }
    let mut s = num.bits() as i64 - den.bits() as i64 - 53;
    if s > 0 {
        den = den.shl(s as usize);
    } else {
        num = num.shl(s.unsigned_abs() as usize);
    }
    // num/den is in [2^52, 2^54): its quotient bit by bit.
    let mut q = 0u64;
    for bit in (0..54).rev() {
        let d = den.shl(bit);
        if num >= d {
            num.sub(&d);
            q |= 1 << bit;
        }
    }
    // num is the remainder now; round half to even.
    let (half, sticky) = if q >> 53 != 0 {
        let half = q & 1 == 1;
        q >>= 1;
        s += 1;
        (half, !num.is_zero())
    } else {
        let twice = num.shl(1);
        if twice == den {
            (true, false)
        } else {
            (twice > den, twice > den)
        }
    };
    if half && (sticky || q & 1 == 1) {
        q += 1;
        if q >> 53 != 0 {
            q >>= 1;
            s += 1;
        }
    }
    // s is within a normal double's exponents for values in range.
    Some(q as f64 * f64::from_bits(((s + 1023) as u64) << 52))
}

/// An unsigned big integer, little-endian 32-bit limbs, no zero limb on top.
#[derive(Clone, Default, PartialEq, Eq)]
struct Big(Vec<u32>);

impl From<u32> for Big {
    fn from(v: u32) -> Big {
        let mut b = Big(vec![v]);
        b.trim();
        b
    }
}

impl Big {
    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    fn bits(&self) -> usize {
        self.0.last().map_or(0, |top| self.0.len() * 32 - top.leading_zeros() as usize)
    }

    /// self = self * m + a.
    fn mul_add(&mut self, m: u32, a: u32) {
        let mut carry = u64::from(a);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(m) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
    }

    fn shl(&self, bits: usize) -> Big {
        let (limbs, bits) = (bits / 32, bits % 32);
        let mut out = vec![0u32; limbs];
        let mut carry = 0u32;
        for &limb in &self.0 {
            out.push(if bits == 0 { limb } else { limb << bits | carry });
            carry = if bits == 0 { 0 } else { limb >> (32 - bits) };
        }
        out.push(carry);
        let mut b = Big(out);
        b.trim();
        b
    }

    /// self -= other, for other <= self.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let v = i64::from(*limb) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            borrow = i64::from(v < 0);
            *limb = v.rem_euclid(1 << 32) as u32;
        }
        self.trim();
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Big) -> Option<std::cmp::Ordering> {
        Some(self.0.len().cmp(&other.0.len()).then_with(|| self.0.iter().rev().cmp(other.0.iter().rev())))
    }
}

#[cfg(test)]
mod tests {
    use super::{millis, seconds};

    fn check(text: &str) {
        let parsed = text.parse::<f64>().ok();
        assert_eq!(millis(text), (parsed.unwrap_or(0.0) * 1000.0).round() as u64, "{text}");
        if parsed.is_some_and(|v| (1e-17..1e20).contains(&v)) {
            assert_eq!(seconds(text).map(f64::to_bits), parsed.map(f64::to_bits), "{text}");
        }
    }

    #[test]
    fn agrees_with_parse() {
        for t in ["", ".", "..", "1.2.3", "5.", ".5", "0", "000", "0.0", "0.2", "1", "10", "0.0005", "0.0015", "0.0025"]
        {
            check(t);
        }
        for t in ["9007199254740993", "9007199254740993.0000000000000000000001", "9007199254740992.999999999999999999"]
        {
            check(t);
        }
        check(&format!("0.{}1", "0".repeat(400)));
        check(&format!("1{}", "0".repeat(400)));
        check(&format!("{}.5", "9".repeat(30)));
        // Decimal expansions of the midpoints between neighbouring doubles,
        // exactly and a digit either side: the hardest cases to round.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let v = f64::from_bits((x >> 12) | (((x >> 2) % 80 + 980) << 52)); // 2^-43 .. 2^37
            let exact = midpoint(v);
            check(&exact);
            check(&format!("{exact}1"));
            let mut below = exact.clone();
            below.pop();
            check(&below);
        }
        // Random digit strings with a dot somewhere.
        for _ in 0..20_000 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let len = 1 + (x >> 58) as usize % 30;
            let mut t: String = (0..len).map(|i| char::from(b'0' + ((x >> (i % 60)) % 10) as u8)).collect();
            t.insert((x >> 20) as usize % (len + 1), '.');
            check(&t);
        }
    }

    /// The exact decimal expansion of the midpoint between `v` and the next double.
    fn midpoint(v: f64) -> String {
        let bits = v.to_bits();
        let (m, e) = ((bits & ((1 << 52) - 1) | 1 << 52) * 2 + 1, ((bits >> 52) & 0x7ff) as i64 - 1076);
        // m·2^e with e < 0 here: m·5^-e / 10^-e.
        assert!(e < 0);
        let mut digits = vec![0u8; 1];
        let add = |digits: &mut Vec<u8>, mul: u32, mut carry: u32| {
            for d in digits.iter_mut() {
                let v = u32::from(*d) * mul + carry;
                *d = (v % 10) as u8;
                carry = v / 10;
            }
            while carry > 0 {
                digits.push((carry % 10) as u8);
                carry /= 10;
            }
        };
        for i in (0..64).rev() {
            add(&mut digits, 2, ((m >> i) & 1) as u32);
        }
        for _ in 0..-e {
            add(&mut digits, 5, 0);
        }
        while digits.len() <= (-e) as usize {
            digits.push(0);
        }
        let s: String = digits.iter().rev().map(|d| char::from(b'0' + d)).collect();
        let (int, frac) = s.split_at(s.len() - (-e) as usize);
        format!("{int}.{frac}")
    }
}
