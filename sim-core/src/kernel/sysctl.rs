//! The per-namespace settings `sysctl` reads and writes under net.ipv4.

use litemap::LiteMap;

/// `net.ipv4.conf.X.*` for one X.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DevConf {
    pub forwarding: bool,
    pub proxy_arp: bool,
    pub rp_filter: u8,
}

/// `net.ipv4.neigh.X.*` for one X.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NeighConf {
    /// Milliseconds (the file shows jiffies at USER_HZ=100: centiseconds).
    pub proxy_delay_cs: u32,
}

impl Default for NeighConf {
    fn default() -> Self {
        NeighConf { proxy_delay_cs: 80 }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NsConf {
    pub all: DevConf,
    pub default: DevConf,
    /// Per device, by ifindex.
    pub dev: LiteMap<u32, DevConf>,
    pub neigh_default: NeighConf,
    pub neigh: LiteMap<u32, NeighConf>,
}

impl NsConf {
    /// `net.ipv4.ip_forward`, the same switch as `conf.all.forwarding`.
    pub fn ip_forward(&self) -> bool {
        self.all.forwarding
    }

    /// Writing `ip_forward` or `conf.all.forwarding` flips every device, as
    /// `inet_forward_change()` does.
    pub fn set_ip_forward(&mut self, on: bool) {
        self.all.forwarding = on;
        self.default.forwarding = on;
        for (_, c) in self.dev.iter_mut() {
            c.forwarding = on;
        }
    }

    pub fn dev_conf(&self, ifindex: u32) -> DevConf {
        self.dev.get(&ifindex).copied().unwrap_or(self.default)
    }

    /// proxy_arp for a device: on if on for the device or for `all`.
    pub fn proxy_arp(&self, ifindex: u32) -> bool {
        self.all.proxy_arp || self.dev_conf(ifindex).proxy_arp
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
}

fn lookup(k: &super::Kernel, ns: super::NsId, path: &str) -> Option<Key> {
    let n = k.ns(ns)?;
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["net", "ipv4", "ip_forward"] => Some(Key::IpForward),
        ["net", "ipv4", "route", "flush"] => Some(Key::RouteFlush),
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
            "default" => Some(Key::NeighProxyDelay(None)),
            dev => Some(Key::NeighProxyDelay(Some(n.ifindex_of(dev)?))),
        },
        _ => None,
    }
}

fn field(c: &DevConf, f: ConfField) -> u32 {
    match f {
        ConfField::Forwarding => u32::from(c.forwarding),
        ConfField::ProxyArp => u32::from(c.proxy_arp),
        ConfField::RpFilter => u32::from(c.rp_filter),
    }
}

/// Reads a setting by its /proc/sys path (`net/ipv4/ip_forward`).
pub fn read(k: &super::Kernel, ns: super::NsId, path: &str) -> Result<String, super::Errno> {
    let key = lookup(k, ns, path).ok_or(super::Errno::ENOENT)?;
    let c = &k.ns(ns).ok_or(super::Errno::ENOENT)?.conf;
    let v = match key {
        Key::RouteFlush => return Err(super::Errno::EACCES),
        Key::IpForward => u32::from(c.ip_forward()),
        Key::Conf(ConfOf::All, f) => field(&c.all, f),
        Key::Conf(ConfOf::Default, f) => field(&c.default, f),
        Key::Conf(ConfOf::Dev(i), f) => field(&c.dev_conf(i), f),
        Key::NeighProxyDelay(None) => c.neigh_default.proxy_delay_cs,
        Key::NeighProxyDelay(Some(i)) => c.neigh.get(&i).copied().unwrap_or_default().proxy_delay_cs,
    };
    Ok(v.to_string())
}

/// Writes a setting; the value must be a decimal integer, as proc_dointvec wants.
pub fn write(k: &mut super::Kernel, ns: super::NsId, path: &str, value: &str) -> Result<(), super::Errno> {
    let key = lookup(k, ns, path).ok_or(super::Errno::ENOENT)?;
    let v: i64 = value.trim().parse().map_err(|_| super::Errno::EINVAL)?;
    let n = k.ns_mut(ns).ok_or(super::Errno::ENOENT)?;
    if let Key::RouteFlush = key {
        n.pmtu_flush();
        return Ok(());
    }
    let c = &mut n.conf;
    let set = |d: &mut DevConf, f: ConfField| match f {
        ConfField::Forwarding => d.forwarding = v != 0,
        ConfField::ProxyArp => d.proxy_arp = v != 0,
        ConfField::RpFilter => d.rp_filter = v.clamp(0, 2) as u8,
    };
    match key {
        Key::RouteFlush => {}
        Key::IpForward | Key::Conf(ConfOf::All, ConfField::Forwarding) => c.set_ip_forward(v != 0),
        Key::Conf(ConfOf::All, f) => set(&mut c.all, f),
        Key::Conf(ConfOf::Default, f) => set(&mut c.default, f),
        Key::Conf(ConfOf::Dev(i), f) => set(c.dev.entry(i).or_insert_with(Default::default), f),
        Key::NeighProxyDelay(None) => c.neigh_default.proxy_delay_cs = v.max(0) as u32,
        Key::NeighProxyDelay(Some(i)) => {
            c.neigh.entry(i).or_insert_with(Default::default).proxy_delay_cs = v.max(0) as u32
        }
    }
    Ok(())
}
