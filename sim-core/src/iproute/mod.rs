//! iproute2's `ip` and `bridge`: parse argv into typed commands, run them
//! over [`crate::netlink::Netlink`], print what iproute2 prints.
//!
//! One module per object (`link`, `addr`, `route`, `neigh`, `netns`), one
//! function per verb; keywords are matched by prefix in iproute2's order.

pub mod addr;
pub mod args;
pub mod bridge;
pub mod details;
pub mod grammar;
pub mod link;
pub mod neigh;
pub mod netns;
pub mod print;
pub mod route;
pub mod show;
pub mod usage;

use std::net::IpAddr;

use args::{matches, Fail, IpResult};

use crate::netlink::Netlink;
use crate::output::Output;

/// `-4`, `-6` or neither.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Family {
    #[default]
    Any,
    Inet,
    Inet6,
    Link,
}

impl Family {
    pub fn accepts(self, a: &IpAddr) -> bool {
        match self {
            Family::Any => true,
            Family::Inet => a.is_ipv4(),
            Family::Inet6 => a.is_ipv6(),
            Family::Link => false,
        }
    }
}

/// Global options (`ip [OPTIONS] OBJECT`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Opts {
    pub json: bool,
    pub pretty: bool,
    pub brief: bool,
    pub color: bool,
    pub details: bool,
    /// `-s`, counted: `-s -s` adds the error counters.
    pub stats: u8,
    pub oneline: bool,
    pub family: Family,
    pub netns: Option<String>,
    /// Names of the namespaces the current one has ids for (for `link-netns NAME`),
    /// filled in before printing.
    pub netns_names: Vec<(String, i32)>,
}

/// A parsed `ip` command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IpCmd {
    Link(link::LinkCmd),
    Addr(addr::AddrCmd),
    Route(route::RouteCmd),
    Neigh(neigh::NeighCmd),
    Netns(netns::NetnsCmd),
}

/// What running `ip` leads to: output, or a program to run in a namespace
/// (`ip netns exec`), which only the caller can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Done(Output),
    Exec { netns: String, argv: Vec<String> },
}

const USAGE: &str = "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
       ip [ -force ] -batch filename
where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |
                   link | macsec | maddress | monitor | mptcp | mroute | mrule |
                   neighbor | neighbour | netconf | netns | nexthop | ntable |
                   ntbl | route | rule | sr | tap | tcpmetrics |
                   token | tunnel | tuntap | vrf | xfrm }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
                    -h[uman-readable] | -iec | -j[son] | -p[retty] |
                    -f[amily] { inet | inet6 | mpls | bridge | link } |
                    -4 | -6 | -M | -B | -0 |
                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |
                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |
                    -c[olor]}
";

/// The objects of `ip`, in iproute2's table order (prefixes resolve to the first).
const OBJECTS: &[&str] = &[
    "address",
    "addrlabel",
    "maddress",
    "route",
    "rule",
    "neighbor",
    "neighbour",
    "ntable",
    "ntbl",
    "link",
    "l2tp",
    "fou",
    "ila",
    "macsec",
    "tunnel",
    "tunl",
    "tuntap",
    "tap",
    "token",
    "tcpmetrics",
    "tcp_metrics",
    "monitor",
    "xfrm",
    "mroute",
    "mrule",
    "netns",
    "netconf",
    "vrf",
    "sr",
    "nexthop",
    "mptcp",
    "ioam",
    "help",
    "stats",
];

/// `matches_color()`: `-color[=always|auto|never]` (a prefix of `-color`
/// before the `=`); whether colour is on (a terminal: `auto` is on).
pub fn color_option(opt: &str) -> Option<bool> {
    let (name, v) = match opt.split_once('=') {
        Some((n, v)) => (n, Some(v)),
        None => (opt, None),
    };
    if !matches(name, "-color") {
        return None;
    }
    match v {
        None | Some("always") | Some("auto") => Some(true),
        Some("never") => Some(false),
        Some(_) => None,
    }
}

/// Parses global options; returns them and the rest of argv.
pub fn parse_opts(argv: &[String]) -> IpResult<(Opts, &[String])> {
    let mut o = Opts::default();
    let mut i = 0;
    while i < argv.len() {
        let raw = argv[i].as_str();
        if !raw.starts_with('-') || raw == "-" {
            break;
        }
        let opt = if raw.starts_with("--") { &raw[1..] } else { raw };
        if opt == "--" {
            i += 1;
            break;
        }
        if matches(opt, "-loops") {
            i += 1;
        } else if matches(opt, "-family") {
            i += 1;
            let f = argv.get(i).ok_or_else(Fail::incomplete)?;
            o.family = match f.as_str() {
                "inet" => Family::Inet,
                "inet6" => Family::Inet6,
                "link" => Family::Link,
                _ => return Err(Fail::invarg("invalid protocol family", f)),
            };
        } else if opt == "-4" {
            o.family = Family::Inet;
        } else if opt == "-6" {
            o.family = Family::Inet6;
        } else if opt == "-0" {
            o.family = Family::Link;
        } else if matches(opt, "-human") || matches(opt, "-human-readable") || matches(opt, "-iec") {
        } else if matches(opt, "-stats") || matches(opt, "-statistics") {
            o.stats = o.stats.saturating_add(1);
        } else if matches(opt, "-details") {
            o.details = true;
        } else if matches(opt, "-resolve") {
        } else if matches(opt, "-oneline") {
            o.oneline = true;
        } else if matches(opt, "-timestamp") || matches(opt, "-tshort") || matches(opt, "-force") {
        } else if matches(opt, "-Version") {
            return Err(Fail::new("ip utility, iproute2-6.1.0, libbpf 1.1.2\n", 0));
        } else if matches(opt, "-batch") {
            return Err(Fail::new("ip: -batch is not available in this terminal\n", 255));
        } else if matches(opt, "-brief") {
            o.brief = true;
        } else if matches(opt, "-json") {
            o.json = true;
        } else if matches(opt, "-pretty") {
            o.pretty = true;
        } else if matches(opt, "-rcvbuf") {
            i += 1;
        } else if let Some(on) = color_option(opt) {
            o.color = on;
        } else if matches(opt, "-help") {
            return Err(Fail::new(USAGE, 255));
        } else if matches(opt, "-netns") {
            i += 1;
            let n = argv.get(i).ok_or_else(Fail::incomplete)?;
            o.netns = Some(n.clone());
        } else if matches(opt, "-Numeric") || matches(opt, "-all") {
        } else {
            return Err(Fail::new(format!("Option \"{raw}\" is unknown, try \"ip -help\".\n"), 255));
        }
        i += 1;
    }
    if o.json {
        o.color = false;
    }
    Ok((o, argv.get(i..).unwrap_or(&[])))
}

/// Parses an object and its arguments.
pub fn parse_object(argv: &[String], r: &mut dyn args::Resolve) -> IpResult<IpCmd> {
    let Some(obj) = argv.first() else {
        return Err(Fail::new(USAGE, 255));
    };
    let rest = &argv[1..];
    let Some(full) = OBJECTS.iter().find(|o| matches(obj, o)) else {
        return Err(Fail::new(format!("Object \"{obj}\" is unknown, try \"ip help\".\n"), 1));
    };
    match *full {
        "address" => addr::parse(rest, r).map(IpCmd::Addr),
        "route" => route::parse(rest).map(IpCmd::Route),
        "neighbor" | "neighbour" => neigh::parse(rest, r).map(IpCmd::Neigh),
        "link" => link::parse(rest, r).map(IpCmd::Link),
        "netns" => netns::parse(rest).map(IpCmd::Netns),
        "help" => Err(Fail::new(USAGE, 255)),
        other => Err(Fail::new(format!("ip: \"{other}\" is not simulated here (yet)\n"), 1)),
    }
}

/// Runs `ip ARGS` (argv without the leading `ip`) against a kernel.
pub fn ip(nl: &mut dyn Netlink, argv: &[String]) -> Outcome {
    match ip_inner(nl, argv) {
        Ok(o) => o,
        Err(f) => Outcome::Done(f.into_output()),
    }
}

fn ip_inner(nl: &mut dyn Netlink, argv: &[String]) -> IpResult<Outcome> {
    let (opts, rest) = parse_opts(argv)?;
    if let Some(ns) = &opts.netns {
        if nl.netns_enter(ns).is_err() {
            return Err(Fail::new(format!("Cannot open network namespace \"{ns}\": No such file or directory\n"), 255));
        }
    }
    let cmd = parse_object(rest, &mut args::Lookup(nl))?;
    let out = match &cmd {
        IpCmd::Link(c) => link::run(nl, &opts, c)?,
        IpCmd::Addr(c) => addr::run(nl, &opts, c)?,
        IpCmd::Route(c) => route::run(nl, &opts, c)?,
        IpCmd::Neigh(c) => neigh::run(nl, &opts, c)?,
        IpCmd::Netns(c) => return netns::run(nl, &opts, c),
    };
    Ok(Outcome::Done(out))
}

/// The namespaces the current one has ids for, by name (`get_name_from_nsid`).
pub fn netns_names(nl: &mut dyn Netlink) -> Vec<(String, i32)> {
    nl.netns_list().into_iter().filter_map(|n| nl.netns_id(&n).ok().flatten().map(|id| (n, id))).collect()
}
