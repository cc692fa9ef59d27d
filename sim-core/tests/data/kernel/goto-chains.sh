ip netns add peer
ip link add h0 type veth peer name p0 netns peer
ip addr add 10.9.0.1/24 dev h0
ip link set h0 up
ip -n peer addr add 10.9.0.2/24 dev p0
ip -n peer link set p0 up
iptables -N G
iptables -N J
iptables -A G -p icmp -j RETURN
iptables -A J -p icmp -j RETURN
iptables -P INPUT ACCEPT
iptables -A INPUT -s 10.9.0.2 -g G
iptables -A INPUT -s 10.9.0.2
ip netns exec peer ping -c 2 -i 0.2 10.9.0.1
iptables -L INPUT -v -n
iptables -L G -v -n
iptables -R INPUT 1 -s 10.9.0.2 -j J
iptables -Z
ip netns exec peer ping -c 2 -i 0.2 10.9.0.1
iptables -L INPUT -v -n
iptables -A J -j G
iptables -A G -j DROP
iptables -I G -p icmp --icmp-type echo-request -g J
iptables -F J
iptables -A J -j DROP
iptables -I J -s 10.9.0.2 -j RETURN
iptables -Z
ip netns exec peer ping -c 1 -W 1 10.9.0.1
iptables -L -v -n
iptables -S
