//! An address's flags and lifetimes as `print_addrinfo()` prints them
//! (`print_ifa_flags()` walks `ifa_flag_data[]` in its order).

use super::print::{Printer, To};
use crate::netlink::AddrMsg;

/// `secondary` (IPv4; IPv6's `temporary` is not modelled), `nodad`,
/// `dadfailed`, `deprecated`, `tentative`, `dynamic` (no IFA_F_PERMANENT),
/// `noprefixroute`, `stable-privacy`: each `NAME ` in text, `"NAME":true` in JSON.
pub fn addr_flags(p: &mut Printer, a: &AddrMsg) {
    let flags: [(&'static str, bool); 8] = [
        ("secondary", a.secondary),
        ("nodad", a.nodad),
        ("dadfailed", a.dadfailed),
        ("deprecated", a.deprecated),
        ("tentative", a.tentative),
        ("dynamic", !a.permanent),
        ("noprefixroute", a.noprefixroute),
        ("stable-privacy", a.stable_privacy),
    ];
    for (name, on) in flags {
        if on {
            p.boolean(To::Any, name, &format!("{name} "), true);
        }
    }
}

/// The second line: `valid_lft forever preferred_lft 100sec`, the JSON
/// keys with 4294967295 for forever.
pub fn lifetimes(p: &mut Printer, a: &AddrMsg) {
    p.fp("       ");
    lifetime(p, "valid_life_time", "valid_lft", a.valid_lft);
    p.fp(" ");
    lifetime(p, "preferred_life_time", "preferred_lft", a.preferred_lft);
    p.fp("\n");
}

fn lifetime(p: &mut Printer, key: &'static str, label: &str, left: Option<u32>) {
    match left {
        None => {
            p.field(key, &format!("{label} forever"));
            p.uint(To::Json, key, "", u64::from(u32::MAX));
        }
        Some(s) => {
            p.field(key, &format!("{label} "));
            p.uint(To::Any, key, &format!("{s}sec"), u64::from(s));
        }
    }
}
