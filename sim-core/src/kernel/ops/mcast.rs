//! Joining and leaving multicast groups (see `on.rs`): with feature
//! `mcast` (the complete lab) as the kernel does; without it (the basic
//! lab, which shows no membership) every hook is a no-op (`off.rs`).

#[cfg(not(feature = "mcast"))]
mod off;
#[cfg(feature = "mcast")]
mod on;
