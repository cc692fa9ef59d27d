//! The recorder printers write their tags to while a line runs.
//!
//! It is per thread and off unless [`begin`] switched it on (the lab does,
//! around each line it starts); printers ask [`on`] once and then keep
//! their tags to themselves until they hand them over with the text.
//! lab-agent and the tests that only replay never switch it on.

pub use super::Kind;
use crate::kernel::NsId;
use std::cell::RefCell;

/// One printed field: a byte range of the printed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag {
    pub start: usize,
    pub end: usize,
    /// iproute's keys are its printer's literals; the taggers' may be made.
    pub key: std::borrow::Cow<'static, str>,
    /// Index of its record in [`Printed::recs`].
    pub rec: usize,
}

/// One object a printer printed, and the object it is part of (an
/// address's link).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rec {
    pub kind: Kind,
    pub parent: Option<usize>,
}

/// What one printer printed, in the namespace it printed from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Printed {
    pub ns: Option<NsId>,
    pub text: String,
    pub tags: Vec<Tag>,
    pub recs: Vec<Rec>,
    /// Each record's tags, by index into `tags` (made when the printer
    /// hands them over, so that looking up a field is not a walk through
    /// every tag of a long listing).
    pub of_rec: Vec<Vec<usize>>,
}

impl Printed {
    /// Indexes the tags by record.
    fn index(&mut self) {
        self.of_rec = vec![Vec::new(); self.recs.len()];
        for (i, t) in self.tags.iter().enumerate() {
            if let Some(v) = self.of_rec.get_mut(t.rec) {
                v.push(i);
            }
        }
    }

    /// The value of the field `key` of record `rec` (or of its parent):
    /// the last word of its last span, since a field may be printed as a
    /// label and a value, in one span (`mtu 1500`) or two (`dev` `eth0`).
    pub fn field(&self, rec: usize, key: &str) -> Option<&str> {
        let tags = self.of_rec.get(rec).map_or(&[][..], Vec::as_slice);
        let own = tags.iter().rev().map(|&i| &self.tags[i]).find(|t| t.key == key).map(|t| &self.text[t.start..t.end]);
        let own = own.map(|v| v.rsplit(' ').next().unwrap_or(v));
        own.or_else(|| self.recs.get(rec)?.parent.and_then(|p| self.field(p, key)))
    }
}

#[derive(Default)]
struct Recording {
    ns: Option<NsId>,
    printed: Vec<Printed>,
}

thread_local! {
    static RECORDING: RefCell<Option<Recording>> = const { RefCell::new(None) };
}

/// Starts recording (dropping what an unfinished recording held).
pub fn begin() {
    RECORDING.with(|r| *r.borrow_mut() = Some(Recording::default()));
}

/// Stops recording; what was printed meanwhile, in order.
pub fn end() -> Vec<Printed> {
    RECORDING.with(|r| r.borrow_mut().take().map(|r| r.printed).unwrap_or_default())
}

/// Whether a recording is on.
pub fn on() -> bool {
    RECORDING.with(|r| r.borrow().is_some())
}

/// The namespace the programs that print next look at (a netlink socket's).
pub fn set_ns(ns: NsId) {
    RECORDING.with(|r| {
        if let Some(r) = r.borrow_mut().as_mut() {
            r.ns = Some(ns);
        }
    });
}

/// Hands over what a printer printed; empty text or no tags keep nothing.
pub fn printed(mut p: Printed) {
    if p.tags.is_empty() || p.text.is_empty() {
        return;
    }
    RECORDING.with(|r| {
        if let Some(r) = r.borrow_mut().as_mut() {
            p.ns = p.ns.or(r.ns);
            p.index();
            r.printed.push(p);
        }
    });
}

/// Hands over what a program printed in namespace `ns`, read back into
/// fields by `tag` (a program that prints with `format!`, or elsewhere).
pub fn read_back(ns: NsId, text: &str, tag: fn(&str) -> Printed) {
    if on() {
        set_ns(ns);
        printed(tag(text));
    }
}
