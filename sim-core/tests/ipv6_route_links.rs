//! IPv6 routes against link states (issue 14): a real-kernel recording,
//! `tests/data/ipv6-routes/link-states.sh`, of the kernel's own routes
//! while a link is down, up without carrier (`linkdown` prefix routes for
//! every address, tentative or not), with carrier, losing it and going
//! down (every route through it gone), and of `ip -6 route` verbs beside
//! them. Recorded on 6.18 with `record-transcript` like `../ipv6`.

mod replay_support;

#[test]
fn ipv6_route_link_states_match() {
    replay_support::check_folder("ipv6-routes", &replay_support::data("ipv6-routes"));
}
