#!/usr/bin/env python3
"""Writes a random scenario of ip/bridge/sysctl/ifconfig commands (seeded).

usage: random-scenario.py SEED COUNT > scenario.sh
Record it on a real kernel with ../shared/tools/record-transcript and keep
both files in tests/data/kernel: the replay test then holds the simulator to
what the kernel printed. Commands are drawn so that most succeed and many
fail, over a few namespaces, veths, bridges, addresses, routes, neighbours.
From seed 6 on, names collide more (unnamed peers, `%d` templates, renames
and moves onto taken names) and sysctl writes other values; seeds 2-5 draw
as they did when they were recorded.
"""
import random
import sys

seed, count = int(sys.argv[1]), int(sys.argv[2])
rnd = random.Random(seed)
NS = ["red", "blue", "green"]
DEVS = ["v0", "v1", "v2", "v3", "br0", "br1", "lo"]
WIDE = seed >= 6
if WIDE:
    DEVS += ["veth0", "veth1", "veth2"]


def pick(xs):
    return rnd.choice(xs)


def addr():
    return f"10.{rnd.randint(0, 2)}.{rnd.randint(0, 2)}.{rnd.randint(1, 9)}"


def names(n, d, pre, exec_pre):
    """Commands that reuse names: peers named by the kernel, templates, renames, moves."""
    key = pick(["net.ipv4.ip_forward", f"net.ipv4.conf.{d}.rp_filter", f"net.ipv4.conf.{d}.proxy_arp",
                "net.ipv4.conf.all.forwarding", "net.ipv4.ip_default_ttl"])
    return [
        f"ip {pre}link add {d} type veth", f"ip {pre}link add type veth", f"ip {pre}link add type bridge",
        f"ip {pre}link add type veth peer name {pick(DEVS)}", f"ip {pre}link add {pick(['v%d', 'veth%d', 'br%d'])} type bridge",
        f"ip {pre}link add {d} type veth peer netns {n}", f"ip {pre}link set {d} name {pick(['v%d', 'veth%d'])}",
        f"ip {pre}link set {d} netns {n} name {pick(DEVS)}", f"ip {pre}-br link",
        f"{exec_pre}sysctl -w {key}={pick([0, 1, 2, 3, -1, 255, 256, 'x', ''])}", f"{exec_pre}sysctl {key}",
    ]


def command():
    n, d = pick(NS), pick(DEVS)
    pre = "" if rnd.random() < 0.6 else f"-n {n} "
    exec_pre = "" if rnd.random() < 0.7 else f"ip netns exec {n} "
    if WIDE and rnd.random() < 0.3:
        return pick(names(n, d, pre, exec_pre))
    return pick([
        f"ip netns add {n}", f"ip netns del {n}", "ip netns list", "ip -j netns",
        f"ip {pre}link add {d} type veth peer name {pick(DEVS)}",
        f"ip {pre}link add {d} type bridge",
        f"ip {pre}link add {d} type veth peer name {pick(DEVS)} netns {n}",
        f"ip {pre}link set {d} up", f"ip {pre}link set {d} down", f"ip {pre}link set dev {d} up",
        f"ip {pre}link set {d} master {pick(DEVS)}", f"ip {pre}link set {d} nomaster",
        f"ip {pre}link set {d} netns {n}", f"ip {pre}link set {d} mtu {pick([68, 1400, 9000, 65535, 67, 70000])}",
        f"ip {pre}link set {d} name {pick(DEVS)}", f"ip {pre}link del {d}",
        f"ip {pre}link set {d} address 02:00:00:00:00:{rnd.randint(10, 99)}",
        f"ip {pre}addr add {addr()}/{pick([8, 16, 24, 30, 31, 32])} dev {d}",
        f"ip {pre}addr add {addr()}/24 brd + dev {d}",
        f"ip {pre}addr del {addr()}/24 dev {d}", f"ip {pre}addr flush dev {d}",
        f"ip {pre}route add {pick(['default', '10.9.0.0/16', '10.8.1.0/24'])} via {addr()}",
        f"ip {pre}route add {pick(['10.9.0.0/16', '10.7.0.0/16'])} dev {d}",
        f"ip {pre}route replace {pick(['10.9.0.0/16', '10.7.0.0/16'])} dev {d} metric {rnd.randint(0, 3)}",
        f"ip {pre}route del {pick(['default', '10.9.0.0/16', '10.7.0.0/16'])}",
        f"ip {pre}route flush dev {d}",
        f"ip {pre}neigh add {addr()} lladdr 02:00:00:00:00:0{rnd.randint(1, 9)} dev {d}",
        f"ip {pre}neigh del {addr()} dev {d}", f"ip {pre}neigh replace {addr()} lladdr 02:00:00:00:00:01 dev {d}",
        f"ip {pre}link", f"ip {pre}addr", f"ip {pre}route", f"ip {pre}neigh", f"ip {pre}-br link",
        f"ip {pre}-br addr", f"ip {pre}-j addr", f"ip {pre}-j route", f"ip {pre}-4 addr", f"ip {pre}-o link",
        f"ip {pre}link show {d}", f"ip {pre}-d link show {d}", f"ip {pre}addr show dev {d}",
        f"ip {pre}route show table all", f"ip {pre}route show table local", f"ip {pre}link show type veth",
        f"bridge {'-n ' + n + ' ' if pre else ''}link", f"bridge {'-n ' + n + ' ' if pre else ''}fdb show",
        f"{exec_pre}sysctl -w net.ipv4.ip_forward={rnd.randint(0, 1)}",
        f"{exec_pre}sysctl net.ipv4.conf.{d}.forwarding",
        f"{exec_pre}ifconfig {d} {addr()}/24", f"{exec_pre}ifconfig {d}", f"{exec_pre}ifconfig {d} down",
    ])


print(f"# random-scenario.py {seed} {count}: generated; recorded on a real kernel")
for _ in range(count):
    print(command())
