//! ss's FILTER: `state`/`exclude` state sets and the address and port
//! expressions (`src`, `dst`, `sport`, `dport` with their comparison
//! operators, `not`, `and`, `or`), with ss's error texts.

use std::net::Ipv4Addr;

use crate::netlink::sockets::{SockState as State, SocketView};

/// A set of states, one bit per [`State`] (`SS_*`).
pub type States = u16;

pub fn bit(s: State) -> States {
    1 << (s as u16)
}

/// `SS_ALL`.
pub const ALL: States = (1 << 12) - 1;
/// ss's default: every state but LISTEN, UNCONN (closed), TIME-WAIT and SYN-RECV.
pub const CONN_DEFAULT: States = ALL
    & !(1 << State::Listen as u16
        | 1 << State::Unconn as u16
        | 1 << State::Closed as u16
        | 1 << State::TimeWait as u16
        | 1 << State::SynRecv as u16);

/// A state name of `state`/`exclude` (`scan_state()`).
fn scan_state(name: &str) -> Option<States> {
    use State::*;
    let one = |s: State| Some(bit(s));
    let closed = bit(Unconn) | bit(Closed);
    let connected = ALL & !(bit(Listen) | closed);
    match name {
        "all" => Some(ALL),
        "connected" => Some(connected),
        "synchronized" => Some(connected & !bit(SynSent)),
        "bucket" => Some(bit(SynRecv) | bit(TimeWait)),
        "big" => Some(ALL & !(bit(SynRecv) | bit(TimeWait))),
        "established" => one(Established),
        "syn-sent" => one(SynSent),
        "syn-recv" => one(SynRecv),
        "fin-wait-1" => one(FinWait1),
        "fin-wait-2" => one(FinWait2),
        "time-wait" => one(TimeWait),
        "closed" | "unconnected" => Some(closed),
        "close-wait" => one(CloseWait),
        "last-ack" => one(LastAck),
        "listening" | "listen" => one(Listen),
        "closing" => one(Closing),
        _ => None,
    }
}

/// One condition on a socket.
#[derive(Clone, Debug)]
enum Cond {
    /// `src`/`dst` prefix and port (`None`: any).
    Addr {
        local: bool,
        net: Option<(Ipv4Addr, u8)>,
        port: Option<u16>,
    },
    /// `sport`/`dport` compared.
    Port {
        local: bool,
        op: Op,
        port: u16,
    },
    Not(Box<Cond>),
}

#[derive(Clone, Copy, Debug)]
enum Op {
    Eq,
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
}

fn op(w: &str) -> Option<Op> {
    Some(match w {
        "=" | "==" | "eq" => Op::Eq,
        "!=" | "ne" | "neq" => Op::Ne,
        "<" | "lt" => Op::Lt,
        ">" | "gt" => Op::Gt,
        "<=" | "le" | "leq" => Op::Le,
        ">=" | "ge" | "geq" => Op::Ge,
        _ => return None,
    })
}

/// The parsed filter: states, and conditions as OR of ANDs.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// `None`: no `state` given (the options decide).
    pub states: Option<States>,
    any: Vec<Vec<Cond>>,
}

/// What a failed filter prints, and its exit status.
pub type Fail = (String, i32);

fn addr_error(w: &str) -> Fail {
    (format!("Error: an inet prefix is expected rather than \"{w}\".\nCannot parse dst/src address.\n"), 1)
}

fn port_error(w: &str) -> Fail {
    (format!("Error: \"{w}\" does not look like a port.\nCannot parse dst/src address.\n"), 1)
}

fn parse_port(w: &str) -> Result<u16, Fail> {
    w.parse().ok().or_else(|| crate::tools::iptables::names::service_port(w)).ok_or_else(|| port_error(w))
}

/// `[ADDR[/LEN]][:PORT]`, `*`, `:PORT`.
fn parse_hostport(w: &str, local: bool) -> Result<Cond, Fail> {
    let (host, port) = match w.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (w, None),
    };
    let port = match port {
        None | Some("*") => None,
        Some(p) => Some(parse_port(p)?),
    };
    let net = match host {
        "" | "*" => None,
        h => {
            let (a, len) = match h.split_once('/') {
                Some((a, l)) => (a, l.parse::<u8>().ok().filter(|l| *l <= 32).ok_or_else(|| addr_error(w))?),
                None => (h, 32),
            };
            Some((a.parse::<Ipv4Addr>().map_err(|_| addr_error(w))?, len))
        }
    };
    Ok(Cond::Addr { local, net, port })
}

impl Filter {
    /// Parses the words after the options.
    pub fn parse(words: &[String]) -> Result<Filter, Fail> {
        // ss reads its filter as one string (argv joined by spaces): a word
        // may hold several tokens. Parentheses only group here, which is
        // right for the one group around a whole expression that lessons
        // write (`'( sport = :80 or sport = :443 )'`).
        let split: Vec<String> = words
            .join(" ")
            .replace('(', " ( ")
            .replace(')', " ) ")
            .split_whitespace()
            .filter(|t| *t != "(" && *t != ")")
            .map(str::to_string)
            .collect();
        let words = &split[..];
        let mut f = Filter { states: None, any: vec![Vec::new()] };
        let mut i = 0;
        let mut negate = false;
        while i < words.len() {
            let w = words[i].as_str();
            let next = |i: usize| words.get(i + 1).map(String::as_str);
            let cond = match w {
                "state" | "exclude" => {
                    let name = next(i).unwrap_or("");
                    let Some(s) = scan_state(name) else {
                        return Err((format!("ss: wrong state name: {name}\n"), 255));
                    };
                    let cur = f.states.unwrap_or(if w == "state" { 0 } else { ALL });
                    f.states = Some(if w == "state" { cur | s } else { cur & !s });
                    i += 2;
                    continue;
                }
                "and" | "&&" | "&" => {
                    i += 1;
                    continue;
                }
                "or" | "||" | "|" => {
                    f.any.push(Vec::new());
                    i += 1;
                    continue;
                }
                "not" | "!" => {
                    negate = !negate;
                    i += 1;
                    continue;
                }
                "src" | "dst" => {
                    let v = next(i).unwrap_or("");
                    i += 2;
                    parse_hostport(v, w == "src")?
                }
                "sport" | "dport" => {
                    let (o, v, n) = match next(i).and_then(op) {
                        Some(o) => (o, words.get(i + 2).map(String::as_str).unwrap_or(""), 3),
                        None => (Op::Eq, next(i).unwrap_or(""), 2),
                    };
                    i += n;
                    let port = parse_port(v.trim_start_matches(':'))?;
                    Cond::Port { local: w == "sport", op: o, port }
                }
                other => {
                    // A bare address is a destination (an unrecorded corner).
                    i += 1;
                    parse_hostport(other, false)?
                }
            };
            let cond = if std::mem::take(&mut negate) { Cond::Not(Box::new(cond)) } else { cond };
            if let Some(last) = f.any.last_mut() {
                last.push(cond);
            }
        }
        Ok(f)
    }

    /// Whether a socket passes the expression (states are checked apart).
    pub fn matches(&self, v: &SocketView) -> bool {
        self.any.iter().any(|all| all.iter().all(|c| cond_matches(c, v)))
    }
}

fn cond_matches(c: &Cond, v: &SocketView) -> bool {
    match c {
        Cond::Not(c) => !cond_matches(c, v),
        Cond::Addr { local, net, port } => {
            let (ip, p) = match (local, v.peer) {
                (true, _) => (*v.local.ip(), v.local.port()),
                (false, Some(peer)) => (*peer.ip(), peer.port()),
                (false, None) => (Ipv4Addr::UNSPECIFIED, 0),
            };
            let in_net = net.is_none_or(|(n, len)| {
                let mask = if len == 0 { 0 } else { u32::MAX << (32 - u32::from(len)) };
                u32::from(ip) & mask == u32::from(n) & mask
            });
            in_net && port.is_none_or(|want| want == p)
        }
        Cond::Port { local, op, port } => {
            let p = if *local { v.local.port() } else { v.peer.map_or(0, |a| a.port()) };
            match op {
                Op::Eq => p == *port,
                Op::Ne => p != *port,
                Op::Lt => p < *port,
                Op::Gt => p > *port,
                Op::Le => p <= *port,
                Op::Ge => p >= *port,
            }
        }
    }
}
