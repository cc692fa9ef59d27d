//! nc as a client: each port in turn (`remote_connect()`), `-z` scans,
//! `-v`'s reports, UDP's `X` probes (`udptest()`), then `readwrite()`.

use std::net::{Ipv4Addr, SocketAddrV4};

use super::msg::errno_text;
use super::opts::Family;
use super::{inet_aton, io, opts, services, Cx, Opts};
use crate::netlink::sockets::{Errno, SockId, SockType};

/// How a connect attempt ended.
enum Connect {
    Done,
    Failed(Errno),
    TimedOut,
}

/// Seconds of `X` probes a UDP `-z`/`-v` sends (`UDP_SCAN_TIMEOUT`).
const UDP_SCAN_S: u64 = 3;

/// `nc [-u] [-z] HOST PORT…`: the exit status.
pub(super) async fn connect_all(cx: &mut Cx<'_>, o: &Opts, stdin: &str) -> i32 {
    let ports = match opts::client_ports(&o.ports) {
        Ok(p) => p,
        Err(f) => {
            cx.warn_plain(f.text);
            return f.status;
        }
    };
    let host = o.host.clone().unwrap_or_default();
    let proto = if o.udp { "udp" } else { "tcp" };
    let mut status = 1;
    for port in ports {
        let dst = match resolve(cx, o, &host) {
            Ok(a) => a,
            Err(why) => return cx.fail(format!("getaddrinfo for host \"{host}\" port {port}: {why}")),
        };
        if o.md5sig {
            return cx.fail("Unable to read TCP MD5SIG password".into());
        }
        let shown = if dst.to_string() == host { host.clone() } else { format!("{host} ({dst})") };
        let ty = if o.udp { SockType::Dgram } else { SockType::Stream };
        let Ok(s) = cx.socks.socket(ty) else { return 1 };
        cx.socks.set_owner(s, cx.clock.pid(), "nc", 3);
        if let Err(text) = bind_source(cx, o, s) {
            let _ = cx.socks.close(s);
            return cx.fail(text);
        }
        let outcome = match cx.socks.connect_inet(s, SocketAddrV4::new(dst, port)) {
            Err(e) => Connect::Failed(e),
            Ok(()) if o.udp => Connect::Done,
            Ok(()) => established(cx, o, s).await,
        };
        match outcome {
            Connect::Done => {}
            Connect::Failed(e) => {
                if o.verbose {
                    cx.warn(format!("connect to {shown} port {port} ({proto}) failed: {}", errno_text(e)));
                }
                let _ = cx.socks.close(s);
                continue;
            }
            Connect::TimedOut => {
                if o.verbose {
                    cx.warn(format!("connect to {shown} port {port} ({proto}) timed out: Operation now in progress"));
                }
                let _ = cx.socks.close(s);
                continue;
            }
        }
        // The probes' verdict counts with -v only (recorded: `-zu` to a
        // closed port exits 0, `-zvu` 1).
        if o.udp && (o.verbose || o.zero) {
            let answered = udp_test(cx, o, s).await;
            if !answered && o.verbose {
                let _ = cx.socks.close(s);
                continue;
            }
        }
        status = 0;
        if o.verbose {
            let service = services::name(port, o.udp).filter(|_| !o.numeric).unwrap_or("*");
            cx.warn_plain(format!("Connection to {shown} {port} port [{proto}/{service}] succeeded!\n"));
        }
        if !o.zero {
            io::readwrite(cx, s, o, stdin, o.udp, false).await;
        }
        let _ = cx.socks.close(s);
    }
    status
}

/// `getaddrinfo()` of the destination: a numeric address (inet_aton's
/// forms), else a name from /etc/hosts; no DNS answers in the lab.
fn resolve(cx: &mut Cx<'_>, o: &Opts, host: &str) -> Result<Ipv4Addr, &'static str> {
    // IPv6 destinations are not simulated yet: `-6` refuses every one.
    if o.family == Family::Inet6 || o.family.refuses(host) {
        return Err(opts::ADDRFAMILY);
    }
    if let Some(a) = inet_aton(host) {
        return Ok(a);
    }
    if host.is_empty() || o.numeric {
        return Err("Name or service not known");
    }
    if host.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return Err("Temporary failure in name resolution");
    }
    cx.socks.resolve(host).ok_or("Temporary failure in name resolution")
}

/// `-s ADDR` and `-p PORT`: the local end's `bind()`.
fn bind_source(cx: &mut Cx<'_>, o: &Opts, s: SockId) -> Result<(), String> {
    if o.source_addr.is_none() && o.source_port.is_none() {
        return Ok(());
    }
    let addr = match &o.source_addr {
        None => Ipv4Addr::UNSPECIFIED,
        // Resolved in the destination's family (IPv4 here).
        Some(a) if Family::Inet.refuses(a) => return Err(format!("getaddrinfo: {}", opts::ADDRFAMILY)),
        Some(a) => inet_aton(a)
            .or_else(|| cx.socks.resolve(a).filter(|_| !o.numeric))
            .ok_or("getaddrinfo: Name or service not known")?,
    };
    let port = match &o.source_port {
        None => 0,
        Some(p) => opts::service_port(p).ok_or("getaddrinfo: Servname not supported for ai_socktype")?,
    };
    cx.socks.bind_inet(s, SocketAddrV4::new(addr, port)).map_err(|e| format!("bind failed: {}", errno_text(e)))
}

/// A TCP connect's outcome: connected, refused or unreachable (the
/// kernel's error), or `-w` seconds passed first.
async fn established(cx: &mut Cx<'_>, o: &Opts, s: SockId) -> Connect {
    let deadline = o.timeout_s.filter(|t| *t > 0).map(|t| cx.now_us() + t * 1_000_000);
    loop {
        cx.catch_up();
        let Ok(r) = cx.socks.poll(s) else { return Connect::Failed(Errno::EBADF) };
        if r.error || r.hup {
            return Connect::Failed(cx.socks.take_error(s).unwrap_or(Errno::ECONNREFUSED));
        }
        if r.writable {
            return Connect::Done;
        }
        if deadline.is_some_and(|d| cx.now_us() >= d) {
            return Connect::TimedOut;
        }
        if !cx.idle(&[s], deadline).await {
            return Connect::TimedOut;
        }
    }
}

/// `udptest()`: `X` probes, two at once and then one a second; a write
/// that fails (the ICMP port unreachable an earlier one drew) fails it.
async fn udp_test(cx: &mut Cx<'_>, o: &Opts, s: SockId) -> bool {
    let secs = o.timeout_s.filter(|t| *t > 0).unwrap_or(UDP_SCAN_S);
    if cx.socks.send(s, b"X").is_err() {
        return false;
    }
    let soon = cx.now_us() + 1000;
    if !sleep(cx, s, soon).await || cx.socks.send(s, b"X").is_err() {
        return false;
    }
    for _ in 0..secs {
        let at = cx.now_us() + 1_000_000;
        if !sleep(cx, s, at).await || cx.socks.send(s, b"X").is_err() {
            return false;
        }
    }
    true
}

/// Lets time reach `until_us`, the engine running meanwhile.
pub(super) async fn sleep(cx: &mut Cx<'_>, s: SockId, until_us: u64) -> bool {
    while cx.now_us() < until_us {
        if !cx.idle(&[s], Some(until_us)).await {
            return false;
        }
    }
    true
}
