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
use crate::{Background, Env, NotSpawned, Programs};

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
    /// The job `%N`, `%+`/`%%` (the current one) or `%-` (the previous one).
    fn job(&self, spec: &str) -> Option<&JobEntry> {
        let (current, previous) = self.marks();
        match spec {
            "%" | "%%" | "%+" => current.and_then(|n| self.jobs.iter().find(|j| j.number == n)),
            "%-" => previous.and_then(|n| self.jobs.iter().find(|j| j.number == n)),
            _ => {
                let n = spec.strip_prefix('%')?.parse::<usize>().ok()?;
                self.jobs.iter().find(|j| j.number == n)
            }
        }
    }

    /// The current (`+`) and previous (`-`) jobs: the last two started.
    fn marks(&self) -> (Option<usize>, Option<usize>) {
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
fn job_line(env: &Env, job: &JobEntry, st: ProcStatus, long: bool, text: &str) -> String {
    let pid = if long { format!("{:>5}", job.pid) } else { String::new() };
    format!("[{}]{} {pid} {:<24}{text}\n", job.number, env.mark(job.number), st.word())
}

impl<'a> Interp<'a> {
    /// `LIST &`: starts `item` as a background job, or runs it in the
    /// foreground on a machine without processes.
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

    fn builtin_error(&self, builtin: &str, msg: &str, status: i32) -> Output {
        Output::error(format!("{}{builtin}: {msg}\n", self.prefix()), status)
    }
}

/// `jobs [-lp] [JOBSPEC…]`.
pub(crate) fn jobs(sh: &mut Interp<'_>, args: &[String]) -> Output {
    let (mut long, mut pids) = (false, false);
    let mut specs = Vec::new();
    for a in args {
        match a.strip_prefix('-') {
            Some(flags) if !flags.is_empty() && specs.is_empty() => {
                for c in flags.chars() {
                    match c {
                        'l' => long = true,
                        'p' => pids = true,
                        'n' | 'r' | 's' => {}
                        _ => {
                            let mut out = sh.builtin_error("jobs", &format!("-{c}: invalid option"), 2);
                            out.err("jobs: usage: jobs [-lnprs] [jobspec ...] or jobs -x command [args]\n");
                            return out;
                        }
                    }
                }
            }
            _ => specs.push(a.clone()),
        }
    }
    let mut out = Output::status(0);
    let chosen: Vec<JobEntry> = if specs.is_empty() {
        sh.env.jobs.clone()
    } else {
        let mut chosen = Vec::new();
        for spec in &specs {
            match sh.env.job(spec) {
                Some(j) => chosen.push(j.clone()),
                None => {
                    out.extend(sh.builtin_error("jobs", &format!("{spec}: no such job"), 1));
                    out.status = 1;
                }
            }
        }
        chosen
    };
    for job in &chosen {
        let st = sh.programs.status(job.pid).unwrap_or(ProcStatus::Exited(0));
        if pids {
            out.out(format!("{}\n", job.pid));
        } else {
            let text = if st == ProcStatus::Running { format!("{} &", job.text) } else { job.text.clone() };
            out.out(job_line(sh.env, job, st, long, &text));
        }
    }
    if sh.mode == Mode::Interactive {
        // Shown once: the finished ones leave the table.
        sh.reap_jobs(false);
    }
    out
}

/// `disown [-h] [-ar] [JOBSPEC…]`: the jobs leave the table (`-h` keeps
/// them; the lab sends no SIGHUP anyway); their processes go on.
pub(crate) fn disown(sh: &mut Interp<'_>, args: &[String]) -> Output {
    let (mut keep, mut all) = (false, false);
    let mut specs = Vec::new();
    for a in args {
        match a.strip_prefix('-') {
            Some(flags) if !flags.is_empty() && specs.is_empty() => {
                for c in flags.chars() {
                    match c {
                        'h' => keep = true,
                        'a' | 'r' => all = true,
                        _ => {
                            let mut out = sh.builtin_error("disown", &format!("-{c}: invalid option"), 2);
                            out.err("disown: usage: disown [-h] [-ar] [jobspec ... | pid ...]\n");
                            return out;
                        }
                    }
                }
            }
            _ => specs.push(a.clone()),
        }
    }
    if keep {
        return Output::status(0);
    }
    if all && specs.is_empty() {
        sh.env.jobs.clear();
        return Output::status(0);
    }
    if specs.is_empty() {
        specs.push("%+".into());
    }
    let mut out = Output::status(0);
    for spec in &specs {
        let pid = match spec.parse::<u32>() {
            Ok(pid) => sh.env.jobs.iter().find(|j| j.pid == pid).map(|j| j.pid),
            Err(_) => sh.env.job(spec).map(|j| j.pid),
        };
        match pid {
            Some(pid) => sh.env.jobs.retain(|j| j.pid != pid),
            None => {
                let name = if spec == "%+" { "current" } else { spec.as_str() };
                out.extend(sh.builtin_error("disown", &format!("{name}: no such job"), 1));
                out.status = 1;
            }
        }
    }
    out
}

/// `fg`/`bg`: a terminal in this lab has no job control to move jobs
/// between foreground and background (bash -c's answer).
pub(crate) fn fg_bg(sh: &mut Interp<'_>, name: &str) -> Output {
    sh.builtin_error(name, "no job control", 1)
}

const KILL_USAGE: &str =
    "kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n";

/// `kill [-s SIG | -n NUM | -SIG] PID|JOBSPEC…`.
pub(crate) fn kill(sh: &mut Interp<'_>, args: &[String]) -> Output {
    let mut sig = 15;
    let mut i = 0;
    if let Some(first) = args.first() {
        let spec = match first.as_str() {
            "-s" | "-n" => {
                i = 1;
                args.get(1).map(String::as_str)
            }
            "--" => None,
            a if a.starts_with('-') && a.len() > 1 => Some(&a[1..]),
            _ => None,
        };
        if first == "--" {
            i = 1;
        }
        if let Some(spec) = spec {
            i += 1;
            match parse_signal(spec) {
                Some(n) => sig = n,
                None => return sh.builtin_error("kill", &format!("{spec}: invalid signal specification"), 1),
            }
        }
    }
    let targets = &args[i.min(args.len())..];
    if targets.is_empty() {
        return Output::error(KILL_USAGE, 2);
    }
    let mut out = Output::status(0);
    for t in targets {
        let pid = if t.starts_with('%') {
            match sh.env.job(t) {
                Some(j) => Some(j.pid),
                None => {
                    out.extend(sh.builtin_error("kill", &format!("{t}: no such job"), 1));
                    out.status = 1;
                    continue;
                }
            }
        } else {
            t.parse::<u32>().ok()
        };
        let Some(pid) = pid else {
            out.extend(sh.builtin_error("kill", &format!("{t}: arguments must be process or job IDs"), 1));
            out.status = 1;
            continue;
        };
        if !sh.programs.kill(pid, sig) {
            out.extend(sh.builtin_error("kill", &format!("({pid}) - No such process"), 1));
            out.status = 1;
        }
    }
    out
}

/// `wait [PID|JOBSPEC…]`: waits for the jobs (all of them without
/// arguments, then status 0); the status is the last one's.
pub(crate) async fn wait(sh: &mut Interp<'_>, args: &[String]) -> Output {
    if sh.sync {
        // A substitution's subshell has no jobs of its own.
        return Output::status(if args.is_empty() { 0 } else { 127 });
    }
    let t0 = sh.programs.now_ms();
    let mut out = wait_for(sh, args).await;
    let waited = sh.programs.now_ms().saturating_sub(t0);
    let mut timed = Output::status(out.status);
    timed.out_after(waited, "");
    timed.extend(std::mem::take(&mut out));
    sh.env.last_status = timed.status;
    timed
}

async fn wait_for(sh: &mut Interp<'_>, args: &[String]) -> Output {
    if args.is_empty() {
        let pids: Vec<u32> = sh.env.jobs.iter().map(|j| j.pid).collect();
        for pid in pids {
            sh.programs.wait(pid).await;
        }
        sh.reap_jobs(false);
        return Output::status(0);
    }
    let mut out = Output::status(0);
    for a in args {
        let pid = if a.starts_with('%') {
            match sh.env.job(a) {
                Some(j) => j.pid,
                None => {
                    out.extend(sh.builtin_error("wait", &format!("{a}: no such job"), 127));
                    out.status = 127;
                    continue;
                }
            }
        } else {
            match a.parse::<u32>() {
                Ok(pid) => pid,
                Err(_) => {
                    out.extend(sh.builtin_error("wait", &format!("`{a}': not a pid or valid job spec"), 1));
                    out.status = 1;
                    continue;
                }
            }
        };
        let known = sh.env.jobs.iter().any(|j| j.pid == pid) || sh.env.last_bg == Some(pid);
        if !known {
            out.extend(sh.builtin_error("wait", &format!("pid {pid} is not a child of this shell"), 127));
            out.status = 127;
            continue;
        }
        let st = sh.programs.wait(pid).await;
        out.status = st.map_or(127, ProcStatus::code);
        sh.env.jobs.retain(|j| j.pid != pid);
    }
    // Waiting, bash noticed every job that ended meanwhile.
    sh.forget_ended_jobs();
    out
}

/// What became of a terminal's jobs, as an interactive bash prints it
/// before its next prompt (`[1]+  Done                    sleep 1`); the
/// jobs that ended leave the table.
pub fn job_notices(env: &mut Env, programs: &mut dyn Programs) -> Output {
    let mut sh = Interp::new(env, programs, Mode::Interactive, "bash");
    sh.reap_jobs(true)
}

#[cfg(test)]
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
