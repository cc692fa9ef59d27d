//! The live diagram: namespaces as boxes, interfaces as ports, veth pairs as
//! cables, bridges as switches; under it the same state as text and the
//! "Packet path" panel. Geometry comes from [`crate::layout`]; each repeated
//! thing is a component ([`namespace`], [`interface`] (bridges too), [`cable`],
//! [`text_view`]) in a keyed `<For>`, so a command redraws only
//! what it changed.

mod cable;
mod interface;
mod namespace;
mod text_view;

use crate::layout::KeySet;
use crate::layout::{self, Layout, Memory};
use crate::state::LabSignals;
use crate::trace_view::TracePanel;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// How long each step of a packet trace stays lit.
const STEP_MS: u64 = 350;

/// The packet-trace step being shown: where it happened, and whether the packet was dropped there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lit {
    pub ns: String,
    pub dev: Option<String>,
    pub drop: bool,
}

/// What every part of the picture reads.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub drawn: Memo<Arc<Layout>>,
    /// Keys of what the last command changed (see [`layout::changed`]).
    pub changed: RwSignal<Arc<KeySet>>,
    /// Keys of what differs between the simulator and a paired VM (class `differs`).
    pub differs: RwSignal<Arc<KeySet>>,
    /// The trace step lit now, if any.
    pub lit: Memo<Option<Lit>>,
}

impl Ctx {
    /// Whether the last command changed `key` (class `changed`).
    pub fn changed_at(&self, key: String) -> Signal<bool> {
        in_set(self.changed, key)
    }

    /// Whether `key` differs between the simulator and the VM (class `differs`).
    pub fn differs_at(&self, key: String) -> Signal<bool> {
        in_set(self.differs, key)
    }

    /// Whether the lit step is at `ns` (and `dev`; `None`: the box itself),
    /// and whether it is a drop there: classes `tr-on` and `tr-bad`.
    pub fn lit_at(&self, ns: String, dev: Option<String>) -> (Signal<bool>, Signal<bool>) {
        self.lit_where(ns, Some(dev))
    }

    /// Like [`Ctx::lit_at`], for any step in `ns` (a chip).
    pub fn lit_in(&self, ns: String) -> (Signal<bool>, Signal<bool>) {
        self.lit_where(ns, None)
    }

    /// Derived, not memoised: a class compares before it touches the DOM,
    /// and a `Memo` per item type is more code than the checks it saves.
    fn lit_where(&self, ns: String, dev: Option<Option<String>>) -> (Signal<bool>, Signal<bool>) {
        let lit = self.lit;
        let here = Arc::new(move |l: &Lit| l.ns == ns && dev.as_ref().is_none_or(|d| *d == l.dev));
        let bad = here.clone();
        (
            Signal::derive(move || lit.with(|l| l.as_ref().is_some_and(|l| here(l)))),
            Signal::derive(move || lit.with(|l| l.as_ref().is_some_and(|l| l.drop && bad(l)))),
        )
    }

    /// A text or an attribute read from the drawing. Every reactive string
    /// of the picture is a `Signal<String>`, so tachys's code to build and
    /// update one is instantiated once for them all.
    pub fn text(&self, get: fn(&Layout) -> String) -> Signal<String> {
        let drawn = self.drawn;
        Signal::derive(move || drawn.with(|l| get(l)))
    }
}

/// One closure type for every key-set class of the picture.
fn in_set(set: RwSignal<Arc<KeySet>>, key: String) -> Signal<bool> {
    Signal::derive(move || set.with(|c| c.contains_key(&key)))
}

/// The trace playback: which step is lit, and the timer that moves it on.
#[derive(Clone, Copy)]
struct Playback {
    lit: RwSignal<Option<usize>>,
    timer: StoredValue<Option<IntervalHandle>>,
}

impl Playback {
    fn stop(self) {
        if let Some(h) = self.timer.try_update_value(Option::take).flatten() {
            h.clear();
        }
        self.lit.set(None);
    }

    /// Lights the steps one after another, `STEP_MS` apart, then none.
    fn play(self, steps: impl Fn() -> usize + 'static) {
        self.stop();
        let tick = move || {
            let next = self.lit.get_untracked().map_or(0, |i| i + 1);
            if next < steps() {
                self.lit.set(Some(next));
            } else {
                self.stop();
            }
        };
        let handle = set_interval_with_handle(tick, Duration::from_millis(STEP_MS)).ok();
        self.timer.set_value(handle);
    }
}

/// Grid columns: phones get one. Chosen once, so that the layout stays put.
fn columns() -> usize {
    #[cfg(target_arch = "wasm32")]
    if window().inner_width().ok().and_then(|w| w.as_f64()).is_some_and(|w| w < 700.0) {
        return 1;
    }
    layout::COLS
}

/// The diagram panel: the picture, its legend and toggles, the text view
/// and the "Packet path" panel.
#[component]
pub fn Diagram(lab: LabSignals) -> impl IntoView {
    let cols = columns();
    let notes = RwSignal::new(false);
    let ipv6 = RwSignal::new(false);
    let text_shown = RwSignal::new(false);

    // The slots live here, so boxes keep their cells from one snapshot to the next.
    let memory = StoredValue::new(Memory::default());
    let drawn = Memo::new(move |_| {
        // What the last command changed or its packets crossed: a large lab draws it in full.
        let mut hot = lab.changed.with(|c| c.as_ref().clone());
        lab.trace.with(|t| {
            for s in t.iter().flat_map(|t| t.steps.iter()) {
                hot.insert(format!("ns/{}", s.ns), ());
                if let Some(d) = &s.dev {
                    hot.insert(format!("link/{}/{d}", s.ns), ());
                }
            }
        });
        let snap = lab.snapshot.get();
        let shown = layout::Shown { notes: notes.get(), ipv6: ipv6.get() };
        memory.try_update_value(|m| layout::draw(&snap, m, &hot, shown, cols)).map(Arc::new).unwrap_or_default()
    });

    let playback = Playback { lit: RwSignal::new(None), timer: StoredValue::new(None) };
    let steps = move || lab.trace.with_untracked(|t| t.as_ref().map_or(0, |t| t.steps.len()));
    // A new trace plays at once; none (another command started) stops it.
    Effect::new(move |_| match lab.trace.with(Option::is_some) {
        true => playback.play(steps),
        false => playback.stop(),
    });
    on_cleanup(move || playback.stop());
    let lit = Memo::new(move |_| {
        let i = playback.lit.get()?;
        lab.trace.with(|t| {
            let s = t.as_ref()?.steps.get(i)?;
            Some(Lit { ns: s.ns.clone(), dev: s.dev.clone(), drop: s.drop })
        })
    });
    let ctx = Ctx { drawn, changed: lab.changed, differs: lab.differs, lit };
    // The lit step is kept in view where it shows: its tile in the picture
    // (without moving the page more than needed) and its line in the
    // Packet path (without moving the page). One effect for both, not one
    // per tile and per line: each effect is its own wasm.
    let picture = NodeRef::<leptos::svg::Svg>::new();
    let steps_list = NodeRef::<leptos::html::Ol>::new();
    Effect::new(move |_| {
        let Some(i) = playback.lit.get() else { return };
        // In the next frame: the tiles' classes follow the lit step in
        // effects of their own, which may run after this one.
        request_animation_frame(move || {
            let tile = picture.get_untracked().and_then(|svg| svg.get_elements_by_class_name("port tr-on").item(0));
            if let Some(el) = tile {
                let o = web_sys::ScrollIntoViewOptions::new();
                o.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&o);
            }
            let list = steps_list.get_untracked();
            let line =
                list.as_ref().and_then(|ol| ol.children().item(i as u32)?.dyn_into::<web_sys::HtmlElement>().ok());
            if let (Some(ol), Some(li)) = (list, line) {
                ol.set_scroll_top(li.offset_top() - 20);
            }
        });
    });

    view! {
        <section class="diagram" id="diagram" aria-labelledby="diagram-title">
            <div class="panel-head">
                <h2 id="diagram-title">"Network"</h2>
                <div class="legend" aria-hidden="true">
                    <span class="lg lg-up">"▲ up"</span>
                    <span class="lg lg-nocarrier">"⚠ no carrier"</span>
                    <span class="lg lg-down">"▽ down"</span>
                </div>
                <Toggle name="notes" label=" Routes, neighbours & sockets" on=notes />
                <Toggle name="ipv6" label=" IPv6" on=ipv6 />
                <Toggle name="text" label=" Text view" on=text_shown />
            </div>
            <div class="diagram-scroll">
                <Picture ctx version=lab.version node=picture />
            </div>
            <div class="diagram-text" class:sr-only=Signal::derive(move || !text_shown.get()) aria-label="Network state as text">
                <text_view::TextView snapshot=lab.snapshot />
            </div>
            <TracePanel trace=lab.trace lit=playback.lit on_replay=move || playback.play(steps) list=steps_list />
        </section>
    }
}

/// A checkbox of the panel's head (`data-toggle=NAME`).
#[component]
fn Toggle(name: &'static str, label: &'static str, on: RwSignal<bool>) -> impl IntoView {
    view! {
        <label class="toggle">
            <input type="checkbox" data-toggle=name prop:checked=on on:change=move |ev| on.set(event_target_checked(&ev)) />
            {label}
        </label>
    }
}

/// The SVG picture (`data-testid="diagram"`).
#[component]
fn Picture(ctx: Ctx, version: RwSignal<u64>, node: NodeRef<leptos::svg::Svg>) -> impl IntoView {
    let view_box = ctx.text(|l| format!("-4 -4 {} {}", layout::num(l.width + 8.0), layout::num(l.height + 8.0)));
    let label = ctx.text(|l| {
        let others = l.frames.len().saturating_sub(1) + l.chips.len();
        match &l.summary {
            None => format!("Network diagram, {others} namespace(s) besides the host; the text view below lists the same."),
            Some(s) => format!(
                "Network diagram, {others} namespace(s) besides the host, {} of them as named chips; the text view below lists everything.",
                s.chips
            ),
        }
    });
    let drawn = ctx.drawn;
    // Everything drawn, in drawing order: cables first (tiles hide them where
    // they pass behind a port), then the boxes, then a large lab's chips.
    let shapes = move || {
        drawn.with(|l| {
            let mut shapes: Vec<Shape> = l.cables.iter().cloned().map(Shape::Cable).collect();
            // A box is its own shape and notes, wherever it is (it moves
            // itself, and its tiles follow it in their own `<For>`), and
            // whether it has any tiles at all.
            shapes.extend(l.frames.iter().map(|f| Shape::Box(f.shape(), f.tiles.is_empty())));
            shapes.extend(l.chips.iter().cloned().map(Shape::Chip));
            shapes
        })
    };
    view! {
        <svg class="diagram-svg" data-testid="diagram" data-version=Signal::derive(move || version.get().to_string())
            viewBox=view_box role="img" aria-label=label node_ref=node>
            <For each=shapes key=layout::digest let:shape>
                {match shape {
                    Shape::Cable(c) => EitherOf3::A(view! { <cable::Cable ctx cable=c /> }),
                    Shape::Box(f, empty) => EitherOf3::B(view! { <namespace::Namespace ctx frame=f empty /> }),
                    Shape::Chip(chip) => EitherOf3::C(view! { <namespace::NsChip ctx chip /> }),
                }}
            </For>
            <namespace::Summary ctx />
        </svg>
    }
}

/// One item of the picture's list. One `<For>` draws them all: each keyed
/// list links its own copy of tachys's diffing (~5 KB of wasm), more than
/// the `EitherOf3` that picks the component.
#[derive(Clone, Hash)]
enum Shape {
    Cable(layout::Cable),
    /// A box without its tiles, in its own coordinates, and whether it has none.
    Box(layout::Frame, bool),
    Chip(layout::Chip),
}

#[cfg(test)]
mod tests;
