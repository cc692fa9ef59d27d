ip netns add peer
ip link add h0 type veth peer name p0 netns peer
ip addr add 10.9.0.1/24 dev h0
ip link set h0 up
ip -n peer addr add 10.9.0.2/24 dev p0
ip -n peer link set p0 up
iptables -A FORWARD -j ACCEPT
ip netns exec peer ping -c 1 10.9.0.1
iptables -L INPUT -v -n
iptables -Z INPUT
ip netns exec peer ping -c 1 10.9.0.1
iptables -L INPUT -v -n
iptables -L OUTPUT -v -n
iptables -Z
ip netns exec peer ping -c 1 10.9.0.1
iptables -L -v -n
iptables -N EMPTY
iptables -Z EMPTY
iptables -t nat -A POSTROUTING -o nothing -j MASQUERADE
ip netns exec peer ping -c 1 10.9.0.1
iptables -t nat -L -v -n
iptables -t nat -Z INPUT
ip netns exec peer ping -c 1 10.9.0.1
iptables -t nat -L -v -n
iptables -P OUTPUT ACCEPT
iptables -Z OUTPUT
ip netns exec peer ping -c 1 10.9.0.1
iptables -L OUTPUT -v -n
ip netns add other
ip link add h1 type veth peer name p1 netns other
ip addr add 10.8.0.1/24 dev h1
ip link set h1 up
ip -n other addr add 10.8.0.2/24 dev p1
ip -n other link set p1 up
ip netns exec other iptables -A INPUT -p tcp -j ACCEPT
ip netns exec other iptables-save | ip netns exec other iptables-restore
ping -c 1 10.8.0.2
ip netns exec other iptables -L INPUT -v -n
ip netns exec other iptables -P INPUT ACCEPT
ping -c 1 10.8.0.2
ip netns exec other iptables -L INPUT -v -n
ip netns exec other iptables -A OUTPUT -p tcp -j ACCEPT
ip netns exec other iptables -A FORWARD -p tcp -j ACCEPT
ip netns exec other iptables -Z OUTPUT
ping -c 1 10.8.0.2
ip netns exec other iptables -L -v -n
ip netns exec other iptables -Z
ip netns exec other iptables -P FORWARD DROP
ip netns exec other ping -c 1 10.8.0.1
ip netns exec other iptables -L -v -n
