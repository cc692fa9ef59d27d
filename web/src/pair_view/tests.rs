//! The pairing panel's and the side-by-side view's markup, rendered
//! natively: the attributes e2e/tests/pair.test.mjs reads.

use super::*;
use crate::pair::Diff;
use lab_protocol::{HostFacts, Refusal};
use std::sync::Arc;

use crate::native_render::owner;

fn panel(pair: Pairing) -> String {
    let act = PairActions { pair: Callback::new(|_| {}), unpair: Callback::new(|_| {}), mode: Callback::new(|_| {}) };
    view! { <PairPanel pair act /> }.to_html()
}

/// The element that opens with `<TAG` and carries `attr`, up to its `>`.
fn tag<'a>(html: &'a str, tag: &str, attr: &str) -> &'a str {
    let at = html.find(attr).unwrap_or_else(|| panic!("{attr} not in {html}"));
    let start = html[..at].rfind(&format!("<{tag}")).unwrap();
    &html[start..at + html[at..].find('>').unwrap() + 1]
}

#[test]
fn unpaired_the_vm_engines_are_disabled_and_sim_checked() {
    let _owner = owner();
    let html = panel(Pairing::new());
    let sim = tag(&html, "button", r#"data-testid="engine-sim""#);
    assert!(sim.contains(r#"aria-checked="true""#) && !sim.contains("disabled"), "{sim}");
    for m in ["vm", "both"] {
        let b = tag(&html, "button", &format!(r#"data-testid="engine-{m}""#));
        assert!(b.contains(r#"aria-checked="false""#) && b.contains("disabled"), "{b}");
    }
    assert!(tag(&html, "div", r#"data-testid="engine""#).contains(r#"role="radiogroup""#));
    assert!(html.contains("Not paired"), "{html}");
    assert!(tag(&html, "div", r#"data-testid="pair-ask""#).contains("hidden"));
    assert!(tag(&html, "button", r#"data-testid="pair-disconnect""#).contains("disabled"));
}

#[test]
fn paired_it_says_the_host_and_asks_before_a_session_runs_there() {
    let _owner = owner();
    let pair = Pairing::new();
    let host = HostFacts { hostname: "vm1".into(), kernel: "6.1.0-28-amd64".into(), ..HostFacts::default() };
    pair.status.set(Status::Paired(host));
    pair.mode.set(Mode::Both);
    pair.ask.set(Some((Mode::Vm, 3)));
    let html = panel(pair);
    let status = tag(&html, "p", r#"data-testid="pair-status""#);
    assert!(status.contains(r#"role="status""#));
    assert!(html.contains("connected to vm1 (Linux 6.1.0-28-amd64)"), "{html}");
    assert!(tag(&html, "button", r#"data-testid="engine-both""#).contains(r#"aria-checked="true""#));
    assert!(!tag(&html, "button", r#"data-testid="engine-vm""#).contains("disabled"));
    assert!(!tag(&html, "div", r#"data-testid="pair-ask""#).contains("hidden"));
    assert!(html.contains("This session has 3 command(s)."), "{html}");
    assert!(!tag(&html, "button", r#"data-testid="pair-disconnect""#).contains("disabled"));
}

#[test]
fn a_refusal_says_why() {
    let _owner = owner();
    let pair = Pairing::new();
    pair.status.set(Status::Refused(Refusal::Token, "wrong token".into()));
    assert!(panel(pair).contains("wrong token"));
}

#[test]
fn the_side_by_side_view_shows_sim_and_vm_with_both_only() {
    let _owner = owner();
    let pair = Pairing::new();
    let html = view! { <DiffView pair /> }.to_html();
    assert!(tag(&html, "section", r#"data-testid="diff-view""#).contains("hidden"), "hidden but with both");
    pair.mode.set(Mode::Both);
    pair.diffs.set(vec![Arc::new(Diff { id: 7, line: "hostname".into(), sim: "host\n".into(), vm: "vm1\n".into() })]);
    pair.state_diffs.set(vec!["netns blue: only on the vm".into()]);
    let html = view! { <DiffView pair /> }.to_html();
    assert!(!tag(&html, "section", r#"data-testid="diff-view""#).contains("hidden"));
    assert!(html.contains("1 line(s) printed otherwise"), "{html}");
    let row = &html[html.find(r#"data-testid="diff-row""#).unwrap()..];
    let cols: Vec<_> = row.match_indices("<h3>").map(|(i, _)| &row[i + 4..i + 6]).collect();
    assert_eq!(cols, ["si", "vm"], "{row}");
    assert!(row.contains("<pre>host\n</pre>") && row.contains("<pre>vm1\n</pre>"), "{row}");
    assert!(html.contains("The diagram marks what differs: netns blue: only on the vm."), "{html}");
}
