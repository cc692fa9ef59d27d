//! A line of the terminal's scrollback: data (text runs with their
//! styles), and the component that draws it.

use leptos::prelude::*;
use std::sync::Arc;

/// What the terminal prints before what the learner types.
pub const PROMPT: &str = "root@host:~#";

/// A piece of output in one style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    /// CSS classes of its ANSI style (`sgr-32 sgr-b`), empty when plain.
    pub class: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// A prompt with what was typed after it.
    Command(String),
    /// One write of a command.
    Output { runs: Vec<Run>, err: bool },
    /// A message from the site itself (not from the simulated host).
    Notice(String),
    /// With both engines: the line above printed otherwise on the VM
    /// (`data-testid="diff"`).
    Mark(String),
}

/// A line of the screen; ids grow from the top line down and key the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermLine {
    pub id: u64,
    pub kind: LineKind,
}

/// A line is one shape whatever its kind: a `div` of `span` runs (a
/// plain run's `span` has no class). One shape is less wasm than a view per
/// kind and per kind of run: Render code is made for each shape.
#[component]
pub fn TerminalLine(line: Arc<TermLine>) -> impl IntoView {
    let (class, runs): (&'static str, Vec<(Option<String>, String)>) = match &line.kind {
        LineKind::Command(cmd) => ("t-cmd", vec![(Some("t-prompt".into()), PROMPT.into()), (None, format!(" {cmd}"))]),
        LineKind::Output { runs, err } => (
            if *err { "t-out t-err" } else { "t-out" },
            runs.iter().map(|r| ((!r.class.is_empty()).then(|| r.class.clone()), r.text.clone())).collect(),
        ),
        LineKind::Notice(text) => ("t-notice", vec![(None, text.clone())]),
        LineKind::Mark(text) => ("t-diff", vec![(None, text.clone())]),
    };
    let testid = matches!(line.kind, LineKind::Mark(_)).then_some("diff");
    let runs = runs.into_iter().map(|(class, text)| view! { <span class=class>{text}</span> }).collect_view();
    view! { <div class=class data-testid=testid>{runs}</div> }
}
