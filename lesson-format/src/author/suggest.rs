//! Checks suggested for a recorded step, from what it changed in the lab's
//! picture and the command lines it ran.
//!
//! What is suggested, in this order: the namespaces that came (in
//! `after`'s order), what is new in each namespace of `after` (its links in
//! order, then its routes), the namespaces then the links that went (in
//! `before`'s order), and the pings (in `ran`'s order):
//!
//! - a new namespace: `netns X exists`; one that went: `netns X is gone`;
//! - a new veth: `link A [in NS] is peered with B [in NS2]`, once per pair,
//!   named by its new end (by the smaller name when both are new); a new
//!   bridge: `link BR is a bridge`; another new link: `link D exists` (a
//!   new namespace's own `lo` is not news); a link moved to another
//!   namespace counts as new there and is not reported gone from the first;
//! - a link that went: `link D [in NS] is gone` (once per veth pair, and
//!   not for the links of a namespace that went);
//! - a new address (not the automatic `127.0.0.1/8` and `::1/128` of `lo`, nor
//!   an IPv6 link-local `fe80:` one): `link D [in NS] has ADDR`; a new
//!   master: `is attached to BR`; switched on: `is up` when it is up, else
//!   `is admin-up`; switched off: `is down`;
//! - a new route that is not the kernel's (`proto kernel`): `route [in NS]
//!   has "…"` with the line's start that names it (`DEST [via GW] [dev D]`);
//! - each ping line of `ran` (`ping …`, `ip netns exec NS ping …`, `sudo`
//!   or not): `ping NS -> ADDR succeeds` when it exited 0, else `fails`;
//!   the last one for each namespace and address; pings through an
//!   interface or a gateway of their own (`-I`, `-r`, `-b`, `-t`, `-m`) and
//!   lines with shell syntax are left out;
//! - when none of that: `ran "LINE"` for the last line that succeeded.
//!
//! Every suggestion holds on `after` (the pings as the step saw them: a
//! page can judge them again with [`crate::verify::eval`] before it shows
//! them). No duplicates; at most [`MAX_SUGGESTIONS`], the least specific
//! left out first, the last of them first: a namespace a link check names,
//! then `exists` and `lo`'s state, then other states and `is a bridge`,
//! then removals; addresses, masters, peers and routes, then pings, go
//! last. The rest keep their order.

use crate::checks::{self, normalise_command, Check, LinkState, Ns};
use sim_core::snapshot::{LinkKind, LinkView, NsView};
use sim_core::Snapshot;

/// At most this many suggestions for one step.
pub const MAX_SUGGESTIONS: usize = 8;

/// How much a suggestion says: kept first when there are too many.
type Weight = u8;
const IMPLIED: Weight = 0;
const EXISTS: Weight = 1;
const STATE: Weight = 2;
const GONE: Weight = 3;
const SPECIFIC: Weight = 4;
const PING: Weight = 5;

fn find_ns<'a>(s: &'a Snapshot, ns: &Ns) -> Option<&'a NsView> {
    s.namespaces.iter().find(|v| &v.name == ns)
}

fn find_link<'a>(s: &'a Snapshot, ns: &Ns, dev: &str) -> Option<&'a LinkView> {
    find_ns(s, ns)?.links.iter().find(|l| l.name == dev)
}

/// The checks a step suggests (see the module's doc): `before` and `after`
/// are the lab's pictures around it, `ran` its lines with their exit status.
pub fn suggest(before: &Snapshot, after: &Snapshot, ran: &[(String, i32)]) -> Vec<Check> {
    let mut out: Vec<(Weight, Check)> = Vec::new();
    for view in &after.namespaces {
        if let (Some(name), None) = (&view.name, find_ns(before, &view.name)) {
            out.push((EXISTS, Check::NetnsExists(name.clone())));
        }
    }
    for view in &after.namespaces {
        for link in &view.links {
            link_news(before, after, view, link, &mut out);
        }
        routes(find_ns(before, &view.name), view, &mut out);
    }
    removals(before, after, &mut out);
    pings(after, ran, &mut out);
    if out.is_empty() {
        let last = ran
            .iter()
            .rev()
            .find(|(line, status)| *status == 0 && !line.trim().is_empty() && !line.trim().starts_with('#'));
        if let Some((line, _)) = last {
            out.push((SPECIFIC, Check::Ran(normalise_command(line))));
        }
    }
    // A namespace a link check names needs no check of its own.
    let named: Vec<Ns> = out.iter().filter_map(|(_, c)| link_ns(c)).collect();
    for (w, c) in &mut out {
        if matches!(c, Check::NetnsExists(n) if named.contains(&Some(n.clone()))) {
            *w = IMPLIED;
        }
    }
    finish(out)
}

/// The namespace of a check on a link.
fn link_ns(c: &Check) -> Option<Ns> {
    match c {
        Check::LinkExists { ns, .. }
        | Check::LinkState { ns, .. }
        | Check::LinkKind { ns, .. }
        | Check::LinkAddr { ns, .. }
        | Check::LinkMaster { ns, .. }
        | Check::LinkPeer { ns, .. } => Some(ns.clone()),
        _ => None,
    }
}

/// Printable suggestions only (their text parses back to them), without
/// duplicates, cut to the cap by weight, in their order.
fn finish(all: Vec<(Weight, Check)>) -> Vec<Check> {
    let mut out: Vec<(Weight, Check)> = Vec::new();
    for (w, c) in all {
        let prints = checks::parse(&c.to_string()).is_ok_and(|back| back == c);
        if prints && !out.iter().any(|(_, o)| o == &c) {
            out.push((w, c));
        }
    }
    while out.len() > MAX_SUGGESTIONS {
        // The last of the lightest goes.
        let lightest = out.iter().map(|(w, _)| *w).min().unwrap_or(IMPLIED);
        match out.iter().rposition(|(w, _)| *w == lightest) {
            Some(i) => {
                out.remove(i);
            }
            None => break,
        }
    }
    out.into_iter().map(|(_, c)| c).collect()
}

/// An address the kernel gives a link by itself.
fn automatic(link: &LinkView, addr: &str) -> bool {
    addr.starts_with("fe80:") || (link.kind == LinkKind::Loopback && matches!(addr, "127.0.0.1/8" | "::1/128"))
}

/// Up as the `is up` check sees it.
fn is_up(l: &LinkView) -> bool {
    l.operstate == "UP" || (l.kind == LinkKind::Loopback && l.admin_up && l.lower_up)
}

/// What is new about one link of `after`.
fn link_news(before: &Snapshot, after: &Snapshot, view: &NsView, link: &LinkView, out: &mut Vec<(Weight, Check)>) {
    let ns = view.name.clone();
    let dev = link.name.clone();
    let old = find_link(before, &ns, &dev);
    if old.is_none() {
        match (link.kind, &link.peer) {
            (LinkKind::Loopback, _) if find_ns(before, &ns).is_none() => {}
            (LinkKind::Bridge, _) => {
                out.push((STATE, Check::LinkKind { dev: dev.clone(), ns: ns.clone(), kind: "bridge".into() }))
            }
            (LinkKind::Veth, Some(p)) if find_link(after, &p.ns, &p.name).is_some() => {
                let peer_new = find_link(before, &p.ns, &p.name).is_none();
                let this_first = (dev.as_str(), ns.as_deref()) < (p.name.as_str(), p.ns.as_deref());
                if !peer_new || this_first {
                    let (peer, peer_ns) = (p.name.clone(), p.ns.clone());
                    out.push((SPECIFIC, Check::LinkPeer { dev: dev.clone(), ns: ns.clone(), peer, peer_ns }));
                }
            }
            _ => out.push((EXISTS, Check::LinkExists { dev: dev.clone(), ns: ns.clone() })),
        }
    }
    let old_addrs: &[String] = old.map_or(&[], |o| &o.addrs);
    for a in link.addrs.iter().filter(|a| !old_addrs.contains(a) && !automatic(link, a)) {
        out.push((SPECIFIC, Check::LinkAddr { dev: dev.clone(), ns: ns.clone(), addr: a.clone() }));
    }
    if let Some(m) = &link.master {
        if old.and_then(|o| o.master.as_ref()) != Some(m) {
            out.push((SPECIFIC, Check::LinkMaster { dev: dev.clone(), ns: ns.clone(), master: m.clone() }));
        }
    }
    let was_up = old.is_some_and(|o| o.admin_up);
    let state = match (was_up, link.admin_up) {
        (false, true) if is_up(link) => Some(LinkState::Up),
        (false, true) => Some(LinkState::AdminUp),
        (true, false) => Some(LinkState::Down),
        _ => None,
    };
    if let Some(state) = state {
        // `lo` in a namespace is a detail next to the step's own links.
        let w = if link.kind == LinkKind::Loopback { EXISTS } else { STATE };
        out.push((w, Check::LinkState { dev, ns, state }));
    }
}

/// The start of a route line that names the route: `DEST [via GW] [dev D]`
/// (`TYPE DEST` for `blackhole`, `unreachable`, …), or `None` for the
/// kernel's own routes and a multipath route's `nexthop` lines.
fn route_key(line: &str) -> Option<&str> {
    if line.starts_with(char::is_whitespace) || line.contains(" proto kernel") {
        return None;
    }
    let words: Vec<(usize, &str)> = line
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let mut n = match words.first()?.1 {
        "blackhole" | "unreachable" | "prohibit" | "throw" => 2,
        _ => 1,
    };
    for key in ["via", "dev"] {
        if words.get(n).is_some_and(|(_, w)| *w == key) && words.get(n + 1).is_some() {
            n += 2;
        }
    }
    let (start, w) = words.get(n.min(words.len()) - 1)?;
    Some(&line[..start + w.len()])
}

/// The routes of `view` that `old` (its namespace before) did not have.
fn routes(old: Option<&NsView>, view: &NsView, out: &mut Vec<(Weight, Check)>) {
    let old_keys: Vec<&str> = old.map_or(Vec::new(), |o| o.routes.iter().filter_map(|r| route_key(r)).collect());
    for key in view.routes.iter().filter_map(|r| route_key(r)) {
        if !old_keys.contains(&key) {
            out.push((SPECIFIC, Check::Route { ns: view.name.clone(), text: key.to_string() }));
        }
    }
}

/// Namespaces and links that went away.
fn removals(before: &Snapshot, after: &Snapshot, out: &mut Vec<(Weight, Check)>) {
    // Links of `after` that were not there before, anywhere (moved ones among them).
    let arrived: Vec<&str> = after
        .namespaces
        .iter()
        .flat_map(|v| v.links.iter().filter(|l| find_link(before, &v.name, &l.name).is_none()).map(|l| l.name.as_str()))
        .collect();
    for view in &before.namespaces {
        if let (Some(name), None) = (&view.name, find_ns(after, &view.name)) {
            out.push((GONE, Check::NetnsGone(name.clone())));
        }
    }
    let mut told: Vec<(Ns, &str)> = Vec::new();
    for view in before.namespaces.iter().filter(|v| find_ns(after, &v.name).is_some()) {
        for link in &view.links {
            if find_link(after, &view.name, &link.name).is_some() || arrived.contains(&link.name.as_str()) {
                continue;
            }
            let pair_told = link.peer.as_ref().is_some_and(|p| told.contains(&(p.ns.clone(), p.name.as_str())));
            told.push((view.name.clone(), &link.name));
            if !pair_told {
                out.push((GONE, Check::LinkGone { dev: link.name.clone(), ns: view.name.clone() }));
            }
        }
    }
}

/// Ping options that take a value.
const PING_VALUES: &str = "cefilmpstwFIMNQSTW";
/// Ping options whose ping is not the check's.
const PING_OWN_PATH: &str = "Ibrtm";

/// The namespace a command line pings from and the address it pings.
pub(super) fn ping_of(line: &str) -> Option<(Ns, String)> {
    if line.contains(|c: char| "|;&<>()$`'\"\\*?[]{}#=\n".contains(c)) {
        return None;
    }
    let line = normalise_command(line);
    let words: Vec<&str> = line.split(' ').collect();
    let (ns, args) = match words.as_slice() {
        ["ping", args @ ..] => (None, args),
        ["ip", "netns", "exec", ns, "ping", args @ ..] => (Some(ns.to_string()), args),
        _ => return None,
    };
    let mut target = None;
    let mut args = args.iter();
    while let Some(a) = args.next() {
        match a.strip_prefix('-') {
            Some(flags) if !flags.is_empty() => {
                for (i, f) in flags.char_indices() {
                    if PING_OWN_PATH.contains(f) || !f.is_ascii_alphanumeric() {
                        return None;
                    }
                    if PING_VALUES.contains(f) {
                        if i + f.len_utf8() == flags.len() {
                            args.next()?;
                        }
                        break;
                    }
                }
            }
            _ if target.is_some() => return None,
            _ => target = Some(a.to_string()),
        }
    }
    Some((ns, target?))
}

/// Each ping of `ran` from a namespace `after` has: the last outcome for
/// each namespace and address, in the order of those last pings.
fn pings(after: &Snapshot, ran: &[(String, i32)], out: &mut Vec<(Weight, Check)>) {
    let mut found: Vec<Check> = Vec::new();
    for (line, status) in ran {
        let Some((from, to)) = ping_of(line) else { continue };
        if find_ns(after, &from).is_none() {
            continue;
        }
        found.retain(|c| !matches!(c, Check::Ping { from: f, to: t, .. } if f == &from && t == &to));
        found.push(Check::Ping { from, to, succeeds: *status == 0 });
    }
    out.extend(found.into_iter().map(|c| (PING, c)));
}
