//! `sudo`: the learner is root already, so it only checks and strips itself.

use crate::output::Output;

/// The command `sudo ARGS` runs (its options skipped), or what sudo prints
/// when there is none or it is not a program of this host.
pub fn inner<'a>(args: &'a [String], is_program: &dyn Fn(&str) -> bool) -> Result<&'a [String], Output> {
    let skip = args.iter().take_while(|a| a.starts_with('-')).count();
    let inner = &args[skip..];
    match inner.first() {
        None => Err(Output::error("usage: sudo -h | -K | -k | -V\n", 1)),
        Some(p) if !is_program(p) => Err(Output::error(format!("sudo: {p}: command not found\n"), 1)),
        Some(_) => Ok(inner),
    }
}
