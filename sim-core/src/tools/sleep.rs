//! GNU coreutils' `sleep` and `timeout` (9.1): their arguments, errors and
//! statuses. Waiting itself is the lab's (virtual time, `lab/host.rs`); these
//! only read argv. Texts as recorded (`tests/data/kernel/jobs.*`, a UTF-8
//! locale: ‘’ quotes).

use crate::output::Output;

/// The longest wait the lab honours (a day); `sleep inf` waits that long.
pub const MAX_MS: u64 = 86_400_000;

/// A duration as `xstrtod` reads it, with one optional suffix (`s`, `m`,
/// `h`, `d`), in milliseconds; `None` if it is not one.
pub fn duration_ms(arg: &str) -> Option<u64> {
    let (num, mult) = match arg.char_indices().last() {
        Some((i, 's')) => (&arg[..i], 1.0),
        Some((i, 'm')) => (&arg[..i], 60.0),
        Some((i, 'h')) => (&arg[..i], 3600.0),
        Some((i, 'd')) => (&arg[..i], 86400.0),
        _ => (arg, 1.0),
    };
    // Rust's grammar for floats is strtod's for decimal numbers; "nan" and
    // negative values are refused as coreutils refuses them.
    let secs = num.trim_start().parse::<f64>().ok().filter(|s| !s.is_nan() && *s >= 0.0)? * mult;
    Some((secs * 1000.0).ceil().min(MAX_MS as f64) as u64)
}

fn try_help(prog: &str) -> String {
    format!("Try '{prog} --help' for more information.\n")
}

/// An option getopt does not know: `-x` or `--xyz`.
fn bad_option(prog: &str, arg: &str) -> String {
    match arg.strip_prefix("--") {
        Some(_) => format!("{prog}: unrecognized option '{arg}'\n"),
        None => format!("{prog}: invalid option -- '{}'\n", arg.chars().nth(1).unwrap_or('-')),
    }
}

/// `sleep NUMBER[SUFFIX]…`: the total wait in milliseconds, or the error
/// output (status 1).
pub fn sleep_args(args: &[String]) -> Result<u64, Output> {
    let mut operands = Vec::new();
    let mut opts_done = false;
    for a in args {
        if !opts_done && a == "--" {
            opts_done = true;
        } else if !opts_done && a.len() > 1 && a.starts_with('-') {
            return Err(Output::error(format!("{}{}", bad_option("sleep", a), try_help("sleep")), 1));
        } else {
            operands.push(a);
        }
    }
    if operands.is_empty() {
        return Err(Output::error(format!("sleep: missing operand\n{}", try_help("sleep")), 1));
    }
    let mut total: u64 = 0;
    let mut errors = String::new();
    for a in operands {
        match duration_ms(a) {
            Some(ms) => total = total.saturating_add(ms),
            None => errors.push_str(&format!("sleep: invalid time interval ‘{a}’\n")),
        }
    }
    if !errors.is_empty() {
        return Err(Output::error(format!("{errors}{}", try_help("sleep")), 1));
    }
    Ok(total.min(MAX_MS))
}

/// What `timeout` was asked to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeout {
    pub ms: u64,
    /// The signal sent when time is up (TERM unless `-s`).
    pub signal: i32,
    /// `--preserve-status`: exit with the command's status, not 124.
    pub preserve: bool,
    pub argv: Vec<String>,
}

/// `timeout [-s SIG] [-k DUR] [--preserve-status] [--foreground] [-v]
/// DURATION COMMAND [ARG]…`; errors exit 125.
pub fn timeout_args(args: &[String]) -> Result<Timeout, Output> {
    let fail = |msg: String| Output::error(format!("{msg}{}", try_help("timeout")), 125);
    let mut t = Timeout { ms: 0, signal: 15, preserve: false, argv: Vec::new() };
    let mut i = 0;
    while let Some(a) = args.get(i) {
        i += 1;
        if a == "--" {
            break;
        }
        if !a.starts_with('-') || a == "-" {
            i -= 1;
            break;
        }
        // The option's letter and its value, if it takes one.
        let (letter, value) = if let Some(long) = a.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            const LONG: [(&str, char); 5] =
                [("signal", 's'), ("kill-after", 'k'), ("preserve-status", 'p'), ("foreground", 'f'), ("verbose", 'v')];
            let Some(&(full, letter)) = LONG.iter().find(|(full, _)| !name.is_empty() && full.starts_with(name)) else {
                return Err(fail(bad_option("timeout", a)));
            };
            let value = match (letter, inline) {
                ('s' | 'k', Some(v)) => Some(v),
                ('s' | 'k', None) => match args.get(i) {
                    Some(v) => {
                        i += 1;
                        Some(v.clone())
                    }
                    None => return Err(fail(format!("timeout: option '--{full}' requires an argument\n"))),
                },
                (_, _) => None,
            };
            (letter, value)
        } else {
            let letter = a[1..].chars().next().unwrap_or('-');
            match letter {
                's' | 'k' => {
                    let rest = &a[2..];
                    let value = if !rest.is_empty() {
                        rest.to_string()
                    } else {
                        match args.get(i) {
                            Some(v) => {
                                i += 1;
                                v.clone()
                            }
                            None => return Err(fail(format!("timeout: option requires an argument -- '{letter}'\n"))),
                        }
                    };
                    (letter, Some(value))
                }
                'v' => ('v', None),
                _ => return Err(fail(bad_option("timeout", a))),
            }
        };
        match (letter, value) {
            ('s', Some(v)) => match sim_shell::parse_signal(&v) {
                Some(n) => t.signal = n,
                None => return Err(fail(format!("timeout: ‘{v}’: invalid signal\n"))),
            },
            ('k', Some(v)) if duration_ms(&v).is_none() => {
                return Err(fail(format!("timeout: invalid time interval ‘{v}’\n")));
            }
            ('p', _) => t.preserve = true,
            _ => {}
        }
    }
    let rest = &args[i.min(args.len())..];
    if rest.len() < 2 {
        return Err(fail(String::new()));
    }
    let Some(ms) = duration_ms(&rest[0]) else {
        return Err(fail(format!("timeout: invalid time interval ‘{}’\n", rest[0])));
    };
    t.ms = ms;
    t.argv = rest[1..].to_vec();
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn sleep_sums_its_operands_with_their_suffixes() {
        assert_eq!(sleep_args(&argv("0.1s 0.05m")).ok(), Some(3100));
        assert_eq!(sleep_args(&argv("1h")).ok(), Some(3_600_000));
        assert_eq!(sleep_args(&argv("inf")).ok(), Some(MAX_MS));
        assert_eq!(
            sleep_args(&argv("1 2 x")).unwrap_err().stderr(),
            "sleep: invalid time interval ‘x’\nTry 'sleep --help' for more information.\n"
        );
        assert_eq!(
            sleep_args(&argv("-1")).unwrap_err().stderr(),
            "sleep: invalid option -- '1'\nTry 'sleep --help' for more information.\n"
        );
    }

    #[test]
    fn timeout_reads_its_options_then_duration_and_command() {
        let t = timeout_args(&argv("-s INT 1 sleep 5")).ok();
        assert_eq!(t.map(|t| (t.ms, t.signal, t.argv)), Some((1000, 2, argv("sleep 5"))));
        assert_eq!(timeout_args(&argv("1")).unwrap_err().status, 125);
        assert_eq!(
            timeout_args(&argv("-s FOO 1 sleep 1")).unwrap_err().stderr(),
            "timeout: ‘FOO’: invalid signal\nTry 'timeout --help' for more information.\n"
        );
    }
}
