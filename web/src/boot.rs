//! The hand-over from the page's boot frame to the app.
//!
//! Before the wasm runs, `web/index.html` shows a static frame (`#boot`,
//! written by lesson-format's `prerender`) and `web/boot.js` draws the
//! lesson of the address into it from `lessons/SLUG.json`. The loader keeps
//! that fetch in `window.nslabBoot = { slug, text }` (`text` a promise of the
//! file's text), so the app reads the same response instead of fetching the
//! lesson a second time.

use wasm_bindgen::{JsCast, JsValue};

/// Removes the boot frame; the app calls it once it has mounted.
pub fn dismiss() {
    let boot = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot"));
    if let Some(el) = boot {
        el.remove();
    }
}

/// The boot loader's fetch of `slug`'s file, if it made one (then forgets it:
/// later visits fetch afresh, or hit the app's cache).
pub fn take_fetch(slug: &str) -> Option<js_sys::Promise> {
    let window: JsValue = web_sys::window()?.into();
    let key = JsValue::from_str("nslabBoot");
    let state = js_sys::Reflect::get(&window, &key).ok().filter(|v| v.is_object())?;
    let field = |name: &str| js_sys::Reflect::get(&state, &JsValue::from_str(name)).ok();
    if field("slug")?.as_string().as_deref() != Some(slug) {
        return None;
    }
    let text = field("text")?.dyn_into::<js_sys::Promise>().ok()?;
    let _ = js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &key);
    Some(text)
}
