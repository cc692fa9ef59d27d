//! What a device sends of the kernel's own accord, kept as timers on the
//! device (feature `mcast`: the groups it reports are `Link::mc`):
//!
//! - MLDv2 state-change reports when a group is joined on a device that
//!   is up (`mld_ifc_event()`): `mc_qrv` (2) reports, the first at once,
//!   the next a random time below `mldv2_unsolicited_report_interval`
//!   later; from `::` while no link-local address passed DAD.
//! - The same reports again, twice, once a link-local address passed DAD
//!   (`ipv6_mc_dad_complete()`), now from that address.
//! - Router solicitations from a host (IPv6 forwarding off) from then on
//!   (`addrconf_rs_timer()`): at once, then after `rtr_solicit_interval`
//!   (4 s) ±10 %, each interval about twice the one before
//!   (RFC 7559's backoff) up to `rtr_solicit_max_interval` (an hour).
//! - IGMPv3 state-change reports for IPv4 groups other than all-hosts
//!   (`igmp_ifc_event()`, a bridge's 224.0.0.106): two, as MLD's.
//!
//! DAD's probes are the address's (`Inet6::dad_probes`). The packet engine
//! sends what is due (`packet/own.rs`). Where the kernel draws a delay at
//! random, [`draw`] draws it from a hash of the device and the time, so a
//! run repeats exactly and the lab's MAC sequence is untouched.

/// A device's timers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OwnTraffic {
    /// MLD state-change reports (`mc_ifc_count`), and the one group they
    /// name when a router's subnet-router anycast address started them
    /// (else every group the device reports).
    pub mld_change: Repeats,
    pub mld_change_only: Option<std::net::Ipv6Addr>,
    /// MLD reports after the link-local address's DAD (`mc_dad_count`).
    pub mld_dad: Repeats,
    /// IGMPv3 state-change reports (`mr_ifc_count`).
    pub igmp_change: Repeats,
    /// The next router solicitation.
    pub rs: Option<Solicit>,
}

/// Reports still to send, and when the next one goes (virtual ms).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Repeats {
    pub left: u8,
    pub at_ms: u64,
}

/// When the next router solicitation goes, and the interval that follows
/// it (`rs_interval`, ms); `sent` counts them (`rs_probes`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Solicit {
    pub at_ms: u64,
    pub interval_ms: u64,
    pub sent: u32,
}

/// `mc_qrv` / `mr_qrv`: the robustness variable, reports per change.
pub const ROBUSTNESS: u8 = 2;
/// `rtr_solicit_max_interval`: 3600 s.
pub const RS_MAX_INTERVAL_MS: u64 = 3_600_000;

impl Repeats {
    /// Reports to send from `now_ms`: the first at once.
    pub fn start(now_ms: u64) -> Repeats {
        Repeats { left: ROBUSTNESS, at_ms: now_ms }
    }

    /// When the next is due, if one is.
    pub fn due(&self) -> Option<u64> {
        (self.left > 0).then_some(self.at_ms)
    }

    /// One was sent at `now_ms`; the next waits a random time below
    /// `interval_ms` (`mld_ifc_start_work()`, `igmp_ifc_start_timer()`).
    pub fn sent(&mut self, now_ms: u64, interval_ms: u64, seed: u64) {
        self.left = self.left.saturating_sub(1);
        self.at_ms = now_ms + draw(seed, now_ms, interval_ms);
    }
}

impl Solicit {
    /// The first solicitation, at `now_ms`; the interval after it
    /// `rfc3315_s14_backoff_init()`: `interval_ms` ±10 %.
    pub fn first(now_ms: u64, interval_ms: u64, seed: u64) -> Solicit {
        let interval_ms = interval_ms * 9 / 10 + draw(seed, now_ms, interval_ms / 5 + 1);
        Solicit { at_ms: now_ms, interval_ms, sent: 0 }
    }

    /// One was sent at `now_ms`: the next after the interval, which
    /// `rfc3315_s14_backoff_update()` then takes 1.9 to 2.1 times over,
    /// up to the maximum.
    pub fn sent(&mut self, now_ms: u64, seed: u64) {
        self.sent += 1;
        self.at_ms = now_ms + self.interval_ms;
        let next = self.interval_ms * 19 / 10 + draw(seed, now_ms, self.interval_ms / 5 + 1);
        self.interval_ms = next.min(RS_MAX_INTERVAL_MS);
    }
}

impl OwnTraffic {
    /// IPv6 went from the device, or it stopped being ready: its reports
    /// and solicitations stop (IPv4's go on).
    pub fn stop_ipv6(&mut self) {
        self.mld_change = Repeats::default();
        self.mld_change_only = None;
        self.mld_dad = Repeats::default();
        self.rs = None;
    }

    /// When the device next sends something (ms).
    pub fn next_ms(&self) -> Option<u64> {
        [self.mld_change.due(), self.mld_dad.due(), self.igmp_change.due(), self.rs.map(|s| s.at_ms)]
            .into_iter()
            .flatten()
            .min()
    }
}

/// A delay in `0..below` ms, from a hash of `seed` (the device) and the time.
pub fn draw(seed: u64, now_ms: u64, below: u64) -> u64 {
    crate::rng::mix(&[seed, now_ms, 0x006f_776e]) % below.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solicitations_back_off_to_an_hour() {
        let mut s = Solicit::first(0, 4000, 7);
        assert!((3600..=4400).contains(&s.interval_ms));
        let mut gaps = Vec::new();
        for _ in 0..14 {
            let at = s.at_ms;
            s.sent(at, 7);
            gaps.push(s.at_ms - at);
        }
        assert!((6840..=9240).contains(&gaps[1]), "{gaps:?}");
        assert_eq!(*gaps.last().unwrap(), RS_MAX_INTERVAL_MS);
    }

    #[test]
    fn reports_go_twice_the_second_within_the_interval() {
        let mut r = Repeats::start(500);
        assert_eq!(r.due(), Some(500));
        r.sent(500, 1000, 3);
        let second = r.due().unwrap();
        assert!((500..1500).contains(&second));
        r.sent(second, 1000, 3);
        assert_eq!(r.due(), None);
    }
}
