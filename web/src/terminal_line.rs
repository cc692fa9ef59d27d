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
}

/// A line of the screen; ids grow from the top line down and key the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermLine {
    pub id: u64,
    pub kind: LineKind,
}

#[component]
pub fn TerminalLine(line: Arc<TermLine>) -> impl IntoView {
    match &line.kind {
        LineKind::Command(cmd) => view! {
            <div class="t-cmd"><span class="t-prompt">{PROMPT}</span>" "{cmd.clone()}</div>
        }
        .into_any(),
        LineKind::Output { runs, err } => {
            let runs = runs
                .iter()
                .map(|r| match r.class.as_str() {
                    "" => r.text.clone().into_any(),
                    c => view! { <span class=c.to_string()>{r.text.clone()}</span> }.into_any(),
                })
                .collect_view();
            view! { <div class="t-out" class:t-err=*err>{runs}</div> }.into_any()
        }
        LineKind::Notice(text) => view! { <div class="t-notice">{text.clone()}</div> }.into_any(),
    }
}
