//! `ip maddress`: the multicast memberships of each device (iproute2's
//! ipmaddr.c), which it reads from /proc/net/{dev_mcast,igmp,igmp6} rather
//! than rtnetlink, and `add`/`del` of a static link-layer entry (an ioctl).

use super::args::{Fail, IpResult};
use super::grammar::keyword::is_prefix;
use super::print::{Printer, To};
use super::{Family, Opts};
use crate::kernel::mac::Mac;
use crate::netlink::{MaddrMsg, McGroup, Netlink};
use crate::output::Output;

const USAGE: &str = "Usage: ip maddr [ add | del ] MULTIADDR dev STRING\n       ip maddr show [ dev STRING ]\n";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MaddrCmd {
    /// `show [dev] NAME`: one device's, or every device's.
    Show(Option<String>),
    /// `add|del LLADDR dev NAME`.
    Change { mac: Mac, dev: String, add: bool },
}

fn usage() -> Fail {
    Fail::new(USAGE, 255)
}

/// `do_multiaddr()`: the verb, matched by prefix in ipmaddr.c's order.
pub fn parse(argv: &[String]) -> IpResult<MaddrCmd> {
    let Some(verb) = argv.first() else { return Ok(MaddrCmd::Show(None)) };
    let rest = &argv[1..];
    if is_prefix(verb, "add") {
        return change(rest, true);
    }
    if is_prefix(verb, "delete") {
        return change(rest, false);
    }
    if ["list", "show", "lst"].iter().any(|v| is_prefix(verb, v)) {
        return list(rest);
    }
    if is_prefix(verb, "help") {
        return Err(usage());
    }
    Err(Fail::new(format!("Command \"{verb}\" is unknown, try \"ip maddr help\".\n"), 255))
}

/// `multiaddr_list()`: every word is the device (`dev` before it optional).
fn list(argv: &[String]) -> IpResult<MaddrCmd> {
    let mut dev: Option<String> = None;
    let mut i = 0;
    while let Some(w) = argv.get(i) {
        let name = if w == "dev" {
            i += 1;
            argv.get(i).ok_or_else(Fail::incomplete)?
        } else if is_prefix(w, "help") {
            return Err(usage());
        } else {
            w
        };
        if dev.is_some() {
            return Err(Fail::duparg2("dev", name));
        }
        dev = Some(name.clone());
        i += 1;
    }
    Ok(MaddrCmd::Show(dev))
}

/// `multiaddr_modify()`: the address (`ll_addr_a2n()`, six bytes) and the device.
fn change(argv: &[String], add: bool) -> IpResult<MaddrCmd> {
    let (mut dev, mut mac): (Option<String>, Option<Mac>) = (None, None);
    let mut i = 0;
    while let Some(w) = argv.get(i) {
        if w == "dev" {
            i += 1;
            let name = argv.get(i).ok_or_else(Fail::incomplete)?;
            if dev.is_some() {
                return Err(Fail::duparg("dev", name));
            }
            dev = Some(name.clone());
        } else {
            let mut w = w.as_str();
            if is_prefix(w, "address") {
                i += 1;
                w = argv.get(i).ok_or_else(Fail::incomplete)?;
            }
            if is_prefix(w, "help") {
                return Err(usage());
            }
            if mac.is_some() {
                return Err(Fail::duparg("address", w));
            }
            let bytes = super::grammar::value::lladdr(w)?;
            let six = <[u8; 6]>::try_from(bytes.as_slice()).map_err(|_| {
                Fail::new(format!("Error: Invalid address length {} - must be 6 bytes\n", bytes.len()), 1)
            })?;
            mac = Some(Mac(six));
        }
        i += 1;
    }
    let Some(dev) = dev else {
        return Err(Fail::new("Not enough information: \"dev\" is required.\n", 255));
    };
    // `ifr_hwaddr.sa_data[0]` unset: the ioctl is sent with a zero address.
    Ok(MaddrCmd::Change { mac: mac.unwrap_or(Mac::ZERO), dev, add })
}

pub fn run(nl: &mut dyn Netlink, opts: &Opts, cmd: &MaddrCmd) -> IpResult<Output> {
    match cmd {
        MaddrCmd::Show(dev) => {
            let mut out = Output::new();
            out.out(show(nl, opts, dev.as_deref()));
            Ok(out)
        }
        MaddrCmd::Change { mac, dev, add } => {
            let i = nl.link_index(dev).ok_or_else(|| Fail::new("ioctl: No such device\n", 1))?;
            nl.maddr_change(i, *mac, *add).map_err(|e| Fail::new(format!("ioctl: {}\n", e.errno.text()), 1))?;
            Ok(Output::new())
        }
    }
}

/// `print_mlist()` over what `read_dev_mcast()`, `read_igmp()` and
/// `read_igmp6()` read (those the family asks for), kept in reading order
/// within a device and sorted by index (`maddr_ins()`).
fn show(nl: &mut dyn Netlink, opts: &Opts, dev: Option<&str>) -> String {
    let wanted = |g: &McGroup| {
        matches!(
            (opts.family, g),
            (Family::Any, _)
                | (Family::Link, McGroup::Link(_))
                | (Family::Inet, McGroup::Inet(_))
                | (Family::Inet6, McGroup::Inet6(_))
        )
    };
    let mut all: Vec<MaddrMsg> =
        nl.maddr_dump().into_iter().filter(|m| wanted(&m.group) && dev.is_none_or(|d| d == m.name)).collect();
    crate::sort::sort_by_key(&mut all, |m| m.ifindex);
    let mut p = Printer::new(opts.json, opts.pretty, opts.color);
    let mut current = None;
    for m in &all {
        if current != Some(m.ifindex) || opts.oneline {
            if current.is_some() {
                p.close_array(To::Json, "");
                p.close_object();
            }
            p.open_object(None);
            p.uint(To::Any, "ifindex", &format!("{}:", m.ifindex), u64::from(m.ifindex));
            p.string(To::Any, "ifname", &format!("\t{}", m.name), &m.name);
            p.nl(opts.oneline);
            current = Some(m.ifindex);
            p.open_array(To::Json, "maddr", "");
        }
        entry(&mut p, m);
    }
    if current.is_some() {
        p.close_array(To::Json, "");
        p.close_object();
    }
    p.finish()
}

/// `print_maddr()`.
fn entry(p: &mut Printer, m: &MaddrMsg) {
    p.fp("\t");
    p.open_object(None);
    match m.group {
        McGroup::Link(mac) => {
            p.fp("link  ");
            let mac = mac.to_string();
            p.string(To::Any, "link", &mac, &mac);
        }
        McGroup::Inet(a) => {
            p.string(To::Any, "family", "inet  ", "inet");
            let a = a.to_string();
            p.string(To::Any, "address", &a, &a);
        }
        McGroup::Inet6(a) => {
            p.string(To::Any, "family", "inet6 ", "inet6");
            let a = a.to_string();
            p.string(To::Any, "address", &a, &a);
        }
    }
    if m.users != 1 {
        p.uint(To::Any, "users", &format!(" users {}", m.users), u64::from(m.users));
    }
    if m.is_static {
        p.string(To::Any, "features", " static", "static");
    }
    p.fp("\n");
    p.close_object();
}
