//! Data-driven checks of the shell and its text tools against what the
//! real tools print. The expectations in `data/shell/*.txt` are recorded
//! from bash, GNU grep, mawk and coreutils by `data/shell/record.sh`; see
//! that script for the file format. `files.txt` gives the tools files to
//! read (and `rm` and `touch` to change).

use sim_shell::coreutils::{Input, FILE_TOOLS};
use sim_shell::files::Files;
use sim_shell::Output;
use sim_shell::{self as shell, coreutils, Env, Programs};
use std::collections::HashMap;

/// Where the cases run, and their `file:` blocks are.
const CWD: &str = "/tmp";

/// A machine with only the text tools, `rm` and `touch` installed, and
/// the files of a case file.
struct TextTools {
    files: Files,
}

impl Programs for TextTools {
    fn run(&mut self, argv: &[String], stdin: &str) -> Output {
        if let Some(out) = coreutils::run_file_tool(argv, &mut self.files, CWD) {
            return out;
        }
        coreutils::run_coreutil_in(argv, &Input::new(stdin, &self.files, CWD))
            .unwrap_or_else(|| Output::error(format!("bash: {}: command not found\n", argv[0]), 127))
    }

    fn has(&mut self, name: &str) -> bool {
        coreutils::is_coreutil(name) || FILE_TOOLS.contains(&name)
    }
}

/// One recorded case.
#[derive(Debug, Default)]
struct Case {
    line_no: usize,
    input: Option<String>,
    cmd: String,
    stdout: String,
    stderr: String,
    exit: i32,
}

/// Reads a case file: input blocks, files and cases with their recorded
/// results.
fn load(text: &str) -> (Vec<Case>, Files) {
    let mut inputs: HashMap<String, String> = HashMap::new();
    let mut files = Files::new();
    let mut cases: Vec<Case> = Vec::new();
    let mut block: Option<(String, String)> = None;
    let mut section = "";
    for (i, line) in text.lines().enumerate() {
        if let Some((name, body)) = block.as_mut() {
            if line == "@@@" {
                match name.strip_prefix("file:") {
                    Some(file) => files.write(CWD, file, body, false).expect("a file block"),
                    None => {
                        inputs.insert(std::mem::take(name), std::mem::take(body));
                    }
                }
                block = None;
            } else {
                body.push_str(line);
                body.push('\n');
            }
            continue;
        }
        if let Some(name) = line.strip_prefix("@@@ ") {
            block = Some((name.to_string(), String::new()));
        } else if let Some(cmd) = line.strip_prefix("=== ") {
            let mut case = Case { line_no: i + 1, ..Case::default() };
            let mut cmd = cmd.to_string();
            if let Some(rest) = cmd.strip_prefix('<') {
                if let Some((name, after)) = rest.split_once("> ") {
                    let input = inputs.get(name).unwrap_or_else(|| panic!("line {}: no input block {name}", i + 1));
                    case.input = Some(input.clone());
                    cmd = after.to_string();
                }
            }
            case.cmd = cmd.replace('↵', "\n");
            cases.push(case);
            section = "";
        } else if let Some(s) = line.strip_prefix("--- ") {
            let case = cases.last_mut().expect("section before any case");
            if let Some(code) = s.strip_prefix("exit ") {
                case.exit = code.parse().expect("exit code");
            }
            section = if s == "stdout" {
                "stdout"
            } else if s == "stderr" {
                "stderr"
            } else {
                ""
            };
        } else if line == "\\ no newline at end" {
            let case = cases.last_mut().expect("marker before any case");
            let buf = if section == "stdout" { &mut case.stdout } else { &mut case.stderr };
            buf.pop();
        } else if let Some(body) = line.strip_prefix("| ").or(if line == "|" { Some("") } else { None }) {
            let case = cases.last_mut().expect("output before any case");
            let buf = if section == "stdout" { &mut case.stdout } else { &mut case.stderr };
            buf.push_str(body);
            buf.push('\n');
        }
    }
    (cases, files)
}

/// Runs every case of a file and reports all mismatches at once.
fn check_file(name: &str) {
    let path = format!("{}/tests/data/shell/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("case file");
    let (cases, files) = load(&text);
    assert!(!cases.is_empty(), "{name}: no cases");
    let mut failures = Vec::new();
    for case in &cases {
        let mut env = Env::default();
        let mut machine = TextTools { files: files.clone() };
        let out = shell::run_line_with_stdin(&case.cmd, case.input.as_deref().unwrap_or(""), &mut env, &mut machine);
        let (stdout, stderr) = (out.stdout(), out.stderr());
        if stdout != case.stdout || stderr != case.stderr || out.status != case.exit {
            failures.push(format!(
                "{name}:{}: {}\n  want stdout {:?}\n  got  stdout {:?}\n  want stderr {:?}\n  got  stderr {:?}\n  want exit {} got {}",
                case.line_no, case.cmd, case.stdout, stdout, case.stderr, stderr, case.exit, out.status
            ));
        }
    }
    println!("{name}: {} cases, {} failed", cases.len(), failures.len());
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn shell_grammar_matches_bash() {
    check_file("shell.txt");
}

#[test]
fn compound_commands_and_test_match_bash() {
    check_file("control.txt");
}

#[test]
fn brace_expansion_and_here_documents_match_bash() {
    check_file("expansion.txt");
}

#[test]
fn bash_c_matches_bash() {
    check_file("bash-c.txt");
}

#[test]
fn seq_matches_gnu() {
    check_file("seq.txt");
}

#[test]
fn shell_coreutils_match_gnu_and_mawk() {
    check_file("coreutils.txt");
}

#[test]
fn file_operands_rm_and_touch_match_gnu_and_mawk() {
    check_file("files.txt");
}
