//! What makes a bridge look like a switch: the row of sockets on its tile,
//! and the wires from its ports (interfaces with `master`) into it.

use crate::layout::{self, Tile, TILE_H};
use leptos::prelude::*;

/// The six little sockets along the bottom of a bridge's tile.
#[component]
pub fn SwitchPorts(tile: Memo<Option<Tile>>) -> impl IntoView {
    let origin = move || tile.with(|t| t.as_ref().map(|t| (t.x, t.y)).unwrap_or_default());
    let socket = move |i: usize| {
        let x = move || layout::num(origin().0 + 38.0 + i as f64 * 14.0);
        let y = move || layout::num(origin().1 + TILE_H - 9.0);
        view! { <rect x=x y=y width="9" height="5" rx="1"></rect> }
    };
    view! { <g class="switch-ports">{(0..6).map(socket).collect_view()}</g> }
}

/// A bridge port's wire into its bridge; drawn by the port's tile, under
/// it. Any other tile's wire has no path data and draws nothing.
#[component]
pub fn Wire(tile: Memo<Option<Tile>>) -> impl IntoView {
    view! { <path class="wire" d=move || tile.with(|t| t.as_ref().and_then(|t| t.wire.clone()))></path> }
}
