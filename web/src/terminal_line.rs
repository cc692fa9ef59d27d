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
    /// The lab's note on it: its index among its entry's notes.
    pub note: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// A prompt with what was typed after it.
    Command(String),
    /// One write of a command, and where it came from.
    Output { runs: Vec<Run>, err: bool, src: Src },
    /// A message from the site itself (not from the simulated host).
    Notice(String),
    /// With both engines: the line above printed otherwise on the VM
    /// (`data-testid="diff"`).
    Mark(String),
}

/// Where an output line came from, for what the lab can say about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Src {
    /// The site, a terminal's jobs, text with ANSI styles: nothing to
    /// explain.
    None,
    /// Chunk `chunk` of the output of session entry `entry`, as the
    /// simulator printed it (the lab's notes on it: `crate::explain`).
    Sim { entry: u32, chunk: u32 },
    /// A paired VM's programs (the `pair` feature): they print untagged.
    Vm,
}

/// The bit of a line's id that says it was drawn anew (with the lab's
/// notes; a line is, once) under the id it had.
pub const REDRAWN: u64 = 1 << 63;

/// A line of the screen; ids grow from the top line down and key the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermLine {
    pub id: u64,
    pub kind: LineKind,
}

/// A line is one shape whatever its kind: a `div` of `span` runs (a
/// plain run's `span` has no class). One shape is less wasm than a view per
/// kind and per kind of run: Render code is made for each shape. An output
/// line of the simulator's is drawn anew (a new id) once its entry's notes
/// come, its runs cut at the notes' edges and each noted one focusable
/// (`data-note`); the text stays the same, byte for byte.
#[component]
pub fn TerminalLine(line: Arc<TermLine>) -> impl IntoView {
    type Piece = (Option<String>, String, Option<u32>);
    let (class, runs, src): (&'static str, Vec<Piece>, Src) = match &line.kind {
        LineKind::Command(cmd) => {
            ("t-cmd", vec![(Some("t-prompt".into()), PROMPT.into(), None), (None, format!(" {cmd}"), None)], Src::None)
        }
        LineKind::Output { runs, err, src } => (
            if *err { "t-out t-err" } else { "t-out" },
            runs.iter().map(|r| ((!r.class.is_empty()).then(|| r.class.clone()), r.text.clone(), r.note)).collect(),
            *src,
        ),
        LineKind::Notice(text) => ("t-notice", vec![(None, text.clone(), None)], Src::None),
        LineKind::Mark(text) => ("t-diff", vec![(None, text.clone(), None)], Src::None),
    };
    let testid = matches!(line.kind, LineKind::Mark(_)).then_some("diff");
    // The simulator's output can be pointed at (`Terminal` handles it, for
    // every line): by its entry (`vm`: a VM's), its noted spans by their note.
    let entry = match src {
        Src::Sim { entry, .. } => Some(entry.to_string()),
        Src::Vm => Some("vm".to_string()),
        Src::None => None,
    };
    let focusable = entry.is_some().then_some("0");
    let runs = runs
        .into_iter()
        .map(|(class, text, note)| view! { <span class=class data-note=note tabindex=note.map(|_| "0")>{text}</span> })
        .collect_view();
    view! { <div class=class data-testid=testid data-entry=entry tabindex=focusable>{runs}</div> }
}
