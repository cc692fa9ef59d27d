//! `rm [-f] [-r] [-d] [-v] FILE...`: removes files from the machine's
//! [`Files`], worded as GNU rm 9.1.
//!
//! The directories are the host's own and fixed: `rm -r DIR` removes the
//! files under DIR and leaves DIR itself (a real root would remove it
//! too); `rm -d DIR` finds it not empty, as a Debian host's are. `-i`
//! (which asks on stdin) is not supported.

use super::args::{self, Arg, Spec};
use super::input::quote;
use crate::files::{FileError, Files, Kind};
use crate::output::Output;

const SPEC: Spec = Spec {
    flags: "frRdv",
    with_arg: "",
    longs: &[("force", false, 'f'), ("recursive", false, 'r'), ("dir", false, 'd'), ("verbose", false, 'v')],
    permute: true,
};

/// Runs rm.
pub fn run(argv: &[String], files: &mut Files, cwd: &str) -> Output {
    let parsed = match args::parse(&argv[1.min(argv.len())..], &SPEC) {
        Ok(p) => p,
        Err(e) => return args::usage_error("rm", e, 1),
    };
    let (mut force, mut recursive, mut dir, mut verbose) = (false, false, false, false);
    let mut operands = Vec::new();
    for a in parsed {
        match a {
            Arg::Opt('f', _) => force = true,
            Arg::Opt('r' | 'R', _) => recursive = true,
            Arg::Opt('d', _) => dir = true,
            Arg::Opt('v', _) => verbose = true,
            Arg::Opt(..) => {}
            Arg::Operand(f) => operands.push(f),
        }
    }
    let mut out = Output::new();
    if operands.is_empty() {
        if !force {
            return args::usage_error("rm", "missing operand", 1);
        }
        return out;
    }
    for op in &operands {
        let last = op.trim_end_matches('/').rsplit('/').next().unwrap_or("");
        if recursive && matches!(last, "." | "..") {
            out.err(format!("rm: refusing to remove '.' or '..' directory: skipping {}\n", quote(op, true)));
            out.status = 1;
            continue;
        }
        if recursive && files.is_root(cwd, op) {
            out.err(format!(
                "rm: it is dangerous to operate recursively on {}\nrm: use --no-preserve-root to override this failsafe\n",
                quote(op, true)
            ));
            out.status = 1;
            continue;
        }
        let failed = match files.kind(cwd, op) {
            Some(Kind::File) => files.remove(cwd, op).err(),
            Some(Kind::Dir) if recursive => {
                for removed in files.remove_under(cwd, op) {
                    if verbose {
                        out.out(format!(
                            "removed {}\n",
                            quote(&format!("{}/{removed}", op.trim_end_matches('/')), true)
                        ));
                    }
                }
                continue;
            }
            Some(Kind::Dir) if dir => {
                out.err(format!("rm: cannot remove {}: Directory not empty\n", quote(op, true)));
                out.status = 1;
                continue;
            }
            Some(Kind::Dir) => Some(FileError::IsADirectory),
            None if force => continue,
            None => Some(FileError::NotFound),
        };
        match failed {
            Some(e) => {
                out.err(format!("rm: cannot remove {}: {}\n", quote(op, true), e.text()));
                out.status = 1;
            }
            None if verbose => out.out(format!("removed {}\n", quote(op, true))),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rm(line: &str, files: &mut Files) -> (String, i32) {
        let argv: Vec<String> = line.split(' ').map(String::from).collect();
        let out = run(&argv, files, "/tmp");
        (out.chunks.iter().map(|c| c.text.as_str()).collect(), out.status)
    }

    fn machine() -> Files {
        ["/tmp/a", "/tmp/b", "/etc/x"].into_iter().map(|p| (p.to_string(), "x\n".to_string())).collect()
    }

    /// Expected texts from GNU rm 9.1 (see sim-core/tests/data/files/).
    #[test]
    fn rm_removes_and_words_what_fails_as_gnu_rm() {
        let mut fs = machine();
        let cases: &[(&str, &str, i32)] = &[
            ("rm", "rm: missing operand\nTry 'rm --help' for more information.\n", 1),
            ("rm -f", "", 0),
            ("rm -x a", "rm: invalid option -- 'x'\nTry 'rm --help' for more information.\n", 1),
            ("rm --bogus", "rm: unrecognized option '--bogus'\nTry 'rm --help' for more information.\n", 1),
            ("rm /tmp/nslab-nope", "rm: cannot remove '/tmp/nslab-nope': No such file or directory\n", 1),
            ("rm -f /tmp/nslab-nope", "", 0),
            ("rm -rf nope", "", 0),
            ("rm /tmp", "rm: cannot remove '/tmp': Is a directory\n", 1),
            ("rm -f /tmp", "rm: cannot remove '/tmp': Is a directory\n", 1),
            ("rm -d /tmp", "rm: cannot remove '/tmp': Directory not empty\n", 1),
            (
                "rm nope a nope2",
                "rm: cannot remove 'nope': No such file or directory\nrm: cannot remove 'nope2': No such file or directory\n",
                1,
            ),
            ("rm a", "rm: cannot remove 'a': No such file or directory\n", 1),
            ("rm -v b", "removed 'b'\n", 0),
            ("rm -- -f", "rm: cannot remove '-f': No such file or directory\n", 1),
            ("rm -r /.", "rm: refusing to remove '.' or '..' directory: skipping '/.'\n", 1),
            (
                "rm -rf /",
                "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n",
                1,
            ),
            ("rm it's", "rm: cannot remove \"it's\": No such file or directory\n", 1),
        ];
        for (line, want, status) in cases {
            assert_eq!(rm(line, &mut fs), (want.to_string(), *status), "{line}");
        }
        assert_eq!(fs, ["/etc/x"].into_iter().map(|p| (p.to_string(), "x\n".to_string())).collect());
        assert_eq!(rm("rm -rv /etc/", &mut fs), ("removed '/etc/x'\n".to_string(), 0));
        assert_eq!(fs, Files::new());
    }
}
