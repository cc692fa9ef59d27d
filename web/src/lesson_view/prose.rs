//! A block of lesson prose, shown by [`Prose`].
//!
//! The prose was rendered from the lesson's Markdown with raw HTML escaped
//! and script addresses dropped (lesson-format's `markdown`): at build time
//! for the site's lessons, arriving in the lesson's file
//! (`crate::lesson::load`), or in the studio page for a lesson from a URL
//! or a file (`crate::studio::open`), by the same code. It is the one piece
//! of markup the page injects, and [`Prose`] the one place that does it.

use leptos::prelude::*;

/// A block of lesson prose. The only `inner_html` of the site: `html` is
/// output of the sanitising Markdown renderer, never text from the learner
/// or the lab.
#[component]
pub fn Prose(html: String) -> impl IntoView {
    view! { <div class="prose" inner_html=html></div> }
}
