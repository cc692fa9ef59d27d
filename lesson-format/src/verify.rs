//! Evaluates lesson checks against a lab's picture (`sim_core::Snapshot`):
//! the simulator's in the page's worker, a real kernel's in lab-agent.

use crate::checks::{ping_command, ran_matches, Check, LinkState, Ns};
use sim_core::snapshot::{LinkKind, LinkView, NsView};
use sim_core::Snapshot;

/// What a check can look at: the state, the learner's commands, and a way
/// to try a command without touching the learner's lab.
pub trait World {
    fn snapshot(&self) -> &Snapshot;
    /// Every command line the learner ran in this session, oldest first.
    fn history(&self) -> &[String];
    /// Runs `line` on a copy of the lab: (exit status, everything printed).
    fn probe(&self, line: &str) -> (i32, String);
}

/// A simulator's lab as checks see it, with its picture `snap` (taken when
/// the world is made) and the lines run so far: what `lab-agent lesson
/// check` and the builder's tests judge with (the page's worker has its own
/// session, which keeps a log and terminals).
pub struct LabWorld<'a> {
    pub lab: &'a sim_core::Lab,
    pub snap: Snapshot,
    pub history: &'a [String],
}

impl World for LabWorld<'_> {
    fn snapshot(&self) -> &Snapshot {
        &self.snap
    }
    fn history(&self) -> &[String] {
        self.history
    }
    fn probe(&self, line: &str) -> (i32, String) {
        let out = self.lab.clone().run(line);
        (out.status, out.text())
    }
}

/// Whether a check holds, and if not, why (shown to the learner as a hint).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub ok: bool,
    pub why: String,
}

fn yes() -> Verdict {
    Verdict { ok: true, why: String::new() }
}

fn no(why: impl Into<String>) -> Verdict {
    Verdict { ok: false, why: why.into() }
}

fn find_ns<'a>(snap: &'a Snapshot, ns: &Ns) -> Option<&'a NsView> {
    snap.namespaces.iter().find(|v| &v.name == ns)
}

fn ns_label(ns: &Ns) -> String {
    match ns {
        None => "the host".into(),
        Some(n) => format!("namespace {n}"),
    }
}

/// Why a switched-on link has no carrier, in the learner's terms: for a veth,
/// the other end of the cable is not up.
fn no_carrier(dev: &str, l: &LinkView) -> String {
    let state = &l.operstate;
    match &l.peer {
        Some(p) => {
            let at = p.ns.as_ref().map_or_else(String::new, |n| format!(" in {n}"));
            format!("{dev} has no carrier (state {state}): its other end, {}{at}, is not up", p.name)
        }
        None => format!("{dev} has no carrier (state {state})"),
    }
}

fn find_link<'a>(snap: &'a Snapshot, dev: &str, ns: &Ns) -> Result<&'a LinkView, String> {
    let view = find_ns(snap, ns).ok_or_else(|| format!("there is no {}", ns_label(ns)))?;
    view.links.iter().find(|l| l.name == dev).ok_or_else(|| format!("{dev} is not in {}", ns_label(ns)))
}

fn kind_name(k: LinkKind) -> &'static str {
    match k {
        LinkKind::Loopback => "loopback",
        LinkKind::Veth => "veth",
        LinkKind::Bridge => "bridge",
        LinkKind::Nic => "physical NIC",
    }
}

/// Evaluates one check.
pub fn eval(check: &Check, world: &dyn World) -> Verdict {
    let snap = world.snapshot();
    let link = |dev: &str, ns: &Ns, f: &dyn Fn(&LinkView) -> Verdict| match find_link(snap, dev, ns) {
        Ok(l) => f(l),
        Err(e) => no(e),
    };
    match check {
        Check::NetnsExists(n) => match find_ns(snap, &Some(n.clone())) {
            Some(_) => yes(),
            None => no(format!("there is no namespace {n} yet")),
        },
        Check::NetnsGone(n) => match find_ns(snap, &Some(n.clone())) {
            Some(_) => no(format!("namespace {n} still exists")),
            None => yes(),
        },
        Check::LinkExists { dev, ns } => link(dev, ns, &|_| yes()),
        Check::LinkGone { dev, ns } => match find_link(snap, dev, ns) {
            Ok(_) => no(format!("{dev} is still in {}", ns_label(ns))),
            Err(_) => yes(),
        },
        Check::LinkState { dev, ns, state } => link(dev, ns, &|l| {
            let ok = match state {
                LinkState::Up => l.operstate == "UP" || (l.kind == LinkKind::Loopback && l.admin_up && l.lower_up),
                LinkState::Down => !l.admin_up,
                LinkState::AdminUp => l.admin_up,
                LinkState::NoCarrier => l.admin_up && !l.lower_up,
            };
            if ok {
                yes()
            } else if !l.admin_up {
                no(format!("{dev} is administratively down (state {})", l.operstate))
            } else if l.lower_up {
                no(format!("{dev} is in state {}", l.operstate))
            } else {
                no(no_carrier(dev, l))
            }
        }),
        Check::LinkKind { dev, ns, kind } => link(dev, ns, &|l| {
            if kind_name(l.kind) == kind {
                yes()
            } else {
                no(format!("{dev} is a {}, not a {kind}", kind_name(l.kind)))
            }
        }),
        Check::LinkAddr { dev, ns, addr } => link(dev, ns, &|l| {
            if l.addrs.iter().any(|a| a == addr) {
                yes()
            } else if l.addrs.is_empty() {
                no(format!("{dev} has no address yet"))
            } else {
                no(format!("{dev} has {}, not {addr}", l.addrs.join(", ")))
            }
        }),
        Check::LinkMaster { dev, ns, master } => link(dev, ns, &|l| match &l.master {
            Some(m) if m == master => yes(),
            Some(m) => no(format!("{dev} is attached to {m}, not {master}")),
            None => no(format!("{dev} is not attached to a bridge")),
        }),
        Check::LinkPeer { dev, ns, peer, peer_ns } => link(dev, ns, &|l| match &l.peer {
            Some(p) if &p.name == peer && &p.ns == peer_ns => yes(),
            Some(p) => no(format!("{dev}'s other end is {} in {}", p.name, ns_label(&p.ns))),
            None => no(format!("{dev} has no peer")),
        }),
        Check::Route { ns, text } | Check::Neigh { ns, text } => {
            let is_route = matches!(check, Check::Route { .. });
            let what = if is_route { "route" } else { "neighbour entry" };
            match find_ns(snap, ns) {
                None => no(format!("there is no {}", ns_label(ns))),
                Some(v) => {
                    // Either family's: the text says which it means.
                    let (v4, v6) = if is_route { (&v.routes, &v.routes6) } else { (&v.neighbours, &v.neighbours6) };
                    if v4.iter().chain(v6).any(|l| l.contains(text.as_str())) {
                        yes()
                    } else {
                        no(format!("no {what} in {} mentions \"{text}\"", ns_label(ns)))
                    }
                }
            }
        }
        Check::Ping { from, to, succeeds } => {
            if from.is_some() && find_ns(snap, from).is_none() {
                return no(format!("there is no {}", ns_label(from)));
            }
            let (status, _) = world.probe(&ping_command(from, to));
            match (status == 0, succeeds) {
                (true, true) | (false, false) => yes(),
                (false, true) => no(format!("a ping from {} to {to} gets no answer yet", ns_label(from))),
                (true, false) => no(format!("a ping from {} to {to} still gets an answer", ns_label(from))),
            }
        }
        Check::Ran(cmd) => {
            if world.history().iter().any(|h| ran_matches(cmd, h)) {
                yes()
            } else {
                no(format!("run `{cmd}`"))
            }
        }
        Check::OutputHas { command, text } => {
            let (_, out) = world.probe(command);
            if out.contains(text.as_str()) {
                yes()
            } else {
                no(format!("`{command}` does not print \"{text}\" yet"))
            }
        }
        Check::Any(alts) => {
            let verdicts: Vec<Verdict> = alts.iter().map(|a| eval(a, world)).collect();
            if verdicts.iter().any(|v| v.ok) {
                yes()
            } else {
                no(verdicts.into_iter().map(|v| v.why).collect::<Vec<_>>().join(", or "))
            }
        }
        Check::Not(inner) => {
            if eval(inner, world).ok {
                no(format!("expected not: {inner}"))
            } else {
                yes()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::parse;
    use sim_core::snapshot::PeerView;

    struct Fake {
        snap: Snapshot,
        history: Vec<String>,
        ping_ok: bool,
    }

    impl World for Fake {
        fn snapshot(&self) -> &Snapshot {
            &self.snap
        }
        fn history(&self) -> &[String] {
            &self.history
        }
        fn probe(&self, line: &str) -> (i32, String) {
            if line.contains("ping") {
                (if self.ping_ok { 0 } else { 1 }, String::new())
            } else if line == "ip netns list" {
                (0, "green\norange\n".into())
            } else {
                (127, String::new())
            }
        }
    }

    fn link(name: &str, kind: LinkKind, up: bool, carrier: bool, addrs: &[&str]) -> LinkView {
        LinkView {
            ifindex: 1,
            name: name.into(),
            kind,
            mac: "00:00:00:00:00:00".into(),
            admin_up: up,
            lower_up: carrier,
            operstate: match (up, carrier) {
                (false, _) => "DOWN",
                (true, false) => "LOWERLAYERDOWN",
                (true, true) => "UP",
            }
            .into(),
            addrs: addrs.iter().map(|s| s.to_string()).collect(),
            master: None,
            peer: None,
            capturing: false,
        }
    }

    fn lesson_world() -> Fake {
        let mut tap1 = link("tap1", LinkKind::Veth, true, false, &["192.168.1.2/24", "2001:db8:1::2/64"]);
        tap1.peer = Some(PeerView { ns: Some("green".into()), name: "tap2".into() });
        let tap2 = link("tap2", LinkKind::Veth, false, false, &[]);
        let ns = |name: Option<&str>, links: Vec<LinkView>| NsView {
            name: name.map(String::from),
            links,
            routes: vec!["192.168.1.0/24 dev tap1 proto kernel scope link src 192.168.1.2 ".into()],
            routes6: vec!["2001:db8:1::/64 dev tap1 proto kernel metric 256 pref medium".into()],
            ..NsView::default()
        };
        Fake {
            snap: Snapshot {
                namespaces: vec![
                    ns(None, vec![link("lo", LinkKind::Loopback, false, false, &[])]),
                    ns(Some("orange"), vec![link("lo", LinkKind::Loopback, false, false, &[]), tap1]),
                    ns(Some("green"), vec![tap2]),
                ],
            },
            history: vec!["sudo ip link show lo".into()],
            ping_ok: false,
        }
    }

    fn check(src: &str, w: &Fake) -> Verdict {
        eval(&parse(src).unwrap(), w)
    }

    #[test]
    fn state_checks_read_the_snapshot() {
        let w = lesson_world();
        assert!(check("netns orange exists", &w).ok);
        assert!(check("netns blue is gone", &w).ok);
        assert!(check("link tap1 in orange exists", &w).ok);
        assert!(check("link tap1 is gone", &w).ok, "tap1 left the host");
        assert!(check("link tap1 in orange is admin-up", &w).ok);
        assert!(check("link tap1 in orange has no carrier", &w).ok);
        assert!(check("link tap2 in green is down", &w).ok);
        assert!(check("link tap1 in orange has 192.168.1.2/24", &w).ok);
        assert!(check("link tap1 in orange has 2001:db8:1::2/64", &w).ok);
        assert!(check("link tap1 in orange is a veth", &w).ok);
        assert!(check("link tap1 in orange is peered with tap2 in green", &w).ok);
        assert!(check("route in orange has \"192.168.1.0/24 dev tap1\"", &w).ok);
        assert!(check("route in orange has \"2001:db8:1::/64 dev tap1\"", &w).ok, "either family's routes");
    }

    #[test]
    fn failures_say_why() {
        let w = lesson_world();
        assert_eq!(
            check("link tap1 in orange is up", &w).why,
            "tap1 has no carrier (state LOWERLAYERDOWN): its other end, tap2 in green, is not up"
        );
        assert_eq!(check("link tap2 in green is up", &w).why, "tap2 is administratively down (state DOWN)");
        assert_eq!(check("link tap2 in green has 192.168.1.3/24", &w).why, "tap2 has no address yet");
        assert_eq!(check("netns pink exists", &w).why, "there is no namespace pink yet");
        assert_eq!(check("link tap9 in orange exists", &w).why, "tap9 is not in namespace orange");
        assert_eq!(check("link tap1 in orange is attached to br0", &w).why, "tap1 is not attached to a bridge");
        assert!(!check("link tap1 in orange is peered with tap3 in green", &w).ok);
    }

    #[test]
    fn pings_and_commands_use_probes_and_history() {
        let mut w = lesson_world();
        assert!(!check("ping orange -> 192.168.1.3 succeeds", &w).ok);
        assert!(check("ping orange -> 192.168.1.3 fails", &w).ok);
        w.ping_ok = true;
        assert!(check("ping orange -> 192.168.1.3 succeeds", &w).ok);
        assert!(!check("ping nowhere -> 192.168.1.3 succeeds", &w).ok);
        assert!(check("ran \"ip link show lo\"", &w).ok);
        assert!(!check("ran \"ip link\"", &w).ok);
        assert!(check("ran \"ip link *\"", &w).ok);
        assert!(check("ran \"ip netns list\" or ran \"ip link show lo\"", &w).ok);
        assert!(!check("ran \"ip netns list\"", &w).ok);
        assert!(check("output of \"ip netns list\" has \"orange\"", &w).ok);
        assert!(check("not netns pink exists", &w).ok);
        assert!(!check("not netns orange exists", &w).ok);
    }
}
