//! Transport scenarios through the socket seam, in virtual time, each
//! checked against its expected packet trace (`tests/data/tcp/*.txt`).

mod tcp_support;

use sim_core::netlink::sockets::{Errno, Shutdown, SockOpt, SockType};
use tcp_support::{sa, World, PAIR};

#[test]
fn handshake_data_both_ways_close_and_time_wait() {
    let mut w = World::new(PAIR);
    w.say("b: nc -l 8080 (SO_REUSEPORT, backlog 1)");
    let l = w.on("b", |s| {
        let l = s.socket(SockType::Stream).unwrap();
        s.set_option(l, SockOpt::ReusePort(true)).unwrap();
        s.bind_inet(l, sa("0.0.0.0:8080")).unwrap();
        s.listen(l, 1).unwrap();
        l
    });
    w.say("a: connect to 10.0.0.2:8080");
    let c = w.on("a", |s| {
        let c = s.socket(SockType::Stream).unwrap();
        s.connect_inet(c, sa("10.0.0.2:8080")).unwrap();
        c
    });
    w.wait(1000);
    let ss_a = w.ss("a");
    let ss_b = w.ss("b");
    w.say(&format!("ss a:\n{ss_a}ss b:\n{ss_b}"));
    w.say("a: send hello");
    w.on("a", |s| {
        assert!(s.poll(c).unwrap().writable);
        assert_eq!(s.send(c, b"hello\n"), Ok(6));
    });
    w.wait(1000);
    w.say("b: accept, read, answer");
    let child = w.on("b", |s| {
        let (child, peer) = s.accept(l).unwrap();
        assert_eq!(peer, s.peer_addr(child).unwrap());
        assert_eq!(s.recv_from(child, 100).unwrap().0, b"hello\n");
        assert_eq!(s.send(child, b"hi\n"), Ok(3));
        child
    });
    w.wait(1000);
    w.say("a: read, close (FIN first: a holds TIME-WAIT)");
    w.on("a", |s| {
        assert_eq!(s.recv_from(c, 100).unwrap().0, b"hi\n");
        s.close(c).unwrap();
    });
    w.wait(1000);
    w.say("b: end of file, close, stop listening");
    w.on("b", |s| {
        assert_eq!(s.recv_from(child, 100).unwrap().0, b"");
        s.close(child).unwrap();
        s.close(l).unwrap();
    });
    w.wait(300_000);
    let ss_a = w.ss("a");
    let ss_b = w.ss("b");
    w.say(&format!("ss a:\n{ss_a}ss b:\n{ss_b}"));
    assert!(ss_a.contains("TIME-WAIT") && ss_a.contains("timer:(TimeWait,59"), "{ss_a}");
    assert_eq!(ss_b, "");
    w.settle(w.now_us() + 61_000_000);
    assert_eq!(w.ss("a"), "");
    w.say("TIME-WAIT over");
    w.check("handshake");
}

#[test]
fn syn_to_a_closed_port_is_refused() {
    let mut w = World::new(PAIR);
    let c = w.on("a", |s| {
        let c = s.socket(SockType::Stream).unwrap();
        s.connect_inet(c, sa("10.0.0.2:9")).unwrap();
        c
    });
    w.wait(1000);
    w.on("a", |s| {
        assert!(s.poll(c).unwrap().error);
        assert_eq!(s.take_error(c), Some(Errno::ECONNREFUSED));
    });
    w.check("refused");
}

#[test]
fn shutdown_write_half_closes() {
    let mut w = World::new(PAIR);
    let l = w.on("b", |s| {
        let l = s.socket(SockType::Stream).unwrap();
        s.bind_inet(l, sa("10.0.0.2:80")).unwrap();
        s.listen(l, 5).unwrap();
        l
    });
    let c = w.on("a", |s| {
        let c = s.socket(SockType::Stream).unwrap();
        s.bind_inet(c, sa("0.0.0.0:2000")).unwrap();
        s.connect_inet(c, sa("10.0.0.2:80")).unwrap();
        c
    });
    w.wait(1000);
    w.on("a", |s| {
        s.send(c, b"GET /\n").unwrap();
        s.shutdown(c, Shutdown::Write).unwrap();
    });
    w.wait(1000);
    let ss = w.ss("b");
    assert!(ss.contains("CLOSE-WAIT 6 0 10.0.0.2:80 10.0.0.1:2000"), "{ss}");
    let ch = w.on("b", |s| s.accept(l).unwrap().0);
    w.on("b", |s| {
        assert_eq!(s.recv_from(ch, 100).unwrap().0, b"GET /\n");
        assert_eq!(s.recv_from(ch, 100).unwrap().0, b"");
        s.send(ch, b"200\n").unwrap();
        s.close(ch).unwrap();
    });
    w.wait(1000);
    w.on("a", |s| {
        assert_eq!(s.recv_from(c, 100).unwrap().0, b"200\n");
        assert_eq!(s.recv_from(c, 100).unwrap().0, b"");
    });
    let ss = w.ss("a");
    assert!(ss.contains("TIME-WAIT"), "{ss}");
    w.check("half-close");
}

#[test]
fn closing_with_unread_data_resets_and_the_peer_sees_econnreset() {
    let mut w = World::new(PAIR);
    let l = w.on("b", |s| {
        let l = s.socket(SockType::Stream).unwrap();
        s.bind_inet(l, sa("0.0.0.0:8080")).unwrap();
        s.listen(l, 1).unwrap();
        l
    });
    let c = w.on("a", |s| {
        let c = s.socket(SockType::Stream).unwrap();
        s.connect_inet(c, sa("10.0.0.2:8080")).unwrap();
        c
    });
    w.wait(1000);
    w.on("a", |s| s.send(c, b"unread\n").unwrap());
    w.wait(1000);
    w.on("b", |s| {
        let (ch, _) = s.accept(l).unwrap();
        s.close(ch).unwrap();
        s.close(l).unwrap();
    });
    w.wait(1000);
    w.on("a", |s| {
        assert!(s.poll(c).unwrap().error);
        assert_eq!(s.recv_from(c, 10), Err(Errno::ECONNRESET));
        assert_eq!(s.send(c, b"x"), Err(Errno::EPIPE));
        s.close(c).unwrap();
    });
    assert_eq!(w.ss("a"), "");
    assert_eq!(w.ss("b"), "");
    assert!(w.log.contains("b: send TCP 8080 > 37604 [R.]"), "{}", w.log);
}

#[test]
fn so_linger_zero_close_is_an_abort() {
    let mut w = World::new(PAIR);
    w.on("b", |s| {
        let l = s.socket(SockType::Stream).unwrap();
        s.bind_inet(l, sa("0.0.0.0:8080")).unwrap();
        s.listen(l, 1).unwrap();
    });
    let c = w.on("a", |s| {
        let c = s.socket(SockType::Stream).unwrap();
        s.set_option(c, SockOpt::Linger0(true)).unwrap();
        s.connect_inet(c, sa("10.0.0.2:8080")).unwrap();
        c
    });
    w.wait(1000);
    w.on("a", |s| s.close(c).unwrap());
    w.wait(1000);
    // No TIME-WAIT anywhere; b's connection was reset before accept.
    assert_eq!(w.ss("a"), "");
    assert_eq!(w.ss("b"), "Tcp LISTEN 0 1 0.0.0.0:8080 *\n");
}
