//! `tcpdump` 4.99.3 (libpcap 1.10.3): its command line ([`opts`]), its
//! texts ([`msg`]), what it checks before capturing ([`device`]) and its
//! filter language ([`filter`]).

pub mod device;
pub mod dlt;
pub mod filter;
pub mod msg;
pub mod opts;
#[cfg(test)]
mod tests;

pub use device::{all_devices, check, Capture, Connection, DeviceInfo, Listed, SaveFiles};
pub use msg::{Ending, Fail};
pub use opts::{parse, Direction, Dump, Opts};
