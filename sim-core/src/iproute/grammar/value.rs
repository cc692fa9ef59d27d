//! What one word may hold, as nom parsers over its characters, and the
//! word-level parsers that read a keyword's value with them.
//!
//! Each character grammar follows what iproute2 accepts (`get_addr`,
//! `get_prefix`, `ll_addr_a2n`, `get_unsigned`); a word must be consumed
//! whole, else it is the error iproute2 prints for it.

use std::net::{Ipv4Addr, Ipv6Addr};

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while_m_n};
use nom::character::complete::{char, digit1, hex_digit1};
use nom::combinator::{all_consuming, map, map_opt, opt, value};
use nom::multi::{fold_many_m_n, separated_list1};
use nom::sequence::{pair, preceded};
use nom::IResult;

use crate::iproute::args::{Fail, IpResult};

/// A character grammar: errors carry nothing, the word decides the message.
type CResult<'a, T> = IResult<&'a str, T, ()>;

/// Runs a character grammar over a whole word.
pub fn whole<'a, T>(s: &'a str, p: impl FnMut(&'a str) -> CResult<'a, T>) -> Option<T> {
    all_consuming(p)(s).ok().map(|(_, v)| v)
}

/// `0x` or `0X`.
fn hex_prefix(s: &str) -> CResult<'_, &str> {
    alt((tag("0x"), tag("0X")))(s)
}

/// The digits of `strtoul`/`strtol` with base 0: `0x` and hex, `0` and
/// octal, or decimal. Past 64 bits it fails.
fn magnitude(s: &str) -> CResult<'_, u64> {
    let b = s.as_bytes();
    let (radix, start) = match b {
        [b'0', b'x' | b'X', h, ..] if h.is_ascii_hexdigit() => (16, 2),
        [b'0', ..] => (8, 1),
        _ => (10, 0),
    };
    let body = &s[start..];
    let n = body.bytes().take_while(|c| char::from(*c).is_digit(radix)).count();
    if n == 0 && radix == 10 {
        return Err(nom::Err::Error(()));
    }
    let v = if n == 0 { Some(0) } else { u64::from_str_radix(&body[..n], radix).ok() };
    v.map(|v| (&body[n..], v)).ok_or(nom::Err::Error(()))
}

/// `get_unsigned(…, 0)` (`strtoul` with base 0): `0x` hex, `0` octal, or
/// decimal, an optional `+`, and nothing after; more than 32 bits fails.
pub fn unsigned(s: &str) -> CResult<'_, u32> {
    map_opt(preceded(opt(char('+')), magnitude), |v| u32::try_from(v).ok())(s)
}

/// `get_integer(…, 0)` (`strtol` with base 0): a sign, then `0x` hex, `0`
/// octal or decimal; outside an `int` fails.
pub fn integer(s: &str) -> CResult<'_, i32> {
    let (s, sign) = opt(alt((char('-'), char('+'))))(s)?;
    let (s, v) = magnitude(s)?;
    let v = i64::try_from(v).map_err(|_| nom::Err::Error(()))?;
    let v = if sign == Some('-') { -v } else { v };
    i32::try_from(v).map(|v| (s, v)).map_err(|_| nom::Err::Error(()))
}

/// One to three decimal digits, at most 255.
fn octet(s: &str) -> CResult<'_, u8> {
    // `take_while_m_n` over bytes: addresses are most of what is parsed.
    let n = s.bytes().take(3).take_while(u8::is_ascii_digit).count();
    let (d, rest) = s.split_at(n);
    match d.parse() {
        Ok(v) if n > 0 => Ok((rest, v)),
        _ => Err(nom::Err::Error(())),
    }
}

/// `get_addr_ipv4()`: one to four dotted decimal bytes, the missing ones
/// zero (`10.1` is 10.1.0.0).
pub fn ipv4(s: &str) -> CResult<'_, Ipv4Addr> {
    let (s, first) = octet(s)?;
    let (s, (q, _)) = fold_many_m_n(
        0,
        3,
        preceded(char('.'), octet),
        move || ([first, 0, 0, 0], 1),
        |(mut q, n): ([u8; 4], usize), b| {
            q[n] = b;
            (q, n + 1)
        },
    )(s)?;
    Ok((s, Ipv4Addr::from(q)))
}

/// A piece of an IPv6 address: 16 bits, or an IPv4 address ending it.
#[derive(Clone, Copy)]
enum Piece {
    H16(u16),
    V4([u8; 4]),
}

/// `inet_pton4()` inside an IPv6 address: exactly four decimal bytes,
/// no leading zero.
fn dotted_quad(s: &str) -> CResult<'_, [u8; 4]> {
    let byte = || {
        map_opt(take_while_m_n(1, 3, |c: char| c.is_ascii_digit()), |d: &str| {
            (d.len() == 1 || !d.starts_with('0')).then(|| d.parse::<u8>().ok()).flatten()
        })
    };
    let (s, a) = byte()(s)?;
    let (s, b) = preceded(char('.'), byte())(s)?;
    let (s, c) = preceded(char('.'), byte())(s)?;
    let (s, d) = preceded(char('.'), byte())(s)?;
    Ok((s, [a, b, c, d]))
}

/// Pieces separated by single colons; an IPv4 address only last.
fn pieces(s: &str) -> CResult<'_, Vec<Piece>> {
    let h16 = map_opt(take_while_m_n(1, 4, |c: char| c.is_ascii_hexdigit()), |h| u16::from_str_radix(h, 16).ok());
    let piece = alt((map(dotted_quad, Piece::V4), map(h16, Piece::H16)));
    let (s, v) = separated_list1(char(':'), piece)(s)?;
    if v[..v.len() - 1].iter().any(|p| matches!(p, Piece::V4(_))) {
        return Err(nom::Err::Error(()));
    }
    Ok((s, v))
}

fn groups(v: &[Piece]) -> Vec<u16> {
    let mut g = Vec::with_capacity(8);
    for p in v {
        match *p {
            Piece::H16(h) => g.push(h),
            Piece::V4([a, b, c, d]) => g.extend([u16::from_be_bytes([a, b]), u16::from_be_bytes([c, d])]),
        }
    }
    g
}

/// `inet_pton(AF_INET6)`: eight groups of up to four hex digits, one `::`
/// standing for one or more zero groups, an IPv4 address as the last two.
pub fn ipv6(s: &str) -> CResult<'_, Ipv6Addr> {
    let full = map_opt(pieces, |v| <[u16; 8]>::try_from(groups(&v)).ok());
    let compressed = map_opt(
        pair(opt(pieces), preceded(tag("::"), opt(pieces))),
        |(head, tail): (Option<Vec<Piece>>, Option<Vec<Piece>>)| {
            if head.as_ref().is_some_and(|h| h.iter().any(|p| matches!(p, Piece::V4(_)))) {
                return None;
            }
            let head = head.map(|v| groups(&v)).unwrap_or_default();
            let tail = tail.map(|v| groups(&v)).unwrap_or_default();
            if head.len() + tail.len() > 7 {
                return None;
            }
            let mut g = [0u16; 8];
            g[..head.len()].copy_from_slice(&head);
            g[8 - tail.len()..].copy_from_slice(&tail);
            Some(g)
        },
    );
    map(alt((compressed, full)), Ipv6Addr::from)(s)
}

/// An IPv4 address with an optional prefix length, as typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prefix {
    pub addr: Ipv4Addr,
    pub len: Option<u8>,
}

/// `get_prefix()` for IPv4: `A.B.C.D[/LEN]`, LEN at most 32.
pub fn prefix(s: &str) -> CResult<'_, Prefix> {
    let len = map_opt(digit1, |d: &str| d.parse::<u8>().ok().filter(|n| *n <= 32));
    let (s, addr) = ipv4(s)?;
    let (s, len) = opt(preceded(char('/'), len))(s)?;
    Ok((s, Prefix { addr, len }))
}

/// An IPv6 address with an optional prefix length, as typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prefix6 {
    pub addr: Ipv6Addr,
    pub len: Option<u8>,
}

/// `get_prefix()` for IPv6: `inet_pton` then `[/LEN]`, LEN at most 128.
pub fn prefix6(s: &str) -> CResult<'_, Prefix6> {
    let len = map_opt(digit1, |d: &str| d.parse::<u8>().ok().filter(|n| *n <= 128));
    let (s, addr) = ipv6(s)?;
    let (s, len) = opt(preceded(char('/'), len))(s)?;
    Ok((s, Prefix6 { addr, len }))
}

/// One byte of `ll_addr_a2n()`, read as `sscanf("%x")` reads it: blanks,
/// an optional `0x`, the hex digits (at most 255), and whatever follows
/// ignored (`br1` is the byte 0x0b).
fn lladdr_byte(s: &str) -> CResult<'_, u8> {
    let byte = map_opt(hex_digit1, |h: &str| u64::from_str_radix(h, 16).ok().and_then(|v| u8::try_from(v).ok()));
    preceded(pair(take_while(char::is_whitespace), opt(hex_prefix)), byte)(s)
}

/// `ll_addr_a2n()`: a dotted IPv4 address, or up to 32 colon-separated
/// bytes (anything after the 32nd is not read). The error names the part
/// that is not a byte.
pub fn lladdr(arg: &str) -> IpResult<Vec<u8>> {
    let bad = |part: &str| Fail::new(format!("\"{part}\" is invalid lladdr.\n"), 1);
    if arg.contains('.') {
        return whole(arg, ipv4).map(|a| a.octets().to_vec()).ok_or_else(|| bad(arg));
    }
    let mut out = Vec::new();
    for part in arg.splitn(33, ':').take(32) {
        let (_, b) = lladdr_byte(part).map_err(|_| bad(part))?;
        out.push(b);
    }
    Ok(out)
}

/// A port or a range of them (`1000-2000`), for the matches that take one.
pub fn port_range(s: &str) -> CResult<'_, (u16, u16)> {
    let port = || map_opt(digit1, |d: &str| d.parse::<u16>().ok());
    map(pair(port(), opt(preceded(char('-'), port()))), |(lo, hi)| (lo, hi.unwrap_or(lo)))(s)
}

/// `on` or `off` (`ip link set … arp on`).
pub fn on_off(s: &str) -> CResult<'_, bool> {
    alt((value(true, tag("on")), value(false, tag("off"))))(s)
}
