//! Session tools: undo, reset, permalink, export to a script, import.

use crate::app::Route;
use crate::browser;
use crate::session::{encode_permalink, export_script, import_script};
use crate::shell::Shell;
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    None,
    Link,
    Export,
    Import,
}

#[component]
pub fn Toolbar() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let route = expect_context::<RwSignal<Route>>();
    let open = RwSignal::new(Open::None);
    let link = RwSignal::new(String::new());
    let script = RwSignal::new(String::new());
    let pasted = RwSignal::new(String::new());
    let toggle = move |o: Open| open.update(|cur| *cur = if *cur == o { Open::None } else { o });

    let undo = move |_| {
        if let Some(last) = shell.undo() {
            shell.notice(format!("# undone: {last}"));
        }
    };
    let reset = move |_| shell.reset();
    let permalink = move |_| {
        let url =
            browser::url_with_hash(&format!("{}/s={}", route.get_untracked().path(), encode_permalink(&shell.log())));
        browser::copy_to_clipboard(&url);
        link.set(url);
        toggle(Open::Link);
    };
    let export = move |_| {
        script.set(export_script(&shell.log(), &shell.statuses()));
        toggle(Open::Export);
    };
    let run_import = move |_| {
        let lines = import_script(&pasted.get_untracked());
        shell.reset();
        shell.notice(format!("# Importing {} command(s).", lines.len()));
        for l in &lines {
            shell.submit(l);
        }
        pasted.set(String::new());
        open.set(Open::None);
    };

    view! {
        <div class="toolbar" role="toolbar" aria-label="Session">
            <button type="button" data-testid="undo" on:click=undo title="Rebuild the lab without the last command">"↶ Undo"</button>
            <button type="button" data-testid="reset" on:click=reset title="Start again from a fresh host">"⟲ Reset"</button>
            <button type="button" data-testid="permalink" on:click=permalink aria-expanded=move || (open.get() == Open::Link).to_string()>"⚭ Permalink"</button>
            <button type="button" data-testid="export" on:click=export aria-expanded=move || (open.get() == Open::Export).to_string()>"⤓ Export script"</button>
            <button type="button" data-testid="import" on:click=move |_| toggle(Open::Import) aria-expanded=move || (open.get() == Open::Import).to_string()>"⤒ Import"</button>
        </div>
        {move || match open.get() {
            Open::None => ().into_any(),
            Open::Link => view! {
                <div class="drawer">
                    <label for="permalink-url">"Link to this session (copied to the clipboard):"</label>
                    <input id="permalink-url" data-testid="permalink-url" readonly prop:value=move || link.get()
                        on:focus=move |ev| { let _ = event_target::<web_sys::HtmlInputElement>(&ev).select(); } />
                </div>
            }.into_any(),
            Open::Export => view! {
                <div class="drawer">
                    <label for="export-text">"Your session as a script for a real Linux host (run it as root on a throwaway VM):"</label>
                    <textarea id="export-text" data-testid="export-text" readonly rows="8" prop:value=move || script.get()></textarea>
                    <div class="drawer-actions">
                        <button type="button" on:click=move |_| browser::download("nslab-session.sh", &script.get_untracked())>"Download nslab-session.sh"</button>
                        <button type="button" on:click=move |_| browser::copy_to_clipboard(&script.get_untracked())>"Copy"</button>
                    </div>
                </div>
            }.into_any(),
            Open::Import => view! {
                <div class="drawer">
                    <label for="import-text">"Paste a script or a terminal transcript; it replaces this session, command by command:"</label>
                    <textarea id="import-text" data-testid="import-text" rows="6" prop:value=move || pasted.get()
                        on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                    <div class="drawer-actions">
                        <button type="button" data-testid="import-run" on:click=run_import>"Replace session and run"</button>
                    </div>
                </div>
            }.into_any(),
        }}
    }
}
