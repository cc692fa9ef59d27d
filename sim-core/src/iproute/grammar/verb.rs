//! The verbs of `ip` objects: how a verb word is read, and the table of
//! the objects that are added, changed and listed the same way (`ip
//! address`, `ip neigh`).

use super::keyword::{alone, one_of, Entry, Kw::E, Kw::P};
use super::words::Words;
use super::{fail, PResult};
use crate::iproute::args::Fail;

/// The verb the next word names in `table` (a `do_ip*()`'s `if … else if`
/// chain); a word it does not name is the chain's last `else`: "Command …
/// is unknown", pointing at `help` (`ip address help`).
pub fn verb<'a, K: Copy>(table: &'static [Entry<K>], help: &'static str) -> impl Fn(Words<'a>) -> PResult<'a, K> {
    let verb = one_of(table);
    move |i| match verb(i) {
        Ok(r) => Ok(r),
        Err(_) => {
            let w = i.peek().unwrap_or_default();
            fail(Fail::new(format!("Command \"{w}\" is unknown, try \"{help}\".\n"), 255))
        }
    }
}

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
