//! Tab completion: commands, `ip` objects and keywords, and the namespace,
//! device and address names of the current lab (read from its snapshot).

use crate::layout::KeySet;
use sim_core::snapshot::LinkKind;
use sim_core::Snapshot;

const COMMANDS: &[&str] = &[
    "awk",
    "bash",
    "bridge",
    "clear",
    "echo",
    "grep",
    "ifconfig",
    "ip",
    "iptables",
    "iptables-restore",
    "iptables-save",
    "ip6tables",
    "ip6tables-restore",
    "ip6tables-save",
    "man",
    "ping",
    "ping6",
    "seq",
    "sudo",
    "sysctl",
];
const IP_OBJECTS: &[&str] = &["address", "help", "link", "neigh", "netns", "route"];
const IP_OPTIONS: &[&str] = &["-4", "-6", "-br", "-c", "-d", "-j", "-n", "-o", "-s"];

/// What a Tab press does: the new line, and the choices to list when the
/// word is still ambiguous (bash lists them on the second Tab).
#[derive(Debug, PartialEq, Eq)]
pub struct Completion {
    pub line: String,
    pub choices: Vec<String>,
}

fn names_in(snap: &Snapshot, ns: &Option<String>, only: Option<LinkKind>) -> Vec<String> {
    snap.namespaces
        .iter()
        .filter(|v| &v.name == ns)
        .flat_map(|v| v.links.iter())
        .filter(|l| only.is_none_or(|k| l.kind == k))
        .map(|l| l.name.clone())
        .collect()
}

fn namespaces(snap: &Snapshot) -> Vec<String> {
    snap.namespaces.iter().filter_map(|v| v.name.clone()).collect()
}

/// The lab's addresses for `ping`: IPv4 ones unless `v6`, IPv6 ones unless
/// `v4`; a link-local one with its device's scope (`fe80::1%tap1`), as
/// ping needs it.
fn addresses(snap: &Snapshot, v4: bool, v6: bool) -> Vec<String> {
    let mut out = Vec::new();
    for l in snap.namespaces.iter().flat_map(|n| n.links.iter()) {
        for a in &l.addrs {
            let ip = a.split('/').next().unwrap_or(a);
            if ip.contains(':') && v6 {
                let scoped = ip.starts_with("fe80:");
                out.push(if scoped { [ip, "%", &l.name].concat() } else { ip.to_string() });
            } else if !ip.contains(':') && v4 {
                out.push(ip.to_string());
            }
        }
    }
    sorted(out.into_iter())
}

/// Sorted, without duplicates. (Inserting one by one into a set reuses
/// code the site has anyway; `collect` and `sort` would bring their own.)
fn sorted(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut set = KeySet::new();
    for i in items {
        set.insert(i, ());
    }
    set.into_iter().map(|(k, ())| k).collect()
}

fn words(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The candidates for the word being typed, given the words before it.
fn candidates(before: &[&str], snap: &Snapshot) -> Vec<String> {
    // A pipe or list starts a new command.
    let start = before.iter().rposition(|w| ["|", ";", "&&", "||"].contains(w)).map_or(0, |i| i + 1);
    let mut w = &before[start..];
    if w.first() == Some(&"sudo") {
        w = &w[1..];
    }
    let mut ns: Option<String> = None;
    // `ip netns exec NS CMD…` runs CMD in NS.
    while w.len() >= 4 && w[0] == "ip" && w[1] == "netns" && w[2] == "exec" {
        ns = Some(w[3].to_string());
        w = &w[4..];
    }
    let Some((&cmd, args)) = w.split_first() else {
        return words(COMMANDS);
    };
    let devs = |ns: &Option<String>| names_in(snap, ns, None);
    let prev = args.last().copied().unwrap_or("");
    match cmd {
        "ip" => {
            let mut i = 0;
            while i < args.len() && args[i].starts_with('-') {
                if args[i] == "-n" || args[i] == "-netns" {
                    ns = args.get(i + 1).map(|s| s.to_string());
                    i += 1;
                }
                i += 1;
            }
            if prev == "-n" || prev == "-netns" {
                return namespaces(snap);
            }
            let rest = args.get(i..).unwrap_or(&[]);
            let Some((&obj, rest)) = rest.split_first() else {
                let mut v = words(IP_OBJECTS);
                v.extend(words(IP_OPTIONS));
                return v;
            };
            match prev {
                "dev" => return devs(&ns),
                "master" => return names_in(snap, &ns, Some(LinkKind::Bridge)),
                "type" => return words(&["bridge", "veth"]),
                "peer" => return words(&["name"]),
                "addrgenmode" => return words(&["eui64", "none", "random", "stable_secret"]),
                _ => {}
            }
            let obj = IP_OBJECTS.iter().find(|o| o.starts_with(obj)).copied().unwrap_or(obj);
            match (obj, rest) {
                ("link", []) => words(&["add", "delete", "help", "set", "show"]),
                ("link", [_, _, .., "netns"]) => namespaces(snap),
                ("link", ["show" | "set" | "del" | "delete"]) => devs(&ns),
                ("link", ["set", _, ..]) => {
                    let keys =
                        ["address", "addrgenmode", "alias", "down", "master", "mtu", "name", "netns", "nomaster", "up"];
                    words(&keys)
                }
                ("link", ["add", _]) => words(&["type"]),
                ("link", ["add", _, "type", "veth"]) => words(&["peer"]),
                ("address", []) => words(&["add", "del", "flush", "show"]),
                // IPv6's flags and lifetimes after the device.
                ("address", ["add", _, "dev", _, ..]) => {
                    words(&["nodad", "noprefixroute", "preferred_lft", "valid_lft"])
                }
                ("address", [_, ..]) => words(&["dev"]),
                ("route", []) => words(&["add", "del", "get", "replace", "show"]),
                ("route", [_, ..]) => words(&["default", "dev", "via"]),
                ("neigh", []) => words(&["add", "del", "flush", "show"]),
                ("neigh", [_, ..]) => words(&["dev"]),
                ("netns", []) => words(&["add", "delete", "exec", "identify", "list"]),
                ("netns", ["exec" | "delete" | "del" | "identify"]) => namespaces(snap),
                _ => Vec::new(),
            }
        }
        "ifconfig" if args.is_empty() => devs(&ns),
        "man" => sim_core::tools::man::pages().map(str::to_string).collect(),
        // Not an option's argument (`-c 3`); a flag (`-6`, `-q`) takes none.
        "ping" | "ping6"
            if !matches!(prev, "-c" | "-e" | "-i" | "-I" | "-l" | "-M" | "-p" | "-Q" | "-s" | "-t" | "-w" | "-W") =>
        {
            let family = |f: &str| cmd == "ping6" && f == "-6" || args.contains(&f);
            let (v4, v6) = (family("-4"), family("-6"));
            addresses(snap, v4 || !v6, v6 || !v4)
        }
        "bridge" if args.is_empty() => words(&["fdb", "link", "vlan"]),
        "sysctl" => words(&[
            "-w",
            "net.ipv4.ip_forward",
            "net.ipv4.ip_forward=1",
            "net.ipv6.conf.all.forwarding",
            "net.ipv6.conf.all.forwarding=1",
        ]),
        "iptables" if prev == "-t" => words(&["filter", "nat"]),
        "ip6tables" if prev == "-t" => words(&["filter"]),
        _ => Vec::new(),
    }
}

fn common_prefix(v: &[String]) -> String {
    let first = &v[0];
    let mut n = first.len();
    for s in &v[1..] {
        n = n.min(first.bytes().zip(s.bytes()).take_while(|(a, b)| a == b).count());
    }
    first[..n].to_string()
}

/// Completes the last word of `line` (the cursor is at its end).
pub fn complete(line: &str, snap: &Snapshot) -> Completion {
    let (head, word) = match line.rfind(char::is_whitespace) {
        Some(i) => line.split_at(i + 1),
        None => ("", line),
    };
    let before: Vec<&str> = head.split_whitespace().collect();
    let found = sorted(candidates(&before, snap).into_iter().filter(|c| c.starts_with(word)));
    match found.len() {
        0 => Completion { line: line.to_string(), choices: vec![] },
        1 => Completion { line: format!("{head}{} ", found[0]), choices: vec![] },
        _ => {
            let p = common_prefix(&found);
            Completion { line: format!("{head}{p}"), choices: if p.len() > word.len() { vec![] } else { found } }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim_core::snapshot::{LinkView, NsView};

    fn snap() -> Snapshot {
        let link = |name: &str, kind, addrs: &[&str]| LinkView {
            ifindex: 1,
            name: name.into(),
            kind,
            mac: String::new(),
            admin_up: true,
            lower_up: true,
            operstate: "UP".into(),
            addrs: addrs.iter().map(|s| s.to_string()).collect(),
            master: None,
            peer: None,
            capturing: false,
        };
        let ns = |name: Option<&str>, links| NsView { name: name.map(String::from), links, ..NsView::default() };
        Snapshot {
            namespaces: vec![
                ns(None, vec![link("lo", LinkKind::Loopback, &[]), link("br0", LinkKind::Bridge, &[])]),
                ns(Some("orange"), vec![link("tap1", LinkKind::Veth, &["192.168.1.2/24", "fe80::1/64"])]),
                ns(Some("green"), vec![link("tap2", LinkKind::Veth, &["192.168.1.3/24"])]),
            ],
        }
    }

    fn tab(line: &str) -> Completion {
        complete(line, &snap())
    }

    #[test]
    fn commands_objects_and_keywords() {
        assert_eq!(tab("if").line, "ifconfig ");
        assert_eq!(tab("sudo i").line, "sudo i");
        let i = ["ifconfig", "ip", "ip6tables", "ip6tables-restore", "ip6tables-save", "iptables", "iptables-restore"];
        assert_eq!(tab("sudo i").choices, [&i[..], &["iptables-save"]].concat());
        assert_eq!(tab("ip li").line, "ip link ");
        assert_eq!(tab("ip link a").line, "ip link add ");
        assert_eq!(tab("ip link add tap1 t").line, "ip link add tap1 type ");
        assert_eq!(tab("ip link add tap1 type v").line, "ip link add tap1 type veth ");
        assert_eq!(tab("ip link add tap1 type veth p").line, "ip link add tap1 type veth peer ");
        assert_eq!(tab("ip -c a").line, "ip -c address ");
        assert_eq!(tab("ip netns l").line, "ip netns list ");
    }

    #[test]
    fn names_come_from_the_lab() {
        assert_eq!(tab("ip netns exec o").line, "ip netns exec orange ");
        assert_eq!(tab("ip link set tap1 netns g").line, "ip link set tap1 netns green ");
        assert_eq!(tab("ip link set tap1 u").line, "ip link set tap1 up ");
        assert_eq!(tab("ip netns exec orange ip link set t").line, "ip netns exec orange ip link set tap1 ");
        assert_eq!(tab("ip -n green addr add 1.2.3.4/24 dev t").line, "ip -n green addr add 1.2.3.4/24 dev tap2 ");
        assert_eq!(tab("ip link show ").choices, vec!["br0", "lo"]);
        assert_eq!(tab("ip link set tap1 master b").line, "ip link set tap1 master br0 ");
        assert_eq!(tab("ip netns exec green ping 192").line, "ip netns exec green ping 192.168.1.");
        assert_eq!(tab("ip netns exec green ping 192.168.1.").choices, vec!["192.168.1.2", "192.168.1.3"]);
    }

    #[test]
    fn ipv6_addresses_keywords_and_commands() {
        assert_eq!(tab("ping 192.168.1.").choices, vec!["192.168.1.2", "192.168.1.3"]);
        assert_eq!(tab("ping -6 fe").line, "ping -6 fe80::1%tap1 ");
        assert_eq!(tab("ping6 ").line, "ping6 fe80::1%tap1 ");
        assert_eq!(tab("ping -4 fe").line, "ping -4 fe");
        assert_eq!(tab("ping ").choices, vec!["192.168.1.2", "192.168.1.3", "fe80::1%tap1"]);
        assert_eq!(tab("ip -6 addr add 2001:db8::1/64 dev tap1 no").choices, ["nodad", "noprefixroute"]);
        assert_eq!(tab("ip link set tap1 addrgenmode r").line, "ip link set tap1 addrgenmode random ");
        assert_eq!(tab("ip6t").line, "ip6tables");
        assert_eq!(tab("sysctl -w net.ipv6").line, "sysctl -w net.ipv6.conf.all.forwarding");
    }

    #[test]
    fn man_offers_the_pages_there_are() {
        assert_eq!(tab("ma").line, "man ");
        assert_eq!(tab("man ip-l").line, "man ip-link ");
        assert_eq!(tab("man ip-").choices.len(), 5);
    }

    #[test]
    fn pipes_start_a_new_command() {
        assert_eq!(tab("ip link | gr").line, "ip link | grep ");
    }

    #[test]
    fn nothing_to_complete_leaves_the_line() {
        assert_eq!(tab("ip link add zzz").line, "ip link add zzz");
        assert!(tab("ip link add zzz").choices.is_empty());
    }
}
