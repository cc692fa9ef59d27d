//! The option loop `ip` and `bridge` share (ip.c's and bridge.c's
//! `main()`), with `-color`, which neither table holds.

use super::keyword::{find, is_prefix, Entry};
use super::words::{word, Words};
use super::{fail, PResult};
use crate::iproute::args::Fail;

/// `matches_color()`: `-color[=always|auto|never]` (a prefix of `-color`
/// before the `=`); whether colour is on.
pub fn color_option(opt: &str) -> Option<bool> {
    let (name, v) = match opt.split_once('=') {
        Some((n, v)) => (n, Some(v)),
        None => (opt, None),
    };
    if !is_prefix(name, "-color") {
        return None;
    }
    match v {
        None | Some("always") => Some(true),
        // `auto` colours only a terminal; the recordings' stdout is not one.
        Some("auto") | Some("never") => Some(false),
        Some(_) => None,
    }
}

/// One turn of the option loop of ip.c's and bridge.c's `main()`: `None`
/// where the options end (at a word not starting with `-`, or after `--`),
/// else the option the word names, read: `--json` is `-json`, tried in
/// `before`'s order, then `-color`, then `after`'s. An unknown option is
/// iproute2's error, pointing at `help` (`ip -help`, `bridge help`).
pub fn next_option<'a, K: Copy>(
    i: Words<'a>,
    before: &'static [Entry<K>],
    color: fn(bool) -> K,
    after: &'static [Entry<K>],
    help: &str,
) -> PResult<'a, Option<K>> {
    let Some(raw) = i.peek() else {
        return Ok((i, None));
    };
    if raw == "--" {
        return Ok((word(i)?.0, None));
    }
    // A lone `-` is an option too: the prefix of `-loops`.
    if !raw.starts_with('-') {
        return Ok((i, None));
    }
    let opt = if raw.starts_with("--") { &raw[1..] } else { raw };
    let key = find(before, opt)
        .map(|e| e.key)
        .or_else(|| color_option(opt).map(color))
        .or_else(|| find(after, opt).map(|e| e.key));
    let Some(key) = key else {
        return fail(Fail::new(format!("Option \"{opt}\" is unknown, try \"{help}\".\n"), 255));
    };
    Ok((word(i)?.0, Some(key)))
}
