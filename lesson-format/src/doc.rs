//! A lesson as the page fetches it: `lessons/SLUG.json`.
//!
//! The prerender tool writes it at build time; the page reads its prose when
//! the lesson opens, and the small loader in `web/boot.js` draws the whole
//! lesson from it before the wasm has arrived (so it carries the title,
//! the summary and the commands too, which the wasm also has in its index).

use serde::{Deserialize, Serialize};

/// The version of this file's shape; a page refuses another.
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonDoc {
    pub v: u32,
    pub slug: String,
    pub title: String,
    pub summary: String,
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
}

impl LessonDoc {
    /// Each section's prose blocks, in order (commands left out: the page's
    /// index has them).
    pub fn prose(&self) -> Vec<Vec<String>> {
        self.sections
            .iter()
            .map(|s| {
                s.blocks
                    .iter()
                    .filter_map(|b| match b {
                        BlockDoc::Html(h) => Some(h.clone()),
                        BlockDoc::Run(_) => None,
                    })
                    .collect()
            })
            .collect()
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
            sections: vec![SectionDoc {
                title: "a".into(),
                step: true,
                blocks: vec![BlockDoc::Html("<p>x</p>".into()), BlockDoc::Run(vec!["ip link".into()])],
            }],
        };
        let json = serde_json::to_string(&doc).unwrap();
        assert_eq!(
            json,
            r#"{"v":1,"slug":"s","title":"T","summary":"S","sections":[{"title":"a","step":true,"blocks":[{"html":"<p>x</p>"},{"run":["ip link"]}]}]}"#
        );
        assert_eq!(serde_json::from_str::<LessonDoc>(&json).unwrap(), doc);
        assert_eq!(doc.prose(), vec![vec!["<p>x</p>".to_string()]]);
    }
}
