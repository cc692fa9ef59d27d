//! UDP and its payload printers, names without `-n`, `-q`
//! (tcpdump-basics.txt, tcpdump-protocols.txt, tcpdump-filters.txt).

use super::*;

const M: &str = "02:00:00:00:00:01";

fn d(src: &str, sport: u16, dst: &str, dport: u16, data: &[u8]) -> Captured {
    on(frame(M, M, udp(src, sport, dst, dport, data)))
}

#[test]
fn udp_lines() {
    let lines = vec![
        (
            d("10.0.0.1", 4000, "10.0.0.2", 53, b"hi\n"),
            "vb",
            "IP 10.0.0.1.4000 > 10.0.0.2.53: domain [length 3 < 12] (invalid)",
        ),
        (d("10.0.1.1", 4000, "10.0.2.1", 5000, b"hi\n"), "rb", "IP 10.0.1.1.4000 > 10.0.2.1.5000: UDP, length 3"),
        (d("10.0.2.1", 5001, "10.0.1.1", 4002, b"back\n"), "rb", "IP 10.0.2.1.5001 > 10.0.1.1.4002: UDP, length 5"),
        (
            d("10.0.1.1", 4069, "10.0.2.1", 69, b"hi\n"),
            "ra",
            "IP 10.0.1.1.4069 > 10.0.2.1.69: TFTP, length 3, tftp-#26729",
        ),
        (d("10.0.1.1", 4070, "10.0.2.1", 70, b"hi\n"), "ra", "IP 10.0.1.1.4070 > 10.0.2.1.70: UDP, length 3"),
    ];
    check("-n", lines);
    let names = vec![(
        d("10.0.0.1", 4000, "10.0.0.2", 5353, b"hi\n"),
        "vb",
        "IP 10.0.0.1.4000 > 10.0.0.2.mdns: domain [length 3 < 12] (invalid)",
    )];
    check("", names);
    let q =
        vec![(d("10.0.0.1", 4000, "10.0.0.2", 5353, b"hi\n"), "vb", "IP 10.0.0.1.4000 > 10.0.0.2.mdns: UDP, length 3")];
    check("-q", q);
    let q = [
        (d("10.0.0.1", 4000, "10.0.0.2", 5000, b"hi\n"), "vb", "IP 10.0.0.1.4000 > 10.0.0.2.5000: UDP, length 3"),
        (
            seen(2, PktType::Host, frame(M, M, udp("10.0.1.1", 4003, "10.0.2.1", 5002, b"hi\n"))),
            "ra",
            "ra    In  IP 10.0.1.1.4003 > 10.0.2.1.5002: UDP, length 3",
        ),
    ];
    check("-nn -q", q[..1].to_vec());
    check("-nn -q any", q[1..].to_vec());
    let mut fwd = udp("10.0.1.1", 4004, "10.0.2.1", 5003, b"twelve bytes");
    fwd.ttl = 63;
    let v = vec![(on(frame(M, M, fwd)), "rb", "IP (tos 0x0, ttl 63, id 0, offset 0, flags [DF], proto UDP (17), length 40)\n    10.0.1.1.4004 > 10.0.2.1.5003: UDP, length 12")];
    check("-nn -v", v);
}

#[test]
fn very_verbose_checks_the_partial_sum() {
    let out = Printer::new(opts("-nn -v -v")).packet(&d("10.0.0.1", 4000, "10.0.0.2", 5000, b"hello\n"), "vb");
    assert!(out.ends_with("10.0.0.1.4000 > 10.0.0.2.5000: [bad udp cksum 0x1422 -> 0x84cb!] UDP, length 6\n"), "{out}");
}
