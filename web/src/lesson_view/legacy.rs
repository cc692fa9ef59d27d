//! The side panel's old entry points, kept so the app of the single-threaded
//! page keeps working until it renders [`SidePanel`] itself with the
//! worker's state. DELETE this module when app.rs does: it evaluates the
//! lesson on the page (as the page did before the lab moved to a worker)
//! and mounts the panel into the element the old app hands it.

use super::SidePanel;
use crate::app::Route;
use crate::lesson::{advance, evaluate, saved_ticked, Lesson, Section};
use crate::shell::Shell;
use crate::state::LabSignals;
use lab_protocol::{CheckRow, Progress};
use leptos::prelude::*;
use std::any::Any;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::Element;

struct Mounted {
    lesson: RwSignal<Option<&'static Lesson>>,
    lab: LabSignals,
    _handle: Box<dyn Any>,
}

thread_local! {
    static MOUNTED: RefCell<Option<Mounted>> = const { RefCell::new(None) };
}

/// The lab's progress through `lesson`, evaluated here on the page.
fn progress(lesson: &Lesson, shell: Shell) -> Progress {
    let steps: Vec<&'static Section> = lesson.steps().map(|(_, s)| s).collect();
    let ticked = shell.with_session(|s| advance(&steps, saved_ticked(lesson), s));
    let current = steps
        .get(ticked)
        .map(|step| {
            shell
                .with_session(|s| evaluate(step, s))
                .into_iter()
                .map(|(label, v)| CheckRow { label, ok: v.ok, why: v.why })
                .collect()
        })
        .unwrap_or_default();
    Progress { ticked, current }
}

/// Brings the side panel up to date after `route` or the lab changed;
/// returns the route and how many steps are ticked.
pub fn update_side(side: &Element, route: Route, _prev: Option<(Route, usize)>, shell: Shell) -> (Route, usize) {
    let lesson = match route {
        Route::Lesson(l) => Some(l),
        Route::Sandbox => None,
    };
    let p = lesson.map(|l| progress(l, shell)).unwrap_or_default();
    let ticked = p.ticked;
    untrack(|| {
        MOUNTED.with(|m| {
            let mut m = m.borrow_mut();
            if m.is_none() {
                let Ok(el) = side.clone().dyn_into::<web_sys::HtmlElement>() else { return };
                let owner = Owner::new_root(None);
                let (sig, lab) = owner.with(|| (RwSignal::new(lesson), LabSignals::new()));
                // The panel lives as long as the page.
                std::mem::forget(owner);
                let run = Callback::new(move |line: String| shell.submit(&line));
                let start_over = Callback::new(move |()| shell.reset());
                let handle = leptos::mount::mount_to(el, move || {
                    view! { <SidePanel lesson=sig lab run start_over /> }
                });
                *m = Some(Mounted { lesson: sig, lab, _handle: Box::new(handle) });
            }
            if let Some(m) = m.as_ref() {
                if m.lesson.get_untracked().map(|l| l.slug) != lesson.map(|l| l.slug) {
                    m.lab.progress.set(Progress::default());
                    m.lesson.set(lesson);
                }
                m.lab.progress.set(p);
                m.lab.version.update(|v| *v += 1);
            }
        })
    });
    (route, ticked)
}

/// Clicks in the side panel are the panel's own now.
pub fn side_click(_target: &Element, _route: Route, _shell: Shell) {}
