//! `ip -d`: the details block after a link (`print_linktype`, `print_af_spec`).

use super::print::{Printer, To};
use super::Opts;
use crate::kernel::mac::Mac;
use crate::netlink::LinkMsg;

/// A bridge id as iproute2 prints it: priority, then the MAC in `%x` bytes.
fn bridge_id(mac: Mac) -> String {
    let m = mac.0;
    format!("8000.{:x}:{:x}:{:x}:{:x}:{:x}:{:x}", m[0], m[1], m[2], m[3], m[4], m[5])
}

fn words(p: &mut Printer, fields: &[(&'static str, &str)]) {
    for (k, v) in fields {
        p.string(To::Any, k, &format!("{k} {v} "), v);
    }
}

/// The `bridge` kind's attributes for a fresh bridge with STP off.
fn bridge_info(p: &mut Printer, l: &LinkMsg) {
    let id = bridge_id(l.bridge_id);
    words(
        p,
        &[
            ("forward_delay", "1500"),
            ("hello_time", "200"),
            ("max_age", "2000"),
            ("ageing_time", "30000"),
            ("stp_state", "0"),
            ("priority", "32768"),
            ("vlan_filtering", "0"),
        ],
    );
    words(
        p,
        &[
            ("bridge_id", &id),
            ("designated_root", &id),
            ("root_port", "0"),
            ("root_path_cost", "0"),
            ("topology_change", "0"),
            ("topology_change_detected", "0"),
        ],
    );
    let timers = ["hello_timer", "hello_timer", "tcn_timer", "tcn_timer", "topology_change_timer"];
    p.fields(
        "hello_timer    0.00 tcn_timer    0.00 topology_change_timer    0.00 gc_timer    0.00 ",
        &[&timers[..], &["topology_change_timer", "gc_timer", "gc_timer"]].concat(),
    );
    words(
        p,
        &[
            ("group_fwd_mask", "0"),
            ("group_address", "01:80:c2:00:00:00"),
            ("mcast_snooping", "1"),
            ("no_linklocal_learn", "0"),
            ("mcast_vlan_snooping", "0"),
            ("mcast_router", "1"),
            ("mcast_query_use_ifaddr", "0"),
            ("mcast_querier", "0"),
            ("mcast_hash_elasticity", "16"),
            ("mcast_hash_max", "4096"),
            ("mcast_last_member_count", "2"),
            ("mcast_startup_query_count", "2"),
            ("mcast_last_member_interval", "100"),
            ("mcast_membership_interval", "26000"),
            ("mcast_querier_interval", "25500"),
            ("mcast_query_interval", "12500"),
            ("mcast_query_response_interval", "1000"),
            ("mcast_startup_query_interval", "3124"),
            ("mcast_stats_enabled", "0"),
            ("mcast_igmp_version", "2"),
            ("mcast_mld_version", "1"),
            ("nf_call_iptables", "0"),
            ("nf_call_ip6tables", "0"),
            ("nf_call_arptables", "0"),
        ],
    );
}

/// The `bridge_slave` attributes of a port.
fn bridge_slave_info(p: &mut Printer, opts: &Opts, l: &LinkMsg) {
    let Some(port) = l.brport else { return };
    p.nl(opts.oneline);
    p.string(To::Any, "info_slave_kind", "    bridge_slave ", "bridge_slave");
    let id = bridge_id(port.bridge_mac);
    let port_id = format!("0x{:x}", 0x8000 | u32::from(port.port_no));
    let port_no = format!("0x{:x}", port.port_no);
    let designated_port = (0x8000 | u32::from(port.port_no)).to_string();
    words(
        p,
        &[
            ("state", port.state.name()),
            ("priority", "32"),
            ("cost", "2"),
            ("hairpin", "off"),
            ("guard", "off"),
            ("root_block", "off"),
            ("fastleave", "off"),
            ("learning", "on"),
            ("flood", "on"),
        ],
    );
    words(
        p,
        &[
            ("port_id", &port_id),
            ("port_no", &port_no),
            ("designated_port", &designated_port),
            ("designated_cost", "0"),
            ("designated_bridge", &id),
            ("designated_root", &id),
        ],
    );
    let timers = ["hold_timer", "hold_timer", "message_age_timer", "message_age_timer", "forward_delay_timer"];
    p.fields(
        "hold_timer    0.00 message_age_timer    0.00 forward_delay_timer    0.00 ",
        &[&timers[..], &["forward_delay_timer"]].concat(),
    );
    words(
        p,
        &[
            ("topology_change_ack", "0"),
            ("config_pending", "0"),
            ("proxy_arp", "off"),
            ("proxy_arp_wifi", "off"),
            ("mcast_router", "1"),
            ("mcast_fast_leave", "off"),
            ("mcast_flood", "on"),
            ("bcast_flood", "on"),
            ("mcast_to_unicast", "off"),
            ("neigh_suppress", "off"),
            ("group_fwd_mask", "0"),
            ("group_fwd_mask_str", "0x0"),
            ("vlan_tunnel", "off"),
            ("isolated", "off"),
            ("locked", "off"),
        ],
    );
}

/// Everything `ip -d link` adds after the `link/…` line.
pub fn details(p: &mut Printer, opts: &Opts, l: &LinkMsg, do_link: bool) {
    p.uint(To::Any, "promiscuity", &format!(" promiscuity {} ", l.promiscuity), u64::from(l.promiscuity));
    p.uint(To::Any, "allmulti", &format!(" allmulti {} ", l.allmulti), u64::from(l.allmulti));
    p.uint(To::Any, "min_mtu", &format!("minmtu {} ", l.min_mtu), u64::from(l.min_mtu));
    p.uint(To::Any, "max_mtu", &format!("maxmtu {} ", l.max_mtu), u64::from(l.max_mtu));
    if let Some(k) = &l.kind {
        p.nl(opts.oneline);
        p.open_object(Some("linkinfo"));
        p.string(To::Any, "info_kind", &format!("    {k} "), k);
        if k == "bridge" {
            bridge_info(p, l);
        }
        bridge_slave_info(p, opts, l);
        p.close_object();
    }
    let q = u64::from(l.queues);
    let tso = u64::from(l.tso_max_size);
    // print_af_spec(): `ip link` only, though `ip address` gets IFLA_AF_SPEC too.
    if do_link {
        let m = l.addr_gen_mode.name();
        p.string(To::Any, "inet6_addr_gen_mode", &format!("addrgenmode {m} "), m);
    }
    p.uint(To::Any, "num_tx_queues", &format!("numtxqueues {q} "), q);
    p.uint(To::Any, "num_rx_queues", &format!("numrxqueues {q} "), q);
    p.uint(To::Any, "gso_max_size", "gso_max_size 65536 ", 65536);
    p.uint(To::Any, "gso_max_segs", "gso_max_segs 65535 ", 65535);
    p.uint(To::Any, "tso_max_size", &format!("tso_max_size {tso} "), tso);
    p.uint(To::Any, "tso_max_segs", "tso_max_segs 65535 ", 65535);
    p.uint(To::Any, "gro_max_size", "gro_max_size 65536 ", 65536);
    if let Some((bus, dev)) = &l.parent {
        p.string(To::Any, "parentbus", &format!("parentbus {bus} "), bus);
        p.string(To::Any, "parentdev", &format!("parentdev {dev} "), dev);
    }
}
