//! What a packet socket (`AF_PACKET`, tcpdump's) sees: each frame a device
//! sent or received, when, and how the kernel classed it. The engine hands
//! every frame to the open captures of its namespace at the moments Linux
//! does (`dev_queue_xmit_nit()` on the way out, `__netif_receive_skb()` on
//! the way in); a program takes them with `Sockets::capture_take`.

use super::wire::EthFrame;

/// `sll_pkttype`: how the receiving device classed a frame (tcpdump on
/// `any` prints it as `In`, `B`, `M`, `P` or `Out`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PktType {
    /// `PACKET_HOST`: for this device's own MAC.
    Host,
    /// `PACKET_BROADCAST`.
    Broadcast,
    /// `PACKET_MULTICAST`.
    Multicast,
    /// `PACKET_OTHERHOST`: for another MAC (a bridge port sees these).
    OtherHost,
    /// `PACKET_OUTGOING`: sent by this device.
    Outgoing,
}

/// One captured frame. On `lo` the frame has all-zero MAC addresses, as
/// Linux's loopback writes them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Captured {
    /// Virtual time it was seen (µs).
    pub at_us: u64,
    /// The device, in the capture's namespace.
    pub ifindex: u32,
    pub pkt_type: PktType,
    pub frame: EthFrame,
}
