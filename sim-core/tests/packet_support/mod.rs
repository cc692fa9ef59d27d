//! A test host for the packet engine: the shell and `ip` from sim-core,
//! with `ping`, `iptables` and `ip route get` wired to the packet engine
//! (as the Lab will wire them), and the last command's trace kept.

#![allow(dead_code)]

use std::net::Ipv4Addr;

use sim_core::iproute::{self, Outcome};
use sim_core::kernel::{Kernel, NsId};
use sim_core::netlink::SimNetlink;
use sim_core::output::Output;
use sim_core::packet::{self, Trace};
use sim_core::shell::{self, Env, Programs};
use sim_core::tools;

pub struct Host {
    pub k: Kernel,
    env: Env,
    pub trace: Trace,
}

impl Host {
    pub fn new(seed: u64) -> Host {
        Host { k: Kernel::new(seed), env: Env::default(), trace: Trace::default() }
    }

    pub fn run(&mut self, line: &str) -> Output {
        let mut env = std::mem::take(&mut self.env);
        self.trace = Trace::default();
        let out = shell::run_line(line, &mut env, self);
        self.env = env;
        out
    }

    fn exec(&mut self, ns: NsId, argv: &[String], stdin: &str, depth: usize) -> Output {
        let Some(name) = argv.first() else { return Output::new() };
        match name.as_str() {
            "sudo" => self.exec(ns, &argv[1..], stdin, depth),
            "ping" => {
                let (o, t) = tools::ping::run_traced(&mut self.k, ns, argv);
                self.trace = t;
                o
            }
            "iptables" => tools::iptables::run(&mut self.k, ns, argv),
            "ip" => {
                if let Some((ns2, dst)) = route_get_args(&self.k, ns, &argv[1..]) {
                    return match packet::route_get_text(&self.k, ns2, dst) {
                        Ok(t) => {
                            let mut o = Output::new();
                            o.out(t);
                            o
                        }
                        Err(e) => Output::error(e, 2),
                    };
                }
                match iproute::ip(&mut SimNetlink::new(&mut self.k, ns), &argv[1..]) {
                    Outcome::Done(o) => o,
                    Outcome::Exec { netns, argv } => {
                        let Some(t) = self.k.ns_by_name(&netns) else {
                            return Output::error(format!("Cannot open network namespace \"{netns}\": No such file or directory\n"), 255);
                        };
                        if depth > 8 {
                            return Output::error("too deep\n", 255);
                        }
                        self.exec(t, &argv, stdin, depth + 1)
                    }
                }
            }
            "bridge" => iproute::bridge::bridge(&mut SimNetlink::new(&mut self.k, ns), &argv[1..]),
            "sysctl" => tools::sysctl::sysctl(&mut SimNetlink::new(&mut self.k, ns), &argv[1..]),
            "ifconfig" => tools::ifconfig::ifconfig(&mut SimNetlink::new(&mut self.k, ns), &argv[1..]),
            _ => match shell::run_coreutil(argv, stdin) {
                Some(o) => o,
                None => Output::error(format!("bash: {name}: command not found\n"), 127),
            },
        }
    }
}

/// `ip [-n NS] route get ADDR`.
fn route_get_args(k: &Kernel, ns: NsId, a: &[String]) -> Option<(NsId, Ipv4Addr)> {
    let (ns, rest) = match a {
        [n, name, rest @ ..] if n == "-n" => (k.ns_by_name(name)?, rest),
        rest => (ns, rest),
    };
    match rest {
        [r, g, dst] if r == "route" && g == "get" => Some((ns, dst.parse().ok()?)),
        _ => None,
    }
}

impl Programs for Host {
    fn run(&mut self, argv: &[String], stdin: &str) -> Output {
        self.exec(NsId::HOST, argv, stdin, 0)
    }
}

/// Replays a scenario; returns the transcript and every command's trace.
pub fn replay(script: &str, seed: u64) -> (String, Vec<(String, Trace)>) {
    let mut h = Host::new(seed);
    let mut lines = Vec::new();
    let mut traces = Vec::new();
    for cmd in sim_core::transcript::commands(script) {
        lines.push(format!("$ {cmd}"));
        let out = h.run(&cmd);
        let text = out.text();
        if !text.is_empty() {
            lines.extend(text.trim_end_matches('\n').split('\n').map(str::to_string));
        }
        if out.status != 0 {
            lines.push(format!("[exit {}]", out.status));
        }
        traces.push((cmd, h.trace.clone()));
    }
    (lines.join("\n") + "\n", traces)
}

/// Whether a command belongs to the packet engine.
pub fn is_packet_cmd(cmd: &str) -> bool {
    cmd.contains("ping ") || cmd.ends_with("ping") || cmd.contains("route get") || cmd.contains("neigh") || cmd.contains("iptables")
}
