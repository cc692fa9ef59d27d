//! A world for transport scenarios: namespaces set up by `Lab::run`, then
//! sockets driven through the `Sockets` seam in virtual time, one
//! namespace at a time (as a scheduler would drive its programs), with
//! every packet's trace collected as text.

#![allow(dead_code)]

use std::net::SocketAddrV4;

use sim_core::kernel::{Kernel, NsId};
use sim_core::netlink::sockets::InetSockets;
use sim_core::netlink::SimSockets;
use sim_core::packet;
use sim_core::Lab;

pub struct World {
    pub k: Kernel,
    /// The trace so far, one line per event, with notes between.
    pub log: String,
}

impl World {
    /// A lab after `setup` lines (each must succeed).
    pub fn new(setup: &[&str]) -> World {
        let mut lab = Lab::with_seed(7);
        for line in setup {
            let o = lab.run(line);
            assert_eq!(o.status, 0, "{line}: {}", o.text());
        }
        World { k: lab.kernel().clone(), log: String::new() }
    }

    pub fn ns(&self, name: &str) -> NsId {
        self.k.ns_by_name(name).expect("namespace")
    }

    /// Runs `f` on namespace `ns`'s sockets; its packets join the log.
    pub fn on<T>(&mut self, ns: &str, f: impl FnOnce(&mut dyn InetSockets) -> T) -> T {
        let id = self.ns(ns);
        let mut s = SimSockets::new(&mut self.k, id);
        let r = f(&mut s);
        let t = s.finish();
        for e in &t.events {
            self.log.push_str(&format!("{e}\n"));
        }
        self.k.check_invariants().expect("invariants");
        r
    }

    /// A note in the log (what the scenario did).
    pub fn say(&mut self, what: &str) {
        self.log.push_str(&format!("# {what}\n"));
    }

    pub fn now_us(&self) -> u64 {
        self.k.now_ms * 1000
    }

    /// Lets `us` microseconds of virtual time pass.
    pub fn wait(&mut self, us: u64) {
        let until = self.now_us() + us;
        let t = packet::advance(&mut self.k, until);
        for e in &t.events {
            self.log.push_str(&format!("{e}\n"));
        }
        self.k.check_invariants().expect("invariants");
    }

    /// Runs the kernel's own timers until none is left before `limit_us`
    /// (absolute), as a scheduler would between commands.
    pub fn settle(&mut self, limit_us: u64) {
        while let Some(t) = packet::next_timer(&self.k, self.now_us()).filter(|t| *t <= limit_us) {
            let tr = packet::advance(&mut self.k, t);
            for e in &tr.events {
                self.log.push_str(&format!("{e}\n"));
            }
            if t < self.now_us() {
                continue;
            }
        }
    }

    /// ss-like rows of a namespace: `STATE local peer recv-q send-q timer`.
    pub fn ss(&mut self, ns: &str) -> String {
        let rows = self.on(ns, |s| s.socket_views());
        let mut out = String::new();
        for r in rows {
            let peer = r.peer.map_or_else(|| "*".to_string(), |p| p.to_string());
            let timer = r
                .timer
                .map(|t| format!(" timer:({:?},{}ms,{})", t.kind, t.remaining_ms, t.retries))
                .unwrap_or_default();
            out.push_str(&format!(
                "{:?} {} {} {} {} {}{timer}\n",
                r.proto,
                r.state.ss_name(),
                r.recv_q,
                r.send_q,
                r.local,
                peer
            ));
        }
        out
    }

    /// Compares the log with `tests/data/tcp/NAME.txt` (written anew
    /// with NSLAB_BLESS=1).
    pub fn check(&self, name: &str) {
        let path = format!("{}/tests/data/tcp/{name}.txt", env!("CARGO_MANIFEST_DIR"));
        if std::env::var_os("NSLAB_BLESS").is_some() {
            std::fs::write(&path, &self.log).expect("write");
            return;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if want != self.log {
            panic!("{name}: trace differs from {path} (NSLAB_BLESS=1 rewrites it)\n--- got:\n{}", self.log);
        }
    }
}

pub fn sa(s: &str) -> SocketAddrV4 {
    s.parse().expect("address:port")
}

/// Two namespaces a (10.0.0.1) and b (10.0.0.2) on one veth pair, lo up.
pub const PAIR: &[&str] = &[
    "ip netns add a",
    "ip netns add b",
    "ip link add a0 netns a type veth peer name b0 netns b",
    "ip -n a addr add 10.0.0.1/24 dev a0",
    "ip -n b addr add 10.0.0.2/24 dev b0",
    "ip -n a link set a0 up",
    "ip -n b link set b0 up",
    "ip -n a link set lo up",
    "ip -n b link set lo up",
];
