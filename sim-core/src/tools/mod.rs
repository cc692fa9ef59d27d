//! Userspace programs other than `ip`: each a function from argv to Output
//! over the seam's traits (`Netlink`, `Sockets`, `Netfilter`), never the model.

/// How much virtual time one command may let pass before it ends as a
/// learner's Ctrl-C would end it: any ping (`ping -c 4294967296` would
/// otherwise simulate 136 years of probes), and the loops of a command line
/// (`while true; do sleep 1; done`), so that none keeps the page waiting.
pub const RUN_LIMIT_MS: u64 = 300_000;

#[cfg(feature = "sockets")]
pub mod curl;
#[cfg(feature = "presets")]
pub mod docker;
#[cfg(feature = "tools-elsewhere")]
pub mod elsewhere;
pub mod fixed;
pub mod hostname;
pub mod ifconfig;
pub mod iptables;
pub mod man;
#[cfg(feature = "sockets")]
pub mod nc;
pub mod netstat;
#[cfg(feature = "presets")]
pub mod nsenter;
pub mod ping;
#[cfg(feature = "jobs")]
pub mod sleep;
pub mod ss;
pub mod sudo;
pub mod sysctl;
#[cfg(feature = "sockets")]
pub mod tcpdump;
#[cfg(feature = "sockets")]
pub mod timed;

/// `--NAME` as getopt_long reads it from `table` (long names and the
/// short option each stands for): the exact name, or the one name it is
/// an abbreviation of; `None` for none or several (ss and netstat).
pub(crate) fn long_option(table: &[(&str, char)], name: &str) -> Option<char> {
    if let Some((_, c)) = table.iter().find(|(n, _)| *n == name) {
        return Some(*c);
    }
    let mut hits = table.iter().filter(|(n, _)| n.starts_with(name));
    match (hits.next(), hits.next()) {
        (Some((_, c)), None) => Some(*c),
        _ => None,
    }
}
