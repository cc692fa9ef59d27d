//! Session tools: undo, reset, permalink, export to a script, import.

use crate::app::{find, Route};
use crate::browser;
use crate::html::Html;
use crate::session::{encode_permalink, export_script, import_script};
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
            h.r("<textarea id=\"export-text\" data-testid=\"export-text\" readonly rows=\"8\">\n")
                .t(script)
                .r("</textarea>");
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
    // The open drawer, and what the drawers show: the permalink, the
    // script, what was pasted.
    let state = StoredValue::new((Open::None, [String::new(), String::new(), String::new()]));
    // Shows the open drawer (and marks its button), or hides it.
    let show = move || {
        let Some(el) = find(".drawer") else { return };
        state.with_value(|(open, [l, s, p])| {
            for (id, o) in [("permalink", Open::Link), ("export", Open::Export), ("import", Open::Import)] {
                if let Some(b) = find(&format!("[data-testid={id}]")) {
                    let _ = b.set_attribute("aria-expanded", if *open == o { "true" } else { "false" });
                }
            }
            el.set_inner_html(&drawer_html(*open, l, s, p));
            let _ = if *open == Open::None { el.set_attribute("hidden", "") } else { el.remove_attribute("hidden") };
        });
    };
    let toggle = move |o: Open| {
        let pasted = import_text();
        state.update_value(|(open, texts)| {
            if let Some(t) = pasted {
                texts[2] = t;
            }
            *open = if *open == o { Open::None } else { o };
        });
        show();
    };

    // One handler for every button of the toolbar and its drawer.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("button").ok().flatten())
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
                let url = browser::url_with_hash(&format!(
                    "{}/s={}",
                    route.get_untracked().path(),
                    encode_permalink(&shell.log())
                ));
                browser::copy_to_clipboard(&url);
                state.update_value(|(_, x)| x[0] = url);
                toggle(Open::Link);
            }
            "export" => {
                let s = export_script(&shell.log(), &shell.statuses());
                state.update_value(|(_, x)| x[1] = s);
                toggle(Open::Export);
            }
            "import" => toggle(Open::Import),
            "export-download" => state.with_value(|(_, x)| browser::download("nslab-session.sh", &x[1])),
            "export-copy" => state.with_value(|(_, x)| browser::copy_to_clipboard(&x[1])),
            "import-run" => {
                let lines = import_script(&import_text().unwrap_or_default());
                shell.reset();
                shell.notice(format!("# Importing {} command(s).", lines.len()));
                for l in &lines {
                    shell.submit(l);
                }
                state.update_value(|(open, x)| {
                    x[2].clear();
                    *open = Open::None;
                });
                show();
            }
            _ => {}
        }
    };
    // The permalink is selected when it gets focus, ready to copy.
    let on_focus = move |ev: leptos::ev::FocusEvent| {
        if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            i.select();
        }
    };

    view! {
        <div class="toolbar" role="toolbar" aria-label="Session" on:click=on_click inner_html=TOOLBAR_HTML></div>
        <div class="drawer" hidden on:click=on_click on:focusin=on_focus></div>
    }
}

const TOOLBAR_HTML: &str = concat!(
    r#"<button type="button" data-testid="undo" title="Rebuild the lab without the last command">↶ Undo</button>"#,
    r#"<button type="button" data-testid="reset" title="Start again from a fresh host">⟲ Reset</button>"#,
    r#"<button type="button" data-testid="permalink" aria-expanded="false">⚭ Permalink</button>"#,
    r#"<button type="button" data-testid="export" aria-expanded="false">⤓ Export script</button>"#,
    r#"<button type="button" data-testid="import" aria-expanded="false">⤒ Import</button>"#
);
