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

const TABLE: &str = include_str!("meanings.txt");

/// Every field kind: key, title, meaning, in the file's order.
pub fn all() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    TABLE.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).filter_map(|l| {
        let mut parts = l.splitn(3, " | ");
        Some((parts.next()?, parts.next()?, parts.next()?))
    })
}

/// The title and meaning of field `key`.
pub fn of(key: &str) -> Option<(&'static str, &'static str)> {
    all().find(|(k, _, _)| *k == key).map(|(_, t, m)| (t, m))
}
