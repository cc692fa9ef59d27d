//! Lines on a paired VM: the connection to `lab-agent serve`, the engine
//! switch (sim, vm, both), and with both, each line's two outputs compared.
//!
//! With **vm** the agent is the lab: its events go where the worker's go
//! (`on_event`), and the worker hears nothing until the switch back, when
//! it replays the session. With **both** every request goes to both; the
//! worker's events drive the screen, and the agent's are kept per line
//! ([`Mirror`]) until both have ended, then compared after masking. The
//! VM runs each terminal's line at once, as the worker does (a server
//! waiting in one terminal, its client in another); a line's mark comes
//! when the slower of the two engines has ended it.

use super::engine::Opening;
use super::Shell;
use crate::pair::agent::{AgentClient, AgentNews};
use crate::pair::diff::{outputs_differ, states_differ};
use crate::pair::{Diff, Mode, Status};
use crate::terminal_line::{LineKind, TermLine};
use gloo_timers::callback::Timeout;
use lab_protocol::{Event, LabState};
use leptos::prelude::*;
use std::sync::Arc;

/// When to try to take a dropped connection's session up again, in
/// milliseconds after each failure (the agent keeps it 30 s by default).
const RESUME_MS: [u32; 5] = [500, 1000, 2000, 4000, 8000];

/// A line sent to both engines, until both have ended.
#[derive(Default)]
pub(super) struct Mirror {
    pub(super) id: u64,
    pub(super) term: usize,
    /// The terminal line of its prompt: its mark goes under its output.
    pub(super) prompt: u64,
    pub(super) line: String,
    pub(super) sim: String,
    pub(super) vm: String,
    pub(super) sim_status: Option<i32>,
    pub(super) vm_status: Option<i32>,
}

impl Shell {
    /// Connects to the agent at `url` with `token` (and drops any earlier pairing).
    pub fn pair_with(&self, url: &str, token: &str) {
        self.drop_agent(Status::Connecting(url.to_string()));
        self.with(|e| {
            e.agent_url = url.to_string();
            e.agent_token = token.to_string();
        });
        self.connect(None);
    }

    fn connect(&self, resume: Option<String>) {
        let (url, token) = self.with(|e| (e.agent_url.clone(), e.agent_token.clone()));
        let shell = *self;
        match AgentClient::connect(&url, &token, resume, move |news| shell.on_agent(news)) {
            Ok(agent) => self.with(|e| e.agent = Some(agent)),
            Err(_) => self.drop_agent(Status::Unreachable(url)),
        }
    }

    /// Disconnect: back to the simulator.
    pub fn unpair(&self) {
        self.drop_agent(Status::Closed(true));
    }

    /// Closes the connection, says `status`, and runs lines on the simulator again.
    fn drop_agent(&self, status: Status) {
        let agent = self.with(|e| {
            e.agent_session = None;
            e.resume_tries = 0;
            e.agent.take()
        });
        if let Some(a) = agent {
            a.close();
        }
        self.pair.ask.set(None);
        self.pair.status.set(status);
        if self.mode() == Mode::Vm {
            // What ran on the VM ends with it; the simulator replays the session.
            self.with(|e| e.terms.iter_mut().for_each(|t| t.running = None));
            self.resync_worker();
            self.notice("# nslab: the VM is gone; lines run on the simulator again.");
        }
        self.pair.mode.set(Mode::Sim);
        self.clear_diffs();
        self.refresh_busy();
    }

    fn on_agent(&self, news: AgentNews) {
        match news {
            AgentNews::Event(Event::Paired { host, session, resumed }) => {
                let retried = self.with(|e| {
                    e.agent_session = Some(session);
                    std::mem::take(&mut e.resume_tries) > 0
                });
                self.pair.status.set(Status::Paired(host));
                if retried {
                    self.taken_up(resumed);
                }
            }
            AgentNews::Event(Event::Refused { reason, message }) => {
                self.pair.status.set(Status::Refused(reason, message))
            }
            AgentNews::Event(Event::Ready { .. }) => {}
            // The agent refused to open the session (a lab preset it has no
            // script for): the simulator runs it, as before the switch.
            AgentNews::Event(Event::Error { message })
                if self.mode() == Mode::Vm && self.with(|e| e.opening.is_some()) =>
            {
                self.notice(format!("# the VM: {message}"));
                self.pair.mode.set(Mode::Sim);
                self.resync_worker();
            }
            AgentNews::Event(ev) => match self.mode() {
                Mode::Vm => self.on_event(ev),
                Mode::Both => self.mirror_vm(ev),
                Mode::Sim => {}
            },
            AgentNews::Closed { opened, version } => {
                self.with(|e| e.agent = None);
                let status = self.pair.status.get_untracked();
                let session = self.with(|e| e.agent_session.clone().filter(|_| e.resume_tries < RESUME_MS.len()));
                match (session, version, &status) {
                    (_, _, Status::Refused(..)) | (_, Some(_), _) | (None, _, _) => {}
                    (Some(session), None, _) => return self.resume(session),
                }
                let status = match (version, status) {
                    (Some(v), _) => Status::Version(v),
                    (None, s @ Status::Refused(..)) => s,
                    (None, _) if !opened => Status::Unreachable(self.with(|e| e.agent_url.clone())),
                    (None, _) => Status::Closed(false),
                };
                self.drop_agent(status);
            }
        }
    }

    /// The connection dropped: tries to take the agent's session up again
    /// (within its grace period the sandbox and its running lines are as
    /// they were), a few times, further apart each time. Lines wait meanwhile.
    fn resume(&self, session: String) {
        let n = self.with(|e| {
            e.resume_tries += 1;
            if self.mode() == Mode::Vm {
                e.opening.get_or_insert(Opening::Resync);
            }
            e.resume_tries - 1
        });
        self.refresh_busy();
        self.pair.status.set(Status::Resuming(self.with(|e| e.agent_url.clone())));
        let shell = *self;
        Timeout::new(RESUME_MS[n], move || {
            // Unless the learner disconnected, or paired elsewhere, meanwhile.
            if shell.with(|e| e.agent.is_none() && e.agent_session.as_deref() == Some(session.as_str())) {
                shell.connect(Some(session));
            }
        })
        .forget();
    }

    /// Paired again after a dropped connection: the same session (`kept`),
    /// or a fresh sandbox (the agent's grace period ended, or it was
    /// restarted), which replays the session (the learner agreed to run
    /// its lines on the VM when they switched).
    fn taken_up(&self, kept: bool) {
        let mode = self.mode();
        if kept || mode == Mode::Sim {
            self.with(|e| e.opening = e.opening.filter(|_| mode != Mode::Vm));
            self.notice("# nslab: the connection to the VM dropped and was taken up again.");
        } else {
            self.notice("# nslab: the VM's session was gone; a fresh sandbox there replays this session.");
            let (agent, open) = self.with(|e| {
                e.mirror.clear();
                if mode == Mode::Vm {
                    e.terms.iter_mut().for_each(|t| t.running = None);
                    e.opening = Some(Opening::Resync);
                }
                (e.agent.clone(), e.open_request(e.log.clone()))
            });
            if let Some(a) = agent {
                a.send(&open);
            }
        }
        self.refresh_busy();
        self.pump();
    }

    /// The worker's events: the screen's, unless the VM is the lab.
    pub(super) fn on_worker(&self, ev: Event) {
        let mode = self.mode();
        if mode == Mode::Vm {
            return; // it replays the session when the switch comes back
        }
        let done = match (&ev, mode) {
            (Event::Output { id, chunks }, Mode::Both) => {
                let text: String = chunks.iter().map(|c| c.text.as_str()).collect();
                self.with(|e| e.mirror_of(*id).map(|m| m.sim += &text));
                None
            }
            (Event::Done { id, status, .. }, Mode::Both) => {
                self.with(|e| e.mirror_of(*id).map(|m| m.sim_status = Some(*status)));
                Some(*id)
            }
            _ => None,
        };
        let replayed = matches!(ev, Event::Opened { .. });
        self.on_event(ev);
        if let Some(id) = done {
            self.compare(id);
        }
        if mode == Mode::Both && (done.is_some() || replayed) {
            self.refresh_differs();
        }
    }

    /// The agent's events with both: kept for the comparison.
    fn mirror_vm(&self, ev: Event) {
        let keep = |state: LabState| {
            if let Some(s) = state.snapshot {
                self.with(|e| e.vm_snapshot = Some(Arc::new(s)));
            }
        };
        match ev {
            Event::Opened { state, .. } => keep(state),
            Event::Output { id, chunks } => {
                let text: String = chunks.iter().map(|c| c.text.as_str()).collect();
                self.with(|e| e.mirror_of(id).map(|m| m.vm += &text));
            }
            Event::Done { id, status, state } => {
                keep(state);
                self.with(|e| e.mirror_of(id).map(|m| m.vm_status = Some(status)));
                self.compare(id);
            }
            Event::Error { message } => self.notice(format!("# the VM: {message}")),
            _ => {}
        }
        self.refresh_differs();
    }

    /// Once both engines have ended line `id`: marks it if they differ.
    fn compare(&self, id: u64) {
        let ended = self.with(|e| {
            let i = e.mirror.iter().position(|m| m.id == id && m.sim_status.is_some() && m.vm_status.is_some())?;
            Some(e.mirror.remove(i))
        });
        let Some(m) = ended else { return };
        let (s, v) = (m.sim_status.unwrap_or_default(), m.vm_status.unwrap_or_default());
        if !outputs_differ(&m.sim, s, &m.vm, v) {
            return;
        }
        let status = |n: i32| if n == 0 { String::new() } else { format!("[exit {n}]\n") };
        let diff = Diff { id, line: m.line, sim: m.sim + &status(s), vm: m.vm + &status(v) };
        self.pair.diffs.update(|d| d.push(Arc::new(diff)));
        let mark = LineKind::Mark("≠ the VM printed otherwise: see sim and vm side by side under the terminal".into());
        // After its output, once it is all on screen (the VM may answer
        // after the simulator has run later lines: the mark goes under
        // this line's output, not at the bottom).
        let later = self.with(|e| {
            let later = e.pacing || e.paced.iter().any(|(t, ..)| *t == m.term);
            if later {
                e.marks.push((m.term, m.prompt, mark.clone()));
            }
            later
        });
        if !later {
            self.insert_mark(m.term, m.prompt, mark);
        }
    }

    /// Puts `mark` under the output of the line whose prompt is terminal
    /// line `prompt` (at the bottom if that has scrolled off).
    fn insert_mark(&self, term: usize, prompt: u64, mark: LineKind) {
        let (id, front) = self.with(|e| {
            e.next_line += 1;
            (e.next_line - 1, e.active == term)
        });
        let line = Arc::new(TermLine { id, kind: mark });
        let place = |lines: &mut Vec<Arc<TermLine>>| {
            let after = lines
                .iter()
                .position(|l| l.id == prompt)
                .map(|i| i + 1 + lines[i + 1..].iter().take_while(|l| !matches!(l.kind, LineKind::Command(_))).count());
            lines.insert(after.unwrap_or(lines.len()), line);
        };
        if front {
            self.screen.lines.update(place);
        } else {
            self.with(|e| place(&mut e.term(term).lines));
        }
    }

    /// Prints the marks that waited for paced output.
    pub(super) fn flush_marks(&self) {
        for (term, prompt, mark) in self.with(|e| std::mem::take(&mut e.marks)) {
            self.insert_mark(term, prompt, mark);
        }
    }

    /// With both: what differs between the simulator's state and the VM's.
    fn refresh_differs(&self) {
        let Some(vm) = self.with(|e| e.vm_snapshot.clone()) else { return };
        if self.mode() != Mode::Both {
            return;
        }
        let (keys, words) = self.lab.snapshot.with_untracked(|sim| states_differ(sim, &vm));
        self.lab.differs.set(Arc::new(keys));
        self.pair.state_diffs.set(words);
    }

    pub(super) fn clear_diffs(&self) {
        self.with(|e| {
            e.mirror.clear();
            e.marks.clear();
            e.vm_snapshot = None;
        });
        self.pair.diffs.set(Vec::new());
        self.pair.state_diffs.set(Vec::new());
        self.lab.differs.set(Arc::default());
    }

    /// The worker replays the session (it heard nothing while the VM ran it).
    fn resync_worker(&self) {
        let (client, open) = self.with(|e| {
            e.opening = Some(Opening::Resync);
            (e.client.clone(), e.open_request(e.log.clone()))
        });
        if let Some(c) = client {
            c.send(&open);
        }
    }

    /// Switches the engine. Leaving the simulator with lines in the session
    /// runs them on the VM (in the learner's sandbox there), so it first
    /// asks (`agreed` is the answer); a running line must end first.
    pub fn set_mode(&self, mode: Mode, agreed: bool) {
        let old = self.mode();
        let refuse = mode == old
            || mode != Mode::Sim && !self.pair.status.with_untracked(Status::paired)
            || self.with(|e| e.executing() || e.opening.is_some());
        let lines = self.with(|e| e.log.len());
        if !refuse && old == Mode::Sim && lines > 0 && !agreed {
            self.pair.ask.set(Some((mode, lines)));
        }
        if refuse || old == Mode::Sim && lines > 0 && !agreed {
            // The radio group shows the engine that still runs the lines.
            return self.pair.mode.set(old);
        }
        self.pair.ask.set(None);
        let vm_before = self.with(|e| e.vm_snapshot.clone());
        self.clear_diffs();
        let (agent, open) = self.with(|e| (e.agent.clone(), e.open_request(e.log.clone())));
        match (old, mode) {
            (Mode::Sim, _) => {
                if mode == Mode::Vm {
                    self.with(|e| e.opening = Some(Opening::Resync));
                }
                if let Some(a) = agent {
                    a.send(&open);
                }
                self.pair.mode.set(mode);
            }
            (Mode::Vm, _) => {
                let vm = self.lab.snapshot.get_untracked();
                self.with(|e| e.vm_snapshot = Some(vm));
                self.pair.mode.set(mode);
                self.resync_worker();
            }
            (Mode::Both, _) => {
                if let (Mode::Vm, Some(vm)) = (mode, vm_before) {
                    self.lab.snapshot.set(vm);
                }
                self.pair.mode.set(mode);
            }
        }
        self.refresh_busy();
    }
}
