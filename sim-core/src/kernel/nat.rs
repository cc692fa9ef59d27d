//! iptables' nat table of one namespace (filled in by the packet engine).

/// The nat table's rules, by chain.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NatTable {
    pub prerouting: Vec<String>,
    pub input: Vec<String>,
    pub output: Vec<String>,
    pub postrouting: Vec<String>,
}
