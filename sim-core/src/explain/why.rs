//! Why a field has its value here: read from the model right after the
//! line, and from what its packets did (the line's trace). One function
//! per kind of object; each field it knows gets a sentence naming the
//! objects behind it, the others their meaning alone.

use super::notes::Facts;
use super::record::{Kind, Printed};
use super::Named;
use crate::kernel::link::{Link, LinkKind, OperState};
use crate::kernel::{Kernel, NsId};

mod ping;
mod tables;

/// A reason, and the objects it names.
#[derive(Default)]
pub struct Said {
    pub text: String,
    pub names: Vec<Named>,
}

impl Said {
    fn new(text: String) -> Said {
        Said { text, names: Vec::new() }
    }

    fn naming(mut self, ns: &Option<String>, dev: &str) -> Said {
        self.names.push(Named { ns: ns.clone(), dev: Some(dev.to_string()) });
        self
    }
}

/// Why tag `tag` of `p` has its value.
pub fn why(facts: &Facts<'_>, p: &Printed, tag: usize) -> Said {
    let t = &p.tags[tag];
    let value = &p.text[t.start..t.end];
    let Some(rec) = p.recs.get(t.rec) else { return Said::default() };
    let at = Here { k: facts.kernel, ns: p.ns.unwrap_or(NsId::HOST) };
    // iproute's spans hold their label (`qdisc noqueue`), or are the
    // label alone (`dev`): the value is the field's last word. Each of an
    // array's spans (the flags) is its own value.
    let bare = match p.field(t.rec, &t.key) {
        Some(v) if t.key != "flags" => v,
        _ => value.rsplit(' ').next().unwrap_or(value),
    };
    let said = match rec.kind {
        Kind::Link | Kind::BridgeLink => link(&at, p, t.rec, &t.key, bare),
        Kind::Addr => tables::addr(&at, p, t.rec, &t.key, bare),
        Kind::Route => tables::route(&at, p, t.rec, &t.key, bare),
        Kind::Neigh => tables::neigh(&at, facts, p, t.rec, &t.key, bare),
        Kind::Netns => tables::netns(&at, p, t.rec, &t.key, bare),
        Kind::Fdb => tables::fdb(&at, p, t.rec, &t.key, bare),
        Kind::Ping => ping::why(&at, facts, &t.key, value),
        Kind::Sysctl => tables::sysctl(&at, &t.key, value),
        Kind::Tcpdump | Kind::Ss => tables::addresses(&at, &t.key, value),
        Kind::Ifconfig | Kind::Iptables => None,
    };
    said.unwrap_or_default()
}

/// The namespace a printer looked at, in the kernel as the line left it.
pub struct Here<'a> {
    pub k: &'a Kernel,
    pub ns: NsId,
}

impl Here<'_> {
    /// The device named `name` here.
    pub fn link(&self, name: &str) -> Option<&Link> {
        self.k.ns(self.ns)?.links.values().find(|l| l.name == name)
    }

    pub fn link_at(&self, ns: NsId, ifindex: u32) -> Option<&Link> {
        self.k.ns(ns)?.links.get(&ifindex)
    }

    /// A namespace's name as the diagram labels it (`None`: the host).
    pub fn label(&self, ns: NsId) -> Option<String> {
        if ns == NsId::HOST {
            return None;
        }
        Some(self.k.ns_label(ns).map_or_else(|| format!("namespace {}", ns.0), str::to_string))
    }

    /// "namespace green", "the host", or "this namespace".
    pub fn where_is(&self, ns: NsId) -> String {
        if ns == self.ns {
            return "this namespace".into();
        }
        match self.label(ns) {
            None => "the host".into(),
            Some(n) => format!("namespace {n}"),
        }
    }

    /// A veth's other end: its namespace and the device.
    pub fn peer(&self, l: &Link) -> Option<(NsId, &Link)> {
        match &l.kind {
            LinkKind::Veth { peer: Some(r) } => Some((r.ns, self.link_at(r.ns, r.ifindex)?)),
            _ => None,
        }
    }

    /// The first device in the whole lab (namespaces in order) that
    /// `has`: its namespace and name.
    pub fn find_device(&self, has: impl Fn(&Link) -> bool) -> Option<(NsId, String)> {
        self.k
            .ns_ids()
            .into_iter()
            .find_map(|ns| Some((ns, self.k.ns(ns)?.links.values().find(|l| has(l))?.name.clone())))
    }

    /// Where an IPv4 address is configured in the lab.
    pub fn owner(&self, ip: impl Into<std::net::IpAddr>) -> Option<(NsId, String)> {
        match ip.into() {
            std::net::IpAddr::V4(ip) => {
                self.find_device(|l| l.addrs.iter().any(|a| a.v4().is_some_and(|a| a.local == ip)))
            }
            std::net::IpAddr::V6(ip) => {
                self.find_device(|l| l.addrs.iter().any(|a| a.v6().is_some_and(|a| a.local == ip)))
            }
        }
    }

    /// Which device in the lab has the MAC address `mac` (as printed).
    pub fn mac_owner(&self, mac: &str) -> Option<(NsId, String)> {
        self.find_device(|l| l.mac.to_string() == mac)
    }

    /// The ports of bridge `b` (in this namespace).
    pub fn ports(&self, b: &Link) -> Vec<&Link> {
        self.k
            .ns(self.ns)
            .map(|n| n.links.values().filter(|l| l.master == Some(b.ifindex)).collect())
            .unwrap_or_default()
    }
}

/// The device a link record is about: by its `ifindex` field, else by its
/// name (without `@…`).
fn the_link<'a>(at: &'a Here<'_>, p: &Printed, rec: usize) -> Option<&'a Link> {
    if let Some(i) = p.field(rec, "ifindex").and_then(|v| v.parse::<u32>().ok()) {
        return at.link_at(at.ns, i);
    }
    let name = p.field(rec, "ifname")?;
    at.link(name.split('@').next().unwrap_or(name))
}

/// Why a device has no carrier, and the objects that explains.
fn no_carrier(at: &Here<'_>, l: &Link) -> Said {
    let here = at.label(at.ns);
    match &l.kind {
        LinkKind::Veth { .. } => match at.peer(l) {
            Some((ns, peer)) if !peer.admin_up => Said::new(format!(
                "its peer {} in {} is down, so {} has no carrier",
                peer.name,
                at.where_is(ns),
                l.name
            ))
            .naming(&at.label(ns), &peer.name),
            Some((ns, peer)) => {
                Said::new(format!("its peer {} in {} has no carrier either", peer.name, at.where_is(ns)))
                    .naming(&at.label(ns), &peer.name)
            }
            None => Said::new("it has no peer".into()),
        },
        LinkKind::Bridge(_) => {
            let ports = at.ports(l);
            if ports.is_empty() {
                Said::new(format!("a bridge has carrier while one of its ports forwards, and {} has no ports", l.name))
            } else {
                let names: Vec<&str> = ports.iter().map(|p| p.name.as_str()).collect();
                let mut s = Said::new(format!(
                    "a bridge has carrier while one of its ports forwards, and none of {} ({}) does",
                    l.name,
                    names.join(", ")
                ));
                for p in ports {
                    s = s.naming(&here, &p.name);
                }
                s
            }
        }
        _ => Said::new("its cable is unplugged".into()),
    }
}

/// Why a device has carrier.
fn carrier(at: &Here<'_>, l: &Link) -> Said {
    match &l.kind {
        LinkKind::Veth { .. } => match at.peer(l) {
            Some((ns, peer)) => Said::new(format!(
                "its peer {} in {} is up as well, so the cable has carrier",
                peer.name,
                at.where_is(ns)
            ))
            .naming(&at.label(ns), &peer.name),
            None => Said::default(),
        },
        LinkKind::Bridge(_) => {
            let up: Vec<&str> = at.ports(l).iter().filter(|p| p.lower_up()).map(|p| p.name.as_str()).collect();
            Said::new(format!("a bridge has carrier while one of its ports forwards: {}", up.join(", ")))
        }
        _ => Said::new("its cable is plugged in".into()),
    }
}

fn link(at: &Here<'_>, p: &Printed, rec: usize, key: &str, value: &str) -> Option<Said> {
    let l = the_link(at, p, rec)?;
    let here = at.label(at.ns);
    let name = l.name.as_str();
    let said = match (key, value) {
        ("operstate", "state") => return link(at, p, rec, key, l.operstate().name()),
        ("operstate", _) => match l.operstate() {
            OperState::Down if !l.admin_up => {
                Said::new(format!("{name} is switched off: it has no UP flag (ip link set {name} up switches it on)"))
            }
            OperState::Down | OperState::LowerLayerDown => {
                let why = no_carrier(at, l);
                Said { text: format!("{name} is switched on, but {}", why.text), names: why.names }
            }
            OperState::Up => {
                let why = carrier(at, l);
                Said { text: format!("{name} is switched on and {}", why.text), names: why.names }
            }
            OperState::Unknown => Said::new(format!(
                "{name} keeps no carrier state of its own ({}), so while it is up the kernel reports UNKNOWN, which passes packets like UP",
                if matches!(l.kind, LinkKind::Loopback) { "loopback" } else { "a bridge with no port up yet" }
            )),
        },
        ("flags", "UP") => Said::new(format!("{name} was switched on (ip link set {name} up)")),
        ("flags", "LOWER_UP") => carrier(at, l),
        ("flags", "NO-CARRIER") => {
            let why = no_carrier(at, l);
            Said { text: format!("{name} is up, but {}", why.text), names: why.names }
        }
        ("flags", "M-DOWN") => match at.peer(l) {
            Some((ns, peer)) => Said::new(format!("{name} is linked to {}, which is down", peer.name))
                .naming(&at.label(ns), &peer.name),
            None => return None,
        },
        ("flags", "PROMISC") if l.master.is_some() => {
            Said::new(format!("{name} is a bridge port: a bridge takes every frame its ports receive"))
        }
        ("link", _) => {
            let (ns, peer) = at.peer(l)?;
            let text = if ns == at.ns {
                format!("{name}'s peer is {} (interface {}) in this namespace", peer.name, peer.ifindex)
            } else {
                format!(
                    "{name}'s peer is interface {} in {} ({}); ip prints its index because it cannot look up names in another namespace",
                    peer.ifindex,
                    at.where_is(ns),
                    peer.name
                )
            };
            Said::new(text).naming(&at.label(ns), &peer.name)
        }
        ("link_netnsid", _) => {
            let (ns, peer) = at.peer(l)?;
            let id = at.k.ns(at.ns).and_then(|n| n.nsids.get(&ns).copied());
            let id = id.map_or(String::new(), |i| format!("; from here it has the id {i} (ip netns list-id)"));
            Said::new(format!("{name}'s peer {} is in {}{id}", peer.name, at.where_is(ns))).naming(&at.label(ns), &peer.name)
        }
        ("master", _) => Said::new(format!("{name} is a port of the bridge {value}: frames it receives are switched by {value}"))
            .naming(&here, value),
        ("qdisc", "noop") => Said::new(format!("{name} has not been up since it came to this namespace, so no queue is attached yet")),
        ("qdisc", "noqueue") => Said::new(format!("{name} is a virtual device: it hands each packet on at once")),
        ("mtu", _) => match (&l.kind, at.peer(l)) {
            (_, Some((ns, peer))) if peer.mtu != l.mtu => Said::new(format!(
                "its peer {} in {} has MTU {}: frames larger than that are dropped on the way",
                peer.name,
                at.where_is(ns),
                peer.mtu
            ))
            .naming(&at.label(ns), &peer.name),
            (LinkKind::Bridge(b), _) if !b.mtu_set && !at.ports(l).is_empty() => {
                Said::new(format!("a bridge takes the smallest MTU of its ports, {}", l.mtu))
            }
            _ => return None,
        },
        ("address", _) => match &l.kind {
            LinkKind::Veth { .. } => Said::new("a veth gets a random address when it is made".into()),
            LinkKind::Bridge(b) if !b.mac_set => {
                let ports = at.ports(l);
                match ports.iter().min_by_key(|p| p.mac.0) {
                    Some(lowest) => Said::new(format!("a bridge takes the lowest address of its ports: {}'s", lowest.name))
                        .naming(&here, &lowest.name),
                    None => Said::new("a bridge with no ports has a random address until its first port".into()),
                }
            }
            _ => return None,
        },
        ("state", _) if l.master.is_some() => {
            let bridge = at.link_at(at.ns, l.master.unwrap_or(0))?;
            let text = match value {
                "forwarding" => format!("{name} and its bridge {} are both up with carrier", bridge.name),
                "disabled" if !bridge.admin_up => format!("the bridge {} is down", bridge.name),
                "disabled" => format!("{name} is down or has no carrier"),
                _ => return None,
            };
            Said::new(text).naming(&here, &bridge.name)
        }
        ("tx_dropped", v) if v != "0" && matches!(l.kind, LinkKind::Veth { .. }) => {
            Said::new(format!("{name} dropped what it sent while its peer had no carrier (or the frame was larger than the peer's MTU)"))
        }
        _ => return None,
    };
    Some(said)
}
