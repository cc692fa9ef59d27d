//! `tcpdump` 4.99 (libpcap 1.10.3): its filter language and its packet
//! printer, both pure (no program, options or lab wiring yet).

pub mod bytes;
pub mod filter;
pub mod print;
