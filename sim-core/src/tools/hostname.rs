//! `hostname` (net-tools' hostname 3.23, as Debian 12 has it): prints the
//! kernel's host name, or sets it. The lab's host is called `host`, as its
//! prompt says; the name lives in the kernel (its UTS name), so
//! `ip netns exec` sees the same one, as on Linux.

use crate::output::Output;

/// The host name a fresh lab has.
pub const DEFAULT: &str = "host";

/// Recorded from `hostname -z` (to stdout; the complaint goes to stderr).
const USAGE: &str = include_str!("hostname_usage.txt");

/// `hostname ARGS` (argv without `hostname`) on the kernel's name.
pub fn run(name: &mut String, args: &[String]) -> Output {
    match args {
        [] => said(format!("{name}\n")),
        [flag] if matches!(flag.as_str(), "-s" | "--short") => {
            said(format!("{}\n", name.split('.').next().unwrap_or(name)))
        }
        [new] if !new.starts_with('-') => {
            *name = new.clone();
            Output::new()
        }
        [flag, ..] => {
            let bad = flag.trim_start_matches('-').chars().next().unwrap_or('-');
            let mut out = Output::status(255);
            out.err(format!("hostname: invalid option -- '{bad}'\n"));
            out.out(USAGE);
            out
        }
    }
}

fn said(text: String) -> Output {
    let mut out = Output::new();
    out.out(text);
    out
}
