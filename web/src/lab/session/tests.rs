use super::*;

#[test]
fn the_log_keeps_every_line_and_clear_never_reaches_the_lab() {
    let mut s = LabSession::default();
    s.run("ip netns add orange").unwrap();
    let clear = s.run("clear").unwrap();
    let bad = s.run("nonsense-command").unwrap();
    assert_eq!(s.log(), ["ip netns add orange", "clear", "nonsense-command"]);
    assert_eq!(clear.status, 0);
    assert_eq!(bad.status, 127);
    let (replayed, r) = LabSession::replay(&s.log()[..2]).unwrap();
    assert_eq!(replayed.log().len(), 2);
    assert_eq!(r.outputs.len(), 2);
}

#[test]
fn replay_ends_with_the_same_state_as_running() {
    let lines: Vec<String> =
        ["ip netns add a", "ip link add x type veth peer name y", "ip link set x netns a"].map(String::from).to_vec();
    let mut live = LabSession::default();
    for l in &lines {
        live.run(l).unwrap();
    }
    let (replayed, _) = LabSession::replay(&lines).unwrap();
    assert_eq!(replayed.snapshot(), live.snapshot());
    assert_eq!(replayed.snapshot().namespaces.len(), 2);
}

#[test]
fn a_second_terminal_shares_the_lab_and_its_lines_are_marked_in_the_log() {
    let mut s = LabSession::default();
    s.run_in(1, "ip netns add blue").unwrap();
    let p = s.run_in(0, "ip netns").unwrap();
    assert_eq!((p.output.text(), p.state), ("blue\n".to_string(), LineState::Done(0)));
    assert_eq!(s.terminals(), 2);
    assert_eq!(s.log(), ["\u{1e}1\u{1f}ip netns add blue", "ip netns"]);
    let (replayed, r) = LabSession::replay(s.log()).unwrap();
    assert_eq!(r.outputs[1].text(), "blue\n");
    assert!(r.waiting.is_empty());
    assert_eq!(replayed.log(), s.log());
}

#[test]
fn a_line_the_lab_lacks_is_an_error_in_the_basic_build_only() {
    let mut s = LabSession::default();
    let lacks = s.run("sleep 1 &").err();
    if sim_core::lab::basic::is_complete() {
        assert_eq!(lacks, None);
    } else {
        assert_eq!(lacks, Some(Lacks("&".into())));
        // A program's name made by an expansion is noticed as it runs.
        let mut s = LabSession::default();
        assert_eq!(s.run("p=n; ${p}c -h").err(), Some(Lacks("nc".into())));
    }
}

#[test]
fn probes_do_not_touch_the_lab() {
    let mut s = LabSession::default();
    s.run("ip netns add orange").unwrap();
    let before = s.log().len();
    let _ = s.probe("ip netns add green");
    assert_eq!(s.log().len(), before);
}

#[test]
fn a_job_prints_in_its_own_terminal_while_another_runs_a_line() {
    if !sim_core::lab::basic::is_complete() {
        return;
    }
    let mut s = LabSession::default();
    let p = s.run_in(0, "(sleep 1; echo from-the-job) & echo started").unwrap();
    assert_eq!(p.output.text(), "[1] 1043\nstarted\n");
    let p = s.run_in(1, "sleep 5; echo later").unwrap();
    assert_eq!(p.output.text(), "later\n");
    assert_eq!(s.poll(0).output.text(), "from-the-job\n");
}

#[test]
fn a_preset_is_the_complete_labs_and_setup_runs_after_it() {
    let setup = vec!["ip netns add broken".to_string()];
    let lines = vec!["ip netns".to_string()];
    let opened = LabSession::replay_after(Some("docker-host"), &setup, &lines);
    #[cfg(not(feature = "complete"))]
    assert_eq!(opened.err(), Some(Lacks("preset docker-host".into())));
    #[cfg(feature = "complete")]
    {
        let (s, r) = opened.unwrap();
        assert_eq!(s.log(), lines, "the preset and the setup are not the learner's");
        assert!(r.outputs[0].text().contains("broken\n"), "{:?}", r.outputs[0].text());
        // The preset's lab, then the setup: the same picture as building it by hand.
        let by_hand = sim_core::Lab::with_preset("docker-host").map(|mut lab| {
            lab.run("ip netns add broken");
            lab.snapshot()
        });
        assert_eq!(Some(s.snapshot().clone()), by_hand);
    }
}

#[cfg(feature = "complete")]
#[test]
fn the_complete_lab_keeps_the_notes_of_the_last_entries_only() {
    let mut s = LabSession::default();
    for _ in 0..NOTED + 10 {
        s.run("ip link show lo").unwrap();
    }
    s.run("true").unwrap();
    let last = (NOTED + 9) as u32;
    assert!(!s.notes(last).is_empty(), "the newest entry's output is explained");
    assert!(s.notes(9).is_empty(), "the oldest ones were dropped");
    assert!(!s.notes(10).is_empty());
    assert!(s.notes(last + 1).is_empty(), "a line that printed nothing has none");
}
