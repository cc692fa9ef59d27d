//! The check language lessons use to decide when a step is done.
//!
//! One check per line; a step is met when all its lines hold. The grammar is
//! documented for instructors in `content/README.md`:
//!
//! ```text
//! netns NAME exists            netns NAME is gone
//! link DEV [in NS] exists      link DEV [in NS] is gone
//! link DEV [in NS] is up       link DEV [in NS] is down
//! link DEV [in NS] is admin-up link DEV [in NS] has no carrier
//! link DEV [in NS] is a veth|bridge|loopback
//! link DEV [in NS] has 10.0.0.1/24
//! link DEV [in NS] is attached to BRIDGE
//! link DEV [in NS] is peered with DEV2 [in NS2]
//! route [in NS] has "TEXT"     neigh [in NS] has "TEXT"
//! ping NS -> ADDRESS succeeds  ping NS -> ADDRESS fails
//! ran "COMMAND"
//! output of "COMMAND" has "TEXT"
//! not CHECK
//! CHECK or CHECK …
//! ```
//!
//! `ran` compares command lines without `sudo` and extra spaces; a pattern
//! ending in ` *` matches any line that starts with the rest.
//!
//! `NS` is a namespace name, or `host` for the initial namespace.
//! The grammar is a nom parser (`grammar.rs`); this module holds the typed
//! checks and prints them back. `build.rs` validates lessons with it.

mod grammar;

use std::fmt;

/// Where a link lives: `None` is the host.
pub type Ns = Option<String>;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkState {
    /// operstate UP: administratively up and carrier present.
    Up,
    /// Not administratively up (no UP flag).
    Down,
    /// The UP flag is set, whatever the carrier.
    AdminUp,
    /// Administratively up but no carrier (LOWERLAYERDOWN / NO-CARRIER).
    NoCarrier,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Check {
    NetnsExists(String),
    NetnsGone(String),
    LinkExists {
        dev: String,
        ns: Ns,
    },
    LinkGone {
        dev: String,
        ns: Ns,
    },
    LinkState {
        dev: String,
        ns: Ns,
        state: LinkState,
    },
    LinkKind {
        dev: String,
        ns: Ns,
        kind: String,
    },
    LinkAddr {
        dev: String,
        ns: Ns,
        addr: String,
    },
    LinkMaster {
        dev: String,
        ns: Ns,
        master: String,
    },
    LinkPeer {
        dev: String,
        ns: Ns,
        peer: String,
        peer_ns: Ns,
    },
    Route {
        ns: Ns,
        text: String,
    },
    Neigh {
        ns: Ns,
        text: String,
    },
    Ping {
        from: Ns,
        to: String,
        succeeds: bool,
    },
    Ran(String),
    OutputHas {
        command: String,
        text: String,
    },
    Not(Box<Check>),
    /// `A or B or …`: holds when any alternative holds.
    Any(Vec<Check>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError(pub String);

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Parses one check line (alternatives joined by `or` included).
pub fn parse(line: &str) -> Result<Check, ParseError> {
    grammar::line(line).map_err(|what| {
        let what = what.unwrap_or("unknown check (netns, link, route, neigh, ping, ran, output, not)");
        ParseError(format!("{what}: `{}`", line.trim()))
    })
}

fn ns_name(ns: &Ns) -> &str {
    ns.as_deref().unwrap_or("host")
}

fn where_(ns: &Ns) -> String {
    match ns {
        None => String::new(),
        Some(n) => format!(" in {n}"),
    }
}

/// A word in double quotes as the grammar reads it back: `\` and `"`
/// escaped with a backslash.
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for c in self.0.chars() {
            if matches!(c, '\\' | '"') {
                f.write_str("\\")?;
            }
            write!(f, "{c}")?;
        }
        f.write_str("\"")
    }
}

/// Back to the source form (parsing it again gives the same check): the
/// lesson's file keeps checks in this form, and the learner is shown it.
impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Check::NetnsExists(n) => write!(f, "netns {n} exists"),
            Check::NetnsGone(n) => write!(f, "netns {n} is gone"),
            Check::LinkExists { dev, ns } => write!(f, "link {dev}{} exists", where_(ns)),
            Check::LinkGone { dev, ns } => write!(f, "link {dev}{} is gone", where_(ns)),
            Check::LinkState { dev, ns, state } => {
                let s = match state {
                    LinkState::Up => "is up",
                    LinkState::Down => "is down",
                    LinkState::AdminUp => "is admin-up",
                    LinkState::NoCarrier => "has no carrier",
                };
                write!(f, "link {dev}{} {s}", where_(ns))
            }
            Check::LinkKind { dev, ns, kind } => write!(f, "link {dev}{} is a {kind}", where_(ns)),
            Check::LinkAddr { dev, ns, addr } => write!(f, "link {dev}{} has {addr}", where_(ns)),
            Check::LinkMaster { dev, ns, master } => write!(f, "link {dev}{} is attached to {master}", where_(ns)),
            Check::LinkPeer { dev, ns, peer, peer_ns } => {
                write!(f, "link {dev}{} is peered with {peer}{}", where_(ns), where_(peer_ns))
            }
            Check::Route { ns, text } => write!(f, "route{} has {}", where_(ns), Quoted(text)),
            Check::Neigh { ns, text } => write!(f, "neigh{} has {}", where_(ns), Quoted(text)),
            Check::Ping { from, to, succeeds } => {
                write!(f, "ping {} -> {to} {}", ns_name(from), if *succeeds { "succeeds" } else { "fails" })
            }
            Check::Ran(c) => write!(f, "ran {}", Quoted(c)),
            Check::OutputHas { command, text } => write!(f, "output of {} has {}", Quoted(command), Quoted(text)),
            Check::Not(c) => write!(f, "not {c}"),
            Check::Any(alts) => {
                let parts: Vec<String> = alts.iter().map(|a| a.to_string()).collect();
                f.write_str(&parts.join(" or "))
            }
        }
    }
}

impl Check {
    /// How the lesson shows the check to a learner: the source text, except
    /// that `ran` checks (and alternatives of them) read as an instruction
    /// naming their first command. The second value says whether the check
    /// explains itself (no reason needs to be printed under it).
    pub fn label(&self) -> (String, bool) {
        match self {
            Check::Ran(c) => (format!("run {}", c.trim_end_matches(" *").trim_end_matches('*')), true),
            Check::Any(alts) if alts.iter().all(|a| matches!(a, Check::Ran(_))) => alts[0].label(),
            other => (other.to_string(), false),
        }
    }
}

/// Parses every non-empty, non-comment line of a `check` block.
pub fn parse_block(src: &str) -> Result<Vec<Check>, ParseError> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(parse).collect()
}

/// The command line a `ping` check runs, as the learner would type it.
pub fn ping_command(from: &Ns, to: &str) -> String {
    match from {
        None => format!("ping -c 1 -W 1 {to}"),
        Some(ns) => format!("ip netns exec {ns} ping -c 1 -W 1 {to}"),
    }
}

/// Does a command line the learner ran match a `ran` pattern?
pub fn ran_matches(pattern: &str, line: &str) -> bool {
    let line = normalise_command(line);
    match pattern.strip_suffix('*') {
        Some(prefix) => {
            let prefix = normalise_command(prefix);
            line == prefix || line.starts_with(&format!("{prefix} "))
        }
        None => line == normalise_command(pattern),
    }
}

/// A command line as compared by `ran`: no `sudo`, single spaces.
pub fn normalise_command(line: &str) -> String {
    let w: Vec<&str> = line.split_whitespace().collect();
    let w = match w.first() {
        Some(&"sudo") => &w[1..],
        _ => &w[..],
    };
    w.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(src: &str) {
        let c = parse(src).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.to_string(), src);
    }

    #[test]
    fn every_form_parses_and_prints_back() {
        for src in [
            "netns orange exists",
            "netns orange is gone",
            "link tap1 exists",
            "link tap1 in orange exists",
            "link tap1 is gone",
            "link tap1 in orange is up",
            "link tap1 in orange is down",
            "link tap1 in orange is admin-up",
            "link tap1 in orange has no carrier",
            "link br0 is a bridge",
            "link tap1 in orange has 192.168.1.2/24",
            "link veth0 is attached to br0",
            "link tap1 in orange is peered with tap2 in green",
            "link tap1 is peered with tap2",
            "route in orange has \"default via 10.0.0.1\"",
            "neigh in orange has \"192.168.1.3\"",
            "ping orange -> 192.168.1.3 succeeds",
            "ping host -> 10.0.0.2 fails",
            "ran \"ip link show lo\"",
            "output of \"ip netns list\" has \"orange\"",
            "not netns orange exists",
            "ran \"ip link show lo\" or ran \"ip link\"",
            "ran \"ip netns exec orange ip *\"",
            // Backslashes and quotes stay escaped: the file keeps this form.
            r#"ran "printf 'a\\r\\n' | nc -l 80""#,
            r#"output of "echo \"hi\"" has "\"hi\"""#,
        ] {
            roundtrip(src);
        }
    }

    #[test]
    fn host_is_the_initial_namespace() {
        assert_eq!(
            parse("link lo in host is up").unwrap(),
            Check::LinkState { dev: "lo".into(), ns: None, state: LinkState::Up }
        );
        assert_eq!(
            parse("ping host -> 1.2.3.4 succeeds").unwrap(),
            Check::Ping { from: None, to: "1.2.3.4".into(), succeeds: true }
        );
    }

    #[test]
    fn mistakes_are_explained() {
        for (src, want) in [
            ("", "empty"),
            ("netns", "expected `netns NAME exists`"),
            ("link tap1 is sideways", "unknown link check"),
            ("link tap1 has 192.168.1.2", "prefix length"),
            ("ping orange 1.2.3.4", "ping NS -> ADDRESS"),
            ("ran \"ip link", "unclosed quote"),
            ("frobnicate", "unknown check"),
            ("link tap1 in", "namespace name"),
        ] {
            let e = parse(src).unwrap_err();
            assert!(e.0.contains(want), "{src:?} gave {e}");
        }
    }

    #[test]
    fn each_form_explains_its_own_trailing_words() {
        for (src, want) in [
            ("netns orange exists now", "expected `netns NAME exists`"),
            ("link tap1 is up please", "unknown link check"),
            ("link tap1 is peered with tap2 in green twice", "is peered with DEV2"),
            ("ping a -> 10.0.0.1 succeeds x", "ping NS -> ADDRESS"),
            ("ran \"ip a\" \"ip b\"", "expected `ran"),
            ("output of \"ip a\" has", "output of"),
            ("route in", "namespace name"),
            ("netns a exists or", "unknown check"),
        ] {
            let e = parse(src).unwrap_err();
            assert!(e.0.contains(want), "{src:?} gave {e}");
        }
    }

    #[test]
    fn quotes_escapes_and_negated_alternatives() {
        assert_eq!(parse(r#"ran "echo \"hi\"""#).unwrap(), Check::Ran("echo \"hi\"".into()));
        assert_eq!(parse(r#"route has """#).unwrap(), Check::Route { ns: None, text: String::new() });
        assert_eq!(
            parse("not netns a exists or netns b exists").unwrap(),
            Check::Any(vec![Check::Not(Box::new(Check::NetnsExists("a".into()))), Check::NetnsExists("b".into())])
        );
        assert_eq!(parse("  link\tlo   is  up ").unwrap().to_string(), "link lo is up");
    }

    #[test]
    fn no_input_makes_the_parser_panic() {
        let pieces = [
            "link", "netns", "ping", "ran", "output", "of", "has", "in", "is", "not", "or", "\"", "\\", "->", " ", "x",
            "é",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            let mut line = String::new();
            for _ in 0..(state % 9) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                line.push_str(pieces[(state % pieces.len() as u64) as usize]);
                line.push(' ');
            }
            let _ = parse(&line);
        }
    }

    #[test]
    fn blocks_skip_comments_and_blank_lines() {
        let checks = parse_block("# both ends\n\nlink tap1 in orange is up\n  link tap2 in green is up\n").unwrap();
        assert_eq!(checks.len(), 2);
    }

    #[test]
    fn ran_checks_read_as_instructions() {
        assert_eq!(
            parse("ran \"ip link show lo\" or ran \"ip link\"").unwrap().label(),
            ("run ip link show lo".into(), true)
        );
        assert_eq!(
            parse("ran \"ip netns exec orange ping *\"").unwrap().label(),
            ("run ip netns exec orange ping".into(), true)
        );
        assert_eq!(parse("netns a exists").unwrap().label(), ("netns a exists".into(), false));
    }

    #[test]
    fn commands_compare_without_sudo_and_extra_spaces() {
        assert_eq!(normalise_command("sudo  ip   netns list "), "ip netns list");
        assert!(ran_matches("ip link show lo", "sudo ip link  show lo"));
        assert!(!ran_matches("ip link show", "ip link show lo"), "exact unless it ends in *");
        assert!(ran_matches("ip netns exec orange ip *", "ip netns exec orange ip addr"));
        assert!(!ran_matches("ip netns exec orange ip *", "ip netns exec orange ipx"));
        assert!(matches!(parse("netns a exists or netns b exists").unwrap(), Check::Any(v) if v.len() == 2));
        assert!(matches!(parse("ran \"a or b\"").unwrap(), Check::Ran(c) if c == "a or b"));
        assert_eq!(ping_command(&Some("orange".into()), "10.0.0.1"), "ip netns exec orange ping -c 1 -W 1 10.0.0.1");
        assert_eq!(ping_command(&None, "10.0.0.1"), "ping -c 1 -W 1 10.0.0.1");
    }
}
