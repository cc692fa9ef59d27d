//! curl's command line, URLs, request and `-w`, checked against the
//! recorded behaviour (`tests/data/capture/curl.txt`).

use super::opts::{parse, Parsed};
use super::{http, url, write_out};

fn args(line: &str) -> Vec<String> {
    std::iter::once("curl").chain(line.split_whitespace()).map(str::to_string).collect()
}

fn err(line: &str) -> String {
    match parse(&args(line)) {
        Parsed::Run(_) => "ok".into(),
        Parsed::Done(o) => format!("{}[{}]", o.text(), o.status),
    }
}

const TRY: &str = "curl: try 'curl --help' or 'curl --manual' for more information\n";

#[test]
fn usage_errors_are_curls() {
    assert_eq!(err(""), format!("{TRY}[2]"));
    assert_eq!(err("--bogus"), format!("curl: option --bogus: is unknown\n{TRY}[2]"));
    assert_eq!(err("-m"), format!("curl: option -m: requires parameter\n{TRY}[2]"));
    assert_eq!(err("-m abc x"), format!("curl: option -m: expected a proper numerical parameter\n{TRY}[2]"));
    assert_eq!(err("-m -1 x"), format!("curl: option -m: expected a positive numerical parameter\n{TRY}[2]"));
    assert_eq!(err("-w"), format!("curl: option -w: requires parameter\n{TRY}[2]"));
    assert_eq!(err("-s"), format!("curl: no URL specified!\n{TRY}[2]"));
    assert_eq!(err("-sZ8"), format!("curl: option -sZ8: is unknown\n{TRY}[2]"));
    assert_eq!(err("--local-port abc x"), format!("curl: option --local-port: is badly used here\n{TRY}[2]"));
    assert_eq!(err("-sSf -m1 --max-t 1.5 --connect-timeout 0.5 x"), "ok");
    let Parsed::Run(o) = parse(&args("-sm1.5 -o/dev/null --connect-timeout 0.5 x")) else { panic!() };
    assert_eq!((o.max_time_ms, o.connect_timeout_ms, o.output.as_deref()), (Some(1500), Some(500), Some("/dev/null")));
}

#[test]
fn urls_are_read_as_curl_reads_them() {
    let u = url::parse("10.0.0.2:8080", true).expect("url");
    assert_eq!((u.host.as_str(), u.port, u.path.as_str()), ("10.0.0.2", 8080, "/"));
    assert_eq!(u.effective(), "http://10.0.0.2:8080/");
    assert_eq!(url::parse("http://10.0.0.2/x", true).expect("url").host_header(), "10.0.0.2");
    let e = |t: &str| url::parse(t, true).map(|_| ()).map_err(|e| (e.code(), e.to_string()));
    let bad = Err((3, "URL using bad/illegal format or missing URL".to_string()));
    for t in ["http://10.0.0.2:99999/", "http://10.0.0.2:abc/", "http://", "", "http://:80/"] {
        assert_eq!(e(t), bad, "{t}");
    }
    assert_eq!(e("htp://10.0.0.2/"), Err((1, "Protocol \"htp\" not supported or disabled in libcurl".into())));
    assert_eq!(e("http://[bad/"), Err((3, "bad range in URL position 9:\nhttp://[bad/\n        ^".into())));
    assert_eq!(e("http://{a/"), Err((3, "unmatched brace in URL position 8:\nhttp://{a/\n       ^".into())));
    assert_eq!(url::parse("http://10.0.0.300/", true).expect("a name").host, "10.0.0.300");
}

#[test]
fn the_request_is_curls() {
    let Parsed::Run(mut o) = parse(&args("-s -H X-Lab:1 -d a=1 -d b=2 http://10.0.0.2:8080/form")) else { panic!() };
    let u = url::parse(&o.urls[0], true).expect("url");
    assert_eq!(
        http::request(&o, &u),
        "POST /form HTTP/1.1\r\nHost: 10.0.0.2:8080\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\nX-Lab: 1\r\n\
         Content-Length: 7\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n"
    );
    o.headers = vec!["Accept:".into(), "Host: web".into()];
    o.data.clear();
    o.head = true;
    assert_eq!(http::request(&o, &u), "HEAD /form HTTP/1.1\r\nHost: web\r\nUser-Agent: curl/7.88.1\r\n\r\n");
}

#[test]
fn write_out_expands_variables_and_escapes() {
    let t = super::transfer::Transfer::default();
    let (text, unknown) = write_out::expand("%{http_code}|%{http_version}%%%z\\t%{bogus}\\n", &t);
    assert_eq!(text, "000|0%%z\t\n");
    assert_eq!(unknown, ["bogus"]);
}

#[test]
fn redirect_url_is_made_absolute() {
    let reply = b"HTTP/1.0 301 Moved Permanently\r\nLocation: /sub/\r\n\r\n";
    let http::Reading::Head(head, _) = http::read_head(reply) else { panic!("a head") };
    let mut t = super::transfer::Transfer { head: Some(head), ..Default::default() };
    t.url_effective = "http://10.0.0.2:8000/sub".into();
    assert_eq!(write_out::expand("%{redirect_url}", &t).0, "http://10.0.0.2:8000/sub/");
    t.url_effective = "http://10.0.0.2:8000/a/b".into();
    if let Some(h) = t.head.as_mut() {
        h.lines[1] = "Location: c\r\n".into();
    }
    assert_eq!(write_out::expand("%{redirect_url}", &t).0, "http://10.0.0.2:8000/a/c");
}
