//! Where the learner is: `#/lesson/SLUG`, `#/sandbox`, each optionally
//! followed by `/s=PERMALINK`; and where each route keeps its session.

use crate::lesson::{saved_ticked, session_key, Lesson, LessonDoc, LESSONS};
use lab_protocol::LessonChecks;

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

    /// The lesson of this route, if it has one.
    pub fn lesson(&self) -> Option<&'static Lesson> {
        match self {
            Route::Lesson(l) => Some(l),
            Route::Sandbox => None,
        }
    }

    /// The checks the lab evaluates for this route (from its lesson's
    /// file, `doc`), and the steps already ticked.
    pub fn checks(&self, doc: &LessonDoc) -> Option<LessonChecks> {
        let Route::Lesson(l) = self else { return None };
        Some(LessonChecks { steps: doc.step_checks(), ticked: saved_ticked(l) })
    }
}

/// Splits a fragment into a route and an optional permalink payload.
pub fn parse_hash(h: &str) -> (Route, Option<String>) {
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
