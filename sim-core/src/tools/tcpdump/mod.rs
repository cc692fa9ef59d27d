//! `tcpdump` 4.99 (libpcap 1.10.3): its filter language, its capture loop.

pub mod capture;
pub mod filter;

/// tcpdump's time of day for virtual µs (`HH:MM:SS.uuuuuu`, UTC), counted
/// from the lab's epoch as iptables-save dates its files.
pub fn clock_text(at_us: u64) -> String {
    let secs = crate::tools::iptables::EPOCH_BASE + at_us / 1_000_000;
    let day = secs % 86_400;
    format!("{:02}:{:02}:{:02}.{:06}", day / 3600, day / 60 % 60, day % 60, at_us % 1_000_000)
}
mod program;
pub use program::run_waiting;
