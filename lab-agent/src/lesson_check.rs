//! `lab-agent lesson check FILE.md…`: what an instructor runs before
//! publishing a lesson. The file is read as the site reads it (front
//! matter, steps, the check language: errors as `FILE:LINE: …`); then it
//! is played on the simulator, command by command, and each step must tick
//! after its own commands — not before, not later; then, unless
//! `--sim-only`, the same commands run on the real kernel in a sandbox and
//! every command whose output differs from the simulator's after the
//! recorder's masking is reported. One line per step.
//!
//! A lesson that starts from a lab preset (`preset:`) is played on the
//! simulator from the preset's model, and on the kernel after the preset's
//! real-host script ([`crate::presets`]); a preset with no script yet, or
//! whose script needs a program the kernel engine does not run (kind-node's
//! `nsenter`, `unshare`), is a note, and the kernel half is skipped (it
//! would compare the lesson on a host without the preset with the
//! simulator's preset).

use std::fmt::Write as _;

use lab_protocol::{CheckRow, LessonChecks};
use lesson_format::markdown::{parse_lesson, slug_of, to_doc};
use lesson_format::progress::advance;
use lesson_format::verify::LabWorld;
use sim_core::Lab;

use crate::host::KernelLab;

/// A command's masked output on one engine: its text and status.
type Printed = (String, i32);

/// What checking one lesson found.
pub struct Report {
    /// One line per step, and the differences under it.
    pub text: String,
    pub ok: bool,
}

/// Masks as record-transcript does, and a job's pid (`[1] 4242`), which
/// the two engines draw differently.
fn masked(text: &str) -> String {
    let text = sim_core::transcript::normalize(text);
    text.lines()
        .map(|l| match l.split_once("] ") {
            Some((job, pid)) if job.starts_with('[') && pid.chars().all(|c| c.is_ascii_digit()) => {
                format!("{job}] PID")
            }
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn unmet(rows: &[CheckRow]) -> String {
    rows.iter()
        .filter(|r| !r.ok)
        .map(|r| if r.why.is_empty() { r.label.clone() } else { format!("{} ({})", r.label, r.why) })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Checks one lesson file; `kernel`, when given, replays it on the real
/// kernel too (a fresh `KernelLab` in the caller's sandbox).
pub fn check(path: &std::path::Path, src: &str, kernel: Option<&mut KernelLab>) -> Report {
    let lesson = match parse_lesson(&slug_of(path), src) {
        Ok(l) => l,
        Err(e) => return Report { text: format!("{}:{e}\n", path.display()), ok: false },
    };
    let doc = to_doc(&lesson);
    let mut text = String::new();
    let mut ok = true;
    let mut checks = LessonChecks { steps: doc.step_checks(), ticked: 0, setup: doc.setup.clone() };
    // parse_lesson refused a preset sim-core does not have.
    let mut lab = doc.preset.as_deref().and_then(Lab::with_preset).unwrap_or_default();
    let mut lines: Vec<String> = Vec::new();
    // The setup's lines are played (and compared on the kernel) but are
    // not the learner's: no `ran` check sees them.
    let mut played: Vec<(String, Printed)> = Vec::new();
    for cmd in &doc.setup {
        let out = lab.run(cmd);
        played.push((cmd.clone(), (masked(&out.text()), out.status)));
    }
    let start = advance(&checks, &LabWorld { lab: &lab, snap: lab.snapshot(), history: &lines });
    if start.ticked > 0 {
        ok = false;
        let _ = writeln!(text, "{}: step 1 ticks before any command: there is nothing to do", path.display());
    }
    let mut step = 0;
    for section in &doc.sections {
        for cmd in section.commands().cloned() {
            let out = lab.run(&cmd);
            lines.push(cmd.clone());
            played.push((cmd, (masked(&out.text()), out.status)));
        }
        if !section.step {
            continue;
        }
        step += 1;
        let world = LabWorld { lab: &lab, snap: lab.snapshot(), history: &lines };
        let p = advance(&checks, &world);
        checks.ticked = p.ticked;
        let verdict = match p.ticked.cmp(&step) {
            std::cmp::Ordering::Equal => "ticks".to_string(),
            std::cmp::Ordering::Less => {
                ok = false;
                format!("does not tick: {}", unmet(&p.current))
            }
            std::cmp::Ordering::Greater => {
                ok = false;
                format!("ticks step {} too, before its own commands", p.ticked)
            }
        };
        let _ = writeln!(text, "{}: step {step} `{}`: {verdict}", path.display(), section.title);
    }
    // The preset's script builds on the kernel what the simulator's model
    // did; a preset with no script yet is a note, and the kernel half is
    // skipped; a line of the script that fails on the kernel is a fault.
    let kernel = match (kernel, doc.preset.as_deref()) {
        (Some(k), Some(name)) => match k.build_preset(name) {
            Ok(()) => Some(k),
            Err(e @ crate::presets::NoScript::Failed(..)) => {
                ok = false;
                let _ = writeln!(text, "{}: {e}", path.display());
                None
            }
            Err(e) => {
                let _ = writeln!(text, "{}: {e}: the kernel half is skipped (a note, not a failure)", path.display());
                None
            }
        },
        (k, _) => k,
    };
    if let Some(k) = kernel {
        let mut same = 0;
        for (cmd, (sim_text, sim_status)) in &played {
            let out = k.run(cmd);
            let (k_text, k_status) = (masked(&out.text()), out.status);
            if (&k_text, k_status) == (sim_text, *sim_status) {
                same += 1;
            } else {
                ok = false;
                let _ = writeln!(
                    text,
                    "{}: `{cmd}` differs on the kernel:\n--- kernel (status {k_status})\n{k_text}\n--- simulator (status {sim_status})\n{sim_text}",
                    path.display()
                );
            }
        }
        let _ = writeln!(text, "{}: the kernel agrees on {same}/{} commands", path.display(), played.len());
    }
    Report { text, ok }
}
