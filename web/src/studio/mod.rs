//! The studio page (`studio.html`, the `studio` feature, loaded on demand):
//! what an instructor needs and the first load leaves out.
//!
//! - [`open`]: lessons read in the page from a URL (`#/lesson?src=URL`,
//!   fetched with CORS) or a local file (`#/lesson?file=NAME`, picked or
//!   dropped, kept in storage so a reload finds it), through lesson-format's
//!   Markdown reader — the very code that builds the site's own lessons,
//!   so a lesson is refused, or rendered inert, the same way everywhere;
//! - [`open_view`]: the form that opens them, in the sandbox's panel;
//! - [`builder`]: the lesson builder beside the sandbox (`#/build`).

pub mod builder;
pub mod open;
pub mod open_view;

pub use open::{open, placeholder};
pub use open_view::OpenLesson;

/// Adds the studio page's styles to the document (once): the first load's
/// inlined stylesheet leaves them out.
pub fn add_styles() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if doc.get_element_by_id("studio-css").is_some() {
        return;
    }
    if let (Ok(style), Some(head)) = (doc.create_element("style"), doc.head()) {
        style.set_id("studio-css");
        style.set_text_content(Some(include_str!("studio.css")));
        let _ = head.append_child(&style);
    }
}
