//! nc's command line and the pieces of its texts, checked against the
//! recorded behaviour (`tests/data/sockets/nc-errors.txt`).

use super::opts::{client_ports, parse, service_port, strtonum};
use super::{inet_aton, Fail};

fn args(line: &str) -> Vec<String> {
    std::iter::once("nc").chain(line.split_whitespace()).map(str::to_string).collect()
}

fn err(line: &str) -> String {
    match parse(&args(line)) {
        Ok(_) => "ok".into(),
        Err(Fail { text, .. }) => text.lines().next().unwrap_or_default().to_string(),
    }
}

#[test]
fn option_errors_are_netcats() {
    assert_eq!(err(""), "usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]");
    assert_eq!(err("10.0.0.2"), "nc: missing port number");
    assert_eq!(err("-lu"), "nc: missing port number");
    assert_eq!(err("-Q"), "nc: invalid option -- 'Q'");
    assert_eq!(err("-w"), "nc: option requires an argument -- 'w'");
    assert_eq!(err("-w abc 10.0.0.2 80"), "nc: timeout invalid: abc");
    assert_eq!(err("-w -1 10.0.0.2 80"), "nc: timeout too small: -1");
    assert_eq!(err("-w 99999999999 10.0.0.2 80"), "nc: timeout too large: 99999999999");
    assert_eq!(err("10.0.0.2 -5"), "nc: invalid option -- '5'");
    assert_eq!(err("-l -p 8080 10.0.0.2 80").split(' ').next(), Some("usage:"));
    assert_eq!(err("-k 10.0.0.2 80"), "nc: must use -l with -k");
    assert_eq!(err("-lz 8080"), "nc: cannot use -z and -l");
    assert_eq!(err("-lz"), "nc: missing port number");
    assert_eq!(err("-I abc 10.0.0.2 80"), "nc: TCP receive window invalid: abc");
    assert_eq!(err("-T nosuchkeyword 10.0.0.2 80"), "nc: illegal tos value nosuchkeyword");
    assert_eq!(err("-T 0x20 10.0.0.2 80"), "ok");
    assert_eq!(err("-X 9 -x 10.0.0.2 10.0.0.2 80"), "nc: unsupported proxy protocol");
    assert_eq!(err("-q abc 10.0.0.2 80"), "nc: quit timer invalid: abc");
    assert_eq!(err("-M 256 x 1"), "nc: ttl is too large");
    assert_eq!(err("-Ul"), "nc: missing socket pathname");
    assert_eq!(err("-w abc -Q"), "nc: timeout invalid: abc");
    assert_eq!(err("-zv 10.0.0.2 8080 8081 -w 1"), "ok");
    assert_eq!(parse(&args("-h")).map_err(|f| f.status), Err(0));
}

#[test]
fn ports_as_netcat_builds_them() {
    let p = |w: &[&str]| client_ports(&w.iter().map(|s| s.to_string()).collect::<Vec<_>>()).map_err(|f| f.text);
    assert_eq!(p(&["80-82"]), Ok(vec![80, 81, 82]));
    assert_eq!(p(&["90-80"]), Ok(vec![]));
    assert_eq!(p(&["80-"]), Err("nc: port number invalid: \n".into()));
    assert_eq!(p(&["a-b"]), Err("nc: port number invalid: a-b\n".into()));
    assert_eq!(p(&["70000"]), Err("nc: port number too large: 70000\n".into()));
    assert_eq!(p(&["0"]), Err("nc: port number too small: 0\n".into()));
    assert_eq!(p(&["http"]), Ok(vec![80]));
    assert_eq!(service_port("70000"), Some(4464));
    assert_eq!(service_port("abc"), None);
    assert_eq!(strtonum(" +1", 1, 9), Ok(1));
}

#[test]
fn addresses_as_inet_aton_reads_them() {
    assert_eq!(inet_aton("10.0.0"), Some("10.0.0.0".parse().unwrap()));
    assert_eq!(inet_aton("127.1"), Some("127.0.0.1".parse().unwrap()));
    assert_eq!(inet_aton("0x7f000001"), Some("127.0.0.1".parse().unwrap()));
    assert_eq!(inet_aton("2130706433"), Some("127.0.0.1".parse().unwrap()));
    assert_eq!(inet_aton("300.0.0.2"), None);
    assert_eq!(inet_aton(""), None);
    assert_eq!(inet_aton("nosuchhost"), None);
}
