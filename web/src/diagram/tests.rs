//! The diagram's markup, rendered natively to HTML: the selectors and
//! classes the browser tests (e2e/tests/site.test.mjs) and the stylesheet use.

use super::*;
use lab_protocol::{TraceStep, TraceView};
use sim_core::Lab;

use crate::native_render::owner;

fn lab_after(lines: &[&str]) -> LabSignals {
    let mut lab = Lab::new();
    for l in lines {
        lab.run(l);
    }
    let signals = LabSignals::new();
    signals.snapshot.set(Arc::new(lab.snapshot()));
    signals
}

fn render(lab: LabSignals) -> String {
    view! { <Diagram lab /> }.to_html()
}

/// The element that opens with `<TAG` and carries `attr`, up to its `>`.
fn tag<'a>(html: &'a str, tag: &str, attr: &str) -> &'a str {
    let at = html.find(attr).unwrap_or_else(|| panic!("{attr} not in {html}"));
    let start = html[..at].rfind(&format!("<{tag}")).unwrap();
    &html[start..at + html[at..].find('>').unwrap() + 1]
}

/// The classes of that element.
fn classes<'a>(html: &'a str, t: &str, attr: &str) -> Vec<&'a str> {
    let el = tag(html, t, attr);
    let Some(at) = el.find(r#"class=""#) else { return Vec::new() };
    let rest = &el[at + 7..];
    rest[..rest.find('"').unwrap()].split_whitespace().collect()
}

const VETH: &[&str] = &[
    "ip link add tap1 type veth peer name tap2",
    "ip netns add orange",
    "ip netns add green",
    "ip link set tap1 netns orange",
    "ip link set tap2 netns green",
];

#[test]
fn boxes_tiles_cable_and_text_view() {
    let _owner = owner();
    let html = render(lab_after(VETH));
    assert!(tag(&html, "svg", r#"data-testid="diagram""#).contains("diagram-svg"));
    for ns in ["host", "orange", "green"] {
        assert_eq!(classes(&html, "g", &format!(r#"data-ns="{ns}""#))[0], "ns", "{ns}");
    }
    assert_eq!(classes(&html, "g", r#"data-ns="host""#), ["ns", "ns-host"]);
    // Each tile inside its box, the box's rect.ns-box its first child.
    let orange = &html[html.find(r#"data-ns="orange""#).unwrap()..html.find(r#"data-ns="green""#).unwrap()];
    assert!(orange.contains(r#"data-link="tap1""#), "{orange}");
    let first = orange.split_once('>').unwrap().1;
    assert!(first.starts_with("<rect") && first.split_once('>').unwrap().0.contains(r#"class="ns-box""#), "{orange}");
    assert_eq!(classes(&html, "g", r#"data-link="tap1""#), ["port", "st-down"]);
    assert_eq!(html.matches(r#"class="cable"#).count(), 1, "one cable for the pair");
    assert_eq!(html.matches(r#"r="4.5""#).count(), 2, "a jack at each end");
    assert!(html.contains("tap1 (veth), state DOWN, cable to tap2 in green"), "text view");
    assert_eq!(classes(&html, "div", r#"aria-label="Network state as text""#), ["diagram-text", "sr-only"]);
    assert!(tag(&html, "div", r#"data-testid="trace""#).contains("hidden"), "no trace yet");
    assert!(html.contains(r#"data-testid="trace-replay""#));
}

#[test]
fn what_differs_from_a_paired_vm_gets_its_class() {
    let _owner = owner();
    let lab = lab_after(VETH);
    lab.differs.set(Arc::new(["ns/orange", "link/green/tap2"].into_iter().map(|k| (k.to_string(), ())).collect()));
    let html = render(lab);
    assert_eq!(classes(&html, "g", r#"data-ns="orange""#), ["ns", "differs"]);
    assert_eq!(classes(&html, "g", r#"data-link="tap2""#), ["port", "st-down", "differs"]);
    assert_eq!(classes(&html, "g", r#"data-ns="green""#), ["ns"]);
}

#[test]
fn what_changed_and_the_lit_step_get_their_classes() {
    let _owner = owner();
    let lab = lab_after(VETH);
    lab.changed.set(Arc::new(["ns/green", "link/orange/tap1"].into_iter().map(|k| (k.to_string(), ())).collect()));
    let step = |ns: &str, dev: Option<&str>, drop| TraceStep {
        ns: ns.into(),
        dev: dev.map(String::from),
        text: "✖ dropped: no route (ICMP)".into(),
        drop,
    };
    lab.trace.set(Some(Arc::new(TraceView {
        summary: "ping failed: no route in orange".into(),
        steps: vec![step("orange", Some("tap1"), false), step("orange", Some("tap1"), true)],
    })));
    let html = view! { <Diagram lab /> }.to_html();
    assert_eq!(classes(&html, "g", r#"data-ns="green""#), ["ns", "changed"]);
    assert_eq!(classes(&html, "g", r#"data-link="tap1""#), ["port", "st-down", "changed"]);
    assert_eq!(classes(&html, "g", r#"data-ns="orange""#), ["ns"]);
    assert_eq!(classes(&html, "path", r#"<title>veth pair"#), ["cable", "changed"], "a changed end lights its cable");
    let trace = tag(&html, "div", r#"data-testid="trace""#);
    assert!(!trace.contains("hidden"), "{trace}");
    assert!(html.contains("ping failed: no route in orange"));
    assert!(html.contains(r#"<li class="tr-drop""#) && html.contains("<strong>✖ dropped"), "{html}");
    assert!(html.contains(r#"<span class="tr-at">orange · tap1</span>"#));
}

#[test]
fn a_large_lab_is_summarised() {
    let _owner = owner();
    let mut lines = Vec::new();
    for i in 0..500 {
        lines.push(format!("ip netns add ns{i}"));
    }
    let lab = lab_after(&lines.iter().map(String::as_str).collect::<Vec<_>>());
    lab.changed.set(Arc::new([("ns/ns42".to_string(), ())].into_iter().collect()));
    let html = render(lab);
    assert_eq!(html.matches("data-ns=").count(), 501, "every namespace findable by data-ns");
    assert_eq!(html.matches("ns-chip").count(), 499);
    assert_eq!(classes(&html, "g", r#"data-ns="ns42""#), ["ns", "changed"], "drawn in full");
    assert_eq!(classes(&html, "g", r#"data-ns="ns43""#), ["ns", "ns-chip"]);
    assert!(html.contains("499 more namespaces as chips:"));
}

#[test]
fn the_lit_step_marks_its_interface_or_its_box() {
    let _owner = owner();
    let lab = lab_after(VETH);
    let snap = lab.snapshot.get_untracked();
    let drawn = Memo::new(move |_| {
        let l =
            layout::draw(&snap, &mut Memory::default(), &layout::KeySet::new(), layout::Shown::default(), layout::COLS);
        Arc::new(l)
    });
    let at = |ns: &str, dev: Option<&str>, drop| Some(Lit { ns: ns.into(), dev: dev.map(String::from), drop });
    for (lit, attr, want) in [
        (at("orange", Some("tap1"), false), r#"data-link="tap1""#, vec!["port", "st-down", "tr-on"]),
        (at("green", Some("tap2"), true), r#"data-link="tap2""#, vec!["port", "st-down", "tr-on", "tr-bad"]),
        (at("green", None, false), r#"data-ns="green""#, vec!["ns", "tr-on"]),
        (at("green", Some("tap2"), false), r#"data-ns="green""#, vec!["ns"]),
    ] {
        let lit = Memo::new(move |_| lit.clone());
        let ctx = Ctx { drawn, changed: lab.changed, differs: lab.differs, lit };
        let html = view! { <Picture ctx version=lab.version node=NodeRef::new() /> }.to_html();
        assert_eq!(classes(&html, "g", attr), want, "{attr}");
    }
}

#[test]
fn the_lit_step_is_marked_in_the_list() {
    let _owner = owner();
    let step = |text: &str, drop| TraceStep { ns: "red".into(), dev: Some("veth-red".into()), text: text.into(), drop };
    let trace = RwSignal::new(Some(Arc::new(TraceView {
        summary: "ping failed".into(),
        steps: vec![step("sends", false), step("✖ dropped: no route (ICMP)", true)],
    })));
    let lit = RwSignal::new(Some(1));
    let html = view! { <TracePanel trace lit on_replay=|| {} list=NodeRef::new() /> }.to_html();
    assert_eq!(classes(&html, "li", "sends</li>"), Vec::<&str>::new());
    assert_eq!(classes(&html, "li", "<strong>✖ dropped"), ["tr-drop", "tr-on", "tr-bad"]);
}
