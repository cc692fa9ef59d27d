//! nc's command line, read as netcat.c's `main()` reads it: GNU getopt
//! over "46CDdFhI:i:klM:m:NnO:P:p:q:rSs:T:tUuV:vW:w:X:x:Zz" (options may
//! follow the operands, `--` ends them), each option's value checked as it
//! is met (so the first bad one is the one reported), then the operands.

use super::msg::Fail;

/// What nc was asked to do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Opts {
    pub listen: bool,
    pub keep: bool,
    pub udp: bool,
    pub zero: bool,
    /// `-v` given (any number of times).
    pub verbose: bool,
    pub numeric: bool,
    /// `-N`: shut the write side down at stdin's end of file.
    pub shutdown_eof: bool,
    /// `-d`: do not read stdin.
    pub no_stdin: bool,
    /// `-w`, in seconds (`Some(0)` is accepted and means no timeout).
    pub timeout_s: Option<u64>,
    /// `-q`: quit this many seconds after stdin's end of file (negative: never).
    pub quit_s: Option<i64>,
    /// `-p`: the source port (or the port to listen on).
    pub source_port: Option<String>,
    /// `-s`: the source address.
    pub source_addr: Option<String>,
    /// `-S`: TCP MD5 signatures (no password to read here).
    pub md5sig: bool,
    /// `-4` or `-6`, the last one given: getaddrinfo's `ai_family`.
    pub family: Family,
    /// `-U`: a UNIX-domain socket.
    pub unix: bool,
    /// The destination (or the address to listen on).
    pub host: Option<String>,
    /// The port operands, as typed.
    pub ports: Vec<String>,
}

const OPTSTRING: &str = "46CDdFhI:i:klM:m:NnO:P:p:q:rSs:T:tUuV:vW:w:X:x:Zz";

/// `strtonum(3)`: a base-10 integer within `[min, max]`, or its error word.
pub(super) fn strtonum(s: &str, min: i64, max: i64) -> Result<i64, &'static str> {
    let t = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err("invalid");
    }
    // strtoll saturates; what is past i64 is past any range here.
    let v = digits.bytes().try_fold(0i64, |v, b| v.checked_mul(10)?.checked_add(i64::from(b - b'0')));
    let v = match (v, neg) {
        (Some(v), false) => v,
        (Some(v), true) => -v,
        (None, false) => return Err("too large"),
        (None, true) => return Err("too small"),
    };
    if v < min {
        Err("too small")
    } else if v > max {
        Err("too large")
    } else {
        Ok(v)
    }
}

/// `map_tos()`'s keywords.
const TOS_WORDS: &[&str] = &[
    "af11",
    "af12",
    "af13",
    "af21",
    "af22",
    "af23",
    "af31",
    "af32",
    "af33",
    "af41",
    "af42",
    "af43",
    "critical",
    "cs0",
    "cs1",
    "cs2",
    "cs3",
    "cs4",
    "cs5",
    "cs6",
    "cs7",
    "ef",
    "inetcontrol",
    "lowcost",
    "lowdelay",
    "netcontrol",
    "reliability",
    "throughput",
];

/// `-T`: a keyword, `0x` hex (strtol: whatever it reads), or 0–255.
fn tos_ok(v: &str) -> bool {
    if TOS_WORDS.contains(&v) {
        return true;
    }
    if let Some(hex) = v.strip_prefix("0x").filter(|_| v.len() > 1) {
        let n = hex
            .bytes()
            .take_while(u8::is_ascii_hexdigit)
            .fold(0u64, |n, b| n.saturating_mul(16).saturating_add(u64::from((b as char).to_digit(16).unwrap_or(0))));
        return n <= 255;
    }
    strtonum(v, 0, 255).is_ok()
}

/// netcat's `family`: `AF_UNSPEC` until `-4` or `-6`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Family {
    #[default]
    Unspec,
    Inet,
    Inet6,
}

impl Family {
    /// Whether getaddrinfo() asked for this family refuses numeric `host`
    /// as the other family's address (`EAI_ADDRFAMILY`, recorded in
    /// `tests/data/sockets6/nc6-tcp`: `-4` with `fd00::2`, `-6` with
    /// `10.0.0.2`, and `-s` of the other family than the destination).
    pub(crate) fn refuses(self, host: &str) -> bool {
        let v6 = host.split('%').next().is_some_and(|a| a.parse::<std::net::Ipv6Addr>().is_ok());
        match self {
            Family::Unspec => false,
            Family::Inet => v6,
            Family::Inet6 => super::inet_aton(host).is_some(),
        }
    }
}

/// getaddrinfo's EAI_ADDRFAMILY.
pub(crate) const ADDRFAMILY: &str = "Address family for hostname not supported";

/// Checks one option's value, as netcat's switch does.
fn apply(o: &mut Opts, c: char, v: &str) -> Result<(), Fail> {
    let num = |min: i64, max: i64, what: &str| -> Result<i64, Fail> {
        strtonum(v, min, max).map_err(|e| Fail::msg(format!("{what} {e}: {v}")))
    };
    match c {
        '4' => o.family = Family::Inet,
        '6' => o.family = Family::Inet6,
        'd' => o.no_stdin = true,
        'I' => drop(num(1, 65536 << 14, "TCP receive window")?),
        'i' => drop(num(0, i64::from(u32::MAX), "interval")?),
        'k' => o.keep = true,
        'l' => o.listen = true,
        'M' | 'm' => {
            let what = if c == 'M' { "ttl" } else { "minttl" };
            strtonum(v, 0, 255).map_err(|e| Fail::msg(format!("{what} is {e}")))?;
        }
        'N' => o.shutdown_eof = true,
        'n' => o.numeric = true,
        'O' => drop(num(1, 65536 << 14, "TCP send window")?),
        'p' => o.source_port = Some(v.to_string()),
        'q' => o.quit_s = Some(num(i64::from(i32::MIN), i64::from(i32::MAX), "quit timer")?),
        'S' => o.md5sig = true,
        's' => o.source_addr = Some(v.to_string()),
        'T' if !tos_ok(v) => return Err(Fail::msg(format!("illegal tos value {v}"))),
        'U' => o.unix = true,
        'u' => o.udp = true,
        'V' => return Err(Fail::msg("no alternate routing table support available".into())),
        'v' => o.verbose = true,
        'W' => drop(num(1, i64::from(i32::MAX), "receive limit")?),
        'w' => o.timeout_s = Some(num(0, i64::from(i32::MAX / 1000), "timeout")? as u64),
        'X' if !["4", "5"].contains(&v) && !v.eq_ignore_ascii_case("connect") => {
            return Err(Fail::msg("unsupported proxy protocol".into()))
        }
        'z' => o.zero = true,
        // -C -D -F -P -r -t -x -Z: accepted, nothing the lab shows.
        _ => {}
    }
    Ok(())
}

/// Reads argv (`argv[0]` is `nc`).
pub fn parse(argv: &[String]) -> Result<Opts, Fail> {
    let mut o = Opts::default();
    let mut operands = Vec::new();
    let mut i = 1;
    while i < argv.len() {
        let a = &argv[i];
        i += 1;
        if a == "--" {
            operands.extend(argv[i..].iter().cloned());
            break;
        }
        let Some(flags) = a.strip_prefix('-').filter(|f| !f.is_empty()) else {
            operands.push(a.clone());
            continue;
        };
        for (at, c) in flags.char_indices() {
            let Some(pos) = OPTSTRING.find(c).filter(|_| c != ':') else {
                return Err(Fail::usage(format!("nc: invalid option -- '{c}'\n")));
            };
            if !OPTSTRING[pos + 1..].starts_with(':') {
                if c == 'h' {
                    return Err(Fail::help());
                }
                apply(&mut o, c, "")?;
                continue;
            }
            let rest = &flags[at + c.len_utf8()..];
            let value = if !rest.is_empty() {
                rest.to_string()
            } else if let Some(next) = argv.get(i) {
                i += 1;
                next.clone()
            } else {
                return Err(Fail::usage(format!("nc: option requires an argument -- '{c}'\n")));
            };
            apply(&mut o, c, &value)?;
            break;
        }
    }
    operands_into(&mut o, operands)?;
    Ok(o)
}

/// The "cruft to make sure options are clean" after getopt.
fn operands_into(o: &mut Opts, mut args: Vec<String>) -> Result<(), Fail> {
    let missing = || Fail::msg("missing port number".into());
    if o.unix {
        match (o.listen, args.len()) {
            (true, 0) => return Err(Fail::msg("missing socket pathname".into())),
            (_, 1) => o.host = args.pop(),
            _ => return Err(Fail::usage(String::new())),
        }
    } else if o.listen {
        let given = o.source_port.is_some() || o.source_addr.is_some();
        match args.len() {
            0 if o.source_port.is_some() => o.ports = vec![o.source_port.clone().unwrap_or_default()],
            0 => return Err(missing()),
            1 | 2 if given => return Err(Fail::usage(String::new())),
            1 => o.ports = args,
            2 => {
                o.ports = args.split_off(1);
                o.host = args.pop();
            }
            _ => return Err(Fail::usage(String::new())),
        }
    } else {
        match args.len() {
            0 => return Err(Fail::usage(String::new())),
            1 => return Err(missing()),
            _ => {
                o.ports = args.split_off(1);
                o.host = args.pop();
            }
        }
    }
    if o.listen && o.zero {
        return Err(Fail::msg("cannot use -z and -l".into()));
    }
    if !o.listen && o.keep {
        return Err(Fail::msg("must use -l with -k".into()));
    }
    Ok(())
}

/// A port operand of a client: one port or a range (`lo-hi`, in the
/// order given: `90-80` is no port at all), each checked by strtonum.
pub fn client_ports(ports: &[String]) -> Result<Vec<u16>, Fail> {
    let one = |p: &str| -> Result<u16, Fail> {
        if let Some(n) = super::services::port_of(p) {
            return Ok(n);
        }
        strtonum(p, 1, 65535).map(|n| n as u16).map_err(|e| Fail::msg(format!("port number {e}: {p}")))
    };
    let mut out = Vec::new();
    for p in ports {
        let range = p.as_bytes().first().is_some_and(u8::is_ascii_digit).then(|| p.split_once('-')).flatten();
        match range {
            Some((lo, hi)) => {
                let hi = one(hi)?;
                let lo = one(lo)?;
                out.extend(lo..=hi);
            }
            None => out.push(one(p)?),
        }
    }
    Ok(out)
}

/// A port given to getaddrinfo as a service (a listener's port, `-p`):
/// a number (taken modulo 65536, as the resolver's strtoul and htons do),
/// or a service name; anything else is EAI_SERVICE.
pub fn service_port(p: &str) -> Option<u16> {
    if let Some(n) = super::services::port_of(p) {
        return Some(n);
    }
    if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = p.bytes().fold(0u64, |n, b| n.saturating_mul(10).saturating_add(u64::from(b - b'0')));
    Some((n % 65536) as u16)
}
