//! MAC addresses and the seeded generator the kernel draws them from.

use std::fmt;

/// A 48-bit Ethernet address.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mac(pub [u8; 6]);

impl Mac {
    pub const ZERO: Mac = Mac([0; 6]);
    pub const BROADCAST: Mac = Mac([0xff; 6]);

    pub fn is_multicast(&self) -> bool {
        self.0[0] & 1 == 1
    }

    pub fn is_zero(&self) -> bool {
        *self == Mac::ZERO
    }

    /// A valid unicast station address (what the kernel accepts for a device).
    pub fn is_valid_ether(&self) -> bool {
        !self.is_multicast() && !self.is_zero()
    }

    /// Parses `aa:bb:cc:dd:ee:ff` (one or two hex digits per byte, as iproute2 does).
    pub fn parse(s: &str) -> Option<Mac> {
        let mut out = [0u8; 6];
        let mut parts = s.split(':');
        for byte in out.iter_mut() {
            let p = parts.next()?;
            if p.is_empty() || p.len() > 2 {
                return None;
            }
            *byte = u8::from_str_radix(p, 16).ok()?;
        }
        if parts.next().is_some() {
            return None;
        }
        Some(Mac(out))
    }

    /// The modified EUI-64 interface identifier (RFC 4291) for IPv6 link-local addresses.
    pub fn eui64(&self) -> [u8; 8] {
        let m = self.0;
        [m[0] ^ 0x02, m[1], m[2], 0xff, 0xfe, m[3], m[4], m[5]]
    }
}

impl fmt::Display for Mac {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = self.0;
        write!(f, "{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}", m[0], m[1], m[2], m[3], m[4], m[5])
    }
}

pub use crate::rng::Rng;

impl Rng {
    /// A random locally administered unicast address, as `eth_random_addr()` makes.
    pub fn ether_addr(&mut self) -> Mac {
        let b = self.next_u64().to_le_bytes();
        let mut m = [b[0], b[1], b[2], b[3], b[4], b[5]];
        m[0] &= 0xfe;
        m[0] |= 0x02;
        Mac(m)
    }
}
