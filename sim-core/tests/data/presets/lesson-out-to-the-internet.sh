# The cloud-host preset built on a real Linux host, line by line (run it as
# root in a fresh network namespace: record-transcript and lab-agent's
# sandbox make one). The simulator's eth0 is a physical card whose cable
# leads to the gateway; here it is a veth whose peer is the gateway's port
# (so `ip link` shows eth0@if2), and the world beyond is three named
# namespaces, which the preset leaves unnamed and undrawn. The host's id for
# the gateway's namespace is set out of the way (100), so that the ids it
# gives containers start at 0 as they do beside a real card.
ip link set lo up
ip netns add gateway
ip netns add internet
ip netns add dns.google
ip netns set gateway 100
ip link add eth0 mtu 9001 type veth peer name lan0 mtu 9001 netns gateway
ip link set eth0 address 06:3e:65:63:1f:39
ip addr add 192.168.1.100/24 brd + dev eth0
ip link set eth0 up
ip route add default via 192.168.1.1
ip -n gateway link set lo up
ip -n gateway link set lan0 up
ip -n gateway addr add 192.168.1.1/24 dev lan0
ip -n gateway link add wan0 type veth peer name edge0 netns internet
ip -n gateway link set wan0 up
ip -n gateway addr add 198.51.100.2/30 dev wan0
ip -n gateway route add default via 198.51.100.1
ip netns exec gateway sysctl -qw net.ipv4.ip_forward=1
ip -n internet link set lo up
ip -n internet link set edge0 up
ip -n internet addr add 198.51.100.1/30 dev edge0
ip -n internet link add core0 type veth peer name eth0 netns dns.google
ip -n internet link set core0 up
ip -n internet addr add 203.0.113.1/30 dev core0
ip -n internet route add 192.168.1.0/24 via 198.51.100.2
ip -n internet route add 8.8.0.0/16 via 203.0.113.2
ip netns exec internet sysctl -qw net.ipv4.ip_forward=1
ip -n dns.google link set lo up
ip -n dns.google addr add 8.8.8.8/32 dev lo
ip -n dns.google addr add 8.8.4.4/32 dev lo
ip -n dns.google link set eth0 up
ip -n dns.google addr add 203.0.113.2/30 dev eth0
ip -n dns.google route add default via 203.0.113.1
# preset: cloud-host
# The commands of content/11-out-to-the-internet.md, in order, on its preset.
ip route
ping -c 2 8.8.8.8
ip link add cni0 type bridge
ip link set cni0 up
ip addr add 10.244.0.1/24 dev cni0
ip netns add container1
ip link add veth0 type veth peer name eth0
ip link add veth0 type veth peer name eth0 netns container1
ip link set veth0 master cni0
ip link set veth0 up
ip netns exec container1 ip addr add 10.244.0.2/24 dev eth0
ip netns exec container1 ip link set eth0 up
ip netns exec container1 ip link set lo up
ip netns exec container1 ip route add default via 10.244.0.1
ip netns exec container1 ping -c 2 10.244.0.1
ip netns exec container1 ping -c 2 8.8.8.8
sysctl -w net.ipv4.ip_forward=1
ip netns exec container1 ping -c 2 8.8.8.8
iptables -t nat -A POSTROUTING -s 10.244.0.0/24 ! -o cni0 -j MASQUERADE
ip netns exec container1 ping -c 2 8.8.8.8
iptables -t nat -L POSTROUTING -v -n
