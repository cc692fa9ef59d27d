//! Labs that start where the seeds start: a cloud host whose `eth0`
//! reaches a small simulated internet, a Docker host with a running
//! container, a kind worker node with its pods (`content/README.md`,
//! "Lab presets", says what each holds).
//!
//! The names are known to every build (the page offers them, lessons name
//! them in their front matter); the lab a name builds exists only with the
//! `presets` feature, which the site's complete lab has: a session that
//! starts from a preset runs there.

/// The presets, in the order the sandbox offers them.
pub const NAMES: &[&str] = &["cloud-host", "docker-host", "kind-node"];

/// Whether `name` is a preset.
pub fn exists(name: &str) -> bool {
    NAMES.contains(&name)
}

#[cfg(feature = "presets")]
impl super::Lab {
    /// A lab built as preset `name` builds it, or `None` for a name that is
    /// not a preset.
    pub fn with_preset(name: &str) -> Option<super::Lab> {
        if !exists(name) {
            return None;
        }
        // Built in the following commits; until then the preset is an empty host.
        Some(super::Lab::new())
    }
}
