//! iproute2's `bridge` tool: `bridge link show` and `bridge fdb show`.

use super::args::{matches, Args, Fail, IpResult};
use super::print::{Printer, To};
use crate::netlink::{FdbMsg, LinkMsg, Netlink};
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
    let mut details = false;
    while let Some(opt) = a.peek().filter(|x| x.starts_with('-')) {
        a.next();
        if matches(opt, "-details") {
            details = true;
        } else if matches(opt, "-netns") {
            let ns = a.value()?;
            if nl.netns_enter(ns).is_err() {
                return Err(Fail::new(
                    format!("Cannot open network namespace \"{ns}\": No such file or directory\n"),
                    255,
                ));
            }
        } else if !(matches(opt, "-statistics")
            || matches(opt, "-oneline")
            || matches(opt, "-color")
            || matches(opt, "-pretty")
            || matches(opt, "-json"))
        {
            return Err(Fail::new(format!("Option \"{opt}\" is unknown, try \"bridge help\".\n"), 255));
        }
    }
    let Some(obj) = a.next() else {
        return Err(Fail::new(super::usage::BRIDGE, 255));
    };
    let links = nl.link_dump();
    let find = |name: &str| links.iter().find(|l| l.name == name).map(|l| l.ifindex);
    let mut out = Output::new();
    if matches(obj, "link") {
        if let Some(v) = a.next() {
            if matches(v, "help") {
                return Err(Fail::new(super::usage::BRIDGE_LINK, 255));
            }
            if !(matches(v, "show") || matches(v, "list") || matches(v, "lst")) {
                return Err(Fail::new(format!("Command \"{v}\" is unknown, try \"bridge link help\".\n"), 255));
            }
        }
        // brlink_show(): only `dev NAME` counts; other words are passed over.
        let mut dev_name = None;
        while let Some(arg) = a.next() {
            if arg == "dev" {
                let v = a.value()?;
                if dev_name.is_some() {
                    return Err(Fail::duparg("dev", v));
                }
                dev_name = Some(v);
            }
        }
        let dev = match dev_name {
            Some(v) => Some(find(v).ok_or_else(|| Fail::new(format!("Cannot find device \"{v}\"\n"), 255))?),
            None => None,
        };
        let names = super::show::link_names(&links);
        for l in links.iter().filter(|l| l.brport.is_some() && dev.is_none_or(|d| d == l.ifindex)) {
            out.out(link_line(l, &names, details));
        }
        Ok(out)
    } else if matches(obj, "fdb") {
        if let Some(v) = a.peek() {
            if matches(v, "help") {
                return Err(Fail::new(super::usage::BRIDGE_FDB, 255));
            }
            if matches(v, "show") || matches(v, "list") || matches(v, "lst") {
                a.next();
            }
        }
        let (mut br, mut dev) = (None, None);
        while let Some(arg) = a.next() {
            match arg {
                "br" | "brport" | "dev" => {
                    let v = a.value()?;
                    let i = find(v).ok_or_else(|| Fail::new(format!("Cannot find bridge device \"{v}\"\n"), 1))?;
                    if arg == "br" {
                        br = Some(i);
                    } else {
                        dev = Some(i);
                    }
                }
                other => {
                    return Err(Fail::new(format!("Command \"{other}\" is unknown, try \"bridge fdb help\".\n"), 255))
                }
            }
        }
        let name_of = |i: u32| links.iter().find(|l| l.ifindex == i).map_or_else(String::new, |l| l.name.clone());
        let master_of = |i: u32| links.iter().find(|l| l.ifindex == i).and_then(|l| l.master);
        for e in nl.fdb_dump() {
            if dev.is_some_and(|d| d != e.ifindex)
                || br.is_some_and(|b| e.ifindex != b && master_of(e.ifindex) != Some(b))
            {
                continue;
            }
            out.out(fdb_line(&e, dev.is_none(), &name_of));
        }
        Ok(out)
    } else if matches(obj, "help") {
        Err(Fail::new(super::usage::BRIDGE, 255))
    } else {
        Err(Fail::new(format!("Object \"{obj}\" is unknown, try \"bridge help\".\n"), 255))
    }
}

fn fdb_line(e: &FdbMsg, show_dev: bool, name_of: &dyn Fn(u32) -> String) -> String {
    let mut s = format!("{} ", e.mac);
    if show_dev {
        s.push_str(&format!("dev {} ", name_of(e.ifindex)));
    }
    if let Some(m) = e.master {
        s.push_str(&format!("master {} ", name_of(m)));
    }
    if e.own {
        s.push_str("self ");
    }
    if e.permanent {
        s.push_str("permanent");
    }
    s.push('\n');
    s
}

/// One port of `bridge link`; `names` are the namespace's (ifindex, name, flags).
fn link_line(l: &LinkMsg, names: &[(u32, String, u32)], details: bool) -> String {
    let mut p = Printer::text(false);
    p.fp(&format!("{}: ", l.ifindex));
    // The kernel's AF_BRIDGE dump carries IFLA_LINK without
    // IFLA_LINK_NETNSID, so a peer in another namespace is looked up by its
    // index here: `veth-a@cni0` when cni0 has that index, else `veth-a@if2`.
    let mdown = super::show::name_and_link(&mut p, None, &l.name, l.link, false, names);
    super::show::link_flags(&mut p, l.flags, mdown);
    let Some(port) = l.brport else { return String::new() };
    let master = l.master.and_then(|m| names.iter().find(|(i, _, _)| *i == m)).map_or("", |(_, n, _)| n.as_str());
    p.fp(&format!(
        "mtu {} master {} state {} priority {} cost {} \n",
        l.mtu,
        master,
        port.state.name(),
        port.priority,
        port.cost
    ));
    if details {
        p.string(To::Fp, "", "    hairpin off guard off root_block off fastleave off learning on flood on mcast_flood on bcast_flood on mcast_router 1 mcast_to_unicast off neigh_suppress off vlan_tunnel off isolated off locked off \n", "");
    }
    p.finish()
}
