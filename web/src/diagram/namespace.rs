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

/// One box (`data-ns`), keyed by `id` (empty for the host): it follows its
/// own frame of the layout and redraws nothing when that frame is unchanged.
#[component]
pub fn Namespace(ctx: Ctx, id: String) -> impl IntoView {
    let frame = Memo::new(move |_| ctx.drawn.with(|d| d.frame(&id).cloned()));
    let at = move |get: fn(&Frame) -> f64| move || frame.with(|f| f.as_ref().map(|f| layout::num(get(f))));
    let (ns, is_host) = frame.with_untracked(|f| f.as_ref().map(|f| (f.ns.clone(), f.is_host)).unwrap_or_default());
    let style = move || {
        frame.with(|f| {
            let f = f.as_ref()?;
            Some(format!("--ns: {}", if f.is_host { "#8b949e" } else { colour(&f.ns, f.slot) }))
        })
    };
    let key = format!("ns/{ns}");
    let (lit, bad) = ctx.lit_at(ns.clone(), None);
    let name = if is_host { "host (initial namespace)".to_string() } else { format!("netns {ns}") };
    let tiles =
        move || frame.with(|f| f.iter().flat_map(|f| f.tiles.iter().map(|t| t.key.clone())).collect::<Vec<_>>());
    let empty = Signal::derive(move || {
        frame.with(|f| if f.as_ref().is_some_and(|f| f.tiles.is_empty()) { "no interfaces" } else { "" })
    });
    let notes = move || {
        frame.with(|f| {
            let Some(f) = f else { return Vec::new() };
            let (x, y) = (f.x + 12.0, f.notes_y + 4.0);
            f.notes
                .iter()
                .enumerate()
                .map(|(i, n)| (layout::num(x), layout::num(y + i as f64 * NOTE_H), n.clone()))
                .collect()
        })
    };
    view! {
        <g class="ns" class:ns-host=is_host class:changed=ctx.changed_at(key) class:tr-on=lit class:tr-bad=bad
            data-ns=ns style=style>
            <rect class="ns-box" x=at(|f| f.x) y=at(|f| f.y) width=at(|f| f.w) height=at(|f| f.h) rx="10"></rect>
            <rect class="ns-tab" x=at(|f| f.x) y=at(|f| f.y) width=at(|f| f.w) height="26" rx="10"></rect>
            <text class="ns-name" x=at(|f| f.x + 12.0) y=at(|f| f.y + 18.0)>{name}</text>
            <text class="ns-empty" x=at(|f| f.x + 12.0) y=at(|f| f.y + 54.0)>{empty}</text>
            <For each=tiles key=|k| k.clone() let:key>
                <Interface ctx frame key />
            </For>
            <For each=notes key=|n| n.clone() let:n>
                <Note x=n.0 y=n.1 text=n.2 />
            </For>
        </g>
    }
}

/// A line of the routes and neighbours shown in a box; headings in bold.
#[component]
fn Note(x: String, y: String, text: String) -> impl IntoView {
    let head = !text.starts_with(' ') && text.ends_with(':') || text.ends_with("none");
    view! { <text class="ns-note" class:note-head=head x=x y=y>{text}</text> }
}

/// A large lab's chips, and the line that says what they are.
#[component]
pub fn Chips(ctx: Ctx) -> impl IntoView {
    let summary = move || ctx.drawn.with(|d| d.layout.summary.clone());
    let chips = move || ctx.drawn.with(|d| d.layout.chips.clone());
    view! {
        {move || summary().map(|s| {
            let ports = match s.hidden_ports {
                0 => String::new(),
                n => format!(" ({n} host interfaces not drawn)"),
            };
            view! {
                <text class="ns-summary" x="0" y=layout::num(s.y + 12.0)>
                    {format!("{} more namespaces as chips{ports}:", s.chips)}
                </text>
                <text class="ns-summary" x="0" y=layout::num(s.y + 27.0)>
                    "a command that changes one draws it in full; the text view lists all."
                </text>
            }
        })}
        <For each=chips key=|c| (c.ns.clone(), c.slot, c.links) let:chip>
            <NsChip ctx chip />
        </For>
    }
}

/// A namespace in a large lab: its name in a small box in its own cell.
#[component]
fn NsChip(ctx: Ctx, chip: Chip) -> impl IntoView {
    let Chip { key, ns, slot, x, y, links } = chip;
    // Any step in this namespace lights its chip.
    let lit = {
        let ns = ns.clone();
        Memo::new(move |_| ctx.lit.with(|l| l.as_ref().filter(|l| l.ns == ns).map(|l| l.drop)))
    };
    let (on, bad) = (Signal::derive(move || lit.get().is_some()), Signal::derive(move || lit.get() == Some(true)));
    let title = format!("netns {ns}: {links} interface(s)");
    let style = format!("--ns: {}", colour(&ns, slot));
    let label = ns.clone();
    view! {
        <g class="ns ns-chip" class:changed=ctx.changed_at(key) class:tr-on=on class:tr-bad=bad data-ns=ns style=style>
            <title>{title}</title>
            <rect class="ns-box" x=layout::num(x) y=layout::num(y) width=layout::num(CHIP_W) height=layout::num(CHIP_H) rx="6"></rect>
            <text class="chip-name" x=layout::num(x + 8.0) y=layout::num(y + 16.0)>{label}</text>
        </g>
    }
}
