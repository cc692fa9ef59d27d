//! iproute2's `bridge` tool: `bridge link show` and `bridge fdb show`.

use super::args::{matches, Args, Fail, IpResult};
use crate::netlink::{LinkMsg, Netlink, IFF_UP};
use crate::output::Output;

/// Runs `bridge ARGS` (argv without the leading `bridge`).
pub fn bridge(nl: &mut dyn Netlink, argv: &[String]) -> Output {
    match run(nl, argv) {
        Ok(o) => o,
        Err(f) => f.into_output(),
    }
}

fn run(nl: &mut dyn Netlink, argv: &[String]) -> IpResult<Output> {
    let mut a = Args::new(argv);
    while a.peek().is_some_and(|x| x.starts_with('-')) {
        a.next();
    }
    let Some(obj) = a.next() else {
        return Err(Fail::new("Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }\nwhere  OBJECT := { link | fdb | mdb | vlan | vni | monitor }\n       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |\n                    -o[neline] | -t[imestamp] | -n[etns] name |\n                    -com[pressvlan] -c[olor] -p[retty] -j[son] }\n", 255));
    };
    let links = nl.link_dump();
    if matches(obj, "link") {
        if let Some(v) = a.next() {
            if !(matches(v, "show") || matches(v, "list") || matches(v, "lst")) {
                return Err(Fail::new(format!("Command \"{v}\" is unknown, try \"bridge link help\".\n"), 255));
            }
        }
        let mut out = String::new();
        for l in links.iter().filter(|l| l.brport.is_some()) {
            out.push_str(&link_line(l, &links));
        }
        let mut o = Output::new();
        o.out(out);
        Ok(o)
    } else if matches(obj, "fdb") {
        let mut o = Output::new();
        o.out(fdb(&links));
        Ok(o)
    } else {
        Err(Fail::new(format!("Object \"{obj}\" is unknown, try \"bridge help\".\n"), 255))
    }
}

fn link_line(l: &LinkMsg, links: &[LinkMsg]) -> String {
    let name_of = |i: u32| links.iter().find(|x| x.ifindex == i).map(|x| x.name.clone());
    let (name, mdown) = match (l.link, l.link_netnsid) {
        (Some(i), Some(_)) if i != 0 => (format!("{}@if{i}", l.name), false),
        (Some(i), None) if i != 0 => {
            let peer = links.iter().find(|x| x.ifindex == i);
            (format!("{}@{}", l.name, name_of(i).unwrap_or_else(|| format!("if{i}"))), peer.is_none_or(|p| p.flags & IFF_UP == 0))
        }
        _ => (l.name.clone(), false),
    };
    let mut flags = Vec::new();
    if l.flags & IFF_UP != 0 && l.flags & crate::netlink::IFF_RUNNING == 0 {
        flags.push("NO-CARRIER");
    }
    flags.extend(["BROADCAST", "MULTICAST"]);
    if l.flags & IFF_UP != 0 {
        flags.push("UP");
    }
    if l.flags & crate::netlink::IFF_LOWER_UP != 0 {
        flags.push("LOWER_UP");
    }
    let mut f = flags.join(",");
    if mdown {
        f.push_str(",M-DOWN");
    }
    let port = l.brport.expect("filtered to ports");
    let master = l.master.and_then(name_of).unwrap_or_default();
    format!(
        "{}: {}: <{}> mtu {} master {} state {} priority {} cost {} \n",
        l.ifindex,
        name,
        f,
        l.mtu,
        master,
        port.state.name(),
        port.priority,
        port.cost
    )
}

/// The forwarding database as `bridge fdb show` lists it: each port's own
/// address, then the multicast entries every device holds.
fn fdb(links: &[LinkMsg]) -> String {
    let mut out = String::new();
    for l in links.iter().filter(|l| l.link_type != crate::netlink::ARPHRD_LOOPBACK) {
        if let Some(m) = l.master {
            let master = links.iter().find(|x| x.ifindex == m).map_or_else(String::new, |x| x.name.clone());
            out.push_str(&format!("{} dev {} master {} permanent\n", l.address, l.name, master));
        }
        out.push_str(&format!("33:33:00:00:00:01 dev {} self permanent\n", l.name));
        if l.flags & IFF_UP != 0 {
            out.push_str(&format!("01:00:5e:00:00:01 dev {} self permanent\n", l.name));
        }
    }
    out
}
