//! A lesson's progress: each check of a step with its verdict, and the rule
//! that ticks steps in order.

use crate::checks;
use crate::verify::{eval, World};
use lab_protocol::{CheckRow, LessonChecks, Progress};

/// Each check of a step with its verdict, labelled for the learner (see
/// [`checks::Check::label`]); the reason is empty when the label says it.
pub fn evaluate(checks: &[String], world: &dyn World) -> Vec<CheckRow> {
    checks
        .iter()
        .map(|src| match checks::parse(src) {
            Ok(c) => {
                let (label, plain) = c.label();
                let v = eval(&c, world);
                let why = if plain { String::new() } else { v.why };
                CheckRow { label, ok: v.ok, why }
            }
            Err(e) => CheckRow { label: src.clone(), ok: false, why: e.0 },
        })
        .collect()
}

/// Ticks steps in order: the first unticked step is checked, and if it holds
/// the next one is checked too. Later steps never tick before earlier ones
/// (a cleanup step "netns orange is gone" holds before the lesson starts).
/// Ticks stay: undoing the work of a ticked step does not untick it.
pub fn advance(lesson: &LessonChecks, world: &dyn World) -> Progress {
    let mut ticked = lesson.ticked.min(lesson.steps.len());
    while let Some(step) = lesson.steps.get(ticked) {
        let current = evaluate(step, world);
        if !current.iter().all(|c| c.ok) {
            return Progress { ticked, current };
        }
        ticked += 1;
    }
    Progress { ticked, current: Vec::new() }
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

    fn lesson(ticked: usize) -> LessonChecks {
        let steps = vec![vec!["ran \"ip link *\"".to_string()], vec!["netns orange is gone".to_string()]];
        LessonChecks { steps, ticked, setup: Vec::new() }
    }

    #[test]
    fn steps_tick_in_order_only() {
        let w = Hist(vec![], Snapshot::default());
        let p = advance(&lesson(0), &w);
        assert_eq!(p.ticked, 0, "B holds but A does not");
        assert_eq!((p.current[0].label.as_str(), p.current[0].ok), ("run ip link", false));
        let w = Hist(vec!["ip link show".into()], Snapshot::default());
        assert_eq!(advance(&lesson(0), &w), Progress { ticked: 2, current: vec![] }, "A then B cascade");
        assert_eq!(advance(&lesson(2), &w).ticked, 2);
        assert_eq!(advance(&lesson(9), &w).ticked, 2, "a stale count is clamped");
    }
}
