//! The names the packet path imported before `kernel::netfilter` existed;
//! kept so the tree builds until the packet path moves over.

pub use super::netfilter::{Conn, Hook as Chain, NatDecision as Target};
