//! Scenario scripts and transcripts in the format of `record-transcript`.
//!
//! A scenario is one command per line (`#` comments and blank lines skipped).
//! A transcript is `$ cmd` followed by what it printed and `[exit N]` when N
//! is not 0. [`normalize`] masks what a real kernel changes run to run,
//! exactly as `record-transcript` does, so transcripts can be compared.

use crate::Lab;

mod normalize;
#[cfg(test)]
mod tests;

pub use normalize::normalize;

/// The commands of a scenario script.
pub fn commands(script: &str) -> Vec<String> {
    script.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_string).collect()
}

/// Runs a scenario on a fresh lab and returns its transcript.
pub fn replay(script: &str, seed: u64) -> String {
    replay_with(script, seed, false)
}

/// Like [`replay`]; with `trace`, each command's packet trace follows its
/// output as `#`-comment lines (for reading; leave them out of files meant for `compare`).
pub fn replay_with(script: &str, seed: u64, trace: bool) -> String {
    replay_on(&mut Lab::with_seed(seed), script, trace)
}

/// Runs a scenario on `lab` as it stands (a preset's, say) and returns its
/// transcript; `trace` as for [`replay_with`].
pub fn replay_on(lab: &mut Lab, script: &str, trace: bool) -> String {
    let mut lines = Vec::new();
    for cmd in commands(script) {
        lines.push(format!("$ {cmd}"));
        // The recorder runs each line as `bash -c LINE`.
        let out = lab.run_command(&cmd);
        let text = out.text();
        if !text.is_empty() {
            lines.extend(text.trim_end_matches('\n').split('\n').map(str::to_string));
        }
        if out.status != 0 {
            lines.push(format!("[exit {}]", out.status));
        }
        if trace {
            let t = lab.last_trace().to_string();
            lines.extend(t.lines().map(|l| format!("#   {l}")));
        }
    }
    lines.join("\n") + "\n"
}

/// A transcript split into (command, normalized output) pairs.
pub fn split(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in normalize(text).split('\n') {
        if let Some(c) = line.strip_prefix("$ ") {
            out.push((c.to_string(), Vec::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push(line.to_string());
        }
    }
    out.into_iter().map(|(c, l)| (c, l.join("\n").trim_end_matches('\n').to_string())).collect()
}

/// One command whose output differs between two transcripts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    pub command: String,
    pub expected: String,
    pub actual: Option<String>,
}

/// Compares two transcripts command by command, as `--compare` does.
pub fn compare(expected: &str, actual: &str) -> (usize, Vec<Mismatch>) {
    let (exp, act) = (split(expected), split(actual));
    let mut same = 0;
    let mut bad = Vec::new();
    for (i, (cmd, want)) in exp.iter().enumerate() {
        let got = act.get(i).filter(|(c, _)| c == cmd).map(|(_, o)| o.clone());
        if got.as_ref() == Some(want) {
            same += 1;
        } else {
            bad.push(Mismatch { command: cmd.clone(), expected: want.clone(), actual: got });
        }
    }
    (same, bad)
}
