//! iproute2's `ip` and `bridge`: parse argv into typed commands, run them
//! over [`crate::netlink::Netlink`], print what iproute2 prints.

pub mod print;
