//! The lab's side of the page: what runs in the Web Worker. It owns the
//! simulator, replays sessions, evaluates a lesson's checks and explains
//! packet traces, and speaks only [`lab_protocol`] to the page. Nothing here
//! touches the DOM, and no page module reaches in here except the worker's
//! entry point (`tests/boundaries.rs` keeps it so).

pub mod host;
pub mod session;
pub mod text_tools;
pub mod trace;
pub mod worker;
pub use lesson_format::{progress, verify};
