//! Pairing a page with this machine's kernel: `lab-agent serve` (the
//! WebSocket server that also serves the site, [`serve`]) and the session
//! each learner gets, a child process in a sandbox of its own
//! ([`session`]). The protocol is lab-protocol's, documented for other
//! clients in `lab-agent/PROTOCOL.md`.

pub mod facts;
pub mod serve;
pub mod session;
pub mod tls;
pub mod wire;
