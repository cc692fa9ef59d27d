//! The maths awk needs, smaller than the libm routines std links in:
//! sin and cos share one argument reduction (Payne–Hanek over the bits of
//! 2/π, exact for every double) and pow raises to whole powers by squaring.
//! Each is within an ulp or two of glibc, which is what mawk prints through
//! with 6 significant digits.
//!
//! The polynomial coefficients are fdlibm's, digit for digit as published.
#![allow(clippy::excessive_precision)]

/// The first 1216 bits of 2/π.
const TWO_OVER_PI: [u64; 19] = [
    0xa2f9836e4e441529,
    0xfc2757d1f534ddc0,
    0xdb6295993c439041,
    0xfe5163abdebbc561,
    0xb7246e3a424dd2e0,
    0x06492eea09d1921c,
    0xfe1deb1cb129a73e,
    0xe88235f52ebb4484,
    0xe99c7026b45f7e41,
    0x3991d639835339f4,
    0x9c845f8bbdf9283b,
    0x1ff897ffde05980f,
    0xef2f118b5a0a6d1f,
    0x6d367ecf27cb09b7,
    0x4f463f669e5fea2d,
    0x7527bac7ebe5f17b,
    0x3d0739f78a5292ea,
    0x6bfb5fb11f8d5d08,
    0x56033046fc7b6bab,
];

/// Bit `i` (from 1) of 2/π's fraction; 0 outside the table.
fn bit(i: i64) -> u64 {
    if !(1..=64 * 19).contains(&i) {
        return 0;
    }
    let i = (i - 1) as usize;
    (TWO_OVER_PI[i / 64] >> (63 - i % 64)) & 1
}

/// `x` as `r + q·π/2` with |r| <= π/4; returns (q mod 4, r).
fn reduce(x: f64) -> (u32, f64) {
    let a = x.abs();
    if a <= std::f64::consts::FRAC_PI_4 {
        return (0, x);
    }
    // a = m·2^e; the bits of 2/π from index e-1 on give a·2/π mod 4
    // as a 192-bit fixed-point number with 2 integer bits.
    let bits = a.to_bits();
    let m = (bits & ((1 << 52) - 1)) | (1 << 52);
    let e = (bits >> 52) as i64 - 1075;
    let mut g = [0u64; 3];
    for j in 0..192 {
        g[j / 64] = g[j / 64] << 1 | bit(e - 1 + j as i64);
    }
    let mut p = [0u64; 3];
    let mut carry = 0u128;
    for k in (0..3).rev() {
        let t = u128::from(m) * u128::from(g[k]) + carry;
        p[k] = t as u64;
        carry = t >> 64;
    }
    let mut q = (p[0] >> 62) as u32;
    let mut f = (u128::from(p[0]) << 66) | (u128::from(p[1]) << 2) | u128::from(p[2] >> 62);
    let mut sign = 1.0;
    if f >> 127 == 1 {
        // Past half way: the nearer multiple is the next one.
        f = f.wrapping_neg();
        q += 1;
        sign = -1.0;
    }
    let r = sign * (f as f64) * (std::f64::consts::FRAC_PI_2 / 2f64.powi(128));
    if x < 0.0 {
        ((4 - q % 4) % 4, -r)
    } else {
        (q % 4, r)
    }
}

/// sin on [-π/4, π/4] (fdlibm's __kernel_sin).
fn k_sin(x: f64) -> f64 {
    let z = x * x;
    let r = 8.33333333332248946124e-03
        + z * (-1.98412698298579493134e-04
            + z * (2.75573137070700676789e-06 + z * (-2.50507602534068634195e-08 + z * 1.58969099521155010221e-10)));
    x + x * z * (-1.66666666666666324348e-01 + z * r)
}

/// cos on [-π/4, π/4] (fdlibm's __kernel_cos).
fn k_cos(x: f64) -> f64 {
    let z = x * x;
    let r = z
        * (4.16666666666666019037e-02
            + z * (-1.38888888888741095749e-03
                + z * (2.48015872894767294178e-05
                    + z * (-2.75573143513906633035e-07
                        + z * (2.08757232129817482790e-09 + z * -1.13596475577881948265e-11)))));
    let hz = 0.5 * z;
    let w = 1.0 - hz;
    w + (((1.0 - w) - hz) + z * r)
}

/// sin(x), or cos(x) when `cos`.
pub fn sin_cos(x: f64, cos: bool) -> f64 {
    if !x.is_finite() {
        // What glibc returns (`x - x`): the NaN itself, or for ±inf the
        // x86 default NaN, which has its sign bit set and prints as "-nan".
        return if x.is_nan() { x } else { -f64::NAN };
    }
    let (q, r) = reduce(x);
    match (q + u32::from(cos)) % 4 {
        0 => k_sin(r),
        1 => k_cos(r),
        2 => -k_sin(r),
        _ => -k_cos(r),
    }
}

/// x^y: whole powers by squaring, others through exp and ln.
pub fn pow(x: f64, y: f64) -> f64 {
    if y == 0.0 || x == 1.0 || x == -1.0 && y.is_infinite() {
        return 1.0;
    }
    if y == 0.5 && x > 0.0 {
        return x.sqrt();
    }
    if y.fract() == 0.0 && y.abs() < 9007199254740992.0 {
        let mut n = y.abs() as u64;
        let mut b = x;
        let mut acc = 1.0;
        while n > 0 {
            if n & 1 == 1 {
                acc *= b;
            }
            b *= b;
            n >>= 1;
        }
        if y > 0.0 {
            return acc;
        }
        if acc.is_finite() {
            return 1.0 / acc;
        }
    }
    if x < 0.0 && y.is_finite() {
        // A negative base to a fractional power.
        return -f64::NAN;
    }
    (y * x.abs().ln()).exp()
}

/// 2^k for k in -1022..=1023.
fn pow2(k: i64) -> f64 {
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// |x| as m·2^e with m a whole number below 2^53.
fn split(x: f64) -> (u64, i64) {
    let b = x.to_bits() & !(1 << 63);
    let e = (b >> 52) as i64;
    let m = b & ((1 << 52) - 1);
    if e == 0 {
        (m, -1074)
    } else {
        (m | 1 << 52, e - 1075)
    }
}

/// C's fmod, exactly: x - n·y with n = trunc(x/y), y != 0.
pub fn fmod(x: f64, y: f64) -> f64 {
    if !x.is_finite() || y.is_nan() {
        // glibc's `(x * y) / (x * y)`: a NaN operand propagates, otherwise
        // the x86 default NaN ("-nan").
        return if x.is_nan() {
            x
        } else if y.is_nan() {
            y
        } else {
            -f64::NAN
        };
    }
    if x.abs() < y.abs() {
        return x;
    }
    let (mut m, mut ex) = split(x);
    let (my, ey) = split(y);
    while ex > ey {
        let s = (ex - ey).min(11);
        m = (m << s) % my;
        ex -= s;
    }
    m %= my;
    // m·2^ey is representable; scale in two exact steps.
    let r = if ey < -1000 { m as f64 * pow2(ey + 64) * pow2(-64) } else { m as f64 * pow2(ey) };
    r.copysign(x)
}

/// atan(x) for x in [0, ∞]: reduced to |u| <= tan(π/8) for fdlibm's
/// polynomial.
fn atan_pos(x: f64) -> f64 {
    use std::f64::consts::{FRAC_PI_2, FRAC_PI_4};
    if x > 1.0 {
        return FRAC_PI_2 - atan_pos(1.0 / x);
    }
    let (base, u) = if x > 0.41421356237309503 { (FRAC_PI_4, (x - 1.0) / (x + 1.0)) } else { (0.0, x) };
    let z = u * u;
    let w = z * z;
    let s1 = z
        * (3.33333333333329318027e-01
            + w * (1.42857142725034663711e-01
                + w * (9.09088713343650656196e-02
                    + w * (6.66107313738753120669e-02
                        + w * (4.97687799461593236017e-02 + w * 1.62858201153657823623e-02)))));
    let s2 = w
        * (-1.99999999998764832476e-01
            + w * (-1.11111104054623557880e-01
                + w * (-7.69187620504482999495e-02
                    + w * (-5.83357013379057348645e-02 + w * -3.65315727442169155270e-02))));
    base + (u - u * (s1 + s2))
}

/// C's atan2(y, x).
pub fn atan2(y: f64, x: f64) -> f64 {
    use std::f64::consts::PI;
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    let z = if y == 0.0 {
        if x.is_sign_negative() {
            PI
        } else {
            0.0
        }
    } else if x.is_infinite() && y.is_infinite() {
        if x > 0.0 {
            PI / 4.0
        } else {
            0.75 * PI
        }
    } else {
        let t = atan_pos((y / x).abs());
        if x.is_sign_negative() {
            PI - t
        } else {
            t
        }
    };
    z.copysign(y)
}

#[cfg(test)]
mod tests {
    /// Natively std's maths is the C library's: the reference mawk uses.
    fn ulps(a: f64, b: f64) -> u64 {
        if a == b || a.is_nan() && b.is_nan() {
            return 0;
        }
        (a.to_bits() as i64).wrapping_sub(b.to_bits() as i64).unsigned_abs()
    }

    #[test]
    fn agree_with_libm() {
        let mut s = 0x9e3779b97f4a7c15u64;
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        for i in 0..200_000 {
            let r = next();
            // Any double, or one of moderate size.
            let x = if i % 2 == 0 {
                f64::from_bits(r)
            } else {
                (r >> 11) as f64 / (1u64 << 53) as f64
                    * 2f64.powi((r % 60) as i32 - 20)
                    * if r & 1 == 0 { 1.0 } else { -1.0 }
            };
            if x.is_finite() {
                let (s1, c1) = (super::sin_cos(x, false), super::sin_cos(x, true));
                assert!(
                    ulps(s1, x.sin()) <= 2 || (s1 - x.sin()).abs() < 1e-300,
                    "sin({x:e}) = {s1:e}, not {:e}",
                    x.sin()
                );
                assert!(ulps(c1, x.cos()) <= 2, "cos({x:e}) = {c1:e}, not {:e}", x.cos());
            }
            let y = f64::from_bits(next());
            for (u, v) in [(x, y), (y, x), (x, 1.0), (-1.0, x), (x, 3.0), (x, -x), (0.0, x), (-0.0, x), (x, 0.0)] {
                let (a, b) = (super::atan2(u, v), u.atan2(v));
                assert!(ulps(a, b) <= 3, "atan2({u:e}, {v:e}) = {a:e}, not {b:e}");
            }
            if y != 0.0 {
                let (a, b) = (super::fmod(x, y), x % y);
                assert!(
                    a.to_bits() == b.to_bits() || a.is_nan() && b.is_nan(),
                    "fmod({x:e}, {y:e}) = {a:e}, not {b:e}"
                );
            }
            let (b, e) = (x.abs() % 50.0, (y % 40.0).round());
            let (p, q) = (super::pow(b, e), b.powf(e));
            assert!(
                (p - q).abs() <= q.abs() * 1e-13 || p == q || p.is_nan() && q.is_nan(),
                "pow({b:e}, {e}) = {p:e}, not {q:e}"
            );
            // exp(y·ln x) loses about |y·ln x| ulps: 13 digits still hold.
            let f = y % 3.0;
            let (p, q) = (super::pow(b, f), b.powf(f));
            assert!(
                (p - q).abs() <= q.abs() * 1e-12 || p == q || p.is_nan() && q.is_nan(),
                "pow({b:e}, {f}) = {p:e}, not {q:e}"
            );
        }
    }
}
