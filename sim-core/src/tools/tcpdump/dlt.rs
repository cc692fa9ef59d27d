//! libpcap 1.10.3's data link type names (`dlt_choices[]` in pcap.c), as
//! `-y` looks them up (case-insensitively), and the few a Linux device
//! opens with: `EN10MB` and `DOCSIS` on Ethernet, only `EN10MB` on
//! loopback, `LINUX_SLL` and `LINUX_SLL2` on `any`.

/// `dlt_choices[]`'s names, in its order.
const NAMES: &[&str] = &[
    "NULL",
    "EN10MB",
    "IEEE802",
    "ARCNET",
    "SLIP",
    "PPP",
    "FDDI",
    "ATM_RFC1483",
    "RAW",
    "SLIP_BSDOS",
    "PPP_BSDOS",
    "ATM_CLIP",
    "PPP_SERIAL",
    "PPP_ETHER",
    "SYMANTEC_FIREWALL",
    "C_HDLC",
    "IEEE802_11",
    "FRELAY",
    "LOOP",
    "ENC",
    "LINUX_SLL",
    "LTALK",
    "PFLOG",
    "PFSYNC",
    "PRISM_HEADER",
    "IP_OVER_FC",
    "SUNATM",
    "IEEE802_11_RADIO",
    "ARCNET_LINUX",
    "JUNIPER_MLPPP",
    "JUNIPER_MLFR",
    "JUNIPER_ES",
    "JUNIPER_GGSN",
    "JUNIPER_MFR",
    "JUNIPER_ATM2",
    "JUNIPER_SERVICES",
    "JUNIPER_ATM1",
    "APPLE_IP_OVER_IEEE1394",
    "MTP2_WITH_PHDR",
    "MTP2",
    "MTP3",
    "SCCP",
    "DOCSIS",
    "LINUX_IRDA",
    "IEEE802_11_RADIO_AVS",
    "JUNIPER_MONITOR",
    "BACNET_MS_TP",
    "PPP_PPPD",
    "JUNIPER_PPPOE",
    "JUNIPER_PPPOE_ATM",
    "GPRS_LLC",
    "GPF_T",
    "GPF_F",
    "JUNIPER_PIC_PEER",
    "ERF_ETH",
    "ERF_POS",
    "LINUX_LAPD",
    "JUNIPER_ETHER",
    "JUNIPER_PPP",
    "JUNIPER_FRELAY",
    "JUNIPER_CHDLC",
    "MFR",
    "JUNIPER_VP",
    "A429",
    "A653_ICM",
    "USB_FREEBSD",
    "BLUETOOTH_HCI_H4",
    "IEEE802_16_MAC_CPS",
    "USB_LINUX",
    "CAN20B",
    "IEEE802_15_4_LINUX",
    "PPI",
    "IEEE802_16_MAC_CPS_RADIO",
    "JUNIPER_ISM",
    "IEEE802_15_4",
    "SITA",
    "ERF",
    "RAIF1",
    "IPMB_KONTRON",
    "JUNIPER_ST",
    "BLUETOOTH_HCI_H4_WITH_PHDR",
    "AX25_KISS",
    "IPMB_LINUX",
    "IEEE802_15_4_NONASK_PHY",
    "MPLS",
    "LINUX_EVDEV",
    "USB_LINUX_MMAPPED",
    "DECT",
    "AOS",
    "WIHART",
    "FC_2",
    "FC_2_WITH_FRAME_DELIMS",
    "IPNET",
    "CAN_SOCKETCAN",
    "IPV4",
    "IPV6",
    "IEEE802_15_4_NOFCS",
    "DBUS",
    "JUNIPER_VS",
    "JUNIPER_SRX_E2E",
    "JUNIPER_FIBRECHANNEL",
    "DVB_CI",
    "MUX27010",
    "STANAG_5066_D_PDU",
    "JUNIPER_ATM_CEMIC",
    "NFLOG",
    "NETANALYZER",
    "NETANALYZER_TRANSPARENT",
    "IPOIB",
    "MPEG_2_TS",
    "NG40",
    "NFC_LLCP",
    "INFINIBAND",
    "SCTP",
    "USBPCAP",
    "RTAC_SERIAL",
    "BLUETOOTH_LE_LL",
    "NETLINK",
    "BLUETOOTH_LINUX_MONITOR",
    "BLUETOOTH_BREDR_BB",
    "BLUETOOTH_LE_LL_WITH_PHDR",
    "PROFIBUS_DL",
    "PKTAP",
    "EPON",
    "IPMI_HPM_2",
    "ZWAVE_R1_R2",
    "ZWAVE_R3",
    "WATTSTOPPER_DLM",
    "ISO_14443",
    "RDS",
    "USB_DARWIN",
    "OPENFLOW",
    "SDLC",
    "TI_LLN_SNIFFER",
    "VSOCK",
    "NORDIC_BLE",
    "DOCSIS31_XRA31",
    "ETHERNET_MPACKET",
    "DISPLAYPORT_AUX",
    "LINUX_SLL2",
    "OPENVIZSLA",
    "EBHSCR",
    "VPP_DISPATCH",
    "DSA_TAG_BRCM",
    "DSA_TAG_BRCM_PREPEND",
    "IEEE802_15_4_TAP",
    "DSA_TAG_DSA",
    "DSA_TAG_EDSA",
    "ELEE",
    "Z_WAVE_SERIAL",
    "USB_2_0",
    "ATSC_ALP",
];

/// `pcap_datalink_name_to_val()`: the name as libpcap spells it.
pub fn by_name(name: &str) -> Option<&'static str> {
    NAMES.iter().copied().find(|n| n.eq_ignore_ascii_case(name))
}

/// The link types a device here can be opened with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dlt {
    En10mb,
    Docsis,
    LinuxSll,
    LinuxSll2,
}

impl Dlt {
    /// `pcap_datalink_val_to_name()`.
    pub fn name(self) -> &'static str {
        match self {
            Dlt::En10mb => "EN10MB",
            Dlt::Docsis => "DOCSIS",
            Dlt::LinuxSll => "LINUX_SLL",
            Dlt::LinuxSll2 => "LINUX_SLL2",
        }
    }

    /// `pcap_datalink_val_to_description()`.
    pub fn description(self) -> &'static str {
        match self {
            Dlt::En10mb => "Ethernet",
            Dlt::Docsis => "DOCSIS",
            Dlt::LinuxSll => "Linux cooked v1",
            Dlt::LinuxSll2 => "Linux cooked v2",
        }
    }

    /// What a device opens with (`map_arphrd_to_dlt()`; `any` is cooked)
    /// and the list `pcap_set_datalink()` accepts (`dlt_list`, or the
    /// link type alone when the list is empty).
    pub fn offered(any: bool, loopback: bool) -> (Dlt, &'static [Dlt]) {
        if any {
            (Dlt::LinuxSll, &[Dlt::LinuxSll, Dlt::LinuxSll2])
        } else if loopback {
            (Dlt::En10mb, &[Dlt::En10mb])
        } else {
            (Dlt::En10mb, &[Dlt::En10mb, Dlt::Docsis])
        }
    }
}
