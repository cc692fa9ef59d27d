//! `lab-agent lesson check`: every shipped lesson passes, on the simulator
//! and on the real kernel (as root, as CI runs), and broken lessons fail
//! with the file and line of the fault.

use std::process::Command;

fn check(args: &[&str]) -> (i32, String) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_lab-agent"))
        .current_dir(root)
        .args(["lesson", "check"])
        .args(args)
        .output()
        .expect("lab-agent runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn every_shipped_lesson_ticks_step_by_step_and_the_kernel_agrees() {
    // A directory is checked as the site reads it: its NN-slug.md files, not README.md.
    let (status, text) = check(&["../content"]);
    assert_eq!(status, 0, "{text}");
    let lessons = lesson_format::markdown::lesson_files(std::path::Path::new("../content")).unwrap();
    assert!(lessons.len() >= 7 && !text.contains("README"), "{text}");
    let steps = text.lines().filter(|l| l.contains(": step ")).count();
    assert!(steps > 40 && text.lines().filter(|l| l.contains(": step ")).all(|l| l.ends_with(": ticks")), "{text}");
    assert_eq!(text.matches("the kernel agrees on").count(), lessons.len(), "{text}");
}

#[test]
fn broken_lessons_fail_at_their_line() {
    let cases = [
        ("bad-check.md", "tests/data/lessons/bad-check.md:14: in `Make a namespace`: "),
        ("no-title.md", "tests/data/lessons/no-title.md:1: front matter needs a `title:`"),
        ("never-ticks.md", "tests/data/lessons/never-ticks.md: step 1 `Make a namespace`: does not tick: "),
        ("ticks-early.md", "tests/data/lessons/ticks-early.md: step 1 `Make two namespaces`: ticks step 2 too"),
        ("bad-preset.md", "tests/data/lessons/bad-preset.md:4: no lab preset is named `docker-hots`"),
    ];
    for (file, first) in cases {
        let (status, text) = check(&["--sim-only", &format!("tests/data/lessons/{file}")]);
        assert_eq!(status, 1, "{file}: {text}");
        assert!(text.lines().any(|l| l.starts_with(first)), "{file}: expected a line starting {first:?}:\n{text}");
    }
}

/// A lesson that starts from a preset plays from the preset's model on the
/// simulator, and on the kernel after the preset's real-host script; a
/// preset with no script yet is a note, not a failure.
#[test]
fn a_preset_lesson_plays_from_its_preset() {
    let (status, text) = check(&["--sim-only", "tests/data/lessons/preset.md"]);
    assert_eq!(status, 0, "{text}");
    assert!(text.contains("preset.md: step 1 `Make a namespace`: ticks"), "{text}");
    // The kernel half needs root (CI runs as root).
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return;
    }
    let (status, text) = check(&["tests/data/lessons/preset.md"]);
    assert_eq!(status, 0, "{text}");
    match lab_agent::presets::script("docker-host") {
        Ok(_) => assert!(text.contains("the kernel agrees on"), "{text}"),
        Err(_) => assert!(text.contains("preset docker-host: no real-host script"), "{text}"),
    }
}
