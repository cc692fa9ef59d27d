//! The page: its frame (skip links, header, navigation, the broken-link
//! banner) and its panels; it follows the route in the URL fragment.

use crate::browser;
use crate::diagram::Diagram;
use crate::lesson::{self, DocState, LESSONS};
use crate::lesson_view::SidePanel;
#[cfg(feature = "pair")]
use crate::pair_view::{DiffView, PairActions, PairPanel};
use crate::route::{fragment, parse_hash, Route, Target};
use crate::session::decode_permalink;
use crate::shell::Shell;
#[cfg(feature = "studio")]
use crate::studio;
use crate::terminal::Terminal;
use crate::toolbar::Toolbar;
use gloo_events::EventListener;
use leptos::either::Either;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Opens the session of the current fragment; reports a broken permalink in
/// `problem` (empty when there is none). A lesson's file goes into `doc`
/// (read by its panel), and its session opens once the file (with the
/// checks the lab evaluates) has arrived; lines typed meanwhile wait.
fn follow_hash(shell: Shell, page: Page) {
    let Page { route, doc, problem, embed } = page;
    let h = browser::hash();
    if !h.is_empty() && !h.starts_with('/') {
        return; // an in-page anchor such as a skip link
    }
    // (The first load's page never sees one: web/boot.js sends a pairing
    // link to pair.html, the paired page, before the wasm loads. The
    // feature is tested before the link is read, so that the first load
    // links no reader: a `filter` after it kept 0.5 KB of dead code.)
    let link = if cfg!(feature = "pair") { crate::pair::parse_link(&h) } else { None };
    if let Some((agent, token)) = link {
        // A pairing link: its address and token go into the panel, and the
        // token leaves the address bar (and the history) at once.
        shell.pair.link.set((agent.clone(), token.clone()));
        shell.pair.shown.set(true);
        browser::replace_hash(&route.with_untracked(Route::path));
        if !agent.is_empty() {
            shell.pair_with(&agent, &token);
        }
        return follow_hash(shell, page);
    }
    let place = parse_hash(&h);
    let studio_only = match &place.target {
        Target::Source(_) => true,
        Target::Route(r) => r.studio_only(),
    };
    if studio_only && !cfg!(feature = "studio") {
        // The first load's page reads no Markdown and has no builder: the
        // studio page does (web/boot.js sends a first load there at once).
        return browser::go(&format!("studio.html#{h}"));
    }
    let first = OPENING.with(|n| n.get()) == 0;
    if !first && place.embed != embed.get_untracked() {
        // In or out of an iframe's form: the header is drawn once per page
        // (a reactive one linked 2.2 KB of rebuilding into the first load).
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
        return;
    }
    let r = match &place.target {
        Target::Route(r) => *r,
        Target::Source(source) => studio::placeholder(source),
    };
    let key = r.session_key();
    problem.set(String::new());
    doc.set(None);
    embed.set(place.embed);
    route.set(r);
    shell.hold(&key);
    let opening = OPENING.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    wasm_bindgen_futures::spawn_local(async move {
        let (r, loaded) = match (&place.target, r.lesson()) {
            (Target::Source(source), _) => studio::open(source).await,
            (_, Some(l)) => (r, Some(lesson::load(l.slug).await)),
            _ => (r, None),
        };
        if OPENING.with(|n| n.get()) != opening {
            return; // the learner has gone elsewhere meanwhile
        }
        let file = loaded.as_ref().and_then(|l| l.as_ref().ok());
        let checks = file.and_then(|d| r.checks(d));
        let preset = r.preset(file.map(|d| &**d));
        route.set(r);
        doc.set(loaded);
        match place.payload.map(|p| decode_permalink(&p)) {
            None => shell.open(&key, None, checks, preset),
            Some(Ok(lines)) => {
                let n = lines.len();
                shell.open(&key, Some(lines), checks, preset);
                shell.notice(format!("# Session restored from a link: {n} command(s) replayed."));
            }
            Some(Err(e)) => {
                shell.open(&key, Some(Vec::new()), checks, preset);
                problem.set(format!("This link could not be opened: {}. You have an empty lab instead.", e.0));
            }
        }
        if let Some(name) = place.no_preset {
            problem.set(format!("There is no lab preset named “{name}”: this is the sandbox, as you left it."));
        }
        // The session now lives in storage; drop the payload so reload keeps later work.
        browser::replace_hash(&fragment(&r, place.embed));
    });
}

/// The page's own signals, which the fragment sets.
#[derive(Clone, Copy)]
struct Page {
    route: RwSignal<Route>,
    /// The open lesson's file: a plain signal `follow_hash` fills in, rather
    /// than a `LocalResource`, whose async machinery (AsyncDerived,
    /// ScopedFuture) cost the site 9.6 KB gzip.
    doc: RwSignal<DocState>,
    /// Why a permalink could not be opened (empty when it could).
    problem: RwSignal<String>,
    /// Inside another page's iframe (`#/embed/…`): no site navigation. Set
    /// by the first fragment; a later one that changes it reloads the page.
    embed: RwSignal<bool>,
}

/// The first load's page has no studio: `follow_hash` sends those routes
/// to studio.html before it would call these.
#[cfg(not(feature = "studio"))]
mod studio {
    use super::*;
    use crate::route::Source;

    pub fn placeholder(_: &Source) -> Route {
        Route::Sandbox
    }

    pub async fn open(_: &Source) -> (Route, DocState) {
        (Route::Sandbox, None)
    }
}

thread_local! {
    /// Counts the sessions `follow_hash` set out to open: only the latest opens.
    static OPENING: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A skip link: moves focus to `id` without touching the fragment (which holds the route).
fn skip_to(id: &'static str) -> impl Fn(leptos::ev::MouseEvent) {
    move |ev| {
        ev.prevent_default();
        let el = document().get_element_by_id(id).and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = el {
            if !el.has_attribute("tabindex") && el.tag_name() != "INPUT" {
                let _ = el.set_attribute("tabindex", "-1");
            }
            let _ = el.focus();
        }
    }
}

/// The main navigation: each lesson, then the sandbox; the current page is marked.
#[component]
fn MainNav(route: RwSignal<Route>) -> impl IntoView {
    let current = move |r: Route| move || (route.get() == r).then_some("page");
    view! {
        <nav aria-label="Main" data-testid="site-nav">
            {LESSONS
                .iter()
                .map(|l| {
                    let r = Route::Lesson(l);
                    view! { <a href=format!("#{}", r.path()) title=l.title aria-current=current(r)>{l.nav}</a> }
                })
                .collect_view()}
            <a href="#/sandbox" aria-current=current(Route::Sandbox)>"Sandbox"</a>
        </nav>
    }
}

/// In an iframe, in place of the navigation: the same lab in the full
/// site, in a new tab (its session is the same one, kept in storage).
#[component]
fn OpenInSite(route: RwSignal<Route>) -> impl IntoView {
    let href = move || browser::url_with_hash(&route.with(Route::path));
    view! {
        <a class="open-site" data-testid="open-site" href=href target="_blank" rel="noopener">
            "Open in nslab ↗"
        </a>
    }
}

/// The banner of a permalink that could not be opened.
#[component]
fn LinkProblem(problem: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="banner" role="alert" data-testid="link-error" hidden=move || problem.with(String::is_empty)>
            {problem}
            <button type="button" class="linkish" on:click=move |_| problem.set(String::new())>"Dismiss"</button>
        </div>
    }
}

/// The toolbar, and in the paired page (the `pair` feature) the "Pair with
/// a VM" panel under it. Two functions rather than an optional child: an
/// `Option` of the panel would link its code into the first load too.
#[cfg(feature = "pair")]
fn tools(shell: Shell, route: RwSignal<Route>) -> impl IntoView {
    let act = PairActions {
        pair: Callback::new(move |(url, token): (String, String)| shell.pair_with(&url, &token)),
        unpair: Callback::new(move |()| shell.unpair()),
        mode: Callback::new(move |(mode, agreed)| shell.set_mode(mode, agreed)),
    };
    view! { <Toolbar shell route/> <PairPanel pair=shell.pair act/> }
}

#[cfg(not(feature = "pair"))]
fn tools(shell: Shell, route: RwSignal<Route>) -> impl IntoView {
    view! { <Toolbar shell route/> }
}

/// The terminal, and in the paired page the side-by-side view under it.
#[cfg(feature = "pair")]
fn terminal(shell: Shell) -> impl IntoView {
    view! { <Terminal shell/> <DiffView pair=shell.pair/> }
}

#[cfg(not(feature = "pair"))]
fn terminal(shell: Shell) -> impl IntoView {
    view! { <Terminal shell/> }
}

/// The side panel: the lesson or the sandbox's welcome, and in the studio
/// page the lesson builder on its route.
#[cfg(feature = "studio")]
fn side(shell: Shell, page: Page, run: Callback<String>, start_over: Callback<()>) -> impl IntoView {
    let Page { route, doc, problem, .. } = page;
    studio::add_styles();
    studio::open_view::listen_for_drops(problem);
    let building = move || [route.get() == Route::Build];
    view! {
        <For each=building key=|b| *b let:b>
            {match b {
                true => Either::Left(view! { <studio::builder::Builder shell /> }),
                false => Either::Right(view! { <SidePanel route doc lab=shell.lab run start_over/> }),
            }}
        </For>
    }
}

#[cfg(not(feature = "studio"))]
fn side(shell: Shell, page: Page, run: Callback<String>, start_over: Callback<()>) -> impl IntoView {
    let Page { route, doc, .. } = page;
    view! { <SidePanel route doc lab=shell.lab run start_over/> }
}

#[component]
pub fn App() -> impl IntoView {
    let shell = Shell::new();
    let page = Page {
        route: RwSignal::new(Route::Sandbox),
        doc: RwSignal::new(DocState::None),
        problem: RwSignal::new(String::new()),
        embed: RwSignal::new(false),
    };
    let Page { route, problem, embed, .. } = page;
    follow_hash(shell, page);
    // Listens as long as the page lives (the app is never unmounted).
    EventListener::new(&window(), "hashchange", move |_| follow_hash(shell, page)).forget();
    let run = Callback::new(move |line: String| shell.submit(&line));
    let start_over = Callback::new(move |()| shell.start_over());

    view! {
        <a class="skip" href="#term-input" on:click=skip_to("term-input")>"Skip to the terminal"</a>
        <a class="skip" href="#lesson" on:click=skip_to("lesson")>"Skip to the lesson"</a>
        <header class="top">
            <a class="brand" href="#/">"nslab"</a>
            <span class="tagline">"Linux container networking, hands on"</span>
            // Drawn once: `follow_hash` reloads the page if `embed` changes.
            {match embed.get_untracked() {
                false => Either::Left(view! { <MainNav route/> }),
                true => Either::Right(view! { <OpenInSite route/> }),
            }}
        </header>
        <LinkProblem problem/>
        <main class="layout">
            <div class="side">{side(shell, page, run, start_over)}</div>
            <div class="work">
                {tools(shell, route)}
                {terminal(shell)}
                <Diagram lab=shell.lab/>
            </div>
        </main>
    }
}
