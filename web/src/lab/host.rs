//! The lab's side of the protocol: a session and the lesson it checks,
//! answering requests with events. Pure: the worker (or a test) carries the
//! messages.

use super::progress::advance;
use super::session::{LabSession, Lacks};
use super::trace;
use super::verify::World;
use lab_protocol::{replayed_id, scrollback, Entry, Event, LabState, LessonChecks, Request};
use sim_core::lab::{LineState, Progress};
use sim_core::Snapshot;

/// Runs the commands of one page.
#[derive(Default)]
pub struct LabHost {
    session: LabSession,
    lesson: Option<LessonChecks>,
    /// The snapshot last sent, so an unchanged one is not sent again.
    sent: Option<Snapshot>,
    /// Lines that wait for another terminal: (terminal, request id).
    waiting: Vec<(u32, u64)>,
}

impl LabHost {
    /// Answers one request; `emit` receives the events in order.
    pub fn handle(&mut self, req: Request, emit: &mut dyn FnMut(Event)) {
        match req {
            Request::Open { lines, lesson, preset } => {
                #[cfg(feature = "complete")]
                let preset = known(preset, emit);
                let setup = lesson.as_ref().map_or(&[][..], |l| &l.setup[..]);
                let (session, replayed) = match LabSession::replay_after(preset.as_deref(), setup, &lines) {
                    Ok(replayed) => replayed,
                    Err(Lacks(what)) => return emit(Event::NeedsComplete { what }),
                };
                self.session = session;
                self.lesson = lesson;
                self.sent = None;
                self.waiting =
                    replayed.waiting.iter().map(|&i| (Entry::decode(&lines[i]).term(), replayed_id(i))).collect();
                let waiting = self.waiting.iter().map(|w| w.1).collect();
                let (earlier, outputs) = scrollback(&replayed.outputs);
                emit(Event::Opened { earlier, outputs, state: self.state(None), waiting });
            }
            Request::Run { id, line, term } => {
                let p = match self.session.run_in(term, &line) {
                    Ok(p) => p,
                    Err(Lacks(what)) => return emit(Event::NeedsComplete { what }),
                };
                let t = self.session.last_trace();
                let trace = (!t.events.is_empty()).then(|| trace::view(&line, t));
                self.report(term, id, p, trace, emit);
                self.poll_others(term, emit);
            }
            // A line that runs is never interrupted here: a line runs to its
            // end (or until it waits) before the next request is read, so
            // the page restarts a worker instead (see lab-protocol). A line
            // that waits is this lab's to stop.
            Request::Interrupt { term } => {
                let Some(&(_, id)) = self.waiting.iter().find(|w| w.0 == term) else { return };
                let p = self.session.interrupt(term);
                self.report(term, id, p, None, emit);
                self.poll_others(term, emit);
            }
            // Explanations are the complete lab's (`sim_core::explain`): the
            // basic one asks for it, and the page asks again there.
            #[cfg(feature = "complete")]
            Request::Explain { entry } => emit(Event::Explained { entry, notes: self.session.notes(entry) }),
            #[cfg(not(feature = "complete"))]
            Request::Explain { .. } => emit(Event::NeedsComplete { what: "explain".into() }),
            // Pairing is a lab-agent's; the worker needs no token.
            Request::Hello { .. } => {}
        }
    }

    /// What line `id` in terminal `term` printed, and how it stands.
    fn report(
        &mut self,
        term: u32,
        id: u64,
        p: Progress,
        trace: Option<lab_protocol::TraceView>,
        emit: &mut dyn FnMut(Event),
    ) {
        let chunks = p.output.chunks.iter().map(Into::into).collect::<Vec<_>>();
        if !chunks.is_empty() {
            emit(Event::Output { id, chunks });
        }
        match p.state {
            LineState::Running => {
                if !self.waiting.contains(&(term, id)) {
                    self.waiting.push((term, id));
                    let state = self.state(trace);
                    emit(Event::Waiting { id, state });
                }
            }
            LineState::Done(status) => {
                self.waiting.retain(|w| *w != (term, id));
                emit(Event::Done { id, status, state: self.state(trace) });
            }
            LineState::Idle => {
                self.waiting.retain(|w| *w != (term, id));
                emit(Event::Done { id, status: p.output.status, state: self.state(trace) });
            }
        }
    }

    /// After a request: what the other terminals printed meanwhile (their
    /// waiting lines', or their jobs' while no line runs there).
    fn poll_others(&mut self, except: u32, emit: &mut dyn FnMut(Event)) {
        for term in (0..self.session.terminals()).filter(|&t| t != except) {
            let p = self.session.poll(term);
            match self.waiting.iter().find(|w| w.0 == term) {
                Some(&(_, id)) => self.report(term, id, p, None, emit),
                None if !p.output.chunks.is_empty() => {
                    let chunks = p.output.chunks.iter().map(Into::into).collect();
                    emit(Event::Printed { term, chunks });
                }
                None => {}
            }
        }
    }

    fn state(&mut self, trace: Option<lab_protocol::TraceView>) -> LabState {
        let snap = self.session.snapshot();
        let snapshot = (self.sent.as_ref() != Some(snap)).then(|| snap.clone());
        if snapshot.is_some() {
            self.sent = Some(snap.clone());
        }
        let progress = self.lesson.as_mut().map(|l| {
            let p = advance(l, &self.session);
            l.ticked = p.ticked;
            p
        });
        LabState { snapshot, trace, progress }
    }
}

/// The preset an `Open` names, if there is one of that name. An unknown
/// name is said in the terminal, and the session opens on an empty host.
/// Only the complete lab builds presets (the basic one asks for it, known
/// name or not), so only it needs to tell.
#[cfg(feature = "complete")]
fn known(preset: Option<String>, emit: &mut dyn FnMut(Event)) -> Option<String> {
    let name = preset?;
    if sim_core::lab::presets::exists(&name) {
        return Some(name);
    }
    emit(Event::Error { message: format!("there is no lab preset named `{name}`: the lab starts as an empty host") });
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use lab_protocol::REPLAY_LINES;

    fn talk(host: &mut LabHost, req: Request) -> Vec<Event> {
        let mut events = Vec::new();
        host.handle(req, &mut |e| events.push(e));
        events
    }

    #[test]
    fn a_line_prints_then_ends_and_sends_the_snapshot_once() {
        let mut host = LabHost::default();
        let opened =
            talk(&mut host, Request::Open { lines: vec!["ip netns add red".into()], lesson: None, preset: None });
        let [Event::Opened { earlier, outputs, state, .. }] = &opened[..] else { panic!("{opened:?}") };
        assert_eq!((earlier.len(), outputs.len()), (0, 1));
        assert_eq!(state.snapshot.as_ref().map(|s| s.namespaces.len()), Some(2));
        let ev = talk(&mut host, Request::Run { id: 1, line: "ip netns".into(), term: 0 });
        let [Event::Output { id: 1, chunks }, Event::Done { id: 1, status: 0, state }] = &ev[..] else {
            panic!("{ev:?}")
        };
        assert_eq!(chunks[0].text, "red\n");
        assert_eq!(state.snapshot, None, "nothing changed");
        let ev = talk(&mut host, Request::Run { id: 2, line: "ip netns add blue".into(), term: 0 });
        let [Event::Done { id: 2, status: 0, state }] = &ev[..] else { panic!("{ev:?}") };
        assert_eq!(state.snapshot.as_ref().map(|s| s.namespaces.len()), Some(3));
    }

    #[test]
    fn a_long_replay_carries_the_output_a_scrollback_holds() {
        let mut host = LabHost::default();
        let mut lines: Vec<String> = (0..300).map(|i| format!("seq {i} {}", i + 40)).collect();
        lines.push("false".into());
        let opened = talk(&mut host, Request::Open { lines, lesson: None, preset: None });
        let [Event::Opened { earlier, outputs, .. }] = &opened[..] else { panic!("{opened:?}") };
        assert_eq!(earlier.len() + outputs.len(), 301, "a status for every line");
        assert!(!earlier.is_empty() && earlier.iter().all(|&s| s == 0));
        let text: usize = outputs.iter().flat_map(|o| &o.chunks).map(|c| c.text.matches('\n').count()).sum();
        assert!(text + outputs.len() <= REPLAY_LINES && text + outputs.len() > REPLAY_LINES - 100, "{text}");
        assert_eq!(outputs.last().map(|o| o.status), Some(1));
    }

    #[test]
    fn a_lesson_ticks_as_lines_run() {
        let mut host = LabHost::default();
        let lesson = LessonChecks {
            steps: vec![vec!["netns red exists".into()], vec!["netns blue exists".into()]],
            ticked: 0,
            setup: vec![],
        };
        talk(&mut host, Request::Open { lines: vec![], lesson: Some(lesson), preset: None });
        let ev = talk(&mut host, Request::Run { id: 1, line: "ip netns add red".into(), term: 0 });
        let Some(Event::Done { state, .. }) = ev.last() else { panic!() };
        let p = state.progress.as_ref().unwrap();
        assert_eq!((p.ticked, p.current.len(), p.current[0].ok), (1, 1, false));
    }

    #[test]
    fn a_preset_opens_in_the_complete_lab_and_an_unknown_one_says_so() {
        let mut host = LabHost::default();
        let open = |preset: &str| Request::Open {
            lines: vec!["ip netns add red".into()],
            lesson: None,
            preset: Some(preset.into()),
        };
        let ev = talk(&mut host, open("kind-node"));
        if !cfg!(feature = "complete") {
            assert_eq!(ev, [Event::NeedsComplete { what: "preset kind-node".into() }]);
            let ev = talk(&mut host, open("nope"));
            assert_eq!(ev, [Event::NeedsComplete { what: "preset nope".into() }], "the complete lab tells");
            return;
        }
        assert!(matches!(&ev[..], [Event::Opened { .. }]), "{ev:?}");
        let ev = talk(&mut host, open("nope"));
        let [Event::Error { message }, Event::Opened { state, .. }] = &ev[..] else { panic!("{ev:?}") };
        assert!(message.contains("no lab preset named `nope`"), "{message}");
        assert_eq!(state.snapshot.as_ref().map(|s| s.namespaces.len()), Some(2), "an empty host, then the line");
    }

    #[test]
    fn a_ping_comes_back_with_its_trace() {
        let mut host = LabHost::default();
        let ev = talk(&mut host, Request::Run { id: 1, line: "ping -c 1 127.0.0.1".into(), term: 0 });
        let Some(Event::Done { state, .. }) = ev.last() else { panic!() };
        assert!(state.trace.as_ref().is_some_and(|t| t.summary.starts_with("ping")), "{state:?}");
    }

    /// Seed 001's lines up to "tap1 up, tap2 still down".
    pub(crate) const TAP1_UP: [&str; 7] = [
        "ip link add tap1 type veth peer name tap2",
        "ip netns add orange",
        "ip netns add green",
        "ip link set tap1 netns orange",
        "ip link set tap2 netns green",
        "ip netns exec orange ip link set tap1 up",
        "ip netns exec orange ifconfig tap1 192.168.1.2/24",
    ];

    #[test]
    fn explain_answers_an_entrys_notes_in_the_complete_lab_and_asks_for_it_in_the_basic_one() {
        let mut host = LabHost::default();
        let mut lines: Vec<String> = TAP1_UP.map(String::from).to_vec();
        lines.push("ip netns exec orange ip link show tap1".into());
        talk(&mut host, Request::Open { lines: lines.clone(), lesson: None, preset: None });
        let ev = talk(&mut host, Request::Explain { entry: 7 });
        if !cfg!(feature = "complete") {
            assert_eq!(ev, [Event::NeedsComplete { what: "explain".into() }]);
            return;
        }
        let [Event::Explained { entry: 7, notes }] = &ev[..] else { panic!("{ev:?}") };
        let opened = talk(&mut host, Request::Open { lines, lesson: None, preset: None });
        let [Event::Opened { outputs, .. }] = &opened[..] else { panic!() };
        let spans: Vec<(&str, &str)> = notes
            .iter()
            .map(|n| (&outputs[7].chunks[n.chunk as usize].text[n.start as usize..n.end as usize], n.key.as_str()))
            .collect();
        assert!(spans.contains(&("LOWERLAYERDOWN", "link.operstate")), "{spans:?}");
        // A line run after the replay is noted under its own entry; one
        // with no output has none.
        let ev =
            talk(&mut host, Request::Run { id: 1, line: "ip netns exec orange ping -c 1 192.168.1.3".into(), term: 0 });
        assert!(matches!(ev.last(), Some(Event::Done { status: 1, .. })), "{ev:?}");
        let [Event::Explained { entry: 8, notes }] = &talk(&mut host, Request::Explain { entry: 8 })[..] else {
            panic!()
        };
        assert!(notes.iter().any(|n| n.key == "ping.loss"), "{notes:?}");
        assert_eq!(talk(&mut host, Request::Explain { entry: 0 }), [Event::Explained { entry: 0, notes: vec![] }]);
    }

    #[cfg(feature = "complete")]
    #[test]
    fn a_lessons_setup_leaves_no_notes_under_the_sessions_entries() {
        let mut host = LabHost::default();
        let lesson = LessonChecks { steps: vec![], ticked: 0, setup: vec!["ip link show lo".into()] };
        talk(&mut host, Request::Open { lines: vec!["ip netns add a".into()], lesson: Some(lesson), preset: None });
        assert_eq!(talk(&mut host, Request::Explain { entry: 0 }), [Event::Explained { entry: 0, notes: vec![] }]);
    }

    #[cfg(feature = "complete")]
    #[test]
    fn a_server_waits_for_a_client_in_another_terminal_and_comes_back_after_a_reload() {
        let mut host = LabHost::default();
        // The lab's host starts as a fresh namespace does: lo down.
        talk(&mut host, Request::Run { id: 0, line: "ip link set lo up".into(), term: 0 });
        let ev = talk(&mut host, Request::Run { id: 1, line: "nc -l 8080".into(), term: 0 });
        assert!(matches!(ev.as_slice(), [Event::Waiting { id: 1, .. }]), "{ev:?}");
        let ev = talk(&mut host, Request::Run { id: 2, line: "echo hi | nc -N 127.0.0.1 8080".into(), term: 1 });
        let texts: Vec<String> = ev
            .iter()
            // Chunks of no text carry time that passed (the page paces by them).
            .filter(|e| !matches!(e, Event::Output { chunks, .. } if chunks.iter().all(|c| c.text.is_empty())))
            .map(|e| match e {
                Event::Output { id, chunks } => {
                    format!("{id}: {}", chunks.iter().map(|c| c.text.as_str()).collect::<String>())
                }
                Event::Done { id, status, .. } => format!("{id} done {status}"),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(texts, ["2 done 0", "1: hi\n", "1 done 0"]);
        // A server still listening when the page reloads listens again.
        talk(&mut host, Request::Run { id: 3, line: "nc -l 9090".into(), term: 0 });
        let log = host.session.log().to_vec();
        assert_eq!(log[1..], ["nc -l 8080", "\u{1e}1\u{1f}echo hi | nc -N 127.0.0.1 8080", "nc -l 9090"]);
        let mut reloaded = LabHost::default();
        let ev = talk(&mut reloaded, Request::Open { lines: log, lesson: None, preset: None });
        let [Event::Opened { outputs, waiting, .. }] = &ev[..] else { panic!("{ev:?}") };
        assert_eq!(outputs[1].chunks.iter().map(|c| c.text.as_str()).collect::<String>(), "hi\n");
        assert_eq!(waiting, &[lab_protocol::replayed_id(3)]);
        let ev = talk(&mut reloaded, Request::Interrupt { term: 0 });
        assert!(matches!(ev.last(), Some(Event::Done { status: 130, .. })), "{ev:?}");
    }
}
