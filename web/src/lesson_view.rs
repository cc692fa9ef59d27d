//! A lesson beside the terminal: prose, clickable commands, and steps that
//! tick themselves when their checks hold on the lab.

use crate::browser;
use crate::lesson::{advance, evaluate, Block, Lesson, Section, LESSONS};
use crate::shell::Shell;
use leptos::prelude::*;

fn progress_key(slug: &str) -> String {
    format!("nslab.progress.{slug}")
}

pub fn session_key(slug: &str) -> String {
    format!("nslab.session.lesson.{slug}")
}

#[component]
fn Commands(lines: &'static [&'static str]) -> impl IntoView {
    let shell = expect_context::<Shell>();
    let run_all = move |_| lines.iter().for_each(|l| shell.submit(l));
    view! {
        <div class="cmds">
            {lines.iter().map(|&l| view! {
                <button type="button" class="cmd" data-testid="lesson-command" title="Run in the terminal"
                    on:click=move |_| shell.submit(l)>
                    <span class="cmd-run" aria-hidden="true">"▶"</span>
                    <code>{l}</code>
                </button>
            }).collect_view()}
            {(lines.len() > 1).then(|| view! {
                <button type="button" class="run-all" on:click=run_all>{format!("Run all {}", lines.len())}</button>
            })}
        </div>
    }
}

fn blocks(section: &'static Section) -> impl IntoView {
    section
        .blocks
        .iter()
        .map(|b| match b {
            Block::Html(h) => view! { <div class="prose" inner_html=*h></div> }.into_any(),
            Block::Commands(lines) => view! { <Commands lines=lines /> }.into_any(),
        })
        .collect_view()
}

/// What the current step is waiting for, check by check.
#[component]
fn Checklist(section: &'static Section) -> impl IntoView {
    let shell = expect_context::<Shell>();
    let verdicts = Memo::new(move |_| {
        shell.version.track();
        shell.with_session(|s| evaluate(section, s))
    });
    view! {
        <div class="checks">
            <div class="checks-head">"Done when:"</div>
            <ul>
                {move || verdicts.get().into_iter().map(|(src, v)| view! {
                    <li class:ok=v.ok>
                        <span class="mark" aria-hidden="true">{if v.ok { "✓" } else { "○" }}</span>
                        <span class="sr-only">{if v.ok { "met: " } else { "not yet: " }}</span>
                        {match src.strip_prefix("run ") {
                            Some(cmd) => view! { "run " <code>{cmd.to_string()}</code> }.into_any(),
                            None => view! { <code>{src}</code> }.into_any(),
                        }}
                        {(!v.ok && !v.why.is_empty()).then(|| view! { <div class="why">{v.why}</div> })}
                    </li>
                }).collect_view()}
            </ul>
            {(!section.hints.is_empty()).then(|| view! {
                <details class="hint">
                    <summary>"Hint"</summary>
                    {section.hints.iter().map(|h| view! { <p>{*h}</p> }).collect_view()}
                </details>
            })}
        </div>
    }
}

#[component]
pub fn LessonPanel(lesson: &'static Lesson) -> impl IntoView {
    let shell = expect_context::<Shell>();
    let steps: Vec<&'static Section> = lesson.steps().map(|(_, s)| s).collect();
    let total = steps.len();
    let saved = browser::load(&progress_key(lesson.slug)).and_then(|s| s.parse().ok()).unwrap_or(0usize);
    let ticked = RwSignal::new(saved.min(total));

    let steps_for_effect = steps.clone();
    Effect::new(move |_| {
        shell.version.track();
        let now = ticked.get_untracked();
        let next = shell.with_session(|s| advance(&steps_for_effect, now, s));
        if next != now {
            ticked.set(next);
            browser::save(&progress_key(lesson.slug), &next.to_string());
        }
    });

    // Bring the step to do next into view: on arrival and after each tick.
    Effect::new(move |_| {
        let n = ticked.get();
        request_animation_frame(move || {
            let sel = format!(".lesson [data-step=\"{}\"]", (n + 1).min(total));
            if let Ok(Some(el)) = document().query_selector(&sel) {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_behavior(web_sys::ScrollBehavior::Smooth);
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        });
    });

    let start_over = move |_| {
        browser::save(&progress_key(lesson.slug), "0");
        ticked.set(0);
        shell.reset();
    };

    let mut step_no = 0usize;
    let sections = lesson.sections.iter().map(move |sec| {
        if !sec.is_step() {
            let title = (!sec.title.is_empty()).then(|| view! { <h3>{sec.title}</h3> });
            return view! { <section class="prose-section">{title}{blocks(sec)}</section> }.into_any();
        }
        let n = step_no;
        step_no += 1;
        let done = move || ticked.get() > n;
        let current = move || ticked.get() == n;
        view! {
            <section class="step" data-testid="lesson-step" data-step=n + 1
                class:done=done class:current=current
                data-done=move || done().to_string()
                aria-current=move || current().then_some("step")>
                <h3>
                    <span class="badge" aria-hidden="true">{move || if done() { "✓".to_string() } else { (n + 1).to_string() }}</span>
                    <span class="sr-only">{move || if done() { format!("Step {} (done): ", n + 1) } else { format!("Step {}: ", n + 1) }}</span>
                    {sec.title}
                </h3>
                {blocks(sec)}
                {move || current().then(|| view! { <Checklist section=sec /> })}
            </section>
        }
        .into_any()
    });

    view! {
        <article class="lesson" id="lesson" aria-labelledby="lesson-title">
            <header class="lesson-head">
                <h2 id="lesson-title">{lesson.title}</h2>
                <p class="summary">{lesson.summary}</p>
                <div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax=total aria-valuenow=move || ticked.get()
                    aria-label="Lesson progress">
                    <div class="bar" style=move || format!("width: {}%", ticked.get() * 100 / total.max(1))></div>
                </div>
                <div class="progress-text" data-testid="lesson-progress">
                    {move || if ticked.get() >= total { "All steps done. Well wired!".to_string() } else { format!("{} of {total} steps done", ticked.get()) }}
                </div>
                <button type="button" class="linkish" on:click=start_over>"Start over"</button>
            </header>
            {sections.collect_view()}
        </article>
    }
}

/// The list of lessons, for the home page.
#[component]
pub fn LessonIndex() -> impl IntoView {
    view! {
        <nav class="lesson-index" aria-label="Lessons">
            <h2>"Lessons"</h2>
            <ol>
                {LESSONS.iter().map(|l| {
                    let total = l.step_count();
                    let done = browser::load(&progress_key(l.slug)).and_then(|s| s.parse::<usize>().ok()).unwrap_or(0).min(total);
                    view! {
                        <li>
                            <a href=format!("#/lesson/{}", l.slug)>{l.title}</a>
                            <p>{l.summary}</p>
                            <small>{format!("{done} of {total} steps done")}</small>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <p>"Or explore freely in the "<a href="#/sandbox">"sandbox"</a>"."</p>
        </nav>
    }
}
