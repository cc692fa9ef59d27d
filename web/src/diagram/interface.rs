//! An interface's tile (`data-link`): name, kind, addresses and state.

use super::bridge::{SwitchPorts, Wire};
use super::Ctx;
use crate::layout::{self, Frame, PortState, Tile, TILE_H, TILE_W};
use leptos::prelude::*;
use sim_core::snapshot::LinkKind;

pub fn kind_label(k: LinkKind) -> &'static str {
    match k {
        LinkKind::Loopback => "loopback",
        LinkKind::Veth => "veth",
        LinkKind::Bridge => "bridge",
    }
}

fn state_icon(s: PortState) -> &'static str {
    match s {
        PortState::Up => "▲",
        PortState::Down => "▽",
        PortState::NoCarrier => "⚠",
    }
}

/// The tile `key` of its box's `frame`; lit while the packet trace is at it
/// (then scrolled into view).
#[component]
pub fn Interface(ctx: Ctx, frame: Memo<Option<Frame>>, key: String) -> impl IntoView {
    let tile = Memo::new({
        let key = key.clone();
        move |_| frame.with(|f| f.as_ref()?.tiles.iter().find(|t| t.key == key).cloned())
    });
    let (ns, name, kind) = frame.with_untracked(|f| {
        let t = f.as_ref().and_then(|f| f.tiles.iter().find(|t| t.key == key));
        (
            f.as_ref().map(|f| f.ns.clone()).unwrap_or_default(),
            t.map(|t| t.name.clone()).unwrap_or_default(),
            t.map(|t| t.kind),
        )
    });
    let is_bridge = kind == Some(LinkKind::Bridge);
    let kind = kind.map(kind_label).unwrap_or_default();
    // Each helper below makes one closure type whatever it reads, and
    // `Signal` erases it: a tile's many reactive parts share their code.
    let at = move |get: fn(&Tile) -> f64| move || tile.with(|t| t.as_ref().map(|t| layout::num(get(t))));
    let text =
        move |get: fn(&Tile) -> String| Signal::derive(move || tile.with(|t| t.as_ref().map(get).unwrap_or_default()));
    let flag = move |get: fn(&Tile) -> bool| Signal::derive(move || tile.with(|t| t.as_ref().is_some_and(get)));
    let (lit, bad) = ctx.lit_at(ns, Some(name.clone()));
    let title = text(|t| {
        let mut s = format!("{} ({}) state {}", t.name, kind_label(t.kind), t.operstate);
        for a in &t.addrs {
            s += ", ";
            s += a;
        }
        if let Some(m) = &t.master {
            s += ", port of ";
            s += m;
        }
        s
    });
    // Two address lines: the first says when there is none, the second how many more there are.
    let first = text(|t| t.addrs.first().cloned().unwrap_or_else(|| "no address".into()));
    let second = text(|t| match (t.addrs.get(1), t.addrs.len().saturating_sub(2)) {
        (None, _) => String::new(),
        (Some(a), 0) => a.clone(),
        (Some(a), more) => format!("{a} +{more}"),
    });
    let node = NodeRef::<leptos::svg::G>::new();
    Effect::new(move |_| {
        if let Some(el) = node.get().filter(|_| lit.get()) {
            let o = web_sys::ScrollIntoViewOptions::new();
            o.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&o);
        }
    });
    view! {
        <g class="port" class:st-up=flag(|t| t.state == PortState::Up) class:st-down=flag(|t| t.state == PortState::Down)
            class:st-nocarrier=flag(|t| t.state == PortState::NoCarrier) class:bridge=is_bridge
            class:changed=ctx.changed_at(key) class:tr-on=lit class:tr-bad=bad data-link=name.clone() node_ref=node>
            <title>{title}</title>
            <Wire tile />
            <rect class="port-box" x=at(|t| t.x) y=at(|t| t.y) width=layout::num(TILE_W) height=layout::num(TILE_H) rx="6"></rect>
            {is_bridge.then(|| view! { <SwitchPorts tile /> })}
            <text class="port-name" x=at(|t| t.x + 10.0) y=at(|t| t.y + 18.0)>{name.clone()}</text>
            <text class="port-kind" x=at(|t| t.x + TILE_W - 8.0) y=at(|t| t.y + 17.0) text-anchor="end">{kind}</text>
            <text class="port-addr" class:dim=flag(|t| t.addrs.is_empty()) x=at(|t| t.x + 10.0) y=at(|t| t.y + 33.0)>{first}</text>
            <text class="port-addr" x=at(|t| t.x + 10.0) y=at(|t| t.y + 45.0)>{second}</text>
            <text class="port-state" x=at(|t| t.x + 10.0) y=at(|t| t.y + TILE_H - 7.0)>
                {text(|t| format!("{} {}", state_icon(t.state), t.operstate))}
            </text>
            <Jack tile />
        </g>
    }
}

/// Where a veth cable plugs into this tile, over it; a tile without a
/// cable has a jack of no size.
#[component]
fn Jack(tile: Memo<Option<Tile>>) -> impl IntoView {
    let jack = move |get: fn((f64, f64, bool)) -> Option<String>| move || tile.with(|t| t.as_ref()?.jack.and_then(get));
    let up = Signal::derive(move || tile.with(|t| t.as_ref().and_then(|t| t.jack).is_some_and(|j| j.2)));
    view! {
        <circle class="jack" class:jack-up=up cx=jack(|j| Some(layout::num(j.0))) cy=jack(|j| Some(layout::num(j.1)))
            r=jack(|_| Some("4.5".to_string()))></circle>
    }
}
