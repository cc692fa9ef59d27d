//! The shell's grammar and plumbing, with a fake [`Programs`] that records
//! what it was asked to run and answers predictably.

use sim_shell::{run_line, Env, Programs};
use sim_shell::{Chunk, Output, Stream};

/// Records every call. `fail` exits 1, `ping` prints three lines a second
/// apart, `oops` writes to stderr, anything else prints its argv and stdin.
#[derive(Default)]
struct Fake {
    calls: Vec<(Vec<String>, String)>,
}

impl Programs for Fake {
    fn run(&mut self, argv: &[String], stdin: &str) -> Output {
        self.calls.push((argv.to_vec(), stdin.to_string()));
        let mut out = Output::new();
        match argv[0].as_str() {
            "fail" => out.status = 1,
            "ping" => {
                for i in 1..=3 {
                    out.out_after(if i == 1 { 0 } else { 1000 }, format!("reply {i}\n"));
                }
            }
            "oops" => {
                out.err(format!("{}: broken\n", argv[0]));
                out.status = 3;
            }
            "lines" => out.out("b\na\nc\n"),
            _ => out.out(format!("{}|{}\n", argv.join(","), stdin.escape_default())),
        }
        out
    }
}

fn run(line: &str) -> (Output, Fake) {
    let mut fake = Fake::default();
    let mut env = Env::default();
    let out = run_line(line, &mut env, &mut fake);
    (out, fake)
}

fn argvs(fake: &Fake) -> Vec<String> {
    fake.calls.iter().map(|(a, _)| a.join(" ")).collect()
}

#[test]
fn lesson_for_loop_runs_the_body_per_word() {
    let (out, fake) = run("for if in lo tap1 tap2; do ip link show $if; done");
    assert_eq!(argvs(&fake), ["ip link show lo", "ip link show tap1", "ip link show tap2"]);
    assert_eq!(out.stdout(), "ip,link,show,lo|\nip,link,show,tap1|\nip,link,show,tap2|\n");
    assert_eq!(out.status, 0);
}

#[test]
fn for_loop_over_several_lines() {
    let (_, fake) = run("for ns in red blue\ndo\n  ip netns exec $ns ip a\ndone");
    assert_eq!(argvs(&fake), ["ip netns exec red ip a", "ip netns exec blue ip a"]);
}

#[test]
fn pipe_feeds_stdout_to_stdin() {
    let (out, fake) = run("ip link | grep UP");
    assert_eq!(fake.calls[1].1, "ip,link|\n");
    assert_eq!(out.stdout(), "grep,UP|ip,link|\\n\n");
}

#[test]
fn stderr_of_every_stage_reaches_the_terminal() {
    let (out, _) = run("oops | cat | oops");
    assert_eq!(out.stderr(), "oops: broken\noops: broken\n");
    assert_eq!(out.status, 3);
}

#[test]
fn and_or_short_circuit() {
    let (out, fake) = run("fail && ip a");
    assert!(argvs(&fake) == ["fail"] && out.status == 1);
    let (out, fake) = run("fail || ip a");
    assert_eq!(argvs(&fake), ["fail", "ip a"]);
    assert_eq!(out.status, 0);
    let (_, fake) = run("ip a && fail || ip b && ip c");
    assert_eq!(argvs(&fake), ["ip a", "fail", "ip b", "ip c"]);
}

#[test]
fn status_is_kept_across_lines() {
    let mut fake = Fake::default();
    let mut env = Env::default();
    run_line("fail", &mut env, &mut fake);
    assert_eq!(env.last_status, 1);
    let out = run_line("echo $?", &mut env, &mut fake);
    assert_eq!(out.stdout(), "1\n");
    run_line("x=42", &mut env, &mut fake);
    assert_eq!(run_line("echo $x", &mut env, &mut fake).stdout(), "42\n");
    let out = run_line("nosuch", &mut env, &mut fake);
    assert_eq!(out.status, 0, "the fake knows every program");
}

#[test]
fn quoting_and_escapes_make_argv() {
    let (_, fake) = run(r#"prog "a b" 'c  d' e\ f "$HOME" '$HOME' "x"'y'z"#);
    assert_eq!(fake.calls[0].0, ["prog", "a b", "c  d", "e f", "/root", "$HOME", "xyz"]);
}

#[test]
fn unquoted_expansions_split_and_empty_ones_vanish() {
    let (_, fake) = run("v='eth0  eth1'; e=; prog $v $e \"$e\" end");
    assert_eq!(fake.calls[0].0, ["prog", "eth0", "eth1", "", "end"]);
}

#[test]
fn comments_are_ignored() {
    let (_, fake) = run("prog a # prog b\n# whole line\nprog c#d");
    assert_eq!(argvs(&fake), ["prog a", "prog c#d"]);
}

#[test]
fn command_substitution_uses_program_output() {
    let (out, fake) = run("echo first: $(lines | head -1)");
    assert_eq!(argvs(&fake), ["lines", "head -1"]);
    assert_eq!(out.stdout(), "first: head,-1|b\\na\\nc\\n\n");
}

#[test]
fn prefix_assignments_do_not_stay() {
    let mut fake = Fake::default();
    let mut env = Env::default();
    run_line("LANG=C prog x", &mut env, &mut fake);
    assert_eq!(fake.calls[0].0, ["prog", "x"]);
    assert_eq!(env.get("LANG"), None);
}

#[test]
fn sudo_is_passed_to_the_programs() {
    let (_, fake) = run("sudo ip link add br0 type bridge");
    assert_eq!(fake.calls[0].0[0], "sudo");
}

#[test]
fn delays_survive_a_for_loop() {
    let (out, _) = run("for h in a b; do ping $h; done");
    let chunks: Vec<(u64, &str)> = out.chunks.iter().map(|c| (c.delay_ms, c.text.as_str())).collect();
    // A chunk without delay joins the one before it, as Output does.
    assert_eq!(
        chunks,
        [(0, "reply 1\n"), (1000, "reply 2\n"), (1000, "reply 3\nreply 1\n"), (1000, "reply 2\n"), (1000, "reply 3\n")]
    );
}

#[test]
fn delays_of_a_consumed_stage_come_before_the_next_output() {
    let (out, _) = run("ping x | cat; echo done");
    // The pipe's consumer prints once, after ping's two seconds.
    assert_eq!(out.chunks[0].delay_ms, 2000);
    let (out, _) = run("ping x >/dev/null");
    assert_eq!(out.chunks.iter().map(|c| c.delay_ms).sum::<u64>(), 2000);
    assert_eq!(out.text(), "");
}

#[test]
fn redirections_route_streams() {
    let (out, _) = run("oops 2>/dev/null");
    assert_eq!(out.text(), "");
    assert_eq!(out.status, 3);
    let (out, fake) = run("oops 2>&1 | prog");
    assert_eq!(fake.calls[1].1, "oops: broken\n");
    assert_eq!(out.stderr(), "");
    let (out, _) = run("prog a > out.txt");
    assert_eq!(out.stderr(), "bash: out.txt: Read-only file system\n");
    assert_eq!(out.status, 1);
    let (out, _) = run("echo hi >&2");
    assert_eq!(out.chunks, [Chunk { stream: Stream::Stderr, text: "hi\n".into(), delay_ms: 0 }]);
}

#[test]
fn syntax_errors_run_nothing() {
    for (line, msg) in [
        ("prog a ;; prog b", "bash: syntax error near unexpected token `;;'\n"),
        ("done", "bash: syntax error near unexpected token `done'\n"),
        ("prog 'abc", "bash: unexpected EOF while looking for matching `''\n"),
        ("prog \"abc", "bash: unexpected EOF while looking for matching `\"'\n"),
        ("for x in a; do prog", "bash: syntax error: unexpected end of file\n"),
        ("prog a | | prog b", "bash: syntax error near unexpected token `|'\n"),
        ("prog >", "bash: syntax error near unexpected token `newline'\n"),
        ("select x in a; do prog; done", "bash: select: not supported by this shell\n"),
    ] {
        let mut fake = Fake::default();
        let mut env = Env::default();
        let out = run_line(line, &mut env, &mut fake);
        assert_eq!((out.stderr().as_str(), out.status), (msg, 2), "{line}");
        assert!(fake.calls.is_empty(), "{line} ran something");
        assert_eq!(env.last_status, 2);
    }
}

#[test]
fn background_ampersand_runs_in_order() {
    let (out, _) = run("echo a & echo b");
    assert_eq!(out.stdout(), "a\nb\n");
}

#[test]
fn exit_stops_the_line() {
    let (out, fake) = run("prog a; exit 4; prog b");
    assert_eq!(argvs(&fake), ["prog a"]);
    assert_eq!(out.status, 4);
}

#[test]
fn empty_line_keeps_status() {
    let mut fake = Fake::default();
    let mut env = Env::default();
    run_line("fail", &mut env, &mut fake);
    let out = run_line("   # nothing", &mut env, &mut fake);
    assert_eq!(out.status, 1);
    assert!(out.chunks.is_empty());
}

#[test]
fn an_endless_loop_ends_as_ctrl_c_would() {
    for line in [
        "while true; do :; done",
        "until false; do prog; done >/dev/null",
        "while :; do echo y; done | prog",
        "x=$(while true; do :; done)",
        "echo {1..10000000}",
        "for i in {1..1000}; do for j in {1..1000}; do :; done; done",
        "bash -c 'while true; do :; done'",
    ] {
        let mut fake = Fake::default();
        let mut env = Env::default();
        let out = run_line(&format!("{line}; prog after"), &mut env, &mut fake);
        assert_eq!((out.status, env.last_status), (130, 130), "{line}");
        assert!(out.stdout().ends_with("^C\n"), "{line}: {:?}", out.stdout());
        assert!(!argvs(&fake).contains(&"prog after".to_string()), "{line}: the rest of the line ran");
        // The next line runs normally.
        assert_eq!(run_line("echo $?", &mut env, &mut fake).stdout(), "130\n");
    }
}

/// A machine that allows `left` steps in all.
struct Budget {
    left: u64,
    calls: usize,
}

impl Programs for Budget {
    fn run(&mut self, argv: &[String], stdin: &str) -> Output {
        self.calls += 1;
        if argv[0] == "sudo" {
            // A program that starts a shell itself.
            return sim_shell::run_shell_program(&argv[1..], stdin, self);
        }
        Output::new()
    }

    fn spend(&mut self, steps: u64) -> bool {
        if self.left == 0 || steps > self.left {
            self.left = 0;
            return false;
        }
        self.left -= steps;
        true
    }
}

#[test]
fn the_machine_counts_the_steps_of_every_shell() {
    let mut machine = Budget { left: 50, calls: 0 };
    let mut env = Env::default();
    let out = run_line("sudo bash -c 'while true; do prog; done'; prog after", &mut env, &mut machine);
    assert_eq!(out.status, 130);
    assert_eq!(out.stdout(), "^C\n");
    // sudo, then prog in each of the 50 iterations the machine allows.
    assert_eq!(machine.calls, 51);
    let (out, _) = run("f() { f; }; f; prog after");
    assert_eq!(out.stderr(), "bash: f: maximum function nesting level exceeded (64)\n");
}

#[test]
fn commands_not_found_are_worded_by_the_shell_that_ran_them() {
    struct Nothing;
    impl Programs for Nothing {
        fn run(&mut self, _: &[String], _: &str) -> Output {
            unreachable!("no program exists")
        }
        fn has(&mut self, _: &str) -> bool {
            false
        }
    }
    let mut env = Env::default();
    for (line, err) in [
        ("nosuch", "bash: nosuch: command not found\n"),
        ("bash -c 'nosuch'", "bash: line 1: nosuch: command not found\n"),
        ("bash -c 'true\nnosuch' me", "me: line 2: nosuch: command not found\n"),
        ("sh -c 'nosuch'", "sh: 1: nosuch: not found\n"),
        ("./script.sh", "bash: ./script.sh: No such file or directory\n"),
    ] {
        let out = run_line(line, &mut env, &mut Nothing);
        assert_eq!((out.stderr().as_str(), out.status), (err, 127), "{line}");
    }
}

#[test]
fn bash_c_hands_its_commands_to_the_programs() {
    let (out, fake) = run("bash -c 'ip addr; ip route' | prog");
    assert_eq!(argvs(&fake), ["ip addr", "ip route", "prog"]);
    assert_eq!(out.stdout(), "prog|ip,addr|\\nip,route|\\n\n");
    let (_, fake) = run("export NS=red; bash -c 'ip netns exec $NS ip a; echo $1' x y");
    assert_eq!(argvs(&fake), ["ip netns exec red ip a"]);
}

#[test]
fn here_documents_feed_stdin() {
    let (_, fake) = run("prog <<EOF\nline $((1+1))\nEOF\nprog <<'X' | prog\n$HOME\nX\nprog <<< word");
    let stdins: Vec<&str> = fake.calls.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(stdins, ["line 2\n", "$HOME\n", "prog|$HOME\\n\n", "word\n"]);
}

#[test]
fn a_script_runs_until_its_syntax_error() {
    let (out, fake) = run("prog a\nprog b; fi\nprog c");
    assert_eq!(argvs(&fake), ["prog a"]);
    assert_eq!(out.stderr(), "bash: syntax error near unexpected token `fi'\n");
    assert_eq!(out.status, 2);
}

#[test]
fn control_flow_drives_programs() {
    let (_, fake) = run(
        "for ns in red blue; do if [ $ns = red ]; then ip netns add $ns; else case $ns in b*) ip link;; esac; fi; done",
    );
    assert_eq!(argvs(&fake), ["ip netns add red", "ip link"]);
    let (_, fake) = run("setup() { ip netns add \"$1\"; ip -n \"$1\" link set lo up; }; setup red; setup blue");
    assert_eq!(
        argvs(&fake),
        ["ip netns add red", "ip -n red link set lo up", "ip netns add blue", "ip -n blue link set lo up"]
    );
    let (_, fake) = run("ip link add veth{0..1} type veth; lines | while read l; do prog $l; done");
    assert_eq!(argvs(&fake), ["ip link add veth0 veth1 type veth", "lines", "prog b", "prog a", "prog c"]);
}
