//! sysctl's `NAME = VALUE` lines (procps-ng 4.0.2), read back into fields:
//! a setting's key is its name with the device part as `*`
//! (`net.ipv4.conf.*.proxy_arp`), so one meaning serves every device.

use super::record::{Kind, Printed};
use super::tagger::Tagger;

/// The settings' names with any device (or `all`, `default`) as `*`.
pub fn generic(name: &str) -> String {
    let parts: Vec<&str> = name.split('.').collect();
    match parts.as_slice() {
        ["net", fam, "conf" | "neigh", _dev, rest @ ..] => format!("net.{fam}.{}.*.{}", parts[2], rest.join(".")),
        _ => name.to_string(),
    }
}

/// The fields of what `sysctl` printed.
pub fn tag(text: &str) -> Printed {
    let mut t = Tagger::new(text);
    for (at, line) in t.lines() {
        let Some((name, value)) = line.split_once(" = ") else { continue };
        t.record(Kind::Sysctl);
        let key = generic(name);
        t.span(at, at + name.len(), &key);
        t.span(at + name.len() + 3, at + line.len(), &key);
        let _ = value;
    }
    t.done()
}
