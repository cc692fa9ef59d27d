//! A block of lesson prose, shown by [`Prose`].
//!
//! The prose was rendered from the lesson's Markdown at build time with raw
//! HTML escaped (lesson-format's `markdown`) and arrives in the lesson's
//! file (`crate::lesson::load`), so it is the one piece of markup the page
//! injects, and [`Prose`] the one place that does it.

use leptos::prelude::*;

/// A block of lesson prose. The only `inner_html` of the site: `html` is
/// build-time output of the sanitising Markdown renderer, never text from
/// the learner or the lab.
#[component]
pub fn Prose(html: String) -> impl IntoView {
    view! { <div class="prose" inner_html=html></div> }
}
