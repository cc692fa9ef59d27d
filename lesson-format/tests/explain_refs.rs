//! Lesson prose may refer to a field of explained output by its key:
//! `[text](explain:KEY)` becomes an `<abbr>` titled with the meaning, and
//! an unknown key fails the lesson with its line.

use lesson_format::markdown::{parse_lesson, MdBlock};

const HEAD: &str = "---\ntitle: T\nsummary: S\n---\n\n## Step\n\n";
const CHECK: &str = "\n\n```check\nlink lo exists\n```\n";

fn prose(src: &str) -> Result<String, String> {
    let l = parse_lesson("t", &format!("{HEAD}{src}{CHECK}")).map_err(|e| e.to_string())?;
    Ok(l.sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            MdBlock::Html(h) => Some(h.clone()),
            _ => None,
        })
        .collect())
}

#[test]
fn a_reference_is_an_abbr_titled_with_the_meaning() {
    let html = prose("Look at the [state](explain:link.operstate) of tap1.").unwrap();
    let (title, meaning) = field_meanings::of("link.operstate").unwrap();
    assert!(html.contains("<abbr class=\"explain-ref\" data-explain=\"link.operstate\" title=\""), "{html}");
    assert!(html.contains(&format!("{title}: {}", &meaning[..20])), "{html}");
    assert!(html.contains(">state</abbr> of tap1."), "{html}");
}

#[test]
fn an_unknown_key_is_an_error_on_its_line() {
    let e = prose("Text.\n\nLook at [it](explain:link.nonsense).").unwrap_err();
    assert!(e.contains("no field of explained output is `link.nonsense`"), "{e}");
    assert!(e.starts_with("10: "), "{e}");
}

#[test]
fn a_title_is_escaped() {
    // Every meaning goes into an attribute: none may end it early.
    for (key, _, _) in field_meanings::all() {
        let html = prose(&format!("[x](explain:{key})")).unwrap();
        let open = html.split("<abbr").nth(1).unwrap();
        assert_eq!(open.matches('"').count() % 2, 0, "{key}: {html}");
    }
}
