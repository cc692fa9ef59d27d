//! netcat's `readwrite()`: stdin to the connection, the connection to
//! stdout, until both inputs are gone (a client), the connection's input
//! is (a server), `-q`'s delay after stdin's end passed, or nothing
//! happened for `-w` seconds.

use super::{Cx, Opts};
use crate::netlink::sockets::{Errno, Shutdown, SockId};

/// What `read()` on the connection gives at most at once.
const BUFSIZE: usize = 16384;

/// How long netcat takes between writing what it read from stdin and
/// reading stdin's end, a turn of its `poll()` loop (µs): long enough, as
/// recorded, for the peer's ACK of the data to come back before `-N`'s FIN.
const TURN_US: u64 = 20;

/// Copies both ways on `s` until netcat would stop; `listen`: nc is the
/// server (it stops once the peer has closed).
pub(super) async fn readwrite(cx: &mut Cx<'_>, s: SockId, o: &Opts, stdin: &str, udp: bool, listen: bool) {
    let mut pending: &[u8] = if o.no_stdin { b"" } else { stdin.as_bytes() };
    let mut stdin_open = true;
    let mut net_in = true;
    let mut quit_at: Option<u64> = None;
    let idle_us = o.timeout_s.filter(|t| *t > 0).map(|t| t * 1_000_000);
    let mut last = cx.now_us();
    loop {
        cx.catch_up();
        let now = cx.now_us();
        let Ok(ready) = cx.socks.poll(s) else { return };
        // stdin → network.
        if !pending.is_empty() && (ready.writable || udp) {
            match cx.socks.send(s, pending) {
                Ok(n) => {
                    pending = &pending[n.min(pending.len())..];
                    last = now;
                    if pending.is_empty() && !udp {
                        // stdin's end is read on the loop's next turn.
                        let turn = cx.socks.now_us() + TURN_US;
                        cx.socks.run_until(turn);
                    }
                }
                Err(Errno::EAGAIN) => {}
                Err(_) => pending = b"",
            }
        }
        if stdin_open && pending.is_empty() {
            stdin_open = false;
            if o.shutdown_eof {
                let _ = cx.socks.shutdown(s, Shutdown::Write);
            }
            if let Some(q) = o.quit_s.filter(|q| *q >= 0) {
                quit_at = Some(now + q as u64 * 1_000_000);
            }
        }
        // network → stdout.
        while net_in {
            match cx.socks.recv_from(s, BUFSIZE) {
                Ok((data, _)) if data.is_empty() && !udp => net_in = false,
                Ok((data, _)) => {
                    last = now;
                    cx.print(String::from_utf8_lossy(&data).into_owned());
                }
                Err(Errno::EAGAIN) => break,
                Err(_) => net_in = false,
            }
        }
        let done = (!net_in && (!stdin_open || listen))
            || quit_at.is_some_and(|q| now >= q)
            || idle_us.is_some_and(|i| now >= last + i);
        if done {
            return;
        }
        let until = [quit_at, idle_us.map(|i| last + i)].into_iter().flatten().min();
        if !cx.idle(&[s], until).await {
            return;
        }
    }
}
