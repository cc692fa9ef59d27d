//! `normalize` against record-transcript's own: each expected string is what
//! the recorder's Python `normalize()` returned for the input line (lines
//! from real recordings of tcpdump, curl, ss and netstat, and edge cases of
//! each rule), pasted here; the pid masks are the simulator's extension,
//! checked against `tests/data/sockets/check`'s Python version of them.

use super::normalize;

/// (input, what record-transcript's normalize() returns for it)
const RECORDER: &[(&str, &str)] = &[
    (
        r#"17:55:50.923189 IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 12852, seq 1, length 64"#,
        r#"HH:MM:SS.US IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id ID, seq 1, length 64"#,
    ),
    (
        r#"17:55:50.923198 IP 10.0.0.2 > 10.0.0.1: ICMP echo reply, id 12852, seq 1, length 64"#,
        r#"HH:MM:SS.US IP 10.0.0.2 > 10.0.0.1: ICMP echo reply, id ID, seq 1, length 64"#,
    ),
    (
        r#"17:55:50.923186 ARP, Reply 10.0.0.2 is-at 82:8c:0a:88:43:c6, length 28"#,
        r#"HH:MM:SS.US ARP, Reply 10.0.0.2 is-at MAC, length 28"#,
    ),
    (
        r#"17:55:50.929292 IP 10.0.0.1.50524 > 10.0.0.2.8080: Flags [S], seq 2184154781, win 64240, options [mss 1460,sackOK,TS val 4173228201 ecr 0,nop,wscale 10], length 0"#,
        r#"HH:MM:SS.US IP 10.0.0.1.EPH > 10.0.0.2.8080: Flags [S], seq N, win 64240, options [mss 1460,sackOK,TS val N ecr N,nop,wscale 10], length 0"#,
    ),
    (
        r#"17:55:50.929316 IP 10.0.0.2.8080 > 10.0.0.1.50524: Flags [S.], seq 3750062365, ack 2184154782, win 65160, options [mss 1460,sackOK,TS val 4169754072 ecr 4173228201,nop,wscale 10], length 0"#,
        r#"HH:MM:SS.US IP 10.0.0.2.8080 > 10.0.0.1.EPH: Flags [S.], seq N, ack N, win 65160, options [mss 1460,sackOK,TS val N ecr N,nop,wscale 10], length 0"#,
    ),
    (
        r#"17:55:50.929327 IP 10.0.0.1.50524 > 10.0.0.2.8080: Flags [.], ack 1, win 63, options [nop,nop,TS val 4173228201 ecr 4169754072], length 0"#,
        r#"HH:MM:SS.US IP 10.0.0.1.EPH > 10.0.0.2.8080: Flags [.], ack 1, win 63, options [nop,nop,TS val N ecr N], length 0"#,
    ),
    (
        r#"17:55:50.929362 IP 10.0.0.1.50524 > 10.0.0.2.8080: Flags [P.], seq 1:4, ack 1, win 63, options [nop,nop,TS val 4173228202 ecr 4169754072], length 3: HTTP"#,
        r#"HH:MM:SS.US IP 10.0.0.1.EPH > 10.0.0.2.8080: Flags [P.], seq 1:4, ack 1, win 63, options [nop,nop,TS val N ecr N], length 3: HTTP"#,
    ),
    (
        r#"17:55:50.929375 IP 10.0.0.1.50524 > 10.0.0.2.8080: Flags [F.], seq 4, ack 1, win 63, options [nop,nop,TS val 4173228202 ecr 4169754073], length 0"#,
        r#"HH:MM:SS.US IP 10.0.0.1.EPH > 10.0.0.2.8080: Flags [F.], seq 4, ack 1, win 63, options [nop,nop,TS val N ecr N], length 0"#,
    ),
    (
        r#"17:55:50.933572 IP 10.0.0.2.9 > 10.0.0.1.52380: Flags [R.], seq 0, ack 2787889501, win 0, length 0"#,
        r#"HH:MM:SS.US IP 10.0.0.2.9 > 10.0.0.1.EPH: Flags [R.], seq N, ack N, win 0, length 0"#,
    ),
    (
        r#"17:55:50.936599 IP 10.0.0.1.36476 > 10.0.0.2.53: domain [length 2 < 12] (invalid)"#,
        r#"HH:MM:SS.US IP 10.0.0.1.EPH > 10.0.0.2.53: domain [length 2 < 12] (invalid)"#,
    ),
    (
        r#"17:55:50.936616 IP 10.0.0.2 > 10.0.0.1: ICMP 10.0.0.2 udp port 53 unreachable, length 38"#,
        r#"HH:MM:SS.US IP 10.0.0.2 > 10.0.0.1: ICMP 10.0.0.2 udp port 53 unreachable, length 38"#,
    ),
    (
        r#"17:55:51.946587 IP6 fe80::808c:aff:fe88:43c6 > ff02::2: ICMP6, router solicitation, length 16"#,
        r#"HH:MM:SS.US IP6 fe80::808c:aff:fe88:43c6 > ff02::2: ICMP6, router solicitation, length 16"#,
    ),
    (
        r#"curl: (7) Failed to connect to 10.0.0.2 port 9 after 0 ms: Couldn't connect to server"#,
        r#"curl: (7) Failed to connect to 10.0.0.2 port 9 after T ms: Couldn't connect to server"#,
    ),
    (
        r#"curl: (28) Failed to connect to 10.0.0.9 port 9 after 1000 ms: Timeout was reached"#,
        r#"curl: (28) Failed to connect to 10.0.0.9 port 9 after T ms: Timeout was reached"#,
    ),
    (
        r#"curl: (28) Connection timed out after 2001 milliseconds"#,
        r#"curl: (28) Connection timed out after 2001 milliseconds"#,
    ),
    (
        r#"TIME-WAIT 0      0           10.0.0.1:50524     10.0.0.2:8080       "#,
        r#"TIME-WAIT 0      0           10.0.0.1:EPH     10.0.0.2:8080       "#,
    ),
    (
        r#"SYN-SENT 0      1           10.0.0.1:51820     10.0.0.2:9          "#,
        r#"SYN-SENT 0      1           10.0.0.1:EPH     10.0.0.2:9          "#,
    ),
    (
        r#"ESTAB 0      0           10.0.0.2:5353     10.0.0.1:49725       "#,
        r#"ESTAB 0      0           10.0.0.2:5353     10.0.0.1:EPH       "#,
    ),
    (
        r#"LISTEN 0      1            0.0.0.0:36543      0.0.0.0:*          "#,
        r#"LISTEN 0      1            0.0.0.0:EPH      0.0.0.0:*          "#,
    ),
    (
        r#"tcp        0      0 10.244.0.2:56124        10.244.1.2:8080         TIME_WAIT  "#,
        r#"tcp        0      0 10.244.0.2:EPH        10.244.1.2:8080         TIME_WAIT  "#,
    ),
    (
        r#"tcp        0      0 10.0.0.1:2000           10.0.0.2:8080           ESTABLISHED"#,
        r#"tcp        0      0 10.0.0.1:2000           10.0.0.2:8080           ESTABLISHED"#,
    ),
    (
        r#"tcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      -                   "#,
        r#"tcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      -                   "#,
    ),
    (r#"lo UNKNOWN 127.0.0.1/8 ::1/128 "#, r#"lo UNKNOWN 127.0.0.1/8 ::1/128 "#),
    (
        r#"ports 10.0.0.1:32000 10.0.0.1:32767 10.0.0.1:39999 10.0.0.1:60999 10.0.0.1:61000 10.0.0.1:31999 10.0.0.1:400001"#,
        r#"ports 10.0.0.1:EPH 10.0.0.1:EPH 10.0.0.1:EPH 10.0.0.1:EPH 10.0.0.1:61000 10.0.0.1:31999 10.0.0.1:400001"#,
    ),
    (
        r#"edges 1.2.3.4.5.40000 x10.0.0.1:40000 _10.0.0.1:40000 é10.0.0.1:40000 -10.0.0.1:40000x 10.0.0.1:40000_ 10.0.0.1:40000."#,
        r#"edges 1.2.3.4.5.EPH x10.0.0.1:40000 _10.0.0.1:40000 é10.0.0.1:40000 -10.0.0.1:40000x 10.0.0.1:40000_ 10.0.0.1:EPH."#,
    ),
    (r#"acks , ack 1234 , ack 12345 , ack 123456789, "#, r#"acks , ack 1234 , ack N , ack N, "#),
    (
        r#"waited after after 5 ms: and  after 12 ms:after 3 ms:"#,
        r#"waited after after T ms: and  after T ms:after 3 ms:"#,
    ),
    (r#"    inet6 fe80::1/64 scope link tentative dadfailed "#, r#"    inet6 fe80::LL/64 scope link dadfailed "#),
    (r#"    inet6 fe80::1/64 scope link dadfailed tentative"#, r#"    inet6 fe80::LL/64 scope link"#),
    (r#"    inet6 fe80::2/64 scope link tentative tentative "#, r#"    inet6 fe80::LL/64 scope link tentative "#),
    (r#"        RX packets 12  bytes 936 (936.0 B)"#, r#"        RX packets N  bytes N"#),
    (r#"        TX packets 3  bytes 266 (266.0 B) and more"#, r#"        TX packets N  bytes N and more"#),
    (r#"12:00:00.123456 truncated"#, r#"HH:MM:SS.US truncated"#),
    (r#"12:00:00.12345 too short"#, r#"12:00:00.12345 too short"#),
    (r#" 12:00:00.123456 indented"#, r#" 12:00:00.123456 indented"#),
    (r#"TS val 1 ecr 2 TS val ecr 3 TS val 4 ecr x"#, r#"TS val N ecr N TS val ecr 3 TS val 4 ecr x"#),
    (
        r#"Flags [S], seq 0 Flags [R], seq 99 Flags [S.], seq 7 Flags [F], seq 1"#,
        r#"Flags [S], seq N Flags [R], seq N Flags [S.], seq N Flags [F], seq 1"#,
    ),
];

/// (input, what tests/data/sockets/check's normalize() returns for it)
const PIDS: &[(&str, &str)] = &[
    (
        r#"LISTEN 0      1            0.0.0.0:8080      0.0.0.0:*    users:(("nc",pid=26943,fd=3))"#,
        r#"LISTEN 0      1            0.0.0.0:8080      0.0.0.0:*    users:(("nc",pid=PID,fd=3))"#,
    ),
    (
        r#"tcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      26943/nc            "#,
        r#"tcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      PID/nc"#,
    ),
    (
        r#"tcp        0      0 10.0.0.1:2000           10.0.0.2:8080           ESTABLISHED 2499/nc             "#,
        r#"tcp        0      0 10.0.0.1:2000           10.0.0.2:8080           ESTABLISHED PID/nc"#,
    ),
    (
        r#"udp        0      0 0.0.0.0:5353            0.0.0.0:*                           812/nc              "#,
        r#"udp        0      0 0.0.0.0:5353            0.0.0.0:*                           PID/nc"#,
    ),
];

#[test]
fn each_line_masks_as_the_recorder_does() {
    for (line, want) in RECORDER.iter().chain(PIDS) {
        assert_eq!(normalize(line), *want, "{line:?}");
    }
}

#[test]
fn a_whole_transcript_masks_line_by_line() {
    let text: Vec<&str> = RECORDER.iter().chain(PIDS).map(|(l, _)| *l).collect();
    let want: Vec<&str> = RECORDER.iter().chain(PIDS).map(|(_, w)| *w).collect();
    assert_eq!(normalize(&text.join("\n")), want.join("\n"));
}

/// curl's header lines end in `\r\n`: the `\r` is output like any other
/// byte, kept by the split (on `\n` alone) and compared, so a reader that
/// drops it (`str::lines`, Python's text mode) cannot pass for curl.
#[test]
fn a_carriage_return_is_compared() {
    let curl = "$ curl -si http://10.0.0.2:8080/\nHTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nhello\n";
    assert_eq!(super::compare(curl, curl), (1, vec![]));
    let (same, bad) = super::compare(curl, &curl.replace('\r', ""));
    assert_eq!((same, bad.len()), (0, 1));
    assert!(super::split(curl)[0].1.contains("OK\r\nContent-Length"));
}
