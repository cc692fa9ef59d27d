//! Multicast memberships, as `ip maddr` reads them: not rtnetlink but
//! `/proc/net/{dev_mcast,igmp,igmp6}` inside the namespace, and the
//! SIOCADDMULTI/SIOCDELMULTI ioctls for a static entry.

use std::net::{Ipv4Addr, Ipv6Addr};
use std::os::fd::BorrowedFd;

use sim_core::kernel::mac::Mac;
use sim_core::kernel::Errno;
use sim_core::netlink::{MaddrMsg, McGroup};

use super::conn::errno_of;
use super::netns;

fn hex_bytes(s: &str) -> Option<Vec<u8>> {
    s.len().is_multiple_of(2).then_some(())?;
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok()).collect()
}

/// `/proc/net/dev_mcast`: `INDEX NAME USERS GLOBAL HEX` per line.
pub fn parse_dev_mcast(text: &str) -> Vec<MaddrMsg> {
    text.lines()
        .filter_map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            let [index, name, users, global, hex] = w.as_slice() else { return None };
            let mac = Mac(<[u8; 6]>::try_from(hex_bytes(hex)?.as_slice()).ok()?);
            Some(MaddrMsg {
                ifindex: index.parse().ok()?,
                name: name.to_string(),
                group: McGroup::Link(mac),
                users: users.parse().ok()?,
                is_static: *global != "0",
            })
        })
        .collect()
}

/// `/proc/net/igmp`: a header, a line per device (`INDEX NAME: …`), then a
/// tab-led line per group (its address as the host-order hex of the
/// network-order word, then its users).
pub fn parse_igmp(text: &str) -> Vec<MaddrMsg> {
    let mut out = Vec::new();
    let mut dev: Option<(u32, String)> = None;
    for l in text.lines().skip(1) {
        let w: Vec<&str> = l.split_whitespace().collect();
        if !l.starts_with('\t') {
            dev = match w.as_slice() {
                [index, name, ..] => index.parse().ok().map(|i| (i, name.trim_end_matches(':').to_string())),
                _ => None,
            };
            continue;
        }
        let (Some((ifindex, name)), [hex, users, ..]) = (&dev, w.as_slice()) else { continue };
        let (Ok(word), Ok(users)) = (u32::from_str_radix(hex, 16), users.parse()) else { continue };
        let group = McGroup::Inet(Ipv4Addr::from(word.to_ne_bytes()));
        out.push(MaddrMsg { ifindex: *ifindex, name: name.clone(), group, users, is_static: false });
    }
    out
}

/// `/proc/net/igmp6`: `INDEX NAME HEX USERS …` per line.
pub fn parse_igmp6(text: &str) -> Vec<MaddrMsg> {
    text.lines()
        .filter_map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            let [index, name, hex, users, ..] = w.as_slice() else { return None };
            let addr = Ipv6Addr::from(<[u8; 16]>::try_from(hex_bytes(hex)?.as_slice()).ok()?);
            Some(MaddrMsg {
                ifindex: index.parse().ok()?,
                name: name.to_string(),
                group: McGroup::Inet6(addr),
                users: users.parse().ok()?,
                is_static: false,
            })
        })
        .collect()
}

/// Every membership in namespace `ns`, each file in its order.
pub fn dump(ns: BorrowedFd<'_>, home: BorrowedFd<'_>) -> Vec<MaddrMsg> {
    let read = |f: &str| std::fs::read_to_string(format!("/proc/thread-self/net/{f}")).unwrap_or_default();
    let Ok((dev, igmp, igmp6)) = netns::within(ns, home, || (read("dev_mcast"), read("igmp"), read("igmp6"))) else {
        return Vec::new();
    };
    let mut all = parse_dev_mcast(&dev);
    all.extend(parse_igmp(&igmp));
    all.extend(parse_igmp6(&igmp6));
    all
}

/// SIOCADDMULTI / SIOCDELMULTI on device `name` in namespace `ns`, through
/// an AF_INET datagram socket as iproute2 opens one.
pub fn change(ns: BorrowedFd<'_>, home: BorrowedFd<'_>, name: &str, mac: Mac, add: bool) -> Result<(), Errno> {
    // SAFETY: a zeroed ifreq is a valid value of this plain C struct.
    let mut req: libc::ifreq = unsafe { std::mem::zeroed() };
    for (d, s) in req.ifr_name.iter_mut().zip(name.bytes().take(libc::IFNAMSIZ - 1)) {
        *d = s as libc::c_char;
    }
    // SAFETY: the union's sockaddr member is the one SIOC*MULTI reads.
    unsafe {
        req.ifr_ifru.ifru_hwaddr.sa_family = libc::AF_UNSPEC as libc::sa_family_t;
        for (d, s) in req.ifr_ifru.ifru_hwaddr.sa_data.iter_mut().zip(mac.0) {
            *d = s as libc::c_char;
        }
    }
    let cmd = if add { libc::SIOCADDMULTI } else { libc::SIOCDELMULTI };
    let r = netns::within(ns, home, || {
        // SAFETY: socket() and ioctl() with a valid, initialised ifreq; the
        // descriptor is closed before returning.
        unsafe {
            let fd = libc::socket(libc::AF_INET, libc::SOCK_DGRAM, 0);
            if fd < 0 {
                return Err(std::io::Error::last_os_error());
            }
            let rc = libc::ioctl(fd, cmd, &mut req);
            let err = std::io::Error::last_os_error();
            libc::close(fd);
            if rc != 0 {
                return Err(err);
            }
            Ok(())
        }
    });
    match r {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) | Err(e) => Err(errno_of(e.raw_os_error().unwrap_or(libc::EINVAL))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_proc_files_parse_as_ip_maddr_reads_them() {
        let dev = "3    va              1     0     333300000001\n3    va              2     1     333300000002\n";
        let d = parse_dev_mcast(dev);
        assert_eq!(d[1].group, McGroup::Link(Mac([0x33, 0x33, 0, 0, 0, 2])));
        assert_eq!((d[1].users, d[1].is_static), (2, true));
        let igmp = "Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter\n1\tlo        :     1      V3\n\t\t\t\t010000E0     1 0:00000000\t\t0\n";
        let g = parse_igmp(igmp);
        assert_eq!(g.len(), 1);
        if cfg!(target_endian = "little") {
            assert_eq!(g[0].group, McGroup::Inet(Ipv4Addr::new(224, 0, 0, 1)));
        }
        assert_eq!((g[0].ifindex, g[0].name.as_str()), (1, "lo"));
        let igmp6 = "1    lo              ff020000000000000000000000000001     1 0000000C 0\n";
        let s = parse_igmp6(igmp6);
        assert_eq!(s[0].group, McGroup::Inet6("ff02::1".parse().expect("address")));
    }
}
