use super::*;
use sim_core::snapshot::PeerView;

fn link(name: &str, kind: LinkKind, peer: Option<(&str, &str)>) -> LinkView {
    LinkView {
        ifindex: 1,
        name: name.into(),
        kind,
        mac: "00:00:00:00:00:00".into(),
        admin_up: false,
        lower_up: false,
        operstate: "DOWN".into(),
        addrs: vec![],
        master: None,
        peer: peer.map(|(ns, n)| PeerView { ns: if ns == "host" { None } else { Some(ns.into()) }, name: n.into() }),
        capturing: false,
    }
}

fn ns(name: Option<&str>, links: Vec<LinkView>) -> NsView {
    NsView { name: name.map(String::from), links, ..NsView::default() }
}

fn lesson(extra: &[&str]) -> Snapshot {
    let mut namespaces = vec![
        ns(None, vec![link("lo", LinkKind::Loopback, None)]),
        ns(Some("orange"), vec![link("tap1", LinkKind::Veth, Some(("green", "tap2")))]),
        ns(Some("green"), vec![link("tap2", LinkKind::Veth, Some(("orange", "tap1")))]),
    ];
    for e in extra {
        namespaces.push(ns(Some(e), vec![link("lo", LinkKind::Loopback, None)]));
    }
    Snapshot { namespaces }
}

fn pos(l: &Layout, ns: &str) -> (f64, f64) {
    let f = l.frames.iter().find(|f| f.ns == ns).unwrap();
    (f.x, f.y)
}

#[test]
fn adding_a_namespace_moves_nothing() {
    let mut slots = Slots::default();
    let a = layout(&lesson(&[]), &mut slots, Shown::default(), COLS);
    let b = layout(&lesson(&["blue", "red", "pink"]), &mut slots, Shown::default(), COLS);
    for n in ["host", "orange", "green"] {
        assert_eq!(pos(&a, n), pos(&b, n), "{n} moved");
    }
    assert_eq!(slots.of("pink"), Some(4));
}

#[test]
fn a_deleted_namespace_frees_its_cell_for_the_next() {
    let mut slots = Slots::default();
    layout(&lesson(&["blue"]), &mut slots, Shown::default(), COLS);
    let mut snap = lesson(&[]);
    snap.namespaces.push(ns(Some("blue"), vec![]));
    snap.namespaces.retain(|n| n.name.as_deref() != Some("orange"));
    layout(&snap, &mut slots, Shown::default(), COLS);
    assert_eq!(slots.of("green"), Some(1), "green stays put");
    assert_eq!(slots.of("blue"), Some(2));
    snap.namespaces.push(ns(Some("red"), vec![]));
    layout(&snap, &mut slots, Shown::default(), COLS);
    assert_eq!(slots.of("red"), Some(0), "red takes orange's old cell");
}

#[test]
fn one_column_stacks_namespaces() {
    let l = layout(&lesson(&[]), &mut Slots::default(), Shown::default(), 1);
    assert_eq!(l.width, CELL_W);
    let (o, g) = (pos(&l, "orange"), pos(&l, "green"));
    assert_eq!(o.0, g.0);
    assert!(g.1 > o.1);
}

#[test]
fn one_cable_per_veth_pair() {
    let l = layout(&lesson(&[]), &mut Slots::default(), Shown::default(), COLS);
    assert_eq!(l.cables.len(), 1);
    assert!(l.cables[0].label.contains("tap1 (orange)"));
    let jacks: Vec<(&str, (f64, f64))> = l
        .frames
        .iter()
        .flat_map(|f| &f.tiles)
        .filter_map(|t| Some((t.name.as_str(), t.jack.map(|j| (j.0, j.1))?)))
        .collect();
    assert_eq!(jacks, [("tap1", l.cables[0].ends[0]), ("tap2", l.cables[0].ends[1])]);
    assert!(l.frames.iter().all(|f| f.x + f.w <= l.width && f.y + f.h <= l.height));
}

#[test]
fn bridges_come_first_with_their_ports_wired() {
    let mut port = link("veth0", LinkKind::Veth, None);
    port.master = Some("br0".into());
    let snap = Snapshot {
        namespaces: vec![ns(
            None,
            vec![
                link("lo", LinkKind::Loopback, None),
                port,
                link("eth9", LinkKind::Veth, None),
                link("br0", LinkKind::Bridge, None),
            ],
        )],
    };
    let l = layout(&snap, &mut Slots::default(), Shown { notes: true, ..Shown::default() }, COLS);
    let names: Vec<&str> = l.frames[0].tiles.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["lo", "br0", "veth0", "eth9"]);
    let wired: Vec<&str> = l.frames[0].tiles.iter().filter(|t| t.wire.is_some()).map(|t| t.name.as_str()).collect();
    assert_eq!(wired, ["veth0"]);
    assert_eq!(l.frames[0].notes, ["routes: none", "neighbours: none"]);
}

#[test]
fn the_ipv6_view_shows_ipv6_addresses_routes_and_neighbours() {
    let mut eth = link("eth0", LinkKind::Veth, None);
    eth.addrs = vec!["10.0.0.1/24".into(), "fe80::1/64".into(), "2001:db8::1/64".into()];
    let mut host = ns(None, vec![eth]);
    host.routes = vec!["10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.1".into()];
    host.routes6 = vec!["2001:db8::/64 dev eth0 proto kernel metric 256 pref medium".into()];
    host.neighbours6 = vec!["2001:db8::2 dev eth0 lladdr 02:00:00:00:00:02 REACHABLE".into()];
    let snap = Snapshot { namespaces: vec![host] };
    let v4 = layout(&snap, &mut Slots::default(), Shown { notes: true, ipv6: false }, COLS);
    assert_eq!(v4.frames[0].tiles[0].addrs, ["10.0.0.1/24"]);
    assert_eq!(v4.frames[0].notes[..2], ["routes:", "10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.1"]);
    let v6 = layout(&snap, &mut Slots::default(), Shown { notes: true, ipv6: true }, COLS);
    assert_eq!(v6.frames[0].tiles[0].addrs, ["2001:db8::1/64", "fe80::1/64"]);
    assert_eq!(v6.frames[0].notes[1], "2001:db8::/64 dev eth0 proto kernel metric 256 pref medium");
    assert_eq!(v6.frames[0].notes[3], "2001:db8::2 dev eth0 lladdr 02:00:00:00:00:02 REACHABLE");
}

#[test]
fn diff_names_what_changed() {
    let old = lesson(&[]);
    let mut new = lesson(&["blue"]);
    new.namespaces[1].links[0].admin_up = true;
    let c: Vec<String> = changed(&old, &new).into_iter().map(|(k, ())| k).collect();
    assert_eq!(c, ["link/blue/lo", "link/orange/tap1", "ns/blue"]);
}

#[test]
fn long_routes_wrap() {
    let w = wrap("192.168.1.0/24 dev tap1 proto kernel scope link src 192.168.1.2", 30);
    assert_eq!(w, ["192.168.1.0/24 dev tap1 proto", "  kernel scope link src", "  192.168.1.2"]);
}

/// The host and `n` namespaces `ns0…`, each cabled to the host (`w0…` there).
fn many(n: usize) -> Snapshot {
    let mut host = vec![link("lo", LinkKind::Loopback, None)];
    let mut namespaces = Vec::new();
    for i in 0..n {
        let name = format!("ns{i}");
        host.push(link(&format!("w{i}"), LinkKind::Veth, Some((&name, &format!("v{i}")))));
        namespaces
            .push(ns(Some(&name), vec![link(&format!("v{i}"), LinkKind::Veth, Some(("host", &format!("w{i}"))))]));
    }
    namespaces.insert(0, ns(None, host));
    Snapshot { namespaces }
}

fn keys(k: &[&str]) -> KeySet {
    k.iter().map(|s| (s.to_string(), ())).collect()
}

#[test]
fn a_lab_up_to_the_limit_is_drawn_in_full() {
    let l = draw(&many(FULL_MAX), &mut Memory::default(), &KeySet::new(), Shown::default(), COLS);
    assert_eq!(l.frames.len(), FULL_MAX + 1);
    assert_eq!(l.cables.len(), FULL_MAX);
    assert!(l.chips.is_empty() && l.summary.is_none());
}

#[test]
fn a_large_lab_draws_what_changed_in_full_and_the_rest_as_chips() {
    let mut mem = Memory::default();
    let snap = many(500);
    let l = draw(&snap, &mut mem, &keys(&["ns/ns7", "link/ns9/v9", "link/host/w9"]), Shown::default(), COLS);
    let full: Vec<&str> = l.frames.iter().map(|f| f.ns.as_str()).collect();
    assert_eq!(full, ["host", "ns7", "ns9"]);
    let host: Vec<&str> = l.frames[0].tiles.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(host, ["lo", "w7", "w9"], "loopback and the ports cabled to what is drawn");
    assert_eq!(l.cables.len(), 2);
    assert_eq!(l.chips.len(), 498);
    assert_eq!(l.summary.as_ref().map(|s| (s.chips, s.hidden_ports)), Some((498, 498)));
    assert!(l.chips.iter().all(|c| c.y > l.summary.as_ref().unwrap().y && c.y + CHIP_H <= l.height));

    // Chips keep their cells; the focus follows the next command, up to FOCUS_MAX.
    let chip = |l: &Layout, ns: &str| l.chips.iter().find(|c| c.ns == ns).map(|c| (c.x, c.y));
    let before = chip(&l, "ns300");
    let mut more = snap.clone();
    more.namespaces.push(ns(Some("extra"), vec![]));
    let l = draw(&more, &mut mem, &keys(&["ns/extra"]), Shown::default(), COLS);
    assert_eq!(chip(&l, "ns300"), before);
    assert_eq!(l.frames.iter().map(|f| f.ns.as_str()).collect::<Vec<_>>(), ["host", "ns7", "ns9", "extra"]);
    for i in 0..FOCUS_MAX {
        draw(&more, &mut mem, &keys(&[&format!("ns/ns{}", 100 + i)]), Shown::default(), COLS);
    }
    let l = draw(&more, &mut mem, &KeySet::new(), Shown::default(), COLS);
    assert_eq!(l.frames.len(), FOCUS_MAX + 1);
    assert!(chip(&l, "ns7").is_some(), "the oldest went back to its chip");
    assert!(l.frames.iter().all(|f| f.x + f.w <= l.width));
}

#[test]
fn slots_survive_thousands_of_namespaces() {
    let mut slots = Slots::default();
    let mut snap = many(2000);
    slots.update(&snap);
    assert_eq!((slots.of("ns0"), slots.of("ns1999"), slots.cells()), (Some(0), Some(1999), 2000));
    snap.namespaces.retain(|n| n.name.as_deref() != Some("ns5"));
    snap.namespaces.push(ns(Some("new"), vec![]));
    slots.update(&snap);
    assert_eq!((slots.of("ns5"), slots.of("new"), slots.cells()), (None, Some(5), 2000));
}

#[test]
fn coordinates_print_to_a_tenth() {
    let shown: Vec<String> = [0.0, -0.04, -2.5, 7.0625, 12.0, 1e6].iter().map(|&x| num(x)).collect();
    assert_eq!(shown, ["0", "0", "-2.5", "7.1", "12", "1000000"]);
}
