//! `netstat` (net-tools 2.10) for TCP and UDP sockets, a pure function of
//! the namespace's [`SocketView`]s and argv, like [`super::ss`]: the
//! `Active Internet connections (…)` title, net-tools' fixed columns
//! (`%-4s  %6ld %6ld %-23s %-23s %-11s`, then `%-20s` PID/Program name
//! with `-p` and the timer with `-o`), and, without `-t`/`-u`, the UNIX
//! domain section's title and header (a namespace's own unix sockets are
//! not modelled: the section is empty, as in a fresh namespace). `-e`'s
//! User and Inode columns are not modelled.

use crate::netlink::sockets::{Proto, SockState as State, SocketView, TimerKind};
use crate::output::Output;
use crate::tools::iptables::names::{addr_name, service_name};

const USAGE: &str = include_str!("netstat_usage.txt");

#[derive(Clone, Copy, Default)]
struct Opts {
    tcp: bool,
    udp: bool,
    listening: bool,
    all: bool,
    numeric: bool,
    programs: bool,
    timers: bool,
}

const LONG: &[(&str, char)] = &[
    ("tcp", 't'),
    ("udp", 'u'),
    ("listening", 'l'),
    ("all", 'a'),
    ("numeric", 'n'),
    ("programs", 'p'),
    ("timers", 'o'),
    ("extend", 'e'),
    ("wide", 'W'),
    ("verbose", 'v'),
];

fn usage(first: String) -> Output {
    let mut o = Output::status(3);
    o.err(first);
    o.err(USAGE);
    o
}

fn options(argv: &[String]) -> Result<Opts, Output> {
    let mut o = Opts::default();
    let set = |c: char, o: &mut Opts| -> Result<(), Output> {
        match c {
            't' => o.tcp = true,
            'u' => o.udp = true,
            'l' => o.listening = true,
            'a' => o.all = true,
            'n' => o.numeric = true,
            'p' => o.programs = true,
            'o' => o.timers = true,
            'e' | 'W' | 'v' | '4' => {}
            c => return Err(usage(format!("netstat: invalid option -- '{c}'\n"))),
        }
        Ok(())
    };
    for w in argv.iter().skip(1) {
        if let Some(long) = w.strip_prefix("--") {
            match super::long_option(LONG, long) {
                Some(c) => set(c, &mut o)?,
                None => return Err(usage(format!("netstat: unrecognized option '{w}'\n"))),
            }
        } else if let Some(shorts) = w.strip_prefix('-').filter(|s| !s.is_empty()) {
            for c in shorts.chars() {
                set(c, &mut o)?;
            }
        } else {
            return Err(usage(String::new()));
        }
    }
    Ok(o)
}

/// `ADDR:PORT` as netstat shows it (names unless `-n`; `*` for port 0).
fn endpoint(ip: std::net::Ipv4Addr, port: Option<u16>, numeric: bool) -> String {
    let host = match addr_name(ip) {
        Some(n) if !numeric && !ip.is_unspecified() => n.to_string(),
        _ => ip.to_string(),
    };
    let port = match port {
        None | Some(0) => "*".to_string(),
        Some(p) => match service_name(p) {
            Some(n) if !numeric => n.to_string(),
            _ => p.to_string(),
        },
    };
    format!("{host}:{port}")
}

/// The timer column: `off (0.00/0/0)`, `on (0.83/1/0)`, `timewait (59.70/0/0)`.
fn timer(v: &SocketView) -> String {
    match v.timer {
        None => "off (0.00/0/0)".to_string(),
        Some(t) => {
            let name = if t.kind == TimerKind::Retransmit { "on" } else { "timewait" };
            let cs = t.remaining_ms / 10;
            format!("{name} ({}.{:02}/{}/0)", cs / 100, cs % 100, t.retries)
        }
    }
}

/// netstat over the rows of one namespace.
pub fn netstat(views: &[SocketView], argv: &[String]) -> Output {
    let o = match options(argv) {
        Ok(o) => o,
        Err(out) => return out,
    };
    let (tcp, udp, unix) = if o.tcp || o.udp { (o.tcp, o.udp, false) } else { (true, true, true) };
    let which = match (o.all, o.listening) {
        (true, _) => "servers and established",
        (false, true) => "only servers",
        _ => "w/o servers",
    };
    let mut s = format!("Active Internet connections ({which})\n");
    s += "Proto Recv-Q Send-Q Local Address           Foreign Address         State      ";
    if o.programs {
        s += " PID/Program name    ";
    }
    if o.timers {
        s += " Timer";
    }
    s.push('\n');
    // Listeners first, then TCP before UDP, as net-tools reads /proc/net/tcp, then udp.
    let rows = [Proto::Tcp, Proto::Udp]
        .into_iter()
        .filter(|p| if *p == Proto::Tcp { tcp } else { udp })
        .flat_map(|p| views.iter().filter(move |v| v.proto == p));
    for v in rows {
        let server = v.state == State::Listen || (v.proto == Proto::Udp && v.peer.is_none());
        if !(o.all || server == o.listening) {
            continue;
        }
        let proto = if v.proto == Proto::Tcp { "tcp" } else { "udp" };
        let local = endpoint(*v.local.ip(), Some(v.local.port()), o.numeric);
        let peer = match v.peer {
            Some(p) => endpoint(*p.ip(), Some(p.port()), o.numeric),
            None => endpoint(std::net::Ipv4Addr::UNSPECIFIED, None, o.numeric),
        };
        let state = v.state.netstat_name();
        // /proc/net/tcp's tx_queue of a listener is 0 (ss shows its backlog there).
        let send_q = if v.state == State::Listen { 0 } else { v.send_q };
        s += &format!("{proto:<4}  {:>6} {:>6} {local:<23} {peer:<23} {state:<11}", v.recv_q, send_q);
        if o.programs {
            let p = v.process.as_ref().map_or_else(|| "-".to_string(), |p| format!("{}/{}", p.pid, p.comm));
            s += &format!(" {p:<20}");
        }
        if o.timers {
            s += &format!(" {}", timer(v));
        }
        s.push('\n');
    }
    if unix {
        s += &format!("Active UNIX domain sockets ({which})\n");
        s += "Proto RefCnt Flags       Type       State         I-Node   Path\n";
    }
    let mut out = Output::new();
    out.out(s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(state: State, local: &str, peer: Option<&str>) -> SocketView {
        SocketView {
            proto: Proto::Tcp,
            state,
            recv_q: 0,
            send_q: 0,
            local: local.parse().unwrap(),
            peer: peer.map(|p| p.parse().unwrap()),
            timer: None,
            inode: 1,
            uid: 0,
            process: Some(crate::netlink::sockets::ProcessView { pid: 15116, comm: "nc".into(), fd: 3 }),
        }
    }

    fn run(views: &[SocketView], line: &str) -> String {
        let argv: Vec<String> = line.split_whitespace().map(String::from).collect();
        netstat(views, &argv).text()
    }

    const HDR: &str = "Proto Recv-Q Send-Q Local Address           Foreign Address         State      ";

    #[test]
    fn recorded_lines() {
        assert_eq!(
            run(&[], "netstat -tulpn"),
            format!("Active Internet connections (only servers)\n{HDR} PID/Program name    \n")
        );
        let l = [v(State::Listen, "0.0.0.0:8080", None)];
        assert_eq!(
            run(&l, "netstat -tulpn"),
            format!("Active Internet connections (only servers)\n{HDR} PID/Program name    \ntcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      15116/nc            \n")
        );
        assert_eq!(
            run(&l, "netstat -tl"),
            format!("Active Internet connections (only servers)\n{HDR}\ntcp        0      0 0.0.0.0:http-alt        0.0.0.0:*               LISTEN     \n")
        );
        assert_eq!(run(&l, "netstat -tn"), format!("Active Internet connections (w/o servers)\n{HDR}\n"));
        let e = [v(State::Established, "10.0.0.1:2000", Some("10.0.0.2:8080"))];
        assert_eq!(
            run(&e, "netstat -tno"),
            format!("Active Internet connections (w/o servers)\n{HDR} Timer\ntcp        0      0 10.0.0.1:2000           10.0.0.2:8080           ESTABLISHED off (0.00/0/0)\n")
        );
        assert_eq!(
            run(&e, "netstat -t"),
            format!("Active Internet connections (w/o servers)\n{HDR}\ntcp        0      0 10.0.0.1:cisco-sccp     10.0.0.2:http-alt       ESTABLISHED\n")
        );
        let both =
            [v(State::Listen, "0.0.0.0:8080", None), v(State::Established, "10.0.0.2:8080", Some("10.0.0.1:2000"))];
        assert_eq!(
            run(&both, "netstat -an"),
            format!("Active Internet connections (servers and established)\n{HDR}\ntcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN     \ntcp        0      0 10.0.0.2:8080           10.0.0.1:2000           ESTABLISHED\nActive UNIX domain sockets (servers and established)\nProto RefCnt Flags       Type       State         I-Node   Path\n")
        );
        let tw = [v(State::TimeWait, "10.0.0.1:2000", Some("10.0.0.2:8080"))];
        assert_eq!(
            run(&tw, "netstat -tn"),
            format!("Active Internet connections (w/o servers)\n{HDR}\ntcp        0      0 10.0.0.1:2000           10.0.0.2:8080           TIME_WAIT  \n")
        );
        let mut syn = v(State::SynSent, "10.0.0.1:2001", Some("10.0.0.2:9"));
        syn.send_q = 1;
        assert!(run(&[syn], "netstat -tn")
            .ends_with("tcp        0      1 10.0.0.1:2001           10.0.0.2:9              SYN_SENT   \n"));
        let o = netstat(&[], &["netstat".to_string(), "-Q".to_string()]);
        assert_eq!(o.status, 3);
        assert!(o.stderr().starts_with("netstat: invalid option -- 'Q'\nusage: netstat [-vWeenNcCF] [<Af>] -r         netstat {-V|--version|-h|--help}\n"));
    }
}
