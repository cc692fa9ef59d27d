//! Where things go in the diagram. Pure geometry from a snapshot, so it can
//! be tested natively; `diagram.rs` only draws what this computes.
//!
//! The host is a wide box on top; namespaces sit in a grid of fixed-width
//! cells below it. A namespace keeps the cell it got when it first appeared
//! (see [`Slots`]), so creating another never moves the existing ones.

use crate::html::Tenth;
use sim_core::snapshot::{LinkKind, LinkView, NsView};
use sim_core::Snapshot;
use std::collections::BTreeSet;

/// Grid columns on a wide screen; a phone gets one.
pub const COLS: usize = 3;
pub const TILE_W: f64 = 150.0;
pub const TILE_H: f64 = 64.0;
const PAD: f64 = 12.0;
const TITLE_H: f64 = 30.0;
const LANE: f64 = 14.0;
const GAP: f64 = 24.0;
const BAND: f64 = 80.0;
pub const NOTE_H: f64 = 14.0;
const TILES_PER_ROW: usize = 2;
pub const CELL_W: f64 = PAD * 3.0 + TILE_W * TILES_PER_ROW as f64;

/// The drawing's width for `cols` grid columns.
pub fn width(cols: usize) -> f64 {
    CELL_W * cols as f64 + GAP * (cols as f64 - 1.0)
}

/// Namespace name → grid cell, kept across snapshots.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Slots(Vec<Option<String>>);

impl Slots {
    /// Gives new namespaces the first free cell and frees the cells of deleted ones.
    pub fn update(&mut self, snap: &Snapshot) {
        let live: Vec<&str> = snap.namespaces.iter().filter_map(|n| n.name.as_deref()).collect();
        for s in self.0.iter_mut() {
            if s.as_deref().is_some_and(|n| !live.contains(&n)) {
                *s = None;
            }
        }
        for name in live {
            if !self.0.iter().any(|s| s.as_deref() == Some(name)) {
                match self.0.iter_mut().find(|s| s.is_none()) {
                    Some(free) => *free = Some(name.to_string()),
                    None => self.0.push(Some(name.to_string())),
                }
            }
        }
    }

    pub fn of(&self, name: &str) -> Option<usize> {
        self.0.iter().position(|s| s.as_deref() == Some(name))
    }

    pub fn cells(&self) -> usize {
        self.0.len()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PortState {
    Up,
    Down,
    NoCarrier,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tile {
    pub key: String,
    pub name: String,
    pub kind: LinkKind,
    pub x: f64,
    pub y: f64,
    /// IPv4 and global IPv6 addresses (link-local ones are left to `ip addr`).
    pub addrs: Vec<String>,
    pub state: PortState,
    pub operstate: String,
    pub mac: String,
    pub master: Option<String>,
    /// The box it is in (index into `Layout::frames`).
    pub frame: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub key: String,
    /// `host` or the namespace name; `data-ns` in the DOM.
    pub ns: String,
    pub is_host: bool,
    pub slot: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub tiles: Vec<Tile>,
    /// Routes and neighbours, when shown.
    pub notes: Vec<String>,
    pub notes_y: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cable {
    pub key: String,
    pub d: String,
    /// Where it plugs into its two ports.
    pub ends: [(f64, f64); 2],
    pub label: String,
    /// Both ends have carrier.
    pub up: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub frames: Vec<Frame>,
    pub cables: Vec<Cable>,
    /// Bridge-port wires (SVG path data), one per port.
    pub wires: Vec<(String, String)>,
}

pub fn ns_label(name: &Option<String>) -> String {
    name.clone().unwrap_or_else(|| "host".into())
}

pub fn link_key(ns: &Option<String>, dev: &str) -> String {
    format!("link/{}/{dev}", ns_label(ns))
}

pub fn port_state(l: &LinkView) -> PortState {
    if !l.admin_up {
        PortState::Down
    } else if l.lower_up {
        PortState::Up
    } else {
        PortState::NoCarrier
    }
}

/// Tiles in display order: loopback, then each bridge followed by its ports, then the rest.
fn ordered(ns: &NsView) -> Vec<&LinkView> {
    let mut out: Vec<&LinkView> = ns.links.iter().filter(|l| l.kind == LinkKind::Loopback).collect();
    for br in ns.links.iter().filter(|l| l.kind == LinkKind::Bridge) {
        out.push(br);
        out.extend(ns.links.iter().filter(|l| l.master.as_deref() == Some(&br.name)));
    }
    for l in &ns.links {
        if !out.iter().any(|o| std::ptr::eq(*o, l)) {
            out.push(l);
        }
    }
    out
}

fn wrap(line: &str, width: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    for word in line.split_whitespace() {
        let cur = out.last_mut().unwrap();
        if !cur.is_empty() && cur.len() + 1 + word.len() > width {
            out.push(format!("  {word}"));
        } else {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(word);
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn frame(
    ns: &NsView,
    slot: usize,
    slot_frame: usize,
    x: f64,
    y: f64,
    w: f64,
    per_row: usize,
    notes: bool,
    is_host: bool,
) -> Frame {
    let links = ordered(ns);
    let rows = links.len().div_ceil(per_row).max(1);
    let top = y + TITLE_H + LANE;
    let tiles: Vec<Tile> = links
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let tx = x + PAD + (i % per_row) as f64 * (TILE_W + PAD);
            let ty = top + (i / per_row) as f64 * (TILE_H + LANE);
            Tile {
                key: link_key(&ns.name, &l.name),
                name: l.name.clone(),
                kind: l.kind,
                x: tx,
                y: ty,
                addrs: l.addrs.iter().filter(|a| !a.starts_with("fe80:")).cloned().collect(),
                state: port_state(l),
                operstate: l.operstate.clone(),
                mac: l.mac.clone(),
                master: l.master.clone(),
                frame: slot_frame,
            }
        })
        .collect();
    let notes_y = top + rows as f64 * (TILE_H + LANE);
    let mut lines = Vec::new();
    if notes {
        let chars = ((w - 2.0 * PAD) / 6.4) as usize;
        lines.push(if ns.routes.is_empty() { "routes: none".to_string() } else { "routes:".to_string() });
        lines.extend(ns.routes.iter().flat_map(|r| wrap(r, chars)));
        lines.push(if ns.neighbours.is_empty() { "neighbours: none".to_string() } else { "neighbours:".to_string() });
        lines.extend(ns.neighbours.iter().flat_map(|r| wrap(r, chars)));
    }
    let h = notes_y - y + lines.len() as f64 * NOTE_H + if notes { PAD } else { 0.0 } - LANE + PAD;
    Frame {
        key: format!("ns/{}", ns_label(&ns.name)),
        ns: ns_label(&ns.name),
        is_host,
        slot,
        x,
        y,
        w,
        h,
        tiles,
        notes: lines,
        notes_y,
    }
}

/// Where a cable leaves each tile, and which way (+1 down, -1 up): host
/// ports face down towards the namespaces, namespace ports face up; two
/// ports of one box in different rows face each other.
fn ends(a: &Tile, b: &Tile, a_host: bool, b_host: bool) -> ((f64, f64, f64), (f64, f64, f64)) {
    let top = |t: &Tile| (t.x + TILE_W / 2.0, t.y, -1.0);
    let bottom = |t: &Tile| (t.x + TILE_W / 2.0, t.y + TILE_H, 1.0);
    if a.frame == b.frame && a.y != b.y {
        return if a.y < b.y { (bottom(a), top(b)) } else { (top(a), bottom(b)) };
    }
    let face = |t: &Tile, host: bool| if host { bottom(t) } else { top(t) };
    (face(a, a_host), face(b, b_host))
}

fn cable_path(a: (f64, f64, f64), b: (f64, f64, f64)) -> String {
    let k = ((a.0 - b.0).abs() * 0.2).max(36.0);
    format!(
        "M{},{} C{},{} {},{} {},{}",
        Tenth(a.0),
        Tenth(a.1),
        Tenth(a.0),
        Tenth(a.1 + a.2 * k),
        Tenth(b.0),
        Tenth(b.1 + b.2 * k),
        Tenth(b.0),
        Tenth(b.1)
    )
}

/// Lays out `snap` on a grid of `cols` columns, updating `slots` for
/// namespaces that appeared or went.
pub fn layout(snap: &Snapshot, slots: &mut Slots, notes: bool, cols: usize) -> Layout {
    let cols = cols.max(1);
    let full = width(cols);
    slots.update(snap);
    let mut frames = Vec::new();
    let empty = NsView::default();
    let host = snap.namespaces.iter().find(|n| n.name.is_none()).unwrap_or(&empty);
    let host_per_row = ((full - PAD) / (TILE_W + PAD)) as usize;
    frames.push(frame(host, 0, 0, 0.0, 0.0, full, host_per_row, notes, true));
    let grid_top = frames[0].h + BAND;

    // Row heights follow the tallest box in each grid row.
    let rows = slots.cells().div_ceil(cols);
    let mut row_h = vec![0.0f64; rows];
    let mut pending = Vec::new();
    for ns in snap.namespaces.iter().filter(|n| n.name.is_some()) {
        let slot = slots.of(ns.name.as_deref().unwrap()).unwrap();
        let probe = frame(ns, slot, 0, 0.0, 0.0, CELL_W, TILES_PER_ROW, notes, false);
        row_h[slot / cols] = row_h[slot / cols].max(probe.h);
        pending.push((ns, slot));
    }
    for (ns, slot) in pending {
        let (r, c) = (slot / cols, slot % cols);
        let y = grid_top + row_h[..r].iter().map(|h| h + GAP * 2.0).sum::<f64>();
        let index = frames.len();
        frames.push(frame(ns, slot, index, c as f64 * (CELL_W + GAP), y, CELL_W, TILES_PER_ROW, notes, false));
    }
    let height =
        if rows == 0 { frames[0].h } else { grid_top + row_h.iter().map(|h| h + GAP * 2.0).sum::<f64>() - GAP };

    let find = |ns: &Option<String>, dev: &str| {
        let key = link_key(ns, dev);
        frames.iter().flat_map(|f| f.tiles.iter()).find(|t| t.key == key).cloned()
    };
    let mut cables = Vec::new();
    let mut seen = BTreeSet::new();
    for ns in &snap.namespaces {
        for l in &ns.links {
            let Some(p) = &l.peer else { continue };
            let (ka, kb) = (link_key(&ns.name, &l.name), link_key(&p.ns, &p.name));
            if seen.contains(&kb) {
                continue;
            }
            seen.insert(ka.clone());
            let (Some(a), Some(b)) = (find(&ns.name, &l.name), find(&p.ns, &p.name)) else { continue };
            let peer_up = snap
                .namespaces
                .iter()
                .filter(|n| n.name == p.ns)
                .flat_map(|n| n.links.iter())
                .any(|x| x.name == p.name && x.lower_up);
            let (ea, eb) = ends(&a, &b, frames[a.frame].is_host, frames[b.frame].is_host);
            cables.push(Cable {
                key: format!("{ka}~{kb}"),
                d: cable_path(ea, eb),
                ends: [(ea.0, ea.1), (eb.0, eb.1)],
                label: format!("veth pair {} ({}) — {} ({})", l.name, ns_label(&ns.name), p.name, ns_label(&p.ns)),
                up: l.lower_up && peer_up,
            });
        }
    }

    let mut wires = Vec::new();
    for f in &frames {
        for t in f.tiles.iter().filter(|t| t.master.is_some()) {
            if let Some(br) = f.tiles.iter().find(|b| Some(&b.name) == t.master.as_ref()) {
                // Up into the lane above the port's row, across, then into the bridge.
                let lane = t.y - LANE / 2.0;
                let end = if br.y < t.y { br.y + TILE_H } else { br.y };
                let (x1, x2) = (t.x + TILE_W / 2.0, br.x + TILE_W / 2.0 + 10.0);
                wires.push((
                    t.key.clone(),
                    format!("M{},{} V{} H{} V{}", Tenth(x1), Tenth(t.y), Tenth(lane), Tenth(x2), Tenth(end)),
                ));
            }
        }
    }
    Layout { width: full, height, frames, cables, wires }
}

/// Keys (`ns/NAME`, `link/NS/DEV`) of what is new or different in `new`.
pub fn changed(old: &Snapshot, new: &Snapshot) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for ns in &new.namespaces {
        let before = old.namespaces.iter().find(|o| o.name == ns.name);
        match before {
            None => {
                out.insert(format!("ns/{}", ns_label(&ns.name)));
            }
            Some(b) if b.routes != ns.routes || b.neighbours != ns.neighbours => {
                out.insert(format!("ns/{}", ns_label(&ns.name)));
            }
            _ => {}
        }
        for l in &ns.links {
            let same = before.and_then(|b| b.links.iter().find(|o| o.name == l.name)) == Some(l);
            if !same {
                out.insert(link_key(&ns.name, &l.name));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim_core::snapshot::PeerView;

    fn link(name: &str, kind: LinkKind, peer: Option<(&str, &str)>) -> LinkView {
        LinkView {
            ifindex: 1,
            name: name.into(),
            kind,
            mac: "00:00:00:00:00:00".into(),
            admin_up: false,
            lower_up: false,
            operstate: "DOWN".into(),
            addrs: vec![],
            master: None,
            peer: peer
                .map(|(ns, n)| PeerView { ns: if ns == "host" { None } else { Some(ns.into()) }, name: n.into() }),
        }
    }

    fn ns(name: Option<&str>, links: Vec<LinkView>) -> NsView {
        NsView { name: name.map(String::from), links, routes: vec![], neighbours: vec![], ip_forward: false }
    }

    fn lesson(extra: &[&str]) -> Snapshot {
        let mut namespaces = vec![
            ns(None, vec![link("lo", LinkKind::Loopback, None)]),
            ns(Some("orange"), vec![link("tap1", LinkKind::Veth, Some(("green", "tap2")))]),
            ns(Some("green"), vec![link("tap2", LinkKind::Veth, Some(("orange", "tap1")))]),
        ];
        for e in extra {
            namespaces.push(ns(Some(e), vec![link("lo", LinkKind::Loopback, None)]));
        }
        Snapshot { namespaces }
    }

    fn pos(l: &Layout, ns: &str) -> (f64, f64) {
        let f = l.frames.iter().find(|f| f.ns == ns).unwrap();
        (f.x, f.y)
    }

    #[test]
    fn adding_a_namespace_moves_nothing() {
        let mut slots = Slots::default();
        let a = layout(&lesson(&[]), &mut slots, false, COLS);
        let b = layout(&lesson(&["blue", "red", "pink"]), &mut slots, false, COLS);
        for n in ["host", "orange", "green"] {
            assert_eq!(pos(&a, n), pos(&b, n), "{n} moved");
        }
        assert_eq!(slots.of("pink"), Some(4));
    }

    #[test]
    fn a_deleted_namespace_frees_its_cell_for_the_next() {
        let mut slots = Slots::default();
        layout(&lesson(&["blue"]), &mut slots, false, COLS);
        let mut snap = lesson(&[]);
        snap.namespaces.push(ns(Some("blue"), vec![]));
        snap.namespaces.retain(|n| n.name.as_deref() != Some("orange"));
        layout(&snap, &mut slots, false, COLS);
        assert_eq!(slots.of("green"), Some(1), "green stays put");
        assert_eq!(slots.of("blue"), Some(2));
        snap.namespaces.push(ns(Some("red"), vec![]));
        layout(&snap, &mut slots, false, COLS);
        assert_eq!(slots.of("red"), Some(0), "red takes orange's old cell");
    }

    #[test]
    fn one_column_stacks_namespaces() {
        let l = layout(&lesson(&[]), &mut Slots::default(), false, 1);
        assert_eq!(l.width, CELL_W);
        let (o, g) = (pos(&l, "orange"), pos(&l, "green"));
        assert_eq!(o.0, g.0);
        assert!(g.1 > o.1);
    }

    #[test]
    fn one_cable_per_veth_pair() {
        let l = layout(&lesson(&[]), &mut Slots::default(), false, COLS);
        assert_eq!(l.cables.len(), 1);
        assert!(l.cables[0].label.contains("tap1 (orange)"));
        assert!(l.frames.iter().all(|f| f.x + f.w <= l.width && f.y + f.h <= l.height));
    }

    #[test]
    fn bridges_come_first_with_their_ports_wired() {
        let mut port = link("veth0", LinkKind::Veth, None);
        port.master = Some("br0".into());
        let snap = Snapshot {
            namespaces: vec![ns(
                None,
                vec![
                    link("lo", LinkKind::Loopback, None),
                    port,
                    link("eth9", LinkKind::Veth, None),
                    link("br0", LinkKind::Bridge, None),
                ],
            )],
        };
        let l = layout(&snap, &mut Slots::default(), true, COLS);
        let names: Vec<&str> = l.frames[0].tiles.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["lo", "br0", "veth0", "eth9"]);
        assert_eq!(l.wires.len(), 1);
        assert_eq!(l.frames[0].notes, ["routes: none", "neighbours: none"]);
    }

    #[test]
    fn diff_names_what_changed() {
        let old = lesson(&[]);
        let mut new = lesson(&["blue"]);
        new.namespaces[1].links[0].admin_up = true;
        let c: Vec<String> = changed(&old, &new).into_iter().collect();
        assert_eq!(c, ["link/blue/lo", "link/orange/tap1", "ns/blue"]);
    }

    #[test]
    fn long_routes_wrap() {
        let w = wrap("192.168.1.0/24 dev tap1 proto kernel scope link src 192.168.1.2", 30);
        assert_eq!(w, ["192.168.1.0/24 dev tap1 proto", "  kernel scope link src", "  192.168.1.2"]);
    }
}
