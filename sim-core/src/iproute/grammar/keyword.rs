//! Keywords as iproute2 matches them.
//!
//! `matches(arg, kw)` accepts any non-empty prefix of `kw`, so the order in
//! which iproute2 tries its keywords decides what a prefix means (`ip link
//! set X m 1` is `master`, not `mtu`, because `mtu` is compared with
//! `strcmp`). Grammars list their keywords in that order inside `alt`.

use nom::error::{ErrorKind, ParseError};
use nom::sequence::preceded;
use nom::{Err, Parser};

use super::words::{next_arg, word, Words};
use super::{IpError, PResult};

/// iproute2's `matches()`: `arg` is a non-empty prefix of `keyword`.
pub fn is_prefix(arg: &str, keyword: &str) -> bool {
    !arg.is_empty() && arg.len() <= keyword.len() && keyword.starts_with(arg)
}

fn no_match<T>(i: Words<'_>) -> PResult<'_, T> {
    Err(Err::Error(IpError::from_error_kind(i, ErrorKind::Tag)))
}

/// A word that `matches()` the keyword; yields the word as typed.
pub fn kw<'a>(keyword: &'static str) -> impl Fn(Words<'a>) -> PResult<'a, &'a str> {
    move |i| match word(i) {
        Ok((rest, w)) if is_prefix(w, keyword) => Ok((rest, w)),
        _ => no_match(i),
    }
}

/// A word equal to the keyword (`strcmp()`): no abbreviation.
pub fn exact<'a>(keyword: &'static str) -> impl Fn(Words<'a>) -> PResult<'a, &'a str> {
    move |i| match word(i) {
        Ok((rest, w)) if w == keyword => Ok((rest, w)),
        _ => no_match(i),
    }
}

/// The first keyword of `table` the word is a prefix of (iproute2's tables
/// of objects and verbs are searched in order); yields the full keyword.
pub fn first_of<'a>(table: &'static [&'static str]) -> impl Fn(Words<'a>) -> PResult<'a, &'static str> {
    move |i| match word(i) {
        Ok((rest, w)) => match table.iter().find(|k| is_prefix(w, k)) {
            Some(k) => Ok((rest, *k)),
            None => no_match(i),
        },
        Err(e) => Err(e),
    }
}

/// A keyword and the value it requires: once the keyword is read, a missing
/// value is "Command line is not complete" (`NEXT_ARG()`), never another
/// alternative.
pub fn with_arg<'a, K>(key: K) -> impl FnMut(Words<'a>) -> PResult<'a, &'a str>
where
    K: Parser<Words<'a>, &'a str, IpError>,
{
    preceded(key, next_arg)
}

/// A keyword standing alone (`up`, `nomaster`): yields `key` and the word.
pub fn flag<'a, K: Copy, P>(p: P, key: K) -> impl FnMut(Words<'a>) -> PResult<'a, (K, &'a str)>
where
    P: Parser<Words<'a>, &'a str, IpError>,
{
    nom::combinator::map(p, move |w| (key, w))
}

/// A keyword and its required value: yields `key` and the value.
pub fn keyed<'a, K: Copy, P>(p: P, key: K) -> impl FnMut(Words<'a>) -> PResult<'a, (K, &'a str)>
where
    P: Parser<Words<'a>, &'a str, IpError>,
{
    nom::combinator::map(with_arg(p), move |v| (key, v))
}
