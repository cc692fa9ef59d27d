//! printf against bash 5.2's builtin.

use crate::{run_line, Env, Programs};

struct None_;
impl Programs for None_ {
    fn run(&mut self, _: &[String], _: &str) -> crate::Output {
        crate::Output::status(127)
    }
}

fn sh(line: &str) -> (String, i32) {
    let o = run_line(line, &mut Env::default(), &mut None_);
    (o.text(), o.status)
}

/// Expected texts from bash 5.2's builtin.
#[test]
fn prints_as_bash() {
    assert_eq!(sh(r"printf 'HTTP/1.0 200 OK\r\n\r\nhello\n'").0, "HTTP/1.0 200 OK\r\n\r\nhello\n");
    assert_eq!(sh(r#"printf "%d %s|\n" 1 a 2"#).0, "1 a|\n2 |\n");
    assert_eq!(
        sh(r#"printf "%5s|%-5s|%05d|%x|%o|%c|%%|%b\n" ab cd 42 255 8 xyz "a\tb""#).0,
        "   ab|cd   |00042|ff|10|x|%|a\tb\n"
    );
    assert_eq!(sh(r#"printf "%q\n" "a b""#).0, "a\\ b\n");
    assert_eq!(sh(r#"printf -v x "%s-" a b; echo "$x""#).0, "a-b-\n");
    assert_eq!(sh(r"printf '\x41\101|\c|\n'").0, "AA|\\c|\n");
    assert_eq!(sh(r#"printf "%.2f %e %g\n" 3.14159 1234.5 0.0001"#).0, "3.14 1.234500e+03 0.0001\n");
    assert_eq!(sh(r#"printf "%d\n" "'A""#).0, "65\n");
    assert_eq!(sh("printf"), ("printf: usage: printf [-v var] format [arguments]\n".into(), 2));
    assert_eq!(sh(r#"printf "%d\n" abc"#), ("bash: printf: abc: invalid number\n0\n".into(), 1));
}
