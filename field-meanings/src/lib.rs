//! What each field a lab's programs print means, in nslab's own words:
//! `meanings.txt`, one field kind a line, keyed `OBJECT.FIELD` as
//! explained output's notes are (`sim_core::explain`).
//!
//! A crate of its own, with no dependencies, because two readers need it
//! at different costs: sim-core's explain feature (the site's complete
//! lab) gives each note its meaning, and lesson-format's Markdown reader,
//! which runs in the site's build scripts, checks and titles the prose's
//! `[text](explain:KEY)` references with it, without compiling the
//! simulator natively for a table.

use std::sync::OnceLock;

const TABLE: &str = include_str!("meanings.txt");

/// Every field kind: key, title, meaning, in the file's order.
pub fn all() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    TABLE.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).filter_map(|l| {
        let mut parts = l.splitn(3, " | ");
        Some((parts.next()?, parts.next()?, parts.next()?))
    })
}

/// The title and meaning of field `key`: a binary search of the table,
/// sorted once (a note of every field of a large listing asks thousands
/// of times).
pub fn of(key: &str) -> Option<(&'static str, &'static str)> {
    static SORTED: OnceLock<Vec<(&str, &str, &str)>> = OnceLock::new();
    let sorted = SORTED.get_or_init(|| {
        let mut v: Vec<_> = all().collect();
        v.sort_by_key(|e| e.0);
        v
    });
    let i = sorted.binary_search_by_key(&key, |e| e.0).ok()?;
    Some((sorted[i].1, sorted[i].2))
}
