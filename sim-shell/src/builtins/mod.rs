//! Commands the shell runs itself: `echo`, `printf`, `true`, `false`, `:`, `export`,
//! `unset`, `exit`, `cd`, `test`/`[`, `read`, `shift`, `local`, and the loop and
//! function controls `break`, `continue`, `return`.

mod flow;
pub(crate) mod printf;
mod test;

pub(crate) use test::is_unary_operator;

use super::exec::Interp;
use super::parser::is_name;
use crate::output::Output;

/// Runs `argv` if it names a builtin; `None` otherwise. `stdin` is what the
/// command may read (`read` takes one line of it).
pub(super) fn run(sh: &mut Interp<'_>, argv: &[String], stdin: &mut String) -> Option<Output> {
    let name = argv.first()?;
    let args = &argv[1..];
    Some(match name.as_str() {
        "echo" => echo(args),
        "printf" => printf::run(sh, args),
        "true" | ":" => Output::status(0),
        "false" => Output::status(1),
        "export" => export(sh, args),
        "unset" => unset(sh, args),
        "exit" => exit(sh, args),
        "test" | "[" => test::run(sh, name, args),
        "break" | "continue" => flow::break_continue(sh, name, args),
        "return" => flow::return_(sh, args),
        "read" => flow::read(sh, args, stdin),
        "shift" => flow::shift(sh, args),
        "local" => flow::local(sh, args),
        // There is no filesystem to move around in.
        "cd" => Output::status(0),
        #[cfg(feature = "jobs")]
        "jobs" => crate::jobs::builtins::jobs(sh, args),
        #[cfg(feature = "jobs")]
        "kill" => crate::jobs::builtins::kill(sh, args),
        #[cfg(feature = "jobs")]
        "fg" | "bg" => crate::jobs::builtins::fg_bg(sh, name),
        #[cfg(feature = "jobs")]
        "disown" => crate::jobs::builtins::disown(sh, args),
        _ => return None,
    })
}

/// `echo [-neE] ARGS`: options count only while every letter is n, e or E.
fn echo(args: &[String]) -> Output {
    let mut newline = true;
    let mut escapes = false;
    let mut i = 0;
    while let Some(a) = args.get(i) {
        let flags = match a.strip_prefix('-') {
            Some(f) if !f.is_empty() && f.chars().all(|c| matches!(c, 'n' | 'e' | 'E')) => f,
            _ => break,
        };
        for c in flags.chars() {
            match c {
                'n' => newline = false,
                'e' => escapes = true,
                _ => escapes = false,
            }
        }
        i += 1;
    }
    let mut text = args[i..].join(" ");
    if escapes {
        let (t, stop) = unescape(&text);
        text = t;
        if stop {
            newline = false;
        }
    }
    if newline {
        text.push('\n');
    }
    let mut out = Output::new();
    out.out(text);
    out
}

/// `echo -e` escapes. The flag is true when `\c` cut the output short.
fn unescape(s: &str) -> (String, bool) {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            None => out.push('\\'),
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('a') => out.push('\x07'),
            Some('b') => out.push('\x08'),
            Some('e' | 'E') => out.push('\x1b'),
            Some('f') => out.push('\x0c'),
            Some('v') => out.push('\x0b'),
            Some('\\') => out.push('\\'),
            Some('c') => return (out, true),
            Some('0') => {
                let mut n = 0u32;
                for _ in 0..3 {
                    match chars.peek().and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            n = n * 8 + d;
                            chars.next();
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(n).unwrap_or('\0'));
            }
            Some('x') => {
                let mut n = 0u32;
                let mut digits = 0;
                while digits < 2 {
                    match chars.peek().and_then(|d| d.to_digit(16)) {
                        Some(d) => {
                            n = n * 16 + d;
                            chars.next();
                            digits += 1;
                        }
                        None => break,
                    }
                }
                if digits == 0 {
                    out.push_str("\\x");
                } else {
                    out.push(char::from_u32(n).unwrap_or('\0'));
                }
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    (out, false)
}

/// `export [-n] [NAME[=VALUE]]…`; with no names, lists exported variables.
fn export(sh: &mut Interp<'_>, args: &[String]) -> Output {
    let mut out = Output::new();
    let mut unexport = false;
    let mut names = Vec::new();
    for a in args {
        match a.as_str() {
            "-n" => unexport = true,
            "-p" | "--" => {}
            _ => names.push(a),
        }
    }
    if names.is_empty() {
        for (name, var) in sh.env.vars.iter().filter(|(_, v)| v.exported) {
            out.out(format!("declare -x {name}=\"{}\"\n", quote_for_declare(&var.value)));
        }
        return out;
    }
    for a in names {
        let (name, value) = match a.split_once('=') {
            Some((n, v)) => (n, Some(v)),
            None => (a.as_str(), None),
        };
        if !is_name(name) {
            out.err(format!("{}export: `{a}': not a valid identifier\n", sh.prefix()));
            out.status = 1;
            continue;
        }
        if let Some(v) = value {
            sh.env.set(name, v.to_string());
        }
        sh.env.set_exported(name, !unexport);
    }
    out
}

/// Escapes what `declare -p` escapes inside double quotes.
fn quote_for_declare(v: &str) -> String {
    let mut s = String::new();
    for c in v.chars() {
        if matches!(c, '"' | '\\' | '$' | '`') {
            s.push('\\');
        }
        s.push(c);
    }
    s
}

/// `unset [-v|-f] NAME…`: a variable, or with `-f` a function (without
/// either, the function only when no variable has the name).
fn unset(sh: &mut Interp<'_>, args: &[String]) -> Output {
    let mut out = Output::new();
    let functions = args.iter().any(|a| a == "-f");
    let variables = args.iter().any(|a| a == "-v");
    for a in args.iter().filter(|a| !matches!(a.as_str(), "-v" | "-f" | "--")) {
        if functions {
            sh.env.functions.retain(|(n, _)| n != a);
            continue;
        }
        if !is_name(a) {
            out.err(format!("{}unset: `{a}': not a valid identifier\n", sh.prefix()));
            out.status = 1;
            continue;
        }
        if sh.env.vars.remove(a.as_str()).is_none() && !variables {
            sh.env.functions.retain(|(n, _)| n != a);
        }
    }
    out
}

/// `exit [N]`: ends this line (or the subshell) with status N.
fn exit(sh: &mut Interp<'_>, args: &[String]) -> Output {
    sh.exiting = true;
    let Some(arg) = args.first() else {
        return Output::status(sh.env.last_status);
    };
    match arg.trim().parse::<i64>() {
        Ok(n) if args.len() == 1 => Output::status((n & 0xff) as i32),
        Ok(_) => {
            sh.exiting = false;
            Output::error(format!("{}exit: too many arguments\n", sh.prefix()), 1)
        }
        Err(_) => Output::error(format!("{}exit: {arg}: numeric argument required\n", sh.prefix()), 2),
    }
}
