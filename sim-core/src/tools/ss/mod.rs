//! `ss` (iproute2 6.1) for TCP and UDP sockets, as a pure function of the
//! namespace's [`SocketView`]s and argv, so it can run wherever the rows
//! are (the on-demand module gets them as bytes). Layout as ss.c renders
//! into a pipe: each column as wide as its widest cell (the header's
//! included), a delimiter before all but the first, addresses
//! right-aligned, queues printed `%-6d`, everything after the peer (users,
//! timer, details) in the Process column; the header's last column is not
//! padded, a row's are. Rows: listeners first, UDP before TCP.

mod filter;

use crate::netlink::sockets::{Proto, SockState as State, SocketView, TimerKind};
use crate::output::Output;
use crate::tools::iptables::names::service_name;

use filter::{bit, Filter, States, ALL, CONN_DEFAULT};

const USAGE: &str = include_str!("../ss_usage.txt");

#[derive(Clone, Copy, Default)]
struct Opts {
    tcp: bool,
    udp: bool,
    /// `-x`: UNIX sockets, of which the lab has none (only ss's Netid
    /// column shows for them).
    unix: bool,
    listening: bool,
    all: bool,
    numeric: bool,
    processes: bool,
    extended: bool,
    timers: bool,
    no_header: bool,
}

const LONG: &[(&str, char)] = &[
    ("tcp", 't'),
    ("udp", 'u'),
    ("listening", 'l'),
    ("all", 'a'),
    ("numeric", 'n'),
    ("processes", 'p'),
    ("extended", 'e'),
    ("options", 'o'),
    ("no-header", 'H'),
    ("ipv4", '4'),
    ("resolve", 'r'),
];

fn usage_fail(first: String) -> Output {
    let mut o = Output::status(255);
    o.err(first);
    o.err(USAGE);
    o
}

/// Reads options as getopt_long does; returns the filter's words.
fn options(argv: &[String]) -> Result<(Opts, Vec<String>), Output> {
    let mut o = Opts::default();
    let mut rest = Vec::new();
    let set = |c: char, o: &mut Opts| -> Result<(), Output> {
        match c {
            't' => o.tcp = true,
            'u' => o.udp = true,
            'x' => o.unix = true,
            'l' => o.listening = true,
            'a' => o.all = true,
            'n' => o.numeric = true,
            'p' => o.processes = true,
            'e' => o.extended = true,
            'o' => o.timers = true,
            'H' => o.no_header = true,
            '4' | 'r' => {}
            c => return Err(usage_fail(format!("ss: invalid option -- '{c}'\n"))),
        }
        Ok(())
    };
    let mut words = argv.iter().skip(1);
    while let Some(w) = words.next() {
        if w == "--" {
            rest.extend(words.by_ref().cloned());
            break;
        }
        if let Some(long) = w.strip_prefix("--") {
            match super::long_option(LONG, long) {
                Some(c) => set(c, &mut o)?,
                None => return Err(usage_fail(format!("ss: unrecognized option '{w}'\n"))),
            }
        } else if let Some(shorts) = w.strip_prefix('-').filter(|s| !s.is_empty()) {
            for c in shorts.chars() {
                set(c, &mut o)?;
            }
        } else {
            rest.push(w.clone());
        }
    }
    Ok((o, rest))
}

/// `print_ms_timer()`.
fn ms_timer(ms: u64) -> String {
    let (mut secs, minutes, mut msecs) = ((ms / 1000) % 60, ms / 60_000, ms % 1000);
    let mut s = String::new();
    if minutes > 0 {
        msecs = 0;
        s += &format!("{minutes}min");
        if minutes > 9 {
            secs = 0;
        }
    }
    if secs > 0 {
        if secs > 9 {
            msecs = 0;
        }
        s += &format!("{secs}{}", if msecs > 0 { "." } else { "sec" });
    }
    if msecs > 0 {
        s += &format!("{msecs:03}ms");
    }
    s
}

fn port(p: u16, numeric: bool) -> String {
    match service_name(p) {
        Some(n) if !numeric => n.to_string(),
        _ => p.to_string(),
    }
}

/// The Process column: users, timer, details.
fn extra(v: &SocketView, o: &Opts) -> String {
    let mut s = String::new();
    if o.processes {
        if let Some(p) = &v.process {
            s += &format!(" users:((\"{}\",pid={},fd={}))", p.comm, p.pid, p.fd);
        }
    }
    if o.timers {
        if let Some(t) = v.timer {
            let name = match t.kind {
                TimerKind::Retransmit => "on",
                TimerKind::TimeWait | TimerKind::FinWait2 => "timewait",
                // Never in a view (`SockTable::views` leaves it out).
                TimerKind::DelayedAck => "off",
            };
            s += &format!(" timer:({name},{},{})", ms_timer(t.remaining_ms), t.retries);
        }
    }
    if o.extended {
        if v.uid != 0 {
            s += &format!(" uid:{}", v.uid);
        }
        s += &format!(" ino:{} sk:{:x} cgroup:unreachable:1 <->", v.inode, 0x1000 + v.inode);
    }
    s
}

/// ss over the rows of one namespace.
pub fn ss(views: &[SocketView], argv: &[String]) -> Output {
    let (o, words) = match options(argv) {
        Ok(x) => x,
        Err(out) => return out,
    };
    let filter = match Filter::parse(&words) {
        Ok(f) => f,
        Err((text, status)) => return Output::error(text, status),
    };
    let (tcp, udp) = match (o.tcp || o.udp, o.unix) {
        (true, _) => (o.tcp, o.udp),
        (false, true) => (false, false),
        (false, false) => (true, true),
    };
    let states: States = filter.states.unwrap_or(match (o.all, o.listening) {
        (true, _) => ALL,
        (false, true) => bit(State::Listen) | bit(State::Unconn),
        _ => CONN_DEFAULT,
    });
    let one_state = states.count_ones() == 1;
    let netid = (tcp && udp) || o.unix;
    let wanted = |v: &&SocketView| {
        let shown = if v.state == State::Closed { State::Unconn } else { v.state };
        states & bit(shown) != 0 && filter.matches(v)
    };
    let rows: Vec<&SocketView> = [Proto::Udp, Proto::Tcp]
        .into_iter()
        .filter(|p| if *p == Proto::Tcp { tcp } else { udp })
        .flat_map(|p| views.iter().filter(move |v| v.proto == p))
        .filter(wanted)
        .collect();
    // Columns: Netid, State, Recv-Q, Send-Q, local addr, port, peer addr, port, Process.
    const DELIM: [&str; 9] = ["", " ", " ", " ", " ", "", " ", "", ""];
    const RIGHT: [bool; 9] = [false, false, false, false, true, false, true, false, false];
    let shown = [netid, !one_state, true, true, true, true, true, true, true];
    let header = ["Netid", "State", "Recv-Q", "Send-Q", "Local Address:", "Port", "Peer Address:", "Port", "Process"];
    let mut table: Vec<[String; 9]> = Vec::new();
    if !o.no_header {
        table.push(header.map(String::from));
    }
    for v in &rows {
        let (peer_ip, peer_port) = match v.peer {
            Some(p) => (p.ip().to_string(), port(p.port(), o.numeric)),
            None => ("0.0.0.0".to_string(), "*".to_string()),
        };
        let proto = if v.proto == Proto::Tcp { "tcp" } else { "udp" };
        let state = if v.state == State::Closed { State::Unconn } else { v.state };
        table.push([
            proto.to_string(),
            state.ss_name().to_string(),
            format!("{:<6}", v.recv_q),
            format!("{:<6}", v.send_q),
            format!("{}:", v.local.ip()),
            port(v.local.port(), o.numeric),
            format!("{peer_ip}:"),
            peer_port,
            extra(v, &o),
        ]);
    }
    let mut width = [0usize; 9];
    let mut first = true;
    for c in 0..9 {
        let max = if shown[c] { table.iter().map(|r| r[c].len()).max().unwrap_or(0) } else { 0 };
        width[c] = if max > 0 && !first { max + DELIM[c].len() } else { max };
        first &= width[c] == 0;
    }
    let mut out = String::new();
    for (i, r) in table.iter().enumerate() {
        let is_header = i == 0 && !o.no_header;
        let last = (0..9).rev().find(|c| width[*c] > 0).unwrap_or(0);
        let mut printed = false;
        for c in (0..9).filter(|c| width[*c] > 0) {
            let delim = if printed { DELIM[c] } else { "" };
            let w = width[c] - delim.len();
            out.push_str(delim);
            match (RIGHT[c], is_header && c == last) {
                (_, true) => out.push_str(&r[c]),
                (true, _) => out.push_str(&format!("{:>w$}", r[c])),
                (false, _) => out.push_str(&format!("{:<w$}", r[c])),
            }
            printed = true;
        }
        out.push('\n');
    }
    let mut o = Output::new();
    o.out(out);
    o
}

#[cfg(test)]
mod tests;
