//! A lesson's prose: fetched when the lesson opens, shown by [`Prose`].
//!
//! The prose was rendered from the lesson's Markdown at build time with raw
//! HTML escaped (lesson-format's `markdown`), so it is the one piece of
//! markup the page injects, and [`Prose`] the one place that does it.

use crate::boot;
use leptos::prelude::*;
use lesson_format::doc::{LessonDoc, VERSION};
use litemap::LiteMap;
use std::cell::RefCell;
use std::sync::Arc;

/// Each section's prose blocks, in order.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct LessonProse(Vec<Vec<String>>);

impl LessonProse {
    /// Reads a lesson's file (`lessons/SLUG.json`).
    pub fn from_json(text: &str) -> Result<LessonProse, String> {
        let doc = read_json(text).map_err(|e| format!("unreadable lesson file: {e}"))?;
        if doc.v != VERSION {
            return Err(format!("lesson file version {} is not {VERSION}", doc.v));
        }
        Ok(LessonProse(doc.prose()))
    }

    /// The `k`-th prose block of section `section` (empty when there is none).
    pub fn block(&self, section: usize, k: usize) -> &str {
        self.0.get(section).and_then(|s| s.get(k)).map_or("", String::as_str)
    }

    /// How many prose blocks each section has.
    pub fn shape(&self) -> Vec<usize> {
        self.0.iter().map(Vec::len).collect()
    }
}

/// The browser's JSON parser and serde-wasm-bindgen: the site links no JSON
/// parser of its own (see `crate::wire`).
#[cfg(target_arch = "wasm32")]
fn read_json(text: &str) -> Result<LessonDoc, String> {
    let value = js_sys::JSON::parse(text).map_err(|_| "not JSON".to_string())?;
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// Natively (tests, where there is no JavaScript), serde_json reads the same.
#[cfg(not(target_arch = "wasm32"))]
fn read_json(text: &str) -> Result<LessonDoc, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// What a lesson panel knows of its prose: `None` while it loads.
pub type ProseState = Option<Result<Arc<LessonProse>, String>>;

thread_local! {
    /// Lessons already read: opening one again shows its prose at once.
    /// A `LiteMap` (a sorted `Vec`), as the model's maps are: std's
    /// `HashMap` linked its own copy of hashbrown and SipHash for this one
    /// map of a few entries.
    static LOADED: RefCell<LiteMap<&'static str, Arc<LessonProse>>> = RefCell::default();
}

/// The prose of lesson `slug`: from memory, from the boot loader's fetch
/// (see [`boot::take_fetch`]), or fetched now.
pub async fn load(slug: &'static str) -> Result<Arc<LessonProse>, String> {
    if let Some(p) = LOADED.with(|l| l.borrow().get(slug).cloned()) {
        return Ok(p);
    }
    let early = match boot::take_fetch(slug) {
        Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.ok().and_then(|v| v.as_string()),
        None => None,
    };
    let text = match early {
        Some(t) => t,
        None => fetch(slug).await?,
    };
    let prose = Arc::new(LessonProse::from_json(&text)?);
    LOADED.with(|l| l.borrow_mut().insert(slug, prose.clone()));
    Ok(prose)
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

/// A block of lesson prose. The only `inner_html` of the site: `html` is
/// build-time output of the sanitising Markdown renderer, never text from
/// the learner or the lab.
#[component]
pub fn Prose(#[prop(into)] html: Signal<String>) -> impl IntoView {
    view! { <div class="prose" inner_html=html></div> }
}
