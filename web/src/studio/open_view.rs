//! The form that opens a lesson that is not built in: an address, a file
//! picker, and dropping a Markdown file anywhere on the page.

use super::open::{file_key, MAX_BYTES};
use crate::browser;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Goes to `fragment`, and reads it again if the page is already there (a
/// file picked again under the same name has new text).
fn go_to(fragment: &str) {
    if browser::hash() == fragment {
        if let (Some(w), Ok(ev)) = (web_sys::window(), web_sys::Event::new("hashchange")) {
            let _ = w.dispatch_event(&ev);
        }
    } else {
        browser::go(&format!("#{fragment}"));
    }
}

fn encode(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}

/// Keeps a picked or dropped file's text and opens it as a lesson; says
/// in `problem` why not.
pub fn open_file(file: web_sys::File, problem: RwSignal<String>) {
    let name = file.name();
    if file.size() > MAX_BYTES as f64 {
        return problem.set(format!("{name}: a lesson file is at most 1 MiB"));
    }
    wasm_bindgen_futures::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
        match text {
            Some(text) => {
                browser::save(&file_key(&name), &text);
                problem.set(String::new());
                go_to(&format!("/lesson?file={}", encode(&name)));
            }
            None => problem.set(format!("{name}: the file could not be read as text")),
        }
    });
}

/// Opens a Markdown file dropped anywhere on the page, as long as the page lives.
pub fn listen_for_drops(problem: RwSignal<String>) {
    let Some(w) = web_sys::window() else { return };
    gloo_events::EventListener::new_with_options(
        &w,
        "dragover",
        gloo_events::EventListenerOptions::enable_prevent_default(),
        |ev| ev.prevent_default(),
    )
    .forget();
    gloo_events::EventListener::new_with_options(
        &w,
        "drop",
        gloo_events::EventListenerOptions::enable_prevent_default(),
        move |ev| {
            let Some(ev) = ev.dyn_ref::<web_sys::DragEvent>() else { return };
            let file = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0));
            if let Some(file) = file {
                ev.prevent_default();
                open_file(file, problem);
            }
        },
    )
    .forget();
}

/// The sandbox panel's "Your own lesson" form.
#[component]
pub fn OpenLesson() -> impl IntoView {
    let url = NodeRef::<leptos::html::Input>::new();
    let picker = NodeRef::<leptos::html::Input>::new();
    let problem = RwSignal::new(String::new());
    let open_url = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(input) = url.get() else { return };
        let address = input.value().trim().to_string();
        if address.is_empty() {
            return problem.set("Type the address of a lesson's Markdown file.".into());
        }
        go_to(&format!("/lesson?src={}", encode(&address)));
    };
    let picked = move |_| {
        let file = picker.get().and_then(|p| p.files()).and_then(|f| f.get(0));
        if let Some(file) = file {
            open_file(file, problem);
        }
    };
    view! {
        <section class="open-lesson" data-testid="open-lesson" aria-labelledby="open-lesson-title">
            <h2 id="open-lesson-title">"Your own lesson"</h2>
            <p>
                "Open a lesson written in nslab's Markdown format (its sources describe it in "
                <code>"content/README.md"</code>
                "): from its address, from a file, or drop the file anywhere on this page. Or "
                <a href="#/build">"build one"</a> " from the commands you run."
            </p>
            <form on:submit=open_url>
                <label for="lesson-url">"Address"</label>
                <input id="lesson-url" type="url" node_ref=url placeholder="https://example.org/lesson.md"
                    data-testid="lesson-url" />
                <button type="submit">"Open"</button>
            </form>
            <label class="file-pick">
                "File: "
                <input type="file" accept=".md,.markdown,text/markdown,text/plain" node_ref=picker
                    on:change=picked data-testid="lesson-file" />
            </label>
            <p class="prose-error" role="alert" hidden=move || problem.with(String::is_empty)>{problem}</p>
        </section>
    }
}
