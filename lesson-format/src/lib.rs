//! nslab's lessons as files.
//!
//! A lesson is one Markdown file in `content/` (its format is documented for
//! authors in `content/README.md`). The build splits it in two:
//!
//! - the **index** (title, menu name, summary, section titles, commands,
//!   checks, hints) is compiled into the site's wasm by `web/build.rs`, so
//!   the page can list lessons, run their commands and send their checks to
//!   the lab without a round trip;
//! - the **prose** (the Markdown rendered to HTML, raw HTML escaped) becomes
//!   `lessons/SLUG.json` ([`doc::LessonDoc`]), which the page fetches when
//!   the lesson opens; the `prerender` tool writes these files and the
//!   frame the page paints before its wasm runs.
//!
//! So adding a lesson grows the first load by its index entry only.
//!
//! [`checks`] is the check language steps are ticked with; it needs no
//! Markdown and is what the page and the lab use. The Markdown side is behind
//! the `render` feature.

pub mod checks;
pub mod doc;
#[cfg(feature = "render")]
pub mod markdown;
#[cfg(feature = "render")]
pub mod render;
