//! Reading a script command by command, and `bash`/`sh` as programs: a
//! shell that runs `-c STRING` (or what it reads from stdin) in a child
//! environment, so that nothing it sets leaks out.

use super::Interp;
use crate::output::Output;
use crate::parser::{Commands, ParseError, SyntaxError};
use crate::Env;

/// How a shell reads its commands, which decides how it words errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Typed at the prompt: `bash: MESSAGE`.
    Interactive,
    /// `bash -c STRING`: `bash: line N: MESSAGE`, and syntax errors as
    /// `bash: -c: line N: …` followed by the offending line.
    Command,
    /// A script piped into `bash`: `bash: line N: MESSAGE`.
    Stdin,
}

/// Runs `src` one complete command at a time, as bash reads a script: a
/// syntax error is reported when it is reached and ends the script with
/// status 2, after what came before it ran.
pub async fn run_source(sh: &mut Interp<'_>, src: &str, stdin: &mut String) -> Output {
    let mut out = Output::status(sh.env.last_status);
    let mut commands = Commands::new(src);
    while let Some(next) = commands.next_command() {
        match next {
            Ok(script) => {
                let o = sh.run_script(&script, stdin).await;
                out.extend(o);
                if sh.exiting {
                    break;
                }
            }
            Err(e) => {
                out.err(syntax_message(sh, &e, src));
                sh.env.last_status = 2;
                break;
            }
        }
    }
    out.status = sh.env.last_status;
    out
}

/// A syntax error as this shell words it.
fn syntax_message(sh: &Interp<'_>, e: &SyntaxError, src: &str) -> String {
    let name = &sh.name;
    let source_line = || src.lines().nth(e.line.saturating_sub(1)).unwrap_or_default().to_string();
    match (sh.mode, &*e.error) {
        (super::Mode::Interactive, _) => format!("{}\n", e.error),
        (_, err) if sh.dash() => {
            let what = match err {
                ParseError::UnexpectedToken(t) if t == "newline" => "newline unexpected".to_string(),
                ParseError::UnexpectedToken(t) => format!("\"{t}\" unexpected"),
                ParseError::UnmatchedQuote(_) => "Unterminated quoted string".to_string(),
                ParseError::UnexpectedEof | ParseError::UnmatchedEof(_) => "end of file unexpected".to_string(),
                other => other.message(),
            };
            // dash finds an unterminated quote at the end of the text.
            let line = match err {
                ParseError::UnmatchedQuote(_) => src.matches('\n').count() + 1,
                _ => e.line,
            };
            format!("{name}: {line}: Syntax error: {what}\n")
        }
        (super::Mode::Command, ParseError::UnexpectedToken(_)) => {
            format!(
                "{name}: -c: line {l}: {}\n{name}: -c: line {l}: `{}'\n",
                e.error.message(),
                source_line(),
                l = e.line
            )
        }
        (super::Mode::Command, _) => format!("{name}: -c: line {}: {}\n", e.line, e.error.message()),
        (super::Mode::Stdin, ParseError::UnexpectedToken(_)) => {
            format!("{name}: line {l}: {}\n{name}: line {l}: `{}'\n", e.error.message(), source_line(), l = e.line)
        }
        (super::Mode::Stdin, _) => format!("{name}: line {}: {}\n", e.line, e.error.message()),
    }
}

/// What `bash ARGS` or `sh ARGS` was asked to run.
enum Invocation {
    /// `-c STRING [NAME [ARGS…]]`
    Command { script: String, name: Option<String>, args: Vec<String> },
    /// No operands: the script is stdin.
    Stdin,
    /// A script file (there are none).
    File(String),
}

/// Reads `bash`'s options: single-letter ones are accepted (`-c` takes the
/// command string; `-e`, `-x`, … change nothing here), `--long` ones
/// ignored.
fn invocation(argv: &[String]) -> Result<Invocation, Output> {
    let prog = &argv[0];
    let args = &argv[1..];
    let mut command = false;
    let mut i = 0;
    while let Some(a) = args.get(i) {
        if a == "--" || a == "-" {
            i += 1;
            break;
        }
        if a.starts_with("--") {
            i += 1;
            continue;
        }
        match a.strip_prefix(['-', '+']) {
            Some(flags) if !flags.is_empty() => {
                for c in flags.chars() {
                    match c {
                        'c' => command = true,
                        'e' | 'x' | 'u' | 'v' | 'i' | 'l' | 's' | 'n' | 'f' | 'h' | 'a' | 'b' | 'm' | 'p' | 'r' => {}
                        _ => return Err(Output::error(format!("{prog}: -{c}: invalid option\n"), 2)),
                    }
                }
                i += 1;
            }
            _ => break,
        }
    }
    if command {
        let Some(script) = args.get(i) else {
            return Err(Output::error(format!("{prog}: -c: option requires an argument\n"), 2));
        };
        return Ok(Invocation::Command {
            script: script.clone(),
            name: args.get(i + 1).cloned(),
            args: args.get(i + 2..).map(<[String]>::to_vec).unwrap_or_default(),
        });
    }
    Ok(match args.get(i) {
        Some(file) => Invocation::File(file.clone()),
        None => Invocation::Stdin,
    })
}

/// Runs `bash ARGS` / `sh ARGS` (`argv[0]` names the shell) as a child of
/// `sh`: its environment holds only what `sh` exported, and `stdin` is
/// what it reads; `pid` its `$$` if the machine gave it a process.
pub async fn shell_program(sh: &mut Interp<'_>, argv: &[String], stdin: &str, pid: Option<u32>) -> Output {
    let prog = argv[0].rsplit('/').next().unwrap_or("bash").to_string();
    let how = match invocation(argv) {
        Ok(how) => how,
        Err(out) => return out,
    };
    let mut env = Env::exported_from(sh.env);
    if let Some(pid) = pid {
        env.pid = pid;
    }
    let (script, name, mode, mut input) = match how {
        Invocation::File(file) => {
            return Output::error(format!("{prog}: {file}: No such file or directory\n"), 127);
        }
        Invocation::Stdin => (stdin.to_string(), prog, super::Mode::Stdin, String::new()),
        Invocation::Command { script, name, args } => {
            env.positional = args;
            (script, name.unwrap_or(prog), super::Mode::Command, stdin.to_string())
        }
    };
    sh.child(&mut env, super::Body::Source { src: &script, mode, name }, &mut input).await
}
