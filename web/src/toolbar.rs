//! Session tools: undo, reset, permalink, export to a script, import; and
//! the drawer the last three open.

use crate::browser;
use crate::route::Route;
use crate::session::{encode_permalink, export_script, import_script};
use crate::shell::Shell;
use leptos::html;
use leptos::prelude::*;

/// What a button of the toolbar or of a drawer does.
#[derive(Clone, Copy)]
enum Action {
    Undo,
    Reset,
    Permalink,
    Export,
    Download,
    Copy,
    Import,
    ImportRun,
    Pair,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Drawer {
    Closed,
    Link,
    Export,
    Import,
}

/// Session tools above the terminal, and the drawers they open. `route`
/// is the current page, whose address permalinks carry.
#[component]
pub fn Toolbar(shell: Shell, route: RwSignal<Route>) -> impl IntoView {
    let open = RwSignal::new(Drawer::Closed);
    // The drawers' texts live in their fields (written when a drawer
    // opens), not in signals bound to them: less wasm for the same page.
    let link = NodeRef::<html::Input>::new();
    let script = NodeRef::<html::Textarea>::new();
    let script_text = move || script.get_untracked().map(|t| t.value()).unwrap_or_default();
    let pasted = NodeRef::<html::Textarea>::new();
    let toggle = move |d: Drawer| open.update(|o| *o = if *o == d { Drawer::Closed } else { d });
    let expanded = move |d: Drawer| move || if open.get() == d { "true" } else { "false" };

    // One handler for every button, as the terminal's keys have: each
    // distinct click closure is its own listener code in the wasm.
    let act = move |a: Action| {
        move |_| match a {
            Action::Undo => {
                if let Some(last) = shell.undo() {
                    shell.notice(format!("# undone: {last}"));
                }
            }
            Action::Reset => shell.reset(),
            Action::Permalink => {
                let url = browser::url_with_hash(&format!(
                    "{}/s={}",
                    route.with_untracked(Route::path),
                    encode_permalink(&shell.log())
                ));
                browser::copy_to_clipboard(&url);
                if let Some(i) = link.get_untracked() {
                    i.set_value(&url);
                }
                toggle(Drawer::Link);
            }
            Action::Export => {
                if let Some(t) = script.get_untracked() {
                    t.set_value(&export_script(&shell.log(), &shell.statuses()));
                }
                toggle(Drawer::Export);
            }
            Action::Download => browser::download("nslab-session.sh", "text/x-shellscript", &script_text()),
            Action::Copy => browser::copy_to_clipboard(&script_text()),
            Action::Import => toggle(Drawer::Import),
            // The paired page shows its panel; the first load's page
            // opens the paired page (pair.html, loaded on demand) on the
            // same route, whose session it finds in storage.
            Action::Pair if cfg!(feature = "pair") => shell.pair.shown.update(|s| *s = !*s),
            Action::Pair => browser::go(&format!("pair.html#{}", route.with_untracked(Route::path))),
            Action::ImportRun => {
                let Some(area) = pasted.get_untracked() else { return };
                let lines = import_script(&area.value());
                shell.reset();
                shell.notice(format!("# Importing {} command(s).", lines.len()));
                for l in &lines {
                    shell.submit(l);
                }
                area.set_value("");
                open.set(Drawer::Closed);
            }
        }
    };
    // The permalink is selected when it gets focus, ready to copy.
    let select = move |_| {
        if let Some(i) = link.get_untracked() {
            i.select();
        }
    };

    // The three drawers are always in the page, the closed ones hidden: a
    // reactive child that swapped them cost more wasm.
    let shut = move |d: Drawer| move || open.get() != d;
    let drawer = view! {
        <div class="drawer" hidden=shut(Drawer::Link)>
            <label for="permalink-url">"Link to this session (copied to the clipboard):"</label>
            <input id="permalink-url" data-testid="permalink-url" readonly node_ref=link on:focus=select/>
        </div>
        <div class="drawer" hidden=shut(Drawer::Export)>
            <label for="export-text">
                "Your session as a script for a real Linux host (run it as root on a throwaway VM):"
            </label>
            <textarea id="export-text" data-testid="export-text" readonly rows="8" node_ref=script></textarea>
            <div class="drawer-actions">
                <button type="button" data-testid="export-download"
                    on:click=act(Action::Download)>
                    "Download nslab-session.sh"
                </button>
                <button type="button" data-testid="export-copy"
                    on:click=act(Action::Copy)>"Copy"</button>
            </div>
        </div>
        <div class="drawer" hidden=shut(Drawer::Import)>
            <label for="import-text">
                "Paste a script or a terminal transcript; it replaces this session, command by command:"
            </label>
            <textarea id="import-text" data-testid="import-text" rows="6" node_ref=pasted></textarea>
            <div class="drawer-actions">
                <button type="button" data-testid="import-run" on:click=act(Action::ImportRun)>"Replace session and run"</button>
            </div>
        </div>
    };

    view! {
        <div class="toolbar" role="toolbar" aria-label="Session">
            <button type="button" data-testid="undo" title="Rebuild the lab without the last command" on:click=act(Action::Undo)>
                "↶ Undo"
            </button>
            <button type="button" data-testid="reset" title="Start again from a fresh host" on:click=act(Action::Reset)>
                "⟲ Reset"
            </button>
            <button type="button" data-testid="permalink" aria-expanded=expanded(Drawer::Link) on:click=act(Action::Permalink)>
                "⚭ Permalink"
            </button>
            <button type="button" data-testid="export" aria-expanded=expanded(Drawer::Export) on:click=act(Action::Export)>
                "⤓ Export script"
            </button>
            <button type="button" data-testid="import" aria-expanded=expanded(Drawer::Import)
                on:click=act(Action::Import)>"⤒ Import"</button>
            <button type="button" data-testid="pair" aria-controls="pair-title" on:click=act(Action::Pair)>
                "⇄ Pair with a VM"
            </button>
        </div>
        {drawer}
    }
}
