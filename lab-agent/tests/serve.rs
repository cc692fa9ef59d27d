//! `lab-agent serve` refuses what it must (token, origin, protocol, a
//! session's limits), keeps serving after hostile input, gives every
//! learner a sandbox of their own, and leaves the machine as it found it.
//! Needs root (the sessions' sandboxes), as the kernel replay does.

mod pair_support;

use std::time::Duration;

use futures_util::SinkExt;
use lab_protocol::{Event, Refusal, Request};
use pair_support::*;
use tokio_tungstenite::tungstenite::Message;

/// Whether `holds` comes true, looking every 50 ms until `within` passes.
async fn eventually(within: Duration, mut holds: impl FnMut() -> bool) -> bool {
    let start = std::time::Instant::now();
    while !holds() {
        if start.elapsed() > within {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    true
}

/// Whether process `pid` still runs (a zombie has ended).
fn alive(pid: &u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .is_ok_and(|s| s.rsplit_once(')').is_some_and(|(_, r)| !r.trim_start().starts_with('Z')))
}

async fn refusal(ws: &mut Ws) -> Refusal {
    match next(ws).await {
        Some(Event::Refused { reason, .. }) => {
            assert_eq!(next(ws).await, None, "the agent closes after refusing");
            reason
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[tokio::test(flavor = "current_thread")]
async fn pairing_is_refused_without_the_token_from_an_origin_not_allowed_or_out_of_protocol() {
    let before = machine_state();
    let agent = Agent::start(&[]);
    let hello = |t: &str| Request::Hello { token: t.into(), resume: None };

    let mut ws = connect(&agent, Some(ALLOWED)).await;
    send(&mut ws, &hello("wrong")).await;
    assert_eq!(refusal(&mut ws).await, Refusal::Token);

    let mut ws = connect(&agent, Some(ALLOWED)).await;
    send(&mut ws, &hello("")).await;
    assert_eq!(refusal(&mut ws).await, Refusal::Token);

    // Almost the token: compared whole, in constant time.
    let mut ws = connect(&agent, Some(ALLOWED)).await;
    send(&mut ws, &hello(&TOKEN[..TOKEN.len() - 1])).await;
    assert_eq!(refusal(&mut ws).await, Refusal::Token);

    let mut ws = connect(&agent, Some("https://evil.example")).await;
    send(&mut ws, &hello(TOKEN)).await;
    assert_eq!(refusal(&mut ws).await, Refusal::Origin);

    let mut ws = connect(&agent, Some("http://127.0.0.1:1")).await;
    send(&mut ws, &hello(TOKEN)).await;
    assert_eq!(refusal(&mut ws).await, Refusal::Origin, "loopback on another port is another origin");

    let own = format!("http://127.0.0.1:{}", agent.port);
    let mut ws = connect(&agent, Some(&own)).await;
    send(&mut ws, &hello(TOKEN)).await;
    assert!(matches!(next(&mut ws).await, Some(Event::Paired { .. })), "the agent's own origin pairs");

    let mut ws = connect(&agent, Some(ALLOWED)).await;
    send(&mut ws, &Request::Run { id: 1, line: "ip netns add x".into(), term: 0 }).await;
    assert_eq!(refusal(&mut ws).await, Refusal::Protocol, "hello first");

    let mut ws = connect(&agent, Some(ALLOWED)).await;
    send_raw(&mut ws, r#"{"v":4,"msg":{"hello":{"token":"test-token-0123"}}}"#).await;
    assert_eq!(refusal(&mut ws).await, Refusal::Protocol, "another version");

    let mut ws = connect(&agent, Some(ALLOWED)).await;
    send_raw(&mut ws, "{not json").await;
    assert_eq!(refusal(&mut ws).await, Refusal::Protocol);

    assert_eq!(agent.sessions(), 1, "only the one paired session started a sandbox");
    drop(agent);
    assert_eq!(machine_state(), before);
}

#[tokio::test(flavor = "current_thread")]
async fn a_paired_page_runs_commands_on_the_kernel_and_sees_its_state() {
    let before = machine_state();
    let agent = Agent::start(&[]);
    let (mut ws, _) = pair(&agent).await;
    send(&mut ws, &Request::Open { lines: vec![], lesson: None, preset: None }).await;
    assert!(matches!(next(&mut ws).await, Some(Event::Opened { .. })));
    let (out, status, state) = run(&mut ws, 1, "ip netns add red").await;
    assert_eq!((out.as_str(), status), ("", 0));
    let snap = state.snapshot.expect("the state changed");
    assert_eq!(snap.namespaces.iter().map(|n| n.name.clone()).collect::<Vec<_>>(), [None, Some("red".to_string())]);
    assert_eq!(run(&mut ws, 2, "ip netns").await.0, "red\n");
    let machine = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap();
    assert_eq!(run(&mut ws, 3, "hostname").await.0, machine);
    // A session's host name is its own.
    assert_eq!(run(&mut ws, 4, "hostname lab-vm; hostname").await.0, "lab-vm\n");
    assert_eq!(std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap(), machine);
    let (out, status, _) = run(&mut ws, 5, "ip link add va type veth peer name vb; ip -br link show va").await;
    assert_eq!(status, 0);
    assert!(out.starts_with("va@vb "), "{out}");
    // Ctrl-C stops a running line.
    send(&mut ws, &Request::Run { id: 6, line: "sleep 30".into(), term: 0 }).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    send(&mut ws, &Request::Interrupt { term: 0 }).await;
    let done = loop {
        match next(&mut ws).await {
            Some(Event::Done { id: 6, status, .. }) => break status,
            Some(_) => {}
            None => panic!("closed"),
        }
    };
    assert_eq!(done, 130);
    // An Open starts over in a fresh sandbox.
    send(&mut ws, &Request::Open { lines: vec!["ip netns add blue".into()], lesson: None, preset: None }).await;
    let Some(Event::Opened { state, .. }) = next(&mut ws).await else { panic!() };
    let names: Vec<_> = state.snapshot.unwrap().namespaces.into_iter().map(|n| n.name).collect();
    assert_eq!(names, [None, Some("blue".to_string())]);
    ws.send(Message::Close(None)).await.unwrap();
    drop(ws);
    assert!(eventually(Duration::from_secs(5), || agent.sessions() == 0).await, "a closed page's session ends");
    drop(agent);
    assert_eq!(machine_state(), before);
}

/// A session that starts from a lab preset runs the preset's real-host
/// script first; without one (or for a name that is no preset) the agent
/// refuses with a sentence, and the page stays on the simulator.
#[tokio::test(flavor = "current_thread")]
async fn a_preset_session_runs_its_script_first_or_is_refused() {
    let before = machine_state();
    let agent = Agent::start(&[]);
    let (mut ws, _) = pair(&agent).await;
    let open =
        |p: &str| Request::Open { lines: vec!["ip netns add mine".into()], lesson: None, preset: Some(p.into()) };
    send(&mut ws, &open("nope")).await;
    match next(&mut ws).await {
        Some(Event::Error { message }) => {
            assert!(message.starts_with("there is no lab preset named `nope`"), "{message}")
        }
        other => panic!("expected an error, got {other:?}"),
    }
    // docker-host's script runs on the kernel engine: the session opens on it.
    send(&mut ws, &open("docker-host")).await;
    let Some(Event::Opened { outputs, state, .. }) = next(&mut ws).await else { panic!("docker-host did not open") };
    assert_eq!(outputs.last().map(|o| o.status), Some(0));
    let names: Vec<_> = state.snapshot.unwrap().namespaces.into_iter().filter_map(|n| n.name).collect();
    assert!(names.contains(&"mine".to_string()) && names.contains(&"gateway".to_string()), "{names:?}");
    // kind-node's needs programs the kernel engine does not run (nsenter, unshare).
    send(&mut ws, &open("kind-node")).await;
    match next(&mut ws).await {
        Some(Event::Error { message }) => assert!(message.starts_with("preset kind-node: `"), "{message}"),
        Some(Event::Opened { .. }) => {}
        other => panic!("{other:?}"),
    }
    ws.send(Message::Close(None)).await.unwrap();
    drop(ws);
    assert!(eventually(Duration::from_secs(5), || agent.sessions() == 0).await, "a closed page's session ends");
    drop(agent);
    assert_eq!(machine_state(), before);
}

#[tokio::test(flavor = "current_thread")]
async fn a_sessions_limits_hold_and_hostile_input_leaves_the_agent_serving() {
    let before = machine_state();
    let agent = Agent::start(&["--rate", "1000"]);
    let (mut ws, _) = pair(&agent).await;
    let (out, _, state) = run(&mut ws, 1, "for i in $(seq 1000000); do ip netns add n$i || break; done").await;
    assert!(out.contains("the most a paired session may have"), "{out}");
    assert_eq!(state.snapshot.unwrap().namespaces.len(), 1 + 32);
    let (out, _, _) =
        run(&mut ws, 2, "for i in $(seq 100); do ip link add v$i type veth peer name p$i || break; done").await;
    assert!(out.contains("network devices, the most"), "{out}");
    let (out, status, _) =
        run(&mut ws, 3, "for i in $(seq 300); do iptables -A INPUT -j ACCEPT || break; done; iptables -S | wc -l")
            .await;
    assert!(out.contains("iptables rules, the most a paired") && status == 0, "{out}");
    assert!(out.ends_with("259\n"), "3 policies and 256 rules: {out}");
    let (out, _, _) = run(&mut ws, 4, "for i in $(seq 20); do sleep 100 & done; jobs | wc -l").await;
    assert!(out.contains("background jobs, the most"), "{out}");
    // Shell metacharacters are the lab's shell's, never a system shell's.
    let (out, _, _) = run(&mut ws, 5, "echo $(id -u) `whoami`; ls /; cat /etc/shadow; rm -rf /tmp/x").await;
    assert!(out.contains("id: command not found") && out.contains("No such file") && !out.contains("root:"), "{out}");
    // `timeout` runs the lab's programs only; curl speaks http(s) only; the
    // machine's files are read-only to every program of the sandbox.
    let (out, status, _) = run(&mut ws, 60, "timeout 5 /bin/sh -c id").await;
    assert_eq!(
        (out.as_str(), status),
        ("timeout: failed to run command \u{2018}/bin/sh\u{2019}: No such file or directory\n", 127)
    );
    let (out, status, _) = run(&mut ws, 61, "timeout 5 bash -c id").await;
    assert_eq!(status, 127, "{out}");
    let (out, status, _) = run(&mut ws, 62, "curl file:///etc/hostname").await;
    assert_eq!((out.as_str(), status), ("curl: (1) Protocol \"file\" not supported or disabled in libcurl\n", 1));
    let (out, _, _) = run(&mut ws, 63, "ip link set lo up; timeout 1 tcpdump -i lo -w /etc/nslab-must-not-exist").await;
    assert!(out.contains("Read-only file system"), "{out}");
    assert!(!std::path::Path::new("/etc/nslab-must-not-exist").exists());
    let (out, status, _) = run(&mut ws, 6, &"x".repeat(100_000)).await;
    assert_eq!(status, 1);
    assert!(out.contains("at most 16384 bytes"), "{out}");
    // Malformed and out-of-order messages are answered, and the session goes on.
    send_raw(&mut ws, "{\"v\":5,\"msg\":{\"run\":{\"id\":\"seven\"}}}").await;
    assert!(matches!(next(&mut ws).await, Some(Event::Error { .. })));
    send_raw(&mut ws, "\u{0}\u{1}garbage").await;
    assert!(matches!(next(&mut ws).await, Some(Event::Error { .. })));
    send(&mut ws, &Request::Hello { token: TOKEN.into(), resume: None }).await;
    assert!(matches!(next(&mut ws).await, Some(Event::Error { message }) if message == "already paired"));
    ws.send(Message::Binary(vec![0xff; 2 << 20].into())).await.ok();
    let (mut ws, _) = pair(&agent).await;
    assert_eq!(run(&mut ws, 7, "ip netns | wc -l").await.0, "0\n", "a new session is a fresh sandbox");
    drop(ws);
    drop(agent);
    assert_eq!(machine_state(), before);
}

#[tokio::test(flavor = "current_thread")]
async fn a_lost_connection_resumes_within_the_grace_period_and_ends_after_it() {
    let before = machine_state();
    let agent = Agent::start(&["--grace", "2"]);
    let (mut ws, session) = pair(&agent).await;
    run(&mut ws, 1, "ip netns add kept").await;
    drop(ws); // lost, not closed
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut ws = connect(&agent, Some(ALLOWED)).await;
    send(&mut ws, &Request::Hello { token: TOKEN.into(), resume: Some(session.clone()) }).await;
    assert!(matches!(next(&mut ws).await, Some(Event::Paired { resumed: true, .. })));
    assert!(matches!(next(&mut ws).await, Some(Event::Ready { .. })));
    assert_eq!(run(&mut ws, 2, "ip netns").await.0, "kept\n");
    drop(ws);
    tokio::time::sleep(Duration::from_millis(2000)).await;
    assert!(eventually(Duration::from_secs(5), || agent.sessions() == 0).await, "the grace period ended the session");
    // The agent killed outright: its sessions die with it.
    let (_ws, _) = pair(&agent).await;
    let sessions = children_of(agent.child.id());
    assert_eq!(sessions.len(), 1);
    let mut agent = agent;
    let _ = agent.child.kill();
    let _ = agent.child.wait();
    assert!(eventually(Duration::from_secs(5), || !sessions.iter().any(alive)).await, "sessions end with the agent");
    assert_eq!(machine_state(), before);
}

#[tokio::test(flavor = "current_thread")]
async fn the_page_s_postcard_frames_pair_too() {
    let agent = Agent::start(&[]);
    let mut ws = connect(&agent, Some(ALLOWED)).await;
    let hello =
        lab_protocol::Envelope { v: lab_protocol::VERSION, msg: Request::Hello { token: TOKEN.into(), resume: None } };
    ws.send(Message::Binary(postcard::to_allocvec(&hello).unwrap().into())).await.unwrap();
    use futures_util::StreamExt;
    let Some(Ok(Message::Binary(b))) = ws.next().await else { panic!("a binary answer") };
    let ev: lab_protocol::Envelope<Event> = postcard::from_bytes(&b).unwrap();
    assert!(matches!(ev.msg, Event::Paired { .. }));
}

#[test]
fn serve_refuses_a_public_address_without_tls_or_insecure() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lab-agent"))
        .args(["serve", "--listen", "0.0.0.0:0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a loopback address"));
}

#[tokio::test(flavor = "current_thread")]
async fn inspecting_the_host_shows_the_machine_and_changes_nothing() {
    let before = machine_state();
    let forward = std::fs::read_to_string("/proc/sys/net/ipv4/ip_forward").unwrap();
    let name = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap();
    let agent = Agent::start(&["--inspect-host"]);
    let mut ws = connect(&agent, Some(ALLOWED)).await;
    send(&mut ws, &Request::Hello { token: TOKEN.into(), resume: None }).await;
    let Some(Event::Paired { host, .. }) = next(&mut ws).await else { panic!("paired") };
    assert!(host.inspect);
    assert!(matches!(next(&mut ws).await, Some(Event::Ready { .. })));
    let (out, status, state) = run(&mut ws, 1, "ip -o link show lo").await;
    assert_eq!(status, 0);
    assert!(out.starts_with("1: lo: <"), "{out}");
    let machine_links: Vec<String> = std::process::Command::new("ip")
        .args(["-o", "link"])
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .map(|l| l.split(": ").nth(1).unwrap().split('@').next().unwrap().to_string())
                .collect()
        })
        .unwrap();
    let drawn: Vec<String> = state.snapshot.unwrap().namespaces[0].links.iter().map(|l| l.name.clone()).collect();
    assert!(drawn.iter().all(|n| machine_links.contains(n)) && drawn.contains(&"lo".to_string()), "{drawn:?}");
    for (id, line) in [
        "ip link set lo down",
        "ip l s lo down",
        "ip netns add inspect-x",
        "ip addr add 10.99.0.1/32 dev lo",
        "ip route add 10.99.0.0/24 dev lo",
        "sysctl -w net.ipv4.ip_forward=1",
        "iptables -F",
        "ping -c 1 127.0.0.1",
        "hostname changed",
        "ip -batch /dev/null",
    ]
    .into_iter()
    .enumerate()
    {
        let (out, status, _) = run(&mut ws, 10 + id as u64, line).await;
        assert_ne!(status, 0, "`{line}` ran: {out}");
        assert!(out.contains("--inspect-host") || line.contains("batch"), "`{line}`: {out}");
    }
    // Through a pipe, as on its own.
    let (out, _, _) = run(&mut ws, 29, "iptables -F 2>&1 | cat").await;
    assert!(out.contains("--inspect-host"), "{out}");
    let (out, status, _) = run(&mut ws, 30, "kill -0 1").await;
    assert_eq!(status, 1, "no process of the machine is the lab's: {out}");
    drop(ws);
    drop(agent);
    assert_eq!(machine_state(), before);
    assert_eq!(std::fs::read_to_string("/proc/sys/net/ipv4/ip_forward").unwrap(), forward);
    assert_eq!(std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap(), name);
}

#[test]
fn with_a_certificate_the_agent_serves_over_tls_and_never_in_clear() {
    let dir = std::env::temp_dir().join(format!("nslab-tls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
    let made = std::process::Command::new("openssl")
        .args(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-keyout"])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let agent = Agent::start(&["--tls-cert", cert.to_str().unwrap(), "--tls-key", key.to_str().unwrap()]);
    let page = std::process::Command::new("curl")
        .args(["-sk", &format!("https://127.0.0.1:{}/index.html", agent.port)])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&page.stdout).contains("<title>nslab</title>"));
    let plain = std::process::Command::new("curl")
        .args(["-s", "--max-time", "5", &format!("http://127.0.0.1:{}/index.html", agent.port)])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("nslab"), "no clear text beside TLS");
    drop(agent);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The next events until line `id`'s `Done`: (texts printed for it, its status, whether it was announced waiting).
async fn until_done(ws: &mut Ws, id: u64) -> (String, i32, bool) {
    let (mut text, mut waited) = (String::new(), false);
    loop {
        match next(ws).await {
            Some(Event::Output { id: i, chunks }) if i == id => text.extend(chunks.iter().map(|c| c.text.as_str())),
            Some(Event::Waiting { id: i, .. }) if i == id => waited = true,
            Some(Event::Done { id: i, status, .. }) if i == id => return (text, status, waited),
            Some(_) => {}
            None => panic!("closed before line {id} ended"),
        }
    }
}

#[tokio::test(flavor = "current_thread")]
async fn a_server_waits_in_one_terminal_while_its_client_runs_in_another() {
    let agent = Agent::start(&[]);
    let (mut ws, _) = pair(&agent).await;
    run(&mut ws, 1, "ip link set lo up").await;
    send(&mut ws, &Request::Run { id: 2, line: "nc -l 127.0.0.1 8080".into(), term: 0 }).await;
    assert!(matches!(next(&mut ws).await, Some(Event::Waiting { id: 2, .. })));
    send(&mut ws, &Request::Run { id: 3, line: "echo hi | nc -N 127.0.0.1 8080".into(), term: 1 }).await;
    let mut seen = Vec::new();
    while seen.len() < 3 {
        match next(&mut ws).await {
            Some(Event::Output { id, chunks }) => {
                seen.push(format!("{id}: {}", chunks.iter().map(|c| c.text.as_str()).collect::<String>()))
            }
            Some(Event::Done { id, status, .. }) => seen.push(format!("{id} done {status}")),
            Some(_) => {}
            None => panic!("closed"),
        }
    }
    seen.sort();
    assert_eq!(seen, ["2 done 0", "2: hi\n", "3 done 0"]);
    // Ctrl-C ends a waiting server; its terminal's next line runs.
    send(&mut ws, &Request::Run { id: 4, line: "nc -l 127.0.0.1 9090".into(), term: 0 }).await;
    assert!(matches!(next(&mut ws).await, Some(Event::Waiting { id: 4, .. })));
    send(&mut ws, &Request::Interrupt { term: 0 }).await;
    let (text, status, _) = until_done(&mut ws, 4).await;
    assert_eq!((text.as_str(), status), ("^C\n", 130));
    // A session replayed with a server still listening reports it waiting.
    let lines = vec!["ip link set lo up".to_string(), "nc -l 127.0.0.1 7070".to_string()];
    send(&mut ws, &Request::Open { lines, lesson: None, preset: None }).await;
    let Some(Event::Opened { waiting, .. }) = next(&mut ws).await else { panic!("opened") };
    assert_eq!(waiting, [lab_protocol::replayed_id(1)]);
    send(&mut ws, &Request::Run { id: 5, line: "echo back | nc -N 127.0.0.1 7070".into(), term: 1 }).await;
    let server = lab_protocol::replayed_id(1);
    let (mut text, mut ended) = (String::new(), Vec::new());
    while ended.len() < 2 {
        match next(&mut ws).await {
            Some(Event::Output { id, chunks }) if id == server => text.extend(chunks.iter().map(|c| c.text.as_str())),
            Some(Event::Done { id, status, .. }) => ended.push((id, status)),
            Some(_) => {}
            None => panic!("closed"),
        }
    }
    ended.sort();
    assert_eq!(ended, [(5, 0), (server, 0)]);
    assert_eq!(text, "back\n");
}
