//! `nsenter` (util-linux 2.38): run a program in another process's
//! namespaces. The lab models network and mount namespaces (the latter
//! only as /run/netns, for a preset's containers); the other kinds are
//! accepted and change nothing. This module reads the command line; the
//! lab finds the process and runs the program (`lab/presets/programs.rs`).

use crate::output::Output;

/// Where a namespace to enter comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// The target process's (`-n` with `-t PID`).
    Target,
    /// A file naming one (`--net=/run/netns/NAME`).
    File(String),
}

/// One kind of namespace nsenter can enter, in the order it opens them
/// (`namespace_files[]`): the first that fails is the error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    User,
    Cgroup,
    Ipc,
    Uts,
    Net,
    Pid,
    Mnt,
    Time,
}

impl Kind {
    /// Its file under /proc/PID/ns/.
    pub fn file(self) -> &'static str {
        match self {
            Kind::User => "user",
            Kind::Cgroup => "cgroup",
            Kind::Ipc => "ipc",
            Kind::Uts => "uts",
            Kind::Net => "net",
            Kind::Pid => "pid",
            Kind::Mnt => "mnt",
            Kind::Time => "time",
        }
    }
}

/// A parsed `nsenter` command line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Nsenter {
    /// `-t PID` (0 counts as none, as nsenter reads it).
    pub target: u32,
    /// The namespaces to enter, in nsenter's order.
    pub enter: Vec<(Kind, Source)>,
    /// The program and its arguments; empty runs the shell.
    pub argv: Vec<String>,
}

/// Long options in util-linux's table order (its ambiguity messages list
/// them so): name, short letter, and whether it takes an argument
/// (`Some(true)` required, `Some(false)` optional).
const LONG: &[(&str, char, Option<bool>)] = &[
    ("all", 'a', None),
    ("help", 'h', None),
    ("version", 'V', None),
    ("target", 't', Some(true)),
    ("mount", 'm', Some(false)),
    ("uts", 'u', Some(false)),
    ("ipc", 'i', Some(false)),
    ("net", 'n', Some(false)),
    ("pid", 'p', Some(false)),
    ("user", 'U', Some(false)),
    ("cgroup", 'C', Some(false)),
    ("time", 'T', Some(false)),
    ("setuid", 'S', Some(true)),
    ("setgid", 'G', Some(true)),
    ("root", 'r', Some(false)),
    ("wd", 'w', Some(false)),
    ("wdns", 'W', Some(true)),
    ("no-fork", 'F', None),
    ("preserve-credentials", '\u{1}', None),
    ("follow-context", 'Z', None),
];

/// The short options: `+ahVt:m::u::i::n::p::C::U::T::S:G:r::w::W::eFZ`.
fn short(c: char) -> Option<Option<bool>> {
    match c {
        'a' | 'h' | 'V' | 'e' | 'F' | 'Z' => Some(None),
        't' | 'S' | 'G' | 'W' => Some(Some(true)),
        'm' | 'u' | 'i' | 'n' | 'p' | 'C' | 'U' | 'T' | 'r' | 'w' => Some(Some(false)),
        _ => None,
    }
}

fn kind_of(c: char) -> Option<Kind> {
    Some(match c {
        'U' => Kind::User,
        'C' => Kind::Cgroup,
        'i' => Kind::Ipc,
        'u' => Kind::Uts,
        'n' => Kind::Net,
        'p' => Kind::Pid,
        'm' => Kind::Mnt,
        'T' => Kind::Time,
        _ => return None,
    })
}

fn printed(text: &str) -> Output {
    let mut out = Output::new();
    out.out(text);
    out
}

fn usage_error(msg: String) -> Output {
    Output::error(format!("nsenter: {msg}\nTry 'nsenter --help' for more information.\n"), 1)
}

/// `strtopid_or_err()`: digits as `strtoul` reads them (a minus wraps).
fn parse_pid(s: &str) -> Result<u32, Output> {
    let fail = || Output::error(format!("nsenter: failed to parse pid: '{s}'\n"), 1);
    let (neg, digits) = match s.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(fail());
    }
    let v: u64 = digits.parse().map_err(|_| fail())?;
    if v > u64::from(u32::MAX) {
        return Err(fail());
    }
    let v = v as u32;
    Ok(if neg { v.wrapping_neg() } else { v })
}

/// Reads the command line; `Err` is what nsenter prints and its status
/// (for `--help` and `--version` too).
pub fn parse(args: &[String]) -> Result<Nsenter, Output> {
    let mut n = Nsenter::default();
    let mut all = false;
    let mut i = 0;
    let mut found: Vec<(Kind, Option<String>)> = Vec::new();
    while i < args.len() {
        let a = &args[i];
        if a == "--" {
            i += 1;
            break;
        }
        // `+`: options end at the first word that is not one.
        if !a.starts_with('-') || a == "-" {
            break;
        }
        let mut opts: Vec<(char, Option<String>)> = Vec::new();
        if let Some(long) = a.strip_prefix("--") {
            let (name, value) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            let exact = LONG.iter().find(|o| o.0 == name);
            let hits: Vec<_> = LONG.iter().filter(|o| o.0.starts_with(name)).collect();
            let opt = match (exact, hits.len()) {
                (Some(o), _) => o,
                (None, 1) => hits[0],
                (None, 0) => return Err(usage_error(format!("unrecognized option '{a}'"))),
                (None, _) => {
                    let list: Vec<String> = hits.iter().map(|o| format!("'--{}'", o.0)).collect();
                    return Err(usage_error(format!(
                        "option '--{name}' is ambiguous; possibilities: {}",
                        list.join(" ")
                    )));
                }
            };
            let value = match (opt.2, value) {
                (None, Some(_)) => return Err(usage_error(format!("option '--{}' doesn't allow an argument", opt.0))),
                (Some(true), None) => {
                    i += 1;
                    match args.get(i) {
                        Some(v) => Some(v.clone()),
                        None => return Err(usage_error(format!("option '--{}' requires an argument", opt.0))),
                    }
                }
                (_, v) => v,
            };
            opts.push((opt.1, value));
        } else {
            let letters: Vec<char> = a[1..].chars().collect();
            let mut j = 0;
            while j < letters.len() {
                let c = letters[j];
                let Some(takes) = short(c) else {
                    return Err(usage_error(format!("invalid option -- '{c}'")));
                };
                let attached: String = letters[j + 1..].iter().collect();
                match takes {
                    None => opts.push((c, None)),
                    Some(required) => {
                        let value = if !attached.is_empty() {
                            Some(attached)
                        } else if required {
                            i += 1;
                            match args.get(i) {
                                Some(v) => Some(v.clone()),
                                None => return Err(usage_error(format!("option requires an argument -- '{c}'"))),
                            }
                        } else {
                            None
                        };
                        opts.push((c, value));
                        break;
                    }
                }
                j += 1;
            }
        }
        i += 1;
        for (c, value) in opts {
            match c {
                'h' => return Err(printed(include_str!("nsenter_usage.txt"))),
                'V' => return Err(printed("nsenter from util-linux 2.38.1\n")),
                't' => n.target = parse_pid(value.as_deref().unwrap_or(""))?,
                'a' => all = true,
                c => {
                    if let Some(k) = kind_of(c) {
                        found.retain(|(f, _)| *f != k);
                        found.push((k, value));
                    }
                }
            }
        }
    }
    n.argv = args[i.min(args.len())..].to_vec();
    if all {
        for k in [Kind::Cgroup, Kind::Ipc, Kind::Uts, Kind::Net, Kind::Pid, Kind::Mnt, Kind::Time] {
            if !found.iter().any(|(f, _)| *f == k) {
                found.push((k, None));
            }
        }
    }
    let order = [Kind::User, Kind::Cgroup, Kind::Ipc, Kind::Uts, Kind::Net, Kind::Pid, Kind::Mnt, Kind::Time];
    for k in order {
        if let Some((_, v)) = found.iter().find(|(f, _)| *f == k) {
            let source = match v {
                Some(file) => Source::File(file.clone()),
                None if n.target == 0 => {
                    return Err(Output::error(
                        format!("nsenter: neither filename nor target pid supplied for ns/{}\n", k.file()),
                        1,
                    ))
                }
                None => Source::Target,
            };
            n.enter.push((k, source));
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn reads_target_and_net_in_every_spelling() {
        for line in ["-t 42 -n ip link", "--target=42 --net ip link", "-t42 -n ip link", "--targ 42 -n -- ip link"] {
            let n = parse(&args(line)).unwrap();
            assert_eq!(
                (n.target, n.enter.clone(), n.argv.clone()),
                (42, vec![(Kind::Net, Source::Target)], args("ip link")),
                "{line}"
            );
        }
        let n = parse(&args("--net=/run/netns/red ip a")).unwrap();
        assert_eq!(n.enter, vec![(Kind::Net, Source::File("/run/netns/red".into()))]);
    }

    #[test]
    fn errors_are_util_linux_own() {
        let err = |line: &str| parse(&args(line)).unwrap_err().stderr();
        assert_eq!(err("-n ip"), "nsenter: neither filename nor target pid supplied for ns/net\n");
        assert_eq!(err("-t abc -n"), "nsenter: failed to parse pid: 'abc'\n");
        assert_eq!(err("--n"), "nsenter: option '--n' is ambiguous; possibilities: '--net' '--no-fork'\nTry 'nsenter --help' for more information.\n");
        assert_eq!(err("-x"), "nsenter: invalid option -- 'x'\nTry 'nsenter --help' for more information.\n");
        assert_eq!(
            err("-t"),
            "nsenter: option requires an argument -- 't'\nTry 'nsenter --help' for more information.\n"
        );
        assert_eq!(parse(&args("-t -5 -n ip")).unwrap().target, 4294967291);
    }
}
