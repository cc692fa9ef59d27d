//! What the basic lab lacks. The site's first load carries a lab built
//! without the `jobs`, `sockets` and `presets` features and without
//! iptables' command line (`text-tools` or `tools-elsewhere`); a line that uses what they
//! add runs in the complete lab instead (a second module the page fetches
//! then, and replays the session on). This module decides which lines
//! those are, before they run ([`lacks`]), and the lab's programs note
//! a missing program they are asked for while a line runs (a name made
//! by an expansion), so the host can tell either way.

/// Programs and builtins only the complete lab has, with the feature that
/// brings each.
const COMPLETE_ONLY: &[(&str, Feature)] = &[
    ("sleep", Feature::Jobs),
    ("timeout", Feature::Jobs),
    ("jobs", Feature::Jobs),
    ("wait", Feature::Jobs),
    ("kill", Feature::Jobs),
    ("fg", Feature::Jobs),
    ("bg", Feature::Jobs),
    ("disown", Feature::Jobs),
    ("nc", Feature::Sockets),
    ("netcat", Feature::Sockets),
    ("curl", Feature::Sockets),
    ("ss", Feature::Sockets),
    ("netstat", Feature::Sockets),
    ("tcpdump", Feature::Sockets),
    ("docker", Feature::Presets),
    ("nsenter", Feature::Presets),
    ("iptables", Feature::Iptables),
    ("iptables-save", Feature::Iptables),
    ("iptables-restore", Feature::Iptables),
    ("ifconfig", Feature::NetTools),
    ("bridge", Feature::BridgeTool),
    ("ping6", Feature::Ipv6),
    ("ip6tables", Feature::Iptables),
    ("ip6tables-save", Feature::Iptables),
    ("ip6tables-restore", Feature::Iptables),
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Feature {
    Jobs,
    Sockets,
    Presets,
    /// iptables' command line: linked in (`text-tools`) or run in the
    /// site's other module with the tables as bytes (`tools-elsewhere`).
    /// The first load's lab has neither (6 KB of gzip: the bytes' glue);
    /// with no table ever made, its packet path's hooks accept at once
    /// (`IPTABLES_BUILT`).
    Iptables,
    /// net-tools' `ifconfig` (4 KB of the first load's gzip).
    NetTools,
    /// iproute2's `bridge` (3 KB of the first load's gzip).
    BridgeTool,
    /// IPv6 asked for by the line (`ip -6 … add`, an IPv6 address): the
    /// kernel's own IPv6 is in both labs, the requests in the complete one.
    Ipv6,
    /// Multicast memberships (`ip maddr`; a device's own `bridge fdb`
    /// entries, which the bridge program shows), and the kernel's own
    /// traffic that reports them, which `ip -s` counters count.
    Mcast,
    /// JSON output (`ip -j`): the printers' JSON writer.
    Json,
}

/// Whether iptables' command line is built. Without it no table is ever
/// made, so the packet path's hooks have nothing to walk, match or track:
/// they accept at once and their code stays out of the first load
/// (`packet/netfilter.rs`).
pub(crate) const IPTABLES_BUILT: bool = cfg!(any(feature = "text-tools", feature = "tools-elsewhere"));

/// Whether devices keep counters (`LinkStats`). They count the kernel's own
/// traffic, which only feature `mcast` sends, and nothing the basic lab
/// runs prints them: it sends `ip -s` to the complete lab ([`lacks`]),
/// and has neither ifconfig nor JSON. So the first load counts nothing,
/// and its packet path and `ip`'s counter printer stay out of it.
pub(crate) const COUNTERS_BUILT: bool = cfg!(feature = "mcast");

impl Feature {
    const fn built(self) -> bool {
        match self {
            Feature::Jobs => cfg!(feature = "jobs"),
            Feature::Sockets => cfg!(feature = "sockets"),
            Feature::Presets => cfg!(feature = "presets"),
            Feature::Iptables => IPTABLES_BUILT,
            Feature::Ipv6 => cfg!(feature = "ipv6"),
            Feature::NetTools => cfg!(feature = "net-tools"),
            Feature::BridgeTool => cfg!(feature = "bridge-tool"),
            Feature::Mcast => cfg!(feature = "mcast"),
            Feature::Json => cfg!(feature = "json"),
        }
    }
}

/// Whether this is the complete lab (it lacks nothing). A `const fn`, so a
/// crate that must have the complete lab can assert it at compile time
/// (lab-agent does: Cargo features are unified only within one build).
pub const fn is_complete() -> bool {
    Feature::Jobs.built()
        && Feature::Sockets.built()
        && Feature::Presets.built()
        && Feature::Iptables.built()
        && Feature::Ipv6.built()
        && Feature::NetTools.built()
        && Feature::BridgeTool.built()
        && Feature::Mcast.built()
        && Feature::Json.built()
}

/// Whether this build lacks program or builtin `name` (a path's last part
/// counts: `/bin/sleep`).
pub(crate) fn lacks_program(name: &str) -> bool {
    let name = name.rsplit('/').next().unwrap_or(name);
    COMPLETE_ONLY.iter().any(|(n, f)| *n == name && !f.built())
}

/// What of `line` this build lacks, found in its text before it runs: a
/// background job (`&` on its own, not `&&`, `>&`, `&>` or `|&`), or a
/// word that names a program or builtin of the complete lab anywhere, in
/// quotes too (`bash -c 'sleep 1'`). A word that only looks like one
/// (`echo sleep`) sends the line to the complete lab as well, which runs
/// it the same way: the complete lab has everything the basic one has.
/// `None` in the complete build.
pub fn lacks(line: &str) -> Option<&'static str> {
    if is_complete() {
        return None;
    }
    let bytes = line.as_bytes();
    let background = bytes.iter().enumerate().any(|(i, &b)| {
        let before = i.checked_sub(1).map(|j| bytes[j]);
        let after = bytes.get(i + 1).copied();
        b == b'&' && !matches!(before, Some(b'&' | b'>' | b'<' | b'|')) && !matches!(after, Some(b'&' | b'>'))
    });
    if background && !Feature::Jobs.built() {
        return Some("&");
    }
    if !Feature::Ipv6.built() && asks_ipv6(line) {
        return Some("ipv6");
    }
    let is_word = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/');
    let words: Vec<&str> = line.split(|c: char| !is_word(c)).filter(|w| !w.is_empty()).collect();
    for w in &words {
        // `ip maddress`, as iproute2 matches its objects: `ma` and longer
        // prefixes (a lone `m` is no object of a line that needs it here).
        if !Feature::Mcast.built() && w.len() >= 2 && "maddress".starts_with(w) {
            return Some("maddr");
        }
        // `ip netns pids|identify`: which process is in which namespace;
        // `ip route show cache`: the route exceptions (learnt path MTUs).
        if !Feature::Jobs.built() {
            if let Some(n) = ["pids", "identify", "cache", "cached", "cloned"].into_iter().find(|n| n == w) {
                return Some(n);
            }
        }
        // `-j`, `-json`, `--js`…: ip's options match by prefix, `--` as `-`.
        let opt = w.trim_start_matches('-');
        let is_opt = w.len() > opt.len() && !opt.is_empty();
        if !Feature::Json.built() && is_opt && "json".starts_with(opt) {
            return Some("-j");
        }
    }
    if !COUNTERS_BUILT && asks_stats(&words) {
        return Some("-s");
    }
    words
        .iter()
        .enumerate()
        // `bridge` after `type` is a link type (`ip link add br0 type
        // bridge`), not the program.
        .filter(|(i, w)| !(**w == "bridge" && i.checked_sub(1).is_some_and(|j| words[j] == "type")))
        .map(|(_, w)| *w)
        .filter(|w| lacks_program(w))
        .map(|w| w.rsplit('/').next().unwrap_or(w))
        .find_map(|w| COMPLETE_ONLY.iter().find(|(n, _)| *n == w).map(|(n, _)| *n))
}

/// Whether an `ip` command of the line asks for counters (`-s`, `-stats`,
/// `-statistics` among the options before its object; the arguments of
/// `-n`, `-f` and `-b` skipped),
/// which count the kernel's own traffic (`packet/own.rs`, feature `mcast`).
fn asks_stats(words: &[&str]) -> bool {
    words.iter().enumerate().filter(|(_, w)| **w == "ip").any(|(i, _)| {
        let mut rest = words[i + 1..].iter();
        while let Some(w) = rest.next() {
            let Some(opt) = w.strip_prefix('-').map(|o| o.trim_start_matches('-')).filter(|o| !o.is_empty()) else {
                return false;
            };
            if "statistics".starts_with(opt) || "stats".starts_with(opt) {
                return true;
            }
            if ["netns", "family", "batch"].iter().any(|o| o.starts_with(opt)) {
                rest.next();
            }
        }
        false
    })
}

/// Whether a line asks for IPv6: a `-6` option, `inet6` (`-f inet6`),
/// `addrgenmode`, an IPv6 sysctl, or a word that is an IPv6 address (with a prefix
/// length, a `%dev` zone or brackets around it). A MAC's five colons are
/// no address.
fn asks_ipv6(line: &str) -> bool {
    use crate::iproute::grammar::value;
    line.split(|c: char| c.is_whitespace() || matches!(c, '\'' | '"' | ';' | '|' | '&' | '(' | ')')).any(|w| {
        if matches!(w, "-6" | "inet6" | "addrgenmode") {
            return true;
        }
        // IPv6's sysctls, `net.ipv6.…` or `/proc/sys/net/ipv6/…`
        // (forwarding makes a router, which the kernel's own router
        // solicitations then teach neighbours: `packet/own.rs`).
        if w.contains("ipv6") {
            return true;
        }
        // A URL's host: `http://[fd00::1]:8080/`.
        let w = w.rsplit("//").next().unwrap_or(w).trim_start_matches('[');
        let w = w.split(['/', '%', ']']).next().unwrap_or(w);
        w.contains(':') && value::whole(w, value::ipv6).is_some()
    })
}

#[cfg(test)]
mod tests {
    use super::{lacks, IPTABLES_BUILT};

    #[test]
    fn the_complete_build_lacks_nothing() {
        if cfg!(all(feature = "jobs", feature = "sockets")) {
            for line in ["sleep 1 &", "nc -l 80", "ip link; ss -tln", "echo a && echo b"] {
                assert_eq!(lacks(line), None, "{line}");
            }
        }
    }

    #[test]
    fn the_basic_build_names_what_a_line_needs() {
        if cfg!(any(feature = "jobs", feature = "sockets")) {
            return;
        }
        let cases = [
            ("ip link show", None),
            ("echo a && echo b || echo c", None),
            ("ping -c1 10.0.0.1 2>&1 >/dev/null |& cat", None),
            ("echo hi &>/dev/null", None),
            ("sleep 1", Some("sleep")),
            ("ip maddr show dev eth0", Some("maddr")),
            ("ip -6 ma", Some("ipv6")),
            ("ip m", None),
            ("ip -j link", Some("-j")),
            ("ip --json -p addr", Some("-j")),
            ("ip -br link", None),
            ("ip netns identify", Some("identify")),
            ("ip route show cache", Some("cache")),
            ("ping -c 1 10.0.0.2 & wait", Some("&")),
            ("ip netns exec b /usr/bin/nc -l 8080", Some("nc")),
            ("bash -c 'ss -tln'", Some("ss")),
            ("ip netns exec a curl -s http://10.0.0.2/", Some("curl")),
            ("echo sleeping", None),
            ("ip -6 route", Some("ipv6")),
            ("ip addr add 2001:db8::1/64 dev eth0", Some("ipv6")),
            ("ping -c1 fe80::1%eth0", Some("ipv6")),
            ("curl http://[fd00::1]:8080/", Some("ipv6")),
            ("ip link set eth0 address 02:00:00:00:00:01", None),
            ("ip link set eth0 addrgenmode none", Some("ipv6")),
            ("ip link add br0 type bridge", None),
            ("ip netns exec a ifconfig eth0", Some("ifconfig")),
            ("ip -s link show eth0", Some("-s")),
            ("ip -n b -4 -stats -stats addr", Some("-s")),
            ("ip netns exec a ping -s 100 10.0.0.2", None),
            ("ip -f inet -s addr", Some("-s")),
            ("ip link set eth0 up", None),
            ("sysctl -w net.ipv6.conf.all.forwarding=1", Some("ipv6")),
            ("cat /proc/sys/net/ipv6/conf/all/forwarding", Some("ipv6")),
        ];
        for (line, want) in cases {
            assert_eq!(lacks(line), want, "{line}");
        }
        // ip6tables is iptables' program: linked in with the text tools.
        let ip6 = |w| (!IPTABLES_BUILT).then_some(w);
        assert_eq!(lacks("ip netns exec a ip6tables -L -n"), ip6("ip6tables"));
        assert_eq!(lacks("ip6tables-save"), ip6("ip6tables-save"));
    }

    #[test]
    fn the_basic_build_notices_bridge_when_it_runs() {
        if cfg!(feature = "bridge-tool") {
            return;
        }
        let mut lab = crate::Lab::with_seed(0);
        lab.run("ip link add br0 type bridge");
        assert_eq!(lab.take_lacked(), None);
        lab.run("ip netns add a; bridge link");
        assert_eq!(lab.take_lacked().as_deref(), Some("bridge"));
    }
}
