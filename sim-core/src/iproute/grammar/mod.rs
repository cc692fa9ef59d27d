//! The `ip` and `bridge` grammars are nom parsers over argv words.
//!
//! - [`words`]: the input type ([`Words`], a position in argv) and
//!   `NEXT_ARG()`.
//! - [`keyword`]: iproute2's `matches()` (a non-empty prefix of the keyword)
//!   and `strcmp()` as parsers. Alternatives are const tables read in
//!   iproute2's order of trial (`table`, `table_or`: one lookup, where a nom
//!   `alt` per keyword measured 2.4× slower), which is what decides the
//!   keyword a prefix means.
//! - [`option`]: the option loop of `ip` and `bridge`.
//! - [`value`]: what a word may hold (addresses, prefixes, MACs, numbers,
//!   port ranges), as nom parsers over the characters of one word.
//! - [`verb`]: the verbs `ip address` and `ip neigh` share.
//!
//! Errors: a word that is not the keyword an alternative wants is a nom
//! `Error` (the next alternative is tried); everything iproute2 prints is a
//! [`Fail`] carried in a nom `Failure` from the place it arises, so that no
//! later alternative runs and the text and exit status are iproute2's own.

pub mod keyword;
pub mod option;
pub mod value;
pub mod verb;
pub mod words;

use nom::error::{ErrorKind, ParseError};
use nom::{Err, IResult, Parser};

use super::args::{Fail, IpResult};
pub use words::Words;

/// A grammar's error: the alternative does not apply here, or what iproute2
/// prints and exits with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IpError {
    NoMatch,
    Fail(Fail),
}

impl<'a> ParseError<Words<'a>> for IpError {
    #[inline]
    fn from_error_kind(_: Words<'a>, _: ErrorKind) -> IpError {
        IpError::NoMatch
    }

    fn append(_: Words<'a>, _: ErrorKind, other: IpError) -> IpError {
        other
    }

    #[inline]
    fn or(self, other: IpError) -> IpError {
        match self {
            IpError::Fail(_) => self,
            IpError::NoMatch => other,
        }
    }
}

pub type PResult<'a, T> = IResult<Words<'a>, T, IpError>;

/// Stops the parse with what iproute2 prints (a nom `Failure`: final).
pub fn fail<'a, T>(f: Fail) -> PResult<'a, T> {
    Err(Err::Failure(IpError::Fail(f)))
}

/// A check made after some words were read (a duplicate, a lookup): its
/// failure stops the parse there, as iproute2's `exit()` does.
#[inline]
pub fn check<'a, T>(i: Words<'a>, r: IpResult<T>) -> PResult<'a, T> {
    match r {
        Ok(v) => Ok((i, v)),
        Err(f) => fail(f),
    }
}

/// Runs a grammar over all of `argv`.
pub fn parse_argv<'a, T>(argv: &'a [String], mut p: impl Parser<Words<'a>, T, IpError>) -> IpResult<T> {
    match p.parse(Words::new(argv)) {
        Ok((_, v)) => Ok(v),
        Err(Err::Error(IpError::Fail(f)) | Err::Failure(IpError::Fail(f))) => Err(f),
        // Every grammar ends in an alternative that takes any word; this is
        // only reached by a grammar that forgot one.
        Err(_) => Err(Fail::incomplete()),
    }
}

#[cfg(test)]
mod tests;
