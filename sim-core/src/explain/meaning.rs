//! What each field means, wherever it is printed: the project's own words,
//! keyed `OBJECT.FIELD` as [`Note::key`](super::Note::key), in
//! `meanings.txt` beside this file (a table instructors can read).

const TABLE: &str = include_str!("meanings.txt");

/// Every explained field kind: key, title, meaning, in the file's order.
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
