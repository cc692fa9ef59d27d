//! STUB while the diagram helper's components land.
use crate::state::LabSignals;
use leptos::prelude::*;

#[component]
pub fn Diagram(lab: LabSignals) -> impl IntoView {
    view! { <section id="diagram" data-testid="diagram">{move || format!("{} namespaces", lab.snapshot.get().namespaces.len())}</section> }
}
