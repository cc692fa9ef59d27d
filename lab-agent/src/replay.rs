//! Transcripts in `record-transcript`'s format, from either engine, and
//! the commands whose masked output differs between two of them.

use sim_core::output::Output;
use sim_core::transcript::{self, Mismatch};

/// Runs every command of `script` through `run` and writes the transcript:
/// `$ cmd`, what it printed, `[exit N]` when N is not 0.
pub fn transcript(script: &str, mut run: impl FnMut(&str) -> Output) -> String {
    let mut lines = Vec::new();
    for cmd in transcript::commands(script) {
        lines.push(format!("$ {cmd}"));
        let out = run(&cmd);
        let text = out.text();
        if !text.is_empty() {
            lines.extend(text.trim_end_matches('\n').split('\n').map(str::to_string));
        }
        if out.status != 0 {
            lines.push(format!("[exit {}]", out.status));
        }
    }
    lines.join("\n") + "\n"
}

/// The commands whose masked output or exit code differ, `expected` being
/// the referee (the kernel's transcript).
pub fn diff(expected: &str, actual: &str) -> (usize, Vec<Mismatch>) {
    transcript::compare(expected, actual)
}

/// One mismatch as `compare` prints it.
pub fn render(m: &Mismatch, expected_label: &str, actual_label: &str) -> String {
    let indent = |s: &str| s.split('\n').map(|l| format!("      {l}")).collect::<Vec<_>>().join("\n");
    format!(
        "--- $ {}\n    {expected_label}:\n{}\n    {actual_label}:\n{}\n",
        m.command,
        indent(&m.expected),
        indent(m.actual.as_deref().unwrap_or("<command missing>"))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transcript_format() {
        let t = transcript("# c\nok\n\nbad\n", |c| if c == "bad" { Output::error("no\n", 2) } else { Output::new() });
        assert_eq!(t, "$ ok\n$ bad\nno\n[exit 2]\n");
    }
}
