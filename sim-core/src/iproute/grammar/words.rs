//! The input of the `ip`/`bridge` grammars: argv, a word at a time.
//!
//! iproute2 reads `argv` with `NEXT_ARG()`, never looking inside two words at
//! once, so the grammars are nom parsers whose tokens are whole words.
//! `Words` is a position in argv; the parsers here are the few that take
//! words without judging them (the keyword and value parsers build on them).

use nom::combinator::cut;
use nom::error::ParseError;
use nom::{Err, InputLength};

use super::{IpError, PResult};
use crate::iproute::args::Fail;

/// A position in argv. `Copy`, so a failed alternative costs nothing to undo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Words<'a> {
    argv: &'a [String],
    pos: usize,
}

impl<'a> Words<'a> {
    pub fn new(argv: &'a [String]) -> Words<'a> {
        Words { argv, pos: 0 }
    }

    /// The word under the cursor.
    #[inline(always)]
    pub fn peek(&self) -> Option<&'a str> {
        self.argv.get(self.pos).map(String::as_str)
    }

    /// The words not read yet.
    pub fn rest(&self) -> &'a [String] {
        &self.argv[self.pos.min(self.argv.len())..]
    }

    pub fn is_empty(&self) -> bool {
        self.pos >= self.argv.len()
    }

    #[inline(always)]
    fn advance(self) -> Words<'a> {
        Words { pos: self.pos + 1, ..self }
    }
}

impl InputLength for Words<'_> {
    fn input_len(&self) -> usize {
        self.argv.len().saturating_sub(self.pos)
    }
}

/// Any one word (a recoverable error at the end of argv).
#[inline(always)]
pub fn word(i: Words<'_>) -> PResult<'_, &str> {
    match i.peek() {
        Some(w) => Ok((i.advance(), w)),
        None => Err(Err::Error(IpError::from_error_kind(i, nom::error::ErrorKind::Eof))),
    }
}

/// A word, or iproute2's "Command line is not complete" at the end of argv.
#[inline]
fn arg(i: Words<'_>) -> PResult<'_, &str> {
    match i.peek() {
        Some(w) => Ok((i.advance(), w)),
        None => Err(Err::Error(IpError::Fail(Fail::incomplete()))),
    }
}

/// `NEXT_ARG()`: the value a keyword requires. The keyword has committed
/// (`cut`): a missing value is final, no later alternative is tried.
#[inline]
pub fn next_arg(i: Words<'_>) -> PResult<'_, &str> {
    cut(arg)(i)
}

/// Succeeds, reading nothing, only at the end of argv.
pub fn end(i: Words<'_>) -> PResult<'_, ()> {
    if i.is_empty() {
        Ok((i, ()))
    } else {
        Err(Err::Error(IpError::from_error_kind(i, nom::error::ErrorKind::Eof)))
    }
}

/// Every word left (`ip netns exec NAME CMD...`).
pub fn rest(i: Words<'_>) -> PResult<'_, &[String]> {
    let r = i.rest();
    Ok((Words { pos: i.argv.len(), ..i }, r))
}
