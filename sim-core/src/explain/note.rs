//! What the page is told about one span of a line's output.

/// One explained span of a line's output.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Note {
    /// The output's chunk (its `n`th write, as the page draws it: one
    /// terminal line element per chunk).
    pub chunk: u32,
    /// Byte range in the chunk's text.
    pub start: u32,
    pub end: u32,
    /// The field's kind, `OBJECT.KEY` (`link.operstate`, `ping.ttl`): the
    /// key lessons and the docs' table use.
    pub key: String,
    /// What the field is of, as the output names it: a device (`tap1`),
    /// an address, a route's destination, a neighbour, a chain; empty
    /// for a line of its own (ping's statistics).
    pub about: String,
    /// A short name for the field ("Operational state").
    pub title: String,
    /// What the field means wherever it is printed.
    pub meaning: String,
    /// Why it has this value here, from the lab's model; empty when the
    /// meaning says all there is.
    pub why: String,
    /// The lab's objects the explanation names, for the diagram to light up.
    pub names: Vec<Named>,
}

/// A namespace, or a device in one, as the diagram names them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Named {
    /// The namespace's name; `None` for the host's.
    pub ns: Option<String>,
    pub dev: Option<String>,
}
