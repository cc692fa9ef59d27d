#!/usr/bin/env python3
"""Writes a random scenario of ip/bridge/sysctl/ifconfig commands (seeded).

usage: random-scenario.py SEED COUNT > scenario.sh
Record it on a real kernel with ../shared/tools/record-transcript and keep
both files in tests/data/kernel: the replay test then holds the simulator to
what the kernel printed. Commands are drawn so that most succeed and many
fail, over a few namespaces, veths, bridges, addresses, routes, neighbours.
From seed 6 on, names collide more (unnamed peers, `%d` templates, renames
and moves onto taken names) and sysctl writes other values; from seed 10 on,
IPv6 addresses, routes, neighbours and settings are drawn too (never a
listing that prints a link-local address the recorder does not mask: a
veth's MAC, and so its fe80:: address, is random). Earlier seeds draw as
they did when they were recorded.
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
V6 = seed >= 10


def pick(xs):
    return rnd.choice(xs)


def addr():
    return f"10.{rnd.randint(0, 2)}.{rnd.randint(0, 2)}.{rnd.randint(1, 9)}"


def addr6():
    return pick([f"2001:db8:{rnd.randint(0, 2)}::{rnd.randint(1, 9)}", f"fd00:{rnd.randint(0, 1)}::{rnd.randint(1, 9)}",
                 f"fe80::{rnd.randint(1, 9)}"])


def ipv6(n, d, pre, exec_pre):
    """IPv6 beside IPv4: addresses, routes, neighbours, settings, and their errors."""
    net = pick(["2001:db8:9::/48", "fd00:7::/64", "2001:db8:1::/64"])
    return [
        f"ip {pre}-6 addr add {addr6()}/{pick([64, 64, 128, 48, 129])} dev {d}{pick(['', ' nodad'])}",
        f"ip {pre}addr add {addr6()}/64 dev {d}", f"ip {pre}-6 addr del {addr6()}/64 dev {d}",
        f"ip {pre}-6 addr add {addr6()}/64 dev {d} valid_lft {pick([60, 'forever'])} preferred_lft {pick([30, 0])}",
        f"ip {pre}-6 addr flush dev {d}", f"ip {pre}-6 addr add {addr()}/24 dev {d}",
        f"ip {pre}-6 route add {pick(['default', net])} via {addr6()}{pick(['', ' dev ' + d])}",
        f"ip {pre}-6 route add {net} dev {d}", f"ip {pre}-6 route replace {net} dev {d} metric {rnd.randint(1, 3)}",
        f"ip {pre}-6 route del {pick(['default', net])}", f"ip {pre}-6 route add {net} via {addr()}",
        f"ip {pre}-6 route add {pick(['unreachable', 'blackhole', 'prohibit'])} {net}",
        f"ip {pre}-6 neigh add {addr6()} lladdr 02:00:00:00:00:0{rnd.randint(1, 9)} dev {d}",
        f"ip {pre}-6 neigh del {addr6()} dev {d}", f"ip {pre}-6 neigh add {addr()} lladdr 02:00:00:00:00:01 dev {d}",
        f"ip {pre}link set {d} addrgenmode {pick(['eui64', 'none', 'bogus'])}",
        f"{exec_pre}sysctl -w net.ipv6.conf.{pick(['all', d])}.{pick(['forwarding', 'disable_ipv6'])}={pick([0, 1])}",
        f"ip {pre}-6 addr", f"ip {pre}-6 route", f"ip {pre}-6 neigh", f"ip {pre}-br -6 addr",
        f"ip {pre}-6 addr show dev {d}", f"ip {pre}-j -6 route", f"ip {pre}-6 route show dev {d}",
    ]


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
    if V6 and rnd.random() < 0.35:
        return pick(ipv6(n, d, pre, exec_pre))
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
