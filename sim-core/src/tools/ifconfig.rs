//! net-tools `ifconfig`: show interfaces, set an IPv4 address, up/down.

use std::net::IpAddr;

use crate::iproute::addr::parse_inet;
use crate::kernel::addr::{self, Inet4, Scope};
use crate::netlink::{AddrMsg, LinkMsg, LinkSetReq, Netlink, ARPHRD_LOOPBACK, IFF_RUNNING, IFF_UP};
use crate::output::Output;

/// Runs `ifconfig ARGS` (argv without the leading `ifconfig`).
pub fn ifconfig(nl: &mut dyn Netlink, argv: &[String]) -> Output {
    let all = argv.first().is_some_and(|a| a == "-a");
    let args: Vec<&str> = argv.iter().map(String::as_str).filter(|a| *a != "-a").collect();
    let links = nl.link_dump();
    let Some(dev) = args.first() else {
        let addrs = nl.addr_dump();
        let mut out = Output::new();
        // net-tools lists interfaces sorted by name.
        let mut links = links;
        links.sort_by(|a, b| a.name.cmp(&b.name));
        let shown: Vec<String> =
            links.iter().filter(|l| all || l.flags & IFF_UP != 0).map(|l| block(l, &addrs)).collect();
        out.out(shown.concat());
        return out;
    };
    let Some(link) = links.iter().find(|l| l.name == *dev) else {
        return Output::error(format!("{dev}: error fetching interface information: Device not found\n"), 1);
    };
    if args.len() == 1 {
        let addrs = nl.addr_dump();
        let mut out = Output::new();
        out.out(block(link, &addrs));
        return out;
    }
    let mut out = Output::new();
    let mut i = 1;
    while i < args.len() {
        let a = args[i];
        match a {
            "up" => set_up(nl, link.ifindex, true, &mut out),
            "down" => set_up(nl, link.ifindex, false, &mut out),
            "netmask" | "broadcast" | "mtu" => i += 1,
            _ => {
                let (ip, len) = match a.split_once('/') {
                    Some((ip, l)) => (ip, l.parse::<u8>().ok().filter(|l| *l <= 32)),
                    None => (a, None),
                };
                let Some(ip) = parse_inet(ip) else {
                    return Output::error(
                        format!("{a}: Unknown host\nifconfig: `--help' gives usage information.\n"),
                        1,
                    );
                };
                let prefix = len.unwrap_or_else(|| classful(ip));
                // SIOCSIFADDR replaces the device's first address.
                let addrs = nl.addr_dump();
                if let Some(old) = addrs.iter().find(|x| x.ifindex == link.ifindex && x.local.is_ipv4()) {
                    if let IpAddr::V4(o) = old.local {
                        let _ = nl.addr_del(link.ifindex, o, Some(old.prefix));
                    }
                }
                let brd = if prefix < 31 { Some(addr::broadcast(ip, prefix)) } else { None };
                let new = Inet4 {
                    local: ip,
                    prefix,
                    broadcast: brd,
                    scope: if ip.is_loopback() { Scope::Host } else { Scope::Global },
                    label: link.name.clone(),
                };
                if let Err(e) = nl.addr_add(link.ifindex, &new) {
                    return Output::error(format!("SIOCSIFADDR: {}\n", e.errno.text()), 1);
                }
                set_up(nl, link.ifindex, true, &mut out);
            }
        }
        i += 1;
    }
    out
}

fn set_up(nl: &mut dyn Netlink, ifindex: u32, up: bool, out: &mut Output) {
    if let Err(e) = nl.link_set(ifindex, &LinkSetReq { up: Some(up), ..Default::default() }) {
        out.err(format!("SIOCSIFFLAGS: {}\n", e.errno.text()));
        out.status = 1;
    }
}

/// The netmask an address gets without one (class A/B/C).
fn classful(ip: std::net::Ipv4Addr) -> u8 {
    match ip.octets()[0] {
        0..=127 => 8,
        128..=191 => 16,
        _ => 24,
    }
}

fn flag_names(l: &LinkMsg) -> (u32, String) {
    let mut v = l.flags
        & (IFF_UP | crate::netlink::IFF_BROADCAST | crate::netlink::IFF_LOOPBACK | crate::netlink::IFF_MULTICAST);
    let mut names = Vec::new();
    if l.flags & IFF_UP != 0 {
        names.push("UP");
    }
    if l.flags & crate::netlink::IFF_BROADCAST != 0 {
        names.push("BROADCAST");
    }
    if l.flags & crate::netlink::IFF_LOOPBACK != 0 {
        names.push("LOOPBACK");
    }
    if l.flags & IFF_RUNNING != 0 {
        names.push("RUNNING");
        v |= IFF_RUNNING;
    }
    if l.flags & crate::netlink::IFF_MULTICAST != 0 {
        names.push("MULTICAST");
    }
    (v, names.join(","))
}

fn human(bytes: u64) -> String {
    let units = ["B", "KB", "MB", "GB", "TB"];
    let mut v = bytes as f64;
    let mut u = 0;
    while v >= 1000.0 && u + 1 < units.len() {
        v /= 1000.0;
        u += 1;
    }
    format!("{v:.1} {}", units[u])
}

fn block(l: &LinkMsg, addrs: &[AddrMsg]) -> String {
    let (v, names) = flag_names(l);
    let mut s = format!("{}: flags={}<{}>  mtu {}\n", l.name, v, names, l.mtu);
    for a in addrs.iter().filter(|a| a.ifindex == l.ifindex) {
        match a.local {
            IpAddr::V4(ip) => {
                let mask = std::net::Ipv4Addr::from(addr::mask(a.prefix));
                s.push_str(&format!("        inet {ip}  netmask {mask}"));
                if let Some(b) = a.broadcast {
                    s.push_str(&format!("  broadcast {b}"));
                }
                s.push('\n');
            }
            IpAddr::V6(ip) => {
                let scope = match a.scope {
                    Scope::Host => "0x10<host>",
                    Scope::Link => "0x20<link>",
                    _ => "0x0<global>",
                };
                s.push_str(&format!("        inet6 {ip}  prefixlen {}  scopeid {scope}\n", a.prefix));
            }
        }
    }
    if l.link_type == ARPHRD_LOOPBACK {
        s.push_str(&format!("        loop  txqueuelen {}  (Local Loopback)\n", l.txqlen));
    } else {
        s.push_str(&format!("        ether {}  txqueuelen {}  (Ethernet)\n", l.address, l.txqlen));
    }
    let st = &l.stats;
    s.push_str(&format!("        RX packets {}  bytes {} ({})\n", st.rx_packets, st.rx_bytes, human(st.rx_bytes)));
    s.push_str(&format!("        RX errors 0  dropped {}  overruns 0  frame 0\n", st.rx_dropped));
    s.push_str(&format!("        TX packets {}  bytes {} ({})\n", st.tx_packets, st.tx_bytes, human(st.tx_bytes)));
    s.push_str(&format!("        TX errors 0  dropped {} overruns 0  carrier 0  collisions 0\n", st.tx_dropped));
    s.push('\n');
    s
}
