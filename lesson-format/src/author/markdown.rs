//! A draft written as a lesson file, and the draft as that file holds it
//! ([`tidy`] says what is adjusted so that it reads back).

use super::prose::safe_prose;
use super::{Draft, DraftStep};
use crate::checks;
use std::fmt::Write as _;

/// The title of a draft with none.
pub const UNTITLED: &str = "Untitled lesson";
/// The summary of a draft with none.
pub const NO_SUMMARY: &str = "No summary yet.";

/// Line breaks and other control characters as spaces, ends trimmed.
fn one_line(s: &str) -> String {
    let s: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    s.trim().to_string()
}

/// A front matter value as the reader gives it back (it trims blanks and `"`).
fn field(s: &str, empty: &str) -> String {
    let s = one_line(s);
    let s = s.trim_matches(|c: char| c.is_whitespace() || c == '"');
    if s.is_empty() {
        empty.to_string()
    } else {
        s.to_string()
    }
}

/// The title step `i` (from 0) is written with.
pub(super) fn step_title(i: usize, title: &str) -> String {
    let t = one_line(title);
    if t.is_empty() {
        format!("Step {}", i + 1)
    } else {
        t
    }
}

/// `\r\n` and `\r` as `\n`, and NUL as U+FFFD (as the Markdown reader takes it).
pub(super) fn unix_text(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n").replace('\0', "\u{fffd}")
}

/// One-line items: each line of each item, trimmed, without blank lines and
/// `#` comments.
pub(super) fn lines_of(items: &[String]) -> Vec<String> {
    items
        .iter()
        .flat_map(|item| unix_text(item).lines().map(str::trim).map(String::from).collect::<Vec<_>>())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// The draft as its file holds it: what [`to_markdown`] writes and
/// [`crate::markdown::parse_lesson`] reads back (the same title, summary,
/// sections, commands, checks and hints). What the format cannot hold is
/// adjusted:
///
/// - front matter and titles are one line: line breaks (and other control
///   characters) become spaces and the ends are trimmed; a front matter
///   value also loses its outer `"`, which the reader strips; an empty title
///   is [`UNTITLED`], an empty summary [`NO_SUMMARY`], an empty step title
///   `Step N`;
/// - commands and checks are one per line: a line break starts another one,
///   and blank lines and lines starting with `#` (comments to the reader)
///   are left out; a check that parses takes its printed form;
/// - hints are trimmed, and empty ones left out;
/// - prose keeps its Markdown but for what would change the file's
///   structure: a `##` heading in it is demoted to `###` (one underlined
///   with `---` gets `### ` and loses its underline), a fenced block marked
///   `sh`, `bash`, `shell`, `console`, `check` or `hint` is marked `text`
///   (shown as code, neither run nor checked), a fence left open at its end
///   is closed, and a raw HTML block that would run on to the end of the
///   file (`<!--`, `<pre>`, …) gets a `\` before its `<` (raw HTML is shown
///   as text anyway). `\r\n` and `\r` become `\n`, NUL U+FFFD, and
///   leading blank lines and trailing blanks go.
///
/// `tidy` of a tidied draft changes nothing.
pub fn tidy(d: &Draft) -> Draft {
    Draft {
        title: field(&d.title, UNTITLED),
        summary: field(&d.summary, NO_SUMMARY),
        intro: safe_prose(&d.intro),
        steps: d
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| DraftStep {
                title: step_title(i, &s.title),
                prose: safe_prose(&s.prose),
                commands: lines_of(&s.commands),
                checks: lines_of(&s.checks)
                    .into_iter()
                    .map(|c| checks::parse(&c).map_or(c, |parsed| parsed.to_string()))
                    .collect(),
                hints: s.hints.iter().map(|h| unix_text(h).trim().to_string()).filter(|h| !h.is_empty()).collect(),
            })
            .collect(),
    }
}

/// Writes a draft as a lesson file (`content/README.md`): front matter, the
/// introduction, then per step its `##` title, prose, commands (one `sh`
/// block), checks (one `check` block) and hints (a `hint` block each).
/// The draft is [`tidy`]ed first; a step title is written with its ASCII
/// punctuation backslash-escaped (so `*`, `` ` `` or `<b>` stay text), and
/// each block is fenced with more backticks than any run in its text.
///
/// A step without checks is written as a section of prose; the file is a
/// lesson when some step has a check ([`super::problems`] says what else
/// it needs).
pub fn to_markdown(d: &Draft) -> String {
    let d = tidy(d);
    let mut out = format!("---\ntitle: {}\nsummary: {}\n---\n", d.title, d.summary);
    if !d.intro.is_empty() {
        let _ = write!(out, "\n{}\n", d.intro);
    }
    for s in &d.steps {
        let _ = write!(out, "\n## {}\n", escape_inline(&s.title));
        if !s.prose.is_empty() {
            let _ = write!(out, "\n{}\n", s.prose);
        }
        if !s.commands.is_empty() {
            out.push_str(&fenced("sh", &s.commands.join("\n")));
        }
        if !s.checks.is_empty() {
            out.push_str(&fenced("check", &s.checks.join("\n")));
        }
        for h in &s.hints {
            out.push_str(&fenced("hint", h));
        }
    }
    out
}

/// Inline text with every ASCII punctuation character escaped.
fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A fenced block after a blank line, its fence longer than any run of
/// backticks in `text`.
fn fenced(lang: &str, text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    format!("\n{fence}{lang}\n{text}\n{fence}\n")
}
