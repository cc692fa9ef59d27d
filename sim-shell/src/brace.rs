//! Brace expansion (`{a,b}`, `{1..10..2}`, `{a..e}`, `{01..10}`), a port of
//! bash 5.2's `braces.c`. It runs first, on the word as typed (quotes and
//! all), so `{"a b",c}` keeps its quotes for the later steps and `${x}` or
//! `$(…)` are passed over; the results are lexed again as words.

use crate::ast::Word;

/// Keeps the typed text of a word that may brace-expand, for [`expand`] to
/// work on when the word is expanded.
pub fn mark(mut word: Word, text: &str) -> Word {
    if text.contains('{') && text.contains('}') {
        word.braces = Some(text.to_string());
    }
    word
}

/// The expansion would make more than the allowed number of words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooMany;

/// How deeply braces may nest before they are left as they are (bash has
/// no limit; a stack has).
const MAX_NESTING: usize = 32;

/// Expands `text`, making at most `limit` words.
pub fn expand(text: &str, limit: usize) -> Result<Vec<String>, TooMany> {
    expand_at(text, limit, 0)
}

fn expand_at(text: &str, limit: usize, depth: usize) -> Result<Vec<String>, TooMany> {
    if depth > MAX_NESTING {
        return Ok(vec![text.to_string()]);
    }
    let b = text.as_bytes();
    // The first `{` that starts a valid expansion (one with its `}`).
    let mut i = 0;
    let open = loop {
        match gobble(b, i, b'{') {
            Some(at) => {
                if gobble(b, at + 1, b'}').is_some() {
                    break Some(at);
                }
                i = at + 1;
            }
            None => break None,
        }
    };
    let Some(open) = open else {
        return Ok(vec![text.to_string()]);
    };
    let preamble = &text[..open];
    let Some(close) = gobble(b, open + 1, b'}') else {
        return Ok(vec![text.to_string()]);
    };
    let amble = &text[open + 1..close];
    let postamble = &text[close + 1..];
    let middle = if has_separator(amble.as_bytes()) {
        amble_parts(amble, limit, depth + 1)?
    } else {
        match sequence(amble, limit)? {
            Some(seq) => seq,
            None if !postamble.is_empty() => vec![text[open..=close].to_string()],
            None => return Ok(vec![text.to_string()]),
        }
    };
    let mut result: Vec<String> = middle.into_iter().map(|m| format!("{preamble}{m}")).collect();
    if !postamble.is_empty() {
        let tails = expand_at(postamble, limit, depth + 1)?;
        if result.len().saturating_mul(tails.len()) > limit {
            return Err(TooMany);
        }
        result = result.iter().flat_map(|head| tails.iter().map(move |t| format!("{head}{t}"))).collect();
    }
    Ok(result)
}

/// The comma-separated parts of `{…}`'s inside, each expanded.
fn amble_parts(amble: &str, limit: usize, depth: usize) -> Result<Vec<String>, TooMany> {
    let b = amble.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    loop {
        let end = gobble(b, start, b',').unwrap_or(b.len());
        out.extend(expand_at(&amble[start..end], limit, depth)?);
        if out.len() > limit {
            return Err(TooMany);
        }
        if end >= b.len() {
            return Ok(out);
        }
        start = end + 1;
    }
}

/// Whether `amble` has an unescaped comma (quoting is not looked at, as in
/// bash).
fn has_separator(amble: &[u8]) -> bool {
    let mut i = 0;
    while i < amble.len() {
        match amble[i] {
            b'\\' => i += 2,
            b',' => return true,
            _ => i += 1,
        }
    }
    false
}

/// bash's `brace_gobbler`: from `i`, the offset of the first unquoted
/// `satisfy` at brace level zero; `None` at the end of the text. For `}`
/// the braces must hold a comma or `..`; a `{` alone between blanks is not
/// an opening.
fn gobble(text: &[u8], mut i: usize, satisfy: u8) -> Option<usize> {
    let mut level = 0usize;
    let mut quoted: u8 = 0;
    let mut commas = usize::from(satisfy != b'}');
    let mut pass_next = false;
    while i < text.len() {
        let c = text[i];
        if pass_next {
            pass_next = false;
            i += 1;
            continue;
        }
        if c == b'\\' && (quoted == 0 || quoted == b'"' || quoted == b'`') {
            pass_next = true;
            i += 1;
            continue;
        }
        if c == b'$' && text.get(i + 1) == Some(&b'{') && quoted != b'\'' {
            pass_next = true;
            i += 1;
            if quoted == 0 {
                level += 1;
            }
            continue;
        }
        if quoted != 0 {
            if c == quoted {
                quoted = 0;
            } else if quoted == b'"' && c == b'$' && text.get(i + 1) == Some(&b'(') {
                i = skip_parens(text, i + 2);
                continue;
            }
            i += 1;
            continue;
        }
        if matches!(c, b'"' | b'\'' | b'`') {
            quoted = c;
            i += 1;
            continue;
        }
        if matches!(c, b'$' | b'<' | b'>') && text.get(i + 1) == Some(&b'(') {
            i = skip_parens(text, i + 2);
            continue;
        }
        if c == satisfy && level == 0 && commas > 0 {
            let blank = |b: Option<&u8>| matches!(b, None | Some(b' ' | b'\t' | b'\n'));
            if c == b'{'
                && (i == 0 || blank(text.get(i - 1)))
                && (blank(text.get(i + 1)) || text.get(i + 1) == Some(&b'}'))
            {
                i += 1;
                continue;
            }
            return Some(i);
        }
        if c == b'{' {
            level += 1;
        } else if c == b'}' && level > 0 {
            level -= 1;
        } else if satisfy == b'}'
            && level == 0
            && (c == b',' || (text[i..].starts_with(b"..") && text.get(i + 2) != Some(&b'}')))
        {
            commas += 1;
        }
        i += 1;
    }
    None
}

/// Past the `)` that closes a `$(` whose inside starts at `i`.
fn skip_parens(text: &[u8], mut i: usize) -> usize {
    let mut depth = 1usize;
    let mut quoted: u8 = 0;
    while i < text.len() {
        let c = text[i];
        match (quoted, c) {
            (0, b'\\') | (b'"', b'\\') => i += 1,
            (0, b'\'' | b'"') => quoted = c,
            (q, _) if q != 0 && c == q => quoted = 0,
            (0, b'(') => depth += 1,
            (0, b')') => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    text.len()
}

/// What a sequence end is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Term {
    Int,
    Char,
}

/// `x..y[..incr]`: the sequence, `None` when it is not one (bash then keeps
/// the braces).
fn sequence(amble: &str, limit: usize) -> Result<Option<Vec<String>>, TooMany> {
    let Some((lhs, rest)) = amble.split_once("..") else {
        return Ok(None);
    };
    if lhs.is_empty() || rest.is_empty() {
        return Ok(None);
    }
    let (rhs, incr) = match rest.split_once("..") {
        Some((r, inc)) if !inc.is_empty() => (r, Some(inc)),
        Some(_) => return Ok(None),
        None => (rest, None),
    };
    let lhs_t = if legal_number(lhs).is_some() {
        Term::Int
    } else if lhs.len() == 1 && lhs.as_bytes()[0].is_ascii_alphabetic() {
        Term::Char
    } else {
        return Ok(None);
    };
    let rb = rhs.as_bytes();
    if rb.is_empty() {
        return Ok(None);
    }
    let rhs_t = if rb[0].is_ascii_digit() || (matches!(rb[0], b'+' | b'-') && rb.get(1).is_some_and(u8::is_ascii_digit))
    {
        if parse_int(rhs).is_none() {
            return Ok(None);
        }
        Term::Int
    } else if rb.len() == 1 && rb[0].is_ascii_alphabetic() {
        Term::Char
    } else {
        return Ok(None);
    };
    let step = match incr {
        None => 1,
        Some(inc) => match parse_int(inc) {
            Some(n) => n,
            None => return Ok(None),
        },
    };
    if lhs_t != rhs_t {
        return Ok(None);
    }
    let (start, end, width) = match lhs_t {
        Term::Char => (i64::from(lhs.as_bytes()[0]), i64::from(rb[0]), None),
        Term::Int => {
            let (Some(a), Some(b)) = (legal_number(lhs), parse_int(rhs)) else {
                return Ok(None);
            };
            let zero_padded = |s: &str| {
                let s = s.strip_prefix('-').map_or(s, |r| if r.len() > 1 || s.len() > 2 { r } else { s });
                s.len() > 1 && s.starts_with('0')
            };
            let width = if zero_padded(lhs) || zero_padded(rhs) { Some(lhs.len().max(rhs.len())) } else { None };
            (a, b, width)
        }
    };
    let mut step = if step == 0 { 1 } else { step };
    if step == i64::MIN {
        return Ok(None);
    }
    if (start > end && step > 0) || (start < end && step < 0) {
        step = -step;
    }
    // bash gives up (leaves the braces) when the span overflows.
    let Some(span) = end.checked_sub(start) else {
        return Ok(None);
    };
    let count = span.unsigned_abs() / step.unsigned_abs() + 1;
    if count > limit as u64 {
        return Err(TooMany);
    }
    let mut out = Vec::with_capacity(count as usize);
    let mut n = start;
    loop {
        out.push(match (lhs_t, width) {
            (Term::Char, _) => char::from(n as u8).to_string(),
            (Term::Int, Some(w)) => format!("{n:0w$}"),
            (Term::Int, None) => n.to_string(),
        });
        match n.checked_add(step) {
            Some(next) if (step < 0 && next >= end) || (step > 0 && next <= end) => n = next,
            _ => break,
        }
    }
    Ok(Some(out))
}

/// bash's `legal_number`: optional blanks, sign, digits, blanks.
fn legal_number(s: &str) -> Option<i64> {
    let t = s.trim_matches([' ', '\t', '\n']);
    parse_int(t)
}

/// `strtoimax` over the whole string: a sign and decimal digits.
fn parse_int(s: &str) -> Option<i64> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.strip_prefix('+').unwrap_or(s).parse().ok()
}

#[cfg(test)]
mod tests {
    use super::expand;

    fn ex(s: &str) -> String {
        expand(s, 1000).map(|v| v.join(" ")).unwrap_or_else(|_| "TOO MANY".into())
    }

    #[test]
    fn bash_examples() {
        assert_eq!(ex("{1..3}"), "1 2 3");
        assert_eq!(ex("{-02..2}"), "-02 -01 000 001 002");
        assert_eq!(ex("{1..0003}"), "0001 0002 0003");
        assert_eq!(ex("x{a,{b,c}d}y"), "xay xbdy xcdy");
        assert_eq!(ex("{{a,b}}"), "{a} {b}");
        assert_eq!(ex("${x}{a,b}"), "${x}a ${x}b");
        assert_eq!(ex("{1..3"), "{1..3");
        assert_eq!(ex("{Z..b}"), "Z [ \\ ] ^ _ ` a b");
        assert_eq!(ex("{1..100000}"), "TOO MANY");
    }
}
