//! A float printed with a fixed number of decimals, as C's `%.Nf` (and
//! Rust's `{:.N}`) print it: the exact binary value, rounded half to even.
//!
//! Hand-made rather than `format!("{v:.N}")`: that goes through
//! `<f64 as Display>::fmt`, which links core's shortest *and* exact float
//! printing (Grisu, Dragon4, their tables and big integers). ping's packet
//! loss and ifconfig's byte counts were the site's only float printing once
//! the lesson files were read without serde-wasm-bindgen; this and that
//! took 11.1 KB gzip off the first load (384.8 → 373.7 KB of wasm). The
//! tests compare it with `format!`.

/// `format!("{v:.decimals$}")` for a finite `v >= 0` with
/// `v * 10^decimals < 2^64` (ping's loss percentage and ifconfig's sizes are
/// far inside); outside that it saturates rather than panics.
pub fn fixed(v: f64, decimals: usize) -> String {
    let decimals = decimals.min(19);
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    // v = mantissa * 2^exp (negative numbers, infinities and NaN are outside the domain).
    let (mantissa, exp) = if biased == 0 { (frac, -1074) } else { (frac | 1 << 52, biased - 1075) };
    // Below 2^53 * 10^19 < 2^117: no overflow.
    let scaled = u128::from(mantissa) * 10u128.pow(decimals as u32);
    let units = if exp >= 0 {
        let shift = exp as u32;
        if scaled.leading_zeros() < shift {
            u128::MAX
        } else {
            scaled << shift
        }
    } else {
        let shift = exp.unsigned_abs();
        if shift >= 128 {
            0 // scaled < 2^117 is less than half a unit
        } else {
            let q = scaled >> shift;
            let rest = scaled & ((1u128 << shift) - 1);
            let half = 1u128 << (shift - 1);
            if rest > half || (rest == half && q & 1 == 1) {
                q + 1
            } else {
                q
            }
        }
    };
    let digits = u64::try_from(units).unwrap_or(u64::MAX).to_string();
    if decimals == 0 {
        return digits;
    }
    let digits = format!("{digits:0>width$}", width = decimals + 1);
    let (int, dec) = digits.split_at(digits.len() - decimals);
    format!("{int}.{dec}")
}

#[cfg(test)]
mod tests {
    use super::fixed;

    #[test]
    fn prints_as_format_does() {
        let mut values = vec![0.0, 0.5, 1.5, 2.5, 0.25, 0.125, 0.1953125, 1.05, 0.05, 999.95, 12.5, 33.0, 1e-9, 5e-324];
        // Every loss ping can report for up to 300 probes, and sizes as ifconfig divides them.
        for sent in 1..=300u32 {
            for lost in 0..=sent {
                values.push(f64::from(lost) * 100.0 / f64::from(sent));
            }
        }
        for bytes in (0..5000u64).chain((0..2000).map(|i| i * 1_000_003 + 7)) {
            let mut v = bytes as f64;
            while v >= 1000.0 {
                v /= 1000.0;
            }
            values.push(v);
        }
        // A deterministic spread of doubles (an LCG), halves and quarters included.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            values.push((x >> 11) as f64 / (1u64 << 40) as f64);
            values.push(((x >> 40) as f64) / 8.0);
        }
        for v in values {
            for d in 0..=13 {
                if v * 10f64.powi(d as i32) < 1.8e19 {
                    assert_eq!(fixed(v, d), format!("{v:.d$}"), "{v:e} to {d} decimals");
                }
            }
        }
    }
}
