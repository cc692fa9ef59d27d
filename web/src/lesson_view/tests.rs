use super::prose::LessonProse;
use crate::lesson::{Block, LESSONS};
use lesson_format::markdown::{read_lessons, to_doc};
use std::path::Path;

/// The index in the wasm and the files the page fetches come from the same
/// Markdown: every `Block::Prose` of a section has its text in the file.
#[test]
fn each_prose_block_of_the_index_has_its_text_in_the_lessons_file() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let docs = read_lessons(&dir).unwrap();
    assert_eq!(docs.len(), LESSONS.len());
    for (lesson, md) in LESSONS.iter().zip(&docs) {
        assert_eq!(lesson.slug, md.slug);
        let json = serde_json::to_string(&to_doc(md)).unwrap();
        let prose = LessonProse::from_json(&json).unwrap();
        let want: Vec<usize> =
            lesson.sections.iter().map(|s| s.blocks.iter().filter(|b| matches!(b, Block::Prose)).count()).collect();
        assert_eq!(prose.shape(), want, "{}", lesson.slug);
        assert!(!prose.block(0, 0).is_empty(), "{}: an introduction", lesson.slug);
    }
}

#[test]
fn a_file_of_another_version_is_refused() {
    let err = LessonProse::from_json(r#"{"v":2,"slug":"a","title":"","summary":"","sections":[]}"#).unwrap_err();
    assert!(err.contains("version 2"), "{err}");
    assert!(LessonProse::from_json("<html>").unwrap_err().contains("unreadable"));
}

#[test]
fn unevaluated_checks_are_labelled_and_not_met() {
    let veth = crate::lesson::Lesson::find("veth-pairs").unwrap();
    let (_, step) = veth.steps().nth(1).unwrap();
    let rows = super::unevaluated(step);
    assert!(rows.iter().any(|r| r.label.contains("link tap1 is a veth")), "{rows:?}");
    assert!(rows.iter().all(|r| !r.ok));
}
