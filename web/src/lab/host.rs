//! The lab's side of the protocol: a session and the lesson it checks,
//! answering requests with events. Pure: the worker (or a test) carries the
//! messages.

use super::progress::advance;
use super::session::{LabSession, Lacks};
use super::trace;
use super::verify::World;
use lab_protocol::{CommandOutput, Event, LabState, LessonChecks, Request, REPLAY_LINES};
use sim_core::Snapshot;

/// Runs the commands of one page.
#[derive(Default)]
pub struct LabHost {
    session: LabSession,
    lesson: Option<LessonChecks>,
    /// The snapshot last sent, so an unchanged one is not sent again.
    sent: Option<Snapshot>,
}

impl LabHost {
    /// Answers one request; `emit` receives the events in order.
    pub fn handle(&mut self, req: Request, emit: &mut dyn FnMut(Event)) {
        match req {
            Request::Open { lines, lesson } => {
                let (session, outs) = match LabSession::replay(&lines) {
                    Ok(replayed) => replayed,
                    Err(Lacks(what)) => return emit(Event::NeedsComplete { what }),
                };
                self.session = session;
                self.lesson = lesson;
                self.sent = None;
                let (earlier, outputs) = scrollback(&outs);
                emit(Event::Opened { earlier, outputs, state: self.state(None) });
            }
            Request::Run { id, line } => {
                let out = match self.session.run(&line) {
                    Ok(out) => out,
                    Err(Lacks(what)) => return emit(Event::NeedsComplete { what }),
                };
                let chunks = out.chunks.iter().map(Into::into).collect::<Vec<_>>();
                if !chunks.is_empty() {
                    emit(Event::Output { id, chunks });
                }
                let t = self.session.last_trace();
                let trace = (!t.events.is_empty()).then(|| trace::view(&line, t));
                emit(Event::Done { id, status: out.status, state: self.state(trace) });
            }
            // A line runs to its end before the next request is read: there
            // is never a running line to stop here (the page restarts a
            // worker instead; see lab-protocol).
            Request::Interrupt => {}
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

/// A replay's outputs as `Opened` carries them: the statuses of the lines
/// whose output would have scrolled off, then the last outputs that fit in
/// [`REPLAY_LINES`] lines of text (the last one always).
fn scrollback(outs: &[sim_core::Output]) -> (Vec<i32>, Vec<CommandOutput>) {
    let mut lines = 0;
    let mut first = outs.len();
    while first > 0 {
        let text: usize = outs[first - 1].chunks.iter().map(|c| c.text.matches('\n').count().max(1)).sum();
        if lines + text > REPLAY_LINES && first < outs.len() {
            break;
        }
        lines += text + 1; // and its command line
        first -= 1;
    }
    (outs[..first].iter().map(|o| o.status).collect(), outs[first..].iter().map(CommandOutput::from).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn talk(host: &mut LabHost, req: Request) -> Vec<Event> {
        let mut events = Vec::new();
        host.handle(req, &mut |e| events.push(e));
        events
    }

    #[test]
    fn a_line_prints_then_ends_and_sends_the_snapshot_once() {
        let mut host = LabHost::default();
        let opened = talk(&mut host, Request::Open { lines: vec!["ip netns add red".into()], lesson: None });
        let [Event::Opened { earlier, outputs, state }] = &opened[..] else { panic!("{opened:?}") };
        assert_eq!((earlier.len(), outputs.len()), (0, 1));
        assert_eq!(state.snapshot.as_ref().map(|s| s.namespaces.len()), Some(2));
        let ev = talk(&mut host, Request::Run { id: 1, line: "ip netns".into() });
        let [Event::Output { id: 1, chunks }, Event::Done { id: 1, status: 0, state }] = &ev[..] else {
            panic!("{ev:?}")
        };
        assert_eq!(chunks[0].text, "red\n");
        assert_eq!(state.snapshot, None, "nothing changed");
        let ev = talk(&mut host, Request::Run { id: 2, line: "ip netns add blue".into() });
        let [Event::Done { id: 2, status: 0, state }] = &ev[..] else { panic!("{ev:?}") };
        assert_eq!(state.snapshot.as_ref().map(|s| s.namespaces.len()), Some(3));
    }

    #[test]
    fn a_long_replay_carries_the_output_a_scrollback_holds() {
        let mut host = LabHost::default();
        let mut lines: Vec<String> = (0..300).map(|i| format!("seq {i} {}", i + 40)).collect();
        lines.push("false".into());
        let opened = talk(&mut host, Request::Open { lines, lesson: None });
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
        let lesson =
            LessonChecks { steps: vec![vec!["netns red exists".into()], vec!["netns blue exists".into()]], ticked: 0 };
        talk(&mut host, Request::Open { lines: vec![], lesson: Some(lesson) });
        let ev = talk(&mut host, Request::Run { id: 1, line: "ip netns add red".into() });
        let Some(Event::Done { state, .. }) = ev.last() else { panic!() };
        let p = state.progress.as_ref().unwrap();
        assert_eq!((p.ticked, p.current.len(), p.current[0].ok), (1, 1, false));
    }

    #[test]
    fn a_ping_comes_back_with_its_trace() {
        let mut host = LabHost::default();
        let ev = talk(&mut host, Request::Run { id: 1, line: "ping -c 1 127.0.0.1".into() });
        let Some(Event::Done { state, .. }) = ev.last() else { panic!() };
        assert!(state.trace.as_ref().is_some_and(|t| t.summary.starts_with("ping")), "{state:?}");
    }
}
