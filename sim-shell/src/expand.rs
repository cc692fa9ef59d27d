//! Word expansion in bash's order: braces (on the word as typed, see
//! [`crate::brace`]), then tilde, parameters, `$?`, `$(…)`, `$((…))`, then
//! field splitting of unquoted results and quote removal. There is no
//! pathname expansion: with no filesystem a glob never matches, and bash
//! then keeps the word as it is.

use super::arith;
use super::ast::{Param, Word, WordPart};
use super::exec::Interp;
use std::fmt;

/// Why a word could not be expanded (bash prints it and the command fails
/// with status 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExpandError {
    /// `${…}` whose inside is not a parameter.
    BadSubstitution(String),
    /// `$((…))` that does not evaluate.
    Arith(Box<arith::ArithError>),
    /// The line's steps ran out (a huge brace expansion): nothing is
    /// printed, the line ends as Ctrl-C would end it.
    Interrupted,
}

impl fmt::Display for ExpandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExpandError::BadSubstitution(s) => write!(f, "${{{s}}}: bad substitution"),
            ExpandError::Arith(e) => write!(f, "{e}"),
            ExpandError::Interrupted => Ok(()),
        }
    }
}

impl std::error::Error for ExpandError {}

/// A piece of expanded text: whether it may be split into fields, whether
/// it was quoted (literal in a pattern), and whether a new field starts
/// with it (the words of `"$@"`).
#[derive(Default)]
struct Segment {
    text: String,
    split: bool,
    quoted: bool,
    new_field: bool,
}

impl<'a> Interp<'a> {
    /// Expands a word into zero or more fields (arguments), braces first.
    pub fn expand_word(&mut self, word: &Word) -> Result<Vec<String>, ExpandError> {
        let mut fields = Vec::new();
        self.expand_word_into(word, &mut fields)?;
        Ok(fields)
    }

    /// Expands a word like [`Interp::expand_word`], appending its fields
    /// to `fields` (a command's argv is built without a vector per word).
    pub fn expand_word_into(&mut self, word: &Word, fields: &mut Vec<String>) -> Result<(), ExpandError> {
        let Some(text) = &word.braces else {
            return self.expand_fields(word, fields);
        };
        let limit = usize::try_from(self.steps).unwrap_or(usize::MAX);
        let alternatives = match crate::brace::expand(text, limit) {
            Ok(alts) if alts.len() == 1 && alts[0] == *text => return self.expand_fields(word, fields),
            Ok(alts) => alts,
            Err(crate::brace::TooMany) => {
                self.interrupt();
                return Err(ExpandError::Interrupted);
            }
        };
        if !self.step(alternatives.len() as u64) {
            return Err(ExpandError::Interrupted);
        }
        for alt in alternatives {
            if alt == "\\" {
                // A lone backslash (`{Z..b}`) quotes nothing: quote removal
                // leaves an empty word.
                fields.push(String::new());
                continue;
            }
            let w = crate::lexer::lex_word(&alt).unwrap_or_else(|| Word::literal(&alt));
            self.expand_fields(&w, fields)?;
        }
        Ok(())
    }

    /// Expands a word (without its braces) into fields, appended to `fields`.
    fn expand_fields(&mut self, word: &Word, fields: &mut Vec<String>) -> Result<(), ExpandError> {
        // The common word, one unquoted literal, is one field as it stands
        // (a literal is never split, and there is no pathname expansion)
        // unless a `~` starts it.
        if let [WordPart::Literal(text)] = word.parts.as_slice() {
            if !text.starts_with('~') {
                fields.push(text.clone());
                return Ok(());
            }
        }
        let mut segs = Vec::new();
        self.segments(&word.parts, false, true, &mut segs)?;
        let ifs = self.env.get("IFS").unwrap_or(" \t\n");
        split_fields(&segs, ifs, fields);
        Ok(())
    }

    /// Expands a word into a glob pattern: quoted characters are escaped
    /// with `\`, so that only unquoted `*`, `?` and `[` are special.
    pub fn expand_pattern(&mut self, word: &Word) -> Result<String, ExpandError> {
        self.expand_escaped(word, "\\*?[]")
    }

    /// Expands the right side of `=~` into an extended regular expression:
    /// quoted characters match themselves.
    pub fn expand_regex(&mut self, word: &Word) -> Result<String, ExpandError> {
        self.expand_escaped(word, "\\.[]()*+?{}|^$")
    }

    /// Expands a word, escaping the `special` characters of its quoted
    /// parts with a backslash.
    fn expand_escaped(&mut self, word: &Word, special: &str) -> Result<String, ExpandError> {
        let mut segs = Vec::new();
        self.segments(&word.parts, false, true, &mut segs)?;
        let mut out = String::new();
        for seg in segs {
            if seg.quoted {
                for c in seg.text.chars() {
                    if special.contains(c) {
                        out.push('\\');
                    }
                    out.push(c);
                }
            } else {
                out.push_str(&seg.text);
            }
        }
        Ok(out)
    }

    /// The value of `text` as an arithmetic expression (`[[ a -eq b ]]`).
    pub fn arith_value(&mut self, text: &str) -> Result<i64, ExpandError> {
        let env = &*self.env;
        let lookup = |name: &str| env.get(name).map(str::to_string);
        arith::eval(text, &lookup, env.last_status).map_err(ExpandError::Arith)
    }

    /// Expands a word into one string without splitting (assignments).
    pub fn expand_joined(&mut self, word: &Word) -> Result<String, ExpandError> {
        let mut segs = Vec::new();
        self.segments(&word.parts, true, true, &mut segs)?;
        Ok(segs.into_iter().map(|s| s.text).collect())
    }

    /// The word roughly as typed, for error messages.
    pub fn word_text(&self, word: &Word) -> String {
        let mut s = String::new();
        for p in &word.parts {
            match p {
                WordPart::Literal(t) | WordPart::Quoted(t) => s.push_str(t),
                WordPart::Param(Param::Named(n)) => {
                    s.push('$');
                    s.push_str(n);
                }
                _ => s.push('…'),
            }
        }
        s
    }

    fn segments(
        &mut self,
        parts: &[WordPart],
        quoted: bool,
        word_start: bool,
        out: &mut Vec<Segment>,
    ) -> Result<(), ExpandError> {
        for (i, part) in parts.iter().enumerate() {
            let split = !quoted;
            match part {
                WordPart::Literal(text) => {
                    let text = if word_start && i == 0 { self.tilde(text) } else { text.clone() };
                    out.push(Segment { text, quoted, ..Segment::default() });
                }
                WordPart::Quoted(text) => out.push(Segment { text: text.clone(), quoted: true, ..Segment::default() }),
                WordPart::DoubleQuoted(inner) if matches!(inner.as_slice(), [WordPart::Param(Param::Special('@'))]) => {
                    // "$@": one field per positional parameter, none without.
                    for (n, arg) in self.env.positional.iter().enumerate() {
                        out.push(Segment { text: arg.clone(), quoted: true, new_field: n > 0, ..Segment::default() });
                    }
                }
                WordPart::DoubleQuoted(inner) => {
                    // An empty "" still makes a field.
                    out.push(Segment { quoted: true, ..Segment::default() });
                    self.segments(inner, true, false, out)?;
                }
                WordPart::Param(Param::Special('@')) if quoted => {
                    for (n, arg) in self.env.positional.iter().enumerate() {
                        out.push(Segment { text: arg.clone(), quoted: true, new_field: n > 0, ..Segment::default() });
                    }
                }
                WordPart::Param(p) => {
                    let text = self.param(p)?;
                    out.push(Segment { text, split, quoted, ..Segment::default() });
                }
                WordPart::CommandSubst(script) => {
                    let text = self.command_subst(script);
                    if self.interrupted {
                        return Err(ExpandError::Interrupted);
                    }
                    out.push(Segment { text, split, quoted, ..Segment::default() });
                }
                WordPart::Arith(expr) => {
                    let text = self.arith(expr)?;
                    out.push(Segment { text, split, quoted, ..Segment::default() });
                }
            }
        }
        Ok(())
    }

    /// `~` and `~/…` at the start of a word become `$HOME`.
    fn tilde(&self, text: &str) -> String {
        match text.strip_prefix('~') {
            Some(rest) if rest.is_empty() || rest.starts_with('/') => {
                format!("{}{rest}", self.env.get("HOME").unwrap_or("/root"))
            }
            _ => text.to_string(),
        }
    }

    fn param(&self, p: &Param) -> Result<String, ExpandError> {
        Ok(match p {
            Param::Named(name) => self.env.get(name).unwrap_or_default().to_string(),
            Param::Length(name) => self.env.get(name).unwrap_or_default().chars().count().to_string(),
            Param::Special(c) => match c {
                '?' => self.env.last_status.to_string(),
                '$' => self.env.pid.to_string(),
                '!' => self.env.last_bg.map(|p| p.to_string()).unwrap_or_default(),
                '#' => self.env.positional.len().to_string(),
                '0' => self.name.to_string(),
                '-' => String::from(if self.mode == crate::exec::Mode::Interactive { "himBHs" } else { "hBc" }),
                '@' | '*' => {
                    let sep = match self.env.get("IFS") {
                        Some(ifs) => ifs.chars().next().map(String::from).unwrap_or_default(),
                        None => " ".into(),
                    };
                    self.env.positional.join(&sep)
                }
                d if d.is_ascii_digit() => {
                    let n = d.to_digit(10).unwrap_or(0) as usize;
                    self.env.positional.get(n.wrapping_sub(1)).cloned().unwrap_or_default()
                }
                _ => String::new(),
            },
            Param::Bad(text) => return Err(ExpandError::BadSubstitution(text.clone())),
        })
    }

    /// Runs `$(…)` in a subshell; its stdout minus trailing newlines is the
    /// value, its stderr goes to the terminal.
    fn command_subst(&mut self, script: &super::ast::Script) -> String {
        // Expansion does not wait: the substitution runs to its end at once
        // (its programs through `Programs::run`, its `&` in the foreground).
        let sync = std::mem::replace(&mut self.sync, true);
        let mut stdin = String::new();
        let out = crate::exec::block_on(self.subshell(crate::exec::Body::Script(script), &mut stdin))
            .unwrap_or_else(|| crate::output::Output::status(130));
        self.sync = sync;
        self.subst_status = Some(out.status);
        self.env.last_status = out.status;
        let mut text = String::new();
        for c in out.chunks {
            match c.stream {
                crate::output::Stream::Stdout => {
                    text.push_str(&c.text);
                    self.pending_delay += c.delay_ms;
                }
                crate::output::Stream::Stderr => {
                    let mut side = std::mem::take(&mut self.side);
                    self.show(&mut side, crate::output::Output { chunks: vec![c], status: 0 });
                    self.side = side;
                }
            }
        }
        let trimmed = text.trim_end_matches('\n').len();
        text.truncate(trimmed);
        text
    }

    fn arith(&mut self, expr: &str) -> Result<String, ExpandError> {
        // Parameters inside are expanded first, as bash does.
        let env = &*self.env;
        let lookup = |name: &str| env.get(name).map(str::to_string);
        let status = env.last_status;
        arith::eval(expr, &lookup, status).map(|n| n.to_string()).map_err(ExpandError::Arith)
    }
}

/// Splits expanded segments into fields on `ifs` characters, appended to
/// `fields`. Quoted segments (even empty ones) always make a field;
/// unquoted expansions that are empty vanish.
fn split_fields(segs: &[Segment], ifs: &str, fields: &mut Vec<String>) {
    let mut cur = String::new();
    let mut have = false;
    for seg in segs {
        if seg.new_field && have {
            fields.push(std::mem::take(&mut cur));
        }
        if !seg.split {
            cur.push_str(&seg.text);
            have = true;
            continue;
        }
        for ch in seg.text.chars() {
            if ifs.contains(ch) {
                if have {
                    fields.push(std::mem::take(&mut cur));
                    have = false;
                }
            } else {
                cur.push(ch);
                have = true;
            }
        }
    }
    if have {
        fields.push(cur);
    }
}
