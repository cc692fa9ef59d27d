//! sim-core: a simulated Linux network stack that prints what Linux prints.
//!
//! See ARCHITECTURE.md at the repository root for the layers and invariants.

pub mod explain;
pub mod lab;
pub mod procs;
pub mod rng;
pub mod sched;
pub mod snapshot;
pub mod sort;

pub use lab::Lab;
pub use sim_shell::output;
pub use sim_shell::{Chunk, Output, Stream};
pub use snapshot::Snapshot;
pub mod iproute;
pub mod kernel;
pub mod netlink;
pub mod packet;
pub mod tools;
pub mod transcript;
pub mod usage;
