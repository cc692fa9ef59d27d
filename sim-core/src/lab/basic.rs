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
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Feature {
    Jobs,
    Sockets,
    Presets,
    /// iptables' command line: linked in (`text-tools`) or run in the
    /// site's other module with the tables as bytes (`tools-elsewhere`).
    /// The first load's lab has neither (6 KB of gzip: the bytes' glue);
    /// its packet path still walks the (empty) tables, as the complete
    /// lab's does.
    Iptables,
}

impl Feature {
    fn built(self) -> bool {
        match self {
            Feature::Jobs => cfg!(feature = "jobs"),
            Feature::Sockets => cfg!(feature = "sockets"),
            Feature::Presets => cfg!(feature = "presets"),
            Feature::Iptables => cfg!(any(feature = "text-tools", feature = "tools-elsewhere")),
        }
    }
}

/// Whether this is the complete lab (it lacks nothing).
pub fn is_complete() -> bool {
    Feature::Jobs.built() && Feature::Sockets.built() && Feature::Presets.built() && Feature::Iptables.built()
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
    let is_word = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/');
    line.split(|c: char| !is_word(c))
        .filter(|w| lacks_program(w))
        .map(|w| w.rsplit('/').next().unwrap_or(w))
        .find_map(|w| COMPLETE_ONLY.iter().find(|(n, _)| *n == w).map(|(n, _)| *n))
}

#[cfg(test)]
mod tests {
    use super::lacks;

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
            ("ping -c 1 10.0.0.2 & wait", Some("&")),
            ("ip netns exec b /usr/bin/nc -l 8080", Some("nc")),
            ("bash -c 'ss -tln'", Some("ss")),
            ("ip netns exec a curl -s http://10.0.0.2/", Some("curl")),
            ("echo sleeping", None),
        ];
        for (line, want) in cases {
            assert_eq!(lacks(line), want, "{line}");
        }
    }
}
