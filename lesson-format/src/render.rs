//! The files the site serves for its lessons, written at build time by the
//! `prerender` tool (a Trunk `pre_build` hook) into a folder Trunk copies:
//!
//! - `lessons/SLUG.json`: each lesson's [`LessonDoc`], fetched when it opens;
//! - `frame.html`: what `web/index.html` shows before the wasm runs — the
//!   header with the menu, an empty lesson panel that `web/boot.js` fills
//!   from the lesson's file, the sandbox's welcome as a `<template>`, and a
//!   "Starting the lab…" indicator. The app removes it when it mounts.
//!
//! The markup copies the classes of the app's components, so the page does
//! not jump when the app replaces it; it carries no ids or test ids the app
//! uses.

use crate::doc::LessonDoc;
use crate::markdown::{to_doc, MdLesson};
use pulldown_cmark_escape::escape_html;
use std::path::{Path, PathBuf};
use std::{fs, io};

fn esc(s: &str) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = escape_html(&mut out, s);
    out
}

/// The sandbox's welcome; the app's `SandboxWelcome` says the same.
pub const SANDBOX_SUMMARY: &str = "A simulated Linux host, all yours. Try <code>ip netns add a</code>, \
<code>ip link add v1 type veth peer name v2</code>, <code>ip -c addr</code>. \
Undo steps back one command; a permalink or an exported script keeps your work.";

/// The frame painted before the wasm runs (see the module's documentation).
pub fn frame_html(lessons: &[MdLesson]) -> String {
    let mut h = String::from("<div id=\"boot\" class=\"boot\">\n<header class=\"top\">");
    h += "<a class=\"brand\" href=\"#/\">nslab</a><span class=\"tagline\">Linux container networking, hands on</span>";
    h += "<nav aria-label=\"Main\">";
    for l in lessons {
        h += &format!("<a href=\"#/lesson/{}\" title=\"{}\">{}</a>", esc(&l.slug), esc(&l.title), esc(&l.nav));
    }
    h += "<a href=\"#/sandbox\">Sandbox</a></nav></header>\n";
    h += "<main class=\"layout\"><div class=\"side\"><article class=\"lesson\" aria-busy=\"true\"></article></div>";
    h += "<div class=\"work\"><div class=\"boot-lab\" role=\"status\"><span class=\"boot-spin\" aria-hidden=\"true\"></span>";
    h += "Starting the lab…</div></div></main>\n";
    h += "<template id=\"boot-sandbox\"><header class=\"lesson-head\"><h2>Sandbox</h2><p class=\"summary\">";
    h += SANDBOX_SUMMARY;
    h += "</p></header><nav class=\"lesson-index\" aria-label=\"Lessons\"><h2>Lessons</h2><ol>";
    for l in lessons {
        h += &format!("<li><a href=\"#/lesson/{}\">{}</a><p>{}</p></li>", esc(&l.slug), esc(&l.title), esc(&l.summary));
    }
    h += "</ol></nav></template>\n</div>\n";
    h
}

/// Writes `path` unless it already holds `text`: an unchanged build touches
/// nothing, so `trunk serve`'s watcher does not see a change and rebuild.
fn write_if_changed(path: &Path, text: &str) -> io::Result<bool> {
    if fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(false);
    }
    fs::write(path, text)?;
    Ok(true)
}

/// Writes `frame.html` and `lessons/SLUG.json` into `out`, and removes the
/// files of lessons that are gone. Returns the files it wrote.
pub fn write_site(lessons: &[MdLesson], out: &Path) -> io::Result<Vec<PathBuf>> {
    let dir = out.join("lessons");
    fs::create_dir_all(&dir)?;
    let mut written = Vec::new();
    let frame = out.join("frame.html");
    if write_if_changed(&frame, &frame_html(lessons))? {
        written.push(frame);
    }
    let mut keep = Vec::new();
    for l in lessons {
        let doc: LessonDoc = to_doc(l);
        let path = dir.join(format!("{}.json", l.slug));
        // Serialising strings and lists cannot fail.
        let text = serde_json::to_string(&doc).unwrap_or_default();
        if write_if_changed(&path, &text)? {
            written.push(path.clone());
        }
        keep.push(path);
    }
    for e in fs::read_dir(&dir)? {
        let p = e?.path();
        if !keep.contains(&p) {
            fs::remove_file(&p)?;
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::BlockDoc;
    use crate::markdown::parse_lesson;

    const SRC: &str = "---\ntitle: \"Two <ends>\"\nnav: Two\nsummary: A & B.\n---\nIntro <i>x</i>.\n## S\n```sh\nip link\n```\n```check\nlink a exists\n```\n";

    #[test]
    fn the_frame_has_the_menu_the_sandbox_and_the_indicator_escaped() {
        let l = parse_lesson("two", SRC).unwrap();
        let f = frame_html(&[l]);
        assert!(f.starts_with("<div id=\"boot\""), "{f}");
        assert!(f.contains("<a href=\"#/lesson/two\" title=\"Two &lt;ends&gt;\">Two</a><a href=\"#/sandbox\">"), "{f}");
        assert!(f.contains("<p>A &amp; B.</p>"), "{f}");
        assert!(f.contains("Starting the lab…"), "{f}");
        assert!(!f.contains("data-testid"), "the app's test ids appear once, in the app");
    }

    #[test]
    fn writes_each_lesson_once_and_removes_stale_ones() {
        let out = std::env::temp_dir().join(format!("lesson-format-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&out);
        fs::create_dir_all(out.join("lessons")).unwrap();
        fs::write(out.join("lessons/gone.json"), "{}").unwrap();
        let l = parse_lesson("two", SRC).unwrap();
        let first = write_site(std::slice::from_ref(&l), &out).unwrap();
        assert_eq!(first.len(), 2, "{first:?}");
        assert!(!out.join("lessons/gone.json").exists());
        let doc: LessonDoc = serde_json::from_str(&fs::read_to_string(out.join("lessons/two.json")).unwrap()).unwrap();
        assert_eq!(doc.sections[0].blocks, vec![BlockDoc::Html("<p>Intro &lt;i&gt;x&lt;/i&gt;.</p>\n".into())]);
        assert!(write_site(&[l], &out).unwrap().is_empty(), "an unchanged build writes nothing");
        fs::remove_dir_all(&out).unwrap();
    }
}
