//! Why ping's fields read as they do: from the line's packet trace.

use super::{Here, Said};
use crate::explain::notes::Facts;
use crate::packet::trace::{Event, Step6, What};
use std::net::IpAddr;

/// The echo requests' source (the replies' destination).
fn source(facts: &Facts<'_>) -> Option<IpAddr> {
    facts.trace.events.iter().find_map(|e| match &e.what {
        What::Sent { src, what, .. } if what.starts_with("ICMP echo request") => Some((*src).into()),
        What::Ip6 { step: Step6::Sent, src, what, .. } if what.starts_with("ICMPv6 echo request") => {
            Some((*src).into())
        }
        _ => None,
    })
}

/// Where a packet to `to` was routed on, if this event is that.
fn routed_to(w: &What, to: IpAddr) -> bool {
    match w {
        What::Routed { dst, .. } => IpAddr::V4(*dst) == to,
        What::Ip6 { step: Step6::Forwarded { .. }, dst, .. } => IpAddr::V6(*dst) == to,
        _ => false,
    }
}

/// The first drop of the line, where it happened, and why.
fn first_drop<'a>(facts: &'a Facts<'_>) -> Option<&'a Event> {
    facts.trace.events.iter().find(|e| matches!(e.what, What::Dropped { .. }))
}

fn drop_text(e: &Event) -> String {
    let What::Dropped { reason, what } = &e.what else { return String::new() };
    let at = match &e.dev {
        Some(d) => format!("{} {d}", e.ns),
        None => e.ns.clone(),
    };
    format!("{what} was dropped in {at}: {}", reason.text())
}

fn named(e: &Event) -> Vec<crate::explain::Named> {
    let ns = (e.ns != "host").then(|| e.ns.clone());
    vec![crate::explain::Named { ns, dev: e.dev.clone() }]
}

pub fn why(at: &Here<'_>, facts: &Facts<'_>, key: &str, value: &str) -> Option<Said> {
    match key {
        "loss" | "received" | "errors" => {
            if key == "loss" && value.starts_with("0%") {
                return Some(Said::new("every probe was answered".into()));
            }
            match first_drop(facts) {
                Some(e) => Some(Said { text: drop_text(e), names: named(e) }),
                None if facts.trace.events.is_empty() => None,
                None => Some(Said::new("no packet was dropped on the way: every reply came back".into())),
            }
        }
        "error" => first_drop(facts).map(|e| Said { text: drop_text(e), names: named(e) }),
        "ttl" => {
            let ttl: u32 = value.strip_prefix("ttl=")?.parse().ok()?;
            let src = source(facts)?;
            let mut routers: Vec<&str> = Vec::new();
            for e in &facts.trace.events {
                if routed_to(&e.what, src) && !routers.contains(&e.ns.as_str()) {
                    routers.push(&e.ns);
                }
            }
            let text = match routers.len() {
                0 => format!("the replier is on this link: no router on the way back, so the TTL is still the {ttl} it was sent with"),
                1 => format!("one router on the way back ({}) took one off the {} it was sent with", routers[0], ttl + 1),
                n => format!("{n} routers on the way back ({}) took one off each from the {} it was sent with", routers.join(", "), ttl + n as u32),
            };
            let names = routers
                .iter()
                .map(|r| crate::explain::Named { ns: (*r != "host").then(|| r.to_string()), dev: None })
                .collect();
            Some(Said { text, names })
        }
        "from" | "addr" => {
            // An IPv6 sender may carry its scope (`fe80::1%veth1`).
            let text = value.trim_start_matches("from ").trim_matches(|c| c == '(' || c == ')' || c == ':');
            let ip: IpAddr = text.split('%').next()?.parse().ok()?;
            let (ns, name) = at.owner(ip)?;
            let place = match at.label(ns) {
                None => "the host".to_string(),
                Some(n) => format!("namespace {n}"),
            };
            Some(Said::new(format!("{ip} is {name}'s address, in {place}")).naming(&at.label(ns), &name))
        }
        _ => None,
    }
}
