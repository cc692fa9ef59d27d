#!/usr/bin/env python3
"""Writes a scenario of mutated commands (seeded), most of them wrong: a
token replaced by garbage, dropped, doubled, or the line cut short. Recorded
on a real kernel, it holds the simulator to Linux's own error texts and exit
codes for input nobody wrote by hand.

usage: bad-commands.py SEED COUNT > scenario.sh
From seed 3 on the templates include name collisions (unnamed veth peers,
`%d` templates, renames and moves onto taken names) and sysctl values; from
seed 6 on, IPv6 addresses, routes and neighbours too, and a mutation that
would name a namespace by a pid (`netns 2`: a process's namespace, perhaps
not the sandbox's) is drawn again. Earlier seeds draw as they did when they
were recorded.
"""
import random
import sys

seed, count = int(sys.argv[1]), int(sys.argv[2])
rnd = random.Random(seed)
SETUP = [
    "ip netns add red", "ip netns add blue",
    "ip link add veth-r type veth peer name veth-b",
    "ip link set veth-r netns red", "ip link set veth-b netns blue",
    "ip -n red addr add 10.0.0.1/24 dev veth-r", "ip -n blue addr add 10.0.0.2/24 dev veth-b",
    "ip -n red link set veth-r up", "ip -n blue link set veth-b up",
    "ip link add br0 type bridge", "ip link set br0 up", "ip addr add 10.1.0.1/24 dev br0",
    "ip link add v1 type veth peer name v2", "ip link set v1 master br0",
]
TEMPLATES = [
    "ip link add tap1 type veth peer name tap2", "ip link add br1 type bridge", "ip link set v1 up",
    "ip link set v2 mtu 9000", "ip link set v2 name v3", "ip link set v2 address 02:00:00:00:00:09",
    "ip link set v2 master br0", "ip link set v1 nomaster", "ip link set v2 netns red", "ip link delete v2",
    "ip addr add 10.2.0.1/24 dev v2", "ip addr del 10.1.0.1/24 dev br0", "ip addr flush dev br0",
    "ip route add 10.8.0.0/16 dev br0", "ip route add default via 10.1.0.254", "ip route replace 10.9.0.0/16 dev br0",
    "ip route del 10.9.0.0/16", "ip neigh add 10.1.0.8 lladdr 02:00:00:00:00:08 dev br0",
    "ip neigh del 10.1.0.7 dev br0", "ip netns add green", "ip netns delete blue",
    "ip -n red link set veth-r mtu 1400", "ip netns exec red ip addr add 10.0.0.9/24 dev veth-r",
    "sysctl -w net.ipv4.conf.br0.proxy_arp=1", "ifconfig v2 192.168.1.2/24", "ip -br addr show dev br0",
    "ip -j link show v1", "ip route show table local", "bridge link show dev v1", "ip neigh show dev br0",
]
GARBAGE = ["nosuch", "10.0.0.300/24", "10.0.0.1/33", "upp", "dev", "type", "peer", "netns", "nowhere", "mtu",
           "70000", "67", "zz", "01:00:00:00:00:01", "name", "-x", "master", "lo", "via", "1.2.3.4", "default",
           "a/b", "addr", "lnk", "0", "-1", "4294967296", "table", "scope", "bogus", "lladdr", "br0", "veth-r",
           "help", "show", "add", "del", "up", "down", "-4", "-j", "256.1.1.1", "10.1.0.0/24", "brd", "+"]

if seed >= 3:
    SETUP += ["ip -n red link add v1 type bridge"]
    TEMPLATES += [
        "ip link add veth0 type veth", "ip link add type veth", "ip link add v9 type veth peer name v1",
        "ip link add tap%d type veth peer name v%d", "ip link add br%d type bridge", "ip link set v2 name v1",
        "ip link set v2 name veth%d", "ip link set v1 netns red", "ip -n red link set veth-r netns blue",
        "ip link add v5 type veth peer name veth-r netns red", "sysctl -w net.ipv4.conf.br0.rp_filter=2",
        "sysctl -w net.ipv4.ip_default_ttl=300", "ifconfig br0",
    ]
    GARBAGE += ["veth-b", "v1", "veth%d", "%d%d", ".", "blue", "2", "-5", "x"]

if seed >= 6:
    SETUP += [
        "ip -n red -6 addr add 2001:db8:1::1/64 dev veth-r nodad", "ip -n blue -6 addr add 2001:db8:1::2/64 dev veth-b nodad",
        "ip -6 addr add fd00:1::1/64 dev br0 nodad",
    ]
    TEMPLATES += [
        "ip -6 addr add 2001:db8:2::1/64 dev v2", "ip -6 addr add fe80::9/64 dev br0 nodad",
        "ip -6 addr del fd00:1::1/64 dev br0", "ip -6 addr add 2001:db8:3::1/64 dev br0 valid_lft 100 preferred_lft 50",
        "ip addr add 2001:db8:4::1/64 dev br0 noprefixroute", "ip -6 addr flush dev br0 scope global",
        "ip -6 route add 2001:db8:9::/48 via fd00:1::9", "ip -6 route add default via fe80::1 dev br0",
        "ip -6 route replace 2001:db8:8::/48 dev br0 metric 100 pref high", "ip -6 route del 2001:db8:9::/48",
        "ip -6 route add unreachable 2001:db8:7::/48", "ip -6 neigh add fd00:1::8 lladdr 02:00:00:00:00:08 dev br0",
        "ip -6 neigh del fd00:1::8 dev br0", "ip -n red -6 route add default via 2001:db8:1::2",
        "ip -6 neigh add proxy fd00:1::7 dev br0", "sysctl -w net.ipv6.conf.br0.forwarding=1",
        "ip -6 -br addr show dev br0", "ip -6 route show dev br0", "ip link set v2 addrgenmode none",
        "ip -n red -6 route get 2001:db8:1::2",
    ]
    # ifconfig lists IPv6 addresses in /proc/net/if_inet6's hash order.
    TEMPLATES.remove("ifconfig br0")
    GARBAGE += ["2001:db8::zz", "2001:db8::1/129", "fe80::1", "::", "ff02::1", "-6", "2001:db8:1::1", "fd00:1::/64",
                "nodad", "noprefixroute", "valid_lft", "forever", "pref", "high", "metric", "proxy", "::1/128"]


def mutate(line):
    toks = line.split(" ")
    for _ in range(1 + rnd.randrange(2)):
        # argv[0] stays: an unknown program only shows how the recorder runs bash.
        i = 1 + rnd.randrange(len(toks) - 1)
        k = rnd.randrange(4)
        if k == 0:
            toks[i] = rnd.choice(GARBAGE)
        elif k == 1 and len(toks) > 2:
            del toks[i]
        elif k == 2:
            toks.insert(i, toks[i])
        else:
            toks = toks[:max(i, 2)]
    return " ".join(toks)


print(f"# bad-commands.py {seed} {count}: generated; recorded on a real kernel")
print("\n".join(SETUP))
for _ in range(count):
    # Each from the same world: undo what a mutated command may have built.
    line = mutate(rnd.choice(TEMPLATES))
    while seed >= 6 and " netns " in line and line.split(" netns ")[1][:1].isdigit():
        line = mutate(rnd.choice(TEMPLATES))
    print(line)
