//! Reading a lesson that is not built in: its text from a URL or from
//! storage, then lesson-format's reader (front matter, steps, the check
//! language, prose with raw HTML escaped and script addresses dropped).
//! A lesson that cannot be read opens anyway, with its error and line in
//! the panel, and an empty lab.

use crate::browser;
use crate::lesson::{self, DocState, Lesson};
use crate::route::{Route, Source};
use lesson_format::markdown::{parse_lesson, to_doc};
use std::sync::Arc;

/// Larger lesson files are refused unread (the seeds are under 40 KB).
pub const MAX_BYTES: usize = 1 << 20;

/// Where a lesson file picked or dropped is kept, by its name.
pub fn file_key(name: &str) -> String {
    format!("nslab.lessonfile.{name}")
}

/// A name for the lesson before its file is read: the address's last part.
fn short_name(source: &Source) -> String {
    let whole = decoded(source);
    let path = whole.split(['?', '#']).next().unwrap_or("");
    path.trim_end_matches('/').rsplit('/').next().filter(|s| !s.is_empty()).unwrap_or(&whole).to_string()
}

/// The address or file name as the learner wrote it (the route keeps it
/// percent-encoded).
pub fn decoded(source: &Source) -> String {
    let raw = match source {
        Source::Url(u) | Source::File(u) => u,
    };
    js_sys::decode_uri_component(raw).ok().and_then(|s| s.as_string()).unwrap_or_else(|| raw.clone())
}

/// The route of a lesson while its file is read: its entry from the last
/// time it was read, or one named after its address.
pub fn placeholder(source: &Source) -> Route {
    let slug = source.slug();
    let l = Lesson::last_opened(&slug).unwrap_or_else(|| Lesson::opened(&slug, &short_name(source), "", 0));
    Route::Lesson(l)
}

/// Reads the lesson of `source`: its route (an entry with its title and
/// steps) and its file, or why it could not be read (`WHERE:LINE: …`).
pub async fn open(source: &Source) -> (Route, DocState) {
    let slug = source.slug();
    let name = decoded(source);
    let read = match text(source, &name).await {
        Ok(text) => parse_lesson(&slug, &text).map_err(|e| format!("{name}:{e}")),
        Err(e) => Err(e),
    };
    match read {
        Ok(md) => {
            let doc = Arc::new(to_doc(&md));
            let lesson = Lesson::opened(&slug, &md.title, &md.summary, doc.steps().count());
            lesson::keep(lesson.slug, doc.clone());
            (Route::Lesson(lesson), Some(Ok(doc)))
        }
        Err(e) => (placeholder(source), Some(Err(e))),
    }
}

async fn text(source: &Source, name: &str) -> Result<String, String> {
    let text = match source {
        Source::Url(_) => fetch(name).await?,
        Source::File(_) => browser::load(&file_key(name))
            .ok_or_else(|| format!("{name}: this browser no longer keeps that file; open it again"))?,
    };
    if text.len() > MAX_BYTES {
        return Err(format!("{name}: a lesson file is at most 1 MiB"));
    }
    Ok(text)
}

/// Fetches `url` (CORS: another site must allow this one to read it).
async fn fetch(url: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let failed = |e: wasm_bindgen::JsValue| match e.dyn_ref::<js_sys::Error>() {
        Some(e) => format!(
            "{url}: {} (is the address right, and does its server allow other sites to read it?)",
            String::from(e.message())
        ),
        None => format!("{url}: {e:?}"),
    };
    let window = web_sys::window().ok_or("no window")?;
    let resp = JsFuture::from(window.fetch_with_str(url)).await.map_err(failed)?;
    let resp: web_sys::Response = resp.unchecked_into();
    if !resp.ok() {
        return Err(format!("{url}: HTTP {}", resp.status()));
    }
    let text = JsFuture::from(resp.text().map_err(failed)?).await.map_err(failed)?;
    text.as_string().ok_or_else(|| format!("{url}: not text"))
}
