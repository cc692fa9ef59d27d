//! net-tools `ifconfig`: show interfaces, set an IPv4 address, up/down.

use std::net::IpAddr;

use crate::iproute::addr::parse_inet;
use crate::kernel::addr::{self, Inet4, Scope};
use crate::netlink::{AddrMsg, LinkMsg, LinkSetReq, Netlink, ARPHRD_LOOPBACK, IFF_BROADCAST, IFF_RUNNING, IFF_UP};
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
    let link = links.iter().find(|l| l.name == *dev);
    if args.len() == 1 {
        let Some(link) = link else {
            return Output::error(format!("{dev}: error fetching interface information: Device not found\n"), 1);
        };
        let addrs = nl.addr_dump();
        let mut out = Output::new();
        out.out(block(link, &addrs));
        return out;
    }
    let mut io = Ioctls { nl, dev, link: link.map(|l| (l.ifindex, l.flags)), out: Output::new(), failed: false };
    let mut netmask_after = None;
    let mut i = 1;
    while i < args.len() {
        let a = args[i];
        match a {
            "up" => io.set_flags(true),
            "down" => io.set_flags(false),
            "netmask" => {
                i += 1;
                match args.get(i).and_then(|m| parse_inet(m)) {
                    Some(m) => io.set_netmask(mask_len(u32::from(m))),
                    None => return usage_error(args.get(i).copied().unwrap_or("")),
                }
            }
            "broadcast" | "mtu" | "txqueuelen" => i += 1,
            _ => {
                let (ip, len) = match a.split_once('/') {
                    Some((ip, l)) => (ip, l.parse::<u8>().ok().filter(|l| *l <= 32)),
                    None => (a, None),
                };
                let Some(ip) = parse_inet(ip) else {
                    return usage_error(a);
                };
                io.set_addr(ip);
                io.set_flags(true);
                netmask_after = len.or(netmask_after);
            }
        }
        i += 1;
    }
    if let Some(len) = netmask_after {
        io.set_netmask(len);
    }
    let mut out = io.out;
    if io.failed {
        out.status = 255;
    }
    out
}

/// An address ifconfig could not read: a numeric one is an unknown host; a
/// name goes to the resolver, which has no answer in the sandbox.
fn usage_error(arg: &str) -> Output {
    let numeric = arg.split('/').next().is_some_and(|a| a.chars().all(|c| c.is_ascii_digit() || c == '.'));
    let why = if numeric { "Unknown host" } else { "Host name lookup failure" };
    Output::error(format!("{arg}: {why}\nifconfig: `--help' gives usage information.\n"), 1)
}

/// The prefix length of a netmask (its leading ones).
fn mask_len(mask: u32) -> u8 {
    mask.leading_ones() as u8
}

/// The ioctls net-tools makes, as the kernel's devinet_ioctl() answers them:
/// each acts on the first IPv4 address whose label is the device's name.
struct Ioctls<'a> {
    nl: &'a mut dyn Netlink,
    dev: &'a str,
    /// The device's index and flags, `None` if it does not exist.
    link: Option<(u32, u32)>,
    out: Output,
    failed: bool,
}

impl Ioctls<'_> {
    fn fail(&mut self, text: String) {
        self.out.err(text);
        self.failed = true;
    }

    /// The first address labelled with the device's name.
    fn labelled(&mut self, ifindex: u32) -> Option<Inet4> {
        let dev = self.dev;
        self.nl.addr_dump().into_iter().find_map(|a| match a.local {
            IpAddr::V4(local) if a.ifindex == ifindex && a.label.as_deref() == Some(dev) => {
                Some(Inet4 { local, prefix: a.prefix, broadcast: a.broadcast, scope: a.scope, label: dev.to_string() })
            }
            _ => None,
        })
    }

    /// SIOCSIFADDR: replaces that address (or adds one) with a classful prefix.
    fn set_addr(&mut self, ip: std::net::Ipv4Addr) {
        let Some((ifindex, flags)) = self.link else {
            return self.fail("SIOCSIFADDR: No such device\n".into());
        };
        let old = self.labelled(ifindex);
        if old.as_ref().is_some_and(|o| o.local == ip) {
            return;
        }
        if let Some(o) = &old {
            let _ = self.nl.addr_del(ifindex, o.local, Some(o.prefix));
        }
        let prefix = classful(ip);
        let broadcast = (flags & IFF_BROADCAST != 0 && prefix < 31).then(|| addr::broadcast(ip, prefix));
        let scope = if ip.is_loopback() { Scope::Host } else { Scope::Global };
        let new = Inet4 { local: ip, prefix, broadcast, scope, label: self.dev.to_string() };
        if let Err(e) = self.nl.addr_add(ifindex, &new) {
            self.fail(format!("SIOCSIFADDR: {}\n", e.errno.text()));
        }
    }

    /// SIOCSIFNETMASK: a new prefix length; the broadcast follows if it was the usual one.
    fn set_netmask(&mut self, prefix: u8) {
        let Some((ifindex, flags)) = self.link else {
            return self.fail("SIOCSIFNETMASK: No such device\n".into());
        };
        let Some(old) = self.labelled(ifindex) else {
            return self.fail("SIOCSIFNETMASK: Cannot assign requested address\n".into());
        };
        if old.prefix == prefix {
            return;
        }
        let _ = self.nl.addr_del(ifindex, old.local, Some(old.prefix));
        let mut new = old.clone();
        new.prefix = prefix;
        if flags & IFF_BROADCAST != 0 && prefix < 31 && old.broadcast == Some(addr::broadcast(old.local, old.prefix)) {
            new.broadcast = Some(addr::broadcast(old.local, prefix));
        }
        if let Err(e) = self.nl.addr_add(ifindex, &new) {
            self.fail(format!("SIOCSIFNETMASK: {}\n", e.errno.text()));
        }
    }

    /// SIOCGIFFLAGS then SIOCSIFFLAGS: up or down.
    fn set_flags(&mut self, up: bool) {
        let Some((ifindex, _)) = self.link else {
            let dev = self.dev;
            return self.fail(format!("{dev}: ERROR while getting interface flags: No such device\n"));
        };
        if let Err(e) = self.nl.link_set(ifindex, &LinkSetReq { up: Some(up), ..Default::default() }) {
            self.fail(format!("SIOCSIFFLAGS: {}\n", e.errno.text()));
        }
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
    // SIOCGIFADDR: one IPv4 address, the first labelled with the device's name.
    let first_v4 =
        addrs.iter().find(|a| a.ifindex == l.ifindex && a.local.is_ipv4() && a.label.as_deref() == Some(&l.name));
    let v6 = addrs.iter().filter(|a| a.ifindex == l.ifindex && a.local.is_ipv6());
    for a in first_v4.into_iter().chain(v6) {
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
