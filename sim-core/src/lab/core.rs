//! The lab's shared state, and the programs that run at once (`ip`,
//! `ping`, the text tools, …) on it.

use crate::iproute::{self, Outcome};
use crate::kernel::{Kernel, MntId, NsId};
use crate::netlink::{SimNetfilter, SimNetlink, SimSockets};
use crate::output::Output;
use crate::packet::Trace;
use crate::procs::SHELL_PID;
use sim_shell::{self as shell, Programs};

pub(crate) use super::terminal::Terminal;

/// The lab's state that programs change, shared by every task through
/// `Rc<RefCell<…>>` and borrowed only between awaits: the kernel, the
/// process table, the terminals, what packets did.
#[derive(Clone, Debug)]
pub(crate) struct Core {
    pub kernel: Kernel,
    /// Every packet the last command line moved.
    pub trace: Trace,
    /// What the last line's printers recorded for explained output.
    #[cfg(feature = "explain")]
    pub printed: Vec<crate::explain::record::Printed>,
    /// The work the running program's shells may still do (see
    /// [`Programs::spend`]): lent by the task that runs it.
    pub budget: Budget,
    pub terms: Vec<Terminal>,
    /// Packet-engine runs held by programs that wait (a ping between its
    /// probes); while any is, they age the neighbour tables themselves.
    pub live_engines: usize,
    /// A program the running line asked for that only the complete lab
    /// has (see `basic.rs`), by name; taken by [`super::Lab::take_lacked`].
    pub lacked: Option<String>,
    /// The machine's regular files (`/tmp/…`): what redirections write,
    /// the text tools read, `rm` and `touch` change.
    pub files: shell::files::Files,
    /// The mount namespace of the program running at once, whose
    /// /run/netns `ip netns` reads: the host's, but while `docker exec`
    /// (or `nsenter -m`) runs one in a preset's container. Set, like
    /// `budget`, by the task that runs the program.
    pub mnt: MntId,
    /// A lab preset's containers (`docker exec NAME`, `docker ps`).
    #[cfg(feature = "presets")]
    pub containers: Vec<super::presets::Container>,
    /// A Docker daemon runs (a preset with Docker): `docker` reaches it.
    #[cfg(feature = "presets")]
    pub docker_daemon: bool,
}

/// What one command line (or one background job) may still do: steps of
/// the shells it runs, and virtual time its loops may let pass.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Budget {
    pub steps: u64,
    pub start_ms: u64,
}

impl Budget {
    pub fn new(start_ms: u64) -> Budget {
        Budget { steps: shell::STEP_BUDGET, start_ms }
    }

    /// Takes `steps`; false once spent (see [`Programs::spend`]).
    pub fn spend(&mut self, steps: u64, now_ms: u64) -> bool {
        let looped_too_long = steps > 0 && now_ms.saturating_sub(self.start_ms) >= LOOP_TIME_MS;
        if looped_too_long || self.steps == 0 || steps > self.steps {
            self.steps = 0;
            return false;
        }
        self.steps -= steps;
        true
    }
}

/// `ip netns exec` inside `ip netns exec` inside …: Linux has no limit, we do.
const MAX_NESTING: usize = 16;

/// How much virtual time a command line's loops may let pass (the same
/// bound as a ping's).
const LOOP_TIME_MS: u64 = crate::tools::RUN_LIMIT_MS;

impl Core {
    pub fn new(seed: u64) -> Core {
        Core {
            kernel: Kernel::new(seed),
            trace: Trace::default(),
            #[cfg(feature = "explain")]
            printed: Vec::new(),
            budget: Budget::new(0),
            terms: vec![Terminal::new(SHELL_PID)],
            live_engines: 0,
            lacked: None,
            files: shell::files::Files::new(),
            mnt: MntId::HOST,
            #[cfg(feature = "presets")]
            containers: Vec::new(),
            #[cfg(feature = "presets")]
            docker_daemon: false,
        }
    }

    /// Lets virtual time pass up to `until_ms` (neighbour entries age, ARP
    /// retries give up); never backwards.
    pub fn advance_clock(&mut self, until_ms: u64) {
        // A run a waiting program holds re-armed the neighbour timers when
        // it started and fires them as it goes on: a second run would
        // fire them twice.
        if self.live_engines == 0 {
            let trace = crate::packet::advance_to(&mut self.kernel, until_ms);
            self.trace.events.extend(trace.events);
        }
        self.kernel.now_ms = self.kernel.now_ms.max(until_ms);
    }

    /// What the kernel has to send of its own at this moment (a link just
    /// up sends its first MLD report within a jiffy) goes before the next
    /// command looks, as on Linux.
    #[cfg(all(feature = "mcast", feature = "ipv6"))]
    pub fn send_due_own_traffic(&mut self) {
        // A waiting program's run holds the kernel's timers (see
        // `advance_clock`); it sends what falls due.
        if self.live_engines > 0 {
            return;
        }
        let now = self.kernel.now_ms;
        if self.kernel.own_traffic_due(now) {
            let trace = crate::packet::advance(&mut self.kernel, now * 1000);
            self.trace.events.extend(trace.events);
        }
        self.kernel.own_started = false;
    }

    /// Runs one program in a namespace. `nested` counts `ip netns exec` levels.
    pub fn exec(&mut self, ns: NsId, argv: &[String], stdin: &str, nested: usize) -> Output {
        let Some(name) = argv.first() else { return Output::new() };
        let rest = &argv[1..];
        match name.as_str() {
            "sudo" => match crate::tools::sudo::inner(rest, &|p| Self::is_program(p)) {
                Ok(inner) => self.exec(ns, inner, stdin, nested),
                Err(out) => out,
            },
            "ip" => match self.ip(ns, rest, stdin, nested) {
                Outcome::Done(o) => o,
                Outcome::Exec { netns, argv } => self.netns_exec(&netns, &argv, stdin, nested),
            },
            #[cfg(feature = "ipv6")]
            "ping6" => {
                let mut socks = SimSockets::new(&mut self.kernel, ns);
                let out = crate::tools::ping::run(&mut socks, argv);
                self.trace.events.extend(socks.finish().events);
                out
            }
            "ping" => {
                let mut socks = SimSockets::new(&mut self.kernel, ns);
                let out = crate::tools::ping::run(&mut socks, argv);
                self.trace.events.extend(socks.finish().events);
                out
            }
            #[cfg(feature = "sockets")]
            "nc" => {
                let mut socks = SimSockets::new(&mut self.kernel, ns);
                let out = crate::tools::nc::run(&mut socks, argv, stdin, SHELL_PID);
                self.trace.events.extend(socks.finish().events);
                out
            }
            #[cfg(feature = "sockets")]
            "tcpdump" => {
                let clock = crate::tools::nc::AtOnce::new(self.kernel.now_ms * 1000, SHELL_PID);
                let mut taps = crate::netlink::SimTaps { kernel: &mut self.kernel, ns };
                crate::sched::block_on(crate::tools::tcpdump::run_waiting(&mut taps, argv, &clock)).unwrap_or_default()
            }
            #[cfg(feature = "sockets")]
            "curl" => {
                let files = &mut self.files;
                let mut save = |path: &str, text: &str| files.write(shell::files::HOME, path, text, false).is_ok();
                let mut socks = SimSockets::new(&mut self.kernel, ns);
                let out = crate::tools::curl::run(&mut socks, argv, SHELL_PID, &mut save);
                self.trace.events.extend(socks.finish().events);
                out
            }
            #[cfg(feature = "sockets")]
            "ss" | "netstat" => self.socket_tool(ns, argv),
            "iptables" | "iptables-save" | "iptables-restore" | "ip6tables" | "ip6tables-save"
            | "ip6tables-restore" => self.iptables(ns, argv, stdin),
            #[cfg(feature = "presets")]
            "docker" => {
                let entered = self.docker_enter(rest);
                self.run_entered(entered, stdin, nested)
            }
            #[cfg(feature = "presets")]
            "nsenter" => {
                let entered = self.nsenter_enter(ns, rest);
                self.run_entered(entered, stdin, nested)
            }
            #[cfg(feature = "jobs")]
            "sleep" => self.sleep(rest),
            #[cfg(feature = "jobs")]
            "timeout" => self.timeout(ns, rest, stdin, nested),
            #[cfg(feature = "bridge-tool")]
            "bridge" => iproute::bridge::bridge(&mut SimNetlink::new(&mut self.kernel, ns).in_mount(self.mnt), rest),
            "sysctl" => {
                crate::tools::sysctl::sysctl(&mut SimNetlink::new(&mut self.kernel, ns).in_mount(self.mnt), rest)
            }
            #[cfg(feature = "net-tools")]
            "ifconfig" => {
                crate::tools::ifconfig::ifconfig(&mut SimNetlink::new(&mut self.kernel, ns).in_mount(self.mnt), rest)
            }
            "man" => crate::tools::man::run(argv),
            "hostname" => self.hostname(rest),
            // The kernel log, empty: a LOG rule outside the initial namespace
            // logs nothing (recorded); one in the initial namespace would
            // write here on Linux, which the lab does not model yet.
            "dmesg" => Output::new(),
            "cat" if rest.iter().any(|a| a.starts_with("/proc/")) => self.cat_proc(ns, rest),
            // A shell started in the namespace (`ip netns exec NS bash -c …`)
            // runs its commands there.
            "bash" | "sh" => self.shell(ns, argv, stdin, nested),
            _ => {
                let home = shell::files::HOME;
                if let Some(o) = shell::coreutils::run_file_tool(argv, &mut self.files, home) {
                    return o;
                }
                match shell::coreutils::run_coreutil_in(argv, &shell::coreutils::Input::new(stdin, &self.files, home)) {
                    Some(o) => o,
                    None => Output::error(format!("bash: {name}: command not found\n"), 127),
                }
            }
        }
    }

    /// `hostname ARGS`: the kernel's name, or inside a preset's container
    /// (its own UTS namespace, which a program shares with the container's
    /// mount namespace here) the container's, which it may not change: it
    /// runs without CAP_SYS_ADMIN.
    fn hostname(&mut self, args: &[String]) -> Output {
        #[cfg(feature = "presets")]
        if let Some(c) = self.containers.iter().find(|c| c.mnt == self.mnt && self.mnt != MntId::HOST) {
            let mut name = c.hostname.clone();
            let out = crate::tools::hostname::run(&mut name, args);
            if name != c.hostname {
                return Output::error("hostname: you must be root to change the host name\n", 1);
            }
            return out;
        }
        crate::tools::hostname::run(&mut self.kernel.hostname, args)
    }

    /// `iptables`, `iptables-save` or `iptables-restore` (or an
    /// `ip6tables` one: `argv[0]`) in
    /// namespace `ns`: linked in, or run where the text tools run (the
    /// site's on-demand module; see `tools::elsewhere`).
    fn iptables(&mut self, ns: NsId, argv: &[String], stdin: &str) -> Output {
        let out = self.iptables_run(ns, argv, stdin);
        // iptables may run in another module (the site's): its text is
        // read back here for explained output.
        #[cfg(feature = "explain")]
        if matches!(argv[0].as_str(), "iptables" | "ip6tables") {
            crate::explain::record::read_back(ns, &out.stdout(), crate::explain::iptables::tag);
        }
        out
    }

    fn iptables_run(&mut self, ns: NsId, argv: &[String], stdin: &str) -> Output {
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

    /// A shell started as a program in namespace `ns` (`ip netns exec NS
    /// bash -c …`): a process of its own while it runs, so `$$` and `ip
    /// netns identify` know where it is.
    fn shell(&mut self, ns: NsId, argv: &[String], stdin: &str, nested: usize) -> Output {
        let proc = crate::procs::Proc {
            pid: 0,
            ppid: SHELL_PID,
            ns,
            comm: argv[0].rsplit('/').next().unwrap_or("bash").to_string(),
            cmdline: argv.join(" "),
            term: 0,
            state: shell::ProcStatus::Running,
            ignore_int: false,
            started_ms: self.kernel.now_ms,
            catches: false,
            pending: None,
        };
        let pid = self.kernel.procs.start(proc);
        let out = shell::run_shell_program_as(
            argv,
            stdin,
            &mut InNamespace { lab: self, ns, nested },
            pid.unwrap_or(SHELL_PID),
        );
        if let Some(pid) = pid {
            self.kernel.procs.end(pid, shell::ProcStatus::Exited(out.status));
        }
        out
    }

    /// `ip ARGS` in namespace `ns`; `ip netns exec` is left to the caller.
    pub fn ip(&mut self, ns: NsId, args: &[String], stdin: &str, nested: usize) -> Outcome {
        iproute::ip_on(&mut InNamespace { lab: self, ns, nested }, args, stdin)
    }

    /// `ip netns exec NAME PROGRAM…`: the program, run in that namespace.
    pub fn netns_exec(&mut self, netns: &str, argv: &[String], stdin: &str, nested: usize) -> Output {
        match self.netns_target(netns, argv, nested) {
            Ok(target) => self.exec(target, argv, stdin, nested + 1),
            Err(out) => out,
        }
    }

    /// Where `ip netns exec NAME PROGRAM…` runs its program, or its error.
    pub fn netns_target(&self, netns: &str, argv: &[String], nested: usize) -> Result<NsId, Output> {
        let Some(target) = self.kernel.ns_by_name_in(self.mnt, netns) else {
            return Err(Output::error(
                format!("Cannot open network namespace \"{netns}\": No such file or directory\n"),
                255,
            ));
        };
        if nested >= MAX_NESTING {
            return Err(Output::error("ip: too many nested \"ip netns exec\"\n", 255));
        }
        if !Self::is_program(&argv[0]) {
            return Err(Output::error(format!("exec of \"{}\" failed: No such file or directory\n", argv[0]), 1));
        }
        Ok(target)
    }

    /// `ss` or `netstat` over the namespace's socket table.
    #[cfg(feature = "sockets")]
    fn socket_tool(&self, ns: NsId, argv: &[String]) -> Output {
        let now_us = self.kernel.now_ms * 1000;
        let views = self.kernel.ns(ns).map(|n| n.sockets.views(now_us)).unwrap_or_default();
        match argv[0].as_str() {
            "ss" => {
                let out = crate::tools::ss::ss(&views, argv);
                #[cfg(feature = "explain")]
                crate::explain::record::read_back(ns, &out.stdout(), crate::explain::ss::tag);
                out
            }
            _ => crate::tools::netstat::netstat(&views, argv),
        }
    }

    /// Whether a name is a program this host has.
    pub fn is_program(name: &str) -> bool {
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
                | "ip6tables"
                | "ip6tables-save"
                | "ip6tables-restore"
                | "man"
                | "hostname"
                | "dmesg"
        ) || (cfg!(feature = "jobs") && matches!(name, "sleep" | "timeout"))
            || (cfg!(feature = "ipv6") && name == "ping6")
            || shell::coreutils::FILE_TOOLS.contains(&name)
            || (cfg!(feature = "sockets") && matches!(name, "nc" | "curl" | "ss" | "netstat" | "tcpdump"))
            || (cfg!(feature = "presets") && matches!(name, "docker" | "nsenter"))
            || shell::is_coreutil(name)
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

    /// Whether a name is a program here, noting one that only the
    /// complete lab has (the host then runs the line there).
    pub fn has(&mut self, name: &str) -> bool {
        if super::basic::lacks_program(name) {
            self.lacked = Some(name.to_string());
        }
        Self::is_program(name)
    }

    /// `sleep N` where nothing may wait (inside `$(…)`, or a shell that
    /// `ip netns exec` started): lets the time pass at once and tells the
    /// terminal to wait that long.
    #[cfg(feature = "jobs")]
    fn sleep(&mut self, args: &[String]) -> Output {
        let ms = match crate::tools::sleep::sleep_args(args) {
            Ok(ms) => ms,
            Err(out) => return out,
        };
        let until = self.kernel.now_ms + ms;
        self.advance_clock(until);
        let mut out = Output::new();
        out.out_after(ms, "");
        out
    }

    /// `timeout` where nothing may wait: the command runs to its end, but
    /// a `sleep` longer than the limit is cut to it (status 124).
    #[cfg(feature = "jobs")]
    fn timeout(&mut self, ns: NsId, args: &[String], stdin: &str, nested: usize) -> Output {
        let t = match crate::tools::sleep::timeout_args(args) {
            Ok(t) => t,
            Err(out) => return out,
        };
        if !Self::is_program(&t.argv[0]) {
            return Output::error(
                format!("timeout: failed to run command ‘{}’: No such file or directory\n", t.argv[0]),
                127,
            );
        }
        if t.argv[0] == "sleep" {
            if let Ok(ms) = crate::tools::sleep::sleep_args(&t.argv[1..]) {
                if ms > t.ms {
                    let mut out = self.sleep(&[format!("{}", t.ms as f64 / 1000.0)]);
                    out.status = if t.preserve { 128 + t.signal } else { 124 };
                    return out;
                }
            }
        }
        self.exec(ns, &t.argv, stdin, nested)
    }
}

/// One namespace of this host with the programs run there: for a shell
/// started in it (`ip netns exec NS bash -c …`), and for `ip`, whose
/// batch lines run on its kernel and `netns exec` as the Lab does.
pub(crate) struct InNamespace<'a> {
    pub lab: &'a mut Core,
    ns: NsId,
    nested: usize,
}

impl iproute::batch::Host for InNamespace<'_> {
    fn with_netlink(&mut self, f: &mut dyn FnMut(&mut dyn crate::netlink::Netlink) -> Outcome) -> Outcome {
        let mnt = self.lab.mnt;
        f(&mut SimNetlink::new(&mut self.lab.kernel, self.ns).in_mount(mnt))
    }

    fn netns_exec(&mut self, netns: &str, argv: &[String]) -> Output {
        // The batch has read stdin.
        self.lab.netns_exec(netns, argv, "", self.nested)
    }
}

impl Core {
    /// `> PATH`: the file, made empty (`>>`, `append`: kept as it is).
    pub fn create_file(&mut self, path: &str, append: bool) -> Result<(), &'static str> {
        self.files.write(shell::files::HOME, path, "", append).map_err(|e| e.text())
    }

    /// What a command wrote through `> PATH`.
    pub fn append_file(&mut self, path: &str, text: &str) {
        let _ = self.files.write(shell::files::HOME, path, text, true);
    }

    /// A file a program writes whole (curl's `-o`): false if it cannot.
    #[cfg(feature = "sockets")]
    pub fn save_file(&mut self, path: &str, text: &str) -> bool {
        self.files.write(shell::files::HOME, path, text, false).is_ok()
    }

    /// `< PATH`.
    pub fn read_file(&self, path: &str) -> Result<String, &'static str> {
        self.files.read(shell::files::HOME, path).map(str::to_string).map_err(|e| e.text())
    }
}

impl Programs for InNamespace<'_> {
    fn run(&mut self, argv: &[String], stdin: &str) -> Output {
        self.lab.exec(self.ns, argv, stdin, self.nested)
    }

    fn has(&mut self, name: &str) -> bool {
        self.lab.has(name)
    }

    fn spend(&mut self, steps: u64) -> bool {
        let now = self.lab.kernel.now_ms;
        self.lab.budget.spend(steps, now)
    }

    fn create_file(&mut self, path: &str, append: bool) -> Result<(), &'static str> {
        self.lab.create_file(path, append)
    }

    fn append_file(&mut self, path: &str, text: &str) {
        self.lab.append_file(path, text)
    }

    fn read_file(&mut self, path: &str) -> Result<String, &'static str> {
        self.lab.read_file(path)
    }
}
