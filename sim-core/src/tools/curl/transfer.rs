//! One URL's transfer: the URL, the name, the connection
//! (`--connect-timeout`, `-m`, `--local-port`), the request, the reply;
//! `-v`'s lines as each step happens. An error's text is also a `*` line
//! with `-v` (curl's `failf()`), before `* Closing connection N`.

use std::net::{Ipv4Addr, SocketAddrV4};

use super::http::{self, Head, Reading};
use super::{url, Cx, Opts};
use crate::netlink::sockets::{Errno, SockId, SockType};
use crate::output::Stream;

/// curl's default connect timeout (`DEFAULT_CONNECT_TIMEOUT`, 300 s).
const CONNECT_DEFAULT_MS: u64 = 300_000;

/// What a transfer got, for the output and `-w`.
#[derive(Clone, Debug, Default)]
pub struct Transfer {
    /// The CURLcode and its message.
    pub error: Option<(i32, String)>,
    pub head: Option<Head>,
    pub body: Vec<u8>,
    pub remote: Option<SocketAddrV4>,
    pub url_effective: String,
    pub connected: bool,
}

/// Fetches `text` (the `n`th URL).
pub async fn perform(cx: &mut Cx<'_>, o: &Opts, text: &str, n: usize) -> Transfer {
    let mut t = Transfer { url_effective: text.to_string(), ..Transfer::default() };
    let u = match url::parse(text, !o.no_glob) {
        Ok(u) => u,
        Err(e) => {
            if o.verbose {
                if let url::UrlError::Unsupported(_) = e {
                    info(cx, &e.to_string());
                }
                if !matches!(e, url::UrlError::Glob { .. }) {
                    info(cx, "Closing connection -1");
                }
            }
            t.error = Some((e.code(), e.to_string()));
            return t;
        }
    };
    t.url_effective = u.effective();
    let start = cx.now_us();
    let elapsed = |cx: &Cx<'_>| (cx.now_us() - start) / 1000;
    let max_at = o.max_time_ms.filter(|m| *m > 0).map(|m| start + m * 1000);
    // curl resolves localhost itself, to 127.0.0.1 and then ::1, which
    // the lab (no IPv6) refuses at once as Linux does with IPv6 off.
    let localhost = u.host.eq_ignore_ascii_case("localhost");
    let Some(addr) = (if localhost { Some(Ipv4Addr::LOCALHOST) } else { resolve(cx, &u.host) }) else {
        return fail(cx, o, t, n, 6, format!("Could not resolve host: {}", u.host));
    };
    let dst = SocketAddrV4::new(addr, u.port);
    if o.verbose {
        info(cx, &format!("  Trying {dst}..."));
    }
    let Ok(s) = cx.socks.socket(SockType::Stream) else {
        // Any failed attempt ends in the same words.
        let msg = format!("Failed to connect to {} port {} after 0 ms: Couldn't connect to server", u.host, u.port);
        return fail(cx, o, t, n, 7, msg);
    };
    cx.socks.set_owner(s, cx.clock.pid(), "curl", 5);
    let failed_connect = |cx: &Cx<'_>, why: &str| {
        format!("Failed to connect to {} port {} after {} ms: {why}", u.host, u.port, elapsed(cx))
    };
    if let Some(p) = o.local_port {
        if let Err(e) = cx.socks.bind_inet(s, SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, p)) {
            let _ = cx.socks.close(s);
            let msg = format!("bind failed with errno {}: {}", errno_number(e), e.text());
            return fail(cx, o, t, n, 45, msg);
        }
        if o.verbose {
            info(cx, &format!("Local port: {p}"));
        }
    }
    if let Err(e) = cx.socks.connect_inet(s, dst) {
        let _ = cx.socks.close(s);
        if o.verbose {
            info(cx, &format!("Immediate connect fail for {addr}: {}", e.text()));
        }
        try_ipv6_localhost(cx, o, localhost, u.port);
        let msg = failed_connect(cx, "Couldn't connect to server");
        return fail(cx, o, t, n, 7, msg);
    }
    let connect_ms = o.connect_timeout_ms.filter(|c| *c > 0).unwrap_or(CONNECT_DEFAULT_MS);
    let connect_at = start + connect_ms * 1000;
    let by_max = max_at.is_some_and(|m| m <= connect_at);
    let deadline = if by_max { max_at.unwrap_or(connect_at) } else { connect_at };
    loop {
        cx.catch_up();
        let Ok(r) = cx.socks.poll(s) else { return t };
        if r.error || r.hup {
            let e = cx.socks.take_error(s).unwrap_or(Errno::ECONNREFUSED);
            let _ = cx.socks.close(s);
            if o.verbose {
                let why = e.text();
                info(cx, &format!("connect to {addr} port {} failed: {why}", u.port));
            }
            try_ipv6_localhost(cx, o, localhost, u.port);
            let msg = failed_connect(cx, "Couldn't connect to server");
            return fail(cx, o, t, n, 7, msg);
        }
        if r.writable {
            break;
        }
        if cx.now_us() >= deadline || !cx.idle(s, Some(deadline)).await {
            let _ = cx.socks.close(s);
            let msg = if by_max {
                format!("Connection timed out after {} milliseconds", elapsed(cx))
            } else {
                if o.verbose {
                    info(cx, &format!("ipv4 connect timeout after {connect_ms}ms, move on!"));
                }
                failed_connect(cx, "Timeout was reached")
            };
            return fail(cx, o, t, n, 28, msg);
        }
    }
    t.connected = true;
    t.remote = Some(dst);
    if o.verbose {
        info(cx, &format!("Connected to {} ({addr}) port {} (#{n})", u.host, u.port));
    }
    let request = http::request(o, &u);
    let body = http::body(o);
    if o.verbose {
        let shown: String = request
            .split_inclusive('\n')
            .map(|l| format!("> {}", l.trim_end_matches('\n')))
            .collect::<Vec<_>>()
            .join("\n");
        cx.write(Stream::Stderr, shown + "\n");
        if !body.is_empty() {
            cx.write(Stream::Stderr, format!("}} [{} bytes data]\n", body.len()));
        }
    }
    send_all(cx, s, format!("{request}{body}").as_bytes()).await;
    let outcome = receive(cx, o, s, &mut t, max_at, &u.path).await;
    let _ = cx.socks.close(s);
    match outcome {
        Ok(keep) => {
            if o.verbose {
                if keep {
                    info(cx, &format!("Connection #{n} to host {} left intact", u.host));
                } else {
                    info(cx, &format!("Closing connection {n}"));
                }
            }
            t
        }
        Err((code, msg)) => {
            let start_ms = start / 1000;
            let msg = msg.replace("{elapsed}", &(cx.now_us() / 1000 - start_ms).to_string());
            fail(cx, o, t, n, code, msg)
        }
    }
}

/// Reads the reply into `t`: Ok(whether the connection stays open), or
/// the CURLcode and message (`{elapsed}` filled in by the caller).
async fn receive(
    cx: &mut Cx<'_>,
    o: &Opts,
    s: SockId,
    t: &mut Transfer,
    max_at: Option<u64>,
    path: &str,
) -> Result<bool, (i32, String)> {
    let mut buf: Vec<u8> = Vec::new();
    let mut eof = false;
    let mut shown_data = false;
    loop {
        cx.catch_up();
        loop {
            match cx.socks.recv_from(s, 16384) {
                Ok((d, _)) if d.is_empty() => {
                    eof = true;
                    break;
                }
                Ok((d, _)) => buf.extend(d),
                Err(Errno::EAGAIN) => break,
                Err(_) => {
                    eof = true;
                    break;
                }
            }
        }
        if t.head.is_none() {
            match http::read_head(&buf) {
                Reading::NotHttp => return Err((1, "Received HTTP/0.9 when not allowed".into())),
                Reading::More if eof => return Err((52, "Empty reply from server".into())),
                Reading::More => {}
                Reading::Head(h, used) => {
                    buf.drain(..used);
                    // The head's lines as they are read; `-f` stops before
                    // the blank line, a length-less HTTP/1.1 reply is
                    // noted just before it.
                    let (blank, fields) = h.lines.split_last().unwrap_or((&h.lines[0], &[]));
                    if o.verbose {
                        if h.version == "1.0" {
                            info(cx, "HTTP 1.0, assume close after body");
                        }
                        let shown: String = fields.iter().map(|l| format!("< {l}")).collect();
                        cx.write(Stream::Stderr, shown);
                    }
                    let status = h.status;
                    if o.fail && status >= 400 {
                        t.head = Some(h);
                        return Err((22, format!("The requested URL returned error: {status}")));
                    }
                    if o.verbose {
                        let no_size = h.content_length.is_none() && !h.chunked && !closes(&h);
                        if h.version == "1.1" && no_size && !o.head {
                            info(cx, "no chunk, no close, no size. Assume close to signal end");
                        }
                        cx.write(Stream::Stderr, format!("< {blank}"));
                    }
                    t.head = Some(h);
                }
            }
        }
        if let Some(h) = &t.head {
            let bodyless = o.head || h.status == 204 || h.status == 304;
            let keep = h.version == "1.1" && !closes(h);
            if bodyless {
                if !buf.is_empty() && o.verbose {
                    info(cx, &format!("Excess found: excess = {} url = {path} (zero-length body)", buf.len()));
                }
                return Ok(keep && !eof);
            }
            if !buf.is_empty() {
                if o.verbose && !shown_data {
                    cx.write(Stream::Stderr, format!("{{ [{} bytes data]\n", buf.len()));
                }
                shown_data = true;
                t.body.append(&mut buf);
            }
            match h.content_length {
                Some(len) if t.body.len() as u64 >= len => {
                    t.body.truncate(len as usize);
                    return Ok(keep);
                }
                _ if eof => return Ok(false),
                _ => {}
            }
        }
        if max_at.is_some_and(|m| cx.now_us() >= m) {
            let got = t.body.len();
            let of = t.head.as_ref().and_then(|h| h.content_length);
            let msg = match of {
                Some(len) => {
                    format!("Operation timed out after {{elapsed}} milliseconds with {got} out of {len} bytes received")
                }
                None => format!("Operation timed out after {{elapsed}} milliseconds with {got} bytes received"),
            };
            return Err((28, msg));
        }
        if !cx.idle(s, max_at).await {
            return Err((28, "Operation timed out after {elapsed} milliseconds with 0 bytes received".into()));
        }
    }
}

/// Sends all of `data`, waiting while the peer's window is full.
async fn send_all(cx: &mut Cx<'_>, s: SockId, mut data: &[u8]) {
    while !data.is_empty() {
        match cx.socks.send(s, data) {
            Ok(n) if n > 0 => data = &data[n.min(data.len())..],
            Ok(_) | Err(Errno::EAGAIN) => {
                if !cx.idle(s, None).await {
                    return;
                }
            }
            Err(_) => return,
        }
    }
}

/// `Connection: close` in a reply.
fn closes(h: &Head) -> bool {
    h.lines.iter().any(|l| {
        l.split_once(':')
            .is_some_and(|(n, v)| n.eq_ignore_ascii_case("connection") && v.trim().eq_ignore_ascii_case("close"))
    })
}

/// A numeric address as it is, else the name as the namespace's
/// /etc/hosts knows it (no DNS in the lab).
fn resolve(cx: &mut Cx<'_>, host: &str) -> Option<Ipv4Addr> {
    match host.parse::<Ipv4Addr>() {
        Ok(a) => Some(a),
        Err(_) if host.bytes().all(|b| b.is_ascii_digit() || b == b'.') => None,
        Err(_) => cx.socks.resolve(host),
    }
}

/// localhost's second address, after the first failed (recorded in
/// `curl-more`): `-v` tells of it.
fn try_ipv6_localhost(cx: &mut Cx<'_>, o: &Opts, localhost: bool, port: u16) {
    if localhost && o.verbose {
        info(cx, &format!("  Trying [::1]:{port}..."));
        info(cx, "Immediate connect fail for ::1: Cannot assign requested address");
    }
}

/// `-v`'s `* ` line.
fn info(cx: &mut Cx<'_>, text: &str) {
    cx.write(Stream::Stderr, format!("* {text}\n"));
}

/// Ends the transfer with a CURLcode: with `-v`, its text and the close.
fn fail(cx: &mut Cx<'_>, o: &Opts, mut t: Transfer, n: usize, code: i32, msg: String) -> Transfer {
    if o.verbose {
        info(cx, &msg);
        info(cx, &format!("Closing connection {n}"));
    }
    t.error = Some((code, msg));
    t
}

/// The errno's number, for `bind failed with errno N`.
fn errno_number(e: Errno) -> i32 {
    match e {
        Errno::EACCES => 13,
        Errno::EADDRINUSE => 98,
        Errno::EADDRNOTAVAIL => 99,
        _ => 22,
    }
}
