//! What one session of `lab-agent serve` may make on a machine someone
//! cares about. A replay or a prompt has no limits ([`Limits::NONE`]).
//!
//! Each limit is checked where the thing is made (the seam's `netns_add`
//! and `link_add`, the host's `iptables` and background jobs), so no
//! command line gets past it, however it loops. The operation is refused
//! with the error Linux would give for a resource it ran out of
//! (`EAGAIN`), and the session's note says which limit, in one sentence,
//! after the program's own output (see [`super::Rtnl::take_refusal`]).

/// How many of each thing a session may have at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Named network namespaces.
    pub namespaces: usize,
    /// Network devices, all namespaces together (the sandbox's `lo` counts).
    pub links: usize,
    /// iptables and ip6tables rules of one namespace, all tables together.
    pub rules: usize,
    /// Background jobs running at once.
    pub jobs: usize,
}

impl Limits {
    /// No limit but the machine's (64 jobs alive at once: past them the
    /// lab's bash fails to fork, with EAGAIN, as a crowded machine's does).
    pub const NONE: Limits = Limits { namespaces: usize::MAX, links: usize::MAX, rules: usize::MAX, jobs: 64 };
    /// A learner's session on a paired VM: far above any lesson (the
    /// largest seeds make 6 namespaces, 14 devices and 30 rules).
    pub const PAIRED: Limits = Limits { namespaces: 32, links: 128, rules: 256, jobs: 16 };

    pub fn namespaces_note(&self) -> String {
        format!(
            "lab-agent: this session has {} network namespaces, the most a paired session may have\n",
            self.namespaces
        )
    }

    pub fn links_note(&self) -> String {
        format!("lab-agent: this session has {} network devices, the most a paired session may have\n", self.links)
    }

    pub fn rules_note(&self) -> String {
        format!(
            "lab-agent: this namespace has {} iptables rules, the most a paired session may have in one\n",
            self.rules
        )
    }

    pub fn jobs_note(&self) -> String {
        format!(
            "lab-agent: this session runs {} background jobs, the most a paired session may run at once\n",
            self.jobs
        )
    }
}
