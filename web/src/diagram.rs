//! The live diagram: namespaces as boxes, interfaces as ports, veth pairs as
//! cables, bridges as switches. Geometry comes from `layout.rs`.

use crate::app::find;
use crate::html::Html;
use crate::layout::{self, Frame, Layout, PortState, Tile, TILE_H, TILE_W};
use crate::shell::Shell;
use crate::verify::World;
use leptos::prelude::*;
use sim_core::snapshot::LinkKind;
use sim_core::Snapshot;
use std::collections::BTreeSet;
use wasm_bindgen::JsCast;

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

fn tile_html(h: &mut Html, t: &Tile, changed: bool) {
    let (x, y) = (t.x, t.y);
    let is_bridge = t.kind == LinkKind::Bridge;
    h.r("<g class=\"").r(state_class(t.state));
    if changed {
        h.r(" changed");
    }
    if is_bridge {
        h.r(" bridge");
    }
    h.r("\"")
        .a("data-link", &t.name)
        .r("><title>")
        .t(&t.name)
        .r(" (")
        .r(kind_label(t.kind))
        .r(") state ")
        .t(&t.operstate);
    for a in &t.addrs {
        h.r(", ").t(a);
    }
    if let Some(m) = &t.master {
        h.r(", port of ").t(m);
    }
    h.r("</title><rect class=\"port-box\"")
        .an("x", x)
        .an("y", y)
        .an("width", TILE_W)
        .an("height", TILE_H)
        .r(" rx=\"6\"></rect>");
    if is_bridge {
        h.r("<g class=\"switch-ports\">");
        for i in 0..6 {
            h.r("<rect")
                .an("x", x + 38.0 + i as f64 * 14.0)
                .an("y", y + TILE_H - 9.0)
                .r(" width=\"9\" height=\"5\" rx=\"1\"></rect>");
        }
        h.r("</g>");
    }
    h.r("<text class=\"port-name\"").an("x", x + 10.0).an("y", y + 18.0).r(">").t(&t.name).r("</text>");
    h.r("<text class=\"port-kind\"")
        .an("x", x + TILE_W - 8.0)
        .an("y", y + 17.0)
        .r(" text-anchor=\"end\">")
        .r(kind_label(t.kind))
        .r("</text>");
    let extra = t.addrs.len().saturating_sub(2);
    let shown: &[String] = &t.addrs[..t.addrs.len().min(2)];
    if shown.is_empty() {
        h.r("<text class=\"port-addr dim\"").an("x", x + 10.0).an("y", y + 33.0).r(">no address</text>");
    }
    for (i, a) in shown.iter().enumerate() {
        h.r("<text class=\"port-addr\"").an("x", x + 10.0).an("y", y + 33.0 + i as f64 * 12.0).r(">").t(a);
        if i == 1 && extra > 0 {
            h.r(" +").u(extra);
        }
        h.r("</text>");
    }
    h.r("<text class=\"port-state\"")
        .an("x", x + 10.0)
        .an("y", y + TILE_H - 7.0)
        .r(">")
        .r(state_icon(t.state))
        .r(" ")
        .t(&t.operstate)
        .r("</text></g>");
}

fn frame_html(h: &mut Html, f: &Frame, changed: &BTreeSet<String>) {
    let colour = if f.is_host { "#8b949e" } else { ns_colour(&f.ns, f.slot) };
    let (x, y, w) = (f.x, f.y, f.w);
    h.r("<g class=\"ns");
    if f.is_host {
        h.r(" ns-host");
    }
    if changed.contains(&f.key) {
        h.r(" changed");
    }
    h.r("\"").a("data-ns", &f.ns).r(" style=\"--ns: ").r(colour).r("\">");
    h.r("<rect class=\"ns-box\"").an("x", x).an("y", y).an("width", w).an("height", f.h).r(" rx=\"10\"></rect>");
    h.r("<rect class=\"ns-tab\"").an("x", x).an("y", y).an("width", w).r(" height=\"26\" rx=\"10\"></rect>");
    h.r("<text class=\"ns-name\"").an("x", x + 12.0).an("y", y + 18.0).r(">");
    if f.is_host {
        h.r("host (initial namespace)");
    } else {
        h.r("netns ").t(&f.ns);
    }
    h.r("</text>");
    if f.tiles.is_empty() {
        h.r("<text class=\"ns-empty\"").an("x", x + 12.0).an("y", y + 54.0).r(">no interfaces</text>");
    }
    for t in &f.tiles {
        tile_html(h, t, changed.contains(&t.key));
    }
    for (i, n) in f.notes.iter().enumerate() {
        let head = !n.starts_with(' ') && n.ends_with(':') || n.ends_with("none");
        h.r(if head { "<text class=\"ns-note note-head\"" } else { "<text class=\"ns-note\"" });
        h.an("x", x + 12.0).an("y", f.notes_y + 4.0 + i as f64 * layout::NOTE_H).r(">").t(n).r("</text>");
    }
    h.r("</g>");
}

/// The diagram as SVG markup (`data-testid="diagram"`, `data-ns`, `data-link`).
pub fn svg_html(l: &Layout, changed: &BTreeSet<String>, version: u64) -> String {
    let mut h = Html::default();
    h.r("<svg class=\"diagram-svg\" data-testid=\"diagram\" data-version=\"")
        .r(&version.to_string())
        .r("\" viewBox=\"-4 -4 ");
    h.n(l.width + 8.0)
        .r(" ")
        .n(l.height + 8.0)
        .r("\" role=\"img\" aria-label=\"Network diagram, ")
        .u(l.frames.len() - 1);
    h.r(" namespace(s) besides the host; the text view below lists the same.\">");
    // Lines first: tiles hide them where they pass behind a port.
    for (_, d) in &l.wires {
        h.r("<path class=\"wire\"").a("d", d).r("></path>");
    }
    for c in &l.cables {
        let hl = changed.iter().any(|k| c.key.contains(k.as_str()));
        h.r("<path class=\"cable");
        if c.up {
            h.r(" cable-up");
        }
        if hl {
            h.r(" changed");
        }
        h.r("\"").a("d", &c.d).r("><title>").t(&c.label).r("</title></path>");
    }
    for f in &l.frames {
        frame_html(&mut h, f, changed);
    }
    for c in &l.cables {
        for (x, y) in c.ends {
            h.r(if c.up { "<circle class=\"jack jack-up\"" } else { "<circle class=\"jack\"" });
            h.an("cx", x).an("cy", y).r(" r=\"4.5\"></circle>");
        }
    }
    h.r("</svg>");
    h.0
}

/// The same state as sentences, for screen readers and for copying.
pub fn text_html(snap: &Snapshot) -> String {
    let mut h = Html::default();
    h.r("<ul class=\"diagram-text-list\">");
    for ns in &snap.namespaces {
        h.r("<li><strong>");
        match &ns.name {
            None => h.r("host"),
            Some(n) => h.r("namespace ").t(n),
        };
        h.r("</strong><ul>");
        for l in &ns.links {
            h.r("<li>").t(&l.name).r(" (").r(kind_label(l.kind)).r("), state ").t(&l.operstate);
            if !l.addrs.is_empty() {
                h.r(", addresses ").t(&l.addrs.join(" "));
            }
            if let Some(p) = &l.peer {
                h.r(", cable to ").t(&p.name).r(" in ").t(p.ns.as_deref().unwrap_or("host"));
            }
            if let Some(m) = &l.master {
                h.r(", port of bridge ").t(m);
            }
            h.r("</li>");
        }
        h.r("</ul>");
        for (head, rows) in [("Routes:", &ns.routes), ("Neighbours:", &ns.neighbours)] {
            if !rows.is_empty() {
                h.r("<div>").r(head).r("</div><ul>");
                for r in rows.iter() {
                    h.r("<li><code>").t(r).r("</code></li>");
                }
                h.r("</ul>");
            }
        }
        h.r("</li>");
    }
    h.r("</ul>");
    h.0
}

/// The diagram panel: the picture, its legend and toggles, and the text view.
pub fn diagram(shell: Shell) -> impl IntoView {
    // Phones get one column; chosen once so that the layout stays put.
    let narrow = window().inner_width().ok().and_then(|w| w.as_f64()).is_some_and(|w| w < 700.0);
    let cols = if narrow { 1 } else { layout::COLS };

    // The picture and the text view follow the lab (and the routes toggle).
    Effect::new(move |_| {
        shell.lab.track();
        let (svg, text) = shell.update(|s| {
            let l = layout::layout(s.session.snapshot(), &mut s.slots, s.notes, cols);
            (svg_html(&l, &s.changed, s.version), text_html(s.session.snapshot()))
        });
        if let Some(el) = find("#diagram .diagram-scroll") {
            el.set_inner_html(&svg);
        }
        if let Some(el) = find("#diagram .diagram-text") {
            el.set_inner_html(&text);
        }
    });

    // The toggles: routes and neighbours in the picture, the text view shown.
    let on_toggle = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let on = input.checked();
        if input.get_attribute("data-toggle").as_deref() == Some("notes") {
            shell.update(|s| s.notes = on);
            shell.lab.notify();
        } else if let Some(el) = find("#diagram .diagram-text") {
            let _ = el.set_attribute("class", if on { "diagram-text" } else { "diagram-text sr-only" });
        }
    };

    view! {
        <section class="diagram" id="diagram" aria-labelledby="diagram-title" on:change=on_toggle
            inner_html=DIAGRAM_HTML></section>
    }
}

/// The diagram panel's markup; the effect above fills the picture and the text view.
const DIAGRAM_HTML: &str = concat!(
    r#"<div class="panel-head"><h2 id="diagram-title">Network</h2><div class="legend" aria-hidden="true">"#,
    r#"<span class="lg lg-up">▲ up</span><span class="lg lg-nocarrier">⚠ no carrier</span>"#,
    r#"<span class="lg lg-down">▽ down</span></div>"#,
    r#"<label class="toggle"><input type="checkbox" data-toggle="notes"> Routes &amp; neighbours</label>"#,
    r#"<label class="toggle"><input type="checkbox" data-toggle="text"> Text view</label></div>"#,
    r#"<div class="diagram-scroll"></div><div class="diagram-text sr-only" aria-label="Network state as text"></div>"#,
    r#"<div class="trace" data-testid="trace" hidden><div class="panel-head"><h3>Packet path</h3>"#,
    r#"<button type="button" data-testid="trace-replay">▶ Replay</button>"#,
    r#"<p class="trace-sum" role="status" aria-live="polite"></p></div><ol class="trace-list"></ol></div>"#
);
