//! `touch FILE...`: makes each missing file, empty, in the machine's
//! [`Files`]; an existing file or directory is left as it is (there are no
//! times to change). `-c` makes nothing; `-a`, `-m`, `-d`, `-t` are
//! accepted; `-r REF` needs REF to exist.

use super::args::{self, Arg, Spec};
use super::input::quote;
use crate::files::Files;
use crate::output::Output;

const SPEC: Spec = Spec {
    flags: "acmfh",
    with_arg: "dtr",
    longs: &[("no-create", false, 'c'), ("date", true, 'd'), ("reference", true, 'r'), ("no-dereference", false, 'h')],
    permute: true,
};

/// Runs touch.
pub fn run(argv: &[String], files: &mut Files, cwd: &str) -> Output {
    let parsed = match args::parse(&argv[1.min(argv.len())..], &SPEC) {
        Ok(p) => p,
        Err(e) => return args::usage_error("touch", e, 1),
    };
    let mut create = true;
    let mut operands = Vec::new();
    for a in parsed {
        match a {
            Arg::Opt('c', _) => create = false,
            Arg::Opt('r', Some(reference)) if files.kind(cwd, &reference).is_none() => {
                let name = quote(&reference, true);
                return Output::error(
                    format!("touch: failed to get attributes of {name}: No such file or directory\n"),
                    1,
                );
            }
            Arg::Opt(..) => {}
            Arg::Operand(f) => operands.push(f),
        }
    }
    if operands.is_empty() {
        return args::usage_error("touch", "missing file operand", 1);
    }
    let mut out = Output::new();
    for op in &operands {
        // `-` is stdout, which touch leaves alone.
        if op == "-" || !create || files.kind(cwd, op).is_some() {
            continue;
        }
        if let Err(e) = files.write(cwd, op, "", false) {
            out.err(format!("touch: cannot touch {}: {}\n", quote(op, true), e.text()));
            out.status = 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(line: &str, files: &mut Files) -> (String, i32) {
        let argv: Vec<String> = line.split(' ').map(String::from).collect();
        let out = run(&argv, files, "/tmp");
        (out.chunks.iter().map(|c| c.text.as_str()).collect(), out.status)
    }

    /// Expected texts from GNU touch 9.1.
    #[test]
    fn touch_makes_empty_files_and_words_what_fails_as_gnu_touch() {
        let mut fs: Files = [("/tmp/a".to_string(), "kept\n".to_string())].into_iter().collect();
        let cases: &[(&str, &str, i32)] = &[
            ("touch", "touch: missing file operand\nTry 'touch --help' for more information.\n", 1),
            ("touch -x", "touch: invalid option -- 'x'\nTry 'touch --help' for more information.\n", 1),
            ("touch --bogus", "touch: unrecognized option '--bogus'\nTry 'touch --help' for more information.\n", 1),
            ("touch /nonexistent/x", "touch: cannot touch '/nonexistent/x': No such file or directory\n", 1),
            ("touch /proc/x", "touch: cannot touch '/proc/x': No such file or directory\n", 1),
            ("touch /tmp a", "", 0),
            ("touch -c nope", "", 0),
            ("touch -r nope x1", "touch: failed to get attributes of 'nope': No such file or directory\n", 1),
            ("touch nope2/x /tmp/t1", "touch: cannot touch 'nope2/x': No such file or directory\n", 1),
            ("touch -r a t2", "", 0),
        ];
        for (line, want, status) in cases {
            assert_eq!(touch(line, &mut fs), (want.to_string(), *status), "{line}");
        }
        let want: Files = [("/tmp/a", "kept\n"), ("/tmp/t1", ""), ("/tmp/t2", "")]
            .into_iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect();
        assert_eq!(fs, want);
    }
}
