//! A lesson written to attack the page (`tests/data/hostile.md`): raw HTML,
//! script addresses spelled every way, SVG, entity tricks. What the reader
//! makes of it must be inert markup; the page's browser test
//! (`e2e/tests/studio.test.mjs`) opens the same file and checks that
//! nothing ran.

use lesson_format::doc::BlockDoc;
use lesson_format::markdown::{parse_lesson, safe_url, to_doc};

fn prose() -> String {
    let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/hostile.md")).unwrap();
    let doc = to_doc(&parse_lesson("hostile", &src).unwrap());
    let mut html = String::new();
    for s in &doc.sections {
        for b in &s.blocks {
            if let BlockDoc::Html(h) = b {
                html += h;
            }
        }
    }
    html
}

#[test]
fn no_markup_of_the_author_survives() {
    let html = prose().to_ascii_lowercase();
    for tag in ["<script", "<img", "<svg", "<iframe", "<b ", "<b>"] {
        assert!(!html.contains(tag), "{tag} in {html}");
    }
    for attr in ["onerror=", "onload=", "onclick=", "onmouseover="] {
        // Only as escaped text: never inside a tag of the output.
        for (i, _) in html.match_indices(attr) {
            let before = &html[..i];
            assert!(before.rfind('<') < before.rfind('>'), "{attr} inside a tag in {html}");
        }
    }
}

#[test]
fn no_address_can_run_script() {
    let html = prose();
    // Every tag of the output, and each address in it.
    let tags = html.split('<').skip(1).map(|t| &t[..t.find('>').unwrap()]);
    for tag in tags {
        for attr in tag.split(' ').skip(1) {
            assert!(!attr.starts_with("on"), "{tag}");
            if let Some(url) = attr.strip_prefix("href=\"").or(attr.strip_prefix("src=\"")) {
                assert!(url.starts_with("https://"), "{tag} in {html}");
            }
        }
    }
    assert!(html.contains("<a href=\"https://example.org/a?b=1#c\">fine</a>"), "{html}");
    // The unsafe links keep their text.
    for text in ["plain", "cased", "entity", "escaped", "data", "vb", "reference", "alt one"] {
        assert!(html.contains(text), "{text} in {html}");
    }
}

#[test]
fn addresses_are_judged_as_a_browser_reads_them() {
    for ok in ["https://a.b/c", "http://x", "mailto:a@b", "lessons/x.md", "#top", "//host/x", "a/b:c", "?q=a:b"] {
        assert!(safe_url(ok), "{ok}");
    }
    for bad in [
        "javascript:x",
        " JavaScript:x",
        "java\tscript:x",
        "java\u{0}script:x",
        "data:text/html,x",
        "vbscript:x",
        "file:///etc/passwd",
        "blob:x",
    ] {
        assert!(!safe_url(bad), "{bad}");
    }
}
