//! Every shipped lesson can be completed by clicking its commands in order:
//! after each step's commands, exactly that step (and no later one) ticks.
//! And every lesson was run, command for command, on a real kernel: its
//! commands begin the script of a recording that sim-core's transcript test
//! holds the simulator to.

use lab_protocol::{Event, LessonChecks, Progress, Request};
use web::lab::host::LabHost;
use web::lab::session::LabSession;
use web::lesson::{LessonDoc, LESSONS};

/// Each lesson's file, as the page fetches it, in the index's order.
fn docs() -> Vec<LessonDoc> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let mds = lesson_format::markdown::read_lessons(&dir).unwrap();
    assert_eq!(
        mds.iter().map(|m| m.slug.as_str()).collect::<Vec<_>>(),
        LESSONS.iter().map(|l| l.slug).collect::<Vec<_>>()
    );
    mds.iter().map(lesson_format::markdown::to_doc).collect()
}

/// Sends one request to the lab as the page would; returns the progress it
/// reports, or `None` when the line needs the complete lab and this build
/// of the worker is the basic one (the page would switch labs there).
fn progress(host: &mut LabHost, req: Request) -> Option<Progress> {
    let mut last = None;
    let mut basic = false;
    host.handle(req, &mut |e| match e {
        Event::Opened { state, .. } | Event::Done { state, .. } | Event::Waiting { state, .. } => {
            last = state.progress.or(last.take())
        }
        Event::NeedsComplete { .. } => basic = true,
        _ => {}
    });
    if basic {
        // The complete lab never asks for itself.
        #[cfg(feature = "complete")]
        panic!("the complete lab answered NeedsComplete");
        #[cfg(not(feature = "complete"))]
        return None;
    }
    Some(last.expect("a lesson's session reports its progress"))
}

#[test]
fn each_step_ticks_after_its_own_commands() {
    for lesson in docs() {
        let steps: Vec<_> = lesson.steps().collect();
        let checks = lesson.step_checks();
        let mut host = LabHost::default();
        let setup = lesson.setup.clone();
        let lesson_checks = Some(LessonChecks { steps: checks, ticked: 0, setup });
        let open = Request::Open { lines: vec![], lesson: lesson_checks, preset: lesson.preset.clone() };
        // A lesson that starts from a preset opens in the complete lab only.
        let Some(opened) = progress(&mut host, open) else { continue };
        assert_eq!(opened.ticked, 0, "{}: a step ticked before any command", lesson.slug);
        'steps: for (i, step) in steps.iter().enumerate() {
            let mut p = None;
            for l in step.commands() {
                match progress(&mut host, Request::Run { id: 0, line: l.clone(), term: 0 }) {
                    Some(got) => p = Some(got),
                    // The basic build stops here; `--features complete` plays it all.
                    None => break 'steps,
                }
            }
            let p = p.expect("a step has commands");
            assert_eq!(
                p.ticked,
                i + 1,
                "{}: step {} ({}) did not tick: {:?}",
                lesson.slug,
                i + 1,
                step.title,
                p.current
            );
        }
    }
}

#[test]
fn the_veth_lesson_prints_what_linux_prints() {
    let mut s = LabSession::default();
    let out = s.run("ip link show tap1").expect("the basic lab runs it");
    assert_eq!(out.text(), "Device \"tap1\" does not exist.\n");
    s.run("ip link add tap1 type veth peer name tap2").expect("the basic lab runs it");
    s.run("ip netns add orange").expect("the basic lab runs it");
    s.run("ip link set tap1 netns orange").expect("the basic lab runs it");
    s.run("ip netns exec orange ip link set tap1 up").expect("the basic lab runs it");
    let out = s.run("ip netns exec orange ip link show tap1").expect("the basic lab runs it");
    assert!(out.text().contains("state LOWERLAYERDOWN"), "{}", out.text());
}

#[test]
fn each_lesson_is_recorded_on_a_real_kernel() {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../sim-core/tests/data");
    for lesson in docs() {
        // A preset's lesson is a tour of its preset: the recording there
        // starts with the preset's real-host script, then the lesson's
        // commands (sim-core's `tests/presets.rs` replays it on the preset).
        let script = match &lesson.preset {
            None => data.join(format!("kernel/lesson-{}.sh", lesson.slug)),
            Some(_) => data.join(format!("presets/lesson-{}.tour", lesson.slug)),
        };
        let text = std::fs::read_to_string(&script)
            .unwrap_or_else(|e| panic!("{}: record the lesson with record-transcript ({e})", script.display()));
        let recorded: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).collect();
        // A troubleshooting lesson's setup first: the kernel ran it too.
        let taught: Vec<&str> =
            lesson.setup.iter().chain(lesson.sections.iter().flat_map(|s| s.commands())).map(String::as_str).collect();
        // Extra commands may follow the lesson's, never come between them:
        // each taught command must have been recorded in the learner's state.
        let n = taught.len().min(recorded.len());
        let first_difference = (0..n).find(|&i| taught[i] != recorded[i]);
        assert!(
            first_difference.is_none() && taught.len() <= recorded.len(),
            "{}: the lesson's commands are not the start of {} (first difference at command {}); re-record it",
            lesson.slug,
            script.display(),
            first_difference.unwrap_or(n) + 1
        );
    }
}
