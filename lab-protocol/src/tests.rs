//! The wire format, pinned: each message's JSON text as the other side reads it.

use super::*;

fn wire<T: Serialize + for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug>(msg: T, json: &str) {
    assert_eq!(encode(&msg), json);
    assert_eq!(decode::<T>(json).unwrap(), msg);
}

#[test]
fn requests() {
    wire(
        Request::Open { lines: vec!["ip netns add red".into()], lesson: None, preset: None },
        r#"{"v":8,"msg":{"open":{"lines":["ip netns add red"],"lesson":null,"preset":null}}}"#,
    );
    wire(
        Request::Open {
            lines: vec![],
            lesson: Some(LessonChecks { steps: vec![vec!["netns red exists".into()]], ticked: 0, setup: vec![] }),
            preset: Some("docker-host".into()),
        },
        r#"{"v":8,"msg":{"open":{"lines":[],"lesson":{"steps":[["netns red exists"]],"ticked":0,"setup":[]},"preset":"docker-host"}}}"#,
    );
    wire(
        Request::Run { id: 7, line: "ip -br link".into(), term: 1 },
        r#"{"v":8,"msg":{"run":{"id":7,"line":"ip -br link","term":1}}}"#,
    );
    wire(Request::Interrupt { term: 0 }, r#"{"v":8,"msg":{"interrupt":{"term":0}}}"#);
    wire(Request::Explain { entry: 3 }, r#"{"v":8,"msg":{"explain":{"entry":3}}}"#);
}

#[test]
fn explained() {
    let note = Note {
        chunk: 0,
        start: 81,
        end: 95,
        key: "link.operstate".into(),
        about: "tap1".into(),
        title: "Operational state".into(),
        meaning: "What the device can do now.".into(),
        why: "its peer tap2 in namespace green is down".into(),
        names: vec![Named { ns: Some("green".into()), dev: Some("tap2".into()) }],
    };
    wire(
        Event::Explained { entry: 3, notes: vec![note] },
        r#"{"v":8,"msg":{"explained":{"entry":3,"notes":[{"chunk":0,"start":81,"end":95,"key":"link.operstate","about":"tap1","title":"Operational state","meaning":"What the device can do now.","why":"its peer tap2 in namespace green is down","names":[{"ns":"green","dev":"tap2"}]}]}}}"#,
    );
}

#[test]
fn events() {
    wire(Event::Ready { engine: "simulator".into() }, r#"{"v":8,"msg":{"ready":{"engine":"simulator"}}}"#);
    wire(
        Event::Output {
            id: 7,
            chunks: vec![
                Chunk { text: "lo UNKNOWN\n".into(), err: false, delay_ms: 0 },
                Chunk { text: "oops\n".into(), err: true, delay_ms: 1000 },
            ],
        },
        r#"{"v":8,"msg":{"output":{"id":7,"chunks":[{"text":"lo UNKNOWN\n","err":false,"delay_ms":0},{"text":"oops\n","err":true,"delay_ms":1000}]}}}"#,
    );
    wire(
        Event::Done { id: 7, status: 0, state: LabState::default() },
        r#"{"v":8,"msg":{"done":{"id":7,"status":0,"state":{"snapshot":null,"trace":null,"progress":null}}}}"#,
    );
    wire(Event::Error { message: "x".into() }, r#"{"v":8,"msg":{"error":{"message":"x"}}}"#);
    wire(Event::NeedsComplete { what: "nc".into() }, r#"{"v":8,"msg":{"needs_complete":{"what":"nc"}}}"#);
    wire(
        Event::Opened {
            earlier: vec![0, 1],
            outputs: vec![CommandOutput {
                chunks: vec![Chunk { text: "ok\n".into(), err: false, delay_ms: 0 }],
                status: 0,
            }],
            state: LabState::default(),
            waiting: vec![u64::MAX],
        },
        r#"{"v":8,"msg":{"opened":{"earlier":[0,1],"outputs":[{"chunks":[{"text":"ok\n","err":false,"delay_ms":0}],"status":0}],"state":{"snapshot":null,"trace":null,"progress":null},"waiting":[18446744073709551615]}}}"#,
    );
}

#[test]
fn a_snapshot_travels_whole() {
    let mut lab = sim_core::Lab::new();
    lab.run("ip netns add red");
    lab.run("ip link add a type veth peer name b netns red");
    let state = LabState { snapshot: Some(lab.snapshot()), ..LabState::default() };
    let msg = Event::Done { id: 1, status: 0, state };
    assert_eq!(decode::<Event>(&encode(&msg)).unwrap(), msg);
}

#[test]
fn other_versions_and_garbage_are_refused() {
    assert_eq!(decode::<Request>(r#"{"v":1,"msg":"interrupt"}"#), Err(DecodeError::Version(1)));
    assert!(matches!(decode::<Request>("{"), Err(DecodeError::Malformed(_))));
    assert!(matches!(decode::<Request>(r#"{"v":8,"msg":"reboot"}"#), Err(DecodeError::Malformed(_))));
    assert!(matches!(decode::<Request>(r#"{"msg":"interrupt"}"#), Err(DecodeError::Malformed(_))));
}

#[test]
fn fields_marked_default_may_be_left_out() {
    let json = r#"{"v":8,"msg":{"output":{"id":7,"chunks":[{"text":"lo UNKNOWN\n"}]}}}"#;
    let want = Event::Output { id: 7, chunks: vec![Chunk { text: "lo UNKNOWN\n".into(), err: false, delay_ms: 0 }] };
    assert_eq!(decode::<Event>(json).unwrap(), want);
    // A client that knows no presets opens an empty host.
    let json = r#"{"v":8,"msg":{"open":{"lines":[],"lesson":null}}}"#;
    assert_eq!(decode::<Request>(json).unwrap(), Request::Open { lines: vec![], lesson: None, preset: None });
}

/// The page and its worker send every message as postcard bytes.
#[test]
fn messages_survive_postcard_as_the_page_and_its_worker_send_them() {
    let mut lab = sim_core::Lab::new();
    lab.run("ip netns add red");
    lab.run("ip link add a type veth peer name b netns red");
    let trace = TraceView {
        summary: "ping".into(),
        steps: vec![TraceStep { ns: "host".into(), dev: Some("a".into()), text: "sent".into(), drop: true }],
    };
    let state = LabState { snapshot: Some(lab.snapshot()), trace: Some(trace), progress: Some(Progress::default()) };
    let events = [
        Event::Done { id: 1, status: 0, state: state.clone() },
        Event::Opened { earlier: vec![1], outputs: vec![CommandOutput::default()], state, waiting: vec![] },
        Event::Waiting { id: 3, state: LabState::default() },
        Event::Printed { term: 1, chunks: vec![Chunk { text: "y".into(), err: false, delay_ms: 0 }] },
        Event::Output { id: 2, chunks: vec![Chunk { text: "x".into(), err: true, delay_ms: 5 }] },
    ];
    for ev in events {
        let bytes = postcard::to_allocvec(&Envelope { v: VERSION, msg: &ev }).unwrap();
        assert_eq!(postcard::from_bytes::<Envelope<Event>>(&bytes).unwrap().msg, ev);
    }
    let req = Request::Open {
        lines: vec!["ip link".into()],
        lesson: Some(LessonChecks::default()),
        preset: Some("kind-node".into()),
    };
    let bytes = postcard::to_allocvec(&Envelope { v: VERSION, msg: &req }).unwrap();
    assert_eq!(postcard::from_bytes::<Envelope<Request>>(&bytes).unwrap().msg, req);
}

#[test]
fn session_entries_keep_the_first_terminals_lines_as_they_are() {
    use crate::Entry;
    let cases = [
        (Entry::Line { term: 0, line: "ip link".into() }, "ip link"),
        (Entry::Line { term: 2, line: "nc -l 8080".into() }, "\u{1e}2\u{1f}nc -l 8080"),
        (Entry::Interrupt { term: 1 }, "\u{1e}1\u{1f}\u{3}"),
        (Entry::Line { term: 0, line: "\u{1e}odd".into() }, "\u{1e}0\u{1f}\u{1e}odd"),
    ];
    for (entry, text) in cases {
        assert_eq!(entry.encode(), text);
        assert_eq!(Entry::decode(text), entry);
    }
    assert_eq!(Entry::decode("\u{1e}x\u{1f}y"), Entry::Line { term: 0, line: "\u{1e}x\u{1f}y".into() });
}

#[test]
fn a_replayed_id_gives_back_its_entry() {
    for entry in [0, 1, 41, 10_000] {
        assert_eq!(replayed_entry(replayed_id(entry)), entry);
    }
}

#[test]
fn pairing() {
    wire(
        Request::Hello { token: "t0k".into(), resume: None },
        r#"{"v":8,"msg":{"hello":{"token":"t0k","resume":null}}}"#,
    );
    wire(
        Event::Paired {
            host: HostFacts {
                hostname: "vm1".into(),
                kernel: "6.1.0-18-amd64".into(),
                iproute2: "6.1.0".into(),
                inspect: false,
            },
            session: "s1".into(),
            resumed: false,
        },
        r#"{"v":8,"msg":{"paired":{"host":{"hostname":"vm1","kernel":"6.1.0-18-amd64","iproute2":"6.1.0","inspect":false},"session":"s1","resumed":false}}}"#,
    );
    wire(
        Event::Refused { reason: Refusal::Token, message: "wrong token".into() },
        r#"{"v":8,"msg":{"refused":{"reason":"token","message":"wrong token"}}}"#,
    );
}
