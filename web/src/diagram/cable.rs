//! A veth pair's cable and the jacks where it plugs into its two ports.
//! Keyed by the pair and its geometry: a cable that moved is drawn anew.

use super::Ctx;
use crate::layout::{self, Cable as Line};
use leptos::prelude::*;

/// The key of a cable in its `<For>`: which pair, where, and whether up.
pub fn key(c: &Line) -> (String, String, bool) {
    (c.key.clone(), c.d.clone(), c.up)
}

/// The cable itself, under the boxes; yellow for a moment after a command changed either end.
#[component]
pub fn Cable(ctx: Ctx, cable: Line) -> impl IntoView {
    let Line { key, d, label, up, .. } = cable;
    let changed = move || ctx.changed.with(|c| c.iter().any(|k| key.contains(k.as_str())));
    view! {
        <path class="cable" class:cable-up=up class:changed=changed d=d>
            <title>{label}</title>
        </path>
    }
}

/// The two jacks, over the boxes.
#[component]
pub fn Jacks(cable: Line) -> impl IntoView {
    let up = cable.up;
    cable
        .ends
        .iter()
        .map(|&(x, y)| {
            view! { <circle class="jack" class:jack-up=up cx=layout::num(x) cy=layout::num(y) r="4.5"></circle> }
        })
        .collect_view()
}
