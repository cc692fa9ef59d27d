//! Property tests: the shell parser and interpreter, the POSIX regex
//! translator, grep, the other text tools and awk never panic, whatever
//! they are fed.
//!
//! Inputs come from a tiny seeded PRNG (no extra crates), so every run sees
//! the same inputs. Counts per run: 40,000 shell lines (token soup,
//! mutations of real lines, deep nesting; each line may take 300 steps of
//! loops and brace words), 15,000 grep invocations,
//! 15,000 awk programs parsed and 5,000 of them run, 5,000 tool lines over
//! files (rm and touch changing them between): 80,000 in all.

use sim_shell::coreutils::{run_coreutil, run_coreutil_in, run_file_tool, Input};
use sim_shell::files::Files;
use sim_shell::Output;
use sim_shell::{parse, run_line, Env, Programs};

/// Seeded test inputs (oorandom's PCG), the same on every run.
struct Rng(oorandom::Rand64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(oorandom::Rand64::new(u128::from(seed)))
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        (self.0.rand_u64() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Answers every program with a line, except `fail`; `sudo` starts a shell
/// as a machine would. A line may take 300 steps of work.
struct Echo {
    steps: u64,
}

impl Programs for Echo {
    fn run(&mut self, argv: &[String], stdin: &str) -> Output {
        let mut out = Output::new();
        if argv[0] == "fail" {
            out.status = 1;
        } else if argv[0] == "sudo" && argv.len() > 1 {
            return sim_shell::run_shell_program(&argv[1..], stdin, self);
        } else {
            out.out(format!("{} {}\n", argv.len(), stdin.len()));
        }
        out
    }

    fn spend(&mut self, steps: u64) -> bool {
        if self.steps < steps || self.steps == 0 {
            self.steps = 0;
            return false;
        }
        self.steps -= steps;
        true
    }
}

const SHELL_PIECES: &[&str] = &[
    "echo",
    "ip",
    "link",
    "fail",
    "for",
    "in",
    "do",
    "done",
    "if",
    "then",
    "fi",
    "{",
    "}",
    "(",
    ")",
    ";",
    ";;",
    "&&",
    "||",
    "|",
    "|&",
    "&",
    "'",
    "\"",
    "$",
    "${",
    "$(",
    "$((",
    "))",
    "`",
    "\\",
    "#",
    "\n",
    " ",
    "  ",
    "\t",
    "x",
    "y=1",
    "=",
    "$?",
    "$x",
    "${x}",
    "${#x}",
    "${x:-y}",
    "2>",
    ">&",
    "2>&1",
    "<",
    ">",
    ">>",
    "&>",
    "<<",
    "<<<",
    "!",
    "*",
    "~",
    "$'",
    "-n",
    "-e",
    "/dev/null",
    "é",
    "\u{1F600}",
    "0",
    "7",
    "+",
    "-",
    "/",
    "%",
    "export",
    "unset",
    "exit",
    "cd",
    ":",
    "true",
    "false",
    "\r",
    "while",
    "until",
    "elif",
    "else",
    "case",
    "esac",
    ")",
    ";&",
    ";;&",
    "[",
    "]",
    "[[",
    "]]",
    "test",
    "-eq",
    "-z",
    "==",
    "=~",
    "break",
    "continue 2",
    "return",
    "f()",
    "function",
    "f",
    "{a,b}",
    "{1..3}",
    "{01..3..2}",
    "..",
    ",",
    "<<EOF\n",
    "<<-",
    "<<'E'",
    "\nEOF\n",
    "E",
    "bash -c",
    "sh",
    "sudo",
    "read",
    "shift",
    "$1",
    "$@",
    "\"$@\"",
];

const SHELL_SEEDS: &[&str] = &[
    "for if in lo tap1 tap2; do ip link show $if; done",
    "ip -o link | grep UP && echo ok || echo no",
    "x=\"a  b\"; echo $x \"$x\" '$x' $(echo $x) `echo y` $((1+2*3))",
    "for x in a b\ndo\n  echo \"[$x]\" >/dev/null 2>&1\ndone | wc -l",
    "{ echo a; echo b; } | (cat; exit 3); echo $?",
    "echo $'a\\tb' ${#HOME} ~ ~/x \\$ \\\\ # comment",
    "export A=1 B; unset A; echo ${B} $? $$ $# $0",
    "if [ $x -gt 2 ]; then echo big; elif [[ $x == a* ]]; then :; else false; fi",
    "i=0; while [ $i -lt 3 ]; do i=$((i+1)); [ $i = 2 ] && continue; echo $i; done",
    "case $x in a|b*) echo ab;& c) echo c;;& *) echo any;; esac",
    "f() { echo \"$@\" $#; return 3; }; f a b; echo $?; function g { f x; }; g",
    "echo veth{0..2} {a,b{1..3}}c {1..10..3} {z..a..5} {x} {1..2",
    "cat <<EOF\n$HOME $(echo x)\nEOF\ncat <<-'E' | wc -l\n\tlit $x\n\tE\ncat <<< word",
    "bash -c 'echo $0 $1; x=1; exit 4' me one; echo $? $x; sh -c 'nope'",
    "sudo bash -c 'while true; do :; done'; echo after",
    "echo a b | while read p q; do echo $q $p; done; until true; do break; done",
];

fn mutate(rng: &mut Rng, seed: &str) -> String {
    let mut chars: Vec<char> = seed.chars().collect();
    for _ in 0..=rng.below(4) {
        let len = chars.len();
        match rng.below(5) {
            0 if len > 0 => {
                let at = rng.below(len);
                let n = rng.below(4) + 1;
                chars.drain(at..(at + n).min(len));
            }
            1 => {
                let at = rng.below(len + 1);
                let piece: Vec<char> = rng.pick(SHELL_PIECES).chars().collect();
                chars.splice(at..at, piece);
            }
            2 if len > 1 => {
                let (a, b) = (rng.below(len), rng.below(len));
                chars.swap(a, b);
            }
            3 => chars.truncate(rng.below(len + 1)),
            _ if len > 0 => {
                let from = rng.below(len);
                let to = (from + rng.below(8)).min(len);
                let copy: Vec<char> = chars[from..to].to_vec();
                let at = rng.below(len + 1);
                chars.splice(at..at, copy);
            }
            _ => {}
        }
    }
    chars.into_iter().collect()
}

fn soup(rng: &mut Rng, pieces: &[&str], max: usize) -> String {
    (0..rng.below(max)).map(|_| *rng.pick(pieces)).collect()
}

fn run_shell(line: &str) {
    let _ = parse(line);
    let mut env = Env::default();
    let _ = run_line(line, &mut env, &mut Echo { steps: 300 });
}

#[test]
fn shell_never_panics() {
    // The interpreter is async: in a debug build its deepest nesting (64
    // levels) needs about 4 MB of stack, more than a test thread's 2 MB;
    // an optimised build needs 512 KB (measured), half of wasm32's 1 MB.
    let big = std::thread::Builder::new().stack_size(16 << 20).spawn(shell_never_panics_on_this_stack);
    big.expect("a thread").join().expect("no panic");
}

fn shell_never_panics_on_this_stack() {
    let mut rng = Rng::new(0x5eed_0001);
    for _ in 0..20_000 {
        run_shell(&soup(&mut rng, SHELL_PIECES, 30));
    }
    for _ in 0..20_000 {
        let seed = rng.pick(SHELL_SEEDS);
        run_shell(&mutate(&mut rng, seed));
    }
    // Deep nesting must be an error, not a stack overflow.
    for (open, close) in [
        ("$(", ")"),
        ("(", ")"),
        ("{ ", "; }"),
        ("`", "`"),
        ("$((", "))"),
        ("for x in a; do ", "; done"),
        ("if true; then ", "; fi"),
        ("while false; do ", "; done"),
        ("case a in a) ", ";; esac"),
        ("[[ ", " ]]"),
        ("[[ ( ", " ) ]]"),
        ("[[ ! ", " ]]"),
        ("f() { ", "; }"),
        ("bash -c '", "'"),
        ("{a,", "}"),
        ("{", "}"),
        ("\"$(", ")\""),
    ] {
        for depth in [10, 100, 1000, 5000] {
            let line = format!("{}echo{}", open.repeat(depth), close.repeat(depth));
            run_shell(&line);
            run_shell(&open.repeat(depth));
        }
    }
    run_shell(&format!("$(({}1{}))", "(".repeat(5000), ")".repeat(5000)));
}

const REGEX_PIECES: &[&str] = &[
    "a",
    "b",
    ".",
    "*",
    "+",
    "?",
    "(",
    ")",
    "\\(",
    "\\)",
    "{",
    "}",
    "\\{",
    "\\}",
    "[",
    "]",
    "[^",
    "[:alpha:]",
    "[:",
    ":]",
    "[=a=]",
    "[.a.]",
    "-",
    "^",
    "$",
    "|",
    "\\|",
    "\\",
    "\\1",
    "\\w",
    "\\<",
    "\\>",
    "\\b",
    "1",
    ",",
    "2,3",
    "é",
    "\n",
];

#[test]
fn grep_never_panics() {
    let mut rng = Rng::new(0x5eed_0002);
    let flags =
        ["-E", "-F", "-i", "-v", "-w", "-x", "-o", "-c", "-n", "-A1", "-B2", "-C1", "-m1", "-q", "-ow", "-P", "-e"];
    let input = "abc\nfoo bar\na+b (x) {y}\n\naaa\nfoo_bar é\n";
    for _ in 0..15_000 {
        let mut argv = vec!["grep".to_string()];
        for _ in 0..rng.below(3) {
            argv.push(rng.pick(&flags).to_string());
        }
        argv.push(soup(&mut rng, REGEX_PIECES, 10));
        let _ = run_coreutil(&argv, input);
    }
}

#[test]
fn other_text_tools_never_panic() {
    let mut rng = Rng::new(0x5eed_0004);
    let tools = ["head", "tail", "wc", "cat", "sort", "uniq", "cut", "tr", "seq"];
    let args = [
        "-n",
        "-c",
        "-1",
        "+2",
        "-0",
        "-5",
        "3",
        "x",
        "-l",
        "-w",
        "-m",
        "-L",
        "-r",
        "-u",
        "-k",
        "2",
        "2,1",
        "0",
        "-t",
        ":",
        "-d",
        "-f",
        "1-",
        "-3",
        "3-1",
        ",",
        "-s",
        "a-z",
        "[:upper:]",
        "\\n",
        "-cd",
        "--lines=2",
        "--bytes",
        "--",
        "-",
        "file",
        "é",
        "",
        "0.5",
        "-.5",
        "1e1",
        "%g",
        "%03.1f",
        "%",
        "--format=%e",
        "--equal-width",
        "0x1",
    ];
    let input = "b 2\na:1\n\tc é\n10\nb 2\n";
    for _ in 0..5_000 {
        let mut argv = vec![rng.pick(&tools).to_string()];
        for _ in 0..rng.below(5) {
            argv.push(rng.pick(&args).to_string());
        }
        let _ = run_coreutil(&argv, input);
    }
}

/// The tools with file operands (present, missing, directories, stdin),
/// and rm and touch changing those files between them.
#[test]
fn tools_over_files_never_panic() {
    let mut rng = Rng::new(0x5eed_0006);
    let tools = ["grep", "awk", "head", "tail", "wc", "cat", "sort", "uniq", "cut", "rm", "touch"];
    let args = [
        "a",
        "b",
        "/tmp",
        "/",
        "nope",
        "-",
        "e",
        "..",
        "/tmp/a",
        "x=1",
        "-n1",
        "-c",
        "-q",
        "-v",
        "-l",
        "-L",
        "-h",
        "-H",
        "-f",
        "-r",
        "-d",
        "-o",
        "-s",
        "-1",
        "+2",
        "-c1",
        "hello",
        "{print FILENAME, FNR}",
        "{while ((getline l < FILENAME) > 0) n++} END{print n, close(\"a\")}",
        "END{print NR}",
        "--",
        "",
    ];
    let fresh: Files = [("/tmp/a", "hello\nmore\n"), ("/tmp/b", "b1\nhello b"), ("/tmp/e", "")]
        .into_iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect();
    let mut files = fresh.clone();
    for i in 0..5_000 {
        if i % 50 == 0 {
            // After an `rm -r /tmp` there would be nothing left to read.
            files = fresh.clone();
        }
        let mut argv = vec![rng.pick(&tools).to_string()];
        for _ in 0..rng.below(5) {
            argv.push(rng.pick(&args).to_string());
        }
        let out = match run_file_tool(&argv, &mut files, "/tmp") {
            Some(out) => out,
            None => run_coreutil_in(&argv, &Input::new("in1\nin2\n", &files, "/tmp")).expect("a text tool"),
        };
        assert!((0..=2).contains(&out.status), "{argv:?}: {out:?}");
    }
}

const AWK_PIECES: &[&str] = &[
    "BEGIN",
    "END",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    ";",
    "\n",
    " ",
    "print",
    "printf",
    "$",
    "$1",
    "$NF",
    "NF",
    "NR",
    "x",
    "a[1]",
    "=",
    "+=",
    "++",
    "--",
    "+",
    "-",
    "*",
    "/",
    "%",
    "^",
    "!",
    "~",
    "!~",
    "==",
    "<",
    ">",
    ">>",
    "|",
    "&&",
    "||",
    "?",
    ":",
    ",",
    "\"s\"",
    "\"%d%s\"",
    "\"",
    "/re/",
    "/[a/",
    "/",
    "1",
    "0.5",
    "1e3",
    "length",
    "substr(",
    "sub(/a/,\"b\")",
    "gsub(",
    "split(",
    "sprintf(",
    "if",
    "else",
    "in",
    "delete",
    "next",
    "exit",
    "function f(p)",
    "f(",
    "getline",
    "#",
    "\\",
    "toupper(",
];

const AWK_SEEDS: &[&str] = &[
    "/^[0-9]+:/ {sub(/:/, \"\", $2);print$2}",
    "$8 == \"kind-worker\"",
    "NR>1 {n[$7]++} END {for (k in n) print k, n[k]}",
    "BEGIN { FS=\":\"; OFS=\"-\" } { $2 = \"x\"; printf \"%s %5.2f\\n\", $0, NF/3 }",
    "function up(s) { return toupper(substr(s, 1, 1)) substr(s, 2) } { print up($1), length($1) }",
    "{ if ($1 ~ /a/) print \"yes\"; else print \"no\" }",
];

#[test]
fn awk_never_panics() {
    let mut rng = Rng::new(0x5eed_0003);
    let input = "1: lo: <UP> mtu 65536\n2 b c\n\nx y z w\n";
    let mut ran = 0;
    for i in 0..15_000 {
        let program = if i % 2 == 0 {
            soup(&mut rng, AWK_PIECES, 25)
        } else {
            {
                let seed = rng_pick_seed(&mut rng);
                mutate(&mut rng, seed)
            }
        };
        let _ = sim_shell::coreutils::awk::parser::parse(&program);
        // Only programs that cannot loop forever are run.
        let loops = ["while", "for", "do", "getline", "f("].iter().any(|k| program.contains(k));
        if !loops && ran < 5_000 {
            ran += 1;
            let _ = run_coreutil(&["awk".to_string(), program], input);
        }
    }
    for depth in [10, 100, 1000, 5000] {
        for (open, close) in [("(", ")"), ("{", "}"), ("$", ""), ("-", ""), ("!", ""), ("a[", "]")] {
            let program = format!("{{ print {}1{} }}", open.repeat(depth), close.repeat(depth));
            let _ = run_coreutil(&["awk".to_string(), program], input);
        }
    }
    let recursive = "function f(n) { return f(n + 1) } BEGIN { f(1) }".to_string();
    let out = run_coreutil(&["awk".to_string(), recursive], "").expect("awk");
    assert_eq!(out.status, 2);
}

fn rng_pick_seed(rng: &mut Rng) -> &'static str {
    AWK_SEEDS[rng.below(AWK_SEEDS.len())]
}
