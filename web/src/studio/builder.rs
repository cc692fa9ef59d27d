//! The lesson builder beside the sandbox (`#/build`), as Learn Git
//! Branching's level builder is beside its sandbox: the author starts
//! recording, runs commands in the terminal, starts a new step where the
//! lesson should pause, and gets checks suggested from what each step
//! changed in the lab (lesson-format's `author::suggest`); edits titles,
//! prose, checks and hints; and exports a lesson file that
//! `lab-agent lesson check` accepts and `#/lesson?file=` opens.
//!
//! A step's commands are not copied: they are the session log's entries
//! from the step's start to the next one's (the log is the builder
//! session's, `nslab.session.build`, so a reload replays them and the
//! builder, kept in storage as [`Saved`], finds them again). What each
//! step's start looked like (the lab's picture) is kept in memory only:
//! after a reload, a step that started before it is compared with an empty
//! lab, so its suggestions may name things an earlier step made (they
//! still hold; the author deletes what is not wanted).

use super::open::file_key;
use crate::browser;
use crate::shell::Shell;
use lab_protocol::{Entry, Snapshot};
use leptos::either::Either;
use leptos::prelude::*;
use lesson_format::author::{problems, suggest, to_markdown, Draft, DraftStep};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

const KEY: &str = "nslab.builder";

/// What the builder keeps in storage.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Saved {
    /// Titles, prose, checks and hints (commands are filled in from the log).
    pub draft: Draft,
    /// Where each step starts in the session log (`draft.steps[i]`'s).
    pub starts: Vec<usize>,
    /// Where recording stopped; `None` while it records (or before it starts).
    pub end: Option<usize>,
}

impl Saved {
    /// The log entries of step `i`: from its start to the next step's, or
    /// to where recording stopped, or to the end of the log.
    pub fn range(&self, i: usize, log_len: usize) -> std::ops::Range<usize> {
        let from = self.starts.get(i).copied().unwrap_or(log_len).min(log_len);
        let to = self.starts.get(i + 1).copied().or(self.end).unwrap_or(log_len).clamp(from, log_len);
        from..to
    }

    pub fn recording(&self) -> bool {
        !self.starts.is_empty() && self.end.is_none()
    }

    /// The draft with each step's commands from `log` (encoded entries).
    pub fn with_commands(&self, log: &[String]) -> Draft {
        let mut d = self.draft.clone();
        for (i, step) in d.steps.iter_mut().enumerate() {
            step.commands = commands(log, self.range(i, log.len())).into_iter().map(|(l, _)| l).collect();
        }
        d
    }
}

/// The command lines of log entries `range`, with their positions.
fn commands(log: &[String], range: std::ops::Range<usize>) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (i, entry) in log.iter().enumerate().take(range.end).skip(range.start) {
        if let Entry::Line { line, .. } = Entry::decode(entry) {
            if !crate::session::is_terminal_builtin(&line) {
                out.push((line, i));
            }
        }
    }
    out
}

/// A text area's lines (blank ones kept while the author types; the export drops them).
fn lines(text: &str) -> Vec<String> {
    text.split('\n').map(String::from).collect()
}

/// A file name for the lesson: its title in lower case, words joined by `-`.
pub fn file_name(title: &str) -> String {
    let words: Vec<String> =
        title.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    if words.is_empty() {
        "my-lesson.md".into()
    } else {
        format!("{}.md", words.join("-"))
    }
}

fn load() -> Saved {
    browser::load(KEY).and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default()
}

#[component]
pub fn Builder(shell: Shell) -> impl IntoView {
    let saved = RwSignal::new(load());
    // The lab's picture when each step started (see the module's docs).
    let befores = StoredValue::new_local(Vec::<Arc<Snapshot>>::new());
    Effect::new(move |_| {
        if let Ok(text) = saved.with(serde_json::to_string) {
            browser::save(KEY, &text);
        }
    });
    // The log as the lab last ran it: re-read after every line.
    let log = Memo::new(move |_| {
        shell.lab.version.track();
        (shell.log(), shell.statuses())
    });
    let suggestions = move |i: usize| -> Vec<String> {
        let (log, statuses) = log.get_untracked();
        let s = saved.get_untracked();
        let ran: Vec<(String, i32)> = commands(&log, s.range(i, log.len()))
            .into_iter()
            .map(|(line, at)| (line, statuses.get(at).copied().unwrap_or(0)))
            .collect();
        let now = shell.lab.snapshot.get_untracked();
        let (before, after) = befores.with_value(|b| {
            let empty = Arc::new(Snapshot::default());
            (b.get(i).cloned().unwrap_or(empty), b.get(i + 1).cloned().unwrap_or(now))
        });
        suggest(&before, &after, &ran).iter().map(|c| c.to_string()).collect()
    };
    // Fills step `i`'s checks with suggestions when the author wrote none.
    let fill = move |i: usize| {
        let new = suggestions(i);
        saved.update(|s| {
            if let Some(step) = s.draft.steps.get_mut(i) {
                if step.checks.iter().all(|c| c.trim().is_empty()) {
                    step.checks = new;
                }
            }
        });
    };
    let start_step = move || {
        let at = log.get_untracked().0.len();
        let last = saved.with_untracked(|s| s.starts.len());
        if last > 0 {
            fill(last - 1);
        }
        befores.update_value(|b| {
            b.resize(last, Arc::new(Snapshot::default()));
            b.push(shell.lab.snapshot.get_untracked());
        });
        saved.update(|s| {
            s.starts.push(at);
            s.end = None;
            s.draft.steps.push(DraftStep::default());
        });
    };
    let stop = move |_| {
        let last = saved.with_untracked(|s| s.starts.len());
        if last > 0 {
            fill(last - 1);
        }
        saved.update(|s| s.end = Some(log.get_untracked().0.len()));
    };
    let discard = move |_| {
        befores.update_value(Vec::clear);
        saved.set(Saved::default());
    };
    let recording = move || saved.with(Saved::recording);
    let steps = move || (0..saved.with(|s| s.draft.steps.len())).collect::<Vec<_>>();

    view! {
        <article class="lesson builder" id="lesson" data-testid="builder" aria-labelledby="builder-title">
            <header class="lesson-head">
                <h2 id="builder-title">"Lesson builder"</h2>
                <p class="summary">
                    "Record a lesson from this sandbox: start recording, run its commands in the terminal, "
                    "start a new step wherever the lesson should pause, then edit what the builder wrote."
                </p>
            </header>
            <Field label="Title" testid="builder-title" saved get=|d| d.title.clone() set=|d, v| d.title = v />
            <Field label="Summary" testid="builder-summary" saved get=|d| d.summary.clone() set=|d, v| d.summary = v />
            <Field label="Introduction (Markdown)" testid="builder-intro" saved get=|d| d.intro.clone()
                set=|d, v| d.intro = v rows=3 />
            <div class="row">
                <button type="button" data-testid="builder-step" on:click=move |_| start_step()>
                    {move || if saved.with(|s| s.starts.is_empty()) { "Start recording" } else { "New step" }}
                </button>
                <button type="button" data-testid="builder-stop" on:click=stop disabled=move || !recording()>
                    "Stop recording"
                </button>
                <button type="button" class="linkish" on:click=discard>"Discard"</button>
                <span role="status" data-testid="builder-status">
                    {move || if recording() { "● Recording" } else { "" }}
                </span>
            </div>
            <For each=steps key=|i| *i let:i>
                <StepEditor i saved log suggestions />
            </For>
            <Export saved log />
        </article>
    }
}

/// A field of the draft: one line, or `rows` lines of text.
#[component]
fn Field(
    label: &'static str,
    testid: &'static str,
    saved: RwSignal<Saved>,
    get: fn(&Draft) -> String,
    set: fn(&mut Draft, String),
    #[prop(optional)] rows: Option<u32>,
) -> impl IntoView {
    let value = move || saved.with(|s| get(&s.draft));
    let input = move |ev: leptos::ev::Event| saved.update(|s| set(&mut s.draft, event_target_value(&ev)));
    let field = match rows {
        None => Either::Left(view! { <input data-testid=testid prop:value=value on:input=input /> }),
        Some(rows) => Either::Right(view! {
            <textarea rows=rows.to_string() data-testid=testid prop:value=value on:input=input></textarea>
        }),
    };
    view! { <label>{label} {field}</label> }
}

/// One step: its title, prose, the commands it recorded, checks and hints.
#[component]
fn StepEditor(
    i: usize,
    saved: RwSignal<Saved>,
    log: Memo<(Vec<String>, Vec<i32>)>,
    suggestions: impl Fn(usize) -> Vec<String> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let field =
        move |f: fn(&DraftStep) -> String| move || saved.with(|s| s.draft.steps.get(i).map(f).unwrap_or_default());
    let edit = move |f: fn(&mut DraftStep, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            saved.update(|s| {
                if let Some(step) = s.draft.steps.get_mut(i) {
                    f(step, v)
                }
            })
        }
    };
    let cmds = move || {
        let (log, _) = log.get();
        let range = saved.with(|s| s.range(i, log.len()));
        commands(&log, range).into_iter().map(|(l, _)| l).collect::<Vec<_>>()
    };
    let current = move || saved.with(|s| s.recording() && i + 1 == s.starts.len());
    let suggest_more = move |_| {
        let new = suggestions(i);
        saved.update(|s| {
            if let Some(step) = s.draft.steps.get_mut(i) {
                step.checks.retain(|c| !c.trim().is_empty());
                for c in new {
                    if !step.checks.contains(&c) {
                        step.checks.push(c);
                    }
                }
            }
        });
    };
    view! {
        <section class="step" class:current=current data-testid="builder-step-editor">
            <label>
                {format!("Step {} title", i + 1)}
                <input data-testid="step-title" prop:value=field(|s| s.title.clone())
                    on:input=edit(|s, v| s.title = v) />
            </label>
            <label>
                "What the learner reads (Markdown)"
                <textarea rows="3" data-testid="step-prose" prop:value=field(|s| s.prose.clone())
                    on:input=edit(|s, v| s.prose = v)></textarea>
            </label>
            <label>"Commands recorded"</label>
            <pre class="cmds" data-testid="step-commands">{move || cmds().join("\n")}</pre>
            <label>
                "Checks, one a line ("
                <button type="button" class="linkish" data-testid="step-suggest" on:click=suggest_more>
                    "suggest from what this step changed"
                </button>
                ")"
                <textarea rows="4" data-testid="step-checks" prop:value=field(|s| s.checks.join("\n"))
                    on:input=edit(|s, v| s.checks = lines(&v))></textarea>
            </label>
            <label>
                "Hints, one a line"
                <textarea rows="2" data-testid="step-hints" prop:value=field(|s| s.hints.join("\n"))
                    on:input=edit(|s, v| s.hints = lines(&v))></textarea>
            </label>
        </section>
    }
}

/// What is still wrong, the lesson file, and where it can go.
#[component]
fn Export(saved: RwSignal<Saved>, log: Memo<(Vec<String>, Vec<i32>)>) -> impl IntoView {
    let draft = Memo::new(move |_| saved.with(|s| log.with(|(l, _)| s.with_commands(l))));
    let markdown = Memo::new(move |_| draft.with(to_markdown));
    let problems = move || draft.with(problems).iter().map(|p| p.to_string()).collect::<Vec<_>>();
    let name = move || draft.with(|d| file_name(&d.title));
    let open = move |_| {
        let name = name();
        browser::save(&file_key(&name), &markdown.get_untracked());
        browser::go(&format!("#/lesson?file={}", String::from(js_sys::encode_uri_component(&name))));
    };
    view! {
        <section class="export" data-testid="builder-export" aria-label="Export">
            <h3>"The lesson file"</h3>
            <ul class="prose-error" data-testid="builder-problems">
                {move || problems().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
            </ul>
            <div class="row">
                <button type="button" data-testid="builder-download"
                    on:click=move |_| browser::download(&name(), "text/markdown", &markdown.get_untracked())>
                    "Download"
                </button>
                <button type="button" on:click=move |_| browser::copy_to_clipboard(&markdown.get_untracked())>
                    "Copy"
                </button>
                <button type="button" data-testid="builder-open" on:click=open>"Open it as a lesson"</button>
            </div>
            <pre data-testid="builder-markdown">{markdown}</pre>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_take_the_log_between_their_starts() {
        let log: Vec<String> = ["ip netns add a", "clear", "ip link", "ip addr", "ping -c1 x"].map(String::from).into();
        let s = Saved {
            starts: vec![0, 2],
            end: Some(4),
            draft: Draft { steps: vec![DraftStep::default(); 2], ..Draft::default() },
        };
        let d = s.with_commands(&log);
        assert_eq!(d.steps[0].commands, ["ip netns add a"], "clear is the terminal's");
        assert_eq!(d.steps[1].commands, ["ip link", "ip addr"], "recording stopped before the ping");
        assert!(!s.recording());
        let undone = s.with_commands(&log[..1]);
        assert!(undone.steps[1].commands.is_empty(), "an undo shortens the log under a step");
    }

    #[test]
    fn file_names_come_from_titles() {
        assert_eq!(file_name("Two ends: a veth pair!"), "two-ends-a-veth-pair.md");
        assert_eq!(file_name("  "), "my-lesson.md");
    }
}
