//! `lab-agent serve --inspect-host`: a session that looks at the machine's
//! own namespaces (a Kubernetes node's pods, Docker's bridge) instead of a
//! sandbox, so it may only show.
//!
//! Two guards, each where it cannot be bypassed:
//! - `ip`, `bridge`, `sysctl` and `ifconfig` are sim-core's, over the
//!   `Netlink` seam: whatever their parsers make of a line, every change
//!   reaching the seam (`link_add`, `addr_flush`, `sysctl_write`, …) is
//!   refused there with `EPERM` and [`NOTE`] (`Rtnl::read_only`);
//! - the system's programs are judged by their argv before they start
//!   ([`refusal`]): listings pass, anything that could change the machine
//!   or send a packet from it does not.
//!
//! `kill` reaches the session's own jobs only (outside a sandbox there is
//! no other process of the lab).

/// Said after a change the seam refused.
pub const NOTE: &str = "lab-agent: this agent only looks at the machine (--inspect-host), so it changes nothing\n";

/// Why the system's program `argv` may not run on the machine, if it may not.
pub fn refusal(argv: &[String]) -> Option<String> {
    let ok = match argv.first()?.as_str() {
        "iptables" | "ip6tables" => iptables_lists(&argv[1..]),
        "iptables-save" | "ip6tables-save" | "ss" | "netstat" | "sleep" => true,
        "hostname" => argv[1..].iter().all(|a| matches!(a.as_str(), "-s" | "--short" | "-f" | "--fqdn" | "--long")),
        // ping, nc, curl, tcpdump, timeout, iptables-restore, …
        _ => false,
    };
    (!ok).then(|| {
        format!(
            "lab-agent: this agent only looks at the machine (--inspect-host): `{}` could change it or send from it, so it does not run\n",
            argv.join(" ")
        )
    })
}

/// `iptables` with options that list and nothing else.
fn iptables_lists(rest: &[String]) -> bool {
    let mut listed = false;
    let mut i = 0;
    while let Some(a) = rest.get(i) {
        match a.as_str() {
            "-L" | "--list" | "-S" | "--list-rules" => listed = true,
            "-t" | "--table" => i += 1,
            "-n" | "--numeric" | "-v" | "--verbose" | "-x" | "--exact" | "--line-numbers" => {}
            // A chain's name after -L/-S.
            c if listed && !c.starts_with('-') => {}
            // Bundled flags: -nvL.
            o if o.len() > 2 && o.starts_with('-') && !o.starts_with("--") => {
                if !o[1..].chars().all(|f| "nvxLS".contains(f)) {
                    return false;
                }
                listed |= o.contains(['L', 'S']);
            }
            _ => return false,
        }
        i += 1;
    }
    listed
}

#[cfg(test)]
mod tests {
    use super::refusal;

    fn passes(line: &str) -> bool {
        let argv: Vec<String> = line.split_whitespace().map(str::to_string).collect();
        refusal(&argv).is_none()
    }

    #[test]
    fn listings_pass_and_the_rest_is_refused() {
        for line in [
            "iptables -t nat -L -n -v",
            "iptables -nvL FORWARD",
            "iptables -S",
            "iptables-save",
            "ss -tlnp",
            "hostname",
        ] {
            assert!(passes(line), "{line} should pass");
        }
        for line in [
            "iptables -F",
            "iptables -t nat -A POSTROUTING -j MASQUERADE",
            "iptables -P FORWARD DROP",
            "iptables -L -Z",
            "iptables-restore",
            "ping 10.0.0.1",
            "nc -l 80",
            "curl http://example.com",
            "tcpdump -i any",
            "timeout 1 sleep 2",
            "hostname evil",
        ] {
            assert!(!passes(line), "{line} should be refused");
        }
    }
}
