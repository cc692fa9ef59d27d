//! The tokens of libpcap's scanner.l, read with `nom`: flex's longest
//! match is kept by trying the longer forms first (`&&` before `&`, `!=`
//! before `!`, a MAC before a number, a word with dots or hyphens before
//! a keyword).

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::{anychar, multispace0, satisfy};
use nom::combinator::{map, recognize, value};
use nom::sequence::pair;
use nom::IResult;

use super::{ArOp, FilterError, RelOp};
use crate::kernel::mac::Mac;

/// One token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Tok {
    LParen,
    RParen,
    LBrack,
    RBrack,
    Colon,
    /// `!` (`not`).
    Bang,
    /// `&&` (`and`).
    AndAnd,
    /// `||` (`or`).
    OrOr,
    Rel(RelOp),
    Ar(ArOp),
    Num(u64),
    /// An identifier, a keyword or a dotted address (`\ip` keeps its `\`).
    Word(String),
    Mac(Mac),
    /// A token the scanner refuses with its own error.
    Bad(FilterError),
    /// Any other character: bison's syntax error.
    Other,
}

/// The whole text as tokens; never fails.
pub(super) fn tokens(mut input: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    loop {
        let rest = multispace0::<_, nom::error::Error<&str>>(input).map_or(input, |(r, _)| r);
        if rest.is_empty() {
            return out;
        }
        match token(rest) {
            Ok((r, t)) => {
                out.push(t);
                input = r;
            }
            Err(_) => {
                out.push(Tok::Other);
                return out;
            }
        }
    }
}

fn token(i: &str) -> IResult<&str, Tok> {
    alt((mac, punct, escaped, word, map(anychar, |_| Tok::Other)))(i)
}

fn punct(i: &str) -> IResult<&str, Tok> {
    alt((
        alt((
            value(Tok::AndAnd, tag("&&")),
            value(Tok::OrOr, tag("||")),
            value(Tok::Rel(RelOp::Eq), tag("==")),
            value(Tok::Rel(RelOp::Ne), tag("!=")),
            value(Tok::Rel(RelOp::Le), tag("<=")),
            value(Tok::Rel(RelOp::Ge), tag(">=")),
            value(Tok::Ar(ArOp::Shl), tag("<<")),
            value(Tok::Ar(ArOp::Shr), tag(">>")),
            value(Tok::Rel(RelOp::Eq), tag("=")),
            value(Tok::Rel(RelOp::Lt), tag("<")),
            value(Tok::Rel(RelOp::Gt), tag(">")),
            value(Tok::Bang, tag("!")),
        )),
        alt((
            value(Tok::LParen, tag("(")),
            value(Tok::RParen, tag(")")),
            value(Tok::LBrack, tag("[")),
            value(Tok::RBrack, tag("]")),
            value(Tok::Colon, tag(":")),
            value(Tok::Ar(ArOp::Add), tag("+")),
            value(Tok::Ar(ArOp::Sub), tag("-")),
            value(Tok::Ar(ArOp::Mul), tag("*")),
            value(Tok::Ar(ArOp::Div), tag("/")),
            value(Tok::Ar(ArOp::Mod), tag("%")),
            value(Tok::Ar(ArOp::And), tag("&")),
            value(Tok::Ar(ArOp::Or), tag("|")),
            value(Tok::Ar(ArOp::Xor), tag("^")),
        )),
    ))(i)
}

/// `\\[^ !()\n\t]+`: an escaped keyword such as `\ip`, kept with its
/// backslash so that the parser takes it as an id, never as a keyword.
fn escaped(i: &str) -> IResult<&str, Tok> {
    let (_, w) =
        recognize(pair(tag("\\"), take_while1(|c: char| !matches!(c, ' ' | '!' | '(' | ')' | '\n' | '\t'))))(i)?;
    Ok((&i[w.len()..], Tok::Word(w.to_string())))
}

/// `[A-Za-z0-9]([-_.A-Za-z0-9]*[.A-Za-z0-9])?`, or a number.
fn word(i: &str) -> IResult<&str, Tok> {
    let (_, w) = recognize(pair(
        satisfy(|c| c.is_ascii_alphanumeric()),
        take_while(|c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')),
    ))(i)?;
    let w = w.trim_end_matches(['-', '_']);
    let rest = &i[w.len()..];
    Ok((rest, number(w).map_or_else(|| Tok::Word(w.to_string()), Tok::Num)))
}

/// `[0-9]+`, `0x[0-9a-fA-F]+`, `0[0-7]*` (saturating; libpcap's checks of
/// the range come later).
fn number(w: &str) -> Option<u64> {
    let (digits, radix) = if let Some(h) = w.strip_prefix("0x").or_else(|| w.strip_prefix("0X")) {
        (h, 16)
    } else if w.len() > 1 && w.starts_with('0') {
        (&w[1..], 8)
    } else {
        (w, 10)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    Some(
        digits
            .chars()
            .fold(0u64, |n, c| n.saturating_mul(radix as u64).saturating_add(c.to_digit(radix).unwrap_or(0) as u64)),
    )
}

/// `{B}:{B}:{B}:{B}:{B}:{B}` (B: one or two hex digits), or scanner.l's
/// `{B}:+({B}:+)+`, "bogus ethernet address" with the text it matched.
fn mac(i: &str) -> IResult<&str, Tok> {
    let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify));
    let (_, run) = take_while1(|c: char| c.is_ascii_hexdigit() || c == ':')(i)?;
    let groups: Vec<&str> = run.split(':').collect();
    let is_b = |g: &str| (1..=2).contains(&g.len());
    if groups.len() == 6 && groups.iter().all(|g| is_b(g)) {
        let mut m = [0u8; 6];
        for (b, g) in m.iter_mut().zip(&groups) {
            *b = u8::from_str_radix(g, 16).map_err(|_| fail())?;
        }
        return Ok((&i[run.len()..], Tok::Mac(Mac(m))));
    }
    // The bogus form: groups of B each followed by colons, at least two.
    let bytes = run.as_bytes();
    let (mut pos, mut end, mut count) = (0, 0, 0);
    loop {
        let start = pos;
        while pos < bytes.len() && bytes[pos] != b':' && pos - start < 2 {
            pos += 1;
        }
        if pos == start || pos >= bytes.len() || bytes[pos] != b':' {
            break;
        }
        while pos < bytes.len() && bytes[pos] == b':' {
            pos += 1;
        }
        count += 1;
        end = pos;
    }
    if count >= 2 {
        return Ok((&i[end..], Tok::Bad(FilterError::BogusEther(run[..end].to_string()))));
    }
    Err(fail())
}
