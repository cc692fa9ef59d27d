//! Every shipped lesson can be completed by clicking its commands in order:
//! after each step's commands, exactly that step (and no later one) ticks.

use web::lab_session::LabSession;
use web::lesson::{advance, evaluate, Block, LESSONS};

#[test]
fn each_step_ticks_after_its_own_commands() {
    for lesson in LESSONS {
        let steps: Vec<_> = lesson.steps().map(|(_, s)| s).collect();
        let mut s = LabSession::default();
        let mut ticked = advance(&steps, 0, &s);
        assert_eq!(ticked, 0, "{}: a step ticked before any command", lesson.slug);
        for (i, step) in steps.iter().enumerate() {
            for b in step.blocks {
                if let Block::Commands(lines) = b {
                    for l in *lines {
                        s.run(l);
                    }
                }
            }
            ticked = advance(&steps, ticked, &s);
            let failing: Vec<_> = evaluate(step, &s).into_iter().filter(|(_, v)| !v.ok).collect();
            assert_eq!(ticked, i + 1, "{}: step {} ({}) did not tick: {failing:?}", lesson.slug, i + 1, step.title);
        }
    }
}

#[test]
fn the_veth_lesson_prints_what_linux_prints() {
    let mut s = LabSession::default();
    let out = s.run("ip link show tap1");
    assert_eq!(out.text(), "Device \"tap1\" does not exist.\n");
    s.run("ip link add tap1 type veth peer name tap2");
    s.run("ip netns add orange");
    s.run("ip link set tap1 netns orange");
    s.run("ip netns exec orange ip link set tap1 up");
    let out = s.run("ip netns exec orange ip link show tap1");
    assert!(out.text().contains("state LOWERLAYERDOWN"), "{}", out.text());
}
