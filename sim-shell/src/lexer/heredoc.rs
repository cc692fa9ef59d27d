//! Here-documents: `<<WORD` and `<<-WORD`. The operator and its delimiter
//! make one token; the body is read from the line after the next newline
//! (several here-documents on a line take their bodies in order), as bash
//! reads them.

use super::{Lexer, Token, TokenKind};
use crate::ast::{Word, WordPart};
use crate::ParseError;

/// A here-document, once its body has been read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HereDoc {
    /// `<<-`: leading tabs are stripped from the body and delimiter lines.
    pub strip_tabs: bool,
    /// The delimiter after quote removal.
    pub delimiter: String,
    /// Any part of the delimiter was quoted: the body is taken as is.
    pub quoted: bool,
    /// The body: one quoted literal, or double-quote-like parts to expand.
    pub body: Word,
    /// When the input ended before the delimiter line: bash's warning,
    /// without its `bash: warning: ` prefix.
    pub unterminated: Option<String>,
}

impl<'a> Lexer<'a> {
    /// After `<<` or `<<-`: reads the delimiter word. `None` (nothing
    /// consumed) when no word follows, for the parser to report.
    pub(super) fn heredoc_start(&mut self, strip_tabs: bool) -> Result<Option<HereDoc>, Box<ParseError>> {
        self.skip_blanks();
        match self.peek() {
            None => return Ok(None),
            Some(b) if super::is_meta(b) => return Ok(None),
            Some(_) => {}
        }
        let start = self.pos;
        self.word()?;
        let raw = self.slice(start, self.pos);
        let quoted = raw.contains(['\'', '"', '\\']);
        Ok(Some(HereDoc { strip_tabs, delimiter: unquote(raw), quoted, body: Word::default(), unterminated: None }))
    }

    /// At a newline (or the end): reads the bodies of the here-documents
    /// started on the line just ended.
    pub(super) fn read_heredocs(&mut self, out: &mut [Token<'a>]) -> Result<(), Box<ParseError>> {
        for idx in std::mem::take(&mut self.pending) {
            let Some(Token { kind: TokenKind::HereDoc(doc), line, .. }) = out.get_mut(idx) else {
                continue;
            };
            let (text, terminated) = self.heredoc_lines(&doc.delimiter, doc.strip_tabs, doc.quoted);
            if !terminated {
                doc.unterminated =
                    Some(format!("here-document at line {line} delimited by end-of-file (wanted `{}')", doc.delimiter));
            }
            doc.body = if doc.quoted {
                Word { parts: vec![WordPart::Quoted(text)], braces: None }
            } else {
                let mut sub = Lexer::new(&text, *line);
                sub.depth = self.depth;
                let parts = sub.double_quoted(true)?;
                Word { parts: vec![WordPart::DoubleQuoted(parts)], braces: None }
            };
        }
        Ok(())
    }

    /// Reads body lines up to the delimiter line (consumed) or the end of
    /// input; the flag says whether the delimiter was found.
    fn heredoc_lines(&mut self, delimiter: &str, strip_tabs: bool, quoted: bool) -> (String, bool) {
        let mut body = String::new();
        while self.pos < self.src.len() {
            let end = self.src[self.pos..].iter().position(|&b| b == b'\n').map_or(self.src.len(), |i| self.pos + i);
            let raw = self.slice(self.pos, end);
            self.pos = (end + 1).min(self.src.len());
            let line = if strip_tabs { raw.trim_start_matches('\t') } else { raw };
            if line == delimiter {
                return (body, true);
            }
            let trailing = line.len() - line.trim_end_matches('\\').len();
            if !quoted && trailing % 2 == 1 && end < self.src.len() {
                // `\` at the end of a line joins it to the next one.
                body.push_str(&line[..line.len() - 1]);
            } else {
                body.push_str(line);
                body.push('\n');
            }
        }
        (body, false)
    }
}

/// The delimiter word without its quotes.
fn unquote(raw: &str) -> String {
    let mut out = String::new();
    let mut quote = None;
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (None, '\'' | '"') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '\\') | (Some('"'), '\\') => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            _ => out.push(c),
        }
    }
    out
}
