//! Explained output: what each field a program printed is, and why it has
//! its value in this lab (ARCHITECTURE.md, "Explained output").
//!
//! Printers never change what they print for this. While a line runs, the
//! lab switches a per-thread [`record`]er on; every printer that knows its
//! fields (iproute's `Printer`, ping's lines, …) hands it the text it
//! printed with its tags: byte ranges, each with the field's JSON key and
//! the record (the object: a link, an address, a route) it belongs to.
//! [`Lab::explain`](crate::Lab::explain) then finds those printed lines in
//! what reached the terminal (a line a pipe filtered away is simply not
//! found) and turns each tag into a [`Note`]: the field's meaning from
//! [`meaning`], and why it has this value from the model (`why`), read
//! right after the line ran.
//!
//! The [`Note`] type is always here (the page reads it); the recorder and
//! the explanations only with the `explain` feature (the site's complete
//! lab and native builds): the first load's basic lab records nothing.

mod note;
pub use note::{Named, Note};

/// What kind of object a record is: which table of meanings and which
/// model facts explain its fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Link,
    Addr,
    Route,
    Neigh,
    Netns,
    BridgeLink,
    Fdb,
    Ping,
    Ifconfig,
    Iptables,
    Sysctl,
    Ss,
    Tcpdump,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Link => "link",
            Kind::Addr => "addr",
            Kind::Route => "route",
            Kind::Neigh => "neigh",
            Kind::Netns => "netns",
            Kind::BridgeLink => "bridge-link",
            Kind::Fdb => "fdb",
            Kind::Ping => "ping",
            Kind::Ifconfig => "ifconfig",
            Kind::Iptables => "iptables",
            Kind::Sysctl => "sysctl",
            Kind::Ss => "ss",
            Kind::Tcpdump => "tcpdump",
        }
    }
}

#[cfg(feature = "explain")]
pub mod ifconfig;
#[cfg(feature = "explain")]
pub mod iptables;
#[cfg(feature = "explain")]
pub mod meaning;
#[cfg(feature = "explain")]
pub mod notes;
#[cfg(feature = "explain")]
pub mod ping;
#[cfg(feature = "explain")]
pub mod record;
#[cfg(feature = "explain")]
pub mod ss;
#[cfg(feature = "explain")]
pub mod sysctl;
#[cfg(feature = "explain")]
mod tagger;
#[cfg(feature = "explain")]
pub mod tcpdump;
#[cfg(feature = "explain")]
mod why;
#[cfg(feature = "explain")]
pub use notes::{coverage, notes, Coverage};
