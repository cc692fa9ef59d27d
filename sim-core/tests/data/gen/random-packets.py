#!/usr/bin/env python3
"""Writes a random scenario that moves packets (seeded): namespaces joined by
veths and a bridge, addresses, routes, forwarding, NAT, then pings, route
lookups and neighbour tables. Only namespaces the scenario makes are pinged.

usage: random-packets.py SEED COUNT > scenario.sh
From seed 4 on, settings take values other than 0 and 1 (the kernel keeps
the int; on is not zero) and devices are renamed and moved while in use;
seeds 1-3 draw as they did when they were recorded.
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
        f"ip {pre()}neigh", f"ip {pre()}route", f"{who()}ip route get {addr()}",
        f"ip addr add 10.0.{rnd.randint(0, 3)}.254/24 dev br0", f"ip addr flush dev h{n}",
        f"ip addr add 10.0.{NS.index(n)}.1/24 dev h{n}",
        "iptables -t nat -A POSTROUTING -s 10.0.0.0/16 -j MASQUERADE", "iptables -t nat -F",
        "bridge fdb show br br0",
    ]))
print(f"# random-packets.py {seed} {count}: generated; recorded on a real kernel")
print("\n".join(out))
