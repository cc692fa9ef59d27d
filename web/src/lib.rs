//! nslab's site: a terminal on a simulated Linux host, a live diagram of its
//! network, and lessons that check what the learner built.
//!
//! Pure logic (check language, lessons, sessions, completion, layout) is in
//! modules with native unit tests; the Leptos components only draw it.

pub mod ansi;
pub mod checks;
pub mod complete;
pub mod lab_session;
pub mod layout;
pub mod lesson;
#[cfg(test)]
mod lesson_md;
pub mod session;
pub mod verify;

pub fn mount() {}
