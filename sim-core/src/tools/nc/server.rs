//! nc as a server (`-l`): `local_listen()` (SO_REUSEADDR and SO_REUSEPORT,
//! a backlog of 1), one connection at a time (`-k`: one after another);
//! with `-u`, the socket connects to the first sender and serves it alone.

use std::net::{Ipv4Addr, SocketAddrV4};

use super::msg::errno_text;
use super::{inet_aton, io, opts, Cx, Opts};
use crate::netlink::sockets::{Errno, SockId, SockOpt, SockType};

/// `nc -l [-u] [-k] [ADDR] PORT`: the exit status.
pub(super) async fn serve(cx: &mut Cx<'_>, o: &Opts, stdin: &str) -> i32 {
    let word = o.ports.first().cloned().unwrap_or_default();
    let Some(port) = opts::service_port(&word) else {
        return cx.fail("getaddrinfo: Servname not supported for ai_socktype".into());
    };
    let addr = match o.host.as_ref().or(o.source_addr.as_ref()) {
        None => Ipv4Addr::UNSPECIFIED,
        Some(h) if o.family.refuses(h) => return cx.fail(format!("getaddrinfo: {}", opts::ADDRFAMILY)),
        Some(h) => match inet_aton(h).or_else(|| cx.socks.resolve(h).filter(|_| !o.numeric)) {
            Some(a) => a,
            None => return cx.fail("getaddrinfo: Name or service not known".into()),
        },
    };
    let ty = if o.udp { SockType::Dgram } else { SockType::Stream };
    let Ok(s) = cx.socks.socket(ty) else { return 1 };
    cx.socks.set_owner(s, cx.clock.pid(), "nc", 3);
    let _ = cx.socks.set_option(s, SockOpt::ReuseAddr(true));
    let _ = cx.socks.set_option(s, SockOpt::ReusePort(true));
    let bound = cx.socks.bind_inet(s, SocketAddrV4::new(addr, port));
    let listening = bound.and_then(|()| if o.udp { Ok(()) } else { cx.socks.listen(s, 1) });
    if let Err(e) = listening {
        let _ = cx.socks.close(s);
        return cx.fail(errno_text(e).to_string());
    }
    if o.verbose {
        let local = cx.socks.local_addr(s).unwrap_or(SocketAddrV4::new(addr, port));
        let verb = if o.udp { "Bound on" } else { "Listening on" };
        cx.warn_plain(format!("{verb} {} {}\n", local.ip(), local.port()));
    }
    let status = if o.udp { serve_udp(cx, o, s, stdin).await } else { serve_tcp(cx, o, s, stdin).await };
    let _ = cx.socks.close(s);
    status
}

async fn serve_tcp(cx: &mut Cx<'_>, o: &Opts, l: SockId, stdin: &str) -> i32 {
    let mut stdin = stdin;
    loop {
        let (c, peer) = loop {
            cx.catch_up();
            match cx.socks.accept(l) {
                Ok(x) => break x,
                Err(Errno::EAGAIN) => {}
                Err(_) => return 1,
            }
            if !cx.idle(&[l], None).await {
                return 1;
            }
        };
        cx.socks.set_owner(c, cx.clock.pid(), "nc", 4);
        if o.verbose {
            cx.warn_plain(format!("Connection received on {} {}\n", peer.ip(), peer.port()));
        }
        io::readwrite(cx, c, o, stdin, false, true).await;
        let _ = cx.socks.close(c);
        stdin = "";
        if !o.keep {
            return 0;
        }
    }
}

/// UDP: the first datagram names the peer; the socket connects to it.
/// With `-k` it stays unconnected and prints what anyone sends.
async fn serve_udp(cx: &mut Cx<'_>, o: &Opts, s: SockId, stdin: &str) -> i32 {
    if o.keep {
        loop {
            cx.catch_up();
            match cx.socks.recv_from(s, 65536) {
                Ok((data, _)) => cx.print(String::from_utf8_lossy(&data).into_owned()),
                Err(Errno::EAGAIN) => {
                    if !cx.idle(&[s], None).await {
                        return 1;
                    }
                }
                Err(_) => return 1,
            }
        }
    }
    let (first, from) = loop {
        cx.catch_up();
        match cx.socks.recv_from(s, 65536) {
            Ok((data, Some(from))) => break (data, from),
            Ok(_) | Err(Errno::EAGAIN) => {}
            Err(_) => return 1,
        }
        if !cx.idle(&[s], None).await {
            return 1;
        }
    };
    if cx.socks.connect_inet(s, from).is_err() {
        return 1;
    }
    if o.verbose {
        cx.warn_plain(format!("Connection received on {} {}\n", from.ip(), from.port()));
    }
    cx.print(String::from_utf8_lossy(&first).into_owned());
    io::readwrite(cx, s, o, stdin, true, true).await;
    0
}
