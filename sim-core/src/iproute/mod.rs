//! iproute2's `ip` and `bridge`: parse argv into typed commands, run them
//! over [`crate::netlink::Netlink`], print what iproute2 prints.
//!
//! One module per object (`link`, `addr`, `route`, `neigh`, `netns`), one
//! function per verb; the grammars are nom parsers over argv words
//! ([`grammar`]) with keywords matched by prefix in iproute2's order.

pub mod addr;
mod addr_flags;
mod addr_sel;
pub mod args;
pub mod batch;
pub mod bridge;
pub mod details;
pub mod grammar;
pub mod link;
#[cfg(feature = "mcast")]
pub mod maddr;
pub mod neigh;
pub mod netns;
pub mod print;
pub mod route;
pub mod show;
use crate::usage;

use std::net::IpAddr;

use args::{Fail, IpResult};
use grammar::keyword::{alone, first_of, is_prefix, Entry, Kw::E, Kw::P};
use grammar::option::next_option;
use grammar::words::{word, Words};
use grammar::PResult;

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
    /// `-batch FILE` (`-` for stdin).
    pub batch: Option<String>,
    /// `-force`: a batch goes on after a failed command.
    pub force: bool,
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
    #[cfg(feature = "mcast")]
    Maddr(maddr::MaddrCmd),
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

#[derive(Clone, Copy, PartialEq, Eq)]
enum IpOpt {
    Loops,
    Family,
    Inet,
    Inet6,
    Link,
    /// Accepted and not modelled (`-human`, `-resolve`, `-timestamp`, …).
    Ignored,
    Stats,
    Details,
    Oneline,
    Version,
    Force,
    Batch,
    Brief,
    Json,
    Pretty,
    Rcvbuf,
    Color(bool),
    Help,
    Netns,
}

/// The options of ip.c's `main()`, in its order (`-b` is `-batch`, `-br`
/// `-brief`); `-color` is tried between `-rcvbuf` and `-help`.
const OPTIONS: &[Entry<IpOpt>] = &[
    alone(P("-loops"), IpOpt::Loops),
    alone(P("-family"), IpOpt::Family),
    alone(E("-4"), IpOpt::Inet),
    alone(E("-6"), IpOpt::Inet6),
    alone(E("-0"), IpOpt::Link),
    alone(P("-human"), IpOpt::Ignored),
    alone(P("-human-readable"), IpOpt::Ignored),
    alone(P("-iec"), IpOpt::Ignored),
    alone(P("-stats"), IpOpt::Stats),
    alone(P("-statistics"), IpOpt::Stats),
    alone(P("-details"), IpOpt::Details),
    alone(P("-resolve"), IpOpt::Ignored),
    alone(P("-oneline"), IpOpt::Oneline),
    alone(P("-timestamp"), IpOpt::Ignored),
    alone(P("-tshort"), IpOpt::Ignored),
    alone(P("-Version"), IpOpt::Version),
    alone(P("-force"), IpOpt::Force),
    alone(P("-batch"), IpOpt::Batch),
    alone(P("-brief"), IpOpt::Brief),
    alone(P("-json"), IpOpt::Json),
    alone(P("-pretty"), IpOpt::Pretty),
    alone(P("-rcvbuf"), IpOpt::Rcvbuf),
];

const OPTIONS_AFTER_COLOR: &[Entry<IpOpt>] = &[
    alone(P("-help"), IpOpt::Help),
    alone(P("-netns"), IpOpt::Netns),
    alone(P("-Numeric"), IpOpt::Ignored),
    alone(P("-all"), IpOpt::Ignored),
];

/// The value of `-family`, `-batch`, …: with none, ip.c prints its usage.
fn opt_value(i: Words<'_>) -> PResult<'_, &str> {
    match word(i) {
        Ok(r) => Ok(r),
        Err(_) => grammar::fail(Fail::new(USAGE, 255)),
    }
}

/// Parses global options; returns them and the rest of argv. `-n NS` is
/// checked where it stands, as ip.c switches namespace there.
pub fn parse_opts<'a>(argv: &'a [String], r: &mut dyn args::Resolve) -> IpResult<(Opts, &'a [String])> {
    grammar::parse_argv(argv, |i| options(i, r))
}

fn options<'a>(mut i: Words<'a>, r: &mut dyn args::Resolve) -> PResult<'a, (Opts, &'a [String])> {
    let mut o = Opts::default();
    loop {
        let (rest, key) = next_option(i, OPTIONS, IpOpt::Color, OPTIONS_AFTER_COLOR, "ip -help")?;
        i = rest;
        let Some(key) = key else { break };
        match key {
            IpOpt::Loops | IpOpt::Rcvbuf => i = opt_value(i)?.0,
            IpOpt::Family => {
                let (rest, f) = opt_value(i)?;
                i = rest;
                o.family = match f {
                    "inet" => Family::Inet,
                    "inet6" => Family::Inet6,
                    "link" => Family::Link,
                    _ => return grammar::fail(Fail::invarg("invalid protocol family", f)),
                };
            }
            IpOpt::Inet => o.family = Family::Inet,
            IpOpt::Inet6 => o.family = Family::Inet6,
            IpOpt::Link => o.family = Family::Link,
            IpOpt::Ignored => {}
            IpOpt::Stats => o.stats = o.stats.saturating_add(1),
            IpOpt::Details => o.details = true,
            IpOpt::Oneline => o.oneline = true,
            IpOpt::Version => return grammar::fail(Fail::new("ip utility, iproute2-6.1.0, libbpf 1.1.2\n", 0)),
            IpOpt::Force => o.force = true,
            IpOpt::Batch => {
                let (rest, f) = opt_value(i)?;
                i = rest;
                o.batch = Some(f.to_string());
            }
            IpOpt::Brief => o.brief = true,
            IpOpt::Json => o.json = true,
            IpOpt::Pretty => o.pretty = true,
            IpOpt::Color(on) => o.color = on,
            IpOpt::Help => return grammar::fail(Fail::new(USAGE, 255)),
            IpOpt::Netns => {
                // `netns_switch(argv[1])` with no argv[1]: glibc prints NULL as "(null)".
                let (rest, ns) = word(i).unwrap_or((i, "(null)"));
                i = rest;
                // /run/netns/{,.,..} are directories: open() works, setns() says EINVAL.
                if ["", ".", ".."].contains(&ns) {
                    return grammar::fail(Fail::new(
                        format!("setting the network namespace \"{ns}\" failed: Invalid argument\n"),
                        255,
                    ));
                }
                if !r.netns_exists(ns) {
                    return grammar::fail(netns_fail(ns));
                }
                o.netns = Some(ns.to_string());
            }
        }
    }
    if o.json {
        o.color = false;
    }
    Ok((i, (o, i.rest())))
}

pub(crate) fn netns_fail(ns: &str) -> Fail {
    Fail::new(format!("Cannot open network namespace \"{ns}\": No such file or directory\n"), 255)
}

/// Parses an object and its arguments.
pub fn parse_object(argv: &[String], family: Family, r: &mut dyn args::Resolve) -> IpResult<IpCmd> {
    let Some(obj) = argv.first() else {
        return Err(Fail::new(USAGE, 255));
    };
    let rest = &argv[1..];
    // ip.c's `cmds[]` is searched in order: a prefix means the first match.
    let Ok((_, full)) = first_of(OBJECTS)(Words::new(argv)) else {
        return Err(Fail::new(format!("Object \"{obj}\" is unknown, try \"ip help\".\n"), 1));
    };
    match full {
        "address" => addr::parse(rest, family, r).map(IpCmd::Addr),
        "route" => route::parse(rest, family).map(IpCmd::Route),
        "neighbor" | "neighbour" => neigh::parse(rest, family, r).map(IpCmd::Neigh),
        "link" => link::parse(rest, r).map(IpCmd::Link),
        "netns" => netns::parse(rest).map(IpCmd::Netns),
        #[cfg(feature = "mcast")]
        "maddress" => maddr::parse(rest).map(IpCmd::Maddr),
        "help" => Err(Fail::new(USAGE, 255)),
        "xfrm" => xfrm(rest),
        other => Err(Fail::new(format!("ip: \"{other}\" is not simulated here (yet)\n"), 1)),
    }
}

/// `do_xfrm()`: its objects are not simulated; anything else is its usage.
fn xfrm(argv: &[String]) -> IpResult<IpCmd> {
    match argv.first() {
        Some(w) if ["state", "policy", "monitor"].iter().any(|o| is_prefix(w, o)) => {
            Err(Fail::new("ip: \"xfrm\" is not simulated here (yet)\n", 1))
        }
        _ => Err(Fail::new(usage::Usage::Xfrm, 255)),
    }
}

/// Runs `ip ARGS` (argv without the leading `ip`) against a kernel, with
/// nothing on stdin and no programs to run (`-batch` lines cannot `netns exec`).
pub fn ip(nl: &mut dyn Netlink, argv: &[String]) -> Outcome {
    ip_on(&mut batch::NetlinkOnly(nl), argv, "")
}

/// Runs `ip ARGS` on a host; `stdin` is what `-batch -` reads.
pub fn ip_on(host: &mut dyn batch::Host, argv: &[String], stdin: &str) -> Outcome {
    let mut batch_opts = None;
    let outcome = host.with_netlink(&mut |nl| match parse_opts(argv, &mut args::Lookup(nl)) {
        Err(f) => Outcome::Done(f.into_output()),
        // ip.c: with `-batch`, the words after the options are not read.
        Ok((opts, _)) if opts.batch.is_some() => {
            batch_opts = Some(opts);
            Outcome::Done(Output::new())
        }
        Ok((opts, rest)) => run_line(nl, &opts, rest),
    });
    match batch_opts {
        Some(opts) => {
            let name = opts.batch.clone().unwrap_or_default();
            Outcome::Done(batch::run(host, &opts, &name, stdin))
        }
        None => outcome,
    }
}

/// One command (an object and its words) with the global options.
pub fn run_line(nl: &mut dyn Netlink, opts: &Opts, argv: &[String]) -> Outcome {
    match run_inner(nl, opts, argv) {
        Ok(o) => o,
        Err(f) => Outcome::Done(f.into_output()),
    }
}

fn run_inner(nl: &mut dyn Netlink, opts: &Opts, argv: &[String]) -> IpResult<Outcome> {
    if let Some(ns) = &opts.netns {
        if nl.netns_enter(ns).is_err() {
            return Err(netns_fail(ns));
        }
    }
    let cmd = parse_object(argv, opts.family, &mut args::Lookup(nl))?;
    let out = match &cmd {
        IpCmd::Link(c) => link::run(nl, opts, c)?,
        IpCmd::Addr(c) => addr::run(nl, opts, c)?,
        IpCmd::Route(c) => route::run(nl, opts, c)?,
        IpCmd::Neigh(c) => neigh::run(nl, opts, c)?,
        #[cfg(feature = "mcast")]
        IpCmd::Maddr(c) => maddr::run(nl, opts, c)?,
        IpCmd::Netns(c) => return netns::run(nl, opts, c),
    };
    Ok(Outcome::Done(out))
}

/// The namespaces the current one has ids for, by name (`get_name_from_nsid`).
pub fn netns_names(nl: &mut dyn Netlink) -> Vec<(String, i32)> {
    nl.netns_list().into_iter().filter_map(|n| nl.netns_id(&n).ok().flatten().map(|id| (n, id))).collect()
}
