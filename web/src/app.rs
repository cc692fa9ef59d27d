//! The page: header, routes (`#/lesson/SLUG`, `#/sandbox`, each optionally
//! followed by `/s=PERMALINK`), and the panels.

use crate::browser;
use crate::diagram::diagram;
use crate::html::Html;
use crate::lesson::{Lesson, LESSONS};
use crate::lesson_view::{session_key, side_click, update_side};
use crate::session::decode_permalink;
use crate::shell::Shell;
use crate::terminal::terminal;
use crate::toolbar::toolbar;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Lesson(&'static Lesson),
    Sandbox,
}

impl PartialEq for Lesson {
    fn eq(&self, other: &Self) -> bool {
        self.slug == other.slug
    }
}
impl Eq for Lesson {}
impl std::fmt::Debug for Lesson {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.slug)
    }
}

impl Route {
    pub fn path(&self) -> String {
        match self {
            Route::Lesson(l) => format!("/lesson/{}", l.slug),
            Route::Sandbox => "/sandbox".into(),
        }
    }

    pub fn session_key(&self) -> String {
        match self {
            Route::Lesson(l) => session_key(l.slug),
            Route::Sandbox => "nslab.session.sandbox".into(),
        }
    }
}

/// Splits a fragment into a route and an optional permalink payload.
fn parse_hash(h: &str) -> (Route, Option<String>) {
    let (path, payload) = match h.split_once("/s=") {
        Some((p, s)) => (p, Some(s.to_string())),
        None => (h, None),
    };
    let route = match path.trim_end_matches('/').strip_prefix("/lesson/") {
        Some(slug) => Lesson::find(slug).map(Route::Lesson).unwrap_or(Route::Sandbox),
        None if path.starts_with("/sandbox") => Route::Sandbox,
        None => LESSONS.first().map(Route::Lesson).unwrap_or(Route::Sandbox),
    };
    (route, payload)
}

/// Opens the session of the current fragment; reports a broken permalink in `problem`.
fn follow_hash(shell: Shell, route: RwSignal<Route>, problem: RwSignal<Option<String>>) {
    let h = browser::hash();
    if !h.is_empty() && !h.starts_with('/') {
        return; // an in-page anchor such as a skip link
    }
    let (r, payload) = parse_hash(&h);
    let key = r.session_key();
    problem.set(None);
    match payload.map(|p| decode_permalink(&p)) {
        None => shell.open(&key, None),
        Some(Ok(lines)) => {
            shell.open(&key, Some(lines.clone()));
            shell.notice(format!("# Session restored from a link: {} command(s) replayed.", lines.len()));
        }
        Some(Err(e)) => {
            shell.open(&key, Some(Vec::new()));
            problem.set(Some(format!("This link could not be opened: {}. You have an empty lab instead.", e.0)));
        }
    }
    // The session now lives in storage; drop the payload so reload keeps later work.
    browser::replace_hash(&r.path());
    route.set(r);
}

/// The page's header: the name and the main navigation (each lesson, then the sandbox).
fn header_html() -> String {
    let mut h = Html::default();
    h.r(r##"<a class="brand" href="#/">nslab</a><span class="tagline">Linux container networking, hands on</span>"##);
    h.r(r#"<nav aria-label="Main">"#);
    for l in LESSONS {
        h.r("<a href=\"#/lesson/").t(l.slug).r("\"").a("title", l.title).r(">").t(l.nav).r("</a>");
    }
    h.r("<a href=\"#/sandbox\">Sandbox</a></nav>");
    h.0
}

/// Shows the banner with `problem`, or hides it.
fn show_problem(banner: &web_sys::Element, problem: Option<&str>) {
    match problem {
        None => {
            let _ = banner.set_attribute("hidden", "");
        }
        Some(p) => {
            let mut h = Html::default();
            h.t(p).r("<button type=\"button\" class=\"linkish\">Dismiss</button>");
            banner.set_inner_html(&h.0);
            let _ = banner.remove_attribute("hidden");
        }
    }
}

/// Marks the navigation link of `route` as the current page.
fn mark_current(route: &Route) {
    let here = format!("#{}", route.path());
    let Some(nav) = find("nav[aria-label=Main]") else { return };
    let mut a = nav.first_element_child();
    while let Some(el) = a {
        if el.get_attribute("href").as_deref() == Some(here.as_str()) {
            let _ = el.set_attribute("aria-current", "page");
        } else {
            let _ = el.remove_attribute("aria-current");
        }
        a = el.next_element_sibling();
    }
}

/// Skip links move focus without touching the fragment (which holds the route).
fn skip_to(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
            if !el.has_attribute("tabindex") && el.tag_name() != "INPUT" {
                let _ = el.set_attribute("tabindex", "-1");
            }
            let _ = el.focus();
        }
    }
}

/// The first element matching `selector`.
pub fn find(selector: &str) -> Option<web_sys::Element> {
    document().query_selector(selector).ok().flatten()
}

#[component]
pub fn App() -> impl IntoView {
    let shell = Shell::new();
    let route = RwSignal::new(Route::Sandbox);
    let problem = RwSignal::new(None::<String>);
    follow_hash(shell, route, problem);
    let hashchange = window_event_listener(leptos::ev::hashchange, move |_| follow_hash(shell, route, problem));

    // The side panel (a lesson or the sandbox's welcome), the current page
    // in the navigation and the banner of a broken link follow the route; a
    // lesson follows the lab too. One effect for the page's frame.
    Effect::new(move |prev: Option<(Route, usize)>| {
        let r = route.get();
        shell.lab.track();
        if let Some(b) = find(".banner") {
            problem.with(|p| show_problem(&b, p.as_deref()));
        }
        let Some(side) = find(".side") else { return (r, 0) };
        if prev.map(|p| p.0) != Some(r) {
            mark_current(&r);
        }
        update_side(&side, r, prev, shell)
    });

    // Clicks in the frame: skip links, the banner's Dismiss, the side panel.
    let click = window_event_listener(leptos::ev::click, move |ev| {
        let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let within = |sel: &str| t.closest(sel).ok().flatten();
        if let Some(a) = within("a.skip") {
            ev.prevent_default();
            skip_to(a.get_attribute("href").unwrap_or_default().trim_start_matches('#'));
        } else if within("[data-testid=trace-replay]").is_some() {
            shell.play_trace();
        } else if within(".banner button").is_some() {
            problem.set(None);
        } else if within(".side").is_some() {
            side_click(&t, route.get_untracked(), shell);
        }
    });
    on_cleanup(move || {
        hashchange.remove();
        click.remove();
    });

    view! {
        <a class="skip" href="#term-input">"Skip to the terminal"</a>
        <a class="skip" href="#lesson">"Skip to the lesson"</a>
        <header class="top" inner_html=header_html()></header>
        <div class="banner" role="alert" data-testid="link-error" hidden></div>
        <main class="layout">
            <div class="side"></div>
            <div class="work">
                {toolbar(shell, route)}
                {terminal(shell)}
                {diagram(shell)}
            </div>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_name_routes_and_permalinks() {
        assert_eq!(parse_hash("/sandbox"), (Route::Sandbox, None));
        assert_eq!(parse_hash("/sandbox/s=v1.abc"), (Route::Sandbox, Some("v1.abc".into())));
        let veth = Lesson::find("veth-pairs").unwrap();
        assert_eq!(parse_hash(""), (Route::Lesson(veth), None));
        assert_eq!(parse_hash("/lesson/veth-pairs/s=v1."), (Route::Lesson(veth), Some("v1.".into())));
        assert_eq!(parse_hash("/lesson/nope"), (Route::Sandbox, None));
    }
}
