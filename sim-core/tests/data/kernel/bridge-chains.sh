# IGMP reports (40-byte IPv4, proto 2) reach OUTPUT at unpredictable times after a bridge comes up: listings avoid policy counters of INPUT/OUTPUT.
# Counting rules (no target) in every chain: which hooks see a ping between two pods on one bridge.
ip link add br0 type bridge
ip link set br0 up
sysctl -w net.ipv4.icmp_ratelimit=0
ip netns add pod-a
ip netns add pod-b
ip link add va type veth peer name eth0 netns pod-a
ip link add vb type veth peer name eth0 netns pod-b
ip link set va master br0
ip link set vb master br0
ip link set va up
ip link set vb up
ip -n pod-a addr add 10.244.0.2/24 dev eth0
ip -n pod-b addr add 10.244.0.3/24 dev eth0
ip -n pod-a link set eth0 up
ip -n pod-b link set eth0 up
iptables -A INPUT -p icmp
iptables -A OUTPUT -p igmp
iptables -A FORWARD
iptables -A FORWARD -i br0
iptables -A FORWARD -o br0
iptables -A FORWARD -i va
iptables -A FORWARD -o vb
iptables -A FORWARD -m physdev --physdev-in va
iptables -A FORWARD -m physdev --physdev-out vb
iptables -A FORWARD -m physdev --physdev-is-bridged
iptables -A FORWARD -m physdev --physdev-is-in
iptables -A OUTPUT -p icmp
iptables -t nat -A PREROUTING -p icmp
iptables -t nat -A INPUT -p icmp
iptables -t nat -A OUTPUT -p icmp
iptables -t nat -A POSTROUTING -p icmp
iptables -L FORWARD -n -v
iptables -L INPUT -v | grep icmp
iptables -L OUTPUT -v | grep icmp
ip netns exec pod-a ping -c 3 -i 0.2 10.244.0.3
iptables -L FORWARD -n -v
iptables -L INPUT -v | grep icmp
iptables -L OUTPUT -v | grep icmp
iptables -t nat -L -n -v
iptables -S
iptables -Z
iptables -t nat -Z
sysctl -w net.bridge.bridge-nf-call-iptables=0
ip netns exec pod-a ping -c 3 -i 0.2 10.244.0.3
iptables -L FORWARD -n -v
iptables -L INPUT -v | grep icmp
iptables -L OUTPUT -v | grep icmp
iptables -t nat -L -n -v
sysctl -w net.bridge.bridge-nf-call-iptables=1
iptables -Z
iptables -t nat -Z
iptables -P FORWARD DROP
ip netns exec pod-a ping -c 1 -W 1 10.244.0.3
iptables -L FORWARD -n -v
iptables -A FORWARD -j REJECT
ip netns exec pod-a ping -c 1 -W 1 10.244.0.3
iptables -L FORWARD -n -v
iptables -R FORWARD 11 -j REJECT --reject-with icmp-host-prohibited
ip netns exec pod-a ping -c 1 -W 1 10.244.0.3
iptables -P FORWARD ACCEPT
iptables -F FORWARD
iptables -A FORWARD -m physdev --physdev-in vb -j DROP
ip netns exec pod-a ping -c 1 -W 1 10.244.0.3
iptables -L FORWARD -n -v
ip addr add 10.244.0.1/24 dev br0
iptables -F FORWARD
iptables -A FORWARD -j REJECT
ip netns exec pod-a ping -c 1 -W 1 10.244.0.3
iptables -R FORWARD 1 -j REJECT --reject-with icmp-net-unreachable
ip netns exec pod-a ping -c 1 -W 1 10.244.0.3
iptables -L FORWARD -n -v
iptables -F FORWARD
iptables -t nat -Z
iptables -A FORWARD -p icmp -m state --state NEW
ip netns exec pod-a ping -c 2 -i 0.2 10.244.0.3
iptables -t nat -L -n -v
iptables -L FORWARD -n -v
iptables -t nat -Z
iptables -Z FORWARD
sysctl -w net.bridge.bridge-nf-call-iptables=0
ip netns exec pod-a ping -c 2 -i 0.2 10.244.0.3
iptables -t nat -L -n -v
iptables -L FORWARD -n -v
