//! Session tools: undo, reset, permalink, export to a script, import.

use crate::app::Route;
use crate::browser;
use crate::session::{encode_permalink, export_script, import_script};
use crate::html::Html;
use crate::shell::Shell;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    None,
    Link,
    Export,
    Import,
}

/// `aria-expanded` of the button that opens `which`.
fn expanded(open: RwSignal<Open>, which: Open) -> impl Fn() -> &'static str + Copy {
    move || if open.get() == which { "true" } else { "false" }
}

/// The open drawer's markup.
fn drawer_html(open: Open, link: &str, script: &str, pasted: &str) -> String {
    let mut h = Html::default();
    match open {
        Open::None => {}
        Open::Link => {
            h.r(r#"<label for="permalink-url">Link to this session (copied to the clipboard):</label>"#);
            h.r(r#"<input id="permalink-url" data-testid="permalink-url" readonly"#).a("value", link).r(">");
        }
        Open::Export => {
            h.r(r#"<label for="export-text">Your session as a script for a real Linux host (run it as root on a throwaway VM):</label>"#);
            // The parser drops one newline right after <textarea>: this one.
            h.r("<textarea id=\"export-text\" data-testid=\"export-text\" readonly rows=\"8\">\n").t(script).r("</textarea>");
            h.r(r#"<div class="drawer-actions"><button type="button" data-testid="export-download">Download nslab-session.sh</button>"#);
            h.r(r#"<button type="button" data-testid="export-copy">Copy</button></div>"#);
        }
        Open::Import => {
            h.r(r#"<label for="import-text">Paste a script or a terminal transcript; it replaces this session, command by command:</label>"#);
            h.r("<textarea id=\"import-text\" data-testid=\"import-text\" rows=\"6\">\n").t(pasted).r("</textarea>");
            h.r(r#"<div class="drawer-actions"><button type="button" data-testid="import-run">Replace session and run</button></div>"#);
        }
    }
    h.0
}

/// What is typed in the import drawer, when it is open.
fn import_text() -> Option<String> {
    let el = document().get_element_by_id("import-text")?;
    Some(el.dyn_into::<web_sys::HtmlTextAreaElement>().ok()?.value())
}

/// Session tools above the terminal, and the drawer they open.
pub fn toolbar(shell: Shell, route: RwSignal<Route>) -> impl IntoView {
    let open = RwSignal::new(Open::None);
    // What the drawers show: the permalink, the script, what was pasted.
    let texts = StoredValue::new([String::new(), String::new(), String::new()]);
    let toggle = move |o: Open| {
        if let Some(t) = import_text() {
            texts.update_value(|x| x[2] = t);
        }
        open.update(|cur| *cur = if *cur == o { Open::None } else { o });
    };

    // One handler for every button of the toolbar and its drawer.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|t| t.closest("button").ok().flatten())
        else {
            return;
        };
        match button.get_attribute("data-testid").as_deref().unwrap_or("") {
            "undo" => {
                if let Some(last) = shell.undo() {
                    shell.notice(format!("# undone: {last}"));
                }
            }
            "reset" => shell.reset(),
            "permalink" => {
                let url = browser::url_with_hash(&format!("{}/s={}", route.get_untracked().path(), encode_permalink(&shell.log())));
                browser::copy_to_clipboard(&url);
                texts.update_value(|x| x[0] = url);
                toggle(Open::Link);
            }
            "export" => {
                let s = export_script(&shell.log(), &shell.statuses());
                texts.update_value(|x| x[1] = s);
                toggle(Open::Export);
            }
            "import" => toggle(Open::Import),
            "export-download" => texts.with_value(|x| browser::download("nslab-session.sh", &x[1])),
            "export-copy" => texts.with_value(|x| browser::copy_to_clipboard(&x[1])),
            "import-run" => {
                let lines = import_script(&import_text().unwrap_or_default());
                shell.reset();
                shell.notice(format!("# Importing {} command(s).", lines.len()));
                for l in &lines {
                    shell.submit(l);
                }
                texts.update_value(|x| x[2].clear());
                open.set(Open::None);
            }
            _ => {}
        }
    };
    // The permalink is selected when it gets focus, ready to copy.
    let on_focus = move |ev: leptos::ev::FocusEvent| {
        if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            let _ = i.select();
        }
    };

    view! {
        <div class="toolbar" role="toolbar" aria-label="Session" on:click=on_click>
            <button type="button" data-testid="undo" title="Rebuild the lab without the last command">"↶ Undo"</button>
            <button type="button" data-testid="reset" title="Start again from a fresh host">"⟲ Reset"</button>
            <button type="button" data-testid="permalink" aria-expanded=expanded(open, Open::Link)>"⚭ Permalink"</button>
            <button type="button" data-testid="export" aria-expanded=expanded(open, Open::Export)>"⤓ Export script"</button>
            <button type="button" data-testid="import" aria-expanded=expanded(open, Open::Import)>"⤒ Import"</button>
        </div>
        <div class="drawer" hidden=move || open.get() == Open::None on:click=on_click on:focusin=on_focus
            inner_html=move || texts.with_value(|[l, s, p]| drawer_html(open.get(), l, s, p))></div>
    }
}
