//! `ip link`: add, set, delete, show.

use super::args::{matches, parse_lladdr, parse_u32, valid_ifname, Args, Fail, IpResult, Resolve};
use super::show::{self, ShowFilter};
use super::{usage, Opts};
use crate::kernel::mac::Mac;
use crate::kernel::{Errno, KernelError};
use crate::netlink::{LinkAddReq, LinkAttrs, LinkSetReq, Netlink};
use crate::output::Output;

/// The kernel's limit for an alias, with its terminating NUL.
const IFALIASZ: usize = 256;

/// A parsed `ip link` command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkCmd {
    Add(LinkAddReq),
    Set {
        dev: String,
        req: LinkSetReq,
    },
    Delete {
        dev: String,
    },
    Show(ShowFilter),
    /// A request the kernel will refuse (`type` of a kind it does not have,
    /// an address of the wrong length): sent, and answered with this.
    Refused(KernelError),
}

/// What `iplink_parse()` collects before the verb decides what it means.
#[derive(Default)]
struct Parsed<'a> {
    dev: Option<&'a str>,
    name: Option<&'a str>,
    req: LinkSetReq,
    /// The length of `address`, when it was not an Ethernet address's 6.
    addr_len: Option<usize>,
    kind: Option<&'a str>,
}

/// `iplink_parse()`: keywords in iproute2's order, prefixes where it allows;
/// `netns` and `master` are looked up as they are read. Stops after `type KIND`.
fn parse_common<'a>(a: &mut Args<'a>, p: &mut Parsed<'a>, r: &mut dyn Resolve) -> IpResult<()> {
    while let Some(arg) = a.next() {
        if arg == "up" {
            p.req.up = Some(true);
        } else if arg == "down" {
            p.req.up = Some(false);
        } else if arg == "name" {
            let v = a.value()?;
            if p.name.is_some() {
                return Err(Fail::duparg("name", v));
            }
            if !valid_ifname(v) {
                return Err(Fail::invarg("\"name\" not a valid ifname", v));
            }
            p.name = Some(v);
            if p.dev.is_none() {
                p.dev = Some(v);
            }
        } else if arg == "index" {
            let v = a.value()?;
            if parse_u32(v).is_none_or(|i| i == 0) {
                return Err(Fail::invarg("Invalid \"index\" value", v));
            }
        } else if matches(arg, "link") {
            a.value()?;
        } else if matches(arg, "address") {
            let bytes = parse_lladdr(a.value()?)?;
            match <[u8; 6]>::try_from(bytes.as_slice()) {
                Ok(m) => p.req.address = Some(Mac(m)),
                Err(_) => p.addr_len = Some(bytes.len()),
            }
        } else if matches(arg, "broadcast") || arg == "brd" {
            parse_lladdr(a.value()?)?;
        } else if matches(arg, "txqueuelen") || arg == "qlen" || matches(arg, "txqlen") {
            let v = a.value()?;
            if p.req.txqlen.is_some() {
                return Err(Fail::duparg("txqueuelen", v));
            }
            p.req.txqlen = Some(parse_u32(v).ok_or_else(|| Fail::invarg("Invalid \"txqueuelen\" value\n", v))?);
        } else if arg == "mtu" {
            let v = a.value()?;
            if p.req.mtu.is_some() {
                return Err(Fail::duparg("mtu", v));
            }
            p.req.mtu = Some(parse_u32(v).ok_or_else(|| Fail::invarg("Invalid \"mtu\" value\n", v))?);
        } else if arg == "netns" {
            let v = a.value()?;
            if p.req.netns.is_some() {
                return Err(Fail::duparg("netns", v));
            }
            if !r.netns_exists(v) {
                return Err(Fail::invarg("Invalid \"netns\" value\n", v));
            }
            p.req.netns = Some(v.to_string());
        } else if arg == "multicast" || arg == "allmulticast" || arg == "promisc" || arg == "trailers" || arg == "arp" {
            let v = a.value()?;
            let on = match v {
                "on" => true,
                "off" => false,
                _ => {
                    return Err(Fail::new(
                        format!("Error: argument of \"{arg}\" must be \"on\" or \"off\", not \"{v}\"\n"),
                        1,
                    ))
                }
            };
            match arg {
                "multicast" => p.req.multicast = Some(on),
                "promisc" => p.req.promisc = Some(on),
                "arp" => p.req.arp = Some(on),
                _ => {}
            }
        } else if arg == "vf" {
            let v = a.value()?;
            if parse_u32(v).is_none() {
                return Err(Fail::invarg("Invalid \"vf\" value\n", v));
            }
            return Err(Fail::new("ip: SR-IOV virtual functions do not exist in the simulator\n", 255));
        } else if matches(arg, "master") {
            let v = a.value()?;
            let i = r.ifindex(v).ok_or_else(|| Fail::invarg("Device does not exist\n", v))?;
            p.req.master = Some(Some(i));
        } else if matches(arg, "nomaster") {
            p.req.master = Some(None);
        } else if matches(arg, "type") {
            p.kind = Some(a.value()?);
            return Ok(());
        } else if matches(arg, "alias") {
            let v = a.value()?;
            if v.len() >= IFALIASZ {
                return Err(Fail::invarg("alias too long\n", v));
            }
            p.req.alias = Some(v.to_string());
        } else {
            if matches(arg, "help") {
                return Err(Fail::new(usage::LINK, 255));
            }
            let v = if arg == "dev" { a.value()? } else { arg };
            if p.dev != p.name || (p.dev.is_some() && p.name.is_none()) {
                return Err(Fail::duparg2("dev", v));
            }
            if v.is_empty() || v.chars().any(|c| c == '/' || c.is_whitespace()) {
                return Err(Fail::invarg("\"dev\" not a valid ifname", v));
            }
            p.dev = Some(v);
        }
    }
    Ok(())
}

/// Parses `ip link ARGS` (after `link`).
pub fn parse(argv: &[String], r: &mut dyn Resolve) -> IpResult<LinkCmd> {
    let mut a = Args::new(argv);
    let Some(verb) = a.next() else {
        return Ok(LinkCmd::Show(ShowFilter::default()));
    };
    if matches(verb, "add") {
        parse_add(&mut a, r)
    } else if matches(verb, "set") || matches(verb, "change") {
        let mut p = Parsed::default();
        parse_common(&mut a, &mut p, r)?;
        let Some(dev) = p.dev else {
            return Err(Fail::new("Not enough information: \"dev\" argument is required.\n", 255));
        };
        if let (Some(len), Some(_)) = (p.addr_len, r.ifindex(dev)) {
            return Err(Fail::new(format!("Invalid address length {len} - must be 6 bytes\n"), 1));
        }
        let mut req = p.req;
        if let Some(n) = p.name {
            if n != dev {
                req.name = Some(n.to_string());
            }
        }
        Ok(LinkCmd::Set { dev: dev.to_string(), req })
    } else if matches(verb, "delete") {
        let mut p = Parsed::default();
        parse_common(&mut a, &mut p, r)?;
        match p.dev {
            Some(d) => Ok(LinkCmd::Delete { dev: d.to_string() }),
            None => Err(Fail::new("Not enough information: \"dev\" argument is required.\n", 255)),
        }
    } else if matches(verb, "show") || matches(verb, "lst") || matches(verb, "list") {
        Ok(LinkCmd::Show(show::parse_filter(&mut a, r)?))
    } else if matches(verb, "help") {
        Err(Fail::new(usage::LINK, 255))
    } else {
        Err(Fail::new(format!("Command \"{verb}\" is unknown, try \"ip link help\".\n"), 255))
    }
}

fn parse_add(a: &mut Args<'_>, r: &mut dyn Resolve) -> IpResult<LinkCmd> {
    let mut p = Parsed::default();
    parse_common(a, &mut p, r)?;
    if p.dev.is_some() && p.name.is_some() && p.dev != p.name {
        return Err(Fail::new("both \"name\" and \"dev\" cannot be used when creating devices.\n", 255));
    }
    let name = p.name.or(p.dev).map(str::to_string);
    let netns = p.req.netns.clone();
    let attrs = attrs_of(&p.req);
    let Some(kind) = p.kind else {
        return Err(Fail::new("Not enough information: \"type\" argument is required\n", 1));
    };
    let refused = |len: Option<usize>| len.map(|_| LinkCmd::Refused(KernelError::new(Errno::EINVAL)));
    match kind {
        "veth" => {
            let mut peer = None;
            let mut peer_netns = None;
            let mut peer_attrs = LinkAttrs::default();
            let mut peer_len = None;
            if let Some(arg) = a.next() {
                if arg != "peer" {
                    return Err(Fail::new(usage::VETH, 1));
                }
                let mut pp = Parsed::default();
                parse_common(a, &mut pp, r)?;
                if let Some(k) = pp.kind {
                    return Err(Fail::duparg("type", k));
                }
                peer = pp.name.or(pp.dev).map(str::to_string);
                peer_netns = pp.req.netns.clone();
                peer_attrs = attrs_of(&pp.req);
                peer_len = pp.addr_len;
            }
            if let Some(c) = refused(p.addr_len.or(peer_len)) {
                return Ok(c);
            }
            Ok(LinkCmd::Add(LinkAddReq::Veth { name, peer, peer_netns, netns, attrs, peer_attrs }))
        }
        "bridge" => {
            if let Some(arg) = a.next() {
                return Err(Fail::new(format!("bridge: unknown command \"{arg}\"?\n{}", usage::BRIDGE_KIND), 1));
            }
            if let Some(c) = refused(p.addr_len) {
                return Ok(c);
            }
            Ok(LinkCmd::Add(LinkAddReq::Bridge { name, attrs }))
        }
        _ => {
            if let Some(arg) = a.next() {
                if matches(arg, "help") {
                    return Err(Fail::new(usage::LINK, 255));
                }
                return Err(Fail::new(
                    format!("Garbage instead of arguments \"{arg} ...\". Try \"ip link help\".\n"),
                    1,
                ));
            }
            Ok(LinkCmd::Refused(KernelError::msg(Errno::EOPNOTSUPP, "Unknown device type")))
        }
    }
}

/// The creation attributes among what `iplink_parse()` collected.
fn attrs_of(req: &LinkSetReq) -> LinkAttrs {
    LinkAttrs { mtu: req.mtu, address: req.address, txqlen: req.txqlen, up: req.up == Some(true) }
}

/// Runs a parsed `ip link` command.
pub fn run(nl: &mut dyn Netlink, opts: &Opts, cmd: &LinkCmd) -> IpResult<Output> {
    match cmd {
        LinkCmd::Refused(e) => Err(Fail::kernel(e)),
        LinkCmd::Add(req) => {
            nl.link_add(req)?;
            Ok(Output::new())
        }
        LinkCmd::Set { dev, req } => {
            let Some(ifindex) = nl.link_get(dev).map(|l| l.ifindex) else {
                return Err(Fail::nodev(dev));
            };
            nl.link_set(ifindex, req)?;
            Ok(Output::new())
        }
        LinkCmd::Delete { dev } => {
            let Some(ifindex) = nl.link_get(dev).map(|l| l.ifindex) else {
                return Err(Fail::nodev(dev));
            };
            nl.link_del(ifindex)?;
            Ok(Output::new())
        }
        LinkCmd::Show(f) => show::list(nl, opts, f, true),
    }
}
