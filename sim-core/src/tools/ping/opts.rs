//! ping's command line, parsed as iputils' getopt loop does, with its
//! error messages.

use crate::netlink::sockets::PmtuDisc;
use crate::output::Output;

/// What a ping was asked to do.
#[derive(Clone, Debug, PartialEq)]
pub struct Opts {
    /// `-c`; `None` runs until interrupted.
    pub count: Option<u64>,
    /// `-i`, in milliseconds.
    pub interval_ms: u64,
    /// `-W`: how long to wait for replies after the last probe.
    pub linger_ms: u64,
    /// `-w`, in seconds.
    pub deadline: Option<u64>,
    /// `-I`: a device or an address.
    pub iface: Option<String>,
    pub quiet: bool,
    /// `-s`: data bytes.
    pub size: usize,
    /// `-t`.
    pub ttl: Option<u8>,
    /// `-M`: whether to set Don't Fragment.
    pub pmtudisc: PmtuDisc,
    /// `-Q`: the TOS byte.
    pub tos: u8,
    /// `-e`: the echo identifier (IDENTIFIER_MAX is 0xffff).
    pub ident: Option<u16>,
    pub dest: String,
    /// `-4`, `-6` (or the program named `ping6`): the family asked for.
    pub family: Family,
    /// What its `error()` messages start with: `program_invocation_name`
    /// (`ping6: local error: …` when run as `ping6`).
    pub prog: &'static str,
    /// Arguments that had trailing garbage (warned about, not fatal).
    pub warnings: Vec<String>,
}

/// The address family a ping was asked for (`hints.ai_family`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// Either: the destination decides.
    Any,
    V4,
    V6,
}

/// iputils' usage text (linked in with `text-tools`: see [`crate::usage`]).
#[cfg(feature = "text-tools")]
pub(crate) const USAGE_TEXT: &str = "
Usage
  ping [options] <destination>

Options:
  <destination>      dns name or ip address
  -a                 use audible ping
  -A                 use adaptive ping
  -B                 sticky source address
  -c <count>         stop after <count> replies
  -C                 call connect() syscall on socket creation
  -D                 print timestamps
  -d                 use SO_DEBUG socket option
  -e <identifier>    define identifier for ping session, default is random for
                     SOCK_RAW and kernel defined for SOCK_DGRAM
                     Imply using SOCK_RAW (for IPv4 only for identifier 0)
  -f                 flood ping
  -h                 print help and exit
  -I <interface>     either interface name or address
  -i <interval>      seconds between sending each packet
  -L                 suppress loopback of multicast packets
  -l <preload>       send <preload> number of packages while waiting replies
  -m <mark>          tag the packets going out
  -M <pmtud opt>     define mtu discovery, can be one of <do|dont|want>
  -n                 no dns name resolution
  -O                 report outstanding replies
  -p <pattern>       contents of padding byte
  -q                 quiet output
  -Q <tclass>        use quality of service <tclass> bits
  -s <size>          use <size> as number of data bytes to be sent
  -S <size>          use <size> as SO_SNDBUF socket option value
  -t <ttl>           define time to live
  -U                 print user-to-user latency
  -v                 verbose output
  -V                 print version and exit
  -w <deadline>      reply wait <deadline> in seconds
  -W <timeout>       time to wait for response

IPv4 options:
  -4                 use IPv4
  -b                 allow pinging broadcast
  -R                 record route
  -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>

IPv6 options:
  -6                 use IPv6
  -F <flowlabel>     define flow label, default is random
  -N <nodeinfo opt>  use icmp6 node info query, try <help> as argument

For more details see ping(8).
";

/// Options that take an argument, and flags, as iputils' getopt string has them.
const WITH_ARG: &str = "cIiWwstelmMpQSTFN";
const FLAGS: &str = "aABCDdfhLnOqrRUvV46b";

fn usage(first: String) -> Output {
    let mut o = Output::status(2);
    o.err(format!("{first}\n{}", String::from(crate::usage::Usage::Ping)));
    o
}

fn invalid(prog: &str, arg: &str) -> Output {
    Output::error(format!("{prog}: invalid argument: '{arg}'\n"), 1)
}

fn int_in(prog: &str, arg: &str, lo: i64, hi: i64) -> Result<i64, Output> {
    let v: i64 = arg.trim().parse().map_err(|_| invalid(prog, arg))?;
    if v < lo || v > hi {
        return Err(Output::error(
            format!("{prog}: invalid argument: '{arg}': out of range: {lo} <= value <= {hi}\n"),
            1,
        ));
    }
    Ok(v)
}

/// `ping_strtod()`: a leading number of seconds, in milliseconds; trailing
/// garbage only warns.
fn millis(arg: &str, warnings: &mut Vec<String>) -> u64 {
    let end = arg.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(arg.len());
    if end < arg.len() {
        warnings.push(arg.to_string());
    }
    super::millis::millis(&arg[..end])
}

/// Parses argv (argv[0] is `ping`); `Err` is what ping prints and exits with.
pub fn parse(argv: &[String]) -> Result<Opts, Output> {
    let ping6 = argv.first().is_some_and(|a| a.rsplit('/').next() == Some("ping6"));
    let mut o = Opts {
        count: None,
        interval_ms: 1000,
        linger_ms: 10_000,
        deadline: None,
        iface: None,
        quiet: false,
        size: 56,
        ttl: None,
        pmtudisc: PmtuDisc::Want,
        tos: 0,
        ident: None,
        dest: String::new(),
        family: if ping6 { Family::V6 } else { Family::Any },
        prog: if ping6 { "ping6" } else { "ping" },
        warnings: Vec::new(),
    };
    let mut operands = Vec::new();
    let mut i = 1;
    while i < argv.len() {
        let a = &argv[i];
        i += 1;
        if a == "--" {
            operands.extend(argv[i..].iter().cloned());
            break;
        }
        if !a.starts_with('-') || a.len() < 2 {
            operands.push(a.clone());
            continue;
        }
        let chars: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        while j < chars.len() {
            let c = chars[j];
            j += 1;
            if FLAGS.contains(c) {
                match c {
                    'q' => o.quiet = true,
                    '4' => o.family = Family::V4,
                    '6' => o.family = Family::V6,
                    'V' => return Ok_version(),
                    'h' => return Err(usage(String::new()).tap_status(2)),
                    _ => {}
                }
                continue;
            }
            if !WITH_ARG.contains(c) {
                return Err(usage(format!("{prog}: invalid option -- '{c}'", prog = o.prog)));
            }
            let arg: String = if j < chars.len() {
                let rest: String = chars[j..].iter().collect();
                j = chars.len();
                rest
            } else if i < argv.len() {
                i += 1;
                argv[i - 1].clone()
            } else {
                return Err(usage(format!("{prog}: option requires an argument -- '{c}'", prog = o.prog)));
            };
            match c {
                'c' => o.count = Some(int_in(o.prog, &arg, 1, i64::MAX)? as u64),
                's' => o.size = int_in(o.prog, &arg, 0, 127_992)? as usize,
                't' => o.ttl = Some(int_in(o.prog, &arg, 0, 255)? as u8),
                'w' => o.deadline = Some(int_in(o.prog, &arg, 0, i64::from(i32::MAX))? as u64),
                'e' => o.ident = Some(int_in(o.prog, &arg, 0, 0xffff)? as u16),
                'I' => o.iface = Some(arg),
                // `parsetos()`: C's base 0 (`0x10`, `16`). Its complaint about
                // a bad value is not recorded: such a value changes nothing.
                'Q' => o.tos = parse_tos(&arg).unwrap_or(o.tos),
                'i' => o.interval_ms = millis(&arg, &mut o.warnings),
                'W' => o.linger_ms = millis(&arg, &mut o.warnings),
                'M' => {
                    o.pmtudisc = match arg.as_str() {
                        "do" => PmtuDisc::Do,
                        "dont" => PmtuDisc::Dont,
                        "want" => PmtuDisc::Want,
                        _ => return Err(Output::error(format!("{}: invalid -M argument: {arg}\n", o.prog), 2)),
                    }
                }
                _ => {}
            }
        }
    }
    match operands.last() {
        Some(d) => o.dest = d.clone(),
        None => return Err(Output::error(format!("{}: usage error: Destination address required\n", o.prog), 1)),
    }
    Ok(o)
}

/// `strtoul(str, NULL, 0)` of a TOS byte: decimal, `0x` hex or `0` octal.
fn parse_tos(arg: &str) -> Option<u8> {
    let (radix, digits) = match arg.strip_prefix("0x").or_else(|| arg.strip_prefix("0X")) {
        Some(h) => (16, h),
        None if arg.len() > 1 && arg.starts_with('0') => (8, &arg[1..]),
        None => (10, arg),
    };
    u8::from_str_radix(digits, radix).ok()
}

#[allow(non_snake_case)]
fn Ok_version() -> Result<Opts, Output> {
    let mut out = Output::new();
    out.out("ping from iputils 20221126\nlibcap: yes, IDN: yes, NLS: no, error.h: yes, getrandom(): yes, __fpending(): yes\n");
    Err(out)
}

trait TapStatus {
    fn tap_status(self, s: i32) -> Self;
}

impl TapStatus for Output {
    fn tap_status(mut self, s: i32) -> Output {
        self.status = s;
        self
    }
}
