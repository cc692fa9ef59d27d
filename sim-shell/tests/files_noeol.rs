//! The text tools over a file whose last line has no newline, which the
//! case files (`data/shell/files.txt`) cannot hold: expected bytes from
//! GNU coreutils 9.1, grep 3.8 and mawk 1.3.4 (`c` holds `noeol`, `a`
//! holds `hello\nmore\n`, `e` is empty), and wc over a stdin that is a
//! file.

use sim_shell::coreutils::{run_coreutil_in, Input};
use sim_shell::files::Files;

#[test]
fn a_last_line_without_newline_reads_as_gnu_reads_it() {
    let files: Files = [("/tmp/a", "hello\nmore\n"), ("/tmp/c", "noeol"), ("/tmp/e", "")]
        .into_iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect();
    let cases: &[(&[&str], &str)] = &[
        (&["cat", "-n", "c", "a"], "     1\tnoeolhello\n     2\tmore\n"),
        (&["cat", "-E", "c", "a"], "noeolhello$\nmore$\n"),
        (&["cat", "-s", "c", "e", "a"], "noeolhello\nmore\n"),
        (&["head", "-c3", "a", "c"], "==> a <==\nhel\n==> c <==\nnoe"),
        (&["head", "-n1", "c", "a"], "==> c <==\nnoeol\n==> a <==\nhello\n"),
        (&["tail", "-n1", "c", "a"], "==> c <==\nnoeol\n==> a <==\nmore\n"),
        (&["tail", "-c2", "c"], "ol"),
        (&["sort", "c", "a"], "hello\nmore\nnoeol\n"),
        (&["grep", "-c", "o", "c", "a"], "c:1\na:2\n"),
        (&["uniq", "c"], "noeol\n"),
        (&["cut", "-c1-3", "c", "a"], "noe\nhel\nmor\n"),
        (&["awk", "{print FILENAME, NR, FNR, $0}", "c", "a"], "c 1 1 noeol\na 2 1 hello\na 3 2 more\n"),
        (&["wc", "-L", "a", "c"], " 5 a\n 5 c\n 5 total\n"),
        (&["wc", "c", "a"], " 0  1  5 c\n 2  2 11 a\n 2  3 16 total\n"),
    ];
    for (argv, want) in cases {
        let argv: Vec<String> = argv.iter().map(|a| a.to_string()).collect();
        let out = run_coreutil_in(&argv, &Input::new("", &files, "/tmp")).expect("a text tool");
        assert_eq!((out.stdout(), out.stderr(), out.status), (want.to_string(), String::new(), 0), "{argv:?}");
    }
}

/// `wc < FILE` sizes its columns by the file, `… | wc` pads to 7: the
/// machine says which stdin is which.
#[test]
fn wc_sizes_its_columns_by_a_stdin_that_is_a_file() {
    let files: Files = [("/tmp/a".to_string(), "hello\nmore\n".to_string())].into_iter().collect();
    let b = "b1\nhello b\n";
    let cases: &[(&[&str], &str, bool, &str)] = &[
        (&["wc"], "hello\nmore\n", true, " 2  2 11\n"),
        (&["wc", "-l", "-"], "hello\nmore\n", true, "2 -\n"),
        (&["wc", "a", "-"], b, true, " 2  2 11 a\n 2  3 11 -\n 4  5 22 total\n"),
        (&["wc"], "hello\nmore\n", false, "      2       2      11\n"),
    ];
    for (argv, stdin, is_file, want) in cases {
        let argv: Vec<String> = argv.iter().map(|a| a.to_string()).collect();
        let mut input = Input::new(stdin, &files, "/tmp");
        if *is_file {
            input = input.stdin_from_file();
        }
        let out = run_coreutil_in(&argv, &input).expect("wc");
        assert_eq!(out.stdout(), *want, "{argv:?}");
    }
}
