//! Job control as bash does it: `LIST &` hands the list to the machine as
//! a new process, the shell keeps a job table (`[N]`, the pid, the text),
//! and the builtins `jobs`, `wait`, `kill`, `fg` and `bg` read it. The
//! processes themselves (their states, signals, waiting for them) are the
//! machine's, behind [`Programs`]; the shell never runs a job itself.
//!
//! The texts and statuses are bash 5.2's (`sim-core/tests/data/kernel/jobs.*`
//! recorded them under `bash -c`, where there is no job control: `fg` and
//! `bg` refuse, finished jobs leave the table silently, and background
//! jobs ignore SIGINT; an interactive shell prints `[N] PID` when a job
//! starts and `[N]+  Done …` before the next prompt).

use crate::exec::{Interp, Mode};
use crate::output::Output;
#[cfg(feature = "jobs")]
use crate::{Background, NotSpawned};
use crate::{Env, Programs};

/// The builtins that read the job table; the basic lab builds without
/// them (a line that uses one needs the complete lab).
#[cfg(feature = "jobs")]
pub(crate) mod builtins;

/// One job of a shell's table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobEntry {
    /// `%N`.
    pub number: usize,
    pub pid: u32,
    /// The job's text as typed, for `jobs`.
    pub text: String,
}

/// A process's state, as the machine reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProcStatus {
    Running,
    /// Ended by `exit` with this status.
    Exited(i32),
    /// Ended by this signal.
    Signaled(i32),
}

impl ProcStatus {
    /// The status `wait` and `$?` see: 128 + N for signal N.
    pub fn code(self) -> i32 {
        match self {
            ProcStatus::Running => 0,
            ProcStatus::Exited(n) => n,
            ProcStatus::Signaled(sig) => 128 + sig,
        }
    }

    /// The word `jobs` and bash's notices use.
    pub fn word(self) -> String {
        match self {
            ProcStatus::Running => "Running".into(),
            ProcStatus::Exited(0) => "Done".into(),
            ProcStatus::Exited(n) => format!("Exit {n}"),
            ProcStatus::Signaled(sig) => match signal_name(sig) {
                Some(("INT", _)) => "Interrupt".into(),
                Some(("TERM", _)) => "Terminated".into(),
                Some(("KILL", _)) => "Killed".into(),
                Some(("HUP", _)) => "Hangup".into(),
                Some(("QUIT", _)) => "Quit".into(),
                Some(("USR1", _)) => "User defined signal 1".into(),
                Some(("USR2", _)) => "User defined signal 2".into(),
                Some(("PIPE", _)) => "Broken pipe".into(),
                Some(("ALRM", _)) => "Alarm clock".into(),
                _ => format!("Signal {sig}"),
            },
        }
    }
}

/// The signals `kill` and `timeout` know by name, with Linux's numbers.
pub const SIGNALS: &[(&str, i32)] = &[
    ("HUP", 1),
    ("INT", 2),
    ("QUIT", 3),
    ("KILL", 9),
    ("USR1", 10),
    ("USR2", 12),
    ("PIPE", 13),
    ("ALRM", 14),
    ("TERM", 15),
    ("CHLD", 17),
    ("CONT", 18),
    ("STOP", 19),
];

fn signal_name(sig: i32) -> Option<(&'static str, i32)> {
    SIGNALS.iter().copied().find(|(_, n)| *n == sig)
}

/// A signal given by name (`TERM`, `SIGTERM`, any case) or number.
pub fn parse_signal(spec: &str) -> Option<i32> {
    if let Ok(n) = spec.parse::<i32>() {
        return (0..=64).contains(&n).then_some(n);
    }
    let upper = spec.to_ascii_uppercase();
    let name = upper.strip_prefix("SIG").unwrap_or(&upper);
    SIGNALS.iter().find(|(n, _)| *n == name).map(|(_, num)| *num)
}

impl Env {
    /// The current (`+`) and previous (`-`) jobs: the last two started.
    pub(crate) fn marks(&self) -> (Option<usize>, Option<usize>) {
        // The two largest numbers (no sort: one more in the wasm build
        // would cost 4 KB).
        let current = self.jobs.iter().map(|j| j.number).max();
        let previous = self.jobs.iter().map(|j| j.number).filter(|n| Some(*n) != current).max();
        (current, previous)
    }

    fn mark(&self, number: usize) -> char {
        match self.marks() {
            (Some(c), _) if c == number => '+',
            (_, Some(p)) if p == number => '-',
            _ => ' ',
        }
    }
}

/// `[N]+  Running                 TEXT` (with `-l`, the pid before the
/// state), bash's `pretty_print_job()`.
pub(crate) fn job_line(env: &Env, job: &JobEntry, st: ProcStatus, long: bool, text: &str) -> String {
    let pid = if long { format!("{:>5}", job.pid) } else { String::new() };
    format!("[{}]{} {pid} {:<24}{text}\n", job.number, env.mark(job.number), st.word())
}

impl<'a> Interp<'a> {
    /// `LIST &`: starts `item` as a background job, or runs it in the
    /// foreground on a machine without processes.
    #[cfg(feature = "jobs")]
    pub(crate) async fn background(&mut self, item: &crate::ast::AndOr, text: &str) -> Output {
        let mut env = self.env.clone();
        env.jobs.clear();
        let mut list = item.clone();
        list.background = None;
        let (mode, name) = (self.mode, self.name.to_string());
        let comm = match (&list.first.commands[..], list.rest.is_empty()) {
            ([crate::ast::Command::Simple(s)], true) => {
                s.words.first().and_then(|w| w.as_plain()).unwrap_or("bash").to_string()
            }
            _ => "bash".to_string(),
        };
        let job = Background {
            run: Box::new(move |programs: &mut dyn Programs| {
                Box::pin(async move {
                    let mut env = env;
                    let mut sh = Interp::new(&mut env, programs, mode, "bash");
                    sh.name = name.into();
                    // Without job control, a background job reads /dev/null.
                    let mut stdin = String::new();
                    let mut out = sh.run_and_or(&list, &mut stdin).await;
                    out.status = if sh.interrupted { 130 } else { sh.env.last_status };
                    out
                })
            }),
            comm,
            text: format!("{text} &"),
            ignore_int: self.mode != Mode::Interactive,
        };
        // bash's fork(): on EAGAIN it says so and tries again after 1, 2, 4
        // and 8 seconds, then gives up and abandons the line (status 254).
        let mut out = Output::status(0);
        let mut job = job;
        let mut pause = 1;
        let spawned = loop {
            match self.programs.spawn(job) {
                Ok(pid) => break Ok(pid),
                Err(NotSpawned::NoProcesses(j)) => break Err(j),
                Err(NotSpawned::TryAgain(j)) if pause <= 8 => {
                    job = j;
                    out.err(format!("{}: fork: retry: Resource temporarily unavailable\n", self.name));
                    let argv = ["sleep".to_string(), pause.to_string()];
                    let slept = self.programs.start(&argv, "").await;
                    out.extend(slept);
                    pause *= 2;
                }
                Err(NotSpawned::TryAgain(_)) => {
                    out.err(format!("{}: fork: Resource temporarily unavailable\n", self.name));
                    out.status = 254;
                    self.env.last_status = 254;
                    self.exiting = true;
                    return out;
                }
            }
        };
        match spawned {
            Ok(pid) => {
                let number = self.env.jobs.iter().map(|j| j.number).max().unwrap_or(0) + 1;
                self.env.jobs.push(JobEntry { number, pid, text: text.to_string() });
                self.env.last_bg = Some(pid);
                self.env.last_status = 0;
                if self.mode == Mode::Interactive && self.depth == 0 {
                    out.err(format!("[{number}] {pid}\n"));
                }
                out
            }
            Err(job) => {
                // No processes here: the list runs now, in the foreground.
                drop(job);
                let mut stdin = String::new();
                let mut list = item.clone();
                list.background = None;
                self.run_and_or(&list, &mut stdin).await
            }
        }
    }

    /// Forgets the jobs that ended, as bash does when it notices (silently
    /// without job control); interactively, the `[N]+  Done …` notices.
    pub(crate) fn reap_jobs(&mut self, notify: bool) -> Output {
        let mut out = Output::new();
        let mut i = 0;
        while i < self.env.jobs.len() {
            let job = &self.env.jobs[i];
            match self.programs.status(job.pid) {
                Some(ProcStatus::Running) => i += 1,
                st => {
                    if notify {
                        let st = st.unwrap_or(ProcStatus::Exited(0));
                        out.out(job_line(self.env, job, st, false, &job.text));
                    }
                    self.env.jobs.remove(i);
                }
            }
        }
        out
    }

    /// Without job control, bash forgets a job as soon as it notices it
    /// ended, which it does when it waits for a foreground program (`%N`
    /// then names no job; `wait $!` still reads its status).
    pub(crate) fn forget_ended_jobs(&mut self) {
        if self.mode != Mode::Interactive {
            self.reap_jobs(false);
        }
    }
}

/// What became of a terminal's jobs, as an interactive bash prints it
/// before its next prompt (`[1]+  Done                    sleep 1`); the
/// jobs that ended leave the table.
pub fn job_notices(env: &mut Env, programs: &mut dyn Programs) -> Output {
    let mut sh = Interp::new(env, programs, Mode::Interactive, "bash");
    sh.reap_jobs(true)
}

#[cfg(all(test, feature = "jobs"))]
mod tests {
    use crate::{parse, run_line, Background, Env, NotSpawned, Output, ProcStatus, Programs};

    /// A machine whose jobs end when killed, and otherwise run forever.
    #[derive(Default)]
    struct Jobs {
        procs: Vec<(u32, ProcStatus, String)>,
    }

    impl Programs for Jobs {
        fn run(&mut self, _argv: &[String], _stdin: &str) -> Output {
            Output::new()
        }
        fn spawn(&mut self, job: Background) -> Result<u32, NotSpawned> {
            let pid = 2000 + self.procs.len() as u32;
            self.procs.push((pid, ProcStatus::Running, job.text));
            Ok(pid)
        }
        fn status(&mut self, pid: u32) -> Option<ProcStatus> {
            self.procs.iter().find(|p| p.0 == pid).map(|p| p.1)
        }
        fn kill(&mut self, pid: u32, signal: i32) -> bool {
            match self.procs.iter_mut().find(|p| p.0 == pid) {
                Some(p) => {
                    p.1 = ProcStatus::Signaled(signal);
                    true
                }
                None => false,
            }
        }
    }

    #[test]
    fn an_and_or_list_before_amp_is_a_job_with_its_text() {
        let script = parse("sleep 1 && echo 'a b' >/dev/null & echo x; (sleep 2; true) &").expect("parses");
        let texts: Vec<Option<&str>> = script.items.iter().map(|i| i.background.as_deref()).collect();
        assert_eq!(texts, [Some("sleep 1 && echo 'a b' > /dev/null"), None, Some("( sleep 2; true )")]);
    }

    #[test]
    fn jobs_kill_and_wait_read_the_table() {
        let (mut env, mut m) = (Env::default(), Jobs::default());
        let out = run_line("sleep 5 & sleep 6 & echo $!; jobs; jobs -p %1", &mut env, &mut m);
        assert_eq!(
            out.text(),
            "[1] 2000\n[2] 2001\n2001\n[1]-  Running                 sleep 5 &\n[2]+  Running                 sleep 6 &\n2000\n"
        );
        assert_eq!(m.procs[0].2, "sleep 5 &");
        let out = run_line("kill %1; wait %1; echo $?; kill -s KILL 2001; wait 2001; echo $?", &mut env, &mut m);
        assert_eq!(out.text(), "143\n137\n");
        let out = run_line("kill %1 %7 x; echo $?; wait 99; echo $?", &mut env, &mut m);
        assert_eq!(
            out.text(),
            "bash: kill: %1: no such job\nbash: kill: %7: no such job\nbash: kill: x: arguments must be process or job IDs\n1\nbash: wait: pid 99 is not a child of this shell\n127\n"
        );
    }
}
