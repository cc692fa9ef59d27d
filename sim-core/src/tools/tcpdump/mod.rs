//! `tcpdump` 4.99 (libpcap 1.10.3): so far only its filter language.

pub mod filter;
