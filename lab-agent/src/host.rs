//! The real-kernel host as a whole: [`KernelLab`] is to a Linux kernel what
//! `sim_core::Lab` is to the simulator. The same shell hands it programs;
//! `ip`, `bridge`, `sysctl` and `ifconfig` are sim-core's own parsers and
//! printers over [`KernelNetlink`]; `ping` and `iptables` are the system's
//! binaries, run with an argv (never a shell) inside the namespace.

use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use sim_core::iproute::{self, Outcome};
use sim_core::output::Output;
use sim_shell::{self as shell, Env, Programs};

use crate::kernel::{netns, KernelNetlink, Rtnl, SetupError};

/// The system programs a lesson may run on the kernel side.
const EXTERNAL: &[&str] = &["ping", "iptables", "iptables-save", "iptables-restore", "sleep"];

/// Where they are looked for (root's PATH).
const PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// `ip netns exec` inside `ip netns exec` inside …: the same cap as the Lab.
const MAX_NESTING: usize = 16;

/// A Linux host (the sandbox's namespaces), driven by command lines.
pub struct KernelLab {
    rtnl: Rtnl,
    env: Env,
    /// Work left to the current command line (see [`Programs::spend`]).
    steps: u64,
}

impl KernelLab {
    /// The host is the calling thread's network namespace: enter the
    /// sandbox ([`crate::sandbox::enter`]) first.
    pub fn new() -> Result<KernelLab, SetupError> {
        Ok(KernelLab { rtnl: Rtnl::new()?, env: Env::default(), steps: shell::STEP_BUDGET })
    }

    /// The gap kept after a change before the next request (see
    /// [`crate::kernel::SETTLE`]); zero runs as fast as `ip -batch`.
    pub fn set_pace(&mut self, pace: std::time::Duration) {
        self.rtnl.set_pace(pace);
    }

    /// Runs one command line as root on the host, as a terminal would.
    pub fn run(&mut self, line: &str) -> Output {
        self.steps = shell::STEP_BUDGET;
        let mut env = std::mem::take(&mut self.env);
        let out = shell::run_line(line, &mut env, self);
        self.env = env;
        out
    }

    /// Runs one program in a namespace (`None`: the host).
    fn exec(&mut self, ns: Option<&str>, argv: &[String], stdin: &str, nested: usize) -> Output {
        let Some(name) = argv.first() else { return Output::new() };
        let rest = &argv[1..];
        match name.as_str() {
            "sudo" => match sim_core::tools::sudo::inner(rest, &is_program) {
                Ok(inner) => self.exec(ns, inner, stdin, nested),
                Err(out) => out,
            },
            "ip" => {
                let mut host = InNamespace { lab: self, ns, nested };
                match iproute::ip_on(&mut host, rest, stdin) {
                    Outcome::Done(o) => o,
                    Outcome::Exec { netns, argv } => self.netns_exec(&netns, &argv, stdin, nested),
                }
            }
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
            "bash" | "sh" => {
                let mut inner = InNamespace { lab: self, ns, nested };
                shell::run_shell_program(argv, stdin, &mut inner)
            }
            n if EXTERNAL.contains(&n) => match find(n) {
                Some(path) => {
                    self.rtnl.settle();
                    self.rtnl.sync_links();
                    let out = run_external(ns, &path, argv, stdin);
                    self.rtnl.changed();
                    out
                }
                None => Output::error(format!("bash: {n}: command not found\n"), 127),
            },
            _ => match shell::run_coreutil(argv, stdin) {
                Some(o) => o,
                None => Output::error(format!("bash: {name}: command not found\n"), 127),
            },
        }
    }

    /// `ip netns exec NAME PROGRAM…`: the program, run in that namespace.
    fn netns_exec(&mut self, netns: &str, argv: &[String], stdin: &str, nested: usize) -> Output {
        let Some(prog) = argv.first() else { return Output::new() };
        if netns::open(netns).is_err() {
            return Output::error(
                format!("Cannot open network namespace \"{netns}\": No such file or directory\n"),
                255,
            );
        }
        if nested >= MAX_NESTING {
            return Output::error("ip: too many nested \"ip netns exec\"\n", 255);
        }
        if !is_program(prog) {
            return Output::error(format!("exec of \"{prog}\" failed: No such file or directory\n"), 1);
        }
        self.exec(Some(netns), argv, stdin, nested + 1)
    }

    fn netlink(&mut self, ns: Option<&str>) -> Result<KernelNetlink<'_>, Output> {
        match ns {
            None => Ok(KernelNetlink::host(&mut self.rtnl)),
            Some(n) => KernelNetlink::named(&mut self.rtnl, n)
                .map_err(|e| Output::error(format!("Cannot open network namespace \"{n}\": {}\n", e.text()), 255)),
        }
    }
}

impl Programs for KernelLab {
    fn run(&mut self, argv: &[String], stdin: &str) -> Output {
        self.exec(None, argv, stdin, 0)
    }

    fn has(&mut self, name: &str) -> bool {
        is_program(name)
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
struct InNamespace<'a, 'n> {
    lab: &'a mut KernelLab,
    ns: Option<&'n str>,
    nested: usize,
}

impl iproute::batch::Host for InNamespace<'_, '_> {
    fn with_netlink(&mut self, f: &mut dyn FnMut(&mut dyn sim_core::netlink::Netlink) -> Outcome) -> Outcome {
        match self.lab.netlink(self.ns) {
            Ok(mut nl) => f(&mut nl),
            Err(o) => Outcome::Done(o),
        }
    }

    fn netns_exec(&mut self, netns: &str, argv: &[String]) -> Output {
        // The batch has read stdin.
        self.lab.netns_exec(netns, argv, "", self.nested)
    }
}

impl Programs for InNamespace<'_, '_> {
    fn run(&mut self, argv: &[String], stdin: &str) -> Output {
        self.lab.exec(self.ns, argv, stdin, self.nested)
    }

    fn has(&mut self, name: &str) -> bool {
        is_program(name)
    }

    fn spend(&mut self, steps: u64) -> bool {
        self.lab.spend(steps)
    }
}

/// Whether a name is a program this host runs.
fn is_program(name: &str) -> bool {
    matches!(name, "ip" | "bridge" | "sysctl" | "ifconfig" | "sudo" | "man")
        || shell::is_coreutil(name)
        || shell::is_shell(name)
        || (EXTERNAL.contains(&name) && find(name).is_some())
}

/// A system program by name on root's PATH.
fn find(name: &str) -> Option<PathBuf> {
    PATH.split(':').map(|d| PathBuf::from(d).join(name)).find(|p| p.is_file())
}

/// Runs `path` with `argv` in namespace `ns`. Its stdin is the pipe's text
/// for iptables-restore (the one that reads it; it reads it all before it
/// writes) and /dev/null otherwise. Output: stdout and stderr in the order
/// they were written (ping's `local error` lines come between its replies).
fn run_external(ns: Option<&str>, path: &std::path::Path, argv: &[String], stdin: &str) -> Output {
    let feeds = argv[0] == "iptables-restore";
    let target = match ns {
        None => None,
        Some(n) => match netns::open(n) {
            Ok(f) => Some(f),
            Err(e) => return Output::error(format!("Cannot open network namespace \"{n}\": {e}\n"), 255),
        },
    };
    let mut cmd = Command::new(path);
    cmd.arg0(&argv[0])
        .args(&argv[1..])
        .env_clear()
        .env("PATH", PATH)
        .env("LC_ALL", "C")
        .current_dir("/")
        .stdin(if feeds { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let raw = target.as_ref().map(std::os::fd::AsRawFd::as_raw_fd);
    // SAFETY: the closure runs between fork and exec and only makes
    // async-signal-safe syscalls (prctl, setns).
    unsafe {
        cmd.pre_exec(move || {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            if let Some(fd) = raw {
                if libc::setns(fd, libc::CLONE_NEWNET) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            Ok(())
        });
    }
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => return Output::error(format!("{}: {e}\n", argv[0]), 126),
    };
    if let Some(mut input) = child.stdin.take() {
        use std::io::Write;
        // A write error means the child exited early; its status says why.
        let _ = input.write_all(stdin.as_bytes());
    }
    let mut o = Output::new();
    if let (Some(out), Some(err)) = (child.stdout.take(), child.stderr.take()) {
        read_both(out, err, &mut o);
    }
    o.status = match child.wait() {
        Ok(s) => s.code().unwrap_or_else(|| 128 + std::os::unix::process::ExitStatusExt::signal(&s).unwrap_or(0)),
        Err(_) => 1,
    };
    o
}

/// Reads a child's stdout and stderr as the writes arrive, so that neither
/// pipe fills up and what the child printed keeps its order.
fn read_both(out: std::process::ChildStdout, err: std::process::ChildStderr, o: &mut Output) {
    use std::os::fd::AsRawFd;
    let mut pipes = [Some(out.as_raw_fd()), Some(err.as_raw_fd())];
    let mut buf = [0u8; 4096];
    while pipes.iter().any(Option::is_some) {
        let mut fds: Vec<libc::pollfd> =
            pipes.iter().map(|p| libc::pollfd { fd: p.unwrap_or(-1), events: libc::POLLIN, revents: 0 }).collect();
        // SAFETY: `fds` is a valid array of pollfd for the length given.
        if unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, -1) } < 0 {
            if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return;
        }
        for (i, fd) in fds.iter().enumerate() {
            if fd.fd < 0 || fd.revents == 0 {
                continue;
            }
            // SAFETY: reading into a buffer we own, from a descriptor the child handles keep open.
            let n = unsafe { libc::read(fd.fd, buf.as_mut_ptr().cast(), buf.len()) };
            if n < 0 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            if n <= 0 {
                pipes[i] = None;
                continue;
            }
            let text = String::from_utf8_lossy(&buf[..n as usize]).into_owned();
            if i == 0 {
                o.out(text);
            } else {
                o.err(text);
            }
        }
    }
    drop((out, err));
}
