//! The picture built through the seam (`snapshot::through`, how lab-agent
//! draws a real kernel) is the simulator's own picture (`snapshot::of`)
//! after every command of every scenario, but for what the seam does not
//! carry (open captures, sockets).

use sim_core::kernel::Kernel;
use sim_core::netlink::{Netlink, SimNetlink};
use sim_core::snapshot::{self, Views};
use sim_core::{transcript, Lab, Snapshot};

struct Sim(Kernel);

impl Views for Sim {
    fn with(&mut self, ns: Option<&str>, f: &mut dyn FnMut(&mut dyn Netlink)) {
        let id = match ns {
            None => sim_core::kernel::NsId::HOST,
            Some(n) => match self.0.ns_by_name(n) {
                Some(id) => id,
                None => return,
            },
        };
        f(&mut SimNetlink::new(&mut self.0, id));
    }
}

fn without_unseen(mut s: Snapshot) -> Snapshot {
    for ns in &mut s.namespaces {
        ns.sockets.clear();
        for l in &mut ns.links {
            l.capturing = false;
        }
    }
    s
}

fn scripts() -> Vec<std::path::PathBuf> {
    let mut all = Vec::new();
    for dir in ["../../shared/scenarios", "tests/data/kernel", "tests/data/packet"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        all.extend(
            entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "sh")),
        );
    }
    all.sort();
    all
}

#[test]
fn the_seams_picture_is_the_simulators() {
    let mut compared = 0;
    let mut differ = Vec::new();
    for path in scripts() {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lab = Lab::new();
        for cmd in transcript::commands(&text) {
            lab.run_command(&cmd);
            let of = without_unseen(lab.snapshot());
            let through = snapshot::through(&mut Sim(lab.kernel().clone()));
            compared += 1;
            if of != through && differ.len() < 5 {
                differ.push(format!("{}: after `{cmd}`: {}", path.display(), first_difference(&of, &through)));
            }
        }
    }
    assert!(compared > 1000, "{compared} commands");
    assert!(differ.is_empty(), "{}", differ.join("\n\n"));
}

/// Where two pictures first differ, in a few words.
fn first_difference(a: &Snapshot, b: &Snapshot) -> String {
    let names = |s: &Snapshot| s.namespaces.iter().map(|n| n.name.clone()).collect::<Vec<_>>();
    if names(a) != names(b) {
        return format!("namespaces {:?} vs {:?}", names(a), names(b));
    }
    for (x, y) in a.namespaces.iter().zip(&b.namespaces) {
        if x.links.len() != y.links.len() {
            return format!("{:?}: links {:?} vs {:?}", x.name, x.links, y.links);
        }
        for (l, m) in x.links.iter().zip(&y.links) {
            if l != m {
                return format!("{:?}:\n  {l:?}\n  {m:?}", x.name);
            }
        }
        if x != y {
            return format!(
                "{:?}: routes {:?} vs {:?}; neigh {:?} vs {:?}; fwd {} vs {}",
                x.name, x.routes, y.routes, x.neighbours, y.neighbours, x.ip_forward, y.ip_forward
            );
        }
    }
    String::new()
}
