//! The "Packet path" panel (`data-testid="trace"`): the last command's
//! packet trace ([`TraceView`], put into words by the lab) as a list of
//! steps under a one-line summary for the live region. The step being
//! played back is lit here and in the diagram; the playback itself lives in
//! [`crate::diagram::Diagram`].

use lab_protocol::{TraceStep, TraceView};
use leptos::either::Either;
use leptos::html::Ol;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn TracePanel(
    trace: RwSignal<Option<Arc<TraceView>>>,
    /// The step lit now.
    lit: RwSignal<Option<usize>>,
    /// Plays the steps again.
    #[prop(into)]
    on_replay: Callback<()>,
    /// The list of steps, which the diagram scrolls to the lit one.
    list: NodeRef<Ol>,
) -> impl IntoView {
    let summary = Signal::derive(move || trace.with(|t| t.as_ref().map(|t| t.summary.clone()).unwrap_or_default()));
    let steps = move || trace.with(|t| t.iter().flat_map(|t| t.steps.iter().cloned().enumerate()).collect::<Vec<_>>());
    view! {
        <div class="trace" data-testid="trace" hidden=move || trace.with(Option::is_none)>
            <div class="panel-head">
                <h3>"Packet path"</h3>
                <button type="button" data-testid="trace-replay" on:click=move |_| on_replay.run(())>"▶ Replay"</button>
                <p class="trace-sum" role="status" aria-live="polite">{summary}</p>
            </div>
            <ol class="trace-list" node_ref=list>
                <For each=steps key=|(i, s)| crate::layout::digest(&(i, &s.ns, &s.dev, &s.text)) let:s>
                    <Step index=s.0 step=s.1 lit />
                </For>
            </ol>
        </div>
    }
}

/// One step: where it happened, and what.
#[component]
fn Step(index: usize, step: TraceStep, lit: RwSignal<Option<usize>>) -> impl IntoView {
    let TraceStep { ns, dev, text, drop } = step;
    let on = Signal::derive(move || lit.get() == Some(index));
    let at = match dev {
        Some(d) => format!("{ns} · {d}"),
        None => ns,
    };
    let what = if drop { Either::Left(view! { <strong>{text}</strong> }) } else { Either::Right(text) };
    view! {
        <li class:tr-drop=drop class:tr-on=on class:tr-bad=Signal::derive(move || drop && on.get())>
            <span class="tr-at">{at}</span>
            " "
            {what}
        </li>
    }
}
