use crate::lesson::{read_doc, Lesson};
use lesson_format::markdown::{read_lessons, to_doc};
use std::path::Path;

#[test]
fn unevaluated_checks_are_labelled_and_not_met() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let md = read_lessons(&dir).unwrap().into_iter().find(|l| l.slug == "veth-pairs").unwrap();
    let doc = read_doc(&serde_json::to_string(&to_doc(&md)).unwrap()).unwrap();
    assert!(Lesson::find("veth-pairs").is_some());
    let rows = super::unevaluated(doc.steps().nth(1).unwrap());
    assert!(rows.iter().any(|r| r.label.contains("link tap1 is a veth")), "{rows:?}");
    assert!(rows.iter().all(|r| !r.ok));
}
