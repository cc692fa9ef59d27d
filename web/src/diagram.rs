//! The live diagram: namespaces as boxes, interfaces as ports, veth pairs as
//! cables, bridges as switches. Geometry comes from `layout.rs`.

use crate::layout::{self, Frame, Layout, PortState, Slots, Tile, TILE_H, TILE_W};
use crate::shell::Shell;
use leptos::prelude::*;
use sim_core::snapshot::LinkKind;
use sim_core::Snapshot;
use std::collections::BTreeSet;

/// A colour for a namespace: its own name when it is one, else by cell.
fn ns_colour(name: &str, slot: usize) -> &'static str {
    const NAMED: &[(&str, &str)] = &[
        ("orange", "#f0883e"),
        ("green", "#3fb950"),
        ("red", "#f85149"),
        ("blue", "#58a6ff"),
        ("purple", "#bc8cff"),
        ("yellow", "#e3b341"),
        ("pink", "#f778ba"),
        ("cyan", "#39c5cf"),
    ];
    const PALETTE: &[&str] = &["#f0883e", "#3fb950", "#bc8cff", "#39c5cf", "#f778ba", "#e3b341"];
    NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| *c).unwrap_or(PALETTE[slot % PALETTE.len()])
}

fn state_class(s: PortState) -> &'static str {
    match s {
        PortState::Up => "port st-up",
        PortState::Down => "port st-down",
        PortState::NoCarrier => "port st-nocarrier",
    }
}

fn state_icon(s: PortState) -> &'static str {
    match s {
        PortState::Up => "▲",
        PortState::Down => "▽",
        PortState::NoCarrier => "⚠",
    }
}

fn kind_label(k: LinkKind) -> &'static str {
    match k {
        LinkKind::Loopback => "loopback",
        LinkKind::Veth => "veth",
        LinkKind::Bridge => "bridge",
    }
}

fn tile_view(t: Tile, changed: bool) -> impl IntoView {
    let (x, y) = (t.x, t.y);
    let addr_lines: Vec<String> = if t.addrs.is_empty() {
        vec!["no address".into()]
    } else if t.addrs.len() > 2 {
        vec![t.addrs[0].clone(), format!("{} +{}", t.addrs[1], t.addrs.len() - 2)]
    } else {
        t.addrs.clone()
    };
    let no_addr = t.addrs.is_empty();
    let title = format!(
        "{} ({}) state {}{}{}",
        t.name,
        kind_label(t.kind),
        t.operstate,
        if t.addrs.is_empty() { String::new() } else { format!(", {}", t.addrs.join(", ")) },
        t.master.as_ref().map(|m| format!(", port of {m}")).unwrap_or_default()
    );
    let is_bridge = t.kind == LinkKind::Bridge;
    view! {
        <g class=state_class(t.state) class:changed=changed class:bridge=is_bridge data-link=t.name.clone()>
            <title>{title}</title>
            <rect class="port-box" x=x y=y width=TILE_W height=TILE_H rx="6" />
            {is_bridge.then(|| view! {
                <g class="switch-ports">
                    {(0..6).map(|i| view! { <rect x=x + 38.0 + i as f32 * 14.0 y=y + TILE_H - 9.0 width="9" height="5" rx="1" /> }).collect_view()}
                </g>
            })}
            <text class="port-name" x=x + 10.0 y=y + 18.0>{t.name.clone()}</text>
            <text class="port-kind" x=x + TILE_W - 8.0 y=y + 17.0 text-anchor="end">{kind_label(t.kind)}</text>
            {addr_lines.into_iter().enumerate().map(|(i, a)| view! {
                <text class="port-addr" class:dim=no_addr x=x + 10.0 y=y + 33.0 + i as f32 * 12.0>{a}</text>
            }).collect_view()}
            <text class="port-state" x=x + 10.0 y=y + TILE_H - 7.0>{format!("{} {}", state_icon(t.state), t.operstate)}</text>
        </g>
    }
}

fn frame_view(f: Frame, changed: &BTreeSet<String>) -> impl IntoView {
    let colour = if f.is_host { "#8b949e" } else { ns_colour(&f.ns, f.slot) };
    let label = if f.is_host { "host (initial namespace)".to_string() } else { format!("netns {}", f.ns) };
    let is_changed = changed.contains(&f.key);
    let empty = f.tiles.is_empty();
    let (x, y, w, notes_y) = (f.x, f.y, f.w, f.notes_y);
    let tiles = f.tiles.into_iter().map(|t| {
        let c = changed.contains(&t.key);
        tile_view(t, c)
    });
    view! {
        <g class="ns" class:ns-host=f.is_host class:changed=is_changed data-ns=f.ns.clone() style=format!("--ns: {colour}")>
            <rect class="ns-box" x=x y=y width=w height=f.h rx="10" />
            <rect class="ns-tab" x=x y=y width=w height="26" rx="10" />
            <text class="ns-name" x=x + 12.0 y=y + 18.0>{label}</text>
            {empty.then(|| view! { <text class="ns-empty" x=x + 12.0 y=y + 54.0>"no interfaces"</text> })}
            {tiles.collect_view()}
            {f.notes.into_iter().enumerate().map(|(i, n)| {
                let head = !n.starts_with(' ') && n.ends_with(':') || n.ends_with("none");
                view! { <text class="ns-note" class:note-head=head x=x + 12.0 y=notes_y + 4.0 + i as f32 * layout::NOTE_H>{n}</text> }
            }).collect_view()}
        </g>
    }
}

fn svg_view(l: Layout, changed: BTreeSet<String>, version: u64) -> impl IntoView {
    let jacks: Vec<((f32, f32), bool)> = l.cables.iter().flat_map(|c| c.ends.map(|e| (e, c.up))).collect();
    let cables = l.cables.into_iter().map(|c| {
        let hl = changed.iter().any(|k| c.key.contains(k.as_str()));
        view! {
            <path class="cable" class:cable-up=c.up class:changed=hl d=c.d><title>{c.label}</title></path>
        }
    });
    let jacks =
        jacks.into_iter().map(|((x, y), up)| view! { <circle class="jack" class:jack-up=up cx=x cy=y r="4.5" /> });
    let wires = l.wires.into_iter().map(|(_, d)| view! { <path class="wire" d=d /> });
    let summary = format!(
        "Network diagram, {} namespace(s) besides the host; the text view below lists the same.",
        l.frames.len() - 1
    );
    let frames: Vec<Frame> = l.frames;
    let h = l.height + 8.0;
    view! {
        <svg
            class="diagram-svg"
            data-testid="diagram"
            data-version=version
            viewBox=format!("-4 -4 {} {h}", l.width + 8.0)
            role="img"
            aria-label=summary
        >
            // Lines first: tiles hide them where they pass behind a port.
            {wires.collect_view()}
            {cables.collect_view()}
            {frames.into_iter().map(|f| frame_view(f, &changed)).collect_view()}
            {jacks.collect_view()}
        </svg>
    }
}

/// The same state as sentences, for screen readers and for copying.
fn text_view(snap: &Snapshot) -> impl IntoView {
    let items = snap.namespaces.iter().map(|ns| {
        let name = layout::ns_label(&ns.name);
        let links = ns.links.iter().map(|l| {
            let mut s = format!("{} ({}), state {}", l.name, kind_label(l.kind), l.operstate);
            if !l.addrs.is_empty() {
                s += &format!(", addresses {}", l.addrs.join(" "));
            }
            if let Some(p) = &l.peer {
                s += &format!(", cable to {} in {}", p.name, layout::ns_label(&p.ns));
            }
            if let Some(m) = &l.master {
                s += &format!(", port of bridge {m}");
            }
            view! { <li>{s}</li> }
        });
        let routes = ns.routes.iter().map(|r| view! { <li><code>{r.clone()}</code></li> });
        let neigh = ns.neighbours.iter().map(|r| view! { <li><code>{r.clone()}</code></li> });
        view! {
            <li>
                <strong>{if ns.name.is_none() { "host".to_string() } else { format!("namespace {name}") }}</strong>
                <ul>{links.collect_view()}</ul>
                {(!ns.routes.is_empty()).then(|| view! { <div>"Routes:"</div><ul>{routes.collect_view()}</ul> })}
                {(!ns.neighbours.is_empty()).then(|| view! { <div>"Neighbours:"</div><ul>{neigh.collect_view()}</ul> })}
            </li>
        }
    });
    view! { <ul class="diagram-text-list">{items.collect_view()}</ul> }
}

#[component]
pub fn Diagram() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let notes = RwSignal::new(false);
    let text = RwSignal::new(false);
    let slots = StoredValue::new(Slots::default());
    // Phones get one column; chosen once so that the layout stays put.
    let narrow = window().inner_width().ok().and_then(|w| w.as_f64()).is_some_and(|w| w < 700.0);
    let cols = if narrow { 1 } else { layout::COLS };

    // The highlight of what changed fades after a moment.
    Effect::new(move |_| {
        if !shell.changed.with(|c| c.is_empty()) {
            let v = shell.version.get_untracked();
            gloo_timers::callback::Timeout::new(2200, move || {
                if shell.version.get_untracked() == v {
                    shell.changed.set(BTreeSet::new());
                }
            })
            .forget();
        }
    });

    let picture = move || {
        let snap = shell.snap.get();
        let mut s = slots.get_value();
        let l = layout::layout(&snap, &mut s, notes.get(), cols);
        slots.set_value(s);
        svg_view(l, shell.changed.get(), shell.version.get_untracked())
    };

    view! {
        <section class="diagram" id="diagram" aria-labelledby="diagram-title">
            <div class="panel-head">
                <h2 id="diagram-title">"Network"</h2>
                <div class="legend" aria-hidden="true">
                    <span class="lg lg-up">"▲ up"</span>
                    <span class="lg lg-nocarrier">"⚠ no carrier"</span>
                    <span class="lg lg-down">"▽ down"</span>
                </div>
                <label class="toggle">
                    <input type="checkbox" prop:checked=move || notes.get() on:change=move |ev| notes.set(event_target_checked(&ev)) />
                    " Routes & neighbours"
                </label>
                <label class="toggle">
                    <input type="checkbox" prop:checked=move || text.get() on:change=move |ev| text.set(event_target_checked(&ev)) />
                    " Text view"
                </label>
            </div>
            <div class="diagram-scroll">{picture}</div>
            <div class="diagram-text" class:sr-only=move || !text.get() aria-label="Network state as text">
                {move || text_view(&shell.snap.get())}
            </div>
        </section>
    }
}
