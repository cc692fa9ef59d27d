//! STUB while the lessons helper's components land.
use crate::app::Route;
use crate::browser;
use crate::shell::Shell;
use leptos::prelude::*;

fn progress_key(slug: &str) -> String {
    format!("nslab.progress.{slug}")
}

pub fn session_key(slug: &str) -> String {
    format!("nslab.session.lesson.{slug}")
}

pub fn saved_progress(slug: &str, total: usize) -> usize {
    browser::load(&progress_key(slug)).and_then(|s| s.parse().ok()).unwrap_or(0usize).min(total)
}

#[component]
pub fn SidePanel(route: Signal<Route>, shell: Shell) -> impl IntoView {
    let _ = shell;
    view! { <article class="lesson" id="lesson">{move || route.get().path()}</article> }
}
