//! curl in the lab's terminals: against an nc server waiting in another
//! terminal, waiting on a dropped SYN until Ctrl-C (its socket closed with
//! it), as a background job, and under `timeout`.
#![cfg(feature = "sockets")]

use sim_core::lab::LineState;
use sim_core::Lab;

mod pair_support;

fn lab() -> Lab {
    pair_support::two_terminals(&["ip netns exec b iptables -A INPUT -p tcp --dport 81 -j DROP"])
}

const REPLY: &str = r"printf 'HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nhello\n'";

#[test]
fn curl_fetches_from_a_server_in_another_terminal() {
    let mut lab = lab();
    let server = lab.run_in(0, &format!("{REPLY} | ip netns exec b nc -l 8080"));
    assert_eq!(server.state, LineState::Running);
    let client = lab.run_in(1, "ip netns exec a curl -s -w '%{http_code}\\n' http://10.0.0.2:8080/; echo $?");
    assert_eq!((client.output.text(), client.state), ("hello\n200\n0\n".to_string(), LineState::Done(0)));
    let server = lab.poll(0);
    let request = "GET / HTTP/1.1\r\nHost: 10.0.0.2:8080\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n";
    assert_eq!((server.output.text(), server.state), (request.to_string(), LineState::Done(0)));
}

#[test]
fn ctrl_c_ends_a_waiting_curl_and_closes_its_socket() {
    let mut lab = lab();
    assert_eq!(lab.run_in(1, "ip netns exec b nc -l 8082").state, LineState::Running);
    let line = lab.run_in(0, "ip netns exec a curl -sv http://10.0.0.2:8082/");
    assert_eq!(line.state, LineState::Running, "the server never answers");
    assert!(line.output.text().ends_with("> Accept: */*\r\n> \r\n"), "{:?}", line.output.text());
    lab.open_terminal();
    let ss = lab.run_in(2, "ip netns exec a ss -tn state established | wc -l");
    assert_eq!(ss.output.text(), "2\n");
    assert_eq!(lab.interrupt(0).state, LineState::Done(130));
    // The FIN crosses as time passes (a poll right after Ctrl-C lets
    // none pass; nc's clients are the same).
    lab.run_in(2, "sleep 0.1");
    let server = lab.poll(1);
    assert_eq!(server.state, LineState::Done(0), "curl's socket closed with it: the server saw the end");
    assert!(server.output.text().starts_with("GET / HTTP/1.1\r\n"), "{:?}", server.output.text());
}

#[test]
fn a_dropped_syn_ends_as_the_kernel_gives_up() {
    let mut lab = lab();
    let line = lab.run_in(0, "ip netns exec a curl -sS http://10.0.0.2:81/; echo $?");
    let text = sim_core::transcript::normalize(&line.output.text());
    assert_eq!(text, "curl: (7) Failed to connect to 10.0.0.2 port 81 after T ms: Couldn't connect to server\n7\n");
}

#[test]
fn curl_runs_as_a_job_and_under_timeout() {
    let mut lab = lab();
    let job =
        lab.run_in(0, "ip netns exec a curl -sS -m 1 http://10.0.0.2:81/ & sleep 0.5; echo waiting; wait; echo $?");
    let text = job.output.text();
    assert!(text.ends_with("\nwaiting\ncurl: (28) Connection timed out after 1000 milliseconds\n0\n"), "{text:?}");
    let t = lab.run_in(0, "ip netns exec a timeout 1 curl -sS http://10.0.0.2:81/; echo $?");
    assert_eq!(t.output.text(), "124\n");
    let t = lab.run_in(0, "timeout 5 ip netns exec a curl -sS --connect-timeout 2 http://10.0.0.2:81/; echo $?");
    assert_eq!(
        t.output.text(),
        "curl: (28) Failed to connect to 10.0.0.2 port 81 after 2000 ms: Timeout was reached\n28\n"
    );
}
