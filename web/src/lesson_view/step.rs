//! A step of a lesson and its parts: command buttons, the checklist of the
//! current step, a hint.

use super::Blocks;
use crate::lesson::SectionDoc;
use lab_protocol::CheckRow as Verdict;
use leptos::html;
use leptos::prelude::*;

/// Step `n` (from 0) of a lesson: done, current (with its checklist) or to come.
#[component]
pub fn Step(
    section: SectionDoc,
    n: usize,
    /// Whether it is the lesson's last step.
    last: bool,
    ticked: Memo<usize>,
    /// The current step's checks.
    rows: Memo<Vec<Verdict>>,
    run: Callback<String>,
    /// The lesson's quiz answers (a step may hold a question).
    answers: super::quiz::Answers,
) -> impl IntoView {
    // Closures rather than memos where nothing needs the memo (each memo
    // is its own ~1 KB of wasm).
    let done = move || ticked.get() > n;
    let current = Signal::derive(move || ticked.get() == n);
    let node = NodeRef::<html::Section>::new();
    // Scrolls when the step becomes the one to do next (or, all done, the
    // last one), not again while it stays so.
    Effect::new(move |was: Option<bool>| {
        let t = ticked.get();
        let focused = t == n || (last && t > n);
        if !focused || was == Some(true) {
            return focused;
        }
        // By the next frame the step may be gone (its lesson's panel
        // rebuilt): then there is nothing to scroll.
        request_animation_frame(move || {
            if let Some(el) = node.try_get_untracked().flatten() {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_behavior(web_sys::ScrollBehavior::Smooth);
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        });
        focused
    });
    let class = move || {
        if done() {
            "step done"
        } else if current.get() {
            "step current"
        } else {
            "step"
        }
    };
    let badge = Signal::derive(move || if done() { "✓".to_string() } else { (n + 1).to_string() });
    let spoken = Signal::derive(move || format!("Step {}{}: ", n + 1, if done() { " (done)" } else { "" }));
    view! {
        <section
            node_ref=node
            class=class
            data-testid="lesson-step"
            data-step=(n + 1).to_string()
            data-done=move || if done() { "true" } else { "false" }
            aria-current=move || current.get().then_some("step")
        >
            <h3>
                <span class="badge" aria-hidden="true">{badge}</span>
                <span class="sr-only">{spoken}</span>
                {section.title}
            </h3>
            <Blocks blocks=section.blocks run answers />
            <Checklist hints=section.hints solution=section.solution rows current />
        </section>
    }
}

/// A block of commands: one button each, and "Run all" for several.
#[component]
pub fn Commands(lines: Vec<String>, run: Callback<String>) -> impl IntoView {
    let buttons = lines
        .iter()
        .cloned()
        .map(|line| {
            let shown = line.clone();
            view! {
                <button
                    type="button"
                    class="cmd"
                    data-testid="lesson-command"
                    title="Run in the terminal"
                    on:click=move |_| run.run(line.clone())
                >
                    <span class="cmd-run" aria-hidden="true">"▶"</span>
                    <code>{shown}</code>
                </button>
            }
        })
        .collect_view();
    let count = lines.len();
    let all = (count > 1).then(|| {
        let run_all = move |_| {
            for line in &lines {
                run.run(line.clone());
            }
        };
        view! {
            <button type="button" class="run-all" on:click=run_all>
                "Run all " {count}
            </button>
        }
    });
    view! { <div class="cmds">{buttons} {all}</div> }
}

/// What the current step waits for, check by check, and its hint. Every
/// step has one, hidden and empty unless the step is `current` (cheaper in
/// wasm than a `<Show>` that builds and drops it).
#[component]
fn Checklist(
    hints: Vec<String>,
    /// A troubleshooting step's fix, behind its own disclosure.
    solution: Vec<String>,
    rows: Memo<Vec<Verdict>>,
    current: Signal<bool>,
) -> impl IntoView {
    let hint = (!hints.is_empty()).then(|| view! { <Hint summary="Hint" hints /> });
    // The fix as text to type, not buttons: drawn by the hint's component
    // (a second `Commands` here cost the first load 0.6 KB).
    let solution = (!solution.is_empty()).then(|| view! { <Hint summary="Show the solution" hints=solution /> });
    let rows = move || if current.get() { rows.get() } else { Vec::new() };
    view! {
        <div class="checks" hidden=move || !current.get()>
            <div class="checks-head">"Done when:"</div>
            <ul>
                <For
                    each=move || rows().into_iter().enumerate()
                    key=|(i, r)| crate::layout::digest(&(i, &r.label, r.ok, &r.why))
                    children=|(_, row)| view! { <CheckRow row /> }
                />
            </ul>
            {hint}
            {solution}
        </div>
    }
}

/// One check of the current step: met, or not yet and why.
#[component]
pub fn CheckRow(row: Verdict) -> impl IntoView {
    let (verb, code) = match row.label.strip_prefix("run ") {
        Some(cmd) => ("run ", cmd.to_string()),
        None => ("", row.label.clone()),
    };
    let why = (!row.ok && !row.why.is_empty()).then(|| view! { <div class="why">{row.why.clone()}</div> });
    view! {
        <li class=row.ok.then_some("ok")>
            <span class="mark" aria-hidden="true">{if row.ok { "✓" } else { "○" }}</span>
            <span class="sr-only">{if row.ok { "met: " } else { "not yet: " }}</span>
            {verb}
            <code>{code}</code>
            {why}
        </li>
    }
}

/// A step's hint, or a troubleshooting step's solution, behind a
/// disclosure named `summary` (it stays open while the checks change).
#[component]
pub fn Hint(summary: &'static str, hints: Vec<String>) -> impl IntoView {
    let paragraphs = hints.into_iter().map(|p| view! { <p>{p}</p> }).collect_view();
    view! {
        <details class="hint" data-summary=summary>
            <summary>{summary}</summary>
            {paragraphs}
        </details>
    }
}
