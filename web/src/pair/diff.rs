//! What differs between the simulator and the VM: a line's output after
//! the recorder's masking, and the two states as the diagram draws them.

use crate::layout::{link_key, ns_label, KeySet};
use lab_protocol::Snapshot;
use sim_core::snapshot::NsView;

/// Whether two outputs differ once masked as `record-transcript` masks a
/// recording (MACs, link-local addresses, times, ids, ports:
/// `sim_core::transcript::normalize`, the port the transcript tests use).
/// Its cost in the first load is in ARCHITECTURE.md ("Size").
pub fn outputs_differ(sim: &str, sim_status: i32, vm: &str, vm_status: i32) -> bool {
    sim_status != vm_status || sim_core::transcript::normalize(sim) != sim_core::transcript::normalize(vm)
}

/// The diagram's keys (`ns/NAME`, `link/NS/DEV`) of what one state has
/// and the other has not: a namespace, a link (by name and kind), an
/// address; and the same in words, for the panel. MACs, ifindexes, routes'
/// and neighbours' details are left out: they differ between any two hosts.
pub fn states_differ(sim: &Snapshot, vm: &Snapshot) -> (KeySet, Vec<String>) {
    let mut keys = KeySet::new();
    let mut words = Vec::new();
    let find = |s: &'_ Snapshot, name: &Option<String>| s.namespaces.iter().find(|n| n.name == *name).cloned();
    let mut one_side = |a: &Snapshot, b: &Snapshot, only: &str| {
        for ns in &a.namespaces {
            let label = ns_label(&ns.name);
            let Some(other) = find(b, &ns.name) else {
                keys.insert(format!("ns/{label}"), ());
                words.push(format!("netns {label}: only on the {only}"));
                continue;
            };
            links_differ(ns, &other, only, &mut keys, &mut words);
        }
    };
    one_side(sim, vm, "sim");
    one_side(vm, sim, "vm");
    (keys, words)
}

fn links_differ(ns: &NsView, other: &NsView, only: &str, keys: &mut KeySet, words: &mut Vec<String>) {
    let label = ns_label(&ns.name);
    for l in &ns.links {
        let same = other.links.iter().find(|o| o.name == l.name && o.kind == l.kind);
        let Some(o) = same else {
            keys.insert(link_key(&ns.name, &l.name), ());
            words.push(format!("{label}: {} only on the {only}", l.name));
            continue;
        };
        for a in l.addrs.iter().filter(|a| !a.starts_with("fe80:") && !o.addrs.contains(a)) {
            keys.insert(link_key(&ns.name, &l.name), ());
            words.push(format!("{label}: {} has {a} only on the {only}", l.name));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim_core::Lab;

    fn snap(lines: &[&str]) -> Snapshot {
        let mut lab = Lab::new();
        for l in lines {
            lab.run(l);
        }
        lab.snapshot()
    }

    #[test]
    fn masked_outputs_agree_across_macs_and_times() {
        let a = "2: v@v2: <BROADCAST> mtu 1500\n    link/ether 0a:58:0a:f4:00:01 brd ff:ff:ff:ff:ff:ff\n";
        let b = "2: v@v2: <BROADCAST> mtu 1500\n    link/ether 7e:11:22:33:44:55 brd ff:ff:ff:ff:ff:ff\n";
        assert!(!outputs_differ(a, 0, b, 0));
        assert!(outputs_differ(a, 0, b, 1), "statuses");
        let ping = |t: &str| format!("64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time={t} ms\n");
        assert!(!outputs_differ(&ping("0.042"), 0, &ping("0.113"), 0));
        assert!(outputs_differ("host\n", 0, "debian-vm\n", 0), "hostname");
    }

    #[test]
    fn states_differ_by_namespace_link_and_address() {
        let base = ["ip netns add red", "ip link add va type veth peer name vb"];
        let (keys, words) = states_differ(&snap(&base), &snap(&base));
        assert!(keys.is_empty() && words.is_empty(), "{words:?}");
        let more = ["ip netns add red", "ip link add va type veth peer name vb", "ip addr add 10.0.0.1/24 dev va"];
        let (keys, words) = states_differ(&snap(&more), &snap(&["ip netns add blue"]));
        let keys: Vec<_> = keys.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["link/host/va", "link/host/vb", "ns/blue", "ns/red"]);
        assert_eq!(
            words,
            [
                "host: vb only on the sim",
                "host: va only on the sim",
                "netns red: only on the sim",
                "netns blue: only on the vm"
            ]
        );
        let (_, words) = states_differ(&snap(&more), &snap(&base));
        assert_eq!(words, ["host: va has 10.0.0.1/24 only on the sim"]);
    }
}
