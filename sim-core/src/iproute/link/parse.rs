//! The grammar of `ip link` (`do_iplink()`, `iplink_parse()`, and the
//! kinds' own words after `type KIND`).

use nom::combinator::{map, opt};

use super::{LinkCmd, PidNetns};
use crate::iproute::args::{valid_ifname, Fail, IpResult, Resolve};
use crate::iproute::grammar::keyword::{alone, is_prefix, table_or, valued, Entry, Kw::E, Kw::P};
use crate::iproute::grammar::verb::verb;
use crate::iproute::grammar::words::{word, Words};
use crate::iproute::grammar::{check, fail, parse_argv, value, PResult};
use crate::iproute::show::{self, ShowFilter};
use crate::kernel::mac::Mac;
use crate::kernel::{Errno, KernelError};
use crate::netlink::NetnsTarget;
use crate::netlink::{LinkAddReq, LinkAttrs, LinkSetReq};
use crate::usage;

/// The kernel's limit for an alias, with its terminating NUL.
const IFALIASZ: usize = 256;

/// The keywords of `iplink_parse()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    Up,
    Down,
    Name,
    Index,
    Link,
    Address,
    Broadcast,
    Txqlen,
    Mtu,
    Netns,
    Switch(Switch),
    Vf,
    Master,
    Nomaster,
    Type,
    Alias,
    AddrGenMode,
    Help,
    Dev,
}

/// `iplink_parse()`'s keywords in its order of trial: `m` is `master`
/// (`mtu` needs `strcmp`), `t` is `txqueuelen`.
const KEYWORDS: &[Entry<Key>] = &[
    alone(E("up"), Key::Up),
    alone(E("down"), Key::Down),
    valued(E("name"), Key::Name),
    valued(E("index"), Key::Index),
    valued(P("link"), Key::Link),
    valued(P("address"), Key::Address),
    valued(P("broadcast"), Key::Broadcast),
    valued(E("brd"), Key::Broadcast),
    valued(P("txqueuelen"), Key::Txqlen),
    valued(E("qlen"), Key::Txqlen),
    valued(P("txqlen"), Key::Txqlen),
    valued(E("mtu"), Key::Mtu),
    valued(E("netns"), Key::Netns),
    valued(E("multicast"), Key::Switch(Switch::Multicast)),
    valued(E("allmulticast"), Key::Switch(Switch::Allmulticast)),
    valued(E("promisc"), Key::Switch(Switch::Promisc)),
    valued(E("trailers"), Key::Switch(Switch::Trailers)),
    valued(E("arp"), Key::Switch(Switch::Arp)),
    valued(E("vf"), Key::Vf),
    valued(P("master"), Key::Master),
    alone(P("nomaster"), Key::Nomaster),
    valued(P("type"), Key::Type),
    valued(P("alias"), Key::Alias),
    valued(E("addrgenmode"), Key::AddrGenMode),
    // The last branch: help, `dev NAME`, or a device name.
    alone(P("help"), Key::Help),
    valued(E("dev"), Key::Dev),
];

/// One word (or keyword and value) of `iplink_parse()`.
fn link_arg(i: Words<'_>) -> PResult<'_, (Key, &str)> {
    table_or(KEYWORDS, Key::Dev)(i)
}

/// The flags `iplink_parse()` turns on and off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Switch {
    Multicast,
    Allmulticast,
    Promisc,
    Trailers,
    Arp,
}

/// `on_off()`: `multicast on|off` and its kin.
fn switch(which: Switch, v: &str) -> IpResult<bool> {
    let name = match which {
        Switch::Multicast => "multicast",
        Switch::Allmulticast => "allmulticast",
        Switch::Promisc => "promisc",
        Switch::Trailers => "trailers",
        Switch::Arp => "arp",
    };
    value::whole(v, value::on_off)
        .ok_or_else(|| Fail::new(format!("Error: argument of \"{name}\" must be \"on\" or \"off\", not \"{v}\"\n"), 1))
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
    pid: Option<PidNetns>,
}

impl<'a> Parsed<'a> {
    /// What one keyword does, checked in iproute2's order: a duplicate
    /// before a bad value, `netns` and `master` looked up as they are read.
    fn apply(&mut self, key: Key, v: &'a str, r: &mut dyn Resolve) -> IpResult<()> {
        let p = self;
        let num = |v: &str| value::whole(v, value::unsigned);
        match key {
            Key::Up => p.req.up = Some(true),
            Key::Down => p.req.up = Some(false),
            Key::Name => {
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
            }
            Key::Index => {
                if num(v).is_none_or(|i| i == 0) {
                    return Err(Fail::invarg("Invalid \"index\" value", v));
                }
            }
            Key::Link => {}
            Key::Address => {
                let bytes = value::lladdr(v)?;
                match <[u8; 6]>::try_from(bytes.as_slice()) {
                    Ok(m) => p.req.address = Some(Mac(m)),
                    Err(_) => p.addr_len = Some(bytes.len()),
                }
            }
            Key::Broadcast => {
                value::lladdr(v)?;
            }
            Key::Txqlen => {
                if p.req.txqlen.is_some() {
                    return Err(Fail::duparg("txqueuelen", v));
                }
                p.req.txqlen = Some(num(v).ok_or_else(|| Fail::invarg("Invalid \"txqueuelen\" value\n", v))?);
            }
            Key::Mtu => {
                if p.req.mtu.is_some() {
                    return Err(Fail::duparg("mtu", v));
                }
                p.req.mtu = Some(num(v).ok_or_else(|| Fail::invarg("Invalid \"mtu\" value\n", v))?);
            }
            Key::Netns => {
                if p.req.netns.is_some() || p.pid.is_some() {
                    return Err(Fail::duparg("netns", v));
                }
                // `netns_get_fd()` first, then `get_integer()`: a process id.
                if r.netns_exists(v) {
                    p.req.netns = Some(NetnsTarget::Named(v.to_string()));
                } else if let Some(pid) = value::whole(v, value::integer) {
                    let pid = PidNetns::of(pid);
                    if pid == PidNetns::Host {
                        p.req.netns = Some(NetnsTarget::Init);
                    }
                    p.pid = Some(pid);
                } else {
                    return Err(Fail::invarg("Invalid \"netns\" value\n", v));
                }
            }
            Key::Switch(which) => match (which, switch(which, v)?) {
                (Switch::Multicast, on) => p.req.multicast = Some(on),
                (Switch::Promisc, on) => p.req.promisc = Some(on),
                (Switch::Arp, on) => p.req.arp = Some(on),
                (Switch::Allmulticast | Switch::Trailers, _) => {}
            },
            Key::Vf => {
                if num(v).is_none() {
                    return Err(Fail::invarg("Invalid \"vf\" value\n", v));
                }
                return Err(Fail::new("ip: SR-IOV virtual functions do not exist in the simulator\n", 255));
            }
            Key::Master => {
                let i = r.ifindex(v).ok_or_else(|| Fail::invarg("Device does not exist\n", v))?;
                p.req.master = Some(Some(i));
            }
            Key::Nomaster => p.req.master = Some(None),
            Key::Type => p.kind = Some(v),
            Key::Alias => {
                if v.len() >= IFALIASZ {
                    return Err(Fail::invarg("alias too long\n", v));
                }
                p.req.alias = Some(v.to_string());
            }
            Key::AddrGenMode => {
                let m = crate::kernel::link::AddrGenMode::parse(v)
                    .ok_or_else(|| Fail::invarg("Invalid address generation mode\n", v))?;
                p.req.addrgenmode = Some(m);
            }
            Key::Help => return Err(Fail::new(usage::Usage::Link, 255)),
            Key::Dev => {
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
}

impl Parsed<'_> {
    /// The end of `iplink_parse()` for a device being created: `name` and
    /// `dev` (a bare word) must agree.
    fn creating(&self) -> IpResult<()> {
        if self.dev.is_some() && self.name.is_some() && self.dev != self.name {
            return Err(Fail::new("both \"name\" and \"dev\" cannot be used when creating devices.\n", 255));
        }
        Ok(())
    }
}

/// `iplink_parse()`: every word up to the end, or up to `type KIND` (what
/// follows belongs to the kind).
fn parse_common<'a>(mut i: Words<'a>, p: &mut Parsed<'a>, r: &mut dyn Resolve) -> PResult<'a, ()> {
    while !i.is_empty() {
        let (rest, (key, v)) = link_arg(i)?;
        i = check(rest, p.apply(key, v, r))?.0;
        if key == Key::Type {
            break;
        }
    }
    Ok((i, ()))
}

#[derive(Clone, Copy)]
enum Verb {
    Add,
    Set,
    Delete,
    Show,
    Xstats,
    Help,
}

/// `do_iplink()`'s verbs, in its order.
const VERBS: &[Entry<Verb>] = &[
    alone(P("add"), Verb::Add),
    alone(P("set"), Verb::Set),
    alone(P("change"), Verb::Set),
    alone(P("delete"), Verb::Delete),
    alone(P("show"), Verb::Show),
    alone(P("lst"), Verb::Show),
    alone(P("list"), Verb::Show),
    alone(P("xstats"), Verb::Xstats),
    alone(P("help"), Verb::Help),
];

/// Parses `ip link ARGS` (after `link`).
pub fn parse(argv: &[String], r: &mut dyn Resolve) -> IpResult<LinkCmd> {
    parse_argv(argv, |i| link(i, r))
}

fn link<'a>(i: Words<'a>, r: &mut dyn Resolve) -> PResult<'a, LinkCmd> {
    if i.is_empty() {
        return Ok((i, LinkCmd::Show(ShowFilter::default())));
    }
    let (i, verb) = verb(VERBS, "ip link help")(i)?;
    match verb {
        Verb::Add => parse_add(i, r),
        Verb::Set => {
            let mut p = Parsed::default();
            let (i, ()) = parse_common(i, &mut p, r)?;
            let Some(dev) = p.dev else {
                return fail(Fail::new("Not enough information: \"dev\" argument is required.\n", 255));
            };
            if let (Some(len), Some(_)) = (p.addr_len, r.ifindex(dev)) {
                return fail(Fail::new(format!("Invalid address length {len} - must be 6 bytes\n"), 1));
            }
            let mut req = p.req;
            if let Some(n) = p.name {
                if n != dev {
                    req.name = Some(n.to_string());
                }
            }
            Ok((i, LinkCmd::Set { dev: dev.to_string(), req, pid: p.pid }))
        }
        Verb::Delete => {
            let mut p = Parsed::default();
            let (i, ()) = parse_common(i, &mut p, r)?;
            match p.dev {
                Some(d) => Ok((i, LinkCmd::Delete { dev: d.to_string() })),
                None => fail(Fail::new("Not enough information: \"dev\" argument is required.\n", 255)),
            }
        }
        Verb::Show => map(|i| show::filter(i, r), LinkCmd::Show)(i),
        Verb::Xstats => xstats(i),
        Verb::Help => fail(Fail::new(usage::Usage::Link, 255)),
    }
}

/// `iplink_ifla_xstats()`: `xstats type TYPE` or `xstats help`. A veth has
/// no extended statistics; the kinds that do (bridge, bond) are not
/// simulated, and a kind iproute2 does not know is an invalid type.
fn xstats(i: Words<'_>) -> PResult<'_, LinkCmd> {
    let Some(w) = i.peek() else {
        return fail(Fail::new("xstats: missing argument\n", 1));
    };
    if is_prefix(w, "help") {
        return Ok((word(i)?.0, LinkCmd::Text("Usage: ... xstats type TYPE [ ARGS ]\n")));
    }
    if !is_prefix(w, "type") {
        return fail(Fail::invarg("unknown argument", w));
    }
    let Ok((_, kind)) = word(word(i)?.0) else { return fail(Fail::incomplete()) };
    match kind {
        "veth" => fail(Fail::new("xstats: link type veth doesn't support xstats\n", 1)),
        _ if usage::LINK_KINDS.contains(&kind) => {
            fail(Fail::new("ip: \"link xstats\" is not simulated here (yet)\n", 1))
        }
        _ => fail(Fail::invarg("invalid type", kind)),
    }
}

fn parse_add<'a>(i: Words<'a>, r: &mut dyn Resolve) -> PResult<'a, LinkCmd> {
    let mut p = Parsed::default();
    let (i, ()) = parse_common(i, &mut p, r)?;
    check(i, p.creating())?;
    let name = p.name.or(p.dev).map(str::to_string);
    let netns = p.req.netns.clone();
    let attrs = attrs_of(&p.req);
    let Some(kind) = p.kind else {
        return fail(Fail::new("Not enough information: \"type\" argument is required\n", 1));
    };
    let refused = |len: Option<usize>| len.map(|_| LinkCmd::Refused(KernelError::new(Errno::EINVAL)));
    // `netns PID` on either end naming no process.
    let by_pid = |pid: Option<PidNetns>| match pid {
        Some(PidNetns::NoSuchProcess) => Some(LinkCmd::Refused(KernelError::new(Errno::ESRCH))),
        _ => None,
    };
    match kind {
        "veth" => {
            let mut peer = None;
            let mut peer_netns = None;
            let mut peer_attrs = LinkAttrs::default();
            let mut peer_len = None;
            let mut peer_pid = None;
            let (i, w) = opt(word)(i)?;
            let i = match w {
                None => i,
                Some("peer") => {
                    let mut pp = Parsed::default();
                    // The peer is parsed as a device of its own: a bare word
                    // is its dev, so `peer peer name X` names it twice.
                    let (i, ()) = parse_common(i, &mut pp, r)?;
                    check(i, pp.creating())?;
                    if let Some(k) = pp.kind {
                        return fail(Fail::duparg("type", k));
                    }
                    peer = pp.name.or(pp.dev).map(str::to_string);
                    peer_netns = pp.req.netns.clone();
                    peer_attrs = attrs_of(&pp.req);
                    peer_len = pp.addr_len;
                    peer_pid = pp.pid;
                    i
                }
                Some(_) => return fail(Fail::new(usage::Usage::Veth, 1)),
            };
            if let Some(c) = by_pid(p.pid).or_else(|| by_pid(peer_pid)) {
                return Ok((i, c));
            }
            if let Some(c) = refused(p.addr_len.or(peer_len)) {
                return Ok((i, c));
            }
            Ok((i, LinkCmd::Add(LinkAddReq::Veth { name, peer, peer_netns, netns, attrs, peer_attrs })))
        }
        "bridge" => {
            if let Some(arg) = i.peek() {
                return fail(Fail::new(
                    format!("bridge: unknown command \"{arg}\"?\n{}", String::from(usage::Usage::BridgeKind)),
                    1,
                ));
            }
            if let Some(c) = by_pid(p.pid) {
                return Ok((i, c));
            }
            if let Some(c) = refused(p.addr_len) {
                return Ok((i, c));
            }
            Ok((i, LinkCmd::Add(LinkAddReq::Bridge { name, attrs })))
        }
        _ => {
            if let Some(arg) = i.peek() {
                if is_prefix(arg, "help") {
                    return fail(Fail::new(usage::Usage::Link, 255));
                }
                return fail(Fail::new(
                    format!("Garbage instead of arguments \"{arg} ...\". Try \"ip link help\".\n"),
                    1,
                ));
            }
            Ok((i, LinkCmd::Refused(KernelError::msg(Errno::EOPNOTSUPP, "Unknown device type"))))
        }
    }
}

/// The creation attributes among what `iplink_parse()` collected.
fn attrs_of(req: &LinkSetReq) -> LinkAttrs {
    LinkAttrs { mtu: req.mtu, address: req.address, txqlen: req.txqlen, up: req.up == Some(true) }
}
