#!/usr/bin/env python3
"""Writes a random scenario that moves packets (seeded): namespaces joined by
veths and a bridge, addresses, routes, forwarding, NAT, then pings, route
lookups and neighbour tables. Only namespaces the scenario makes are pinged.

usage: random-packets.py SEED COUNT > scenario.sh
From seed 4 on, settings take values other than 0 and 1 (the kernel keeps
the int; on is not zero) and devices are renamed and moved while in use;
from seed 6 on, the skeleton is dual-stack (every IPv6 address `nodad`, so
no ping races duplicate address detection) and pings, routes, forwarding and
neighbour tables of IPv6 are drawn too. Earlier seeds draw as they did when
they were recorded.
"""
import random
import sys

seed, count = int(sys.argv[1]), int(sys.argv[2])
rnd = random.Random(seed)
NS = ["a", "b", "c"]
out = ["ip netns add a", "ip netns add b", "ip netns add c", "ip link add br0 type bridge", "ip link set br0 up"]
# A fixed skeleton so pings have somewhere to go; the random part bends it.
for i, n in enumerate(NS):
    out += [
        f"ip link add h{n} type veth peer name e{n} netns {n}",
        f"ip -n {n} link set lo up",
        f"ip -n {n} addr add 10.0.{i}.2/24 dev e{n}",
        f"ip addr add 10.0.{i}.1/24 dev h{n}",
        f"ip link set h{n} up",
        f"ip -n {n} link set e{n} up",
    ]
out += ["ip link add x type veth peer name y", "ip link set x netns a", "ip link set y netns b",
        "ip -n a addr add 10.9.0.1/24 dev x", "ip -n b addr add 10.9.0.2/24 dev y",
        "ip -n a link set x up", "ip -n b link set y up"]
V6 = seed >= 6
if V6:
    for i, n in enumerate(NS):
        out += [f"ip -n {n} -6 addr add 2001:db8:{i}::2/64 dev e{n} nodad", f"ip -6 addr add 2001:db8:{i}::1/64 dev h{n} nodad"]
    out += ["ip -n a -6 addr add 2001:db8:9::1/64 dev x nodad", "ip -n b -6 addr add 2001:db8:9::2/64 dev y nodad"]


def addr6():
    return rnd.choice(["2001:db8::1", "2001:db8::2", "2001:db8:1::1", "2001:db8:1::2", "2001:db8:2::1", "2001:db8:2::2",
                       "2001:db8:9::1", "2001:db8:9::2", "::1", "2001:db8:3::9", "2001:db8::3", "2001:db8:7::7"])


def ipv6(n):
    """IPv6 beside IPv4: pings, routes, forwarding and the neighbour table."""
    i = NS.index(n)
    return [
        f"{who()}ping -6 -c 1 -W 1 {addr6()}", f"{who()}ping -c 1 -W 1 {addr6()}", f"{who()}ping -6 -c 2 -i 0.2 -W 1 {addr6()}",
        f"ip -n {n} -6 route replace default via 2001:db8:{i}::1", f"ip -n {n} -6 route del default",
        f"ip -6 route replace 2001:db8:9::/64 via 2001:db8:{rnd.randint(0, 2)}::2",
        f"sysctl -w net.ipv6.conf.all.forwarding={rnd.randint(0, 1)}",
        f"ip netns exec {n} sysctl -w net.ipv6.conf.all.forwarding={rnd.randint(0, 1)}",
        # One entry at a time: the table lists in hash order, and a host learns its neighbours' random fe80:: too.
        f"ip {pre()}-6 neigh show {addr6()}", f"ip {pre()}-6 route", f"{who()}ip -6 route get {addr6()}",
        f"ip -6 addr add 2001:db8:{rnd.randint(0, 3)}::254/64 dev br0 nodad", f"ip -6 addr flush dev h{n} scope global",
        f"ip -6 addr add 2001:db8:{i}::1/64 dev h{n} nodad",
    ]


def addr():
    return rnd.choice(["10.0.0.1", "10.0.0.2", "10.0.1.1", "10.0.1.2", "10.0.2.1", "10.0.2.2", "10.9.0.1",
                       "10.9.0.2", "127.0.0.1", "10.0.3.9", "10.0.0.3", "192.168.7.7"])


def who():
    return rnd.choice(["", "ip netns exec a ", "ip netns exec b ", "ip netns exec c "])


def pre():
    return rnd.choice(["", "-n a ", "-n b ", "-n c "])


def wide(n):
    """Settings with other values, renames and moves of devices in use."""
    i = NS.index(n)
    return [
        f"sysctl -w net.ipv4.ip_forward={rnd.choice([0, 1, 2, -1, 7])}",
        f"ip netns exec {n} sysctl -w net.ipv4.conf.all.forwarding={rnd.choice([0, 2, -1])}",
        f"sysctl -w net.ipv4.conf.h{n}.forwarding={rnd.choice([0, 1, 5])}",
        f"sysctl -w net.ipv4.conf.h{n}.proxy_arp={rnd.choice([0, 2, -3])}",
        f"sysctl -w net.ipv4.conf.all.proxy_arp={rnd.choice([0, 0, 4])}",
        f"sysctl net.ipv4.conf.h{n}.forwarding net.ipv4.conf.h{n}.proxy_arp",
        f"ip link set h{n} name h{n}2", f"ip link set h{n}2 name h{n}",
        f"ip -n {n} link set e{n} name veth%d", f"ip -n {n} link set veth0 name e{n}",
        f"ip link add h{n} type veth", f"ip -n {n} link add e{n} type veth peer name h{n}",
        f"ip -n {n} link set e{n} netns {rnd.choice(NS)}", f"ip -n {rnd.choice(NS)} link set e{n} netns {n}",
        f"ip -n {n} addr add 10.0.{i}.2/24 dev e{n}", f"ip -n {n} link set e{n} up",
        f"ip -n {n} -br addr",
    ]


for _ in range(count):
    n = rnd.choice(NS)
    if V6 and rnd.random() < 0.35:
        out.append(rnd.choice(ipv6(n)))
        continue
    if seed >= 4 and rnd.random() < 0.3:
        out.append(rnd.choice(wide(n)))
        continue
    out.append(rnd.choice([
        f"{who()}ping -c 1 -W 1 {addr()}", f"{who()}ping -c 2 -i 0.2 -W 1 {addr()}", f"{who()}ping -c 1 -W 1 {addr()}",
        f"{who()}ping -c 1 -W 1 {addr()}", f"{who()}ping -q -c 1 -W 1 {addr()}",
        f"ip link set h{n} {rnd.choice(['up', 'down'])}", f"ip -n {n} link set e{n} {rnd.choice(['up', 'down'])}",
        f"ip -n {n} link set lo {rnd.choice(['up', 'up', 'down'])}",
        f"ip link set h{n} {rnd.choice(['master br0', 'nomaster'])}",
        f"ip -n {rnd.choice(['a', 'b'])} link set {rnd.choice(['x', 'y'])} {rnd.choice(['up', 'down'])}",
        f"ip -n {n} route replace default via 10.0.{NS.index(n)}.1",
        f"ip -n {n} route del default", f"ip route replace 10.9.0.0/24 via 10.0.{rnd.randint(0, 2)}.2",
        f"sysctl -w net.ipv4.ip_forward={rnd.randint(0, 1)}",
        f"ip netns exec {n} sysctl -w net.ipv4.ip_forward={rnd.randint(0, 1)}",
        f"sysctl -w net.ipv4.conf.h{n}.proxy_arp={rnd.randint(0, 1)}",
        f"ip {pre()}{'-4 ' if V6 else ''}neigh", f"ip {pre()}route", f"{who()}ip route get {addr()}",
        f"ip addr add 10.0.{rnd.randint(0, 3)}.254/24 dev br0", f"ip addr flush dev h{n}",
        f"ip addr add 10.0.{NS.index(n)}.1/24 dev h{n}",
        "iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE", "iptables -t nat -F",
        "bridge fdb show br br0",
    ]))
print(f"# random-packets.py {seed} {count}: generated; recorded on a real kernel")
print("\n".join(out))
