//! Userspace programs other than `ip`: each a function from argv to Output
//! over a [`crate::netlink::Netlink`] or the simulated kernel.

pub mod ifconfig;
pub mod iptables;
pub mod man;
pub mod ping;
pub mod sudo;
pub mod sysctl;
