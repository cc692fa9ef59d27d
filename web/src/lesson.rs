//! The lessons' index as compiled into the bundle (everything but the
//! prose, which is fetched when a lesson opens: see `lesson_view::prose`),
//! the learner's saved progress, and how steps get ticked.

use crate::browser;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks;

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
