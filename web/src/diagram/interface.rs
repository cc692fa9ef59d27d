//! An interface's tile (`data-link`): name, kind, addresses and state.

use super::Ctx;
use crate::layout::{self, PortState, Tile, TILE_H, TILE_W};
use leptos::prelude::*;
use sim_core::snapshot::LinkKind;

pub fn kind_label(k: LinkKind) -> &'static str {
    match k {
        LinkKind::Loopback => "loopback",
        LinkKind::Veth => "veth",
        LinkKind::Bridge => "bridge",
        LinkKind::Nic => "nic",
    }
}

fn state_icon(s: PortState) -> &'static str {
    match s {
        PortState::Up => "▲",
        PortState::Down => "▽",
        PortState::NoCarrier => "⚠",
    }
}

/// A tile of namespace `ns`, keyed by its whole value (a tile that changed
/// is drawn anew), so only its classes for what changed and the lit trace
/// step are reactive (lit, the diagram scrolls it into view). Every kind of tile is
/// this one shape: a bridge's sockets, a port's wire and a veth end's jack
/// are attributes that are absent where they do not apply.
#[component]
pub fn Interface(ctx: Ctx, ns: String, tile: Tile) -> impl IntoView {
    let Tile { key, name, kind, x, y, addrs, state, operstate, master, wire, jack, capturing, .. } = tile;
    let is_bridge = kind == LinkKind::Bridge;
    let mut title = format!("{name} ({}) state {operstate}", kind_label(kind));
    for a in &addrs {
        title += ", ";
        title += a;
    }
    if let Some(m) = &master {
        title += ", port of ";
        title += m;
    }
    if capturing {
        title += ", captured by tcpdump";
    }
    // Two address lines: the first says when there is none, the second how many more there are.
    let first = addrs.first().cloned().unwrap_or_else(|| "no address".into());
    let second = match (addrs.get(1), addrs.len().saturating_sub(2)) {
        (None, _) => String::new(),
        (Some(a), 0) => a.clone(),
        (Some(a), more) => format!("{a} +{more}"),
    };
    let (lit, bad) = ctx.lit_at(ns, Some(name.clone()));
    let label = name.clone();
    let at = |dx: f64| layout::num(x + dx);
    let down = |dy: f64| layout::num(y + dy);
    view! {
        <g class="port" class:st-up=state == PortState::Up class:st-down=state == PortState::Down
            class:st-nocarrier=state == PortState::NoCarrier class:bridge=is_bridge
            class:changed=ctx.changed_at(key.clone()) class:differs=ctx.differs_at(key) class:tr-on=lit class:tr-bad=bad class:capturing=capturing
            data-link=name data-capturing=capturing.then_some("")>
            <title>{title}</title>
            <path class="wire" d=wire.map(|w| w.path())></path>
            <rect class="port-box" x=at(0.0) y=down(0.0) width=layout::num(TILE_W) height=layout::num(TILE_H) rx="6"></rect>
            <path class="switch-ports" d=is_bridge.then(|| sockets(x, y))></path>
            <text class="port-name" x=at(10.0) y=down(18.0)>{label}</text>
            <text class="port-kind" x=at(TILE_W - 8.0) y=down(17.0) text-anchor="end">{kind_label(kind)}</text>
            // A running capture: a red dot and "tcpdump" in the state line's corner.
            <text class="port-capture" x=at(TILE_W - 8.0) y=down(TILE_H - 7.0) text-anchor="end">
                {capturing.then_some("● tcpdump")}
            </text>
            <text class="port-addr" class:dim=addrs.is_empty() x=at(10.0) y=down(33.0)>{first}</text>
            <text class="port-addr" x=at(10.0) y=down(45.0)>{second}</text>
            <text class="port-state" x=at(10.0) y=down(TILE_H - 7.0)>{format!("{} {operstate}", state_icon(state))}</text>
            // Where a veth cable plugs in, over the tile; none without a cable.
            <circle class="jack" class:jack-up=jack.is_some_and(|j| j.2) cx=jack.map(|j| layout::num(j.0))
                cy=jack.map(|j| layout::num(j.1)) r=jack.map(|_| "4.5")></circle>
        </g>
    }
}

/// What makes a bridge look like a switch: six little sockets along the
/// bottom of its tile, as one path.
fn sockets(x: f64, y: f64) -> String {
    let mut d = String::new();
    for i in 0..6 {
        d += &format!("M{},{}h9v5h-9z", layout::num(x + 38.0 + i as f64 * 14.0), layout::num(y + TILE_H - 9.0));
    }
    d
}
