//! A lesson as the page fetches it: `lessons/SLUG.json`.
//!
//! The prerender tool writes it at build time; the page reads it when the
//! lesson opens (its sections, prose, commands, and the checks it hands to
//! the lab), and the small loader in `web/boot.js` draws the lesson from it
//! before the wasm has arrived.

pub use crate::quiz::QuizDoc;
use serde::{Deserialize, Serialize};

/// The version of this file's shape; a page refuses another.
pub const VERSION: u32 = 4;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonDoc {
    pub v: u32,
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// The lab preset the lesson starts from (`preset:` in its front
    /// matter: `sim_core::lab::presets::NAMES`), rather than an empty host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<String>,
    /// Lines the lab runs before the learner's, unseen: the broken lab a
    /// troubleshooting lesson starts from (```` ```setup ```` blocks).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub setup: Vec<String>,
    pub sections: Vec<SectionDoc>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionDoc {
    /// Empty for the introduction.
    pub title: String,
    /// The section is a step (it has checks).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub step: bool,
    pub blocks: Vec<BlockDoc>,
    /// Check lines (`crate::checks`), which tick the step in the lab.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<String>,
    /// Paragraphs of the step's hint.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hints: Vec<String>,
    /// Commands that fix a troubleshooting step, shown only when asked for
    /// (```` ```solution ```` blocks); they count as the step's commands.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub solution: Vec<String>,
}

/// Prose and commands in the order the lesson has them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockDoc {
    /// Prose rendered from Markdown at build time, raw HTML escaped: the only
    /// markup the page injects.
    Html(String),
    /// Shell lines, one button each.
    Run(Vec<String>),
    /// A question with its choices ([`crate::quiz`]): text, never markup.
    Quiz(QuizDoc),
}

impl SectionDoc {
    /// The section's commands as a learner runs them: those it shows, then
    /// its solution's (a troubleshooting step's fix).
    pub fn commands(&self) -> impl Iterator<Item = &String> {
        let shown = self.blocks.iter().flat_map(|b| match b {
            BlockDoc::Run(lines) => lines.as_slice(),
            BlockDoc::Html(_) | BlockDoc::Quiz(_) => &[],
        });
        shown.chain(&self.solution)
    }
}

impl LessonDoc {
    /// The sections that are steps, in order.
    pub fn steps(&self) -> impl Iterator<Item = &SectionDoc> {
        self.sections.iter().filter(|s| s.step)
    }

    /// The lesson's questions, in order.
    pub fn quizzes(&self) -> impl Iterator<Item = &QuizDoc> {
        self.sections.iter().flat_map(|s| &s.blocks).filter_map(|b| match b {
            BlockDoc::Quiz(q) => Some(q),
            _ => None,
        })
    }

    /// Each step's check lines, as the lab evaluates them.
    pub fn step_checks(&self) -> Vec<Vec<String>> {
        self.steps().map(|s| s.checks.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_travel_as_small_tagged_objects() {
        let doc = LessonDoc {
            v: VERSION,
            slug: "s".into(),
            title: "T".into(),
            summary: "S".into(),
            preset: None,
            setup: Vec::new(),
            sections: vec![SectionDoc {
                title: "a".into(),
                step: true,
                blocks: vec![BlockDoc::Html("<p>x</p>".into()), BlockDoc::Run(vec!["ip link".into()])],
                checks: vec!["link a exists".into()],
                hints: Vec::new(),
                solution: Vec::new(),
            }],
        };
        let json = serde_json::to_string(&doc).unwrap();
        assert_eq!(
            json,
            r#"{"v":4,"slug":"s","title":"T","summary":"S","sections":[{"title":"a","step":true,"blocks":[{"html":"<p>x</p>"},{"run":["ip link"]}],"checks":["link a exists"]}]}"#
        );
        assert_eq!(serde_json::from_str::<LessonDoc>(&json).unwrap(), doc);
        assert_eq!(doc.step_checks(), vec![vec!["link a exists".to_string()]]);
    }
}
