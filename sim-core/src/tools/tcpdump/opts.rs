//! tcpdump's command line, read as tcpdump.c's `main()` reads it: glibc's
//! `getopt_long` over `SHORTOPTS` and `longopts[]` as Debian 12 builds
//! them (options may follow the operands, `--` ends them, long options by
//! unambiguous prefix), each option's value checked as its `case` checks
//! it (so the first bad one is the one reported), `-h` and `--version`
//! ending the loop where they stand. The operands, joined with spaces as
//! `copy_argv()` joins them, are the filter.

use super::msg::Fail;

/// `-x`, `-X` and `-A`, each counted (`-xx` and `-XX` dump the link header too).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Dump {
    pub hex: u8,
    pub hex_ascii: u8,
    pub ascii: u8,
}

/// `-Q`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    In,
    Out,
    InOut,
}

/// What tcpdump was asked to do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Opts {
    /// `-i`, as typed (a name, or a number into `-D`'s list).
    pub interface: Option<String>,
    /// `-c`: stop after this many packets.
    pub count: Option<u64>,
    /// `-n` given this many times.
    pub numeric: u8,
    /// `-e`.
    pub link: bool,
    /// `-v` given this many times.
    pub verbose: u8,
    /// `-q`.
    pub quiet: bool,
    pub dump: Dump,
    /// `-l`.
    pub line_buffered: bool,
    /// `-D`, `--list-interfaces`.
    pub list_interfaces: bool,
    /// `-L`, `--list-data-link-types`.
    pub list_link_types: bool,
    /// `--version`: the loop stopped here.
    pub version: bool,
    /// `-h`, `--help`: the loop stopped here.
    pub help: bool,
    /// `-s`: 0 is the maximum (262144).
    pub snaplen: Option<u32>,
    /// `-y`: the data link type's name as libpcap spells it (`EN10MB`).
    pub link_type: Option<&'static str>,
    /// `-Q`.
    pub direction: Option<Direction>,
    /// `-r`.
    pub read_file: Option<String>,
    /// `-w`.
    pub write_file: Option<String>,
    /// `-V`: a file naming the files to read.
    pub read_list: Option<String>,
    /// `-F`: the filter is this file's text.
    pub filter_file: Option<String>,
    /// `-t` given this many times.
    pub timestamps: u8,
    /// `-S`.
    pub absolute_seq: bool,
    /// `-p`.
    pub no_promisc: bool,
    /// `-#`, `--number`.
    pub number: bool,
    /// `-d` given this many times (dump the compiled program).
    pub dump_code: u8,
    /// `-f`.
    pub foreign: bool,
    /// `-I`: monitor mode.
    pub monitor: bool,
    /// `--count`.
    pub count_mode: bool,
    /// `--immediate-mode`.
    pub immediate: bool,
    /// `--print`.
    pub print: bool,
    /// `--nano` (else microseconds).
    pub nano: bool,
    /// What the loop printed on stderr as it went on (`-m` without libsmi).
    pub warnings: String,
    /// The operands joined with spaces (empty: no filter).
    pub filter: String,
}

/// `SHORTOPTS` with Debian's libpcap (B, D, I, j, J, Q, U present).
const SHORTOPTS: &str = "aAbB:c:C:dDeE:fF:G:hHi:Ij:JKlLm:M:nNOpqQ:r:s:StT:uUvV:w:W:xXy:Yz:Z:#";

/// `longopts[]`: name, takes an argument, and the short option (or a
/// name of its own for those without one).
const LONGOPTS: &[(&str, bool, Long)] = &[
    ("buffer-size", true, Long::Short('B')),
    ("list-interfaces", false, Long::Short('D')),
    ("help", false, Long::Short('h')),
    ("interface", true, Long::Short('i')),
    ("monitor-mode", false, Long::Short('I')),
    ("time-stamp-type", true, Long::Short('j')),
    ("list-time-stamp-types", false, Long::Short('J')),
    ("micro", false, Long::Micro),
    ("nano", false, Long::Nano),
    ("time-stamp-precision", true, Long::Precision),
    ("dont-verify-checksums", false, Long::Short('K')),
    ("list-data-link-types", false, Long::Short('L')),
    ("no-optimize", false, Long::Short('O')),
    ("no-promiscuous-mode", false, Long::Short('p')),
    ("direction", true, Long::Short('Q')),
    ("snapshot-length", true, Long::Short('s')),
    ("absolute-tcp-sequence-numbers", false, Long::Short('S')),
    ("packet-buffered", false, Long::Short('U')),
    ("linktype", true, Long::Short('y')),
    ("immediate-mode", false, Long::Immediate),
    ("relinquish-privileges", true, Long::Short('Z')),
    ("count", false, Long::Count),
    ("fp-type", false, Long::FpType),
    ("number", false, Long::Short('#')),
    ("print", false, Long::Print),
    ("version", false, Long::Version),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Long {
    Short(char),
    Micro,
    Nano,
    Precision,
    Immediate,
    Count,
    FpType,
    Print,
    Version,
}

/// What `main()`'s loop does next.
enum Step {
    Go,
    Stop,
}

/// `strtol(s, &end, base)`: leading blanks, a sign, `0x`/`0` prefixes
/// with base 0, saturating; the value and the rest after the digits
/// (all of `s` when no digit was read).
pub(super) fn strtol(s: &str, base: u32) -> (i64, &str) {
    let t = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let hex = t.len() > 2 && (t.starts_with("0x") || t.starts_with("0X")) && t.as_bytes()[2].is_ascii_hexdigit();
    let (radix, digits) = match base {
        0 if hex => (16, &t[2..]),
        0 if t.starts_with('0') => (8, t),
        0 => (10, t),
        b => (b, t),
    };
    let n = digits.chars().take_while(|c| c.is_digit(radix)).count();
    if n == 0 {
        return (0, s);
    }
    let v = digits[..n].chars().fold(0i64, |v, c| {
        v.saturating_mul(i64::from(radix)).saturating_add(i64::from(c.to_digit(radix).unwrap_or(0)))
    });
    (if neg { v.saturating_neg() } else { v }, &digits[n..])
}

/// `atoi()` as glibc has it: `(int) strtol(s, NULL, 10)`.
fn atoi(s: &str) -> i32 {
    strtol(s, 10).0 as i32
}

/// Reads argv (without `tcpdump` itself).
pub fn parse(args: &[&str]) -> Result<Opts, Fail> {
    let mut o = Opts::default();
    let mut operands: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let arg = args[i];
        i += 1;
        if arg == "--" {
            operands.extend(&args[i..]);
            break;
        }
        if let Some(long) = arg.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (long, None),
            };
            // Not `tools::long_option`: tcpdump words "ambiguous" and
            // "unrecognized" apart, and lists the candidates.
            let found = match LONGOPTS.iter().find(|l| l.0 == name) {
                Some(l) => l,
                None => {
                    let matches: Vec<_> = LONGOPTS.iter().filter(|l| l.0.starts_with(name)).collect();
                    match matches[..] {
                        [] => return Err(Fail::usage(format!("unrecognized option '--{long}'"))),
                        [one] => one,
                        _ => {
                            let names: String = matches.iter().map(|l| format!(" '--{}'", l.0)).collect();
                            return Err(Fail::usage(format!("option '--{long}' is ambiguous; possibilities:{names}")));
                        }
                    }
                }
            };
            let value = match (found.1, inline) {
                (false, Some(_)) => {
                    return Err(Fail::usage(format!("option '--{}' doesn't allow an argument", found.0)))
                }
                (false, None) => "",
                (true, Some(v)) => v,
                (true, None) if i < args.len() => {
                    i += 1;
                    args[i - 1]
                }
                (true, None) => return Err(Fail::usage(format!("option '--{}' requires an argument", found.0))),
            };
            let step = match found.2 {
                Long::Short(c) => apply(&mut o, c, value)?,
                other => apply_long(&mut o, other, value)?,
            };
            if let Step::Stop = step {
                return Ok(o);
            }
            continue;
        }
        let Some(cluster) = arg.strip_prefix('-').filter(|c| !c.is_empty()) else {
            operands.push(arg);
            continue;
        };
        for (at, c) in cluster.char_indices() {
            let spec = SHORTOPTS.find(c).filter(|_| c != ':');
            let Some(spec) = spec else {
                return Err(Fail::usage(format!("invalid option -- '{c}'")));
            };
            let takes = SHORTOPTS[spec + c.len_utf8()..].starts_with(':');
            let mut value = "";
            if takes {
                let rest = &cluster[at + c.len_utf8()..];
                if !rest.is_empty() {
                    value = rest;
                } else if i < args.len() {
                    value = args[i];
                    i += 1;
                } else {
                    return Err(Fail::usage(format!("option requires an argument -- '{c}'")));
                }
            }
            if let Step::Stop = apply(&mut o, c, value)? {
                return Ok(o);
            }
            if takes {
                break;
            }
        }
    }
    o.filter = operands.join(" ");
    Ok(o)
}

/// One short option's `case`.
fn apply(o: &mut Opts, c: char, v: &str) -> Result<Step, Fail> {
    let bump = |n: &mut u8| *n = n.saturating_add(1);
    match c {
        'a' | 'b' | 'E' | 'H' | 'K' | 'M' | 'N' | 'O' | 'u' | 'U' | 'z' | 'Z' => {}
        'A' => bump(&mut o.dump.ascii),
        'B' if atoi(v).wrapping_mul(1024) <= 0 => return Err(Fail::error(format!("invalid packet buffer size {v}"))),
        'B' => {}
        'c' => match atoi(v) {
            n if n <= 0 => return Err(Fail::error(format!("invalid packet count {v}"))),
            n => o.count = Some(n as u64),
        },
        'C' => {
            let (n, rest) = strtol(v, 10);
            if rest.len() == v.len() || !rest.is_empty() || n == i64::MAX || n == i64::MIN || n <= 0 {
                return Err(Fail::error(format!("invalid file size {v}")));
            }
            if n > i64::MAX / 1_000_000 {
                return Err(Fail::error(format!("file size {v} is too large")));
            }
        }
        'd' => bump(&mut o.dump_code),
        'D' => o.list_interfaces = true,
        'e' => o.link = true,
        'f' => o.foreign = true,
        'F' => o.filter_file = Some(v.to_string()),
        'G' if atoi(v) < 0 => return Err(Fail::error(format!("invalid number of seconds {v}"))),
        'G' => {}
        'h' => {
            o.help = true;
            return Ok(Step::Stop);
        }
        'i' => o.interface = Some(v.to_string()),
        'I' => o.monitor = true,
        'j' if !TSTAMP_TYPES.iter().any(|t| t.eq_ignore_ascii_case(v)) => {
            return Err(Fail::error(format!("invalid time stamp type {v}")))
        }
        'j' | 'J' => {}
        'l' => o.line_buffered = true,
        'L' => o.list_link_types = true,
        'm' => o.warnings += &format!("tcpdump: ignoring option `-m {v}' (no libsmi support)\n"),
        'n' => bump(&mut o.numeric),
        'p' => o.no_promisc = true,
        'q' => o.quiet = true,
        'Q' => {
            o.direction = Some(match v.to_ascii_lowercase().as_str() {
                "in" => Direction::In,
                "out" => Direction::Out,
                "inout" => Direction::InOut,
                _ => return Err(Fail::error(format!("unknown capture direction `{v}'"))),
            })
        }
        'r' => o.read_file = Some(v.to_string()),
        's' => {
            let (n, rest) = strtol(v, 0);
            // `(int) strtol(…)`, then the range.
            let n = n as i32;
            if rest.len() == v.len() || !rest.is_empty() || !(0..=super::msg::MAXIMUM_SNAPLEN as i32).contains(&n) {
                let max = super::msg::MAXIMUM_SNAPLEN;
                return Err(Fail::error(format!("invalid snaplen {v} (must be >= 0 and <= {max})")));
            }
            o.snaplen = Some(n as u32);
        }
        'S' => o.absolute_seq = true,
        't' => bump(&mut o.timestamps),
        'T' if !PACKET_TYPES.split(' ').any(|t| t.eq_ignore_ascii_case(v)) => {
            return Err(Fail::error(format!("unknown packet type `{v}'")))
        }
        'T' => {}
        'v' => bump(&mut o.verbose),
        'V' => o.read_list = Some(v.to_string()),
        'w' => o.write_file = Some(v.to_string()),
        'W' if atoi(v) <= 0 => return Err(Fail::error(format!("invalid number of output files {v}"))),
        'W' => {}
        'x' => bump(&mut o.dump.hex),
        'X' => bump(&mut o.dump.hex_ascii),
        'y' => match super::dlt::by_name(v) {
            Some(name) => o.link_type = Some(name),
            None => return Err(Fail::error(format!("invalid data link type {v}"))),
        },
        '#' => o.number = true,
        // `Y` is in SHORTOPTS but its case is compiled out (libpcap
        // without YYDEBUG): the switch's default, the usage alone.
        _ => return Err(Fail::usage(String::new())),
    }
    Ok(Step::Go)
}

/// The long options without a short one.
fn apply_long(o: &mut Opts, l: Long, v: &str) -> Result<Step, Fail> {
    match l {
        Long::Version => {
            o.version = true;
            return Ok(Step::Stop);
        }
        Long::Micro => o.nano = false,
        Long::Nano => o.nano = true,
        Long::Precision if v.starts_with("nano") => o.nano = true,
        Long::Precision if v.starts_with("micro") => o.nano = false,
        Long::Precision => return Err(Fail::error("unsupported time stamp precision".into())),
        Long::Immediate => o.immediate = true,
        Long::Count => o.count_mode = true,
        Long::Print => o.print = true,
        // `float_type_check()`'s text is not recorded: refused as unknown.
        Long::FpType => return Err(Fail::usage("unrecognized option '--fp-type'".into())),
        Long::Short(c) => return apply(o, c, v),
    }
    Ok(Step::Go)
}

/// libpcap's `tstamp_type_choices[]`.
const TSTAMP_TYPES: &[&str] =
    &["host", "host_lowprec", "host_hiprec", "adapter", "adapter_unsynced", "host_hiprec_unsynced"];

/// `-T`'s packet types.
const PACKET_TYPES: &str =
    "vat wb rpc rtp rtcp snmp cnfp tftp aodv carp radius zmtp1 vxlan pgm pgm_zmtp1 lmp resp ptp someip domain";
