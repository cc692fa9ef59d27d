//! STUB while the lessons helper's components land.
use crate::route::Route;
use crate::shell::Shell;
use leptos::prelude::*;

#[component]
pub fn SidePanel(route: Signal<Route>, shell: Shell) -> impl IntoView {
    let _ = shell;
    view! { <article class="lesson" id="lesson">{move || route.get().path()}</article> }
}
