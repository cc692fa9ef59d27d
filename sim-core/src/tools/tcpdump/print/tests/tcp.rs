//! TCP: flags, options, relative sequence numbers as tcpdump tracks
//! them, `-q`, names, HTTP on 8080 (tcpdump-protocols.txt,
//! lesson-pods.txt, lesson-service.txt, tcpdump-basics.txt).

use super::*;

const M: &str = "02:00:00:00:01:01";
const A: &str = "10.0.1.1";
const B: &str = "10.0.2.1";

fn s(p: Ipv4Packet) -> Captured {
    on(frame(M, M, p))
}

/// The 8 segments of `echo hello | nc -N -p 2101 10.0.2.1 8080`.
fn exchange(port: u16, sport: u16) -> Vec<Captured> {
    let (c, srv) = (552562349u32, 236829581u32);
    let (tc, ts) = (2299685164u32, 1933169490u32);
    vec![
        s(tcp(A, sport, B, port, "S", c, 0, 64240, Some((tc, 0)), b"")),
        s(tcp(B, port, A, sport, "S.", srv, c + 1, 65160, Some((ts, tc)), b"")),
        s(tcp(A, sport, B, port, ".", c + 1, srv + 1, 63, Some((tc, ts)), b"")),
        s(tcp(A, sport, B, port, "P.", c + 1, srv + 1, 63, Some((tc, ts)), b"hello\n")),
        s(tcp(B, port, A, sport, ".", srv + 1, c + 7, 64, Some((ts, tc)), b"")),
        s(tcp(A, sport, B, port, "F.", c + 7, srv + 1, 63, Some((tc, ts)), b"")),
        s(tcp(B, port, A, sport, "F.", srv + 1, c + 8, 64, Some((ts, tc)), b"")),
        s(tcp(A, sport, B, port, ".", c + 8, srv + 2, 63, Some((tc, ts)), b"")),
    ]
}

#[test]
fn a_whole_connection() {
    let want = [
        "IP 10.0.1.1.2101 > 10.0.2.1.8080: Flags [S], seq 552562349, win 64240, options [mss 1460,sackOK,TS val 2299685164 ecr 0,nop,wscale 10], length 0",
        "IP 10.0.2.1.8080 > 10.0.1.1.2101: Flags [S.], seq 236829581, ack 552562350, win 65160, options [mss 1460,sackOK,TS val 1933169490 ecr 2299685164,nop,wscale 10], length 0",
        "IP 10.0.1.1.2101 > 10.0.2.1.8080: Flags [.], ack 1, win 63, options [nop,nop,TS val 2299685164 ecr 1933169490], length 0",
        "IP 10.0.1.1.2101 > 10.0.2.1.8080: Flags [P.], seq 1:7, ack 1, win 63, options [nop,nop,TS val 2299685164 ecr 1933169490], length 6: HTTP",
        "IP 10.0.2.1.8080 > 10.0.1.1.2101: Flags [.], ack 7, win 64, options [nop,nop,TS val 1933169490 ecr 2299685164], length 0",
        "IP 10.0.1.1.2101 > 10.0.2.1.8080: Flags [F.], seq 7, ack 1, win 63, options [nop,nop,TS val 2299685164 ecr 1933169490], length 0",
        "IP 10.0.2.1.8080 > 10.0.1.1.2101: Flags [F.], seq 1, ack 8, win 64, options [nop,nop,TS val 1933169490 ecr 2299685164], length 0",
        "IP 10.0.1.1.2101 > 10.0.2.1.8080: Flags [.], ack 2, win 63, options [nop,nop,TS val 2299685164 ecr 1933169490], length 0",
    ];
    check("-nn", exchange(8080, 2101).into_iter().zip(want).map(|(c, w)| (c, "rb", w)).collect());
    // On 9000 no payload printer: `length 6` alone.
    let lines = exchange(9000, 2102);
    let mut p = Printer::new(opts("-nn"));
    let out: Vec<String> = lines.iter().map(|c| p.packet(c, "ra")).collect();
    assert!(out[3].ends_with("ecr 1933169490], length 6\n"), "{}", out[3]);
    let q = ["tcp 0", "tcp 0", "tcp 0", "tcp 6", "tcp 0", "tcp 0", "tcp 0", "tcp 0"];
    let mut p = Printer::new(opts("-nn -q"));
    for (c, want) in exchange(9000, 2103).iter().zip(q) {
        let out = p.packet(c, "ra");
        assert!(out.ends_with(&format!(": {want}\n")), "{out}");
    }
}

#[test]
fn resets_and_the_state_across_interfaces() {
    let isn = 3189320992u32;
    let (c, srv) = ("10.244.0.2", "10.244.0.3");
    let syn = || frame(M, M, tcp(c, 3001, srv, 8080, "S", isn, 0, 64240, Some((4133803945, 0)), b""));
    let rst = || frame(M, M, tcp(srv, 8080, c, 3001, "R.", 0, isn + 1, 0, None, b""));
    let lines = vec![
        (seen(5, PktType::OtherHost, syn()), "veth-client", "veth-client P   IP 10.244.0.2.3001 > 10.244.0.3.8080: Flags [S], seq 3189320992, win 64240, options [mss 1460,sackOK,TS val 4133803945 ecr 0,nop,wscale 10], length 0"),
        (seen(6, PktType::Outgoing, syn()), "veth-server", "veth-server Out IP 10.244.0.2.3001 > 10.244.0.3.8080: Flags [S], seq 3189320992, win 64240, options [mss 1460,sackOK,TS val 4133803945 ecr 0,nop,wscale 10], length 0"),
        (seen(6, PktType::OtherHost, rst()), "veth-server", "veth-server P   IP 10.244.0.3.8080 > 10.244.0.2.3001: Flags [R.], seq 0, ack 3189320993, win 0, length 0"),
        (seen(5, PktType::Outgoing, rst()), "veth-client", "veth-client Out IP 10.244.0.3.8080 > 10.244.0.2.3001: Flags [R.], seq 0, ack 1, win 0, length 0"),
    ];
    check("-nn any", lines);
}

#[test]
fn a_filter_that_skips_the_data() {
    // `tcp[tcpflags] & (tcp-syn|tcp-fin) != 0` on `any`: the SYN-ACK
    // records the conversation, the FINs print relative to it.
    let (c, srv, tc, ts) = (2497402190u32, 408830641u32, 3115537299u32, 1332468603u32);
    let syn = || tcp(A, 2104, B, 9000, "S", c, 0, 64240, Some((tc, 0)), b"");
    let syn_ack = || tcp(B, 9000, A, 2104, "S.", srv, c + 1, 65160, Some((ts, tc)), b"");
    let fin = || tcp(A, 2104, B, 9000, "F.", c + 7, srv + 1, 63, Some((tc, ts)), b"");
    let fin2 = || tcp(B, 9000, A, 2104, "F.", srv + 1, c + 8, 64, Some((ts + 1, tc)), b"");
    let (ra_in, ra_out) = ((2, PktType::Host, "ra"), (2, PktType::Outgoing, "ra"));
    let (rb_in, rb_out) = ((3, PktType::Host, "rb"), (3, PktType::Outgoing, "rb"));
    let x =
        |(ifindex, t, ifname): (u32, PktType, &'static str), p, want| (seen(ifindex, t, frame(M, M, p)), ifname, want);
    let lines = vec![
        x(ra_in, syn(), "ra    In  IP 10.0.1.1.2104 > 10.0.2.1.9000: Flags [S], seq 2497402190, win 64240, options [mss 1460,sackOK,TS val 3115537299 ecr 0,nop,wscale 10], length 0"),
        x(rb_out, syn(), "rb    Out IP 10.0.1.1.2104 > 10.0.2.1.9000: Flags [S], seq 2497402190, win 64240, options [mss 1460,sackOK,TS val 3115537299 ecr 0,nop,wscale 10], length 0"),
        x(rb_in, syn_ack(), "rb    In  IP 10.0.2.1.9000 > 10.0.1.1.2104: Flags [S.], seq 408830641, ack 2497402191, win 65160, options [mss 1460,sackOK,TS val 1332468603 ecr 3115537299,nop,wscale 10], length 0"),
        x(ra_out, syn_ack(), "ra    Out IP 10.0.2.1.9000 > 10.0.1.1.2104: Flags [S.], seq 408830641, ack 2497402191, win 65160, options [mss 1460,sackOK,TS val 1332468603 ecr 3115537299,nop,wscale 10], length 0"),
        x(ra_in, fin(), "ra    In  IP 10.0.1.1.2104 > 10.0.2.1.9000: Flags [F.], seq 7, ack 1, win 63, options [nop,nop,TS val 3115537299 ecr 1332468603], length 0"),
        x(rb_out, fin(), "rb    Out IP 10.0.1.1.2104 > 10.0.2.1.9000: Flags [F.], seq 7, ack 1, win 63, options [nop,nop,TS val 3115537299 ecr 1332468603], length 0"),
        x(rb_in, fin2(), "rb    In  IP 10.0.2.1.9000 > 10.0.1.1.2104: Flags [F.], seq 1, ack 8, win 64, options [nop,nop,TS val 1332468604 ecr 3115537299], length 0"),
        x(ra_out, fin2(), "ra    Out IP 10.0.2.1.9000 > 10.0.1.1.2104: Flags [F.], seq 1, ack 8, win 64, options [nop,nop,TS val 1332468604 ecr 3115537299], length 0"),
    ];
    check("-nn any", lines);
}

#[test]
fn a_reset_from_reject_and_quiet_lines() {
    let isn = 2630560276u32;
    let lines = vec![
        (s(tcp(A, 2023, B, 23, "S", isn, 0, 64240, Some((3856893173, 0)), b"")), "ra", "IP 10.0.1.1.2023 > 10.0.2.1.23: Flags [S], seq 2630560276, win 64240, options [mss 1460,sackOK,TS val 3856893173 ecr 0,nop,wscale 10], length 0"),
        (s(tcp(B, 23, A, 2023, "R.", 0, isn + 1, 0, None, b"")), "ra", "IP 10.0.2.1.23 > 10.0.1.1.2023: Flags [R.], seq 0, ack 2630560277, win 0, length 0"),
    ];
    check("-nn", lines);
    let q = vec![(
        s(tcp("10.0.0.1", 2004, "10.0.0.2", 80, "S", 1, 0, 64240, Some((1, 0)), b"")),
        "vb",
        "IP 10.0.0.1.2004 > 10.0.0.2.80: tcp 0",
    )];
    check("-nn -q", q);
}

#[test]
fn the_server_sends_first() {
    let (c, srv, tc, ts) = (1615486372u32, 3353243060u32, 2188854292u32, 1463055645u32);
    let lines = vec![
        (s(tcp(B, 9000, A, 2106, "S.", srv, c + 1, 65160, Some((ts, tc)), b"")), "rb", "IP 10.0.2.1.9000 > 10.0.1.1.2106: Flags [S.], seq 3353243060, ack 1615486373, win 65160, options [mss 1460,sackOK,TS val 1463055645 ecr 2188854292,nop,wscale 10], length 0"),
        (s(tcp(B, 9000, A, 2106, "P.", srv + 1, c + 1, 64, Some((ts, tc)), b"world\n")), "rb", "IP 10.0.2.1.9000 > 10.0.1.1.2106: Flags [P.], seq 1:7, ack 1, win 64, options [nop,nop,TS val 1463055645 ecr 2188854292], length 6"),
        (s(tcp(B, 9000, A, 2106, "F.", srv + 7, c + 1, 64, Some((ts, tc)), b"")), "rb", "IP 10.0.2.1.9000 > 10.0.1.1.2106: Flags [F.], seq 7, ack 1, win 64, options [nop,nop,TS val 1463055645 ecr 2188854292], length 0"),
        (s(tcp(A, 2106, B, 9000, "F.", c + 1, srv + 8, 63, Some((tc, ts)), b"")), "rb", "IP 10.0.1.1.2106 > 10.0.2.1.9000: Flags [F.], seq 1, ack 8, win 63, options [nop,nop,TS val 2188854292 ecr 1463055645], length 0"),
    ];
    check("-nn", lines);
}

#[test]
fn port_names_and_http_requests() {
    let syn = tcp("10.0.0.1", 2002, "10.0.0.2", 80, "S", 1049299686, 0, 64240, Some((3341756790, 0)), b"");
    check("", vec![(s(syn), "vb", "IP 10.0.0.1.2002 > 10.0.0.2.http: Flags [S], seq 1049299686, win 64240, options [mss 1460,sackOK,TS val 3341756790 ecr 0,nop,wscale 10], length 0")]);
    // curl's request: the first line after `HTTP: ` (print-http.c).
    let get = b"GET / HTTP/1.1\r\nHost: 10.0.0.2:8080\r\n\r\n";
    let p = tcp("10.0.0.1", 2001, "10.0.0.2", 8080, "P.", 5, 9, 63, Some((1, 2)), get);
    let mut pr = Printer::new(opts("-nn"));
    assert!(pr.packet(&s(p), "eth0").ends_with(", length 39: HTTP: GET / HTTP/1.1\n"));
}

#[test]
fn dump_of_a_request_as_text() {
    // curl.txt greps these lines out of `-A`.
    let get = b"GET / HTTP/1.1\r\nHost: 10.0.0.2:8080\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n";
    let p = tcp("10.0.0.1", 2001, "10.0.0.2", 8080, "P.", 5, 9, 63, Some((1, 2)), get);
    let out = Printer::new(opts("-nn -A")).packet(&s(p), "eth0");
    for line in ["Host: 10.0.0.2:8080", "User-Agent: curl/7.88.1", "Accept: */*"] {
        assert!(out.lines().any(|l| l == line), "{out}");
    }
}

#[test]
fn a_killed_server_closes_first() {
    let (c, srv, tc, ts) = (1127620572u32, 2537768331u32, 2579856156u32, 613107804u32);
    let lines = vec![
        (s(tcp(B, 9001, A, 2107, "S.", srv, c + 1, 65160, Some((ts, tc)), b"")), "rb", "IP 10.0.2.1.9001 > 10.0.1.1.2107: Flags [S.], seq 2537768331, ack 1127620573, win 65160, options [mss 1460,sackOK,TS val 613107804 ecr 2579856156,nop,wscale 10], length 0"),
        (s(tcp(A, 2107, B, 9001, ".", c + 1, srv + 1, 63, Some((tc, ts)), b"")), "rb", "IP 10.0.1.1.2107 > 10.0.2.1.9001: Flags [.], ack 1, win 63, options [nop,nop,TS val 2579856156 ecr 613107804], length 0"),
        (s(tcp(B, 9001, A, 2107, "F.", srv + 1, c + 1, 64, Some((613108102, tc)), b"")), "rb", "IP 10.0.2.1.9001 > 10.0.1.1.2107: Flags [F.], seq 1, ack 1, win 64, options [nop,nop,TS val 613108102 ecr 2579856156], length 0"),
        (s(tcp(A, 2107, B, 9001, "F.", c + 1, srv + 2, 63, Some((2579856454, 613108102)), b"")), "rb", "IP 10.0.1.1.2107 > 10.0.2.1.9001: Flags [F.], seq 1, ack 2, win 63, options [nop,nop,TS val 2579856454 ecr 613108102], length 0"),
        (s(tcp(B, 9001, A, 2107, ".", srv + 2, c + 2, 64, Some((613108102, 2579856454)), b"")), "rb", "IP 10.0.2.1.9001 > 10.0.1.1.2107: Flags [.], ack 2, win 64, options [nop,nop,TS val 613108102 ecr 2579856454], length 0"),
    ];
    check("-nn", lines);
}

#[test]
fn nat_makes_two_conversations() {
    // lesson-service.txt: the RST through DNAT keeps its absolute ack on
    // both sides, its addresses differ.
    let (cl, svc, pod) = ("10.244.0.2", "10.96.0.10", "10.244.1.2");
    let isn = 3598424724u32;
    let x = |ifindex, t, ifname, p, want| (seen(ifindex, t, frame(M, M, p)), ifname, want);
    let lines = vec![
        x(
            3,
            PktType::Host,
            "veth-b",
            tcp(pod, 8080, cl, 2005, "R.", 0, isn + 1, 0, None, b""),
            "veth-b In  IP 10.244.1.2.8080 > 10.244.0.2.2005: Flags [R.], seq 0, ack 3598424725, win 0, length 0",
        ),
        x(
            2,
            PktType::Outgoing,
            "veth-a",
            tcp(svc, 80, cl, 2005, "R.", 0, isn + 1, 0, None, b""),
            "veth-a Out IP 10.96.0.10.80 > 10.244.0.2.2005: Flags [R.], seq 0, ack 3598424725, win 0, length 0",
        ),
    ];
    check("-nn any", lines);
}

#[test]
fn http_responses_and_verbose() {
    let reply = b"HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n";
    let p = || tcp("10.0.0.2", 8080, "10.0.0.1", 2001, "P.", 5, 9, 64, Some((1, 2)), reply);
    let out = Printer::new(opts("-nn")).packet(&s(p()), "eth0");
    assert!(out.ends_with(", length 44: HTTP: HTTP/1.0 200 OK\n"), "{out}");
    let out = Printer::new(opts("-nn -v")).packet(&s(p()), "eth0");
    assert!(
        out.ends_with(", length 44: HTTP, length: 44\n\tHTTP/1.0 200 OK\n\tContent-Length: 6\n\t\n\thello\n"),
        "{out}"
    );
}
