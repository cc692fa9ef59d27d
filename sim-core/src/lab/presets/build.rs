//! The presets, built step by step on a fresh lab's core. Each step that
//! a command can take is that command (`ip …` through the seam, as the
//! real-host script `NAME.sh` runs it); the others are the kernel's calls.

use super::Container;
use crate::kernel::link::{LinkRef, ENA};
use crate::kernel::netfilter::{AddrMatch, Hook, IfMatch, Rule, Table, TableId, Target};
use crate::kernel::netns::Label;
use crate::kernel::{MntId, NsId};
use crate::lab::core::Core;
use crate::netlink::SimNetlink;
use crate::procs::Proc;
use std::net::Ipv4Addr;

/// Builds preset `name` on `c` (a fresh lab's core): the steps that
/// failed, or `None` for a name that is not a preset.
pub(super) fn preset(c: &mut Core, name: &str) -> Option<Vec<String>> {
    let mut b = Build { c, errors: Vec::new() };
    match name {
        "cloud-host" => cloud_host(&mut b),
        "docker-host" => {
            cloud_host(&mut b);
            docker_host(&mut b);
        }
        "kind-node" => {
            cloud_host(&mut b);
            kind_node(&mut b);
        }
        _ => return None,
    }
    b.settle();
    Some(b.errors)
}

struct Build<'a> {
    c: &'a mut Core,
    errors: Vec<String>,
}

const HOST: NsId = NsId::HOST;

impl Build<'_> {
    /// The host has been up a while: duplicate address detection is over
    /// on every link-local address it has (the lab's own stay tentative,
    /// as the recordings show them).
    fn settle(&mut self) {
        for id in self.c.kernel.ns_ids() {
            let Some(n) = self.c.kernel.ns_mut(id) else { continue };
            for (_, l) in n.links.iter_mut() {
                for a in &mut l.addrs {
                    if let crate::kernel::addr::IfAddr::V6(a) = a {
                        a.tentative = false;
                    }
                }
            }
        }
    }

    /// `ip ARGS` in namespace `ns`, as a program whose /run/netns is `mnt`'s.
    fn ip_in(&mut self, ns: NsId, mnt: MntId, args: &str) {
        let argv: Vec<String> = args.split_whitespace().map(String::from).collect();
        let mut nl = SimNetlink::new(&mut self.c.kernel, ns).in_mount(mnt);
        match crate::iproute::ip(&mut nl, &argv) {
            crate::iproute::Outcome::Done(o) if o.status == 0 => {}
            crate::iproute::Outcome::Done(o) => self.errors.push(format!("ip {args}: {}", o.stderr().trim_end())),
            crate::iproute::Outcome::Exec { .. } => self.errors.push(format!("ip {args}: not a build step")),
        }
    }

    fn ip(&mut self, ns: NsId, args: &str) {
        self.ip_in(ns, MntId::HOST, args)
    }

    fn sysctl(&mut self, ns: NsId, path: &str, value: &str) {
        if crate::kernel::sysctl::write(&mut self.c.kernel, ns, path, value).is_err() {
            self.errors.push(format!("sysctl {path}={value}"));
        }
    }

    fn link(&self, ns: NsId, name: &str) -> Option<LinkRef> {
        let ifindex = self.c.kernel.ns(ns)?.link_by_name(name)?.ifindex;
        Some(LinkRef { ns, ifindex })
    }

    /// Two cards joined by a cable (what no command makes).
    fn cable(&mut self, a: (NsId, &str), b: (NsId, &str)) {
        if let Err(e) = self.c.kernel.add_cable(a, b, &ENA) {
            self.errors.push(format!("cable {} {}: {e:?}", a.1, b.1));
        }
    }

    /// Moves device `name` of `from` into `to` (`ip link set NAME netns
    /// PID`, for a namespace /run/netns does not name).
    fn move_to(&mut self, from: NsId, name: &str, to: NsId) {
        let moved = self.link(from, name).map(|r| self.c.kernel.move_link(r, to, None));
        if !matches!(moved, Some(Ok(_))) {
            self.errors.push(format!("move {name}"));
        }
    }

    /// Where the namespace's next device index search starts: the devices
    /// a host made and removed before the lab began (a kind node's pods
    /// that came and went) leave it further on.
    fn skip_to(&mut self, ns: NsId, ifindex: u32) {
        if let Some(n) = self.c.kernel.ns_mut(ns) {
            n.next_ifindex = ifindex;
        }
    }

    /// A process running in `ns` since before the lab began.
    fn process(&mut self, ns: NsId, comm: &str, cmdline: &str) -> u32 {
        let p = Proc::running(ns, comm, cmdline);
        self.c.kernel.procs.start(p).unwrap_or_else(|| {
            self.errors.push(format!("process {comm}"));
            0
        })
    }

    /// `iptables -t nat -A POSTROUTING -s NET/LEN ! -o DEV -j MASQUERADE`.
    fn masquerade(&mut self, ns: NsId, net: [u8; 4], len: u8, not_out: &str) {
        let rule = Rule {
            src: Some(AddrMatch::prefix(Ipv4Addr::from(net), len, false)),
            oif: Some(IfMatch { name: not_out.into(), invert: true }),
            target: Target::Masquerade(Default::default()),
            ..Rule::default()
        };
        let Some(n) = self.c.kernel.ns_mut(ns) else { return };
        let mut table = n.nat.table(TableId::Nat).cloned().unwrap_or_else(|| Table::new(TableId::Nat));
        table.ensure_builtin(Hook::Postrouting).rules.push(rule);
        n.nat.set_table(table);
    }
}

/// A cloud VM: `eth0` a physical card (seed 001's: its MAC, `mtu 9001`,
/// `qdisc mq`) with 192.168.1.100/24 and a default route to 192.168.1.1,
/// a router beyond which an internet router and Google's DNS servers
/// (8.8.8.8, 8.8.4.4) answer: three hops, none of them drawn. The
/// internet routes 192.168.1.0/24 back (the provider's NAT for the host
/// is not modelled) and no private network of the host's.
fn cloud_host(b: &mut Build) {
    b.c.kernel.hostname = "ip-192-168-1-100".into();
    let gw = b.c.kernel.unnamed_ns(Label::Beyond("gateway".into()));
    let net = b.c.kernel.unnamed_ns(Label::Beyond("internet".into()));
    let dns = b.c.kernel.unnamed_ns(Label::Beyond("dns.google".into()));
    b.cable((HOST, "eth0"), (gw, "lan0"));
    b.cable((gw, "wan0"), (net, "edge0"));
    b.cable((net, "core0"), (dns, "eth0"));
    for line in [
        "link set lo up",
        "link set eth0 address 06:3e:65:63:1f:39 mtu 9001",
        "addr add 192.168.1.100/24 brd + dev eth0",
        "link set eth0 up",
        "route add default via 192.168.1.1",
    ] {
        b.ip(HOST, line);
    }
    for line in [
        "link set lo up",
        "link set lan0 mtu 9001 up",
        "addr add 192.168.1.1/24 dev lan0",
        "link set wan0 up",
        "addr add 198.51.100.2/30 dev wan0",
        "route add default via 198.51.100.1",
    ] {
        b.ip(gw, line);
    }
    for line in [
        "link set lo up",
        "link set edge0 up",
        "addr add 198.51.100.1/30 dev edge0",
        "link set core0 up",
        "addr add 203.0.113.1/30 dev core0",
        "route add 192.168.1.0/24 via 198.51.100.2",
        "route add 8.8.0.0/16 via 203.0.113.2",
    ] {
        b.ip(net, line);
    }
    for line in [
        "link set lo up",
        "addr add 8.8.8.8/32 dev lo",
        "addr add 8.8.4.4/32 dev lo",
        "link set eth0 up",
        "addr add 203.0.113.2/30 dev eth0",
        "route add default via 203.0.113.1",
    ] {
        b.ip(dns, line);
    }
    for ns in [gw, net] {
        b.sysctl(ns, "net/ipv4/ip_forward", "1");
    }
}

/// A container as Docker makes one on bridge `bridge`: a namespace held by
/// its first process, a veth pair made on the host (the peer, registered
/// first, moved in and renamed `eth0`), the address and MAC Docker derives
/// from it, the default route through the bridge.
struct Run<'a> {
    name: &'a str,
    id: &'a str,
    image: &'a str,
    command: &'a str,
    ports: &'a str,
    comm: &'a str,
    bridge: &'a str,
    host_veth: &'a str,
    peer_veth: &'a str,
    ip: [u8; 4],
    prefix: u8,
    gateway: &'a str,
    /// Its UTS name.
    hostname: &'a str,
}

fn run_container(b: &mut Build, r: &Run) -> (NsId, MntId) {
    let ns = b.c.kernel.unnamed_ns(Label::Shown(r.name.into()));
    // Its own mount namespace: no /run/netns names (a kind node makes its own).
    let mnt = b.c.kernel.new_mount();
    let pid = b.process(ns, r.comm, r.command);
    let [a, bb, c, d] = r.ip;
    let ip = format!("{a}.{bb}.{c}.{d}");
    // Docker's netlink library asks for no transmit queue (IFLA_TXQLEN
    // 0), so neither end prints a `qlen` (seed 003's node shows none).
    b.ip(HOST, &format!("link add {} txqueuelen 0 type veth peer name {} txqueuelen 0", r.host_veth, r.peer_veth));
    b.move_to(HOST, r.peer_veth, ns);
    for line in [
        format!("link set {} name eth0", r.peer_veth),
        format!("link set eth0 address 02:42:{a:02x}:{bb:02x}:{c:02x}:{d:02x}"),
        format!("addr add {ip}/{} brd + dev eth0", r.prefix),
        "link set lo up".into(),
        "link set eth0 up".into(),
        format!("route add default via {}", r.gateway),
    ] {
        b.ip(ns, &line);
    }
    b.ip(HOST, &format!("link set {} master {} up", r.host_veth, r.bridge));
    b.c.containers.push(Container {
        id: r.id.into(),
        name: r.name.into(),
        image: r.image.into(),
        command: r.command.into(),
        started_before_ms: 2 * 3_600_000,
        ports: r.ports.into(),
        pid,
        ns,
        mnt,
        ip,
        hostname: r.hostname.into(),
        exited: None,
        created_at_ms: 0,
    });
    (ns, mnt)
}

/// A Docker bridge network on the host (`docker0`, or a user network's
/// `br-…`), its subnet masqueraded on the way out as Docker does.
fn docker_network(b: &mut Build, bridge: &str, mac: &str, net: [u8; 3], up: bool) {
    b.c.docker_daemon = true;
    let [x, y, z] = net;
    b.ip(HOST, &format!("link add {bridge} txqueuelen 0 type bridge"));
    b.ip(HOST, &format!("link set {bridge} address {mac}"));
    b.ip(HOST, &format!("addr add {x}.{y}.{z}.1/16 brd + dev {bridge}"));
    if up {
        b.ip(HOST, &format!("link set {bridge} up"));
    }
    b.masquerade(HOST, [x, y, 0, 0], 16, bridge);
}

/// The cloud host with Docker: `docker0` and one running container,
/// `web` (nginx's image, 172.17.0.2), whose veth is a port of `docker0`;
/// forwarding on, and Docker's MASQUERADE for 172.17.0.0/16. Docker's
/// filter chains (DOCKER, DOCKER-USER, FORWARD's DROP policy) are not
/// modelled.
fn docker_host(b: &mut Build) {
    docker_network(b, "docker0", "02:42:5b:1e:7a:39", [172, 17, 0], true);
    b.sysctl(HOST, "net/ipv4/ip_forward", "1");
    run_container(
        b,
        &Run {
            name: "web",
            id: "4c01db0b339cbb6d1f5fd2ab4dcf4f25bdcfbd5e5ae0c1d5e0b7e3e6b5e8ac11",
            image: "nginx",
            command: "/docker-entrypoint.sh nginx -g 'daemon off;'",
            ports: "80/tcp",
            comm: "nginx",
            bridge: "docker0",
            host_veth: "veth3f2a9c1",
            peer_veth: "veth6d1e0b4",
            ip: [172, 17, 0, 2],
            prefix: 16,
            gateway: "172.17.0.1",
            hostname: "4c01db0b339c",
        },
    );
}

/// One pod on a kind node, wired as kindnet's ptp plugin wires it: a veth
/// made in the pod's namespace (`eth0` and its peer, which moves to the
/// node), the pod's /24 reached through the node's end, which has
/// 10.244.3.1/32 and a host route to the pod.
struct Pod<'a> {
    netns: &'a str,
    nsid: u32,
    veth: &'a str,
    mac: &'a str,
    ip: &'a str,
    /// The node's next device index when the veth arrives there.
    node_ifindex: u32,
}

fn kind_pod(b: &mut Build, node: NsId, mnt: MntId, p: &Pod) {
    b.ip_in(node, mnt, &format!("netns add {}", p.netns));
    b.ip_in(node, mnt, &format!("netns set {} {}", p.netns, p.nsid));
    let Some(pod) = b.c.kernel.ns_by_name_in(mnt, p.netns) else { return };
    b.ip(pod, &format!("link add eth0 txqueuelen 0 type veth peer name {} txqueuelen 0", p.veth));
    b.skip_to(node, p.node_ifindex);
    b.move_to(pod, p.veth, node);
    for line in [
        format!("link set {} address {} up", p.veth, p.mac),
        format!("addr add 10.244.3.1/32 dev {}", p.veth),
        format!("route add {} dev {} scope host", p.ip, p.veth),
    ] {
        b.ip(node, &line);
    }
    for line in [
        "link set lo up".to_string(),
        format!("addr add {}/24 dev eth0", p.ip),
        "link set eth0 up".into(),
        "route del 10.244.3.0/24 dev eth0".into(),
        format!("route add 10.244.3.1 dev eth0 scope link src {}", p.ip),
        format!("route add 10.244.3.0/24 via 10.244.3.1 dev eth0 src {}", p.ip),
        "route add default via 10.244.3.1 dev eth0".into(),
    ] {
        b.ip(pod, &line);
    }
}

/// The cloud host running a kind cluster: Docker with its `kind` network
/// (`br-…`, 172.18.0.0/16) and two node containers, `kind-control-plane`
/// (172.18.0.2) and `kind-worker` (172.18.0.3, seed 003's node: its
/// `eth0@if16` at index 15, its MAC). `kind-worker` has its own /run/netns
/// with seed 003's three `cni-…` namespaces (ids 1, 4 and 5 as it numbers
/// them), each a pod wired as kindnet wires it, its veth's MAC and index
/// as the seed shows them. The control plane's pods are not modelled.
fn kind_node(b: &mut Build) {
    docker_network(b, "docker0", "02:42:5b:1e:7a:39", [172, 17, 0], true);
    docker_network(b, "br-5c1f3e0d2b7a", "02:42:91:0c:4e:d2", [172, 18, 0], true);
    b.sysctl(HOST, "net/ipv4/ip_forward", "1");
    let node = |name, id, ip: [u8; 4], host_veth, peer_veth, ports| Run {
        name,
        id,
        image: "kindest/node:v1.29.2",
        command: "/usr/local/bin/entrypoint /sbin/init",
        ports,
        comm: "systemd",
        bridge: "br-5c1f3e0d2b7a",
        host_veth,
        peer_veth,
        ip,
        prefix: 16,
        gateway: "172.18.0.1",
        hostname: name,
    };
    let cp = node(
        "kind-control-plane",
        "8a3b2f6c1d9e4f7a0b5c2d8e1f4a7b0c3d6e9f2a5b8c1d4e7f0a3b6c9d2e5f8a",
        [172, 18, 0, 2],
        "veth1c7e52a",
        "veth0a9d3f1",
        "127.0.0.1:36093->6443/tcp",
    );
    let (cp_ns, _) = run_container(b, &cp);
    b.skip_to(HOST, 15);
    let worker = node(
        "kind-worker",
        "e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4",
        [172, 18, 0, 3],
        "veth9b2e6d0",
        "veth4f8a1c3",
        "",
    );
    let (node_ns, mnt) = run_container(b, &worker);
    b.ip(cp_ns, "route add 10.244.3.0/24 via 172.18.0.3");
    b.ip(node_ns, "route add 10.244.0.0/24 via 172.18.0.2");
    b.sysctl(node_ns, "net/ipv4/ip_forward", "1");
    b.sysctl(cp_ns, "net/ipv4/ip_forward", "1");
    let pods = [
        Pod {
            netns: "cni-c5b8b5eb-b4e7-1254-9712-68d51dd52926",
            nsid: 1,
            veth: "veth09e8e743",
            mac: "fa:ab:66:67:11:24",
            ip: "10.244.3.8",
            node_ifindex: 2,
        },
        Pod {
            netns: "cni-fee38a0c-3503-10d5-39c7-a5bf173e0caf",
            nsid: 4,
            veth: "veth8a50c639",
            mac: "4e:8e:5d:9d:1a:9d",
            ip: "10.244.3.9",
            node_ifindex: 6,
        },
        Pod {
            netns: "cni-f4fd112d-d27d-954c-253c-858ed398084f",
            nsid: 5,
            veth: "vethca880bcd",
            mac: "12:4d:cb:11:ad:4f",
            ip: "10.244.3.4",
            node_ifindex: 7,
        },
    ];
    for p in &pods {
        kind_pod(b, node_ns, mnt, p);
    }
}

/// `docker run -d [--name NAME] nginx` on the Docker host: a container as
/// the preset's are made, on `docker0`, with the next free address, a
/// drawn id and veth names, and nginx's command and port. Its id, or what
/// failed.
pub(super) fn docker_run(c: &mut Core, name: &str) -> Result<String, String> {
    let used: Vec<u8> = c.containers.iter().filter_map(|k| k.ip.strip_prefix("172.17.0.")?.parse().ok()).collect();
    let last = (2..=254).find(|n| !used.contains(n)).ok_or("docker0's addresses are all in use")?;
    let id = c.kernel.random_hex(64);
    let host_veth = format!("veth{}", c.kernel.random_hex(7));
    let peer_veth = format!("veth{}", c.kernel.random_hex(7));
    let mut b = Build { c, errors: Vec::new() };
    run_container(
        &mut b,
        &Run {
            name,
            id: &id,
            image: "nginx",
            command: "/docker-entrypoint.sh nginx -g 'daemon off;'",
            ports: "80/tcp",
            comm: "nginx",
            bridge: "docker0",
            host_veth: &host_veth,
            peer_veth: &peer_veth,
            ip: [172, 17, 0, last],
            prefix: 16,
            gateway: "172.17.0.1",
            hostname: &id[..12],
        },
    );
    if let Some(k) = b.c.containers.last_mut() {
        k.started_before_ms = 0;
        k.created_at_ms = b.c.kernel.now_ms;
    }
    match b.errors.first() {
        None => Ok(id),
        Some(e) => Err(e.clone()),
    }
}
