//! Listing links and addresses: `ip link show` and `ip address show`
//! (iproute2's ipaddr_list_flush_or_save and print_linkinfo/print_addrinfo).

use std::net::IpAddr;

use super::args::{Fail, IpResult, Resolve};
use super::grammar::keyword::{alone, table_or, valued, Entry, Kw::E, Kw::P};
use super::grammar::words::Words;
use super::grammar::{check, PResult};
use super::print::{Color, Kind, Printer, To};
use super::{Family, Opts};
use crate::kernel::link::OperState;
use crate::lab::basic::COUNTERS_BUILT;
use crate::netlink::{AddrMsg, LinkMsg, Netlink, ARPHRD_LOOPBACK, IFF_LOWER_UP, IFF_RUNNING, IFF_UP};
use crate::output::Output;

/// Which links (and addresses) a show prints.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShowFilter {
    pub dev: Option<String>,
    pub kind: Option<String>,
    pub master: Option<String>,
    /// `nomaster`: only devices that are no port (a later `master X` wins,
    /// and this wins over an earlier one: one `filter.master` in iproute2).
    pub nomaster: bool,
    pub up: bool,
    /// `to PREFIX`, read in the command's family when listing.
    pub to: Option<String>,
    /// `scope S` (`all`: any).
    pub scope: Option<crate::kernel::addr::Scope>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Up,
    Type,
    Master,
    NoMaster,
    To,
    Scope,
    /// `label`: read and not used.
    Ignored,
    Help,
    Dev,
}

/// The selectors of `ipaddr_list_flush_or_save()`, in its order.
const KEYWORDS: &[Entry<Key>] = &[
    alone(E("up"), Key::Up),
    valued(E("type"), Key::Type),
    valued(E("master"), Key::Master),
    alone(E("nomaster"), Key::NoMaster),
    valued(E("to"), Key::To),
    valued(E("scope"), Key::Scope),
    valued(E("label"), Key::Ignored),
    valued(E("dev"), Key::Dev),
    alone(P("help"), Key::Help),
];

fn show_arg(i: Words<'_>) -> PResult<'_, (Key, &str)> {
    table_or(KEYWORDS, Key::Dev)(i)
}

impl ShowFilter {
    fn apply(&mut self, key: Key, v: &str, r: &mut dyn Resolve) -> IpResult<()> {
        match key {
            Key::Up => self.up = true,
            Key::Type => self.kind = Some(v.to_string()),
            Key::Master => {
                if r.ifindex(v).is_none() {
                    return Err(Fail::invarg("Device does not exist\n", v));
                }
                self.master = Some(v.to_string());
                self.nomaster = false;
            }
            Key::NoMaster => {
                self.master = None;
                self.nomaster = true;
            }
            Key::To => self.to = Some(v.to_string()),
            Key::Scope => {
                self.scope = match crate::kernel::addr::Scope::parse(v) {
                    Some(s) => Some(s),
                    None if v == "all" => None,
                    None => return Err(Fail::invarg("invalid \"scope\"\n", v)),
                }
            }
            Key::Ignored => {}
            Key::Help => return Err(Fail::new(crate::usage::Usage::Address, 255)),
            Key::Dev => {
                if self.dev.is_some() {
                    return Err(Fail::duparg2("dev", v));
                }
                self.dev = Some(v.to_string());
            }
        }
        Ok(())
    }
}

/// Parses the selectors of `ip link show` / `ip addr show` (every word
/// left); `master X` is looked up as it is read.
pub fn filter<'a>(mut i: Words<'a>, r: &mut dyn Resolve) -> PResult<'a, ShowFilter> {
    let mut f = ShowFilter::default();
    while !i.is_empty() {
        let (rest, (key, v)) = show_arg(i)?;
        i = check(rest, f.apply(key, v, r))?.0;
    }
    Ok((i, f))
}

/// `ip link show` (`do_link`) or `ip address show`.
pub fn list(nl: &mut dyn Netlink, opts: &Opts, f: &ShowFilter, do_link: bool) -> IpResult<Output> {
    let links = nl.link_dump();
    // Dumping may have given peers' namespaces ids: name them afterwards.
    let opts = &Opts { netns_names: super::netns_names(nl), ..opts.clone() };
    if let Some(d) = &f.dev {
        if !links.iter().any(|l| &l.name == d) {
            return Err(Fail::new(format!("Device \"{d}\" does not exist.\n"), 1));
        }
    }
    let master = match &f.master {
        Some(m) => match links.iter().find(|l| &l.name == m) {
            Some(l) => Some(l.ifindex),
            None => return Err(Fail::new(format!("Device \"{m}\" does not exist.\n"), 1)),
        },
        None => None,
    };
    let sel = super::addr_sel::AddrSel::new(f, opts.family)?;
    let addrs = if do_link { Vec::new() } else { nl.addr_dump() };
    let mut p = Printer::new(opts.json, opts.pretty, opts.color).about(Kind::Link);
    let names = link_names(&links);
    for l in &links {
        if f.dev.as_ref().is_some_and(|d| d != &l.name)
            || (f.up && l.flags & IFF_UP == 0)
            || f.kind.as_ref().is_some_and(|k| l.kind.as_deref() != Some(k.as_str()))
            || master.is_some_and(|m| l.master != Some(m))
            || (f.nomaster && l.master.is_some())
        {
            continue;
        }
        let mine: Vec<&AddrMsg> = addrs.iter().filter(|a| a.ifindex == l.ifindex && sel.matches(a)).collect();
        // ipaddr_filter(): a link stays if one of its addresses is
        // selected, or if it has none and no family was asked for.
        let bare = !addrs.iter().any(|a| a.ifindex == l.ifindex);
        if !do_link && mine.is_empty() && !(bare && sel.family == Family::Any) {
            continue;
        }
        p.open_object(None);
        if opts.brief {
            link_brief(&mut p, opts, l, &names, do_link);
            if !do_link {
                p.open_array(To::Json, "addr_info", "");
                for a in &mine {
                    p.open_object(None);
                    let (c, fam) = family_of(&a.local);
                    let _ = fam;
                    p.color_string(To::Any, c, "local", &a.local.to_string(), &a.local.to_string());
                    p.int(To::Any, "prefixlen", &format!("/{} ", a.prefix), i64::from(a.prefix));
                    p.close_object();
                }
                p.close_array(To::Json, "");
                p.fp("\n");
            }
        } else {
            // `ip -o addr` prints address lines only, each with its device.
            let no_link = !do_link && opts.oneline;
            if !no_link {
                link_full(&mut p, opts, l, &names, do_link, f.dev.is_none());
            }
            if !do_link {
                p.open_array(To::Json, "addr_info", "");
                for a in &mine {
                    p.open_object(None);
                    if no_link {
                        p.uint(To::Json, "index", "", u64::from(l.ifindex));
                        p.string(To::Json, "dev", "", &l.name);
                        p.fp(&format!("{}: {}", l.ifindex, l.name));
                    }
                    addr_full(&mut p, opts, a);
                    p.close_object();
                }
                p.close_array(To::Json, "");
            }
        }
        p.close_object();
    }
    let mut out = Output::new();
    out.out(p.finish());
    Ok(out)
}

fn family_of(a: &IpAddr) -> (Color, &'static str) {
    match a {
        IpAddr::V4(_) => (Color::Inet, "inet"),
        IpAddr::V6(_) => (Color::Inet6, "inet6"),
    }
}

/// Each link's (ifindex, name, flags): what iproute2's ll_map caches, for
/// [`name_and_link`]'s lookups.
pub(super) fn link_names(links: &[LinkMsg]) -> Vec<(u32, String, u32)> {
    links.iter().map(|l| (l.ifindex, l.name.clone(), l.flags)).collect()
}

/// `print_name_and_link()`: `name@peer` or `name@ifN`; returns M-DOWN.
/// `link` is IFLA_LINK; `netnsid` says whether IFLA_LINK_NETNSID came with
/// it (then the peer is elsewhere and shown by index). Otherwise the index
/// is looked up here: its name and flags, or `ifN` and, as
/// `ll_index_to_flags()` gives -1 for an unknown index, no M-DOWN.
pub(super) fn name_and_link(
    p: &mut Printer,
    fmt_width: Option<usize>,
    ifname: &str,
    link: Option<u32>,
    netnsid: bool,
    names: &[(u32, String, u32)],
) -> bool {
    let mut name = ifname.to_string();
    let mut mdown = false;
    if let Some(iflink) = link {
        if iflink != 0 {
            if netnsid {
                if p.is_json() {
                    p.int(To::Json, "link_index", "", i64::from(iflink));
                } else {
                    name = format!("{name}@if{iflink}");
                }
            } else {
                let peer = names.iter().find(|(i, _, _)| *i == iflink);
                let peer_name = peer.map_or_else(|| format!("if{iflink}"), |(_, n, _)| n.clone());
                if p.is_json() {
                    p.string(To::Json, "link", "", &peer_name);
                } else {
                    name = format!("{name}@{peer_name}");
                }
                mdown = peer.is_some_and(|(_, _, fl)| fl & IFF_UP == 0);
            }
        } else if p.is_json() {
            p.value(To::Json, "link", "", super::print::Value::Null);
        } else {
            name = format!("{name}@NONE");
        }
    }
    let text = match fmt_width {
        Some(w) => format!("{name:<w$} "),
        None => format!("{name}: "),
    };
    p.color_string(To::Any, Color::Ifname, "ifname", &text, ifname);
    mdown
}

/// `print_link_flags()`: the IFF_* names in iproute2's order.
pub fn link_flags(p: &mut Printer, flags: u32, mdown: bool) {
    use crate::netlink::{IFF_BROADCAST, IFF_LOOPBACK, IFF_MULTICAST, IFF_NOARP, IFF_PROMISC};
    p.open_array(To::Any, "flags", "<");
    let mut names = Vec::new();
    if flags & IFF_UP != 0 && flags & IFF_RUNNING == 0 {
        names.push("NO-CARRIER");
    }
    let order: [(u32, &str); 7] = [
        (IFF_LOOPBACK, "LOOPBACK"),
        (IFF_BROADCAST, "BROADCAST"),
        (IFF_MULTICAST, "MULTICAST"),
        (IFF_NOARP, "NOARP"),
        (IFF_PROMISC, "PROMISC"),
        (IFF_UP, "UP"),
        (IFF_LOWER_UP, "LOWER_UP"),
    ];
    names.extend(order.iter().filter(|(bit, _)| flags & bit != 0).map(|(_, n)| *n));
    for (i, n) in names.iter().enumerate() {
        let text = if i + 1 < names.len() { format!("{n},") } else { n.to_string() };
        p.string(To::Any, "", &text, n);
    }
    if mdown {
        p.string(To::Any, "", ",M-DOWN", "M-DOWN");
    }
    p.close_array(To::Any, "> ");
}

fn oper_color(s: OperState) -> Color {
    match s {
        OperState::Up => Color::OperUp,
        OperState::Down => Color::OperDown,
        _ => Color::None,
    }
}

fn link_brief(p: &mut Printer, opts: &Opts, l: &LinkMsg, names: &[(u32, String, u32)], do_link: bool) {
    let mdown = name_and_link(p, Some(16), &l.name, l.link, l.link_netnsid.is_some(), names);
    let st = l.operstate.name();
    p.color_string(To::Any, oper_color(l.operstate), "operstate", &format!("{st:<14} "), st);
    let _ = opts;
    if do_link {
        let mac = l.address.to_string();
        p.color_string(To::Any, Color::Mac, "address", &format!("{mac} "), &mac);
        link_flags(p, l.flags, mdown);
        p.fp("\n");
    }
}

fn link_full(p: &mut Printer, opts: &Opts, l: &LinkMsg, names: &[(u32, String, u32)], do_link: bool, dumped: bool) {
    // `ip -6 addr` (without a device) dumps links with family AF_INET6: the
    // kernel's inet6_fill_ifinfo() sends no qdisc, master, group or peer namespace.
    let inet6 = !do_link && dumped && opts.family == Family::Inet6;
    p.int(To::Any, "ifindex", &format!("{}: ", l.ifindex), i64::from(l.ifindex));
    let mdown = name_and_link(p, None, &l.name, l.link, l.link_netnsid.is_some(), names);
    link_flags(p, l.flags, mdown);
    p.uint(To::Any, "mtu", &format!("mtu {} ", l.mtu), u64::from(l.mtu));
    if !inet6 {
        p.string(To::Any, "qdisc", &format!("qdisc {} ", l.qdisc), &l.qdisc);
    }
    if let (Some(m), false) = (l.master, inet6) {
        let mname = names.iter().find(|(i, _, _)| *i == m).map_or_else(|| m.to_string(), |(_, n, _)| n.clone());
        p.string(To::Any, "master", &format!("master {mname} "), &mname);
    }
    let st = l.operstate.name();
    if p.is_json() {
        p.string(To::Json, "operstate", "", st);
    } else {
        p.field("operstate", "state ");
        p.color_string(To::Fp, oper_color(l.operstate), "operstate", &format!("{st} "), st);
    }
    if do_link {
        p.string(To::Any, "linkmode", "mode DEFAULT ", "DEFAULT");
    }
    if !inet6 {
        p.string(To::Any, "group", "group default ", "default");
    }
    // print_queuelen(): a length of 0 is left out.
    if l.txqlen != 0 {
        p.uint(To::Any, "txqlen", &format!("qlen {}", l.txqlen), u64::from(l.txqlen));
    }
    if opts.family == Family::Any || opts.details {
        p.nl(opts.oneline);
        let lt = if l.link_type == ARPHRD_LOOPBACK { "loopback" } else { "ether" };
        p.string(To::Any, "link_type", &format!("    link/{lt} "), lt);
        let mac = l.address.to_string();
        p.color_string(To::Any, Color::Mac, "address", &mac, &mac);
        p.fp(" ");
        p.field("broadcast", "brd ");
        let brd = l.broadcast.to_string();
        p.color_string(To::Any, Color::Mac, "broadcast", &brd, &brd);
    }
    if let (Some(id), false) = (l.link_netnsid, inet6) {
        if p.is_json() {
            p.int(To::Json, "link_netnsid", "", i64::from(id));
        } else {
            match opts.netns_names.iter().find(|(_, i)| *i == id) {
                Some((n, _)) => p.field("link_netnsid", &format!(" link-netns {n}")),
                None => p.field("link_netnsid", &format!(" link-netnsid {id}")),
            }
        }
    }
    if opts.details {
        super::details::details(p, opts, l, do_link);
    }
    if let (Some(alias), true) = (&l.alias, do_link || opts.details) {
        p.nl(opts.oneline);
        p.fp("    ");
        p.string(To::Any, "ifalias", &format!("alias {alias}"), alias);
    }
    // Never asked for where counters are not built: the lab sends the line on.
    if do_link && opts.stats > 0 && COUNTERS_BUILT {
        p.nl(opts.oneline);
        stats(p, l, opts.stats > 1, opts.oneline);
    }
    p.fp("\n");
}

/// One direction's counters in `ip -j -s link`'s `stats64`.
fn json_counters(p: &mut Printer, key: &str, groups: &[&[(&'static str, u64)]]) {
    p.open_object(Some(key));
    for (k, v) in groups.iter().flat_map(|g| g.iter()) {
        p.uint(To::Json, k, "", *v);
    }
    p.close_object();
}

/// `print_link_stats64()`: the counters the simulator keeps, and zeros for
/// the hardware errors a veth never has. `extended` is `-s -s`.
fn stats(p: &mut Printer, l: &LinkMsg, extended: bool, oneline: bool) {
    let s = &l.stats;
    if p.is_json() {
        let (ext, cc) = (usize::from(extended), u64::from(l.carrier_changes));
        let rx_ext =
            [("length_errors", 0), ("crc_errors", 0), ("frame_errors", 0), ("fifo_errors", 0), ("missed_errors", 0)];
        let tx_ext = [
            ("aborted_errors", 0),
            ("fifo_errors", 0),
            ("window_errors", 0),
            ("heartbeat_errors", 0),
            ("carrier_changes", cc),
        ];
        p.open_object(Some("stats64"));
        let rx = [("bytes", s.rx_bytes), ("packets", s.rx_packets), ("errors", 0), ("dropped", s.rx_dropped)];
        json_counters(p, "rx", &[&rx, &[("over_errors", 0), ("multicast", s.rx_multicast)], &rx_ext[..5 * ext]]);
        let tx = [("bytes", s.tx_bytes), ("packets", s.tx_packets), ("errors", 0), ("dropped", s.tx_dropped)];
        json_counters(p, "tx", &[&tx, &[("carrier_errors", 0), ("collisions", 0)], &tx_ext[..5 * ext]]);
        p.close_object();
        return;
    }
    let sl = if oneline { "\\" } else { "\n" };
    // Each block is a header and a row of values: the header's words' keys,
    // then the row's (the header's without `RX:`, or `RX errors:`).
    const RX: &[&str] = &[
        "rx",
        "rx_bytes",
        "rx_packets",
        "rx_errors",
        "rx_dropped",
        "rx_missed",
        "rx_mcast", //
        "rx_bytes",
        "rx_packets",
        "rx_errors",
        "rx_dropped",
        "rx_missed",
        "rx_mcast",
    ];
    const RX_ERR: &[&str] = &[
        "rx",
        "rx_errors",
        "rx_length",
        "rx_crc",
        "rx_frame",
        "rx_fifo",
        "rx_over", //
        "rx_length",
        "rx_crc",
        "rx_frame",
        "rx_fifo",
        "rx_over",
    ];
    const TX: &[&str] = &[
        "tx",
        "tx_bytes",
        "tx_packets",
        "tx_errors",
        "tx_dropped",
        "tx_carrier",
        "tx_collisions", //
        "tx_bytes",
        "tx_packets",
        "tx_errors",
        "tx_dropped",
        "tx_carrier",
        "tx_collisions",
    ];
    const TX_ERR: &[&str] = &[
        "tx",
        "tx_errors",
        "tx_aborted",
        "tx_fifo",
        "tx_window",
        "tx_heartbeat",
        "carrier_changes", //
        "tx_aborted",
        "tx_fifo",
        "tx_window",
        "tx_heartbeat",
        "carrier_changes",
    ];
    p.fields(
        &format!(
            "    RX:  bytes packets errors dropped  missed   mcast           {sl}    {:>10} {:>7} {:>6} {:>7} {:>7} {:>7} {sl}",
            s.rx_bytes, s.rx_packets, 0, s.rx_dropped, 0, s.rx_multicast
        ),
        RX,
    );
    if extended {
        p.fields(
            &format!(
                "    RX errors:  length    crc   frame    fifo overrun{sl}{:15}{:>7} {:>6} {:>7} {:>7} {:>7} {sl}",
                "", 0, 0, 0, 0, 0
            ),
            RX_ERR,
        );
    }
    p.fields(
        &format!(
            "    TX:  bytes packets errors dropped carrier collsns           {sl}    {:>10} {:>7} {:>6} {:>7} {:>7} {:>7} ",
            s.tx_bytes, s.tx_packets, 0, s.tx_dropped, 0, 0
        ),
        TX,
    );
    if extended {
        p.fields(
            &format!(
                "{sl}    TX errors: aborted   fifo  window heartbt transns{sl}{:15}{:>7} {:>6} {:>7} {:>7} {:>7} ",
                "", 0, 0, 0, 0, l.carrier_changes
            ),
            TX_ERR,
        );
    }
}

/// `print_addrinfo()` for one address, full form.
fn addr_full(p: &mut Printer, opts: &Opts, a: &AddrMsg) {
    let (color, fam) = family_of(&a.local);
    p.string(To::Any, "family", &format!("    {fam} "), fam);
    let local = a.local.to_string();
    p.color_string(To::Any, color, "local", &local, &local);
    p.int(To::Any, "prefixlen", &format!("/{} ", a.prefix), i64::from(a.prefix));
    if let Some(b) = a.broadcast {
        p.field("broadcast", "brd ");
        let b = b.to_string();
        p.color_string(To::Any, color, "broadcast", &format!("{b} "), &b);
    }
    let scope = a.scope.name();
    p.string(To::Any, "scope", &format!("scope {scope} "), scope);
    super::addr_flags::addr_flags(p, a);
    if let Some(label) = &a.label {
        p.string(To::Any, "label", label, label);
    }
    p.nl(opts.oneline);
    super::addr_flags::lifetimes(p, a);
}
