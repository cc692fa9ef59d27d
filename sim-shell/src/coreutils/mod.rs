//! The text tools lessons pipe into, as pure functions of argv and stdin:
//! `grep`, `awk`, `head`, `tail`, `wc`, `cat`, `sort`, `uniq`, `cut`, `tr`,
//! `seq`.
//!
//! They are linked in with the `text-tools` feature (the default). Without
//! it (the site's first load), [`run_coreutil`] hands them to the runner
//! installed with [`set_runner`]: the site runs them in a second wasm module
//! fetched the first time a learner pipes into one (see [`wire`]).
//! They print what the Debian 12 versions print (GNU grep 3.8, mawk 1.3.4,
//! coreutils 9.1, C.UTF-8 locale). There is no filesystem: file operands
//! other than `-` fail as missing files, as they would on an empty disk.

#[cfg(feature = "text-tools")]
pub mod args;
#[cfg(feature = "text-tools")]
pub mod awk;
#[cfg(feature = "text-tools")]
mod cat;
#[cfg(feature = "text-tools")]
mod cut;
#[cfg(feature = "text-tools")]
mod grep;
#[cfg(feature = "text-tools")]
mod head;
pub mod regex;
#[cfg(feature = "text-tools")]
mod seq;
#[cfg(feature = "text-tools")]
mod sort;
#[cfg(feature = "text-tools")]
mod tail;
#[cfg(feature = "text-tools")]
mod tr;
#[cfg(feature = "text-tools")]
mod uniq;
#[cfg(feature = "text-tools")]
mod wc;
pub mod wire;

use crate::output::Output;

/// Runs the programs a build leaves out (see [`wire`]).
pub type Runner = fn(&wire::Call) -> wire::Reply;

static RUNNER: std::sync::OnceLock<Runner> = std::sync::OnceLock::new();

/// Installs the runner for the programs a build leaves out (the first one
/// installed stays): the text tools without the `text-tools` feature, and
/// whatever else the machine leaves to it ([`run_elsewhere`]).
pub fn set_runner(runner: Runner) {
    let _ = RUNNER.set(runner);
}

/// Runs a call with the installed runner; `command not found` without one.
pub fn run_elsewhere(call: &wire::Call) -> wire::Reply {
    match RUNNER.get() {
        Some(run) => run(call),
        None => {
            let name = call.argv.first().map_or("", |a| a.rsplit('/').next().unwrap_or(a));
            wire::Reply { output: Output::error(format!("bash: {name}: command not found\n"), 127), state: Vec::new() }
        }
    }
}

/// The tools [`run_coreutil`] knows, by `argv[0]`.
pub const NAMES: &[&str] =
    &["grep", "egrep", "fgrep", "awk", "mawk", "head", "tail", "wc", "cat", "sort", "uniq", "cut", "tr", "seq"];

/// Whether `name` (or the last part of a path like `/usr/bin/grep`) is one
/// of the text tools.
pub fn is_coreutil(name: &str) -> bool {
    NAMES.contains(&name.rsplit('/').next().unwrap_or(name))
}

/// Runs `argv` if `argv[0]` is one of the text tools; `None` otherwise.
/// `argv[0]` may be a path (`/usr/bin/grep`).
pub fn run_coreutil(argv: &[String], stdin: &str) -> Option<Output> {
    let name = argv.first()?.rsplit('/').next()?;
    if !NAMES.contains(&name) {
        return None;
    }
    #[cfg(not(feature = "text-tools"))]
    return Some(run_elsewhere(&wire::Call { argv: argv.to_vec(), stdin: stdin.into(), state: Vec::new() }).output);
    #[cfg(feature = "text-tools")]
    Some(linked(name, argv, stdin))
}

/// The tools themselves, by name (one of [`NAMES`]).
#[cfg(feature = "text-tools")]
fn linked(name: &str, argv: &[String], stdin: &str) -> Output {
    match name {
        "grep" => grep::run(argv, stdin),
        "egrep" | "fgrep" => {
            let mut v = vec!["grep".to_string(), if name == "egrep" { "-E" } else { "-F" }.to_string()];
            v.extend(argv.iter().skip(1).cloned());
            grep::run(&v, stdin)
        }
        "awk" | "mawk" => awk::run(argv, stdin),
        "head" => head::run(argv, stdin),
        "tail" => tail::run(argv, stdin),
        "wc" => wc::run(argv, stdin),
        "cat" => cat::run(argv, stdin),
        "sort" => sort::run(argv, stdin),
        "uniq" => uniq::run(argv, stdin),
        "cut" => cut::run(argv, stdin),
        "tr" => tr::run(argv, stdin),
        "seq" => seq::run(argv, stdin),
        _ => Output::error(format!("bash: {name}: command not found\n"), 127),
    }
}

/// How many lines or bytes `head`/`tail` keep.
#[cfg(feature = "text-tools")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    /// `N`: the first N (head) or last N (tail).
    First(u64),
    /// `head -n -N`: all but the last N.
    AllBut(u64),
    /// `tail -n +N`: from the Nth on.
    From(u64),
}

/// Parses a `-n`/`-c` argument. For tail a leading `-` is the default
/// meaning and `+` means "from"; for head `-` means "all but".
#[cfg(feature = "text-tools")]
pub fn count_arg(v: &str, tail: bool) -> Option<Count> {
    let (sign, digits) = match v.as_bytes().first() {
        Some(b'+') => (Some('+'), &v[1..]),
        Some(b'-') => (Some('-'), &v[1..]),
        _ => (None, v),
    };
    let n: u64 = digits.parse().ok()?;
    Some(match (sign, tail) {
        (Some('+'), true) => Count::From(n),
        (Some('-'), false) => Count::AllBut(n),
        _ => Count::First(n),
    })
}
