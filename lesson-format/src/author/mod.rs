//! The core of the lesson builder: an instructor records a lesson in a
//! sandbox page, step by step, and the page turns the recording into a
//! lesson file.
//!
//! - [`Draft`] is the lesson being built, as the page keeps it (it derives
//!   serde's traits, so the page may keep it in `localStorage`).
//! - [`to_markdown`] writes a draft as a lesson file in the format
//!   [`crate::markdown::parse_lesson`] reads (`content/README.md`), always
//!   well formed: what the draft holds reads back, in the same sections,
//!   whatever its prose contains ([`tidy`] says what is adjusted).
//! - [`problems`] lists what would still make the file refused (a lesson
//!   with no step, a check that does not parse), each with its step.
//! - [`suggest`] proposes checks for a step from what its commands changed in
//!   the lab (two [`sim_core::Snapshot`]s) and the command lines it ran.
//!
//! Behind the `author` feature (`render` for the Markdown, `verify` for the
//! lab's picture).

mod markdown;
mod prose;
mod suggest;

pub use markdown::{tidy, to_markdown, NO_SUMMARY, UNTITLED};
pub use suggest::{suggest, MAX_SUGGESTIONS};

use crate::checks;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A lesson being built.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub title: String,
    /// One sentence shown under the title and in the lesson list.
    pub summary: String,
    /// Markdown prose before the first step.
    pub intro: String,
    pub steps: Vec<DraftStep>,
}

/// One `##` section of a draft: a step once it has a check.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DraftStep {
    pub title: String,
    /// Markdown prose before the step's commands.
    pub prose: String,
    /// Command lines, one button each.
    pub commands: Vec<String>,
    /// Check lines in the check language ([`crate::checks`]).
    pub checks: Vec<String>,
    /// Hints, each its own `hint` block (plain text, several lines allowed).
    pub hints: Vec<String>,
}

/// Why the file a draft makes would be refused by the site's build and by
/// `lab-agent lesson check`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// No section has a check, so the lesson has no step.
    NoStep,
    /// A check line that does not parse.
    BadCheck {
        /// The step's place in [`Draft::steps`], from 1.
        step: usize,
        /// The step's title as written (`Step N` when left empty).
        title: String,
        /// The line as written to the file.
        check: String,
        /// What the check language says about it.
        error: String,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NoStep => f.write_str("the lesson needs at least one step with a check"),
            // The check language's message quotes the line.
            Problem::BadCheck { step, title, error, .. } => write!(f, "step {step} `{title}`: {error}"),
        }
    }
}

impl std::error::Error for Problem {}

/// What would make [`to_markdown`]'s file refused, in the draft's order;
/// empty when it reads as a lesson. A step without checks is no problem in
/// itself (it is written as a section of prose), as long as some step has
/// one.
pub fn problems(d: &Draft) -> Vec<Problem> {
    let mut found = Vec::new();
    let mut any_check = false;
    for (i, step) in d.steps.iter().enumerate() {
        let title = markdown::step_title(i, &step.title);
        for check in markdown::lines_of(&step.checks) {
            any_check = true;
            if let Err(e) = checks::parse(&check) {
                found.push(Problem::BadCheck { step: i + 1, title: title.clone(), check, error: e.0 });
            }
        }
    }
    if !any_check {
        found.insert(0, Problem::NoStep);
    }
    found
}

#[cfg(test)]
mod tests;
