//! The "Pair with a VM" panel (the agent's address and token, the status,
//! the engine switch, the agreement to run a session on the VM) and the
//! side-by-side view of what the two engines printed differently.

use crate::pair::{Mode, Pairing, Status};
use leptos::html;
use leptos::prelude::*;

/// What the panel asks of the shell.
#[derive(Clone, Copy)]
pub struct PairActions {
    /// Pair with the agent at this address, with this token.
    pub pair: Callback<(String, String)>,
    pub unpair: Callback<()>,
    /// Switch the engine; `true` when the learner agreed to run the
    /// session's lines on the VM.
    pub mode: Callback<(Mode, bool)>,
}

/// The panel, under the toolbar (always in the page, hidden when closed,
/// as the toolbar's drawers are). It reads `pair` and acts through `act`
/// (the shell's `pair_with`, `unpair`, `set_mode`).
#[component]
pub fn PairPanel(pair: Pairing, act: PairActions) -> impl IntoView {
    let url = NodeRef::<html::Input>::new();
    let token = NodeRef::<html::Input>::new();
    let value = |n: NodeRef<html::Input>| n.get_untracked().map(|i| i.value()).unwrap_or_default();
    let paired = move || pair.status.with(Status::paired);
    let connected =
        move || !matches!(pair.status.get(), Status::Paired(_) | Status::Connecting(_) | Status::Resuming(_));
    // The engine switch: a radio group of buttons, so that a switch the
    // shell refuses (or asks about first) leaves the checked one as it is.
    let engine = move |m: Mode, label: &'static str| {
        view! {
            <button type="button" role="radio" data-testid=format!("engine-{}", m.name())
                aria-checked=move || (pair.mode.get() == m).to_string()
                disabled=move || m != Mode::Sim && !paired()
                on:click=move |_| act.mode.run((m, false))>{label}</button>
        }
    };
    let ask = move || {
        pair.ask.get().map_or(String::new(), |(_, n)| {
            format!(
                "This session has {n} command(s). Run them on the VM first, in your own sandbox there? \
                 Nothing runs on the VM until you agree."
            )
        })
    };
    view! {
        <section class="drawer pair" data-testid="pair-panel" aria-labelledby="pair-title" hidden=move || !pair.shown.get()>
            <h2 id="pair-title">"Pair with a VM"</h2>
            <p class="pair-help">
                "Run your lines on a real Linux kernel: on a VM, start " <code>"lab-agent serve"</code>
                " and open the link it prints (through an SSH port forward for a remote VM), or enter its address and token here."
            </p>
            <div class="pair-fields">
                <label for="pair-agent">"Agent"</label>
                <input id="pair-agent" data-testid="pair-agent" placeholder="ws://127.0.0.1:8088" spellcheck="false"
                    node_ref=url prop:value=move || pair.link.get().0 />
                <label for="pair-token">"Token"</label>
                <input id="pair-token" data-testid="pair-token" type="password" autocomplete="off"
                    node_ref=token prop:value=move || pair.link.get().1 />
                <button type="button" data-testid="pair-connect" on:click=move |_| act.pair.run((value(url), value(token)))>
                    "Pair"
                </button>
                <button type="button" data-testid="pair-disconnect" disabled=connected on:click=move |_| act.unpair.run(())>
                    "Disconnect"
                </button>
            </div>
            <p class="pair-status" data-testid="pair-status" role="status">{move || pair.status.with(Status::text)}</p>
            <div class="engine" role="radiogroup" aria-label="Run lines on" data-testid="engine">
                <span>"Run lines on: "</span>
                {engine(Mode::Sim, "sim")}
                {engine(Mode::Vm, "vm")}
                {engine(Mode::Both, "both")}
            </div>
            <div class="pair-ask" data-testid="pair-ask" role="alertdialog" aria-label="Run this session on the VM?"
                hidden=move || pair.ask.with(Option::is_none)>
                <p>{ask}</p>
                <button type="button" data-testid="pair-agree"
                    on:click=move |_| if let Some((m, _)) = pair.ask.get_untracked() { act.mode.run((m, true)) }>
                    "Run them on the VM"
                </button>
                <button type="button" data-testid="pair-decline" on:click=move |_| pair.ask.set(None)>
                    "Stay on the simulator"
                </button>
            </div>
        </section>
    }
}

/// With both engines: each line that printed otherwise, the simulator's
/// output beside the VM's, and what differs between their states.
#[component]
pub fn DiffView(pair: Pairing) -> impl IntoView {
    let summary = move || match pair.diffs.with(Vec::len) {
        0 => "Every line so far printed the same on both, once MACs, times and ids are masked.".to_string(),
        n => format!("{n} line(s) printed otherwise (marked ≠ in the terminal):"),
    };
    let states = move || {
        pair.state_diffs.with(|w| match w.is_empty() {
            true => "The diagram: both states hold the same namespaces, links and addresses.".to_string(),
            false => format!("The diagram marks what differs: {}.", w.join("; ")),
        })
    };
    view! {
        <section class="pair-diffs" data-testid="diff-view" aria-label="The simulator and the VM side by side"
            hidden=move || pair.mode.get() != Mode::Both>
            <p>{summary}</p>
            <p data-testid="state-diffs">{states}</p>
            <For each=move || pair.diffs.get() key=|d| d.id let(d)>
                <div class="diff-row" data-testid="diff-row">
                    <code>{d.line.clone()}</code>
                    <div class="diff-cols">
                        <div><h3>"sim"</h3><pre>{d.sim.clone()}</pre></div>
                        <div><h3>"vm"</h3><pre>{d.vm.clone()}</pre></div>
                    </div>
                </div>
            </For>
        </section>
    }
}

#[cfg(test)]
mod tests;
