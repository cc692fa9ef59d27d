//! The few browser services the site uses: storage, the URL fragment, the
//! clipboard, downloads. Storage goes through gloo-storage; values are JSON
//! written and read by the browser, and taken apart with js-sys, which
//! spares the site a JSON parser of its own.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

/// A stored string, or `None` when missing or storage is unavailable.
pub fn load(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Stores a string; failures (private mode, quota) are ignored: the site
/// still works, it just forgets on reload.
pub fn save(key: &str, value: &str) {
    let _ = LocalStorage::raw().set_item(key, value);
}

pub fn remove(key: &str) {
    LocalStorage::delete(key);
}

/// Command lines stored under `key`: a JSON array of strings (older
/// versions of the site stored them one per line, which still loads).
pub fn load_lines(key: &str) -> Vec<String> {
    let Some(text) = load(key) else { return Vec::new() };
    let json = js_sys::JSON::parse(&text).ok().and_then(|v| strings(&v));
    match json {
        Some(lines) => lines,
        None if text.is_empty() => Vec::new(),
        None => text.split('\n').map(String::from).collect(),
    }
}

/// A JavaScript array of strings (as `JSON.parse` makes it), or `None`.
pub fn strings(value: &wasm_bindgen::JsValue) -> Option<Vec<String>> {
    let array = value.dyn_ref::<js_sys::Array>()?;
    array.iter().map(|s| s.as_string()).collect()
}

pub fn save_lines(key: &str, lines: &[String]) {
    let array: js_sys::Array = lines.iter().map(|l| wasm_bindgen::JsValue::from_str(l)).collect();
    let json = js_sys::JSON::stringify(&array).ok();
    if let Some(text) = json.and_then(|t| t.as_string()) {
        save(key, &text);
    }
}

/// The URL fragment without `#`.
pub fn hash() -> String {
    let h = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    h.trim_start_matches('#').to_string()
}

/// Rewrites the fragment without adding a history entry.
pub fn replace_hash(h: &str) {
    if let Some(w) = web_sys::window() {
        if let Ok(hist) = w.history() {
            let _ = hist.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{h}")));
        }
    }
}

/// The page address with the given fragment, for permalinks.
pub fn url_with_hash(h: &str) -> String {
    let loc = web_sys::window().map(|w| w.location());
    let base = loc.and_then(|l| l.href().ok()).unwrap_or_default();
    let base = base.split('#').next().unwrap_or("").to_string();
    format!("{base}#{h}")
}

pub fn copy_to_clipboard(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// Milliseconds since navigation started (for the benchmark marks).
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// Offers `text` as a file download of type `mime`.
pub fn download(name: &str, mime: &str, text: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&text.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = doc.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The page's origin (`http://HOST:PORT`), as a WebSocket's peer sees it.
pub fn origin() -> String {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// Goes to `url` (relative to the page).
pub fn go(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_href(url);
    }
}
