//! An interface's tile (`data-link`): name, kind, addresses and state.

use super::bridge::SwitchPorts;
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
    let at = move |get: fn(&Tile) -> f64| move || tile.with(|t| t.as_ref().map(|t| layout::num(get(t))));
    let state = move |s| tile.with(|t| t.as_ref().is_some_and(|t| t.state == s));
    let lit = ctx.lit_at(ns, Some(name.clone()));
    let title = move || {
        tile.with(|t| {
            let t = t.as_ref()?;
            let mut s = format!("{} ({kind}) state {}", t.name, t.operstate);
            for a in &t.addrs {
                s += ", ";
                s += a;
            }
            if let Some(m) = &t.master {
                s += ", port of ";
                s += m;
            }
            Some(s)
        })
    };
    // Up to two addresses, the second saying how many more there are.
    let addrs = move || {
        tile.with(|t| {
            let Some(t) = t else { return Vec::new() };
            let extra = t.addrs.len().saturating_sub(2);
            let (x, y) = (layout::num(t.x + 10.0), t.y + 33.0);
            let mut out: Vec<(String, String, String)> = t
                .addrs
                .iter()
                .take(2)
                .enumerate()
                .map(|(i, a)| (x.clone(), layout::num(y + i as f64 * 12.0), a.clone()))
                .collect();
            if let Some((_, _, a)) = out.get_mut(1).filter(|_| extra > 0) {
                *a += &format!(" +{extra}");
            }
            out
        })
    };
    let no_addr = move || tile.with(|t| t.as_ref().is_some_and(|t| t.addrs.is_empty()));
    let status = move || tile.with(|t| t.as_ref().map(|t| format!("{} {}", state_icon(t.state), t.operstate)));
    let node = NodeRef::<leptos::svg::G>::new();
    Effect::new(move |_| {
        if let Some(el) = node.get().filter(|_| lit.get().is_some()) {
            let o = web_sys::ScrollIntoViewOptions::new();
            o.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&o);
        }
    });
    view! {
        <g class="port" class:st-up=move || state(PortState::Up) class:st-down=move || state(PortState::Down)
            class:st-nocarrier=move || state(PortState::NoCarrier) class:bridge=is_bridge
            class:changed=move || ctx.changed(&key) class:tr-on=move || lit.get().is_some() class:tr-bad=move || lit.get() == Some(true)
            data-link=name.clone() node_ref=node>
            <title>{title}</title>
            <rect class="port-box" x=at(|t| t.x) y=at(|t| t.y) width=layout::num(TILE_W) height=layout::num(TILE_H) rx="6"></rect>
            {is_bridge.then(|| view! { <SwitchPorts tile /> })}
            <text class="port-name" x=at(|t| t.x + 10.0) y=at(|t| t.y + 18.0)>{name.clone()}</text>
            <text class="port-kind" x=at(|t| t.x + TILE_W - 8.0) y=at(|t| t.y + 17.0) text-anchor="end">{kind}</text>
            <Show when=no_addr>
                <text class="port-addr dim" x=at(|t| t.x + 10.0) y=at(|t| t.y + 33.0)>"no address"</text>
            </Show>
            <For each=addrs key=|a| a.clone() let:a>
                <text class="port-addr" x=a.0 y=a.1>{a.2}</text>
            </For>
            <text class="port-state" x=at(|t| t.x + 10.0) y=at(|t| t.y + TILE_H - 7.0)>{status}</text>
        </g>
    }
}
