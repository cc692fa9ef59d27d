//! Differential tests against std, whose exact modes round on the exact
//! value, ties to even, as glibc does; natively std is the oracle.

use super::{fixed, parse, significant};
use oorandom::Rand64 as Rng;

/// oorandom's generator, seeded as the tests' own was.
trait NextU64 {
    fn next_u64(&mut self) -> u64;
}

impl NextU64 for Rng {
    fn next_u64(&mut self) -> u64 {
        self.rand_u64()
    }
}

/// std's answer, "inf" and "nan" aside (this parser refuses them).
fn std_parse(s: &str) -> Option<u64> {
    s.parse::<f64>().ok().map(f64::to_bits)
}

fn check_parse(s: &str) {
    assert_eq!(parse(s).map(f64::to_bits), std_parse(s), "parse {s:?}");
}

/// `format!("{v:.Ne}")` rebuilt from [`significant`].
fn sci(v: f64, n: usize) -> String {
    let (digits, exp) = significant(v, n);
    let sign = if v.is_sign_negative() { "-" } else { "" };
    let dot = if n > 1 { "." } else { "" };
    format!("{sign}{}{dot}{}e{exp}", &digits[..1], &digits[1..])
}

fn check_format(v: f64, p: usize) {
    assert_eq!(fixed(v, p), format!("{v:.p$}"), "{v:e} to {p} places");
    assert_eq!(sci(v, p + 1), format!("{v:.p$e}"), "{v:e} to {} digits", p + 1);
}

const EDGES: [f64; 24] = [
    0.0,
    -0.0,
    5e-324,
    1e-323,
    f64::from_bits(0x000f_ffff_ffff_ffff),
    f64::MIN_POSITIVE,
    f64::MAX,
    f64::MIN,
    f64::EPSILON,
    0.125,
    0.375,
    2.5,
    0.5,
    1.5,
    9.5,
    99.5,
    999999.5,
    0.05,
    1e22,
    1e23,
    9007199254740992.0,
    9.9999995,
    0.00099999995,
    123456789.0,
];

#[test]
fn formats_edges_like_std() {
    for v in EDGES {
        for p in 0..=40 {
            check_format(v, p);
            check_format(-v, p);
        }
        // Every digit of the exact value, and past it.
        check_format(v, 1100);
    }
    assert_eq!(fixed(f64::INFINITY, 2), format!("{:.2}", f64::INFINITY));
    assert_eq!(fixed(f64::NEG_INFINITY, 2), format!("{:.2}", f64::NEG_INFINITY));
    assert_eq!(fixed(f64::NAN, 2), format!("{:.2}", f64::NAN));
}

#[test]
fn formats_random_doubles_like_std() {
    let mut rng = Rng::new(0x00f1_0a75);
    for i in 0..100_000 {
        let r = rng.next_u64();
        let v = match i % 3 {
            // Any double.
            0 => f64::from_bits(r),
            // A dyadic fraction: exact ties at the last few places.
            1 => (r >> 40) as f64 / (1u64 << (r % 24)) as f64,
            // Ordinary sizes.
            _ => (r >> 11) as f64 / (1u64 << 53) as f64 * 10f64.powi((r % 40) as i32 - 20),
        };
        if v.is_finite() {
            check_format(v, (rng.next_u64() % 26) as usize);
        }
    }
}

#[test]
fn parses_edges_like_std() {
    // '|'-separated, the empty string among them.
    let cases = "0|-0|+0|0.|.0|00012|5.|.5|-.5|+5|5.e3|1E5|1e+05|1.5E-3|1e22|1e23|9007199254740993|9007199254740995|\
        9007199254740993.000000000000000000001|2.2250738585072011e-308|2.2250738585072012e-308|\
        4.9406564584124654e-324|2.4703282292062327e-324|2.4703282292062328e-324|1e-400|1e400|\
        1.7976931348623157e308|1.7976931348623158e308|1.7976931348623159e308|1e99999999999999999999|\
        1e-99999999999999999999|123456789012345678901234567890|0.000000000000000000000000000000001|\
        |.|-|+|-.|e5|.e3|1e|1e+|+-5|1_0|0x10| 1|1 |5.e|1.2.3|1..|1e5.0|--1|1e-|1e5e5";
    for s in cases.split('|') {
        check_parse(s);
    }
    // Unlike std, no words: no caller takes them.
    for s in ["inf", "-infinity", "NaN"] {
        assert_eq!(parse(s), None, "{s}");
    }
    // Exact midpoints between doubles, which need every digit kept.
    for v in EDGES.into_iter().chain([1.0, 0.1, 1e300, 9007199254740992.0, 1.7976931348623155e308]) {
        check_midpoint(v.abs());
    }
    // Past the digits kept, dropped digits count only as nonzero or not.
    for tail in ["", "0", "000000000000", "1", "0000000000001"] {
        check_parse(&format!("1{}{tail}e-310", "0".repeat(900)));
        check_parse(&format!("9007199254740993{}{tail}", "0".repeat(900)));
    }
}

/// The exact midpoint between `v` (finite, ≥ 0, below MAX) and the next
/// double up, in fixed notation: every double has at most 1074 decimals.
fn midpoint_above(v: f64) -> String {
    let next = f64::from_bits(v.to_bits() + 1);
    let b = format!("{next:.1076}").replace('.', "");
    let a = format!("{:0>1$}", format!("{v:.1076}").replace('.', ""), b.len());
    let mut sum = vec![0u8; b.len() + 1];
    let mut carry = 0;
    for i in (0..b.len()).rev() {
        let d = a.as_bytes()[i] - b'0' + b.as_bytes()[i] - b'0' + carry;
        sum[i + 1] = d % 10;
        carry = d / 10;
    }
    sum[0] = carry;
    let mut half = String::new();
    let mut rest = 0;
    for (i, d) in sum.iter().enumerate() {
        if i == sum.len() - 1076 {
            half.push('.');
        }
        let cur = rest * 10 + d;
        half.push(char::from(b'0' + cur / 2));
        rest = cur % 2;
    }
    half.push(if rest == 1 { '5' } else { '0' });
    half
}

/// A midpoint rounds to even; a hair above it up, a hair below it down.
fn check_midpoint(v: f64) {
    if v >= f64::MAX {
        return;
    }
    let mid = midpoint_above(v);
    check_parse(&mid);
    check_parse(&format!("{mid}{}1", "0".repeat(100)));
    let point = mid.find('.').unwrap_or(0);
    check_parse(&mid[..(point + 790).min(mid.len())]);
}

#[test]
fn parses_random_numbers_like_std() {
    let mut rng = Rng::new(0x0dec_14a1);
    for i in 0..100_000 {
        let r = rng.next_u64();
        let v = f64::from_bits(r);
        if !v.is_finite() {
            continue;
        }
        let p = (rng.next_u64() % 25) as usize;
        match i % 6 {
            0 => check_parse(&format!("{v:e}")),
            1 => check_parse(&format!("{v:.p$e}")),
            2 => check_parse(&format!("{v:.p$}")),
            3 => check_parse(&format!("-{v:?}")),
            _ if i % 600 == 7 => check_midpoint(v.abs()),
            4 => {
                // The exact midpoint above a double of moderate size, and
                // just off it on either side.
                let m = (r >> 11) | 1 << 52;
                let k = (rng.next_u64() % 21) as u32;
                let mid = u128::from(2 * m + 1) * 5u128.pow(k);
                for (s, extra) in [(mid, ""), (mid, "0001"), (mid - 1, "9999")] {
                    check_parse(&format!("{s}{extra}e-{}", k as usize + extra.len()));
                }
            }
            _ => {
                // Random digits, a random point and exponent.
                let len = 1 + (rng.next_u64() % 40) as usize;
                let digits: String = (0..len).map(|_| char::from(b'0' + (rng.next_u64() % 10) as u8)).collect();
                let dot = (rng.next_u64() % (len as u64 + 1)) as usize;
                let exp = (rng.next_u64() % 700) as i64 - 350;
                check_parse(&format!("{}.{}e{exp}", &digits[..dot], &digits[dot..]));
            }
        }
    }
}
