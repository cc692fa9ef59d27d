//! A session is the list of command lines the learner ran. The engine is
//! deterministic, so replaying the list rebuilds the lab: that gives reload,
//! undo, permalinks, and export to a script for a real host.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// Permalinks look like `#/sandbox/s=v1.<base64url of the lines joined by \n>`.
/// Not serde: a line never holds a newline, and JSON's quotes and commas
/// would make every link longer for no information.
const PREFIX: &str = "v1.";

/// The fragment payload that restores `log`.
pub fn encode_permalink(log: &[String]) -> String {
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(log.join("\n")))
}

/// Why a permalink could not be opened.
#[derive(Debug, PartialEq, Eq)]
pub struct BadLink(pub &'static str);

pub fn decode_permalink(s: &str) -> Result<Vec<String>, BadLink> {
    let body = s.strip_prefix(PREFIX).ok_or(BadLink("it is not an nslab session link (unknown version)"))?;
    let bytes = URL_SAFE_NO_PAD.decode(body).map_err(|_| BadLink("its session data is cut or damaged"))?;
    let text = String::from_utf8(bytes).map_err(|_| BadLink("its session data is not text"))?;
    if text.is_empty() {
        return Ok(Vec::new());
    }
    Ok(text.split('\n').map(String::from).collect())
}

/// Is this line run by the terminal itself rather than the engine?
pub fn is_terminal_builtin(line: &str) -> bool {
    line.trim() == "clear"
}

const SUDO_GUARD: &str = "[ \"$(id -u)\" -eq 0 ] || exec sudo sh \"$0\" \"$@\"";

/// A POSIX shell script that does on a real host what the session did here.
///
/// `statuses[i]` is the exit status the simulated host gave `log[i]`. The
/// script uses `set -e` so it stops where the real host disagrees with the
/// simulation; commands that failed here too are kept (the learner saw
/// their errors) but marked `|| true` so they do not stop it.
pub fn export_script(log: &[String], statuses: &[i32]) -> String {
    let mut s = String::from(
        "#!/bin/sh\n\
         # A session exported from nslab. It changes this machine's network\n\
         # configuration (namespaces, links, addresses, routes): run it on a\n\
         # disposable VM or container host, as root.\n\
         # It stops at the first command that fails where the simulation did not.\n",
    );
    s += SUDO_GUARD;
    s += "\nset -e\n\n";
    for (i, entry) in log.iter().enumerate() {
        // A script is one terminal: a Ctrl-C has no place in it.
        let lab_protocol::Entry::Line { line, .. } = lab_protocol::Entry::decode(entry) else { continue };
        let line = line.trim();
        if line.is_empty() || is_terminal_builtin(line) {
            continue;
        }
        // The script already runs as root: `sudo` would only add a dependency.
        let cmd = line.strip_prefix("sudo ").map(str::trim_start).unwrap_or(line);
        match statuses.get(i).copied().unwrap_or(0) {
            0 => s += &format!("{cmd}\n"),
            st => s += &format!("{cmd} || true  # exit {st} in nslab too\n"),
        }
    }
    s
}

/// The command lines of a pasted script or terminal transcript: comments,
/// `set -e`, our sudo guard and `|| true` marks are dropped; prompts such as
/// `$ ` or `root@host:~# ` are stripped.
pub fn import_script(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text.lines() {
        let mut line = raw.trim();
        if let Some(rest) = line.strip_prefix("root@host:~#") {
            line = rest.trim();
        } else if let Some(rest) = line.strip_prefix("$ ") {
            line = rest.trim();
        }
        if line.is_empty() || line.starts_with('#') || line == "set -e" || line == SUDO_GUARD {
            continue;
        }
        if let Some(i) = line.find(" || true  # exit ") {
            line = &line[..i];
        }
        out.push(line.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn links_made_by_earlier_versions_still_open() {
        // The form every version has made: base64url without padding.
        assert_eq!(
            decode_permalink("v1.aXAgbmV0bnMgYWRkIGEKaXAgLWJyIGxpbms").unwrap(),
            log(&["ip netns add a", "ip -br link"])
        );
    }

    #[test]
    fn permalinks_round_trip() {
        let l = log(&["ip netns add orange", "ip -c link | grep 'state UP'", "ping -c 1 10.0.0.1 # ünïcode"]);
        let link = encode_permalink(&l);
        assert!(link.starts_with("v1."));
        assert!(link.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c)), "{link}");
        assert_eq!(decode_permalink(&link).unwrap(), l);
        assert_eq!(decode_permalink(&encode_permalink(&[])).unwrap(), Vec::<String>::new());
    }

    #[test]
    fn malformed_permalinks_are_refused() {
        assert!(decode_permalink("v2.AAAA").is_err());
        assert!(decode_permalink("v1.@@@").is_err());
        assert!(decode_permalink("v1.A").is_err(), "a lone 6-bit tail");
        assert!(decode_permalink("v1._w").is_err(), "not UTF-8");
        assert!(decode_permalink("garbage").is_err());
    }

    #[test]
    fn export_is_a_script_for_a_real_host() {
        let s =
            export_script(&log(&["sudo ip netns add orange", "clear", "ip lnk show", "ip netns list"]), &[0, 0, 1, 0]);
        assert!(s.starts_with("#!/bin/sh\n"));
        assert!(s.contains("\nset -e\n"));
        assert!(s.contains("\nip netns add orange\n"), "sudo dropped: the script runs as root");
        assert!(s.contains("\nip lnk show || true  # exit 1 in nslab too\n"));
        assert!(!s.contains("clear"));
    }

    #[test]
    fn import_reads_back_an_export_and_transcripts() {
        let l = log(&["ip netns add orange", "ip lnk show", "ip netns list"]);
        assert_eq!(import_script(&export_script(&l, &[0, 1, 0])), l);
        let pasted = "$ ip link show lo\nroot@host:~# ip netns add a\n\n# comment\n";
        assert_eq!(import_script(pasted), log(&["ip link show lo", "ip netns add a"]));
    }
}
