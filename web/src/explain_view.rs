//! The open explanation (issue 18; `crate::explain`), docked under the
//! terminal's scrollback, above its on-screen keys: never over the prompt,
//! on a phone either.

use crate::shell::Shell;
use leptos::prelude::*;

/// What the open note says ([`crate::explain::said`]), its first line in
/// bold. One element, empty (and of no height) while no note is open: each
/// element shape costs the first load its own code. Its region is live, so
/// screen readers read out each note that opens. A click closes it, as
/// Escape does in the scrollback.
#[component]
pub fn ExplainPanel(shell: Shell) -> impl IntoView {
    let text = Signal::<String>::from(shell.screen.explained);
    view! {
        <div class="explain" data-testid="explain" aria-live="polite" on:click=move |_| shell.close_explanation()>{text}</div>
    }
}
