//! A line's packet trace in plain words: one sentence per thing a packet
//! did, and a summary for the live region ("ping: 2 replies via veth-red →
//! veth-blue"). The page's "Packet path" panel shows it.

use lab_protocol::{TraceStep, TraceView};
#[cfg(feature = "complete")]
use sim_core::packet::Step6;
use sim_core::packet::{BridgeAction, DropReason, Trace, What};

/// What happened, in plain words.
fn sentence(w: &What) -> String {
    let s = match w {
        What::Sent { src, dst, what } => format!("sends {what} {src} → {dst}"),
        What::ArpWhoHas { target, tell } => format!("asks by ARP: who has {target}? (tell {tell})"),
        What::ArpIsAt { ip, mac, proxy } => {
            format!("answers ARP{}: {ip} is at {mac}", if *proxy { " for another host (proxy)" } else { "" })
        }
        What::ArpIgnored { target, why } => format!("does not answer ARP for {target}: {why}"),
        What::Neigh { ip, state } => format!("neighbour {ip} is now {state}"),
        What::Wire { to_ns, to_dev } => format!("the frame crosses the cable to {to_dev} in {to_ns}"),
        What::Fragmented { count, mtu, out } => {
            format!("splits the packet into {count} fragments to fit {out} (MTU {mtu})")
        }
        What::Routed { dst, via, out, ttl } => match via {
            Some(gw) => format!("routes {dst} via {gw} out of {out} (TTL now {ttl})"),
            None => format!("routes {dst} out of {out} (TTL now {ttl})"),
        },
        What::Delivered { src, dst, what } => format!("delivered: {what} {src} → {dst}"),
        What::IcmpError { to, what } => format!("sends back {what} to {to}"),
        What::Dropped { reason, what } => {
            return format!("✖ dropped: {} ({what})", reason.text());
        }
        What::Bridged { bridge, action } => match action {
            BridgeAction::Learned { mac, port } => format!("bridge {bridge} learns that {mac} is on {port}"),
            BridgeAction::Forwarded { port } => format!("bridge {bridge} forwards the frame to {port}"),
            BridgeAction::Flooded { ports } if ports.is_empty() => format!("bridge {bridge} has no port to flood to"),
            BridgeAction::Flooded { ports } => format!("bridge {bridge} floods the frame to {}", ports.join(", ")),
            BridgeAction::Local => format!("bridge {bridge} takes the frame itself"),
        },
        // "dropped by filter FORWARD rule 1: -s 10.1.0.2/32 -j DROP"
        What::Netfilter { .. } => format!("iptables: {w}"),
        What::Nat { chain, before: (s0, d0), after: (s1, d1) } => {
            format!("NAT ({chain}) rewrites {s0} → {d0} as {s1} → {d1}")
        }
        // IPv6 packets move in the complete lab only.
        #[cfg(not(feature = "complete"))]
        What::Ip6 { .. } | What::NdWhoHas { .. } | What::NdIsAt { .. } => String::new(),
        #[cfg(feature = "complete")]
        What::NdWhoHas { target, src, dst } => {
            format!("asks by neighbour discovery: who has {target}? (a solicitation from {src} to {dst})")
        }
        #[cfg(feature = "complete")]
        What::NdIsAt { target, mac, router } => {
            format!("answers by neighbour discovery: {target} is at {mac}{}", if *router { " (a router)" } else { "" })
        }
        #[cfg(feature = "complete")]
        What::Ip6 { step, src, dst, what } => match step {
            Step6::Sent => format!("sends {what} {src} → {dst}"),
            Step6::Delivered => format!("delivered: {what} {src} → {dst}"),
            Step6::Forwarded { hop_limit } => format!("routes {dst} onward (hop limit now {hop_limit})"),
            Step6::Error => format!("sends back {what} to {dst}"),
        },
    };
    s
}

/// The devices a delivered packet crossed, walking back from `d` along the cables.
fn path(t: &Trace, d: usize) -> Vec<&str> {
    let mut hops = Vec::new();
    let (mut ns, mut i) = (t.events[d].ns.as_str(), d);
    while let Some(j) = t.events[..i]
        .iter()
        .rposition(|e| matches!(&e.what, What::Wire { to_ns, .. } if to_ns == ns))
        .filter(|_| hops.len() < 16)
    {
        let e = &t.events[j];
        if let (What::Wire { to_dev, .. }, Some(dev)) = (&e.what, &e.dev) {
            hops.push(to_dev.as_str());
            hops.push(dev.as_str());
        }
        ns = e.ns.as_str();
        i = j;
        if t.events[..j].iter().any(|e| e.ns == ns && matches!(e.what, What::Sent { .. })) {
            break;
        }
    }
    hops.reverse();
    hops.dedup();
    hops
}

/// A TCP conversation in a few words, from the segments sent (their flags
/// as tcpdump writes them: `S`, `S.`, `P.`, `F.`, `R.`): "TCP: handshake
/// (SYN, SYN-ACK, ACK), 2 segments with data, closed (FIN)". Only the
/// complete lab has sockets, so only it links this.
#[cfg(feature = "complete")]
fn tcp_summary(t: &Trace) -> Option<String> {
    let flags: Vec<&str> = t
        .events
        .iter()
        .filter_map(|e| match &e.what {
            What::Sent { what, .. } if what.starts_with("TCP ") => {
                what.split_once('[').and_then(|(_, rest)| rest.split_once(']')).map(|(f, _)| f)
            }
            _ => None,
        })
        .collect();
    if flags.is_empty() {
        return None;
    }
    let count = |c: char| flags.iter().filter(|f| f.contains(c)).count();
    let plural = |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
    let mut parts = Vec::new();
    if flags.contains(&"S.") {
        parts.push("handshake (SYN, SYN-ACK, ACK)".to_string());
    } else if flags.contains(&"S") {
        parts.push(plural(count('S'), "SYN sent and no SYN-ACK", "SYNs sent and no SYN-ACK"));
    }
    if count('P') > 0 {
        parts.push(plural(count('P'), "segment with data", "segments with data"));
    }
    if count('F') > 0 {
        parts.push("closed (FIN)".into());
    }
    if count('R') > 0 {
        parts.push("reset (RST)".into());
    }
    Some(format!("TCP: {}", parts.join(", ")))
}

/// The summary for the live region, e.g. "ping: 2 replies via veth-red → veth-blue".
pub fn summary(line: &str, t: &Trace) -> String {
    #[cfg(feature = "complete")]
    if let Some(s) = tcp_summary(t).filter(|_| !line.contains("ping")) {
        return s;
    }
    let name = if line.contains("ping") { "ping" } else { "packets" };
    let is_reply = |w: &What| matches!(w, What::Delivered { what, .. } if what.contains("reply"));
    let replies = t.events.iter().filter(|e| is_reply(&e.what)).count();
    let drop = t.events.iter().enumerate().find_map(|(i, e)| match &e.what {
        // A firewall drop is named by the rule that decided (the event before it).
        What::Dropped { reason: DropReason::Firewall, .. } => match i.checked_sub(1).map(|j| &t.events[j].what) {
            Some(w @ What::Netfilter { .. }) => Some(format!("{w} in {}", e.ns)),
            _ => Some(format!("{} in {}", DropReason::Firewall.text(), e.ns)),
        },
        What::Dropped { reason, .. } => Some(format!("{} in {}", reason.text(), e.ns)),
        _ => None,
    });
    if replies == 0 {
        return match drop {
            Some(d) => format!("{name} failed: {d}"),
            None => format!("{name}: no reply"),
        };
    }
    let mut s = format!("{name}: {replies} repl{}", if replies == 1 { "y" } else { "ies" });
    let first = t.events.iter().position(|e| matches!(e.what, What::Delivered { .. })).unwrap_or(0);
    let p = path(t, first);
    if !p.is_empty() {
        s += " via ";
        s += &p.join(" → ");
    }
    if let Some(d) = drop {
        s += "; dropped: ";
        s += &d;
    }
    s
}

/// The trace as the "Packet path" panel shows it.
pub fn view(line: &str, t: &Trace) -> TraceView {
    let steps = t
        .events
        .iter()
        .map(|e| TraceStep {
            ns: e.ns.clone(),
            dev: e.dev.clone(),
            text: sentence(&e.what),
            drop: matches!(e.what, What::Dropped { .. }),
        })
        .collect();
    TraceView { summary: summary(line, t), steps }
}
#[cfg(test)]
mod tests {
    use super::*;
    use sim_core::Lab;

    /// A lab with red's veth-red joined to blue's veth-blue, then `more`.
    fn paired(more: &[&str]) -> Lab {
        let mut lab = Lab::new();
        for l in [
            "ip netns add red",
            "ip netns add blue",
            "ip link add veth-red type veth peer name veth-blue",
            "ip link set veth-red netns red",
            "ip link set veth-blue netns blue",
        ]
        .iter()
        .chain(more)
        {
            lab.run(l);
        }
        lab
    }

    #[test]
    fn explains_a_ping_and_a_failed_one() {
        let mut lab = paired(&[
            "ip -n red addr add 10.0.0.1/24 dev veth-red",
            "ip -n blue addr add 10.0.0.2/24 dev veth-blue",
            "ip -n red link set veth-red up",
            "ip -n blue link set veth-blue up",
            "ip -n red link set lo up",
            "ip -n blue link set lo up",
        ]);
        let ping = "ip netns exec red ping -c 2 10.0.0.2";
        lab.run(ping);
        assert_eq!(summary(ping, lab.last_trace()), "ping: 2 replies via veth-red → veth-blue");
        let v = view(ping, lab.last_trace());
        assert!(v.steps.iter().any(|s| s.text.contains("delivered: ICMP echo request")), "{v:?}");
        assert_eq!(v.steps.len(), lab.last_trace().events.len());
        let ping = "ip netns exec red ping -c 1 10.0.0.9";
        lab.run(ping);
        assert_eq!(summary(ping, lab.last_trace()), "ping failed: ARP got no answer (neighbour FAILED) in red");
        assert!(view(ping, lab.last_trace())
            .steps
            .iter()
            .any(|s| s.drop && s.text.contains("dropped: ARP got no answer (neighbour FAILED)")));
        let ping = "ip netns exec red ping -c 1 10.9.0.9";
        lab.run(ping);
        assert_eq!(summary(ping, lab.last_trace()), "ping failed: no route to the destination in red");
    }

    /// Neighbour discovery in ARP's words, and none of the kernel's own
    /// traffic (reports, solicitations) in a command's trace.
    #[cfg(feature = "complete")]
    #[test]
    fn words_neighbour_discovery_as_arp() {
        let mut lab = paired(&[
            "ip -n red -6 addr add 2001:db8::1/64 dev veth-red nodad",
            "ip -n blue -6 addr add 2001:db8::2/64 dev veth-blue nodad",
            "ip -n red link set veth-red up",
            "ip -n blue link set veth-blue up",
            "sleep 3",
        ]);
        let ping = "ip netns exec red ping -6 -c 1 2001:db8::2";
        lab.run(ping);
        let v = view(ping, lab.last_trace());
        let said = |w: &str| v.steps.iter().any(|s| s.text.contains(w));
        assert!(
            said(
                "asks by neighbour discovery: who has 2001:db8::2? (a solicitation from 2001:db8::1 to ff02::1:ff00:2)"
            ),
            "{v:?}"
        );
        assert!(said("answers by neighbour discovery: 2001:db8::2 is at "), "{v:?}");
        assert!(!said("MLD") && !said("router solicitation"), "{v:?}");
    }

    /// A lab with red (10.0.0.1) and blue (10.0.0.2) on bridge br0, then `more`.
    fn bridged(more: &[&str]) -> Lab {
        let mut lab = Lab::new();
        for l in [
            "ip link add br0 type bridge",
            "ip link set br0 up",
            "ip netns add red",
            "ip netns add blue",
            "ip link add veth-red type veth peer name br-red",
            "ip link add veth-blue type veth peer name br-blue",
            "ip link set veth-red netns red",
            "ip link set veth-blue netns blue",
            "ip link set br-red master br0",
            "ip link set br-blue master br0",
            "ip link set br-red up",
            "ip link set br-blue up",
            "ip -n red addr add 10.0.0.1/24 dev veth-red",
            "ip -n blue addr add 10.0.0.2/24 dev veth-blue",
            "ip -n red link set veth-red up",
            "ip -n blue link set veth-blue up",
        ]
        .iter()
        .chain(more)
        {
            lab.run(l);
        }
        lab
    }

    #[test]
    fn follows_a_ping_through_a_bridge() {
        let mut lab = bridged(&["ip -n blue link set lo up"]);
        let ping = "ip netns exec red ping -c 1 10.0.0.2";
        lab.run(ping);
        assert_eq!(summary(ping, lab.last_trace()), "ping: 1 reply via veth-red → br-red → br-blue → veth-blue");
        assert!(view(ping, lab.last_trace())
            .steps
            .iter()
            .any(|s| s.text == "bridge br0 forwards the frame to br-blue"));
    }

    /// br_netfilter: the host's FORWARD chain sees bridged pings, and the
    /// summary names the rule that dropped one.
    #[test]
    fn names_the_iptables_rule_that_dropped_a_ping() {
        let mut lab = bridged(&["iptables -A FORWARD -s 10.0.0.1 -d 10.0.0.2 -j DROP"]);
        let ping = "ip netns exec red ping -c 1 -W 1 10.0.0.2";
        lab.run(ping);
        assert_eq!(
            summary(ping, lab.last_trace()),
            "ping failed: dropped by filter FORWARD rule 1: -s 10.0.0.1/32 -d 10.0.0.2/32 -j DROP in host"
        );
        assert!(view(ping, lab.last_trace())
            .steps
            .iter()
            .any(|s| s.text == "iptables: dropped by filter FORWARD rule 1: -s 10.0.0.1/32 -d 10.0.0.2/32 -j DROP"));
    }

    #[cfg(feature = "complete")]
    #[test]
    fn sums_up_a_tcp_conversation_by_its_flags() {
        let sent = |flags: &str| sim_core::packet::Event {
            at_us: 0,
            ns: "a".into(),
            dev: None,
            what: What::Sent {
                src: [10, 0, 0, 1].into(),
                dst: [10, 0, 0, 2].into(),
                what: format!("TCP 2000 > 80 [{flags}] win 64240 length 0"),
            },
        };
        let t = |flags: &[&str]| Trace { events: flags.iter().map(|f| sent(f)).collect() };
        let whole = t(&["S", "S.", ".", "P.", ".", "P.", "F.", "F.", "."]);
        assert_eq!(
            summary("nc b 80", &whole),
            "TCP: handshake (SYN, SYN-ACK, ACK), 2 segments with data, closed (FIN)"
        );
        assert_eq!(summary("nc b 80", &t(&["S", "R."])), "TCP: 1 SYN sent and no SYN-ACK, reset (RST)");
        assert_eq!(summary("nc -w 3 b 80", &t(&["S", "S", "S"])), "TCP: 3 SYNs sent and no SYN-ACK");
    }
}
