//! Prose that keeps a lesson file's structure.
//!
//! A draft's prose is Markdown, written between the `##` headings and the
//! lesson blocks `to_markdown` writes; it must not add sections or lesson
//! blocks, nor take in what follows it. So, judged by the lesson reader's
//! own Markdown parser:
//!
//! - a `##` heading is demoted to `###`; one underlined with `-` (setext)
//!   gets `### ` before its text and loses its underline;
//! - a fenced block marked `sh`, `bash`, `shell`, `console`, `check`,
//!   `hint`, `quiz`, `setup` or `solution` is marked `text`: shown as code,
//!   not run nor checked;
//! - a fence left open at the end is closed, and a raw HTML block that would
//!   run on (`<!--`, `<pre>`, `<script>`, …) starts with `\<` (shown as text,
//!   as raw HTML is anyway);
//! - `\r\n` and `\r` become `\n`, NUL U+FFFD; leading blank lines and
//!   trailing blanks go.
//!
//! Prose that still would not fit after a few passes (none is known) is
//! written as an indented code block.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::ops::Range;

use super::markdown::unix_text;

/// Code block languages that mean something to the lesson reader.
const RESERVED: [&str; 9] = ["sh", "bash", "shell", "console", "check", "hint", "quiz", "setup", "solution"];

/// The lesson reader's Markdown options.
fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Prose that keeps the file's structure: see the module's doc.
pub(super) fn safe_prose(p: &str) -> String {
    let text = unix_text(p);
    let text = text.trim_end();
    // Leading blank lines go; the first line keeps its indentation.
    let start =
        text.find(|c: char| !c.is_whitespace()).map_or(text.len(), |i| text[..i].rfind('\n').map_or(0, |n| n + 1));
    let mut text = text[start..].to_string();
    for _ in 0..4 {
        if is_safe(&text) {
            return text;
        }
        text = rewrite(&text).trim_end().to_string();
    }
    if is_safe(&text) {
        text
    } else {
        text.lines().map(|l| format!("    {l}")).collect::<Vec<_>>().join("\n")
    }
}

/// Whether `text`, followed by a blank line and the blocks `to_markdown`
/// writes after prose, leaves them alone: no `##` heading and no lesson
/// block of its own, nothing left open that would take them in.
fn is_safe(text: &str) -> bool {
    let probe = format!("{text}\n\n```sh\nx\n```\n\n## S\n");
    let mut depth = 0usize;
    let mut seen = Vec::new();
    let mut code: Option<(String, usize, String)> = None;
    let mut heading: Option<(usize, String)> = None;
    for ev in Parser::new_ext(&probe, options()) {
        match ev {
            Event::Start(Tag::Heading { level: HeadingLevel::H2, .. }) => {
                heading = Some((depth, String::new()));
                depth += 1;
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                depth = depth.saturating_sub(1);
                if let Some((d, t)) = heading.take() {
                    seen.push(format!("h2 {d} {t}"));
                }
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let lang = info.split_whitespace().next().unwrap_or("").to_string();
                code = RESERVED.contains(&lang.as_str()).then(|| (lang, depth, String::new()));
                depth += 1;
            }
            Event::End(TagEnd::CodeBlock) => {
                depth = depth.saturating_sub(1);
                if let Some((lang, d, t)) = code.take() {
                    seen.push(format!("{lang} {d} {t}"));
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, c)) = code.as_mut() {
                    c.push_str(&t);
                } else if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    seen == ["sh 0 x\n", "h2 0 S"]
}

/// Where a line's text starts after blanks.
fn skip_blanks(text: &str, at: usize) -> usize {
    at + text[at..].len() - text[at..].trim_start_matches([' ', '\t']).len()
}

/// The end of the line `at` is on (its `\n`, or the end of the text).
fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |n| at + n)
}

/// An HTML block that only ends at a closing string, not a blank line.
fn html_needs_closing(raw: &str) -> bool {
    let lower = raw.to_ascii_lowercase();
    lower.starts_with("<!")
        || lower.starts_with("<?")
        || ["<script", "<pre", "<style", "<textarea"].iter().any(|t| {
            lower.strip_prefix(t).is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '\n', '>']))
        })
}

/// One pass of fixes (see [`safe_prose`]).
fn rewrite(text: &str) -> String {
    // (range replaced, replacement), in no particular order.
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut depth = 0usize;
    // An open fenced block: its range, fence character, fence length.
    let mut fence: Option<(Range<usize>, char, usize)> = None;
    let end = text.trim_end().len();
    for (ev, r) in Parser::new_ext(text, options()).into_offset_iter() {
        match ev {
            Event::Start(Tag::Heading { level: HeadingLevel::H2, .. }) => {
                depth += 1;
                let at = skip_blanks(text, r.start);
                let body = text[r.clone()].trim_end();
                if !body.contains('\n') {
                    edits.push((at..at, "#".into()));
                } else {
                    // Setext: `### ` before its text, its underline dropped.
                    edits.push((at..at, "### ".into()));
                    let last = r.start + body.rfind('\n').map_or(0, |n| n + 1);
                    if let Some(dash) = text[last..r.start + body.len()].find('-') {
                        edits.push((last + dash..r.start + body.len(), String::new()));
                    }
                }
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let at = skip_blanks(text, r.start);
                let c = text[at..].chars().next().filter(|c| matches!(c, '`' | '~'));
                if let Some(c) = c {
                    let n = text[at..].len() - text[at..].trim_start_matches(c).len();
                    let lang = info.split_whitespace().next().unwrap_or("");
                    if RESERVED.contains(&lang) {
                        edits.push((at + n..line_end(text, at), "text".into()));
                    }
                    fence = (depth == 0).then_some((r.clone(), c, n));
                }
                depth += 1;
            }
            Event::End(TagEnd::CodeBlock) => {
                depth = depth.saturating_sub(1);
                if let Some((r, c, n)) = fence.take() {
                    let body = text[r].trim_end();
                    let last = body.rsplit('\n').next().unwrap_or("").trim_start_matches(' ');
                    let closed = body.contains('\n')
                        && last.len() - last.trim_start_matches(c).len() >= n
                        && last.trim_start_matches(c).trim().is_empty();
                    if !closed {
                        edits.push((text.len()..text.len(), format!("\n{}", c.to_string().repeat(n))));
                    }
                }
            }
            Event::Start(Tag::HtmlBlock) => {
                let at = skip_blanks(text, r.start);
                if depth == 0 && r.end >= end && html_needs_closing(&text[at..]) {
                    edits.push((at..at, "\\".into()));
                }
                depth += 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    edits.sort_by_key(|(r, _)| (r.start, r.end));
    let mut out = String::with_capacity(text.len() + 16);
    let mut done = 0;
    for (r, with) in edits {
        if r.start < done {
            continue; // overlaps an edit already made
        }
        out.push_str(&text[done..r.start]);
        out.push_str(&with);
        done = r.end;
    }
    out.push_str(&text[done..]);
    out
}
