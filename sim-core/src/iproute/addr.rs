//! `ip address`: add, del, flush, show.

use std::net::{Ipv4Addr, Ipv6Addr};

use nom::combinator::map;

use super::args::{Fail, IpResult, Resolve};
use super::grammar::keyword::{alone, is_prefix, table_or, valued, Entry, Kw::E, Kw::P};
use super::grammar::verb::{verb, Verb, MODIFY_LIST_FLUSH};
use super::grammar::words::Words;
use super::grammar::{check, fail, parse_argv, value, PResult};
use super::show::{self, ShowFilter};
use super::{Family, Opts};
use crate::kernel::addr::{Inet4, Scope};
use crate::netlink::{Addr6Req, Netlink};
use crate::output::Output;

pub use super::grammar::value::{Prefix, Prefix6};

/// `get_prefix()`: `A.B.C.D[/LEN]`, or the error iproute2 prints.
pub fn parse_prefix(s: &str) -> IpResult<Prefix> {
    value::whole(s, value::prefix)
        .ok_or_else(|| Fail::new(format!("Error: any valid prefix is expected rather than \"{s}\".\n"), 1))
}

/// `get_addr_ipv4()`: one to four dotted decimal bytes (`10.1` is 10.1.0.0).
pub fn parse_inet(s: &str) -> Option<Ipv4Addr> {
    value::whole(s, value::ipv4)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddrCmd {
    Add {
        dev: String,
        addr: Inet4,
        replace: bool,
    },
    Add6 {
        dev: String,
        req: Addr6Req,
        replace: bool,
    },
    Del {
        dev: String,
        local: Ipv4Addr,
        prefix: Option<u8>,
    },
    /// An IPv6 address is deleted with its prefix length (128 if not typed).
    Del6 {
        dev: String,
        local: Ipv6Addr,
        prefix: u8,
    },
    Flush(ShowFilter),
    Show(ShowFilter),
    /// `ip addr add|del dev X` with no address: the kernel refuses it,
    /// after the device is looked up.
    Refused {
        dev: String,
        error: crate::kernel::KernelError,
    },
}

/// An interface address as typed, of either family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnyPrefix {
    V4(Prefix),
    V6(Prefix6),
}

/// `get_prefix()` in a family (`-4`, `-6`, or either, chosen by a `:`), or
/// the error iproute2 prints for it.
pub fn parse_any_prefix(s: &str, family: Family) -> IpResult<AnyPrefix> {
    let v6 = s.contains(':');
    let parsed = match (v6, family) {
        (true, Family::Any | Family::Inet6) => value::whole(s, value::prefix6).map(AnyPrefix::V6),
        (false, Family::Any | Family::Inet) => value::whole(s, value::prefix).map(AnyPrefix::V4),
        _ => None,
    };
    let fam = match family {
        Family::Inet6 => "inet6",
        Family::Inet => "inet",
        _ => "any valid",
    };
    parsed.ok_or_else(|| Fail::new(format!("Error: {fam} prefix is expected rather than \"{s}\".\n"), 1))
}

pub fn parse(argv: &[String], family: Family, r: &mut dyn Resolve) -> IpResult<AddrCmd> {
    parse_argv(argv, |i| address(i, family, r))
}

fn address<'a>(i: Words<'a>, family: Family, r: &mut dyn Resolve) -> PResult<'a, AddrCmd> {
    if i.is_empty() {
        return Ok((i, AddrCmd::Show(ShowFilter::default())));
    }
    let (i, verb) = verb(MODIFY_LIST_FLUSH, "ip address help")(i)?;
    match verb {
        Verb::Add => modify(i, family, false, false),
        Verb::Replace => modify(i, family, false, true),
        Verb::Delete => modify(i, family, true, false),
        Verb::Show => map(|i| show::filter(i, r), AddrCmd::Show)(i),
        Verb::Flush => {
            let (i, f) = show::filter(i, r)?;
            if f.dev.is_none() {
                return fail(Fail::new("Flush requires arguments.\n", 1));
            }
            Ok((i, AddrCmd::Flush(f)))
        }
        Verb::Help => fail(Fail::new(crate::usage::Usage::Address, 255)),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Broadcast,
    Scope,
    Dev,
    Label,
    ValidLft,
    PreferredLft,
    NoPrefixRoute,
    NoDad,
    /// `home`: read and not modelled.
    Ignored,
    Local,
}

/// The words of `ipaddr_modify()`, in its order; anything else is the address.
const KEYWORDS: &[Entry<Key>] = &[
    valued(P("broadcast"), Key::Broadcast),
    valued(E("brd"), Key::Broadcast),
    valued(E("scope"), Key::Scope),
    valued(E("dev"), Key::Dev),
    valued(E("label"), Key::Label),
    valued(P("valid_lft"), Key::ValidLft),
    valued(P("preferred_lft"), Key::PreferredLft),
    alone(E("noprefixroute"), Key::NoPrefixRoute),
    alone(E("nodad"), Key::NoDad),
    alone(E("home"), Key::Ignored),
    valued(E("local"), Key::Local),
];

fn modify_arg(i: Words<'_>) -> PResult<'_, (Key, &str)> {
    table_or(KEYWORDS, Key::Local)(i)
}

/// What `ipaddr_modify()` collects.
#[derive(Default)]
struct Modify<'a> {
    family: Family,
    local: Option<AnyPrefix>,
    /// `valid_lft`/`preferred_lft`: `Some(None)` is `forever`.
    valid_lft: Option<Option<u32>>,
    preferred_lft: Option<Option<u32>>,
    nodad: bool,
    noprefixroute: bool,
    dev: Option<&'a str>,
    brd: Option<&'a str>,
    scope: Option<Scope>,
    label: Option<&'a str>,
}

impl<'a> Modify<'a> {
    fn apply(&mut self, key: Key, v: &'a str) -> IpResult<()> {
        match key {
            Key::Broadcast => {
                if self.brd.is_some() {
                    return Err(Fail::duparg("broadcast", v));
                }
                if !matches!(v, "+" | "-") {
                    // get_addr() at once, in the family known so far, which
                    // an address of either family then fixes.
                    let v4 = parse_inet(v).is_some();
                    let v6 = v.contains(':') && value::whole(v, value::ipv6).is_some();
                    let family = match (self.family, v4, v6) {
                        (Family::Inet, true, _) | (Family::Any, true, _) => Family::Inet,
                        (Family::Inet6, _, true) | (Family::Any, _, true) => Family::Inet6,
                        (f, _, _) => {
                            let name = match f {
                                Family::Inet => "inet",
                                Family::Inet6 => "inet6",
                                _ => "any valid",
                            };
                            return Err(Fail::new(
                                format!("Error: {name} address is expected rather than \"{v}\".\n"),
                                1,
                            ));
                        }
                    };
                    self.family = family;
                }
                self.brd = Some(v);
            }
            Key::Scope => self.scope = Some(Scope::parse(v).ok_or_else(|| Fail::invarg("invalid scope value.", v))?),
            Key::Dev => self.dev = Some(v),
            Key::Label => self.label = Some(v),
            Key::ValidLft => self.valid_lft = Some(lifetime(v, "valid_lft value")?),
            Key::PreferredLft => self.preferred_lft = Some(lifetime(v, "preferred_lft value")?),
            Key::NoPrefixRoute => self.noprefixroute = true,
            Key::NoDad => self.nodad = true,
            Key::Ignored => {}
            Key::Local => {
                if is_prefix(v, "help") {
                    return Err(Fail::new(crate::usage::Usage::Address, 255));
                }
                if self.local.is_some() {
                    return Err(Fail::duparg2("local", v));
                }
                let p = parse_any_prefix(v, self.family)?;
                if self.family == Family::Any {
                    self.family = if matches!(p, AnyPrefix::V4(_)) { Family::Inet } else { Family::Inet6 };
                }
                self.local = Some(p);
            }
        }
        Ok(())
    }
}

/// `set_lifetime()`: `forever` or seconds.
fn lifetime(v: &str, what: &str) -> IpResult<Option<u32>> {
    if v == "forever" {
        return Ok(None);
    }
    value::whole(v, value::unsigned).map(Some).ok_or_else(|| Fail::invarg(what, v))
}

fn modify(mut i: Words<'_>, family: Family, delete: bool, replace: bool) -> PResult<'_, AddrCmd> {
    let mut m = Modify { family, ..Modify::default() };
    while !i.is_empty() {
        let (rest, (key, v)) = modify_arg(i)?;
        i = check(rest, m.apply(key, v))?.0;
    }
    check(i, m.finish(delete, replace))
}

impl Modify<'_> {
    fn finish(self, delete: bool, replace: bool) -> IpResult<AddrCmd> {
        let Some(dev) = self.dev.map(str::to_string) else {
            return Err(Fail::new("Not enough information: \"dev\" argument is required.\n", 1));
        };
        let Some(p) = self.local else {
            return Ok(AddrCmd::Refused { dev, error: self.no_local(delete) });
        };
        let p = match p {
            AnyPrefix::V4(p) => p,
            // `brd +`/`brd -` is computed for IPv4 only.
            AnyPrefix::V6(_) if !delete && matches!(self.brd, Some("+" | "-")) => {
                return Err(Fail::new("Broadcast can be set only for IPv4 addresses\n", 1));
            }
            AnyPrefix::V6(p) => return self.finish6(dev, p, delete, replace),
        };
        if delete {
            return Ok(AddrCmd::Del { dev, local: p.addr, prefix: p.len });
        }
        let prefix = p.len.unwrap_or(32);
        // ipaddr_modify() computes `brd +` and `brd -` only up to a /30: a
        // /31 or /32 is sent without IFA_BROADCAST.
        let broadcast = match self.brd {
            None => None,
            Some("+" | "-") if prefix > 30 => None,
            Some("+") => Some(crate::kernel::addr::broadcast(p.addr, prefix)),
            Some("-") => Some(crate::kernel::addr::network(p.addr, prefix)),
            Some(b) => parse_inet(b),
        };
        let scope = self.scope.unwrap_or(if p.addr.is_loopback() { Scope::Host } else { Scope::Global });
        let label = self.label.map_or_else(|| dev.clone(), str::to_string);
        Ok(AddrCmd::Add { addr: Inet4 { local: p.addr, prefix, broadcast, scope, label }, dev, replace })
    }
}

impl Modify<'_> {
    /// What the kernel answers a request without IFA_LOCAL: no family
    /// (`ip addr add dev X`) has no handler; IPv6 finds no address to take
    /// (`inet6_rtm_newaddr()`); IPv4 says which. (With `brd +` as well,
    /// iproute2 6.1 sends IFA_BROADCAST with the unset address's length,
    /// uninitialised: the kernel's answer differs run to run, and is not
    /// modelled.)
    fn no_local(&self, delete: bool) -> crate::kernel::KernelError {
        use crate::kernel::{Errno, KernelError};
        match self.family {
            Family::Inet if delete => KernelError::msg(Errno::EADDRNOTAVAIL, "ipv4: Address not found"),
            Family::Inet => KernelError::msg(Errno::EINVAL, "ipv4: Local address is not supplied"),
            Family::Inet6 => KernelError::new(Errno::EINVAL),
            _ => KernelError::new(Errno::EOPNOTSUPP),
        }
    }

    /// The IPv6 half of `ipaddr_modify()`: lifetimes are checked as
    /// iproute2 checks them (either one given sends both, unset ones forever).
    fn finish6(self, dev: String, p: Prefix6, delete: bool, replace: bool) -> IpResult<AddrCmd> {
        let prefix = p.len.unwrap_or(128);
        if delete {
            return Ok(AddrCmd::Del6 { dev, local: p.addr, prefix });
        }
        let (valid_lft, preferred_lft) = (self.valid_lft.flatten(), self.preferred_lft.flatten());
        if self.valid_lft.is_some() || self.preferred_lft.is_some() {
            if valid_lft == Some(0) {
                return Err(Fail::new("valid_lft is zero\n", 1));
            }
            if valid_lft.unwrap_or(u32::MAX) < preferred_lft.unwrap_or(u32::MAX) {
                return Err(Fail::new("preferred_lft is greater than valid_lft\n", 1));
            }
        }
        let req = Addr6Req {
            local: p.addr,
            prefix,
            scope: self.scope,
            nodad: self.nodad,
            noprefixroute: self.noprefixroute,
            valid_lft,
            preferred_lft,
        };
        Ok(AddrCmd::Add6 { dev, req, replace })
    }
}

pub fn run(nl: &mut dyn Netlink, opts: &Opts, cmd: &AddrCmd) -> IpResult<Output> {
    let index_of = |nl: &mut dyn Netlink, dev: &str| nl.link_index(dev);
    match cmd {
        AddrCmd::Add { dev, addr, replace } => {
            let i = index_of(nl, dev).ok_or_else(|| Fail::nodev(dev))?;
            match nl.addr_add(i, addr) {
                Err(e) if *replace && e.errno == crate::kernel::Errno::EEXIST => Ok(Output::new()),
                r => r.map(|_| Output::new()).map_err(Fail::from),
            }
        }
        AddrCmd::Add6 { dev, req, replace } => {
            let i = index_of(nl, dev).ok_or_else(|| Fail::nodev(dev))?;
            match nl.addr6_add(i, req) {
                Err(e) if *replace && e.errno == crate::kernel::Errno::EEXIST => Ok(Output::new()),
                r => r.map(|_| Output::new()).map_err(Fail::from),
            }
        }
        AddrCmd::Del6 { dev, local, prefix } => {
            let i = index_of(nl, dev).ok_or_else(|| Fail::nodev(dev))?;
            nl.addr6_del(i, *local, *prefix)?;
            Ok(Output::new())
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
            let sel = super::addr_sel::AddrSel::new(f, opts.family)?;
            if sel.family == Family::Any && !sel.narrows() {
                nl.addr_flush(i)?;
                return Ok(Output::new());
            }
            // ipaddr_flush(): each selected address is deleted on its own.
            for a in nl.addr_dump().into_iter().filter(|a| a.ifindex == i && sel.matches(a)) {
                // A primary's secondaries went with it (no promotion).
                match a.local {
                    std::net::IpAddr::V4(v) => match nl.addr_del(i, v, Some(a.prefix)) {
                        Err(e) if e.errno == crate::kernel::Errno::EADDRNOTAVAIL => {}
                        r => r?,
                    },
                    std::net::IpAddr::V6(v) => nl.addr6_del(i, v, a.prefix)?,
                }
            }
            Ok(Output::new())
        }
        AddrCmd::Show(f) => show::list(nl, opts, f, false),
        AddrCmd::Refused { dev, error } => {
            index_of(nl, dev).ok_or_else(|| Fail::nodev(dev))?;
            Err(Fail::kernel(error))
        }
    }
}
