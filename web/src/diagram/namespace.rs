//! A namespace's box (the host's too), and the chips that stand for
//! namespaces in a large lab.

use super::interface::Interface;
use super::Ctx;
use crate::layout::{self, Chip, Frame, CHIP_H, CHIP_W, NOTE_H};
use leptos::prelude::*;

/// A colour for a namespace: its own name when it is one, else by cell.
pub fn colour(name: &str, slot: usize) -> &'static str {
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

/// One box (`data-ns`), drawn from its own `frame` (its shape: without its
/// tiles, corner at 0,0), keyed by it: a box whose size or notes changed is
/// drawn anew, one that only moved is moved (its group's `transform`). Its
/// tiles, in its coordinates and each keyed by its whole value, follow the
/// drawing in a `<For>`.
#[component]
pub fn Namespace(ctx: Ctx, frame: Frame, empty: bool) -> impl IntoView {
    let Frame { ns, is_host, slot, x, y, w, h, notes, notes_y, .. } = frame;
    let id = if is_host { String::new() } else { ns.clone() };
    let drawn = ctx.drawn;
    let at = id.clone();
    let transform = move || {
        drawn.with(|l| {
            l.frame(&at).map(|f| format!("translate({},{})", layout::num(f.x), layout::num(f.y))).unwrap_or_default()
        })
    };
    let tiles = move || {
        drawn.with(|l| {
            l.frame(&id)
                .map(|f| f.tiles.iter().map(|t| t.relative_to(f.x, f.y)).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let style = format!("--ns: {}", if is_host { "#8b949e" } else { colour(&ns, slot) });
    let (lit, bad) = ctx.lit_at(ns.clone(), None);
    let changed = ctx.changed_at(format!("ns/{ns}"));
    let differs = ctx.differs_at(format!("ns/{ns}"));
    let name = if is_host { "host (initial namespace)".to_string() } else { format!("netns {ns}") };
    let notes = notes
        .into_iter()
        .enumerate()
        .map(|(i, n)| view! { <Note x=x + 12.0 y=notes_y + 4.0 + i as f64 * NOTE_H text=n /> })
        .collect_view();
    let tile_ns = ns.clone();
    view! {
        <g class="ns" class:ns-host=is_host class:changed=changed class:differs=differs class:tr-on=lit class:tr-bad=bad
            data-ns=ns style=style transform=transform>
            <rect class="ns-box" x=layout::num(x) y=layout::num(y) width=layout::num(w) height=layout::num(h) rx="10"></rect>
            <rect class="ns-tab" x=layout::num(x) y=layout::num(y) width=layout::num(w) height="26" rx="10"></rect>
            <text class="ns-name" x=layout::num(x + 12.0) y=layout::num(y + 18.0)>{name}</text>
            <text class="ns-empty" x=layout::num(x + 12.0) y=layout::num(y + 54.0)>{if empty { "no interfaces" } else { "" }}</text>
            <For each=tiles key=crate::layout::digest let:tile>
                <Interface ctx ns=tile_ns.clone() tile />
            </For>
            {notes}
        </g>
    }
}

/// A line of the routes and neighbours shown in a box; headings in bold.
/// Drawn once with its box (which is keyed by its notes), so a plain list.
#[component]
fn Note(x: f64, y: f64, text: String) -> impl IntoView {
    let head = !text.starts_with(' ') && text.ends_with(':') || text.ends_with("none");
    view! { <text class="ns-note" class:note-head=head x=layout::num(x) y=layout::num(y)>{text}</text> }
}

/// The two lines that say what a large lab's chips are (empty in a full
/// drawing).
#[component]
pub fn Summary(ctx: Ctx) -> impl IntoView {
    let y = |dy: fn(f64) -> f64| {
        let drawn = ctx.drawn;
        Signal::derive(move || drawn.with(|l| l.summary.as_ref().map(|s| layout::num(dy(s.y))).unwrap_or_default()))
    };
    let said = ctx.text(|l| match &l.summary {
        None => String::new(),
        Some(s) => {
            let ports = match s.hidden_ports {
                0 => String::new(),
                n => format!(" ({n} host interfaces not drawn)"),
            };
            format!("{} more namespaces as chips{ports}:", s.chips)
        }
    });
    let rest = ctx.text(|l| match l.summary {
        None => String::new(),
        Some(_) => "a command that changes one draws it in full; the text view lists all.".into(),
    });
    view! {
        <text class="ns-summary" x="0" y=y(|y| y + 12.0)>{said}</text>
        <text class="ns-summary" x="0" y=y(|y| y + 27.0)>{rest}</text>
    }
}
/// A namespace in a large lab: its name in a small box in its own cell.
#[component]
pub fn NsChip(ctx: Ctx, chip: Chip) -> impl IntoView {
    let Chip { key, ns, slot, x, y, links } = chip;
    // Any step in this namespace lights its chip.
    let (on, bad) = ctx.lit_in(ns.clone());
    let title = format!("netns {ns}: {links} interface(s)");
    let style = format!("--ns: {}", colour(&ns, slot));
    let label = ns.clone();
    view! {
        <g class="ns ns-chip" class:changed=ctx.changed_at(key.clone()) class:differs=ctx.differs_at(key) class:tr-on=on class:tr-bad=bad data-ns=ns style=style>
            <title>{title}</title>
            <rect class="ns-box" x=layout::num(x) y=layout::num(y) width=layout::num(CHIP_W) height=layout::num(CHIP_H) rx="6"></rect>
            <text class="chip-name" x=layout::num(x + 8.0) y=layout::num(y + 16.0)>{label}</text>
        </g>
    }
}
