//! `tcpdump` 4.99.3 (libpcap 1.10.3): its command line ([`opts`]), its
//! texts ([`msg`]), what it checks before capturing ([`device`]), its
//! filter language ([`filter`]), its capture loop ([`capture`]), its
//! packet printer ([`print`], over frames as [`bytes`] serializes them)
//! and the program that puts them together.

pub mod bytes;
pub mod capture;
pub mod device;
pub mod dlt;
pub mod filter;
pub mod msg;
pub mod opts;
pub mod print;
mod program;
#[cfg(test)]
mod tests;

pub use device::{all_devices, check, Capture, Connection, DeviceInfo, Listed, SaveFiles};
pub use msg::{Ending, Fail};
pub use opts::{parse, Direction, Dump, Opts};
pub use program::run_waiting;

/// tcpdump's time of day for virtual µs (`HH:MM:SS.uuuuuu`, UTC), counted
/// from the lab's epoch as iptables-save dates its files.
pub fn clock_text(at_us: u64) -> String {
    let secs = crate::tools::iptables::EPOCH_BASE + at_us / 1_000_000;
    let day = secs % 86_400;
    format!("{:02}:{:02}:{:02}.{:06}", day / 3600, day / 60 % 60, day % 60, at_us % 1_000_000)
}
