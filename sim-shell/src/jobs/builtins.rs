//! The job builtins: `jobs`, `kill`, `wait`, `disown`, and `fg`/`bg` (which refuse:
//! there is no job control). Their texts and statuses are bash 5.2's, as
//! the module above says.

use super::{job_line, parse_signal, JobEntry, ProcStatus};
use crate::exec::{Interp, Mode};
use crate::output::Output;
use crate::Env;

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
}

impl Interp<'_> {
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
