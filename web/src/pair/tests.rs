use super::*;

#[test]
fn a_pairing_link_names_the_agent_and_the_token() {
    let (agent, token) = parse_link("/pair?agent=ws://127.0.0.1:8088&token=s3cr%2Ft").unwrap();
    assert_eq!((agent.as_str(), token.as_str()), ("ws://127.0.0.1:8088", "s3cr/t"));
    assert_eq!(parse_link("/pair"), Some((String::new(), String::new())));
    assert_eq!(parse_link("/sandbox"), None);
}

#[test]
fn the_status_says_why_in_the_words_the_tests_read() {
    let host = HostFacts { hostname: "vm1".into(), kernel: "6.1.0-28-amd64".into(), ..HostFacts::default() };
    assert_eq!(Status::Paired(host).text(), "connected to vm1 (Linux 6.1.0-28-amd64)");
    assert!(Status::Refused(Refusal::Token, String::new()).text().contains("wrong token"));
    assert!(Status::Refused(Refusal::Origin, String::new()).text().contains("origin"));
    assert!(Status::Unreachable("ws://x".into()).text().contains("unreachable"));
    assert!(Status::Version(4).text().contains("version"));
    assert!(Status::Resuming("ws://x".into()).text().contains("dropped"));
    assert!(Status::Refused(Refusal::Protocol, String::new()).text().contains("version"));
}
