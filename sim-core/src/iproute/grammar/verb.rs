//! The verbs of the objects that are added, changed and listed the same
//! way: `ip address` and `ip neigh`.

use super::keyword::{alone, Entry, Kw::E, Kw::P};

/// What a modify-list-flush object is asked to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verb {
    Add,
    /// `change`, `chg`, `replace`: add or change.
    Replace,
    Delete,
    Show,
    Flush,
    Help,
}

/// The verbs `do_ipaddr()` and `do_ipneigh()` share, in their (common)
/// order. What follows them there is not modelled: `ip address`'s `save`,
/// `showdump`, `restore`, and `ip neigh get`; an object that models one
/// needs its own table, as `ip route` has (`append`, `prepend`, `get`).
pub const MODIFY_LIST_FLUSH: &[Entry<Verb>] = &[
    alone(P("add"), Verb::Add),
    alone(P("change"), Verb::Replace),
    alone(E("chg"), Verb::Replace),
    alone(P("replace"), Verb::Replace),
    alone(P("delete"), Verb::Delete),
    alone(P("list"), Verb::Show),
    alone(P("show"), Verb::Show),
    alone(P("lst"), Verb::Show),
    alone(P("flush"), Verb::Flush),
    alone(P("help"), Verb::Help),
];
