//! A picture of the simulated world, for diagrams and checks.
//!
//! It is derived from the kernel state on demand and never fed back into it.

#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Snapshot {
    /// The host (initial namespace) first, then named namespaces in creation order.
    pub namespaces: Vec<NsView>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NsView {
    /// `None` for the host, the name under /run/netns otherwise.
    pub name: Option<String>,
    pub links: Vec<LinkView>,
    /// `ip route` as it prints, one line per route.
    pub routes: Vec<String>,
    /// `ip neigh` as it prints, one line per entry.
    pub neighbours: Vec<String>,
    /// `ip -6 route` as it prints, one line per route.
    #[cfg_attr(feature = "serde", serde(default))]
    pub routes6: Vec<String>,
    /// `ip -6 neigh` as it prints, one line per entry.
    #[cfg_attr(feature = "serde", serde(default))]
    pub neighbours6: Vec<String>,
    /// `ss -tuanH` as it prints, one line per TCP or UDP socket (the
    /// complete lab's; always empty in the basic one, which has none).
    pub sockets: Vec<String>,
    pub ip_forward: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum LinkKind {
    Loopback,
    Veth,
    Bridge,
    /// A physical card (a preset's `eth0`): no kind of its own.
    Nic,
}

#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LinkView {
    pub ifindex: u32,
    pub name: String,
    pub kind: LinkKind,
    pub mac: String,
    /// IFF_UP: set by `ip link set X up`.
    pub admin_up: bool,
    /// Carrier (LOWER_UP).
    pub lower_up: bool,
    /// `UP`, `DOWN`, `LOWERLAYERDOWN`, `UNKNOWN`, as `ip link` prints it.
    pub operstate: String,
    /// IPv4 and IPv6 addresses with prefix length, e.g. `10.0.0.1/24`.
    pub addrs: Vec<String>,
    /// The bridge this link is a port of.
    pub master: Option<String>,
    /// The other end of a veth.
    pub peer: Option<PeerView>,
    /// A capture (tcpdump) is open on it, or on `any` in its namespace.
    #[cfg_attr(feature = "serde", serde(default))]
    pub capturing: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PeerView {
    /// The peer's namespace: `None` for the host.
    pub ns: Option<String>,
    pub name: String,
}

/// Builds the picture of a kernel's state.
pub fn of(k: &crate::kernel::Kernel) -> Snapshot {
    // Showing can allocate namespace ids, and a snapshot must not change
    // anything: every listing renders on one copy.
    let mut copy = k.clone();
    use crate::kernel::addr::IfAddr;
    use crate::kernel::link::LinkKind as K;
    let mut namespaces = Vec::new();
    for id in k.ns_ids() {
        let Some(ns) = k.ns(id) else { continue };
        // A preset's namespaces that /run/netns does not name are drawn
        // under their labels, but for its world beyond the host.
        #[cfg(feature = "presets")]
        if matches!(ns.label, Some(crate::kernel::netns::Label::Beyond(_))) {
            continue;
        }
        let name = k.ns_label(id).map(str::to_string);
        if id != crate::kernel::NsId::HOST && name.is_none() {
            continue;
        }
        let links = ns
            .links
            .values()
            .map(|l| LinkView {
                ifindex: l.ifindex,
                name: l.name.clone(),
                kind: match l.kind {
                    K::Loopback => LinkKind::Loopback,
                    K::Veth { .. } => LinkKind::Veth,
                    K::Bridge(_) => LinkKind::Bridge,
                    #[cfg(feature = "presets")]
                    K::Nic(_) => LinkKind::Nic,
                },
                mac: l.mac.to_string(),
                capturing: ns.taps.devices().any(|d| d.is_none_or(|i| i == l.ifindex)),
                admin_up: l.admin_up,
                lower_up: l.lower_up(),
                operstate: l.operstate().name().to_string(),
                addrs: l
                    .addrs
                    .iter()
                    .map(|a| match a {
                        IfAddr::V4(a) => format!("{}/{}", a.local, a.prefix),
                        IfAddr::V6(a) => format!("{}/{}", a.local, a.prefix),
                    })
                    .collect(),
                master: l.master.and_then(|m| ns.links.get(&m)).map(|m| m.name.clone()),
                peer: l.veth_peer().and_then(|p| {
                    k.link(p).map(|pl| PeerView { ns: k.ns_label(p.ns).map(str::to_string), name: pl.name.clone() })
                }),
            })
            .collect();
        let routes = render_lines(&mut copy, id, &["ip", "route"]);
        let neighbours = render_lines(&mut copy, id, &["ip", "neigh"]);
        let routes6 = render_lines(&mut copy, id, &["ip", "-6", "route"]);
        let neighbours6 = render_lines(&mut copy, id, &["ip", "-6", "neigh"]);
        let sockets = socket_lines(k, id);
        let ip_forward = ns.conf.ip_forward();
        namespaces.push(NsView { name, links, routes, neighbours, routes6, neighbours6, sockets, ip_forward });
    }
    Snapshot { namespaces }
}

/// A namespace's TCP and UDP sockets as `ss -tuanH` prints them, its
/// columns' padding squeezed to one space.
fn socket_lines(k: &crate::kernel::Kernel, ns: crate::kernel::NsId) -> Vec<String> {
    #[cfg(feature = "sockets")]
    {
        let views = k.ns(ns).map(|n| n.sockets.views(k.now_ms * 1000)).unwrap_or_default();
        if views.is_empty() {
            return Vec::new();
        }
        let argv = ["ss", "-tuanH"].map(String::from);
        let text = crate::tools::ss::ss(&views, &argv).stdout();
        text.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect()
    }
    #[cfg(not(feature = "sockets"))]
    {
        let _ = (k, ns);
        Vec::new()
    }
}

/// What a show command prints in a namespace, line by line.
fn render_lines(copy: &mut crate::kernel::Kernel, ns: crate::kernel::NsId, argv: &[&str]) -> Vec<String> {
    let argv: Vec<String> = argv[1..].iter().map(|s| s.to_string()).collect();
    match crate::iproute::ip(&mut crate::netlink::SimNetlink::new(copy, ns), &argv) {
        crate::iproute::Outcome::Done(o) => o.stdout().lines().map(|l| l.trim_end().to_string()).collect(),
        crate::iproute::Outcome::Exec { .. } => Vec::new(),
    }
}

/// Opens a view of one namespace of a kernel for [`through`]: `None` is
/// the host. A view that cannot be opened (the namespace went away) is
/// left out of the picture.
pub trait Views {
    fn with(&mut self, ns: Option<&str>, f: &mut dyn FnMut(&mut dyn crate::netlink::Netlink));
}

/// The picture of a kernel built through the seam alone: link and address
/// dumps, namespace ids, `ip route` and `ip neigh` as they print, and
/// `net/ipv4/ip_forward` — what lab-agent draws a real kernel from. For
/// the simulator it equals [`of`] but for `capturing` and `sockets`, which
/// the seam does not carry (both left empty here); lab-agent fills
/// `sockets` itself.
pub fn through(views: &mut dyn Views) -> Snapshot {
    let mut names: Vec<String> = Vec::new();
    views.with(None, &mut |nl| names = nl.netns_list());
    // readdir order is newest first; the picture keeps creation order.
    names.reverse();
    let mut namespaces = Vec::new();
    let mut peers = Vec::new();
    for ns in std::iter::once(None).chain(names.iter().map(|n| Some(n.as_str()))) {
        views.with(ns, &mut |nl| {
            let (view, refs) = ns_through(nl, ns, &names);
            peers.extend(refs.into_iter().map(|r| (namespaces.len(), r)));
            namespaces.push(view);
        });
    }
    let mut snap = Snapshot { namespaces };
    for (n, r) in peers {
        let name = snap
            .namespaces
            .iter()
            .find(|v| v.name == r.ns)
            .and_then(|v| v.links.iter().find(|l| l.ifindex == r.ifindex))
            .map(|l| l.name.clone());
        snap.namespaces[n].links[r.link].peer = name.map(|name| PeerView { ns: r.ns, name });
    }
    snap
}

/// A veth's other end as a dump names it: by index, in a namespace.
struct PeerRef {
    /// The veth's place in its namespace's links.
    link: usize,
    ns: Option<String>,
    ifindex: u32,
}

/// One namespace's part of [`through`] (`names`: every named namespace),
/// with its veths' peers to name once every namespace is read.
fn ns_through(nl: &mut dyn crate::netlink::Netlink, ns: Option<&str>, names: &[String]) -> (NsView, Vec<PeerRef>) {
    use crate::netlink::{IFF_LOWER_UP, IFF_UP};
    let dump = nl.link_dump();
    let addrs = nl.addr_dump();
    // Which namespace a peer's netnsid names, as seen from this one; an id
    // no named namespace has is the host's.
    let ids: Vec<(i32, &String)> =
        names.iter().filter(|n| Some(n.as_str()) != ns).filter_map(|n| Some((nl.netns_id(n).ok()??, n))).collect();
    let mut links = Vec::new();
    let mut peers = Vec::new();
    for l in &dump {
        let kind = match (l.kind.as_deref(), l.link_type) {
            (Some("veth"), _) => LinkKind::Veth,
            (Some("bridge"), _) => LinkKind::Bridge,
            (None, 772) => LinkKind::Loopback,
            (None, 1) => LinkKind::Nic,
            _ => continue,
        };
        if let (LinkKind::Veth, Some(ifindex)) = (kind, l.link) {
            let peer_ns = match l.link_netnsid {
                None => ns.map(str::to_string),
                Some(id) => ids.iter().find(|(i, _)| *i == id).map(|(_, n)| n.to_string()),
            };
            peers.push(PeerRef { link: links.len(), ns: peer_ns, ifindex });
        }
        let up = l.flags & IFF_UP != 0;
        links.push(LinkView {
            ifindex: l.ifindex,
            name: l.name.clone(),
            kind,
            mac: l.address.to_string(),
            admin_up: up,
            lower_up: l.flags & IFF_LOWER_UP != 0,
            operstate: if up { l.operstate.name() } else { "DOWN" }.to_string(),
            addrs: addrs
                .iter()
                .filter(|a| a.ifindex == l.ifindex)
                .map(|a| format!("{}/{}", a.local, a.prefix))
                .collect(),
            master: l.master.and_then(|m| dump.iter().find(|d| d.ifindex == m)).map(|m| m.name.clone()),
            peer: None,
            capturing: false,
        });
    }
    let routes = shown(nl, &["route"]);
    let neighbours = shown(nl, &["neigh"]);
    let routes6 = shown(nl, &["-6", "route"]);
    let neighbours6 = shown(nl, &["-6", "neigh"]);
    let ip_forward = nl.sysctl_read("net/ipv4/ip_forward").is_ok_and(|v| !matches!(v.trim(), "" | "0"));
    let name = ns.map(str::to_string);
    let view = NsView { name, links, routes, neighbours, routes6, neighbours6, sockets: Vec::new(), ip_forward };
    (view, peers)
}

/// What `ip ARGS` prints in the view, line by line.
fn shown(nl: &mut dyn crate::netlink::Netlink, args: &[&str]) -> Vec<String> {
    match crate::iproute::ip(nl, &args.iter().map(|a| a.to_string()).collect::<Vec<_>>()) {
        crate::iproute::Outcome::Done(o) => o.stdout().lines().map(|l| l.trim_end().to_string()).collect(),
        crate::iproute::Outcome::Exec { .. } => Vec::new(),
    }
}
