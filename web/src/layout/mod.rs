//! Where things go in the diagram. Pure geometry from a snapshot, so it can
//! be tested natively; `diagram/` only draws what this computes.
//!
//! The host is a wide box on top; namespaces sit in a grid of fixed-width
//! cells below it. A namespace keeps the cell it got when it first appeared
//! (see [`Slots`]), so creating another never moves the existing ones.
//! Large labs are summarised ([`large`]): [`draw`] picks the full drawing or
//! the summary.

mod large;

pub use large::{draw, Chip, Memory, Recent, Summary, CHIP_H, CHIP_W, FOCUS_MAX, FULL_MAX, HOST_TILES_MAX};
use litemap::LiteMap;
use sim_core::snapshot::{LinkKind, LinkView, NsView};
use sim_core::Snapshot;

/// Formats a coordinate to one decimal place, like `{:.1}`, with integer
/// arithmetic only: formatting an `f64` would link Rust's float printing
/// (grisu, dragon and their tables), about 15 KB of gzip for SVG numbers.
pub struct Tenth(pub f64);

impl std::fmt::Display for Tenth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let t = (self.0 * 10.0).round() as i64;
        let sign = if t < 0 { "-" } else { "" };
        write!(f, "{sign}{}.{}", t.unsigned_abs() / 10, t.unsigned_abs() % 10)
    }
}

/// A coordinate as an SVG attribute: to a tenth, without a trailing `.0`.
pub fn num(x: f64) -> String {
    let mut s = Tenth(x).to_string();
    if s.ends_with(".0") {
        s.truncate(s.len() - 2);
    }
    s
}

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

/// Namespace name → grid cell, kept across snapshots, indexed by name.
///
/// The maps in `layout/` are `LiteMap<String, u32>` (a sorted `Vec`), the
/// very type the kernel model names its interfaces with, filled by
/// `insert`, never `collect()` (which links a sort): the site's wasm holds
/// one copy of that code. A `HashMap` here linked 10 KB raw of hashbrown,
/// a `BTreeMap` 5 KB.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Slots {
    cells: Vec<Option<String>>,
    index: LiteMap<String, u32>,
}

impl Slots {
    /// Gives new namespaces the first free cell and frees the cells of deleted ones.
    pub fn update(&mut self, snap: &Snapshot) {
        let mut live = vec![false; self.cells.len()];
        for name in snap.namespaces.iter().filter_map(|n| n.name.as_deref()) {
            if let Some(&i) = self.index.get(name) {
                live[i as usize] = true;
            }
        }
        for (s, live) in self.cells.iter_mut().zip(live) {
            if !live {
                if let Some(name) = s.take() {
                    self.index.remove(name.as_str());
                }
            }
        }
        let mut free = 0;
        for name in snap.namespaces.iter().filter_map(|n| n.name.as_deref()) {
            if self.index.get(name).is_some() {
                continue;
            }
            while free < self.cells.len() && self.cells[free].is_some() {
                free += 1;
            }
            if free == self.cells.len() {
                self.cells.push(None);
            }
            self.cells[free] = Some(name.to_string());
            self.index.insert(name.to_string(), free as u32);
        }
    }

    pub fn of(&self, name: &str) -> Option<usize> {
        self.index.get(name).map(|&i| i as usize)
    }

    pub fn cells(&self) -> usize {
        self.cells.len()
    }
}

/// What the picture shows besides the boxes and tiles: each box's notes
/// (routes, neighbours and sockets), and which family's addresses, routes
/// and neighbours (IPv4, or with `ipv6` IPv6's).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    pub notes: bool,
    pub ipv6: bool,
}

impl Shown {
    /// Whether an address (`10.0.0.1/24`, `fe80::1/64`) is of the family shown.
    fn shows(self, addr: &str) -> bool {
        addr.contains(':') == self.ipv6
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
    /// The addresses of the family shown (see [`Shown`]), IPv6's link-local
    /// ones after the others.
    pub addrs: Vec<String>,
    pub state: PortState,
    pub operstate: String,
    pub mac: String,
    pub master: Option<String>,
    /// The box it is in (index into `Layout::frames`).
    pub frame: usize,
    /// A bridge port's wire into its bridge.
    pub wire: Option<Wire>,
    /// Where its veth cable plugs in, and whether the cable is up.
    pub jack: Option<(f64, f64, bool)>,
    /// A capture (tcpdump) is running on it.
    pub capturing: bool,
}

/// A bridge port's wire: up from the port (`x`, `from`) into the lane
/// above its row (`lane`), across to `to_x`, then into the bridge (`to`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Wire {
    pub x: f64,
    pub from: f64,
    pub lane: f64,
    pub to_x: f64,
    pub to: f64,
}

impl Wire {
    /// SVG path data.
    pub fn path(&self) -> String {
        format!(
            "M{},{} V{} H{} V{}",
            Tenth(self.x),
            Tenth(self.from),
            Tenth(self.lane),
            Tenth(self.to_x),
            Tenth(self.to)
        )
    }
}

impl Tile {
    /// The tile in the coordinates of a box whose corner is at (`x`, `y`):
    /// the diagram draws tiles inside their box's group, which moves as a
    /// whole, so a box that moved keeps its tiles.
    pub fn relative_to(&self, x: f64, y: f64) -> Tile {
        Tile {
            x: self.x - x,
            y: self.y - y,
            wire: self.wire.map(|w| Wire {
                x: w.x - x,
                from: w.from - y,
                lane: w.lane - y,
                to_x: w.to_x - x,
                to: w.to - y,
            }),
            jack: self.jack.map(|(jx, jy, up)| (jx - x, jy - y, up)),
            ..self.clone()
        }
    }
}

impl Frame {
    /// The box without its tiles, in its own coordinates (corner at 0,0):
    /// what the diagram keys a box by, so that one that only moved is
    /// moved, not drawn anew.
    pub fn shape(&self) -> Frame {
        Frame { x: 0.0, y: 0.0, notes_y: self.notes_y - self.y, tiles: Vec::new(), ..self.clone() }
    }
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
    /// Routes, neighbours and sockets, when shown.
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

/// A `<For>` key: a digest of an item's whole value, so that an item that
/// changed is drawn anew. Every list of the diagram (and the Packet path's) is keyed by this one
/// type, so the keyed lists share their index's code; two items of one list
/// colliding in 64 bits is not a practical concern.
pub fn digest<T: std::hash::Hash>(t: &T) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(t)
}

/// Tiles and boxes are keyed by a digest of their value in the diagram's
/// `<For>`s (a tile that changed is drawn anew, and needs no reactive
/// parts): hashed by what tells two apart in practice.
impl std::hash::Hash for Tile {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        (&self.key, self.x.to_bits(), self.y.to_bits(), &self.addrs, &self.operstate, self.capturing).hash(h);
    }
}

impl std::hash::Hash for Cable {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        (&self.key, &self.d, self.up).hash(h);
    }
}

impl std::hash::Hash for Frame {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        (&self.key, self.x.to_bits(), self.y.to_bits(), self.h.to_bits(), &self.notes).hash(h);
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub frames: Vec<Frame>,
    pub cables: Vec<Cable>,
    /// Namespaces drawn as small named chips (a large lab, see [`large`]).
    pub chips: Vec<Chip>,
    /// What a large lab's drawing leaves out, and where it says so.
    pub summary: Option<Summary>,
}

impl Layout {
    /// The box of namespace `id` (empty for the host: no namespace can have
    /// an empty name, while one may be called `host`). Linear: a drawing has
    /// at most [`FULL_MAX`] + 1 boxes.
    pub fn frame(&self, id: &str) -> Option<&Frame> {
        self.frames.iter().find(|f| f.id() == id)
    }
}

impl Frame {
    /// The box's key among the drawn ones (see [`Layout::frame`]).
    pub fn id(&self) -> &str {
        if self.is_host {
            ""
        } else {
            &self.ns
        }
    }
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

/// A tile's addresses: those of the family shown, link-local ones last.
fn addrs(all: &[String], shown: Shown) -> Vec<String> {
    let of = |link_local: bool| all.iter().filter(move |a| shown.shows(a) && a.starts_with("fe80:") == link_local);
    of(false).chain(of(true)).cloned().collect()
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
    shown: Shown,
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
                addrs: addrs(&l.addrs, shown),
                state: port_state(l),
                operstate: l.operstate.clone(),
                mac: l.mac.clone(),
                master: l.master.clone(),
                frame: slot_frame,
                wire: None,
                jack: None,
                capturing: l.capturing,
            }
        })
        .collect();
    let notes_y = top + rows as f64 * (TILE_H + LANE);
    let mut lines = Vec::new();
    let notes = shown.notes;
    if notes {
        let chars = ((w - 2.0 * PAD) / 6.4) as usize;
        let (routes, neighbours) =
            if shown.ipv6 { (&ns.routes6, &ns.neighbours6) } else { (&ns.routes, &ns.neighbours) };
        lines.push(if routes.is_empty() { "routes: none".to_string() } else { "routes:".to_string() });
        lines.extend(routes.iter().flat_map(|r| wrap(r, chars)));
        lines.push(if neighbours.is_empty() { "neighbours: none".to_string() } else { "neighbours:".to_string() });
        lines.extend(neighbours.iter().flat_map(|r| wrap(r, chars)));
        // TCP and UDP sockets (`ss -tuan`), when there are any.
        if !ns.sockets.is_empty() {
            lines.push("sockets:".to_string());
            lines.extend(ns.sockets.iter().flat_map(|r| wrap(r, chars)));
        }
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
pub fn layout(snap: &Snapshot, slots: &mut Slots, shown: Shown, cols: usize) -> Layout {
    let cols = cols.max(1);
    let full = width(cols);
    slots.update(snap);
    let mut frames = Vec::new();
    let empty = NsView::default();
    let host = snap.namespaces.iter().find(|n| n.name.is_none()).unwrap_or(&empty);
    let host_per_row = ((full - PAD) / (TILE_W + PAD)) as usize;
    frames.push(frame(host, 0, 0, 0.0, 0.0, full, host_per_row, shown, true));
    let grid_top = frames[0].h + BAND;

    // Row heights follow the tallest box in each grid row.
    let rows = slots.cells().div_ceil(cols);
    let mut row_h = vec![0.0f64; rows];
    let mut pending = Vec::new();
    for ns in snap.namespaces.iter().filter(|n| n.name.is_some()) {
        let slot = slots.of(ns.name.as_deref().unwrap()).unwrap();
        let probe = frame(ns, slot, 0, 0.0, 0.0, CELL_W, TILES_PER_ROW, shown, false);
        row_h[slot / cols] = row_h[slot / cols].max(probe.h);
        pending.push((ns, slot));
    }
    for (ns, slot) in pending {
        let (r, c) = (slot / cols, slot % cols);
        let y = grid_top + row_h[..r].iter().map(|h| h + GAP * 2.0).sum::<f64>();
        let index = frames.len();
        frames.push(frame(ns, slot, index, c as f64 * (CELL_W + GAP), y, CELL_W, TILES_PER_ROW, shown, false));
    }
    let height =
        if rows == 0 { frames[0].h } else { grid_top + row_h.iter().map(|h| h + GAP * 2.0).sum::<f64>() - GAP };

    // Tiles by key (→ frame and tile index), and each link's carrier, so that cables cost n log n time.
    let at: Vec<(usize, usize)> =
        frames.iter().enumerate().flat_map(|(f, fr)| (0..fr.tiles.len()).map(move |t| (f, t))).collect();
    let mut tiles = LiteMap::<String, u32>::new();
    for (i, &(f, t)) in at.iter().enumerate() {
        tiles.insert(frames[f].tiles[t].key.clone(), i as u32);
    }
    let tile = |i: usize| &frames[at[i].0].tiles[at[i].1];
    let mut carrier = KeySet::new();
    for n in &snap.namespaces {
        for l in n.links.iter().filter(|l| l.lower_up) {
            carrier.insert(link_key(&n.name, &l.name), ());
        }
    }
    let mut cables = Vec::new();
    let mut jacks = Vec::new();
    let mut seen = KeySet::new();
    for ns in &snap.namespaces {
        for l in &ns.links {
            let Some(p) = &l.peer else { continue };
            let (ka, kb) = (link_key(&ns.name, &l.name), link_key(&p.ns, &p.name));
            if seen.contains_key(&kb) {
                continue;
            }
            seen.insert(ka.clone(), ());
            let (Some(&ia), Some(&ib)) = (tiles.get(ka.as_str()), tiles.get(kb.as_str())) else { continue };
            let (ia, ib) = (ia as usize, ib as usize);
            let (a, b) = (tile(ia), tile(ib));
            let up = l.lower_up && carrier.contains_key(&kb);
            let (ea, eb) = ends(a, b, frames[a.frame].is_host, frames[b.frame].is_host);
            jacks.push((ia, (ea.0, ea.1, up)));
            jacks.push((ib, (eb.0, eb.1, up)));
            cables.push(Cable {
                key: format!("{ka}~{kb}"),
                d: cable_path(ea, eb),
                ends: [(ea.0, ea.1), (eb.0, eb.1)],
                label: format!("veth pair {} ({}) — {} ({})", l.name, ns_label(&ns.name), p.name, ns_label(&p.ns)),
                up,
            });
        }
    }
    for (i, j) in jacks {
        let (f, t) = at[i];
        frames[f].tiles[t].jack = Some(j);
    }

    for f in frames.iter_mut() {
        for t in 0..f.tiles.len() {
            let p = &f.tiles[t];
            let Some(br) = f.tiles.iter().find(|b| Some(&b.name) == p.master.as_ref()) else { continue };
            // Up into the lane above the port's row, across, then into the bridge.
            let lane = p.y - LANE / 2.0;
            let end = if br.y < p.y { br.y + TILE_H } else { br.y };
            let (x, to_x) = (p.x + TILE_W / 2.0, br.x + TILE_W / 2.0 + 10.0);
            f.tiles[t].wire = Some(Wire { x, from: p.y, lane, to_x, to: end });
        }
    }
    Layout { width: full, height, frames, cables, chips: Vec::new(), summary: None }
}

/// A set of keys (`ns/NAME`, `link/NS/DEV`): a `LiteMap` (a sorted `Vec`)
/// with nothing in its values, as the model's maps are, rather than a
/// `BTreeSet`, whose generic code each element type links again.
pub type KeySet = LiteMap<String, ()>;

/// Keys (`ns/NAME`, `link/NS/DEV`) of what is new or different in `new`.
pub fn changed(old: &Snapshot, new: &Snapshot) -> KeySet {
    let mut out = KeySet::new();
    // By name; the host's is empty (no namespace can have an empty name).
    let mut old_ns = LiteMap::<String, u32>::new();
    for (i, n) in old.namespaces.iter().enumerate() {
        old_ns.insert(n.name.clone().unwrap_or_default(), i as u32);
    }
    for ns in &new.namespaces {
        let before = old_ns.get(ns.name.as_deref().unwrap_or_default()).map(|&i| &old.namespaces[i as usize]);
        match before {
            None => {
                out.insert(format!("ns/{}", ns_label(&ns.name)), ());
            }
            Some(b) if b.routes != ns.routes || b.neighbours != ns.neighbours || b.sockets != ns.sockets => {
                out.insert(format!("ns/{}", ns_label(&ns.name)), ());
            }
            _ => {}
        }
        for l in &ns.links {
            let same = before.and_then(|b| b.links.iter().find(|o| o.name == l.name)) == Some(l);
            if !same {
                out.insert(link_key(&ns.name, &l.name), ());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
