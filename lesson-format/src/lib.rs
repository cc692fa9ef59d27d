//! nslab's lessons as files.
//!
//! A lesson is one Markdown file in `content/` (its format is documented for
//! authors in `content/README.md`). The build splits it in two:
//!
//! - the **index** (slug, title, menu name, summary, number of steps) is
//!   compiled into the site's wasm by `web/build.rs`, so the page can list
//!   the lessons and the learner's progress in each;
//! - **everything else** (section titles, the prose rendered to HTML with
//!   raw HTML escaped, commands, checks, hints) becomes `lessons/SLUG.json`
//!   ([`doc::LessonDoc`]), which the page fetches when the lesson opens and
//!   whose checks it hands to the lab; the `prerender` tool writes these
//!   files and the frame the page paints before its wasm runs.
//!
//! So adding a lesson grows the first load by its index entry only (about
//! a hundred bytes of text).
//!
//! [`checks`] is the check language steps are ticked with; it needs no
//! Markdown and is what the page and the lab use. The Markdown side is behind
//! the `render` feature; [`verify`] and [`progress`], which judge checks
//! against a lab's picture (the simulator's or a real kernel's), behind
//! `verify`.
//!
//! [`author`] is the core of the lesson builder, where an instructor records
//! a lesson in a sandbox page: a draft written as a lesson file, what would
//! still make it refused, and checks suggested from what a recorded step
//! changed in the lab. It is behind `author`.

#[cfg(feature = "author")]
pub mod author;
pub mod checks;
pub mod doc;
#[cfg(feature = "render")]
pub mod markdown;
#[cfg(feature = "verify")]
pub mod progress;
pub mod quiz;
#[cfg(feature = "render")]
pub mod render;
#[cfg(feature = "verify")]
pub mod verify;
