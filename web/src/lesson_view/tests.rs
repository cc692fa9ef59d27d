use crate::lesson::{read_doc, Lesson};
use lesson_format::markdown::{read_lessons, to_doc};
use std::path::Path;

use crate::native_render::owner;
use leptos::prelude::*;

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

/// The sandbox's menu offers every preset (and the empty host), each a
/// link to its route.
#[test]
fn the_preset_menu_offers_every_preset() {
    let _owner = owner();
    let html = view! { <super::PresetMenu /> }.to_html();
    let links: Vec<&str> = html.split(r##"href="#"##).skip(1).map(|l| &l[..l.find('"').unwrap()]).collect();
    let mut want = vec!["/sandbox".to_string()];
    want.extend(sim_core::lab::presets::NAMES.iter().map(|n| format!("/sandbox/preset/{n}")));
    assert_eq!(links, want, "{html}");
    for n in sim_core::lab::presets::NAMES {
        assert!(html.contains(&format!(r#"data-testid="preset-{n}""#)), "{n}");
    }
    assert!(html.contains(r#"data-testid="preset-menu""#) && html.contains(r#"data-testid="preset-none""#));
}
