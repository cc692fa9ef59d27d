//! What each field means, wherever it is printed: the project's own words,
//! keyed `OBJECT.KEY` as [`Note::key`](super::Note::key).

/// The title and meaning of field `key`.
pub fn of(key: &str) -> Option<(&'static str, &'static str)> {
    MEANINGS.iter().find(|(k, _, _)| *k == key).map(|(_, t, m)| (*t, *m))
}

/// Every explained field kind: key, title, meaning.
pub const MEANINGS: &[(&str, &str, &str)] = &[];
