//! The lessons: their index as compiled into the bundle (names and number
//! of steps), each lesson's file fetched when it opens (sections, prose,
//! commands, checks: [`LessonDoc`]), and the learner's saved progress.

use crate::{boot, browser};
use lesson_format::doc::VERSION;
pub use lesson_format::doc::{BlockDoc, LessonDoc, SectionDoc};
use litemap::LiteMap;
use std::cell::RefCell;
use std::sync::Arc;

pub struct Lesson {
    pub slug: &'static str,
    pub title: &'static str,
    /// The short name in the site's menu.
    pub nav: &'static str,
    pub summary: &'static str,
    /// How many of its sections are steps (have checks).
    pub steps: usize,
}

include!(concat!(env!("OUT_DIR"), "/lessons.rs"));

impl Lesson {
    /// A built-in lesson by its slug.
    pub fn find(slug: &str) -> Option<&'static Lesson> {
        LESSONS.iter().find(|l| l.slug == slug)
    }

    /// The index entry of a lesson read in the page (the studio page: from
    /// a URL or a file). Leaked, as the built-in entries are static: a
    /// `Route` stays `Copy` and every component that holds a lesson keeps
    /// holding `&'static Lesson`. A page leaks one small entry per lesson
    /// file it reads (and one per change of that file it reads again).
    pub fn opened(slug: &str, title: &str, summary: &str, steps: usize) -> &'static Lesson {
        let same = |l: &&Lesson| l.slug == slug && l.title == title && l.summary == summary && l.steps == steps;
        if let Some(l) = OPENED.with(|o| o.borrow().iter().copied().find(same)) {
            return l;
        }
        let leak = |s: &str| -> &'static str { Box::leak(s.to_string().into_boxed_str()) };
        let title = leak(title);
        let l: &'static Lesson =
            Box::leak(Box::new(Lesson { slug: leak(slug), title, nav: title, summary: leak(summary), steps }));
        OPENED.with(|o| o.borrow_mut().push(l));
        l
    }

    /// The entry a lesson read in the page last had (see [`Lesson::opened`]).
    pub fn last_opened(slug: &str) -> Option<&'static Lesson> {
        OPENED.with(|o| o.borrow().iter().rev().copied().find(|l| l.slug == slug))
    }
}

thread_local! {
    /// The entries of lessons read in the page, oldest first.
    static OPENED: RefCell<Vec<&'static Lesson>> = const { RefCell::new(Vec::new()) };
}

/// What the page knows of the open lesson's file: `None` while it loads.
pub type DocState = Option<Result<Arc<LessonDoc>, String>>;

/// Reads a lesson's file (`lessons/SLUG.json`).
pub fn read_doc(text: &str) -> Result<LessonDoc, String> {
    let doc = read_json(text).map_err(|e| format!("unreadable lesson file: {e}"))?;
    if doc.v != VERSION {
        return Err(format!("lesson file version {} is not {VERSION}", doc.v));
    }
    Ok(doc)
}

/// The browser's JSON parser, and the file's fields read from its value
/// with js-sys: the site links no JSON parser of its own (see
/// `crate::wire`). Read by hand rather than by serde-wasm-bindgen, whose
/// reader's error messages (`invalid type: floating point …`) linked core's
/// float printing, which nothing else in the first load needs (ping and
/// ifconfig print with `sim_core::tools::fixed`): together 11.1 KB gzip
/// (384.8 → 373.7 KB of wasm).
/// It takes what serde would (`step`, `checks` and `hints` may be absent;
/// a block is `{"html": TEXT}`, `{"run": [LINE, …]}` or `{"quiz": {…}}`); natively the tests
/// read the same files with serde.
#[cfg(target_arch = "wasm32")]
fn read_json(text: &str) -> Result<LessonDoc, String> {
    use js_sys::Reflect;
    use wasm_bindgen::{JsCast, JsValue};
    fn field(object: &JsValue, name: &str) -> Option<JsValue> {
        Reflect::get(object, &JsValue::from_str(name)).ok().filter(|v| !v.is_undefined())
    }
    fn string(object: &JsValue, name: &str) -> Result<String, String> {
        field(object, name).and_then(|v| v.as_string()).ok_or_else(|| format!("`{name}` is not a string"))
    }
    fn list(object: &JsValue, name: &str) -> Result<js_sys::Array, String> {
        field(object, name).and_then(|v| v.dyn_into().ok()).ok_or_else(|| format!("`{name}` is not an array"))
    }
    fn texts(object: &JsValue, name: &str) -> Result<Vec<String>, String> {
        let Some(value) = field(object, name) else { return Ok(Vec::new()) };
        crate::browser::strings(&value).ok_or_else(|| format!("`{name}` is not an array of strings"))
    }
    fn block(b: &JsValue) -> Result<BlockDoc, String> {
        if let Some(html) = field(b, "html") {
            return html.as_string().map(BlockDoc::Html).ok_or_else(|| "`html` is not a string".to_string());
        }
        if let Some(q) = field(b, "quiz") {
            let answer = field(&q, "answer").and_then(|v| v.as_f64()).filter(|v| v.fract() == 0.0 && *v >= 0.0);
            return Ok(BlockDoc::Quiz(lesson_format::doc::QuizDoc {
                question: string(&q, "question")?,
                choices: texts(&q, "choices")?,
                answer: answer.ok_or("`answer` is not a choice's number")? as usize,
                explain: string(&q, "explain")?,
            }));
        }
        match field(b, "run") {
            Some(run) => crate::browser::strings(&run)
                .map(BlockDoc::Run)
                .ok_or_else(|| "`run` is not an array of strings".to_string()),
            None => Err("a block is not `html`, `run` or `quiz`".to_string()),
        }
    }
    fn section(s: &JsValue) -> Result<SectionDoc, String> {
        Ok(SectionDoc {
            title: string(s, "title")?,
            step: match field(s, "step") {
                Some(step) => step.as_bool().ok_or("`step` is not a boolean")?,
                None => false,
            },
            blocks: list(s, "blocks")?.iter().map(|b| block(&b)).collect::<Result<_, _>>()?,
            checks: texts(s, "checks")?,
            hints: texts(s, "hints")?,
            solution: texts(s, "solution")?,
        })
    }
    let doc = js_sys::JSON::parse(text).map_err(|_| "not JSON".to_string())?;
    let v = field(&doc, "v")
        .and_then(|v| v.as_f64())
        .filter(|v| v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(v));
    Ok(LessonDoc {
        v: v.ok_or("`v` is not a version number")? as u32,
        slug: string(&doc, "slug")?,
        title: string(&doc, "title")?,
        summary: string(&doc, "summary")?,
        preset: field(&doc, "preset").and_then(|v| v.as_string()),
        setup: texts(&doc, "setup")?,
        sections: list(&doc, "sections")?.iter().map(|s| section(&s)).collect::<Result<_, _>>()?,
    })
}

/// Natively (tests, where there is no JavaScript), serde_json reads the same.
#[cfg(not(target_arch = "wasm32"))]
fn read_json(text: &str) -> Result<LessonDoc, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

thread_local! {
    /// Lessons already read: opening one again shows it at once. A
    /// `LiteMap` (a sorted `Vec`), as the model's maps are: std's `HashMap`
    /// linked its own copy of hashbrown and SipHash for this one map of a
    /// few entries.
    static LOADED: RefCell<LiteMap<&'static str, Arc<LessonDoc>>> = RefCell::default();
}

/// Keeps the file of a lesson read in the page, so opening it again (a
/// route change back to it) finds it as [`load`] finds a built-in one's.
pub fn keep(slug: &'static str, doc: Arc<LessonDoc>) {
    LOADED.with(|l| l.borrow_mut().insert(slug, doc));
}

/// The file of lesson `slug`: from memory, from the boot loader's fetch
/// (see [`boot::take_fetch`]), or fetched now.
pub async fn load(slug: &'static str) -> Result<Arc<LessonDoc>, String> {
    if let Some(d) = LOADED.with(|l| l.borrow().get(slug).cloned()) {
        return Ok(d);
    }
    let early = match boot::take_fetch(slug) {
        Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.ok().and_then(|v| v.as_string()),
        None => None,
    };
    let text = match early {
        Some(t) => t,
        None => fetch(slug).await?,
    };
    let doc = Arc::new(read_doc(&text)?);
    LOADED.with(|l| l.borrow_mut().insert(slug, doc.clone()));
    Ok(doc)
}

/// Fetches `lessons/SLUG.json` with the browser's own `fetch`, not
/// gloo-net: the page already awaits one JS promise here (the boot
/// loader's), and gloo-net's request builder cost more wasm than these lines.
async fn fetch(slug: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let url = format!("lessons/{slug}.json");
    let failed = |e: wasm_bindgen::JsValue| match e.dyn_ref::<js_sys::Error>() {
        Some(e) => format!("{url}: {}", String::from(e.message())),
        None => format!("{url}: {e:?}"),
    };
    let resp = JsFuture::from(web_sys::window().ok_or("no window")?.fetch_with_str(&url)).await.map_err(failed)?;
    let resp: web_sys::Response = resp.unchecked_into();
    if !resp.ok() {
        return Err(format!("{url}: HTTP {}", resp.status()));
    }
    let text = JsFuture::from(resp.text().map_err(failed)?).await.map_err(failed)?;
    text.as_string().ok_or_else(|| format!("{url}: not text"))
}

fn progress_key(slug: &str) -> String {
    format!("nslab.progress.{slug}")
}

/// Where a lesson's session (its command lines) is saved.
pub fn session_key(slug: &str) -> String {
    format!("nslab.session.lesson.{slug}")
}

/// How many steps of `lesson` the learner has ticked, as saved in the browser.
pub fn saved_ticked(lesson: &Lesson) -> usize {
    browser::load(&progress_key(lesson.slug)).and_then(|s| s.parse().ok()).unwrap_or(0usize).min(lesson.steps)
}

/// Saves how many steps of `lesson` are ticked ("Start over" saves 0).
pub fn save_ticked(lesson: &Lesson, ticked: usize) {
    browser::save(&progress_key(lesson.slug), &ticked.to_string());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks;
    use lesson_format::markdown::{read_lessons, to_doc};
    use std::path::Path;

    /// The index in the wasm and the files the page fetches come from the
    /// same Markdown, and every check in a file parses.
    #[test]
    fn the_index_and_the_files_agree() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        let mds = read_lessons(&dir).unwrap();
        assert_eq!(mds.len(), LESSONS.len());
        for (lesson, md) in LESSONS.iter().zip(&mds) {
            let doc = read_doc(&serde_json::to_string(&to_doc(md)).unwrap()).unwrap();
            assert_eq!((lesson.slug, lesson.title), (doc.slug.as_str(), doc.title.as_str()));
            assert_eq!(lesson.steps, doc.steps().count(), "{}", lesson.slug);
            for c in doc.step_checks().concat() {
                checks::parse(&c).unwrap();
            }
        }
        assert!(Lesson::find("veth-pairs").expect("content/01-veth-pairs.md").steps >= 10);
    }

    #[test]
    fn a_file_of_another_version_is_refused() {
        let err = read_doc(r#"{"v":1,"slug":"a","title":"","summary":"","sections":[]}"#).unwrap_err();
        assert!(err.contains("version 1"), "{err}");
        assert!(read_doc("<html>").unwrap_err().contains("unreadable"));
    }
}
