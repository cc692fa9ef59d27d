//! Why an address, a route, a neighbour, a namespace name or a bridge's
//! forwarding entry reads as it does.

use super::{no_carrier, Here, Said};
use crate::explain::notes::Facts;
use crate::explain::record::Printed;
use crate::kernel::addr::network;
use crate::packet::trace::What;
use std::net::Ipv4Addr;

/// The device named by the record's `dev` (or `label`, `ifname`) field.
fn dev_of<'a>(at: &'a Here<'_>, p: &Printed, rec: usize) -> Option<&'a crate::kernel::link::Link> {
    let name = p.field(rec, "dev").or_else(|| p.field(rec, "ifname")).or_else(|| p.field(rec, "label"))?;
    at.link(name.split('@').next().unwrap_or(name))
}

pub fn addr(at: &Here<'_>, p: &Printed, rec: usize, key: &str, value: &str) -> Option<Said> {
    let local: Ipv4Addr = p.field(rec, "local")?.parse().ok()?;
    let prefix: u8 = p.field(rec, "prefixlen")?.trim_start_matches('/').parse().ok()?;
    let dev = dev_of(at, p, rec)?;
    let here = at.label(at.ns);
    let net = network(local, prefix);
    let said = match key {
        "local" => Said::new(format!("{local} was added to {}: this host answers to it there and sends from it", dev.name)),
        "prefixlen" => Said::new(format!(
            "{net}/{prefix} is {}'s network: adding the address made the kernel add the route {net}/{prefix} dev {} proto kernel scope link",
            dev.name, dev.name
        )),
        "broadcast" => Said::new(format!("the last address of {net}/{prefix}")),
        "scope" if value == "host" => Said::new(format!("{local} is a loopback address: it never leaves this host")),
        "label" => Said::new(format!("the address belongs to {}", dev.name)),
        _ => return None,
    };
    Some(said.naming(&here, &dev.name))
}

pub fn route(at: &Here<'_>, p: &Printed, rec: usize, key: &str, value: &str) -> Option<Said> {
    let here = at.label(at.ns);
    let dst = p.field(rec, "dst").unwrap_or("");
    let dev = dev_of(at, p, rec);
    let said = match (key, value) {
        ("flags", "linkdown") => {
            let dev = dev?;
            let why = no_carrier(at, dev);
            let mut s = Said::new(format!("the route's device {} is down for now: {}", dev.name, why.text))
                .naming(&here, &dev.name);
            s.names.extend(why.names);
            s
        }
        ("dev", _) => {
            let dev = dev?;
            let state = if dev.lower_up() { "" } else { " (it has no carrier now, so the route is marked linkdown)" };
            Said::new(format!("packets for {dst} leave by {}{state}", dev.name)).naming(&here, &dev.name)
        }
        ("gateway", _) => {
            let gw: Ipv4Addr = p.field(rec, "gateway")?.parse().ok()?;
            let text = match at.owner(gw) {
                Some((ns, name)) => {
                    format!("{gw} is {name}'s address in {}: the next hop toward {dst}", at.where_is(ns))
                }
                None => format!("{gw} is the next hop toward {dst}"),
            };
            let s = Said::new(text);
            match (at.owner(gw), dev) {
                (Some((ns, name)), _) => s.naming(&at.label(ns), &name),
                (None, Some(d)) => s.naming(&here, &d.name),
                _ => s,
            }
        }
        ("protocol", "kernel") => {
            let src = p.field(rec, "prefsrc");
            let dev = dev?;
            let from = src.map_or(String::new(), |s| format!(" when {s} was added to it"));
            Said::new(format!("the kernel made this route for {}'s network{from}", dev.name)).naming(&here, &dev.name)
        }
        ("prefsrc", _) => {
            let dev = dev?;
            Said::new(format!("{} is {}'s own address in that network", p.field(rec, "prefsrc")?, dev.name))
                .naming(&here, &dev.name)
        }
        ("scope", "link") => {
            Said::new(format!("{dst} is on the link itself: packets go straight to their destination, no router"))
        }
        ("dst", "default") => Said::new("every destination no longer route matches takes this one".into()),
        ("type", "local") => Said::new(format!("{dst} is an address of this host: packets to it are delivered here")),
        ("type", "broadcast") => Said::new(format!("{dst} is a broadcast address of one of this host's networks")),
        _ => return None,
    };
    Some(said)
}

pub fn neigh(at: &Here<'_>, facts: &Facts<'_>, p: &Printed, rec: usize, key: &str, value: &str) -> Option<Said> {
    let dst: Ipv4Addr = p.field(rec, "dst")?.parse().ok()?;
    let here = at.label(at.ns);
    let dev = dev_of(at, p, rec);
    let said = match (key, value) {
        ("state", "FAILED") => {
            let asked = facts
                .trace
                .events
                .iter()
                .filter(|e| matches!(e.what, What::ArpWhoHas { target, .. } if target == dst))
                .count();
            let lost = facts.trace.events.iter().find_map(|e| match &e.what {
                What::ArpIgnored { target, why } if *target == dst => {
                    Some(format!(" (in {} {}: {why})", e.ns, e.dev.as_deref().unwrap_or("")))
                }
                What::Dropped { reason, what } if what.contains("ARP") => {
                    Some(format!(" ({} at {}: {})", what, e.ns, reason.text()))
                }
                _ => None,
            });
            let text = if asked > 0 {
                format!("ARP asked who has {dst} {asked} times and no answer came{}", lost.unwrap_or_default())
            } else {
                match at.owner(dst) {
                    None => format!("ARP asked who has {dst} and no answer came: no device in this lab has that address"),
                    Some((ns, name)) => format!(
                        "ARP asked who has {dst} and no answer came, though {name} in {} has it: the two are not on one working link",
                        at.where_is(ns)
                    ),
                }
            };
            Said::new(text)
        }
        ("state", "INCOMPLETE") => Said::new(format!("an ARP request for {dst} is out and no answer came yet")),
        ("state", "REACHABLE") => Said::new(format!("{dst} answered recently")),
        ("state", "STALE") => {
            Said::new(format!("{dst} has not been heard from for a while: the next packet to it checks it again"))
        }
        ("state", "PERMANENT") => Said::new("the entry was added by hand (ip neigh add)".into()),
        ("lladdr", _) => {
            let mac = value;
            let (ns, name) = at.mac_owner(mac)?;
            Said::new(format!("{mac} is {name}'s address, in {}", at.where_is(ns))).naming(&at.label(ns), &name)
        }
        ("dst", _) => match at.owner(dst) {
            Some((ns, name)) => {
                Said::new(format!("{dst} is {name}'s address, in {}", at.where_is(ns))).naming(&at.label(ns), &name)
            }
            None => return None,
        },
        _ => return None,
    };
    Some(match dev {
        Some(d) if key == "dev" || key == "state" => said.naming(&here, &d.name),
        _ => said,
    })
}

pub fn netns(at: &Here<'_>, p: &Printed, rec: usize, key: &str, _value: &str) -> Option<Said> {
    let name = p.field(rec, "name")?;
    let ns = at.k.ns_by_name(name)?;
    let devs: Vec<String> = at.k.ns(ns)?.links.values().map(|l| l.name.clone()).collect();
    let said = match key {
        "name" => Said::new(format!("/run/netns/{name} holds the namespace; its devices: {}", devs.join(", "))),
        "id" => {
            let id = at.k.ns(at.ns)?.nsids.get(&ns).copied()?;
            Said::new(format!(
                "{} calls {name} by the id {id}, given when something here first pointed there (a veth's peer, a move)",
                at.where_is(at.ns)
            ))
        }
        _ => return None,
    };
    Some(Said { names: vec![crate::explain::Named { ns: Some(name.to_string()), dev: None }], ..said })
}

pub fn fdb(at: &Here<'_>, p: &Printed, rec: usize, key: &str, value: &str) -> Option<Said> {
    let here = at.label(at.ns);
    let port = p.field(rec, "ifname").unwrap_or("its port");
    let mac = p.field(rec, "mac")?;
    let said = match (key, value) {
        ("mac", _) if mac.starts_with("33:33:") || mac.starts_with("01:00:5e:") => {
            Said::new(format!("{mac} is a multicast group's address that {port} joined (IPv6's all-nodes and the like): the bridge keeps it for {port}"))
        }
        ("mac", _) => {
            let ns = at.k.ns(at.ns)?;
            let own = ns.links.values().filter(|l| l.mac.to_string() == mac).min_by_key(|l| l.name != port).map(|l| l.name.clone());
            match own {
                Some(n) => Said::new(format!("{mac} is {n}'s own address")).naming(&here, &n),
                None => {
                    match at.mac_owner(mac) {
                        Some((ns, n)) => Said::new(format!("{mac} is {n}'s address in {}, learnt from frames it sent that came in by {port}", at.where_is(ns)))
                            .naming(&at.label(ns), &n),
                        None => Said::new(format!("learnt from a frame that came in by {port}")),
                    }
                }
            }
        }
        ("state", "permanent") => Said::new(format!("{mac} is a device's own address: the bridge never ages it out")),
        _ => return None,
    };
    Some(said)
}

pub fn sysctl(at: &Here<'_>, key: &str, value: &str) -> Option<Said> {
    let place = at.where_is(at.ns);
    let text = match (key, value) {
        ("net.ipv4.ip_forward", "1") => {
            format!("{place} routes packets between its devices: a packet for another host is sent on")
        }
        ("net.ipv4.ip_forward", "0") => format!(
            "{place} drops packets that are for another host: it is no router (every new namespace starts at 0)"
        ),
        ("net.ipv4.conf.*.proxy_arp", "1") => "the device answers ARP for addresses it routes elsewhere".into(),
        ("net.bridge.bridge-nf-call-iptables", "1") => {
            "frames a bridge here forwards go through iptables' chains".into()
        }
        _ => return None,
    };
    Some(Said::new(text))
}

/// tcpdump's and ss's addresses: which device in the lab has the address.
pub fn addresses(at: &Here<'_>, key: &str, value: &str) -> Option<Said> {
    if !matches!(key, "src" | "dst" | "local" | "peer") {
        return None;
    }
    // `10.0.0.1.8080` (tcpdump) or `10.0.0.1:8080` (ss): the address.
    let parts: Vec<&str> = value.split(['.', ':']).collect();
    let ip: Ipv4Addr = parts.get(..4)?.join(".").parse().ok()?;
    let (ns, name) = at.owner(ip)?;
    Some(Said::new(format!("{ip} is {name}'s address, in {}", at.where_is(ns))).naming(&at.label(ns), &name))
}
