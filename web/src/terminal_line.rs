//! A line of the terminal's scrollback: data (text runs with their
//! styles), and the component that draws it.

use leptos::either::{Either, EitherOf3};
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
    // Either rather than `.into_any()`: its vtable would link the
    // server-rendering methods too (about 2 KB each).
    match &line.kind {
        LineKind::Command(cmd) => EitherOf3::A(view! {
            <div class="t-cmd"><span class="t-prompt">{PROMPT}</span>" "{cmd.clone()}</div>
        }),
        LineKind::Output { runs, err } => {
            let runs = runs
                .iter()
                .map(|r| match r.class.as_str() {
                    "" => Either::Left(r.text.clone()),
                    c => Either::Right(view! { <span class=c.to_string()>{r.text.clone()}</span> }),
                })
                .collect_view();
            EitherOf3::B(view! { <div class="t-out" class:t-err=*err>{runs}</div> })
        }
        LineKind::Notice(text) => EitherOf3::C(view! { <div class="t-notice">{text.clone()}</div> }),
    }
}
