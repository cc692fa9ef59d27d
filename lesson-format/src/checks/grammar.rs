//! The check language's grammar, written with nom.
//!
//! A check line is words separated by blanks; a `"double quoted"` word may
//! hold blanks and `\"`. Alternatives are joined by the word `or`, and `not`
//! negates the check after it. Each form commits (`cut`) once its first word
//! is read, so a mistake is explained by the form the instructor meant.

use nom::branch::alt;
use nom::bytes::complete::{escaped_transform, is_not, tag};
use nom::character::complete::{char, multispace0, multispace1, none_of};
use nom::combinator::{all_consuming, eof, map, opt, peek, value, verify};
use nom::error::{ErrorKind, ParseError as NomParseError};
use nom::multi::separated_list1;
use nom::sequence::{delimited, preceded, terminated, tuple};
use nom::{Err, IResult, Parser};

use super::{Check, LinkState, Ns};

/// What went wrong, as an instructor reads it: `None` until a form names
/// what it expected.
#[derive(Debug, PartialEq)]
pub struct Expected(pub Option<&'static str>);

impl<'a> NomParseError<&'a str> for Expected {
    fn from_error_kind(_: &'a str, _: ErrorKind) -> Self {
        Expected(None)
    }

    fn append(_: &'a str, _: ErrorKind, other: Self) -> Self {
        other
    }
}

type R<'a, T> = IResult<&'a str, T, Expected>;

/// Any failure inside `p` becomes a committed failure saying `what`
/// (a more precise message from inside `p` wins).
fn expect<'a, T>(what: &'static str, mut p: impl Parser<&'a str, T, Expected>) -> impl FnMut(&'a str) -> R<'a, T> {
    move |i| match p.parse(i) {
        Ok(ok) => Ok(ok),
        Err(Err::Error(Expected(m)) | Err::Failure(Expected(m))) => Err(Err::Failure(Expected(m.or(Some(what))))),
        Err(Err::Incomplete(n)) => Err(Err::Incomplete(n)),
    }
}

/// A double-quoted word: `\x` stands for `x`.
fn quoted(i: &str) -> R<'_, String> {
    let body = alt((escaped_transform(is_not("\\\""), '\\', none_of("")), value(String::new(), tag(""))));
    preceded(char('"'), expect("unclosed quote", terminated(body, char('"'))))(i)
}

/// A bare word: anything up to a blank or a quote.
fn bare(i: &str) -> R<'_, String> {
    map(is_not(" \t\r\n\""), str::to_string)(i)
}

/// One word, after any blanks.
fn word(i: &str) -> R<'_, String> {
    preceded(multispace0, alt((quoted, bare)))(i)
}

/// A word other than the keyword `or` (which joins alternatives).
fn name(i: &str) -> R<'_, String> {
    verify(word, |w: &String| w != "or")(i)
}

/// The bare keyword `k` as a whole word.
fn kw<'a>(k: &'static str) -> impl FnMut(&'a str) -> R<'a, &'a str> {
    move |i| preceded(multispace0, terminated(tag(k), peek(alt((multispace1, eof)))))(i)
}

/// Several keywords in a row (`is gone`, `has no carrier`).
fn kws<'a>(ks: &'static [&'static str]) -> impl FnMut(&'a str) -> R<'a, ()> {
    move |mut i| {
        for k in ks {
            i = kw(k)(i)?.0;
        }
        Ok((i, ()))
    }
}

fn ns_of(name: String) -> Ns {
    if name == "host" {
        None
    } else {
        Some(name)
    }
}

/// The end of one check: the end of the line, or the `or` before the next.
fn end(i: &str) -> R<'_, ()> {
    peek(preceded(multispace0, alt((value((), eof), value((), kw("or"))))))(i)
}

/// `[in NS]`
fn opt_in(i: &str) -> R<'_, Ns> {
    map(opt(preceded(kw("in"), expect("`in` needs a namespace name (or `host`)", name))), |n| n.and_then(ns_of))(i)
}

fn netns(i: &str) -> R<'_, Check> {
    let body = terminated(tuple((name, alt((value(true, kw("exists")), value(false, kws(&["is", "gone"])))))), end);
    let body = map(body, |(n, exists)| if exists { Check::NetnsExists(n) } else { Check::NetnsGone(n) });
    preceded(kw("netns"), expect("expected `netns NAME exists` or `netns NAME is gone`", body))(i)
}

fn link_state(i: &str) -> R<'_, LinkState> {
    alt((
        value(LinkState::Up, kws(&["is", "up"])),
        value(LinkState::Down, kws(&["is", "down"])),
        value(LinkState::AdminUp, kws(&["is", "admin-up"])),
        value(LinkState::NoCarrier, kws(&["has", "no", "carrier"])),
    ))(i)
}

fn is_cidr(s: &str) -> bool {
    match s.split_once('/') {
        Some((a, p)) => !a.is_empty() && p.parse::<u8>().is_ok_and(|p| p <= 128),
        None => false,
    }
}

/// What may follow `link DEV [in NS]`.
#[derive(Clone)]
enum LinkTail {
    Exists,
    Gone,
    State(LinkState),
    Kind(String),
    Master(String),
    Peer(String, Ns),
    Addr(String),
}

fn link_tail(i: &str) -> R<'_, LinkTail> {
    let peered = preceded(
        kws(&["is", "peered", "with"]),
        expect("expected `link DEV [in NS] is peered with DEV2 [in NS2]`", terminated(tuple((name, opt_in)), end)),
    );
    let kinds = alt((kw("veth"), kw("bridge"), kw("loopback")));
    let addr = preceded(
        kw("has"),
        expect("expected an address with its prefix length, like 10.0.0.1/24", verify(name, |a: &String| is_cidr(a))),
    );
    alt((
        value(LinkTail::Exists, kw("exists")),
        value(LinkTail::Gone, kws(&["is", "gone"])),
        map(link_state, LinkTail::State),
        map(preceded(kws(&["is", "a"]), kinds), |k| LinkTail::Kind(k.to_string())),
        map(preceded(kws(&["is", "attached", "to"]), name), LinkTail::Master),
        map(peered, |(peer, peer_ns)| LinkTail::Peer(peer, peer_ns)),
        map(addr, LinkTail::Addr),
    ))(i)
}

const LINK_FORMS: &str = "unknown link check (exists, is gone, is up, is down, is admin-up, has no carrier, is a KIND, has ADDR/LEN, is attached to BR, is peered with DEV)";

fn link(i: &str) -> R<'_, Check> {
    let (i, _) = kw("link")(i)?;
    let (i, dev) = expect("`link` needs a device name", name)(i)?;
    let (i, ns) = opt_in(i)?;
    let (i, tail) = expect(LINK_FORMS, terminated(link_tail, end))(i)?;
    let check = match tail {
        LinkTail::Exists => Check::LinkExists { dev, ns },
        LinkTail::Gone => Check::LinkGone { dev, ns },
        LinkTail::State(state) => Check::LinkState { dev, ns, state },
        LinkTail::Kind(kind) => Check::LinkKind { dev, ns, kind },
        LinkTail::Master(master) => Check::LinkMaster { dev, ns, master },
        LinkTail::Peer(peer, peer_ns) => Check::LinkPeer { dev, ns, peer, peer_ns },
        LinkTail::Addr(addr) => Check::LinkAddr { dev, ns, addr },
    };
    Ok((i, check))
}

fn route_or_neigh(i: &str) -> R<'_, Check> {
    let (i, what) = alt((kw("route"), kw("neigh")))(i)?;
    let body = terminated(tuple((opt_in, preceded(kw("has"), name))), end);
    let (i, (ns, text)) = expect("expected `route [in NS] has \"TEXT\"`", body)(i)?;
    Ok((i, if what == "route" { Check::Route { ns, text } } else { Check::Neigh { ns, text } }))
}

fn ping(i: &str) -> R<'_, Check> {
    let outcome = alt((value(true, kw("succeeds")), value(false, kw("fails"))));
    let body = terminated(tuple((name, preceded(kw("->"), name), outcome)), end);
    let body = map(body, |(from, to, succeeds)| Check::Ping { from: ns_of(from), to, succeeds });
    preceded(kw("ping"), expect("expected `ping NS -> ADDRESS succeeds` (or `fails`)", body))(i)
}

fn ran(i: &str) -> R<'_, Check> {
    preceded(kw("ran"), expect("expected `ran \"COMMAND\"`", terminated(map(word, Check::Ran), end)))(i)
}

fn output(i: &str) -> R<'_, Check> {
    let body = terminated(tuple((preceded(kw("of"), word), preceded(kw("has"), word))), end);
    let body = map(body, |(command, text)| Check::OutputHas { command, text });
    preceded(kw("output"), expect("expected `output of \"COMMAND\" has \"TEXT\"`", body))(i)
}

fn not(i: &str) -> R<'_, Check> {
    map(preceded(kw("not"), one), |c| Check::Not(Box::new(c)))(i)
}

/// One check, without alternatives.
fn one(i: &str) -> R<'_, Check> {
    let forms = alt((not, netns, link, route_or_neigh, ping, ran, output));
    expect("unknown check (netns, link, route, neigh, ping, ran, output, not)", forms)(i)
}

/// A whole line: checks joined by `or`.
pub fn line(i: &str) -> Result<Check, Option<&'static str>> {
    if i.trim().is_empty() {
        return Err(Some("empty check"));
    }
    let alternatives = separated_list1(kw("or"), one);
    let mut whole = all_consuming(delimited(multispace0, alternatives, multispace0));
    match whole(i) {
        Ok((_, mut alts)) if alts.len() == 1 => Ok(alts.remove(0)),
        Ok((_, alts)) => Ok(Check::Any(alts)),
        Err(Err::Error(e) | Err::Failure(e)) => Err(e.0),
        Err(Err::Incomplete(_)) => Err(None),
    }
}
