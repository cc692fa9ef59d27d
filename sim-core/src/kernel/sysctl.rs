//! The per-namespace settings `sysctl` reads and writes under net.ipv4,
//! and the IPv6 ones of `net.ipv6.conf.*` that addrconf, DAD and
//! forwarding read.
//!
//! Values are kept as the kernel keeps them: the `int` written (2, -1 and
//! 200 stay what they are; what is on is what is not zero), within the
//! limits of each file's handler (`proc_dointvec`, `_minmax`,
//! `_userhz_jiffies`), as the sysctl-values recording shows.

use litemap::LiteMap;

/// CONFIG_HZ of the recording machine's kernel (Debian's): jiffies are 4 ms.
const HZ: u64 = 250;
/// USER_HZ: what /proc/sys shows of a jiffies value is in 1/100 s.
const USER_HZ: u64 = 100;

/// `net.ipv4.conf.X.*` and `net.ipv6.conf.X.*` for one X.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DevConf {
    pub forwarding: i32,
    pub proxy_arp: i32,
    pub rp_filter: i32,
    /// `net.ipv6.conf.X.disable_ipv6`: a device with it on has no IPv6
    /// address at all (and `lo` no ::1).
    pub disable_ipv6: i32,
    /// `net.ipv6.conf.X.forwarding`: IPv6's own switch, apart from IPv4's.
    pub forwarding6: i32,
    /// `accept_dad` (1: DAD runs; below 1 on both `all` and the device: it
    /// does not) and `dad_transmits` (probes sent, one second apart).
    pub accept_dad: i32,
    pub dad_transmits: i32,
    /// `proxy_ndp`: answer solicitations for `ip -6 neigh add proxy` entries.
    pub proxy_ndp: i32,
    /// `router_solicitations` (-1: for ever), `router_solicitation_interval`
    /// (seconds) and `mldv2_unsolicited_report_interval` (ms): when the
    /// kernel's own IPv6 traffic is sent after a link comes up.
    pub router_solicitations: i32,
    pub router_solicitation_interval: i32,
    pub mldv2_unsolicited_report_interval: i32,
}

impl Default for DevConf {
    fn default() -> Self {
        DevConf {
            forwarding: 0,
            proxy_arp: 0,
            rp_filter: 0,
            disable_ipv6: 0,
            forwarding6: 0,
            accept_dad: 1,
            dad_transmits: 1,
            proxy_ndp: 0,
            router_solicitations: -1,
            router_solicitation_interval: 4,
            mldv2_unsolicited_report_interval: 1000,
        }
    }
}

impl DevConf {
    /// IN_DEV_FORWARD(): on when not zero.
    pub fn forwards(&self) -> bool {
        self.forwarding != 0
    }
}

/// `net.ipv4.neigh.X.*` for one X.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NeighConf {
    /// In jiffies, as the kernel keeps it (80 cs = 200 jiffies).
    pub proxy_delay_jiffies: i32,
}

impl NeighConf {
    /// The delay in centiseconds, as the file shows it (`jiffies_to_clock_t`
    /// rounds down; a negative value shows as minus the rounded magnitude).
    fn proxy_delay_shown(&self) -> String {
        let j = i64::from(self.proxy_delay_jiffies);
        let cs = j.unsigned_abs() * USER_HZ / HZ;
        if j < 0 {
            format!("-{cs}")
        } else {
            cs.to_string()
        }
    }

    /// The delay the proxy waits at most, in centiseconds (a negative value
    /// is a huge unsigned one to `prandom_u32_max()`: practically never).
    pub fn proxy_delay_cs(&self) -> u32 {
        match u64::try_from(self.proxy_delay_jiffies) {
            Ok(j) => (j * USER_HZ / HZ) as u32,
            Err(_) => u32::MAX,
        }
    }
}

impl Default for NeighConf {
    fn default() -> Self {
        NeighConf { proxy_delay_jiffies: (80 * HZ / USER_HZ) as i32 }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NsConf {
    pub all: DevConf,
    pub default: DevConf,
    /// Per device, by ifindex.
    pub dev: LiteMap<u32, DevConf>,
    pub neigh_default: NeighConf,
    pub neigh: LiteMap<u32, NeighConf>,
    /// `net.ipv4.ip_default_ttl` (1 to 255).
    pub ip_default_ttl: i32,
    /// `net.ipv4.icmp_ratelimit` (ms between ICMP errors to one host; 0: no
    /// limit) and `icmp_ratemask` (which ICMP types it limits).
    pub icmp_ratelimit: i32,
    pub icmp_ratemask: i32,
    /// `net.ipv6.icmp.ratelimit`: ms between ICMPv6 errors to one host (100
    /// on 6.18, as recorded; 0: no limit), for destination unreachable and
    /// time exceeded (the default `ratemask`, 0-1 and 3-127: not Packet Too Big).
    pub icmp6_ratelimit: i32,
    /// `net.bridge.bridge-nf-call-{arp,ip,ip6}tables`: br_netfilter is built
    /// into the reference kernel, so every namespace has them, at 1.
    pub bridge_nf_call: [i32; 3],
}

impl Default for NsConf {
    fn default() -> Self {
        NsConf {
            // `ipv6_devconf` (all) has accept_dad 0, the default and new
            // devices 1: DAD is off only where both are below 1.
            all: DevConf { accept_dad: 0, ..DevConf::default() },
            default: DevConf::default(),
            dev: LiteMap::new(),
            neigh_default: NeighConf::default(),
            neigh: LiteMap::new(),
            ip_default_ttl: 64,
            icmp_ratelimit: 1000,
            icmp_ratemask: 6168,
            icmp6_ratelimit: 100,
            bridge_nf_call: [1; 3],
        }
    }
}

impl NsConf {
    /// `net.ipv4.ip_forward`, the same switch as `conf.all.forwarding`.
    pub fn ip_forward(&self) -> bool {
        self.all.forwards()
    }

    /// Writing `ip_forward` or `conf.all.forwarding` sets every device to
    /// the value written, as `inet_forward_change()` does.
    pub fn set_ip_forward(&mut self, on: i32) {
        self.all.forwarding = on;
        self.default.forwarding = on;
        for (_, c) in self.dev.iter_mut() {
            c.forwarding = on;
        }
    }

    /// Writing `net.ipv6.conf.all.forwarding` sets `default` and every
    /// device too (`addrconf_fixup_forwarding()`).
    pub fn set_forwarding6_all(&mut self, on: i32) {
        self.all.forwarding6 = on;
        self.default.forwarding6 = on;
        for (_, c) in self.dev.iter_mut() {
            c.forwarding6 = on;
        }
    }

    /// Whether a device takes part in DAD (`accept_dad` on `all` or on it).
    pub fn accept_dad(&self, ifindex: u32) -> bool {
        self.all.accept_dad >= 1 || self.dev_conf(ifindex).accept_dad >= 1
    }

    /// Writing `conf.all.disable_ipv6` sets `default` and every device
    /// too, as `addrconf_disable_ipv6()` does.
    pub fn set_disable_ipv6_all(&mut self, v: i32) {
        self.all.disable_ipv6 = v;
        self.default.disable_ipv6 = v;
        for (_, c) in self.dev.iter_mut() {
            c.disable_ipv6 = v;
        }
    }

    /// Whether bridged IPv4 goes through iptables (`bridge-nf-call-iptables`).
    pub fn bridge_nf_call_iptables(&self) -> bool {
        self.bridge_nf_call[1] != 0
    }

    pub fn dev_conf(&self, ifindex: u32) -> DevConf {
        self.dev.get(&ifindex).copied().unwrap_or(self.default)
    }

    /// proxy_arp for a device: on if on for the device or for `all`
    /// (IN_DEV_ORCONF).
    pub fn proxy_arp(&self, ifindex: u32) -> bool {
        self.all.proxy_arp != 0 || self.dev_conf(ifindex).proxy_arp != 0
    }

    /// A new device inherits the `default` settings.
    pub fn add_dev(&mut self, ifindex: u32) {
        self.dev.insert(ifindex, self.default);
        self.neigh.insert(ifindex, self.neigh_default);
    }

    pub fn remove_dev(&mut self, ifindex: u32) {
        self.dev.remove(&ifindex);
        self.neigh.remove(&ifindex);
    }
}

/// Which setting a /proc/sys path names.
enum Key {
    IpForward,
    /// `net.ipv4.route.flush`: write-only; forgets learnt path MTUs.
    RouteFlush,
    IpDefaultTtl,
    IcmpRatelimit,
    IcmpRatemask,
    Icmp6Ratelimit,
    /// arptables, iptables, ip6tables.
    BridgeNfCall(usize),
    /// `net.netfilter.nf_conntrack_count` (read-only).
    ConntrackCount,
    Conf(ConfOf, ConfField),
    NeighProxyDelay(Option<u32>),
}

enum ConfOf {
    All,
    Default,
    Dev(u32),
}

#[derive(Clone, Copy)]
enum ConfField {
    Forwarding,
    ProxyArp,
    RpFilter,
    DisableIpv6,
    Forwarding6,
    AcceptDad,
    DadTransmits,
    ProxyNdp,
    RouterSolicitations,
    RouterSolicitationInterval,
    Mldv2Interval,
}

fn lookup(k: &super::Kernel, ns: super::NsId, path: &str) -> Option<Key> {
    let n = k.ns(ns)?;
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["net", "ipv4", "ip_forward"] => Some(Key::IpForward),
        ["net", "ipv4", "route", "flush"] => Some(Key::RouteFlush),
        ["net", "ipv4", "ip_default_ttl"] => Some(Key::IpDefaultTtl),
        ["net", "ipv4", "icmp_ratelimit"] => Some(Key::IcmpRatelimit),
        ["net", "ipv4", "icmp_ratemask"] => Some(Key::IcmpRatemask),
        ["net", "ipv6", "icmp", "ratelimit"] => Some(Key::Icmp6Ratelimit),
        ["net", "bridge", "bridge-nf-call-arptables"] => Some(Key::BridgeNfCall(0)),
        ["net", "bridge", "bridge-nf-call-iptables"] => Some(Key::BridgeNfCall(1)),
        ["net", "bridge", "bridge-nf-call-ip6tables"] => Some(Key::BridgeNfCall(2)),
        ["net", "netfilter", "nf_conntrack_count"] => Some(Key::ConntrackCount),
        ["net", "ipv6", "conf", who, field] => {
            let of = match *who {
                "all" => ConfOf::All,
                "default" => ConfOf::Default,
                dev => ConfOf::Dev(n.ifindex_of(dev)?),
            };
            let f = match *field {
                "disable_ipv6" => ConfField::DisableIpv6,
                "forwarding" => ConfField::Forwarding6,
                "accept_dad" => ConfField::AcceptDad,
                "dad_transmits" => ConfField::DadTransmits,
                "proxy_ndp" => ConfField::ProxyNdp,
                "router_solicitations" => ConfField::RouterSolicitations,
                "router_solicitation_interval" => ConfField::RouterSolicitationInterval,
                "mldv2_unsolicited_report_interval" => ConfField::Mldv2Interval,
                _ => return None,
            };
            Some(Key::Conf(of, f))
        }
        ["net", "ipv4", "conf", who, field] => {
            let of = match *who {
                "all" => ConfOf::All,
                "default" => ConfOf::Default,
                dev => ConfOf::Dev(n.ifindex_of(dev)?),
            };
            let f = match *field {
                "forwarding" => ConfField::Forwarding,
                "proxy_arp" => ConfField::ProxyArp,
                "rp_filter" => ConfField::RpFilter,
                _ => return None,
            };
            Some(Key::Conf(of, f))
        }
        ["net", "ipv4", "neigh", who, "proxy_delay"] => match *who {
            // neigh/default is the initial namespace's only.
            "default" if ns == super::NsId::HOST => Some(Key::NeighProxyDelay(None)),
            "default" => None,
            dev => Some(Key::NeighProxyDelay(Some(n.ifindex_of(dev)?))),
        },
        _ => None,
    }
}

fn field(c: &DevConf, f: ConfField) -> i32 {
    match f {
        ConfField::Forwarding => c.forwarding,
        ConfField::ProxyArp => c.proxy_arp,
        ConfField::RpFilter => c.rp_filter,
        ConfField::DisableIpv6 => c.disable_ipv6,
        ConfField::Forwarding6 => c.forwarding6,
        ConfField::AcceptDad => c.accept_dad,
        ConfField::DadTransmits => c.dad_transmits,
        ConfField::ProxyNdp => c.proxy_ndp,
        ConfField::RouterSolicitations => c.router_solicitations,
        ConfField::RouterSolicitationInterval => c.router_solicitation_interval,
        ConfField::Mldv2Interval => c.mldv2_unsolicited_report_interval,
    }
}

/// Reads a setting by its /proc/sys path (`net/ipv4/ip_forward`).
pub fn read(k: &super::Kernel, ns: super::NsId, path: &str) -> Result<String, super::Errno> {
    let key = lookup(k, ns, path).ok_or(super::Errno::ENOENT)?;
    let n = k.ns(ns).ok_or(super::Errno::ENOENT)?;
    let c = &n.conf;
    let v = match key {
        Key::RouteFlush => return Err(super::Errno::EACCES),
        Key::ConntrackCount => return Ok(n.conntrack.count(k.now_ms).to_string()),
        Key::IcmpRatelimit => c.icmp_ratelimit,
        Key::IcmpRatemask => c.icmp_ratemask,
        Key::Icmp6Ratelimit => c.icmp6_ratelimit,
        Key::BridgeNfCall(i) => c.bridge_nf_call[i],
        Key::IpForward => c.all.forwarding,
        Key::IpDefaultTtl => c.ip_default_ttl,
        Key::Conf(ConfOf::All, f) => field(&c.all, f),
        Key::Conf(ConfOf::Default, f) => field(&c.default, f),
        Key::Conf(ConfOf::Dev(i), f) => field(&c.dev_conf(i), f),
        Key::NeighProxyDelay(None) => return Ok(c.neigh_default.proxy_delay_shown()),
        Key::NeighProxyDelay(Some(i)) => return Ok(c.neigh.get(&i).copied().unwrap_or_default().proxy_delay_shown()),
    };
    Ok(v.to_string())
}

/// `proc_get_long()`: blanks, an optional minus, digits in C's base 0
/// (`0x` hex, leading `0` octal), then only blanks or another number (a
/// one-int file takes the first). `None` for anything else.
fn parse_long(text: &str) -> Option<(bool, u64)> {
    let is_blank = |c: char| matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r');
    let t = text.trim_start_matches(is_blank);
    let (neg, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let (radix, digits) = if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        (16, h)
    } else if t.len() > 1 && t.starts_with('0') {
        (8, &t[1..])
    } else {
        (10, t)
    };
    let end = digits.find(|c: char| !c.is_digit(radix)).unwrap_or(digits.len());
    if end == 0 && radix != 8 {
        return None;
    }
    let v = if end == 0 { 0 } else { u64::from_str_radix(&digits[..end], radix).ok()? };
    match digits[end..].chars().next() {
        None => Some((neg, v)),
        Some(c) if is_blank(c) => Some((neg, v)),
        Some(_) => None,
    }
}

/// `proc_dointvec()`'s conversion: an `int`, or EINVAL.
fn dointvec(text: &str) -> Result<i32, super::Errno> {
    let (neg, v) = parse_long(text).ok_or(super::Errno::EINVAL)?;
    let v = if neg {
        -i64::try_from(v).map_err(|_| super::Errno::EINVAL)?
    } else {
        i64::try_from(v).map_err(|_| super::Errno::EINVAL)?
    };
    i32::try_from(v).map_err(|_| super::Errno::EINVAL)
}

/// `proc_dointvec_userhz_jiffies()`'s conversion: centiseconds to jiffies
/// (`clock_t_to_jiffies()`, saturating, then kept as an `int`).
fn userhz_jiffies(text: &str) -> Result<i32, super::Errno> {
    let (neg, v) = parse_long(text).ok_or(super::Errno::EINVAL)?;
    if v > (i64::MAX as u64 / HZ) * USER_HZ {
        return Err(super::Errno::EINVAL);
    }
    let x = if neg { v.wrapping_neg() } else { v };
    let j = if x >= u64::MAX / HZ * USER_HZ { u64::MAX } else { x * HZ / USER_HZ };
    Ok(j as i32)
}

/// Writes a setting, as the file's handler would take the text.
pub fn write(k: &mut super::Kernel, ns: super::NsId, path: &str, value: &str) -> Result<(), super::Errno> {
    let key = lookup(k, ns, path).ok_or(super::Errno::ENOENT)?;
    let n = k.ns_mut(ns).ok_or(super::Errno::ENOENT)?;
    // Switching IPv6 off or on changes the devices' addresses too.
    let ipv6_devs: Vec<u32> = match key {
        Key::Conf(ConfOf::All, ConfField::DisableIpv6) => n.links.keys().copied().collect(),
        Key::Conf(ConfOf::Dev(i), ConfField::DisableIpv6) => vec![i],
        _ => Vec::new(),
    };
    // Which devices route IPv6 before: those that start or stop join or
    // leave the routers' groups (`dev_forward_change()`).
    #[cfg(feature = "mcast")]
    let routers = |n: &super::netns::Namespace| -> Vec<(u32, bool)> {
        n.links.keys().map(|&i| (i, n.conf.dev_conf(i).forwarding6 != 0)).collect()
    };
    #[cfg(feature = "mcast")]
    let routed = routers(n);
    let c = &mut n.conf;
    match key {
        // The flush handler ignores what is written.
        Key::RouteFlush => n.pmtu_flush(),
        Key::IpForward | Key::Conf(ConfOf::All, ConfField::Forwarding) => c.set_ip_forward(dointvec(value)?),
        Key::ConntrackCount => return Err(super::Errno::EACCES),
        Key::IcmpRatelimit => c.icmp_ratelimit = dointvec(value)?,
        Key::IcmpRatemask => c.icmp_ratemask = dointvec(value)?,
        Key::Icmp6Ratelimit => c.icmp6_ratelimit = dointvec(value)?,
        Key::BridgeNfCall(i) => c.bridge_nf_call[i] = dointvec(value)?,
        Key::IpDefaultTtl => match dointvec(value)? {
            v @ 1..=255 => c.ip_default_ttl = v,
            _ => return Err(super::Errno::EINVAL),
        },
        Key::Conf(ConfOf::All, ConfField::DisableIpv6) => c.set_disable_ipv6_all(dointvec(value)?),
        Key::Conf(ConfOf::All, ConfField::Forwarding6) => c.set_forwarding6_all(dointvec(value)?),
        Key::Conf(of, f) => {
            let v = dointvec(value)?;
            let d = match of {
                ConfOf::All => &mut c.all,
                ConfOf::Default => &mut c.default,
                ConfOf::Dev(i) => c.dev.entry(i).or_insert_with(Default::default),
            };
            match f {
                ConfField::Forwarding => d.forwarding = v,
                ConfField::ProxyArp => d.proxy_arp = v,
                ConfField::RpFilter => d.rp_filter = v,
                ConfField::DisableIpv6 => d.disable_ipv6 = v,
                ConfField::Forwarding6 => d.forwarding6 = v,
                ConfField::AcceptDad => d.accept_dad = v,
                ConfField::DadTransmits => d.dad_transmits = v,
                ConfField::ProxyNdp => d.proxy_ndp = v,
                ConfField::RouterSolicitations => d.router_solicitations = v,
                ConfField::RouterSolicitationInterval => d.router_solicitation_interval = v,
                ConfField::Mldv2Interval => d.mldv2_unsolicited_report_interval = v,
            }
        }
        Key::NeighProxyDelay(None) => c.neigh_default.proxy_delay_jiffies = userhz_jiffies(value)?,
        Key::NeighProxyDelay(Some(i)) => {
            c.neigh.entry(i).or_insert_with(Default::default).proxy_delay_jiffies = userhz_jiffies(value)?
        }
    }
    #[cfg(feature = "mcast")]
    {
        let now = k.ns(ns).map(routers).unwrap_or_default();
        for ((i, was), (_, is)) in routed.into_iter().zip(now) {
            if was != is {
                k.mc_forward_change(super::link::LinkRef { ns, ifindex: i }, is);
            }
        }
    }
    for i in ipv6_devs {
        let r = super::link::LinkRef { ns, ifindex: i };
        if k.ns(ns).is_some_and(|n| n.conf.dev_conf(i).disable_ipv6 != 0) {
            k.ipv6_down(r);
            k.fib6_sync(ns);
        } else {
            k.refresh_ipv6(r);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints_as_proc_dointvec_reads_them() {
        for (text, want) in [
            ("1", Some(1)),
            (" 1", Some(1)),
            ("1 ", Some(1)),
            ("1 0", Some(1)),
            ("0x1", Some(1)),
            ("01", Some(1)),
            ("010", Some(8)),
            ("0", Some(0)),
            ("-1", Some(-1)),
            ("2147483647", Some(i32::MAX)),
            ("-2147483648", Some(i32::MIN)),
        ] {
            assert_eq!(dointvec(text).ok(), want, "{text:?}");
        }
        for bad in ["", "x", "1x", "+1", "08", "0x", "-", "2147483648", "-2147483649", "99999999999999999999"] {
            assert!(dointvec(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn jiffies_round_as_the_recording_shows() {
        for (written, shown) in [
            ("25", "24"),
            ("1", "0"),
            ("3", "2"),
            ("-1", "-0"),
            ("0x10", "16"),
            ("2147483647", "429496728"),
            ("80", "80"),
        ] {
            let c = NeighConf { proxy_delay_jiffies: userhz_jiffies(written).unwrap() };
            assert_eq!(c.proxy_delay_shown(), shown, "{written}");
        }
    }
}
