//! `ip address`: add, del, flush, show.

use std::net::Ipv4Addr;

use super::args::{matches, Args, Fail, IpResult, Resolve};
use super::show::{self, ShowFilter};
use super::Opts;
use crate::kernel::addr::{Inet4, Scope};
use crate::netlink::Netlink;
use crate::output::Output;

/// An IPv4 address with an optional prefix length, as typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prefix {
    pub addr: Ipv4Addr,
    pub len: Option<u8>,
}

/// `get_prefix()`: `A.B.C.D[/LEN]`, or the error iproute2 prints.
pub fn parse_prefix(s: &str) -> IpResult<Prefix> {
    let bad = || Fail::new(format!("Error: any valid prefix is expected rather than \"{s}\".\n"), 1);
    let (a, l) = match s.split_once('/') {
        Some((a, l)) => (a, Some(l)),
        None => (s, None),
    };
    let addr = parse_inet(a).ok_or_else(bad)?;
    let len = match l {
        Some(l) => {
            let n: u8 = l.parse().map_err(|_| bad())?;
            if n > 32 {
                return Err(bad());
            }
            Some(n)
        }
        None => None,
    };
    Ok(Prefix { addr, len })
}

/// `inet_pton` with the shorthand forms `get_addr_1` accepts (`10.1` = 10.0.0.1 is not; dotted quads only).
pub fn parse_inet(s: &str) -> Option<Ipv4Addr> {
    let parts: Vec<&str> = s.split('.').collect();
    if parts.is_empty()
        || parts.len() > 4
        || parts.iter().any(|p| p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let mut b = [0u8; 4];
    for (i, p) in parts.iter().enumerate() {
        b[i] = p.parse().ok()?;
    }
    Some(Ipv4Addr::from(b))
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddrCmd {
    Add {
        dev: String,
        addr: Inet4,
        replace: bool,
    },
    Del {
        dev: String,
        local: Ipv4Addr,
        prefix: Option<u8>,
    },
    Flush(ShowFilter),
    Show(ShowFilter),
    /// `ip addr add dev X` with no address: the kernel refuses it.
    Refused {
        dev: String,
    },
}

pub fn parse(argv: &[String], r: &mut dyn Resolve) -> IpResult<AddrCmd> {
    let mut a = Args::new(argv);
    let Some(verb) = a.next() else {
        return Ok(AddrCmd::Show(ShowFilter::default()));
    };
    if matches(verb, "add") {
        parse_modify(&mut a, false, false)
    } else if matches(verb, "change") || verb == "chg" || matches(verb, "replace") {
        parse_modify(&mut a, false, true)
    } else if matches(verb, "delete") {
        parse_modify(&mut a, true, false)
    } else if matches(verb, "list") || matches(verb, "show") || matches(verb, "lst") {
        Ok(AddrCmd::Show(show::parse_filter(&mut a, r)?))
    } else if matches(verb, "flush") {
        let f = show::parse_filter(&mut a, r)?;
        if f.dev.is_none() {
            return Err(Fail::new("Flush requires arguments.\n", 1));
        }
        Ok(AddrCmd::Flush(f))
    } else if matches(verb, "help") {
        Err(Fail::new(super::usage::ADDRESS, 255))
    } else {
        Err(Fail::new(format!("Command \"{verb}\" is unknown, try \"ip address help\".\n"), 255))
    }
}

fn parse_modify(a: &mut Args<'_>, delete: bool, replace: bool) -> IpResult<AddrCmd> {
    let mut local: Option<Prefix> = None;
    let mut dev: Option<String> = None;
    let mut brd: Option<String> = None;
    let mut scope: Option<Scope> = None;
    let mut label: Option<String> = None;
    while let Some(arg) = a.next() {
        if matches(arg, "broadcast") || arg == "brd" {
            let v = a.value()?;
            if brd.is_some() {
                return Err(Fail::duparg("broadcast", v));
            }
            brd = Some(v.to_string());
        } else if arg == "scope" {
            let v = a.value()?;
            scope = Some(Scope::parse(v).ok_or_else(|| Fail::invarg("invalid scope value.", v))?);
        } else if arg == "dev" {
            dev = Some(a.value()?.to_string());
        } else if arg == "label" {
            label = Some(a.value()?.to_string());
        } else if matches(arg, "valid_lft") || matches(arg, "preferred_lft") {
            a.value()?;
        } else if arg == "noprefixroute" || arg == "nodad" || arg == "home" {
        } else {
            let v = if arg == "local" { a.value()? } else { arg };
            if matches(v, "help") {
                return Err(Fail::new(super::usage::ADDRESS, 255));
            }
            if local.is_some() {
                return Err(Fail::duparg2("local", v));
            }
            local = Some(parse_prefix(v)?);
        }
    }
    let Some(dev) = dev else {
        return Err(Fail::new("Not enough information: \"dev\" argument is required.\n", 1));
    };
    let Some(p) = local else {
        // Sent without an address: the device is looked up first.
        return Ok(AddrCmd::Refused { dev });
    };
    if delete {
        return Ok(AddrCmd::Del { dev, local: p.addr, prefix: p.len });
    }
    let prefix = p.len.unwrap_or(32);
    let broadcast = match brd.as_deref() {
        None => None,
        Some("+") => Some(crate::kernel::addr::broadcast(p.addr, prefix)),
        Some("-") => Some(crate::kernel::addr::network(p.addr, prefix)),
        Some(b) => Some(
            parse_inet(b)
                .ok_or_else(|| Fail::new(format!("Error: inet address is expected rather than \"{b}\".\n"), 1))?,
        ),
    };
    let scope = scope.unwrap_or(if p.addr.is_loopback() { Scope::Host } else { Scope::Global });
    let label = label.unwrap_or_else(|| dev.clone());
    Ok(AddrCmd::Add { addr: Inet4 { local: p.addr, prefix, broadcast, scope, label }, dev, replace })
}

pub fn run(nl: &mut dyn Netlink, opts: &Opts, cmd: &AddrCmd) -> IpResult<Output> {
    let index_of = |nl: &mut dyn Netlink, dev: &str| nl.link_get(dev).map(|l| l.ifindex);
    match cmd {
        AddrCmd::Add { dev, addr, replace } => {
            let i = index_of(nl, dev).ok_or_else(|| Fail::nodev(dev))?;
            match nl.addr_add(i, addr) {
                Err(e) if *replace && e.errno == crate::kernel::Errno::EEXIST => Ok(Output::new()),
                r => r.map(|_| Output::new()).map_err(Fail::from),
            }
        }
        AddrCmd::Del { dev, local, prefix } => {
            let i = index_of(nl, dev).ok_or_else(|| Fail::nodev(dev))?;
            let mut out = Output::new();
            if prefix.is_none() {
                out.err(format!("Warning: Executing wildcard deletion to stay compatible with old scripts.\n         Explicitly specify the prefix length ({local}/32) to avoid this warning.\n         This special behaviour is likely to disappear in further releases,\n         fix your scripts!\n"));
            }
            nl.addr_del(i, *local, *prefix)?;
            Ok(out)
        }
        AddrCmd::Flush(f) => {
            let dev = f.dev.clone().unwrap_or_default();
            let Some(i) = index_of(nl, &dev) else {
                return Err(Fail::new(format!("Device \"{dev}\" does not exist.\n"), 1));
            };
            nl.addr_flush(i)?;
            Ok(Output::new())
        }
        AddrCmd::Show(f) => show::list(nl, opts, f, false),
        AddrCmd::Refused { dev } => {
            index_of(nl, dev).ok_or_else(|| Fail::nodev(dev))?;
            Err(Fail::new("RTNETLINK answers: Operation not supported\n", 2))
        }
    }
}
