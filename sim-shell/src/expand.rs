//! Word expansion: tilde, parameters, `$?`, `$(…)`, `$((…))`, then field
//! splitting of unquoted results and quote removal. There is no pathname
//! expansion: with no filesystem a glob never matches, and bash then keeps
//! the word as it is.

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
}

impl fmt::Display for ExpandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExpandError::BadSubstitution(s) => write!(f, "bash: ${{{s}}}: bad substitution"),
            ExpandError::Arith(e) => write!(f, "bash: {e}"),
        }
    }
}

impl std::error::Error for ExpandError {}

/// A piece of expanded text and whether it may be split into fields.
struct Segment {
    text: String,
    split: bool,
}

impl<'a> Interp<'a> {
    /// Expands a word into zero or more fields (arguments).
    pub fn expand_word(&mut self, word: &Word) -> Result<Vec<String>, ExpandError> {
        let mut segs = Vec::new();
        self.segments(&word.parts, false, true, &mut segs)?;
        let ifs = self.env.get("IFS").unwrap_or(" \t\n").to_string();
        Ok(split_fields(&segs, &ifs))
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
                    out.push(Segment { text, split: false });
                }
                WordPart::Quoted(text) => out.push(Segment { text: text.clone(), split: false }),
                WordPart::DoubleQuoted(inner) => {
                    // An empty "" still makes a field.
                    out.push(Segment { text: String::new(), split: false });
                    self.segments(inner, true, false, out)?;
                }
                WordPart::Param(p) => {
                    let text = self.param(p)?;
                    out.push(Segment { text, split });
                }
                WordPart::CommandSubst(script) => {
                    let text = self.command_subst(script);
                    out.push(Segment { text, split });
                }
                WordPart::Arith(expr) => {
                    let text = self.arith(expr)?;
                    out.push(Segment { text, split });
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
                '#' => "0".into(),
                '0' => "bash".into(),
                '-' => "himBHs".into(),
                _ => String::new(),
            },
            Param::Bad(text) => return Err(ExpandError::BadSubstitution(text.clone())),
        })
    }

    /// Runs `$(…)` in a subshell; its stdout minus trailing newlines is the
    /// value, its stderr goes to the terminal.
    fn command_subst(&mut self, script: &super::ast::Script) -> String {
        let out = self.subshell(|sub| {
            let mut stdin = String::new();
            sub.run_script(script, &mut stdin)
        });
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

/// Splits expanded segments into fields on `ifs` characters. Quoted
/// segments (even empty ones) always make a field; unquoted expansions that
/// are empty vanish.
fn split_fields(segs: &[Segment], ifs: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut have = false;
    for seg in segs {
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
    fields
}
