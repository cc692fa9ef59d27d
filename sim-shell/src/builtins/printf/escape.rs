//! printf's backslash escapes (the format's, and `%b`'s argument's) and
//! `%q`'s quoting.

/// `%q`: backslashes before what the shell would read specially.
pub(super) fn quote(s: &str) -> String {
    if s.is_empty() {
        return "''".into();
    }
    let mut out = String::new();
    for c in s.chars() {
        if !(c.is_ascii_alphanumeric() || "_-./,:@%+=".contains(c)) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One backslash escape of a format (after the backslash): its text, how
/// many characters it used, and whether it was `\c` (only `%b` stops there).
pub(super) fn escape(rest: &[char], in_b: bool) -> (String, usize, bool) {
    let Some(&c) = rest.first() else { return ("\\".into(), 0, false) };
    let simple = match c {
        'n' => Some('\n'),
        't' => Some('\t'),
        'r' => Some('\r'),
        'a' => Some('\x07'),
        'b' => Some('\x08'),
        'f' => Some('\x0c'),
        'v' => Some('\x0b'),
        'e' | 'E' => Some('\x1b'),
        '\\' => Some('\\'),
        '"' if !in_b => Some('"'),
        '\'' if !in_b => Some('\''),
        _ => None,
    };
    if let Some(s) = simple {
        return (s.to_string(), 1, false);
    }
    match c {
        'c' if in_b => (String::new(), 1, true),
        'x' => {
            let n = rest[1..].iter().take(2).take_while(|c| c.is_ascii_hexdigit()).count();
            if n == 0 {
                return ("\\x".into(), 1, false);
            }
            let v = u32::from_str_radix(&rest[1..1 + n].iter().collect::<String>(), 16).unwrap_or(0);
            (char::from_u32(v).map(String::from).unwrap_or_default(), 1 + n, false)
        }
        '0'..='7' => {
            // `%b` takes \0NNN (up to three digits after the 0), the format \NNN.
            let (skip, max) = if in_b && c == '0' { (1, 3) } else { (0, 3) };
            let n = rest[skip..].iter().take(max).take_while(|c| ('0'..='7').contains(c)).count();
            let v = u32::from_str_radix(&rest[skip..skip + n].iter().collect::<String>(), 8).unwrap_or(0);
            (char::from_u32(v & 0xff).map(String::from).unwrap_or_default(), skip + n, false)
        }
        other => (format!("\\{other}"), 1, false),
    }
}

/// `%b`'s argument: its escapes; true when `\c` ended it.
pub(super) fn unescape_b(a: &[char]) -> (String, bool) {
    let mut out = String::new();
    let mut i = 0;
    while i < a.len() {
        if a[i] == '\\' {
            let (s, used, stop) = escape(&a[i + 1..], true);
            if stop {
                return (out, true);
            }
            out += &s;
            i += 1 + used;
        } else {
            out.push(a[i]);
            i += 1;
        }
    }
    (out, false)
}
