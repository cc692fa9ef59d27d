//! The text tools lessons pipe into, as pure functions of argv and an
//! [`Input`] (stdin, and the machine's [`Files`] their operands name):
//! `grep`, `awk`, `head`, `tail`, `wc`, `cat`, `sort`, `uniq`, `cut`, `tr`,
//! `seq`; and the two tools that change files, `rm` and `touch`
//! ([`run_file_tool`]).
//!
//! They are linked in with the `text-tools` feature (the default). Without
//! it (the site's first load), [`run_coreutil`] hands them to the runner
//! installed with [`set_runner`]: the site runs them in a second wasm module
//! fetched the first time a learner pipes into one (see [`wire`]).
//! They print what the Debian 12 versions print (GNU grep 3.8, mawk 1.3.4,
//! coreutils 9.1, C.UTF-8 locale). File operands are read from the
//! [`Files`] the machine hands in, relative to its working directory; no
//! tool writes one but `rm` and `touch` (`uniq`'s OUTPUT and `sort -o` are
//! refused as on a read-only disk).

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
pub mod input;
pub mod regex;
#[cfg(feature = "text-tools")]
mod rm;
#[cfg(feature = "text-tools")]
mod seq;
#[cfg(feature = "text-tools")]
mod sort;
#[cfg(feature = "text-tools")]
mod tail;
#[cfg(feature = "text-tools")]
mod touch;
#[cfg(feature = "text-tools")]
mod tr;
#[cfg(feature = "text-tools")]
mod uniq;
#[cfg(feature = "text-tools")]
mod wc;
pub mod wire;

use crate::files::Files;
use crate::output::Output;
pub use input::Input;

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
            let name = program_name(&call.argv);
            wire::Reply { output: Output::error(format!("bash: {name}: command not found\n"), 127), state: Vec::new() }
        }
    }
}

/// The program `argv` runs: `argv[0]`'s last part (`/usr/bin/grep` runs
/// `grep`); empty for an empty argv.
pub fn program_name(argv: &[String]) -> &str {
    argv.first().map_or("", |a| a.rsplit('/').next().unwrap_or(a))
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
/// `argv[0]` may be a path (`/usr/bin/grep`). A machine without files: every
/// file operand is missing (see [`run_coreutil_in`]).
pub fn run_coreutil(argv: &[String], stdin: &str) -> Option<Output> {
    let files = Files::new();
    run_coreutil_in(argv, &Input::new(stdin, &files, crate::files::HOME))
}

/// Runs `argv` if `argv[0]` is one of the text tools, over `input`; `None`
/// otherwise. Without the `text-tools` feature the call carries the files
/// and the working directory (and what stdin is) to the runner as its state
/// ([`wire::encode_files`]).
pub fn run_coreutil_in(argv: &[String], input: &Input) -> Option<Output> {
    let name = program_name(argv);
    if !NAMES.contains(&name) {
        return None;
    }
    #[cfg(not(feature = "text-tools"))]
    return Some(
        run_elsewhere(&wire::Call {
            argv: argv.to_vec(),
            stdin: input.stdin.into(),
            state: wire::encode_files(input.files, input.cwd, input.stdin_is_file),
        })
        .output,
    );
    #[cfg(feature = "text-tools")]
    Some(linked(name, argv, input))
}

/// The tools that change files, by `argv[0]`.
pub const FILE_TOOLS: &[&str] = &["rm", "touch"];

/// Runs `argv` if `argv[0]` is `rm` or `touch` (or a path to one), over
/// the machine's files; `None` otherwise. Without the `text-tools` feature
/// they run elsewhere like the other tools: the call carries the files,
/// and the reply the files as they left them.
pub fn run_file_tool(argv: &[String], files: &mut Files, cwd: &str) -> Option<Output> {
    let name = program_name(argv);
    if !FILE_TOOLS.contains(&name) {
        return None;
    }
    #[cfg(not(feature = "text-tools"))]
    {
        let call =
            wire::Call { argv: argv.to_vec(), stdin: String::new(), state: wire::encode_files(files, cwd, false) };
        let reply = run_elsewhere(&call);
        if !reply.state.is_empty() {
            match wire::decode_files(&reply.state) {
                Some(changed) => *files = changed.files,
                None => return Some(Output::error(format!("nslab: {name}: a reply this lab cannot read\n"), 4)),
            }
        }
        Some(reply.output)
    }
    #[cfg(feature = "text-tools")]
    Some(match name {
        "rm" => rm::run(argv, files, cwd),
        _ => touch::run(argv, files, cwd),
    })
}

/// The tools themselves, by name (one of [`NAMES`]).
#[cfg(feature = "text-tools")]
fn linked(name: &str, argv: &[String], input: &Input) -> Output {
    match name {
        "grep" => grep::run(argv, input),
        "egrep" | "fgrep" => {
            let mut v = vec!["grep".to_string(), if name == "egrep" { "-E" } else { "-F" }.to_string()];
            v.extend(argv.iter().skip(1).cloned());
            grep::run(&v, input)
        }
        "awk" | "mawk" => awk::run(argv, input),
        "head" => head::run(argv, input),
        "tail" => tail::run(argv, input),
        "wc" => wc::run(argv, input),
        "cat" => cat::run(argv, input),
        "sort" => sort::run(argv, input),
        "uniq" => uniq::run(argv, input),
        "cut" => cut::run(argv, input),
        "tr" => tr::run(argv, input.stdin),
        "seq" => seq::run(argv, input.stdin),
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
