//! What each field means, wherever it is printed: the `field-meanings`
//! crate's table, keyed `OBJECT.FIELD` as [`Note::key`](super::Note::key).

pub use field_meanings::{all, of};
