//! A veth pair's cable (its two jacks are drawn by the tiles it plugs into,
//! over them). Keyed by the pair and its geometry: a cable that moved is
//! drawn anew.

use super::Ctx;
use crate::layout::Cable as Line;
use leptos::prelude::*;

/// The cable itself, under the boxes; yellow for a moment after a command changed either end.
#[component]
pub fn Cable(ctx: Ctx, cable: Line) -> impl IntoView {
    let Line { key, d, label, up, .. } = cable;
    let changed = ctx.changed;
    let changed = Signal::derive(move || changed.with(|c| c.keys().any(|k| key.contains(k.as_str()))));
    view! {
        <path class="cable" class:cable-up=up class:changed=changed d=d>
            <title>{label}</title>
        </path>
    }
}
