//! The real-kernel host as a whole: [`KernelLab`] is to a Linux kernel what
//! `sim_core::Lab` is to the simulator. The same shell hands it programs;
//! `ip`, `bridge`, `sysctl` and `ifconfig` are sim-core's own parsers and
//! printers over [`KernelNetlink`]; `ping`, `iptables`, `nc`, `ss`,
//! `netstat`, `sleep`, `timeout`, `tcpdump` and `curl` are the system's
//! binaries, run with an argv (never a shell) inside the namespace, as real
//! child processes ([`child`]), in the sandbox's own `/tmp`, whose text
//! files then become the lab's (`scratch`). Background jobs (`LIST &`)
//! are sim-shell's, as in the simulator: the shell keeps the job table and
//! hands the list to [`Programs::spawn`]; [`jobs`] runs them beside the
//! line on the agent's one thread, and their programs are real processes
//! with real pids.

pub mod child;
pub mod inspect;
mod jobs;
mod procs;
mod running;
mod scratch;
pub mod terminals;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Instant;

use sim_core::iproute::{self, Outcome};
use sim_core::output::Output;
use sim_shell::coreutils;
use sim_shell::files::{self, Files};
use sim_shell::{self as shell, Env, Mode, Programs};

use crate::kernel::{netns, KernelNetlink, Limits, Rtnl, SetupError};
use child::Spec;
use jobs::Host;
use procs::Procs;

/// The system programs a lesson may run on the kernel side.
const EXTERNAL: &[&str] = &[
    "ping",
    "ping6",
    "iptables",
    "iptables-save",
    "iptables-restore",
    "ip6tables",
    "ip6tables-save",
    "ip6tables-restore",
    "sleep",
    "timeout",
    "nc",
    "ss",
    "netstat",
    "tcpdump",
    "curl",
    "hostname",
    // Only as `docker exec` runs it, into a preset's container
    // (`Core::docker`); a learner's own `nsenter` is the simulator's alone.
    "nsenter",
];

/// `ip netns exec` inside `ip netns exec` inside …: the same cap as the Lab.
const MAX_NESTING: usize = 16;

/// A Linux host (the sandbox's namespaces), driven by command lines.
pub struct KernelLab {
    core: Rc<RefCell<Core>>,
    procs: Rc<Procs>,
    env: Env,
    /// A paired page's terminals ([`terminals`]); `run` and `run_command`
    /// are one terminal's, with `env`.
    terms: Vec<terminals::Term>,
}

/// What every process of the host shares: the kernel, the machine's
/// files, and the work left to the current command line (see
/// [`Programs::spend`]).
pub(crate) struct Core {
    rtnl: Rtnl,
    /// A paired learner's sandbox: the system programs are kept to the
    /// lab's (see [`Core::gate`]).
    confined: bool,
    /// The lab's regular files (`/tmp/…`), in memory as in the simulator:
    /// what the text tools read and `rm`/`touch` change. Nothing the kernel
    /// engine runs writes a file on the machine.
    files: Files,
    steps: u64,
    /// A lab preset's containers, as its script started them: name and
    /// the pid of the process that holds its namespaces (`docker exec`).
    containers: Vec<(String, u32)>,
}

impl Drop for KernelLab {
    /// A preset's containers are processes its script started outside the
    /// lab's process table: they end with the lab, so their namespaces do.
    fn drop(&mut self) {
        for (_, pid) in std::mem::take(&mut self.core.borrow_mut().containers) {
            // SAFETY: kill(2) with a pid and a signal number touches no memory.
            unsafe {
                libc::kill(pid as libc::pid_t, libc::SIGKILL);
            }
        }
    }
}

impl KernelLab {
    /// The host is the calling thread's network namespace: enter the
    /// sandbox ([`crate::sandbox::enter`]) first.
    pub fn new() -> Result<KernelLab, SetupError> {
        let core = Core {
            rtnl: Rtnl::new()?,
            confined: false,
            files: Files::new(),
            steps: shell::STEP_BUDGET,
            containers: Vec::new(),
        };
        Ok(KernelLab { core: Rc::new(RefCell::new(core)), procs: Procs::new(), env: Env::default(), terms: Vec::new() })
    }

    /// The gap kept after a change before the next request (see
    /// [`crate::kernel::SETTLE`]); zero runs as fast as `ip -batch`.
    pub fn set_pace(&mut self, pace: std::time::Duration) {
        self.core.borrow_mut().rtnl.set_pace(pace);
    }

    /// Runs one command line as root on the host, as a terminal's
    /// interactive bash would (`[1] PID` when a job starts, its notices
    /// after the line).
    pub fn run(&mut self, line: &str) -> Output {
        self.run_in_mode(line, Mode::Interactive)
    }

    /// Runs one command line as `bash -c LINE` would (how recordings are
    /// made): `bash: line 1: …` errors, and the line's jobs leave the
    /// table with it while their processes go on.
    pub fn run_command(&mut self, line: &str) -> Output {
        self.run_in_mode(line, Mode::Command)
    }

    /// Builds lab preset `name` from its real-host script: each line run
    /// by the system's bash in the sandbox, as `record-transcript` runs a
    /// scenario's (the script starts processes and enters their
    /// namespaces, which the lab's shell does not do); then the containers
    /// it started, from the pid files it wrote under the sandbox's own
    /// /tmp, for `docker exec`. The first line that fails, with what it
    /// printed.
    pub fn build_preset(&mut self, name: &str) -> Result<(), crate::presets::NoScript> {
        use crate::presets::NoScript;
        let script = crate::presets::script(name)?;
        let failed = |line: &str, status, out: &str| NoScript::Failed(name.into(), line.into(), status, out.into());
        let bash = child::find("bash").ok_or_else(|| failed("bash", 127, "no bash on this machine"))?;
        for line in &script {
            let argv = ["bash".to_string(), "-c".to_string(), line.clone()];
            let spec = Spec { ns: None, path: &bash, argv: &argv, stdin: "", ignore_int: false, merged: true };
            let out = child::run_blocking(&spec);
            if out.status != 0 {
                return Err(failed(line, out.status, &out.text()));
            }
        }
        self.core.borrow_mut().containers = crate::presets::containers(std::path::Path::new(crate::sandbox::SCRATCH));
        Ok(())
    }

    /// Only looks (`serve --inspect-host`): nothing it runs changes the
    /// machine (see [`inspect`]).
    pub fn set_read_only(&mut self) {
        self.core.borrow_mut().rtnl.read_only = true;
    }

    /// A paired learner's sandbox: the limits of [`Limits::PAIRED`], and
    /// system programs kept to the lab's ([`Core::gate`]). Call
    /// [`crate::sandbox::confine`] too.
    pub fn confine(&mut self) {
        let mut core = self.core.borrow_mut();
        core.confined = true;
        core.rtnl.limits = Limits::PAIRED;
    }

    /// What this host may make (a paired session's [`Limits::PAIRED`]).
    pub fn set_limits(&mut self, limits: Limits) {
        self.core.borrow_mut().rtnl.limits = limits;
    }

    /// The picture of the sandbox the diagram and the lesson's checks
    /// read: `sim_core::snapshot::through` over this kernel (as the
    /// simulator's own picture is, see sim-core's `snapshot_through`
    /// test), with each namespace's sockets as the system's `ss -tuanH`
    /// prints them.
    pub fn snapshot(&mut self) -> sim_core::Snapshot {
        let mut core = self.core.borrow_mut();
        core.rtnl.settle();
        let mut snap = sim_core::snapshot::through(&mut core.rtnl);
        if let Some(path) = child::find("ss") {
            let argv = ["ss".to_string(), "-tuanH".to_string()];
            for ns in &mut snap.namespaces {
                let spec = Spec {
                    ns: ns.name.as_deref(),
                    path: &path,
                    argv: &argv,
                    stdin: "",
                    ignore_int: false,
                    merged: false,
                };
                let text = child::run_blocking(&spec).stdout();
                ns.sockets = text.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
            }
        }
        snap
    }

    /// Whether any background job still runs.
    pub fn has_jobs(&self) -> bool {
        self.procs.has_tasks()
    }

    fn run_in_mode(&mut self, line: &str, mode: Mode) -> Output {
        self.core.borrow_mut().steps = shell::STEP_BUDGET;
        let mut env = std::mem::take(&mut self.env);
        let mut host = Host::line(self.core.clone(), self.procs.clone());
        let t0 = self.procs.now_ms();
        let out = {
            let f = shell::line(line, String::new(), &mut env, &mut host, mode);
            self.procs.drive(f)
        };
        let mut out = match out {
            Some(out) => out,
            // It ran too long: stopped as Ctrl-C would stop it.
            None => {
                env.last_status = 130;
                let mut o = Output::status(130);
                o.out("^C\n");
                o
            }
        };
        if mode == Mode::Interactive {
            self.procs.catch_up();
            let notices = shell::job_notices(&mut env, &mut host);
            out.chunks.extend(notices.chunks);
        }
        self.env = env;
        self.procs.merge(t0, out)
    }
}

/// The program `timeout ARGS` would run: past its options and duration.
fn timeout_program(args: &[String]) -> Option<&str> {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-s" | "--signal" | "-k" | "--kill-after" => {
                it.next();
            }
            o if o.starts_with('-') && o.len() > 1 => {}
            _ => return it.next().map(String::as_str),
        }
    }
    None
}

/// iptables and ip6tables rules in a namespace (the `-A` lines of `iptables-save` and `ip6tables-save`).
fn rules_in(ns: Option<&str>) -> usize {
    ["iptables-save", "ip6tables-save"]
        .into_iter()
        .filter_map(|prog| {
            let path = child::find(prog)?;
            let argv = [prog.to_string()];
            let spec = Spec { ns, path: &path, argv: &argv, stdin: "", ignore_int: false, merged: false };
            Some(child::run_blocking(&spec).stdout().lines().filter(|l| l.starts_with("-A")).count())
        })
        .sum()
}

/// Output whose time has passed already: shown at once.
fn zero_delays(mut out: Output) -> Output {
    for c in &mut out.chunks {
        c.delay_ms = 0;
    }
    out
}

impl Core {
    /// Runs one program in a namespace (`None`: the host), to its end;
    /// a limit it met (see [`crate::kernel::limits`]) is said after its
    /// own output.
    fn exec(&mut self, ns: Option<&str>, argv: &[String], stdin: &str, nested: usize) -> Output {
        let out = self.exec_program(ns, argv, stdin, nested);
        self.noted(out)
    }

    /// A program's output, with the note of a limit it met, if it met one.
    fn noted(&mut self, mut out: Output) -> Output {
        if let Some(note) = self.rtnl.take_refusal() {
            out.err(note);
        }
        out
    }

    fn exec_program(&mut self, ns: Option<&str>, argv: &[String], stdin: &str, nested: usize) -> Output {
        let Some(name) = argv.first() else { return Output::new() };
        let rest = &argv[1..];
        match name.as_str() {
            "sudo" => match sim_core::tools::sudo::inner(rest, &is_program) {
                Ok(inner) => self.exec(ns, inner, stdin, nested),
                Err(out) => out,
            },
            "ip" => match self.ip(ns, rest, stdin, nested) {
                Outcome::Done(o) => o,
                Outcome::Exec { netns, argv } => self.netns_exec(&netns, &argv, stdin, nested),
            },
            "bridge" => match self.netlink(ns) {
                Ok(mut nl) => iproute::bridge::bridge(&mut nl, rest),
                Err(o) => o,
            },
            "sysctl" => match self.netlink(ns) {
                Ok(mut nl) => sim_core::tools::sysctl::sysctl(&mut nl, rest),
                Err(o) => o,
            },
            "ifconfig" => match self.netlink(ns) {
                Ok(mut nl) => sim_core::tools::ifconfig::ifconfig(&mut nl, rest),
                Err(o) => o,
            },
            // The simulator's pages: the agent must print what the site prints.
            "man" => sim_core::tools::man::man(rest),
            "docker" => match self.docker(rest) {
                Ok(argv) => self.exec(ns, &argv, stdin, nested),
                Err(out) => out,
            },
            "bash" | "sh" => self.shell(ns, argv, stdin, nested),
            n if EXTERNAL.contains(&n) => match child::find(n) {
                Some(path) => {
                    let argv = match self.gate(ns, argv) {
                        Ok(argv) => argv,
                        Err(refused) => return refused,
                    };
                    self.before_external();
                    let argv = &argv[..];
                    let out =
                        child::run_blocking(&Spec { ns, path: &path, argv, stdin, ignore_int: false, merged: false });
                    self.after_external();
                    out
                }
                None => Output::error(format!("bash: {n}: command not found\n"), 127),
            },
            _ => {
                if let Some(o) = coreutils::run_file_tool(argv, &mut self.files, files::HOME) {
                    return o;
                }
                match coreutils::run_coreutil_in(argv, &coreutils::Input::new(stdin, &self.files, files::HOME)) {
                    Some(o) => o,
                    None => Output::error(format!("bash: {name}: command not found\n"), 127),
                }
            }
        }
    }

    /// The argv a system program runs with, or why it does not run: on a
    /// machine only looked at, what [`inspect::refusal`] refuses; in a
    /// paired learner's sandbox (`confined`), a rule past the limit, a
    /// `timeout` of anything but the lab's programs (no shell, no other
    /// binary of the machine), and `curl` kept to http and https (no
    /// `file://` reading the machine's files).
    pub(crate) fn gate(&mut self, ns: Option<&str>, argv: &[String]) -> Result<Vec<String>, Output> {
        if self.rtnl.read_only {
            if let Some(why) = inspect::refusal(argv) {
                return Err(Output::error(why, 1));
            }
        }
        if self.adds_rule_past_limit(ns, argv) {
            return Err(Output::error(self.rtnl.limits.rules_note(), 4));
        }
        if !self.confined {
            return Ok(argv.to_vec());
        }
        match argv[0].as_str() {
            // Only as `docker exec` builds it, into a preset's container,
            // and only for the lab's programs: never a shell of the VM's.
            "nsenter" => {
                let pids: Vec<String> = self.containers.iter().map(|(_, p)| p.to_string()).collect();
                let lab_program = |p: &str| {
                    matches!(p, "ip" | "bridge" | "sysctl" | "ping" | "ss" | "hostname") || EXTERNAL.contains(&p)
                };
                match argv {
                    [_, t, pid, m, n, dashes, program, ..]
                        if t == "-t"
                            && pids.contains(pid)
                            && m == "-m"
                            && n == "-n"
                            && dashes == "--"
                            && lab_program(program)
                            && program != "nsenter"
                            && program != "timeout" =>
                    {
                        Ok(argv.to_vec())
                    }
                    _ => Err(Output::error(
                        "nsenter: on a paired VM only `docker exec NAME COMMAND` enters a preset's container\n",
                        1,
                    )),
                }
            }
            "timeout" => match timeout_program(&argv[1..]) {
                Some(p) if !EXTERNAL.contains(&p) || p == "timeout" => Err(Output::error(
                    format!("timeout: failed to run command \u{2018}{p}\u{2019}: No such file or directory\n"),
                    127,
                )),
                _ => Ok(argv.to_vec()),
            },
            "curl" => {
                let mut confined = vec![argv[0].clone()];
                confined.extend(["--proto", "=http,https", "--proto-redir", "=http,https"].map(String::from));
                confined.extend(argv[1..].iter().cloned());
                Ok(confined)
            }
            _ => Ok(argv.to_vec()),
        }
    }

    /// `docker exec NAME CMD…` in a preset's container: the system's
    /// `nsenter` into the namespaces of the process the preset's script
    /// started for it (its network and mount namespaces). The other
    /// commands, and every error, as the simulator's docker prints them.
    pub(crate) fn docker(&self, args: &[String]) -> Result<Vec<String>, Output> {
        let cmd = sim_core::tools::docker::parse(args)?;
        // No preset with Docker was built: no daemon runs here (the
        // machine's own docker is never reached).
        if self.containers.is_empty() {
            let run = matches!(cmd, sim_core::tools::docker::Docker::Run { .. });
            return Err(sim_core::tools::docker::no_daemon(run));
        }
        match cmd {
            sim_core::tools::docker::Docker::Exec { container, argv } => {
                let Some((_, pid)) = self.containers.iter().find(|(n, _)| *n == container) else {
                    return Err(sim_core::tools::docker::no_such_container(&container));
                };
                let mut nsenter: Vec<String> =
                    ["nsenter", "-t", &pid.to_string(), "-m", "-n", "--"].map(String::from).to_vec();
                nsenter.extend(argv);
                Ok(nsenter)
            }
            _ => Err(Output::error("docker: on a paired VM only `docker exec` reaches a preset's containers\n", 1)),
        }
    }

    /// Whether `argv` (an iptables command in namespace `ns`) would add a
    /// rule to a namespace that has as many as its limit allows.
    fn adds_rule_past_limit(&mut self, ns: Option<&str>, argv: &[String]) -> bool {
        let limit = self.rtnl.limits.rules;
        let adds = match argv[0].as_str() {
            "iptables" | "ip6tables" => argv[1..].iter().any(|a| {
                matches!(a.as_str(), "--append" | "--insert")
                    || (a.starts_with("-A") || a.starts_with("-I")) && !a.starts_with("--")
            }),
            "iptables-restore" | "ip6tables-restore" => true,
            _ => false,
        };
        adds && limit != usize::MAX && rules_in(ns) >= limit
    }

    /// Before a system program, which may send packets: the kernel's
    /// deferred work is done (see [`Rtnl::sync_links`]).
    fn before_external(&mut self) {
        self.rtnl.settle();
        self.rtnl.sync_links();
    }

    /// After a system program: the kernel may have changed, and the
    /// program may have written files.
    fn after_external(&mut self) {
        self.rtnl.changed();
        scratch::adopt(&mut self.files);
    }

    /// `ip ARGS` in namespace `ns`; `ip netns exec` is left to the caller.
    fn ip(&mut self, ns: Option<&str>, args: &[String], stdin: &str, nested: usize) -> Outcome {
        let mut host = InNamespace { core: self, ns, nested };
        iproute::ip_on(&mut host, args, stdin)
    }

    /// A shell started as a program in a namespace (`ip netns exec NS bash
    /// -c …`): sim-shell's, in this process, so no process of the kernel.
    /// It gets a pid of its own that no real process can have, which `ip
    /// netns identify $$` answers for (see `kernel::Shells`).
    fn shell(&mut self, ns: Option<&str>, argv: &[String], stdin: &str, nested: usize) -> Output {
        let pid = self.rtnl.shells.start(ns);
        let out = shell::run_shell_program_as(argv, stdin, &mut InNamespace { core: self, ns, nested }, pid);
        self.rtnl.shells.end(pid);
        out
    }

    /// Why `ip netns exec NAME PROGRAM…` cannot run, if it cannot.
    fn netns_check(&self, netns: &str, argv: &[String], nested: usize) -> Result<(), Output> {
        let Some(prog) = argv.first() else { return Err(Output::new()) };
        if netns::open(netns).is_err() {
            return Err(Output::error(
                format!("Cannot open network namespace \"{netns}\": No such file or directory\n"),
                255,
            ));
        }
        if nested >= MAX_NESTING {
            return Err(Output::error("ip: too many nested \"ip netns exec\"\n", 255));
        }
        if !is_program(prog) {
            return Err(Output::error(format!("exec of \"{prog}\" failed: No such file or directory\n"), 1));
        }
        Ok(())
    }

    /// `ip netns exec NAME PROGRAM…`: the program, run in that namespace.
    fn netns_exec(&mut self, netns: &str, argv: &[String], stdin: &str, nested: usize) -> Output {
        match self.netns_check(netns, argv, nested) {
            Ok(()) => self.exec(Some(netns), argv, stdin, nested + 1),
            Err(out) => out,
        }
    }

    fn netlink(&mut self, ns: Option<&str>) -> Result<KernelNetlink<'_>, Output> {
        match ns {
            None => Ok(KernelNetlink::host(&mut self.rtnl)),
            Some(n) => KernelNetlink::named(&mut self.rtnl, n)
                .map_err(|e| Output::error(format!("Cannot open network namespace \"{n}\": {}\n", e.text()), 255)),
        }
    }

    /// `> PATH`: the file, made empty (`>>`, `append`: kept as it is).
    fn create_file(&mut self, path: &str, append: bool) -> Result<(), &'static str> {
        self.files.write(files::HOME, path, "", append).map_err(|e| e.text())
    }

    /// What a command wrote through `> PATH`.
    fn append_file(&mut self, path: &str, text: &str) {
        let _ = self.files.write(files::HOME, path, text, true);
    }

    /// `< PATH`.
    fn read_file(&self, path: &str) -> Result<String, &'static str> {
        self.files.read(files::HOME, path).map(str::to_string).map_err(|e| e.text())
    }

    fn spend(&mut self, steps: u64) -> bool {
        if self.steps == 0 || steps > self.steps {
            self.steps = 0;
            return false;
        }
        self.steps -= steps;
        true
    }
}

/// The real kernel seen from one namespace, with the programs run there:
/// for a shell started in it (`ip netns exec NS bash -c …`), and for
/// `ip`, whose batch lines run on it and `netns exec` as the agent does.
/// Its programs run at once.
struct InNamespace<'a, 'n> {
    core: &'a mut Core,
    ns: Option<&'n str>,
    nested: usize,
}

impl iproute::batch::Host for InNamespace<'_, '_> {
    fn with_netlink(&mut self, f: &mut dyn FnMut(&mut dyn sim_core::netlink::Netlink) -> Outcome) -> Outcome {
        match self.core.netlink(self.ns) {
            Ok(mut nl) => f(&mut nl),
            Err(o) => Outcome::Done(o),
        }
    }

    fn netns_exec(&mut self, netns: &str, argv: &[String]) -> Output {
        // The batch has read stdin.
        self.core.netns_exec(netns, argv, "", self.nested)
    }
}

impl Programs for InNamespace<'_, '_> {
    fn run(&mut self, argv: &[String], stdin: &str) -> Output {
        self.core.exec(self.ns, argv, stdin, self.nested)
    }

    fn has(&mut self, name: &str) -> bool {
        is_program(name)
    }

    fn spend(&mut self, steps: u64) -> bool {
        self.core.spend(steps)
    }

    fn create_file(&mut self, path: &str, append: bool) -> Result<(), &'static str> {
        self.core.create_file(path, append)
    }

    fn append_file(&mut self, path: &str, text: &str) {
        self.core.append_file(path, text)
    }

    fn read_file(&mut self, path: &str) -> Result<String, &'static str> {
        self.core.read_file(path)
    }
}

/// Whether a name is a program this host runs.
fn is_program(name: &str) -> bool {
    matches!(name, "ip" | "bridge" | "sysctl" | "ifconfig" | "sudo" | "man" | "docker")
        || shell::is_coreutil(name)
        || coreutils::FILE_TOOLS.contains(&name)
        || shell::is_shell(name)
        || is_external(name)
}

/// Whether a name is one of the system's programs run as a process.
fn is_external(name: &str) -> bool {
    EXTERNAL.contains(&name) && child::find(name).is_some()
}

/// `out`, with the time it took (a program that ran at once) as a last
/// empty chunk, so the line's delays add up to the real time.
fn timed(mut out: Output, since: Instant) -> Output {
    let ms = since.elapsed().as_millis() as u64;
    if ms > 0 {
        let status = out.status;
        out.out_after(ms, "");
        out.status = status;
    }
    out
}
