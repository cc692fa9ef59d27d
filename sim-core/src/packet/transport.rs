//! Typed UDP datagrams and TCP segments, in the smoltcp style: what is on
//! the wire (ports, sequence numbers, flags, window, options in the order
//! Linux 6.x writes them, and the data), kept apart from any printing.
//! Checksums are not modelled: nothing in the simulator corrupts a packet.

use std::fmt;

use super::wire::{Icmp, PROTO_ICMP};

/// Length of a UDP header.
pub const UDP_HLEN: usize = 8;
/// Length of a TCP header without options.
pub const TCP_HLEN: usize = 20;
/// IANA protocol numbers.
pub const PROTO_TCP: u8 = 6;
pub const PROTO_UDP: u8 = 17;

/// A UDP datagram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UdpDatagram {
    pub sport: u16,
    pub dport: u16,
    pub data: Vec<u8>,
}

impl UdpDatagram {
    /// Header and data.
    pub fn len(&self) -> usize {
        UDP_HLEN + self.data.len()
    }

    /// Never empty: a datagram has at least its header.
    pub fn is_empty(&self) -> bool {
        false
    }
}

/// TCP flag bits, as in the header's low byte.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TcpFlags(pub u8);

impl TcpFlags {
    pub const FIN: u8 = 0x01;
    pub const SYN: u8 = 0x02;
    pub const RST: u8 = 0x04;
    pub const PSH: u8 = 0x08;
    pub const ACK: u8 = 0x10;

    pub fn has(self, bit: u8) -> bool {
        self.0 & bit != 0
    }
    pub fn syn(self) -> bool {
        self.has(Self::SYN)
    }
    pub fn ack(self) -> bool {
        self.has(Self::ACK)
    }
    pub fn fin(self) -> bool {
        self.has(Self::FIN)
    }
    pub fn rst(self) -> bool {
        self.has(Self::RST)
    }
}

/// tcpdump's flag letters (`[S.]`, `[P.]`, `[F.]`, `[R]`).
impl fmt::Display for TcpFlags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (bit, c) in [(Self::SYN, 'S'), (Self::FIN, 'F'), (Self::PSH, 'P'), (Self::RST, 'R')] {
            if self.has(bit) {
                write!(f, "{c}")?;
            }
        }
        if self.ack() {
            write!(f, ".")?;
        }
        Ok(())
    }
}

/// One TCP option, as tcpdump names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TcpOption {
    Nop,
    Mss(u16),
    WindowScale(u8),
    SackPermitted,
    Timestamps { val: u32, ecr: u32 },
}

impl TcpOption {
    /// Bytes the option takes in the header.
    pub fn len(self) -> usize {
        match self {
            TcpOption::Nop => 1,
            TcpOption::Mss(_) => 4,
            TcpOption::WindowScale(_) => 3,
            TcpOption::SackPermitted => 2,
            TcpOption::Timestamps { .. } => 10,
        }
    }

    /// Never empty.
    pub fn is_empty(self) -> bool {
        false
    }
}

/// tcpdump's spelling: `mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7`.
impl fmt::Display for TcpOption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TcpOption::Nop => write!(f, "nop"),
            TcpOption::Mss(m) => write!(f, "mss {m}"),
            TcpOption::WindowScale(w) => write!(f, "wscale {w}"),
            TcpOption::SackPermitted => write!(f, "sackOK"),
            TcpOption::Timestamps { val, ecr } => write!(f, "TS val {val} ecr {ecr}"),
        }
    }
}

/// `tcp_syn_options()`'s order on Linux 6.x with timestamps, SACK and
/// window scaling on (the defaults): MSS, SACK-permitted and timestamps
/// share 12 bytes, then NOP and the window scale. A SYN-ACK answering a
/// SYN with the same options uses the same layout.
pub fn syn_options(mss: u16, ts_val: u32, ts_ecr: u32, wscale: u8) -> Vec<TcpOption> {
    vec![
        TcpOption::Mss(mss),
        TcpOption::SackPermitted,
        TcpOption::Timestamps { val: ts_val, ecr: ts_ecr },
        TcpOption::Nop,
        TcpOption::WindowScale(wscale),
    ]
}

/// `tcp_established_options()`: two NOPs, then the timestamps (12 bytes).
pub fn data_options(ts_val: u32, ts_ecr: u32) -> Vec<TcpOption> {
    vec![TcpOption::Nop, TcpOption::Nop, TcpOption::Timestamps { val: ts_val, ecr: ts_ecr }]
}

/// A TCP segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TcpSegment {
    pub sport: u16,
    pub dport: u16,
    pub seq: u32,
    pub ack: u32,
    pub flags: TcpFlags,
    /// The window field as sent (scaled by the sender's wscale after the
    /// handshake).
    pub window: u16,
    pub options: Vec<TcpOption>,
    pub data: Vec<u8>,
}

impl TcpSegment {
    /// Header length with options, padded to 4 bytes.
    pub fn header_len(&self) -> usize {
        TCP_HLEN + self.options.iter().map(|o| o.len()).sum::<usize>().div_ceil(4) * 4
    }

    /// Header and data.
    pub fn len(&self) -> usize {
        self.header_len() + self.data.len()
    }

    /// Never empty: a segment has at least its header.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Sequence space the segment takes: its data, and one for SYN and FIN.
    pub fn seq_len(&self) -> u32 {
        self.data.len() as u32 + u32::from(self.flags.syn()) + u32::from(self.flags.fin())
    }

    /// The timestamps option, if present.
    pub fn timestamps(&self) -> Option<(u32, u32)> {
        self.options.iter().find_map(|o| match *o {
            TcpOption::Timestamps { val, ecr } => Some((val, ecr)),
            _ => None,
        })
    }

    /// The MSS option, if present.
    pub fn mss(&self) -> Option<u16> {
        self.options.iter().find_map(|o| match *o {
            TcpOption::Mss(m) => Some(m),
            _ => None,
        })
    }
}

/// A trace's short name: `TCP 10.0.0.1:2000 > … [S] seq 1 win 64240 <mss 1460,…>` without
/// the addresses, which the trace adds.
impl fmt::Display for TcpSegment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TCP {} > {} [{}]", self.sport, self.dport, self.flags)?;
        if self.seq_len() > 0 || !self.flags.ack() {
            write!(f, " seq {}", self.seq)?;
        }
        if self.flags.ack() {
            write!(f, " ack {}", self.ack)?;
        }
        write!(f, " win {}", self.window)?;
        if !self.options.is_empty() {
            let opts: Vec<String> = self.options.iter().map(|o| o.to_string()).collect();
            write!(f, " options [{}]", opts.join(","))?;
        }
        write!(f, " length {}", self.data.len())
    }
}

/// What an IPv4 packet carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Payload {
    Icmp(Icmp),
    Udp(UdpDatagram),
    Tcp(TcpSegment),
    /// Only the kernel's own reports (`packet/own.rs`, feature `mcast`).
    #[cfg(feature = "mcast")]
    Igmp(super::wire::Igmp3Report),
}

impl From<Icmp> for Payload {
    fn from(i: Icmp) -> Payload {
        Payload::Icmp(i)
    }
}
impl From<UdpDatagram> for Payload {
    fn from(u: UdpDatagram) -> Payload {
        Payload::Udp(u)
    }
}
impl From<TcpSegment> for Payload {
    fn from(t: TcpSegment) -> Payload {
        Payload::Tcp(t)
    }
}

impl Payload {
    /// The IP protocol number.
    pub fn proto(&self) -> u8 {
        match self {
            Payload::Icmp(_) => PROTO_ICMP,
            #[cfg(feature = "mcast")]
            Payload::Igmp(_) => super::wire::PROTO_IGMP,
            Payload::Udp(_) => PROTO_UDP,
            Payload::Tcp(_) => PROTO_TCP,
        }
    }

    /// Bytes after the IP header.
    pub fn len(&self) -> usize {
        match self {
            Payload::Icmp(i) => i.len(),
            #[cfg(feature = "mcast")]
            Payload::Igmp(r) => r.len(),
            Payload::Udp(u) => u.len(),
            Payload::Tcp(t) => t.len(),
        }
    }

    /// Never empty.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The ICMP message, if this is one.
    pub fn icmp(&self) -> Option<&Icmp> {
        match self {
            Payload::Icmp(i) => Some(i),
            _ => None,
        }
    }

    /// Whether this is an ICMP error (never answered with another error).
    pub fn is_error(&self) -> bool {
        self.icmp().is_some_and(Icmp::is_error)
    }

    /// Whether this is an ICMP echo reply.
    pub fn is_echo_reply(&self) -> bool {
        matches!(self, Payload::Icmp(Icmp::EchoReply { .. }))
    }

    /// The source and destination ports (an echo's identifier for ICMP,
    /// the quoted packet's for an error), as conntrack's tuple holds them.
    pub fn ports(&self) -> (u16, u16) {
        match self {
            Payload::Icmp(Icmp::DestUnreachable { quoted, .. } | Icmp::TimeExceeded { quoted }) => {
                (quoted.sport, quoted.dport)
            }
            Payload::Icmp(i) => (i.echo_id(), i.echo_id()),
            #[cfg(feature = "mcast")]
            Payload::Igmp(_) => (0, 0),
            Payload::Udp(u) => (u.sport, u.dport),
            Payload::Tcp(t) => (t.sport, t.dport),
        }
    }

    /// Rewrites the ports (NAT); ICMP keeps its identifier.
    pub fn set_ports(&mut self, sport: u16, dport: u16) {
        match self {
            Payload::Icmp(_) => {}
            #[cfg(feature = "mcast")]
            Payload::Igmp(_) => {}
            Payload::Udp(u) => (u.sport, u.dport) = (sport, dport),
            Payload::Tcp(t) => (t.sport, t.dport) = (sport, dport),
        }
    }

    /// A short name for traces.
    pub fn name(&self) -> String {
        match self {
            Payload::Icmp(i) => i.name(),
            #[cfg(feature = "mcast")]
            Payload::Igmp(r) => format!("IGMPv3 report ({} groups)", r.groups.len()),
            Payload::Udp(u) => format!("UDP {} > {} length {}", u.sport, u.dport, u.data.len()),
            #[cfg(feature = "sockets")]
            Payload::Tcp(t) => t.to_string(),
            // The basic lab never sends TCP (no sockets): its words unlinked.
            #[cfg(not(feature = "sockets"))]
            Payload::Tcp(t) => format!("TCP {} > {}", t.sport, t.dport),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(flags: u8, options: Vec<TcpOption>, data: &[u8]) -> TcpSegment {
        TcpSegment {
            sport: 2000,
            dport: 80,
            seq: 1,
            ack: 0,
            flags: TcpFlags(flags),
            window: 64240,
            options,
            data: data.to_vec(),
        }
    }

    #[test]
    fn syn_is_60_bytes_of_ip_as_service_dnat_counts() {
        let s = seg(TcpFlags::SYN, syn_options(1460, 7, 0, 7), b"");
        assert_eq!(s.header_len(), 40);
        assert_eq!(s.len() + 20, 60);
        assert_eq!(s.seq_len(), 1);
        assert_eq!(
            s.to_string(),
            "TCP 2000 > 80 [S] seq 1 win 64240 options [mss 1460,sackOK,TS val 7 ecr 0,nop,wscale 7] length 0"
        );
    }

    #[test]
    fn data_segment_has_nop_nop_ts() {
        let mut s = seg(TcpFlags::PSH | TcpFlags::ACK, data_options(9, 8), b"hi\n");
        s.ack = 5;
        assert_eq!(s.header_len(), 32);
        assert_eq!(s.len(), 35);
        assert_eq!(s.timestamps(), Some((9, 8)));
        assert_eq!(s.to_string(), "TCP 2000 > 80 [P.] seq 1 ack 5 win 64240 options [nop,nop,TS val 9 ecr 8] length 3");
    }

    #[test]
    fn flags_print_as_tcpdump() {
        assert_eq!(TcpFlags(TcpFlags::SYN | TcpFlags::ACK).to_string(), "S.");
        assert_eq!(TcpFlags(TcpFlags::FIN | TcpFlags::ACK).to_string(), "F.");
        assert_eq!(TcpFlags(TcpFlags::RST).to_string(), "R");
        assert_eq!(TcpFlags(TcpFlags::RST | TcpFlags::ACK).to_string(), "R.");
    }

    #[test]
    fn udp_len() {
        // The 34 bytes service-dnat's nat counter shows for 6 bytes of data.
        assert_eq!(UdpDatagram { sport: 1, dport: 2, data: b"hello\n".to_vec() }.len() + 20, 34);
    }
}
