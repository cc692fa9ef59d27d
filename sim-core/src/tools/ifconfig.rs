//! net-tools `ifconfig`: show interfaces, set an IPv4 address, up/down.

use std::net::IpAddr;

use crate::iproute::addr::parse_inet;
use crate::kernel::addr::{self, Inet4, Scope};
use crate::netlink::{AddrMsg, LinkMsg, LinkSetReq, Netlink, ARPHRD_LOOPBACK, IFF_BROADCAST, IFF_RUNNING, IFF_UP};
use crate::output::Output;
use crate::tools::fixed::fixed;

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
        crate::sort::sort_by(&mut links, |a, b| a.name.cmp(&b.name));
        let listed = |l: &&LinkMsg| all || l.flags & IFF_UP != 0;
        let mut shown: Vec<String> = links.iter().filter(listed).map(|l| block(l, &addrs)).collect();
        // Aliases come after every device (SIOCGIFCONF after /proc/net/dev).
        shown.extend(aliases(&links, &addrs).filter(|(l, _)| listed(l)).map(|(l, a)| alias_block(l, a)));
        out.out(tagged(shown.concat()));
        return out;
    };
    // `dev:x` names an alias: the ioctls act on `dev` and the addresses
    // labelled `dev:x`.
    let base = dev.split(':').next().unwrap_or(dev);
    let link = links.iter().find(|l| l.name == base);
    if args.len() == 1 {
        let addrs = nl.addr_dump();
        let mut out = Output::new();
        match link {
            Some(link) if base == *dev => out.out(tagged(block(link, &addrs))),
            // An alias without an address still answers SIOCGIFFLAGS.
            Some(l) => match addrs.iter().find(|a| a.ifindex == l.ifindex && a.label.as_deref() == Some(*dev)) {
                Some(a) => out.out(tagged(alias_block(l, a))),
                None => out.out(tagged(format!("{}{}\n", head(dev, l, None), hw(l)))),
            },
            None => {
                return Output::error(format!("{dev}: error fetching interface information: Device not found\n"), 1)
            }
        }
        return out;
    }
    let mut io = Ioctls { nl, dev, link: link.map(|l| (l.ifindex, l.flags)), out: Output::new(), goterr: 0 };
    // One ioctl (or two) per argument, in order; an error does not stop the
    // rest. The netmask of an `ADDR/N` comes last (the last one given).
    let mut pending_mask = None;
    let mut i = 1;
    while i < args.len() {
        let a = args[i];
        let value = args.get(i + 1).copied();
        match a {
            "up" => io.set_flags(true),
            "down" => io.set_flags(false),
            "netmask" | "mtu" | "txqueuelen" => {
                let Some(v) = value else { return usage() };
                i += 1;
                match a {
                    "netmask" => match parse_inet(v) {
                        Some(m) => io.set_netmask(u32::from(m)),
                        None => return usage_error(v),
                    },
                    "mtu" => io.set_mtu(atoi(v)),
                    _ => io.set_txqlen(atoi(v)),
                }
            }
            "broadcast" => {
                // `broadcast [ADDR]`: the address if one follows, then the flag.
                if let Some(b) = value.and_then(parse_inet) {
                    i += 1;
                    io.set_broadcast(b);
                }
                io.set_flag_broadcast();
            }
            _ => {
                let (ip, len) = match a.split_once('/') {
                    Some((ip, l)) => match parse_prefix(l) {
                        Some(l) => (ip, Some(l)),
                        None => return usage(),
                    },
                    None => (a, None),
                };
                let Some(ip) = parse_inet(ip) else {
                    return usage_error(a);
                };
                io.set_addr(ip);
                // net-tools leaves an alias's flags alone when it removes it.
                if !(ip.is_unspecified() && dev.contains(':')) {
                    io.set_flags(true);
                }
                pending_mask = len.map(prefix_mask).or(pending_mask);
            }
        }
        i += 1;
    }
    if let Some(mask) = pending_mask {
        io.set_netmask(mask);
    }
    let mut out = io.out;
    out.status = if io.goterr < 0 { 255 } else { io.goterr };
    out
}

/// An address ifconfig could not read: a numeric one, or one no host can
/// be named (glibc's `res_hnok()`: letters, digits, `-` and `_` in labels
/// that do not start with `-`), is an unknown host; a name goes to the
/// resolver, which has no answer in the sandbox.
/// The interface blocks as printed, handed to explained output first.
fn tagged(blocks: String) -> String {
    #[cfg(feature = "explain")]
    crate::explain::record::printed(crate::explain::ifconfig::tag(&blocks));
    blocks
}

fn usage_error(arg: &str) -> Output {
    let host = arg.split('/').next().unwrap_or(arg);
    let numeric = host.chars().all(|c| c.is_ascii_digit() || c == '.');
    let label_ok = |l: &str| !l.is_empty() && !l.starts_with('-');
    let name_ok = host.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        && host.strip_suffix('.').unwrap_or(host).split('.').all(label_ok);
    let why = if numeric || !name_ok { "Unknown host" } else { "Host name lookup failure" };
    Output::error(format!("{arg}: {why}\nifconfig: `--help' gives usage information.\n"), 1)
}

/// net-tools' usage text (exit 3), for a missing value or a bad /prefix.
fn usage() -> Output {
    Output::error(String::from(crate::usage::Usage::Ifconfig), 3)
}

/// net-tools' text (linked in with `text-tools`: see [`crate::usage`]).
#[cfg(feature = "text-tools")]
pub(crate) const USAGE_TEXT: &str = "Usage:
  ifconfig [-a] [-v] [-s] <interface> [[<AF>] <address>]
  [add <address>[/<prefixlen>]]
  [del <address>[/<prefixlen>]]
  [[-]broadcast [<address>]]  [[-]pointopoint [<address>]]
  [netmask <address>]  [dstaddr <address>]  [tunnel <address>]
  [outfill <NN>] [keepalive <NN>]
  [hw <HW> <address>]  [mtu <NN>]
  [[-]trailers]  [[-]arp]  [[-]allmulti]
  [multicast]  [[-]promisc]
  [mem_start <NN>]  [io_addr <NN>]  [irq <NN>]  [media <type>]
  [txqueuelen <NN>]
  [name <newname>]
  [[-]dynamic]
  [up|down] ...

  <HW>=Hardware Type.
  List of possible hardware types:
    loop (Local Loopback) slip (Serial Line IP) cslip (VJ Serial Line IP) 
    slip6 (6-bit Serial Line IP) cslip6 (VJ 6-bit Serial Line IP) adaptive (Adaptive Serial Line IP) 
    ash (Ash) ether (Ethernet) ax25 (AMPR AX.25) 
    netrom (AMPR NET/ROM) rose (AMPR ROSE) tunnel (IPIP Tunnel) 
    ppp (Point-to-Point Protocol) hdlc ((Cisco)-HDLC) lapb (LAPB) 
    arcnet (ARCnet) dlci (Frame Relay DLCI) frad (Frame Relay Access Device) 
    sit (IPv6-in-IPv4) fddi (Fiber Distributed Data Interface) hippi (HIPPI) 
    irda (IrLAP) ec (Econet) x25 (generic X.25) 
    eui64 (Generic EUI-64) 
  <AF>=Address family. Default: inet
  List of possible address families:
    unix (UNIX Domain) inet (DARPA Internet) inet6 (IPv6) 
    ax25 (AMPR AX.25) netrom (AMPR NET/ROM) rose (AMPR ROSE) 
    ipx (Novell IPX) ddp (Appletalk DDP) ec (Econet) 
    ash (Ash) x25 (CCITT X.25) 
";

/// `/N` after an address: a decimal number, maybe negative.
fn parse_prefix(s: &str) -> Option<i64> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(
        digits.bytes().fold(0i64, |n, b| n.wrapping_mul(10).wrapping_add(i64::from(b - b'0')))
            * if s.starts_with('-') { -1 } else { 1 },
    )
}

/// net-tools' netmask for `/N`: `~(0xffffffff >> N)` as x86 shifts a
/// 32-bit value (by N mod 32), so /32 and /64 are 0.0.0.0 and /33 is /1.
fn prefix_mask(n: i64) -> u32 {
    !(u32::MAX >> (n & 31))
}

/// C's `atoi()`: blanks, a sign, digits up to the first other character.
fn atoi(s: &str) -> i64 {
    let t = s.trim_start();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let v = t
        .bytes()
        .take_while(u8::is_ascii_digit)
        .fold(0i64, |n, b| n.saturating_mul(10).saturating_add(i64::from(b - b'0')));
    let v = i64::from(v as i32);
    if neg {
        -v
    } else {
        v
    }
}

/// The prefix length of a netmask (its leading ones).
fn mask_len(mask: u32) -> u8 {
    mask.leading_ones() as u8
}

/// The ioctls net-tools makes, as the kernel's devinet_ioctl() answers them:
/// each acts on the first IPv4 address whose label is the name given (the
/// device's, or an alias's `dev:x`).
struct Ioctls<'a> {
    nl: &'a mut dyn Netlink,
    dev: &'a str,
    /// The device's index and flags, `None` if it does not exist.
    link: Option<(u32, u32)>,
    out: Output,
    /// net-tools' `goterr`: 1 after a failed ioctl, -1 (exit 255) once
    /// the flags could not be read; ORed, so -1 stays.
    goterr: i32,
}

impl Ioctls<'_> {
    fn fail(&mut self, text: String) {
        self.out.err(text);
        self.goterr |= 1;
    }

    fn flags_fail(&mut self) {
        let dev = self.dev;
        self.flags_fail_with(format!("{dev}: ERROR while getting interface flags: No such device\n"));
    }

    /// `set_flag()` failed (reading or setting the flags): -1, exit 255.
    fn flags_fail_with(&mut self, text: String) {
        self.out.err(text);
        self.goterr = -1;
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
        // inet_set_ifa() frees an address of 0.0.0.0: the old one is gone.
        if ip.is_unspecified() {
            return;
        }
        let prefix = classful(ip);
        let broadcast = (flags & IFF_BROADCAST != 0 && prefix < 31).then(|| addr::broadcast(ip, prefix));
        let scope = if ip.is_loopback() { Scope::Host } else { Scope::Global };
        let new = Inet4 { local: ip, prefix, broadcast, scope, label: self.dev.to_string() };
        if let Err(e) = self.nl.addr_add(ifindex, &new) {
            self.fail(format!("SIOCSIFADDR: {}\n", e.errno.text()));
        }
    }

    /// SIOCSIFNETMASK: a new prefix length; the broadcast follows if it was
    /// the usual one and the prefix is below 31. A mask with holes is EINVAL.
    fn set_netmask(&mut self, mask: u32) {
        let Some((ifindex, flags)) = self.link else {
            return self.fail("SIOCSIFNETMASK: No such device\n".into());
        };
        let Some(old) = self.labelled(ifindex) else {
            return self.fail("SIOCSIFNETMASK: Cannot assign requested address\n".into());
        };
        let prefix = mask_len(mask);
        if (!mask).wrapping_add(1) & !mask != 0 {
            return self.fail("SIOCSIFNETMASK: Invalid argument\n".into());
        }
        if old.prefix == prefix {
            return;
        }
        let _ = self.nl.addr_del(ifindex, old.local, Some(old.prefix));
        let mut new = old.clone();
        new.prefix = prefix;
        let usual = u32::from(old.local) | !addr::mask(old.prefix);
        if flags & IFF_BROADCAST != 0 && prefix < 31 && old.broadcast.map_or(0, u32::from) == usual {
            new.broadcast = Some(addr::broadcast(old.local, prefix));
        }
        if let Err(e) = self.nl.addr_add(ifindex, &new) {
            self.fail(format!("SIOCSIFNETMASK: {}\n", e.errno.text()));
        }
    }

    /// SIOCSIFBRDADDR: the labelled address's broadcast.
    fn set_broadcast(&mut self, b: std::net::Ipv4Addr) {
        let Some((ifindex, _)) = self.link else {
            return self.fail("SIOCSIFBRDADDR: No such device\n".into());
        };
        let Some(old) = self.labelled(ifindex) else {
            return self.fail("SIOCSIFBRDADDR: Cannot assign requested address\n".into());
        };
        if old.broadcast.unwrap_or(std::net::Ipv4Addr::UNSPECIFIED) == b {
            return;
        }
        let _ = self.nl.addr_del(ifindex, old.local, Some(old.prefix));
        let new = Inet4 { broadcast: (!b.is_unspecified()).then_some(b), ..old };
        if let Err(e) = self.nl.addr_add(ifindex, &new) {
            self.fail(format!("SIOCSIFBRDADDR: {}\n", e.errno.text()));
        }
    }

    /// `set_flag(IFF_BROADCAST)`: a veth or bridge has it already.
    fn set_flag_broadcast(&mut self) {
        if self.link.is_none() {
            self.flags_fail();
        }
    }

    /// SIOCSIFMTU.
    fn set_mtu(&mut self, mtu: i64) {
        let Some((ifindex, _)) = self.link else {
            return self.fail("SIOCSIFMTU: No such device\n".into());
        };
        let req = LinkSetReq { mtu: u32::try_from(mtu).ok(), ..Default::default() };
        match req.mtu {
            None => self.fail("SIOCSIFMTU: Invalid argument\n".into()),
            Some(_) => {
                if let Err(e) = self.nl.link_set(ifindex, &req) {
                    self.fail(format!("SIOCSIFMTU: {}\n", e.errno.text()));
                }
            }
        }
    }

    /// SIOCSIFTXQLEN.
    fn set_txqlen(&mut self, qlen: i64) {
        let Some((ifindex, _)) = self.link else {
            return self.fail("SIOCSIFTXQLEN: No such device\n".into());
        };
        let req = LinkSetReq { txqlen: u32::try_from(qlen).ok(), ..Default::default() };
        if req.txqlen.is_none() {
            return self.fail("SIOCSIFTXQLEN: Invalid argument\n".into());
        }
        if let Err(e) = self.nl.link_set(ifindex, &req) {
            self.fail(format!("SIOCSIFTXQLEN: {}\n", e.errno.text()));
        }
    }

    /// SIOCGIFFLAGS then SIOCSIFFLAGS: up or down.
    fn set_flags(&mut self, up: bool) {
        let Some((ifindex, _)) = self.link else {
            return self.flags_fail();
        };
        if self.dev.contains(':') {
            // An alias's flags are its address's: down deletes it, up
            // leaves the device as it is.
            let Some(a) = self.labelled(ifindex) else {
                return self.flags_fail_with("SIOCSIFFLAGS: Cannot assign requested address\n".into());
            };
            if !up {
                let _ = self.nl.addr_del(ifindex, a.local, Some(a.prefix));
            }
            return;
        }
        if let Err(e) = self.nl.link_set(ifindex, &LinkSetReq { up: Some(up), ..Default::default() }) {
            self.flags_fail_with(format!("SIOCSIFFLAGS: {}\n", e.errno.text()));
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
    format!("{} {}", fixed(v, 1), units[u])
}

/// The first line and the IPv4 line: SIOCGIFFLAGS, SIOCGIFMTU, SIOCGIFADDR
/// and the rest for one label. A broadcast device shows its broadcast
/// address as the kernel keeps it (0.0.0.0 when none was given).
fn head(name: &str, l: &LinkMsg, v4: Option<&AddrMsg>) -> String {
    let (v, names) = flag_names(l);
    let mut s = format!("{name}: flags={v}<{names}>  mtu {}\n", l.mtu);
    if let Some(a) = v4 {
        let mask = std::net::Ipv4Addr::from(addr::mask(a.prefix));
        s.push_str(&format!("        inet {}  netmask {mask}", a.local));
        if l.flags & IFF_BROADCAST != 0 {
            s.push_str(&format!("  broadcast {}", a.broadcast.unwrap_or(std::net::Ipv4Addr::UNSPECIFIED)));
        }
        s.push('\n');
    }
    s
}

/// The hardware line.
fn hw(l: &LinkMsg) -> String {
    if l.link_type == ARPHRD_LOOPBACK {
        format!("        loop  txqueuelen {}  (Local Loopback)\n", l.txqlen)
    } else {
        format!("        ether {}  txqueuelen {}  (Ethernet)\n", l.address, l.txqlen)
    }
}

/// An alias (an address labelled `dev:x`), which net-tools shows as an
/// interface of its own: no IPv6, no counters.
fn alias_block(l: &LinkMsg, a: &AddrMsg) -> String {
    let name = a.label.as_deref().unwrap_or(&l.name);
    format!("{}{}\n", head(name, l, Some(a)), hw(l))
}

/// The aliases of the devices listed, in the kernel's address order.
fn aliases<'a>(links: &'a [LinkMsg], addrs: &'a [AddrMsg]) -> impl Iterator<Item = (&'a LinkMsg, &'a AddrMsg)> {
    addrs.iter().filter_map(move |a| {
        let l = links.iter().find(|l| l.ifindex == a.ifindex)?;
        let label = a.label.as_deref()?;
        (a.local.is_ipv4() && label != l.name).then_some((l, a))
    })
}

fn block(l: &LinkMsg, addrs: &[AddrMsg]) -> String {
    // SIOCGIFADDR: one IPv4 address, the first labelled with the device's name.
    let first_v4 =
        addrs.iter().find(|a| a.ifindex == l.ifindex && a.local.is_ipv4() && a.label.as_deref() == Some(&l.name));
    let mut s = head(&l.name, l, first_v4);
    for a in addrs.iter().filter(|a| a.ifindex == l.ifindex && a.local.is_ipv6()) {
        if let IpAddr::V6(ip) = a.local {
            let scope = match a.scope {
                Scope::Host => "0x10<host>",
                Scope::Link => "0x20<link>",
                _ => "0x0<global>",
            };
            s.push_str(&format!("        inet6 {ip}  prefixlen {}  scopeid {scope}\n", a.prefix));
        }
    }
    s.push_str(&hw(l));
    let st = &l.stats;
    s.push_str(&format!("        RX packets {}  bytes {} ({})\n", st.rx_packets, st.rx_bytes, human(st.rx_bytes)));
    s.push_str(&format!("        RX errors 0  dropped {}  overruns 0  frame 0\n", st.rx_dropped));
    s.push_str(&format!("        TX packets {}  bytes {} ({})\n", st.tx_packets, st.tx_bytes, human(st.tx_bytes)));
    s.push_str(&format!("        TX errors 0  dropped {} overruns 0  carrier 0  collisions 0\n", st.tx_dropped));
    s.push('\n');
    s
}
