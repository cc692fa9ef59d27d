use super::*;

fn note(chunk: u32, start: u32, end: u32) -> Note {
    Note { chunk, start, end, key: "k".into(), ..Note::default() }
}

fn run(class: &str, text: &str) -> Run {
    Run { text: text.into(), class: class.into(), note: None }
}

fn spelled(p: &[Run]) -> String {
    p.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn a_line_is_cut_at_its_notes_and_spells_the_same_text() {
    let text = "24: tap1@if23: <NO-CARRIER,UP> state LOWERLAYERDOWN mode DEFAULT\n";
    let at = text.find("LOWERLAYERDOWN").unwrap() as u32;
    let notes = [note(0, 0, 2), note(1, 0, 3), note(0, at, at + 14)];
    let pieces = cut(&[run("", text)], &notes, 0);
    assert_eq!(spelled(&pieces), text);
    let noted: Vec<(&str, u32)> = pieces.iter().filter_map(|p| Some((p.text.as_str(), p.note?))).collect();
    assert_eq!(noted, [("24", 0), ("LOWERLAYERDOWN", 2)], "the other chunk's note is not this line's");
}

#[test]
fn a_note_across_two_runs_lights_both_pieces_and_a_bad_one_changes_nothing() {
    let runs = [run("sgr-1", "ab"), run("", "cdé")];
    let pieces = cut(&runs, &[note(0, 1, 3)], 0);
    let got: Vec<(&str, &str, Option<u32>)> =
        pieces.iter().map(|p| (p.class.as_str(), p.text.as_str(), p.note)).collect();
    assert_eq!(got, [("sgr-1", "a", None), ("sgr-1", "b", Some(0)), ("", "c", Some(0)), ("", "dé", None)]);
    // Into the middle of `é`, past the end, overlapping: the text stays.
    for bad in [[note(0, 5, 6), note(0, 0, 1)], [note(0, 2, 99), note(0, 1, 4)]] {
        assert_eq!(spelled(&cut(&runs, &bad, 0)), "abcdé");
    }
    assert_eq!(cut(&runs, &[], 0).len(), 2, "no notes: the runs as they are");
}

#[test]
fn a_note_names_namespaces_and_devices_by_the_diagrams_keys() {
    let names = [
        Named { ns: Some("green".into()), dev: Some("tap2".into()) },
        Named { ns: Some("green".into()), dev: None },
        Named { ns: None, dev: Some("eth0".into()) },
    ];
    let keys = keys(&names);
    let k: Vec<&str> = keys.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(k, ["link/green/tap2", "link/host/eth0", "ns/green"]);
}

#[test]
fn the_panel_says_a_notes_title_meaning_and_why_a_line_each() {
    let n = Note {
        key: "link.operstate".into(),
        title: "Operational state".into(),
        why: "tap2 is down".into(),
        ..Note::default()
    };
    assert_eq!(said(&n), "Operational state (link.operstate)\ntap2 is down");
    assert_eq!(said(&Note { key: "ping.loss".into(), ..Note::default() }), "ping.loss (ping.loss)");
}

#[test]
fn an_entry_is_asked_for_once_and_forgotten_with_the_log() {
    let mut b = Book::default();
    assert!(b.ask(3));
    assert!(!b.ask(3), "asked already");
    assert_eq!(b.pending(), [3]);
    b.got(3, vec![note(0, 0, 1)]);
    assert!(!b.ask(3), "here");
    assert!(b.pending().is_empty());
    assert!(b.ask(5));
    b.forget_from(3);
    assert!(b.notes(3).is_none() && b.pending().is_empty());
    assert!(b.ask(3));
}
