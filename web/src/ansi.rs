//! ANSI SGR colour codes (what `ip -c` prints) to styled spans.

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Style {
    /// 30–37 or 90–97.
    pub fg: Option<u8>,
    pub bold: bool,
}

impl Style {
    /// CSS classes for this style, e.g. `sgr-32 sgr-b`; empty when plain.
    pub fn class(&self) -> String {
        let mut c = String::new();
        if let Some(fg) = self.fg {
            c += &format!("sgr-{fg}");
        }
        if self.bold {
            if !c.is_empty() {
                c.push(' ');
            }
            c += "sgr-b";
        }
        c
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

fn apply(style: &mut Style, params: &str) {
    if params.is_empty() {
        *style = Style::default();
        return;
    }
    for p in params.split(';') {
        match p.parse::<u8>() {
            Ok(0) => *style = Style::default(),
            Ok(1) => style.bold = true,
            Ok(22) => style.bold = false,
            Ok(n @ (30..=37 | 90..=97)) => style.fg = Some(n),
            Ok(39) => style.fg = None,
            _ => {}
        }
    }
}

/// Splits `text` into spans of one style. Escape sequences other than SGR are dropped.
/// `style` carries over between calls (a colour may span chunks).
pub fn parse(text: &str, style: &mut Style) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let mut cur = String::new();
    let mut rest = text;
    let push = |spans: &mut Vec<Span>, cur: &mut String, style: &Style| {
        if !cur.is_empty() {
            spans.push(Span { text: std::mem::take(cur), style: style.clone() });
        }
    };
    while let Some(i) = rest.find('\x1b') {
        cur.push_str(&rest[..i]);
        let seq = &rest[i + 1..];
        if let Some(body) = seq.strip_prefix('[') {
            let end = body.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(body.len());
            if body[end..].starts_with('m') {
                push(&mut spans, &mut cur, style);
                apply(style, &body[..end]);
            }
            rest = body.get(end + 1..).unwrap_or("");
        } else {
            rest = seq;
        }
    }
    cur.push_str(rest);
    push(&mut spans, &mut cur, style);
    spans
}

/// The text without any escape sequences (what a test or a screen reader gets).
pub fn strip(text: &str) -> String {
    parse(text, &mut Style::default()).into_iter().map(|s| s.text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ip_colour_output_becomes_spans() {
        let line = "1: \x1b[36mlo: \x1b[0m<LOOPBACK,UP> state \x1b[32mUP\x1b[0m\n";
        let spans = parse(line, &mut Style::default());
        let texts: Vec<(&str, String)> = spans.iter().map(|s| (s.text.as_str(), s.style.class())).collect();
        assert_eq!(
            texts,
            vec![
                ("1: ", String::new()),
                ("lo: ", "sgr-36".into()),
                ("<LOOPBACK,UP> state ", String::new()),
                ("UP", "sgr-32".into()),
                ("\n", String::new()),
            ]
        );
    }

    #[test]
    fn styles_carry_across_chunks_and_combine() {
        let mut st = Style::default();
        parse("\x1b[1;31mred", &mut st);
        assert_eq!(st.class(), "sgr-31 sgr-b");
        let spans = parse("still\x1b[m plain", &mut st);
        assert_eq!(spans[0].style.class(), "sgr-31 sgr-b");
        assert_eq!(spans[1].style, Style::default());
    }

    #[test]
    fn other_escapes_are_dropped() {
        assert_eq!(strip("a\x1b[2Kb\x1b[33mc\x1b[0m"), "abc");
        assert_eq!(strip("tail\x1b["), "tail");
    }
}
