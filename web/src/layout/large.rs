//! Large labs. Up to [`FULL_MAX`] namespaces the whole lab is drawn; above
//! that a drawing of every box would be thousands of SVG elements, unreadable
//! and slow to update, so the diagram summarises:
//!
//! - the host is drawn in full, but with at most [`HOST_TILES_MAX`]
//!   interfaces: loopback, bridges, the interfaces recent commands changed
//!   or packets crossed, and those cabled to a namespace drawn in full;
//! - the [`FOCUS_MAX`] namespaces most recently changed or crossed by a
//!   packet are drawn in full, in a small grid of their own;
//! - every other namespace is a named chip, in the cell of its [`Slots`]
//!   grid, so chips never move; a namespace drawn in full leaves its cell
//!   empty. The text view still lists everything.

use super::{layout, link_key, ns_label, Layout, Shown, Slots, BAND};
use crate::layout::KeySet;
use sim_core::snapshot::{LinkKind, NsView};
use sim_core::Snapshot;

/// The most namespaces (besides the host) drawn in full.
pub const FULL_MAX: usize = 60;
/// Namespaces drawn in full in a summarised drawing.
pub const FOCUS_MAX: usize = 6;
/// Host interfaces drawn in a summarised drawing.
pub const HOST_TILES_MAX: usize = 12;
pub const CHIP_W: f64 = 112.0;
pub const CHIP_H: f64 = 24.0;
const CHIP_GAP: f64 = 8.0;
/// Room for the two lines that say what the chips are.
const SUMMARY_H: f64 = 36.0;

/// A namespace drawn as a chip: its name in a small box.
#[derive(Clone, Debug, PartialEq)]
pub struct Chip {
    /// `ns/NAME`, as in [`super::changed`].
    pub key: String,
    pub ns: String,
    pub slot: usize,
    pub x: f64,
    pub y: f64,
    /// How many interfaces it has (said in its tooltip).
    pub links: usize,
}

impl std::hash::Hash for Chip {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        (&self.key, self.slot, self.links, self.x.to_bits(), self.y.to_bits()).hash(h);
    }
}

/// What a summarised drawing leaves out, said on a line at `y`.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub chips: usize,
    /// Host interfaces not drawn.
    pub hidden_ports: usize,
    pub y: f64,
}

/// Names used most recently first, at most `cap` of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recent {
    names: Vec<String>,
    cap: usize,
}

impl Recent {
    pub fn new(cap: usize) -> Recent {
        Recent { names: Vec::new(), cap }
    }

    /// Moves `names` to the front (in the order given) and forgets the oldest beyond the cap.
    pub fn touch<'a>(&mut self, names: impl IntoIterator<Item = &'a str>) {
        let mut front: Vec<String> = Vec::new();
        for n in names {
            if !front.iter().any(|f| f == n) {
                front.push(n.to_string());
            }
        }
        self.names.retain(|n| !front.contains(n));
        front.append(&mut self.names);
        front.truncate(self.cap);
        self.names = front;
    }

    pub fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        self.names.retain(|n| keep(n));
    }

    pub fn contains(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    pub fn names(&self) -> &[String] {
        &self.names
    }
}

/// What the diagram remembers across snapshots so that it stays put.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Memory {
    /// Every namespace's cell (boxes in a full drawing, chips in a summary).
    pub slots: Slots,
    /// The cells of the namespaces drawn in full in a summary.
    focus_slots: Slots,
    /// Namespaces recently changed or crossed by a packet.
    focus: Recent,
    /// Host interfaces (link keys) recently changed or crossed by a packet.
    ports: Recent,
}

impl Default for Memory {
    fn default() -> Memory {
        Memory {
            slots: Slots::default(),
            focus_slots: Slots::default(),
            focus: Recent::new(FOCUS_MAX),
            ports: Recent::new(HOST_TILES_MAX),
        }
    }
}

/// Lays out `snap`: in full up to [`FULL_MAX`] namespaces, else summarised.
/// `hot` holds diagram keys (`ns/NAME`, `link/NS/DEV`) of what the last
/// command changed or its packets crossed; they are drawn in full.
pub fn draw(snap: &Snapshot, mem: &mut Memory, hot: &KeySet, shown: Shown, cols: usize) -> Layout {
    mem.slots.update(snap);
    let count = snap.namespaces.iter().filter(|n| n.name.is_some()).count();
    if count <= FULL_MAX {
        return layout(snap, &mut mem.slots, shown, cols);
    }

    // The slots were just updated: a namespace has one while it lives.
    let live = |n: &&str| mem.slots.of(n).is_some();
    mem.focus.touch(hot.keys().filter_map(|k| k.strip_prefix("ns/")).filter(live));
    mem.focus.touch(
        hot.keys()
            .filter_map(|k| k.strip_prefix("link/"))
            .filter_map(|k| k.split_once('/').map(|(ns, _)| ns))
            .filter(live),
    );
    mem.focus.retain(|n| live(&n));
    mem.ports.touch(hot.keys().filter(|k| k.starts_with("link/host/")).map(String::as_str));

    // The host with the interfaces worth drawing, and the focused namespaces.
    let empty = NsView::default();
    let host = snap.namespaces.iter().find(|n| n.name.is_none()).unwrap_or(&empty);
    let mut kept: Vec<_> = host
        .links
        .iter()
        .filter(|l| {
            matches!(l.kind, LinkKind::Loopback | LinkKind::Bridge)
                || mem.ports.contains(&link_key(&None, &l.name))
                || l.peer.as_ref().and_then(|p| p.ns.as_deref()).is_some_and(|n| mem.focus.contains(n))
        })
        .cloned()
        .collect();
    kept.truncate(HOST_TILES_MAX);
    let hidden_ports = host.links.len() - kept.len();
    let host = NsView { name: None, links: kept, ..host.clone() };
    let mut small = Snapshot { namespaces: vec![host] };
    small
        .namespaces
        .extend(snap.namespaces.iter().filter(|n| n.name.as_deref().is_some_and(|n| mem.focus.contains(n))).cloned());
    let mut l = layout(&small, &mut mem.focus_slots, shown, cols);
    // Colours follow the namespace's own cell, as its chip's did.
    for f in l.frames.iter_mut().filter(|f| !f.is_host) {
        f.slot = mem.slots.of(&f.ns).unwrap_or(f.slot);
    }

    let summary_y = l.height + BAND / 2.0;
    let top = summary_y + SUMMARY_H;
    let per_row = (((l.width + CHIP_GAP) / (CHIP_W + CHIP_GAP)) as usize).max(1);
    let chips: Vec<Chip> = snap
        .namespaces
        .iter()
        .filter_map(|n| n.name.as_deref().map(|name| (n, name)))
        .filter(|(_, name)| !mem.focus.contains(name))
        .filter_map(|(n, name)| {
            let slot = mem.slots.of(name)?;
            Some(Chip {
                key: format!("ns/{name}"),
                ns: ns_label(&n.name),
                slot,
                x: (slot % per_row) as f64 * (CHIP_W + CHIP_GAP),
                y: top + (slot / per_row) as f64 * (CHIP_H + CHIP_GAP),
                links: n.links.len(),
            })
        })
        .collect();
    let rows = mem.slots.cells().div_ceil(per_row);
    l.height = top + rows as f64 * (CHIP_H + CHIP_GAP);
    l.summary = Some(Summary { chips: chips.len(), hidden_ports, y: summary_y });
    l.chips = chips;
    l
}
