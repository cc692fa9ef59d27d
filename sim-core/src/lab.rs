//! The simulated host as a whole: a kernel, the tools, and a shell.

use crate::iproute::{self, Outcome};
use crate::kernel::{Kernel, NsId};
use crate::netlink::{SimNetfilter, SimNetlink, SimSockets};
use crate::output::Output;
use crate::packet::Trace;
use crate::snapshot::{self, Snapshot};
use sim_shell::{self as shell, Env, Programs};

/// One simulated Linux host with its namespaces, driven by command lines.
///
/// ```
/// let mut lab = sim_core::Lab::new();
/// let out = lab.run("ip link show lo");
/// assert_eq!(out.status, 0);
/// ```
#[derive(Clone, Debug)]
pub struct Lab {
    kernel: Kernel,
    env: Env,
    /// Every packet the last command line moved.
    trace: Trace,
    /// Work left to the current command line, over every shell it starts
    /// (see [`Programs::spend`]).
    steps: u64,
    /// The virtual time the current command line started at.
    line_start_ms: u64,
}

impl Default for Lab {
    fn default() -> Self {
        Lab::new()
    }
}

/// `ip netns exec` inside `ip netns exec` inside …: Linux has no limit, we do.
const MAX_NESTING: usize = 16;

/// How much virtual time a command line's loops may let pass (the same
/// bound as a ping's).
const LOOP_TIME_MS: u64 = crate::tools::RUN_LIMIT_MS;

impl Lab {
    /// A fresh host with the default seed.
    pub fn new() -> Lab {
        Lab::with_seed(0)
    }

    /// A fresh host whose MAC addresses derive from `seed`.
    pub fn with_seed(seed: u64) -> Lab {
        Lab {
            kernel: Kernel::new(seed),
            env: Env::default(),
            trace: Trace::default(),
            steps: shell::STEP_BUDGET,
            line_start_ms: 0,
        }
    }

    /// Runs one command line as root on the host, as a terminal would.
    pub fn run(&mut self, line: &str) -> Output {
        self.trace = Trace::default();
        self.steps = shell::STEP_BUDGET;
        self.line_start_ms = self.kernel.now_ms;
        // Not `mem::take`: a default Env is a fresh login environment.
        let mut env = std::mem::replace(&mut self.env, Env::empty());
        let out = shell::run_line(line, &mut env, self);
        self.env = env;
        out
    }

    /// The current state, for diagrams and lesson checks.
    pub fn snapshot(&self) -> Snapshot {
        snapshot::of(&self.kernel)
    }

    /// The simulated kernel, read-only.
    pub fn kernel(&self) -> &Kernel {
        &self.kernel
    }

    /// What every packet did during the last command line (ARP, bridging,
    /// routing, NAT, delivery, drops with their reasons).
    pub fn last_trace(&self) -> &Trace {
        &self.trace
    }

    /// Runs one program in a namespace. `nested` counts `ip netns exec` levels.
    fn exec(&mut self, ns: NsId, argv: &[String], stdin: &str, nested: usize) -> Output {
        let Some(name) = argv.first() else { return Output::new() };
        let rest = &argv[1..];
        match name.as_str() {
            "sudo" => match crate::tools::sudo::inner(rest, &|p| Self::is_program(p)) {
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
            "ping" => {
                let mut socks = SimSockets::new(&mut self.kernel, ns);
                let out = crate::tools::ping::run(&mut socks, argv);
                self.trace.events.extend(socks.finish().events);
                out
            }
            "iptables" | "iptables-save" | "iptables-restore" => self.iptables(ns, argv, stdin),
            "sleep" => self.sleep(rest),
            "bridge" => iproute::bridge::bridge(&mut SimNetlink::new(&mut self.kernel, ns), rest),
            "sysctl" => crate::tools::sysctl::sysctl(&mut SimNetlink::new(&mut self.kernel, ns), rest),
            "ifconfig" => crate::tools::ifconfig::ifconfig(&mut SimNetlink::new(&mut self.kernel, ns), rest),
            "man" => crate::tools::man::run(argv),
            // The kernel log, empty: a LOG rule outside the initial namespace
            // logs nothing (recorded); one in the initial namespace would
            // write here on Linux, which the lab does not model yet.
            "dmesg" => Output::new(),
            "cat" if rest.iter().any(|a| a.starts_with("/proc/")) => self.cat_proc(ns, rest),
            // A shell started in the namespace (`ip netns exec NS bash -c …`)
            // runs its commands there.
            "bash" | "sh" => shell::run_shell_program(argv, stdin, &mut InNamespace { lab: self, ns, nested }),
            _ => match shell::run_coreutil(argv, stdin) {
                Some(o) => o,
                None => Output::error(format!("bash: {name}: command not found\n"), 127),
            },
        }
    }

    /// `iptables`, `iptables-save` or `iptables-restore` (`argv[0]`) in
    /// namespace `ns`: linked in, or run where the text tools run (the
    /// site's on-demand module; see `tools::elsewhere`).
    fn iptables(&mut self, ns: NsId, argv: &[String], stdin: &str) -> Output {
        let now = crate::tools::iptables::EPOCH_BASE + self.kernel.now_ms / 1000;
        let nf = &mut SimNetfilter::new(&mut self.kernel, ns);
        #[cfg(feature = "text-tools")]
        return crate::tools::iptables::program(nf, argv, stdin, now);
        #[cfg(all(not(feature = "text-tools"), feature = "tools-elsewhere"))]
        return crate::tools::elsewhere::iptables(nf, argv, stdin, now);
        #[cfg(all(not(feature = "text-tools"), not(feature = "tools-elsewhere")))]
        {
            let _ = (nf, stdin, now);
            Output::error(format!("bash: {}: command not found\n", argv[0]), 127)
        }
    }

    /// `ip netns exec NAME PROGRAM…`: the program, run in that namespace.
    fn netns_exec(&mut self, netns: &str, argv: &[String], stdin: &str, nested: usize) -> Output {
        let Some(target) = self.kernel.ns_by_name(netns) else {
            return Output::error(
                format!("Cannot open network namespace \"{netns}\": No such file or directory\n"),
                255,
            );
        };
        if nested >= MAX_NESTING {
            return Output::error("ip: too many nested \"ip netns exec\"\n", 255);
        }
        if !Self::is_program(&argv[0]) {
            return Output::error(format!("exec of \"{}\" failed: No such file or directory\n", argv[0]), 1);
        }
        self.exec(target, argv, stdin, nested + 1)
    }

    /// Whether a name is a program this host has.
    fn is_program(name: &str) -> bool {
        matches!(
            name,
            "ip" | "bridge"
                | "sysctl"
                | "ifconfig"
                | "sudo"
                | "ping"
                | "iptables"
                | "iptables-save"
                | "iptables-restore"
                | "sleep"
                | "man"
                | "dmesg"
        ) || shell::is_coreutil(name)
            || shell::is_shell(name)
    }

    /// `cat` of /proc files, the only files this host has: /proc/sys (the
    /// sysctls) and /proc/net/nf_conntrack. Anything else does not exist.
    fn cat_proc(&mut self, ns: NsId, files: &[String]) -> Output {
        let mut out = Output::new();
        for f in files {
            let text = if let Some(path) = f.strip_prefix("/proc/sys/") {
                crate::kernel::sysctl::read(&self.kernel, ns, path).map(|v| format!("{v}\n"))
            } else if f == "/proc/net/nf_conntrack" {
                let now = self.kernel.now_ms;
                self.kernel.ns(ns).map(|n| n.conntrack.proc_text(now)).ok_or(crate::kernel::Errno::ENOENT)
            } else {
                Err(crate::kernel::Errno::ENOENT)
            };
            match text {
                Ok(t) => out.out(t),
                Err(e) => {
                    out.err(format!("cat: {f}: {}\n", e.text()));
                    out.status = 1;
                }
            }
        }
        out
    }

    /// `sleep N`: lets N seconds of virtual time pass (neighbour entries age,
    /// ARP retries give up) and tells the terminal to wait that long.
    fn sleep(&mut self, args: &[String]) -> Output {
        let Some(secs) = args
            .first()
            // "inf" and "nan" parse, and are refused by the filter below.
            .and_then(|a| a.trim_end_matches('s').parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s >= 0.0)
        else {
            return Output::error(
                match args.first() {
                    Some(a) => {
                        format!("sleep: invalid time interval '{a}'\nTry 'sleep --help' for more information.\n")
                    }
                    None => "sleep: missing operand\nTry 'sleep --help' for more information.\n".to_string(),
                },
                1,
            );
        };
        let ms = (secs.min(86_400.0) * 1000.0) as u64;
        let until = self.kernel.now_ms + ms;
        let trace = crate::packet::advance_to(&mut self.kernel, until);
        self.kernel.now_ms = self.kernel.now_ms.max(until);
        self.trace.events.extend(trace.events);
        let mut out = Output::new();
        out.out_after(ms, "");
        out
    }
}

impl Programs for Lab {
    fn run(&mut self, argv: &[String], stdin: &str) -> Output {
        self.exec(NsId::HOST, argv, stdin, 0)
    }

    fn has(&mut self, name: &str) -> bool {
        Self::is_program(name)
    }

    fn spend(&mut self, steps: u64) -> bool {
        let looped_too_long = steps > 0 && self.kernel.now_ms.saturating_sub(self.line_start_ms) >= LOOP_TIME_MS;
        if looped_too_long || self.steps == 0 || steps > self.steps {
            self.steps = 0;
            return false;
        }
        self.steps -= steps;
        true
    }
}

/// One namespace of this host with the programs run there: for a shell
/// started in it (`ip netns exec NS bash -c …`), and for `ip`, whose
/// batch lines run on its kernel and `netns exec` as the Lab does.
struct InNamespace<'a> {
    lab: &'a mut Lab,
    ns: NsId,
    nested: usize,
}

impl iproute::batch::Host for InNamespace<'_> {
    fn with_netlink(&mut self, f: &mut dyn FnMut(&mut dyn crate::netlink::Netlink) -> Outcome) -> Outcome {
        f(&mut SimNetlink::new(&mut self.lab.kernel, self.ns))
    }

    fn netns_exec(&mut self, netns: &str, argv: &[String]) -> Output {
        // The batch has read stdin.
        self.lab.netns_exec(netns, argv, "", self.nested)
    }
}

impl Programs for InNamespace<'_> {
    fn run(&mut self, argv: &[String], stdin: &str) -> Output {
        self.lab.exec(self.ns, argv, stdin, self.nested)
    }

    fn has(&mut self, name: &str) -> bool {
        Lab::is_program(name)
    }

    fn spend(&mut self, steps: u64) -> bool {
        self.lab.spend(steps)
    }
}

#[cfg(test)]
mod tests {
    use super::Lab;

    #[test]
    fn endless_loops_end_as_ctrl_c_would() {
        let mut lab = Lab::new();
        for line in [
            "while true; do :; done",
            "ip netns add red; ip netns exec red bash -c 'while :; do ip -br link >/dev/null; done'",
            "while true; do sleep 1; done",
        ] {
            let out = lab.run(line);
            assert_eq!((out.status, out.stdout().ends_with("^C\n")), (130, true), "{line}");
        }
        // A minute of virtual time spent in a loop is allowed.
        let out = lab.run("for i in $(seq 60); do sleep 1; done; echo done");
        assert_eq!(out.stdout(), "done\n");
    }
}
