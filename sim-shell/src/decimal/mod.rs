//! Conversion between `f64` and decimal text, exact and small.
//!
//! core's own float formatting (`flt2dec`: Grisu with a Dragon fallback)
//! and parsing (`dec2flt`: Eisel-Lemire with a decimal fallback) carry big
//! power-of-ten tables: ~35 KB of gzip in the wasm build. sim-core needs
//! far less: awk's `printf` conversions, ping's and ifconfig's few decimals,
//! and reading numbers from arguments and input. This module does those
//! with a tiny big integer instead, correctly rounded both ways (ties to
//! even on the exact value, as glibc and Rust do), with no tables and no
//! speed to speak of beyond "microseconds for ordinary numbers".
//!
//! - [`parse`]: text to the nearest double, `str::parse::<f64>`'s syntax.
//! - [`fixed`]: `format!("{v:.N}")`, N digits after the point.
//! - [`significant`]: the digits and exponent of `format!("{v:.Ne}")`.
//!
//! Nothing else in sim-core's non-test code may format or parse floats
//! through core: one use would bring the tables back.

mod big;
mod format;
mod parse;
#[cfg(test)]
mod tests;

pub use format::{fixed, significant};
pub use parse::parse;
