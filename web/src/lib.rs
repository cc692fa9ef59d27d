//! nslab's site: a terminal on a simulated Linux host, a live diagram of its
//! network, and lessons that check what the learner built.
//!
//! Pure logic (check language, lessons, sessions, completion, layout) is in
//! modules with native unit tests; the Leptos components only draw it.

pub mod ansi;
pub mod app;
pub mod boot;
pub mod browser;
pub use lesson_format::checks;
pub mod client;
pub mod complete;
pub mod diagram;
pub mod explain;
pub mod explain_view;
pub mod lab;
pub mod layout;
pub mod lesson;
pub mod lesson_view;
#[cfg(test)]
mod native_render;
pub mod pair;
// The paired page's panels (and their tests).
#[cfg(any(feature = "pair", test))]
pub mod pair_view;
pub mod route;
pub mod session;
pub mod shell;
pub mod state;
#[cfg(feature = "studio")]
pub mod studio;
pub mod terminal;
pub mod terminal_line;
pub mod toolbar;
pub mod trace_view;
pub mod wire;

/// Marks a moment of the page's start for scripts/bench-site (once: the
/// first time only), e.g. `app-mounted`, `lab-ready`, `lab-opened`.
pub fn mark_once(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        if perf.get_entries_by_name(name).length() == 0 {
            let _ = perf.mark(name);
        }
    }
}

/// Mounts the site on `<body>`.
pub fn mount() {
    // Panic messages in the console while developing; a release build leaves
    // the hook (and the formatting it pulls in) out.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    mark_once("app-start");
    leptos::mount::mount_to_body(app::App);
    mark_once("app-mounted");
    boot::dismiss();
}

/// Marks the moment the prompt first accepts a line (the lab has answered):
/// `performance.mark("terminal-ready")`, read by scripts/bench-site, and
/// `data-ready` on `<body>`, which the browser tests wait for.
pub fn mark_ready() {
    mark_once("terminal-ready");
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        let _ = body.set_attribute("data-ready", "1");
    }
}
