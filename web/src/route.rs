//! Where the learner is: `#/lesson/SLUG`, `#/sandbox`,
//! `#/sandbox/preset/NAME` (the sandbox started from a lab preset), each
//! optionally followed by `/s=PERMALINK`, and where each route keeps its
//! session.
//!
//! The studio page (`studio.html`, the `studio` feature) adds lessons that
//! are not built in — `#/lesson?src=URL` (fetched) and `#/lesson?file=NAME`
//! (a local file the page keeps in storage) — and the lesson builder,
//! `#/build`. Any route but the builder's may start with `/embed`: the lab
//! without the site's navigation, for an instructor's iframe.

use crate::lesson::{saved_ticked, session_key, Lesson, LessonDoc, LESSONS};
use lab_protocol::LessonChecks;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Lesson(&'static Lesson),
    Sandbox,
    /// The sandbox started from a lab preset (`sim_core::lab::presets::NAMES`).
    Preset(&'static str),
    /// The sandbox with the lesson builder beside it (studio page).
    Build,
}

/// A lesson that is not built in, as its route names it: the query's value
/// as written in the address (still percent-encoded), so the route, its
/// session and its progress keep one name however often it is opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Url(String),
    File(String),
}

impl Source {
    /// The slug the lesson is known by in storage and in the page: `src=…`
    /// or `file=…`, which no built-in slug can be (they have no `=`).
    pub fn slug(&self) -> String {
        match self {
            Source::Url(u) => format!("src={u}"),
            Source::File(f) => format!("file={f}"),
        }
    }
}

/// What a fragment asks for: a route, or a lesson to open first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Route(Route),
    Source(Source),
}

/// A fragment read: what it asks for, whether inside another page's
/// iframe (`/embed`), and a permalink's payload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub target: Target,
    pub embed: bool,
    pub payload: Option<String>,
    /// The name of `#/sandbox/preset/NAME` when no preset has it (the
    /// target is then the sandbox).
    pub no_preset: Option<String>,
}

impl PartialEq for Lesson {
    fn eq(&self, other: &Self) -> bool {
        self.slug == other.slug && self.steps == other.steps && self.title == other.title
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
            // An opened lesson's slug is its query (`src=…`, `file=…`).
            Route::Lesson(l) if l.slug.contains('=') => format!("/lesson?{}", l.slug),
            Route::Lesson(l) => format!("/lesson/{}", l.slug),
            Route::Sandbox => "/sandbox".into(),
            Route::Preset(name) => format!("/sandbox/preset/{name}"),
            Route::Build => "/build".into(),
        }
    }

    pub fn session_key(&self) -> String {
        match self {
            Route::Lesson(l) => session_key(l.slug),
            Route::Sandbox => "nslab.session.sandbox".into(),
            Route::Preset(name) => format!("nslab.session.sandbox.preset.{name}"),
            Route::Build => "nslab.session.build".into(),
        }
    }

    /// The lesson of this route, if it has one.
    pub fn lesson(&self) -> Option<&'static Lesson> {
        match self {
            Route::Lesson(l) => Some(l),
            Route::Sandbox | Route::Preset(_) | Route::Build => None,
        }
    }

    /// The preset of a sandbox started from one (`""` for any other route).
    pub fn sandbox_preset(&self) -> &'static str {
        match self {
            Route::Preset(name) => name,
            _ => "",
        }
    }

    /// The lab preset this route's lab starts from: the sandbox's, or the
    /// lesson's (from its file, `doc`).
    pub fn preset(&self, doc: Option<&LessonDoc>) -> Option<String> {
        match self {
            Route::Preset(name) => Some(name.to_string()),
            _ => doc?.preset.clone(),
        }
    }

    /// The checks the lab evaluates for this route (from its lesson's
    /// file, `doc`), and the steps already ticked.
    pub fn checks(&self, doc: &LessonDoc) -> Option<LessonChecks> {
        let Route::Lesson(l) = self else { return None };
        Some(LessonChecks { steps: doc.step_checks(), ticked: saved_ticked(l), setup: doc.setup.clone() })
    }

    /// Whether only the studio page draws this route (the first load's page
    /// sends the learner there).
    pub fn studio_only(&self) -> bool {
        matches!(self, Route::Build)
    }
}

/// The fragment of `route`, inside an iframe or not.
pub fn fragment(route: &Route, embed: bool) -> String {
    if embed {
        format!("/embed{}", route.path())
    } else {
        route.path()
    }
}

/// Reads a fragment (without `#`).
pub fn parse_hash(h: &str) -> Place {
    // A payload is the last `/s=` with no `/` after it: a lesson's address
    // may hold one too.
    let (path, payload) = match h.rsplit_once("/s=") {
        Some((p, s)) if !s.contains('/') => (p, Some(s.to_string())),
        _ => (h, None),
    };
    let (embed, path) = match path.strip_prefix("/embed") {
        Some(rest) if rest.starts_with('/') => (true, rest),
        _ => (false, path),
    };
    let first = || LESSONS.first().map(Route::Lesson).unwrap_or(Route::Sandbox);
    let mut no_preset = None;
    let target = if let Some(query) = path.strip_prefix("/lesson?") {
        let query = query.trim_end_matches('/');
        match (query.strip_prefix("src="), query.strip_prefix("file=")) {
            (Some(url), _) if !url.is_empty() => Target::Source(Source::Url(url.to_string())),
            (_, Some(name)) if !name.is_empty() => Target::Source(Source::File(name.to_string())),
            _ => Target::Route(Route::Sandbox),
        }
    } else if let Some(slug) = path.trim_end_matches('/').strip_prefix("/lesson/") {
        Target::Route(Lesson::find(slug).map(Route::Lesson).unwrap_or(Route::Sandbox))
    } else if let Some(name) = path.trim_end_matches('/').strip_prefix("/sandbox/preset/") {
        match sim_core::lab::presets::NAMES.iter().find(|n| **n == name) {
            Some(name) => Target::Route(Route::Preset(name)),
            None => {
                no_preset = Some(name.to_string());
                Target::Route(Route::Sandbox)
            }
        }
    } else if path.starts_with("/sandbox") {
        Target::Route(Route::Sandbox)
    } else if path.trim_end_matches('/') == "/build" && !embed {
        Target::Route(Route::Build)
    } else {
        Target::Route(first())
    };
    Place { target, embed, payload, no_preset }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(h: &str) -> (Route, Option<String>) {
        let p = parse_hash(h);
        let Target::Route(r) = p.target else { panic!("{h}: {p:?}") };
        (r, p.payload)
    }

    #[test]
    fn fragments_name_routes_and_permalinks() {
        assert_eq!(route("/sandbox"), (Route::Sandbox, None));
        assert_eq!(route("/sandbox/s=v1.abc"), (Route::Sandbox, Some("v1.abc".into())));
        let veth = Lesson::find("veth-pairs").unwrap();
        assert_eq!(route(""), (Route::Lesson(veth), None));
        assert_eq!(route("/lesson/veth-pairs/s=v1."), (Route::Lesson(veth), Some("v1.".into())));
        assert_eq!(route("/lesson/nope"), (Route::Sandbox, None));
        assert_eq!(route("/build"), (Route::Build, None));
    }

    #[test]
    fn a_preset_sandbox_has_its_own_route_and_session() {
        let p = parse_hash("/sandbox/preset/docker-host/s=v1.x");
        assert_eq!((p.target, p.payload.as_deref()), (Target::Route(Route::Preset("docker-host")), Some("v1.x")));
        let r = Route::Preset("kind-node");
        assert_eq!(route(&r.path()[..]).0, r);
        assert_eq!(r.session_key(), "nslab.session.sandbox.preset.kind-node");
        assert_ne!(r.session_key(), Route::Sandbox.session_key());
        assert_eq!(r.preset(None).as_deref(), Some("kind-node"));
        assert_eq!(parse_hash("/embed/sandbox/preset/cloud-host/").target, Target::Route(Route::Preset("cloud-host")));
        for name in sim_core::lab::presets::NAMES {
            assert_eq!(route(&format!("/sandbox/preset/{name}")).0, Route::Preset(name));
        }
        let nope = parse_hash("/sandbox/preset/nope");
        assert_eq!((nope.target, nope.no_preset.as_deref()), (Target::Route(Route::Sandbox), Some("nope")));
        assert_eq!(parse_hash("/sandbox").no_preset, None);
    }

    #[test]
    fn embedded_routes_keep_their_route_and_lose_the_navigation() {
        let veth = Lesson::find("veth-pairs").unwrap();
        let p = parse_hash("/embed/lesson/veth-pairs");
        assert_eq!((p.target, p.embed), (Target::Route(Route::Lesson(veth)), true));
        assert!(parse_hash("/embed/sandbox").embed);
        assert!(!parse_hash("/embedded").embed, "only a whole segment");
        assert_eq!(fragment(&Route::Lesson(veth), true), "/embed/lesson/veth-pairs");
        assert_eq!(parse_hash("/embed/build").target, Target::Route(veth_or_first()), "no builder in an iframe");
    }

    fn veth_or_first() -> Route {
        Route::Lesson(LESSONS.first().unwrap())
    }

    #[test]
    fn lessons_from_elsewhere_are_named_by_their_query() {
        let url = "https%3A%2F%2Fexample.org%2Fs%3D1%2Fl.md";
        let p = parse_hash(&format!("/embed/lesson?src={url}/s=v1.x"));
        assert_eq!(p.target, Target::Source(Source::Url(url.into())));
        assert_eq!((p.embed, p.payload.as_deref()), (true, Some("v1.x")));
        let unencoded = parse_hash("/lesson?src=https://h/s=2/a.md");
        assert_eq!(unencoded.target, Target::Source(Source::Url("https://h/s=2/a.md".into())));
        assert_eq!(parse_hash("/lesson?file=mine.md").target, Target::Source(Source::File("mine.md".into())));
        assert_eq!(Source::File("mine.md".into()).slug(), "file=mine.md");
        assert_eq!(parse_hash("/lesson?src=").target, Target::Route(Route::Sandbox));
    }
}
