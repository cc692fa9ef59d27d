//! The side panel: a lesson beside the terminal (prose, clickable commands,
//! steps that tick when the lab says their checks hold), or the sandbox's
//! welcome with the list of lessons.
//!
//! Components only: they read the lesson's index and, once fetched, its
//! file (`crate::lesson`), and the lab's signals ([`LabSignals::progress`],
//! evaluated by the lab), and send commands back through a callback. The
//! page persists how many steps are ticked.

pub mod prose;
mod quiz;
mod step;

use crate::checks;
pub use crate::lesson::session_key;
use crate::lesson::{save_ticked, saved_ticked, BlockDoc, DocState, Lesson, SectionDoc, LESSONS};
use crate::route::Route;
use crate::state::LabSignals;
use lab_protocol::{CheckRow, Progress};
use leptos::either::Either;
use leptos::prelude::*;
use prose::Prose;
use quiz::{Answers, Quiz};
use step::{Commands, Step};

/// What the side panel draws: a lesson, or the sandbox's welcome with the
/// name of the preset its lab started from (empty for an empty host).
type Panel = (Option<&'static Lesson>, &'static str);

/// The side panel of the current page: the panel of the lesson `route`
/// shows (its file in `doc`, once fetched), or the sandbox's welcome.
/// `start_over` clears the lab (the panel has already forgotten the
/// lesson's progress).
#[component]
pub fn SidePanel(
    route: RwSignal<Route>,
    doc: RwSignal<DocState>,
    lab: LabSignals,
    run: Callback<String>,
    start_over: Callback<()>,
) -> impl IntoView {
    // A keyed list of one: a panel is built when the lesson changes (not
    // on every route write: the key stays) and never rebuilt in place, so
    // the wasm carries no code to patch one lesson's panel into another's
    // (a reactive child would), and no memo of the lesson is needed.
    // In the studio page, keyed by the lesson's entry, not only its slug: a
    // lesson read in the page gets a new entry when its file changes. The
    // sandbox's welcome is keyed by its preset, which it names.
    let panel = move || [route.with(|r| (r.lesson(), r.sandbox_preset()))];
    #[cfg(feature = "studio")]
    let key = |(l, p): &Panel| crate::layout::digest(&(l.map(|l| (l.slug, l.title, l.steps)), p));
    // Built-in lessons never change: their slug is enough.
    #[cfg(not(feature = "studio"))]
    let key = |(l, p): &Panel| crate::layout::digest(&(l.map(|l| l.slug), p));
    view! {
        <For each=panel key=key let:panel>
            {match panel {
                (Some(l), _) => Either::Left(view! { <LessonPanel lesson=l doc lab run start_over /> }),
                (None, preset) => Either::Right(view! { <SandboxWelcome preset /> }),
            }}
        </For>
    }
}

fn progress_text(ticked: usize, total: usize) -> String {
    if ticked >= total {
        "All steps done. Well wired!".into()
    } else {
        format!("{ticked} of {total} steps done")
    }
}

/// The checks of a step as the learner first sees them, before the lab has
/// evaluated them: each labelled, none met yet.
fn unevaluated(section: &SectionDoc) -> Vec<CheckRow> {
    section
        .checks
        .iter()
        .map(|src| CheckRow {
            label: checks::parse(src).map(|c| c.label().0).unwrap_or_else(|_| src.to_string()),
            ok: false,
            why: String::new(),
        })
        .collect()
}

/// One lesson: its header with the progress bar, then its sections in order
/// (from its file, `doc`, read only here).
#[component]
pub fn LessonPanel(
    lesson: &'static Lesson,
    doc: RwSignal<DocState>,
    lab: LabSignals,
    run: Callback<String>,
    start_over: Callback<()>,
) -> impl IntoView {
    let total = lesson.steps;
    // What this browser saved; the lab starts from it (`LessonChecks::ticked`)
    // and only moves it forward, so the panel shows the larger of the two
    // while the lab's first answer is on its way.
    let saved = RwSignal::new(saved_ticked(lesson));
    let lab_ticked = move || lab.progress.with(|p| p.ticked).min(total);
    let ticked = Memo::new(move |_| lab_ticked().max(saved.get()));
    // Saved after each answer of the lab (not at once: until the lab has
    // answered for this lesson, its progress may be another lesson's).
    Effect::new(move |seen: Option<u64>| {
        let version = lab.version.get();
        let t = untrack(lab_ticked);
        if seen.is_some_and(|v| v != version) && t > saved.get_untracked() {
            saved.set(t);
            save_ticked(lesson, t);
        }
        version
    });
    // The current step's checks as the lab evaluated them, or unevaluated
    // while the lab's progress is about another step.
    let rows = Memo::new(move |_| {
        let t = ticked.get();
        match lab.progress.with(|p| (p.ticked == t).then(|| p.current.clone())) {
            Some(rows) if !rows.is_empty() => rows,
            _ => doc.with(|d| match d {
                Some(Ok(doc)) => doc.steps().nth(t).map(unevaluated).unwrap_or_default(),
                _ => Vec::new(),
            }),
        }
    });

    let answers = Answers::load(lesson.slug);
    let restart = move |_| {
        answers.clear();
        save_ticked(lesson, 0);
        saved.set(0);
        lab.progress.set(Progress::default());
        start_over.run(());
    };

    // Drawn once, when the file arrives: a keyed list (by lesson and
    // position), whose items are built and never patched, rather than a
    // reactive child, which links code to rebuild every section in place.
    let sections = move || {
        doc.with(|d| match d {
            Some(Ok(doc)) => {
                let mut steps = 0;
                let mut items = Vec::with_capacity(doc.sections.len());
                for (i, section) in doc.sections.iter().enumerate() {
                    let step = section.step.then(|| {
                        steps += 1;
                        steps - 1
                    });
                    items.push((crate::layout::digest(&(lesson.slug, i)), step, section.clone()));
                }
                items
            }
            _ => Vec::new(),
        })
    };
    let section = move |(_, step, section): (u64, Option<usize>, SectionDoc)| match step {
        Some(n) => Either::Left(view! { <Step section n last={n + 1 == total} ticked rows run answers /> }),
        None => {
            let title = (!section.title.is_empty()).then(|| view! { <h3>{section.title.clone()}</h3> });
            Either::Right(view! {
                <section class="prose-section">
                    {title} <Blocks blocks=section.blocks run answers />
                </section>
            })
        }
    };

    let problem = Signal::derive(move || match doc.get() {
        Some(Err(e)) => format!("The lesson could not be loaded ({e}). The terminal still works; reload to try again."),
        _ => String::new(),
    });

    view! {
        <article
            class="lesson"
            id="lesson"
            aria-labelledby="lesson-title"
            aria-busy=move || doc.with(Option::is_none).then_some("true")
        >
            <header class="lesson-head">
                <h2 id="lesson-title">{lesson.title}</h2>
                <p class="summary">{lesson.summary}</p>
                <div
                    class="progress"
                    role="progressbar"
                    aria-valuemin="0"
                    aria-valuemax=total.to_string()
                    aria-valuenow=move || ticked.get().to_string()
                    aria-label="Lesson progress"
                >
                    <div class="bar" style=move || format!("width: {}%", ticked.get() * 100 / total.max(1))></div>
                </div>
                <div class="progress-text" data-testid="lesson-progress">
                    {Signal::derive(move || progress_text(ticked.get(), total))}
                </div>
                <button type="button" class="linkish" on:click=restart>
                    "Start over"
                </button>
            </header>
            <p class="prose-error" role="alert" data-testid="lesson-error" hidden=move || problem.with(String::is_empty)>{problem}</p>
            <For each=sections key=|item| item.0 children=section />
        </article>
    }
}

/// A section's prose, command and quiz blocks, in the lesson's order.
#[component]
fn Blocks(blocks: Vec<BlockDoc>, run: Callback<String>, answers: Answers) -> impl IntoView {
    use leptos::either::EitherOf3;
    blocks
        .into_iter()
        .map(|b| match b {
            BlockDoc::Html(html) => EitherOf3::A(view! { <Prose html /> }),
            BlockDoc::Run(lines) => EitherOf3::B(view! { <Commands lines run /> }),
            BlockDoc::Quiz(quiz) => EitherOf3::C(view! { <Quiz quiz answers /> }),
        })
        .collect_view()
}

/// The sandbox's side panel: a few words, the lab presets it can start
/// from (the route's one named in its title), and the list of lessons.
#[component]
pub fn SandboxWelcome(preset: &'static str) -> impl IntoView {
    view! {
        <article class="lesson sandbox-intro" id="lesson">
            <header class="lesson-head">
                <h2>"Sandbox" <span class="preset-name" data-testid="sandbox-preset">{preset}</span></h2>
                <p class="summary">
                    "A simulated Linux host, all yours. Try " <code>"ip netns add a"</code> ", "
                    <code>"ip link add v1 type veth peer name v2"</code> ", " <code>"ip -c addr"</code>
                    ". Undo steps back one command; a permalink or an exported script keeps your work."
                </p>
            </header>
            <PresetMenu />
            <LessonIndex />
            {your_lessons()}
        </article>
    }
}

/// The lab presets the sandbox can start from, and the empty host, each a
/// link to its route with a sentence on what its lab holds. Static markup,
/// each preset written out: the same menu drawn from a list
/// (`iter().map(…).collect_view()`) cost three times the wasm (0.7 KB gzip
/// more). A test keeps it in step with `sim_core::lab::presets::NAMES`.
#[component]
pub fn PresetMenu() -> impl IntoView {
    view! {
        <nav class="presets" aria-label="Lab presets" data-testid="preset-menu">
            <h3>"Start from"</h3>
            <ul>
                <li><a href="#/sandbox" data-testid="preset-none">"an empty host"</a>": nothing but lo."</li>
                <li><a href="#/sandbox/preset/cloud-host" data-testid="preset-cloud-host">"cloud-host"</a>
                    ": a cloud VM; eth0 reaches the internet."</li>
                <li><a href="#/sandbox/preset/docker-host" data-testid="preset-docker-host">"docker-host"</a>
                    ": Docker, with the container web on docker0."</li>
                <li><a href="#/sandbox/preset/kind-node" data-testid="preset-kind-node">"kind-node"</a>
                    ": kind, with the node kind-worker and its pods."</li>
            </ul>
        </nav>
    }
}

/// In the studio page, the form that opens a lesson from elsewhere.
#[cfg(feature = "studio")]
fn your_lessons() -> impl IntoView {
    view! { <crate::studio::OpenLesson /> }
}

/// In the first load's page, the way to the studio page.
#[cfg(not(feature = "studio"))]
fn your_lessons() -> impl IntoView {
    view! {
        <p class="your-lessons">
            "Your own lesson: " <a href="studio.html#/sandbox">"open one"</a> " from an address or a file, or "
            <a href="studio.html#/build">"build one"</a> " from your commands."
        </p>
    }
}

/// The list of lessons, each with the learner's saved progress.
#[component]
pub fn LessonIndex() -> impl IntoView {
    let items = LESSONS
        .iter()
        .map(|l| {
            view! {
                <li>
                    <a href=format!("#/lesson/{}", l.slug)>{l.title}</a>
                    <p>{l.summary}</p>
                    <small>{saved_ticked(l)} " of " {l.steps} " steps done"</small>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="lesson-index" aria-label="Lessons">
            <h2>"Lessons"</h2>
            <ol>{items}</ol>
            <p>"Or explore freely in the " <a href="#/sandbox">"sandbox"</a> "."</p>
        </nav>
    }
}

#[cfg(test)]
mod tests;
