//! The diagram's state as sentences, for screen readers and for copying:
//! one list item per namespace, keyed by name, redrawn only when that
//! namespace changed.

use super::interface::kind_label;
use leptos::prelude::*;
use sim_core::snapshot::NsView;
use sim_core::Snapshot;
use std::sync::Arc;

/// One namespace in words: keyed by them, so an item is drawn anew when
/// its namespace changed and never updated in place.
#[derive(Clone, Debug, Hash)]
struct Said {
    heading: String,
    /// Each line with its class: interfaces plain, `row-head` for the
    /// headings of routes and neighbours, `row-code` for those.
    rows: Vec<(&'static str, String)>,
}

fn said(ns: &NsView) -> Said {
    let heading = match &ns.name {
        None => "host".to_string(),
        Some(n) => format!("namespace {n}"),
    };
    let mut rows: Vec<(&'static str, String)> = ns.links.iter().map(|l| ("", sentence(l))).collect();
    let lists = [
        ("Routes:", &ns.routes),
        ("IPv6 routes:", &ns.routes6),
        ("Neighbours:", &ns.neighbours),
        ("IPv6 neighbours:", &ns.neighbours6),
        ("Sockets:", &ns.sockets),
    ];
    for (head, lines) in lists {
        if !lines.is_empty() {
            rows.push(("row-head", head.to_string()));
            rows.extend(lines.iter().map(|l| ("row-code", l.clone())));
        }
    }
    Said { heading, rows }
}

#[component]
pub fn TextView(snapshot: RwSignal<Arc<Snapshot>>) -> impl IntoView {
    let namespaces = move || snapshot.with(|s| s.namespaces.iter().map(said).collect::<Vec<_>>());
    view! {
        <ul class="diagram-text-list">
            <For each=namespaces key=crate::layout::digest let:said>
                <NsText said />
            </For>
        </ul>
    }
}

/// One namespace: its interfaces, routes and neighbours.
#[component]
fn NsText(said: Said) -> impl IntoView {
    let rows = said.rows.into_iter().map(|(class, text)| view! { <li class=class>{text}</li> }).collect_view();
    view! {
        <li>
            <strong>{said.heading}</strong>
            <ul>{rows}</ul>
        </li>
    }
}

/// An interface in words, e.g. "tap1 (veth), state DOWN, cable to tap2 in green".
fn sentence(l: &sim_core::snapshot::LinkView) -> String {
    let mut s = format!("{} ({}), state {}", l.name, kind_label(l.kind), l.operstate);
    if !l.addrs.is_empty() {
        s += ", addresses ";
        s += &l.addrs.join(" ");
    }
    if let Some(p) = &l.peer {
        s += &format!(", cable to {} in {}", p.name, p.ns.as_deref().unwrap_or("host"));
    }
    if let Some(m) = &l.master {
        s += ", port of bridge ";
        s += m;
    }
    s
}
