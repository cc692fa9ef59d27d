//! lab-agent: nslab's command scripts on the simulator or on a real Linux
//! kernel, and the difference between the two.
//!
//! - [`kernel`]: sim-core's `Netlink` seam over rtnetlink (`KernelNetlink`).
//! - [`host`]: [`host::KernelLab`], the real-kernel twin of `sim_core::Lab`.
//! - [`sandbox`]: the private network + mount namespaces a kernel run lives in.
//! - [`replay`]: transcripts of either engine, and their diff.
//! - [`lesson_check`]: `lab-agent lesson check`, a lesson file validated,
//!   played on the simulator step by step, and on the kernel.
//! - [`pair`]: `lab-agent serve`, pairing pages with this kernel, a
//!   sandboxed session per learner.
//! - [`presets`]: the lab presets' real-host scripts, for sessions and
//!   lessons that start from a preset.

pub mod host;
pub mod kernel;
pub mod lesson_check;
pub mod pair;
pub mod presets;
pub mod replay;
pub mod sandbox;

// The simulator lab-agent replays, diffs and pairs with is the complete
// lab: Cargo unifies sim-core's features only within one build, so a
// `cargo build -p lab-agent` on its own must ask for every one of them.
const _: () = assert!(
    sim_core::lab::basic::is_complete(),
    "lab-agent needs sim-core's complete lab: add the missing features in lab-agent/Cargo.toml"
);
