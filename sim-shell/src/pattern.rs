//! Shell glob patterns, as `case` and `[[ == ]]` match them: `*`, `?`,
//! bracket expressions (`[abc]`, `[!a-z]`, `[^…]`, `[[:alpha:]]`) and `\`
//! quoting the next character (the expander writes quoted text that way).

/// One element of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    Char(char),
    Any,
    Star,
    /// A bracket expression: negated, and its items.
    Class(bool, Vec<ClassItem>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ClassItem {
    Char(char),
    Range(char, char),
    Named(String),
}

/// Whether `text` matches `pattern` as a whole.
pub fn matches(pattern: &str, text: &str) -> bool {
    let pieces = compile(pattern);
    let text: Vec<char> = text.chars().collect();
    // Iterative matching with one backtrack point for the last `*`: linear
    // enough for shell patterns and never recursive.
    let (mut p, mut t) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pieces.get(p) {
            Some(Piece::Star) => {
                star = Some((p, t));
                p += 1;
                continue;
            }
            Some(piece) if one(piece, text[t]) => {
                p += 1;
                t += 1;
                continue;
            }
            _ => {}
        }
        match star {
            Some((sp, st)) => {
                p = sp + 1;
                t = st + 1;
                star = Some((sp, st + 1));
            }
            None => return false,
        }
    }
    pieces[p..].iter().all(|x| *x == Piece::Star)
}

/// Whether one non-star piece matches `c`.
fn one(piece: &Piece, c: char) -> bool {
    match piece {
        Piece::Char(x) => *x == c,
        Piece::Any => true,
        Piece::Star => false,
        Piece::Class(negated, items) => {
            let hit = items.iter().any(|item| match item {
                ClassItem::Char(x) => *x == c,
                ClassItem::Range(a, b) => (*a..=*b).contains(&c),
                ClassItem::Named(name) => named(name, c),
            });
            hit != *negated
        }
    }
}

fn named(name: &str, c: char) -> bool {
    match name {
        "alpha" => c.is_ascii_alphabetic(),
        "digit" => c.is_ascii_digit(),
        "alnum" => c.is_ascii_alphanumeric(),
        "upper" => c.is_ascii_uppercase(),
        "lower" => c.is_ascii_lowercase(),
        "space" => c.is_ascii_whitespace() || c == '\x0b',
        "blank" => c == ' ' || c == '\t',
        "punct" => c.is_ascii_punctuation(),
        "xdigit" => c.is_ascii_hexdigit(),
        "cntrl" => c.is_ascii_control(),
        "print" => c.is_ascii_graphic() || c == ' ',
        "graph" => c.is_ascii_graphic(),
        _ => false,
    }
}

fn compile(pattern: &str) -> Vec<Piece> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' if i + 1 < chars.len() => {
                out.push(Piece::Char(chars[i + 1]));
                i += 2;
            }
            '*' => {
                if out.last() != Some(&Piece::Star) {
                    out.push(Piece::Star);
                }
                i += 1;
            }
            '?' => {
                out.push(Piece::Any);
                i += 1;
            }
            '[' => match bracket(&chars, i + 1) {
                Some((piece, next)) => {
                    out.push(piece);
                    i = next;
                }
                None => {
                    out.push(Piece::Char('['));
                    i += 1;
                }
            },
            c => {
                out.push(Piece::Char(c));
                i += 1;
            }
        }
    }
    out
}

/// A bracket expression starting after its `[`; `None` when unterminated
/// (the `[` is then an ordinary character).
fn bracket(chars: &[char], mut i: usize) -> Option<(Piece, usize)> {
    let negated = matches!(chars.get(i), Some('!' | '^'));
    if negated {
        i += 1;
    }
    let mut items = Vec::new();
    let mut first = true;
    loop {
        let c = *chars.get(i)?;
        if c == ']' && !first {
            return Some((Piece::Class(negated, items), i + 1));
        }
        first = false;
        if c == '[' && chars.get(i + 1) == Some(&':') {
            let rest: String = chars[i + 2..].iter().collect();
            if let Some(end) = rest.find(":]") {
                items.push(ClassItem::Named(rest[..end].to_string()));
                i += 2 + rest[..end].chars().count() + 2;
                continue;
            }
        }
        let c = if c == '\\' && i + 1 < chars.len() {
            i += 1;
            chars[i]
        } else {
            c
        };
        if chars.get(i + 1) == Some(&'-') && chars.get(i + 2).is_some_and(|&e| e != ']') {
            items.push(ClassItem::Range(c, chars[i + 2]));
            i += 3;
        } else {
            items.push(ClassItem::Char(c));
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn globs() {
        assert!(matches("a*", "abc"));
        assert!(!matches("a*", "xabc"));
        assert!(matches("*.*", "a.b"));
        assert!(matches("veth?", "veth0"));
        assert!(matches("[abc]", "b"));
        assert!(matches("[!abc]", "d"));
        assert!(!matches("[!abc]", "a"));
        assert!(matches("\\*", "*"));
        assert!(!matches("\\*", "x"));
        assert!(matches("*a*b*c", "xxaxxbxxc"));
        assert!(matches("[[:digit:]]x", "7x"));
        assert!(matches("[a-c]*", "cat"));
        assert!(matches("[", "["));
    }
}
