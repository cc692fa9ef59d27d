//! The lab's own tests: loops, jobs, terminals.

use super::Lab;

#[test]
fn endless_loops_end_as_ctrl_c_would() {
    let mut lab = Lab::new();
    for line in [
        "while true; do :; done",
        "ip netns add red; ip netns exec red bash -c 'while :; do ip -br link >/dev/null; done'",
        "while true; do sleep 1; done",
    ] {
        let out = lab.run(line);
        assert_eq!((out.status, out.stdout().ends_with("^C\n")), (130, true), "{line}");
    }
    // A minute of virtual time spent in a loop is allowed.
    let out = lab.run("for i in $(seq 60); do sleep 1; done; echo done");
    assert_eq!(out.stdout(), "done\n");
}

/// Each chunk as (ms since the line started, text).
fn timeline(out: &crate::Output) -> Vec<(u64, String)> {
    let mut at = 0;
    out.chunks
        .iter()
        .map(|c| {
            at += c.delay_ms;
            (at, c.text.clone())
        })
        .collect()
}

fn pair() -> Lab {
    let mut lab = Lab::new();
    for l in [
        "ip netns add a",
        "ip netns add b",
        "ip link add va netns a type veth peer name vb netns b",
        "ip -n a addr add 10.0.0.1/24 dev va",
        "ip -n b addr add 10.0.0.2/24 dev vb",
        "ip -n a link set va up",
        "ip -n b link set vb up",
    ] {
        assert_eq!(lab.run(l).status, 0, "{l}");
    }
    lab
}

#[test]
fn a_background_ping_prints_at_its_times_between_the_foregrounds_lines() {
    let mut lab = pair();
    let out = lab.run_command("ip netns exec a ping -c 3 10.0.0.2 & sleep 2.5; echo slept");
    let t = timeline(&out);
    let at = |needle: &str| t.iter().find(|(_, s)| s.contains(needle)).map(|(ms, _)| *ms);
    assert_eq!(at("PING"), Some(0));
    assert!(at("icmp_seq=2").is_some_and(|ms| (1000..1100).contains(&ms)), "{t:?}");
    assert!(at("icmp_seq=3").is_some_and(|ms| (2000..2100).contains(&ms)), "{t:?}");
    assert_eq!(at("slept"), Some(2500));
    assert!(at("statistics").is_some_and(|ms| ms < 2500), "{t:?}");
    assert_eq!(lab.now_ms(), out.chunks.iter().map(|c| c.delay_ms).sum::<u64>() + timeline_start(&lab, &out));
}

/// When the line of `out` started: the clock now minus what it lasted.
fn timeline_start(lab: &Lab, out: &crate::Output) -> u64 {
    lab.now_ms() - out.chunks.iter().map(|c| c.delay_ms).sum::<u64>()
}

#[test]
fn a_background_ping_sees_what_the_foreground_does_meanwhile() {
    let mut lab = pair();
    let out = lab.run_command("ip netns exec a ping -c 4 10.0.0.2 & sleep 1.5; ip -n b link set vb down; wait");
    let text = out.text();
    assert!(text.contains("icmp_seq=2 ") && !text.contains("icmp_seq=3 "), "{text}");
    assert!(text.contains("4 packets transmitted, 2 received, 50% packet loss"), "{text}");
    // While it waits between probes, the clock is the foreground's.
    let start = lab.now_ms();
    let p = lab.run_in(0, "ip netns exec a ping -c 3 10.0.0.2 >/dev/null & sleep 0.5");
    assert_eq!(p.output.text(), "[1] 1044\n");
    assert_eq!(lab.now_ms(), start + 500);
    assert_eq!(
        lab.run("jobs").text(),
        "[1]+  Running                 ip netns exec a ping -c 3 10.0.0.2 > /dev/null &\n"
    );
}

#[test]
fn an_interactive_terminal_numbers_its_jobs_and_says_when_they_are_done() {
    let mut lab = Lab::new();
    assert_eq!(lab.run("sleep 1 &").text(), "[1] 1043\n");
    assert_eq!(
        lab.run("sleep 2 & jobs").text(),
        "[2] 1044\n[1]-  Running                 sleep 1 &\n[2]+  Running                 sleep 2 &\n"
    );
    assert_eq!(lab.run("sleep 1.5").text(), "[1]-  Done                    sleep 1\n");
    assert_eq!(lab.run("echo $!; kill %2; wait %2; echo $?").text(), "1044\n143\n");
    assert_eq!(lab.run("jobs; echo $?").text(), "0\n");
    assert_eq!(lab.run("fg").text(), "bash: fg: no job control\n");
}

#[test]
fn orphans_of_a_bash_c_line_print_during_the_next_one() {
    let mut lab = Lab::new();
    assert_eq!(lab.run_command("(sleep 0.5; echo orphan) &").text(), "");
    let out = lab.run_command("sleep 1; echo after");
    assert_eq!(timeline(&out), [(500, "orphan\n".to_string()), (1000, "after\n".to_string())]);
}

#[test]
fn processes_are_numbered_from_the_shell_and_capped() {
    let mut lab = Lab::new();
    let out = lab.run_command("for i in $(seq 70); do sleep 100 & done; echo not-reached");
    let retry = "bash: fork: retry: Resource temporarily unavailable\n";
    assert_eq!(out.text(), format!("{}bash: fork: Resource temporarily unavailable\n", retry.repeat(4)));
    assert_eq!((out.status, out.chunks.iter().map(|c| c.delay_ms).sum::<u64>()), (254, 15_000));
    let running: Vec<u32> = lab.procs().running().map(|p| p.pid).collect();
    assert_eq!(running.len(), crate::procs::MAX_RUNNING);
    assert_eq!(running[..3], [1042, 1043, 1044]);
}

#[test]
fn two_terminals_share_one_clock_and_one_kernel() {
    let mut lab = pair();
    let t2 = lab.open_terminal();
    assert_eq!(t2, 1);
    let p = lab.run_in(1, "echo $$; ip netns exec a sleep 2 >/dev/null & echo started");
    assert_eq!((p.output.text(), p.state), ("1043\n[1] 1044\nstarted\n".to_string(), super::LineState::Done(0)));
    let start = lab.now_ms();
    let p = lab.run_in(0, "sleep 5; ip -n a link show va | head -1");
    assert!(matches!(p.state, super::LineState::Done(0)));
    assert_eq!(lab.now_ms(), start + 5000);
    // The other terminal's job ended meanwhile; its notice waits for that
    // terminal's next prompt.
    assert_eq!(lab.poll(1).output.text(), "");
    assert_eq!(
        lab.run_in(1, "true").output.text(),
        "[1]+  Done                    ip netns exec a sleep 2 > /dev/null\n"
    );
    // Page time moves the clock; it never goes back.
    lab.advance_to(start + 4000);
    assert_eq!(lab.now_ms(), start + 5000);
    lab.advance_to(start + 9000);
    assert_eq!(lab.now_ms(), start + 9000);
}

#[test]
fn page_time_runs_background_jobs_between_lines() {
    let mut lab = Lab::new();
    lab.run("(sleep 1; echo one; sleep 1; echo two) &");
    let start = lab.now_ms();
    lab.advance_to(start + 1500);
    assert_eq!(lab.poll(0).output.text(), "");
    lab.advance_to(start + 2500);
    // A job's output arrives when it ends (see ARCHITECTURE.md).
    assert_eq!(lab.poll(0).output.text(), "one\ntwo\n");
}

#[test]
fn ctrl_c_stops_a_line_that_page_time_drives() {
    let mut lab = Lab::new();
    let start = lab.now_ms();
    let p = lab.start_in(0, "echo a; sleep 5; echo b");
    // What the line's first command printed shows while the rest waits.
    assert_eq!((p.output.text(), p.state), ("a\n".to_string(), super::LineState::Running));
    lab.advance_to(start + 2000);
    assert_eq!(lab.poll(0).state, super::LineState::Running);
    let p = lab.interrupt(0);
    assert_eq!((p.output.text(), p.state), ("^C\n".to_string(), super::LineState::Done(130)));
    assert_eq!(p.output.chunks[0].delay_ms, 2000);
    assert_eq!(lab.now_ms(), start + 2000);
    assert_eq!(lab.run("echo $?").text(), "130\n");
    // Its background jobs go on.
    lab.start_in(0, "sleep 1 & sleep 10");
    lab.interrupt(0);
    assert_eq!(lab.run("jobs").text(), "[1]+  Running                 sleep 1 &\n");
}

#[test]
fn redirections_write_and_read_the_machines_files() {
    let mut lab = Lab::new();
    let run = |lab: &mut Lab, line: &str| lab.run_command(line).text();
    assert_eq!(run(&mut lab, "echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f"), "one\ntwo\n");
    assert_eq!(run(&mut lab, "wc -l < /tmp/f; echo three > /tmp/f; cat /tmp/f"), "2\nthree\n");
    assert_eq!(run(&mut lab, "rm /tmp/f; cat /tmp/f"), "cat: /tmp/f: No such file or directory\n");
    assert_eq!(run(&mut lab, "echo x > /nodir/f"), "bash: line 1: /nodir/f: No such file or directory\n");
    // A job's file is there (empty) once the job runs, and gets its
    // output when the job ends.
    assert_eq!(
        run(&mut lab, "(sleep 1; echo late) > /tmp/j & sleep 0.1; wc -c < /tmp/j; wait; cat /tmp/j"),
        "0\nlate\n"
    );
}
