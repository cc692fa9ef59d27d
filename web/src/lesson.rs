//! The lessons' index as compiled into the bundle (everything but the
//! prose, which is fetched when a lesson opens: see `lesson_view::prose`),
//! the learner's saved progress, and how steps get ticked.

use crate::browser;
use crate::checks;
use crate::verify::{eval, Verdict, World};

pub struct Lesson {
    pub slug: &'static str,
    pub title: &'static str,
    /// The short name in the site's menu.
    pub nav: &'static str,
    pub summary: &'static str,
    /// The introduction first (empty title), then one section per `##` heading.
    pub sections: &'static [Section],
}

pub struct Section {
    pub title: &'static str,
    pub blocks: &'static [Block],
    /// Check lines; a section without checks is prose, not a step.
    pub checks: &'static [&'static str],
    pub hints: &'static [&'static str],
}

pub enum Block {
    /// A block of prose: the next of its section's prose blocks in the
    /// lesson's fetched file (rendered and escaped at build time).
    Prose,
    /// Shell lines a click sends to the terminal.
    Commands(&'static [&'static str]),
}

include!(concat!(env!("OUT_DIR"), "/lessons.rs"));

impl Section {
    pub fn is_step(&self) -> bool {
        !self.checks.is_empty()
    }
}

impl Lesson {
    pub fn find(slug: &str) -> Option<&'static Lesson> {
        LESSONS.iter().find(|l| l.slug == slug)
    }

    /// The sections that are steps, in order, with their section index.
    pub fn steps(&self) -> impl Iterator<Item = (usize, &'static Section)> {
        self.sections.iter().enumerate().filter(|(_, s)| s.is_step())
    }

    pub fn step_count(&self) -> usize {
        self.steps().count()
    }

    /// Each step's check lines, as the lab evaluates them
    /// (`lab_protocol::LessonChecks::steps`).
    pub fn step_checks(&self) -> Vec<Vec<String>> {
        self.steps().map(|(_, s)| s.checks.iter().map(|c| c.to_string()).collect()).collect()
    }
}

fn progress_key(slug: &str) -> String {
    format!("nslab.progress.{slug}")
}

/// Where a lesson's session (its command lines) is saved.
pub fn session_key(slug: &str) -> String {
    format!("nslab.session.lesson.{slug}")
}

/// How many steps of `lesson` the learner has ticked, as saved in the browser.
pub fn saved_ticked(lesson: &Lesson) -> usize {
    browser::load(&progress_key(lesson.slug)).and_then(|s| s.parse().ok()).unwrap_or(0usize).min(lesson.step_count())
}

/// Saves how many steps of `lesson` are ticked ("Start over" saves 0).
pub fn save_ticked(lesson: &Lesson, ticked: usize) {
    browser::save(&progress_key(lesson.slug), &ticked.to_string());
}

/// Each check of a section with its verdict, labelled for the learner
/// (see [`checks::Check::label`]); the reason is empty when the label says it.
pub fn evaluate(section: &Section, world: &dyn World) -> Vec<(String, Verdict)> {
    section
        .checks
        .iter()
        .map(|src| match checks::parse(src) {
            Ok(c) => {
                let (label, plain) = c.label();
                let mut v = eval(&c, world);
                if plain {
                    v.why.clear();
                }
                (label, v)
            }
            Err(e) => (src.to_string(), Verdict { ok: false, why: e.0 }),
        })
        .collect()
}

/// Ticks steps in order: the first unticked step is checked, and if it holds
/// the next one is checked too. Later steps never tick before earlier ones
/// (a cleanup step "netns orange is gone" holds before the lesson starts).
/// Ticks stay: undoing the work of a ticked step does not untick it.
/// Returns how many steps are ticked.
pub fn advance(steps: &[&Section], ticked: usize, world: &dyn World) -> usize {
    let mut n = ticked;
    while n < steps.len() && evaluate(steps[n], world).iter().all(|(_, v)| v.ok) {
        n += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim_core::Snapshot;

    struct Hist(Vec<String>, Snapshot);
    impl World for Hist {
        fn snapshot(&self) -> &Snapshot {
            &self.1
        }
        fn history(&self) -> &[String] {
            &self.0
        }
        fn probe(&self, _: &str) -> (i32, String) {
            (1, String::new())
        }
    }

    const A: Section = Section { title: "a", blocks: &[], checks: &["ran \"ip link *\""], hints: &[] };
    const B: Section = Section { title: "b", blocks: &[], checks: &["netns orange is gone"], hints: &[] };

    #[test]
    fn steps_tick_in_order_only() {
        let steps = [&A, &B];
        let w = Hist(vec![], Snapshot::default());
        assert_eq!(advance(&steps, 0, &w), 0, "B holds but A does not");
        let w = Hist(vec!["ip link show".into()], Snapshot::default());
        assert_eq!(advance(&steps, 0, &w), 2, "A then B cascade");
        assert_eq!(advance(&steps, 2, &w), 2);
    }

    #[test]
    fn the_veth_lesson_is_compiled_in() {
        let l = Lesson::find("veth-pairs").expect("content/01-veth-pairs.md");
        assert!(l.step_count() >= 10, "{}", l.step_count());
        for (_, s) in l.steps() {
            for c in s.checks {
                checks::parse(c).unwrap();
            }
        }
    }
}
