//! nc across two terminals of one lab: a server waiting in one while a
//! client in the other talks to it, the server's end seen by polling its
//! terminal, and Ctrl-C ending a server (its listener closed with it).
#![cfg(feature = "sockets")]

use sim_core::lab::LineState;
use sim_core::Lab;

mod pair_support;

fn lab() -> Lab {
    pair_support::two_terminals(&[])
}

#[test]
fn a_server_in_one_terminal_serves_a_client_in_the_other() {
    let mut lab = lab();
    let server = lab.run_in(0, "ip netns exec b nc -l 8080");
    assert_eq!(server.state, LineState::Running);
    let ss = lab.run_in(1, "ip netns exec b ss -tln");
    assert!(ss.output.text().contains("0.0.0.0:8080"), "{}", ss.output.text());
    let client = lab.run_in(1, "echo hello | ip netns exec a nc -N 10.0.0.2 8080; echo $?");
    assert_eq!((client.output.text(), client.state), ("0\n".to_string(), LineState::Done(0)));
    let server = lab.poll(0);
    assert_eq!((server.output.text(), server.state), ("hello\n".to_string(), LineState::Done(0)));
    let ss = lab.run_in(1, "ip netns exec b ss -tln");
    assert_eq!(ss.output.text(), "State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n");
    // The client closed first: it holds TIME-WAIT.
    let tw = lab.run_in(1, "ip netns exec a ss -tan state time-wait | wc -l");
    assert_eq!(tw.output.text(), "2\n");
}

#[test]
fn the_snapshot_shows_a_namespaces_sockets_as_ss_lists_them() {
    let mut lab = lab();
    assert_eq!(lab.run_in(0, "ip netns exec b nc -l 8080").state, LineState::Running);
    let sockets = |lab: &Lab, ns: &str| {
        let snap = lab.snapshot();
        snap.namespaces.iter().find(|n| n.name.as_deref() == Some(ns)).map(|n| n.sockets.clone()).unwrap_or_default()
    };
    assert_eq!(sockets(&lab, "b"), ["tcp LISTEN 0 1 0.0.0.0:8080 0.0.0.0:*"]);
    assert!(sockets(&lab, "a").is_empty());
    lab.interrupt(0);
    assert!(sockets(&lab, "b").is_empty(), "the listener closed with its server");
}

#[test]
fn ctrl_c_ends_a_server_and_closes_its_listener() {
    let mut lab = lab();
    assert_eq!(lab.run_in(0, "ip netns exec b nc -lk 8080").state, LineState::Running);
    let p = lab.run_in(1, "ip netns exec a nc -zv 10.0.0.2 8080");
    assert_eq!(p.output.text(), "Connection to 10.0.0.2 8080 port [tcp/http-alt] succeeded!\n");
    assert_eq!(lab.poll(0).state, LineState::Running, "-k goes on listening");
    let stopped = lab.interrupt(0);
    assert_eq!(stopped.state, LineState::Done(130));
    let ss = lab.run_in(1, "ip netns exec b ss -tln");
    assert_eq!(ss.output.text(), "State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n");
    let p = lab.run_in(1, "ip netns exec a nc -zv 10.0.0.2 8080");
    assert_eq!(p.output.text(), "nc: connect to 10.0.0.2 port 8080 (tcp) failed: Connection refused\n");
}

/// Random mixes of servers, clients and ss on two terminals, with page
/// time, Ctrl-C and background jobs, run twice from one seed: the same
/// log event for event, the clock never back, the model consistent.
#[test]
fn random_connection_sessions_replay_identically() {
    const LINES: &[&str] = &[
        "ip netns exec b nc -l 8080",
        "ip netns exec b nc -lk 8080 &",
        "ip netns exec b timeout 2 nc -l 8081 >/tmp/got &",
        "echo hi | ip netns exec a nc -N 10.0.0.2 8080; echo $?",
        "echo yo | ip netns exec a nc -N -w 1 10.0.0.2 8081",
        "ip netns exec a nc -zv 10.0.0.2 8080-8081",
        "ip netns exec a nc -w 1 10.0.0.2 9 &",
        "ip netns exec b nc -lu 5353 &",
        "echo u | ip netns exec a nc -u -w 1 10.0.0.2 5353",
        "ip netns exec b ss -tanp; ip netns exec a ss -uan",
        "ip netns exec b netstat -tulpn",
        "cat /tmp/got",
        "kill %1; wait",
        "sleep 0.5",
    ];
    let log = |seed: u64| {
        let mut lab = lab();
        let mut rng = sim_core::rng::Rng::new(seed);
        let mut log = Vec::new();
        let mut page = lab.now_ms();
        for _ in 0..30 {
            let term = rng.below(2);
            let line = LINES[rng.below(LINES.len())];
            let before = lab.now_ms();
            let p = match rng.below(6) {
                0 => {
                    page += rng.below(1500) as u64;
                    lab.advance_to(page);
                    lab.poll(term)
                }
                1 => lab.poll(term),
                2 => lab.start_in(term, line),
                3 => lab.interrupt(term),
                _ => lab.run_in(term, line),
            };
            assert!(lab.now_ms() >= before, "the clock went back");
            page = page.max(lab.now_ms());
            lab.kernel().check_invariants().expect("invariants");
            log.push(format!("{term} {} {:?} {:?}", lab.now_ms(), p.state, p.output.chunks));
        }
        log
    };
    for seed in 0..12 {
        assert_eq!(log(seed), log(seed), "seed {seed}");
    }
}

/// What a server receives shows on its terminal as it arrives, whether it
/// runs in the foreground or as a job, not only when it ends.
#[test]
fn a_servers_output_shows_as_it_arrives() {
    let mut lab = lab();
    assert_eq!(lab.run_in(0, "ip netns exec b nc -lk 8080").state, LineState::Running);
    lab.run_in(1, "echo one | ip netns exec a nc -N 10.0.0.2 8080");
    let p = lab.poll(0);
    assert_eq!((p.output.text(), p.state), ("one\n".to_string(), LineState::Running));
    lab.run_in(1, "echo two | ip netns exec a nc -N 10.0.0.2 8080");
    assert_eq!(lab.poll(0).output.text(), "two\n");
    assert_eq!(lab.interrupt(0).output.text(), "^C\n");
    // A job's: shown with the next output of its terminal.
    let p = lab.run_in(0, "ip netns exec b nc -lk 8081 &");
    assert_eq!(p.output.text(), "[1] 1044\n");
    lab.run_in(1, "echo three | ip netns exec a nc -N 10.0.0.2 8081");
    assert_eq!(lab.run_in(0, "echo next").output.text(), "three\nnext\n");
    // Through a pipe it is not the terminal's: it comes when the stage ends.
    assert_eq!(lab.run_in(0, "kill %1; ip netns exec b nc -l 8082 | tr a-z A-Z").state, LineState::Running);
    lab.run_in(1, "echo four | ip netns exec a nc -N 10.0.0.2 8082");
    let p = lab.poll(0).output.text();
    assert_eq!(p, "FOUR\n[1]+  Terminated              ip netns exec b nc -lk 8081\n");
}
