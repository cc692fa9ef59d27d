//! `break`, `continue`, `return`, `shift` and `read`: the builtins that steer
//! loops and functions or consume their input.

use crate::exec::{Flow, Interp};
use crate::output::Output;
use crate::parser::is_name;

/// `break [N]` / `continue [N]`.
pub fn break_continue(sh: &mut Interp<'_>, name: &str, args: &[String]) -> Output {
    if sh.loops == 0 {
        return Output::error(
            format!("{}{name}: only meaningful in a `for', `while', or `until' loop\n", sh.prefix()),
            0,
        );
    }
    let n = match args.first() {
        None => 1,
        Some(a) => match a.trim().parse::<i64>() {
            Ok(n) if n >= 1 => usize::try_from(n).unwrap_or(usize::MAX).min(sh.loops),
            Ok(_) => {
                sh.flow = Some(Flow::Break(sh.loops));
                return Output::error(format!("{}{name}: {a}: loop count out of range\n", sh.prefix()), 1);
            }
            Err(_) => {
                // bash abandons the whole command line.
                sh.exiting = true;
                sh.env.last_status = 128;
                return Output::error(format!("{}{name}: {a}: numeric argument required\n", sh.prefix()), 128);
            }
        },
    };
    sh.flow = Some(if name == "break" { Flow::Break(n) } else { Flow::Continue(n) });
    Output::status(0)
}

/// `return [N]`: leaves the running function with status N (default `$?`).
pub fn return_(sh: &mut Interp<'_>, args: &[String]) -> Output {
    if sh.calls == 0 {
        return Output::error(
            format!("{}return: can only `return' from a function or sourced script\n", sh.prefix()),
            2,
        );
    }
    let status = match args.first() {
        None => sh.env.last_status,
        Some(a) => match a.trim().parse::<i64>() {
            Ok(n) => (n & 0xff) as i32,
            Err(_) => {
                sh.flow = Some(Flow::Return);
                return Output::error(format!("{}return: {a}: numeric argument required\n", sh.prefix()), 2);
            }
        },
    };
    sh.flow = Some(Flow::Return);
    Output::status(status)
}

/// `local NAME[=VALUE]…`: variables that the running function call gets
/// to itself; their old values come back when it returns.
pub fn local(sh: &mut Interp<'_>, args: &[String]) -> Output {
    if sh.locals.is_empty() {
        return Output::error(format!("{}local: can only be used in a function\n", sh.prefix()), 1);
    }
    let mut out = Output::new();
    for a in args {
        let (name, value) = match a.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (a.as_str(), None),
        };
        if !is_name(name) {
            out.err(format!("{}local: `{a}': not a valid identifier\n", sh.prefix()));
            out.status = 1;
            continue;
        }
        let old = sh.env.vars.get(name).cloned();
        if let Some(frame) = sh.locals.last_mut() {
            if !frame.iter().any(|(n, _)| n == name) {
                frame.push((name.to_string(), old));
            }
        }
        sh.env.set(name, value.unwrap_or_default());
    }
    out
}

/// `shift [N]`: drops the first N positional parameters.
pub fn shift(sh: &mut Interp<'_>, args: &[String]) -> Output {
    let n = match args.first().map(|a| a.trim().parse::<usize>()) {
        None => 1,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            let a = &args[0];
            return Output::error(format!("{}shift: {a}: numeric argument required\n", sh.prefix()), 1);
        }
    };
    if n > sh.env.positional.len() {
        return Output::status(1);
    }
    sh.env.positional.drain(..n);
    Output::status(0)
}

/// `read [-r] [NAME…]`: one line of stdin, split on `$IFS` into the names
/// (the last takes the rest; `REPLY` when none is given). Status 1 at the
/// end of input.
pub fn read(sh: &mut Interp<'_>, args: &[String], stdin: &mut String) -> Output {
    let mut raw = false;
    let mut names = Vec::new();
    for a in args {
        match a.as_str() {
            "-r" => raw = true,
            _ if a.starts_with('-') && names.is_empty() => {
                let msg = format!("{}read: {a}: invalid option\nread: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n", sh.prefix());
                return Output::error(msg, 2);
            }
            _ => names.push(a.clone()),
        }
    }
    for n in &names {
        if !is_name(n) {
            return Output::error(format!("{}read: `{n}': not a valid identifier\n", sh.prefix()), 1);
        }
    }
    // One logical line: up to a newline, or a backslash-newline goes on.
    let mut line = String::new();
    let mut found_newline = false;
    let mut consumed = 0;
    let mut chars = stdin.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        consumed = i + c.len_utf8();
        match c {
            '\n' => {
                found_newline = true;
                break;
            }
            '\\' if !raw => match chars.next() {
                Some((j, '\n')) => consumed = j + 1,
                Some((j, n)) => {
                    consumed = j + n.len_utf8();
                    line.push('\u{0}');
                    line.push(n);
                }
                None => {}
            },
            _ => line.push(c),
        }
    }
    stdin.drain(..consumed);
    let ifs = sh.env.get("IFS").unwrap_or(" \t\n").to_string();
    let unescape = |s: &str| s.replace('\u{0}', "");
    if names.is_empty() {
        sh.env.set("REPLY", unescape(&line));
    } else {
        let values = split_for_read(&line, &ifs, names.len());
        for (i, name) in names.iter().enumerate() {
            sh.env.set(name, unescape(values.get(i).map_or("", String::as_str)));
        }
    }
    Output::status(if found_newline { 0 } else { 1 })
}

/// Splits `line` into at most `n` fields on `ifs`; the last field keeps
/// the rest of the line, without the blanks around it. Characters marked
/// by a preceding NUL were escaped and never split.
fn split_for_read(line: &str, ifs: &str, n: usize) -> Vec<String> {
    let is_sep = |c: char| ifs.contains(c);
    let mut fields = Vec::new();
    let mut rest = line.trim_start_matches(|c: char| is_sep(c) && c.is_whitespace());
    while fields.len() + 1 < n && !rest.is_empty() {
        let mut end = rest.len();
        let mut escaped = false;
        for (i, c) in rest.char_indices() {
            if escaped {
                escaped = false;
                continue;
            }
            if c == '\u{0}' {
                escaped = true;
                continue;
            }
            if is_sep(c) {
                end = i;
                break;
            }
        }
        fields.push(rest[..end].to_string());
        rest = &rest[end..];
        // Skip blanks, at most one non-blank separator, then blanks again.
        rest = rest.trim_start_matches(|c: char| is_sep(c) && c.is_whitespace());
        if let Some(c) = rest.chars().next() {
            if is_sep(c) && !c.is_whitespace() {
                rest = &rest[c.len_utf8()..];
                rest = rest.trim_start_matches(|c: char| is_sep(c) && c.is_whitespace());
            }
        }
    }
    let last = rest.trim_end_matches(|c: char| is_sep(c) && c.is_whitespace());
    if !last.is_empty() || fields.len() < n {
        fields.push(last.to_string());
    }
    fields
}
