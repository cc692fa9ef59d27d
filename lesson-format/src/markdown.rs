//! Reads a lesson's Markdown, and writes its two halves: the Rust source of
//! its index entry (a `Lesson` value of `web/src/lesson.rs`) and its
//! [`LessonDoc`] (the rest, which the page fetches).
//!
//! Runs at build time (`web/build.rs`, the `prerender` tool), so the browser
//! never parses Markdown — except the on-demand studio page, which reads
//! lessons from a URL or a file with the same code. Raw HTML in a lesson is
//! shown as text, never injected, and a link or image whose address could
//! run script (`javascript:`, `data:`, `vbscript:`, …, however it is
//! spelled) keeps only its text: the rendered prose is safe to put into the
//! page as markup, whoever wrote the lesson.

use crate::checks;
use crate::doc::{BlockDoc, LessonDoc, QuizDoc, SectionDoc, VERSION};
use crate::quiz::parse_quiz;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use std::path::{Path, PathBuf};

#[derive(Debug, Default, PartialEq)]
pub struct MdLesson {
    pub slug: String,
    pub title: String,
    /// The short name in the site's menu (`nav:`; the title when absent).
    pub nav: String,
    pub summary: String,
    /// The lab preset the lesson starts from (`preset:`), one of [`PRESETS`].
    pub preset: Option<String>,
    /// ```` ```setup ```` lines, in order: run before the learner arrives
    /// (after the preset, when there is one).
    pub setup: Vec<String>,
    pub sections: Vec<MdSection>,
}

/// The lab presets a lesson may start from: `sim_core::lab::presets::NAMES`.
///
/// A copy, because the Markdown reader (the `render` feature) has no
/// sim-core: it runs in the site's build scripts (`web/build.rs`, the
/// `prerender` hook), where the whole simulator, compiled natively once
/// more, would be a heavy price for three names; and checking the name
/// only where sim-core is at hand (`verify`: lab-agent's `lesson check`,
/// the studio page) would let the site's own build accept a lesson whose
/// preset no lab can build. With the copy every reader refuses an unknown
/// name with its line, as it does any other front-matter fault, and a test
/// (`presets_are_sim_cores`, with `verify`, which every workspace test run
/// has) keeps the copy equal to sim-core's list.
pub const PRESETS: &[&str] = &["cloud-host", "docker-host", "kind-node"];

#[derive(Debug, Default, PartialEq)]
pub struct MdSection {
    /// Empty for the introduction before the first `##` heading.
    pub title: String,
    pub blocks: Vec<MdBlock>,
    pub checks: Vec<String>,
    pub hints: Vec<String>,
    /// ```` ```solution ```` lines: shown on request, run by `lesson check`.
    pub solution: Vec<String>,
}

#[derive(Debug, PartialEq)]
pub enum MdBlock {
    Html(String),
    Commands(Vec<String>),
    Quiz(QuizDoc),
}

/// Why a lesson file cannot be read, and on which line (1-based) of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for LessonError {
    /// `LINE: MESSAGE`, so that a file's name before it makes `FILE:LINE: MESSAGE`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.line, self.message)
    }
}

impl std::error::Error for LessonError {}

fn at(line: usize, message: impl Into<String>) -> LessonError {
    LessonError { line, message: message.into() }
}

/// `key: value` pairs of the front matter, in order, with their lines.
type Fields = Vec<(String, String, usize)>;

/// The front matter's fields, the body after it, and the body's first line's number.
fn front_matter(src: &str) -> Result<(Fields, &str, usize), LessonError> {
    let Some(rest) = src.strip_prefix("---\n") else {
        return Err(at(1, "a lesson starts with front matter between `---` lines"));
    };
    let end = rest.find("\n---\n").ok_or_else(|| at(1, "front matter is not closed by a `---` line"))?;
    let mut fields = Vec::new();
    for (i, line) in rest[..end].lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let (k, v) =
            line.split_once(':').ok_or_else(|| at(i + 2, format!("front matter line without `key:`: {line}")))?;
        let v = v.trim().trim_matches('"');
        fields.push((k.trim().to_string(), v.to_string(), i + 2));
    }
    let body_line = rest[..end].lines().count() + 3;
    Ok((fields, &rest[end + 5..], body_line))
}

/// Shell lines of a code block: blank lines and `#` comments dropped.
fn command_lines(code: &str) -> Vec<String> {
    code.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(String::from).collect()
}

/// Whether a link or image may keep its address: a relative one, or
/// http(s) or mailto. `dest` is the address as pulldown-cmark decoded it
/// (entities and backslash escapes already resolved); browsers also skip
/// ASCII whitespace and control characters inside a scheme
/// (`java\tscript:`), so those are dropped before the scheme is read.
/// What became of a link or image of the source.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Opened {
    Kept,
    /// An unsafe address: its text stays, as text.
    Dropped,
    /// An `explain:KEY` reference: an `<abbr>` titled with the meaning.
    Explain,
}

pub fn safe_url(dest: &str) -> bool {
    let plain: String = dest.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_control()).collect();
    let scheme_end = plain.find(':');
    let path_start = plain.find(['/', '?', '#']);
    match scheme_end {
        // No scheme: relative (`lessons/x.md`, `#top`, `//host/x` is http(s)).
        None => true,
        Some(colon) if path_start.is_some_and(|p| p < colon) => true,
        Some(colon) => {
            let scheme = plain[..colon].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
    }
}

/// Parses one lesson file. `slug` is its file name without `.md` and number prefix.
pub fn parse_lesson(slug: &str, src: &str) -> Result<MdLesson, LessonError> {
    let (fields, body, body_line) = front_matter(src)?;
    let field = |k: &str| fields.iter().find(|(key, ..)| key == k);
    let get = |k: &str| field(k).map(|(_, v, _)| v.clone());
    let title = get("title").ok_or_else(|| at(1, "front matter needs a `title:`"))?;
    let preset = match field("preset") {
        Some((_, name, _)) if PRESETS.contains(&name.as_str()) => Some(name.clone()),
        Some((_, name, line)) => {
            let names = PRESETS.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(", ");
            return Err(at(*line, format!("no lab preset is named `{name}` (the presets: {names})")));
        }
        None => None,
    };
    let mut lesson = MdLesson {
        slug: slug.to_string(),
        nav: get("nav").unwrap_or_else(|| title.clone()),
        title,
        summary: get("summary").ok_or_else(|| at(1, "front matter needs a `summary:`"))?,
        preset,
        setup: Vec::new(),
        sections: vec![MdSection::default()],
    };
    // The file's line of a byte of the body.
    let line_of = |offset: usize| body_line + body[..offset.min(body.len())].matches('\n').count();

    let mut pending: Vec<Event> = Vec::new();
    let mut in_heading = false;
    let mut heading = String::new();
    // A code block's language, text, and the line its text starts on.
    let mut code: Option<(String, String, usize)> = None;
    // For each link or image open around the current event: what it became.
    let mut links: Vec<Opened> = Vec::new();

    let flush = |pending: &mut Vec<Event>, sec: &mut MdSection| {
        if !pending.is_empty() {
            let mut html = String::new();
            pulldown_cmark::html::push_html(&mut html, pending.drain(..));
            sec.blocks.push(MdBlock::Html(html));
        }
    };

    for (ev, range) in Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH).into_offset_iter()
    {
        match ev {
            Event::Start(Tag::Heading { level: pulldown_cmark::HeadingLevel::H2, .. }) => {
                flush(&mut pending, lesson.sections.last_mut().unwrap());
                in_heading = true;
                heading.clear();
            }
            Event::End(TagEnd::Heading(pulldown_cmark::HeadingLevel::H2)) => {
                in_heading = false;
                lesson.sections.push(MdSection { title: heading.trim().to_string(), ..Default::default() });
            }
            Event::Text(t) | Event::Code(t) if in_heading => heading.push_str(&t),
            _ if in_heading => {}
            Event::Start(Tag::CodeBlock(kind)) => {
                // A fenced block's text starts on the line after its fence.
                let first = line_of(range.start) + usize::from(matches!(kind, CodeBlockKind::Fenced(_)));
                let lang = match kind {
                    CodeBlockKind::Fenced(l) => l.split_whitespace().next().unwrap_or("").to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new(), first));
            }
            Event::Text(t) if code.is_some() => code.as_mut().unwrap().1.push_str(&t),
            Event::End(TagEnd::CodeBlock) => {
                let (lang, text, first) = code.take().unwrap();
                let sec = lesson.sections.last_mut().unwrap();
                match lang.as_str() {
                    "sh" | "bash" | "shell" | "console" => {
                        flush(&mut pending, sec);
                        sec.blocks.push(MdBlock::Commands(command_lines(&text)));
                    }
                    "check" => {
                        for (i, src) in text.lines().enumerate() {
                            let src = src.trim();
                            if src.is_empty() || src.starts_with('#') {
                                continue;
                            }
                            let c =
                                checks::parse(src).map_err(|e| at(first + i, format!("in `{}`: {e}", sec.title)))?;
                            sec.checks.push(c.to_string());
                        }
                    }
                    "hint" => sec.hints.push(text.trim().to_string()),
                    "setup" => lesson.setup.extend(command_lines(&text)),
                    "solution" => sec.solution.extend(command_lines(&text)),
                    "quiz" => {
                        flush(&mut pending, sec);
                        let q =
                            parse_quiz(&text).map_err(|(i, e)| at(first + i, format!("in `{}`: {e}", sec.title)))?;
                        sec.blocks.push(MdBlock::Quiz(q));
                    }
                    _ => {
                        let kind = CodeBlockKind::Fenced(lang.into());
                        pending.push(Event::Start(Tag::CodeBlock(kind)));
                        pending.push(Event::Text(text.into()));
                        pending.push(Event::End(TagEnd::CodeBlock));
                    }
                }
            }
            // Raw HTML is shown as text: lessons cannot inject markup.
            Event::Html(h) | Event::InlineHtml(h) => pending.push(Event::Text(h)),
            // A link to an unsafe address keeps its text; an image of one
            // its alt text (the events between its start and end), as text.
            // `[text](explain:KEY)`: the text, titled with what the field
            // KEY of explained output means (sim-core's table).
            Event::Start(Tag::Link { ref dest_url, .. }) if dest_url.starts_with("explain:") => {
                let key = &dest_url["explain:".len()..];
                let Some((title, meaning)) = field_meanings::of(key) else {
                    return Err(at(
                        line_of(range.start),
                        format!("no field of explained output is `{key}` (field-meanings/src/meanings.txt lists them)"),
                    ));
                };
                let mut tip = String::new();
                let _ = pulldown_cmark_escape::escape_html(&mut tip, &format!("{title}: {meaning}"));
                pending.push(Event::InlineHtml(
                    format!("<abbr class=\"explain-ref\" data-explain=\"{key}\" title=\"{tip}\">").into(),
                ));
                links.push(Opened::Explain);
            }
            Event::Start(Tag::Link { ref dest_url, .. }) | Event::Start(Tag::Image { ref dest_url, .. }) => {
                let kept = safe_url(dest_url);
                links.push(if kept { Opened::Kept } else { Opened::Dropped });
                if kept {
                    pending.push(ev);
                }
            }
            Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => match links.pop() {
                Some(Opened::Kept) => pending.push(ev),
                Some(Opened::Explain) => pending.push(Event::InlineHtml("</abbr>".into())),
                _ => {}
            },
            other => pending.push(other),
        }
    }
    flush(&mut pending, lesson.sections.last_mut().unwrap());
    if !lesson.sections.iter().any(|s| !s.checks.is_empty()) {
        return Err(at(body_line, "a lesson needs at least one step with a ```check block"));
    }
    Ok(lesson)
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

/// The lesson files of `dir` (`NN-slug.md`, not `README.md`), in file-name order.
pub fn lesson_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for e in entries {
        let p = e.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if p.extension().is_some_and(|x| x == "md") && p.file_name().is_some_and(|n| n != "README.md") {
            files.push(p);
        }
    }
    files.sort();
    Ok(files)
}

/// A lesson's address: its file name without `.md` and the number prefix.
pub fn slug_of(path: &Path) -> String {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    stem.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-').to_string()
}

/// Every lesson of `dir`, in order; the first mistake is returned with its file.
pub fn read_lessons(dir: &Path) -> Result<Vec<MdLesson>, String> {
    lesson_files(dir)?
        .iter()
        .map(|path| {
            let src = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            parse_lesson(&slug_of(path), &src).map_err(|e| format!("{}:{e}", path.display()))
        })
        .collect()
}

/// The lesson as the page fetches it.
pub fn to_doc(l: &MdLesson) -> LessonDoc {
    LessonDoc {
        v: VERSION,
        slug: l.slug.clone(),
        title: l.title.clone(),
        summary: l.summary.clone(),
        preset: l.preset.clone(),
        setup: l.setup.clone(),
        sections: l
            .sections
            .iter()
            .map(|s| SectionDoc {
                title: s.title.clone(),
                step: !s.checks.is_empty(),
                blocks: s
                    .blocks
                    .iter()
                    .map(|b| match b {
                        MdBlock::Html(h) => BlockDoc::Html(h.clone()),
                        MdBlock::Commands(c) => BlockDoc::Run(c.clone()),
                        MdBlock::Quiz(q) => BlockDoc::Quiz(q.clone()),
                    })
                    .collect(),
                checks: s.checks.clone(),
                hints: s.hints.clone(),
                solution: s.solution.clone(),
            })
            .collect(),
    }
}

/// Rust source for a `Lesson` expression of the page's index: the lesson's
/// names and how many steps it has (everything else is in its file).
pub fn to_rust(l: &MdLesson) -> String {
    format!(
        "Lesson {{ slug: {}, title: {}, nav: {}, summary: {}, steps: {} }}",
        lit(&l.slug),
        lit(&l.title),
        lit(&l.nav),
        lit(&l.summary),
        l.sections.iter().filter(|s| !s.checks.is_empty()).count()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "---\ntitle: \"Two ends\"\nsummary: A pair.\n---\n\nIntro <b>bold</b> text.\n\n## Make a pair\n\nRun this:\n\n```sh\n# a comment\nip link add a type veth peer name b\n\n```\n\nThen look.\n\n```check\nlink a exists\n```\n\n```hint\nType it exactly.\n```\n\n## Wrap up `done`\n\nBye.\n";

    #[test]
    fn splits_intro_steps_commands_checks_and_hints() {
        let l = parse_lesson("two-ends", SRC).unwrap();
        assert_eq!(l.title, "Two ends");
        assert_eq!(l.nav, "Two ends", "the menu shows the title when there is no `nav:`");
        assert_eq!(l.summary, "A pair.");
        assert_eq!(l.sections.len(), 3);
        assert_eq!(l.sections[0].title, "");
        assert_eq!(l.sections[1].title, "Make a pair");
        assert_eq!(l.sections[1].blocks[1], MdBlock::Commands(vec!["ip link add a type veth peer name b".into()]));
        assert_eq!(l.sections[1].checks, vec!["link a exists".to_string()]);
        assert_eq!(l.sections[1].hints, vec!["Type it exactly.".to_string()]);
        assert_eq!(l.sections[2].title, "Wrap up done");
        assert!(l.sections[2].checks.is_empty());
    }

    #[test]
    fn raw_html_is_escaped() {
        let l = parse_lesson("x", SRC).unwrap();
        let MdBlock::Html(h) = &l.sections[0].blocks[0] else { panic!() };
        assert!(h.contains("&lt;b&gt;bold&lt;/b&gt;"), "{h}");
    }

    #[test]
    fn bad_lessons_are_refused_with_a_reason_and_its_line() {
        let err = |src: &str| parse_lesson("x", src).unwrap_err().to_string();
        assert!(err("no front matter").starts_with("1: a lesson starts with front matter"));
        assert!(err("---\ntitle: a\n---\n").contains("summary"));
        assert!(err("---\ntitle: a\nsummary b\n---\n").starts_with("3: front matter line without"));
        let bad = "---\ntitle: a\nsummary: b\n---\n## S\n\n```check\nnetns a exists\nlink a is sideways\n```\n";
        let e = err(bad);
        assert!(e.starts_with("9: in `S`: ") && e.contains("link"), "{e}");
        let none = "---\ntitle: a\nsummary: b\n---\n## S\ntext\n";
        assert!(err(none).contains("at least one step"));
    }

    #[test]
    fn a_lesson_may_start_from_a_preset_and_an_unknown_one_is_refused_with_its_line() {
        let src = "---\ntitle: a\nsummary: b\npreset: docker-host\n---\n## S\n```check\nnetns a exists\n```\n";
        let l = parse_lesson("x", src).unwrap();
        assert_eq!(l.preset.as_deref(), Some("docker-host"));
        assert_eq!(to_doc(&l).preset.as_deref(), Some("docker-host"));
        assert_eq!(parse_lesson("x", SRC).unwrap().preset, None);
        let bad = src.replace("docker-host", "docker-hots");
        assert_eq!(
            parse_lesson("x", &bad).unwrap_err().to_string(),
            "4: no lab preset is named `docker-hots` (the presets: `cloud-host`, `docker-host`, `kind-node`)"
        );
    }

    /// The reader's copy of the presets' names is sim-core's list.
    #[cfg(feature = "verify")]
    #[test]
    fn presets_are_sim_cores() {
        assert_eq!(PRESETS, sim_core::lab::presets::NAMES);
    }

    #[test]
    fn quizzes_are_blocks_and_their_faults_have_lines() {
        let src = "---\ntitle: a\nsummary: b\n---\n## S\n```check\nnetns a exists\n```\n```quiz\nWhy?\n- no\n+ yes\n> so\n```\n";
        let l = parse_lesson("x", src).unwrap();
        let MdBlock::Quiz(q) = &l.sections[1].blocks[0] else { panic!("{l:?}") };
        assert_eq!((q.question.as_str(), q.answer), ("Why?", 1));
        let bad = src.replace("- no", "+ no");
        assert_eq!(
            parse_lesson("x", &bad).unwrap_err().to_string(),
            "12: in `S`: a quiz has one right choice (`+ `), not several"
        );
    }

    #[test]
    fn the_shipped_lessons_parse() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        let lessons = read_lessons(&dir).unwrap_or_else(|e| panic!("{e}"));
        assert!(lessons.len() >= 4, "{}", lessons.len());
        assert_eq!(lessons[0].slug, "veth-pairs", "file-name order, number prefix dropped");
    }

    #[test]
    fn the_index_has_the_names_and_the_doc_the_rest() {
        let l = parse_lesson("two-ends", SRC).unwrap();
        let rust = to_rust(&l);
        assert_eq!(
            rust,
            r#"Lesson { slug: "two-ends", title: "Two ends", nav: "Two ends", summary: "A pair.", steps: 1 }"#
        );
        let doc = to_doc(&l);
        assert_eq!(doc.sections.len(), 3);
        assert!(doc.sections[1].step && !doc.sections[2].step);
        assert_eq!(
            doc.sections[1].blocks,
            vec![
                BlockDoc::Html("<p>Run this:</p>\n".into()),
                BlockDoc::Run(vec!["ip link add a type veth peer name b".into()]),
                BlockDoc::Html("<p>Then look.</p>\n".into()),
            ]
        );
        assert_eq!(doc.step_checks(), vec![vec!["link a exists".to_string()]]);
        assert_eq!(doc.sections[1].hints, vec!["Type it exactly.".to_string()]);
    }

    #[test]
    fn generated_source_escapes_strings() {
        let mut l = parse_lesson("two-ends", SRC).unwrap();
        l.title = "Say \"hi\"\\".into();
        assert!(to_rust(&l).contains(r#"title: "Say \"hi\"\\""#), "{}", to_rust(&l));
    }
}
