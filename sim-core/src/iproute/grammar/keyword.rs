//! Keywords as iproute2 matches them.
//!
//! `matches(arg, kw)` accepts any non-empty prefix of `kw`, so the order in
//! which iproute2 tries its keywords decides what a prefix means (`ip link
//! set X m 1` is `master`, not `mtu`, because `mtu` is compared with
//! `strcmp`). Grammars write each of iproute2's `if … else if` chains as a
//! table of [`Entry`]s in that order, read by [`table`] (one word taken,
//! the entries compared in a loop: an `alt` of one closure per keyword was
//! 2.4× slower than the hand-written chain), and use `alt` for what is no
//! keyword. [`kw`], [`exact`] and [`with_arg`] are the single-keyword forms.

use nom::error::{ErrorKind, ParseError};
use nom::sequence::preceded;
use nom::{Err, Parser};

use super::words::{next_arg, word, Words};
use super::{IpError, PResult};

/// iproute2's `matches()`: `arg` is a non-empty prefix of `keyword`.
#[inline(always)]
pub fn is_prefix(arg: &str, keyword: &str) -> bool {
    // The first byte settles most comparisons without a call to memcmp.
    match (arg.as_bytes().first(), keyword.as_bytes().first()) {
        (Some(a), Some(k)) if a == k => arg.len() <= keyword.len() && keyword.as_bytes().starts_with(arg.as_bytes()),
        _ => false,
    }
}

/// `strcmp(arg, keyword) == 0`, the first byte compared first.
#[inline(always)]
fn same(arg: &str, keyword: &str) -> bool {
    arg.len() == keyword.len() && arg.as_bytes().first() == keyword.as_bytes().first() && arg == keyword
}

#[inline]
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
        Ok((rest, w)) if same(w, keyword) => Ok((rest, w)),
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

/// How iproute2 compares a word with a keyword.
#[derive(Clone, Copy, Debug)]
pub enum Kw {
    /// `matches()`: a non-empty prefix.
    P(&'static str),
    /// `strcmp()`: the whole word.
    E(&'static str),
}

impl Kw {
    #[inline(always)]
    fn accepts(self, w: &str) -> bool {
        match self {
            Kw::P(k) => is_prefix(w, k),
            Kw::E(k) => same(w, k),
        }
    }
}

/// One keyword of a table: how it is compared, what it means, and whether
/// a value must follow (`NEXT_ARG()`).
#[derive(Clone, Copy, Debug)]
pub struct Entry<K> {
    pub kw: Kw,
    pub key: K,
    pub arg: bool,
}

/// A keyword standing alone.
pub const fn alone<K>(kw: Kw, key: K) -> Entry<K> {
    Entry { kw, key, arg: false }
}

/// A keyword and the value it requires.
pub const fn valued<K>(kw: Kw, key: K) -> Entry<K> {
    Entry { kw, key, arg: true }
}

/// An `if … else if …` chain of iproute2 as one parser: the first entry of
/// `table` the word matches, in table order, and its value (after `cut`,
/// like [`with_arg`]) or the word itself. A word that no entry matches is a
/// recoverable error, for the alternative after it (usually "a device
/// name"). One word read and compared in a loop: as fast as the C chain.
pub fn table<'a, K: Copy>(table: &'static [Entry<K>]) -> impl Fn(Words<'a>) -> PResult<'a, (K, &'a str)> {
    move |i| match lookup(table, i)? {
        (rest, Some(kv)) => Ok((rest, kv)),
        (_, None) => no_match(i),
    }
}

/// [`table`] with iproute2's last `else`: a word no entry matches is
/// `other` (a device name, an address), the word itself its value.
pub fn table_or<'a, K: Copy>(table: &'static [Entry<K>], other: K) -> impl Fn(Words<'a>) -> PResult<'a, (K, &'a str)> {
    move |i| match lookup(table, i)? {
        (rest, Some(kv)) => Ok((rest, kv)),
        (rest, None) => Ok((rest, (other, i.peek().unwrap_or_default()))),
    }
}

/// The first entry of `table` that accepts `w` (an option word, taken apart
/// from its `--`).
pub fn find<K>(table: &'static [Entry<K>], w: &str) -> Option<&'static Entry<K>> {
    table.iter().find(|e| e.kw.accepts(w))
}

/// The entry the next word matches and its value, or `None` past the word.
fn lookup<'a, K: Copy>(table: &'static [Entry<K>], i: Words<'a>) -> PResult<'a, Option<(K, &'a str)>> {
    let (rest, w) = word(i)?;
    match find(table, w) {
        Some(e) if e.arg => next_arg(rest).map(|(rest, v)| (rest, Some((e.key, v)))),
        Some(e) => Ok((rest, Some((e.key, w)))),
        None => Ok((rest, None)),
    }
}

/// What the first entry of `table` the word matches means (verbs, objects).
pub fn one_of<'a, K: Copy>(t: &'static [Entry<K>]) -> impl Fn(Words<'a>) -> PResult<'a, K> {
    let p = table(t);
    move |i| p(i).map(|(rest, (k, _))| (rest, k))
}
