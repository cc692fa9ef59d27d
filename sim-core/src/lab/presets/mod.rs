//! Labs that start where the seeds start: a cloud host whose `eth0`
//! reaches a small simulated internet, a Docker host with a running
//! container, a kind worker node with its pods (`content/README.md`,
//! "Lab presets", says what each holds and what is modelled rather than
//! recorded).
//!
//! The names are known to every build (the page offers them, lessons name
//! them in their front matter); the lab a name builds exists only with the
//! `presets` feature, which the site's complete lab has: a session that
//! starts from a preset runs there.
//!
//! Each preset is built from the model's own objects: what a command can
//! make (devices, addresses, routes, namespaces, sysctls) is made by the
//! same `ip` lines its real-host script (`NAME.sh` beside this file) runs,
//! through the seam; the rest (a physical card and the network beyond it,
//! a container's process and mount namespace) by the kernel's own calls.

/// The presets, in the order the sandbox offers them.
pub const NAMES: &[&str] = &["cloud-host", "docker-host", "kind-node"];

/// Whether `name` is a preset.
pub fn exists(name: &str) -> bool {
    NAMES.contains(&name)
}

#[cfg(feature = "presets")]
mod build;
#[cfg(feature = "presets")]
mod programs;
#[cfg(feature = "presets")]
pub(crate) use programs::Entered;

/// A preset's container: a process whose namespaces `docker exec` enters.
#[cfg(feature = "presets")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Container {
    /// 64 hex digits.
    pub id: String,
    pub name: String,
    pub image: String,
    pub command: String,
    /// How long before the lab began it started (ms), for a preset's.
    pub started_before_ms: u64,
    /// When it started in the lab's virtual time (ms), for `docker run`'s.
    pub created_at_ms: u64,
    pub ports: String,
    /// Its first process (the container lives while it runs).
    pub pid: u32,
    pub ns: crate::kernel::NsId,
    pub mnt: crate::kernel::MntId,
    pub ip: String,
    /// Its UTS name: Docker's short id, or a kind node's own name.
    pub hostname: String,
    /// Its exit status and when (virtual ms) its first process ended.
    pub exited: Option<(i32, u64)>,
}

#[cfg(feature = "presets")]
impl super::Lab {
    /// A lab built as preset `name` builds it, or `None` for a name that is
    /// not a preset.
    pub fn with_preset(name: &str) -> Option<super::Lab> {
        let mut lab = super::Lab::new();
        let errors = build::preset(lab.core_mut(), name)?;
        debug_assert!(errors.is_empty(), "preset {name}: {errors:?}");
        Some(lab)
    }
}

/// What went wrong building preset `name` (nothing, for every preset:
/// the tests say so), or `None` for a name that is not one.
#[cfg(feature = "presets")]
pub fn build_errors(name: &str) -> Option<Vec<String>> {
    build::preset(super::Lab::new().core_mut(), name)
}
