//! The diagram's state as sentences, for screen readers and for copying:
//! one list item per namespace, keyed by name, redrawn only when that
//! namespace changed.

use super::interface::kind_label;
use leptos::prelude::*;
use sim_core::snapshot::NsView;
use sim_core::Snapshot;
use std::collections::HashMap;
use std::sync::Arc;

#[component]
pub fn TextView(snapshot: RwSignal<Arc<Snapshot>>) -> impl IntoView {
    // Namespace name → index in the snapshot, so each item finds its own at once.
    let index = Memo::new(move |_| {
        snapshot.with(|s| {
            Arc::new(s.namespaces.iter().enumerate().map(|(i, n)| (n.name.clone(), i)).collect::<HashMap<_, _>>())
        })
    });
    let names = move || snapshot.with(|s| s.namespaces.iter().map(|n| n.name.clone()).collect::<Vec<_>>());
    view! {
        <ul class="diagram-text-list">
            <For each=names key=|n| n.clone() let:name>
                <NsText snapshot index name />
            </For>
        </ul>
    }
}

/// One namespace: its interfaces, routes and neighbours.
#[component]
fn NsText(
    snapshot: RwSignal<Arc<Snapshot>>,
    index: Memo<Arc<HashMap<Option<String>, usize>>>,
    name: Option<String>,
) -> impl IntoView {
    let heading = match &name {
        None => "host".to_string(),
        Some(n) => format!("namespace {n}"),
    };
    let ns = Memo::new(move |_| {
        let i = index.with(|m| m.get(&name).copied())?;
        snapshot.with(|s| s.namespaces.get(i).cloned())
    });
    let links = move || ns.with(|ns| ns.iter().flat_map(|ns| ns.links.iter().map(sentence)).collect::<Vec<_>>());
    view! {
        <li>
            <strong>{heading}</strong>
            <ul>
                <For each=links key=|l| l.clone() let:l>
                    <li>{l}</li>
                </For>
            </ul>
            <Rows ns head="Routes:" get=|n| &n.routes />
            <Rows ns head="Neighbours:" get=|n| &n.neighbours />
        </li>
    }
}

/// A namespace's routes or neighbours under a heading, when it has some.
#[component]
fn Rows(ns: Memo<Option<NsView>>, head: &'static str, get: fn(&NsView) -> &Vec<String>) -> impl IntoView {
    let rows = move || {
        ns.with(|n| n.as_ref().map(|n| get(n).iter().cloned().enumerate().collect::<Vec<_>>()).unwrap_or_default())
    };
    view! {
        <Show when=move || ns.with(|n| n.as_ref().is_some_and(|n| !get(n).is_empty()))>
            <div>{head}</div>
            <ul>
                <For each=rows key=|r| r.clone() let:r>
                    <li><code>{r.1}</code></li>
                </For>
            </ul>
        </Show>
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
